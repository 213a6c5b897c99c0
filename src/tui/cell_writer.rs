//! Writes cells to a terminal in fewer bytes than ratatui's crossterm backend, for a frame goes
//! over the SSH link byte by byte:
//! - a run of blank cells on the default background is erased (`CSI n X`, the cursor stays)
//!   rather than written space by space, but for its first and last cells (written, so a wide
//!   character the run starts or ends inside is cleared whole): a pane's rows end in long runs;
//! - the style changes with one SGR sequence holding only what changed (`tui::sgr`), and
//!   a frame of few cells is written grouped by style when that is shorter;
//! - the cursor moves by the shortest sequence: none after the cell before, forward (`CSI n C`)
//!   or to a column (`CSI n G`) on the same row, to a row and column (`CSI y;x H`) elsewhere;
//! - the style is not reset at the end of a frame: the next frame starts from the pen this one
//!   left (4 bytes a frame), and `ScrollingBackend` resets it before anything that paints with
//!   it (a clear, a scroll), as `tui` does on the way out.
//!
//! Only blanks of the default background are erased: a terminal without background colour erase
//! would paint an erased run of another colour in the default one.

use std::io::{self, Write};

use ratatui::backend::{Backend, CrosstermBackend, TestBackend};
use ratatui::buffer::Cell;
use unicode_width::UnicodeWidthStr;

use super::sgr::Pen;

/// A backend that `ScrollingBackend` writes cells through: `Backend::draw`, or a shorter encoding
/// where the backend writes escape sequences.
pub trait WriteCells: Backend {
    /// Shows each cell at its position, as `Backend::draw` does, starting from the terminal's
    /// `pen` and leaving it as the terminal has it after.
    fn write_cells<'a>(
        &mut self,
        cells: impl Iterator<Item = (u16, u16, &'a Cell)>,
        pen: &mut Pen,
    ) -> Result<(), Self::Error>;

    /// Scrolls the lines `rows` by `by`, up or down, and leaves the terminal's scroll region on
    /// them (`region_set`: it already is there). The pen is first made one that paints the
    /// lines brought in blank.
    fn scroll_band(
        &mut self,
        rows: std::ops::Range<u16>,
        by: u16,
        up: bool,
        region_set: bool,
        pen: &mut Pen,
    ) -> Result<(), Self::Error>;

    /// Writes control sequences as they are (a pen and margins reset); a screen in memory has
    /// none.
    fn write_control(&mut self, bytes: &[u8]) -> Result<(), Self::Error>;
}

impl WriteCells for TestBackend {
    /// A screen in memory keeps cells, not bytes: nothing to spare.
    fn write_cells<'a>(
        &mut self,
        cells: impl Iterator<Item = (u16, u16, &'a Cell)>,
        _pen: &mut Pen,
    ) -> Result<(), Self::Error> {
        self.draw(cells)
    }

    fn scroll_band(
        &mut self,
        rows: std::ops::Range<u16>,
        by: u16,
        up: bool,
        _region_set: bool,
        _pen: &mut Pen,
    ) -> Result<(), Self::Error> {
        if up {
            self.scroll_region_up(rows, by)
        } else {
            self.scroll_region_down(rows, by)
        }
    }

    fn write_control(&mut self, _bytes: &[u8]) -> Result<(), Self::Error> {
        Ok(())
    }
}

impl<W: Write> WriteCells for CrosstermBackend<W> {
    fn write_cells<'a>(
        &mut self,
        cells: impl Iterator<Item = (u16, u16, &'a Cell)>,
        pen: &mut Pen,
    ) -> io::Result<()> {
        let colors = !crossterm::style::Colored::ansi_color_disabled_memoized();
        // One write for the frame: the backend's writer is the terminal's (a locked stdout).
        self.write_all(&encode(cells, colors, pen))
    }

