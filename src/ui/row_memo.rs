//! Rows drawn in the last frame, kept with what each was drawn from, so that the next frame
//! copies a row's cells instead of building and drawing it again when nothing it shows has
//! changed. Ratatui hands every frame a blank buffer, so a pane redraws all its rows each
//! frame; on a cursor move two rows of a page of 57 change. A row is reused only when its key
//! (everything the row shows: the item, its text, the selection, the width, the styles) equals
//! the key it was drawn with, so the cells are always a pure function of the state.

use ratatui::buffer::{Buffer, Cell};
use ratatui::layout::Rect;

/// The last frame's rows of one pane, by row on screen.
#[derive(Debug)]
pub struct RowMemo<K> {
    rows: Vec<Option<MemoRow<K>>>,
}

impl<K> Default for RowMemo<K> {
    fn default() -> Self {
        Self::new()
    }
}

#[derive(Debug)]
struct MemoRow<K> {
    key: K,
    cells: Vec<Cell>,
}

impl<K> RowMemo<K> {
    /// An empty memo.
    pub const fn new() -> Self {
        Self { rows: Vec::new() }
    }

    /// Draws the row `row` (one line, inside the buffer, blank before this call), which is the
    /// `slot`th row of its pane: the cells drawn last time when `same` says their key is this
    /// row's, else what `draw` draws there, remembered with the key it returns.
    pub fn draw_row(
        &mut self,
        buf: &mut Buffer,
        row: Rect,
        slot: usize,
        same: impl FnOnce(&K) -> bool,
        draw: impl FnOnce(&mut Buffer, Rect) -> K,
    ) {
        let row = row.intersection(buf.area);
        if row.is_empty() {
            return;
        }
        let start = buf.index_of(row.x, row.y);
        let end = start + usize::from(row.width);
        if self.rows.len() <= slot {
            self.rows.resize_with(slot + 1, || None);
        }
        let kept = self.rows[slot]
            .as_ref()
            .filter(|kept| kept.cells.len() == end - start && same(&kept.key));
        if let Some(kept) = kept {
            buf.content[start..end].clone_from_slice(&kept.cells);
            return;
        }
        let key = draw(buf, row);
        let cells = &buf.content[start..end];
        match &mut self.rows[slot] {
            // The same width: the vector and the cells' strings are reused.
            Some(kept) if kept.cells.len() == cells.len() => {
                kept.key = key;
                kept.cells.clone_from_slice(cells);
            }
            other => {
                *other = Some(MemoRow {
                    key,
                    cells: cells.to_vec(),
                });
            }
        }
    }

    /// Forgets the rows from `rows` on (a shorter page), so the memo stays the size of a page.
    pub fn truncate(&mut self, rows: usize) {
        self.rows.truncate(rows);
    }
}

#[cfg(test)]
mod tests;
