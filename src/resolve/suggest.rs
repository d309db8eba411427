//! Suggestions for a name that is not in the catalogue: the closest catalogue entries by optimal
//! string alignment distance (Levenshtein plus transposition of neighbours), closest first, ties in
//! catalogue order, within a third of the length (one edit for short names).
//!
//! Fast because most names are never compared. An index built at compile time (a `const`, from the
//! generated name table) holds every folded name sorted by length, with the set of characters it
//! uses, and for each character the set of names that use it. For a query, one bit-sliced count over
//! those sets gives, for all names at once, how many of the query's characters each lacks (an edit
//! brings in at most one). A name is compared only if its length and its character sets are each
//! within reach of the distance still worth finding (which shrinks as the best three fill up), and
//! then with a bit-parallel distance (Hyyrö's extension of Myers's algorithm: a few word operations
//! per character) that stops as soon as the bound cannot be met.

use core::fmt;

use super::{Named, Therapy, MAX_KEY};
use crate::catalogue::NAME_SLOTS;
use crate::text::{self, MAX_FOLDED};
use crate::{Drug, Regimen};

use super::Expected;

/// A catalogue name in the index.
#[derive(Clone, Copy)]
struct Entry {
    key: &'static [u8],
    /// One bit per [`SYMBOLS`] class of the characters in `key`.
    chars: u64,
    /// The entry's catalogue position (see [`position`]).
    position: u16,
    drug: bool,
}

/// The class of each byte for the character sets and the distance: `a` to `z` are 0 to 25, `0` to
/// `9` are 26 to 35, and every other byte is 36 (no catalogue name has one).
const SYMBOLS: [u8; 256] = {
    let mut symbols = [36u8; 256];
    let mut b = 0;
    while b < 26 {
        symbols[(b'a' + b) as usize] = b;
        b += 1;
    }
    let mut d = 0;
    while d < 10 {
        symbols[(b'0' + d) as usize] = 26 + d;
        d += 1;
    }
    symbols
};

const fn chars(key: &[u8]) -> u64 {
    let mut set = 0;
    let mut i = 0;
    while i < key.len() {
        set |= 1 << SYMBOLS[key[i] as usize];
        i += 1;
    }
    set
}

/// An entry's position in catalogue order: drugs in the order of [`Drug::ALL`], then regimens in
/// the order of [`Regimen::ALL`]. `None` for a combination.
pub(super) const fn position(therapy: Therapy) -> Option<u16> {
    match therapy {
        Therapy::Drug(d) => Some(d as u16),
        Therapy::Regimen(r) => Some(Drug::ALL.len() as u16 + r as u16),
        Therapy::Combination(_) => None,
    }
}

/// The entry at a catalogue position (see [`position`]).
pub(super) const fn entry(position: u16) -> Therapy {
    let p = position as usize;
    if p < Drug::ALL.len() {
        Therapy::Drug(Drug::ALL[p])
    } else {
        Therapy::Regimen(Regimen::ALL[p - Drug::ALL.len()])
    }
}

/// How many names the index holds: every name of the table that means one entry.
const COUNT: usize = {
    let mut n = 0;
    let mut i = 0;
    while i < NAME_SLOTS.len() {
        if matches!(NAME_SLOTS[i].1, Some(Named::Drug(_) | Named::Regimen(_))) {
            n += 1;
        }
        i += 1;
    }
    n
};

/// Every name that means one entry, shortest first.
const INDEX: [Entry; COUNT] = {
    let mut index = [Entry {
        key: b"",
        chars: 0,
        position: 0,
        drug: false,
    }; COUNT];
    let mut n = 0;
    let mut len = 1;
    while len <= MAX_KEY {
        let mut i = 0;
        while i < NAME_SLOTS.len() {
            let (key, named) = NAME_SLOTS[i];
            let found = match named {
                Some(Named::Drug(d)) => Some((Therapy::Drug(d), true)),
                Some(Named::Regimen(r)) => Some((Therapy::Regimen(r), false)),
                _ => None,
            };
            if let (Some((therapy, drug)), true) = (found, key.len() == len) {
                let position = match position(therapy) {
                    Some(p) => p,
                    None => panic!("a catalogue name is one entry"),
                };
                index[n] = Entry {
                    key,
                    chars: chars(key),
                    position,
                    drug,
                };
                n += 1;
            }
            i += 1;
        }
        len += 1;
    }
    assert!(n == COUNT);
    index
};

