//! Where everything sits on the screen: the panes' rectangles from the terminal's size and the
//! pane zoomed in, the lines inside the list and the detail pane, and the page sizes `update`
//! scrolls by. `ui` draws into these rectangles and `update` pages and routes the mouse by
//! them, so the two cannot disagree about where a row is. Pure geometry: it names no other
//! part of the crate.

use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::widgets::Block;

/// The pane that fills the body while zoomed (the filter sits on the list).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Zoomed {
    /// The user list.
    List,
    /// The detail pane.
    Detail,
}

/// Where each pane sits on a screen of a given size.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Areas {
    /// The header line.
    pub header: Rect,
    /// The user list pane.
    pub list: Rect,
    /// The detail pane.
    pub detail: Rect,
    /// The two footer lines.
    pub footer: Rect,
}

/// The whole screen of a terminal of `(columns, rows)`.
pub fn screen(size: (u16, u16)) -> Rect {
    Rect::new(0, 0, size.0, size.1)
}

/// The layout for a screen area. While a pane is zoomed it takes the whole body and the other
/// gets an empty rect at the body's corner: nothing is drawn there and no click lands on it.
pub fn areas(screen: Rect, zoomed: Option<Zoomed>) -> Areas {
    let [header, body, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(3),
        Constraint::Length(2),
    ])
    .areas(screen);
    let hidden = Rect {
        width: 0,
        height: 0,
        ..body
    };
    let (list, detail) = match zoomed {
        Some(Zoomed::Detail) => (hidden, body),
        Some(Zoomed::List) => (body, hidden),
        None => {
            // The list keeps room for a name and an e-mail; the detail pane takes the rest.
            let list_width = (body.width * 2 / 5).clamp(30.min(body.width), 60);
            let [list, detail] =
                Layout::horizontal([Constraint::Length(list_width), Constraint::Min(10)])
                    .areas(body);
            (list, detail)
        }
    };
    Areas {
        header,
        list,
        detail,
        footer,
    }
}

/// The area inside a pane's border (every pane has all four).
pub fn inside_border(pane: Rect) -> Rect {
    Block::bordered().inner(pane)
}

/// The lines inside the list pane's border.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ListAreas {
    /// The filter input.
    pub filter: Rect,
    /// Everything under the filter: the column header and the rows, or a message instead.
    pub body: Rect,
    /// The column header.
    pub header: Rect,
    /// The users' rows.
    pub rows: Rect,
}

impl ListAreas {
    /// The lines of the list pane at `pane` (its border included).
    pub fn of(pane: Rect) -> Self {
        let [filter, body] = Layout::vertical([Constraint::Length(1), Constraint::Min(0)])
            .areas(inside_border(pane));
        let [header, rows] =
            Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(body);
        Self {
            filter,
            body,
            header,
            rows,
        }
    }
}

/// The lines inside the detail pane's border.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DetailAreas {
    /// The tabs' titles.
    pub tabs: Rect,
    /// The tab shown.
    pub body: Rect,
}

impl DetailAreas {
    /// The lines of the detail pane at `pane` (its border included).
    pub fn of(pane: Rect) -> Self {
        let [tabs, body] = Layout::vertical([Constraint::Length(1), Constraint::Min(0)])
            .areas(inside_border(pane));
        Self { tabs, body }
    }
}

/// The Tree tab's lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TreeAreas {
    /// The nodes' rows.
    pub rows: Rect,
    /// The cursor's jq path and position, on the last line.
    pub path: Rect,
}

impl TreeAreas {
    /// The lines of the Tree tab drawn in `body` (the detail pane's).
    pub fn of(body: Rect) -> Self {
        let [rows, path] =
            Layout::vertical([Constraint::Min(0), Constraint::Length(1)]).areas(body);
        Self { rows, path }
    }
}

/// Lines of the Audit tab drawn in `body` below its header line.
pub fn audit_lines(body: Rect) -> usize {
    usize::from(body.height.saturating_sub(1))
}

/// What `update` scrolls by on a terminal of a given size. Zoom changes a pane's width only, so
/// these hold zoomed or not. A page of the list or the tree is one row short of the rows drawn:
/// the row under the page is always drawn, so scrolling down shows what comes next.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pages {
    /// Rows of a page of the list.
    pub list_rows: usize,
    /// Rows of a page of the detail pane's views (the tree, the raw view, the threads).
    pub detail_rows: usize,
    /// Lines of the Audit tab under its header.
    pub audit_lines: usize,
}

impl Pages {
    /// The page sizes on a terminal of `(columns, rows)`; at least one row each.
    pub fn of(size: (u16, u16)) -> Self {
        let panes = areas(screen(size), None);
        let list = ListAreas::of(panes.list);
        let detail = DetailAreas::of(panes.detail);
        let tree = TreeAreas::of(detail.body);
        let page = |rows: Rect| usize::from(rows.height.saturating_sub(1)).max(1);
        Self {
            list_rows: page(list.rows),
            detail_rows: page(tree.rows),
            audit_lines: audit_lines(detail.body).max(1),
        }
    }
}

#[cfg(test)]
mod tests;
