//! Where an index keeps its nodes: the heap for small documents, a huge-page map for big ones
//! (see `huge_pages`: a 31 MB record's ~37 MB of nodes fault ~18 times instead of ~9,000).

use memmap2::MmapMut;

use super::IndexNode;

const NODE_BYTES: usize = std::mem::size_of::<IndexNode>();

/// A growable array of nodes.
pub(super) enum NodeStore {
    Heap(Vec<IndexNode>),
    /// Nodes `..len` of a zeroed map; the rest is room to grow, not resident until written.
    Mapped {
        map: MmapMut,
        len: usize,
    },
}

impl Default for NodeStore {
    fn default() -> Self {
        Self::Heap(Vec::new())
    }
}

impl NodeStore {
    /// Room for `capacity` nodes without growing.
    pub(super) fn with_capacity(capacity: usize) -> Self {
        let bytes = capacity.saturating_mul(NODE_BYTES);
        if bytes >= crate::huge_pages::MIN_BYTES
            && let Some(map) = crate::huge_pages::zeroed(bytes)
        {
            return Self::Mapped { map, len: 0 };
        }
        Self::Heap(Vec::with_capacity(capacity))
    }

    pub(super) fn len(&self) -> usize {
        match self {
            Self::Heap(nodes) => nodes.len(),
            Self::Mapped { len, .. } => *len,
        }
    }

    pub(super) fn push(&mut self, node: IndexNode) {
        match self {
            Self::Heap(nodes) => nodes.push(node),
            Self::Mapped { map, len } => {
                let at = *len * NODE_BYTES;
                if at + NODE_BYTES > map.len() {
                    // More nodes than guessed (a body of tiny values): twice the room.
                    let Some(mut bigger) = crate::huge_pages::zeroed(map.len() * 2) else {
                        let mut nodes: Vec<IndexNode> = Vec::with_capacity(*len * 2);
                        nodes.extend_from_slice(bytemuck::cast_slice(&map[..at]));
                        nodes.push(node);
                        *self = Self::Heap(nodes);
                        return;
                    };
                    bigger[..at].copy_from_slice(&map[..at]);
                    *map = bigger;
                }
                map[at..at + NODE_BYTES].copy_from_slice(bytemuck::bytes_of(&node));
                *len += 1;
            }
        }
    }

    pub(super) fn as_slice(&self) -> &[IndexNode] {
        match self {
            Self::Heap(nodes) => nodes,
            // A map is page-aligned, more than a node needs, so the cast cannot fail.
            Self::Mapped { map, len } => bytemuck::cast_slice(&map[..*len * NODE_BYTES]),
        }
    }

    pub(super) fn as_mut_slice(&mut self) -> &mut [IndexNode] {
        match self {
            Self::Heap(nodes) => nodes,
            Self::Mapped { map, len } => bytemuck::cast_slice_mut(&mut map[..*len * NODE_BYTES]),
        }
    }

    /// Gives back what the heap reserved and did not use; a map's unused room was never
    /// resident, so it stays as it is.
    pub(super) fn shrink_to_fit(&mut self) {
        if let Self::Heap(nodes) = self {
            nodes.shrink_to_fit();
        }
    }

    /// Bytes of memory the nodes take (a map's pages beyond the nodes were never touched).
    pub(super) fn heap_bytes(&self) -> usize {
        match self {
            Self::Heap(nodes) => nodes.capacity() * NODE_BYTES,
            Self::Mapped { len, .. } => *len * NODE_BYTES,
        }
    }
}

impl Clone for NodeStore {
    fn clone(&self) -> Self {
        let mut copy = Self::with_capacity(self.len());
        for node in self.as_slice() {
            copy.push(*node);
        }
        copy
    }
}

impl PartialEq for NodeStore {
    fn eq(&self, other: &Self) -> bool {
        self.as_slice() == other.as_slice()
    }
}

impl Eq for NodeStore {}

impl std::fmt::Debug for NodeStore {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter.debug_list().entries(self.as_slice()).finish()
    }
}

#[cfg(test)]
mod tests;
