//! Why something asked of a provider did not come, as the explorer tells it: the pure core
//! shows and keeps it, and never needs the provider's own error type.

/// A failed fetch, list, search or mapping.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FetchError {
    /// What went wrong, on one line.
    pub message: String,
    /// What the operator can try next.
    pub hint: String,
    /// The API cannot do this at all (a search it lacks), rather than it failed.
    pub unsupported: bool,
}

impl FetchError {
    /// A failure with its hint.
    pub fn new(message: impl Into<String>, hint: impl Into<String>) -> Self {
        Self {
            message: message.into(),
            hint: hint.into(),
            unsupported: false,
        }
    }

    /// The message and the hint on one line, for a status bar.
    pub fn one_line(&self) -> String {
        crate::sanitize::one_line(&format!("{} — {}", self.message, self.hint))
    }
}

impl std::fmt::Display for FetchError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}