/// `STARTS[k]` is the index of the first name in [`INDEX`] of `k` bytes or more.
const STARTS: [usize; MAX_KEY + 2] = {
    let mut starts = [COUNT; MAX_KEY + 2];
    let mut k = MAX_KEY + 1;
    loop {
        let mut i = COUNT;
        while i > 0 && INDEX[i - 1].key.len() >= k {
            i -= 1;
        }
        starts[k] = i;
        if k == 0 {
            break;
        }
        k -= 1;
    }
    starts
};

/// Words of a bit set with one bit per name of [`INDEX`].
const WORDS: usize = COUNT.div_ceil(64);

/// A bit set over the names of [`INDEX`].
type Names = [u64; WORDS];

/// For each symbol (see [`SYMBOLS`]), the names that use it.
const HAS: [Names; 37] = {
    let mut has = [[0; WORDS]; 37];
    let mut i = 0;
    while i < COUNT {
        let mut s = 0;
        while s < 37 {
            if INDEX[i].chars & (1 << s) != 0 {
                has[s][i / 64] |= 1 << (i % 64);
            }
            s += 1;
        }
        i += 1;
    }
    has
};

/// The names of drugs; the rest are regimens'.
const DRUGS: Names = {
    let mut drugs = [0; WORDS];
    let mut i = 0;
    while i < COUNT {
        if INDEX[i].drug {
            drugs[i / 64] |= 1 << (i % 64);
        }
        i += 1;
    }
    drugs
};

/// For every name at once, how many of the query's symbols it lacks, as a bit-sliced counter: the
/// ones, twos and fours of the count, and whether it reached eight.
struct Lacking([Names; 4]);

impl Lacking {
    fn new(query_chars: u64) -> Lacking {
        let mut planes = [[0u64; WORDS]; 4];
        let mut symbols = query_chars;
        while symbols != 0 {
            let s = symbols.trailing_zeros() as usize;
            symbols &= symbols - 1;
            for w in 0..WORDS {
                let lacks = !HAS[s][w];
                let carry0 = planes[0][w] & lacks;
                planes[0][w] ^= lacks;
                let carry1 = planes[1][w] & carry0;
                planes[1][w] ^= carry0;
                let carry2 = planes[2][w] & carry1;
                planes[2][w] ^= carry1;
                planes[3][w] |= carry2;
            }
        }
        Lacking(planes)
    }

    /// The names in word `w` that lack at most `bound` of the query's symbols.
    fn at_most(&self, w: usize, bound: usize) -> u64 {
        if bound >= 8 {
            return !0;
        }
        let [ones, twos, fours, eights] = [0, 1, 2, 3].map(|p| self.0[p][w]);
        let (mut below, mut equal) = (0, !0);
        for (bit, plane) in [(4, fours), (2, twos), (1, ones)] {
            if bound & bit != 0 {
                below |= equal & !plane;
                equal &= plane;
            } else {
                equal &= !plane;
            }
        }
        (below | equal) & !eights
    }
}

/// The bits of word `w` for the names with indices in `start..end`.
fn range_bits(w: usize, start: usize, end: usize) -> u64 {
    let (low, high) = (w * 64, w * 64 + 64);
    let (from, to) = (start.clamp(low, high) - low, end.clamp(low, high) - low);
    if from >= to {
        0
    } else {
        (!0u64 >> (64 - (to - from))) << from
    }
}

/// The pattern of a bit-parallel distance: for each symbol, the positions of the query that hold it.
struct Pattern {
    positions: [u64; 37],
    len: usize,
    chars: u64,
}

