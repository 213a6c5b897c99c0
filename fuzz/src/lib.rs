//! Checks the fuzz targets share.

use userscope::state::tree::{NodeKey, TreeState};

/// Nodes whose jq path is looked up again per input (enough to cover a spread of depths).
const LOOKUPS: usize = 8;

/// A node's jq path finds a node with that same path (the Audit tab reveals evidence by its path),
/// for up to [`LOOKUPS`] nodes spread over the tree. With a duplicated key the path names the last
/// member, as serde_json reads it, so the node found may be a later twin.
pub fn assert_paths_lead_back(tree: &TreeState) {
    if has_duplicate_keys(tree) {
        // A path into a shadowed member names nothing (serde keeps the last one): the overview's
        // JSON notes say so, and there is no path to check.
        return;
    }
    let count = tree.len();
    let step = count.div_ceil(LOOKUPS).max(1);
    for node in (0..count).step_by(step) {
        let path = tree.jq_path(node);
        let found = tree.find_path(&path);
        assert!(found.is_some(), "{path} finds no node");
        assert_eq!(
            found.map(|found| tree.jq_path(found)),
            Some(path.clone()),
            "{path} finds a node of another path"
        );
    }
}

/// Whether an object in the tree holds a key twice.
fn has_duplicate_keys(tree: &TreeState) -> bool {
    let mut seen = std::collections::HashSet::new();
    (1..tree.len()).any(|node| match tree.key(node) {
        NodeKey::Key(key) => !seen.insert((tree.parent(node), key.to_string())),
        _ => false,
    })
}
