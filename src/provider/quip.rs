//! Placeholder: being written.

use std::sync::Arc;

use super::{Provider, ProviderError};
use crate::config::Profile;

/// The provider's name in profiles.
pub const NAME: &str = "quip";

/// Builds the provider from a profile.
pub fn build(profile: &Profile) -> Result<Arc<dyn Provider>, ProviderError> {
    Err(ProviderError::Unsupported(format!(
        "profile {}: the quip provider is not built yet",
        profile.name
    )))
}