impl Pattern {
    fn new(query: &[u8]) -> Pattern {
        let mut positions = [0u64; 37];
        for (i, &b) in query.iter().enumerate() {
            positions[usize::from(SYMBOLS[usize::from(b)])] |= 1 << i;
        }
        Pattern {
            positions,
            len: query.len(),
            chars: chars(query),
        }
    }

    /// The optimal string alignment distance between the query and `key`, if it is at most `bound`:
    /// Hyyrö's bit-vector algorithm (2003), with transpositions, stopping once the distance so far
    /// less the characters left exceeds `bound`. The query is at most 64 bytes and not empty.
    #[inline]
    fn distance(&self, key: &[u8], bound: usize) -> Option<usize> {
        let last = 1u64 << (self.len - 1);
        let (mut vp, mut vn, mut d0, mut pm_before) = (!0u64, 0u64, 0u64, 0u64);
        let mut distance = self.len;
        for (j, &c) in key.iter().enumerate() {
            let pm = self.positions[usize::from(SYMBOLS[usize::from(c)])];
            let transposed = ((!d0 & pm) << 1) & pm_before;
            d0 = (((pm & vp).wrapping_add(vp)) ^ vp) | pm | vn | transposed;
            let hp = vn | !(d0 | vp);
            let hn = d0 & vp;
            distance += usize::from(hp & last != 0);
            distance -= usize::from(hn & last != 0);
            let hp = (hp << 1) | 1;
            let hn = hn << 1;
            vp = hn | !(d0 | hp);
            vn = hp & d0;
            pm_before = pm;
            if distance > bound + (key.len() - j - 1) {
                return None;
            }
        }
        (distance <= bound).then_some(distance)
    }
}

/// The best three distinct entries found so far, as (distance, catalogue position), best first.
#[derive(Default)]
struct Best {
    ranked: [(usize, u16); 3],
    len: usize,
}

impl Best {
    /// The largest distance at which an entry at `position` could still enter, or `None`.
    fn bound(&self, position: u16, allowed: usize) -> Option<usize> {
        let mut bound = allowed;
        if let Some(&(d, _)) = self.ranked[..self.len].iter().find(|(_, p)| *p == position) {
            bound = bound.min(d.checked_sub(1)?);
        }
        if self.len == 3 {
            let (d, p) = self.ranked[2];
            let worst = if position < p { d } else { d.checked_sub(1)? };
            bound = bound.min(worst);
        }
        Some(bound)
    }

    fn insert(&mut self, distance: usize, position: u16) {
        if let Some(at) = self.ranked[..self.len]
            .iter()
            .position(|(_, p)| *p == position)
        {
            self.ranked[at..self.len].rotate_left(1);
            self.len -= 1;
        }
        let at = self.ranked[..self.len]
            .iter()
            .position(|r| (distance, position) < *r)
            .unwrap_or(self.len);
        if at < 3 {
            self.len = (self.len + 1).min(3);
            self.ranked[at..self.len].rotate_right(1);
            self.ranked[at] = (distance, position);
        }
    }
}

/// Up to three suggestions for an unknown name, closest first. An iterator of [`Suggestion`]s.
///
/// ```
/// use myeloma::{resolve, Drug};
/// let error = resolve("bortezimib").unwrap_err();
/// let first = error.suggestions().next().unwrap();
/// assert_eq!(first, Drug::Bortezomib);
/// assert_eq!(first.to_string(), "bortezomib"); // as the message names it
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Suggestions {
    ranked: [Option<Therapy>; 3],
    next: usize,
}

impl Suggestions {
    /// The first three of `entries`.
    pub(super) fn of(entries: impl Iterator<Item = Therapy>) -> Suggestions {
        let mut ranked = [None; 3];
        for (out, t) in ranked.iter_mut().zip(entries) {
            *out = Some(t);
        }
        Suggestions { ranked, next: 0 }
    }

