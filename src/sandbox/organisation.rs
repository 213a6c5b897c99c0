//! One organisation behind the four providers: half of every provider's users are drawn from a
//! shared pool of people, so one person holds accounts in two, three or all four providers under
//! the same e-mail, as a company's staff do across its online tools.
//!
//! # The rules (O(1) both ways, so a million-user sandbox costs nothing up front)
//! * A provider's **even** index `2k` is a seat held by a pooled person; odd indices are the
//!   provider's own users, generated as they always were.
//! * Person `p` holds an account in the providers of [`MEMBERSHIP`]`[p % 8]`; each provider has
//!   five of the eight residues, so its `k`-th seat is person `(k / 5) * 8 + residues[k % 5]`.
//!   Persons `p % 8 == 0` hold an account in all four (index `10 * (p / 8)` everywhere), the
//!   owner at index 0 among them.
//! * Each (person, provider) account varies the way real directories drift apart, by
//!   [`AccountVariant`]: mostly identical; some with the e-mail's case changed; some with the name
//!   spelled differently; a few with the same name under a different (personal) address.
//! * A pooled person's e-mail is `first.last.{person}@` one of [`STAFF_DOMAINS`], domains no own
//!   user has, so the number in an address always says which rule made it.

use super::names::{CULTURES, DOMAINS};
use super::seeded_rng::{QUIP, Rng, SCANOVA, ZOO, ZOOZA};

/// The seed tag of the pool of people (as the provider tags are of each provider's users).
const PEOPLE: u64 = 0x9E09;

/// Where pooled people's addresses live: the organisation's own domains.
pub(crate) const STAFF_DOMAINS: [&str; 2] = ["staff.example.com", "contractors.example.net"];

/// The providers person `p` has accounts in, by `p % 8`, as bits (zoo 1, zooza 2, quip 4,
/// scanova 8). Every provider appears five times, so each has the same share of pooled seats.
const MEMBERSHIP: [u8; 8] = [
    0b1111, // all four
    0b0101, // zoo, quip
    0b1010, // zooza, scanova
    0b0011, // zoo, zooza
    0b1100, // quip, scanova
    0b0111, // zoo, zooza, quip
    0b1001, // zoo, scanova
    0b1110, // zooza, quip, scanova
];

/// How many of the eight residues hold an account in any one provider.
const SEATS_PER_ROUND: u64 = 5;

fn provider_bit(provider: u64) -> u8 {
    match provider {
        ZOO => 1,
        ZOOZA => 2,
        QUIP => 4,
        SCANOVA => 8,
        _ => 0,
    }
}

/// The residues `p % 8` of the people holding an account in `provider`, in order.
fn residues(provider: u64) -> impl Iterator<Item = u64> {
    let bit = provider_bit(provider);
    (0..8u64).filter(move |&r| MEMBERSHIP[r as usize] & bit != 0)
}

/// The pooled person seated at `index` of `provider`, if that index is a pooled seat.
pub(crate) fn seated_person(provider: u64, index: u64) -> Option<u64> {
    if !index.is_multiple_of(2) || provider_bit(provider) == 0 {
        return None;
    }
    let k = index / 2;
    let residue = residues(provider).nth((k % SEATS_PER_ROUND) as usize)?;
    Some((k / SEATS_PER_ROUND) * 8 + residue)
}

/// The index of person `person`'s account in `provider`, if they hold one there.
pub(crate) fn seat_of(provider: u64, person: u64) -> Option<u64> {
    let position = residues(provider).position(|r| r == person % 8)? as u64;
    Some(((person / 8) * SEATS_PER_ROUND + position) * 2)
}

/// How one account of a pooled person differs from the person as the organisation knows them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum AccountVariant {
    /// Name and address as the organisation has them.
    Same,
    /// The address's local part capitalised (`Ava.Smith.12@…`): the same mailbox, another case.
    CapitalisedEmail,
    /// The name spelled another way: the ASCII form, or an initial when the two are the same.
    OtherSpelling,
    /// The same name under a personal address, the kind a join by e-mail cannot see.
    OtherAddress,
}

impl AccountVariant {
    /// The variant of `person`'s account in `provider`: 15% each for case and spelling, 5% for a
    /// different address, otherwise the same.
    fn of(seed: u64, provider: u64, person: u64) -> Self {
        match Rng::new(seed, PEOPLE ^ provider, person, 3).below(20) {
            0 => AccountVariant::OtherAddress,
            1..=3 => AccountVariant::CapitalisedEmail,
            4..=6 => AccountVariant::OtherSpelling,
            _ => AccountVariant::Same,
        }
    }
}

/// A name and address before the hostile and formula rules of the index are applied.
pub(crate) struct Identity {
    pub(crate) first: String,
    pub(crate) last: String,
    pub(crate) email: String,
}

/// The identity of a provider's own (not pooled) user: exactly as the generator always drew it,
/// from the provider's stream `rng`.
pub(crate) fn own_identity(rng: &mut Rng, index: u64) -> Identity {
    let (firsts, lasts) = *rng.pick(&CULTURES);
    let (first, first_ascii) = *rng.pick(firsts);
    let (last, last_ascii) = *rng.pick(lasts);
    let domain = *rng.pick(&DOMAINS);
    Identity {
        first: first.to_owned(),
        last: last.to_owned(),
        email: format!("{first_ascii}.{last_ascii}.{index}@{domain}"),
    }
}

/// The identity of pooled `person`'s account at `index` of `provider`.
pub(crate) fn pooled_identity(seed: u64, provider: u64, index: u64, person: u64) -> Identity {
    let mut rng = Rng::new(seed, PEOPLE, person, 1);
    let (firsts, lasts) = *rng.pick(&CULTURES);
    let (first, first_ascii) = *rng.pick(firsts);
    let (last, last_ascii) = *rng.pick(lasts);
    let domain = *rng.pick(&STAFF_DOMAINS);
    let email = format!("{first_ascii}.{last_ascii}.{person}@{domain}");
    let mut identity = Identity {
        first: first.to_owned(),
        last: last.to_owned(),
        email,
    };
    match AccountVariant::of(seed, provider, person) {
        AccountVariant::Same => {}
        AccountVariant::CapitalisedEmail => {
            identity.email = format!(
                "{}.{}.{person}@{domain}",
                capitalised(first_ascii),
                capitalised(last_ascii)
            );
        }
        AccountVariant::OtherSpelling => {
            identity.first = if capitalised(first_ascii) == first {
                format!("{}.", first.chars().next().unwrap_or('X'))
            } else {
                capitalised(first_ascii)
            };
        }
        AccountVariant::OtherAddress => {
            let personal = *rng.pick(&DOMAINS);
            identity.email = format!("{first_ascii}.{last_ascii}.{index}@{personal}");
        }
    }
    identity
}

fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

#[cfg(test)]
mod tests;
