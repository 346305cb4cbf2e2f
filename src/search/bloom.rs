//! A Bloom filter over the pairs of terms that stand side by side somewhere but need no
//! posting list of their own (docs/search.md, "Phrases"): it tells a phrase query whether
//! its two words ever meet side by side, in shards that the browser fetches one at a time.

use super::export::fnv32;

/// Bits per key (about 1.7% false positives with three hashes).
const BITS_PER_KEY: usize = 10;
pub const HASHES: u32 = 3;
/// Largest shard.
const MAX_SHARD_BYTES: usize = 4096;

/// The filter: shards of equal size; a key lives in shard `fnv32(key) mod n`.
#[derive(Debug, Clone, Default)]
pub struct Bloom {
    pub shards: Vec<Vec<u8>>,
}

impl Bloom {
    pub fn new(keys: &[String]) -> Bloom {
        let bits = (keys.len() * BITS_PER_KEY).max(64);
        let n = bits.div_ceil(MAX_SHARD_BYTES * 8);
        let bytes = bits.div_ceil(8 * n);
        let mut shards = vec![vec![0u8; bytes]; n];
        for key in keys {
            let shard = &mut shards[fnv32(key) as usize % n];
            for bit in positions(key, bytes * 8) {
                shard[bit / 8] |= 1 << (bit % 8);
            }
        }
        Bloom { shards }
    }

    /// False when `key` was certainly not added.
    pub fn contains(&self, key: &str) -> bool {
        let Some(shard) = self
            .shards
            .get(fnv32(key) as usize % self.shards.len().max(1))
        else {
            return false;
        };
        positions(key, shard.len() * 8).all(|bit| shard[bit / 8] & (1 << (bit % 8)) != 0)
    }
}

/// The bits of a key in a shard of `bits` bits: `mix(h + (i + 1) × 0x9E3779B9) mod bits`
/// for i = 0, 1, 2, with `h` the key's FNV-1a 32.
fn positions(key: &str, bits: usize) -> impl Iterator<Item = usize> {
    let h = fnv32(key);
    (1..=HASHES).map(move |i| mix(h.wrapping_add(i.wrapping_mul(0x9E37_79B9))) as usize % bits)
}

/// MurmurHash3's finaliser: every input bit moves every output bit.
fn mix(mut h: u32) -> u32 {
    h ^= h >> 16;
    h = h.wrapping_mul(0x85eb_ca6b);
    h ^= h >> 13;
    h = h.wrapping_mul(0xc2b2_ae35);
    h ^ (h >> 16)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_added_is_found_and_few_others_are() {
        let keys: Vec<String> = (0..5000).map(|i| format!("\u{1}{i} {}", i * 7)).collect();
        let bloom = Bloom::new(&keys);
        assert!(bloom.shards.len() > 1);
        assert!(keys.iter().all(|k| bloom.contains(k)));
        let false_positives = (0..5000)
            .filter(|i| bloom.contains(&format!("\u{1}{i} {}", i * 7 + 1)))
            .count();
        assert!(false_positives < 200, "{false_positives}");
        assert!(!Bloom::new(&[]).contains("\u{1}1 2"));
    }
}
