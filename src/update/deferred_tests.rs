//! Unit tests of a deferred record in `update`: shown from its bytes at once, mapped off the
//! loop, and the mapping's answer applied only while it is still wanted.

use std::sync::Arc;

use bytes::Bytes;

use super::*;
use crate::model::{RawBody, UserRecord, UserSummary};
use crate::state::{DetailTab, ProfileBadge};

/// A Scanova record whose MFA is off (an audit finding), deferred or mapped.
fn record(deferred: bool) -> Arc<UserRecord> {
    let json = serde_json::json!({"id": 7, "shared_user": {"email": "a@x.io", "mfa_enabled": false, "enforce_mfa": true}});
    Arc::new(UserRecord {
        provider: crate::model::ProviderKind::Scanova,
        id: "7".to_owned(),
        summary: UserSummary::with_id("7"),
        bodies: vec![RawBody {
            label: "shared_user".into(),
            path: "/x".into(),
            bytes: Bytes::from(json.to_string()),
        }],
        json: if deferred {
            serde_json::Value::Null
        } else {
            json
        },
        sections: Vec::new(),
        threads: Vec::new(),
        fetched_at: chrono::DateTime::UNIX_EPOCH,
        deferred,
        big: None,
    })
}

/// The deferred record mapped, audited as the effect asked (what the worker does).
fn mapped(audit: &crate::audit::RecordAudit) -> crate::msg::MappedRecord {
    let record = record(false);
    crate::msg::MappedRecord {
        findings: audit.findings(&record),
        record,
    }
}

/// The audit a `MapRecord` effect carries.
fn audit_asked(effects: &[Effect]) -> crate::audit::RecordAudit {
    effects
        .iter()
        .find_map(|effect| match effect {
            Effect::MapRecord { audit, .. } => Some(audit.clone()),
            _ => None,
        })
        .expect("the mapping is asked for")
}

fn loaded_deferred() -> (State, Vec<Effect>) {
    let badge = ProfileBadge {
        name: "file".into(),
        provider: "scanova".into(),
        is_sandbox: false,
    };
    let mut state = State::new(badge, (120, 40));
    let request = state.next_request();
    state.detail.loading = Some((request, "7".into()));
    let effects = update(
        &mut state,
        Msg::RecordLoaded {
            request,
            result: Ok(record(true)),
        },
    );
    (state, effects)
}

#[test]
fn a_deferred_record_shows_its_tree_at_once_and_asks_to_be_mapped() {
    let (state, effects) = loaded_deferred();
    assert_eq!(state.detail.tree.jq_path(2), ".shared_user");
    assert!(!state.detail.raw_lines.is_empty());
    assert!(
        state.detail.findings.is_empty(),
        "no audit before the mapping"
    );
    let mapping = effects.iter().find_map(|effect| match effect {
        Effect::MapRecord {
            request, record, ..
        } => Some((*request, record.deferred)),
        _ => None,
    });
    assert_eq!(mapping, Some((state.detail.mapping.unwrap(), true)));
}

#[test]
fn the_mapping_fills_the_overview_and_the_audit_and_keeps_the_readers_place() {
    let (mut state, effects) = loaded_deferred();
    let audit = audit_asked(&effects);
    assert_eq!(audit.profile, "file");
    state.detail.tab = DetailTab::Tree;
    state.detail.tree.move_by(2);
    let request = state.detail.mapping.unwrap();
    update(
        &mut state,
        Msg::RecordMapped {
            request,
            result: Ok(mapped(&audit)),
        },
    );
    assert!(!state.detail.record.as_ref().unwrap().deferred);
    assert!(!state.detail.findings.is_empty(), "MFA off is found now");
    assert_eq!(state.detail.tree.cursor, 2);
    assert_eq!(state.detail.mapping, None);
}

#[test]
fn a_mapping_no_longer_wanted_is_dropped() {
    let (mut state, effects) = loaded_deferred();
    let audit = audit_asked(&effects);
    let request = state.detail.mapping.unwrap();
    let effects = fetch_record(&mut state, "8".into());
    assert!(
        effects
            .iter()
            .any(|effect| matches!(effect, Effect::Cancel(r) if *r == request))
    );
    update(
        &mut state,
        Msg::RecordMapped {
            request,
            result: Ok(mapped(&audit)),
        },
    );
    assert!(
        state.detail.record.as_ref().unwrap().deferred,
        "the stale answer changed nothing"
    );
}
