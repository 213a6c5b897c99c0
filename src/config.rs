//! The config file: profiles, each naming a provider, its base URL and where its secrets come
//! from. Secrets never live in the file; they come from the environment or a command.

mod profile;
mod secrets;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

pub use profile::{Profile, SecretKind};
pub use secrets::resolve_secret;

/// Where userscope keeps its files.
#[derive(Debug, Clone)]
pub struct Paths {
    /// The config file.
    pub config_file: PathBuf,
    /// Data (exports).
    pub data_dir: PathBuf,
    /// State (logs, the audit trail).
    pub state_dir: PathBuf,
    /// Caches (the directory store).
    pub cache_dir: PathBuf,
    /// User themes.
    pub themes_dir: PathBuf,
}

impl Paths {
    /// The platform's directories for userscope, with an optional config file override.
    pub fn discover(config_override: Option<&Path>) -> Result<Self, ConfigError> {
        let dirs =
            directories::ProjectDirs::from("", "", "userscope").ok_or(ConfigError::NoHome)?;
        let config_file = config_override
            .map_or_else(|| dirs.config_dir().join("config.toml"), Path::to_path_buf);
        let state_dir = dirs
            .state_dir()
            .unwrap_or_else(|| dirs.data_local_dir())
            .to_path_buf();
        Ok(Self {
            config_file,
            data_dir: dirs.data_dir().to_path_buf(),
            state_dir,
            cache_dir: dirs.cache_dir().to_path_buf(),
            themes_dir: dirs.config_dir().join("themes"),
        })
    }

    /// The directory store's file.
    pub fn directory_store(&self) -> PathBuf {
        self.cache_dir.join("directory.sqlite3")
    }

    /// Where exports are written.
    pub fn exports_dir(&self) -> PathBuf {
        self.data_dir.join("exports")
    }
}

/// The parsed config file.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConfigFile {
    /// The profile used when none is named.
    #[serde(default)]
    pub default_profile: Option<String>,
    /// `false` keeps no directory on disk (each profile may say so too).
    #[serde(default)]
    pub cache: Option<bool>,
    /// Profiles by name.
    #[serde(default)]
    pub profiles: BTreeMap<String, ProfileConfig>,
    /// Key overrides for the explorer: action name -> keys (`quit = ["ctrl-q"]`).
    #[serde(default)]
    pub keys: BTreeMap<String, Vec<String>>,
    /// The `[audit]` table: rules switched off, thresholds, `fail_on`.
    #[serde(default)]
    pub audit: crate::audit::AuditSettings,
    /// How far a view moves when the cursor leaves it: `auto` (line by line where the pane
    /// spans the screen, a page beside another), `line` or `page`.
    #[serde(default)]
    pub scroll: crate::state::scroll::ScrollStep,
}

/// One profile as written in the file; every provider reads the keys it needs.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProfileConfig {
    /// `zoo`, `zooza`, `quip` or `scanova`.
    pub provider: String,
    /// The API's base URL; each provider has a default.
    pub base_url: Option<String>,
    /// Environment variable holding the token.
    pub token_env: Option<String>,
    /// Command printing the token (argv form).
    pub token_command: Option<Vec<String>>,
    /// Environment variable holding the API key (Zooza).
    pub api_key_env: Option<String>,
    /// Command printing the API key (Zooza).
    pub api_key_command: Option<Vec<String>>,
    /// Command printing a given user's token; `{id}` in it is replaced by the user id (Zooza).
    pub user_token_command: Option<Vec<String>>,
    /// Zooza company id.
    pub company: Option<String>,
    /// Zooza region: `eu`, `uk` or `asia`.
    pub region: Option<String>,
    /// Quip company id.
    pub company_id: Option<String>,
    /// Quip SCIM base URL (the only API that lists all Quip users).
    pub scim_base_url: Option<String>,
    /// Environment variable holding the Quip SCIM token.
    pub scim_token_env: Option<String>,
    /// Command printing the Quip SCIM token.
    pub scim_token_command: Option<Vec<String>>,
    /// Scanova path: `multi-users`, `shared-user` or `auto`.
    pub path_variant: Option<String>,
    /// Zoo list endpoint: `users`, `org-members` or `auto`.
    pub list_endpoint: Option<String>,
    /// Theme name for this profile.
    pub theme: Option<String>,
    /// `false` keeps this profile's directory in memory only.
    pub cache: Option<bool>,
    /// How old the stored directory may be before opening the profile syncs it (`1h`).
    pub directory_max_age: Option<String>,
    /// Wait for response headers, ms.
    pub timeout_ms: Option<u64>,
    /// Connect timeout, ms.
    pub connect_timeout_ms: Option<u64>,
    /// Body stall timeout, ms.
    pub read_timeout_ms: Option<u64>,
    /// Requests in flight at once.
    pub max_concurrency: Option<usize>,
    /// Requests per second.
    pub requests_per_second: Option<f64>,
    /// Retries on 429/5xx.
    pub max_retries: Option<u32>,
    /// Largest accepted body, bytes.
    pub max_body_bytes: Option<u64>,
    /// Allow `http://` to a non-loopback host.
    pub allow_insecure_http: Option<bool>,
}

