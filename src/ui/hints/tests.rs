use super::*;

fn text(hints: &[Hint]) -> String {
    hints
        .iter()
        .flat_map(|hint| [" ", &hint.key, " ", hint.description, " "])
        .collect()
}

#[test]
fn at_80_columns_every_pane_keeps_help_and_quit_and_fits() {
    let keymap = Keymap::default();
    for context in [
        KeyContext::List,
        KeyContext::Detail,
        KeyContext::Tree,
        KeyContext::Threads,
        KeyContext::Audit,
        KeyContext::Raw,
    ] {
        let row = text(&hints(&keymap, context, 80, true));
        assert!(row.width() <= 80, "{context:?}: {row}");
        assert!(row.contains(" ? help "), "{context:?}: {row}");
        assert!(row.contains(" q quit "), "{context:?}: {row}");
    }
}

#[test]
fn each_pane_says_what_its_keys_do_there() {
    let keymap = Keymap::default();
    let row = |context| text(&hints(&keymap, context, 300, true));
    assert!(row(KeyContext::Raw).contains(" / search the JSON "));
    assert!(row(KeyContext::List).contains(" Enter open "));
    assert!(row(KeyContext::List).contains(" * mark all shown "));
    assert!(row(KeyContext::List).contains(" u clear the marks "));
    let unmarked = text(&hints(&keymap, KeyContext::List, 200, false));
    assert!(!unmarked.contains(" u clear the marks "), "{unmarked}");
    assert!(row(KeyContext::Filter).contains(" Enter search the server "));
    assert!(row(KeyContext::Tree).contains(" Enter fold / unfold "));
    for context in [KeyContext::Threads, KeyContext::Audit, KeyContext::Tree] {
        assert!(!row(context).contains("search server"), "{context:?}");
    }
    assert!(row(KeyContext::Audit).contains(" Enter show the evidence / fold "));
    assert!(row(KeyContext::Command).contains(" S-Tab previous completion "));
}

#[test]
fn the_least_used_hints_go_first_and_the_rest_keep_their_order() {
    let keymap = Keymap::default();
    let wide = hints(&keymap, KeyContext::List, 200, false);
    let narrow = hints(&keymap, KeyContext::List, 60, false);
    assert!(narrow.len() < wide.len());
    let kept: Vec<&str> = narrow.iter().map(|hint| hint.description).collect();
    assert!(!kept.contains(&"cancel / clear the marks"), "{kept:?}");
    assert!(
        kept.contains(&"filter") && kept.contains(&"open"),
        "{kept:?}"
    );
    let positions: Vec<usize> = narrow
        .iter()
        .map(|hint| wide.iter().position(|known| known == hint).unwrap())
        .collect();
    assert!(positions.is_sorted(), "{positions:?}");
    // Too narrow for anything else: help and quit all the same.
    let tiny = hints(&keymap, KeyContext::List, 10, false);
    assert_eq!(
        tiny.iter().map(|hint| hint.description).collect::<Vec<_>>(),
        ["help", "quit"]
    );
}
