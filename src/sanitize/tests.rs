use super::*;

#[test]
fn clean_text_is_borrowed_untouched() {
    assert!(matches!(sanitize("Zoë 山田 O'Brien"), Cow::Borrowed(_)));
}

#[test]
fn removes_escape_sequences_and_marks_them() {
    assert_eq!(sanitize("a\u{1b}[2Jb"), "a\u{FFFD}b");
    assert_eq!(sanitize("t\u{1b}]0;title\u{7}x"), "t\u{FFFD}x");
    assert_eq!(sanitize("c\u{1b}]52;c;aGk=\u{1b}\\d"), "c\u{FFFD}d");
    assert_eq!(sanitize("\u{1b}P1$r\u{1b}\\ok"), "\u{FFFD}ok");
    assert_eq!(sanitize("x\u{9b}31my"), "x\u{FFFD}y");
    assert_eq!(sanitize("bell\u{7}\u{8}\u{8}"), "bell\u{FFFD}");
    assert_eq!(sanitize("r\u{202E}evil"), "r\u{FFFD}evil");
    assert_eq!(sanitize("trailing\u{1b}"), "trailing\u{FFFD}");
}

#[test]
fn one_line_flattens_newlines_and_carriage_returns() {
    assert_eq!(one_line("a\nb\tc\rd"), "a b c\u{FFFD}d");
}
