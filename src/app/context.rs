//! What the loop and its effects need from the outside world: the profile they talk to, where
//! other profiles come from, where exports and the trail go, and the terminal to write to.

use std::path::PathBuf;
use std::sync::Arc;

use crate::msg::ProfileView;
use crate::provider::Provider;

/// A profile opened for the explorer: what the loop talks to, and what `update` is told.
#[derive(Debug, Clone)]
pub struct OpenedProfile {
    /// Its provider.
    pub provider: Arc<dyn Provider>,
    /// Its directory (store and key).
    pub directory: crate::directory::Directory,
    /// Its badge and theme, for `update`.
    pub view: ProfileView,
}

/// Opens profiles by name for `:profile` (the session, its config and in-process sandbox).
#[async_trait::async_trait]
pub trait ProfileSource: Send + Sync {
    /// The names that can be opened.
    fn names(&self) -> Vec<String>;
    /// Opens a profile: its provider, header badge and theme.
    async fn open(&self, name: &str) -> Result<OpenedProfile, String>;
    /// Loads a theme by name (a user theme file or a built-in one).
    fn theme(&self, name: &str) -> Result<crate::theme::Theme, String>;
}

/// What effects need from the outside world.
#[derive(Clone)]
pub struct AppContext {
    /// The profile's provider.
    pub provider: Arc<dyn Provider>,
    /// The profile's name, for export file names.
    pub profile_name: String,
    /// The profile's directory: where its users are stored.
    pub directory: crate::directory::Directory,
    /// Where exports go.
    pub exports_dir: PathBuf,
    /// Where other profiles and themes come from.
    pub profiles: Arc<dyn ProfileSource>,
    /// Writes bytes straight to the terminal (OSC 52), between frames.
    pub write_terminal: fn(&[u8]),
    /// Where the audit trail is kept; `None` keeps no trail (tests).
    pub state_dir: Option<PathBuf>,
    /// Stops the running audit scan, if any.
    pub audit_cancel: Arc<std::sync::Mutex<Option<tokio_util::sync::CancellationToken>>>,
}

/// Writes to the real terminal's stdout; a failure only means the copy did not happen.
pub fn write_stdout(bytes: &[u8]) {
    use std::io::Write as _;
    let mut stdout = std::io::stdout().lock();
    let _ = stdout.write_all(bytes).and_then(|()| stdout.flush());
}
