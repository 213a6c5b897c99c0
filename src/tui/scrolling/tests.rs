use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::{CrosstermBackend, TestBackend};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};

use super::*;
use crate::tui::screen_oracle;

/// A frame of `height` lines: a header, `band` lines of rows starting at `first` (a pane as
/// wide as the screen), and a footer.
fn frame(buffer: &mut Buffer, first: usize, labels: &[String]) {
    let area = buffer.area;
    buffer.set_line(0, 0, &Line::from("header"), area.width);
    for (y, label) in labels
        .iter()
        .skip(first)
        .take(usize::from(area.height) - 2)
        .enumerate()
    {
        let style = Style::new().fg(Color::Rgb(200, 100, 50));
        buffer.set_line(
            0,
            y as u16 + 1,
            &Line::styled(label.clone(), style),
            area.width,
        );
    }
    let footer = format!("row {first}");
    buffer.set_line(0, area.height - 1, &Line::from(footer), area.width);
}

/// Rows unlike each other (a shifted row differs from its neighbour in most cells).
fn labels(count: usize) -> Vec<String> {
    const WORDS: [&str; 5] = ["alpha ", "bravo ", "charlie ", "delta ", "echo "];
    (0..count)
        .map(|n| format!("{n:>3} {}", WORDS[n % 5].repeat(n % 7 + 4)))
        .collect()
}

/// The bytes the frame after a move from row `from` to row `to` writes, through ratatui's
/// crossterm backend or through the scrolling one (which writes its cells through `cell_writer`).
fn bytes_for_move(scrolling: bool, from: usize, to: usize) -> Vec<u8> {
    let written = Written::default();
    let backend = CrosstermBackend::new(written.clone());
    if scrolling {
        move_through(
            ScrollingBackend::with_size(backend, Size::new(120, 40)),
            &written,
            from,
            to,
        )
    } else {
        move_through(backend, &written, from, to)
    }
}

/// Draws the frame at row `from`, then takes what the frame at row `to` writes.
fn move_through<B: Backend>(backend: B, written: &Written, from: usize, to: usize) -> Vec<u8> {
    let rows = labels(100);
    let viewport = ratatui::Viewport::Fixed(Rect::new(0, 0, 120, 40));
    let mut terminal = Terminal::with_options(backend, ratatui::TerminalOptions { viewport })
        .unwrap_or_else(|_| unreachable!());
    let _ = terminal.draw(|f| frame(f.buffer_mut(), from, &rows));
    written.0.borrow_mut().clear();
    let _ = terminal.draw(|f| frame(f.buffer_mut(), to, &rows));
    written.0.take()
}

/// Whether bytes written scroll lines (`CSI n S` or `CSI n T`, in a scroll region).
fn scrolls(bytes: &[u8]) -> bool {
    let text = String::from_utf8_lossy(bytes);
    text.split("\x1b[").skip(1).any(|sequence| {
        let digits = sequence.bytes().take_while(u8::is_ascii_digit).count();
        digits > 0 && matches!(sequence.as_bytes().get(digits), Some(b'S' | b'T'))
    })
}

#[test]
fn scrolling_a_band_writes_a_fraction_of_repainting_it() {
    for (from, to) in [(0, 1), (5, 4), (10, 13), (20, 17)] {
        let plain = bytes_for_move(false, from, to).len();
        let scrolled = bytes_for_move(true, from, to);
        assert!(scrolls(&scrolled), "{from}->{to}");
        let scrolled = scrolled.len();
        assert!(
            scrolled * 5 < plain,
            "{from}->{to}: {scrolled} B scrolled, {plain} B repainted"
        );
    }
    // A jump of a page shares no lines with the last frame: nothing to scroll.
    assert!(!scrolls(&bytes_for_move(true, 0, 50)));
}

/// A screen of random lines, some of which move between frames.
#[derive(Debug, Clone)]
struct Scene {
    lines: Vec<u8>,
}

fn draw_scene(buffer: &mut Buffer, scene: &Scene) {
    let area = buffer.area;
    for (y, line) in scene
        .lines
        .iter()
        .enumerate()
        .take(usize::from(area.height))
    {
        // A few kinds of line: blank, or text in one of a few colours; some half-width, as a
        // pane beside another.
        // Wide and combining characters too: a cell diff must not split them.
        let script = ["", "伟 陈 ", "Nguye\u{302}\u{303}n ", "Jürgen "][usize::from(*line % 4)];
        let text = format!("{script}line {line} {}", "~".repeat(usize::from(*line % 7)));
        let style = Style::new().fg(Color::Indexed(*line % 5));
        // Then a run of blanks long enough to be erased, in a style that shows on a blank or
        // not, and a border after it.
        let blanks = [
            Style::new(),
            Style::new().bg(Color::Indexed(4)),
            Style::new().add_modifier(Modifier::REVERSED),
            Style::new().add_modifier(Modifier::UNDERLINED),
            Style::new()
                .fg(Color::Rgb(122, 162, 247))
                .add_modifier(Modifier::BOLD),
        ][usize::from(*line % 5)];
        let padding = " ".repeat(usize::from(*line % 11) + 6);
        let width = if line % 3 == 0 {
            area.width / 2
        } else {
            area.width
        };
        if *line % 4 != 0 {
            let spans = vec![
                Span::styled(text, style),
                Span::styled(padding, blanks),
                Span::raw("│"),
            ];
            buffer.set_line(0, y as u16, &Line::from(spans), width);
        }
    }
}

