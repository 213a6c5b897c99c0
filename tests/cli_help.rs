//! Each command's `--help` lists the options that do something there and no others, and every
//! invocation that put the explorer's options before a subcommand still means what it did.

use std::collections::BTreeSet;
use std::path::Path;

use clap::Parser;
use clap::error::ErrorKind;
use userscope::cli::{Cli, Command};

/// The long options a command's `--help` lists (`--help` and `--version` left out).
fn listed_options(command: &[&str]) -> BTreeSet<String> {
    let mut args = vec!["userscope"];
    args.extend_from_slice(command);
    args.push("--help");
    let error = Cli::try_parse_from(&args).expect_err("--help ends the parse");
    assert_eq!(error.kind(), ErrorKind::DisplayHelp, "{command:?}");
    let help = error.to_string();
    let options = help
        .split_once("Options:")
        .unwrap_or_else(|| panic!("{command:?} lists no options:\n{help}"))
        .1;
    options
        .lines()
        .filter_map(|line| {
            // `  -p, --profile <NAME>  …` or `      --config <FILE>  …`; a wrapped description
            // line starts with a word of prose.
            let mut words = line.split_whitespace();
            match words.next()? {
                long if long.starts_with("--") => Some(long),
                short if short.starts_with('-') && short.ends_with(',') => words.next(),
                _ => None,
            }
        })
        .filter(|option| !matches!(*option, "--help" | "--version"))
        .map(str::to_owned)
        .collect()
}

fn set(options: &[&str]) -> BTreeSet<String> {
    options.iter().map(|option| (*option).to_owned()).collect()
}

const ON_A_PROFILE: [&str; 5] = [
    "--config",
    "--profile",
    "--sandbox-users",
    "--sandbox-seed",
    "--sandbox-fault",
];

#[test]
fn each_help_lists_only_the_options_that_apply_there() {
    let with_profile = |own: &[&str]| {
        let mut all = set(own);
        all.extend(set(&ON_A_PROFILE));
        all
    };
    let cases: Vec<(Vec<&str>, BTreeSet<String>)> = vec![
        (
            vec![],
            with_profile(&["--theme", "--no-mouse"]), // the explorer
        ),
        (
            vec!["list"],
            with_profile(&["--query", "--limit", "--all", "--cached", "--json"]),
        ),
        (vec!["get"], with_profile(&["--raw", "--json"])),
        (
            vec!["audit"],
            with_profile(&[
                "--format",
                "--out",
                "--rules",
                "--fail-on",
                "--concurrency",
                "--list-rules",
                "--all-profiles",
            ]),
        ),
        (vec!["sync"], with_profile(&[])),
        (vec!["who"], with_profile(&["--json", "--fail-if-active"])),
        (
            vec!["open"],
            set(&["--provider", "--config", "--theme", "--no-mouse"]),
        ),
        (vec!["info"], set(&["--config"])),
        (vec!["cache", "info"], set(&["--config"])),
        (vec!["cache", "clear"], set(&["--config", "--profile"])),
        (
            vec!["sandbox"],
            set(&["--addr", "--users", "--seed", "--fault"]),
        ),
    ];
    for (command, expected) in cases {
        assert_eq!(
            listed_options(&command),
            expected,
            "userscope {command:?} --help"
        );
    }
    for bare in [&["completions"][..], &["man"], &["cache"]] {
        let mut args = vec!["userscope"];
        args.extend_from_slice(bare);
        args.push("--help");
        let help = Cli::try_parse_from(&args).unwrap_err().to_string();
        let options = help
            .split_once("Options:")
            .map_or("", |(_, options)| options);
        assert!(
            !options.contains("--profile") && !options.contains("--sandbox-"),
            "userscope {bare:?} --help:\n{help}"
        );
    }
}

#[test]
fn sandbox_help_names_each_setting_once() {
    let options = listed_options(&["sandbox"]);
    assert!(
        options
            .iter()
            .all(|option| !option.starts_with("--sandbox-")),
        "{options:?}"
    );
    for option in ["--users", "--seed", "--fault"] {
        assert!(options.contains(option), "{option} missing: {options:?}");
    }
}

