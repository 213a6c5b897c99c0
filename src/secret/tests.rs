use super::*;

#[test]
fn debug_never_shows_the_value() {
    let secret = Secret::new("sk_live_abcdef");
    assert!(!format!("{secret:?}").contains("abcdef"));
}

#[test]
fn redactor_replaces_every_occurrence() {
    let redactor = Redactor::new([Secret::new("tok123"), Secret::new("ab")]);
    let bearer = Redactor::new([Secret::new("Bearer s3cr3t-token")]);
    assert_eq!(bearer.clean("echo s3cr3t-token"), "echo [redacted]");
    assert_eq!(
        redactor.clean("a tok123 b tok123 ab"),
        "a [redacted] b [redacted] ab"
    );
}
