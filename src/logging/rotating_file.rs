//! The log file as a writer that sets itself aside at a size: one older file is kept.

use std::fs::{File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};

/// An append-only private file that, when a write would take it past its cap, is renamed to
/// its `.1` (replacing the older one) and begun anew.
#[derive(Debug)]
pub struct RotatingFile {
    path: PathBuf,
    old_path: PathBuf,
    file: File,
    /// Bytes in the current file.
    written: u64,
    max_bytes: u64,
}

impl RotatingFile {
    /// Opens (or creates) a state dir's log file, creating the dir 0700 and the file 0600; a
    /// file left 0644 by an older userscope is made 0600. A file already past the cap is set
    /// aside first.
    pub fn open(state_dir: &Path, max_bytes: u64) -> std::io::Result<Self> {
        create_private_dir(state_dir)?;
        let path = super::log_file(state_dir);
        let old_path = super::old_log_file(state_dir);
        let file = open_private(&path)?;
        let written = file.metadata()?.len();
        let mut log = Self {
            path,
            old_path,
            file,
            written,
            max_bytes,
        };
        if log.written >= max_bytes {
            log.rotate()?;
        }
        Ok(log)
    }

    /// The current file becomes the old one, and a new one begins.
    fn rotate(&mut self) -> std::io::Result<()> {
        std::fs::rename(&self.path, &self.old_path)?;
        self.file = open_private(&self.path)?;
        self.written = 0;
        Ok(())
    }
}

impl Write for RotatingFile {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        // A line is never split across files: the file is set aside before the line that
        // would take it past the cap. A failed rotation keeps writing where it was.
        if self.written > 0 && self.written + bytes.len() as u64 > self.max_bytes {
            let _ = self.rotate();
        }
        let count = self.file.write(bytes)?;
        self.written += count as u64;
        Ok(count)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.file.flush()
    }
}

fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder.create(dir)
}

fn open_private(path: &Path) -> std::io::Result<File> {
    let mut options = OpenOptions::new();
    options.create(true).append(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let file = options.open(path)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // `mode` applies only to a file it creates.
        file.set_permissions(std::fs::Permissions::from_mode(0o600))?;
    }
    Ok(file)
}

#[cfg(test)]
mod tests;
