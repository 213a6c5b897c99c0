//! The `?` overlay: the focused pane's keys, built from the keymap, and for the user list the
//! meaning of its glyphs. Lines are laid out to the box's width and never cut inside a word.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};
use unicode_width::UnicodeWidthStr as _;

use crate::action::Action;
use crate::state::{KeyContext, State};
use crate::theme::Theme;

/// The narrowest box, and the narrowest one holding the list's legend.
const MIN_WIDTH: usize = 34;
const MIN_LEGEND_WIDTH: usize = 72;

pub fn render(frame: &mut Frame<'_>, area: Rect, state: &State, theme: &Theme) {
    let context = state.key_context();
    let pane = match context {
        KeyContext::Filter => "filter",
        KeyContext::List => "user list",
        KeyContext::Detail => "detail",
        KeyContext::Tree => "tree",
        KeyContext::Threads => "threads",
        KeyContext::Audit => "audit findings",
        KeyContext::Command => "command line",
        KeyContext::Yank => "copy",
        KeyContext::Raw => "raw view",
        KeyContext::RawSearch => "raw search",
        KeyContext::People => "people",
    };
    let entries = state.keymap.help(context);
    let with_legend = matches!(context, KeyContext::List | KeyContext::Filter);
    let area_width = usize::from(area.width);
    let inner_width = area_width.saturating_sub(2);
    let min_width = if with_legend {
        MIN_LEGEND_WIDTH
    } else {
        MIN_WIDTH
    };
    // The notes' lines are counted first, so the keys know how many rows are left for them:
    // laid out in the narrowest box, they take at least as many lines as they will.
    let note_pieces = notes(state, context, with_legend, theme);
    let most_notes = flow(&note_pieces, min_width.min(area_width).saturating_sub(4)).len();
    let rows_available = usize::from(area.height)
        .saturating_sub(2 + most_notes)
        .max(1);
    let grid = KeyGrid::fitting(&entries, rows_available, inner_width);
    let width = (grid.width() + 2).max(min_width).min(area_width);
    let mut lines: Vec<Line<'_>> = (0..grid.rows)
        .map(|row| {
            let spans = grid
                .columns
                .iter()
                .enumerate()
                .filter_map(|(column, widths)| {
                    entries
                        .get(column * grid.rows + row)
                        .map(|entry| (entry, widths))
                })
                .flat_map(|((keys, description), (key_width, description_width))| {
                    let key_pad = key_width.saturating_sub(keys.width());
                    let description_pad = description_width.saturating_sub(description.width());
                    [
                        Span::styled(format!(" {}{keys} ", " ".repeat(key_pad)), theme.key()),
                        Span::styled(
                            format!(" {description}{} ", " ".repeat(description_pad)),
                            theme.text(),
                        ),
                    ]
                })
                .collect::<Vec<_>>();
            Line::from(spans)
        })
        .collect();
    // A margin of one cell each side inside the border.
    lines.extend(flow(&note_pieces, width.saturating_sub(4)));
    let width = u16::try_from(width).unwrap_or(u16::MAX);
    let height = u16::try_from(lines.len() + 2)
        .unwrap_or(u16::MAX)
        .min(area.height);
    let popup = Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + (area.height - height) / 2,
        width,
        height,
    };
    frame.render_widget(Clear, popup);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border(true))
        .title(format!(" Keys: {pane} "));
    frame.render_widget(Paragraph::new(lines).block(block), popup);
}

/// The keys laid out in columns, filled top to bottom, each as wide as its own entries.
struct KeyGrid {
    rows: usize,
    /// Each column's key and description widths.
    columns: Vec<(usize, usize)>,
}

impl KeyGrid {
    /// The fewest columns that show every entry in `rows_available` rows, if they fit in
    /// `width`; else the most that fit in `width` (rows below the box's bottom are not shown,
    /// but no line is cut inside a word).
    fn fitting(entries: &[(String, &str)], rows_available: usize, width: usize) -> Self {
        let needed = entries.len().div_ceil(rows_available.max(1)).max(1);
        let mut fallback = Self::with_columns(entries, 1);
        for columns in 1..=entries.len().max(1) {
            let grid = Self::with_columns(entries, columns);
            if grid.width() > width {
                break;
            }
            let fits_height = columns >= needed;
            fallback = grid;
            if fits_height {
                break;
            }
        }
        fallback
    }

