//! Runs the built `userscope` binary in a pseudo-terminal and reads what it draws.
//!
//! A reader thread feeds every byte the app writes into a `vt100::Parser` (the screen) and into
//! a raw log (the exact stream, for escape-sequence assertions). Tests wait on the screen with a
//! deadline loop woken by each read, never with a fixed sleep; the deadline only bounds a hang.
//!
//! Several test binaries include this module and each uses part of it.
//!
//! The pieces: the screen model and how rows are read off it (`screen`), the private homes
//! (`homes`), processes and signals (`process`); the PTY and its reader thread are here.
#![allow(dead_code)]

mod homes;
mod process;
mod screen;

// Each binary uses part of these, so a re-export may be unused in one.
#[allow(unused_imports)]
pub use homes::{Homes, only_file};
#[allow(unused_imports)]
pub use process::{app, signal};
#[allow(unused_imports)]
pub use screen::{MARK_ON_SCREEN, Requests, list_rows, panes, replay, screen_rows, tree_path};

use process::child_of;
use screen::feed_screen;

use std::ffi::{OsStr, OsString};
use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::path::PathBuf;
use std::sync::{Arc, Condvar, Mutex, MutexGuard, PoisonError};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, ExitStatus, MasterPty, PtySize, native_pty_system};

/// How long any one wait may take before the test fails: CI has 2 cores and runs tests in
/// parallel, so this is generous; a passing run takes a fraction of it.
pub const DEADLINE: Duration = Duration::from_secs(20);

/// What the reader thread shares with the test.
struct Output {
    parser: vt100::Parser<Requests>,
    /// The tail of a read that may be the start of a U+FFFD.
    held: Vec<u8>,
    raw: Vec<u8>,
    /// The PTY reported end of file or an error: the child and its terminal are gone.
    closed: bool,
}

struct Shared {
    output: Mutex<Output>,
    changed: Condvar,
}

impl Shared {
    fn lock(&self) -> MutexGuard<'_, Output> {
        self.output.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// The explorer running in a PTY.
pub struct Tui {
    shared: Arc<Shared>,
    master: Box<dyn MasterPty + Send>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
    reader: Option<JoinHandle<()>>,
    exit: Option<ExitStatus>,
    pub homes: Homes,
}

fn non_zero(value: u16) -> NonZeroU16 {
    NonZeroU16::new(value).expect("a terminal size above zero")
}

/// `program ARGS` as the tests run it: with no environment but PATH, `env`, these homes and
/// a 256-colour xterm's, in the home directory.
pub fn command(
    homes: &Homes,
    program: &OsStr,
    args: &[OsString],
    env: &[(&str, &OsStr)],
) -> CommandBuilder {
    let mut command = CommandBuilder::new(program);
    command.args(args);
    command.env_clear();
    if let Some(path) = std::env::var_os("PATH") {
        command.env("PATH", path);
    }
    for (key, value) in env {
        command.env(key, value);
    }
    command.env("HOME", homes.home());
    command.env("XDG_CONFIG_HOME", homes.config());
    command.env("XDG_DATA_HOME", homes.data());
    command.env("XDG_STATE_HOME", homes.state());
    command.env("TERM", "xterm-256color");
    command.env("LANG", "C.UTF-8");
    command.env("RUST_BACKTRACE", "1");
    command.cwd(homes.home());
    command
}

/// A terminal of `cols` x `rows`.
pub fn size(cols: u16, rows: u16) -> PtySize {
    PtySize {
        rows,
        cols,
        pixel_width: 0,
        pixel_height: 0,
    }
}

impl Tui {
    /// Starts `userscope ARGS` in a `cols`x`rows` PTY with private homes, `TERM=xterm-256color`
    /// and no `NO_COLOR`.
    pub fn spawn(args: &[&str], cols: u16, rows: u16) -> Self {
        let args: Vec<OsString> = args.iter().map(OsString::from).collect();
        Self::spawn_in(Homes::new(), app().as_ref(), &args, &[], cols, rows)
    }

    /// Starts `program ARGS` (the app, or a shell that runs it) in a `cols`x`rows` PTY with
    /// these homes (which may already hold a config file), the environment `spawn` gives plus
    /// `env`.
    pub fn spawn_in(
        homes: Homes,
        program: &OsStr,
        args: &[OsString],
        env: &[(&str, &OsStr)],
        cols: u16,
        rows: u16,
    ) -> Self {
        let pair = native_pty_system()
            .openpty(size(cols, rows))
            .expect("a pseudo-terminal");
        let command = command(&homes, program, args, env);
        let child = pair.slave.spawn_command(command).expect("userscope starts");
        // Only the child may hold the slave side, so the master reads EOF once it exits.
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().expect("a PTY reader");
        let writer = pair.master.take_writer().expect("a PTY writer");
        let shared = Arc::new(Shared {
            output: Mutex::new(Output {
                parser: vt100::Parser::new_with_callbacks(
                    non_zero(rows),
                    non_zero(cols),
                    0,
                    Requests::default(),
                ),
                held: Vec::new(),
                raw: Vec::new(),
                closed: false,
            }),
            changed: Condvar::new(),
        });
        let feed = Arc::clone(&shared);
        let reader = std::thread::spawn(move || {
            let mut buffer = [0_u8; 8192];
            loop {
                let read = reader.read(&mut buffer);
                let mut output = feed.lock();
                match read {
                    Ok(0) | Err(_) => {
                        output.closed = true;
                        drop(output);
                        feed.changed.notify_all();
                        return;
                    }
                    Ok(count) => {
                        let output = &mut *output;
                        feed_screen(&mut output.parser, &mut output.held, &buffer[..count]);
                        output.raw.extend_from_slice(&buffer[..count]);
                    }
                }
                drop(output);
                feed.changed.notify_all();
            }
        });
        Self {
            shared,
            master: pair.master,
            writer,
            child,
            reader: Some(reader),
            exit: None,
            homes,
        }
    }

