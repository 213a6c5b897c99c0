//! Secrets (API tokens and keys) and the redactor that keeps them out of every message.
//!
//! A `Secret` never prints: its `Debug` says `[redacted]` and it has no `Display`. Any text that may
//! have met a secret (a reqwest error, a server's error body echoing a header) goes through
//! `Redactor::clean` before it is shown, logged or returned.

use std::fmt;
use std::sync::Arc;

/// A token or key. Cheap to clone; never printed.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(Arc<str>);

impl Secret {
    /// Wraps a secret value.
    pub fn new(value: impl Into<String>) -> Self {
        Self(Arc::from(value.into()))
    }

    /// The value itself, for the one place that needs it: building a request header.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("Secret([redacted])")
    }
}

/// What a redacted secret reads as.
pub const REDACTED: &str = "[redacted]";

/// Replaces every known secret in a text with `[redacted]`.
#[derive(Clone, Default)]
pub struct Redactor {
    secrets: Vec<Secret>,
}

impl fmt::Debug for Redactor {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(formatter, "Redactor({} secrets)", self.secrets.len())
    }
}

impl Redactor {
    /// A redactor for these secrets.
    pub fn new(secrets: impl IntoIterator<Item = Secret>) -> Self {
        let mut redactor = Self::default();
        for secret in secrets {
            redactor.add(secret);
        }
        redactor
    }

    /// Adds a secret. A header value such as `Bearer <token>` also registers the bare token,
    /// which a server may echo on its own.
    pub fn add(&mut self, secret: Secret) {
        if let Some((_, token)) = secret.expose().rsplit_once(' ') {
            self.add(Secret::new(token));
        }
        // Very short values would redact ordinary words; real tokens are long.
        if secret.expose().len() >= 4 && !self.secrets.contains(&secret) {
            self.secrets.push(secret);
        }
    }

    /// The text with every secret replaced.
    pub fn clean(&self, text: &str) -> String {
        let mut cleaned = text.to_owned();
        for secret in &self.secrets {
            if cleaned.contains(secret.expose()) {
                cleaned = cleaned.replace(secret.expose(), REDACTED);
            }
        }
        cleaned
    }
}

#[cfg(test)]
mod tests;