fn scenes() -> impl Strategy<Value = Vec<Scene>> {
    let height = 16;
    let first = prop::collection::vec(0u8..40, height);
    // Each next frame: the last one with a band shifted by a few rows, then a few lines changed.
    let step = (
        0usize..height,
        0usize..height,
        -4isize..=4,
        prop::collection::vec((0usize..height, 0u8..40), 0..4),
    );
    (first, prop::collection::vec(step, 1..8)).prop_map(|(first, steps)| {
        let mut scenes = vec![Scene { lines: first }];
        for (a, b, shift, edits) in steps {
            let mut lines = scenes
                .last()
                .map(|scene| scene.lines.clone())
                .unwrap_or_default();
            let (top, bottom) = (a.min(b), a.max(b));
            let band: Vec<u8> = lines[top..=bottom].to_vec();
            for (offset, line) in band.iter().enumerate() {
                if let Some(to) = (top + offset).checked_add_signed(-shift)
                    && (top..=bottom).contains(&to)
                {
                    lines[to] = *line;
                }
            }
            for (y, line) in edits {
                lines[y] = line;
            }
            scenes.push(Scene { lines });
        }
        scenes
    })
}

/// Bytes written, kept for a terminal emulator to read.
#[derive(Clone, Default)]
struct Written(std::rc::Rc<std::cell::RefCell<Vec<u8>>>);