    /// Waits until `ready` holds for the screen; panics with the screen after [`DEADLINE`].
    pub fn wait_for<T>(&self, what: &str, mut ready: impl FnMut(&vt100::Screen) -> Option<T>) -> T {
        let deadline = Instant::now() + DEADLINE;
        let mut output = self.shared.lock();
        loop {
            if let Some(value) = ready(output.parser.screen()) {
                return value;
            }
            let now = Instant::now();
            assert!(
                now < deadline && !output.closed,
                "waited for {what}, {}; the screen:\n{}",
                if output.closed {
                    "but the app exited"
                } else {
                    "in vain"
                },
                output.parser.screen().contents()
            );
            output = self
                .shared
                .changed
                .wait_timeout(output, deadline - now)
                .unwrap_or_else(PoisonError::into_inner)
                .0;
        }
    }

    /// Waits until the screen shows `text` somewhere.
    pub fn wait_for_text(&self, text: &str) {
        self.wait_for(&format!("{text:?} on the screen"), |screen| {
            screen.contents().contains(text).then_some(())
        });
    }

    /// Everything the app wrote so far, byte for byte.
    pub fn raw(&self) -> Vec<u8> {
        self.shared.lock().raw.clone()
    }

    /// Types bytes as the keyboard would.
    pub fn send(&mut self, bytes: &str) {
        self.writer
            .write_all(bytes.as_bytes())
            .and_then(|()| self.writer.flush())
            .expect("the PTY takes input");
    }

    /// Resizes the terminal (the kernel sends the app SIGWINCH) and the screen model with it.
    pub fn resize(&self, cols: u16, rows: u16) {
        let mut output = self.shared.lock();
        output.parser.set_size(non_zero(rows), non_zero(cols));
        self.master
            .resize(size(cols, rows))
            .expect("the PTY resizes");
    }

    /// The pid of the process started in the PTY.
    pub fn pid(&self) -> u32 {
        self.child.process_id().expect("the child's pid")
    }

    /// The pid of the one child of the process started in the PTY (the app, when a shell runs
    /// it), once it has one; from `/proc`, so Linux only.
    pub fn wait_for_grandchild(&self) -> u32 {
        let parent = self.pid();
        self.wait_for("the shell to start the app", |_| child_of(parent))
    }

    /// The screen's text now.
    pub fn screen_text(&self) -> String {
        self.shared.lock().parser.screen().contents()
    }

    /// Whether the screen model has mouse reporting on.
    pub fn mouse_reporting(&self) -> bool {
        self.shared.lock().parser.screen().mouse_protocol_mode() != vt100::MouseProtocolMode::None
    }

    /// The terminal device's path, for `stty -F`.
    pub fn tty_name(&self) -> PathBuf {
        self.master.tty_name().expect("the PTY's device name")
    }
}

impl Tui {
    /// Whether the app is still running.
    pub fn alive(&mut self) -> bool {
        self.exit.is_none() && self.child.try_wait().expect("the child's status").is_none()
    }

    /// Waits for the app to exit and for its last output to be read; panics after [`DEADLINE`].
    pub fn wait_exit(&mut self) -> ExitStatus {
        let deadline = Instant::now() + DEADLINE;
        loop {
            if let Some(status) = self.child.try_wait().expect("the child's status") {
                self.exit = Some(status.clone());
                break;
            }
            let output = self.shared.lock();
            let now = Instant::now();
            assert!(
                now < deadline,
                "the app did not exit; the screen:\n{}",
                output.parser.screen().contents()
            );
            // Woken by output or the PTY closing; the short timeout only re-checks the child,
            // whose exit does not wake the condvar by itself.
            drop(
                self.shared
                    .changed
                    .wait_timeout(output, Duration::from_millis(50))
                    .unwrap_or_else(PoisonError::into_inner),
            );
        }
        // The child is gone, so the PTY reaches EOF; wait for the reader to drain it.
        let mut output = self.shared.lock();
        while !output.closed {
            let now = Instant::now();
            assert!(now < deadline, "the PTY never closed after the app exited");
            output = self
                .shared
                .changed
                .wait_timeout(output, deadline - now)
                .unwrap_or_else(PoisonError::into_inner)
                .0;
        }
        drop(output);
        if let Some(reader) = self.reader.take() {
            let _ = reader.join();
        }
        self.exit.clone().expect("an exit status")
    }

    /// (OSC 52 clipboard writes, OSC title changes) the terminal has been asked for so far.
    pub fn requests(&self) -> (usize, usize) {
        let output = self.shared.lock();
        let requests = output.parser.callbacks();
        (requests.clipboard_writes, requests.title_changes)
    }

    /// Whether the screen model is on the alternate screen / hides the cursor right now.
    pub fn terminal_modes(&self) -> (bool, bool) {
        let output = self.shared.lock();
        let screen = output.parser.screen();
        (screen.alternate_screen(), screen.hide_cursor())
    }
}

impl Drop for Tui {
    fn drop(&mut self) {
        // A failed test must not leave the app running: SIGHUP (portable-pty's kill), then reap.
        if self.exit.is_none() && matches!(self.child.try_wait(), Ok(None)) {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}
