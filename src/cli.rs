//! The command line: the explorer by default, and scripting commands on the same config and
//! providers.

use std::net::SocketAddr;
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

/// Find, read, audit and export user accounts held in `SaaS` admin APIs.
#[derive(Debug, Parser)]
#[command(name = "userscope", version, about, long_about = None)]
pub struct Cli {
    /// The config file to use instead of the default one (`userscope info` shows where that is).
    #[arg(long, global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,

    /// The profile to use (built in: sandbox-zoo, sandbox-zooza, sandbox-quip, sandbox-scanova).
    #[arg(long, short = 'p', global = true, value_name = "NAME")]
    pub profile: Option<String>,

    /// The explorer's theme: dark, light, high-contrast, ansi16, or a file name in the themes dir.
    #[arg(long, global = true, value_name = "NAME")]
    pub theme: Option<String>,

    /// Do not capture the mouse (leave selection and scrolling to the terminal).
    #[arg(long, global = true)]
    pub no_mouse: bool,

    /// Users per provider in the in-process sandbox.
    #[arg(long, global = true, value_name = "N", default_value_t = 200)]
    pub sandbox_users: u64,

    /// Seed of the in-process sandbox's generated data.
    #[arg(long, global = true, value_name = "S", default_value_t = 42)]
    pub sandbox_seed: u64,

    /// What to do; the explorer when omitted.
    #[command(subcommand)]
    pub command: Option<Command>,
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
    /// Serve the sandbox APIs on a loopback port.
    Sandbox(SandboxArgs),
    /// Show the config, data, state and theme paths and the profiles (never a secret).
    Info,
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
    /// A JSON array of summaries instead of a table.
    #[arg(long)]
    pub json: bool,
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
}

/// `userscope open`.
#[derive(Debug, Args)]
pub struct OpenArgs {
    /// The file an export wrote (`.json`: one record; `.ndjson`: one per line).
    pub file: PathBuf,
    /// The provider the records came from, when it cannot be told from them.
    #[arg(long)]
    pub provider: Option<String>,
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
