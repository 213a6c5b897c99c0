//! The one sanitizer every remote string passes through before it reaches a terminal cell or
//! stdout. Escape sequences (CSI, OSC, DCS, SOS, PM, APC, in 7- and 8-bit forms), C0 and C1
//! controls, bidi overrides and isolates and zero-width characters are removed; each removed run
//! is replaced by one visible `MARK` so the operator sees that something was there. Runs of
//! combining marks past `MAX_COMBINING` (the "zalgo" pile-ups that smear over neighbouring
//! rows) are cut the same way.

use std::borrow::Cow;

/// What stands in for a removed sequence or control character.
pub const MARK: char = '\u{FFFD}';

/// Combining marks kept on one base character (enough for any real script's diacritics).
pub const MAX_COMBINING: usize = 3;

/// The text made inert for a terminal; newlines and tabs kept as they are.
pub fn sanitize(text: &str) -> Cow<'_, str> {
    sanitize_with(text, false)
}

/// The text made inert and flattened to one line (newlines and tabs become spaces).
pub fn one_line(text: &str) -> String {
    sanitize_with(text, true).into_owned()
}

fn sanitize_with(text: &str, flatten: bool) -> Cow<'_, str> {
    if is_clean(text, flatten) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    let mut marked = false;
    let mut combining_run = 0;
    while let Some(c) = chars.next() {
        combining_run = if is_combining(c) {
            combining_run + 1
        } else {
            0
        };
        if c == '\n' || c == '\t' {
            out.push(if flatten { ' ' } else { c });
            marked = false;
            continue;
        }
        if !needs_attention(c) && combining_run <= MAX_COMBINING {
            out.push(c);
            marked = false;
            continue;
        }
        match c {
            '\u{1b}' => skip_escape(&mut chars),
            '\u{9b}' => skip_csi(&mut chars),
            '\u{9d}' | '\u{90}' | '\u{98}' | '\u{9e}' | '\u{9f}' => skip_string(&mut chars),
            _ => {}
        }
        if !marked {
            out.push(MARK);
            marked = true;
        }
    }
    Cow::Owned(out)
}

/// Whether the text can be shown as it is.
fn is_clean(text: &str, flatten: bool) -> bool {
    let mut combining_run = 0;
    text.chars().all(|c| {
        combining_run = if is_combining(c) {
            combining_run + 1
        } else {
            0
        };
        let layout_char = c == '\n' || c == '\t';
        (!needs_attention(c) || (layout_char && !flatten)) && combining_run <= MAX_COMBINING
    })
}

/// Combining diacritical marks, which stack on the character before them.
fn is_combining(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}' | '\u{20D0}'..='\u{20FF}' | '\u{FE20}'..='\u{FE2F}')
}

/// Characters that are never passed through as they are.
fn needs_attention(c: char) -> bool {
    c.is_control()
        || matches!(c,
            '\u{200B}'..='\u{200F}'   // zero-width space/joiners, LRM, RLM
            | '\u{202A}'..='\u{202E}' // bidi embeddings and overrides
            | '\u{2060}'..='\u{2064}' // word joiner, invisible operators
            | '\u{2066}'..='\u{2069}' // bidi isolates
            | '\u{FEFF}'              // zero-width no-break space / BOM
            | '\u{FFF9}'..='\u{FFFB}' // interlinear annotations
        )
}

type Chars<'a> = std::iter::Peekable<std::str::Chars<'a>>;

/// After ESC: a CSI, a string sequence up to its terminator, or one more character.
fn skip_escape(chars: &mut Chars<'_>) {
    match chars.next() {
        Some('[') => skip_csi(chars),
        Some(']' | 'P' | 'X' | '^' | '_') => skip_string(chars),
        // nF sequences: intermediates then a final byte, e.g. ESC ( B.
        Some(' '..='/') => {
            while chars.next_if(|c| (' '..='/').contains(c)).is_some() {}
            chars.next_if(|c| ('0'..='~').contains(c));
        }
        _ => {}
    }
}

/// Parameters and intermediates, up to the final byte (`@`..`~`).
fn skip_csi(chars: &mut Chars<'_>) {
    for c in chars.by_ref() {
        if ('@'..='~').contains(&c) || !(' '..='?').contains(&c) {
            break;
        }
    }
}

/// OSC/DCS/SOS/PM/APC bodies end at BEL, ST (ESC \) or 8-bit ST (U+9C).
fn skip_string(chars: &mut Chars<'_>) {
    while let Some(c) = chars.next() {
        match c {
            '\u{7}' | '\u{9c}' => break,
            '\u{1b}' => {
                chars.next_if_eq(&'\\');
                break;
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests;
