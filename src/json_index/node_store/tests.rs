use super::*;
use crate::json_index::Kind;

fn node(at: u32) -> IndexNode {
    IndexNode::new(at, at + 1, at, at / 2, at + 1, 3, Kind::Number)
}

fn filled(mut store: NodeStore, count: u32) -> NodeStore {
    for at in 0..count {
        store.push(node(at));
    }
    store
}

#[test]
fn a_big_store_is_mapped_and_reads_back_what_was_pushed() {
    let capacity = crate::huge_pages::MIN_BYTES / NODE_BYTES + 1;
    let store = filled(NodeStore::with_capacity(capacity), 1_000);
    assert!(matches!(store, NodeStore::Mapped { .. }));
    let expected: Vec<IndexNode> = (0..1_000).map(node).collect();
    assert_eq!(store.as_slice(), expected);
    assert_eq!(store.heap_bytes(), 1_000 * NODE_BYTES);
}

#[test]
fn a_mapped_store_grows_past_its_guess() {
    let capacity = crate::huge_pages::MIN_BYTES / NODE_BYTES + 1;
    let mut store = NodeStore::with_capacity(capacity);
    let count = u32::try_from(capacity * 2 + 5).unwrap();
    store = filled(store, count);
    assert_eq!(store.len(), count as usize);
    assert!(
        store
            .as_slice()
            .iter()
            .zip(0..)
            .all(|(stored, at)| *stored == node(at))
    );
}

#[test]
fn a_small_store_stays_on_the_heap_and_both_compare_by_their_nodes() {
    let small = filled(NodeStore::with_capacity(10), 50);
    assert!(matches!(small, NodeStore::Heap(_)));
    let big = filled(NodeStore::with_capacity(1 << 20), 50);
    assert_eq!(small, big);
    assert_eq!(big.clone(), small);
}

#[test]
fn nodes_are_written_in_place() {
    let mut store = filled(NodeStore::with_capacity(1 << 20), 3);
    store.as_mut_slice()[1].end = 99;
    assert_eq!(store.as_slice()[1].end, 99);
}