impl std::io::Write for Written {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// The cells a terminal shows, with their styles (a blank's only if they show): those a wide
/// character covers are skipped.
fn visible_cells(buffer: &Buffer) -> Vec<(usize, usize, String, Style)> {
    let width = usize::from(buffer.area.width);
    let mut cells = Vec::new();
    for (y, line) in buffer.content.chunks(width).enumerate() {
        let mut x = 0;
        while x < width {
            // A blank shows no foreground: the backend need not rewrite one of another.
            let style = if crate::tui::cell_writer::blank(&line[x], true) {
                Style::new()
            } else {
                line[x].style()
            };
            cells.push((x, y, line[x].symbol().to_owned(), style));
            x += unicode_width::UnicodeWidthStr::width(line[x].symbol()).max(1);
        }
    }
    cells
}

/// A frame's lines as a terminal shows them: a wide character once, the cell it covers skipped.
fn frame_lines(buffer: &Buffer) -> Vec<String> {
    let width = usize::from(buffer.area.width);
    buffer
        .content
        .chunks(width)
        .map(|cells| {
            let mut line = String::new();
            let mut x = 0;
            while x < width {
                let symbol = cells[x].symbol();
                line.push_str(symbol);
                x += unicode_width::UnicodeWidthStr::width(symbol).max(1);
            }
            line.trim_end().to_owned()
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    /// Whatever moved, scrolled or not, a terminal emulator reading the bytes written shows
    /// exactly each frame: scroll regions, erased runs of blanks, wide and combining characters
    /// as a real terminal takes them (`TestBackend` keeps the cell a wide character covers,
    /// where a terminal does not, so it cannot judge this).
    #[test]
    fn a_terminal_emulator_shows_the_frame(scenes in scenes()) {
        const WIDTH: u16 = 40;
        let written = Written::default();
        let backend = ScrollingBackend::with_size(CrosstermBackend::new(written.clone()), Size::new(WIDTH, 16));
        let viewport = ratatui::Viewport::Fixed(Rect::new(0, 0, WIDTH, 16));
        let mut terminal = Terminal::with_options(backend, ratatui::TerminalOptions { viewport }).unwrap();
        let size = |n: u16| std::num::NonZeroU16::new(n).unwrap_or(std::num::NonZeroU16::MIN);
        let mut emulator = vt100::Parser::new(size(16), size(WIDTH), 0);
        for scene in &scenes {
            let frame = terminal.draw(|f| draw_scene(f.buffer_mut(), scene)).unwrap().buffer.clone();
            emulator.process(&written.0.borrow_mut().split_off(0));
            let shown: Vec<String> = emulator.screen().rows(0, WIDTH).map(|row| row.trim_end().to_owned()).collect();
            prop_assert_eq!(shown, frame_lines(&frame));
            // And each cell with its colours and attributes: a run erased (`CSI n X`) looks
            // as the blanks it stands for.
            prop_assert_eq!(screen_oracle::differences(emulator.screen(), &frame), vec![]);
        }
    }
}

#[test]
fn a_resize_starts_again_from_a_blank_screen() {
    let backend = ScrollingBackend::new(TestBackend::new(20, 10)).unwrap();
    let mut terminal = Terminal::new(backend).unwrap();
    let rows = labels(50);
    terminal.draw(|f| frame(f.buffer_mut(), 0, &rows)).unwrap();
    terminal.backend_mut().inner.resize(30, 12);
    terminal.autoresize().unwrap();
    for first in 1..4 {
        let frame_buffer = terminal
            .draw(|f| frame(f.buffer_mut(), first, &rows))
            .unwrap()
            .buffer
            .clone();
        assert_eq!(
            visible_cells(terminal.backend().inner().buffer()),
            visible_cells(&frame_buffer)
        );
    }
}

/// A list scrolled up a row per frame to its end: a name of narrow characters, then one of
/// wide characters on the last row, then a blank row. Ratatui's diff never sends the cells a
/// wide character covers, so a copy of the screen kept from its diffs alone would keep the
/// narrow name's letters under the wide one, and write them back on the blank row (seen in
/// tmux at the end of the user list).
#[test]
fn letters_under_a_wide_character_do_not_come_back() {
    let names: Vec<String> = (0..12)
        .map(|n| format!("{n:>2} name number {n} of the list"))
        .chain(["María de la Cruz".to_owned(), "蓮 田中 Tanaka".to_owned()])
        .collect();
    let written = Written::default();
    let size = Size::new(30, 10);
    let backend = ScrollingBackend::with_size(CrosstermBackend::new(written.clone()), size);
    let viewport = ratatui::Viewport::Fixed(Rect::new(0, 0, 30, 10));
    let mut terminal =
        Terminal::with_options(backend, ratatui::TerminalOptions { viewport }).unwrap();
    let mut emulator = vt100::Parser::new(
        std::num::NonZeroU16::new(10).unwrap(),
        std::num::NonZeroU16::new(30).unwrap(),
        0,
    );
    for first in 0..=names.len() - 6 {
        let frame = terminal
            .draw(|f| {
                let buffer = f.buffer_mut();
                buffer.set_line(0, 0, &Line::from("header"), 30);
                for (y, name) in names.iter().skip(first).take(8).enumerate() {
                    buffer.set_line(0, y as u16 + 1, &Line::from(name.as_str()), 30);
                }
                buffer.set_line(0, 9, &Line::from(format!("row {first}")), 30);
            })
            .unwrap()
            .buffer
            .clone();
        emulator.process(&written.0.borrow_mut().split_off(0));
        assert_eq!(
            screen_oracle::differences(emulator.screen(), &frame),
            vec![],
            "from row {first}"
        );
    }
}

#[test]
fn a_run_of_scrolls_sets_the_region_once_and_a_clear_resets_pen_and_margins() {
    let written = Written::default();
    let backend =
        ScrollingBackend::with_size(CrosstermBackend::new(written.clone()), Size::new(120, 40));
    let viewport = ratatui::Viewport::Fixed(Rect::new(0, 0, 120, 40));
    let mut terminal = Terminal::with_options(backend, ratatui::TerminalOptions { viewport })
        .unwrap_or_else(|_| unreachable!());
    let rows = labels(100);
    let mut frame_at = |first: usize| {
        written.0.borrow_mut().clear();
        terminal
            .draw(|f| frame(f.buffer_mut(), first, &rows))
            .unwrap();
        String::from_utf8(written.0.take()).unwrap()
    };
    frame_at(0);
    let first_scroll = frame_at(1);
    assert!(
        first_scroll.starts_with("\x1b[2;39r\x1b[1S"),
        "{first_scroll:?}"
    );
    let next_scroll = frame_at(2);
    assert!(next_scroll.starts_with("\x1b[1S"), "{next_scroll:?}");
    assert!(!next_scroll.contains("r\x1b"), "{next_scroll:?}");
    // The frame left the rows' colour in the pen: a clear would paint with its background.
    assert!(!next_scroll.ends_with("\x1b[0m"), "{next_scroll:?}");
    terminal
        .backend_mut()
        .clear_region(ClearType::AfterCursor)
        .unwrap();
    let cleared = String::from_utf8(written.0.take()).unwrap();
    assert!(cleared.starts_with("\x1b[0m\x1b[r"), "{cleared:?}");
}
