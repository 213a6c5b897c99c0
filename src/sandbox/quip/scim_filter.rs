//! The SCIM `filter` the sandbox's `/Users` understands (RFC 7644 §3.4.2.2), and when each user
//! last changed. Two filters: `userName eq "x"` (a lookup) and `meta.lastModified gt "<RFC 3339>"`
//! (or `ge`: what changed since a time). Anything else is refused, as a SCIM server does, with
//! 400 `invalidFilter`.
//!
//! `meta.lastModified` is a function of the index alone, so a filter over a million users is
//! arithmetic, not a million generated people: some days after creation for most users, and
//! within the two days before the sandbox's fixed "now" for every 50th (index % 50 == 7), the
//! few a refresh should bring.

use chrono::DateTime;

use crate::sandbox::generate::{NOW_EPOCH_SECS, created_floor_secs};

/// A filter the sandbox applies.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum ScimFilter {
    /// `userName eq "x"`: the user with this address.
    UserName(String),
    /// `meta.lastModified gt "t"` (`inclusive`: `ge`): users changed after `t` (Unix seconds).
    ChangedAfter { secs: i64, inclusive: bool },
}

/// Whether the user at `index` changed after `secs` (at `secs` too when `inclusive`: `ge`).
pub(crate) fn changed_after(index: u64, secs: i64, inclusive: bool) -> bool {
    let modified = last_modified_secs(index);
    modified > secs || (inclusive && modified == secs)
}

/// Whether the user at `index` is one of the few that changed shortly before the sandbox's "now".
pub(crate) fn recently_changed(index: u64) -> bool {
    index % 50 == 7
}

/// When the user at `index` last changed (Unix seconds): never before its creation.
pub(crate) fn last_modified_secs(index: u64) -> i64 {
    // 80 s past the earliest creation time is past the creation time itself.
    let created = created_floor_secs(index) + 80;
    if recently_changed(index) {
        let hours = 1 + (index / 50) % 47;
        (NOW_EPOCH_SECS - 3600 * hours as i64).max(created)
    } else {
        created + 86_400 * (index % 90) as i64
    }
}

/// Reads a filter; `None` for one the sandbox does not support. Attribute and operator names
/// are case-insensitive, as SCIM says.
pub(crate) fn parse(filter: &str) -> Option<ScimFilter> {
    let filter = filter.trim();
    let (attribute, rest) = filter.split_once(char::is_whitespace)?;
    let (operator, value) = rest.trim_start().split_once(char::is_whitespace)?;
    let value = value.trim().strip_prefix('"')?.strip_suffix('"')?;
    let operator = operator.to_ascii_lowercase();
    if attribute.eq_ignore_ascii_case("userName") && operator == "eq" {
        return Some(ScimFilter::UserName(value.to_owned()));
    }
    if attribute.eq_ignore_ascii_case("meta.lastModified")
        && matches!(operator.as_str(), "gt" | "ge")
    {
        let time = DateTime::parse_from_rfc3339(value).ok()?;
        // A fraction of a second past a whole one is after it: `gt` at .5 is `ge` at the next.
        let (secs, fraction) = (time.timestamp(), time.timestamp_subsec_nanos());
        return Some(match (operator.as_str(), fraction) {
            ("gt", 0) => ScimFilter::ChangedAfter {
                secs,
                inclusive: false,
            },
            (_, 0) => ScimFilter::ChangedAfter {
                secs,
                inclusive: true,
            },
            _ => ScimFilter::ChangedAfter {
                secs: secs + 1,
                inclusive: true,
            },
        });
    }
    None
}

#[cfg(test)]
mod tests;
