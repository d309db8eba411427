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
/// assert_eq!(names.resolve("VRd"), Ok(Therapy::Regimen(Regimen::RVd)));
/// assert_eq!(names.resolve("VRd"), resolve("VRd")); // the second time from memory
/// assert_eq!(names.resolve("bortezimib"), resolve("bortezimib")); // misses too
/// assert_eq!(names.len(), 2);
/// ```
#[derive(Clone, Debug, Default)]
pub struct NameCache {
    /// Open addressing, linear probing: 0 is an empty slot, else 1 + an index into `entries`.
    slots: Vec<u32>,
    entries: Vec<Entry>,
}

#[derive(Clone, Debug)]
struct Entry {
    print: Print,
    /// The whole name, compared only when the print does not hold all of it.
    name: Box<[u8]>,
    answer: Result<Therapy, ParseError>,
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
    #[inline(always)] // the lookup of a name seen before, in the caller's loop; the rest is `learn`
    pub fn resolve(&mut self, name: &str) -> Result<Therapy, ParseError> {
        let key = name.as_bytes();
        if key.len() <= Self::MAX_NAME {
            let print = Print::of(key);
            let mask = self.slots.len().wrapping_sub(1);
            let mut slot = print.hash() & mask;
            while let Some(&index) = self.slots.get(slot) {
                let Some(entry) = index
                    .checked_sub(1)
                    .and_then(|i| self.entries.get(i as usize))
                else {
                    break;
                };
                if entry.print == print && (print.is_whole() || *entry.name == *key) {
                    // Variant by variant, so that a hit copies the therapy, not the error's bytes.
                    return match &entry.answer {
                        Ok(therapy) => Ok(*therapy),
                        Err(error) => Err(*error),
                    };
                }
                slot = (slot + 1) & mask;
            }
        }
        self.learn(name)
    }

    /// A name not in memory: resolved, and remembered when there is room.
    #[cold]
    #[inline(never)]
    fn learn(&mut self, name: &str) -> Result<Therapy, ParseError> {
        let answer = resolve(name);
        let key = name.as_bytes();
        if key.len() <= Self::MAX_NAME && self.entries.len() < Self::CAPACITY {
            let print = Print::of(key);
            self.entries.push(Entry {
                print,
                name: key.into(),
                answer,
            });
            self.place(print.hash(), self.entries.len());
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
            for (i, entry) in self.entries.iter().enumerate() {
                insert(&mut self.slots, entry.print.hash(), i + 1);
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

/// A name's length with its first and last 8 bytes, read as two integers (a shorter name packed
/// whole in `first`): all of a name of up to 16 bytes, so that most lookups compare and hash a
/// few integers, with no loop over the bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Print {
    len: usize,
    first: u64,
    last: u64,
}

impl Print {
    #[inline]
    fn of(bytes: &[u8]) -> Print {
        let (first, last) = match (bytes.first_chunk::<8>(), bytes.last_chunk::<8>()) {
            (Some(first), Some(last)) => (u64::from_le_bytes(*first), u64::from_le_bytes(*last)),
            _ => (bytes.iter().fold(0, |n, &b| (n << 8) | u64::from(b)), 0),
        };
        Print {
            len: bytes.len(),
            first,
            last,
        }
    }

    /// Whether the print holds every byte of the name.
    fn is_whole(self) -> bool {
        self.len <= 16
    }

    /// The mixing of FxHash: a multiply carries each word's bits upwards, and the table indexes
    /// with the high half. Its weakness against chosen collisions costs at most a longer probe in
    /// a table of at most [`NameCache::CAPACITY`] names.
    #[inline]
    fn hash(self) -> usize {
        const K: u64 = 0x517c_c1b7_2722_0a95;
        let mix = |h: u64, word: u64| (h.rotate_left(5) ^ word).wrapping_mul(K);
        (mix(mix(self.len as u64, self.first), self.last) >> 32) as usize
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::format;

    #[test]
    fn answers_as_resolve_does_for_names_that_share_their_ends() {
        let names = [
            "",
            "\0",
            "d",
            "dex",
            "Velcade",
            "VELCADE",
            "velcade ",
            "bortezomib",
            "bortezimib",
            "len/bort/dex",
            "daratumumab and hyaluronidase-fihj",
            "daratumumab xnd hyaluronidase-fihj",
            "daratumumab and hyaluronidase-fihj (Darzalex Faspro)",
        ];
        let mut cache = NameCache::new();
        for _ in 0..2 {
            for name in names {
                assert_eq!(cache.resolve(name), resolve(name), "{name:?}");
            }
        }
        assert_eq!(cache.len(), names.len());
    }

    #[test]
    fn remembers_at_most_its_capacity_and_still_answers() {
        let mut cache = NameCache::new();
        for i in 0..NameCache::CAPACITY + 10 {
            let name = format!("drug{i}");
            assert_eq!(cache.resolve(&name), resolve(&name));
        }
        assert_eq!(cache.len(), NameCache::CAPACITY);
        assert_eq!(cache.resolve("VRd"), resolve("VRd"));
        let long = "dexamethasone ".repeat(5);
        assert_eq!(cache.resolve(&long), resolve(&long));
    }
}
