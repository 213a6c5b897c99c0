//! Telling whoever made a request that the server asked it to wait before it is tried again
//! (429, 503 and the like), so that a sync or a record that seems stuck for a minute says why.
//!
//! The news travels in a task-local: the app wraps a fetch's future in [`reporting_waits`],
//! and the client tells the listener of the task its request runs in. Providers pass nothing
//! through, so a new provider reports its waits without a line of its own.

use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

pub use crate::model::ServerWait;

type Listener = Arc<dyn Fn(ServerWait) + Send + Sync>;

tokio::task_local! {
    static LISTENER: Listener;
}

/// Runs `future` with `listener` told of every wait its requests make.
pub async fn reporting_waits<F: Future>(
    listener: impl Fn(ServerWait) + Send + Sync + 'static,
    future: F,
) -> F::Output {
    LISTENER.scope(Arc::new(listener), future).await
}

/// How often a wait tells how long is left: the status bar counts down by the second.
const TELL_EVERY: Duration = Duration::from_secs(1);

/// Tells the listener of the running task, if it has one.
fn tell(wait: ServerWait) {
    let _ = LISTENER.try_with(|listener| listener(wait));
}

/// Sleeps `wait` out, telling the listener how long is left once a second, and at its end
/// that it is over (a wait of zero: the retry is being sent).
pub(super) async fn sleep_telling(mut wait: ServerWait) {
    loop {
        tell(wait);
        if wait.is_over() {
            break;
        }
        let step = wait.wait.min(TELL_EVERY);
        tokio::time::sleep(step).await;
        wait.wait = wait.wait.saturating_sub(step);
    }
}

#[cfg(test)]
mod tests;
