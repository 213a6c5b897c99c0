use super::*;

#[test]
fn parses_the_documented_example() {
    let text = r#"
[profiles.acme-quip]
provider = "quip"
base_url = "https://platform.quip.com"
token_env = "QUIP_TOKEN"
company_id = "IMbAcASGu56"
requests_per_second = 1.5
"#;
    let config = ConfigFile::parse(text, Path::new("c.toml")).unwrap();
    let profile = &config.profiles["acme-quip"];
    assert_eq!(profile.provider, "quip");
    assert_eq!(profile.company_id.as_deref(), Some("IMbAcASGu56"));
    assert_eq!(profile.requests_per_second, Some(1.5));
}

#[test]
fn reads_how_views_scroll_and_refuses_what_it_does_not_know() {
    use crate::state::scroll::ScrollStep;
    let read = |text: &str| ConfigFile::parse(text, Path::new("c.toml"));
    assert_eq!(read("").unwrap().scroll, ScrollStep::Auto);
    assert_eq!(read("scroll = \"line\"").unwrap().scroll, ScrollStep::Line);
    assert_eq!(read("scroll = \"page\"").unwrap().scroll, ScrollStep::Page);
    let err = read("scroll = \"smooth\"").unwrap_err().to_string();
    assert!(err.contains("smooth"), "{err}");
}

#[test]
fn refuses_secrets_in_the_file() {
    let text = "[profiles.p]\nprovider = \"zoo\"\ntoken = \"abc\"\n";
    let err = ConfigFile::parse(text, Path::new("c.toml"))
        .unwrap_err()
        .to_string();
    assert!(err.contains("token_env"), "{err}");
    assert!(!err.contains("abc"), "{err}");
}

#[test]
fn reads_the_audit_table_with_defaults_for_the_rest() {
    let text = "[audit]\ndisabled_rules = [\"quip.robot\"]\nfail_on = \"High\"\nmax_noshows = 5\n";
    let config = ConfigFile::parse(text, Path::new("c.toml")).unwrap();
    assert_eq!(config.audit.disabled_rules, ["quip.robot"]);
    assert_eq!(config.audit.fail_on, Some(crate::audit::Severity::High));
    assert_eq!(config.audit.max_noshows, 5);
    assert_eq!(config.audit.max_api_tokens, 20);
    let empty = ConfigFile::parse("", Path::new("c.toml")).unwrap();
    assert_eq!(empty.audit, crate::audit::AuditSettings::default());
    let err = ConfigFile::parse("[audit]\nmax_sesions = 3\n", Path::new("c.toml"))
        .unwrap_err()
        .to_string();
    assert!(err.contains("max_sesions"), "{err}");
}

#[test]
fn names_an_unknown_key() {
    let text = "[profiles.p]\nprovider = \"zoo\"\nbase_ulr = \"x\"\n";
    let err = ConfigFile::parse(text, Path::new("c.toml"))
        .unwrap_err()
        .to_string();
    assert!(err.contains("base_ulr"), "{err}");
}
