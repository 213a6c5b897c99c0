//! Which API a record or a rule is about: one name per provider, matched as a value rather
//! than as a string literal.

use serde::{Serialize, Serializer};

/// One of the account APIs userscope speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ProviderKind {
    /// Zoo admin user details.
    Zoo,
    /// Zooza's user, discounts, events and attendance.
    Zooza,
    /// Quip's admin users, threads and folders.
    Quip,
    /// Scanova's shared users.
    Scanova,
}

impl ProviderKind {
    /// Every provider.
    pub const ALL: [Self; 4] = [Self::Zoo, Self::Zooza, Self::Quip, Self::Scanova];

    /// The name profiles use in `provider = "..."` and reports print.
    pub const fn name(self) -> &'static str {
        match self {
            Self::Zoo => "zoo",
            Self::Zooza => "zooza",
            Self::Quip => "quip",
            Self::Scanova => "scanova",
        }
    }

    /// The provider a name names, if any.
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|kind| kind.name() == name)
    }
}

impl std::fmt::Display for ProviderKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

impl Serialize for ProviderKind {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.name())
    }
}

#[cfg(test)]
mod tests;
