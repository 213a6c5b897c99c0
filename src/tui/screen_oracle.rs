//! Test oracle: what a terminal emulator (`vt100`) shows after reading the bytes written, cell by
//! cell with the attributes that can be seen, against what a frame's buffer holds. `vt100` paints
//! an erased cell (`CSI n X`) with every attribute of the current pen, more than a real terminal
//! does (the background only), so a pen that would show on an erased blank shows here.

use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};
use unicode_width::UnicodeWidthStr;

/// How one cell looks: its text (a blank is empty) and the attributes that show on it. A blank
/// neither reversed nor underlined shows its background only.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Look {
    pub x: u16,
    pub y: u16,
    pub text: String,
    pub fg: vt100::Color,
    pub bg: vt100::Color,
    pub bold: bool,
    pub dim: bool,
    pub italic: bool,
    pub underline: bool,
    pub inverse: bool,
}

impl Look {
    /// Forgets what does not show on this cell.
    fn seen(mut self) -> Self {
        if self.text.trim().is_empty() {
            self.text.clear();
            self.bold = false;
            self.dim = false;
            self.italic = false;
            if !self.inverse && !self.underline {
                self.fg = vt100::Color::Default;
            }
        }
        self
    }
}

/// A colour as the emulator keeps it, once written as crossterm writes it (`38;5;n` for the
/// named ones).
fn emulated(color: Color) -> vt100::Color {
    match color {
        Color::Reset => vt100::Color::Default,
        Color::Rgb(r, g, b) => vt100::Color::Rgb(r, g, b),
        Color::Indexed(index) => vt100::Color::Idx(index),
        named => {
            let named_colors = [
                Color::Black,
                Color::Red,
                Color::Green,
                Color::Yellow,
                Color::Blue,
                Color::Magenta,
                Color::Cyan,
                Color::Gray,
                Color::DarkGray,
                Color::LightRed,
                Color::LightGreen,
                Color::LightYellow,
                Color::LightBlue,
                Color::LightMagenta,
                Color::LightCyan,
                Color::White,
            ];
            let index = named_colors.iter().position(|c| *c == named).unwrap_or(0);
            vt100::Color::Idx(index as u8)
        }
    }
}

/// How each cell of `buffer` should look (the cells a wide character covers skipped).
pub fn expected(buffer: &Buffer) -> Vec<Look> {
    let width = usize::from(buffer.area.width);
    let mut looks = Vec::new();
    for (y, line) in buffer.content.chunks(width).enumerate() {
        let mut x = 0;
        while x < width {
            let cell = &line[x];
            looks.push(
                Look {
                    x: x as u16,
                    y: y as u16,
                    text: cell.symbol().to_owned(),
                    fg: emulated(cell.fg),
                    bg: emulated(cell.bg),
                    bold: cell.modifier.contains(Modifier::BOLD),
                    dim: cell.modifier.contains(Modifier::DIM),
                    italic: cell.modifier.contains(Modifier::ITALIC),
                    underline: cell.modifier.contains(Modifier::UNDERLINED),
                    inverse: cell.modifier.contains(Modifier::REVERSED),
                }
                .seen(),
            );
            x += cell.symbol().width().max(1);
        }
    }
    looks
}

/// How each cell of the emulator's screen looks (the columns a wide character covers skipped).
pub fn shown(screen: &vt100::Screen) -> Vec<Look> {
    let (rows, columns) = screen.size();
    let mut looks = Vec::new();
    for y in 0..rows.get() {
        for x in 0..columns.get() {
            let Some(cell) = screen.cell(y, x) else {
                continue;
            };
            if cell.is_wide_continuation() {
                continue;
            }
            looks.push(
                Look {
                    x,
                    y,
                    text: cell.contents().to_owned(),
                    fg: cell.fgcolor(),
                    bg: cell.bgcolor(),
                    bold: cell.bold(),
                    dim: cell.dim(),
                    italic: cell.italic(),
                    underline: cell.underline(),
                    inverse: cell.inverse(),
                }
                .seen(),
            );
        }
    }
    looks
}

/// The first few cells where the emulator's screen does not look as `buffer` says, each as
/// (shown, expected): empty when they agree.
pub fn differences(screen: &vt100::Screen, buffer: &Buffer) -> Vec<(Look, Look)> {
    let (shown, expected) = (shown(screen), expected(buffer));
    if shown.len() != expected.len() {
        // A wide character out of place: the first cell after it tells where.
        let first = shown
            .iter()
            .zip(&expected)
            .position(|(a, b)| a != b)
            .unwrap_or(0);
        return vec![(shown[first].clone(), expected[first].clone())];
    }
    shown
        .into_iter()
        .zip(expected)
        .filter(|(shown, expected)| shown != expected)
        .take(3)
        .collect()
}
