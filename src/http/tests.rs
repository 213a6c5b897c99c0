//! Unit tests of `http`.

use super::*;

fn settings(url: &str) -> HttpSettings {
    HttpSettings::new(url)
}

#[test]
fn refuses_plain_http_off_this_machine_unless_allowed() {
    assert!(matches!(
        parse_base_url(&settings("http://example.com")),
        Err(HttpError::InsecureUrl { .. })
    ));
    let mut allowed = settings("http://example.com");
    allowed.allow_insecure_http = true;
    assert!(parse_base_url(&allowed).is_ok());
    for url in [
        "http://127.0.0.1:9/x",
        "http://localhost:9",
        "http://[::1]:9",
        "https://example.com",
    ] {
        assert!(parse_base_url(&settings(url)).is_ok(), "{url}");
    }
    assert!(matches!(
        parse_base_url(&settings("ftp://x")),
        Err(HttpError::InvalidUrl { .. })
    ));
}

#[test]
fn paths_append_to_the_base_path() {
    let client = HttpClient::new(settings("http://127.0.0.1:1/zooza/v1/"), Vec::new(), |_| {
        None
    })
    .unwrap();
    let url = client
        .url_for(
            "/user/5/orders",
            &[("page", "0".into()), ("q", "a b&c".into())],
        )
        .unwrap();
    assert_eq!(
        url.as_str(),
        "http://127.0.0.1:1/zooza/v1/user/5/orders?page=0&q=a+b%26c"
    );
}

#[test]
fn debug_output_never_holds_a_token() {
    let auth = vec![(
        reqwest::header::AUTHORIZATION,
        Secret::new("Bearer sekrit-token-1"),
    )];
    let client = HttpClient::new(settings("https://example.com"), auth, |_| None).unwrap();
    assert!(!format!("{client:?}").contains("sekrit"));
}