/// A config that cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    /// No home directory to put files in.
    #[error("cannot find a home directory for userscope's files")]
    NoHome,
    /// The file could not be read.
    #[error("cannot read {path}: {detail}")]
    Read {
        /// The file.
        path: PathBuf,
        /// Why.
        detail: String,
    },
    /// The file is not valid.
    #[error("{path} is not a valid config: {detail}")]
    Parse {
        /// The file.
        path: PathBuf,
        /// The parser's message.
        detail: String,
    },
    /// A profile is wrong.
    #[error("profile {profile}: {detail}")]
    Profile {
        /// Profile name.
        profile: String,
        /// What is wrong.
        detail: String,
    },
    /// Several profiles and none named or set as `default_profile`.
    #[error(
        "name a profile with --profile (or set default_profile in the config); profiles: {known}"
    )]
    NoProfileChosen {
        /// The names there are.
        known: String,
    },
    /// No such profile.
    #[error("no profile named {name:?}; profiles: {known}")]
    UnknownProfile {
        /// The name asked for.
        name: String,
        /// The names there are.
        known: String,
    },
}

/// Keys that would put a secret in the file; refused with a pointer to `_env`/`_command`.
const SECRET_KEYS: &[&str] = &[
    "token",
    "api_key",
    "scim_token",
    "password",
    "secret",
    "key",
];

impl ConfigFile {
    /// Reads the file; a missing file is `Ok(None)`.
    pub fn load(path: &Path) -> Result<Option<Self>, ConfigError> {
        let text = match std::fs::read_to_string(path) {
            Ok(text) => text,
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(err) => {
                return Err(ConfigError::Read {
                    path: path.to_owned(),
                    detail: err.to_string(),
                });
            }
        };
        Self::parse(&text, path).map(Some)
    }

    /// Parses config text; `path` is only for messages.
    pub fn parse(text: &str, path: &Path) -> Result<Self, ConfigError> {
        let raw: toml::Table = toml::from_str(text).map_err(|err| ConfigError::Parse {
            path: path.to_owned(),
            detail: err.message().to_owned(),
        })?;
        if let Some(toml::Value::Table(profiles)) = raw.get("profiles") {
            for (name, profile) in profiles {
                if let toml::Value::Table(keys) = profile
                    && let Some(key) = keys.keys().find(|key| SECRET_KEYS.contains(&key.as_str()))
                {
                    return Err(ConfigError::Profile {
                        profile: name.clone(),
                        detail: format!(
                            "`{key}` would keep a secret in the file; use `{key}_env` or `{key}_command` instead"
                        ),
                    });
                }
            }
        }
        let config: Self = toml::from_str(text).map_err(|err| ConfigError::Parse {
            path: path.to_owned(),
            detail: err.to_string().trim().replace('\n', " "),
        })?;
        Ok(config)
    }
}

#[cfg(test)]
mod tests;
