//! The options several commands share, each group flattened only into the commands it does
//! something for, so every `--help` lists what applies there and nothing else. The top level
//! (the explorer) takes them all; given there, before a subcommand, they still reach it, as
//! they always have (`userscope --sandbox-users 500 list -p P`): [`Inherited`] merges the two.

use std::path::PathBuf;

use clap::Args;

/// Users per provider of the in-process sandbox when no `--sandbox-users` is given.
pub const DEFAULT_SANDBOX_USERS: u64 = 200;
/// Seed of the in-process sandbox when no `--sandbox-seed` is given.
pub const DEFAULT_SANDBOX_SEED: u64 = 42;

/// `--config`, for the commands that read the config file.
#[derive(Debug, Clone, Default, Args)]
pub struct ConfigArgs {
    /// The config file to use instead of the default one (`userscope info` shows where that is).
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
}

/// `--profile`, for the commands that talk to a profile's API.
#[derive(Debug, Clone, Default, Args)]
pub struct ProfileArgs {
    /// The profile to use (built in: sandbox-zoo, sandbox-zooza, sandbox-quip, sandbox-scanova).
    #[arg(long, short = 'p', value_name = "NAME")]
    pub profile: Option<String>,
}

/// The explorer's look and feel, for the explorer and `open`.
#[derive(Debug, Clone, Default, Args)]
pub struct LookArgs {
    /// The explorer's theme: dark, light, high-contrast, ansi16, or a file name in the themes dir.
    #[arg(long, value_name = "NAME")]
    pub theme: Option<String>,

    /// Do not capture the mouse (leave selection and scrolling to the terminal).
    #[arg(long)]
    pub no_mouse: bool,
}

/// The in-process sandbox the built-in `sandbox-*` profiles talk to, for the commands that can
/// reach one. (`userscope sandbox` serves it on a port instead, with its own `--users`, `--seed`
/// and `--fault`.)
#[derive(Debug, Clone, Default, Args)]
pub struct InProcessSandboxArgs {
    /// Users per provider in the in-process sandbox (default 200).
    #[arg(long, value_name = "N")]
    pub sandbox_users: Option<u64>,

    /// Seed of the in-process sandbox's generated data (default 42).
    #[arg(long, value_name = "S")]
    pub sandbox_seed: Option<u64>,

    /// A fault for the in-process sandbox to inject into every answer (same syntax as
    /// `userscope sandbox --fault`, e.g. `status=503`, `malformed`, `gzip-bomb`), to see how
    /// userscope behaves when a server misbehaves.
    #[arg(long, value_name = "SPEC")]
    pub sandbox_fault: Option<String>,
}

/// What a command on a profile takes besides its own options.
#[derive(Debug, Clone, Default, Args)]
pub struct ProfileCommandArgs {
    // (Flattened groups: clap takes their help from the groups' own fields.)
    #[command(flatten)]
    pub config: ConfigArgs,
    #[command(flatten)]
    pub profile: ProfileArgs,
    #[command(flatten)]
    pub sandbox: InProcessSandboxArgs,
}

/// The shared options in force for a command: its own, else those given before it.
#[derive(Debug, Clone, Default)]
pub struct Inherited {
    /// `--config`.
    pub config: Option<PathBuf>,
    /// `--profile`.
    pub profile: Option<String>,
    /// `--theme` and `--no-mouse`.
    pub look: LookArgs,
    /// `--sandbox-users`, `--sandbox-seed`, `--sandbox-fault`.
    pub sandbox: InProcessSandboxArgs,
}

impl Inherited {
    /// Takes a command's own `--config` over the one given before it.
    pub fn config(&mut self, own: &ConfigArgs) {
        if own.config.is_some() {
            self.config.clone_from(&own.config);
        }
    }

    /// Takes a command's own `--profile` over the one given before it.
    pub fn profile(&mut self, own: &ProfileArgs) {
        if own.profile.is_some() {
            self.profile.clone_from(&own.profile);
        }
    }

    /// Takes a command's own look over the one given before it.
    pub fn look(&mut self, own: &LookArgs) {
        if own.theme.is_some() {
            self.look.theme.clone_from(&own.theme);
        }
        self.look.no_mouse |= own.no_mouse;
    }

    /// Takes a command's own sandbox options over those given before it.
    pub fn sandbox(&mut self, own: &InProcessSandboxArgs) {
        let sandbox = &mut self.sandbox;
        sandbox.sandbox_users = own.sandbox_users.or(sandbox.sandbox_users);
        sandbox.sandbox_seed = own.sandbox_seed.or(sandbox.sandbox_seed);
        if own.sandbox_fault.is_some() {
            sandbox.sandbox_fault.clone_from(&own.sandbox_fault);
        }
    }

    /// All three groups of a command on a profile.
    pub fn profile_command(&mut self, own: &ProfileCommandArgs) {
        self.config(&own.config);
        self.profile(&own.profile);
        self.sandbox(&own.sandbox);
    }
}
