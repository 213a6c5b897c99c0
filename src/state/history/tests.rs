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
