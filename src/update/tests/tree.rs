//! The Tree tab: folding keeps the cursor's row on screen and never leaves the view scrolled
//! past what is left to show.

use super::*;

/// A state showing, in the focused Tree tab, a record of 20 objects of 10 keys each (221 rows
/// expanded, far more than the 32 rows of the pane at 120x40).
fn tree_shown() -> State {
    let mut state = loaded();
    let (request, id) = open_selected(&mut state);
    let users: Vec<serde_json::Value> = (0..20)
        .map(|user| {
            (0..10)
                .map(|field| (format!("f{field}"), serde_json::json!(user * 10 + field)))
                .collect()
        })
        .collect();
    let json = serde_json::json!({ "users": users });
    let mut big = (*record(&id)).clone();
    big.bodies[0].bytes = bytes::Bytes::from(serde_json::to_vec(&json).unwrap());
    big.json = json;
    update(
        &mut state,
        Msg::RecordLoaded {
            request,
            result: Ok(Arc::new(big)),
        },
    );
    if state.focus != Focus::Detail {
        update(&mut state, key(KeyCode::Tab));
    }
    update(&mut state, key(KeyCode::Char(']')));
    assert_eq!(state.detail.tab, DetailTab::Tree);
    state
}

/// The view shows the cursor, and no blank row while rows above are hidden.
fn assert_view_is_full_and_shows_the_cursor(state: &State, what: &str) {
    let tree = &state.detail.tree;
    let (rows, len) = (state.detail_rows(), tree.visible.len());
    assert!(
        (tree.offset..tree.offset + rows).contains(&tree.cursor),
        "{what}: cursor {} outside the view at {} of {rows} rows",
        tree.cursor,
        tree.offset
    );
    assert!(
        tree.offset + rows <= len || tree.offset == 0,
        "{what}: the view starts at {} of {len} rows, {} blank rows below",
        tree.offset,
        tree.offset + rows - len
    );
}

#[test]
fn collapsing_everything_from_the_bottom_scrolls_back_to_the_root() {
    let mut state = tree_shown();
    update(&mut state, key(KeyCode::Char('E')));
    update(&mut state, key(KeyCode::Char('G')));
    assert!(state.detail.tree.offset > 0, "the view went down with G");
    update(&mut state, key(KeyCode::Char('C')));
    let tree = &state.detail.tree;
    assert_eq!(tree.visible.len(), 2, "the root and `users`");
    assert_eq!(tree.offset, 0, "the root is in view");
    assert_view_is_full_and_shows_the_cursor(&state, "E G C");
}

#[test]
fn every_fold_keeps_the_cursor_on_screen_and_the_view_full() {
    // From the last row, each fold key in turn: collapse the subtree, the node, show N levels.
    for (fold, what) in [
        (KeyCode::Char('c'), "c"),
        (KeyCode::Char('h'), "h"),
        (KeyCode::Char('1'), "1"),
        (KeyCode::Char('2'), "2"),
        (KeyCode::Char('H'), "H"),
    ] {
        let mut state = tree_shown();
        update(&mut state, key(KeyCode::Char('E')));
        update(&mut state, key(KeyCode::Char('G')));
        update(&mut state, key(fold));
        assert_view_is_full_and_shows_the_cursor(&state, what);
    }
    // Folding `users` from its last child's row: 2 rows are left.
    let mut state = tree_shown();
    update(&mut state, key(KeyCode::Char('E')));
    update(&mut state, key(KeyCode::Char('G')));
    update(&mut state, key(KeyCode::Char('H')));
    update(&mut state, key(KeyCode::Char('H')));
    update(&mut state, key(KeyCode::Char('h')));
    assert_eq!(state.detail.tree.offset, 0);
    assert_view_is_full_and_shows_the_cursor(&state, "H H h");
}
