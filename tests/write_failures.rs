//! Reports and exports that cannot be written: a full disk, a read-only folder, a folder that is
//! really a file. The CLI (`userscope audit --out`) and the explorer (`x`) each give one clear
//! line and leave no file behind, neither the temp file nor a partial one.
//!
//! A real full disk and a real read-only folder are a tiny tmpfs mounted in a private mount
//! namespace (`unshare --map-root-user --mount`), which works as root (where a 0500 folder
//! stops nothing) and as an ordinary user where user namespaces are allowed. Where they are
//! not, those tests print why and pass without running; the writer seam in
//! `src/export/tests.rs` covers the same code everywhere, and the folder-under-a-file cases
//! below run everywhere.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod pty;

use std::ffi::OsString;
use std::path::Path;
use std::process::{Command, Output};

use pty::{Homes, Tui};

/// What the shell around a command prints before listing the folder, once the command is done.
const LEFT_MARK: &str = "--- left in the folder ---";

/// How the folder `$1` is mounted before the command runs.
#[derive(Clone, Copy)]
enum Mount {
    /// A 16 KiB tmpfs, filled up by a hidden `.fill` file: any write fails with ENOSPC.
    Full,
    /// A read-only tmpfs: any write fails with EROFS.
    ReadOnly,
}

/// `sh -c` script: mount the folder `$1`, run the rest of the arguments, list the folder.
fn script(mount: Mount) -> String {
    let mount = match mount {
        Mount::Full => {
            r#"mount -t tmpfs -o size=16k tmpfs "$dir" && { cat /dev/zero > "$dir/.fill"; true; } 2>/dev/null"#
        }
        Mount::ReadOnly => r#"mount -t tmpfs -o ro,size=16k tmpfs "$dir""#,
    };
    format!(
        r#"dir=$1; shift; {mount} || exit 99; "$@"; status=$?; echo; echo '{LEFT_MARK}'; ls -A "$dir"; exit $status"#
    )
}

/// Whether this machine lets us mount a tmpfs in a private mount namespace; says why not.
fn private_mounts() -> bool {
    let dir = tempfile::tempdir().unwrap();
    let probe = Command::new("unshare")
        .args(in_private_mount(Mount::Full, dir.path(), "true", &[]))
        .output();
    match probe {
        Ok(output) if output.status.success() => true,
        Ok(output) => {
            eprintln!(
                "skipped: no private tmpfs here (unshare: {})",
                String::from_utf8_lossy(&output.stderr).trim()
            );
            false
        }
        Err(err) => {
            eprintln!("skipped: no unshare(1) here ({err})");
            false
        }
    }
}

/// `unshare … sh -c SCRIPT sh DIR PROGRAM ARGS…` as argv.
fn in_private_mount(mount: Mount, dir: &Path, program: &str, args: &[&str]) -> Vec<OsString> {
    let mut argv: Vec<OsString> = vec![
        "--map-root-user".into(),
        "--mount".into(),
        "sh".into(),
        "-c".into(),
        script(mount).into(),
        "sh".into(),
        dir.into(),
        program.into(),
    ];
    argv.extend(args.iter().map(OsString::from));
    argv
}

/// The names the shell listed after the command.
fn left_in_folder(stdout: &str) -> Vec<String> {
    let (_, listing) = stdout
        .rsplit_once(LEFT_MARK)
        .unwrap_or_else(|| panic!("no listing in {stdout:?}"));
    listing.split_whitespace().map(str::to_owned).collect()
}

/// `userscope audit --out OUT` on the sandbox, in these homes, under `unshare` when `mount`.
fn audit_to(homes: &Homes, out: &Path, mount: Option<Mount>) -> Output {
    let args = [
        "--sandbox-users",
        "20",
        "audit",
        "-p",
        "sandbox-scanova",
        "--out",
        out.to_str().unwrap(),
    ];
    let mut command = if let Some(mount) = mount {
        let mut command = Command::new("unshare");
        command.args(in_private_mount(
            mount,
            out.parent().unwrap(),
            pty::app(),
            &args,
        ));
        command
    } else {
        let mut command = Command::new(pty::app());
        command.args(args);
        command
    };
    homes.apply(&mut command);
    command.env_remove("RUST_LOG").output().unwrap()
}

