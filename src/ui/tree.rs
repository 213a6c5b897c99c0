//! The tree tab: one row per visible node, indented by depth, with fold markers, domain labels,
//! and the cursor's jq path on the last line. Only the rows on screen are read from the bytes.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use super::draw;
use super::ellipsis::fit;
use super::row_memo::RowMemo;
use crate::layout::TreeAreas;
use crate::sanitize::one_line;
use crate::state::tree::{NodeKey, NodeKind, TreeState};
use crate::theme::Theme;

/// Draws the Tree tab, copying from `memo` the rows the last frame drew alike.
pub fn render(
    frame: &mut Frame<'_>,
    area: Rect,
    tree: &TreeState,
    focused: bool,
    theme: &Theme,
    memo: &mut RowMemo<RowKey>,
) {
    let TreeAreas {
        rows: rows_area,
        path: path_area,
    } = TreeAreas::of(area);
    let width = usize::from(rows_area.width);
    let height = usize::from(rows_area.height);
    // The offset is kept by update; clamp here in case the terminal shrank since.
    let offset = tree
        .offset
        .min(tree.cursor)
        .max((tree.cursor + 1).saturating_sub(height));
    let styles = RowStyles::of(theme, focused);
    let buf = frame.buffer_mut();
    let mut drawn = 0;
    for (row, node) in (offset..).zip(tree.visible.iter_from(offset).take(height)) {
        let key = RowKey {
            document: tree.document(),
            node: node as u32,
            fold: tree.fold(node),
            selected: row == tree.cursor,
            styles,
        };
        let at = Rect {
            y: rows_area.y + u16::try_from(drawn).unwrap_or(u16::MAX),
            height: 1,
            ..rows_area
        };
        memo.draw_row(
            buf,
            at,
            drawn,
            // A tree no state numbered could be any document: drawn afresh.
            |kept| key.document.is_some() && *kept == key,
            |buf, at| {
                let line = row_line(tree, node, key.selected, width, &styles);
                draw::line(buf, at, &line);
                key
            },
        );
        drawn += 1;
    }
    memo.truncate(drawn);
    let path = tree
        .current()
        .map(|node| tree.jq_path(node))
        .unwrap_or_default();
    // The position sits at the right edge, vim's ruler: a move then rewrites only the digits
    // that changed, not the whole counter shifted by a path of another length.
    let position = format!(" {}/{}", tree.cursor + 1, tree.visible.len());
    let position_width = u16::try_from(position.width()).unwrap_or(u16::MAX);
    let [path_area, position_area] =
        Layout::horizontal([Constraint::Min(0), Constraint::Length(position_width)])
            .areas(path_area);
    let room = usize::from(path_area.width).saturating_sub(1);
    let buf = frame.buffer_mut();
    let path = Line::from(Span::styled(fit(&one_line(&path), room), theme.accent()));
    draw::line(buf, path_area, &path);
    draw::line(
        buf,
        position_area,
        &Line::from(Span::styled(position, theme.muted())),
    );
}

/// What a row of the tree is drawn from, beside the node's bytes: a row whose key is unchanged
/// since the last frame is copied, not drawn (a node's key, preview and label depend only on
/// its document and the node).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct RowKey {
    document: Option<std::num::NonZeroU64>,
    node: u32,
    fold: Option<bool>,
    selected: bool,
    styles: RowStyles,
}

/// The styles a tree row uses, read from the theme once a frame.
#[derive(Debug, Clone, Copy, PartialEq)]
struct RowStyles {
    muted: Style,
    accent: Style,
    ok: Style,
    text: Style,
    selection: Style,
}

impl RowStyles {
    fn of(theme: &Theme, focused: bool) -> Self {
        Self {
            muted: theme.muted(),
            accent: theme.accent(),
            ok: theme.ok(),
            text: theme.text(),
            selection: theme.selection(focused),
        }
    }
}

fn row_line(
    tree: &TreeState,
    node: usize,
    selected: bool,
    width: usize,
    theme: &RowStyles,
) -> Line<'static> {
    let row = tree.row(node);
    let marker = match row.fold {
        None => "  ",
        Some(true) => "▾ ",
        Some(false) => "▸ ",
    };
    let indent = "  ".repeat(row.depth.min(40));
    let key = match &row.key {
        NodeKey::Root => "record".to_owned(),
        NodeKey::Key(key) => one_line(key),
        NodeKey::Index(index) => format!("[{index}]"),
    };
    let scalar = !matches!(row.kind, NodeKind::Object | NodeKind::Array);
    let value = match (&row.label, scalar) {
        (Some(label), false) => one_line(label),
        (Some(label), true) => format!("{} ({})", one_line(&row.preview), one_line(label)),
        (None, _) => one_line(&row.preview),
    };
    let head = format!("{indent}{marker}{key}: ");
    let room = width.saturating_sub(head.width());
    let value_style = match (&row.label, scalar) {
        (Some(_), _) => theme.ok,
        (None, true) => theme.text,
        (None, false) => theme.muted,
    };
    // The cursor highlights the key alone, not the row: a move then repaints a few cells of two
    // rows instead of two whole rows (bytes count over SSH; issue 6 asks <= 200 a move).
    let key_style = if selected {
        theme.selection
    } else {
        theme.accent
    };
    Line::from(vec![
        Span::styled(format!("{indent}{marker}"), theme.muted),
        Span::styled(key, key_style),
        Span::styled(": ", theme.accent),
        Span::styled(fit(&value, room), value_style),
    ])
}
