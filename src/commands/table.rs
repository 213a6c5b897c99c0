//! Plain-text tables for the terminal: sanitized cells, padded by display width.

use unicode_width::UnicodeWidthStr;

use crate::sanitize::one_line;

/// Longest cell before it is shortened with an ellipsis.
const MAX_CELL_WIDTH: usize = 48;

/// Renders rows under a header; every cell is sanitized, so remote text cannot reach the
/// terminal as an escape sequence.
pub fn render(header: &[&str], rows: &[Vec<String>]) -> String {
    let clean: Vec<Vec<String>> = rows
        .iter()
        .map(|row| row.iter().map(|cell| shorten(&one_line(cell))).collect())
        .collect();
    let mut widths: Vec<usize> = header.iter().map(|title| title.width()).collect();
    for row in &clean {
        for (index, cell) in row.iter().enumerate() {
            if let Some(width) = widths.get_mut(index) {
                *width = (*width).max(cell.width());
            }
        }
    }
    let mut out = String::new();
    push_row(
        &mut out,
        header.iter().map(|title| (*title).to_owned()),
        &widths,
    );
    for row in clean {
        push_row(&mut out, row.into_iter(), &widths);
    }
    out
}

fn push_row(out: &mut String, cells: impl Iterator<Item = String>, widths: &[usize]) {
    let cells: Vec<String> = cells.collect();
    let last = cells.len().saturating_sub(1);
    for (index, cell) in cells.iter().enumerate() {
        out.push_str(cell);
        if index < last {
            let pad = widths
                .get(index)
                .copied()
                .unwrap_or(0)
                .saturating_sub(cell.width())
                + 2;
            out.extend(std::iter::repeat_n(' ', pad));
        }
    }
    out.push('\n');
}

fn shorten(text: &str) -> String {
    if text.width() <= MAX_CELL_WIDTH {
        return text.to_owned();
    }
    let mut short = String::new();
    for c in text.chars() {
        if short.width() + unicode_width::UnicodeWidthChar::width(c).unwrap_or(0) >= MAX_CELL_WIDTH
        {
            break;
        }
        short.push(c);
    }
    short.push('…');
    short
}

#[cfg(test)]
mod tests;