    fn with_columns(entries: &[(String, &str)], columns: usize) -> Self {
        let rows = entries.len().div_ceil(columns.max(1)).max(1);
        let columns = entries
            .chunks(rows)
            .map(|column| {
                let widest = |measure: fn(&(String, &str)) -> usize| {
                    column.iter().map(measure).max().unwrap_or(0)
                };
                (
                    widest(|(keys, _)| keys.width()),
                    widest(|(_, description)| description.width()),
                )
            })
            .collect();
        Self { rows, columns }
    }

    /// Cells the grid takes: each entry is ` keys ` and ` description `.
    fn width(&self) -> usize {
        self.columns
            .iter()
            .map(|(keys, description)| keys + description + 4)
            .sum()
    }
}

/// A run of text that a line break may not split, with its style.
type Piece = Vec<(String, Style)>;

/// One paragraph of notes: pieces laid out side by side, wrapped between pieces.
struct Note {
    pieces: Vec<Piece>,
    /// Between two pieces on one line.
    gap: &'static str,
}

/// A note of plain words.
fn words(text: &str, style: Style) -> Note {
    Note {
        pieces: text
            .split(' ')
            .map(|word| vec![(word.to_owned(), style)])
            .collect(),
        gap: " ",
    }
}

/// The notes under the keys: the list's legend, the filter's syntax, how zoom follows focus,
/// how to close this.
fn notes(state: &State, context: KeyContext, with_legend: bool, theme: &Theme) -> Vec<Note> {
    let mut notes = Vec::new();
    if with_legend {
        notes.push(Note {
            pieces: super::legend::LIST_GLYPHS
                .iter()
                .map(|(glyph, meaning)| {
                    vec![
                        ((*glyph).to_owned(), theme.key()),
                        (format!(" {meaning}"), theme.muted()),
                    ]
                })
                .collect(),
            gap: "   ",
        });
    }
    if context == KeyContext::Filter {
        notes.push(words(
            "fzf syntax: 'exact ^prefix suffix$ !negate",
            theme.muted(),
        ));
    }
    let keymap = &state.keymap;
    let zoom = match (
        keymap.first_key(context, Action::ToggleZoom),
        keymap.first_key(context, Action::FocusNext),
    ) {
        (Some(zoom), Some(focus)) => format!("{focus} keeps the zoom, {zoom} undoes it; "),
        _ => String::new(),
    };
    notes.push(words(&format!("{zoom}any key closes this"), theme.muted()));
    notes
}

/// The notes as lines of at most `width` cells after a one-cell margin, broken between pieces
/// (a piece wider than a line is broken between its words as a last resort).
fn flow(notes: &[Note], width: usize) -> Vec<Line<'static>> {
    let width = width.max(1);
    let mut lines = Vec::new();
    for note in notes {
        let mut spans: Vec<Span<'static>> = vec![Span::raw(" ")];
        let mut used = 0;
        for piece in &note.pieces {
            let piece_width: usize = piece.iter().map(|(text, _)| text.width()).sum();
            let gap = if used == 0 { 0 } else { note.gap.width() };
            if used > 0 && used + gap + piece_width > width {
                lines.push(Line::from(std::mem::replace(
                    &mut spans,
                    vec![Span::raw(" ")],
                )));
                used = 0;
            } else if used > 0 {
                spans.push(Span::raw(note.gap));
                used += gap;
            }
            if piece_width > width {
                // A piece wider than the line: word by word.
                for (text, style) in piece {
                    for word in text.split_inclusive(' ') {
                        if used > 0 && used + word.trim_end().width() > width {
                            lines.push(Line::from(std::mem::replace(
                                &mut spans,
                                vec![Span::raw(" ")],
                            )));
                            used = 0;
                        }
                        spans.push(Span::styled(word.to_owned(), *style));
                        used += word.width();
                    }
                }
                continue;
            }
            for (text, style) in piece {
                spans.push(Span::styled(text.clone(), *style));
            }
            used += piece_width;
        }
        lines.push(Line::from(spans));
    }
    lines
}

#[cfg(test)]
mod tests;
