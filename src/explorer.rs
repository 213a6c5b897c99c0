//! Starting the explorer from a session: the first profile, the profiles `:profile` can switch
//! to (the config's and the sandbox's), and themes (`--theme` over the profile's, `NO_COLOR`
//! over all).

use std::io::Write as _;
use std::path::PathBuf;
use std::sync::Arc;

use tokio::sync::Mutex;

use crate::app::OpenedProfile;
use crate::app::{AppContext, ProfileSource};
use crate::msg::ProfileView;
use crate::session::Session;
use crate::state::{ProfileBadge, State};
use crate::theme::{Colors, Theme};

/// The session as a source of profiles for the explorer.
pub struct SessionProfiles {
    session: Mutex<Session>,
    names: Vec<String>,
    themes_dir: PathBuf,
    theme_override: Option<String>,
    colors: Colors,
}

impl SessionProfiles {
    /// Wraps a session; `theme_override` is `--theme`.
    pub fn new(session: Session, theme_override: Option<String>, colors: Colors) -> Self {
        let names = session
            .profiles()
            .into_iter()
            .map(|listing| listing.name)
            .collect();
        let themes_dir = session.paths.themes_dir.clone();
        Self {
            session: Mutex::new(session),
            names,
            themes_dir,
            theme_override,
            colors,
        }
    }
}

#[async_trait::async_trait]
impl ProfileSource for SessionProfiles {
    fn names(&self) -> Vec<String> {
        self.names.clone()
    }

    async fn open(&self, name: &str) -> Result<OpenedProfile, String> {
        let mut session = self.session.lock().await;
        let profile = session
            .profile(Some(name))
            .await
            .map_err(|err| err.to_string())?;
        let (mut directory, note) = session.directory(&profile).map_err(|err| err.to_string())?;
        drop(session);
        // The status bar says it when the directory opens.
        directory.note = note;
        let provider = crate::provider::build(&profile).map_err(|err| err.one_line())?;
        let theme_name = self
            .theme_override
            .clone()
            .or_else(|| profile.config.theme.clone())
            .unwrap_or_else(|| self.colors.default_theme().to_owned());
        let theme = self.theme(&theme_name)?;
        let badge = ProfileBadge {
            name: profile.name.clone(),
            provider: profile.provider().to_owned(),
            is_sandbox: profile.is_sandbox,
        };
        Ok(OpenedProfile {
            provider,
            directory,
            view: ProfileView { badge, theme },
        })
    }

    fn theme(&self, name: &str) -> Result<Theme, String> {
        Theme::load(name, &self.themes_dir, self.colors).map_err(|err| err.to_string())
    }
}

/// How the explorer was asked to look and behave from the command line.
#[derive(Debug, Clone, Default)]
pub struct ExplorerOptions {
    /// `--theme`, over any profile's theme.
    pub theme: Option<String>,
    /// Capture the mouse (off with `--no-mouse`).
    pub mouse: bool,
    /// How far a view moves when the cursor leaves it (the config's `scroll`).
    pub scroll: crate::state::scroll::ScrollStep,
}

/// Where an opened file's explorer gets themes; it has no profiles to switch to.
struct FileProfiles {
    themes_dir: PathBuf,
    colors: Colors,
}

#[async_trait::async_trait]
impl ProfileSource for FileProfiles {
    fn names(&self) -> Vec<String> {
        Vec::new()
    }

    async fn open(&self, name: &str) -> Result<OpenedProfile, String> {
        Err(format!(
            "an opened file has no profiles; run userscope --profile {name} instead"
        ))
    }

    fn theme(&self, name: &str) -> Result<Theme, String> {
        Theme::load(name, &self.themes_dir, self.colors).map_err(|err| err.to_string())
    }
}

