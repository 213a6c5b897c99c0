use super::*;

fn user(id: &str, name: &str) -> UserSummary {
    UserSummary {
        id: id.to_owned(),
        name: name.to_owned(),
        email: format!("{id}@example.com"),
        role: Some("admin".to_owned()),
        status: vec![
            StatusMarker::Blocked("payment: failed".to_owned()),
            StatusMarker::NeverLoggedIn,
        ],
    }
}

fn store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let (store, note) = Store::open(&dir.path().join("cache/directory.sqlite3")).unwrap();
    assert!(note.is_none());
    (dir, store)
}

#[test]
fn a_sync_is_stored_in_order_and_read_back_whole() {
    let (_dir, store) = store();
    let ticket = store.begin_sync("k", "p", "zoo").unwrap();
    let users: Vec<_> = (0..250)
        .map(|i| user(&format!("u{i}"), &format!("Name {i}")))
        .collect();
    store.write_page(ticket, &users[..100], Some(250)).unwrap();
    store.write_page(ticket, &users[100..], Some(250)).unwrap();
    let stored = store.load("k").unwrap();
    assert_eq!(stored.users, users);
    assert_eq!(stored.total, Some(250));
    assert_eq!(stored.synced_at, None, "not complete yet");
    assert_eq!(
        store.finish_sync(ticket, 1_000).unwrap(),
        Finished::Kept { removed: 0 }
    );
    assert_eq!(store.load("k").unwrap().synced_at, Some(1_000));
}

#[test]
fn directories_never_show_under_another_key() {
    let (_dir, store) = store();
    let ticket = store.begin_sync("a", "p", "zoo").unwrap();
    store.write_page(ticket, &[user("1", "One")], None).unwrap();
    assert!(store.load("b").unwrap().users.is_empty());
    assert_eq!(store.load("a").unwrap().users.len(), 1);
}

#[test]
fn a_complete_sync_removes_users_gone_and_updates_changed_ones_in_place() {
    let (_dir, store) = store();
    let first = store.begin_sync("k", "p", "zoo").unwrap();
    let users = [user("1", "One"), user("2", "Two"), user("3", "Three")];
    store.write_page(first, &users, None).unwrap();
    store.finish_sync(first, 10).unwrap();
    let second = store.begin_sync("k", "p", "zoo").unwrap();
    let renamed = user("3", "Three Renamed");
    store
        .write_page(second, &[users[0].clone(), renamed.clone()], None)
        .unwrap();
    assert_eq!(
        store.finish_sync(second, 20).unwrap(),
        Finished::Kept { removed: 1 }
    );
    let stored = store.load("k").unwrap();
    assert_eq!(stored.users, vec![users[0].clone(), renamed]);
    assert_eq!(stored.total, Some(2));
}

/// Two syncs of one directory at once (an explorer and a `who` lookup, or a `sync` from
/// cron), ending in either order: the store holds the later-begun one whole, never a mix
/// of the two nor what is left of one after the other cleared it.
#[test]
fn of_two_syncs_at_once_the_store_keeps_the_one_begun_last_whole() {
    let everyone: Vec<UserSummary> = (0..6)
        .map(|i| user(&format!("u{i}"), &format!("Name {i}")))
        .collect();
    for later_ends_first in [false, true] {
        let (_dir, store) = store();
        let before = store.begin_sync("k", "p", "zoo").unwrap();
        store.write_page(before, &everyone[..5], None).unwrap();
        store.finish_sync(before, 1).unwrap();
        // `u4` is gone from the server, `u5` is new: both syncs see that.
        let now: Vec<UserSummary> = everyone[..4]
            .iter()
            .chain(&everyone[5..])
            .cloned()
            .collect();
        let earlier = store.begin_sync("k", "p", "zoo").unwrap();
        store.write_page(earlier, &now[..2], None).unwrap();
        let later = store.begin_sync("k", "p", "zoo").unwrap();
        store.write_page(later, &now[..3], None).unwrap();
        if later_ends_first {
            store.write_page(later, &now[3..], None).unwrap();
            assert_eq!(
                store.finish_sync(later, 3).unwrap(),
                Finished::Kept { removed: 1 }
            );
            store.write_page(earlier, &now[2..], None).unwrap();
            assert_eq!(store.finish_sync(earlier, 2).unwrap(), Finished::Superseded);
        } else {
            store.write_page(earlier, &now[2..], None).unwrap();
            assert_eq!(
                store.finish_sync(earlier, 2).unwrap(),
                Finished::Kept { removed: 1 }
            );
            store.write_page(later, &now[3..], None).unwrap();
            store.finish_sync(later, 3).unwrap();
        }
        let stored = store.load("k").unwrap();
        assert_eq!(stored.users, now, "later ends first: {later_ends_first}");
        assert_eq!(stored.synced_at, Some(3));
        assert_eq!(stored.total, Some(5));
    }
}

