//! The built app, signals by name and a process's child, read from `/proc` (Linux).

/// The built app.
pub fn app() -> &'static str {
    env!("CARGO_BIN_EXE_userscope")
}

/// Sends `pid` a signal by name (`HUP`, `TERM`) with `kill(1)`.
pub fn signal(pid: u32, name: &str) {
    let pid = pid.to_string();
    let status = std::process::Command::new("kill")
        .args([&format!("-{name}"), &pid])
        .status()
        .expect("kill(1) runs");
    assert!(status.success(), "kill -{name} {pid} failed");
}

/// A process whose parent is `parent`, from `/proc/*/stat` (Linux).
pub(super) fn child_of(parent: u32) -> Option<u32> {
    std::fs::read_dir("/proc").ok()?.find_map(|entry| {
        let pid: u32 = entry.ok()?.file_name().to_str()?.parse().ok()?;
        let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
        // `pid (comm) state ppid ...`; comm may hold spaces, so read after its last `)`.
        let (_, rest) = stat.rsplit_once(')')?;
        let ppid: u32 = rest.split_whitespace().nth(1)?.parse().ok()?;
        (ppid == parent).then_some(pid)
    })
}
