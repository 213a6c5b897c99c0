use super::*;

/// Whether a style shows its text on its own background, whatever the terminal's colours.
fn stands_out(style: Style) -> bool {
    style.add_modifier.contains(Modifier::REVERSED)
        || matches!((style.fg, style.bg), (Some(fg), Some(bg)) if fg != bg)
}

#[test]
fn every_built_in_theme_keeps_focus_and_selection_visible() {
    for (name, text) in BUILT_IN {
        let theme = Theme::parse(name, text).unwrap();
        assert_ne!(theme.border(true), theme.border(false), "{name}: focus");
        assert_ne!(theme.selection(true), theme.selection(false), "{name}");
        for focused in [true, false] {
            let selection = theme.selection(focused);
            assert!(stands_out(selection), "{name}: selection {focused}");
            // The active tab: the selection over the tabs' muted text.
            let tab = theme.muted().patch(selection);
            assert!(stands_out(tab), "{name}: active tab {focused}");
            // A list row's name: the selection over plain text.
            assert!(stands_out(theme.text().patch(selection)), "{name}");
        }
    }
}

#[test]
fn every_built_in_theme_parses() {
    for (name, text) in BUILT_IN {
        let theme = Theme::parse(name, text).unwrap();
        assert_eq!(theme.name, *name);
    }
}

#[test]
fn no_color_keeps_focus_and_selection_visible() {
    let theme = Theme::no_color();
    assert!(
        theme
            .selection(true)
            .add_modifier
            .contains(Modifier::REVERSED)
    );
    assert!(theme.border(true).add_modifier.contains(Modifier::BOLD));
    assert_eq!(theme.text().fg, None);
}

fn palette_colors(theme: &Theme) -> Vec<Color> {
    let palette = theme.colors.as_ref().unwrap();
    let colors = std::cell::RefCell::new(Vec::new());
    palette.map(|color| {
        colors.borrow_mut().push(color);
        color
    });
    colors.into_inner()
}

#[test]
fn every_built_in_theme_comes_down_to_the_colours_a_terminal_shows() {
    let dir = Path::new("/nonexistent");
    for (name, _) in BUILT_IN {
        let palette = Theme::load(name, dir, Colors::Palette256).unwrap();
        assert!(
            palette_colors(&palette)
                .iter()
                .all(|color| !matches!(color, Color::Rgb(..))),
            "{name}"
        );
        let ansi = Theme::load(name, dir, Colors::Ansi16).unwrap();
        assert!(
            palette_colors(&ansi)
                .iter()
                .all(|color| !matches!(color, Color::Rgb(..) | Color::Indexed(16..))),
            "{name}"
        );
        let none = Theme::load(name, dir, Colors::None).unwrap();
        assert_eq!(none, Theme::no_color());
    }
    let true_color = Theme::load("dark", dir, Colors::TrueColor).unwrap();
    assert_eq!(true_color, Theme::dark());
    assert_eq!(
        Theme::dark().shown_in(Colors::Palette256).accent().fg,
        Some(Color::Indexed(111))
    );
}

#[test]
fn unknown_theme_names_the_built_in_ones() {
    let err = Theme::load("nope", Path::new("/nonexistent"), Colors::TrueColor)
        .unwrap_err()
        .to_string();
    assert!(err.contains("dark"), "{err}");
}
