//! The scripting commands (`list`, `get`, `audit`, `sync`, `who`, `cache`, `info`, `sandbox`) and how their failures reach the
//! shell: one clear line on stderr and a non-zero exit code, never a backtrace.

mod audit;
mod audit_all;
mod cache;
mod completions;
mod get;
mod info;
mod list;
pub mod open;
mod report_out;
mod sandbox;
pub mod stderr;
mod sync;
mod table;
mod who;

use std::process::ExitCode;

use crate::cli::{Cli, Command, DEFAULT_SANDBOX_SEED, DEFAULT_SANDBOX_USERS, LookArgs};
use crate::config::{ConfigError, Paths};
use crate::provider::ProviderError;
use crate::sandbox::SandboxConfig;
use crate::session::Session;

/// A failed command: what to print and how to exit.
#[derive(Debug)]
pub struct CommandError {
    /// The one line for stderr.
    pub message: String,
    /// The exit code.
    pub code: u8,
}

/// Exit code for a failure talking to a provider (network, auth, not found...).
pub const EXIT_REMOTE: u8 = 1;
/// Exit code for a bad config, profile or argument.
pub const EXIT_CONFIG: u8 = 2;
/// Exit code of `audit` when a finding is at or above `--fail-on` (the same as a remote failure,
/// so a pipeline gate fails on either).
pub const EXIT_FINDINGS: u8 = 1;
/// Exit code for a local I/O failure (disk full, a file that cannot be written).
pub const EXIT_IO: u8 = 3;

impl From<ProviderError> for CommandError {
    fn from(error: ProviderError) -> Self {
        use crate::http::HttpError;
        // A profile that cannot work as written is a config problem, not a remote one.
        let code = match &error {
            ProviderError::Config(_)
            | ProviderError::Http(HttpError::InsecureUrl { .. } | HttpError::InvalidUrl { .. }) => {
                EXIT_CONFIG
            }
            _ => EXIT_REMOTE,
        };
        Self {
            message: error.one_line(),
            code,
        }
    }
}

impl From<ConfigError> for CommandError {
    fn from(error: ConfigError) -> Self {
        Self {
            message: crate::sanitize::one_line(&error.to_string()),
            code: EXIT_CONFIG,
        }
    }
}

impl CommandError {
    /// Stdout was closed by its reader (`| head -1`): the reader has all it wanted, so the command
    /// ends at once, quietly and successfully, as ripgrep and fd do.
    pub fn output_closed() -> Self {
        Self {
            message: String::new(),
            code: 0,
        }
    }

    /// Whether this ends the command without a word and with exit 0 (see [`Self::output_closed`]).
    pub fn is_quiet(&self) -> bool {
        self.code == 0
    }
}

/// A failed write to stdout (the only writes that reach `?` as an `io::Error`).
impl From<std::io::Error> for CommandError {
    fn from(error: std::io::Error) -> Self {
        if error.kind() == std::io::ErrorKind::BrokenPipe {
            return Self::output_closed();
        }
        Self {
            message: format!("cannot write output: {error}"),
            code: EXIT_IO,
        }
    }
}

/// Runs the command line and returns the process's exit code.
pub fn run(cli: Cli) -> ExitCode {
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(err) => {
            return fail(&CommandError {
                message: format!("cannot start the async runtime: {err}"),
                code: EXIT_IO,
            });
        }
    };
    let outcome = runtime.block_on(dispatch(cli));
    // Dropping a runtime waits for its blocking tasks however long they take (a filter over a
    // million users, the mapping of a 31 MB record); on quit the terminal is already restored
    // and no one waits for their answers. An export still being written (serialized, written,
    // synced, renamed) must finish, though: five seconds is far more than a 31 MB one takes
    // on a slow disk, and bounds a quit that would otherwise wait on everything.
    runtime.shutdown_timeout(std::time::Duration::from_secs(5));
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => fail(&error),
    }
}

