use nucleo_matcher::Utf32String;

use super::*;
use crate::state::filter::CharSet;

fn user(id: &str, name: &str, email: &str) -> UserSummary {
    UserSummary {
        id: id.to_owned(),
        name: name.to_owned(),
        email: email.to_owned(),
        role: None,
        status: Vec::new(),
    }
}

/// The text nucleo scores for user `at`, and its character set.
fn scored(held: &HeldUsers, at: usize) -> Option<(String, CharSet)> {
    let haystacks = held.snapshot();
    let haystack = haystacks.haystack(at)?;
    let mut buffer = Vec::new();
    Some((haystack.text(&mut buffer).to_string(), haystack.chars))
}

#[test]
fn chunks_hold_every_user_in_order() {
    let users: Vec<UserSummary> = (0..CHUNK * 2 + 3)
        .map(|i| user(&i.to_string(), &format!("user {i}"), "u@x.io"))
        .collect();
    let mut held = HeldUsers::default();
    for user in &users {
        held.push(user);
    }
    assert_eq!(held.len(), users.len());
    assert_eq!(
        scored(&held, CHUNK + 1).unwrap().0,
        format!("user {} u@x.io", CHUNK + 1)
    );
    held.set(
        CHUNK + 1,
        &user(&(CHUNK + 1).to_string(), "changed", "c@x.io"),
    );
    let (text, chars) = scored(&held, CHUNK + 1).unwrap();
    assert_eq!(text, "changed c@x.io");
    assert_eq!(
        chars,
        CharSet::of_text(Utf32String::from("changed c@x.io").slice(..))
    );
    assert!(scored(&held, users.len()).is_none());
    assert_eq!(held.get(CHUNK + 2).unwrap().to_summary(), users[CHUNK + 2]);
    assert_eq!(held.index_of_id(&(CHUNK * 2).to_string()), Some(CHUNK * 2));
    assert_eq!(held.index_of_id("nobody"), None);
}

#[test]
fn users_read_on_every_core_are_those_pushed_one_by_one() {
    let users: Vec<UserSummary> = (0..CHUNK * 2 + 5)
        .map(|i| {
            let name = match i % 3 {
                0 => format!("Zoë Ó {i}"),
                1 => format!("Jose\u{301} 👩\u{200d}👧 {i}"),
                _ => format!("Ann {i}"),
            };
            user(&format!("id-{i}"), &name, &format!("zoe.{i}@example.com"))
        })
        .collect();
    let at_once = HeldUsers::build(&users);
    let mut one_by_one = HeldUsers::default();
    for user in &users {
        one_by_one.push(user);
    }
    assert_eq!(at_once.len(), one_by_one.len());
    for at in [0, 1, 2, CHUNK - 1, CHUNK, CHUNK * 2 + 4] {
        assert_eq!(scored(&at_once, at), scored(&one_by_one, at), "{at}");
        let text = format!("{} {}", users[at].name, users[at].email);
        let expected = Utf32String::from(text.as_str());
        assert_eq!(scored(&at_once, at).unwrap().0, expected.to_string());
        assert_eq!(at_once.get(at).unwrap().to_summary(), users[at]);
        assert_eq!(at_once.index_of_id(&users[at].id), Some(at));
    }
}

#[test]
fn an_id_read_again_updates_its_first_row_in_place() {
    let held = HeldUsers::build(&[
        user("1", "Ann", "a@x.io"),
        user("2", "Bob", "b@x.io"),
        user("1", "Ann Li", "li@x.io"),
    ]);
    assert_eq!(held.len(), 2);
    assert_eq!(held.get(0).unwrap().name, "Ann Li");
    assert_eq!(scored(&held, 0).unwrap().0, "Ann Li li@x.io");
    assert_eq!(held.index_of_id("2"), Some(1));
}

#[test]
fn an_id_read_again_in_a_later_chunk_updates_its_first_row_and_leaves_no_gap() {
    let mut users: Vec<UserSummary> = (0..CHUNK * 2 + 10)
        .map(|i| user(&format!("id-{i}"), &format!("Name {i}"), "n@x.io"))
        .collect();
    users[CHUNK + 5] = user("id-3", "Renamed", "r@x.io");
    let held = HeldUsers::build(&users);
    assert_eq!(held.len(), users.len() - 1);
    assert_eq!(held.get(3).unwrap().name, "Renamed");
    assert_eq!(scored(&held, 3).unwrap().0, "Renamed r@x.io");
    assert_eq!(held.index_of_id("id-3"), Some(3));
    let last = format!("id-{}", users.len() - 1);
    assert_eq!(held.index_of_id(&last), Some(users.len() - 2));
    assert_eq!(held.get(CHUNK + 5).unwrap().id, format!("id-{}", CHUNK + 6));
}
