//! Telling whoever made a request that the server asked it to wait before it is tried again
//! (429, 503 and the like), so that a sync or a record that seems stuck for a minute says why.
//!
//! The news travels in a task-local: the app wraps a fetch's future in [`reporting_waits`],
//! and the client tells the listener of the task its request runs in. Providers pass nothing
//! through, so a new provider reports its waits without a line of its own.

use std::future::Future;
use std::sync::Arc;

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

/// Tells the listener of the running task, if it has one.
pub(super) fn tell(wait: ServerWait) {
    let _ = LISTENER.try_with(|listener| listener(wait));
}

#[cfg(test)]
mod tests;
