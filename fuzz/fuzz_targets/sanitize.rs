//! Any text through the sanitizer: the output never holds a control character (but the kept
//! newlines and tabs of `sanitize`), a bidi control or a zero-width character, never piles more
//! than `MAX_COMBINING` combining marks, and sanitizing it again changes nothing.
#![no_main]

use libfuzzer_sys::fuzz_target;
use userscope::sanitize::{MAX_COMBINING, one_line, sanitize};

fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{200B}'..='\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{2064}'
        | '\u{2066}'..='\u{2069}'
        | '\u{FEFF}'
        | '\u{FFF9}'..='\u{FFFB}')
}

fn is_combining(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}' | '\u{20D0}'..='\u{20FF}' | '\u{FE20}'..='\u{FE2F}')
}

fn longest_combining_run(text: &str) -> usize {
    let mut run = 0;
    let mut longest = 0;
    for c in text.chars() {
        run = if is_combining(c) { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    longest
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let flat = one_line(&text);
    assert!(
        !flat.chars().any(|c| c.is_control() || is_invisible(c)),
        "one_line({text:?}) = {flat:?}"
    );
    assert!(longest_combining_run(&flat) <= MAX_COMBINING, "{flat:?}");
    assert_eq!(
        one_line(&flat),
        flat,
        "one_line is not idempotent on {text:?}"
    );
    let kept = sanitize(&text);
    assert!(
        !kept
            .chars()
            .any(|c| (c.is_control() && c != '\n' && c != '\t') || is_invisible(c)),
        "sanitize({text:?}) = {kept:?}"
    );
    assert!(longest_combining_run(&kept) <= MAX_COMBINING, "{kept:?}");
    assert_eq!(
        sanitize(&kept),
        kept,
        "sanitize is not idempotent on {text:?}"
    );
});
