//! `userscope sandbox`: serve the sandbox APIs until interrupted.

use std::io::Write;

use super::{CommandError, EXIT_CONFIG, EXIT_IO};
use crate::cli::SandboxArgs;
use crate::sandbox::{FaultPlan, Sandbox, SandboxConfig};

pub async fn run(args: &SandboxArgs, mut config: SandboxConfig) -> Result<(), CommandError> {
    if let Some(users) = args.users {
        config.users = users;
    }
    if let Some(seed) = args.seed {
        config.seed = seed;
    }
    if !args.fault.is_empty() {
        config.faults = args
            .fault
            .join(",")
            .parse::<FaultPlan>()
            .map_err(|err| CommandError {
                message: format!("bad --fault: {err}"),
                code: EXIT_CONFIG,
            })?;
    }
    let sandbox = Sandbox::start(args.addr, config)
        .await
        .map_err(|err| CommandError {
            message: format!("cannot listen on {}: {err}", args.addr),
            code: EXIT_IO,
        })?;
    {
        let mut stdout = std::io::stdout().lock();
        for line in sandbox.banner() {
            writeln!(stdout, "{line}")?;
        }
        stdout.flush()?;
    }
    wait_for_shutdown().await;
    Ok(())
}

/// Ctrl-C, SIGTERM or SIGHUP.
async fn wait_for_shutdown() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        let terminate = signal(SignalKind::terminate());
        let hangup = signal(SignalKind::hangup());
        if let (Ok(mut terminate), Ok(mut hangup)) = (terminate, hangup) {
            tokio::select! {
                _ = tokio::signal::ctrl_c() => {}
                _ = terminate.recv() => {}
                _ = hangup.recv() => {}
            }
            return;
        }
    }
    let _ = tokio::signal::ctrl_c().await;
}
