//! A backend that scrolls the terminal rather than repaint what only moved. A cursor move off the
//! last row of a pane shifts every row of it by one; ratatui's cell diff then rewrites each of
//! those rows (5-7 KB at 200x60, every byte of it over the SSH link). When a band of whole
//! screen lines moved up or down by a few rows, this backend asks the terminal to scroll just
//! that band (a scroll region: `CSI top;bottom r`, `CSI n S`/`T`, `CSI r`) and writes only what
//! is new.
//!
//! Scroll regions span whole lines, so this helps only where every line of the band moved: a
//! pane as wide as the screen (zoomed), or one beside a pane whose lines are all alike (the
//! explorer of one opened record, whose list beside the tree is blank). Beside a list of users,
//! the lines do not move as a whole and the cell diff stays as it is.
//!
//! It keeps its own copy of what the screen shows: ratatui hands it the cells that changed since
//! the last frame, and a frame that changes many lines is compared with the screen shifted by one
//! to three rows each way.
//!
//! It also keeps what the terminal's state is between frames, so as not to write it again: the
//! pen (the style the last cell left) and the scroll region (set once for a run of scrolls of
//! the same band: 11 bytes a move). Both are reset before what they would change (a clear
//! paints with the pen's background), and [`RESET_PEN_AND_MARGINS`] on the way out.

use ratatui::backend::{Backend, ClearType, WindowSize};
use ratatui::buffer::{Buffer, Cell};
use ratatui::layout::{Position, Rect, Size};

use super::cell_writer::WriteCells;
use super::sgr::Pen;

/// The default style and no scroll region (`CSI r` also puts the cursor home): what the shell
/// expects back, written before the alternate screen is left, on every way out.
pub const RESET_PEN_AND_MARGINS: &[u8] = b"\x1b[0m\x1b[r";

mod band;

use band::{MIN_SPARED_LINES, Shown, line};

/// A backend that scrolls bands of lines that moved (see the module docs).
#[derive(Debug)]
pub struct ScrollingBackend<B: Backend> {
    inner: B,
    /// What the terminal shows, as this backend wrote it.
    screen: Buffer,
    /// The same as `screen` between frames; a frame that changes many lines is laid out here
    /// first, to compare with the screen (kept, not allocated for each frame).
    target: Buffer,
    /// Whether `screen` is known to be what the terminal shows: not after a partial clear, nor
    /// after a cell outside it, until the next full clear.
    known: bool,
    /// Whether the cursor is known to be hidden: ratatui hides it before every frame, 6 bytes
    /// a frame for nothing once it is.
    cursor_hidden: bool,
    /// The style the terminal paints with: what the last cell written left.
    pen: Pen,
    /// The scroll region the terminal has (rows), if this backend set one.
    region: Option<std::ops::Range<u16>>,
}

/// Puts a cell ratatui sent into a copy of the screen, and blanks the cells a wide character
/// covers: ratatui's diff never sends those (its buffers hold blanks there, and a terminal
/// shows the wide character), so letters left under one would come back in a line written
/// from the copy once the wide character is gone.
fn put_cell(copy: &mut Buffer, x: u16, y: u16, cell: &Cell) {
    copy[(x, y)] = cell.clone();
    let width = unicode_width::UnicodeWidthStr::width(cell.symbol());
    let end = (x + width as u16).min(copy.area.right());
    for covered in x + 1..end {
        copy[(covered, y)] = Cell::EMPTY;
    }
}

impl<B: Backend> ScrollingBackend<B> {
    /// Wraps `inner`, whose screen is taken to be blank (as ratatui takes it for a first frame).
    pub fn new(inner: B) -> Result<Self, B::Error> {
        let size = inner.size()?;
        Ok(Self::with_size(inner, size))
    }

    /// Wraps `inner` for a screen of `size` (a fixed viewport, where the backend's own size is
    /// not the screen's).
    pub fn with_size(inner: B, size: Size) -> Self {
        let screen = Buffer::empty(Rect::new(0, 0, size.width, size.height));
        Self {
            inner,
            target: screen.clone(),
            screen,
            known: true,
            cursor_hidden: false,
            pen: Pen::default(),
            region: None,
        }
    }

    /// The wrapped backend.
    pub fn inner(&self) -> &B {
        &self.inner
    }
}

impl<B: WriteCells> ScrollingBackend<B> {
    /// Writes a frame that changed many lines: scrolls the band that moved, if one did, writes
    /// each line of the band as a diff against what the scroll left on it, and elsewhere the
    /// cells ratatui found changed.
    fn draw_lines(
        &mut self,
        changes: &[(u16, u16, &Cell)],
        touched: &[bool],
    ) -> Result<(), B::Error> {
        for (x, y, cell) in changes {
            put_cell(&mut self.target, *x, *y, cell);
        }
        let Some(scroll) = band::best_scroll(&self.screen, &self.target, touched) else {
            return self.forward(changes);
        };
        self.scroll(&scroll.rows, scroll.by, scroll.up)?;
        let width = usize::from(self.screen.area.width);
        let mut writes: Vec<(u16, u16, &Cell)> = Vec::new();
        let mut changes = changes.iter().peekable();
        for y in 0..self.screen.area.height {
            let row = usize::from(y);
            // Ratatui's changes come line by line: this line's are taken off the front.
            let diffed = std::iter::from_fn(|| changes.next_if(|(_, cy, _)| *cy == y).copied());
            let old = match scroll.shown(row) {
                // Not scrolled: the terminal still shows what ratatui diffed against.
                Shown::Line(source) if source == row => {
                    writes.extend(diffed);
                    continue;
                }
                Shown::Line(source) => Some(line(&self.screen, source, width)),
                Shown::Blank => None,
            };
            diffed.for_each(drop);
            let new = line(&self.target, row, width);
            let columns = band::with_blank_gaps(new, band::changes(new, old));
            writes.extend(columns.map(|x| (x as u16, y, &new[x])));
        }
        self.inner.write_cells(writes.into_iter(), &mut self.pen)?;
        scroll.shift(&mut self.screen);
        // The terminal now shows the frame: bring the copy up to it where it changed.
        for (y, touched) in touched.iter().enumerate() {
            if *touched || scroll.rows.contains(&(y as u16)) {
                let cells = y * width..(y + 1) * width;
                self.screen.content[cells.clone()].clone_from_slice(&self.target.content[cells]);
            }
        }
        Ok(())
    }

