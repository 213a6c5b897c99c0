//! The `:` command line: what can be typed, parsing, and completion. Pure, unit-tested.

use tui_input::Input;

/// A command the line understands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    /// Switch to another profile.
    Profile(String),
    /// Switch the theme.
    Theme(String),
    /// Export the selected record (or the marked users).
    Export,
    /// Scan every user of the profile with the audit rules (a rerun resumes).
    Audit,
    /// Write the scan's findings as a report.
    ExportAudit,
    /// Sync the profile's whole directory again.
    Sync,
    /// Go to a user by id: selected in the list if shown there, else fetched.
    User(String),
    /// Find one person's accounts in every profile (an e-mail, or a name).
    Who(String),
    /// Show the keys.
    Help,
    /// Quit.
    Quit,
}

/// The command names, for completion and the help.
pub const NAMES: &[&str] = &[
    "profile",
    "theme",
    "export",
    "audit",
    "export-audit",
    "sync",
    "user",
    "who",
    "help",
    "quit",
];

/// The line being typed.
#[derive(Debug, Clone, Default)]
pub struct CommandLine {
    /// The text after `:`.
    pub input: Input,
    /// Candidates for the word under the cursor, found on the first Tab.
    pub completions: Vec<String>,
    /// The candidate shown, which Tab and Shift-Tab cycle through.
    pub completion_index: Option<usize>,
    /// The line as typed before the first Tab: each candidate completes this, in place of the
    /// one shown before (vim's wildmenu), never after it.
    pub completion_base: String,
}

/// Parses a command line; the error says what is wrong and what exists.
pub fn parse(line: &str) -> Result<Command, String> {
    let mut words = line.split_whitespace();
    let Some(name) = words.next() else {
        return Err("type a command: profile, theme, export, help, quit".to_owned());
    };
    let argument = words.collect::<Vec<_>>().join(" ");
    let needs_argument = |what: &str| {
        if argument.is_empty() {
            Err(format!(":{what} needs a name (Tab completes)"))
        } else {
            Ok(argument.clone())
        }
    };
    match name {
        "profile" | "p" => needs_argument("profile").map(Command::Profile),
        "theme" => needs_argument("theme").map(Command::Theme),
        "export" | "x" | "w" => Ok(Command::Export),
        "audit" => Ok(Command::Audit),
        "export-audit" => Ok(Command::ExportAudit),
        "sync" => Ok(Command::Sync),
        "user" | "u" if argument.is_empty() => Err(":user needs a user id".to_owned()),
        "user" | "u" => Ok(Command::User(argument)),
        "who" => {
            if argument.is_empty() {
                Err(":who needs an e-mail address or a name".to_owned())
            } else {
                Ok(Command::Who(argument))
            }
        }
        "help" | "h" => Ok(Command::Help),
        "quit" | "q" | "q!" | "qa" => Ok(Command::Quit),
        other => Err(format!(
            "unknown command :{other}; try {}",
            NAMES.join(", ")
        )),
    }
}

/// Candidates completing the line: command names for the first word, then profile or theme
/// names for the argument.
pub fn candidates(line: &str, profiles: &[String], themes: &[String]) -> Vec<String> {
    let ends_with_space = line.ends_with(' ');
    let words: Vec<&str> = line.split_whitespace().collect();
    match (words.as_slice(), ends_with_space) {
        ([] | [_], false) => {
            let prefix = words.first().copied().unwrap_or("");
            NAMES
                .iter()
                .filter(|name| name.starts_with(prefix))
                .map(|name| (*name).to_owned())
                .collect()
        }
        ([command], true) | ([command, _], false) => {
            let prefix = if ends_with_space { "" } else { words[1] };
            let pool = match *command {
                "profile" | "p" => profiles,
                "theme" => themes,
                _ => return Vec::new(),
            };
            pool.iter()
                .filter(|name| name.starts_with(prefix))
                .cloned()
                .collect()
        }
        _ => Vec::new(),
    }
}

/// The line with its last word (or, after a space, a new word) replaced by a candidate; a
/// command that takes an argument gets the space before it.
pub fn complete(line: &str, candidate: &str) -> String {
    let words: Vec<&str> = line.split_whitespace().collect();
    let kept = if line.ends_with(' ') || words.is_empty() {
        &words[..]
    } else {
        &words[..words.len() - 1]
    };
    let mut completed = kept.to_vec();
    completed.push(candidate);
    let text = completed.join(" ");
    if completed.len() == 1 && matches!(candidate, "profile" | "theme" | "user") {
        text + " "
    } else {
        text
    }
}

#[cfg(test)]
mod tests;
