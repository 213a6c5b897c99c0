//! Shared helpers for the provider-over-sandbox tests: a sandbox per test, the built-in profiles
//! with test-sized timeouts, paging to the end, a direct GET with the same auth, and the checks
//! every test ends with (GET only, no credential in any error text).

// Helpers sit outside #[test] functions, where clippy.toml's test allowance does not reach.
#![allow(clippy::unwrap_used, dead_code)]

use std::collections::HashSet;
use std::sync::Arc;

use reqwest::header::HeaderMap;
use serde_json::Value;
use userscope::config::Profile;
use userscope::model::UserSummary;
use userscope::provider::{self, Provider, ProviderError};
use userscope::sandbox::{FaultPlan, Sandbox, SandboxConfig};
use userscope::sandbox_profiles::sandbox_profile;

pub mod explorer;
pub mod faults;

/// Every provider, by the name its sandbox profile and base URL use.
pub const PROVIDERS: [&str; 4] = ["zoo", "zooza", "quip", "scanova"];

/// A sandbox with `users` users per provider and no fault.
pub async fn start(users: u64) -> Sandbox {
    let config = SandboxConfig {
        users,
        ..SandboxConfig::default()
    };
    Sandbox::start("127.0.0.1:0".parse().unwrap(), config)
        .await
        .unwrap()
}

/// The built-in profile of a provider on this sandbox.
pub fn profile(sandbox: &Sandbox, name: &str) -> Profile {
    sandbox_profile(&format!("sandbox-{name}"), sandbox).unwrap()
}

/// The built-in profile with limits small enough that a fault fails fast instead of waiting.
pub fn fast_profile(sandbox: &Sandbox, name: &str) -> Profile {
    let mut profile = profile(sandbox, name);
    profile.config.timeout_ms = Some(1_000);
    profile.config.read_timeout_ms = Some(300);
    profile.config.max_retries = Some(0);
    profile.config.max_body_bytes = Some(faults::CAP_BYTES);
    profile
}

/// The profile of the fault matrix: no retries, the matrix's cap, and timeouts short enough that
/// a timeout case costs seconds but long enough that a busy machine answers within them.
pub fn matrix_profile(sandbox: &Sandbox, name: &str) -> Profile {
    let mut profile = fast_profile(sandbox, name);
    profile.config.timeout_ms = Some(faults::TIMEOUT_MS);
    profile.config.read_timeout_ms = Some(faults::READ_TIMEOUT_MS);
    profile
}

/// Builds a provider for a profile.
pub fn build(profile: &Profile) -> Arc<dyn Provider> {
    provider::build(profile).unwrap()
}

/// Sets the run-wide fault plan from its spec.
pub fn set_faults(sandbox: &Sandbox, spec: &str) {
    sandbox.set_faults(spec.parse::<FaultPlan>().unwrap());
}

/// Every user, page by page, until `next` is `None`.
pub async fn list_all(provider: &dyn Provider) -> Vec<UserSummary> {
    let mut users = Vec::new();
    let mut cursor: Option<String> = None;
    for _ in 0..1_000 {
        let page = provider.list_users(cursor.as_deref(), 50).await.unwrap();
        users.extend(page.users);
        match page.next {
            Some(next) => cursor = Some(next),
            None => return users,
        }
    }
    panic!("{}: paging never ended", provider.name());
}

/// Asserts the ids are unique.
pub fn assert_unique_ids(name: &str, users: &[UserSummary]) {
    let mut seen = HashSet::new();
    for user in users {
        assert!(seen.insert(&user.id), "{name}: {} listed twice", user.id);
    }
}

