//! Issue 6: the targets that only a whole process shows, measured on the built binary in a
//! 200x60 pseudo-terminal, in a private home (no config: the sandbox):
//! - `startup`: launch to the first frame, to the first frame that shows users, and to the
//!   first user's record;
//! - `startup_1m`: the same on a sandbox of 1,000,000 users (synced in the background);
//! - `stored_1m`: launch on 1,000,000 stored users to the first frame and to every one held;
//! - `open_31MB`: `userscope open` of the 31 MB Zooza record, launch to its first frame, to the
//!   record in the detail pane, and to its overview; peak memory (`VmHWM`) at each;
//! - `idle`: CPU ticks the explorer spends in 5 s of doing nothing, once it has settled.
//!
//! Each figure is the median of several launches (min and max beside it). Not criterion: a
//! launch is a process, and its figures are read off the terminal's byte stream as they arrive.
//! `cargo bench --bench launch [-- NAME...]` runs the cases whose name holds a NAME (all without).

mod common;
#[path = "../tests/pty/mod.rs"]
mod pty;

use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use portable_pty::{Child, native_pty_system};

/// How long a launch may take to show a marker before the run counts as failed.
const DEADLINE: Duration = Duration::from_secs(30);

/// The record `cargo bench --bench tree` times: 2 x 8,750 credits, 31 MB.
const CREDITS: u64 = 8_750;

/// A text that first appears on the screen at a moment worth timing.
struct Marker {
    name: &'static str,
    text: &'static str,
}

/// What one launch saw: for each marker, when it appeared and the peak memory then.
struct Launch {
    seen: Vec<Option<(Duration, f64)>>,
}

/// Peak resident memory of a process so far, in MiB (`VmHWM`).
fn peak_mib(pid: u32) -> f64 {
    common::status_mib(&pid.to_string(), "VmHWM").unwrap_or(f64::NAN)
}

/// CPU ticks (user + system) a process has used (`/proc/PID/stat`, fields 14 and 15).
fn cpu_ticks(pid: u32) -> u64 {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    // `pid (comm) state ...`: fields after the comm's closing parenthesis, state first.
    let fields: Vec<&str> = stat
        .rsplit_once(')')
        .map(|(_, rest)| rest.split_whitespace().collect())
        .unwrap_or_default();
    let field = |n: usize| fields.get(n - 3).and_then(|v| v.parse::<u64>().ok());
    field(14).unwrap_or(0) + field(15).unwrap_or(0)
}

/// A running launch: the child, and a thread reading its terminal.
struct Running {
    child: Box<dyn Child + Send + Sync>,
    pid: u32,
    started: Instant,
    chunks: mpsc::Receiver<(Instant, Vec<u8>)>,
    /// Kept so the terminal stays open while the child runs.
    _master: Box<dyn portable_pty::MasterPty + Send>,
    _homes: std::rc::Rc<pty::Homes>,
}

/// Starts the app with `args` in a 200x60 PTY and a private home (the sandbox, no config),
/// as the end-to-end tests start it, with a reader that notes when each read arrived.
fn spawn(args: &[&str]) -> Running {
    spawn_in(std::rc::Rc::new(pty::Homes::new()), args)
}

/// Starts the app as `spawn` does, in homes shared with other launches (a store kept).
fn spawn_in(homes: std::rc::Rc<pty::Homes>, args: &[&str]) -> Running {
    let args: Vec<std::ffi::OsString> = args.iter().map(std::ffi::OsString::from).collect();
    let pair = native_pty_system()
        .openpty(pty::size(200, 60))
        .expect("a pseudo-terminal");
    let mut reader = pair.master.try_clone_reader().expect("the PTY's reader");
    let (sender, chunks) = mpsc::channel();
    std::thread::spawn(move || {
        let mut buffer = vec![0_u8; 1 << 16];
        while let Ok(read) = reader.read(&mut buffer) {
            if read == 0
                || sender
                    .send((Instant::now(), buffer[..read].to_vec()))
                    .is_err()
            {
                break;
            }
        }
    });
    let started = Instant::now();
    let child = pair
        .slave
        .spawn_command(pty::command(&homes, pty::app().as_ref(), &args, &[]))
        .expect("the binary starts");
    let pid = child.process_id().expect("a pid");
    drop(pair.slave);
    Running {
        child,
        pid,
        started,
        chunks,
        _master: pair.master,
        _homes: homes,
    }
}

