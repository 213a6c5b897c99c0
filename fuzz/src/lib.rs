//! Checks the fuzz targets share.

use userscope::state::tree::TreeState;

/// Nodes whose jq path is looked up again per input: `find_path` is linear, so all of them
/// would make each input cost the square of its size.
const LOOKUPS: usize = 8;

/// A node's jq path finds that node (the Audit tab reveals evidence by its path), for up to
/// [`LOOKUPS`] nodes spread over the tree.
pub fn assert_paths_lead_back(tree: &TreeState) {
    let count = tree.nodes.len();
    let step = count.div_ceil(LOOKUPS).max(1);
    for node in (0..count).step_by(step) {
        let path = tree.jq_path(node);
        assert_eq!(
            tree.find_path(&path),
            Some(node),
            "{path} finds another node"
        );
    }
}
