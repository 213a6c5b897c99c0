//! Filtered index sequences that page without scanning: the indices with chosen residues,
//! indexed and counted in O(1).

/// The indices below `total` whose residue modulo `modulus` is in `residues`, optionally without 0,
/// indexed and counted in O(1): how filtered lists page through a million users without a scan.
pub(crate) struct ResidueSeq {
    pub(crate) modulus: u64,
    pub(crate) residues: Vec<u64>,
    pub(crate) total: u64,
    pub(crate) skip_zero: bool,
}

impl ResidueSeq {
    fn zero_skipped(&self) -> bool {
        self.skip_zero && self.residues.contains(&0) && self.total > 0
    }

    pub(crate) fn len(&self) -> u64 {
        let full: u64 = self
            .residues
            .iter()
            .filter(|&&r| r < self.total)
            .map(|&r| (self.total - 1 - r) / self.modulus + 1)
            .sum();
        full - u64::from(self.zero_skipped())
    }

    /// The `k`-th index of the sequence (ascending), if `k < len()`.
    pub(crate) fn nth(&self, k: u64) -> Option<u64> {
        if k >= self.len() || self.residues.is_empty() {
            return None;
        }
        let k = k + u64::from(self.zero_skipped());
        let per_block = self.residues.len() as u64;
        Some((k / per_block) * self.modulus + self.residues[(k % per_block) as usize])
    }
}
