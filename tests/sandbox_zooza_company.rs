//! Zooza's docs have a caller learn its company from `GET /v1/user`, asked with only the API key
//! and the token, and send `user.companies[].id` as `X-ZOOZA-COMPANY` from then on: the sandbox
//! answers that way, and its bodies name one company id throughout.

mod support;

use support::{get_with_headers as get, start};
use userscope::sandbox::Sandbox;

fn zooza_key_and_token(sandbox: &Sandbox) -> Vec<(&'static str, String)> {
    let credentials = sandbox.credentials();
    vec![
        ("x-zooza-api-key", credentials.zooza_api_key.clone()),
        ("x-zooza-token", credentials.zooza_token.clone()),
    ]
}

#[tokio::test]
async fn zooza_user_answers_the_key_and_token_alone_with_the_company_id_to_send() {
    let sandbox = start(30).await;
    let key_and_token = zooza_key_and_token(&sandbox);

    // Discovery: `/user` with only the key and the token.
    let (status, body) = get(&sandbox, "zooza", "/user", &key_and_token).await;
    assert_eq!(status, 200, "{body}");
    let companies = body["user"]["companies"].as_array().unwrap();
    assert_eq!(companies.len(), 1);
    let company_id = companies[0]["id"].as_u64().expect("an integer id");

    // Every other `company_id` of the body is the same company, as the spec's string.
    assert_eq!(body["company"]["id"].as_u64(), Some(company_id));
    let text = company_id.to_string();
    assert_eq!(body["user"]["company_id"].as_str(), Some(text.as_str()));
    assert_eq!(body["app"]["company_id"].as_str(), Some(text.as_str()));
    for agreement in body["agreements"].as_array().unwrap() {
        assert_eq!(agreement["company_id"].as_str(), Some(text.as_str()));
    }
    for credit in body["discounts"].as_array().unwrap() {
        assert_eq!(credit["origin_company_id"].as_u64(), Some(company_id));
    }

    // The company-scoped routes want the header, and take the id `/user` showed.
    let (status, _) = get(&sandbox, "zooza", "/users", &key_and_token).await;
    assert_eq!(status, 401, "the team list needs the company");
    let mut with_company = key_and_token.clone();
    with_company.push(("x-zooza-company", text.clone()));
    for path in [
        "/users",
        "/user",
        "/registrations?advanced_search=1&distinct=1",
    ] {
        let (status, body) = get(&sandbox, "zooza", path, &with_company).await;
        assert_eq!(status, 200, "{path}: {body}");
    }

    // A company sent to `/user` must still be the right one.
    let mut wrong = key_and_token.clone();
    wrong.push(("x-zooza-company", (company_id + 1).to_string()));
    for path in ["/user", "/users"] {
        let (status, body) = get(&sandbox, "zooza", path, &wrong).await;
        assert_eq!(status, 401, "{path}: {body}");
    }
    // The key and the token stay required.
    let (status, _) = get(&sandbox, "zooza", "/user", &key_and_token[..1]).await;
    assert_eq!(status, 401);
}

#[tokio::test]
async fn zooza_built_in_profile_sends_the_company_id_user_shows() {
    let sandbox = start(5).await;
    let profile = support::profile(&sandbox, "zooza");
    let (_, body) = get(&sandbox, "zooza", "/user", &zooza_key_and_token(&sandbox)).await;
    let shown = body["user"]["companies"][0]["id"].as_u64().unwrap();
    assert_eq!(profile.config.company, Some(shown.to_string()));
}
