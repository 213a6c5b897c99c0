//! The private HOME and XDG directories one run gets, and the file the run left in one.

use std::path::{Path, PathBuf};
/// The private directories one run gets: HOME and the XDG homes, all under one temp dir.
pub struct Homes {
    root: tempfile::TempDir,
}

impl Homes {
    /// A fresh set, the directories made.
    pub fn new() -> Self {
        let homes = Self {
            root: tempfile::tempdir().expect("a temp dir"),
        };
        for dir in [homes.home(), homes.config(), homes.data(), homes.state()] {
            std::fs::create_dir_all(&dir).expect("a private home");
        }
        homes
    }

    /// The directory holding all of them.
    pub fn root(&self) -> &Path {
        self.root.path()
    }

    /// Sets HOME and the XDG homes of a command to these.
    pub fn apply(&self, command: &mut std::process::Command) {
        command
            .env("HOME", self.home())
            .env("XDG_CONFIG_HOME", self.config())
            .env("XDG_DATA_HOME", self.data())
            .env("XDG_STATE_HOME", self.state());
    }

    pub fn home(&self) -> PathBuf {
        self.root.path().join("home")
    }

    pub fn config(&self) -> PathBuf {
        self.root.path().join("config")
    }

    pub fn data(&self) -> PathBuf {
        self.root.path().join("data")
    }

    pub fn state(&self) -> PathBuf {
        self.root.path().join("state")
    }

    /// Where the explorer writes exports (`<XDG_DATA_HOME>/userscope/exports`).
    pub fn exports(&self) -> PathBuf {
        self.data().join("userscope").join("exports")
    }
}

/// The one file in a directory, once there is one.
pub fn only_file(dir: &Path) -> Option<PathBuf> {
    let entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .ok()?
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| {
            !path
                .file_name()
                .is_some_and(|name| name.to_string_lossy().starts_with('.'))
        })
        .collect();
    match entries.as_slice() {
        [path] => Some(path.clone()),
        _ => None,
    }
}
