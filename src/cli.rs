//! The command line: the explorer by default, and scripting commands on the same config and
//! providers.

use std::net::SocketAddr;
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

mod common_args;

pub use common_args::{
    ConfigArgs, DEFAULT_SANDBOX_SEED, DEFAULT_SANDBOX_USERS, InProcessSandboxArgs, Inherited,
    LookArgs, ProfileArgs, ProfileCommandArgs,
};

/// Find, read, audit and export user accounts held in `SaaS` admin APIs.
///
/// Without a subcommand, the explorer; its options here also reach a subcommand named after them.
#[derive(Debug, Parser)]
#[command(name = "userscope", version, about, long_about = None)]
pub struct Cli {
    #[command(flatten)]
    pub config: ConfigArgs,

    #[command(flatten)]
    pub profile: ProfileArgs,

    #[command(flatten)]
    pub look: LookArgs,

    #[command(flatten)]
    pub sandbox: InProcessSandboxArgs,

    /// What to do; the explorer when omitted.
    #[command(subcommand)]
    pub command: Option<Command>,
}

impl Cli {
    /// The shared options in force for the command: its own, else those given before it.
    pub fn inherited(&self) -> Inherited {
        let mut inherited = Inherited {
            config: self.config.config.clone(),
            profile: self.profile.profile.clone(),
            look: self.look.clone(),
            sandbox: self.sandbox.clone(),
        };
        match &self.command {
            Some(Command::List(args)) => inherited.profile_command(&args.common),
            Some(Command::Get(args)) => inherited.profile_command(&args.common),
            Some(Command::Audit(args)) => inherited.profile_command(&args.common),
            Some(Command::Sync(args)) => inherited.profile_command(&args.common),
            Some(Command::Who(args)) => inherited.profile_command(&args.common),
            Some(Command::Open(args)) => {
                inherited.config(&args.config);
                inherited.look(&args.look);
            }
            Some(Command::Info(args)) => inherited.config(args),
            Some(Command::Cache(args)) => match &args.action {
                CacheCommand::Info(config) => inherited.config(config),
                CacheCommand::Clear(clear) => {
                    inherited.config(&clear.config);
                    inherited.profile(&clear.profile);
                }
            },
            Some(Command::Sandbox(_) | Command::Completions(_) | Command::Man) | None => {}
        }
        inherited
    }
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// List users of a profile.
    List(ListArgs),
    /// Get one user's record.
    Get(GetArgs),
    /// Open an exported record (JSON) or set (NDJSON) in the explorer, offline.
    Open(OpenArgs),
    /// Scan every user of a profile with the audit rules and write a report of the findings.
    Audit(AuditArgs),
    /// Serve the sandbox APIs on a loopback port.
    Sandbox(SandboxArgs),
    /// Show the config, data, state and theme paths and the profiles (never a secret).
    Info(ConfigArgs),
    /// Sync a profile's whole directory of users into the local store.
    Sync(SyncArgs),
    /// Find one person's accounts in every profile (by e-mail, or possible ones by name).
    Who(WhoArgs),
    /// The local directory store: what it holds (`info`), or forget it (`clear`).
    Cache(CacheArgs),
    /// Print a completion script for a shell (see the README for where to put it).
    Completions(CompletionsArgs),
    /// Print the man page (roff) on stdout, e.g. `userscope man > ~/.local/share/man/man1/userscope.1`.
    Man,
}

/// `userscope sync`.
#[derive(Debug, Args)]
pub struct SyncArgs {
    #[command(flatten)]
    pub common: ProfileCommandArgs,
}

/// `userscope who`.
#[derive(Debug, Args)]
pub struct WhoArgs {
    /// An e-mail address (matched exactly, in any case) or a name (possible matches only).
    pub query: String,
    /// A JSON array of accounts instead of a table.
    #[arg(long)]
    pub json: bool,
    /// Exit 1 when any account found is active (an offboarding check).
    #[arg(long)]
    pub fail_if_active: bool,
    /// Search only this profile (`-p`); every profile when omitted.
    #[command(flatten)]
    pub common: ProfileCommandArgs,
}

/// `userscope cache`.
#[derive(Debug, Args)]
pub struct CacheArgs {
    /// What to do with the store.
    #[command(subcommand)]
    pub action: CacheCommand,
}

/// What `userscope cache` does, with the options each takes.
#[derive(Debug, Subcommand)]
pub enum CacheCommand {
    /// The store's file, size, and each profile's users and age.
    Info(ConfigArgs),
    /// Forget the stored users of every profile, or of the one `-p` names.
    Clear(CacheClearArgs),
}

/// `userscope cache clear`.
#[derive(Debug, Args)]
pub struct CacheClearArgs {
    #[command(flatten)]
    pub config: ConfigArgs,
    #[command(flatten)]
    pub profile: ProfileArgs,
}

