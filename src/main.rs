//! The `userscope` binary: parse the command line and hand off.

use std::process::ExitCode;

use clap::Parser;

/// mimalloc rather than glibc's malloc: parsing and mapping a record allocates a `String` and an
/// `IndexMap` per key, on several threads, and glibc's arenas spent a third of a fetch's CPU on it
/// (see `benches/fetch.rs`, which uses the same allocator).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    userscope::commands::run(userscope::cli::Cli::parse())
}
