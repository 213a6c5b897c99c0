//! How far a pane's view moves when the cursor leaves it.
//!
//! A pane as wide as the screen scrolls line by line: the terminal moves its lines itself (a
//! scroll region, `tui::scrolling`) and only the new line is written, ~200 bytes a move. A pane
//! beside another cannot be scrolled that way: terminals move whole lines, and tmux has no
//! left/right margins, so every row of the pane, or of its neighbour, is written again, 0.7 to
//! 2.7 KB a move. There the view turns a page at a time, keeping two lines of the last one as
//! vim's `Ctrl-F` does, as mutt's menus do for slow links: one rewrite a page, and moves inside
//! the page cost only their two rows. Over ten pages of moves down the tree beside a list,
//! 157 bytes a move on average where scrolling line by line took 2,340 (256 colours).

use serde::Deserialize;

/// The `scroll` setting of the config file.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ScrollStep {
    /// Line by line where the pane spans the screen, a page beside another pane.
    #[default]
    Auto,
    /// Always line by line.
    Line,
    /// Always a page, less two lines of context.
    Page,
}

/// Lines of the last page still shown when a view turns a page (vim's `Ctrl-F` keeps two).
const PAGE_CONTEXT: usize = 2;

impl ScrollStep {
    /// The least number of rows a view of `rows` moves once the cursor leaves it.
    pub fn rows(self, rows: usize, full_width: bool) -> usize {
        match self {
            Self::Line => 1,
            Self::Auto if full_width => 1,
            Self::Auto | Self::Page => rows.saturating_sub(PAGE_CONTEXT).max(1),
        }
    }
}

/// The first row of a view of `rows` rows over `len` rows once `cursor` is in it: `offset`
/// while the cursor is already shown, else moved by at least `jump` rows (never past the last
/// page), as far as the cursor needs.
pub fn offset_showing(offset: usize, cursor: usize, rows: usize, len: usize, jump: usize) -> usize {
    let rows = rows.max(1);
    let jump = jump.clamp(1, rows);
    if cursor < offset {
        cursor.min(offset.saturating_sub(jump))
    } else if cursor >= offset + rows {
        let least = cursor + 1 - rows;
        least.max((offset + jump).min(len.saturating_sub(rows)))
    } else {
        offset
    }
}

#[cfg(test)]
mod tests;
