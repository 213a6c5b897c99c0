//! A stored directory's users made ready for the list off the loop.

use std::collections::HashMap;

use crate::model::UserSummary;
use crate::state::filter::Haystacks;

/// A directory's users made ready for the list off the loop: ids deduplicated (the first
/// stays), texts converted for the matcher on every core. The list takes them in O(1).
#[derive(Debug, Clone, Default)]
pub struct HeldUsers {
    pub(super) users: Vec<UserSummary>,
    pub(super) haystacks: Haystacks,
    pub(super) ids: HashMap<String, usize>,
}

impl HeldUsers {
    /// Makes `users` ready for the list.
    pub fn build(users: Vec<UserSummary>) -> Self {
        let mut ids = HashMap::with_capacity(users.len());
        let mut kept = Vec::with_capacity(users.len());
        for user in users {
            if !ids.contains_key(&user.id) {
                ids.insert(user.id.clone(), kept.len());
                kept.push(user);
            }
        }
        let texts: Vec<(&str, &str)> = kept
            .iter()
            .map(|user| (user.name.as_str(), user.email.as_str()))
            .collect();
        let haystacks = Haystacks::of_texts(&texts);
        Self {
            users: kept,
            haystacks,
            ids,
        }
    }

    /// How many users.
    pub fn len(&self) -> usize {
        self.users.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.users.is_empty()
    }
}
