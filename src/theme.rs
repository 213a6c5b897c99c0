//! Semantic colours: panes ask for `theme.border(focused)` or `theme.selection()`, never for a
//! colour. Themes are TOML (`themes/*.toml` built in, more in the user's themes dir); `NO_COLOR`
//! drops every colour and keeps focus and selection visible through reverse and bold.

use std::path::Path;
use std::str::FromStr;

use ratatui::style::{Color, Modifier, Style};
use serde::Deserialize;

mod colors;
pub use colors::Colors;

/// The themes shipped in the binary, by name.
pub const BUILT_IN: &[(&str, &str)] = &[
    ("dark", include_str!("../themes/dark.toml")),
    ("light", include_str!("../themes/light.toml")),
    (
        "high-contrast",
        include_str!("../themes/high-contrast.toml"),
    ),
    ("ansi16", include_str!("../themes/ansi16.toml")),
];

/// A resolved theme.
#[derive(Debug, Clone, PartialEq)]
pub struct Theme {
    /// The theme's name.
    pub name: String,
    colors: Option<Palette>,
}

/// The semantic colours of a theme file.
#[derive(Debug, Clone, PartialEq, Deserialize)]
struct Palette {
    text: ColorName,
    muted: ColorName,
    accent: ColorName,
    border: ColorName,
    border_focused: ColorName,
    selection_fg: ColorName,
    selection_bg: ColorName,
    header_fg: ColorName,
    header_bg: ColorName,
    sandbox_fg: ColorName,
    sandbox_bg: ColorName,
    error: ColorName,
    warning: ColorName,
    ok: ColorName,
    key: ColorName,
}

#[derive(Debug, Clone, Copy, PartialEq)]
struct ColorName(Color);

impl Palette {
    /// Every colour passed through `show`.
    fn map(&self, show: impl Fn(Color) -> Color) -> Self {
        let name = |color: ColorName| ColorName(show(color.0));
        Self {
            text: name(self.text),
            muted: name(self.muted),
            accent: name(self.accent),
            border: name(self.border),
            border_focused: name(self.border_focused),
            selection_fg: name(self.selection_fg),
            selection_bg: name(self.selection_bg),
            header_fg: name(self.header_fg),
            header_bg: name(self.header_bg),
            sandbox_fg: name(self.sandbox_fg),
            sandbox_bg: name(self.sandbox_bg),
            error: name(self.error),
            warning: name(self.warning),
            ok: name(self.ok),
            key: name(self.key),
        }
    }
}

impl<'de> Deserialize<'de> for ColorName {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        let normalized = text.replace('_', "");
        Color::from_str(&normalized)
            .map(ColorName)
            .map_err(|_| serde::de::Error::custom(format!("unknown colour {text:?}")))
    }
}

#[derive(Deserialize)]
struct ThemeFile {
    name: Option<String>,
    colors: Palette,
}

/// A theme that cannot be loaded.
#[derive(Debug, thiserror::Error)]
#[error("theme {name}: {detail}")]
pub struct ThemeError {
    name: String,
    detail: String,
}

impl Theme {
    /// The theme for a name: a file in `themes_dir` first, then a built-in one, in the colours
    /// the terminal shows (`Colors::None`, from `NO_COLOR`, wins over any theme).
    pub fn load(name: &str, themes_dir: &Path, colors: Colors) -> Result<Self, ThemeError> {
        if colors == Colors::None {
            return Ok(Self::no_color());
        }
        let user_file = themes_dir.join(format!("{name}.toml"));
        let text = match std::fs::read_to_string(&user_file) {
            Ok(text) => text,
            Err(_) => BUILT_IN
                .iter()
                .find(|(built_in, _)| *built_in == name)
                .map(|(_, text)| (*text).to_owned())
                .ok_or_else(|| ThemeError {
                    name: name.to_owned(),
                    detail: format!("no such theme; built in: {}", names().join(", ")),
                })?,
        };
        Self::parse(name, &text).map(|theme| theme.shown_in(colors))
    }

    /// The theme in the colours a terminal shows: 24-bit colours brought to the nearest of
    /// its palette.
    #[must_use]
    pub fn shown_in(self, colors: Colors) -> Self {
        if colors == Colors::None {
            return Self::no_color();
        }
        Self {
            colors: self
                .colors
                .map(|palette| palette.map(|color| colors.show(color))),
            ..self
        }
    }

