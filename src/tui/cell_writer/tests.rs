use proptest::prelude::*;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};

use super::*;
use crate::tui::screen_oracle;

/// A row of cells from text, each character in `style`, from column `x` of row `y`.
fn row(x: u16, y: u16, text: &str, style: Style) -> Vec<(u16, u16, Cell)> {
    text.chars()
        .enumerate()
        .map(|(n, c)| {
            let mut cell = Cell::default();
            cell.set_char(c).set_style(style);
            (x + n as u16, y, cell)
        })
        .collect()
}

/// The bytes for `cells` from the default pen, and a reset after if they leave another (as
/// the next frame or the way out would write it).
fn written(cells: &[(u16, u16, Cell)]) -> String {
    let mut pen = Pen::default();
    let mut bytes = encode(
        cells.iter().map(|(x, y, cell)| (*x, *y, cell)),
        true,
        &mut pen,
    );
    if pen != Pen::default() {
        bytes.extend_from_slice(b"\x1b[0m");
    }
    String::from_utf8(bytes).unwrap()
}

#[test]
fn a_long_run_of_blanks_is_erased_and_stepped_over() {
    let text = format!("ab{}c", " ".repeat(20));
    assert_eq!(
        written(&row(0, 0, &text, Style::new())),
        "\x1b[1Hab \x1b[18X\x1b[18C c"
    );
    // The first and last blanks are written (a wide character a run starts or ends inside is
    // cleared whole), the ones between erased.
    let text = format!("ab{}", " ".repeat(20));
    assert_eq!(
        written(&row(3, 1, &text, Style::new())),
        "\x1b[2;4Hab \x1b[18X\x1b[18C "
    );
}

#[test]
fn a_short_run_of_blanks_is_written() {
    let text = format!("ab{}c", " ".repeat(8));
    assert_eq!(
        written(&row(0, 0, &text, Style::new())),
        format!("\x1b[1H{text}")
    );
}

#[test]
fn blanks_that_would_show_their_style_are_written() {
    let spaces = " ".repeat(20);
    for style in [
        Style::new().bg(Color::Blue),
        Style::new().add_modifier(Modifier::REVERSED),
        Style::new().add_modifier(Modifier::UNDERLINED),
    ] {
        let bytes = written(&row(0, 0, &spaces, style));
        assert!(!bytes.contains('X'), "{style:?}: {bytes:?}");
        assert!(bytes.contains(&spaces), "{style:?}: {bytes:?}");
    }
    // A foreground or bold does not show on a blank: those are erased.
    let style = Style::new().fg(Color::Red).add_modifier(Modifier::BOLD);
    assert_eq!(
        written(&row(0, 0, &spaces, style)),
        "\x1b[1H \x1b[18X\x1b[18C "
    );
}

#[test]
fn the_background_is_the_default_one_before_an_erase() {
    let mut cells = row(
        0,
        0,
        "ab",
        Style::new()
            .bg(Color::Blue)
            .add_modifier(Modifier::REVERSED),
    );
    cells.extend(row(2, 0, &" ".repeat(20), Style::new()));
    assert_eq!(
        written(&cells),
        "\x1b[1H\x1b[7;48;5;4mab\x1b[0m \x1b[18X\x1b[18C "
    );
}

#[test]
fn the_cursor_moves_by_the_shortest_sequence() {
    let mut cells = row(0, 0, "a", Style::new());
    cells.extend(row(3, 0, "b", Style::new())); // 2 columns on: forward
    cells.extend(row(150, 0, "c", Style::new())); // far on: as long either way
    cells.extend(row(1, 0, "d", Style::new())); // back: to the column
    cells.extend(row(0, 5, "e", Style::new())); // another row
    assert_eq!(
        written(&cells),
        "\x1b[1Ha\x1b[2Cb\x1b[146Cc\x1b[2Gd\x1b[6He"
    );
}

#[test]
fn a_run_of_blanks_ends_with_its_row() {
    let mut cells = row(190, 0, &" ".repeat(10), Style::new());
    cells.extend(row(0, 1, &" ".repeat(10), Style::new()));
    assert_eq!(
        written(&cells),
        format!("\x1b[1;191H{}\x1b[2H{}", " ".repeat(10), " ".repeat(10))
    );
    let mut cells = row(180, 0, &" ".repeat(20), Style::new());
    cells.extend(row(0, 1, &" ".repeat(20), Style::new()));
    assert_eq!(
        written(&cells),
        "\x1b[1;181H \x1b[18X\x1b[18C \x1b[2H \x1b[18X\x1b[18C "
    );
}