/// A sync begun later that never completes (stopped, failed) does not outrank one that does.
#[test]
fn a_sync_that_completes_is_kept_though_a_later_one_began_and_stopped() {
    let (_dir, store) = store();
    let users = [user("1", "One"), user("2", "Two")];
    let complete = store.begin_sync("k", "p", "zoo").unwrap();
    store.write_page(complete, &users[..1], None).unwrap();
    let stopped = store.begin_sync("k", "p", "zoo").unwrap();
    store.write_page(stopped, &users[..1], None).unwrap();
    store.write_page(complete, &users[1..], None).unwrap();
    assert_eq!(
        store.finish_sync(complete, 5).unwrap(),
        Finished::Kept { removed: 0 }
    );
    let stored = store.load("k").unwrap();
    assert_eq!(stored.users, users);
    assert_eq!(stored.synced_at, Some(5));
}

/// A refresh of changes begun after a full sync that is still running, ending first: a new
/// user it brought joins the complete users, not the running sync's rows (which that sync's
/// end replaces), so it is never lost whichever ends first.
#[test]
fn a_refresh_ending_before_a_running_full_sync_loses_no_new_user() {
    let (_dir, store) = store();
    let users = [user("1", "One"), user("2", "Two")];
    let first = store.begin_sync("k", "p", "zoo").unwrap();
    store.write_page(first, &users[..1], None).unwrap();
    store.finish_sync(first, 1).unwrap();
    // Cron's full sync has written the new user when the explorer's refresh begins.
    let full = store.begin_sync("k", "p", "zoo").unwrap();
    store.write_page(full, &users, None).unwrap();
    let changes = store.begin_sync("k", "p", "zoo").unwrap();
    store.write_page(changes, &users[1..], None).unwrap();
    assert_eq!(
        store.finish_changes(changes, 3).unwrap(),
        Finished::Kept { removed: 0 }
    );
    assert_eq!(store.load("k").unwrap().users, users);
    assert_eq!(
        store.finish_sync(full, 2).unwrap(),
        Finished::Kept { removed: 0 }
    );
    let stored = store.load("k").unwrap();
    assert_eq!(stored.users, users);
    assert_eq!(stored.total, Some(2));
}

/// A store written by the previous schema (no `synced_generation`) opens with its users, and a
/// refresh folds into them.
#[test]
fn a_version_1_store_opens_with_its_users_and_takes_a_refresh() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cache/directory.sqlite3");
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    let connection = Connection::open(&path).unwrap();
    connection
        .execute_batch(
            "CREATE TABLE directories (number INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE,
                 profile TEXT NOT NULL, provider TEXT NOT NULL, synced_at INTEGER,
                 total INTEGER, generation INTEGER NOT NULL DEFAULT 0);
             CREATE TABLE users (directory INTEGER NOT NULL, generation INTEGER NOT NULL,
                 id TEXT NOT NULL, name TEXT NOT NULL, email TEXT NOT NULL, role TEXT,
                 status TEXT NOT NULL);
             INSERT INTO directories VALUES (1, 'k', 'p', 'zoo', 10, 2, 3);
             INSERT INTO users VALUES (1, 3, '1', 'One', '1@example.com', NULL, '');
             INSERT INTO users VALUES (1, 3, '2', 'Two', '2@example.com', NULL, '');
             PRAGMA user_version = 1;",
        )
        .unwrap();
    drop(connection);
    let (store, note) = Store::open(&path).unwrap();
    assert!(note.is_none());
    let names = |store: &Store| -> Vec<String> {
        let stored = store.load("k").unwrap();
        stored.users.into_iter().map(|user| user.name).collect()
    };
    assert_eq!(names(&store), ["One", "Two"]);
    let changes = store.begin_sync("k", "p", "zoo").unwrap();
    store
        .write_page(
            changes,
            &[user("2", "Two Renamed"), user("3", "Three")],
            None,
        )
        .unwrap();
    store.finish_changes(changes, 20).unwrap();
    assert_eq!(names(&store), ["One", "Two Renamed", "Three"]);
    drop(store);
    // Opened again: nothing to bring up to date.
    let (store, _) = Store::open(&path).unwrap();
    assert_eq!(names(&store), ["One", "Two Renamed", "Three"]);
}

