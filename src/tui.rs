//! The real terminal: raw mode and the alternate screen on the way in, and restored on every
//! way out (quit, panic, SIGTERM, SIGHUP). Key and resize events become messages.

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
    let mut terminal = ratatui::try_init().map_err(|err| {
        format!("the explorer needs a terminal ({err}); for scripts use `userscope list` or `userscope get`")
    })?;
    if mouse {
        capture_mouse();
    }
    let size = terminal
        .size()
        .map_or((80, 24), |size| (size.width, size.height));
    let input = futures::stream::select(terminal_events(), signals());
    let result = app::run(&mut terminal, Box::pin(input), context, initial_state(size)).await;
    if mouse {
        release_mouse();
    }
    ratatui::restore();
    result.map_err(|err| format!("terminal error: {err}"))
}

/// Turns on mouse reporting, and makes sure a panic turns it off again before ratatui's own
/// panic hook restores the rest of the terminal.
fn capture_mouse() {
    let _ = crossterm::execute!(std::io::stdout(), crossterm::event::EnableMouseCapture);
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        release_mouse();
        previous(info);
    }));
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
