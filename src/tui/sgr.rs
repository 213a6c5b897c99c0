//! The terminal's current style (its "pen") and the shortest `CSI ... m` (SGR) that changes it
//! into another: only the parameters that changed, all in one sequence, or a reset and the new
//! style when that is shorter. Ratatui's crossterm backend writes both colours whenever either
//! changed (`;49` after every foreground, ~22 bytes for a 24-bit colour) and a sequence per
//! attribute.
//!
//! Colours are encoded as crossterm encodes them (`38;5;n` for the 16 named ones, not `3n`), so a
//! terminal shows exactly what it showed through ratatui's backend (bold-is-bright terminals treat
//! the two forms differently).

use std::io::Write;

use ratatui::buffer::Cell;
use ratatui::style::{Color, Modifier};

/// The attributes a terminal paints cells with: what the last SGR sequences set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pen {
    pub fg: Color,
    pub bg: Color,
    pub underline: Color,
    pub modifier: Modifier,
}

impl Default for Pen {
    /// A terminal's pen after `CSI 0 m`.
    fn default() -> Self {
        Self {
            fg: Color::Reset,
            bg: Color::Reset,
            underline: Color::Reset,
            modifier: Modifier::empty(),
        }
    }
}

/// The attributes that show on a blank cell. A run of blanks is erased (`CSI n X`) only with
/// none of these in the pen, since a terminal may paint an erased cell with them (vt100 does).
pub(super) const SHOWN_ON_BLANK: Modifier = Modifier::REVERSED
    .union(Modifier::UNDERLINED)
    .union(Modifier::CROSSED_OUT)
    .union(Modifier::SLOW_BLINK)
    .union(Modifier::RAPID_BLINK);

/// Each attribute with the parameter that turns it on, in the order they are written.
const ATTRIBUTES: [(Modifier, u8); 9] = [
    (Modifier::BOLD, 1),
    (Modifier::DIM, 2),
    (Modifier::ITALIC, 3),
    (Modifier::UNDERLINED, 4),
    (Modifier::SLOW_BLINK, 5),
    (Modifier::RAPID_BLINK, 6),
    (Modifier::REVERSED, 7),
    (Modifier::HIDDEN, 8),
    (Modifier::CROSSED_OUT, 9),
];

/// What each colour of a pen is set with: foreground, background, underline.
#[derive(Clone, Copy)]
enum Layer {
    Fg,
    Bg,
    Underline,
}

impl Pen {
    /// The pen a cell is drawn with. With `colors` off (crossterm's `NO_COLOR`), colours are
    /// never written, as crossterm does not write them.
    pub fn of(cell: &Cell, colors: bool) -> Self {
        let color = |color: Color| if colors { color } else { Color::Reset };
        Self {
            fg: color(cell.fg),
            bg: color(cell.bg),
            underline: color(cell.underline_color),
            modifier: cell.modifier,
        }
    }

    /// Whether an erased cell painted with this pen looks like a blank cell of the default
    /// background.
    pub fn erases_blank(&self) -> bool {
        self.bg == Color::Reset && !self.modifier.intersects(SHOWN_ON_BLANK)
    }

    /// This pen with what would show on an erased cell taken off (the foreground, bold and
    /// italics stay: they do not show on a blank, and the next cell may want them).
    #[must_use]
    pub fn for_erasing(self) -> Self {
        Self {
            bg: Color::Reset,
            modifier: self.modifier - SHOWN_ON_BLANK,
            ..self
        }
    }

    /// Writes the shortest SGR sequence that turns this pen into `to`; nothing if they are alike.
    pub fn change_to(&self, to: &Self, out: &mut Vec<u8>) {
        if self == to {
            return;
        }
        let mut changed = Vec::with_capacity(32);
        self.changes(to, &mut changed);
        let mut reset = Vec::with_capacity(32);
        reset.push(b'0');
        Self::default().changes(to, &mut reset);
        out.extend_from_slice(b"\x1b[");
        out.extend_from_slice(if reset.len() < changed.len() {
            &reset
        } else {
            &changed
        });
        out.push(b'm');
    }

    /// The parameters that turn this pen into `to`, each after a `;` unless `params` is empty.
    fn changes(&self, to: &Self, params: &mut Vec<u8>) {
        let removed = self.modifier - to.modifier;
        let mut added = to.modifier - self.modifier;
        let intensity = Modifier::BOLD | Modifier::DIM;
        let blink = Modifier::SLOW_BLINK | Modifier::RAPID_BLINK;
        // One parameter turns off both of a pair: the one that stays is turned on again.
        for (pair, off) in [(intensity, 22), (blink, 25)] {
            if removed.intersects(pair) {
                push_param(params, off);
                added |= to.modifier & pair;
            }
        }
        for (modifier, off) in [
            (Modifier::ITALIC, 23),
            (Modifier::UNDERLINED, 24),
            (Modifier::REVERSED, 27),
            (Modifier::HIDDEN, 28),
            (Modifier::CROSSED_OUT, 29),
        ] {
            if removed.contains(modifier) {
                push_param(params, off);
            }
        }
        for (modifier, on) in ATTRIBUTES {
            if added.contains(modifier) {
                push_param(params, on);
            }
        }
        for (from, to, layer) in [
            (self.fg, to.fg, Layer::Fg),
            (self.bg, to.bg, Layer::Bg),
            (self.underline, to.underline, Layer::Underline),
        ] {
            if from != to {
                push_color(params, to, layer);
            }
        }
    }
}

fn separate(params: &mut Vec<u8>) {
    if !params.is_empty() {
        params.push(b';');
    }
}

fn push_param(params: &mut Vec<u8>, param: u8) {
    separate(params);
    let _ = write!(params, "{param}");
}

/// A colour's parameters, as crossterm writes them (see the module docs).
fn push_color(params: &mut Vec<u8>, color: Color, layer: Layer) {
    separate(params);
    let base: u8 = match layer {
        Layer::Fg => 30,
        Layer::Bg => 40,
        Layer::Underline => 50,
    };
    let index = match color {
        Color::Reset => {
            let _ = write!(params, "{}", base + 9);
            return;
        }
        Color::Rgb(r, g, b) => {
            let _ = write!(params, "{};2;{r};{g};{b}", base + 8);
            return;
        }
        Color::Indexed(index) => index,
        Color::Black => 0,
        Color::Red => 1,
        Color::Green => 2,
        Color::Yellow => 3,
        Color::Blue => 4,
        Color::Magenta => 5,
        Color::Cyan => 6,
        Color::Gray => 7,
        Color::DarkGray => 8,
        Color::LightRed => 9,
        Color::LightGreen => 10,
        Color::LightYellow => 11,
        Color::LightBlue => 12,
        Color::LightMagenta => 13,
        Color::LightCyan => 14,
        Color::White => 15,
    };
    let _ = write!(params, "{};5;{index}", base + 8);
}

#[cfg(test)]
mod tests;
