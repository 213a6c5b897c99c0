use super::*;
use crate::audit::Severity;
use chrono::TimeZone as _;

fn finding(email: &str, provider: ProviderKind, severity: Severity) -> Finding {
    Finding {
        rule: "zoo.admin",
        severity,
        title: "t".to_owned(),
        user_id: "u".to_owned(),
        email: email.to_owned(),
        path: ".x".to_owned(),
        value: serde_json::Value::Null,
        provider,
        profile: "p".to_owned(),
        fetched_at: chrono::Utc.with_ymd_and_hms(2026, 6, 1, 0, 0, 0).unwrap(),
    }
}

#[test]
fn rows_keep_profile_and_provider_and_add_the_person() {
    let out = render_across_profiles(
        &[finding(" Ava@X.org", ProviderKind::Zoo, Severity::High)],
        &[],
        Format::Json,
    );
    let rows: Vec<serde_json::Value> = serde_json::from_slice(&out).unwrap();
    assert_eq!(rows[0]["person"], "ava@x.org");
    assert_eq!(rows[0]["provider"], "zoo");
    assert_eq!(rows[0]["profile"], "p");
    let csv = String::from_utf8(render_across_profiles(&[], &[], Format::Csv)).unwrap();
    assert!(csv.starts_with("profile,provider,") && csv.trim_end().ends_with(",person"));
}

#[test]
fn markdown_ends_with_the_people_in_two_providers_and_their_worst_finding() {
    let accounts = [
        ScannedAccount {
            provider: ProviderKind::Zoo,
            email: "Ava@x.org".into(),
        },
        ScannedAccount {
            provider: ProviderKind::Quip,
            email: "ava@x.org".into(),
        },
        ScannedAccount {
            provider: ProviderKind::Quip,
            email: "bo@x.org".into(),
        },
    ];
    let findings = [
        finding("ava@x.org", ProviderKind::Quip, Severity::Low),
        finding("Ava@x.org", ProviderKind::Zoo, Severity::High),
        finding("bo@x.org", ProviderKind::Quip, Severity::Critical),
    ];
    let out = String::from_utf8(render_across_profiles(
        &findings,
        &accounts,
        Format::Markdown,
    ))
    .unwrap();
    let summary = out
        .split("## People in two or more providers")
        .nth(1)
        .unwrap();
    assert!(
        summary.contains("| ava@x.org | zoo, quip | high zoo.admin (zoo) |"),
        "{summary}"
    );
    assert!(!summary.contains("bo@x.org"), "{summary}");
}
