use super::*;
use crate::model::{RawBody, Section, UserSummary};

fn deferred_record(body_bytes: usize) -> UserRecord {
    UserRecord {
        provider: crate::model::ProviderKind::Zooza,
        id: "7".to_owned(),
        summary: UserSummary::with_id("7"),
        bodies: vec![RawBody {
            label: "user".into(),
            path: "/user".into(),
            bytes: bytes::Bytes::from(vec![b' '; body_bytes]),
        }],
        json: serde_json::Value::Null,
        sections: vec![Section::new("Identity").with(
            "User id",
            "/user/id",
            FieldValue::Number("7".into()),
        )],
        threads: Vec::new(),
        fetched_at: chrono::Utc::now(),
        deferred: true,
        big: None,
    }
}

fn text(record: &UserRecord) -> Vec<String> {
    overview_lines(
        record,
        80,
        chrono::FixedOffset::east_opt(0).unwrap(),
        &Theme::dark(),
        None,
    )
    .0
    .iter()
    .map(|line| {
        line.spans
            .iter()
            .map(|span| span.content.as_ref())
            .collect()
    })
    .collect()
}

#[test]
fn a_long_label_wraps_and_a_long_value_wraps_in_its_column() {
    let mut record = deferred_record(10);
    record.deferred = false;
    record.sections = vec![
        Section::new("Identity")
            .with(
                "A label far longer than the label column may ever be",
                "/a",
                FieldValue::Text("short".into()),
            )
            .with(
                "Agreement",
                "/b",
                FieldValue::Text(
                    "I agree with the terms of sale of the sandbox swim school, version three"
                        .into(),
                ),
            )
            .with("Gone", "/c", FieldValue::Null)
            .with(
                "Joined",
                "/d",
                FieldValue::Text("2023-09-11T16:28:22+05:30".into()),
            ),
    ];
    let lines = text(&record);
    // Values start at column 27: a space, the label column (24), two spaces.
    let row = |label: &str, value: &str| format!(" {label:<24}  {value}");
    let trimmed: Vec<&str> = lines.iter().map(|line| line.trim_end()).collect();
    assert_eq!(trimmed[1], row("A label far longer than", "short"));
    assert_eq!(trimmed[2], " the label column may");
    assert_eq!(trimmed[3], " ever be");
    assert_eq!(
        trimmed[4],
        row(
            "Agreement",
            "I agree with the terms of sale of the sandbox swim"
        )
    );
    assert_eq!(trimmed[5], row("", "school, version three"));
    assert_eq!(trimmed[6], row("Gone", "—"));
    assert_eq!(trimmed[7], row("Joined", "2023-09-11 10:58:22 +00:00"));
    assert!(lines.iter().all(|line| line.width() <= 80), "{lines:#?}");
}

/// A record shown before its overview is whole says so above the sections it has: a big
/// opened one by its size, a fetched one (its credits to come) in a word.
#[test]
fn a_deferred_record_says_its_overview_is_coming() {
    let fetched = text(&deferred_record(90_000));
    assert_eq!(fetched[0], "mapping the rest of this record…");
    assert!(fetched.iter().any(|line| line == "Identity"), "{fetched:?}");
    let opened = text(&deferred_record(31_000_000));
    assert_eq!(
        opened[0],
        "mapping this 31 MB record… the Tree and Raw tabs are ready"
    );
}