impl CacheCommand {
    /// What the command does, without its options (they reach it through [`Inherited`]).
    pub fn action(&self) -> CacheAction {
        match self {
            Self::Info(_) => CacheAction::Info,
            Self::Clear(_) => CacheAction::Clear,
        }
    }
}

/// What `userscope cache` does.
#[derive(Debug, Clone, Copy)]
pub enum CacheAction {
    /// The store's file, size, and each profile's users and age.
    Info,
    /// Forget the stored users of every profile, or of the one `-p` names.
    Clear,
}

/// `userscope completions`.
#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to complete in.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

/// `userscope list`.
#[derive(Debug, Args)]
pub struct ListArgs {
    /// Only users matching this text (asks the server where the API can search).
    #[arg(long, short = 'q')]
    pub query: Option<String>,
    /// At most this many users.
    #[arg(long, short = 'n', default_value_t = 100)]
    pub limit: usize,
    /// Every user: the whole directory, synced now (or as stored, with `--cached`).
    #[arg(long, conflicts_with_all = ["limit", "query"])]
    pub all: bool,
    /// With `--all`: the stored directory as it is, without asking the server.
    #[arg(long, requires = "all")]
    pub cached: bool,
    /// A JSON array of summaries instead of a table.
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub common: ProfileCommandArgs,
}

/// `userscope get`.
#[derive(Debug, Args)]
pub struct GetArgs {
    /// The user's id (as `list` shows it; Zoo also takes an e-mail).
    pub id: String,
    /// Write the exact bytes the server sent.
    #[arg(long, conflicts_with = "json")]
    pub raw: bool,
    /// Write the parsed record as pretty JSON.
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub common: ProfileCommandArgs,
}

/// `userscope open`.
#[derive(Debug, Args)]
pub struct OpenArgs {
    /// The file an export wrote (`.json`: one record; `.ndjson`: one per line).
    pub file: PathBuf,
    /// The provider the records came from, when it cannot be told from them.
    #[arg(long)]
    pub provider: Option<String>,
    #[command(flatten)]
    pub config: ConfigArgs,
    #[command(flatten)]
    pub look: LookArgs,
}

/// When `userscope audit` exits 1 because of findings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FailOn {
    /// Never (the default when neither `--fail-on` nor the config's `fail_on` is set).
    Never,
    /// When a finding is at or above this severity.
    At(crate::audit::Severity),
}

fn parse_fail_on(text: &str) -> Result<FailOn, String> {
    if matches!(text.trim().to_ascii_lowercase().as_str(), "never" | "none") {
        return Ok(FailOn::Never);
    }
    text.parse().map(FailOn::At)
}

/// `userscope audit`.
#[derive(Debug, Args)]
pub struct AuditArgs {
    /// Report format.
    #[arg(long, short = 'f', value_enum, default_value_t = crate::audit::report::Format::Json)]
    pub format: crate::audit::report::Format,
    /// Write the report to this file (never overwritten) instead of stdout.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Run only these rules (comma-separated ids; `--list-rules` shows them). Overrides the
    /// config's `disabled_rules`.
    #[arg(long, value_delimiter = ',', value_name = "ID,...")]
    pub rules: Option<Vec<String>>,
    /// Exit 1 when a finding is at or above this severity (info, low, medium, high, critical;
    /// `never` overrides the config's `fail_on`).
    #[arg(long, value_name = "SEVERITY", value_parser = parse_fail_on)]
    pub fail_on: Option<FailOn>,
    /// Records fetched at once (default: the profile's `max_concurrency`, else 8).
    #[arg(long, value_name = "N")]
    pub concurrency: Option<usize>,
    /// List the rules (id, provider, severity, title) and exit.
    #[arg(long)]
    pub list_rules: bool,
    /// Scan every profile into one report whose rows add `person` (the normalised e-mail);
    /// Markdown ends with the people who hold accounts in two or more providers.
    #[arg(long, conflicts_with = "profile")]
    pub all_profiles: bool,
    #[command(flatten)]
    pub common: ProfileCommandArgs,
}

/// `userscope sandbox`.
#[derive(Debug, Args)]
pub struct SandboxArgs {
    /// Address to listen on (loopback; port 0 picks a free one).
    #[arg(long, default_value = "127.0.0.1:8787")]
    pub addr: SocketAddr,
    /// Users per provider.
    #[arg(long)]
    pub users: Option<u64>,
    /// Seed of the generated data.
    #[arg(long)]
    pub seed: Option<u64>,
    /// A fault for every request, e.g. `status=503`, `latency=200`, `rate=50` (repeatable).
    #[arg(long, value_name = "SPEC")]
    pub fault: Vec<String>,
}
