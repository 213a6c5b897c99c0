//! Scanova's rules on the generator's users.

use super::*;

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
