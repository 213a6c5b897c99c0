use ratatui::layout::Rect;
use ratatui::style::{Color, Style};
use ratatui::text::{Line, Span};

use super::*;

const WIDTH: u16 = 30;

fn buffer_of(lines: &[Line]) -> Buffer {
    let mut buffer = Buffer::empty(Rect::new(0, 0, WIDTH, lines.len() as u16));
    for (y, text) in lines.iter().enumerate() {
        buffer.set_line(0, y as u16, text, WIDTH);
    }
    buffer
}

/// Rows unlike each other.
fn item(n: usize) -> String {
    let words = ["alpha", "bravo", "charlie", "delta", "echo"];
    format!("{n:>2} {} {}", words[n % 5], words[(n * 3 + 1) % 5])
}

/// A pane of rows `first..` between a header and a footer, the cursor's row highlighted and a
/// row kept below it (a scroll margin), as the explorer's panes are.
fn pane(first: usize) -> Buffer {
    let rows = 9;
    let mut lines = vec![Line::from("header")];
    for n in first..first + rows {
        // The highlight on the number only, as the tree's on a key.
        let style = if n == first + rows - 2 {
            Style::new().bg(Color::Indexed(236))
        } else {
            Style::new()
        };
        let text = item(n);
        let (number, rest) = text.split_at(2);
        lines.push(Line::from(vec![
            Span::styled(number.to_owned(), style),
            Span::raw(rest.to_owned()),
        ]));
    }
    lines.push(Line::from(format!("row {}", first + rows - 2)));
    buffer_of(&lines)
}

#[test]
fn a_band_grows_over_the_cursors_rows_and_the_row_below_them() {
    let (screen, target) = (pane(10), pane(11));
    let touched = vec![true; 11];
    let scroll = best_scroll(&screen, &target, &touched);
    // Rows 1-6 only moved; 7 and 8 moved and changed highlight; 9 is new; the footer is not
    // in the band (blanked, it would cost its whole line).
    assert_eq!(
        scroll,
        Some(Scroll {
            rows: 1..10,
            up: true,
            by: 1
        })
    );
}

#[test]
fn a_line_is_diffed_against_what_the_scroll_left_on_it() {
    let old = buffer_of(&[Line::from("abc def"), Line::from("伟 abc")]);
    let new = buffer_of(&[Line::from("abX def"), Line::from("abc")]);
    let width = usize::from(WIDTH);
    let columns =
        |y: usize, old: Option<&[Cell]>| changes(line(&new, y, width), old).collect::<Vec<_>>();
    assert_eq!(columns(0, Some(line(&old, 0, width))), vec![2]);
    // Against a blank line: only what is not blank.
    assert_eq!(columns(0, None), vec![0, 1, 2, 4, 5, 6]);
    // Against a line holding a wide character: every column.
    assert_eq!(columns(1, Some(line(&old, 1, width))).len(), width);
    // A blank of another foreground looks the same.
    let mut tinted = buffer_of(&[Line::from("")]);
    tinted.set_style(tinted.area, Style::new().fg(Color::Red));
    assert_eq!(changes(line(&tinted, 0, width), None).count(), 0);
}

#[test]
fn gaps_of_a_few_blanks_are_written_too() {
    let new = buffer_of(&[Line::from("a b    c  dXe")]);
    let cells = line(&new, 0, usize::from(WIDTH));
    let filled: Vec<usize> = with_blank_gaps(cells, [0, 2, 7, 10, 12].into_iter()).collect();
    // The one blank between a and b, the two between c and d; not the four before c, nor X.
    assert_eq!(filled, vec![0, 1, 2, 7, 8, 9, 10, 12]);
}

#[test]
fn what_a_line_shows_after_a_scroll() {
    use Shown::{Blank, Line as L};
    let up = Scroll {
        rows: 2..6,
        up: true,
        by: 1,
    };
    let shown: Vec<Shown> = (0..7).map(|y| up.shown(y)).collect();
    assert_eq!(shown, vec![L(0), L(1), L(3), L(4), L(5), Blank, L(6)]);
    let down = Scroll {
        up: false,
        by: 2,
        ..up
    };
    let shown: Vec<Shown> = (0..7).map(|y| down.shown(y)).collect();
    assert_eq!(shown, vec![L(0), L(1), Blank, Blank, L(2), L(3), L(6)]);
}
