use super::*;

fn url(text: &str) -> Url {
    Url::parse(text).unwrap()
}

#[test]
fn follows_within_the_origin_and_refuses_elsewhere_loops_and_long_chains() {
    let start = url("http://127.0.0.1:8080/scanova/multi-users?page=2");
    let slash = url("http://127.0.0.1:8080/scanova/multi-users/?page=2");
    assert!(judge(&slash, std::slice::from_ref(&start)).is_none());
    for elsewhere in [
        "http://localhost:8080/scanova/multi-users/",
        "https://127.0.0.1:8080/scanova/multi-users/",
        "http://127.0.0.1:8081/scanova/multi-users/",
        "http://evil.example/steal",
    ] {
        assert!(
            matches!(
                judge(&url(elsewhere), std::slice::from_ref(&start)),
                Some(RedirectRefused::OffOrigin { .. })
            ),
            "{elsewhere}"
        );
    }
    assert!(matches!(
        judge(&start, &[start.clone(), slash.clone()]),
        Some(RedirectRefused::Loop)
    ));
    let chain: Vec<Url> = (0..=MAX_REDIRECTS)
        .map(|n| url(&format!("http://127.0.0.1:8080/{n}")))
        .collect();
    assert!(matches!(
        judge(&url("http://127.0.0.1:8080/next"), &chain),
        Some(RedirectRefused::TooMany)
    ));
}
