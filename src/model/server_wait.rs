//! A request waiting, as its server asked, before it is tried again: what the status bar, a
//! People row and a command's stderr say while something seems stuck (`http::waits` tells it).

use std::time::Duration;

/// A request waiting, as its server asked, before it is tried again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ServerWait {
    /// The status that asked for the wait.
    pub status: u16,
    /// How long the request waits.
    pub wait: Duration,
    /// Which retry follows the wait (1 for the first).
    pub retry: u32,
    /// How many retries the profile allows.
    pub retries: u32,
}

impl ServerWait {
    /// Whether the wait has ended: the retry is being sent.
    pub fn is_over(&self) -> bool {
        self.wait.is_zero()
    }

    /// `server answered 429: retry 1/3 in 61 s` (short: it shares an 80-column status bar
    /// with what is being fetched and `(Esc cancels)`).
    pub fn describe(&self) -> String {
        // Whole seconds, rounded up: a countdown that steps by one and never says 0 s.
        let secs = self.wait.as_secs_f64().ceil().max(1.0);
        format!(
            "server answered {}: retry {}/{} in {secs} s",
            self.status, self.retry, self.retries
        )
    }
}

#[cfg(test)]
mod tests;
