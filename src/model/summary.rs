//! One row of a user list, and a page of them.

use serde::{Serialize, Serializer};

/// A user as a list shows it: enough to find and pick, never the whole record.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct UserSummary {
    /// The id the provider's detail endpoint takes (UUID, int, Quip id...), as text.
    pub id: String,
    /// Display name; empty when the API gave none.
    pub name: String,
    /// Primary e-mail; empty when the API gave none.
    pub email: String,
    /// Role or access level, where the API has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// Markers a list row shows beside the name (blocked, disabled, pending invitation...).
    pub status: Vec<StatusMarker>,
}

/// The most characters of a name, e-mail or role a summary keeps. A list row shows a few dozen
/// and nobody filters on the thousandth; a hostile server's 5,000-character names, a million
/// times over, would otherwise fill memory and the store. The record itself keeps every byte.
pub const SUMMARY_TEXT_MAX_CHARS: usize = 256;

/// `text` cut to [`SUMMARY_TEXT_MAX_CHARS`], an ellipsis saying so.
fn bounded_text(mut text: String) -> String {
    if let Some((at, _)) = text.char_indices().nth(SUMMARY_TEXT_MAX_CHARS) {
        text.truncate(at);
        text.push('…');
    }
    text
}

impl UserSummary {
    /// The summary with its texts cut to [`SUMMARY_TEXT_MAX_CHARS`]: every provider's list rows
    /// pass through it.
    #[must_use]
    pub fn bounded(self) -> Self {
        Self {
            name: bounded_text(self.name),
            email: bounded_text(self.email),
            role: self.role.map(bounded_text),
            ..self
        }
    }

    /// A summary with only an id, for records whose API gives nothing else.
    pub fn with_id(id: impl Into<String>) -> Self {
        Self {
            id: id.into(),
            name: String::new(),
            email: String::new(),
            role: None,
            status: Vec::new(),
        }
    }
}

/// A user borrowed: from the list's compact storage, or from a [`UserSummary`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UserRef<'a> {
    /// The id the provider's detail endpoint takes.
    pub id: &'a str,
    /// Display name; empty when the API gave none.
    pub name: &'a str,
    /// Primary e-mail; empty when the API gave none.
    pub email: &'a str,
    /// Role or access level, where the API has one.
    pub role: Option<&'a str>,
    /// Markers the row shows beside the name.
    pub status: &'a [StatusMarker],
}

impl UserRef<'_> {
    /// The user as an owned summary.
    pub fn to_summary(self) -> UserSummary {
        UserSummary {
            id: self.id.to_owned(),
            name: self.name.to_owned(),
            email: self.email.to_owned(),
            role: self.role.map(str::to_owned),
            status: self.status.to_vec(),
        }
    }

    /// Whether `user` is this row, field for field.
    pub fn is(self, user: &UserSummary) -> bool {
        self.id == user.id
            && self.name == user.name
            && self.email == user.email
            && self.role == user.role.as_deref()
            && self.status == user.status.as_slice()
    }
}

impl<'a> From<&'a UserSummary> for UserRef<'a> {
    fn from(user: &'a UserSummary) -> Self {
        Self {
            id: &user.id,
            name: &user.name,
            email: &user.email,
            role: user.role.as_deref(),
            status: &user.status,
        }
    }
}

/// A state worth flagging in a list row.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum StatusMarker {
    /// Blocked, with the provider's reason (unknown reasons kept as text).
    Blocked(String),
    /// Account disabled or deactivated.
    Disabled,
    /// Invited and not yet accepted.
    PendingInvitation,
    /// The account's owner.
    Owner,
    /// A robot or service account.
    Robot,
    /// An inactive role or membership.
    Inactive,
    /// Never logged in.
    NeverLoggedIn,
}

impl StatusMarker {
    /// A short stable token, used in JSON output and by filters.
    pub fn label(&self) -> String {
        match self {
            Self::Blocked(reason) if reason.is_empty() => "blocked".to_owned(),
            Self::Blocked(reason) => format!("blocked:{reason}"),
            Self::Disabled => "disabled".to_owned(),
            Self::PendingInvitation => "pending_invitation".to_owned(),
            Self::Owner => "owner".to_owned(),
            Self::Robot => "robot".to_owned(),
            Self::Inactive => "inactive".to_owned(),
            Self::NeverLoggedIn => "never_logged_in".to_owned(),
        }
    }
}

impl StatusMarker {
    /// The marker a [`label`](Self::label) names (the store keeps labels).
    pub fn from_label(label: &str) -> Option<Self> {
        Some(match label {
            "blocked" => Self::Blocked(String::new()),
            "disabled" => Self::Disabled,
            "pending_invitation" => Self::PendingInvitation,
            "owner" => Self::Owner,
            "robot" => Self::Robot,
            "inactive" => Self::Inactive,
            "never_logged_in" => Self::NeverLoggedIn,
            other => Self::Blocked(other.strip_prefix("blocked:")?.to_owned()),
        })
    }
}

impl Serialize for StatusMarker {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.label())
    }
}

/// One page of a user list and how to ask for the next.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct UserPage {
    /// The users of this page, in the server's order.
    pub users: Vec<UserSummary>,
    /// Opaque cursor for the next page; `None` when this was the last.
    pub next: Option<String>,
    /// Total users, when the API says.
    pub total: Option<u64>,
}

#[cfg(test)]
mod tests;
