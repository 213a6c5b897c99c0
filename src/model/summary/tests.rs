use super::*;

#[test]
fn a_summary_keeps_at_most_so_many_characters_of_each_text_and_says_it_cut() {
    let long = "Ж".repeat(5_000);
    let summary = UserSummary {
        id: "x".repeat(300),
        name: long.clone(),
        email: "a@b.c".to_owned(),
        role: Some(long),
        status: Vec::new(),
    }
    .bounded();
    assert_eq!(summary.name.chars().count(), SUMMARY_TEXT_MAX_CHARS + 1);
    assert!(summary.name.ends_with('…'));
    assert_eq!(summary.role.as_deref(), Some(summary.name.as_str()));
    assert_eq!(summary.email, "a@b.c", "short texts stay as they are");
    assert_eq!(
        summary.id.len(),
        300,
        "the id is never cut: the detail endpoint takes it"
    );
    let exact = "é".repeat(SUMMARY_TEXT_MAX_CHARS);
    assert_eq!(bounded_text(exact.clone()), exact);
}