fn fail(error: &CommandError) -> ExitCode {
    if error.is_quiet() {
        return ExitCode::SUCCESS;
    }
    stderr::line(&error.message);
    ExitCode::from(error.code)
}

async fn dispatch(cli: Cli) -> Result<(), CommandError> {
    let inherited = cli.inherited();
    let faults = match &inherited.sandbox.sandbox_fault {
        Some(spec) => spec.parse().map_err(|err| CommandError {
            message: format!("bad --sandbox-fault: {err}"),
            code: EXIT_CONFIG,
        })?,
        None => crate::sandbox::FaultPlan::default(),
    };
    let sandbox_config = SandboxConfig {
        users: inherited
            .sandbox
            .sandbox_users
            .unwrap_or(DEFAULT_SANDBOX_USERS),
        seed: inherited
            .sandbox
            .sandbox_seed
            .unwrap_or(DEFAULT_SANDBOX_SEED),
        faults,
        ..SandboxConfig::default()
    };
    match &cli.command {
        Some(Command::Sandbox(args)) => return sandbox::run(args, sandbox_config).await,
        // Neither needs a config, a state folder or a log.
        Some(Command::Completions(args)) => return completions::completions(args),
        Some(Command::Man) => return completions::man(),
        _ => {}
    }
    let paths = Paths::discover(inherited.config.as_deref())?;
    crate::logging::init(&paths.state_dir);
    let mut session = Session::new(paths, sandbox_config)?;
    let profile = inherited.profile.as_deref();
    // Boxed: the explorer's future is large, and it is moved into the scope below.
    let command = Box::pin(async {
        match &cli.command {
            Some(Command::List(args)) => list::run(&mut session, profile, args).await,
            Some(Command::Get(args)) => get::run(&mut session, profile, args).await,
            Some(Command::Audit(args)) => audit::run(&mut session, profile, args).await,
            Some(Command::Info(_)) => info::run(&session),
            Some(Command::Sync(_)) => sync::run(&mut session, profile).await,
            Some(Command::Who(args)) => who::run(&mut session, profile, args).await,
            Some(Command::Cache(args)) => cache::run(&mut session, profile, args.action.action()),
            Some(Command::Open(args)) => {
                let options = explorer_options(&inherited.look, &session);
                open::run(&session.paths, args, options).await
            }
            Some(Command::Sandbox(_) | Command::Completions(_) | Command::Man) => Ok(()),
            None => {
                let options = explorer_options(&inherited.look, &session);
                explore(session, profile, options).await
            }
        }
    });
    if matches!(cli.command, None | Some(Command::Open(_))) {
        // The explorer says a server's waits in its status bar, never on the screen it draws.
        command.await
    } else {
        crate::http::waits::reporting_waits(stderr::say_waits(None), command).await
    }
}

/// The scan's options for a profile (`audit` and `audit --all-profiles`): `--concurrency`, else
/// the profile's `max_concurrency`, else 8.
fn scan_options(
    args: &crate::cli::AuditArgs,
    profile: &crate::config::Profile,
) -> crate::audit::scan::ScanOptions {
    crate::audit::scan::ScanOptions {
        max_concurrency: args
            .concurrency
            .or(profile.config.max_concurrency)
            .unwrap_or(8)
            .max(1),
        ..crate::audit::scan::ScanOptions::default()
    }
}

/// The explorer's look and feel from the command line and the config file.
fn explorer_options(look: &LookArgs, session: &Session) -> crate::explorer::ExplorerOptions {
    crate::explorer::ExplorerOptions {
        theme: look.theme.clone(),
        mouse: !look.no_mouse,
        scroll: session
            .config
            .as_ref()
            .map(|config| config.scroll)
            .unwrap_or_default(),
    }
}

/// The explorer on a profile (the sandbox when there is no config).
async fn explore(
    session: Session,
    profile: Option<&str>,
    options: crate::explorer::ExplorerOptions,
) -> Result<(), CommandError> {
    crate::explorer::run(session, profile, options)
        .await
        .map_err(|message| CommandError {
            message,
            code: EXIT_CONFIG,
        })
}