/// Opens the explorer on records read from a file.
pub async fn run_file(
    records: Vec<crate::model::UserRecord>,
    file_name: String,
    paths: &crate::config::Paths,
    options: ExplorerOptions,
) -> Result<(), String> {
    let colors = Colors::of_this_terminal();
    let source = Arc::new(FileProfiles {
        themes_dir: paths.themes_dir.clone(),
        colors,
    });
    let theme = source.theme(options.theme.as_deref().unwrap_or(colors.default_theme()))?;
    let provider_name = records
        .first()
        .map_or("file", |record| record.provider.name());
    let provider = Arc::new(crate::provider::offline::OfflineProvider::new(
        provider_name,
        records,
    ));
    let badge = ProfileBadge {
        name: format!("file {file_name}"),
        provider: provider_name.to_owned(),
        is_sandbox: false,
    };
    let context = AppContext {
        directory: crate::directory::Directory::in_memory("file", provider_name),
        provider,
        profile_name: "file".to_owned(),
        exports_dir: paths.exports_dir(),
        profiles: source as Arc<dyn ProfileSource>,
        write_terminal: crate::app::write_stdout,
        audit_cancel: Arc::default(),
        state_dir: Some(paths.state_dir.clone()),
    };
    crate::tui::run(context, options.mouse, move |size| {
        let mut state = State::new(badge, size);
        state.theme = theme;
        state.scroll_step = options.scroll;
        state.multiplexer = crate::clipboard::Multiplexer::detect();
        state.time_offset = crate::model::local_offset();
        state
    })
    .await
}

/// Opens the explorer on a profile (the default one when `None`) and runs it to the end.
pub async fn run(
    session: Session,
    profile: Option<&str>,
    options: ExplorerOptions,
) -> Result<(), String> {
    let colors = Colors::of_this_terminal();
    let name = profile.map(str::to_owned).or_else(|| session.default_profile_name()).ok_or_else(|| {
        let names: Vec<String> = session.profiles().into_iter().map(|listing| listing.name).collect();
        format!("name a profile with --profile (or set default_profile in the config); profiles: {}", names.join(", "))
    })?;
    let exports_dir = session.paths.exports_dir();
    let state_dir = session.paths.state_dir.clone();
    let keymap = keymap_of(&session)?;
    let audit_settings = session
        .config
        .as_ref()
        .map(|config| config.audit.clone())
        .unwrap_or_default();
    let profiles = Arc::new(SessionProfiles::new(session, options.theme.clone(), colors));
    let opened = profiles.open(&name).await?;
    if let Some(note) = &opened.directory.note {
        // Before the screen is taken: seen on stderr when the explorer ends.
        let _ = writeln!(std::io::stderr(), "userscope: {note}");
    }
    let context = AppContext {
        provider: Arc::clone(&opened.provider),
        directory: opened.directory.clone(),
        profile_name: opened.view.badge.name.clone(),
        exports_dir,
        profiles: Arc::clone(&profiles) as Arc<dyn ProfileSource>,
        write_terminal: crate::app::write_stdout,
        audit_cancel: Arc::default(),
        state_dir: Some(state_dir),
    };
    let names = profiles.names();
    crate::tui::run(context, options.mouse, move |size| {
        let mut state = State::new(opened.view.badge, size);
        state.theme = opened.view.theme;
        state.scroll_step = options.scroll;
        state.profile_names = names;
        state.keymap = Arc::new(keymap);
        state.audit_settings = Arc::new(audit_settings);
        state.multiplexer = crate::clipboard::Multiplexer::detect();
        state.time_offset = crate::model::local_offset();
        state
    })
    .await
}

/// The config's key overrides, checked before the terminal is taken over.
fn keymap_of(session: &Session) -> Result<crate::keymap::Keymap, String> {
    let keys = session
        .config
        .as_ref()
        .map(|config| config.keys.clone())
        .unwrap_or_default();
    crate::keymap::Keymap::from_config(&keys)
        .map_err(|err| format!("{}: {err}", session.paths.config_file.display()))
}