    /// The entries closest to `text`, of the kind expected.
    pub(super) fn for_text(text: &str, expected: Expected) -> Suggestions {
        let mut buf = [0u8; MAX_FOLDED];
        let Some(len) = text::fold(text.as_bytes(), &mut buf) else {
            return Suggestions::default();
        };
        if len == 0 {
            return Suggestions::default();
        }
        let query = &buf[..len];
        let pattern = Pattern::new(query);
        let lacking = Lacking::new(pattern.chars);
        let mut best = Best::default();
        // Lengths nearest the query's first, so that the best three fill up early and bound the rest.
        for step in 0..=2 * MAX_KEY {
            let key_len = if step % 2 == 0 {
                len + step / 2
            } else if let Some(shorter) = len.checked_sub(step / 2 + 1) {
                shorter
            } else {
                continue;
            };
            if key_len == 0 || key_len > MAX_KEY {
                continue;
            }
            let allowed = (len.max(key_len) / 3).max(1);
            if len.abs_diff(key_len) > allowed {
                continue;
            }
            let (start, end) = (STARTS[key_len], STARTS[key_len + 1]);
            for w in start / 64..end.div_ceil(64) {
                let mut candidates = lacking.at_most(w, allowed) & range_bits(w, start, end);
                candidates &= match expected {
                    Expected::Drug => DRUGS[w],
                    Expected::Regimen => !DRUGS[w],
                    _ => !0,
                };
                while candidates != 0 {
                    let e = &INDEX[w * 64 + candidates.trailing_zeros() as usize];
                    candidates &= candidates - 1;
                    let Some(bound) = best.bound(e.position, allowed) else {
                        continue;
                    };
                    // Each edit adds at most one character the other lacks, and removes at most
                    // one.
                    if len.abs_diff(key_len) > bound
                        || (pattern.chars & !e.chars).count_ones() as usize > bound
                        || (e.chars & !pattern.chars).count_ones() as usize > bound
                    {
                        continue;
                    }
                    if let Some(d) = pattern.distance(e.key, bound) {
                        best.insert(d, e.position);
                    }
                }
            }
        }
        Suggestions::of(best.ranked[..best.len].iter().map(|&(_, p)| entry(p)))
    }
}

impl Iterator for Suggestions {
    type Item = Suggestion;

    fn next(&mut self) -> Option<Suggestion> {
        let item = *self.ranked.get(self.next)?;
        self.next += 1;
        item.map(Suggestion)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let left = self
            .ranked
            .get(self.next..)
            .map_or(0, |rest| rest.iter().filter(|t| t.is_some()).count());
        (left, Some(left))
    }
}

impl ExactSizeIterator for Suggestions {}

impl core::iter::FusedIterator for Suggestions {}

/// A suggested entry. It displays as the error message names it (a drug's generic name, a
/// regimen's acronym) and compares equal to its [`Therapy`] and to its drug or regimen.
///
/// ```
/// use myeloma::{resolve, Regimen, Therapy};
/// let error = resolve("DRVdd").unwrap_err();
/// let first = error.suggestions().next().unwrap();
/// assert_eq!(first.therapy(), Therapy::Regimen(Regimen::DRVd));
/// assert_eq!(first.to_string(), "D-RVd");
/// assert!(error.to_string().contains("did you mean D-RVd"));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Suggestion(Therapy);

impl Suggestion {
    /// The entry suggested.
    pub fn therapy(self) -> Therapy {
        self.0
    }
}

impl fmt::Display for Suggestion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

impl From<Suggestion> for Therapy {
    fn from(s: Suggestion) -> Therapy {
        s.0
    }
}

impl PartialEq<Therapy> for Suggestion {
    fn eq(&self, other: &Therapy) -> bool {
        self.0 == *other
    }
}

impl PartialEq<Suggestion> for Therapy {
    fn eq(&self, other: &Suggestion) -> bool {
        *self == other.0
    }
}

