//! Which band of lines to scroll, and what is left to write in it. A band starts as the longest
//! run of lines that only moved (found whole, so a frame whose lines did not move costs a line
//! comparison each), then grows over the lines beside it as long as writing them after the
//! scroll costs fewer cells than before it: the cursor's old and new rows (moved, their
//! highlight changed), the rows a scroll margin keeps below the cursor. A line of the band is
//! written as a diff against what the scroll left on it, not whole.

use ratatui::buffer::{Buffer, Cell};
use unicode_width::UnicodeWidthStr;

use crate::tui::cell_writer::blank;

/// Fewest lines a scroll must spare from being rewritten: below that, the cell diff costs about
/// as much as the scroll's escape sequences, and the frame is written as ratatui diffed it.
pub(super) const MIN_SPARED_LINES: usize = 6;

/// The most rows a frame may have scrolled by: a cursor move scrolls by one, a wheel notch by three.
const MAX_SHIFT: usize = 3;

/// A band of lines to scroll: `rows` (a range of screen lines) moved `by` rows, up when positive.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Scroll {
    pub rows: std::ops::Range<u16>,
    pub up: bool,
    pub by: u16,
}

/// What a line of the screen shows once a band scrolled: a line of the screen before it, or a
/// blank line scrolled in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Shown {
    Line(usize),
    Blank,
}

/// Line `y` of a buffer `width` cells wide.
pub(super) fn line(buffer: &Buffer, y: usize, width: usize) -> &[Cell] {
    &buffer.content[y * width..(y + 1) * width]
}

/// Whether every cell of a line holds one character one column wide. Only such lines are
/// scrolled, and diffed: a wide character covers a second cell, which ratatui's buffers and a
/// terminal keep differently, and a line holding one is written whole instead.
pub(super) fn plain(line: &[Cell]) -> bool {
    line.iter().all(|cell| {
        let mut chars = cell.symbol().chars();
        matches!((chars.next(), chars.next()), (Some(c), None) if unicode_width::UnicodeWidthChar::width(c) == Some(1))
    })
}

/// The columns to write to turn a line showing `old` (`None`: blank) into `new`: those that
/// look different if the terminal's line is known cell for cell (plain or blank), every column
/// otherwise (a wide character once, the cells it covers skipped).
pub(super) fn changes<'a>(
    new: &'a [Cell],
    old: Option<&'a [Cell]>,
) -> impl Iterator<Item = usize> + 'a {
    let known = old.is_none_or(plain);
    let mut x = 0;
    std::iter::from_fn(move || {
        while x < new.len() {
            let column = x;
            x += new[column].symbol().width().max(1);
            let old = old.map_or(&Cell::EMPTY, |old| &old[column]);
            // A blank looks the same whatever its foreground: one of another is not rewritten.
            let same =
                known && (old == &new[column] || (blank(old, true) && blank(&new[column], true)));
            if !same {
                return Some(column);
            }
        }
        None
    })
}

/// Widest gap of blanks between two columns to write that is written too: a blank costs a byte
/// in the pen the terminal has, a step over the gap (`CSI n C`) three or four.
const WIDEST_GAP_WRITTEN: usize = 3;

/// `columns` (from `changes` on `new`) with the gaps of a few blanks between them filled.
pub(super) fn with_blank_gaps(
    new: &[Cell],
    columns: impl Iterator<Item = usize>,
) -> impl Iterator<Item = usize> {
    let mut next: Option<usize> = None;
    columns.flat_map(move |column| {
        let gap = next.filter(|start| {
            column - start <= WIDEST_GAP_WRITTEN
                && new[*start..column].iter().all(|cell| blank(cell, true))
        });
        next = Some(column + new[column].symbol().width().max(1));
        gap.map_or(column..column, |start| start..column)
            .chain(std::iter::once(column))
    })
}

