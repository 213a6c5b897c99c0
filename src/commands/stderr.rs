//! Lines for stderr that never panic: `eprintln!` panics when stderr is gone (`2>&1 | head -1`
//! closes it together with stdout), and a note that cannot be read is no reason to crash.

use std::io::{IsTerminal as _, Write as _};

/// Writes `userscope: {text}` and a newline to stderr; a failed write is ignored.
pub fn line(text: &str) {
    let mut stderr = std::io::stderr().lock();
    let _ = writeln!(stderr, "userscope: {text}");
}

/// A listener for [`crate::http::waits::reporting_waits`]: each wait a server asks of a
/// command's request is said on a terminal's stderr over the line drawn there
/// (`userscope: server answered 429: retry 1/3 in 61 s`, counting down; after `userscope: ` the
/// profile's name when several are asked at once) and cleared when the
/// retry is sent; nothing is said when stderr is not a terminal (a log wants the outcome, not a
/// countdown).
pub fn say_waits(
    profile: Option<&str>,
) -> impl Fn(crate::model::ServerWait) + Send + Sync + 'static {
    let terminal = std::io::stderr().is_terminal();
    let whose = profile.map(|name| format!("{name}: ")).unwrap_or_default();
    move |wait| {
        if !terminal {
            return;
        }
        // Kept within the terminal's width: a line that wrapped would not be drawn over.
        let columns = crossterm::terminal::size().map_or(80, |(columns, _)| columns);
        let said: String = format!("userscope: {whose}{}", wait.describe())
            .chars()
            .take(usize::from(columns.saturating_sub(1)))
            .collect();
        let mut stderr = std::io::stderr().lock();
        let _ = if wait.is_over() {
            write!(stderr, "\r\x1b[K")
        } else {
            write!(stderr, "\r\x1b[K{said}")
        };
        let _ = stderr.flush();
    }
}

/// Ends a line left open on stderr (the audit's progress meter); a failed write is ignored.
pub fn end_line() {
    let _ = writeln!(std::io::stderr().lock());
}
