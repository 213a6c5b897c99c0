//! Which characters a text holds, so that a user whose text lacks a character the query needs
//! is skipped without scoring: the filter's one shortcut, and an exact one.

use nucleo_matcher::pattern::Pattern;

/// Which characters a text holds, each folded into one of 64 buckets, so that a text lacking a
/// character the query needs is skipped without scoring it.
///
/// Exact, not a guess: nucleo compares a text's character `c` as one of `c`, `normalize(c)`,
/// `lower(c)` or `lower(normalize(c))` (by the atom's case and normalization), with the needle's
/// character as the atom holds it. A text marks the buckets of all four forms; a needle's
/// character needs its own bucket. If nucleo matched a needle character to `c`, the needle
/// character is one of those forms, so its bucket is marked: a text missing a needle bucket
/// cannot match. (`char_set_never_rules_out_a_match` checks this against nucleo.)
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CharSet(u64);

impl CharSet {
    fn bucket(c: char) -> u64 {
        let index = match c {
            'a'..='z' => c as u32 - 'a' as u32,
            'A'..='Z' => c as u32 - 'A' as u32,
            '0'..='9' => 26 + c as u32 - '0' as u32,
            _ => 36 + (c as u32 % 28),
        };
        1 << index
    }

    /// The buckets of every form a text's characters are compared as.
    #[cfg(test)]
    pub fn of_text(text: nucleo_matcher::Utf32Str<'_>) -> Self {
        Self::of_chars(text.chars())
    }

    /// The same of the characters nucleo sees, UTF-8 encoded (see `Haystack`).
    pub fn of_str(text: &str) -> Self {
        if text.is_ascii() {
            return Self(
                text.bytes()
                    .fold(0, |bits, byte| bits | Self::bucket(char::from(byte))),
            );
        }
        Self::of_chars(text.chars())
    }

    fn of_chars(chars: impl Iterator<Item = char>) -> Self {
        let mut bits = 0;
        for c in chars {
            if c.is_ascii() {
                // Normalizing leaves ASCII as it is, and an upper-case letter's lower case
                // falls in its own bucket: one bucket covers every form.
                bits |= Self::bucket(c);
                continue;
            }
            bits |= Self::forms(c);
        }
        Self(bits)
    }

    /// The buckets of a non-ASCII character's four forms.
    fn forms(c: char) -> u64 {
        use nucleo_matcher::chars::{normalize, to_lower_case};
        let normalized = normalize(c);
        Self::bucket(c)
            | Self::bucket(normalized)
            | Self::bucket(to_lower_case(c))
            | Self::bucket(to_lower_case(normalized))
    }

    /// The buckets every text that can match `pattern` holds: each character of each atom
    /// that must match (negated atoms need nothing).
    pub fn required_by(pattern: &Pattern) -> Self {
        let mut bits = 0;
        for atom in pattern.atoms.iter().filter(|atom| !atom.negative) {
            for c in atom.needle_text().chars() {
                bits |= Self::bucket(c);
            }
        }
        Self(bits)
    }

    /// Whether this text holds every bucket `required` names.
    pub fn holds(self, required: Self) -> bool {
        self.0 & required.0 == required.0
    }
}

/// Character sets of many texts, each non-ASCII character's forms looked up once: nucleo
/// searches its case and normalization tables per character, which is most of the time a
/// million users' sets take otherwise. A memo of a pure function, so its sets are
/// [`CharSet::of_str`]'s (`a_memo_gives_the_same_sets`).
pub struct CharSets {
    /// The forms' buckets of the last character seen in each slot (by code point); `'\0'`,
    /// an ASCII character, marks an empty slot.
    forms: Vec<(char, u64)>,
}

impl Default for CharSets {
    fn default() -> Self {
        Self {
            forms: vec![('\0', 0); 1024],
        }
    }
}

impl CharSets {
    /// The set of a text, as [`CharSet::of_str`].
    pub fn of_str(&mut self, text: &str) -> CharSet {
        if text.is_ascii() {
            return CharSet::of_str(text);
        }
        let mut bits = 0;
        for c in text.chars() {
            if c.is_ascii() {
                bits |= CharSet::bucket(c);
                continue;
            }
            let slot = c as usize % self.forms.len();
            if let Some(kept) = self.forms.get_mut(slot) {
                if kept.0 != c {
                    *kept = (c, CharSet::forms(c));
                }
                bits |= kept.1;
            }
        }
        CharSet(bits)
    }
}

#[cfg(test)]
mod tests;
