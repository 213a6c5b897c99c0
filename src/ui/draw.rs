//! Writing text and borders straight into the frame's buffer. Each function draws, cell for cell
//! and style for style, what a ratatui widget draws (`Paragraph` left aligned without wrap or
//! scroll, a bordered `Block` with one title), without the widget's per-cell costs: `Paragraph`
//! patches a style onto every cell of its area, runs every character through grapheme
//! segmentation and a line composer, and looks each cell up by position with a bounds check.
//! A frame at 200x60 is 12,000 cells, so those costs were most of a frame. Here a row is one
//! slice of cells, printable ASCII (most of what a pane shows) is one cell a byte, and only the
//! rest goes through the grapheme segmenter. `draw_tests.rs` holds the widgets to both.

use ratatui::buffer::{Buffer, Cell, CellWidth};
use ratatui::layout::{Alignment, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph, Widget};
use unicode_segmentation::UnicodeSegmentation;

/// Draws `lines` as `Paragraph::new(lines).style(style)` does: the style patched onto the whole
/// area, then one line a row from the top, each cut at the area's right edge.
pub fn paragraph(buf: &mut Buffer, area: Rect, style: Style, lines: &[Line<'_>]) {
    let area = area.intersection(buf.area);
    if area.is_empty() {
        return;
    }
    patch_style(buf, area, style);
    for (line, y) in lines.iter().zip(area.top()..area.bottom()) {
        let row = Rect {
            y,
            height: 1,
            ..area
        };
        if matches!(line.alignment, Some(Alignment::Center | Alignment::Right)) {
            // No pane aligns a line but left; should one, the widget draws it.
            Paragraph::new(line.clone()).render(row, buf);
            continue;
        }
        let cells = row_cells(buf, row);
        let mut x = 0;
        for span in &line.spans {
            let style = line.style.patch(span.style);
            if !put_str(cells, &mut x, &span.content, style) {
                break;
            }
        }
    }
}

/// Draws `line` in the first row of `area`, as `Paragraph::new(line)` does.
pub fn line(buf: &mut Buffer, area: Rect, line: &Line<'_>) {
    paragraph(buf, area, Style::default(), std::slice::from_ref(line));
}

/// Draws a block with all four plain borders in `border_style` and `title` at the top left, as
/// `Block::default().borders(Borders::ALL).border_style(..).title(title)` does; returns the
/// area inside the borders.
pub fn bordered_block(buf: &mut Buffer, area: Rect, border_style: Style, title: &Line<'_>) -> Rect {
    let inner = Block::bordered().inner(area);
    let area = area.intersection(buf.area);
    if area.is_empty() {
        return inner;
    }
    let set = ratatui::symbols::border::PLAIN;
    let (left, top) = (area.left(), area.top());
    let right = area.right() - 1;
    let bottom = area.bottom() - 1;
    // The sides, then the corners over their ends, in the widget's order (it matters only for
    // an area one cell wide or high).
    for y in top..=bottom {
        put_symbol(buf, left, y, set.vertical_left, border_style);
    }
    for x in left..=right {
        put_symbol(buf, x, top, set.horizontal_top, border_style);
    }
    for y in top..=bottom {
        put_symbol(buf, right, y, set.vertical_right, border_style);
    }
    for x in left..=right {
        put_symbol(buf, x, bottom, set.horizontal_bottom, border_style);
    }
    put_symbol(buf, right, bottom, set.bottom_right, border_style);
    put_symbol(buf, right, top, set.top_right, border_style);
    put_symbol(buf, left, bottom, set.bottom_left, border_style);
    put_symbol(buf, left, top, set.top_left, border_style);
    let room = area.width.saturating_sub(2);
    if room > 0 {
        let width = u16::try_from(title.width()).unwrap_or(u16::MAX).min(room);
        title.render(Rect::new(left + 1, top, width, 1), buf);
    }
    inner
}

/// Patches `style` onto every cell of `area` (within the buffer), as `Buffer::set_style` does.
pub fn patch_style(buf: &mut Buffer, area: Rect, style: Style) {
    // Patching the empty style changes nothing; most areas have it.
    if style == Style::default() {
        return;
    }
    let area = area.intersection(buf.area);
    for y in area.top()..area.bottom() {
        for cell in row_cells(
            buf,
            Rect {
                y,
                height: 1,
                ..area
            },
        ) {
            cell.set_style(style);
        }
    }
}

fn put_symbol(buf: &mut Buffer, x: u16, y: u16, symbol: &str, style: Style) {
    if let Some(cell) = buf.cell_mut((x, y)) {
        cell.set_symbol(symbol).set_style(style);
    }
}

/// The cells of the first row of `area`, which must lie within the buffer.
fn row_cells(buf: &mut Buffer, area: Rect) -> &mut [Cell] {
    let start = buf.index_of(area.x, area.y);
    &mut buf.content[start..start + usize::from(area.width)]
}

/// Writes `text` into `cells` from column `x` on, one grapheme a cell (a wide one covers two and
/// leaves the second untouched), skipping graphemes with a control character, zero-width ones
/// and any wider than the row. Returns false once a grapheme did not fit: the row is full.
fn put_str(cells: &mut [Cell], x: &mut usize, text: &str, style: Style) -> bool {
    let bytes = text.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        let byte = bytes[at];
        // A printable ASCII character followed by ASCII (or nothing) is a grapheme on its own:
        // only non-ASCII characters (combining marks, joiners, prepended marks) join a cluster.
        if (b' '..=b'~').contains(&byte) && bytes.get(at + 1).is_none_or(u8::is_ascii) {
            let Some(cell) = cells.get_mut(*x) else {
                return false;
            };
            // A blank over a blank is left as it is (an empty cell and a space are the same
            // cell to the diff and the terminal): indents and gaps are much of a pane.
            if byte != b' ' || cell.symbol() != " " {
                cell.set_char(char::from(byte));
            }
            cell.set_style(style);
            *x += 1;
            at += 1;
            continue;
        }
        // A boundary is where a cluster starts afresh, so segmenting from here finds the same
        // cluster as segmenting the whole text.
        let Some(grapheme) = text[at..].graphemes(true).next() else {
            break;
        };
        at += grapheme.len();
        if grapheme.contains(char::is_control) {
            continue;
        }
        let width = usize::from(grapheme.cell_width());
        if width > cells.len() {
            continue;
        }
        if *x + width > cells.len() {
            return false;
        }
        if width == 0 {
            continue;
        }
        cells[*x].set_symbol(grapheme).set_style(style);
        *x += width;
    }
    true
}

#[cfg(test)]
mod tests;
