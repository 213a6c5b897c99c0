use super::*;
use crate::config::ProfileConfig;

fn profile(config: ProfileConfig) -> Profile {
    Profile::sandbox(
        "q",
        config,
        [(SecretKind::Token, Secret::new("quip-token-1"))],
        None,
    )
}

#[test]
fn error_bodies_prefer_the_description() {
    let body =
        br#"{"error":"Unauthorized","error_code":401,"error_description":"Invalid access token"}"#;
    assert_eq!(error_message(body).as_deref(), Some("Invalid access token"));
    assert_eq!(
        error_message(br#"{"error":"Not Found","error_code":404}"#).as_deref(),
        Some("Not Found")
    );
    assert_eq!(
        error_message(b"Over Rate Limit").as_deref(),
        Some("Over Rate Limit")
    );
    assert_eq!(error_message(b"<html>busy</html>"), None);
}

#[test]
fn builds_without_a_scim_token_and_says_how_to_list() {
    let config = ProfileConfig {
        provider: NAME.into(),
        company_id: Some("IMbAcASGu56".into()),
        ..ProfileConfig::default()
    };
    let provider = build(&profile(config)).unwrap();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap();
    let err = runtime.block_on(provider.list_users(None, 10)).unwrap_err();
    assert!(matches!(err, ProviderError::Unsupported(_)), "{err}");
    assert!(err.to_string().contains("scim_token_env"), "{err}");
    assert!(err.to_string().contains("SCIM"), "{err}");
}

#[test]
fn admin_calls_without_company_id_are_config_errors() {
    let config = ProfileConfig {
        provider: NAME.into(),
        company_id: Some("  ".into()),
        ..ProfileConfig::default()
    };
    let provider = build(&profile(config)).unwrap();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap();
    let err = runtime.block_on(provider.fetch_record("U1")).unwrap_err();
    assert!(matches!(err, ProviderError::Config(_)), "{err}");
    assert!(err.to_string().contains("company_id"), "{err}");
    let err = runtime
        .block_on(provider.fetch_threads(&["T1".to_owned()]))
        .unwrap_err();
    assert!(matches!(err, ProviderError::Config(_)), "{err}");
    // Nothing to look up needs no request and no company id.
    assert!(
        runtime
            .block_on(provider.fetch_threads(&[]))
            .unwrap()
            .is_empty()
    );
    assert!(
        runtime
            .block_on(provider.search_users(" , "))
            .unwrap()
            .is_empty()
    );
}

#[test]
fn a_missing_token_fails_the_build() {
    let profile = Profile::from_config(
        "q",
        ProfileConfig {
            provider: NAME.into(),
            ..ProfileConfig::default()
        },
    );
    let err = build(&profile).unwrap_err();
    assert!(err.to_string().contains("token_env"), "{err}");
}

#[test]
fn ids_are_encoded_for_the_path() {
    assert_eq!(path_segment("UTUAEAiZl6B"), "UTUAEAiZl6B");
    assert_eq!(path_segment("a/b c+d@x"), "a%2Fb%20c%2Bd%40x");
}
