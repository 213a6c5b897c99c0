//! The fast drawing functions against the ratatui widgets they stand for: the same cells, the
//! same symbols and the same styles, on text chosen to reach every path (ASCII, wide, combining,
//! joined, flagged, prepended, control and zero-width characters, cut at every width).

use proptest::prelude::*;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Widget};

use super::*;

const TEXTS: &[&str] = &[
    "plain ascii text",
    "Zoë Ó Súilleabháin",
    "山田 太郎",
    "e\u{301}\u{302}x",
    "a\u{301}",
    "🇫🇷🇩🇪🇬",
    "👩\u{200d}👩\u{200d}👧 family",
    "x\u{fe0f}y",
    "\u{600}1 prepended",
    "tab\there\r\nnew",
    "\u{7}bell\u{1b}[2J",
    "zero\u{200b}width",
    "ｶﾞ halfwidth",
    "",
    " ",
    "~!@#$%^&*()_+{}|:\"<>?",
    "ab\u{300}",
    "界a",
];

fn styles() -> [Style; 4] {
    [
        Style::default(),
        Style::default().fg(Color::Rgb(1, 2, 3)),
        Style::default()
            .bg(Color::Blue)
            .add_modifier(Modifier::BOLD),
        Style::default()
            .remove_modifier(Modifier::BOLD)
            .fg(Color::Red),
    ]
}

/// A buffer whose cells already hold something, so an untouched cell shows.
fn canvas(area: Rect) -> Buffer {
    let mut buf = Buffer::empty(area);
    for (index, cell) in buf.content.iter_mut().enumerate() {
        cell.set_symbol(if index % 3 == 0 { "#" } else { " " })
            .set_style(
                Style::default()
                    .fg(Color::Green)
                    .add_modifier(Modifier::ITALIC),
            );
    }
    buf
}

fn lines_from(texts: &[&'static str], salt: usize) -> Vec<Line<'static>> {
    let styles = styles();
    texts
        .chunks(3)
        .enumerate()
        .map(|(row, chunk)| {
            let spans: Vec<Span<'static>> = chunk
                .iter()
                .enumerate()
                .map(|(at, text)| Span::styled(*text, styles[(row + at + salt) % styles.len()]))
                .collect();
            Line::from(spans).style(styles[(row + salt + 1) % styles.len()])
        })
        .collect()
}

fn assert_paragraph_matches(area: Rect, style: Style, lines: &[Line<'static>]) {
    let screen = Rect::new(0, 0, area.right() + 2, area.bottom() + 1);
    let mut expected = canvas(screen);
    Paragraph::new(lines.to_vec())
        .style(style)
        .render(area, &mut expected);
    let mut drawn = canvas(screen);
    paragraph(&mut drawn, area, style, lines);
    assert_eq!(drawn, expected, "{lines:?} in {area:?}");
}

#[test]
fn paragraph_draws_what_the_widget_draws_at_every_width() {
    for salt in 0..4 {
        let lines = lines_from(TEXTS, salt);
        for width in 0..=24 {
            for style in styles() {
                assert_paragraph_matches(Rect::new(1, 1, width, 4), style, &lines);
            }
        }
    }
}

#[test]
fn each_text_alone_is_drawn_as_the_widget_draws_it() {
    for text in TEXTS {
        for width in 0..=12 {
            let lines = [Line::from(Span::styled(*text, styles()[1]))];
            assert_paragraph_matches(Rect::new(0, 0, width, 1), Style::default(), &lines);
        }
    }
}

#[test]
fn a_right_aligned_line_falls_back_to_the_widget() {
    let lines = [Line::from("right").right_aligned(), Line::from("left")];
    assert_paragraph_matches(Rect::new(0, 0, 12, 2), Style::default(), &lines);
}

#[test]
fn bordered_block_draws_what_the_widget_draws() {
    let title = Line::from(" Users  4,210 of 100,000 loaded ").style(styles()[2]);
    for (width, height) in [
        (0, 0),
        (1, 1),
        (2, 2),
        (3, 1),
        (1, 3),
        (5, 4),
        (20, 6),
        (60, 3),
    ] {
        let area = Rect::new(1, 1, width, height);
        let screen = Rect::new(0, 0, 64, 8);
        let border = styles()[1];
        let block = Block::default()
            .borders(Borders::ALL)
            .border_style(border)
            .title(title.clone());
        let mut expected = canvas(screen);
        let expected_inner = block.inner(area);
        block.render(area, &mut expected);
        let mut drawn = canvas(screen);
        let inner = bordered_block(&mut drawn, area, border, &title);
        assert_eq!(drawn, expected, "{width}x{height}");
        assert_eq!(inner, expected_inner);
    }
}

proptest! {
    #[test]
    fn any_text_is_drawn_as_the_widget_draws_it(
        texts in proptest::collection::vec("(\\PC|[\u{300}-\u{36f}\u{200b}-\u{200d}\u{1f1e6}-\u{1f1ff}\u{fe0f}\u{600}\u{1b}\t]){0,12}", 1..6),
        width in 0u16..30,
    ) {
        let styles = styles();
        let lines: Vec<Line<'_>> = texts
            .iter()
            .enumerate()
            .map(|(at, text)| Line::from(vec![
                Span::styled(text.as_str(), styles[at % styles.len()]),
                Span::styled(text.as_str(), styles[(at + 1) % styles.len()]),
            ]))
            .collect();
        let area = Rect::new(1, 0, width, 4);
        let screen = Rect::new(0, 0, width + 3, 5);
        let mut expected = canvas(screen);
        Paragraph::new(lines.clone()).render(area, &mut expected);
        let mut drawn = canvas(screen);
        paragraph(&mut drawn, area, Style::default(), &lines);
        prop_assert_eq!(drawn, expected);
    }
}
