//! What the explorer's loop needs besides a provider, for tests that run it headless: no other
//! profiles to switch to, and a terminal that takes no raw writes.

use userscope::app::{OpenedProfile, ProfileSource};
use userscope::theme::Theme;

/// No other profiles; the default theme.
pub struct NoProfiles;

#[async_trait::async_trait]
impl ProfileSource for NoProfiles {
    fn names(&self) -> Vec<String> {
        Vec::new()
    }

    async fn open(&self, name: &str) -> Result<OpenedProfile, String> {
        Err(format!("no profile {name} in this test"))
    }

    fn theme(&self, _name: &str) -> Result<Theme, String> {
        Ok(Theme::dark())
    }
}

/// The loop's raw terminal writes (OSC 52 and the like), dropped.
pub fn no_terminal_writes(_: &[u8]) {}
