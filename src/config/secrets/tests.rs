use super::*;

#[test]
fn reads_a_command_and_never_quotes_the_value_in_errors() {
    let argv = vec!["printf".to_owned(), "  s3cret-value \n".to_owned()];
    let secret = resolve_secret(None, Some(&argv)).unwrap().unwrap();
    assert_eq!(secret.expose(), "s3cret-value");
    let failing = vec!["false".to_owned()];
    assert!(
        resolve_secret(None, Some(&failing))
            .unwrap_err()
            .contains("false failed")
    );
    assert!(resolve_secret(None, None).unwrap().is_none());
}

#[test]
fn names_a_missing_variable() {
    let err = resolve_secret(Some("USERSCOPE_TEST_SURELY_UNSET_VAR"), None).unwrap_err();
    assert!(err.contains("USERSCOPE_TEST_SURELY_UNSET_VAR"));
}
