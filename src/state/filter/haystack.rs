//! One user's text as the matcher sees it, kept as UTF-8 and made into nucleo's form only
//! when it is scored.
//!
//! nucleo matches `Utf32String::from(text)`: an ASCII text as its bytes, any other as the first
//! `char` of each grapheme. Holding that form for every user costs four bytes a character
//! (most of a million users' memory), so the list keeps the UTF-8 text and [`Haystack::text`]
//! decodes it into a reused buffer after the character-set check has let it through. Where a
//! grapheme has several characters, the text nucleo sees differs from the UTF-8 text: that
//! text is kept beside it ([`matcher_text`]).

use nucleo_matcher::Utf32Str;

use super::char_set::CharSet;

/// A user's text and character set, ready to score.
#[derive(Debug, Clone, Copy)]
pub struct Haystack<'a> {
    /// Which characters the text holds (see [`CharSet`]).
    pub chars: CharSet,
    /// The text whose `char`s are nucleo's (each grapheme's first), as UTF-8.
    text: &'a str,
    /// `text` is the user's own (not a text its graphemes reduce to): nucleo's form is ASCII
    /// when it is. A reduced text is always nucleo's `Unicode` form, ASCII characters or not.
    own: bool,
}

impl<'a> Haystack<'a> {
    /// A haystack of `text`, the characters nucleo sees, UTF-8 encoded; `own` when that is
    /// the user's own text, not a text its graphemes reduce to ([`matcher_text`]).
    pub(crate) fn new(chars: CharSet, text: &'a str, own: bool) -> Self {
        Self { chars, text, own }
    }

    /// The text as nucleo takes it: an ASCII text as it is; any other decoded into `buffer`.
    pub fn text<'b>(&self, buffer: &'b mut Vec<char>) -> Utf32Str<'b>
    where
        'a: 'b,
    {
        // Looked at here, once the character set has let the user through.
        if self.own && self.text.is_ascii() {
            return Utf32Str::Ascii(self.text.as_bytes());
        }
        buffer.clear();
        buffer.extend(self.text.chars());
        Utf32Str::Unicode(buffer)
    }
}

/// The text nucleo sees of `text` when it differs from `text`: each grapheme's first `char`
/// (`Utf32String::from`), for texts with a grapheme of several characters (an accent
/// combined, an emoji sequence, CR LF in a text that is not ASCII). `None` when every
/// character is its own grapheme, or the text is ASCII.
pub fn matcher_text(text: &str) -> Option<String> {
    // nucleo takes an ASCII text as it is, CR LF included.
    if text.is_ascii() || text.chars().all(breaks_around) {
        return None;
    }
    let graphemes: String = nucleo_matcher::chars::graphemes(text).collect();
    (graphemes != text).then_some(graphemes)
}

/// Whether a grapheme boundary falls on both sides of `c` whatever its neighbours are among
/// such characters: its `Grapheme_Cluster_Break` is Other, Control, LF, LV or LVT (UAX #29 joins
/// two characters only when one is CR, Extend, ZWJ, `SpacingMark`, Prepend, a regional
/// indicator or a conjoining jamo). The ranges are the scripts users' names come in; a
/// character outside them only costs the full segmentation. Checked for every character in
/// them against the segmenter (`every_character_said_to_break_does`).
fn breaks_around(c: char) -> bool {
    if c.is_ascii() {
        return c != '\r';
    }
    matches!(
        c,
        '\u{a0}'..='\u{24f}'         // Latin-1, Latin Extended-A and -B
            | '\u{370}'..='\u{3ff}'  // Greek
            | '\u{400}'..='\u{482}'  // Cyrillic, before its combining marks
            | '\u{48a}'..='\u{52f}'
            | '\u{5d0}'..='\u{5ea}'  // Hebrew letters
            | '\u{620}'..='\u{64a}'  // Arabic letters
            | '\u{1e00}'..='\u{1eff}' // Latin Extended Additional
            | '\u{2010}'..='\u{2027}' // punctuation
            | '\u{2030}'..='\u{205e}'
            | '\u{3000}'..='\u{3029}' // CJK symbols, before the tone marks
            | '\u{3041}'..='\u{3096}' // Hiragana
            | '\u{30a1}'..='\u{30ff}' // Katakana
            | '\u{4e00}'..='\u{9fff}' // CJK ideographs
            | '\u{ac00}'..='\u{d7a3}' // Hangul syllables
            | '\u{ff01}'..='\u{ff60}' // full-width forms
    )
}

#[cfg(test)]
mod tests;
