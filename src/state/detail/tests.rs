use super::contains;

#[test]
fn lines_are_searched_as_if_lower_cased() {
    assert!(contains(r#"  "Email": "A@X.IO","#, "email", false));
    assert!(contains("abcABC", "cab", false));
    assert!(contains("xx2003", "2003", false), "at the very end");
    assert!(!contains("200", "2003", false), "longer than the line");
    assert!(!contains("aaaa", "aab", false));
    assert!(contains("ÉCOLE Zoë", "école zoë", false));
    // The Kelvin sign lower-cases to an ASCII `k`, as `to_lowercase` has it.
    assert!(contains("5 \u{212A}", "5 k", false));
    assert!(!contains("Email", "email", true));
}
