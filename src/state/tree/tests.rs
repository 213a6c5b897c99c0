//! Unit tests of `tree`.

use super::*;
use serde_json::json;

fn tree() -> TreeState {
    let json = json!({"user": {"id": 1, "name": "A"}, "discounts": [{"id": 7, "events": [{"id": 70}]}, {"id": 8, "events": []}], "odd key": true});
    TreeState::build(&json, no_labels, 1)
}

fn at(tree: &TreeState) -> String {
    tree.jq_path(tree.current().unwrap())
}

#[test]
fn builds_in_preorder_with_subtree_ends() {
    let tree = tree();
    assert_eq!(tree.nodes.len(), 14);
    assert_eq!(tree.nodes[0].subtree_end, 14);
    assert_eq!(
        tree.visible,
        [0, 1, 4, 13],
        "root open, its children closed"
    );
    assert_eq!(tree.jq_path(13), ".[\"odd key\"]");
}

#[test]
fn h_and_l_fold_and_walk() {
    let mut tree = tree();
    tree.move_by(2);
    assert_eq!(at(&tree), ".discounts");
    tree.expand_or_enter();
    assert_eq!(at(&tree), ".discounts");
    tree.expand_or_enter();
    assert_eq!(at(&tree), ".discounts[0]");
    tree.expand_or_enter();
    tree.expand_or_enter();
    assert_eq!(at(&tree), ".discounts[0].id");
    tree.collapse_or_leave();
    assert_eq!(at(&tree), ".discounts[0]");
    tree.collapse_or_leave();
    assert_eq!(at(&tree), ".discounts[0]", "collapsed in place");
    tree.collapse_or_leave();
    assert_eq!(at(&tree), ".discounts");
}

#[test]
fn siblings_parents_and_depths() {
    let mut tree = tree();
    tree.move_by(1);
    tree.go_sibling(true);
    assert_eq!(at(&tree), ".discounts");
    tree.go_sibling(true);
    assert_eq!(at(&tree), ".[\"odd key\"]");
    tree.go_sibling(true);
    assert_eq!(at(&tree), ".[\"odd key\"]", "no sibling after the last");
    tree.go_sibling(false);
    tree.go_sibling(false);
    assert_eq!(at(&tree), ".user");
    tree.set_expanded(true, true);
    assert_eq!(tree.visible.len(), 14);
    tree.move_to_end(true);
    tree.go_parent();
    assert_eq!(at(&tree), ".");
    tree.collapse_to_depth(2);
    assert_eq!(tree.visible.len(), 8);
    tree.set_expanded(true, false);
    assert_eq!(tree.visible.len(), 4, "C keeps the root open");
}

#[test]
fn collapsing_keeps_the_cursor_on_the_nearest_shown_ancestor() {
    let mut tree = tree();
    tree.set_expanded(true, true);
    let deep = tree
        .visible
        .iter()
        .position(|node| tree.jq_path(*node) == ".discounts[0].events[0].id")
        .unwrap();
    tree.cursor = deep;
    tree.collapse_to_depth(1);
    assert_eq!(at(&tree), ".discounts");
}
