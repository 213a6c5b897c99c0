use super::*;
use chrono::{TimeZone as _, Utc};
use serde_json::json;

fn finding(email: &str, value: Value) -> Finding {
    Finding {
        rule: "zoo.blocked",
        severity: Severity::High,
        title: "Blocked: admin".to_owned(),
        user_id: "u-1".to_owned(),
        email: email.to_owned(),
        path: ".admin_details.block".to_owned(),
        value,
        provider: crate::model::ProviderKind::Zoo,
        profile: "p".to_owned(),
        fetched_at: Utc.with_ymd_and_hms(2026, 6, 1, 0, 0, 0).unwrap(),
    }
}

#[test]
fn json_rows_hold_every_column_in_order() {
    let out = render(&[finding("a@b.c", json!("admin"))], Format::Json);
    let rows: Vec<serde_json::Map<String, Value>> = serde_json::from_slice(&out).unwrap();
    let keys: Vec<&str> = rows[0].keys().map(String::as_str).collect();
    assert_eq!(keys, COLUMNS);
    assert_eq!(rows[0]["fetched_at"], "2026-06-01T00:00:00Z");
    assert_eq!(rows[0]["severity"], "high");
    assert_eq!(render(&[], Format::Json), b"[]\n");
}

#[test]
fn csv_quotes_what_needs_quoting() {
    let out = String::from_utf8(render(
        &[finding("x,\"y\"\nz@b.c", json!({"a": [1, 2]}))],
        Format::Csv,
    ))
    .unwrap();
    let mut lines = out.splitn(2, '\n');
    assert_eq!(lines.next().unwrap(), COLUMNS.join(","));
    let row = lines.next().unwrap();
    assert!(row.contains("\"x,\"\"y\"\"\nz@b.c\""), "{row}");
    assert!(row.contains("\"{\"\"a\"\":[1,2]}\""), "{row}");
}

#[test]
fn csv_cells_never_start_a_formula() {
    let mut row = finding("=HYPERLINK(\"http://x\")", json!(-3));
    row.title = "@SUM(A1)".to_owned();
    let out = String::from_utf8(render(&[row], Format::Csv)).unwrap();
    let line = out.lines().nth(1).unwrap();
    assert!(
        line.contains(",\"'=HYPERLINK(\"\"http://x\"\")\","),
        "{line}"
    );
    assert!(line.contains(",'@SUM(A1),"), "{line}");
    assert!(line.contains(",'-3,"), "{line}");
}

#[test]
fn markdown_cells_are_inert() {
    let out = String::from_utf8(render(
        &[finding("e|v\u{1b}[2J<script>`x`", json!("a\nb"))],
        Format::Markdown,
    ))
    .unwrap();
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 3);
    assert!(!out.contains('\u{1b}'));
    assert!(lines[2].contains("e\\|v"), "{}", lines[2]);
    assert!(lines[2].contains("\\<script\\>"), "{}", lines[2]);
    // Every row has as many unescaped bars as the header.
    let bars = |line: &str| line.replace("\\|", "").matches('|').count();
    assert_eq!(bars(lines[0]), bars(lines[2]));
}

#[test]
fn summaries_count_by_severity() {
    assert_eq!(summary(&[]), "no findings");
    let mut low = finding("a", json!(1));
    low.severity = Severity::Low;
    assert_eq!(
        summary(&[finding("a", json!(1)), low.clone(), low]),
        "1 high, 2 low"
    );
}
