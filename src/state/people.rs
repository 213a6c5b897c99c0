//! The People view (`:who`): one person's accounts across every profile, a row per account,
//! and a row per profile still looking or that could not be searched.

use crate::model::ServerWait;
use crate::people::{Account, WhoQuery};
use crate::state::RequestId;

/// Where one profile's lookup stands.
#[derive(Debug, Clone, PartialEq)]
pub enum ProfileLookup {
    /// Still looking: reading its directory (or syncing it), then fetching the records; and
    /// the wait its server last asked of a request, if it did.
    Waiting(Option<ServerWait>),
    /// It could not be searched, and why.
    Failed(String),
    /// Its accounts of the person (none is an answer too).
    Answered(Vec<Account>),
}

/// One line of the view.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum PeopleRow<'a> {
    /// An account found.
    Account(&'a Account),
    /// A profile still looking, and the wait its server last asked for.
    Waiting(&'a str, Option<ServerWait>),
    /// A profile that could not be searched, and why.
    Failed(&'a str, &'a str),
    /// A profile that answered: no account of the person there.
    NoAccount(&'a str),
}

/// The view's state.
#[derive(Debug, Clone)]
pub struct PeopleView {
    /// What was asked.
    pub query: WhoQuery,
    /// The lookup the answers belong to; answers of another are dropped.
    pub request: RequestId,
    /// Each profile searched, in the order the profiles are listed, and where it stands.
    pub profiles: Vec<(String, ProfileLookup)>,
    /// The selected row.
    pub cursor: usize,
    /// Hidden while an account opened from it is shown; `Esc` there brings it back.
    pub hidden: bool,
}

impl PeopleView {
    /// A view waiting on every profile.
    pub fn new(query: WhoQuery, request: RequestId, profiles: &[String]) -> Self {
        Self {
            query,
            request,
            profiles: profiles
                .iter()
                .map(|name| (name.clone(), ProfileLookup::Waiting(None)))
                .collect(),
            cursor: 0,
            hidden: false,
        }
    }

    /// The rows, profile by profile: its accounts, or one row saying it waits or failed.
    pub fn rows(&self) -> Vec<PeopleRow<'_>> {
        let mut rows = Vec::new();
        for (profile, lookup) in &self.profiles {
            match lookup {
                ProfileLookup::Waiting(wait) => rows.push(PeopleRow::Waiting(profile, *wait)),
                ProfileLookup::Failed(reason) => rows.push(PeopleRow::Failed(profile, reason)),
                ProfileLookup::Answered(accounts) if accounts.is_empty() => {
                    rows.push(PeopleRow::NoAccount(profile));
                }
                ProfileLookup::Answered(accounts) => {
                    rows.extend(accounts.iter().map(PeopleRow::Account));
                }
            }
        }
        rows
    }

    /// The selected row, if any.
    pub fn selected(&self) -> Option<PeopleRow<'_>> {
        self.rows().get(self.cursor).copied()
    }

    /// Moves the cursor by `delta` rows, within the rows.
    pub fn move_cursor(&mut self, delta: isize) {
        let last = self.rows().len().saturating_sub(1);
        self.cursor = self.cursor.saturating_add_signed(delta).min(last);
    }

    /// Whether any profile is still looking.
    pub fn waiting(&self) -> bool {
        self.profiles
            .iter()
            .any(|(_, lookup)| matches!(lookup, ProfileLookup::Waiting(_)))
    }

    /// The accounts found so far.
    pub fn accounts(&self) -> impl Iterator<Item = &Account> {
        self.profiles.iter().flat_map(|(_, lookup)| match lookup {
            ProfileLookup::Answered(accounts) => accounts.as_slice(),
            _ => &[],
        })
    }
}
