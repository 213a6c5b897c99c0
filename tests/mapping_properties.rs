//! The mappers never panic on any JSON: random values whose keys come from the four APIs' own
//! field names (so the generator reaches deep into each mapper) of any type, through each
//! provider's mapping and the tree and label code that draws the result.

#[path = "support/mappers.rs"]
mod mappers;

use bytes::Bytes;
use proptest::prelude::*;
use serde_json::{Map, Value};

/// Field names of the four APIs, so random objects look enough like records to be mapped deeply.
const KEYS: &[&str] = &[
    "id",
    "name",
    "email",
    "emails",
    "user",
    "shared_user",
    "access_level",
    "permissions",
    "tags",
    "discounts",
    "free_events",
    "events",
    "attendance",
    "agreements",
    "credit_balance",
    "threads",
    "users",
    "companies",
    "thread",
    "title",
    "updated_usec",
    "created_usec",
    "is_deleted",
    "payment_methods",
    "card",
    "checks",
    "block",
    "admin_details",
    "profile",
    "registrations",
    "orders",
    "data",
    "results",
    "items",
    "next",
    "next_page",
    "mfa_enabled",
    "enforce_mfa",
    "last_login",
    "is_invitation_sent",
    "is_invitation_accepted",
    "expiration",
    "expired",
    "active",
    "role",
    "disabled",
    "is_robot",
    "error",
    "first_name",
    "last_name",
    "full_name",
    "cad_user_info",
    "address",
    "value",
    "code",
    "type",
    "status",
    "date",
    "Resources",
    "totalResults",
];

fn json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(
            |number| serde_json::Number::from_f64(number).map_or(Value::Null, Value::Number)
        ),
        ".{0,12}".prop_map(Value::String),
        Just(Value::String("2026-01-01T00:00:00Z".into())),
    ];
    leaf.prop_recursive(5, 64, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::vec((prop::sample::select(KEYS), inner), 0..8).prop_map(|pairs| {
                Value::Object(
                    pairs
                        .into_iter()
                        .map(|(key, value)| (key.to_owned(), value))
                        .collect::<Map<_, _>>(),
                )
            }),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn no_provider_panics_on_any_json(value in json()) {
        let bytes = Bytes::from(serde_json::to_vec(&value).expect("serializes"));
        for provider in ["zoo", "zooza", "quip", "scanova"] {
            if let Ok(record) = userscope::provider::map_export(Some(provider), bytes.clone()) {
                // What the explorer does with a record must not panic either.
                let labeller = userscope::json::labels::for_provider(record.provider);
                let mut tree = userscope::state::tree::TreeState::of_record(&record, labeller, 2);
                tree.set_expanded(true, true);
                tree.move_to_end(true);
                let _ = tree.jq_path(tree.current().unwrap_or(0));
                for field in record.sections.iter().flat_map(|section| &section.fields) {
                    let _ = field.value.display();
                }
            }
        }
        let _ = userscope::provider::map_export(None, bytes);
    }

    #[test]
    fn no_provider_panics_on_arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..256)) {
        for provider in ["zoo", "zooza", "quip", "scanova"] {
            let bytes = Bytes::from(bytes.clone());
            let _ = userscope::provider::map_export(Some(provider), bytes.clone());
            let _ = mappers::map_every_body(provider, &bytes);
        }
    }
}

proptest! {
    // Each case runs every mapper of every provider (a dozen per body), hence fewer cases;
    // the `fuzz/` targets run the same entry point far longer.
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    /// Not only exports: every body the app maps (list pages, searches, records, error
    /// bodies, threads), as each endpoint of each provider might answer it.
    #[test]
    fn no_mapper_of_any_provider_panics_on_any_json(value in json()) {
        let bytes = Bytes::from(serde_json::to_vec(&value).expect("serializes"));
        for provider in ["zoo", "zooza", "quip", "scanova"] {
            let mapped = mappers::map_every_body(provider, &bytes);
            for record in &mapped.records {
                mappers::walk_record(record);
            }
        }
    }
}
