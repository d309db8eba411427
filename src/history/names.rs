//! `NameCache`: each distinct written name resolved once, for inputs that repeat a few hundred
//! names over millions of rows.

use alloc::boxed::Box;
use alloc::vec::Vec;

use crate::{resolve, ParseError, Therapy};

/// Resolves written names as [`resolve`](crate::resolve) does, remembering each distinct name's
/// answer (the error too), so that a name read a million times is looked up once. Records repeat
/// a few hundred names (`dexamethasone`, `Velcade`, `VRd`), and hashing a name costs less than
/// folding it and looking it up.
///
/// Memory is bounded: it remembers at most [`CAPACITY`](Self::CAPACITY) names of at most
/// [`MAX_NAME`](Self::MAX_NAME) bytes each; other names are resolved every time.
///
/// ```
/// use myeloma::history::NameCache;
/// use myeloma::{resolve, Regimen, Therapy};
///
/// let mut names = NameCache::new();
/// assert_eq!(names.resolve("VRd"), Ok(Therapy::Regimen(Regimen::VRd)));
/// assert_eq!(names.resolve("VRd"), resolve("VRd")); // the second time from memory
/// assert_eq!(names.resolve("bortezimib"), resolve("bortezimib")); // misses too
/// assert_eq!(names.len(), 2);
/// ```
#[derive(Clone, Debug, Default)]
pub struct NameCache {
    /// Open addressing, linear probing: 0 is an empty slot, else 1 + an index into `entries`.
    slots: Vec<u32>,
    entries: Vec<(Box<[u8]>, Result<Therapy, ParseError>)>,
}

impl NameCache {
    /// The most names it remembers.
    pub const CAPACITY: usize = 4096;
    /// The longest name it remembers, in bytes.
    pub const MAX_NAME: usize = 64;

    /// An empty cache; it allocates on the first name.
    pub const fn new() -> NameCache {
        NameCache {
            slots: Vec::new(),
            entries: Vec::new(),
        }
    }

    /// What [`resolve`](crate::resolve) gives for `name`, from memory when the name was seen before.
    pub fn resolve(&mut self, name: &str) -> Result<Therapy, ParseError> {
        let key = name.as_bytes();
        if key.len() > Self::MAX_NAME {
            return resolve(name);
        }
        let hash = hash(key);
        let mask = self.slots.len().wrapping_sub(1);
        let mut slot = hash & mask;
        while let Some(&index) = self.slots.get(slot) {
            let Some((known, answer)) = index
                .checked_sub(1)
                .and_then(|i| self.entries.get(i as usize))
            else {
                break;
            };
            if **known == *key {
                // Variant by variant, so that a hit copies the therapy, not the error's bytes.
                return match answer {
                    Ok(therapy) => Ok(*therapy),
                    Err(error) => Err(*error),
                };
            }
            slot = (slot + 1) & mask;
        }
        let answer = resolve(name);
        if self.entries.len() < Self::CAPACITY {
            self.entries.push((key.into(), answer));
            self.place(hash, self.entries.len());
        }
        answer
    }

    /// The number of names it remembers.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether it remembers no name.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Puts entry `index` (1-based) in its slot, first doubling the table when it would be more
    /// than half full (so probes stay short).
    fn place(&mut self, hashed: usize, index: usize) {
        if index * 2 > self.slots.len() {
            let size = (self.slots.len() * 2).max(64);
            self.slots.clear();
            self.slots.resize(size, 0);
            for (i, (name, _)) in self.entries.iter().enumerate() {
                insert(&mut self.slots, hash(name), i + 1);
            }
        } else {
            insert(&mut self.slots, hashed, index);
        }
    }
}

/// Stores `index` in the first free slot from `hash` on.
fn insert(slots: &mut [u32], hash: usize, index: usize) {
    let mask = slots.len() - 1;
    let mut slot = hash & mask;
    while slots[slot] != 0 {
        slot = (slot + 1) & mask;
    }
    slots[slot] = index as u32;
}

/// A multiply-rotate hash over 8 bytes at a time (the mixing of FxHash): a name of 10 to 20
/// bytes hashes in two or three steps. Its weakness against chosen collisions costs at most a
/// longer probe in a table of at most [`NameCache::CAPACITY`] names.
fn hash(bytes: &[u8]) -> usize {
    const K: u64 = 0x517c_c1b7_2722_0a95;
    let mix = |h: u64, word: [u8; 8]| (h.rotate_left(5) ^ u64::from_le_bytes(word)).wrapping_mul(K);
    let mut h = bytes.len() as u64;
    let mut chunks = bytes.chunks_exact(8);
    let mut word = [0u8; 8];
    for chunk in &mut chunks {
        word.copy_from_slice(chunk);
        h = mix(h, word);
    }
    let rest = chunks.remainder();
    word = [0u8; 8];
    word[..rest.len()].copy_from_slice(rest);
    h = mix(h, word);
    // The multiply carries the entropy upwards; the table indexes with the low bits.
    (h >> 32) as usize
}