impl Running {
    /// Reads the terminal until every marker has shown, noting when each first did.
    fn watch(&mut self, markers: &[Marker]) -> Launch {
        let mut stream = Vec::new();
        let mut seen = vec![None; markers.len()];
        let deadline = self.started + DEADLINE;
        // A marker may straddle two reads: look from a little before the new bytes.
        let mut searched_to: usize = 0;
        while seen.iter().any(Option::is_none) {
            let Some(left) = deadline.checked_duration_since(Instant::now()) else {
                break;
            };
            let Ok((at, chunk)) = self.chunks.recv_timeout(left) else {
                break;
            };
            stream.extend_from_slice(&chunk);
            for (marker, seen) in markers.iter().zip(&mut seen) {
                let from = searched_to.saturating_sub(marker.text.len());
                if seen.is_none()
                    && stream[from..]
                        .windows(marker.text.len())
                        .any(|window| window == marker.text.as_bytes())
                {
                    *seen = Some((at - self.started, peak_mib(self.pid)));
                }
            }
            searched_to = stream.len();
        }
        Launch { seen }
    }

    /// Lets the terminal's output drain meanwhile, for `wait`.
    fn drain_for(&self, wait: Duration) {
        let until = Instant::now() + wait;
        while let Some(left) = until.checked_duration_since(Instant::now()) {
            if self.chunks.recv_timeout(left).is_err() {
                std::thread::sleep(until.saturating_duration_since(Instant::now()));
                break;
            }
        }
    }

