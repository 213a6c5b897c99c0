//! One person across every profile: what a `who` query is (an e-mail, matched exactly, or a
//! name, matched loosely), how two addresses are the same person's, what "active" means in each
//! provider, and the account row `who`, the People view and the cross-profile audit share. Pure:
//! the lookups that fill these rows live in `people_lookup.rs`.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::audit::{Finding, Severity};
use crate::model::{ProviderKind, StatusMarker, UserRecord, UserSummary};

/// What the operator asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WhoQuery {
    /// An address, normalised: accounts under it are this person's for certain.
    Email(String),
    /// Words of a name, lower-cased: accounts that match are only possibly this person's.
    Name(Vec<String>),
}

impl WhoQuery {
    /// Reads a query: an e-mail when it looks like one (one `@`, text on both sides, no
    /// spaces), else a name. `None` when nothing is left once trimmed.
    pub fn parse(text: &str) -> Option<Self> {
        if let Some(email) = normalise_email(text) {
            return Some(Self::Email(email));
        }
        let words: Vec<String> = text.split_whitespace().map(fold).collect();
        (!words.is_empty()).then_some(Self::Name(words))
    }

    /// Whether a listed user is a match, and how sure: `Some(true)` certain (the same
    /// address), `Some(false)` possible (a name that fits), `None` not a match.
    pub fn matches(&self, user: &UserSummary) -> Option<bool> {
        match self {
            Self::Email(email) => {
                (normalise_email(&user.email).as_deref() == Some(email.as_str())).then_some(true)
            }
            Self::Name(words) => {
                // The address's local part spells many names in ASCII (`yui.suzuki.0@…` for
                // `Yui 鈴木`): a name fits when it fits either.
                let local = user.email.split('@').next().unwrap_or_default();
                (name_fits(words, &user.name) || name_fits(words, &local.replace('.', " ")))
                    .then_some(false)
            }
        }
    }

    /// The query as the operator would read it back.
    pub fn text(&self) -> String {
        match self {
            Self::Email(email) => email.clone(),
            Self::Name(words) => words.join(" "),
        }
    }
}

/// The key that joins one person's accounts: the address trimmed and lower-cased. Providers
/// differ in the case they keep (`Ava.Smith@…` in one, `ava.smith@…` in another), and mail
/// systems treat the whole address case-insensitively in practice. `None` for what is not an
/// address. Plus-tags and dots are kept: they are different mailboxes to most providers.
pub fn normalise_email(text: &str) -> Option<String> {
    let trimmed = text.trim();
    let (local, domain) = trimmed.split_once('@')?;
    let plausible = !local.is_empty()
        && !domain.is_empty()
        && !domain.contains('@')
        && !trimmed.chars().any(char::is_whitespace);
    plausible.then(|| trimmed.to_lowercase())
}

/// Lower case without accents' common forms, so `José` fits `jose`.
fn fold(word: &str) -> String {
    word.to_lowercase()
        .chars()
        .map(|c| match c {
            'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'í' | 'ì' | 'î' | 'ï' => 'i',
            'ó' | 'ò' | 'ô' | 'ö' | 'õ' | 'ø' => 'o',
            'ú' | 'ù' | 'û' | 'ü' => 'u',
            'ç' => 'c',
            'ñ' => 'n',
            other => other,
        })
        .collect()
}

/// Whether every word of the query starts a word of the name (`ava smi` fits `Ava Smith`;
/// an initial such as `A.` fits `ava`).
fn name_fits(words: &[String], name: &str) -> bool {
    let name_words: Vec<String> = name
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|word| !word.is_empty())
        .map(fold)
        .collect();
    words.iter().all(|word| {
        name_words.iter().any(|name_word| {
            name_word.starts_with(word.as_str())
                || name_word
                    .strip_suffix('.')
                    .is_some_and(|initial| !initial.is_empty() && word.starts_with(initial))
        })
    })
}

