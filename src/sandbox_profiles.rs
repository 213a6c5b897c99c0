//! The built-in profiles that point at the embedded sandbox, with its published credentials.
//! This is glue between the sandbox and the config; the sandbox itself knows nothing of profiles.

use crate::config::{Profile, ProfileConfig, SecretKind};
use crate::sandbox::Sandbox;
use crate::secret::Secret;

/// The built-in sandbox profiles and their providers, in display order.
pub const SANDBOX_PROFILE_NAMES: &[(&str, &str)] = &[
    ("sandbox-zoo", "zoo"),
    ("sandbox-zooza", "zooza"),
    ("sandbox-quip", "quip"),
    ("sandbox-scanova", "scanova"),
];

/// The built-in profile of this name on a running sandbox.
pub fn sandbox_profile(name: &str, sandbox: &Sandbox) -> Option<Profile> {
    let credentials = sandbox.credentials();
    let (_, provider) = SANDBOX_PROFILE_NAMES
        .iter()
        .find(|(profile_name, _)| *profile_name == name)?;
    let mut config = ProfileConfig {
        provider: (*provider).to_owned(),
        ..ProfileConfig::default()
    };
    let mut secrets = Vec::new();
    let mut user_token_template = None;
    match *provider {
        "zoo" => {
            config.base_url = Some(sandbox.base_url("zoo"));
            secrets.push((SecretKind::Token, Secret::new(&credentials.zoo_token)));
        }
        "zooza" => {
            config.base_url = Some(sandbox.base_url("zooza"));
            config.company = Some(credentials.zooza_company_id.to_string());
            secrets.push((SecretKind::ApiKey, Secret::new(&credentials.zooza_api_key)));
            secrets.push((SecretKind::Token, Secret::new(&credentials.zooza_token)));
            // The sandbox gives every user a token of their own, so every record is reachable.
            user_token_template = Some(Secret::new(format!("{}-{{id}}", credentials.zooza_token)));
        }
        "quip" => {
            config.base_url = Some(sandbox.base_url("quip"));
            config.scim_base_url = Some(sandbox.base_url("quip-scim"));
            config.company_id = Some(credentials.quip_company_id.clone());
            secrets.push((SecretKind::Token, Secret::new(&credentials.quip_token)));
            secrets.push((
                SecretKind::ScimToken,
                Secret::new(&credentials.quip_scim_token),
            ));
        }
        _ => {
            config.base_url = Some(sandbox.base_url("scanova"));
            secrets.push((SecretKind::Token, Secret::new(&credentials.scanova_key)));
        }
    }
    Some(Profile::sandbox(name, config, secrets, user_token_template))
}
