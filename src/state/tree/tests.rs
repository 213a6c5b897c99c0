//! Unit tests of `tree`.

use super::*;
use serde_json::json;

fn tree() -> TreeState {
    let json = json!({"user": {"id": 1, "name": "A"}, "discounts": [{"id": 7, "events": [{"id": 70}]}, {"id": 8, "events": []}], "odd key": true});
    TreeState::from_value(&json, no_labels, 1)
}

fn at(tree: &TreeState) -> String {
    tree.jq_path(tree.current().unwrap())
}

#[test]
fn builds_in_preorder_with_subtree_ends() {
    let tree = tree();
    assert_eq!(tree.len(), 14);
    assert_eq!(tree.index().node(0).subtree_end, 14);
    assert_eq!(
        tree.visible.iter().collect::<Vec<_>>(),
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
        .position(|node| tree.jq_path(node) == ".discounts[0].events[0].id")
        .unwrap();
    tree.cursor = deep;
    tree.collapse_to_depth(1);
    assert_eq!(at(&tree), ".discounts");
}

#[test]
fn paths_lead_back_to_their_nodes() {
    let tree = tree();
    for node in 0..tree.len() {
        assert_eq!(tree.find_path(&tree.jq_path(node)), Some(node), "{node}");
    }
    assert_eq!(tree.find_path(".discounts[2]"), None);
    assert_eq!(tree.find_path(".user.id.x"), None);
    assert_eq!(tree.pointer(13), "/odd key");
    assert_eq!(tree.pointer(7), "/discounts/0/events");
}

#[test]
fn a_path_into_a_shadowed_duplicate_finds_what_serde_would() {
    // Found by the fuzzer (record_tree, map_zooza): the tree shows both members of a duplicated
    // key, but a jq path, like serde and `jq`, means the last one; a path into the first names
    // nothing, and must not find a node of another path.
    let text = r#"{"a": {"b": 1}, "a": {"c": 2}}"#;
    let tree = TreeState::build(bytes::Bytes::from(text), no_labels, 9).unwrap();
    let shadowed = (0..tree.len())
        .find(|node| tree.jq_path(*node) == ".a.b")
        .unwrap();
    assert_eq!(tree.find_path(&tree.jq_path(shadowed)), None);
    let last = tree.find_path(".a.c").unwrap();
    assert_eq!(tree.jq_path(last), ".a.c");
    assert_eq!(
        tree.find_path(".a").map(|node| tree.jq_path(node)),
        Some(".a".to_owned())
    );
}

#[test]
fn rows_read_keys_previews_and_labels_from_the_bytes() {
    fn label(path: &[PathSegment<'_>], value: &serde_json::Value) -> Option<String> {
        matches!(
            path,
            [.., PathSegment::Key("discounts"), PathSegment::Index(_)]
        )
        .then(|| format!("credit {}", value["id"]))
    }
    let text = r#"{"discounts": [{"id": 7, "note": "a\nb \u00e9"}], "n": 12345678901234567890123}"#;
    let mut tree = TreeState::build(bytes::Bytes::from(text), label, 9).unwrap();
    let row = tree.row(0);
    assert_eq!(
        (row.key, row.preview.as_ref(), row.fold),
        (NodeKey::Root, "{2 keys}", Some(true))
    );
    let row = tree.row(2);
    assert_eq!(row.key, NodeKey::Index(0));
    assert_eq!(row.label.as_deref(), Some("credit 7"));
    assert_eq!(row.depth, 2);
    assert_eq!(tree.row(4).preview, r#""a\nb é""#);
    assert_eq!(tree.row(5).preview, "12345678901234567890123", "exact text");
    assert_eq!(tree.row(5).fold, None);
    tree.scroll_to_cursor(3, 1);
    assert_eq!(tree.labels.len(), 3, "the page's labels are kept");
    assert_eq!(tree.row(2).label.as_deref(), Some("credit 7"));
    let long = json!({"s": "x".repeat(200)});
    let tree = TreeState::from_value(&long, no_labels, 1);
    assert_eq!(
        tree.row(1).preview.chars().count(),
        121,
        "120 characters of JSON and …"
    );
}

#[test]
fn a_record_of_several_bodies_is_shown_as_its_export() {
    let body = |label: &str, text: &str| crate::model::RawBody {
        label: label.to_owned(),
        path: "/x".to_owned(),
        bytes: bytes::Bytes::from(text.to_owned()),
    };
    let record = crate::model::UserRecord {
        provider: crate::model::ProviderKind::Zoo,
        id: "1".to_owned(),
        summary: crate::model::UserSummary::with_id("1"),
        bodies: vec![body("admin_details", "{\"a\": 1}"), body("profile", "[2]")],
        json: serde_json::Value::Null,
        sections: Vec::new(),
        threads: Vec::new(),
        fetched_at: chrono::DateTime::UNIX_EPOCH,
        deferred: false,
        big: None,
    };
    let tree = TreeState::of_record(&record, no_labels, 1);
    assert_eq!(tree.jq_path(2), ".admin_details.a");
    assert_eq!(tree.jq_path(4), ".profile[0]");
}