    fn stop(mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn median_min_max(values: &mut [f64]) -> (f64, f64, f64) {
    values.sort_by(f64::total_cmp);
    let median = if values.len() % 2 == 1 {
        values[values.len() / 2]
    } else {
        f64::midpoint(values[values.len() / 2 - 1], values[values.len() / 2])
    };
    (median, values[0], values[values.len() - 1])
}

/// Launches `args` `runs` times and prints, for each marker, the median time to it and the
/// peak memory then.
fn time_launches(name: &str, args: &[&str], runs: usize, markers: &[Marker]) {
    time_launches_in(None, name, args, runs, markers);
}

/// Times launches in `homes` (fresh ones each launch when `None`).
fn time_launches_in(
    homes: Option<&std::rc::Rc<pty::Homes>>,
    name: &str,
    args: &[&str],
    runs: usize,
    markers: &[Marker],
) {
    let launches: Vec<Launch> = (0..runs)
        .map(|_| {
            let mut running = match homes {
                Some(homes) => spawn_in(std::rc::Rc::clone(homes), args),
                None => spawn(args),
            };
            let launch = running.watch(markers);
            running.stop();
            launch
        })
        .collect();
    println!(
        "{name}: userscope {} ({runs} launches, 200x60 PTY)",
        args.join(" ")
    );
    for (at, marker) in markers.iter().enumerate() {
        let mut times: Vec<f64> = Vec::new();
        let mut peaks: Vec<f64> = Vec::new();
        for launch in &launches {
            if let Some((time, peak)) = launch.seen[at] {
                times.push(time.as_secs_f64() * 1000.0);
                peaks.push(peak);
            }
        }
        if times.is_empty() {
            println!("  {:<28} never shown within {DEADLINE:?}", marker.name);
            continue;
        }
        let (median, min, max) = median_min_max(&mut times);
        let (peak, _, _) = median_min_max(&mut peaks);
        let missed = runs - times.len();
        println!(
            "  {:<28} {median:8.1} ms  (min {min:.1}, max {max:.1})  peak memory {peak:.1} MiB{}",
            marker.name,
            if missed > 0 {
                format!("  ({missed} launches never showed it)")
            } else {
                String::new()
            }
        );
    }
}

/// The first frame: the list pane's title, which every layout draws first.
const FIRST_FRAME: Marker = Marker {
    name: "first frame",
    text: " Users ",
};

/// Users shown: the sandbox's e-mail domains.
const USERS_SHOWN: Marker = Marker {
    name: "users shown",
    text: "@example.",
};

/// The first user's record in the detail pane: the overview's first section (Zoo's, the
/// default sandbox profile). Markers are single words: the terminal may already hold the blank
/// between two words, and then the bytes step over it rather than write it.
const RECORD_SHOWN: Marker = Marker {
    name: "first record shown",
    text: "Identity",
};

fn startup() {
    time_launches(
        "startup",
        &[],
        15,
        &[FIRST_FRAME, USERS_SHOWN, RECORD_SHOWN],
    );
}

fn startup_1m() {
    time_launches(
        "startup_1m",
        &["--sandbox-users", "1000000"],
        5,
        &[FIRST_FRAME, USERS_SHOWN, RECORD_SHOWN],
    );
}

/// The explorer on a profile whose 1,000,000 users are stored (synced first with `userscope
/// sync`, not timed): the first frame, and the whole directory held (its count in the list's
/// title), ready to filter. The stored directory is fresh: no sync runs while it is timed.
fn stored_1m() {
    let homes = std::rc::Rc::new(pty::Homes::new());
    let mut sync = std::process::Command::new(pty::app());
    homes.apply(&mut sync);
    let synced = sync
        .args(["--sandbox-users", "1000000", "sync", "-p", "sandbox-zoo"])
        .output()
        .expect("userscope sync runs");
    assert!(synced.status.success(), "{synced:?}");
    time_launches_in(
        Some(&homes),
        "stored_1m",
        &["--sandbox-users", "1000000", "--profile", "sandbox-zoo"],
        5,
        &[
            FIRST_FRAME,
            Marker {
                name: "1,000,000 users held",
                text: "1,000,000 ·",
            },
        ],
    );
}

/// The 31 MB record as a file, written once (`cargo bench --bench tree` writes the same).
fn record_file() -> PathBuf {
    let path = Path::new(env!("CARGO_TARGET_TMPDIR")).join("zooza-31MB.json");
    let bytes = common::zooza_record_bytes(CREDITS);
    let same = std::fs::read(&path).is_ok_and(|kept| kept == bytes.as_ref());
    if !same {
        std::fs::write(&path, &bytes).expect("the target dir is writable");
    }
    path
}

fn open_31mb() {
    let path = record_file();
    let path = path.to_str().expect("a UTF-8 path");
    time_launches(
        "open_31MB",
        &["open", path],
        11,
        &[
            FIRST_FRAME,
            Marker {
                name: "record in the detail pane",
                text: "mapping",
            },
            Marker {
                name: "overview and audit",
                text: "Identity",
            },
        ],
    );
}

fn idle() {
    const SETTLE: Duration = Duration::from_secs(3);
    const IDLE: Duration = Duration::from_secs(5);
    let mut running = spawn(&[]);
    let shown = running.watch(&[USERS_SHOWN]);
    if shown.seen[0].is_none() {
        running.stop();
        panic!("the explorer showed no users within {DEADLINE:?}");
    }
    running.drain_for(SETTLE);
    let before = cpu_ticks(running.pid);
    running.drain_for(IDLE);
    let after = cpu_ticks(running.pid);
    println!(
        "idle: CPU ticks (10 ms each) used in {IDLE:?} of idling, once settled: {} (target 0)",
        after - before
    );
    running.stop();
}

fn main() {
    // `cargo bench` passes `--bench` and any filter words; the cases run whose name holds one.
    let filters: Vec<String> = std::env::args()
        .skip(1)
        .filter(|arg| !arg.starts_with("--"))
        .collect();
    let cases: [(&str, fn()); 5] = [
        ("startup", startup),
        ("startup_1m", startup_1m),
        ("stored_1m", stored_1m),
        ("open_31MB", open_31mb),
        ("idle", idle),
    ];
    for (name, run) in cases {
        if filters.is_empty() || filters.iter().any(|filter| name.contains(filter.as_str())) {
            run();
        }
    }
}