/// The auth headers a provider sends, for the sandbox's credentials; `zooza_user` picks that
/// Zooza user's own token instead of the owner's.
pub fn auth_headers(sandbox: &Sandbox, api: &str, zooza_user: Option<&str>) -> HeaderMap {
    let credentials = sandbox.credentials();
    let mut headers = HeaderMap::new();
    let mut set = |name: &'static str, value: String| {
        headers.insert(name, value.parse().unwrap());
    };
    match api {
        "zoo" => set("authorization", format!("Bearer {}", credentials.zoo_token)),
        "zooza" => {
            set("x-zooza-api-key", credentials.zooza_api_key.clone());
            let token = match zooza_user {
                Some(id) => format!("{}-{id}", credentials.zooza_token),
                None => credentials.zooza_token.clone(),
            };
            set("x-zooza-token", token);
            set("x-zooza-company", credentials.zooza_company_id.to_string());
        }
        "quip" => set(
            "authorization",
            format!("Bearer {}", credentials.quip_token),
        ),
        "quip-scim" => set(
            "authorization",
            format!("Bearer {}", credentials.quip_scim_token),
        ),
        _ => set("authorization", credentials.scanova_key.clone()),
    }
    headers
}

/// A direct GET of `path` (relative to the provider's base URL) with the provider's auth.
pub async fn direct_get(
    sandbox: &Sandbox,
    api: &str,
    path: &str,
    query: &[(&str, String)],
    zooza_user: Option<&str>,
) -> Vec<u8> {
    let _ = rustls::crypto::ring::default_provider().install_default();
    let mut url = url::Url::parse(&format!("{}{path}", sandbox.base_url(api))).unwrap();
    if !query.is_empty() {
        url.query_pairs_mut().extend_pairs(query);
    }
    let response = reqwest::Client::new()
        .get(url)
        .headers(auth_headers(sandbox, api, zooza_user))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 200, "{api} {path}");
    response.bytes().await.unwrap().to_vec()
}

/// A GET of `path` under the provider's base URL with exactly these headers: the status and
/// the body as JSON (`null` when it is not JSON).
pub async fn get_with_headers(
    sandbox: &Sandbox,
    api: &str,
    path: &str,
    headers: &[(&str, String)],
) -> (u16, Value) {
    let _ = rustls::crypto::ring::default_provider().install_default();
    let mut request = reqwest::Client::new().get(format!("{}{path}", sandbox.base_url(api)));
    for (name, value) in headers {
        request = request.header(*name, value);
    }
    let response = request.send().await.unwrap();
    let status = response.status().as_u16();
    let body = response.bytes().await.unwrap();
    (status, serde_json::from_slice(&body).unwrap_or(Value::Null))
}

/// Every credential the sandbox accepts. Zooza's company id is left out: it is no secret (every
/// `/v1/user` body shows it) and, a short number, it would match digits anywhere in a text.
pub fn credentials(sandbox: &Sandbox) -> Vec<String> {
    let c = sandbox.credentials();
    vec![
        c.zoo_token.clone(),
        c.zooza_api_key.clone(),
        c.zooza_token.clone(),
        c.quip_token.clone(),
        c.quip_scim_token.clone(),
        c.quip_company_id.clone(),
        c.scanova_key.clone(),
    ]
}

/// Asserts no credential shows in a text (an error's Display or Debug, a log).
pub fn assert_no_credential(sandbox: &Sandbox, text: &str) {
    for secret in credentials(sandbox) {
        assert!(!text.contains(&secret), "{secret:?} leaked into: {text}");
    }
}

/// Asserts neither the Display, the Debug nor the one-line form of an error holds a credential.
pub fn assert_error_is_secret_free(sandbox: &Sandbox, error: &ProviderError) {
    assert_no_credential(sandbox, &error.to_string());
    assert_no_credential(sandbox, &format!("{error:?}"));
    assert_no_credential(sandbox, &error.one_line());
}

/// Asserts `one_line()` is one line and ends with the error's hint.
pub fn assert_one_line_with_hint(error: &ProviderError, names: &str) {
    let line = error.one_line();
    assert!(!line.contains('\n') && !line.contains('\r'), "{line:?}");
    assert!(line.contains(error.hint()), "no hint in {line:?}");
    assert!(!error.hint().is_empty());
    assert!(
        line.to_lowercase().contains(&names.to_lowercase()),
        "{line:?} does not say {names:?}"
    );
}

/// Asserts the sandbox saw only GETs.
pub fn assert_only_gets(sandbox: &Sandbox) {
    let requests = sandbox.requests();
    assert!(!requests.is_empty());
    for request in requests {
        assert_eq!(request.method, "GET", "{request:?}");
    }
}
