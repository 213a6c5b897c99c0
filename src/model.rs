//! The shared domain model: what every provider maps its wire JSON into, and what the CLI and the
//! explorer render. Nothing here knows about HTTP or about any one provider.

mod fetch_error;
mod field;
mod lists;
mod provider_kind;
mod record;
mod server_wait;
mod summary;

pub use fetch_error::FetchError;
pub use field::{Field, FieldValue, NOTES_SECTION, Section};

/// The operator's local UTC offset now, for showing times in one consistent local form.
pub fn local_offset() -> chrono::FixedOffset {
    use chrono::Offset as _;
    chrono::Local::now().offset().fix()
}
pub use lists::{BigBody, ListSource};
pub use provider_kind::ProviderKind;
pub use record::{RawBody, ThreadInfo, UserRecord};
pub use server_wait::ServerWait;
pub use summary::{StatusMarker, UserPage, UserRef, UserSummary};
