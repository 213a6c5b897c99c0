//! What every command starts from: the paths, the config file, and the profiles, including the
//! built-in sandbox profiles backed by an in-process sandbox started on first use.

use std::net::{Ipv4Addr, SocketAddr};

use std::sync::Arc;

use crate::config::{ConfigError, ConfigFile, Paths, Profile};
use crate::directory::{Directory, Store};
use crate::sandbox::{Sandbox, SandboxConfig};
use crate::sandbox_profiles::{SANDBOX_PROFILE_NAMES, sandbox_profile};

/// Paths, config and profiles for one run.
pub struct Session {
    /// Where userscope's files live.
    pub paths: Paths,
    /// The config file, if there is one.
    pub config: Option<ConfigFile>,
    sandbox_config: SandboxConfig,
    sandbox: Option<Sandbox>,
    /// The directory store, opened on first use; `Err` says once why it cannot be used.
    store: Option<Result<Arc<Store>, String>>,
}

/// A profile name as `info` and pickers list it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProfileListing {
    /// The profile's name.
    pub name: String,
    /// Its provider.
    pub provider: String,
    /// Whether it is a built-in sandbox profile.
    pub is_sandbox: bool,
}

impl Session {
    /// Reads the config; the sandbox is started only when a sandbox profile is used.
    pub fn new(paths: Paths, sandbox_config: SandboxConfig) -> Result<Self, ConfigError> {
        let config = ConfigFile::load(&paths.config_file)?;
        Ok(Self {
            paths,
            config,
            sandbox_config,
            sandbox: None,
            store: None,
        })
    }

    /// Every profile: the file's, then the built-in sandbox ones the file does not shadow.
    pub fn profiles(&self) -> Vec<ProfileListing> {
        let mut listings: Vec<ProfileListing> = self
            .config
            .iter()
            .flat_map(|config| &config.profiles)
            .map(|(name, profile)| ProfileListing {
                name: name.clone(),
                provider: profile.provider.clone(),
                is_sandbox: false,
            })
            .collect();
        for (name, provider) in SANDBOX_PROFILE_NAMES {
            if !listings.iter().any(|listing| listing.name == *name) {
                listings.push(ProfileListing {
                    name: (*name).to_owned(),
                    provider: (*provider).to_owned(),
                    is_sandbox: true,
                });
            }
        }
        listings
    }

    /// The profile to use when none is named: the file's default, its only profile, or, with no
    /// config file, the first sandbox profile.
    pub fn default_profile_name(&self) -> Option<String> {
        match &self.config {
            None => Some(SANDBOX_PROFILE_NAMES[0].0.to_owned()),
            Some(config) => config.default_profile.clone().or_else(|| {
                (config.profiles.len() == 1)
                    .then(|| config.profiles.keys().next().cloned())
                    .flatten()
            }),
        }
    }

    /// Resolves a profile by name (or the default), starting the sandbox if it is a sandbox one.
    pub async fn profile(&mut self, name: Option<&str>) -> Result<Profile, ConfigError> {
        let Some(name) = name
            .map(str::to_owned)
            .or_else(|| self.default_profile_name())
        else {
            return Err(ConfigError::NoProfileChosen {
                known: self.known_names(),
            });
        };
        if let Some(config) = self
            .config
            .as_ref()
            .and_then(|config| config.profiles.get(&name))
        {
            return Ok(Profile::from_config(name, config.clone()));
        }
        if SANDBOX_PROFILE_NAMES
            .iter()
            .any(|(sandbox_name, _)| *sandbox_name == name)
        {
            let sandbox = self.sandbox().await?;
            if let Some(profile) = sandbox_profile(&name, sandbox) {
                return Ok(profile);
            }
        }
        Err(ConfigError::UnknownProfile {
            name,
            known: self.known_names(),
        })
    }

    /// The in-process sandbox, started on first call on a free loopback port.
    pub async fn sandbox(&mut self) -> Result<&Sandbox, ConfigError> {
        if self.sandbox.is_none() {
            let addr = SocketAddr::from((Ipv4Addr::LOCALHOST, 0));
            let sandbox = Sandbox::start(addr, self.sandbox_config.clone())
                .await
                .map_err(|err| ConfigError::Profile {
                    profile: "sandbox".to_owned(),
                    detail: format!("cannot start the in-process sandbox: {err}"),
                })?;
            self.sandbox = Some(sandbox);
        }
        self.sandbox.as_ref().ok_or(ConfigError::NoHome)
    }

    /// The directory of a profile: the shared store unless the config (top level or the
    /// profile) says `cache = false`. A store that cannot be opened leaves the directory in
    /// memory; the returned note says why, once per session (and once more per failure).
    pub fn directory(
        &mut self,
        profile: &Profile,
    ) -> Result<(Directory, Option<String>), ConfigError> {
        let max_age = match &profile.config.directory_max_age {
            Some(text) => {
                crate::directory::parse_max_age(text).map_err(|detail| ConfigError::Profile {
                    profile: profile.name.clone(),
                    detail,
                })?
            }
            None => crate::directory::DEFAULT_MAX_AGE,
        };
        let wanted = profile
            .config
            .cache
            .or_else(|| self.config.as_ref().and_then(|config| config.cache))
            .unwrap_or(true);
        let mut note = None;
        let store = if wanted {
            if self.store.is_none() {
                let path = self.paths.directory_store();
                self.store = Some(match Store::open(&path) {
                    Ok((store, corrupt)) => {
                        note = corrupt;
                        Ok(Arc::new(store))
                    }
                    Err(err) => Err(format!("{err}; going on without it")),
                });
            }
            match &self.store {
                Some(Ok(store)) => Some(Arc::clone(store)),
                Some(Err(message)) => {
                    note.get_or_insert_with(|| message.clone());
                    None
                }
                None => None,
            }
        } else {
            None
        };
        let sandbox = (self.sandbox_config.seed, self.sandbox_config.users);
        Ok((
            Directory {
                store,
                key: crate::directory::key_of(profile, Some(sandbox)),
                profile: profile.name.clone(),
                provider: profile.provider().to_owned(),
                max_age,
                note: None,
            },
            note,
        ))
    }

    /// The directory store, if it can be opened (for `cache info` and `cache clear`).
    pub fn store(&mut self) -> Result<Arc<Store>, String> {
        if self.store.is_none() {
            let path = self.paths.directory_store();
            self.store = Some(
                Store::open(&path)
                    .map(|(store, _)| Arc::new(store))
                    .map_err(|err| err.to_string()),
            );
        }
        match &self.store {
            Some(Ok(store)) => Ok(Arc::clone(store)),
            Some(Err(message)) => Err(message.clone()),
            None => Err("no store".to_owned()),
        }
    }

    fn known_names(&self) -> String {
        self.profiles()
            .into_iter()
            .map(|listing| listing.name)
            .collect::<Vec<_>>()
            .join(", ")
    }
}
