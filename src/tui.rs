//! The real terminal: raw mode and the alternate screen on the way in, and restored on every
//! way out (quit, panic, SIGTERM, SIGHUP). Key and resize events become messages.
//!
//! Test hook: with `USERSCOPE_TEST_PANIC=after-first-frame` in the environment (read once, when
//! the explorer starts) the explorer panics right after drawing its first frame, so the
//! end-to-end tests can prove that a panic restores the terminal. Any other value does nothing.

mod cell_writer;
#[cfg(test)]
mod screen_oracle;
mod scrolling;
mod sgr;

pub use cell_writer::WriteCells;
pub use scrolling::ScrollingBackend;
pub use sgr::Pen;

use futures::{Stream, StreamExt};

use crate::app::{self, AppContext};
use crate::msg::Msg;
use crate::state::State;

/// Runs the explorer in the real terminal; `initial_state` gets the terminal's size.
pub async fn run(
    context: AppContext,
    mouse: bool,
    initial_state: impl FnOnce((u16, u16)) -> State,
) -> Result<(), String> {
    let needs_terminal = |err: std::io::Error| {
        format!(
            "the explorer needs a terminal ({err}); for scripts use `userscope list` or `userscope get`"
        )
    };
    // `try_init` turns raw mode and the alternate screen on and installs the panic hook that
    // restores them; its terminal is then rebuilt around a backend that scrolls bands of lines
    // that only moved, rather than repainting them (`tui::scrolling`).
    drop(ratatui::try_init().map_err(needs_terminal)?);
    let backend = ScrollingBackend::new(ratatui::backend::CrosstermBackend::new(std::io::stdout()))
        .map_err(needs_terminal)?;
    let mut terminal = ratatui::Terminal::new(backend).map_err(needs_terminal)?;
    install_panic_hook(mouse);
    if mouse {
        let _ = crossterm::execute!(std::io::stdout(), crossterm::event::EnableMouseCapture);
    }
    let size = terminal
        .size()
        .map_or((80, 24), |size| (size.width, size.height));
    let input = futures::stream::select(
        futures::stream::select(terminal_events(), signals()),
        test_panic(std::env::var(TEST_PANIC_ENV).ok().as_deref()),
    );
    let result = app::run(&mut terminal, Box::pin(input), context, initial_state(size)).await;
    if mouse {
        release_mouse();
    }
    reset_pen_and_margins();
    ratatui::restore();
    result.map_err(|err| format!("terminal error: {err}"))
}

/// The environment variable of the test hook (see the module docs).
pub const TEST_PANIC_ENV: &str = "USERSCOPE_TEST_PANIC";

/// On a panic: mouse reporting off, the pen and margins reset, then ratatui's hook (installed by `try_init`: raw mode off,
/// alternate screen left) and the default one (the message on stderr, now on the main screen),
/// then the cursor shown and the message logged on one line, and the process ends (exit 101).
/// Ending it matters for a panic in a spawned task: tokio would catch it and the app would go on
/// drawing into a terminal that is no longer in raw mode. Tokens never reach a panic message:
/// secrets are only ever formatted redacted.
fn install_panic_hook(mouse: bool) {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if mouse {
            release_mouse();
        }
        reset_pen_and_margins();
        previous(info);
        let _ = crossterm::execute!(std::io::stdout(), crossterm::cursor::Show);
        tracing::error!("panic: {}", crate::sanitize::one_line(&info.to_string()));
        std::process::exit(101);
    }));
}

/// The test hook's input: a stream that panics when the loop first polls its input, which it
/// does only after drawing the first frame; nothing at all unless `hook` asks for it.
fn test_panic(hook: Option<&str>) -> impl Stream<Item = Msg> + use<> {
    let armed = hook == Some("after-first-frame");
    futures::stream::poll_fn(move |_| {
        assert!(
            !armed,
            "{TEST_PANIC_ENV}=after-first-frame: a panic on demand, to test the terminal's restore"
        );
        std::task::Poll::Pending
    })
}

/// The default style and no scroll region: the backend keeps both from frame to frame
/// (`tui::scrolling`), and the shell must not get them.
fn reset_pen_and_margins() {
    use std::io::Write;
    let mut stdout = std::io::stdout();
    let _ = stdout.write_all(scrolling::RESET_PEN_AND_MARGINS);
    let _ = stdout.flush();
}

fn release_mouse() {
    let _ = crossterm::execute!(std::io::stdout(), crossterm::event::DisableMouseCapture);
}

/// Keys and resizes from crossterm.
fn terminal_events() -> impl Stream<Item = Msg> {
    crossterm::event::EventStream::new().filter_map(|event| async move {
        match event {
            Ok(crossterm::event::Event::Key(key)) => Some(Msg::Key(key)),
            Ok(crossterm::event::Event::Resize(columns, rows)) => Some(Msg::Resize(columns, rows)),
            Ok(crossterm::event::Event::Mouse(mouse)) => Some(Msg::Mouse(mouse)),
            Ok(_) => None,
            // The terminal is gone (e.g. a dropped SSH session): stop cleanly.
            Err(_) => Some(Msg::Terminate),
        }
    })
}

/// SIGTERM and SIGHUP as `Msg::Terminate`, so the loop exits and the terminal is restored.
fn signals() -> impl Stream<Item = Msg> {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        let streams: Vec<_> = [SignalKind::terminate(), SignalKind::hangup()]
            .into_iter()
            .filter_map(|kind| signal(kind).ok())
            .map(|mut receiver| {
                futures::stream::poll_fn(move |context| receiver.poll_recv(context))
                    .map(|()| Msg::Terminate)
            })
            .collect();
        futures::stream::select_all(streams)
    }
    #[cfg(not(unix))]
    {
        futures::stream::pending()
    }
}
