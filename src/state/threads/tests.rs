use super::*;

fn thread(id: &str, updated: i64, title: Option<&str>, deleted: bool) -> ThreadInfo {
    ThreadInfo {
        id: id.into(),
        title: title.map(str::to_owned),
        updated_usec: Some(updated),
        link: None,
        deleted,
    }
}

#[test]
fn sorts_by_each_key_and_direction() {
    let mut threads = ThreadsState::new(vec![
        thread("a", 1, Some("Zeta"), false),
        thread("b", 3, None, true),
        thread("c", 2, Some("alpha"), false),
    ]);
    let ids = |state: &ThreadsState| {
        state
            .items
            .iter()
            .map(|thread| thread.id.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(ids(&threads), ["b", "c", "a"], "newest first");
    threads.sort = ThreadSort::Title;
    threads.descending = false;
    threads.sort_items();
    assert_eq!(ids(&threads), ["c", "a", "b"], "untitled last");
    threads.sort = ThreadSort::Deleted;
    threads.descending = true;
    threads.sort_items();
    assert_eq!(ids(&threads)[0], "b");
}

#[test]
fn asks_for_titles_in_view_once_and_merges_them() {
    let items = (0..300)
        .map(|index| thread(&format!("t{index:03}"), 1000 - index, None, false))
        .collect();
    let mut threads = ThreadsState::new(items);
    let batch = threads.titles_to_fetch(20);
    assert_eq!(batch.len(), 40);
    threads.requested.extend(batch.iter().cloned());
    assert!(threads.titles_to_fetch(20).is_empty(), "not asked twice");
    threads.merge(vec![ThreadInfo {
        id: batch[0].clone(),
        title: Some("Plan".into()),
        ..ThreadInfo::default()
    }]);
    assert_eq!(threads.items[0].title.as_deref(), Some("Plan"));
    threads.move_by(100, 20, 1);
    assert_eq!(threads.titles_to_fetch(20).len(), 40);
}