    fn scroll_band(
        &mut self,
        rows: std::ops::Range<u16>,
        by: u16,
        up: bool,
        region_set: bool,
        pen: &mut Pen,
    ) -> io::Result<()> {
        let mut out = Vec::with_capacity(24);
        let erasing = pen.for_erasing();
        pen.change_to(&erasing, &mut out);
        *pen = erasing;
        if !region_set {
            let _ = write!(out, "\x1b[{};{}r", rows.start + 1, rows.end);
        }
        let _ = write!(out, "\x1b[{by}{}", if up { 'S' } else { 'T' });
        self.write_all(&out)
    }

    fn write_control(&mut self, bytes: &[u8]) -> io::Result<()> {
        self.write_all(bytes)
    }
}

/// Most cells a frame may change for its cells to be tried in another order: a cursor move
/// changes a few hundred; a first frame is written as it comes.
const MOST_CELLS_REORDERED: usize = 2_000;

/// The bytes that show `cells`, starting from the terminal's `pen` and leaving in it the pen
/// they end with. With `colors` off, no colour is written (crossterm's `NO_COLOR`).
///
/// The cells are written in the order given, or grouped by style when that is shorter: a
/// scrolled pane's new row, the cursor's rows and the status change the style at each cell of
/// a few colours (a 24-bit colour costs ~20 bytes), where grouped they change it once per colour
/// for a few bytes of cursor moves.
pub(super) fn encode<'a>(
    cells: impl Iterator<Item = (u16, u16, &'a Cell)>,
    colors: bool,
    pen: &mut Pen,
) -> Vec<u8> {
    let cells: Vec<(u16, u16, &Cell)> = cells.collect();
    let (in_order, in_order_pen) = encode_in_order(&cells, colors, *pen);
    let (bytes, end_pen) = if cells.len() > MOST_CELLS_REORDERED {
        (in_order, in_order_pen)
    } else {
        let (grouped, grouped_pen) =
            encode_in_order(&grouped_by_style(cells, colors), colors, *pen);
        if grouped.len() < in_order.len() {
            (grouped, grouped_pen)
        } else {
            (in_order, in_order_pen)
        }
    };
    *pen = end_pen;
    bytes
}

/// `cells` grouped by style, the styles in the order they first come, each group in the order
/// given. A blank stays with the cell before it (it looks the same in any style that erases).
fn grouped_by_style(cells: Vec<(u16, u16, &Cell)>, colors: bool) -> Vec<(u16, u16, &Cell)> {
    let mut styles: Vec<Pen> = Vec::new();
    let mut group = 0;
    let mut keyed: Vec<(usize, (u16, u16, &Cell))> = Vec::with_capacity(cells.len());
    for (x, y, cell) in cells {
        if !blank(cell, colors) || keyed.is_empty() {
            let pen = Pen::of(cell, colors);
            group = styles
                .iter()
                .position(|style| *style == pen)
                .unwrap_or_else(|| {
                    styles.push(pen);
                    styles.len() - 1
                });
        }
        keyed.push((group, (x, y, cell)));
    }
    keyed.sort_by_key(|(group, _)| *group);
    keyed.into_iter().map(|(_, cell)| cell).collect()
}

/// The bytes that show `cells` in the order given from `pen`, and the pen they leave.
fn encode_in_order(cells: &[(u16, u16, &Cell)], colors: bool, pen: Pen) -> (Vec<u8>, Pen) {
    let mut writer = CellWriter {
        out: Vec::with_capacity(4096),
        cursor: None,
        pen,
        colors,
    };
    let mut blanks: Vec<(u16, u16, &Cell)> = Vec::new();
    for &(x, y, cell) in cells {
        if blank(cell, colors) {
            if blanks
                .last()
                .is_some_and(|(last_x, last_y, _)| *last_y != y || last_x + 1 != x)
            {
                writer.blanks(&mut blanks);
            }
            blanks.push((x, y, cell));
            continue;
        }
        writer.blanks(&mut blanks);
        writer.cell(x, y, cell);
    }
    writer.blanks(&mut blanks);
    (writer.out, writer.pen)
}

