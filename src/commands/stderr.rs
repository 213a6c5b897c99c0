//! Lines for stderr that never panic: `eprintln!` panics when stderr is gone (`2>&1 | head -1`
//! closes it together with stdout), and a note that cannot be read is no reason to crash.

use std::io::Write as _;

/// Writes `userscope: {text}` and a newline to stderr; a failed write is ignored.
pub fn line(text: &str) {
    let mut stderr = std::io::stderr().lock();
    let _ = writeln!(stderr, "userscope: {text}");
}

/// Ends a line left open on stderr (the audit's progress meter); a failed write is ignored.
pub fn end_line() {
    let _ = writeln!(std::io::stderr().lock());
}
