//! Text shortened to a display width, an ellipsis marking the cut: every pane's titles,
//! paths and values.

use unicode_width::UnicodeWidthStr;

/// Shortens text to a display width with an ellipsis.
pub fn fit(text: &str, width: usize) -> String {
    if width == 0 {
        return if text.width() == 0 {
            text.to_owned()
        } else {
            String::new()
        };
    }
    // One pass with a running width: a long value costs its length, not its length squared.
    let mut used = 0;
    let mut cut = None;
    for (at, c) in text.char_indices() {
        let char_width = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if cut.is_none() && used + char_width + 1 > width {
            cut = Some(at);
        }
        used += char_width;
        if used > width {
            let end = cut.unwrap_or(at);
            return format!("{}…", &text[..end]);
        }
    }
    text.to_owned()
}
