//! Every rule on sandbox data whose states the generator fixes: records fetched through the real
//! providers from an in-process sandbox, each rule asserted to fire on exactly the expected users.
//! Where a state is drawn at random by the generator (how many payment methods, which card checks
//! fail) the expectation is read from the raw body the server sent, and anchored on the users the
//! generator's index rules fix.

use std::collections::{BTreeMap, BTreeSet};
use std::net::{Ipv4Addr, SocketAddr};
use std::sync::Arc;

use chrono::DateTime;
use futures::StreamExt as _;
use serde_json::{Value, json};

use super::scan::{ScanOptions, scan};
use super::*;
use crate::model::UserRecord;
use crate::provider::Provider;
use crate::sandbox::generate::{
    InvitationState, NOW_EPOCH_SECS, ZooBlock, scanova_invitation_state, zoo_block,
};
use crate::sandbox::{Sandbox, SandboxConfig};

/// Users per provider: enough to reach Zoo's unknown block value at index 99.
const USERS: u64 = 120;

async fn sandbox(users: u64) -> Sandbox {
    let config = SandboxConfig {
        users,
        ..SandboxConfig::default()
    };
    Sandbox::start(SocketAddr::from((Ipv4Addr::LOCALHOST, 0)), config)
        .await
        .unwrap()
}

fn provider(sandbox: &Sandbox, profile: &str) -> Arc<dyn Provider> {
    let profile = crate::sandbox_profiles::sandbox_profile(profile, sandbox).unwrap();
    crate::provider::build(&profile).unwrap()
}

/// The generator's index of a user: every generated e-mail is `first.last.<index>@domain`.
fn index_of(record: &UserRecord) -> u64 {
    let email = &record.summary.email;
    let local = email.split('@').next().unwrap();
    local
        .rsplit('.')
        .next()
        .unwrap()
        .parse()
        .unwrap_or_else(|_| panic!("no index in {email:?}"))
}

/// Every record of a sandbox profile, by generator index.
async fn records(profile: &str, users: u64) -> BTreeMap<u64, UserRecord> {
    let sandbox = sandbox(users).await;
    let provider = provider(&sandbox, profile);
    let mut ids = Vec::new();
    let mut cursor: Option<String> = None;
    loop {
        let page = provider.list_users(cursor.as_deref(), 100).await.unwrap();
        ids.extend(page.users.into_iter().map(|user| user.id));
        match page.next {
            Some(next) => cursor = Some(next),
            None => break,
        }
    }
    let provider = &provider;
    let records: Vec<UserRecord> = futures::stream::iter(ids)
        .map(|id| async move { provider.fetch_record(&id).await.unwrap() })
        .buffer_unordered(8)
        .collect()
        .await;
    let by_index: BTreeMap<u64, UserRecord> = records
        .into_iter()
        .map(|record| (index_of(&record), record))
        .collect();
    assert_eq!(by_index.len() as u64, users, "{profile}: every user once");
    by_index
}

fn settings() -> AuditSettings {
    AuditSettings {
        now: DateTime::from_timestamp(NOW_EPOCH_SECS, 0),
        ..AuditSettings::default()
    }
}

/// The findings of one rule, by generator index.
fn fire(
    records: &BTreeMap<u64, UserRecord>,
    id: &str,
    settings: &AuditSettings,
) -> BTreeMap<u64, Vec<Finding>> {
    let rule = rule(id).unwrap_or_else(|| panic!("no rule {id}"));
    let mut out: BTreeMap<u64, Vec<Finding>> = BTreeMap::new();
    for (index, record) in records {
        let findings = evaluate(record, "sandbox", &[rule], settings);
        for finding in &findings {
            assert_eq!(finding.rule, id);
            assert_eq!(finding.user_id, record.id);
            assert_eq!(finding.provider, record.provider);
            // The evidence is where the path says it is (or a computed count).
            if let Some(pointer) = rule::pointer_of(&finding.path) {
                assert_eq!(
                    record.json.pointer(&pointer),
                    Some(&finding.value),
                    "{id}: {} of user {index}",
                    finding.path
                );
            }
        }
        if !findings.is_empty() {
            out.insert(*index, findings);
        }
    }
    out
}

fn users_of(fired: &BTreeMap<u64, Vec<Finding>>) -> BTreeSet<u64> {
    fired.keys().copied().collect()
}

fn expect(records: &BTreeMap<u64, UserRecord>, wanted: impl Fn(u64) -> bool) -> BTreeSet<u64> {
    records
        .keys()
        .copied()
        .filter(|&index| wanted(index))
        .collect()
}

