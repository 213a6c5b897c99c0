use super::*;

fn user(name: &str, email: &str) -> UserSummary {
    UserSummary {
        name: name.to_owned(),
        email: email.to_owned(),
        ..UserSummary::with_id("u1")
    }
}

#[test]
fn an_address_is_trimmed_and_lower_cased_and_anything_else_is_no_address() {
    assert_eq!(
        normalise_email("  Ava.Smith.12@Staff.Example.COM \n").as_deref(),
        Some("ava.smith.12@staff.example.com")
    );
    // Plus-tags are other mailboxes to most providers: kept.
    assert_eq!(
        normalise_email("ava+it@x.org").as_deref(),
        Some("ava+it@x.org")
    );
    for not_one in ["", "ava", "@x.org", "ava@", "a@b@c", "ava smith@x.org"] {
        assert_eq!(normalise_email(not_one), None, "{not_one:?}");
    }
}

#[test]
fn an_address_matches_for_certain_in_any_case_and_a_name_only_possibly() {
    let upper = WhoQuery::parse(" AVA.SMITH.12@STAFF.EXAMPLE.COM").unwrap();
    assert_eq!(
        upper.matches(&user("Ava Smith", "Ava.Smith.12@staff.example.com")),
        Some(true)
    );
    assert_eq!(
        upper.matches(&user("Ava Smith", "ava.smith.13@staff.example.com")),
        None
    );
    let name = WhoQuery::parse("jose gar").unwrap();
    assert_eq!(name, WhoQuery::Name(vec!["jose".into(), "gar".into()]));
    assert_eq!(name.matches(&user("José García", "x@y.z")), Some(false));
    assert_eq!(name.matches(&user("J. García", "x@y.z")), Some(false));
    assert_eq!(name.matches(&user("José Novák", "x@y.z")), None);
    // A name in another script still fits through the address's ASCII spelling.
    let ascii = WhoQuery::parse("yui suzuki").unwrap();
    assert_eq!(
        ascii.matches(&user("Yui 鈴木", "yui.suzuki.0@x.org")),
        Some(false)
    );
    assert_eq!(WhoQuery::parse("   "), None);
}

#[test]
fn active_means_what_each_provider_means() {
    use StatusMarker::{Blocked, Disabled, Inactive, NeverLoggedIn, Owner, PendingInvitation};
    // Zoo: blocked for any reason, known or not.
    assert!(is_active(ProviderKind::Zoo, &[Owner]));
    assert!(!is_active(
        ProviderKind::Zoo,
        &[Blocked("fraud_review".into())]
    ));
    // Quip: disabled.
    assert!(is_active(ProviderKind::Quip, &[NeverLoggedIn]));
    assert!(!is_active(ProviderKind::Quip, &[Disabled]));
    // Scanova: an invitation still pending is no access yet; never logging in is still access.
    assert!(is_active(ProviderKind::Scanova, &[NeverLoggedIn]));
    assert!(!is_active(ProviderKind::Scanova, &[PendingInvitation]));
    // Zooza: an inactive role.
    assert!(is_active(ProviderKind::Zooza, &[]));
    assert!(!is_active(ProviderKind::Zooza, &[Inactive]));
    // A marker another provider uses means nothing here.
    assert!(is_active(ProviderKind::Zoo, &[Disabled]));
}
