//! Scanova's seed (003) documents its detail response field by field with example values but
//! prints no body; `fixtures/scanova/seed-shared-user.json` assembles one from exactly those
//! fields and examples (id 479, the `+05:30` timestamps, invitation sent and not accepted).

use bytes::Bytes;
use reqwest::header::{CONTENT_TYPE, HeaderMap, HeaderValue};
use userscope::http::Response;
use userscope::model::{FieldValue, StatusMarker};
use userscope::provider::scanova::map_record;

const SEED: &[u8] = include_bytes!("fixtures/scanova/seed-shared-user.json");

fn response() -> Response {
    let mut headers = HeaderMap::new();
    headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
    Response {
        status: 200,
        path: "/multi-users/479/".into(),
        headers,
        body: Bytes::from_static(SEED),
    }
}

#[test]
fn the_seed_example_maps_with_every_documented_field() {
    let record = map_record("479", &response()).expect("the seed's example maps");
    assert_eq!(record.raw(), SEED, "raw bytes kept exactly");
    assert_eq!(record.summary.id, "479");
    assert_eq!(record.summary.name, "Asha Rao");
    assert_eq!(record.summary.role.as_deref(), Some("Viewer"));
    assert!(
        record
            .summary
            .status
            .contains(&StatusMarker::PendingInvitation)
    );
    let paths: Vec<&str> = record
        .sections
        .iter()
        .flat_map(|section| &section.fields)
        .map(|field| field.path.as_str())
        .collect();
    for documented in [
        ".id",
        ".shared_user.first_name",
        ".shared_user.last_name",
        ".shared_user.full_name",
        ".shared_user.email",
        ".shared_user.language",
        ".shared_user.is_shared",
        ".shared_user.date_joined",
        ".shared_user.last_login",
        ".shared_user.first_login",
        ".shared_user.has_usable_password",
        ".shared_user.enforce_mfa",
        ".shared_user.mfa_enabled",
        ".shared_user.mfa_status",
        ".shared_user.is_social_signup",
        ".shared_user.is_sso_login",
        ".access_level.name",
        ".access_level.permissions",
        ".invitation_sent_on",
        ".invitation_accepted_on",
        ".is_invitation_sent",
        ".is_invitation_accepted",
        ".created",
        ".modified",
        ".tags",
    ] {
        assert!(paths.contains(&documented), "{documented} is not shown");
    }
    assert!(
        record
            .sections
            .iter()
            .all(|section| section.title != "Other fields"),
        "nothing unknown in the seed"
    );
    let sent = record
        .sections
        .iter()
        .flat_map(|section| &section.fields)
        .find(|field| field.path == ".invitation_sent_on")
        .unwrap();
    assert!(matches!(sent.value, FieldValue::Time(_)));
    assert_eq!(sent.value.display(), "2023-09-11 16:28:22 +05:30");
}