/// The one line a failed `audit --out` prints, after checking it is the only one.
fn only_error_line(output: &Output) -> String {
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert_eq!(
        output.status.code(),
        Some(3),
        "a local I/O failure: {stderr}"
    );
    assert_eq!(stderr.lines().count(), 1, "one line: {stderr}");
    stderr
}

#[test]
fn audit_out_on_a_full_disk_says_so_and_leaves_no_file() {
    if !private_mounts() {
        return;
    }
    let homes = Homes::new();
    let dir = homes.root().join("reports");
    std::fs::create_dir(&dir).unwrap();
    let output = audit_to(&homes, &dir.join("report.json"), Some(Mount::Full));
    let line = only_error_line(&output);
    assert!(
        line.contains("report.json: the disk is full; free some space"),
        "{line}"
    );
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(
        left_in_folder(&stdout),
        [".fill"],
        "only the filler is left"
    );
}

#[test]
fn audit_out_in_a_read_only_folder_says_so_and_leaves_no_file() {
    if !private_mounts() {
        return;
    }
    let homes = Homes::new();
    let dir = homes.root().join("reports");
    std::fs::create_dir(&dir).unwrap();
    let output = audit_to(&homes, &dir.join("report.json"), Some(Mount::ReadOnly));
    let line = only_error_line(&output);
    assert!(
        line.contains("report.json: the folder is on a read-only file system"),
        "{line}"
    );
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(left_in_folder(&stdout).is_empty());
}

#[test]
fn audit_out_under_a_file_says_so_and_leaves_no_file() {
    let homes = Homes::new();
    let plain = homes.root().join("plain");
    std::fs::write(&plain, b"x").unwrap();
    let output = audit_to(&homes, &plain.join("report.json"), None);
    let line = only_error_line(&output);
    assert!(
        line.contains("part of the path is a file, not a folder"),
        "{line}"
    );
    assert_eq!(std::fs::read(&plain).unwrap(), b"x");
    let mut names: Vec<String> = std::fs::read_dir(homes.root())
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["config", "data", "home", "plain", "state"]);
}

/// Opens the first user and presses `x`; returns the status line the export left.
fn export_first_user(tui: &mut Tui) -> String {
    tui.wait_for("the first user", |screen| {
        screen.contents().contains("SANDBOX").then_some(())
    });
    tui.send("\r");
    tui.wait_for("the record's overview", |screen| {
        screen.contents().contains("User id").then_some(())
    });
    tui.send("x");
    tui.wait_for("the export's outcome", |screen| {
        pty::screen_rows(screen)
            .into_iter()
            .rev()
            .find(|row| row.contains("export failed") || row.contains("exported to"))
    })
}

fn explorer_args() -> Vec<&'static str> {
    vec!["--profile", "sandbox-scanova", "--sandbox-users", "20"]
}

#[test]
fn the_explorer_export_on_a_full_disk_says_so_and_leaves_no_file() {
    if !private_mounts() {
        return;
    }
    let homes = Homes::new();
    let exports = homes.exports();
    std::fs::create_dir_all(&exports).unwrap();
    let args = in_private_mount(Mount::Full, &exports, pty::app(), &explorer_args());
    let mut tui = Tui::spawn_in(homes, "unshare".as_ref(), &args, &[], 120, 40);
    let status = export_first_user(&mut tui);
    assert!(
        status.contains("export failed: the disk is full; free some space"),
        "{status}"
    );
    tui.send("q");
    assert!(tui.wait_exit().success());
    let raw = String::from_utf8_lossy(&tui.raw()).into_owned();
    assert_eq!(left_in_folder(&raw), [".fill"], "only the filler is left");
}

#[test]
fn the_explorer_export_under_a_file_says_so_and_leaves_no_file() {
    let homes = Homes::new();
    // The exports folder would be <data>/userscope/exports; make `userscope` a file.
    let blocker = homes.data().join("userscope");
    std::fs::write(&blocker, b"x").unwrap();
    let args: Vec<OsString> = explorer_args().into_iter().map(OsString::from).collect();
    let mut tui = Tui::spawn_in(homes, pty::app().as_ref(), &args, &[], 120, 40);
    let status = export_first_user(&mut tui);
    assert!(
        status.contains("export failed: part of the path is a file, not a folder"),
        "{status}"
    );
    tui.send("q");
    assert!(tui.wait_exit().success());
    assert_eq!(std::fs::read(&blocker).unwrap(), b"x");
}
