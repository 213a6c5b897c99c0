use super::*;

#[test]
fn profile_settings_override_http_defaults() {
    let config = ProfileConfig {
        provider: "zoo".into(),
        timeout_ms: Some(1_234),
        max_concurrency: Some(0),
        requests_per_second: Some(5.0),
        ..ProfileConfig::default()
    };
    let settings = Profile::from_config("p", config).http_settings("https://api.zoo.dev");
    assert_eq!(settings.base_url, "https://api.zoo.dev");
    assert_eq!(settings.timeout_ms, 1_234);
    assert_eq!(settings.max_concurrency, 1);
    assert_eq!(settings.requests_per_second, Some(5.0));
}

#[test]
fn user_tokens_come_from_a_template_or_a_command() {
    let sandbox = Profile::sandbox(
        "s",
        ProfileConfig::default(),
        [],
        Some(Secret::new("tok-{id}")),
    );
    assert_eq!(sandbox.user_token("7").unwrap().unwrap().expose(), "tok-7");
    let config = ProfileConfig {
        user_token_command: Some(vec!["echo".into(), "u{id}".into()]),
        ..ProfileConfig::default()
    };
    let configured = Profile::from_config("p", config);
    assert_eq!(configured.user_token("9").unwrap().unwrap().expose(), "u9");
}
