//! The order of the unfiltered user list: the provider's, or by one of the table's columns.
//!
//! A filter's rows are its ranking (best match first) whatever the sort: an operator typing a
//! query wants the best match on top, so the sort applies to the unfiltered list only, and the
//! list keeps it for when the filter is cleared.

use std::cmp::Ordering;
use std::collections::HashMap;

use crate::audit::Severity;
use crate::model::{StatusMarker, UserRef};
use crate::state::HeldUsers;

/// A column of the list the rows can be sorted by.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum SortColumn {
    /// The order the users came in (the store's, then the server's).
    #[default]
    Provider,
    /// The display name, A-Z (case-insensitive).
    Name,
    /// The e-mail, A-Z.
    Email,
    /// The role, A-Z; users without one last.
    Role,
    /// The first status marker, in the order the legend lists them; users without one last.
    Status,
    /// The worst finding of a viewed record, most severe first; users without one last.
    Finding,
}

impl SortColumn {
    /// The next column `s` sorts by, back to the provider's order after the last.
    #[must_use]
    pub fn next(self) -> Self {
        match self {
            Self::Provider => Self::Name,
            Self::Name => Self::Email,
            Self::Email => Self::Role,
            Self::Role => Self::Status,
            Self::Status => Self::Finding,
            Self::Finding => Self::Provider,
        }
    }

    /// What the status line and the title call this order.
    pub fn label(self) -> &'static str {
        match self {
            Self::Provider => "the provider's order",
            Self::Name => "name",
            Self::Email => "e-mail",
            Self::Role => "role",
            Self::Status => "status",
            Self::Finding => "worst finding",
        }
    }
}

/// How the unfiltered list is ordered.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ListSort {
    /// The column compared.
    pub column: SortColumn,
    /// Descending instead of ascending (the provider's order reversed, for `Provider`).
    pub reversed: bool,
}

impl ListSort {
    /// Whether this is the provider's order as it came: rows need no sorting at all.
    pub fn is_provider_order(self) -> bool {
        self == Self::default()
    }

    /// A word for the title: `name ↑`, or nothing in the provider's order.
    pub fn describe(self) -> Option<String> {
        (!self.is_provider_order()).then(|| {
            let arrow = if self.reversed { '↓' } else { '↑' };
            format!("{} {arrow}", self.column.label())
        })
    }
}

/// What sorting compares: the users and the findings badges, borrowed.
pub struct SortKeys<'a> {
    /// The users held, by index.
    pub users: &'a HeldUsers,
    /// The worst finding of each viewed user, by id.
    pub severity: &'a HashMap<String, Severity>,
}

impl SortKeys<'_> {
    /// A total order on user indices: the column's, then the provider's; reversed whole.
    pub fn compare(&self, sort: ListSort, left: usize, right: usize) -> Ordering {
        let by_column = match (self.users.get(left), self.users.get(right)) {
            (Some(a), Some(b)) => self.compare_users(sort.column, a, b),
            _ => Ordering::Equal,
        };
        let order = by_column.then(left.cmp(&right));
        if sort.reversed {
            order.reverse()
        } else {
            order
        }
    }

    fn compare_users(&self, column: SortColumn, a: UserRef<'_>, b: UserRef<'_>) -> Ordering {
        match column {
            SortColumn::Provider => Ordering::Equal,
            SortColumn::Name => caseless(display_name(a), display_name(b)),
            SortColumn::Email => caseless(a.email, b.email),
            SortColumn::Role => missing_last(
                a.role.filter(|role| !role.is_empty()),
                b.role.filter(|role| !role.is_empty()),
                caseless,
            ),
            SortColumn::Status => missing_last(
                a.status.first().map(status_rank),
                b.status.first().map(status_rank),
                |a, b| a.cmp(&b),
            ),
            // Most severe first: the reverse of `Severity`'s own order.
            SortColumn::Finding => {
                missing_last(self.severity.get(a.id), self.severity.get(b.id), |a, b| {
                    b.cmp(a)
                })
            }
        }
    }

    /// `indices` in this order.
    pub fn sort(&self, sort: ListSort, indices: &mut [usize]) {
        if !sort.is_provider_order() {
            indices.sort_unstable_by(|a, b| self.compare(sort, *a, *b));
        }
    }

    /// Merges `new` (indices not in `sorted`) into `sorted`, which is in this order: a page of
    /// users costs one pass over the list, not a sort of it.
    pub fn merge_in(&self, sort: ListSort, sorted: &mut Vec<usize>, mut new: Vec<usize>) {
        if sort.is_provider_order() {
            // New users have higher indices: the provider's order is the order they came.
            sorted.extend(new);
            return;
        }
        self.sort(sort, &mut new);
        let old = std::mem::take(sorted);
        sorted.reserve(old.len() + new.len());
        let (mut old, mut new) = (old.into_iter().peekable(), new.into_iter().peekable());
        while let (Some(a), Some(b)) = (old.peek(), new.peek()) {
            if self.compare(sort, *a, *b) == Ordering::Greater {
                sorted.extend(new.next());
            } else {
                sorted.extend(old.next());
            }
        }
        sorted.extend(old);
        sorted.extend(new);
    }
}

/// The name a row shows (its id when the API gave no name).
pub fn display_name(user: UserRef<'_>) -> &str {
    if user.name.is_empty() {
        user.id
    } else {
        user.name
    }
}

/// Compares text ignoring case, without allocating (a sort makes n·log n comparisons).
fn caseless(a: &str, b: &str) -> Ordering {
    a.chars()
        .flat_map(char::to_lowercase)
        .cmp(b.chars().flat_map(char::to_lowercase))
}

/// Compares two optional keys, a missing one after every present one.
fn missing_last<T>(a: Option<T>, b: Option<T>, compare: impl Fn(T, T) -> Ordering) -> Ordering {
    match (a, b) {
        (Some(a), Some(b)) => compare(a, b),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

/// A status marker's place in the legend's order (blocked first).
fn status_rank(marker: &StatusMarker) -> u8 {
    match marker {
        StatusMarker::Blocked(_) => 0,
        StatusMarker::Disabled => 1,
        StatusMarker::PendingInvitation => 2,
        StatusMarker::Owner => 3,
        StatusMarker::Robot => 4,
        StatusMarker::Inactive => 5,
        StatusMarker::NeverLoggedIn => 6,
    }
}

#[cfg(test)]
mod tests;