impl Scroll {
    /// What line `y` shows once this band scrolled.
    pub fn shown(&self, y: usize) -> Shown {
        let (start, end, by) = (
            usize::from(self.rows.start),
            usize::from(self.rows.end),
            usize::from(self.by),
        );
        if !(start..end).contains(&y) {
            return Shown::Line(y);
        }
        let source = if self.up {
            Some(y + by).filter(|source| *source < end)
        } else {
            y.checked_sub(by).filter(|source| *source >= start)
        };
        source.map_or(Shown::Blank, Shown::Line)
    }

    /// Shifts a copy of the screen as the terminal shifts this band.
    pub fn shift(&self, screen: &mut Buffer) {
        let width = usize::from(screen.area.width);
        let start = usize::from(self.rows.start) * width;
        let end = usize::from(self.rows.end) * width;
        let cells = usize::from(self.by) * width;
        let band = &mut screen.content[start..end];
        if cells >= band.len() {
            band.fill(Cell::default());
        } else if self.up {
            band.rotate_left(cells);
            let len = band.len();
            band[len - cells..].fill(Cell::default());
        } else {
            band.rotate_right(cells);
            band[..cells].fill(Cell::default());
        }
    }

    /// The cells to write on lines `rows` of `target` after this scroll of `screen`.
    fn cost(&self, screen: &Buffer, target: &Buffer, rows: std::ops::Range<usize>) -> usize {
        let width = usize::from(screen.area.width);
        rows.map(|y| {
            let old = match self.shown(y) {
                Shown::Line(source) => Some(line(screen, source, width)),
                Shown::Blank => None,
            };
            changes(line(target, y, width), old).count()
        })
        .sum()
    }

    /// This band grown over the lines beside it as far as that spares writing cells. A line may
    /// cost as much inside the band as outside (the cursor's old row: rewritten either way), and
    /// the next spare much: growth looks a few lines past the best extent found so far.
    fn grown(self, screen: &Buffer, target: &Buffer) -> Self {
        let height = screen.area.height;
        let by = self.by;
        let mut best = self;
        for below in [true, false] {
            let mut band = best.clone();
            // Cells to write on the lines grown over, without the growth and with it.
            let (mut without, mut with) = (0usize, 0usize);
            let mut best_saved = 0;
            let mut steps_past_best = 0;
            while steps_past_best < GROWTH_LOOKAHEAD {
                let (start, end) = (band.rows.start, band.rows.end);
                // Growing one end changes what the line beyond it shows, and (scrolling
                // towards it) the `by` lines inside it: only those are compared.
                let (rows, lines) = if below {
                    if end >= height {
                        break;
                    }
                    (start..end + 1, end.saturating_sub(by)..end + 1)
                } else {
                    if start == 0 {
                        break;
                    }
                    (start - 1..end, start - 1..(start + by).min(end))
                };
                let candidate = Self {
                    rows,
                    ..band.clone()
                };
                let lines = usize::from(lines.start)..usize::from(lines.end);
                without += band.cost(screen, target, lines.clone());
                with += candidate.cost(screen, target, lines);
                band = candidate;
                let saved = without.saturating_sub(with);
                if saved > best_saved {
                    best_saved = saved;
                    best = band.clone();
                    steps_past_best = 0;
                } else {
                    steps_past_best += 1;
                }
            }
        }
        best
    }
}

/// How many lines a band's growth looks past the best extent found (see `Scroll::grown`).
const GROWTH_LOOKAHEAD: usize = 3;

/// The band of lines whose scroll spares the most rewriting, if it is worth it: `screen` is what
/// the terminal shows, `target` the frame to show, lines `touched` the ones the frame changed.
pub(super) fn best_scroll(screen: &Buffer, target: &Buffer, touched: &[bool]) -> Option<Scroll> {
    let height = usize::from(screen.area.height);
    let width = usize::from(screen.area.width);
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
                if spared < MIN_SPARED_LINES || best.as_ref().is_some_and(|(b, _)| *b >= spared) {
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
                if line(target, y, width) == line(screen, source(y), width)
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
    best.map(|(_, scroll)| scroll.grown(screen, target))
}

#[cfg(test)]
mod tests;
