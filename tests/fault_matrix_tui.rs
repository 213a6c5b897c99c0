//! The fault matrix (`support/faults.rs`) against the explorer: the real loop (`app::run`) on
//! ratatui's `TestBackend`, scripted keys, and a sandbox serving the fault behind it, for every
//! provider. Each case: the list fails with the message and its hint on screen (or the record
//! opens with its JSON notes); `?` opens and closes the help; `r` loads the list once the fault is
//! gone; the fault back, `j` moves to a user whose record then fails in the detail pane; `q` quits
//! and the loop returns cleanly. A panic anywhere fails the test. Cases run concurrently.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;
use support::explorer::{NoProfiles, no_terminal_writes};

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use futures::StreamExt as _;
use futures::channel::mpsc;
use ratatui::Terminal;
use ratatui::backend::{Backend, ClearType, TestBackend, WindowSize};
use ratatui::buffer::Cell;
use ratatui::layout::{Position, Size};
use support::faults::{FaultCase, Outcome, Setup, cases};
use support::{PROVIDERS, build, matrix_profile, set_faults, start};
use userscope::app::AppContext;
use userscope::msg::Msg;
use userscope::state::{ProfileBadge, State};

/// Wide enough that no message wraps: each one sits whole on one row.
const SIZE: (u16, u16) = (420, 16);

/// How long any one screen condition may take (the slowest fault takes about a second).
const DEADLINE: Duration = Duration::from_secs(20);

/// Cases run at once.
const CONCURRENCY: usize = 32;

/// A `TestBackend` the test can read while the loop draws on it; `frames` counts flushes, so
/// the screen is read again only once it has changed.
#[derive(Clone)]
struct SharedBackend {
    backend: Arc<Mutex<TestBackend>>,
    frames: Arc<AtomicU64>,
}

impl SharedBackend {
    fn lock(&self) -> std::sync::MutexGuard<'_, TestBackend> {
        self.backend.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// The screen as text, one string per row.
    fn rows(&self) -> Vec<String> {
        let backend = self.lock();
        let buffer = backend.buffer();
        let width = usize::from(buffer.area.width);
        buffer
            .content
            .chunks(width)
            .map(|row| row.iter().map(Cell::symbol).collect())
            .collect()
    }
}

impl Backend for SharedBackend {
    type Error = std::convert::Infallible;

    fn draw<'a, I>(&mut self, content: I) -> Result<(), Self::Error>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        self.lock().draw(content)
    }

    fn hide_cursor(&mut self) -> Result<(), Self::Error> {
        self.lock().hide_cursor()
    }

    fn show_cursor(&mut self) -> Result<(), Self::Error> {
        self.lock().show_cursor()
    }

    fn get_cursor_position(&mut self) -> Result<Position, Self::Error> {
        self.lock().get_cursor_position()
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> Result<(), Self::Error> {
        self.lock().set_cursor_position(position)
    }

    fn clear(&mut self) -> Result<(), Self::Error> {
        self.lock().clear()
    }

    fn clear_region(&mut self, clear_type: ClearType) -> Result<(), Self::Error> {
        self.lock().clear_region(clear_type)
    }

    fn size(&self) -> Result<Size, Self::Error> {
        self.lock().size()
    }

    fn window_size(&mut self) -> Result<WindowSize, Self::Error> {
        self.lock().window_size()
    }

    fn flush(&mut self) -> Result<(), Self::Error> {
        self.frames.fetch_add(1, Ordering::Relaxed);
        self.lock().flush()
    }

    fn scroll_region_up(
        &mut self,
        region: std::ops::Range<u16>,
        line_count: u16,
    ) -> Result<(), Self::Error> {
        self.lock().scroll_region_up(region, line_count)
    }

    fn scroll_region_down(
        &mut self,
        region: std::ops::Range<u16>,
        line_count: u16,
    ) -> Result<(), Self::Error> {
        self.lock().scroll_region_down(region, line_count)
    }
}

fn key(c: char) -> Msg {
    Msg::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE))
}

/// One running explorer: its screen and its keyboard.
struct Driver {
    screen: SharedBackend,
    keys: mpsc::UnboundedSender<Msg>,
    what: String,
}

impl Driver {
    fn press(&self, c: char) {
        self.keys.unbounded_send(key(c)).unwrap();
    }

    /// Waits until the screen satisfies `ready`; the error names the case and shows the screen.
    async fn wait(
        &self,
        waiting_for: &str,
        ready: impl Fn(&[String]) -> bool,
    ) -> Result<(), String> {
        let deadline = tokio::time::Instant::now() + DEADLINE;
        let mut seen = u64::MAX;
        let mut rows = Vec::new();
        loop {
            let frames = self.screen.frames.load(Ordering::Relaxed);
            if frames != seen {
                seen = frames;
                rows = self.screen.rows();
                if ready(&rows) {
                    return Ok(());
                }
            }
            if tokio::time::Instant::now() > deadline {
                let screen: Vec<&str> = rows.iter().map(|row| row.trim_end()).collect();
                return Err(format!(
                    "{}: waited in vain for {waiting_for}; the screen:\n{}",
                    self.what,
                    screen.join("\n")
                ));
            }
            tokio::time::sleep(Duration::from_millis(40)).await;
        }
    }

    /// Waits for a row holding both fragments (the message and its hint).
    async fn wait_row(&self, says: &str, hint: &str) -> Result<(), String> {
        self.wait(&format!("{says:?} with {hint:?}"), |rows| {
            rows.iter()
                .any(|row| row.contains(says) && row.contains(hint))
        })
        .await
    }

    async fn wait_text(&self, text: &str) -> Result<(), String> {
        self.wait(&format!("{text:?}"), |rows| {
            rows.iter().any(|row| row.contains(text))
        })
        .await
    }

