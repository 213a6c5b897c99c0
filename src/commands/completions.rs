//! `userscope completions SHELL` and `userscope man`: a completion script and a roff man page, both
//! generated from the clap definition so they never fall behind the flags.

use std::io::Write as _;

use clap::CommandFactory as _;

use super::CommandError;
use crate::cli::{Cli, CompletionsArgs};

/// The program name the scripts complete and the page documents.
const PROGRAM: &str = "userscope";

/// Prints the completion script for the shell.
pub fn completions(args: &CompletionsArgs) -> Result<(), CommandError> {
    write_out(&completion_script(args.shell))
}

/// Prints the man page.
pub fn man() -> Result<(), CommandError> {
    write_out(&man_page()?)
}

/// The completion script for a shell. Generated into memory first: `clap_complete` panics when a
/// write fails, and stdout may be a closed pipe.
pub fn completion_script(shell: clap_complete::Shell) -> Vec<u8> {
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), PROGRAM, &mut script);
    script
}

/// The man page in roff.
pub fn man_page() -> Result<Vec<u8>, CommandError> {
    let mut page = Vec::new();
    clap_mangen::Man::new(Cli::command().name(PROGRAM)).render(&mut page)?;
    Ok(page)
}

fn write_out(bytes: &[u8]) -> Result<(), CommandError> {
    let mut stdout = std::io::stdout().lock();
    stdout.write_all(bytes)?;
    stdout.flush()?;
    Ok(())
}
