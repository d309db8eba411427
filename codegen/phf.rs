//! Builds the perfect hash table behind name resolution: every folded name gets a slot of its own, so
//! a lookup is one hash, one table read and one comparison.

use super::text::{bucket, hash, set_slot, slot};

/// A perfect hash over a set of distinct keys.
pub struct Phf {
    pub seed: u64,
    /// One `(d1, d2)` pair per bucket; the number of buckets is a power of two.
    pub displacements: Vec<(u32, u32)>,
    /// For each slot, the index of the key stored there; the number of slots is a power of two.
    pub slots: Vec<Option<usize>>,
}

/// How many seeds to try before giving up; with the table at most half full, the first few succeed.
const SEEDS_TO_TRY: u64 = 1_000;

/// Finds a seed and displacements that put every key in a slot of its own. `None` only if no seed in
/// [`SEEDS_TO_TRY`] works, which the caller reports as a build error.
pub fn build(keys: &[&[u8]]) -> Option<Phf> {
    let slots_len = (keys.len() * 2).next_power_of_two().max(2);
    let buckets_len = (keys.len() / 4).next_power_of_two().max(1);
    (0..SEEDS_TO_TRY).find_map(|seed| try_seed(seed, keys, slots_len, buckets_len))
}

fn try_seed(seed: u64, keys: &[&[u8]], slots_len: usize, buckets_len: usize) -> Option<Phf> {
    let hashes: Vec<u64> = keys.iter().map(|k| hash(seed, k)).collect();
    let mut buckets: Vec<Vec<usize>> = vec![Vec::new(); buckets_len];
    for (index, h) in hashes.iter().enumerate() {
        buckets[bucket(*h, buckets_len - 1)].push(index);
    }
    // Place the fullest buckets first, while the table is emptiest; ties in bucket order.
    let mut order: Vec<usize> = (0..buckets_len).collect();
    order.sort_by_key(|b| std::cmp::Reverse(buckets[*b].len()));

    let mut slots = vec![None; slots_len];
    let mut displacements = vec![(0, 0); buckets_len];
    for b in order {
        let (d1, d2) = place(&buckets[b], &hashes, &slots)?;
        for &key in &buckets[b] {
            slots[slot(hashes[key], d1, d2, slots_len - 1)] = Some(key);
        }
        displacements[b] = (d1, d2);
    }
    Some(Phf {
        seed,
        displacements,
        slots,
    })
}

/// The first displacement pair that puts every key of a bucket in a distinct free slot.
fn place(bucket: &[usize], hashes: &[u64], slots: &[Option<usize>]) -> Option<(u32, u32)> {
    let range = slots.len() as u32;
    let mut taken = Vec::with_capacity(bucket.len());
    for d1 in 0..range {
        'next: for d2 in 0..range {
            taken.clear();
            for &key in bucket {
                let s = slot(hashes[key], d1, d2, slots.len() - 1);
                if slots[s].is_some() || taken.contains(&s) {
                    continue 'next;
                }
                taken.push(s);
            }
            return Some((d1, d2));
        }
    }
    None
}

/// A perfect multiply-shift hash over drug-set bits: every distinct set gets a slot of its own.
pub struct SetTable {
    pub multiplier: u64,
    /// log2 of the number of slots.
    pub slots_log2: u32,
    /// For each slot, the index of the first key (in the given order) stored there.
    pub slots: Vec<Option<usize>>,
}

/// Finds the first multiplier, in a fixed sequence of odd numbers, that gives every distinct key
/// a slot of its own in a table of at least four slots per key; equal keys share a slot, which keeps
/// the first. `None` if no multiplier in [`SEEDS_TO_TRY`] works.
pub fn build_sets(keys: &[u64]) -> Option<SetTable> {
    let slots_log2 = (keys.len() * 4).next_power_of_two().max(2).trailing_zeros();
    let mut multiplier = 0x9e37_79b9_7f4a_7c15_u64;
    for _ in 0..SEEDS_TO_TRY {
        let mut slots: Vec<Option<usize>> = vec![None; 1 << slots_log2];
        let clash = keys.iter().enumerate().any(|(i, &bits)| {
            let s = set_slot(bits, multiplier, slots_log2);
            match slots[s] {
                Some(j) => keys[j] != bits,
                None => {
                    slots[s] = Some(i);
                    false
                }
            }
        });
        if !clash {
            return Some(SetTable {
                multiplier,
                slots_log2,
                slots,
            });
        }
        multiplier = multiplier.wrapping_add(0x9e37_79b9_7f4a_7c16);
    }
    None
}
