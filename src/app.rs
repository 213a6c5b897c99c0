//! The only impure loop: input, results and ticks become messages; `update` turns them into
//! effects, which run as tokio tasks (`effects`); then one frame is drawn. Messages already waiting
//! are drained before drawing, so a burst of results costs one frame. The loop takes its
//! terminal and input stream as parameters, so tests run it on a `TestBackend`.

use std::collections::HashMap;
use std::time::Duration;

use futures::{Stream, StreamExt};
use ratatui::Terminal;
use ratatui::backend::Backend;
use tokio::sync::mpsc;
use tokio::task::AbortHandle;
use tokio::time::Instant;

use crate::msg::Msg;
use crate::state::{RequestId, State};
use crate::ui;
use crate::update::{init, update};

mod context;
mod effects;
mod export_marked;
mod person_lookup;

pub use context::{AppContext, OpenedProfile, ProfileSource, write_stdout};
use effects::run_effect;

/// Time between ticks while something animates or waits; no ticks at all when idle.
pub const TICK_INTERVAL: Duration = Duration::from_millis(80);

/// Runs the explorer until it quits or the input ends.
pub async fn run<B, I>(
    terminal: &mut Terminal<B>,
    mut input: I,
    mut context: AppContext,
    mut state: State,
) -> Result<(), B::Error>
where
    B: Backend,
    I: Stream<Item = Msg> + Unpin,
{
    let (sender, mut results) = mpsc::unbounded_channel::<Msg>();
    // Opened profiles come apart from messages: the loop swaps the provider before `update`
    // hears of the switch.
    let (opened_sender, mut opened_profiles) = mpsc::unbounded_channel::<OpenedProfile>();
    let mut tasks: HashMap<RequestId, AbortHandle> = HashMap::new();
    let mut effects = init(&mut state);
    let mut next_tick: Option<Instant> = None;
    let mut drawn = ui::DrawnRows::default();
    loop {
        for effect in effects.drain(..) {
            run_effect(effect, &context, &sender, &opened_sender, &mut tasks);
        }
        if state.quit {
            break;
        }
        terminal.draw(|frame| ui::render(frame, &state, &state.theme, &mut drawn))?;
        next_tick = if state.needs_tick() {
            Some(next_tick.unwrap_or_else(|| Instant::now() + TICK_INTERVAL))
        } else {
            None
        };
        let tick = async {
            match next_tick {
                Some(at) => tokio::time::sleep_until(at).await,
                None => std::future::pending().await,
            }
        };
        let msg = tokio::select! {
            msg = input.next() => msg.unwrap_or(Msg::Terminate),
            Some(msg) = results.recv() => msg,
            Some(opened) = opened_profiles.recv() => {
                // Work for the old profile is moot: stop it, then talk to the new provider.
                for handle in tasks.values() {
                    handle.abort();
                }
                tasks.clear();
                context.provider = opened.provider;
                context.directory = opened.directory;
                context.profile_name.clone_from(&opened.view.badge.name);
                Msg::ProfileSwitched { result: Ok(opened.view) }
            }
            () = tick => {
                next_tick = None;
                Msg::Tick
            }
        };
        effects = update(&mut state, msg);
        // Drain the results already waiting, then draw once. (Input is not polled here: a
        // crossterm EventStream polled with a no-op waker would never wake the loop again.)
        while let Ok(msg) = results.try_recv() {
            effects.extend(update(&mut state, msg));
        }
        tasks.retain(|_, handle| !handle.is_finished());
    }
    for handle in tasks.values() {
        handle.abort();
    }
    Ok(())
}
