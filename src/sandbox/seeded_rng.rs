//! The generator's randomness: splitmix64 keyed by (seed, provider, index, stream), and the
//! provider tags that give each provider its own population. Apart from `generate` so the id
//! encodings and the organisation's people use it without naming the generator that uses them.

/// Provider tags mixed into the seed so each provider has its own population.
pub(crate) const ZOO: u64 = 0x5A00;
pub(crate) const ZOOZA: u64 = 0x5A5A;
pub(crate) const QUIP: u64 = 0x0C1F;
pub(crate) const SCANOVA: u64 = 0x5CA0;

/// The splitmix64 finaliser: a cheap, well-mixed hash of one word.
pub(crate) fn mix(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// splitmix64, keyed by seed, provider, index and a stream number. Our own, so streams never change
/// with a crate upgrade.
pub(crate) struct Rng(u64);

impl Rng {
    pub(crate) fn new(seed: u64, provider: u64, index: u64, stream: u64) -> Self {
        Rng(mix(seed ^ mix(provider ^ mix(index ^ mix(stream)))))
    }

    pub(crate) fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        mix(self.0)
    }

    /// A number in `0..n` (0 when `n` is 0).
    pub(crate) fn below(&mut self, n: u64) -> u64 {
        if n == 0 { 0 } else { self.next_u64() % n }
    }

    /// A number in `low..=high`.
    pub(crate) fn range(&mut self, low: u64, high: u64) -> u64 {
        low + self.below(high.saturating_sub(low) + 1)
    }

    pub(crate) fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }

    pub(crate) fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }
}