/// Whether an account can be used, in its provider's own terms (docs/WHO.md states them):
/// Zoo — not blocked; Quip — not disabled; Scanova — its invitation accepted (a pending
/// invitation is not yet access); Zooza — its role not an inactive one. Any other provider:
/// none of those markers.
pub fn is_active(provider: ProviderKind, status: &[StatusMarker]) -> bool {
    let has = |wanted: fn(&StatusMarker) -> bool| status.iter().any(wanted);
    match provider {
        ProviderKind::Zoo => !has(|marker| matches!(marker, StatusMarker::Blocked(_))),
        ProviderKind::Quip => !has(|marker| matches!(marker, StatusMarker::Disabled)),
        ProviderKind::Scanova => !has(|marker| matches!(marker, StatusMarker::PendingInvitation)),
        ProviderKind::Zooza => !has(|marker| matches!(marker, StatusMarker::Inactive)),
    }
}

/// The last login a record shows, where its API has one (Scanova's `last_login`).
pub fn last_login(record: &UserRecord) -> Option<String> {
    match record.provider {
        ProviderKind::Scanova => record
            .json
            .pointer("/shared_user/last_login")
            .and_then(serde_json::Value::as_str)
            .map(str::to_owned),
        ProviderKind::Zoo | ProviderKind::Zooza | ProviderKind::Quip => None,
    }
}

/// Whether MFA is on, where the API says (Scanova's `mfa_enabled`).
pub fn mfa(record: &UserRecord) -> Option<bool> {
    match record.provider {
        ProviderKind::Scanova => record
            .json
            .pointer("/shared_user/mfa_enabled")
            .and_then(serde_json::Value::as_bool),
        ProviderKind::Zoo | ProviderKind::Zooza | ProviderKind::Quip => None,
    }
}

/// Findings counted by severity, lowest first.
pub type FindingCounts = BTreeMap<Severity, usize>;

/// One account of the person: a row of `who` and of the People view.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Account {
    /// The profile it was found in.
    pub profile: String,
    /// Its provider (`zoo`, `quip`...).
    pub provider: ProviderKind,
    /// The id the provider's detail endpoint takes.
    pub user_id: String,
    /// The name as the provider spells it.
    pub name: String,
    /// The address as the provider keeps it.
    pub email: String,
    /// Whether the account can be used (see [`is_active`]).
    pub active: bool,
    /// Last login, where the API has one.
    pub last_login: Option<String>,
    /// Whether MFA is on, where the API has it.
    pub mfa: Option<bool>,
    /// The audit rules' findings on the record.
    pub findings: FindingCounts,
    /// `certain` for the same address, `possible` for a name that fits (`match` in JSON).
    #[serde(rename = "match")]
    pub certainty: MatchKind,
}

/// What one profile said: its accounts of the person, or why it could not be searched.
#[derive(Debug, Clone, PartialEq)]
pub struct ProfileAnswer {
    /// The profile.
    pub profile: String,
    /// The accounts found (empty: none here), or the reason the profile could not be searched.
    pub accounts: Result<Vec<Account>, String>,
}

/// How sure a row is to be the person's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum MatchKind {
    /// The same address.
    Certain,
    /// Only a name that fits.
    Possible,
}

impl Account {
    /// The row for a fetched record: its summary's markers and those the list showed decide
    /// "active" (a record's mapping may leave out what the list row carried).
    pub fn from_record(
        profile: &str,
        listed: &UserSummary,
        record: &UserRecord,
        findings: &[Finding],
        certain: bool,
    ) -> Self {
        let mut status = record.summary.status.clone();
        status.extend(listed.status.iter().cloned());
        let pick = |fetched: &str, listed: &str| {
            if fetched.is_empty() {
                listed.to_owned()
            } else {
                fetched.to_owned()
            }
        };
        Self {
            profile: profile.to_owned(),
            provider: record.provider,
            user_id: listed.id.clone(),
            name: pick(&record.summary.name, &listed.name),
            email: pick(&record.summary.email, &listed.email),
            active: is_active(record.provider, &status),
            last_login: last_login(record),
            mfa: mfa(record),
            findings: crate::audit::report::counts_of(findings),
            certainty: if certain {
                MatchKind::Certain
            } else {
                MatchKind::Possible
            },
        }
    }

    /// `2 high, 1 low`, the most severe first; `none` without findings.
    pub fn findings_text(&self) -> String {
        crate::audit::report::counts_text(&self.findings).unwrap_or_else(|| "none".to_owned())
    }
}

#[cfg(test)]
mod tests;
