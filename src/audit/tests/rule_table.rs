//! The rule table itself: ids, the README's list, rule selection, and no rule panicking on
//! any JSON at all.

use super::*;

#[test]
fn the_readme_lists_every_rule_with_its_severity() {
    let readme = include_str!("../../../README.md");
    for rule in all_rules() {
        let row = format!("| `{}` | {} |", rule.id, rule.severity);
        assert!(readme.contains(&row), "README lacks {row}");
    }
}

#[test]
fn rule_ids_are_unique_and_name_their_provider() {
    let mut seen = BTreeSet::new();
    for rule in all_rules() {
        assert!(seen.insert(rule.id), "{} twice", rule.id);
        assert!(rule.id.starts_with(&format!("{}.", rule.provider)));
    }
    assert!(select_rules(Some(&["zoo.blockd".to_owned()]), &[]).is_err());
    let only = select_rules(Some(&["zoo.blocked".to_owned()]), &[]).unwrap();
    assert_eq!(only.len(), 1);
    let without = select_rules(None, &["quip.robot".to_owned()]).unwrap();
    assert_eq!(without.len(), all_rules().count() - 1);
}

/// Any JSON at all, a few levels deep.
fn any_json() -> impl proptest::strategy::Strategy<Value = Value> {
    use proptest::prelude::*;
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(|f| json!(f)),
        "[a-z0-9 :_-]{0,12}".prop_map(Value::from),
        Just(json!("fail")),
        Just(json!("noshow")),
        Just(json!("2020-01-01T00:00:00Z")),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        let keys = prop_oneof![
            Just("admin_details".to_owned()),
            Just("payment_methods".to_owned()),
            Just("card".to_owned()),
            Just("checks".to_owned()),
            Just("block".to_owned()),
            Just("shared_user".to_owned()),
            Just("discounts".to_owned()),
            Just("attendance".to_owned()),
            Just("agreements".to_owned()),
            Just("user".to_owned()),
            Just("expiration".to_owned()),
            Just("active".to_owned()),
            Just("error".to_owned()),
            "[a-z_]{1,8}",
        ];
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            proptest::collection::vec((keys, inner), 0..5)
                .prop_map(|pairs| Value::Object(pairs.into_iter().collect())),
        ]
    })
}

proptest::proptest! {
    #[test]
    fn no_rule_panics_on_any_json(json in any_json()) {
        for provider in crate::model::ProviderKind::ALL {
            let record = UserRecord {
                provider,
                id: "x".to_owned(),
                summary: crate::model::UserSummary::with_id("x"),
                bodies: Vec::new(),
                json: json.clone(),
                sections: Vec::new(),
                threads: Vec::new(),
                fetched_at: chrono::Utc::now(),
                deferred: false,
                big: None,
            };
            let rules: Vec<&'static Rule> = all_rules().collect();
            let _ = evaluate(&record, "p", &rules, &AuditSettings::default());
        }
    }
}
