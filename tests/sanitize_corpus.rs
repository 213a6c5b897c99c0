//! The sanitizer against a corpus of terminal attacks, and as a property: whatever the input,
//! the output holds no control character and no bidi or zero-width trick, and a cleaned table
//! keeps its columns.

use proptest::prelude::*;
use unicode_width::UnicodeWidthStr;
use userscope::sanitize::{MARK, MAX_COMBINING, one_line, sanitize};

/// (what, hostile input, what must not survive)
const CORPUS: &[(&str, &str, &str)] = &[
    ("CSI clear screen", "a\u{1b}[2Jb", "[2J"),
    ("CSI colour", "\u{1b}[31mred\u{1b}[0m", "[31m"),
    ("CSI cursor move", "x\u{1b}[10;10Hy", "[10;10H"),
    ("8-bit CSI", "x\u{9b}2Jy", "2J"),
    ("OSC window title, BEL", "\u{1b}]0;pwned\u{7}name", "pwned"),
    (
        "OSC window title, ST",
        "\u{1b}]2;pwned\u{1b}\\name",
        "pwned",
    ),
    (
        "OSC 52 clipboard write",
        "\u{1b}]52;c;cm0gLXJmIH4=\u{7}name",
        "cm0gLXJmIH4=",
    ),
    (
        "OSC 8 hyperlink",
        "\u{1b}]8;;https://evil.example\u{1b}\\click\u{1b}]8;;\u{1b}\\",
        "evil.example",
    ),
    ("8-bit OSC", "\u{9d}0;pwned\u{9c}name", "pwned"),
    ("DCS", "\u{1b}P$qm\u{1b}\\name", "$qm"),
    ("8-bit DCS", "\u{90}$qm\u{9c}name", "$qm"),
    ("APC", "\u{1b}_Gpayload\u{1b}\\name", "payload"),
    ("PM", "\u{1b}^secret\u{1b}\\name", "secret"),
    ("SOS", "\u{1b}Xsecret\u{1b}\\name", "secret"),
    ("bare ESC at the end", "name\u{1b}", "\u{1b}"),
    ("ESC charset switch", "a\u{1b}(0qqq\u{1b}(Bb", "(0"),
    ("C1 NEL", "a\u{85}b", "\u{85}"),
    ("BEL", "ding\u{7}\u{7}", "\u{7}"),
    (
        "backspace overprint",
        "admin\u{8}\u{8}\u{8}\u{8}\u{8}guest",
        "\u{8}",
    ),
    ("carriage return overprint", "evil\rgood", "\r"),
    ("bidi override", "user\u{202E}fdp.exe", "\u{202E}"),
    ("bidi isolates", "a\u{2066}b\u{2069}c", "\u{2066}"),
    ("zero-width space", "ad\u{200B}min", "\u{200B}"),
    ("zero-width joiner", "ad\u{200D}min", "\u{200D}"),
    ("BOM", "\u{FEFF}name", "\u{FEFF}"),
    ("DEL", "a\u{7f}b", "\u{7f}"),
];

#[test]
fn every_attack_in_the_corpus_is_removed_and_marked() {
    for (what, input, payload) in CORPUS {
        let clean = one_line(input);
        assert!(
            !clean.contains(payload),
            "{what}: {clean:?} still holds {payload:?}"
        );
        assert!(
            clean.contains(MARK),
            "{what}: nothing marks the removal in {clean:?}"
        );
        assert!(
            !clean.chars().any(char::is_control),
            "{what}: a control character survived in {clean:?}"
        );
    }
    println!("sanitizer corpus: {} cases", CORPUS.len());
}

#[test]
fn wide_and_combining_text_keeps_columns() {
    // Double-width text is kept (it is text) and measured by display width.
    assert_eq!(one_line("山田太郎"), "山田太郎");
    assert_eq!("山田太郎".width(), 8);
    // Real diacritics survive; a zalgo pile-up is cut to a few marks on its base.
    assert_eq!(one_line("Zoë Nguyễn"), "Zoë Nguyễn");
    let zalgo = format!("Z{}", "\u{0301}".repeat(50));
    let clean = one_line(&zalgo);
    assert!(clean.chars().filter(|c| *c == '\u{0301}').count() <= MAX_COMBINING);
    assert!(clean.contains(MARK));
}

#[test]
fn newlines_survive_sanitize_but_not_one_line() {
    assert_eq!(sanitize("a\nb"), "a\nb");
    assert_eq!(one_line("a\nb\tc"), "a b c");
}

fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
}

proptest! {
    #[test]
    fn output_never_holds_a_control_or_invisible_character(input in ".*", raw in proptest::collection::vec(any::<char>(), 0..64)) {
        for text in [input, raw.into_iter().collect::<String>()] {
            let clean = one_line(&text);
            let control = clean.chars().any(char::is_control);
            prop_assert!(!control, "{:?} -> {:?}", text, clean);
            let invisible = clean.chars().any(is_invisible);
            prop_assert!(!invisible, "{:?} -> {:?}", text, clean);
            let kept = sanitize(&text);
            prop_assert!(!kept.chars().any(|c| c.is_control() && c != '\n' && c != '\t'));
        }
    }

    #[test]
    fn clean_text_passes_through_unchanged(input in "[a-zA-Z0-9 @._+-]{0,64}") {
        prop_assert_eq!(one_line(&input), input);
    }
}