    /// Parses a theme file's text.
    pub fn parse(name: &str, text: &str) -> Result<Self, ThemeError> {
        let file: ThemeFile = toml::from_str(text).map_err(|err| ThemeError {
            name: name.to_owned(),
            detail: err.message().to_owned(),
        })?;
        Ok(Self {
            name: file.name.unwrap_or_else(|| name.to_owned()),
            colors: Some(file.colors),
        })
    }

    /// The default theme.
    pub fn dark() -> Self {
        // The built-in file is tested to parse; fall back to no colour rather than panic.
        Self::parse("dark", BUILT_IN[0].1).unwrap_or_else(|_| Self::no_color())
    }

    /// No colour at all: emphasis through modifiers only.
    pub fn no_color() -> Self {
        Self {
            name: "no-color".to_owned(),
            colors: None,
        }
    }

    fn color(&self, pick: impl Fn(&Palette) -> ColorName) -> Option<Color> {
        self.colors.as_ref().map(|palette| pick(palette).0)
    }

    fn fg(&self, pick: impl Fn(&Palette) -> ColorName) -> Style {
        self.color(pick)
            .map_or_else(Style::default, |color| Style::default().fg(color))
    }

    /// Ordinary text.
    pub fn text(&self) -> Style {
        self.fg(|p| p.text)
    }

    /// Secondary text (hints, counts).
    pub fn muted(&self) -> Style {
        if self.colors.is_none() {
            return Style::default().add_modifier(Modifier::DIM);
        }
        self.fg(|p| p.muted)
    }

    /// Emphasis (titles, labels).
    pub fn accent(&self) -> Style {
        self.fg(|p| p.accent).add_modifier(Modifier::BOLD)
    }

    /// A pane's border; the focused pane's is bright and bold.
    pub fn border(&self, focused: bool) -> Style {
        if focused {
            self.fg(|p| p.border_focused).add_modifier(Modifier::BOLD)
        } else {
            self.fg(|p| p.border)
        }
    }

    /// The selected row; reversed without colour so it survives `NO_COLOR`.
    pub fn selection(&self, focused: bool) -> Style {
        match &self.colors {
            None if focused => Style::default().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            None => Style::default().add_modifier(Modifier::UNDERLINED),
            Some(palette) if focused => Style::default()
                .fg(palette.selection_fg.0)
                .bg(palette.selection_bg.0)
                .add_modifier(Modifier::BOLD),
            // The selection's own text colour on the border colour: a row under an unfocused
            // cursor must not rely on the terminal's default foreground, which is white on a
            // dark terminal, as high-contrast's border is.
            Some(palette) => Style::default()
                .fg(palette.selection_fg.0)
                .bg(palette.border.0),
        }
    }

    /// The header bar.
    pub fn header(&self) -> Style {
        match &self.colors {
            None => Style::default().add_modifier(Modifier::REVERSED),
            Some(palette) => Style::default()
                .fg(palette.header_fg.0)
                .bg(palette.header_bg.0),
        }
    }

    /// The SANDBOX badge.
    pub fn sandbox_badge(&self) -> Style {
        match &self.colors {
            None => Style::default().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            Some(palette) => Style::default()
                .fg(palette.sandbox_fg.0)
                .bg(palette.sandbox_bg.0)
                .add_modifier(Modifier::BOLD),
        }
    }

    /// Errors.
    pub fn error(&self) -> Style {
        self.fg(|p| p.error).add_modifier(Modifier::BOLD)
    }

    /// Warnings and status markers.
    pub fn warning(&self) -> Style {
        self.fg(|p| p.warning)
    }

    /// Success.
    pub fn ok(&self) -> Style {
        self.fg(|p| p.ok)
    }

    /// Key names in hints and help.
    pub fn key(&self) -> Style {
        self.fg(|p| p.key).add_modifier(Modifier::BOLD)
    }
}

/// The names of the built-in themes.
pub fn names() -> Vec<&'static str> {
    BUILT_IN.iter().map(|(name, _)| *name).collect()
}

#[cfg(test)]
mod tests;
