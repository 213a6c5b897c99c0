use super::*;

fn colors_of(vars: &[(&str, &str)]) -> Colors {
    Colors::from_env(|name| {
        vars.iter()
            .find(|(var, _)| *var == name)
            .map(|(_, value)| (*value).to_owned())
    })
}

#[test]
fn twenty_four_bit_colour_only_when_the_terminal_says_so() {
    let true_color = [
        vec![("TERM", "xterm-256color"), ("COLORTERM", "truecolor")],
        vec![("TERM", "tmux-256color"), ("COLORTERM", "24bit")],
        vec![("TERM", "xterm"), ("COLORTERM", "TrueColor")],
        vec![("TERM", "xterm-kitty")],
        vec![("TERM", "xterm-direct")],
        vec![("TERM", "xterm-256color"), ("TERM_PROGRAM", "iTerm.app")],
    ];
    for vars in true_color {
        assert_eq!(colors_of(&vars), Colors::TrueColor, "{vars:?}");
    }
}

#[test]
fn a_256color_term_gets_the_palette_and_any_other_the_16_colours() {
    for term in ["xterm-256color", "tmux-256color", "screen-256color"] {
        assert_eq!(colors_of(&[("TERM", term)]), Colors::Palette256, "{term}");
    }
    // macOS Terminal before Tahoe has no 24-bit colour, whatever its TERM.
    let apple = [
        ("TERM", "xterm-256color"),
        ("TERM_PROGRAM", "Apple_Terminal"),
    ];
    assert_eq!(colors_of(&apple), Colors::Palette256);
    for vars in [vec![("TERM", "xterm")], vec![("TERM", "linux")], vec![]] {
        assert_eq!(colors_of(&vars), Colors::Ansi16, "{vars:?}");
    }
    assert_eq!(colors_of(&[("COLORTERM", "")]), Colors::Ansi16);
}

#[test]
fn no_color_wins_when_set_and_not_empty() {
    let vars = [("TERM", "xterm-kitty"), ("COLORTERM", "truecolor")];
    assert_eq!(
        colors_of(&[vars[0], vars[1], ("NO_COLOR", "1")]),
        Colors::None
    );
    assert_eq!(
        colors_of(&[vars[0], vars[1], ("NO_COLOR", "")]),
        Colors::TrueColor
    );
    assert_eq!(Colors::None.show(Color::Rgb(1, 2, 3)), Color::Reset);
}

#[test]
fn every_palette_colour_past_the_ansi_16_is_its_own_nearest() {
    for index in 16..=255 {
        assert_eq!(nearest_256(rgb_of_indexed(index)), index, "{index}");
    }
}

#[test]
fn colours_come_down_to_the_nearest_the_terminal_shows() {
    let palette = Colors::Palette256;
    assert_eq!(palette.show(Color::Rgb(255, 0, 0)), Color::Indexed(196));
    assert_eq!(palette.show(Color::Rgb(0, 0, 0)), Color::Indexed(16));
    assert_eq!(palette.show(Color::Rgb(128, 128, 128)), Color::Indexed(244));
    // The dark theme's accent, #7aa2f7.
    assert_eq!(palette.show(Color::Rgb(122, 162, 247)), Color::Indexed(111));
    // Colours the terminal names itself are left to it.
    assert_eq!(palette.show(Color::Cyan), Color::Cyan);
    assert_eq!(palette.show(Color::Reset), Color::Reset);

    let ansi = Colors::Ansi16;
    assert_eq!(ansi.show(Color::Rgb(250, 10, 10)), Color::LightRed);
    assert_eq!(ansi.show(Color::Rgb(20, 20, 20)), Color::Black);
    assert_eq!(ansi.show(Color::Indexed(196)), Color::LightRed);
    assert_eq!(ansi.show(Color::Indexed(4)), Color::Indexed(4));
    assert_eq!(ansi.show(Color::Blue), Color::Blue);

    let true_color = Colors::TrueColor;
    assert_eq!(
        true_color.show(Color::Rgb(122, 162, 247)),
        Color::Rgb(122, 162, 247)
    );
}

#[test]
fn only_a_16_colour_terminal_defaults_to_the_16_colour_theme() {
    assert_eq!(Colors::Ansi16.default_theme(), "ansi16");
    for colors in [Colors::None, Colors::Palette256, Colors::TrueColor] {
        assert_eq!(colors.default_theme(), "dark");
    }
}
