//! Zooza's rules on the generator's users.

use super::*;

#[tokio::test]
async fn zooza_rules_fire_on_the_generators_users() {
    // Zooza records are large (dozens of credits each); fewer users keep the test fast.
    let records = records("sandbox-zooza", 60).await;
    let settings = settings();

    let fired = fire(&records, "zooza.inactive_role", &settings);
    assert_eq!(
        users_of(&fired),
        expect(&records, |i| i != 0 && i % 10 >= 8)
    );

    // Credits: n % 7 == 3 expired yet active, n % 7 == 5 expiring within a week (generator rules
    // on the credit's position n in its list).
    let positions = |index: u64, residue: usize| -> BTreeSet<String> {
        let lists = records[&index].lists();
        ["discounts", "free_events"]
            .iter()
            .flat_map(|list| {
                let len = lists.items(list).count();
                (0..len)
                    .filter(move |n| n % 7 == residue)
                    .map(move |n| format!(".{list}[{n}].expiration"))
            })
            .collect()
    };
    for (id, residue) in [
        ("zooza.credit_expired_active", 3),
        ("zooza.credit_expiring_soon", 5),
    ] {
        let fired = fire(&records, id, &settings);
        for index in records.keys() {
            let paths: BTreeSet<String> = fired
                .get(index)
                .into_iter()
                .flatten()
                .map(|f| f.path.clone())
                .collect();
            assert_eq!(paths, positions(*index, residue), "{id} on user {index}");
        }
    }
    let none_soon = AuditSettings {
        expiring_within_days: 0,
        ..settings.clone()
    };
    assert!(fire(&records, "zooza.credit_expiring_soon", &none_soon).is_empty());

    // No-shows: attendance row a of credit n is `ATTENDANCE[(n * 4 + a + index) % 9]`, and
    // "noshow" is the eighth state.
    let noshows = |index: u64| -> u64 {
        let lists = records[&index].lists();
        ["discounts", "free_events"]
            .iter()
            .flat_map(|list| lists.items(list).enumerate())
            .map(|(n, credit)| {
                let rows = credit.get("attendance").unwrap().items().count() as u64;
                (0..rows)
                    .filter(|a| (n as u64 * 4 + a + index) % 9 == 7)
                    .count() as u64
            })
            .sum()
    };
    let fired = fire(&records, "zooza.noshows", &settings);
    let expected = expect(&records, |i| noshows(i) > settings.max_noshows);
    assert_eq!(users_of(&fired), expected);
    assert!(!expected.is_empty() && expected.len() < records.len());
    for (index, findings) in &fired {
        assert_eq!(findings[0].value, json!(noshows(*index)));
    }

    // The published wire carries no per-user acceptance, so the rule never fires on it...
    assert!(fire(&records, "zooza.mandatory_agreement_unaccepted", &settings).is_empty());
    // ...and fires on a mandatory agreement that says it was not accepted.
    let mut record = records[&1].clone();
    record.json["agreements"][0]["accepted"] = json!(false);
    record.json["agreements"][1]["accepted"] = json!(false);
    let rule = rule("zooza.mandatory_agreement_unaccepted").unwrap();
    let findings = evaluate(&record, "p", &[rule], &settings);
    assert_eq!(findings.len(), 1, "agreement 1 is not mandatory");
    assert_eq!(findings[0].path, ".agreements[0].accepted");
    record.json["agreements"][0]["accepted"] = json!("2025-01-02T03:04:05Z");
    assert!(evaluate(&record, "p", &[rule], &settings).is_empty());
}