#[tokio::test]
async fn scanova_rules_fire_on_the_generators_users() {
    let records = records("sandbox-scanova", USERS).await;
    let settings = settings();
    let enforced = |i: u64| matches!(i % 4, 1 | 3);
    let mfa_on = |i: u64| i % 3 == 1;

    let fired = fire(&records, "scanova.mfa_off", &settings);
    assert_eq!(
        users_of(&fired),
        expect(&records, |i| !enforced(i) && !mfa_on(i))
    );
    assert!(fired.values().flatten().all(|f| f.value == json!(false)));

    let fired = fire(&records, "scanova.mfa_enforced_not_enabled", &settings);
    assert_eq!(
        users_of(&fired),
        expect(&records, |i| enforced(i) && !mfa_on(i))
    );

    let pending_age = |i: u64| match scanova_invitation_state(i) {
        InvitationState::Pending { age_days } => Some(age_days),
        _ => None,
    };
    let fired = fire(&records, "scanova.invitation_pending", &settings);
    assert_eq!(
        users_of(&fired),
        expect(&records, |i| pending_age(i).is_some_and(|age| age >= 7))
    );
    for (index, findings) in &fired {
        let age = pending_age(*index).unwrap();
        assert_eq!(findings.len(), 1);
        assert!(
            findings[0].title.contains(&format!("sent {age} days ago")),
            "{}",
            findings[0].title
        );
        assert_eq!(findings[0].path, ".invitation_sent_on");
    }
    let strict = AuditSettings {
        invitation_max_age_days: 200,
        ..settings.clone()
    };
    assert_eq!(
        users_of(&fire(&records, "scanova.invitation_pending", &strict)),
        expect(&records, |i| pending_age(i).is_some_and(|age| age >= 200))
    );

    let fired = fire(&records, "scanova.never_logged_in", &settings);
    let logged_in = |i: u64| match scanova_invitation_state(i) {
        InvitationState::Owner => true,
        InvitationState::Accepted => i % 9 != 4,
        _ => false,
    };
    assert_eq!(users_of(&fired), expect(&records, |i| !logged_in(i)));

    let fired = fire(&records, "scanova.no_login_method", &settings);
    assert_eq!(
        users_of(&fired),
        expect(&records, |i| i % 8 == 5 && i % 12 != 7 && i % 10 != 3)
    );
    assert!(!fired.is_empty());
}

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
        let json = &records[&index].json;
        ["discounts", "free_events"]
            .iter()
            .flat_map(|list| {
                let len = json[list].as_array().unwrap().len();
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
        let json = &records[&index].json;
        ["discounts", "free_events"]
            .iter()
            .flat_map(|list| json[list].as_array().unwrap().iter().enumerate())
            .map(|(n, credit)| {
                let rows = credit["attendance"].as_array().unwrap().len() as u64;
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

#[tokio::test]
async fn a_scan_covers_every_page_and_counts_failed_fetches() {
    let sandbox = sandbox(45).await;
    sandbox.set_faults("status=403,scope=/scanova/multi-users/7/".parse().unwrap());
    let provider = provider(&sandbox, "sandbox-scanova");
    let rules = select_rules(None, &[]).unwrap();
    let mut calls = 0;
    let outcome = scan(
        provider.as_ref(),
        "sandbox-scanova",
        &rules,
        &settings(),
        &ScanOptions {
            page_size: 20,
            max_concurrency: 4,
            ..ScanOptions::default()
        },
        &mut |_| calls += 1,
    )
    .await;
    assert_eq!(outcome.progress.total, Some(45));
    assert_eq!(outcome.progress.listed, 45);
    assert_eq!(outcome.progress.done, 45);
    assert_eq!(outcome.progress.failed, 1);
    assert_eq!(outcome.scanned.len(), 44);
    assert_eq!(outcome.failures.len(), 1);
    assert_eq!(outcome.failures[0].user_id.as_deref(), Some("7"));
    assert_eq!(outcome.failures[0].kind, "HTTP 403");
    assert!(calls >= 45);
    assert!(outcome.findings.iter().all(|f| f.user_id != "7"));
    // Sorted most severe first.
    assert!(
        outcome
            .findings
            .windows(2)
            .all(|pair| pair[0].severity >= pair[1].severity)
    );
    // A rerun that skips what was scanned fetches only the failed user.
    let again = scan(
        provider.as_ref(),
        "sandbox-scanova",
        &rules,
        &settings(),
        &ScanOptions {
            skip: outcome.scanned.iter().cloned().collect(),
            ..ScanOptions::default()
        },
        &mut |_| {},
    )
    .await;
    assert_eq!(
        again.progress.done, 1,
        "{:?} {:?}",
        again.progress, again.failures
    );
}

/// The throughput check, small: the sandbox refuses more than R requests a second, the
/// profile is limited to 95% of R (no margin at all would let a request delayed on the way land in
/// the next of the sandbox's fixed windows), and the scan ends with no failure and no 429 at 90% of
/// R or better.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_rate_limited_scan_has_no_failures_and_keeps_to_the_rate() {
    const RATE: u32 = 40;
    let sandbox = sandbox(100).await;
    sandbox.set_faults(format!("rate={RATE}").parse().unwrap());
    let mut profile =
        crate::sandbox_profiles::sandbox_profile("sandbox-scanova", &sandbox).unwrap();
    profile.config.requests_per_second = Some(f64::from(RATE) * 0.95);
    let provider = crate::provider::build(&profile).unwrap();
    let rules = select_rules(None, &[]).unwrap();
    let started = std::time::Instant::now();
    let outcome = scan(
        provider.as_ref(),
        "sandbox-scanova",
        &rules,
        &settings(),
        &ScanOptions::default(),
        &mut |_| {},
    )
    .await;
    let elapsed = started.elapsed().as_secs_f64();
    assert!(outcome.failures.is_empty(), "{:?}", outcome.failures);
    assert_eq!(outcome.progress.done, 100);
    // Five list pages and a hundred records: a refused request would have been retried.
    let requests = sandbox.requests().len();
    assert_eq!(requests, 105, "no request over the sandbox's rate");
    let requests = requests as f64;
    let throughput = requests / elapsed;
    assert!(
        throughput >= 0.9 * f64::from(RATE),
        "{requests} requests in {elapsed:.2} s = {throughput:.1}/s"
    );
}

#[test]
fn the_readme_lists_every_rule_with_its_severity() {
    let readme = include_str!("../../README.md");
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
        for provider in ["zoo", "zooza", "quip", "scanova"] {
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
            };
            let rules: Vec<&'static Rule> = all_rules().collect();
            let _ = evaluate(&record, "p", &rules, &AuditSettings::default());
        }
    }
}