#[test]
fn the_style_is_left_as_the_default() {
    let cells = row(0, 0, "ab", Style::new().fg(Color::Rgb(1, 2, 3)));
    assert_eq!(written(&cells), "\x1b[1H\x1b[38;2;1;2;3mab\x1b[0m");
    assert_eq!(written(&row(0, 0, "ab", Style::new())), "\x1b[1Hab");
}

const WIDTH: u16 = 40;
const HEIGHT: u16 = 6;

/// A few styles a blank or a letter may have: the default, a foreground, a background,
/// attributes that show on a blank and some that do not.
fn style() -> impl Strategy<Value = Style> {
    let color = prop_oneof![
        Just(Color::Reset),
        Just(Color::Red),
        (0u8..=255).prop_map(Color::Indexed),
        Just(Color::Rgb(122, 162, 247)),
    ];
    let modifier = prop::sample::select(vec![
        Modifier::empty(),
        Modifier::BOLD,
        Modifier::DIM | Modifier::ITALIC,
        Modifier::REVERSED,
        Modifier::UNDERLINED,
        Modifier::BOLD | Modifier::REVERSED,
    ]);
    (color.clone(), color, modifier)
        .prop_map(|(fg, bg, modifier)| Style::new().fg(fg).bg(bg).add_modifier(modifier))
}

/// Spans of text or blanks, each in one style, laid end to end over the screen.
fn spans() -> impl Strategy<Value = Vec<(bool, usize, Style)>> {
    prop::collection::vec((any::<bool>(), 1usize..30, style()), 1..20)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    /// Whatever the styles, a terminal emulator reading the bytes shows the cells as they are:
    /// every cell of the screen, then a subset of them (ratatui's diff), over the first.
    #[test]
    fn a_terminal_emulator_shows_the_cells(first in spans(), second in spans(), keep in 1usize..4) {
        let area = Rect::new(0, 0, WIDTH, HEIGHT);
        let size = |n: u16| std::num::NonZeroU16::new(n).unwrap_or(std::num::NonZeroU16::MIN);
        let mut emulator = vt100::Parser::new(size(HEIGHT), size(WIDTH), 0);
        let mut last = Buffer::empty(area);
        // The pen the first frame leaves is where the second starts.
        let mut pen = Pen::default();
        for (spans, whole) in [(first, true), (second, false)] {
            let mut buffer = last.clone();
            let mut cells = buffer.content.iter_mut();
            for (letters, len, style) in spans {
                for (n, cell) in cells.by_ref().take(len).enumerate() {
                    let symbol = if letters { ["x", "y", "z"][n % 3] } else { " " };
                    // Reset first: a style adds its attributes to the cell's (bold and dim
                    // together, vt100 keeps one of them).
                    cell.reset();
                    cell.set_symbol(symbol).set_style(style);
                }
            }
            let changes: Vec<(u16, u16, &Cell)> = if whole {
                buffer.content.iter().enumerate().map(|(i, cell)| {
                    let (x, y) = buffer.pos_of(i);
                    (x, y, cell)
                }).collect()
            } else {
                last.diff(&buffer).into_iter().enumerate().filter(|(n, _)| n % keep != 0 || keep == 1).map(|(_, change)| change).collect()
            };
            let mut expected_buffer = last.clone();
            for (x, y, cell) in &changes {
                expected_buffer[(*x, *y)] = (*cell).clone();
            }
            emulator.process(&encode(changes.into_iter(), true, &mut pen));
            prop_assert_eq!(screen_oracle::differences(emulator.screen(), &expected_buffer), vec![]);
            last = expected_buffer;
        }
    }
}

#[test]
fn cells_of_a_few_styles_are_grouped_by_style_when_that_is_shorter() {
    let border = Style::new().fg(Color::Rgb(122, 162, 247));
    let text = Style::new().fg(Color::Rgb(192, 202, 245));
    let mut cells = Vec::new();
    for y in 0..3 {
        cells.extend(row(0, y, "│", border));
        cells.extend(row(2, y, "name", text));
        cells.extend(row(9, y, "│", border));
    }
    let bytes = written(&cells);
    assert_eq!(bytes.matches("38;2;122;162;247").count(), 1, "{bytes:?}");
    assert_eq!(bytes.matches("38;2;192;202;245").count(), 1, "{bytes:?}");
    // Cells side by side whose styles change for a few bytes: in the order given.
    let mut cells = row(0, 0, "a", Style::new());
    cells.extend(row(1, 0, "b", Style::new().add_modifier(Modifier::BOLD)));
    cells.extend(row(2, 0, "c", Style::new()));
    assert_eq!(written(&cells), "\x1b[1Ha\x1b[1mb\x1b[0mc");
}
