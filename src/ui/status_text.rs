//! Fitting a status message into the status line: the end of a message is often what matters
//! (the file an export went to, the next step after ` — `), so a message too long is shortened
//! in a path's middle first, then in its own middle, and the hint after ` — ` always stays.

use unicode_width::UnicodeWidthStr;

use super::list_columns::fit_middle;

/// What separates a message from the hint that follows it (`cannot reach … — r retries`).
const HINT_SEPARATOR: &str = " — ";

/// `message` shortened to at most `width` cells.
pub fn fit_status(message: &str, width: usize) -> String {
    if message.width() <= width {
        return message.to_owned();
    }
    let (body, hint) = match message.rsplit_once(HINT_SEPARATOR) {
        Some((body, hint)) if hint.width() + HINT_SEPARATOR.width() < width => {
            (body, format!("{HINT_SEPARATOR}{hint}"))
        }
        _ => (message, String::new()),
    };
    let room = width - hint.width();
    format!("{}{hint}", shorten_body(body, room))
}

/// The body shortened to `room` cells: the longest path in it cut in its middle, else the
/// whole body in its middle.
fn shorten_body(body: &str, room: usize) -> String {
    let excess = body.width().saturating_sub(room);
    if excess == 0 {
        return body.to_owned();
    }
    let path = body
        .split(' ')
        .filter(|word| word.contains('/'))
        .max_by_key(|word| word.width());
    if let Some(path) = path
        // The path keeps at least `/x…y/z` of itself.
        && path.width() > excess + 6
        && let Some(at) = body.find(path)
    {
        let shortened = fit_middle(path, path.width() - excess);
        let text = format!("{}{shortened}{}", &body[..at], &body[at + path.len()..]);
        if text.width() <= room {
            return text;
        }
    }
    fit_middle(body, room)
}

#[cfg(test)]
mod tests;
