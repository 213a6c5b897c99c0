use super::*;

fn change(from: Pen, to: Pen) -> String {
    let mut out = Vec::new();
    from.change_to(&to, &mut out);
    String::from_utf8(out).unwrap()
}

fn pen(fg: Color, bg: Color, modifier: Modifier) -> Pen {
    Pen {
        fg,
        bg,
        modifier,
        ..Pen::default()
    }
}

#[test]
fn only_what_changed_is_written() {
    let blue = Color::Rgb(122, 162, 247);
    let plain = Pen::default();
    assert_eq!(change(plain, plain), "");
    // No `;49` for a background that did not change.
    assert_eq!(
        change(plain, pen(blue, Color::Reset, Modifier::empty())),
        "\x1b[38;2;122;162;247m"
    );
    let highlighted = pen(blue, Color::Indexed(236), Modifier::BOLD);
    assert_eq!(
        change(highlighted, pen(blue, Color::Reset, Modifier::BOLD)),
        "\x1b[49m"
    );
    // Several changes, one sequence.
    assert_eq!(
        change(plain, pen(Color::Red, Color::White, Modifier::REVERSED)),
        "\x1b[7;38;5;1;48;5;15m"
    );
}

#[test]
fn a_parameter_that_turns_off_two_attributes_turns_the_one_kept_on_again() {
    let both = pen(Color::Red, Color::Reset, Modifier::BOLD | Modifier::DIM);
    let dim = pen(Color::Red, Color::Reset, Modifier::DIM);
    assert_eq!(change(both, dim), "\x1b[22;2m");
    let bold_italic = pen(
        Color::Yellow,
        Color::Reset,
        Modifier::BOLD | Modifier::ITALIC,
    );
    assert_eq!(
        change(
            bold_italic,
            pen(Color::Yellow, Color::Reset, Modifier::ITALIC)
        ),
        "\x1b[22m"
    );
}

#[test]
fn a_reset_is_taken_when_it_is_shorter() {
    let busy = pen(
        Color::Rgb(1, 2, 3),
        Color::Rgb(4, 5, 6),
        Modifier::BOLD | Modifier::ITALIC | Modifier::UNDERLINED | Modifier::REVERSED,
    );
    assert_eq!(change(busy, Pen::default()), "\x1b[0m");
    assert_eq!(
        change(busy, pen(Color::Reset, Color::Reset, Modifier::BOLD)),
        "\x1b[0;1m"
    );
}

#[test]
fn a_pen_for_erasing_keeps_what_a_blank_does_not_show() {
    let busy = pen(
        Color::Green,
        Color::Blue,
        Modifier::BOLD | Modifier::REVERSED | Modifier::UNDERLINED,
    );
    assert!(!busy.erases_blank());
    let erasing = busy.for_erasing();
    assert!(erasing.erases_blank());
    assert_eq!(erasing, pen(Color::Green, Color::Reset, Modifier::BOLD));
}

#[test]
fn without_colours_none_is_written() {
    let mut cell = Cell::new("x");
    cell.set_fg(Color::Red).set_bg(Color::Blue);
    assert_eq!(Pen::of(&cell, false), Pen::default());
    assert_eq!(
        Pen::of(&cell, true),
        pen(Color::Red, Color::Blue, Modifier::empty())
    );
}
