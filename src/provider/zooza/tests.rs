//! Unit tests of the Zooza provider: its profile, regions and where fetched bodies are mapped.

use super::*;

#[test]
fn build_needs_key_token_company_and_a_known_region() {
    use crate::config::ProfileConfig;
    let secrets = || {
        [
            (SecretKind::ApiKey, Secret::new("key-1234")),
            (SecretKind::Token, Secret::new("tok-1234")),
        ]
    };
    let config = |company: Option<&str>, region: Option<&str>| ProfileConfig {
        provider: NAME.into(),
        company: company.map(str::to_owned),
        region: region.map(str::to_owned),
        ..ProfileConfig::default()
    };
    let ok = build(&Profile::sandbox(
        "z",
        config(Some("12"), Some("uk")),
        secrets(),
        None,
    ));
    assert_eq!(ok.unwrap().name(), NAME);
    let no_company = build(&Profile::sandbox("z", config(None, None), secrets(), None));
    assert!(matches!(no_company, Err(ProviderError::Config(_))));
    let bad_region = build(&Profile::sandbox(
        "z",
        config(Some("12"), Some("mars")),
        secrets(),
        None,
    ));
    assert!(matches!(bad_region, Err(ProviderError::Config(_))));
    let no_key = build(&Profile::sandbox(
        "z",
        config(Some("12"), None),
        [(SecretKind::Token, Secret::new("tok-1234"))],
        None,
    ));
    assert!(matches!(no_key, Err(ProviderError::Config(_))));
}

/// Small and big fetched bodies map alike, on the fetching task or on the blocking pool.
#[tokio::test]
async fn fetched_bodies_map_alike_on_either_side_of_the_inline_size() {
    let credit =
        r#"{"id":1,"expiration":"2020-01-01T00:00:00Z","attendance":[{"attendance":"noshow"}]}"#;
    for credits in [200, 4_000] {
        let body = format!(
            r#"{{"user":{{"id":7,"first_name":"Ana"}},"discounts":[{}],"free_events":[]}}"#,
            vec![credit; credits].join(",")
        );
        let big = body.len() > INLINE_MAPPING_BYTES;
        assert_eq!(big, credits == 4_000, "{} bytes", body.len());
        let response = super::super::offline::response("/user", body.into());
        let record = map_fetched_body("7", response).await.unwrap();
        assert!(record.deferred, "the credits overview waits: {big}");
        let shown = super::super::deferred::map_in_full(&record).unwrap();
        let total = shown
            .sections
            .iter()
            .flat_map(|section| &section.fields)
            .find(|field| field.label == "Discount: total")
            .map(|field| field.value.display());
        assert_eq!(total, Some(credits.to_string()));
    }
}

#[test]
fn regions_pick_base_urls() {
    assert_eq!(region_base_url(None), Some(DEFAULT_BASE_URL));
    assert_eq!(region_base_url(Some("UK")), Some(UK_BASE_URL));
    assert_eq!(region_base_url(Some("asia")), Some(ASIA_BASE_URL));
    assert_eq!(region_base_url(Some("mars")), None);
}

#[test]
fn company_app_and_widgets_read_as_fields_and_agreement_urls_are_filled_in() {
    let body = br#"{"user":{"id":7,"first_name":"A","last_name":"B","email":"a@b.c"},
        "company":{"id":77,"name":"Acme Gym"},"app":{"version":"3.2"},"widgets":{"calendar":true},
        "agreements":[{"agreement_id":12,"name":"I agree with the |AGREEMENT_URL|","mandatory":true}]}"#;
    let record = super::record::map_user_record(
        "7",
        &crate::provider::offline::response("/user", bytes::Bytes::from_static(body)),
        chrono::Utc::now(),
    )
    .unwrap();
    let fields: Vec<(&str, String)> = record
        .sections
        .iter()
        .flat_map(|section| &section.fields)
        .map(|field| (field.label.as_str(), format!("{:?}", field.value)))
        .collect();
    let label = |wanted: &str| {
        fields
            .iter()
            .find(|(label, _)| *label == wanted)
            .map(|(_, v)| v.clone())
    };
    assert!(label("Company name").unwrap().contains("Acme Gym"));
    assert!(label("App version").unwrap().contains("3.2"));
    assert!(label("Widgets calendar").is_some());
    let agreement = label("Agreement 12").unwrap();
    assert!(
        agreement.contains("https://agreements.zooza.app/12"),
        "{agreement}"
    );
    assert!(!agreement.contains("|AGREEMENT_URL|"));
}
