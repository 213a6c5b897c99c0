//! The audit tab: the fixture's findings, and after `:audit` grouped by rule with the first group
//! folded.

use userscope::msg::Msg;
use userscope::state::{DetailTab, Focus};
use userscope::update::update;

use crate::{SIZES, loaded, press, snapshot, users};

#[test]
fn audit_tab() {
    for size in SIZES {
        let mut state = loaded(size);
        state.focus = Focus::Detail;
        state.detail.tab = DetailTab::Audit;
        assert!(
            !state.detail.findings.is_empty(),
            "the fixture has MFA enforced and off"
        );
        snapshot("audit", &state);
    }
}

/// A finding of a scan, as the rules write them.
fn finding(
    rule: &'static str,
    severity: userscope::audit::Severity,
    user: (&str, &str),
    path: &str,
    value: serde_json::Value,
) -> userscope::audit::Finding {
    let title = userscope::audit::rule(rule).expect("a known rule").title;
    userscope::audit::Finding {
        rule,
        severity,
        title: title.to_owned(),
        user_id: user.0.to_owned(),
        email: user.1.to_owned(),
        path: path.to_owned(),
        value,
        provider: userscope::model::ProviderKind::Scanova,
        profile: "sandbox-scanova".to_owned(),
        fetched_at: chrono::DateTime::UNIX_EPOCH,
    }
}

/// After `:audit`: grouped by rule (`s`), the first group folded (Enter on its header), the
/// cursor on a finding of the second.
#[test]
fn audit_tab_grouped_by_rule() {
    use crossterm::event::KeyCode;
    use serde_json::json;
    use userscope::audit::Severity::{High, Low, Medium};
    let asha = ("479", "asha.rao@example.in");
    let jan = ("0", "jan.horvathova@example.net");
    let grace = ("2", "grace.obrien@example.org");
    let evil = ("3", "evil\u{1b}[2J@example.com");
    let taro = ("4", "taro.yamada@example.jp");
    let mut findings = vec![
        finding(
            "scanova.mfa_enforced_not_enabled",
            High,
            asha,
            ".shared_user.mfa_enabled",
            json!(false),
        ),
        finding(
            "scanova.no_login_method",
            Medium,
            asha,
            ".shared_user.has_usable_password",
            json!(false),
        ),
        finding(
            "scanova.never_logged_in",
            Low,
            asha,
            ".shared_user.last_login",
            json!(null),
        ),
        finding(
            "scanova.never_logged_in",
            Low,
            taro,
            ".shared_user.last_login",
            json!(null),
        ),
    ];
    for user in [jan, grace, evil] {
        findings.push(finding(
            "scanova.mfa_off",
            Medium,
            user,
            ".shared_user.mfa_enabled",
            json!(false),
        ));
    }
    userscope::audit::scan::sort_findings(&mut findings);
    for size in SIZES {
        let mut state = loaded(size);
        let outcome = userscope::audit::scan::ScanOutcome {
            scanned: users().into_iter().map(|user| user.id).collect(),
            findings: findings.clone(),
            ..Default::default()
        };
        update(&mut state, Msg::AuditFinished(Box::new(outcome)));
        state.focus = Focus::Detail;
        state.detail.tab = DetailTab::Audit;
        press(&mut state, KeyCode::Char('s'));
        press(&mut state, KeyCode::Char('g'));
        press(&mut state, KeyCode::Enter);
        press(&mut state, KeyCode::Char('j'));
        press(&mut state, KeyCode::Char('j'));
        snapshot("audit_grouped", &state);
    }
}
