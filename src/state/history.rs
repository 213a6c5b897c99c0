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
mod tests {
    use super::InputHistory;

    #[test]
    fn up_steps_back_down_steps_forward_and_past_the_newest_gives_the_draft_back() {
        let mut history = InputHistory::default();
        assert_eq!(history.older("draft"), None, "nothing yet");
        for line in ["sync", "  ", "theme light", "theme light", "user 42"] {
            history.remember(line);
        }
        assert_eq!(history.entries(), ["sync", "theme light", "user 42"]);
        assert_eq!(history.older("us"), Some("user 42"));
        assert_eq!(history.older("ignored"), Some("theme light"));
        assert_eq!(history.older("ignored"), Some("sync"));
        assert_eq!(history.older("ignored"), None, "the oldest stays");
        assert_eq!(history.newer(), Some("theme light"));
        assert_eq!(history.newer(), Some("user 42"));
        assert_eq!(history.newer(), Some("us"), "the line typed before");
        assert_eq!(history.newer(), None, "not recalling");
        // An edit ends the recall: the next Up starts from the newest again.
        history.older("");
        history.older("");
        history.stop_recalling();
        assert_eq!(history.older("x"), Some("user 42"));
    }

    #[test]
    fn only_the_newest_entries_are_kept() {
        let mut history = InputHistory::default();
        for index in 0..150 {
            history.remember(&format!("q{index}"));
        }
        assert_eq!(history.entries().len(), super::MAX_ENTRIES);
        assert_eq!(history.entries()[0], "q50");
    }
}
