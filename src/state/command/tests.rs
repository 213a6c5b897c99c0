use super::*;

#[test]
fn parses_commands_and_aliases() {
    assert_eq!(
        parse("profile acme-zoo"),
        Ok(Command::Profile("acme-zoo".into()))
    );
    assert_eq!(parse("  q "), Ok(Command::Quit));
    assert_eq!(parse("theme light"), Ok(Command::Theme("light".into())));
    assert_eq!(parse("export"), Ok(Command::Export));
    assert_eq!(parse("user  1042 "), Ok(Command::User("1042".into())));
    assert!(parse("user").unwrap_err().contains("needs a user id"));
    assert!(parse("profile").unwrap_err().contains("needs a name"));
    assert!(parse("frobnicate").unwrap_err().contains("unknown command"));
}

#[test]
fn completes_commands_then_arguments() {
    let profiles = vec![
        "sandbox-zoo".to_owned(),
        "sandbox-zooza".to_owned(),
        "acme".to_owned(),
    ];
    let themes = vec!["dark".to_owned(), "light".to_owned()];
    assert_eq!(candidates("pr", &profiles, &themes), ["profile"]);
    assert_eq!(candidates("", &profiles, &themes).len(), NAMES.len());
    assert_eq!(
        candidates("profile sandbox-zo", &profiles, &themes),
        ["sandbox-zoo", "sandbox-zooza"]
    );
    assert_eq!(candidates("profile ", &profiles, &themes).len(), 3);
    assert_eq!(candidates("theme l", &profiles, &themes), ["light"]);
    assert!(candidates("quit x", &profiles, &themes).is_empty());
    assert_eq!(complete("pr", "profile"), "profile ");
    assert_eq!(
        complete("profile sandbox-zo", "sandbox-zooza"),
        "profile sandbox-zooza"
    );
    assert_eq!(complete("profile ", "acme"), "profile acme");
    assert_eq!(complete("", "theme"), "theme ");
    assert_eq!(complete("", "export"), "export");
    assert_eq!(candidates("us", &profiles, &themes), ["user"]);
    assert_eq!(complete("us", "user"), "user ");
}