/// A refresh of changes begun before a full sync that ends first leaves the store to it.
#[test]
fn a_refresh_begun_before_a_full_sync_leaves_the_store_to_it() {
    let (_dir, store) = store();
    let users = [user("1", "One"), user("2", "Two")];
    let first = store.begin_sync("k", "p", "zoo").unwrap();
    store.write_page(first, &users, None).unwrap();
    store.finish_sync(first, 1).unwrap();
    let changes = store.begin_sync("k", "p", "zoo").unwrap();
    let full = store.begin_sync("k", "p", "zoo").unwrap();
    store.write_page(full, &users[..1], None).unwrap();
    store.finish_sync(full, 3).unwrap();
    store
        .write_page(changes, &[user("2", "Two Renamed")], None)
        .unwrap();
    assert_eq!(
        store.finish_changes(changes, 2).unwrap(),
        Finished::Superseded
    );
    assert_eq!(store.load("k").unwrap().users, users[..1]);
}

#[test]
fn clear_forgets_one_profile_or_all() {
    let (_dir, store) = store();
    for (key, profile) in [("a", "pa"), ("b", "pb")] {
        let ticket = store.begin_sync(key, profile, "zoo").unwrap();
        store.write_page(ticket, &[user("1", "One")], None).unwrap();
    }
    assert_eq!(store.clear(Some("pa")).unwrap(), 1);
    assert!(store.load("a").unwrap().users.is_empty());
    assert_eq!(store.info().unwrap().len(), 1);
    assert_eq!(store.clear(None).unwrap(), 1);
    assert!(store.info().unwrap().is_empty());
}

#[cfg(unix)]
#[test]
fn the_file_is_private_and_its_folder_too() {
    use std::os::unix::fs::PermissionsExt;
    let (dir, store) = store();
    let mode = |path: &Path| std::fs::metadata(path).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(store.path()), 0o600);
    assert_eq!(mode(&dir.path().join("cache")), 0o700);
}

#[test]
fn a_corrupt_file_is_moved_aside_and_rebuilt() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("directory.sqlite3");
    std::fs::write(&path, vec![0x5a_u8; 8192]).unwrap();
    let (store, note) = Store::open(&path).unwrap();
    assert!(note.unwrap().contains("corrupt"));
    assert!(store.load("k").unwrap().users.is_empty());
    assert!(path.with_extension("sqlite3.corrupt").exists());
}

#[test]
fn a_store_from_a_newer_userscope_is_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("directory.sqlite3");
    let connection = Connection::open(&path).unwrap();
    connection
        .pragma_update(None, "user_version", SCHEMA_VERSION + 1)
        .unwrap();
    drop(connection);
    assert!(matches!(Store::open(&path), Err(StoreError::Newer { .. })));
}

#[test]
fn two_processes_share_the_store() {
    // Two connections stand for an explorer and a `sync` from cron.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("directory.sqlite3");
    let (one, _) = Store::open(&path).unwrap();
    let (two, _) = Store::open(&path).unwrap();
    let ticket = one.begin_sync("k", "p", "zoo").unwrap();
    one.write_page(ticket, &[user("1", "One")], None).unwrap();
    assert_eq!(two.load("k").unwrap().users.len(), 1);
    let ticket = two.begin_sync("k", "p", "zoo").unwrap();
    two.write_page(ticket, &[user("2", "Two")], None).unwrap();
    two.finish_sync(ticket, 5).unwrap();
    assert_eq!(one.load("k").unwrap().users, vec![user("2", "Two")]);
}

#[test]
fn a_sync_of_changes_is_folded_in_one_row_per_user_and_removes_nobody() {
    let (_dir, store) = store();
    let users: Vec<_> = (0..5).map(|i| user(&format!("u{i}"), "Old")).collect();
    let ticket = store.begin_sync("k", "p", "quip").unwrap();
    store.write_page(ticket, &users, Some(5)).unwrap();
    store.finish_sync(ticket, 1_000).unwrap();
    let changes = store.begin_sync("k", "p", "quip").unwrap();
    let (changed, new) = (user("u2", "Changed"), user("u9", "New"));
    store
        .write_page(changes, &[changed.clone(), new.clone()], None)
        .unwrap();
    store.finish_changes(changes, 2_000).unwrap();
    let stored = store.load("k").unwrap();
    let mut expected = users.clone();
    expected[2] = changed;
    expected.push(new);
    assert_eq!(
        stored.users, expected,
        "the changed in place, the new at the end"
    );
    assert_eq!(stored.synced_at, Some(2_000));
    let rows: i64 = store
        .with(|c| c.query_row("SELECT count(*) FROM users", [], |row| row.get(0)))
        .unwrap();
    assert_eq!(rows, 6, "one row per user: the changed row was folded in");
}
