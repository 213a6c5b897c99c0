//! Rust source as the tokens the file graph reads: identifiers, `::` and punctuation, each with
//! its line; comments, strings and character literals are left out, so a path in them names
//! nothing.

/// A token of code: an identifier, `::` or one punctuation character, with its line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// The token's text.
    pub text: String,
    /// Its line, from 1.
    pub line: usize,
}

/// The tokens of a source file, comments, string and character literals left out.
pub fn tokens(source: &str) -> Vec<Token> {
    let chars: Vec<char> = source.chars().collect();
    let mut out = Vec::new();
    let mut line = 1;
    let mut at = 0;
    while at < chars.len() {
        let c = chars[at];
        let next = chars.get(at + 1).copied();
        if c == '\n' {
            line += 1;
            at += 1;
        } else if c == '/' && next == Some('/') {
            while at < chars.len() && chars[at] != '\n' {
                at += 1;
            }
        } else if c == '/' && next == Some('*') {
            let mut depth = 0;
            while at < chars.len() {
                if chars[at] == '/' && chars.get(at + 1) == Some(&'*') {
                    depth += 1;
                    at += 2;
                } else if chars[at] == '*' && chars.get(at + 1) == Some(&'/') {
                    depth -= 1;
                    at += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    line += usize::from(chars[at] == '\n');
                    at += 1;
                }
            }
        } else if c == '"' || (c == 'r' && matches!(next, Some('"' | '#')) && is_raw(&chars, at)) {
            at = skip_string(&chars, at, &mut line);
        } else if c == 'b' && matches!(next, Some('"' | 'r')) && is_byte_string(&chars, at) {
            at = skip_string(&chars, at + 1, &mut line);
        } else if c == '\'' {
            at = skip_char_or_lifetime(&chars, at);
        } else if c.is_alphabetic() || c == '_' {
            let start = at;
            while at < chars.len() && (chars[at].is_alphanumeric() || chars[at] == '_') {
                at += 1;
            }
            let text: String = chars[start..at].iter().collect();
            out.push(Token { text, line });
        } else if c == ':' && next == Some(':') {
            out.push(Token {
                text: "::".into(),
                line,
            });
            at += 2;
        } else if c.is_whitespace() || c.is_numeric() {
            at += 1;
        } else {
            out.push(Token {
                text: c.to_string(),
                line,
            });
            at += 1;
        }
    }
    out
}

/// Whether `r` at `at` opens a raw string (`r"`, `r#"`) rather than ending an identifier.
fn is_raw(chars: &[char], at: usize) -> bool {
    let before = at.checked_sub(1).map(|i| chars[i]);
    if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
        return false;
    }
    let mut i = at + 1;
    while chars.get(i) == Some(&'#') {
        i += 1;
    }
    chars.get(i) == Some(&'"')
}

/// Whether `b` at `at` opens a byte string (`b"`, `br"`).
fn is_byte_string(chars: &[char], at: usize) -> bool {
    let before = at.checked_sub(1).map(|i| chars[i]);
    if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
        return false;
    }
    chars.get(at + 1) == Some(&'"') || is_raw(chars, at + 1)
}

/// Past a string literal starting at `at` (`"`, `r"`, `r#"`): the index after its end.
fn skip_string(chars: &[char], mut at: usize, line: &mut usize) -> usize {
    let raw = chars[at] == 'r';
    let mut hashes = 0;
    if raw {
        at += 1;
        while chars.get(at) == Some(&'#') {
            hashes += 1;
            at += 1;
        }
    }
    at += 1; // the opening quote
    while at < chars.len() {
        let c = chars[at];
        if c == '\n' {
            *line += 1;
        }
        if !raw && c == '\\' {
            if chars.get(at + 1) == Some(&'\n') {
                *line += 1;
            }
            at += 2;
            continue;
        }
        if c == '"' && (0..hashes).all(|k| chars.get(at + 1 + k) == Some(&'#')) {
            return at + 1 + hashes;
        }
        at += 1;
    }
    at
}

/// Past a character literal (`'x'`, `'\n'`, `'\u{1b}'`) or a lifetime (`'a`) at `at`.
fn skip_char_or_lifetime(chars: &[char], at: usize) -> usize {
    if chars.get(at + 1) == Some(&'\\') {
        let mut i = at + 2;
        while i < chars.len() && chars[i] != '\'' {
            i += 1;
        }
        return i + 1;
    }
    if chars.get(at + 2) == Some(&'\'') {
        return at + 3;
    }
    at + 1 // a lifetime: its name is read as an identifier, which names nothing
}
