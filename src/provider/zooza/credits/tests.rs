use super::*;
use serde_json::json;

fn now() -> DateTime<Utc> {
    parse_time("2026-01-01T00:00:00Z").unwrap()
}

#[test]
fn the_overview_lists_the_first_credits_and_counts_them_all() {
    let items: Vec<Value> = (0..OVERVIEW_CREDITS + 50)
        .map(|n| json!({"id": n, "active": true, "attendance": [{"attendance": "noshow"}]}))
        .collect();
    let mut tally = BTreeMap::new();
    let section = credit_fields(
        SectionBuilder::new(&Value::Null, "Credits"),
        items.iter().map(JsonRef::Parsed),
        "discounts",
        "Discount",
        now(),
        &mut tally,
    )
    .build();
    let value = |label: &str| {
        section
            .fields
            .iter()
            .find(|field| field.label == label)
            .map(|field| field.value.clone())
    };
    assert_eq!(
        value("Discount: total"),
        Some(FieldValue::Number("250".into()))
    );
    assert!(value("Discount 199").is_some());
    assert!(value("Discount 200").is_none());
    assert!(matches!(
        value("Discount: 50 more"),
        Some(FieldValue::Text(text)) if text.contains("Tree tab (`.discounts`)") && text.contains("250")
    ));
    assert_eq!(tally["noshow"], 250, "every credit's attendance is tallied");
}

#[test]
fn credits_are_counted_against_the_fetch_time() {
    let items = vec![
        json!({"active": true, "expiration": "2026-01-10T00:00:00Z"}),
        json!({"active": true, "expiration": "2026-06-01 00:00:00"}),
        json!({"active": true, "expiration": "2025-12-01T00:00:00+00:00"}),
        json!({"active": false, "expired": true}),
        json!({"active": true}),
        json!("not an object"),
    ];
    assert_eq!(
        credit_counts(&items, now()),
        CreditCounts {
            total: 6,
            active: 4,
            expired: 2,
            expiring_soon: 1
        }
    );
}