/// Whether a cell shows nothing but the default background: it may be erased.
pub(super) fn blank(cell: &Cell, colors: bool) -> bool {
    cell.symbol() == " " && Pen::of(cell, colors).erases_blank()
}

/// The length of `CSI n X` or `CSI n C`.
fn sequence_len(count: usize) -> usize {
    3 + count.to_string().len()
}

/// Whether erasing `count` blanks, then moving past them, is shorter than writing them.
fn erasing_pays(count: usize) -> bool {
    2 * sequence_len(count) < count
}

struct CellWriter {
    out: Vec<u8>,
    /// Where the terminal's cursor is, if known: after a cell one column wide, the next column
    /// (past the last one of a row, where the terminal holds it at the last until the next
    /// character: only an absolute move is taken from there).
    cursor: Option<(u16, u16)>,
    /// The style the terminal paints with.
    pen: Pen,
    colors: bool,
}

impl CellWriter {
    /// Writes a run of blank cells side by side on one row, erased if that pays; leaves
    /// `blanks` empty.
    fn blanks(&mut self, blanks: &mut Vec<(u16, u16, &Cell)>) {
        let Some(&(x, y, _)) = blanks.first() else {
            return;
        };
        // Erased or written, blanks look alike in any pen that shows nothing on a blank: the
        // one the terminal has, unless it shows.
        self.move_to(x, y);
        let pen = self.pen.for_erasing();
        self.pen.change_to(&pen, &mut self.out);
        self.pen = pen;
        if erasing_pays(blanks.len().saturating_sub(2)) {
            // The run's first and last blanks are written, the ones between erased: a blank
            // written over half of a wide character clears all of it, where an erase that
            // starts or ends inside one leaves the other half (tmux keeps it as a cell that
            // shows nothing and takes no column, so the rest of the row shifts left).
            let last = x + blanks.len() as u16 - 1;
            self.out.push(b' ');
            let _ = write!(self.out, "\x1b[{}X", blanks.len() - 2);
            self.cursor = Some((x + 1, y));
            self.move_to(last, y);
            self.out.push(b' ');
            self.cursor = Some((last + 1, y));
        } else {
            self.out.resize(self.out.len() + blanks.len(), b' ');
            self.cursor = Some((x + blanks.len() as u16, y));
        }
        blanks.clear();
    }

    /// Writes one cell.
    fn cell(&mut self, x: u16, y: u16, cell: &Cell) {
        self.move_to(x, y);
        let pen = Pen::of(cell, self.colors);
        self.pen.change_to(&pen, &mut self.out);
        self.pen = pen;
        self.out.extend_from_slice(cell.symbol().as_bytes());
        // Past a character wider (or narrower) than a column, where the terminal puts the
        // cursor is its own business: the next cell moves there absolutely.
        self.cursor = (cell.symbol().width() == 1).then_some((x + 1, y));
    }

    /// Moves the cursor to column `x` of row `y` (both from 0) by the shortest sequence.
    fn move_to(&mut self, x: u16, y: u16) {
        let absolute = |out: &mut Vec<u8>| {
            let _ = if x == 0 {
                write!(out, "\x1b[{}H", y + 1)
            } else {
                write!(out, "\x1b[{};{}H", y + 1, x + 1)
            };
        };
        match self.cursor {
            Some(cursor) if cursor == (x, y) => {}
            Some((column, row)) if row == y => {
                let column_len = sequence_len(usize::from(x) + 1);
                if x == column + 1 {
                    self.out.extend_from_slice(b"\x1b[C");
                } else if x > column && sequence_len(usize::from(x - column)) <= column_len {
                    let _ = write!(self.out, "\x1b[{}C", x - column);
                } else {
                    let _ = write!(self.out, "\x1b[{}G", x + 1);
                }
            }
            _ => absolute(&mut self.out),
        }
        self.cursor = Some((x, y));
    }
}

#[cfg(test)]
mod tests;
