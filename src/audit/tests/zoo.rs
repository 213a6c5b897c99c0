//! Zoo's rules on the generator's users; the random draws are read back from the raw body.

use super::*;

/// The raw admin details body the server sent (the oracle for the generator's random draws).
fn admin_details(record: &UserRecord) -> Value {
    let body = record
        .bodies
        .iter()
        .find(|body| body.label == "admin_details")
        .unwrap_or(&record.bodies[0]);
    serde_json::from_slice(&body.bytes).unwrap()
}

#[tokio::test]
async fn zoo_rules_fire_on_the_generators_users() {
    let records = records("sandbox-zoo", USERS).await;
    let settings = settings();

    let fired = fire(&records, "zoo.blocked", &settings);
    assert_eq!(
        users_of(&fired),
        expect(&records, |i| zoo_block(i) != ZooBlock::None)
    );
    for (index, findings) in &fired {
        // One finding per reason, though both bodies carry it.
        assert_eq!(findings.len(), 1, "user {index}");
        let reason = zoo_block(*index).as_str().unwrap();
        assert_eq!(findings[0].value, json!(reason));
        let unknown = matches!(zoo_block(*index), ZooBlock::Future(_));
        assert_eq!(
            findings[0].title.contains("not in the published enum"),
            unknown,
            "{}",
            findings[0].title
        );
    }
    assert!(fired.contains_key(&99), "the unknown block value is kept");

    let method_count = |i: u64| {
        admin_details(&records[&i])["payment_methods"]
            .as_array()
            .unwrap()
            .len()
    };
    let fired = fire(&records, "zoo.no_payment_method", &settings);
    let expected = expect(&records, |i| method_count(i) == 0);
    assert_eq!(users_of(&fired), expected);
    assert!(!expected.is_empty() && expected.len() < records.len());

    let has_failed_check = |i: u64| {
        admin_details(&records[&i])["payment_methods"]
            .as_array()
            .unwrap()
            .iter()
            .any(|method| {
                method["card"]["checks"]
                    .as_object()
                    .unwrap()
                    .values()
                    .any(|check| check == "fail")
            })
    };
    let fired = fire(&records, "zoo.payment_method_failed", &settings);
    assert_eq!(
        users_of(&fired),
        expect(&records, |i| zoo_block(i)
            == ZooBlock::Known("payment_method_failed")
            || has_failed_check(i))
    );
    // The generator's fixed cases: the block, and a failing CVC on the second card of i % 3 == 0.
    for index in records.keys() {
        if index % 20 == 5 && index % 100 != 99 {
            assert!(
                fired[index]
                    .iter()
                    .any(|f| f.path == ".admin_details.block")
            );
        }
        if index % 3 == 0 && method_count(*index) >= 2 {
            assert!(
                fired[index]
                    .iter()
                    .any(|f| f.path == ".admin_details.payment_methods[1].card.checks.cvc_check")
            );
        }
    }

    let busy = expect(&records, |i| i % 40 == 21);
    assert_eq!(
        users_of(&fire(&records, "zoo.many_sessions", &settings)),
        busy
    );
    assert_eq!(
        users_of(&fire(&records, "zoo.many_api_tokens", &settings)),
        busy
    );
    let lax = AuditSettings {
        max_active_sessions: 1_000,
        max_api_tokens: 1_000,
        ..settings.clone()
    };
    assert!(fire(&records, "zoo.many_sessions", &lax).is_empty());
    assert!(fire(&records, "zoo.many_api_tokens", &lax).is_empty());
}
