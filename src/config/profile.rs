//! A profile resolved for use: its settings, where its secrets come from, and its HTTP policies.

use std::collections::BTreeMap;

use super::{ProfileConfig, resolve_secret};
use crate::http::HttpSettings;
use crate::secret::Secret;

/// The secrets a profile can name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum SecretKind {
    /// `token_env` / `token_command`.
    Token,
    /// `api_key_env` / `api_key_command`.
    ApiKey,
    /// `scim_token_env` / `scim_token_command`.
    ScimToken,
}

impl SecretKind {
    fn key(self) -> &'static str {
        match self {
            Self::Token => "token",
            Self::ApiKey => "api_key",
            Self::ScimToken => "scim_token",
        }
    }
}

/// A profile ready to build a provider from.
#[derive(Debug, Clone)]
pub struct Profile {
    /// The profile's name.
    pub name: String,
    /// Its settings.
    pub config: ProfileConfig,
    /// Whether it points at the embedded sandbox.
    pub is_sandbox: bool,
    /// Secrets given directly (the built-in sandbox profiles only; never read from a file).
    inline_secrets: BTreeMap<SecretKind, Secret>,
    /// A per-user token template, `{id}` replaced (the sandbox's Zooza user tokens).
    user_token_template: Option<Secret>,
}

impl Profile {
    /// A profile from the config file.
    pub fn from_config(name: impl Into<String>, config: ProfileConfig) -> Self {
        Self {
            name: name.into(),
            config,
            is_sandbox: false,
            inline_secrets: BTreeMap::new(),
            user_token_template: None,
        }
    }

    /// A built-in sandbox profile whose secrets are the sandbox's published defaults.
    pub fn sandbox(
        name: impl Into<String>,
        config: ProfileConfig,
        secrets: impl IntoIterator<Item = (SecretKind, Secret)>,
        user_token_template: Option<Secret>,
    ) -> Self {
        Self {
            name: name.into(),
            config,
            is_sandbox: true,
            inline_secrets: secrets.into_iter().collect(),
            user_token_template,
        }
    }

    /// The provider name.
    pub fn provider(&self) -> &str {
        &self.config.provider
    }

    /// A secret, if the profile configures one.
    pub fn secret(&self, kind: SecretKind) -> Result<Option<Secret>, String> {
        if let Some(secret) = self.inline_secrets.get(&kind) {
            return Ok(Some(secret.clone()));
        }
        let config = &self.config;
        let (env, command) = match kind {
            SecretKind::Token => (&config.token_env, &config.token_command),
            SecretKind::ApiKey => (&config.api_key_env, &config.api_key_command),
            SecretKind::ScimToken => (&config.scim_token_env, &config.scim_token_command),
        };
        resolve_secret(env.as_deref(), command.as_deref())
            .map_err(|err| format!("profile {}: {}: {err}", self.name, kind.key()))
    }

    /// A secret the provider cannot work without.
    pub fn require_secret(&self, kind: SecretKind) -> Result<Secret, String> {
        let key = kind.key();
        self.secret(kind)?.ok_or_else(|| {
            format!(
                "profile {} sets neither {key}_env nor {key}_command",
                self.name
            )
        })
    }

    /// A given user's token, where the profile can get one (`user_token_command`).
    pub fn user_token(&self, user_id: &str) -> Result<Option<Secret>, String> {
        if let Some(template) = &self.user_token_template {
            return Ok(Some(Secret::new(
                template.expose().replace("{id}", user_id),
            )));
        }
        let Some(argv) = &self.config.user_token_command else {
            return Ok(None);
        };
        let argv: Vec<String> = argv
            .iter()
            .map(|arg| arg.replace("{id}", user_id))
            .collect();
        resolve_secret(None, Some(&argv)).map_err(|err| format!("user_token_command: {err}"))
    }

    /// The HTTP policies of this profile, with the provider's default base URL.
    pub fn http_settings(&self, default_base_url: &str) -> HttpSettings {
        let config = &self.config;
        let mut settings = HttpSettings::new(
            config
                .base_url
                .clone()
                .unwrap_or_else(|| default_base_url.to_owned()),
        );
        if let Some(value) = config.timeout_ms {
            settings.timeout_ms = value;
        }
        if let Some(value) = config.connect_timeout_ms {
            settings.connect_timeout_ms = value;
        }
        if let Some(value) = config.read_timeout_ms {
            settings.read_timeout_ms = value;
        }
        if let Some(value) = config.max_concurrency {
            settings.max_concurrency = value.max(1);
        }
        if let Some(value) = config.max_retries {
            settings.max_retries = value;
        }
        if let Some(value) = config.max_body_bytes {
            settings.max_body_bytes = value;
        }
        settings.requests_per_second = config.requests_per_second;
        settings.allow_insecure_http = config.allow_insecure_http.unwrap_or(false);
        settings
    }
}

#[cfg(test)]
mod tests;
