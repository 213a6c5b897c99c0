//! Quip's rules on the generator's users.

use super::*;

#[tokio::test]
async fn quip_rules_fire_on_the_generators_users() {
    let records = records("sandbox-quip", USERS).await;
    let settings = settings();
    for (id, wanted) in [
        ("quip.disabled", (|i: u64| i % 11 == 4) as fn(u64) -> bool),
        ("quip.robot", |i: u64| i % 23 == 9),
        ("quip.partial_answer", |i: u64| i % 19 == 8),
    ] {
        let fired = fire(&records, id, &settings);
        assert_eq!(users_of(&fired), expect(&records, wanted), "{id}");
        assert!(!fired.is_empty(), "{id}");
    }
}
