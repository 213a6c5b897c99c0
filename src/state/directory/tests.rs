use super::*;

#[test]
fn ages_read_in_the_largest_whole_unit() {
    assert_eq!(age_text(5), "5 s");
    assert_eq!(age_text(300), "5 min");
    assert_eq!(age_text(7300), "2 h");
    assert_eq!(age_text(200_000), "2 d");
}

#[test]
fn the_word_says_what_the_directory_is_doing() {
    let mut directory = DirectoryState {
        stored_age_secs: Some(120),
        ..DirectoryState::default()
    };
    assert_eq!(directory.word(), "stored 2 min ago");
    directory.syncing = Some(RequestId(1));
    assert_eq!(directory.word(), "syncing");
    directory.syncing = None;
    directory.last = Some(SyncEnd::Stopped);
    assert_eq!(directory.word(), "sync stopped");
    directory.syncing = Some(RequestId(2));
    directory.changes_only = true;
    assert_eq!(directory.word(), "syncing changes");
    directory.syncing = None;
    directory.last = Some(SyncEnd::ChangesComplete);
    assert_eq!(directory.word(), "changes synced");
}