impl PartialEq<Drug> for Suggestion {
    fn eq(&self, other: &Drug) -> bool {
        self.0 == Therapy::Drug(*other)
    }
}

impl PartialEq<Regimen> for Suggestion {
    fn eq(&self, other: &Regimen) -> bool {
        self.0 == Therapy::Regimen(*other)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_are_catalogue_order() {
        for (i, d) in Drug::ALL.iter().enumerate() {
            assert_eq!(position(Therapy::Drug(*d)), Some(i as u16));
            assert_eq!(entry(i as u16), Therapy::Drug(*d));
        }
        for (i, r) in Regimen::ALL.iter().enumerate() {
            let p = (Drug::ALL.len() + i) as u16;
            assert_eq!(position(Therapy::Regimen(*r)), Some(p));
            assert_eq!(entry(p), Therapy::Regimen(*r));
        }
    }

    #[test]
    fn the_index_holds_every_name_by_length() {
        let named = NAME_SLOTS
            .iter()
            .filter(|(_, n)| matches!(n, Some(Named::Drug(_) | Named::Regimen(_))))
            .count();
        assert_eq!(INDEX.len(), named);
        assert!(INDEX.windows(2).all(|w| w[0].key.len() <= w[1].key.len()));
        for k in 1..=MAX_KEY {
            assert!(INDEX[STARTS[k]..STARTS[k + 1]]
                .iter()
                .all(|e| e.key.len() == k));
        }
        assert_eq!(STARTS[1], 0);
        assert_eq!(STARTS[MAX_KEY + 1], COUNT);
    }

    #[test]
    fn the_bit_sliced_count_is_the_count() {
        for query in [
            &b"bortezimib"[..],
            b"lenadiomide",
            b"xq",
            b"aeiou0123456789rstlnd",
        ] {
            let chars = chars(query);
            let lacking = Lacking::new(chars);
            for (i, e) in INDEX.iter().enumerate() {
                let lacks = (chars & !e.chars).count_ones() as usize;
                for bound in 0..10 {
                    let bit = lacking.at_most(i / 64, bound) >> (i % 64) & 1;
                    // Exact up to seven; from eight on, every name passes.
                    let expected = lacks <= bound || bound >= 8;
                    assert_eq!(bit == 1, expected, "{query:?} {:?} {bound}", e.key);
                }
            }
        }
        assert_eq!(range_bits(0, 3, 5), 0b11000);
        assert_eq!(range_bits(1, 3, 200), !0);
        assert_eq!(range_bits(2, 100, 130), (1 << 2) - 1);
        assert_eq!(range_bits(0, 64, 70), 0);
    }

    /// The bit-parallel distance is the dynamic-programming one, with and without a bound.
    #[test]
    fn the_bit_parallel_distance_is_the_table_distance() {
        let mut random = crate::resolve::tests::xorshift(0x9e37_79b9_7f4a_7c15);
        let alphabet = b"abcdr01";
        for _ in 0..100_000 {
            let (m, n) = (1 + random(MAX_FOLDED), random(MAX_FOLDED + 1));
            let mut a = [0u8; MAX_FOLDED];
            let mut b = [0u8; MAX_FOLDED];
            a.iter_mut()
                .for_each(|x| *x = alphabet[random(alphabet.len())]);
            b.iter_mut()
                .for_each(|x| *x = alphabet[random(alphabet.len())]);
            // Make neighbours and transpositions common.
            if random(2) == 0 {
                b = a;
                let i = random(MAX_FOLDED - 1);
                b.swap(i, i + 1);
            }
            let (a, b) = (&a[..m], &b[..n]);
            let expected = text::edit_distance(a, b).unwrap();
            let pattern = Pattern::new(a);
            assert_eq!(pattern.distance(b, 64), Some(expected), "{a:?} {b:?}");
            let bound = random(8);
            assert_eq!(
                pattern.distance(b, bound),
                (expected <= bound).then_some(expected),
                "{a:?} {b:?} within {bound}"
            );
        }
    }
}