    /// `?` opens the help over whatever is shown, and any key closes it.
    async fn help_opens_and_closes(&self) -> Result<(), String> {
        self.press('?');
        self.wait_text(" Keys: ").await?;
        self.press('?');
        self.wait("the help to close", |rows| {
            !rows.iter().any(|row| row.contains(" Keys: "))
        })
        .await
    }
}

/// What the first user's overview starts with when all is well.
async fn baseline(provider_name: &str) -> String {
    let sandbox = start(40).await;
    let provider = build(&matrix_profile(&sandbox, provider_name));
    let first = provider.list_users(None, 5).await.unwrap().users[0]
        .id
        .clone();
    let record = provider.fetch_record(&first).await.unwrap();
    record.sections[0].title.clone()
}

/// The script of one case, run beside the explorer.
async fn script(
    driver: &Driver,
    sandbox: &userscope::sandbox::Sandbox,
    case: &FaultCase,
    overview_title: &str,
) -> Result<(), String> {
    match case.outcome {
        Outcome::Fails {
            says,
            record_says,
            hint,
            record_hint,
        } => {
            driver.wait_row(says, hint).await?;
            driver.help_opens_and_closes().await?;
            if let Setup::Fault(spec) = case.setup {
                set_faults(sandbox, "none");
                driver.press('r');
                driver.wait_text(overview_title).await?;
                set_faults(sandbox, spec);
                driver.press('j');
                driver.wait_row(record_says, record_hint).await?;
                driver.help_opens_and_closes().await?;
            }
        }
        Outcome::Opens { shows } => {
            driver
                .wait_text(if shows.is_empty() {
                    overview_title
                } else {
                    "JSON notes"
                })
                .await?;
            if !shows.is_empty() {
                driver.wait_text(shows).await?;
            }
            driver.help_opens_and_closes().await?;
            driver.press('j');
            driver
                .wait("the next record", |rows| {
                    !rows.iter().any(|row| row.contains("fetching"))
                })
                .await?;
        }
    }
    driver.press('q');
    Ok(())
}

async fn run_case(
    provider_name: &'static str,
    case: FaultCase,
    overview_title: String,
) -> Result<(), String> {
    let what = format!("{provider_name}: {}", case.name);
    let sandbox = start(40).await;
    let mut profile = matrix_profile(&sandbox, provider_name);
    match case.setup {
        Setup::Fault(spec) => set_faults(&sandbox, spec),
        Setup::ConnectionRefused => {
            let closed = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
            let port = closed.local_addr().unwrap().port();
            drop(closed);
            let base = profile.config.base_url.clone().unwrap();
            let path = url::Url::parse(&base).unwrap().path().to_owned();
            profile.config.base_url = Some(format!("http://127.0.0.1:{port}{path}"));
            profile.config.scim_base_url = Some(format!("http://127.0.0.1:{port}/quip/scim/2"));
        }
    }
    let provider = build(&profile);
    let screen = SharedBackend {
        backend: Arc::new(Mutex::new(TestBackend::new(SIZE.0, SIZE.1))),
        frames: Arc::default(),
    };
    let (keys, input) = mpsc::unbounded::<Msg>();
    let driver = Driver {
        screen: screen.clone(),
        keys,
        what: what.clone(),
    };
    let exports = tempfile::tempdir().unwrap();
    let context = AppContext {
        provider,
        directory: userscope::directory::Directory::in_memory(
            &format!("sandbox-{provider_name}"),
            provider_name,
        ),
        profile_name: format!("sandbox-{provider_name}"),
        exports_dir: exports.path().to_owned(),
        profiles: Arc::new(NoProfiles),
        write_terminal: no_terminal_writes,
        state_dir: None,
        audit_cancel: Arc::default(),
    };
    let badge = ProfileBadge {
        name: format!("sandbox-{provider_name}"),
        provider: provider_name.to_owned(),
        is_sandbox: true,
    };
    let state = State::new(badge, SIZE);
    let mut terminal = Terminal::new(screen).unwrap();
    let app = userscope::app::run(&mut terminal, input.boxed(), context, state);
    let steps = async {
        let outcome = script(&driver, &sandbox, &case, &overview_title).await;
        if outcome.is_err() {
            // Stop the loop so the failure is reported instead of waiting forever.
            let _ = driver.keys.unbounded_send(Msg::Terminate);
        }
        outcome
    };
    let (ran, scripted) = tokio::join!(tokio::time::timeout(DEADLINE * 4, app), steps);
    scripted?;
    match ran {
        Ok(Ok(())) => Ok(()),
        Ok(Err(never)) => match never {},
        Err(_) => Err(format!("{what}: the loop did not end after q")),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_fault_case_shows_its_message_and_the_explorer_keeps_answering_keys() {
    let cases = cases();
    let mut titles = std::collections::HashMap::new();
    for provider in PROVIDERS {
        titles.insert(provider, baseline(provider).await);
    }
    let jobs: Vec<(&'static str, FaultCase, String)> = PROVIDERS
        .iter()
        .flat_map(|provider| {
            let title = &titles[provider];
            cases
                .iter()
                .map(move |case| (*provider, case.clone(), title.clone()))
        })
        .collect();
    let total = jobs.len();
    let failures: Vec<String> = futures::stream::iter(jobs)
        .map(|(provider, case, title)| run_case(provider, case, title))
        .buffer_unordered(CONCURRENCY)
        .filter_map(|result| async move { result.err() })
        .collect()
        .await;
    assert_eq!(total, cases.len() * PROVIDERS.len());
    assert!(
        failures.is_empty(),
        "{} of {total} cases failed:\n\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}
