use super::*;

fn finding(rule: &'static str, severity: Severity, user: &str) -> Finding {
    Finding {
        rule,
        severity,
        title: rule.to_owned(),
        user_id: user.to_owned(),
        email: format!("{user}@x.io"),
        path: ".a".to_owned(),
        value: serde_json::Value::Null,
        provider: crate::model::ProviderKind::Zoo,
        profile: "p".to_owned(),
        fetched_at: chrono::DateTime::UNIX_EPOCH,
    }
}

/// Report order: most severe first, then rule, then user.
fn findings() -> Vec<Finding> {
    vec![
        finding("zoo.blocked", Severity::High, "bo"),
        finding("zoo.many_sessions", Severity::Medium, "al"),
        finding("zoo.many_sessions", Severity::Medium, "bo"),
        finding("zoo.no_payment_method", Severity::Low, "al"),
    ]
}

fn labels(view: &FindingsView) -> Vec<(String, usize)> {
    view.groups
        .iter()
        .map(|group| (group.label.clone(), group.findings.len()))
        .collect()
}

#[test]
fn groups_by_each_key_in_natural_or_reversed_order() {
    let findings = findings();
    let mut view = FindingsView::default();
    view.regroup(&findings);
    assert_eq!(
        labels(&view),
        [("high".into(), 1), ("medium".into(), 2), ("low".into(), 1)]
    );
    assert_eq!(
        view.rows.len(),
        3 + 4,
        "a header per group and every finding"
    );
    view.cycle_grouping(&findings);
    assert_eq!(
        labels(&view),
        [
            ("zoo.blocked".into(), 1),
            ("zoo.many_sessions".into(), 2),
            ("zoo.no_payment_method".into(), 1)
        ]
    );
    view.cycle_grouping(&findings);
    assert_eq!(
        labels(&view),
        [("al@x.io".into(), 2), ("bo@x.io".into(), 2)]
    );
    assert_eq!(view.groups[1].worst, Severity::High);
    assert_eq!(view.groups[1].findings, [0, 2], "most severe first within");
    view.reverse();
    assert_eq!(view.groups[0].label, "bo@x.io");
    view.cycle_grouping(&findings);
    assert_eq!(view.grouping, FindingGrouping::Severity);
    assert!(!view.reversed, "a new grouping starts in its natural order");
}

#[test]
fn folding_hides_a_groups_findings_and_survives_new_findings() {
    let findings = findings();
    let mut view = FindingsView::default();
    view.regroup(&findings);
    view.toggle_fold(1);
    assert_eq!(view.rows.len(), 3 + 2);
    assert_eq!(view.current(), Some(FindingRow::Group(1)));
    view.regroup(&findings[1..]);
    assert_eq!(view.groups[0].label, "medium");
    assert!(view.groups[0].folded, "medium stays folded");
    assert_eq!(
        view.current_finding(),
        Some(2),
        "the first finding shown: low's"
    );
}

#[test]
fn the_cursor_keeps_its_finding_across_regrouping() {
    let findings = findings();
    let mut view = FindingsView::default();
    view.regroup(&findings);
    view.move_by(5, 20);
    let before = view.current_finding();
    assert!(before.is_some());
    view.cycle_grouping(&findings);
    assert_eq!(view.current_finding(), before);
    view.reverse();
    assert_eq!(view.current_finding(), before);
}

#[test]
fn scrolling_walks_only_a_screen_back_from_the_cursor() {
    let findings: Vec<Finding> = (0..20_000)
        .map(|index| finding("zoo.blocked", Severity::High, &format!("u{index}")))
        .collect();
    let mut view = FindingsView::default();
    view.regroup(&findings);
    view.move_by(isize::MAX / 2, 17);
    assert_eq!(view.cursor, 20_000);
    // 17 lines hold eight two-line findings.
    assert_eq!(view.offset, 20_000 - 7);
    view.move_by(-10, 17);
    assert_eq!(view.offset, view.cursor);
}
