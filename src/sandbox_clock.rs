//! The fixed date the sandbox's generated data is written as of. The sandbox writes its
//! times from it, and audits of sandbox profiles (the explorer's and `userscope audit`) judge
//! ages against it, so a finding such as "not logged in for 90 days" is the same every day.

/// 2026-06-01T00:00:00Z.
pub const SANDBOX_NOW_EPOCH_SECS: i64 = 1_780_272_000;

/// The sandbox's fixed "now", as the audits of sandbox profiles judge ages.
pub fn now() -> Option<chrono::DateTime<chrono::Utc>> {
    chrono::DateTime::from_timestamp(SANDBOX_NOW_EPOCH_SECS, 0)
}
