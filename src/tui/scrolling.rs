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

use ratatui::backend::{Backend, ClearType, WindowSize};
use ratatui::buffer::{Buffer, Cell};
use ratatui::layout::{Position, Rect, Size};

/// Fewest lines a scroll must spare from being rewritten: below that, the cell diff costs about
/// as much as the scroll's escape sequences, and the frame is written as ratatui diffed it.
const MIN_SPARED_LINES: usize = 6;

/// The most rows a frame may have scrolled by: a cursor move scrolls by one, a wheel notch by three.
const MAX_SHIFT: usize = 3;

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
}

/// Line `y` of a buffer `width` cells wide.
fn line(buffer: &Buffer, y: usize, width: usize) -> &[Cell] {
    &buffer.content[y * width..(y + 1) * width]
}

/// Whether every cell of a line holds one character one column wide. Only such lines are
/// scrolled: a wide character covers a second cell, which ratatui's buffers and a terminal
/// keep differently, and a line holding one is written as ratatui diffed it instead.
fn plain(line: &[Cell]) -> bool {
    line.iter().all(|cell| {
        let mut chars = cell.symbol().chars();
        matches!((chars.next(), chars.next()), (Some(c), None) if unicode_width::UnicodeWidthChar::width(c) == Some(1))
    })
}

/// A band of lines to scroll: `rows` (a range of screen lines) moved `by` rows, up when positive.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Scroll {
    rows: std::ops::Range<u16>,
    up: bool,
    by: u16,
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
        }
    }

    /// The wrapped backend.
    pub fn inner(&self) -> &B {
        &self.inner
    }

    /// The band of lines whose scroll spares the most rewriting, if it is worth it: `target` is
    /// the frame to show, lines `touched` are the ones it changed.
    fn best_scroll(&self, target: &Buffer, touched: &[bool]) -> Option<Scroll> {
        let height = usize::from(self.screen.area.height);
        let width = usize::from(self.screen.area.width);
        let mut best: Option<(usize, Scroll)> = None;
        for by in 1..=MAX_SHIFT.min(height.saturating_sub(1)) {
            for up in [true, false] {
                // Line y of the frame would show what line y + by (up) or y - by (down) shows now.
                let source = |y: usize| if up { y + by } else { y - by };
                let lines = if up { 0..height - by } else { by..height };
                let mut run: Option<(usize, usize, usize)> = None; // first, last, spared
                let mut consider = |run: Option<(usize, usize, usize)>| {
                    let Some((first, last, spared)) = run else {
                        return;
                    };
                    if spared < MIN_SPARED_LINES || best.as_ref().is_some_and(|(b, _)| *b >= spared)
                    {
                        return;
                    }
                    // The band: the lines that moved and those they moved from (the lines
                    // scrolled in are blanked, then written as the frame has them).
                    let (top, bottom) = if up {
                        (first, last + by)
                    } else {
                        (first - by, last)
                    };
                    best = Some((
                        spared,
                        Scroll {
                            rows: top as u16..bottom as u16 + 1,
                            up,
                            by: by as u16,
                        },
                    ));
                };
                for y in lines {
                    if line(target, y, width) == line(&self.screen, source(y), width)
                        && plain(line(target, y, width))
                    {
                        let spared = usize::from(touched[y]);
                        run = Some(match run {
                            Some((first, _, total)) => (first, y, total + spared),
                            None => (y, y, spared),
                        });
                    } else {
                        consider(run.take());
                    }
                }
                consider(run);
            }
        }
        best.map(|(_, scroll)| scroll)
    }

    /// Shifts the copy of the screen as the terminal shifts a scrolled band.
    fn shift_screen(&mut self, scroll: &Scroll) {
        let width = usize::from(self.screen.area.width);
        let start = usize::from(scroll.rows.start) * width;
        let end = usize::from(scroll.rows.end) * width;
        let cells = usize::from(scroll.by) * width;
        let band = &mut self.screen.content[start..end];
        if cells >= band.len() {
            band.fill(Cell::default());
        } else if scroll.up {
            band.rotate_left(cells);
            let len = band.len();
            band[len - cells..].fill(Cell::default());
        } else {
            band.rotate_right(cells);
            band[..cells].fill(Cell::default());
        }
    }

    /// Writes a frame that changed many lines: scrolls the band that moved, if one did, writes
    /// in full the lines of the band the scroll did not bring, and elsewhere the cells ratatui
    /// found changed.
    fn draw_lines(
        &mut self,
        changes: &[(u16, u16, &Cell)],
        touched: &[bool],
    ) -> Result<(), B::Error> {
        for (x, y, cell) in changes {
            self.target[(*x, *y)] = (*cell).clone();
        }
        let Some(scroll) = self.best_scroll(&self.target, touched) else {
            return self.forward(changes);
        };
        if scroll.up {
            self.inner
                .scroll_region_up(scroll.rows.clone(), scroll.by)?;
        } else {
            self.inner
                .scroll_region_down(scroll.rows.clone(), scroll.by)?;
        }
        self.shift_screen(&scroll);
        let width = usize::from(self.screen.area.width);
        let mut writes: Vec<(u16, u16, &Cell)> = Vec::new();
        let mut changes = changes.iter().peekable();
        for y in 0..self.screen.area.height {
            let row = usize::from(y);
            // Ratatui's changes come line by line: this line's are taken off the front.
            let diffed = std::iter::from_fn(|| changes.next_if(|(_, cy, _)| *cy == y).copied());
            if !scroll.rows.contains(&y) {
                // Not scrolled: the terminal still shows what ratatui diffed against.
                writes.extend(diffed);
                continue;
            }
            diffed.for_each(drop);
            let new = line(&self.target, row, width);
            if new == line(&self.screen, row, width) {
                continue;
            }
            // A line of the band the scroll did not bring: written whole, as a first frame
            // writes it (a wide character once, the cells it covers skipped).
            let mut x = 0;
            while x < width {
                writes.push((x as u16, y, &new[x]));
                x += unicode_width::UnicodeWidthStr::width(new[x].symbol()).max(1);
            }
        }
        self.inner.draw(writes.into_iter())?;
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
            self.screen[(*x, *y)] = (*cell).clone();
            self.target[(*x, *y)] = (*cell).clone();
        }
        self.inner.draw(changes.iter().copied())
    }
}

impl<B: Backend> Backend for ScrollingBackend<B> {
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
            return self.inner.draw(changes.into_iter());
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
        self.inner.hide_cursor()
    }

    fn show_cursor(&mut self) -> Result<(), Self::Error> {
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
        self.inner.scroll_region_up(region, line_count)
    }

    fn scroll_region_down(
        &mut self,
        region: std::ops::Range<u16>,
        line_count: u16,
    ) -> Result<(), Self::Error> {
        self.known = false;
        self.inner.scroll_region_down(region, line_count)
    }
}

#[cfg(test)]
#[path = "scrolling_tests.rs"]
mod tests;
