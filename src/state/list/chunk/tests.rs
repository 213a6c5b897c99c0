use super::*;
use crate::model::UserSummary;

fn user(id: &str, name: &str, email: &str) -> UserSummary {
    UserSummary {
        id: id.to_owned(),
        name: name.to_owned(),
        email: email.to_owned(),
        role: None,
        status: Vec::new(),
    }
}

#[test]
fn users_read_back_as_pushed_and_set() {
    let mut chunk = UserChunk::default();
    let mut users = vec![
        user("1", "Anna", "anna@x.io"),
        user("2", "Zoë e\u{301}", "zoe@x.io"),
        UserSummary {
            role: Some("admin".into()),
            status: vec![StatusMarker::Blocked("fraud".into()), StatusMarker::Robot],
            ..user("3", "", "")
        },
        user("4", "伟 Zhang", "wei@x.io"),
    ];
    for user in &users {
        chunk.push(user.into());
    }
    users[1] = user("2", "Zoe", "zoe.changed@example.com");
    chunk.set(1, (&users[1]).into());
    users[0] = user("1", "Ann e\u{301}", "a@x.io");
    chunk.set(0, (&users[0]).into());
    for (at, user) in users.iter().enumerate() {
        assert!(chunk.get(at).unwrap().is(user), "{at}");
        assert_eq!(chunk.get(at).unwrap().to_summary(), *user);
        assert_eq!(chunk.id(at), Some(user.id.as_str()));
        let text = format!("{} {}", user.name, user.email);
        let expected = nucleo_matcher::Utf32String::from(text.as_str());
        let haystack = chunk.haystack(at).unwrap();
        let mut buffer = Vec::new();
        assert_eq!(haystack.text(&mut buffer), expected.slice(..), "{at}");
        assert_eq!(haystack.chars, CharSet::of_text(expected.slice(..)));
    }
    assert!(chunk.get(4).is_none() && chunk.haystack(4).is_none());
    assert_eq!(chunk.matcher_texts.len(), 1, "only Ann's e + accent");
}
