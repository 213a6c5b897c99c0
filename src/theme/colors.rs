//! How many colours the terminal shows, read from its environment as other terminal tools do
//! (bat, delta, helix): 24-bit colour only when `COLORTERM` says so, the 256-colour palette when
//! `TERM` names it, else the 16 ANSI colours; `NO_COLOR` drops them all.
//!
//! A theme's 24-bit colours are brought down to what the terminal shows: sent as they are, a
//! terminal without 24-bit colour (macOS Terminal before Tahoe, many SSH setups) draws them as
//! other colours or not at all. tmux sets no `COLORTERM`: a pane gets the 256-colour palette
//! unless `COLORTERM=truecolor` is passed on (`set -g update-environment COLORTERM` or
//! `setenv -g COLORTERM truecolor` in tmux.conf).

use ratatui::style::Color;

/// The colours the explorer draws with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Colors {
    /// `NO_COLOR`: none; emphasis through bold, reverse and underline.
    None,
    /// The 16 ANSI colours, as the terminal's palette sets them.
    Ansi16,
    /// The xterm 256-colour palette.
    Palette256,
    /// 24-bit colour.
    TrueColor,
}

/// `TERM`s of terminals that take 24-bit colour without saying so in `COLORTERM`.
const TRUE_COLOR_TERMS: &[&str] = &[
    "xterm-kitty",
    "xterm-ghostty",
    "alacritty",
    "foot",
    "wezterm",
];

/// `TERM_PROGRAM`s (set by the terminal itself, so only seen locally) with 24-bit colour.
const TRUE_COLOR_PROGRAMS: &[&str] = &["iTerm.app", "WezTerm", "vscode", "ghostty", "Hyper"];

impl Colors {
    /// The colours of the terminal whose environment `var` reads.
    pub fn from_env(var: impl Fn(&str) -> Option<String>) -> Self {
        let set = |name: &str| var(name).filter(|value| !value.is_empty());
        if set("NO_COLOR").is_some() {
            return Self::None;
        }
        let term = set("TERM").unwrap_or_default();
        let colorterm = set("COLORTERM").unwrap_or_default().to_ascii_lowercase();
        let program = set("TERM_PROGRAM").unwrap_or_default();
        if colorterm == "truecolor"
            || colorterm == "24bit"
            || term.ends_with("-direct")
            || TRUE_COLOR_TERMS.contains(&term.as_str())
            || TRUE_COLOR_PROGRAMS.contains(&program.as_str())
        {
            Self::TrueColor
        } else if term.contains("256color") {
            Self::Palette256
        } else {
            Self::Ansi16
        }
    }

    /// The colours of this process's terminal.
    pub fn of_this_terminal() -> Self {
        Self::from_env(|name| std::env::var(name).ok())
    }

    /// The theme used when none is named: one made for 16 colours where there are no more.
    pub fn default_theme(self) -> &'static str {
        match self {
            Self::Ansi16 => "ansi16",
            Self::None | Self::Palette256 | Self::TrueColor => "dark",
        }
    }

    /// What the terminal shows for `color`.
    pub fn show(self, color: Color) -> Color {
        match (self, color) {
            (Self::None, _) => Color::Reset,
            (Self::Palette256, Color::Rgb(r, g, b)) => Color::Indexed(nearest_256([r, g, b])),
            (Self::Ansi16, Color::Rgb(r, g, b)) => nearest_16([r, g, b]),
            (Self::Ansi16, Color::Indexed(index)) if index >= 16 => {
                nearest_16(rgb_of_indexed(index))
            }
            _ => color,
        }
    }

    /// What it is called in `userscope info`.
    pub fn describe(self) -> &'static str {
        match self {
            Self::None => "none (NO_COLOR)",
            Self::Ansi16 => "16 (TERM names no more; COLORTERM=truecolor for 24-bit)",
            Self::Palette256 => "256 (COLORTERM=truecolor for 24-bit)",
            Self::TrueColor => "24-bit",
        }
    }
}

/// The six levels of each channel in the palette's colour cube (16-231).
const CUBE_LEVELS: [u8; 6] = [0, 95, 135, 175, 215, 255];

fn squared_distance(a: [u8; 3], b: [u8; 3]) -> u32 {
    a.iter()
        .zip(b)
        .map(|(a, b)| u32::from(a.abs_diff(b)).pow(2))
        .sum()
}

/// The cube level nearest to a channel's value.
fn nearest_level(value: u8) -> usize {
    (0..CUBE_LEVELS.len())
        .min_by_key(|level| CUBE_LEVELS[*level].abs_diff(value))
        .unwrap_or(0)
}

/// The nearest colour of the palette's cube (16-231) or grey ramp (232-255); never 0-15,
/// whose colours each terminal sets as it likes.
fn nearest_256(rgb: [u8; 3]) -> u8 {
    let [r, g, b] = rgb.map(nearest_level);
    let cube = [r, g, b].map(|level| CUBE_LEVELS[level]);
    // Levels are below 6, so the index is at most 231.
    let cube_index = (16 + 36 * r + 6 * g + b) as u8;
    let mean = rgb.iter().map(|channel| u32::from(*channel)).sum::<u32>() / 3;
    // The ramp runs 8, 18, ..., 238 in steps of 10.
    let grey_step = (mean.saturating_sub(3) / 10).min(23) as u8;
    let grey = 8 + 10 * grey_step;
    if squared_distance(rgb, [grey; 3]) < squared_distance(rgb, cube) {
        232 + grey_step
    } else {
        cube_index
    }
}

/// The RGB of a palette index past the 16 ANSI colours.
fn rgb_of_indexed(index: u8) -> [u8; 3] {
    if index >= 232 {
        return [8 + 10 * (index - 232); 3];
    }
    let cube = index.saturating_sub(16);
    [cube / 36, cube / 6 % 6, cube % 6].map(|level| CUBE_LEVELS[usize::from(level)])
}

/// The 16 ANSI colours as xterm draws them by default, to find the nearest.
const ANSI_16: [(Color, [u8; 3]); 16] = [
    (Color::Black, [0, 0, 0]),
    (Color::Red, [205, 0, 0]),
    (Color::Green, [0, 205, 0]),
    (Color::Yellow, [205, 205, 0]),
    (Color::Blue, [0, 0, 238]),
    (Color::Magenta, [205, 0, 205]),
    (Color::Cyan, [0, 205, 205]),
    (Color::Gray, [229, 229, 229]),
    (Color::DarkGray, [127, 127, 127]),
    (Color::LightRed, [255, 0, 0]),
    (Color::LightGreen, [0, 255, 0]),
    (Color::LightYellow, [255, 255, 0]),
    (Color::LightBlue, [92, 92, 255]),
    (Color::LightMagenta, [255, 0, 255]),
    (Color::LightCyan, [0, 255, 255]),
    (Color::White, [255, 255, 255]),
];

fn nearest_16(rgb: [u8; 3]) -> Color {
    ANSI_16
        .iter()
        .min_by_key(|(_, ansi)| squared_distance(rgb, *ansi))
        .map_or(Color::Reset, |(color, _)| *color)
}

#[cfg(test)]
mod tests;
