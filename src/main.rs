//! The `userscope` binary: parse the command line and hand off.

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    userscope::commands::run(userscope::cli::Cli::parse())
}