fn parse(args: &[&str]) -> Cli {
    let mut all = vec!["userscope"];
    all.extend_from_slice(args);
    Cli::try_parse_from(&all).unwrap_or_else(|error| panic!("{args:?}: {error}"))
}

#[test]
fn options_before_the_subcommand_still_reach_it() {
    let cli = parse(&["--sandbox-users", "20000", "sync", "-p", "P"]);
    assert!(matches!(cli.command, Some(Command::Sync(_))));
    let inherited = cli.inherited();
    assert_eq!(inherited.sandbox.sandbox_users, Some(20_000));
    assert_eq!(inherited.profile.as_deref(), Some("P"));

    let cli = parse(&[
        "--sandbox-users",
        "500",
        "list",
        "-p",
        "P",
        "-n",
        "500",
        "--json",
    ]);
    let Some(Command::List(list)) = &cli.command else {
        panic!("not list");
    };
    assert_eq!((list.limit, list.json), (500, true));
    assert_eq!(cli.inherited().sandbox.sandbox_users, Some(500));

    let cli = parse(&["--sandbox-fault", "latency=6000", "--profile", "P"]);
    assert!(cli.command.is_none(), "the explorer");
    let inherited = cli.inherited();
    assert_eq!(
        inherited.sandbox.sandbox_fault.as_deref(),
        Some("latency=6000")
    );
    assert_eq!(inherited.profile.as_deref(), Some("P"));

    let cli = parse(&["get", "-p", "P", "ID"]);
    let Some(Command::Get(get)) = &cli.command else {
        panic!("not get");
    };
    assert_eq!(get.id, "ID");
    assert_eq!(cli.inherited().profile.as_deref(), Some("P"));

    let cli = parse(&[
        "--config",
        "c.toml",
        "-p",
        "P",
        "--theme",
        "light",
        "--no-mouse",
    ]);
    let inherited = cli.inherited();
    assert_eq!(inherited.config.as_deref(), Some(Path::new("c.toml")));
    assert_eq!(inherited.look.theme.as_deref(), Some("light"));
    assert!(inherited.look.no_mouse);

    let cli = parse(&["--config", "c.toml", "--theme", "light", "open", "x.json"]);
    let inherited = cli.inherited();
    assert_eq!(inherited.config.as_deref(), Some(Path::new("c.toml")));
    assert_eq!(inherited.look.theme.as_deref(), Some("light"));

    let cli = parse(&["-p", "P", "cache", "clear"]);
    assert_eq!(cli.inherited().profile.as_deref(), Some("P"));
    let cli = parse(&["cache", "clear", "-p", "P"]);
    assert_eq!(cli.inherited().profile.as_deref(), Some("P"));
}

#[test]
fn a_subcommands_own_option_wins_over_the_one_before_it() {
    let cli = parse(&[
        "--sandbox-users",
        "5",
        "-p",
        "outer",
        "audit",
        "--sandbox-users",
        "7",
        "-p",
        "inner",
    ]);
    let inherited = cli.inherited();
    assert_eq!(inherited.sandbox.sandbox_users, Some(7));
    assert_eq!(inherited.profile.as_deref(), Some("inner"));
    let cli = parse(&[
        "--sandbox-seed",
        "9",
        "list",
        "--sandbox-fault",
        "malformed",
    ]);
    let inherited = cli.inherited();
    assert_eq!(inherited.sandbox.sandbox_seed, Some(9));
    assert_eq!(
        inherited.sandbox.sandbox_fault.as_deref(),
        Some("malformed")
    );
}

#[test]
fn an_option_after_a_subcommand_it_does_nothing_for_is_refused() {
    for args in [
        &["open", "x.json", "--profile", "P"][..],
        &["sandbox", "--sandbox-users", "5"],
        &["sandbox", "--profile", "P"],
        &["info", "--profile", "P"],
        &["list", "--theme", "dark"],
        &["completions", "bash", "--config", "c.toml"],
    ] {
        let mut all = vec!["userscope"];
        all.extend_from_slice(args);
        let error = Cli::try_parse_from(&all).unwrap_err();
        assert_eq!(error.kind(), ErrorKind::UnknownArgument, "{args:?}");
    }
}