    /// Writes the cells ratatui found changed, as they are, and keeps the copy in step.
    fn forward(&mut self, changes: &[(u16, u16, &Cell)]) -> Result<(), B::Error> {
        for (x, y, cell) in changes {
            put_cell(&mut self.screen, *x, *y, cell);
            put_cell(&mut self.target, *x, *y, cell);
        }
        self.inner
            .write_cells(changes.iter().copied(), &mut self.pen)
    }

    /// Scrolls `rows` by `by` lines, up or down; the region is set only if the terminal has
    /// another.
    fn scroll(&mut self, rows: &std::ops::Range<u16>, by: u16, up: bool) -> Result<(), B::Error> {
        let region_set = self.region.as_ref() == Some(rows);
        self.inner
            .scroll_band(rows.clone(), by, up, region_set, &mut self.pen)?;
        self.region = Some(rows.clone());
        Ok(())
    }

    /// The default pen and no scroll region, before what they would change.
    fn reset_pen_and_margins(&mut self) -> Result<(), B::Error> {
        if self.pen != Pen::default() || self.region.is_some() {
            self.inner.write_control(RESET_PEN_AND_MARGINS)?;
            self.pen = Pen::default();
            self.region = None;
        }
        Ok(())
    }
}

impl<B: WriteCells> Backend for ScrollingBackend<B> {
    type Error = B::Error;

    fn draw<'a, I>(&mut self, content: I) -> Result<(), Self::Error>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        let area = self.screen.area;
        let changes: Vec<(u16, u16, &Cell)> = content.collect();
        let outside = changes
            .iter()
            .any(|(x, y, _)| !area.contains(Position::new(*x, *y)));
        if outside {
            // The screen is not the size this backend thinks: write as told until a full clear.
            self.known = false;
            return self.inner.write_cells(changes.into_iter(), &mut self.pen);
        }
        let mut touched = vec![false; usize::from(area.height)];
        for (_, y, _) in &changes {
            touched[usize::from(*y)] = true;
        }
        if self.known && touched.iter().filter(|line| **line).count() >= MIN_SPARED_LINES {
            return self.draw_lines(&changes, &touched);
        }
        // A few lines changed (a move inside a page): written as ratatui diffed them.
        self.forward(&changes)
    }

    fn append_lines(&mut self, n: u16) -> Result<(), Self::Error> {
        self.known = false;
        self.inner.append_lines(n)
    }

    fn hide_cursor(&mut self) -> Result<(), Self::Error> {
        if self.cursor_hidden {
            return Ok(());
        }
        self.inner.hide_cursor()?;
        self.cursor_hidden = true;
        Ok(())
    }

    fn show_cursor(&mut self) -> Result<(), Self::Error> {
        self.cursor_hidden = false;
        self.inner.show_cursor()
    }

    fn get_cursor_position(&mut self) -> Result<Position, Self::Error> {
        self.inner.get_cursor_position()
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> Result<(), Self::Error> {
        self.inner.set_cursor_position(position)
    }

    fn clear(&mut self) -> Result<(), Self::Error> {
        self.clear_region(ClearType::All)
    }

    fn clear_region(&mut self, clear_type: ClearType) -> Result<(), Self::Error> {
        // A clear paints with the pen's background; after a resize the margins may be the
        // terminal's again: both start over from the default.
        self.reset_pen_and_margins()?;
        self.inner.clear_region(clear_type)?;
        if clear_type == ClearType::All {
            // Ratatui clears the whole screen on a resize: start again from a blank one.
            let size = self.inner.size()?;
            self.screen = Buffer::empty(Rect::new(0, 0, size.width, size.height));
            self.target = self.screen.clone();
            self.known = true;
        } else {
            self.known = false;
        }
        Ok(())
    }

    fn size(&self) -> Result<Size, Self::Error> {
        self.inner.size()
    }

    fn window_size(&mut self) -> Result<WindowSize, Self::Error> {
        self.inner.window_size()
    }

    fn flush(&mut self) -> Result<(), Self::Error> {
        self.inner.flush()
    }

    fn scroll_region_up(
        &mut self,
        region: std::ops::Range<u16>,
        line_count: u16,
    ) -> Result<(), Self::Error> {
        self.known = false;
        self.reset_pen_and_margins()?;
        self.inner.scroll_region_up(region, line_count)
    }

    fn scroll_region_down(
        &mut self,
        region: std::ops::Range<u16>,
        line_count: u16,
    ) -> Result<(), Self::Error> {
        self.known = false;
        self.reset_pen_and_margins()?;
        self.inner.scroll_region_down(region, line_count)
    }
}

#[cfg(test)]
mod tests;
