//! Tests of the audits, one file per purpose under `tests/`: each provider's rules on sandbox data
//! whose states the generator fixes (records fetched through the real providers from an
//! in-process sandbox, each rule asserted to fire on exactly the expected users), the scan, and the
//! rule table. Where a state is drawn at random by the generator (how many payment methods, which
//! card checks fail) the expectation is read from the raw body the server sent, and anchored on
//! the users the generator's index rules fix. This file holds the helpers they share.

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

/// The generator's index of a user, read back from its e-mail the way the sandbox does.
fn index_of(record: &UserRecord) -> u64 {
    use crate::model::ProviderKind;
    use crate::sandbox::generate::{QUIP, SCANOVA, ZOO, ZOOZA, index_from_email};
    let tag = match record.provider {
        ProviderKind::Zoo => ZOO,
        ProviderKind::Zooza => ZOOZA,
        ProviderKind::Quip => QUIP,
        ProviderKind::Scanova => SCANOVA,
    };
    let email = &record.summary.email;
    index_from_email(SandboxConfig::default().seed, tag, u64::MAX, email)
        .unwrap_or_else(|| panic!("no generated user has {email:?}"))
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
        // A big body's `json` leaves out the lists read in place: look in what was sent.
        let sent = match &record.big {
            Some(_) => serde_json::from_slice(record.raw()).unwrap(),
            None => record.json.clone(),
        };
        for finding in &findings {
            assert_eq!(finding.rule, id);
            assert_eq!(finding.user_id, record.id);
            assert_eq!(finding.provider, record.provider);
            // The evidence is where the path says it is (or a computed count).
            if let Some(pointer) = rule::pointer_of(&finding.path) {
                assert_eq!(
                    sent.pointer(&pointer),
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

mod quip;
mod rule_table;
mod scan;
mod scanova;
mod zoo;
mod zooza;

/// A record's findings come out the most severe first, then by rule, each rule's in the order
/// it found them: what a stable sort of the findings in evaluation order gives.
#[tokio::test]
async fn a_records_findings_are_sorted_as_a_stable_sort_would_sort_them() {
    let audit = RecordAudit {
        profile: "sandbox".to_owned(),
        rules: all_rules().collect(),
        settings: settings(),
    };
    let mut with_several_rules = 0;
    for profile in [
        "sandbox-zoo",
        "sandbox-zooza",
        "sandbox-quip",
        "sandbox-scanova",
    ] {
        for record in records(profile, 30).await.values() {
            let mut expected = evaluate(record, &audit.profile, &audit.rules, &audit.settings);
            expected.sort_by(|a, b| b.severity.cmp(&a.severity).then(a.rule.cmp(b.rule)));
            let findings = audit.findings(record);
            let rules: BTreeSet<&str> = findings.iter().map(|finding| finding.rule).collect();
            with_several_rules += usize::from(rules.len() > 1);
            assert_eq!(findings, expected, "{}", record.id);
        }
    }
    assert!(
        with_several_rules > 10,
        "records with findings of several rules"
    );
}
