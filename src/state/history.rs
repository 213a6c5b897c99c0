//! What was typed earlier in the session, in a line input (the `:` line, the filter), recalled
//! with Up and Down as a shell does: Up steps back through older entries, Down forward again,
//! and past the newest the line typed before the first Up comes back. Pure, unit-tested.

/// Entries kept; older ones are forgotten.
const MAX_ENTRIES: usize = 100;

/// The entries of one input, oldest first, and where a recall stands.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct InputHistory {
    entries: Vec<String>,
    /// The entry shown while recalling, as an index into `entries`.
    recalled: Option<usize>,
    /// The line as typed before the first Up, given back after the newest entry.
    draft: String,
}

impl InputHistory {
    /// Keeps a line given (run, searched): blank lines and a repeat of the newest are not kept.
    pub fn remember(&mut self, line: &str) {
        self.recalled = None;
        let line = line.trim();
        if line.is_empty() || self.entries.last().is_some_and(|newest| newest == line) {
            return;
        }
        self.entries.push(line.to_owned());
        if self.entries.len() > MAX_ENTRIES {
            self.entries.remove(0);
        }
    }

    /// The entry before the one shown (`current`: the line as it is, kept as the draft on the
    /// first step); `None` when there is nothing older.
    pub fn older(&mut self, current: &str) -> Option<&str> {
        let index = match self.recalled {
            None => {
                let newest = self.entries.len().checked_sub(1)?;
                current.clone_into(&mut self.draft);
                newest
            }
            Some(index) => index.checked_sub(1)?,
        };
        self.recalled = Some(index);
        self.entries.get(index).map(String::as_str)
    }

    /// The entry after the one shown, or past the newest the draft; `None` when not recalling.
    pub fn newer(&mut self) -> Option<&str> {
        let index = self.recalled?;
        if index + 1 < self.entries.len() {
            self.recalled = Some(index + 1);
            return self.entries.get(index + 1).map(String::as_str);
        }
        self.recalled = None;
        Some(&self.draft)
    }

    /// The line was edited: a recall in progress ends where it is.
    pub fn stop_recalling(&mut self) {
        self.recalled = None;
    }

    /// The entries, oldest first.
    pub fn entries(&self) -> &[String] {
        &self.entries
    }
}

#[cfg(test)]
mod tests;
