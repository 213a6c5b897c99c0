//! Writes cells to a terminal in fewer bytes than ratatui's crossterm backend, for a frame goes
//! over the SSH link byte by byte:
//! - a run of blank cells on the default background is erased (`CSI n X`, the cursor stays)
//!   rather than written space by space, but for its first and last cells (written, so a wide
//!   character the run starts or ends inside is cleared whole): a pane's rows end in long runs;
//! - the style changes with one SGR sequence holding only what changed (`tui::sgr`), and
//!   a frame of few cells is written grouped by style when that is shorter;
//! - the cursor moves by the shortest sequence: none after the cell before, forward (`CSI n C`)
//!   or to a column (`CSI n G`) on the same row, to a row and column (`CSI y;x H`) elsewhere;
//! - the style is reset at the end only if it is not already the default.
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
    /// Shows each cell at its position, as `Backend::draw` does.
    fn write_cells<'a>(
        &mut self,
        cells: impl Iterator<Item = (u16, u16, &'a Cell)>,
    ) -> Result<(), Self::Error>;
}

impl WriteCells for TestBackend {
    /// A screen in memory keeps cells, not bytes: nothing to spare.
    fn write_cells<'a>(
        &mut self,
        cells: impl Iterator<Item = (u16, u16, &'a Cell)>,
    ) -> Result<(), Self::Error> {
        self.draw(cells)
    }
}

impl<W: Write> WriteCells for CrosstermBackend<W> {
    fn write_cells<'a>(
        &mut self,
        cells: impl Iterator<Item = (u16, u16, &'a Cell)>,
    ) -> io::Result<()> {
        let colors = !crossterm::style::Colored::ansi_color_disabled_memoized();
        // One write for the frame: the backend's writer is the terminal's (a locked stdout).
        self.write_all(&encode(cells, colors))
    }
}

/// Most cells a frame may change for its cells to be tried in another order: a cursor move
/// changes a few hundred; a first frame is written as it comes.
const MOST_CELLS_REORDERED: usize = 2_000;

/// The bytes that show `cells`, starting from the default style and leaving it so. With
/// `colors` off, no colour is written (crossterm's `NO_COLOR`).
///
/// The cells are written in the order given, or grouped by style when that is shorter: a
/// scrolled pane's new row, the cursor's rows and the status change the style at each cell of
/// a few colours (a 24-bit colour costs ~20 bytes), where grouped they change it once per colour
/// for a few bytes of cursor moves.
pub(super) fn encode<'a>(
    cells: impl Iterator<Item = (u16, u16, &'a Cell)>,
    colors: bool,
) -> Vec<u8> {
    let cells: Vec<(u16, u16, &Cell)> = cells.collect();
    let in_order = encode_in_order(&cells, colors);
    if cells.len() > MOST_CELLS_REORDERED {
        return in_order;
    }
    let grouped = encode_in_order(&grouped_by_style(cells, colors), colors);
    if grouped.len() < in_order.len() {
        grouped
    } else {
        in_order
    }
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

/// The bytes that show `cells` in the order given.
fn encode_in_order(cells: &[(u16, u16, &Cell)], colors: bool) -> Vec<u8> {
    let mut writer = CellWriter {
        out: Vec::with_capacity(4096),
        cursor: None,
        pen: Pen::default(),
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
    if writer.pen != Pen::default() {
        writer.out.extend_from_slice(b"\x1b[0m");
    }
    writer.out
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
#[path = "cell_writer_tests.rs"]
mod tests;
