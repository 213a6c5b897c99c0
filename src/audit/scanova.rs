//! Scanova rules, over a shared-user detail (`/multi-users/{id}/`): the user's flags sit under
//! `shared_user`, the invitation at the top.

use serde_json::Value;

use super::rule::{
    AuditSettings, AuditedRecord, Evidence, Rule, Severity, field, flag, lookup, parse_time,
};
use crate::model::ProviderKind;

const KIND: ProviderKind = ProviderKind::Scanova;

/// Scanova's rules.
pub(super) const RULES: &[Rule] = &[
    Rule {
        id: "scanova.mfa_off",
        provider: KIND,
        severity: Severity::Medium,
        title: "MFA not enabled",
        description: "MFA is not enabled (and the account does not enforce it: that is `scanova.mfa_enforced_not_enabled`)",
        check: mfa_off,
    },
    Rule {
        id: "scanova.mfa_enforced_not_enabled",
        provider: KIND,
        severity: Severity::High,
        title: "MFA enforced but not enabled",
        description: "MFA is enforced for the user but they have not enabled it",
        check: mfa_enforced_not_enabled,
    },
    Rule {
        id: "scanova.invitation_pending",
        provider: KIND,
        severity: Severity::Low,
        title: "Invitation never accepted",
        description: "an invitation was sent at least `invitation_max_age_days` ago and never accepted (the title gives its age)",
        check: invitation_pending,
    },
    Rule {
        id: "scanova.never_logged_in",
        provider: KIND,
        severity: Severity::Low,
        title: "Never logged in",
        description: "`last_login` is null: the user has never logged in",
        check: never_logged_in,
    },
    Rule {
        id: "scanova.no_login_method",
        provider: KIND,
        severity: Severity::Medium,
        title: "No usable password and no SSO",
        description: "no usable password, no SSO login and no social sign-up: the user has no way to log in",
        check: no_login_method,
    },
];

/// Whether MFA is off: `mfa_enabled` false, or when that is absent, an `mfa_status` other than
/// "Enabled". The evidence is whichever said so.
fn mfa_disabled(json: &Value) -> Option<Evidence> {
    match flag(lookup(json, "/shared_user/mfa_enabled")) {
        Some(false) => Some(Evidence::at(json, "/shared_user/mfa_enabled")),
        Some(true) => None,
        None => lookup(json, "/shared_user/mfa_status")
            .and_then(Value::as_str)
            .filter(|status| !status.trim().eq_ignore_ascii_case("enabled"))
            .map(|_| Evidence::at(json, "/shared_user/mfa_status")),
    }
}

fn enforced(json: &Value) -> bool {
    flag(lookup(json, "/shared_user/enforce_mfa")) == Some(true)
}

fn mfa_off(record: &AuditedRecord<'_>, _: &AuditSettings) -> Vec<Evidence> {
    let json = &record.json;
    if enforced(json) {
        return Vec::new();
    }
    mfa_disabled(json).into_iter().collect()
}

fn mfa_enforced_not_enabled(record: &AuditedRecord<'_>, _: &AuditSettings) -> Vec<Evidence> {
    let json = &record.json;
    if !enforced(json) {
        return Vec::new();
    }
    mfa_disabled(json)
        .map(|evidence| evidence.note("`enforce_mfa` is true"))
        .into_iter()
        .collect()
}

fn invitation_pending(record: &AuditedRecord<'_>, settings: &AuditSettings) -> Vec<Evidence> {
    let json = &record.json;
    let sent_on = field(json, "invitation_sent_on").unwrap_or(&Value::Null);
    let sent = flag(field(json, "is_invitation_sent")).unwrap_or(!sent_on.is_null());
    let accepted_on = field(json, "invitation_accepted_on").unwrap_or(&Value::Null);
    let accepted = flag(field(json, "is_invitation_accepted")).unwrap_or(!accepted_on.is_null());
    if !sent || accepted {
        return Vec::new();
    }
    let evidence = Evidence::at(json, "/invitation_sent_on");
    match parse_time(sent_on) {
        Some(time) => {
            let age = (settings.now_for(record) - time).num_days();
            if age < i64::from(settings.invitation_max_age_days) {
                return Vec::new();
            }
            vec![evidence.note(format!("sent {age} days ago"))]
        }
        // Sent (the flag says so) but no readable date: pending for an unknown time.
        None => vec![evidence.note("sent, date unknown")],
    }
}

fn never_logged_in(record: &AuditedRecord<'_>, _: &AuditSettings) -> Vec<Evidence> {
    let json = &record.json;
    match lookup(json, "/shared_user/last_login") {
        Some(Value::Null) => vec![Evidence::at(json, "/shared_user/last_login")],
        _ => Vec::new(),
    }
}

fn no_login_method(record: &AuditedRecord<'_>, _: &AuditSettings) -> Vec<Evidence> {
    let json = &record.json;
    let yes = |pointer: &str| flag(lookup(json, pointer)) == Some(true);
    if flag(lookup(json, "/shared_user/has_usable_password")) == Some(false)
        && !yes("/shared_user/is_sso_login")
        && !yes("/shared_user/is_social_signup")
    {
        vec![Evidence::at(json, "/shared_user/has_usable_password")]
    } else {
        Vec::new()
    }
}
