//! Name resolution: every way a drug or regimen is written, folded and looked up in a generated
//! perfect hash table, plus free-text combinations such as "len/bort/dex". Nothing here allocates.

use core::fmt;

use crate::catalogue::{
    NAME_DISPLACEMENTS, NAME_SEED, NAME_SLOTS, REGIMENS_BY_DRUGS, SET_MULTIPLIER, SET_SLOTS_LOG2,
};
use crate::text::{self, MAX_FOLDED};
use crate::{Drug, DrugSet, Regimen};

mod error;
mod suggest;
mod text_input;

pub use error::{Expected, ParseError};
pub use suggest::{Suggestion, Suggestions};

/// What one catalogue name stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Named {
    Drug(Drug),
    Regimen(Regimen),
    /// A name that means more than one entry in practice (`BVd`: belantamab or bendamustine with
    /// bortezomib and dexamethasone); resolution reports it rather than guess.
    Ambiguous(&'static [Therapy]),
}

/// What a piece of text names: a drug, a regimen, or a combination of drugs that is not one of the
/// catalogue's regimens.
///
/// ```
/// use myeloma::{resolve, Drug, Regimen, Therapy};
///
/// assert_eq!(resolve("Velcade"), Ok(Therapy::Drug(Drug::Bortezomib)));
/// assert_eq!(resolve("D-RVd"), Ok(Therapy::Regimen(Regimen::DRVd)));
/// assert_eq!(resolve("len/bort/dex"), Ok(Therapy::Regimen(Regimen::RVd)));
/// assert!(matches!(resolve("dara + pom"), Ok(Therapy::Combination(_))));
/// ```
///
/// Therapies order drugs first, then regimens, then combinations, each in catalogue order, so they
/// sort and key a `BTreeMap`:
///
/// ```
/// use myeloma::{Drug, Regimen, Therapy};
/// let mut seen = vec![Therapy::from(Regimen::RVd), Therapy::from(Drug::Lenalidomide)];
/// seen.sort();
/// assert_eq!(seen, [Therapy::from(Drug::Lenalidomide), Therapy::from(Regimen::RVd)]);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Therapy {
    /// One drug.
    Drug(Drug),
    /// A regimen of the catalogue.
    Regimen(Regimen),
    /// Two or more drugs that make none of the catalogue's regimens.
    Combination(DrugSet),
}

impl Therapy {
    /// The drugs it stands for.
    pub const fn drugs(self) -> DrugSet {
        match self {
            Therapy::Drug(d) => DrugSet::EMPTY.with(d),
            Therapy::Regimen(r) => r.drugs(),
            Therapy::Combination(set) => set,
        }
    }

    /// What [`Display`](fmt::Display) writes when it is one name: a drug's generic name or a
    /// regimen's acronym, as a `&'static str` a buffer takes without the formatting machinery.
    /// `None` for a combination, whose drugs' names are joined.
    ///
    /// ```
    /// use myeloma::{Drug, DrugSet, Regimen, Therapy};
    /// assert_eq!(Therapy::from(Regimen::IsaPd).name(), Some("Isa-Pd"));
    /// assert_eq!(Therapy::from(Drug::Lenalidomide).name(), Some("lenalidomide"));
    /// let set = DrugSet::EMPTY.with(Drug::Bortezomib).with(Drug::Selinexor);
    /// assert_eq!(Therapy::Combination(set).name(), None);
    /// ```
    pub const fn name(self) -> Option<&'static str> {
        match self {
            Therapy::Drug(d) => Some(d.generic_name()),
            Therapy::Regimen(r) => Some(r.acronym()),
            Therapy::Combination(_) => None,
        }
    }
}

/// Writes it as a person does: a drug's generic name, a regimen's acronym, a combination's drugs
/// joined by ` + `. What it writes reads back with `FromStr`.
///
/// ```
/// use myeloma::{Drug, Regimen, Therapy};
/// assert_eq!(Therapy::from(Regimen::IsaPd).to_string(), "Isa-Pd");
/// assert_eq!(Therapy::from(Drug::AcetylsalicylicAcid).to_string(), "acetylsalicylic acid");
/// assert_eq!("Isa-Pd".parse(), Ok(Therapy::from(Regimen::IsaPd)));
/// ```
impl fmt::Display for Therapy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.name() {
            Some(name) => f.write_str(name),
            None => fmt::Display::fmt(&self.drugs(), f),
        }
    }
}

/// The longest folded name in the table. Longer text is a miss, found without hashing.
const MAX_KEY: usize = {
    let mut max = 0;
    let mut i = 0;
    while i < NAME_SLOTS.len() {
        if NAME_SLOTS[i].0.len() > max {
            max = NAME_SLOTS[i].0.len();
        }
        i += 1;
    }
    max
};
const _: () = assert!(MAX_KEY <= MAX_FOLDED && MAX_KEY <= u8::MAX as usize);

/// Words of eight bytes that hold the longest key.
const KEY_WORDS: usize = MAX_KEY.div_ceil(8);

// The last byte of the words that hold a key is never one of its bytes: a slot keeps the key's
// length there (see `Slot`).
const _: () = assert!(
    MAX_KEY < 8 * KEY_WORDS,
    "no byte of the key words is left for its length"
);

/// The key of a slot of the name table packed into little-endian words (zero past the key), so
/// that comparing a query with it is a few integer comparisons, with the key's length in the last
/// byte, past every key. Aligned to 32 bytes: with the four words that today's keys need, a slot is
/// half a cache line and never straddles two (with the length apart, 40 bytes, it could). What
/// each slot names is kept apart ([`NAME_SLOTS`] and [`THERAPIES`]), so that the keys a lookup
/// reads stay small in the cache.
#[derive(Clone, Copy)]
#[repr(align(32))]
struct Slot {
    words: [u64; KEY_WORDS],
}

/// The last of a query's key words with its length in the last byte (see [`Slot`]). Only the
/// answers of queries no longer than the longest key are used, and for those that byte is zero.
const fn last_word_with_len(words: &[u64], len: usize) -> u64 {
    words[KEY_WORDS - 1] | ((len as u64) << 56)
}

/// The therapy a single name gives: none for an ambiguous name.
const fn single(named: Option<Named>) -> Option<Therapy> {
    match named {
        Some(Named::Drug(d)) => Some(Therapy::Drug(d)),
        Some(Named::Regimen(r)) => Some(Therapy::Regimen(r)),
        Some(Named::Ambiguous(_)) | None => None,
    }
}

/// The generated `NAME_SLOTS`, packed at compile time.
// Read by the `const fn` lookups, so a `const`, not a `static`.
#[allow(clippy::large_const_arrays)]
const SLOTS: [Slot; NAME_SLOTS.len()] = {
    let mut slots = [Slot {
        words: [0; KEY_WORDS],
    }; NAME_SLOTS.len()];
    let mut i = 0;
    while i < NAME_SLOTS.len() {
        let key = NAME_SLOTS[i].0;
        let mut words = [0; KEY_WORDS];
        let mut w = 0;
        while w < KEY_WORDS {
            words[w] = text::word(key, w);
            w += 1;
        }
        words[KEY_WORDS - 1] = last_word_with_len(&words, key.len());
        slots[i] = Slot { words };
        i += 1;
    }
    slots
};

/// What [`Therapy::from_name`] returns for each slot's key, read without a branch on what it is.
const THERAPIES: [Option<Therapy>; NAME_SLOTS.len()] = {
    let mut therapies = [None; NAME_SLOTS.len()];
    let mut i = 0;
    while i < NAME_SLOTS.len() {
        therapies[i] = single(NAME_SLOTS[i].1);
        i += 1;
    }
    therapies
};

/// A slot with no key: what a query that is no key reads.
const EMPTY_SLOT: usize = {
    let mut i = 0;
    while NAME_SLOTS[i].1.is_some() || !NAME_SLOTS[i].0.is_empty() {
        i += 1;
    }
    i
};

/// Words a query is folded into: room past the longest key for the word that a chunk may spill
/// into, rounded up to a power of two so that indexing needs no bounds check.
const SPAN: usize = (KEY_WORDS + 2).next_power_of_two();

/// A query folded into little-endian words, zero past its length.
struct Query {
    words: [u64; SPAN],
    len: usize,
}

impl Query {
    /// Appends the low `count` bytes of `chunk`, whose other bytes are zero. Whole words are read
    /// and stored, never single bytes, so reading a word back never waits on a store of a different
    /// width.
    #[inline(always)]
    const fn append(&mut self, chunk: u64, count: usize) {
        let shift = 8 * (self.len % 8) as u32;
        let at = self.len / 8;
        // The word being filled is zero past the query, and so is the next.
        self.words[at % SPAN] |= chunk << shift;
        // The bytes that spill into the next word: `chunk >> (64 - shift)`, written so that it is
        // also defined (zero) when `shift` is zero.
        self.words[(at + 1) % SPAN] = chunk >> 1 >> (63 - shift);
        self.len += count;
    }
}

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGHS: u64 = 0x8080_8080_8080_8080;

/// The high bit of each byte of `x` that is less than `n`, for bytes and `n` of at most 0x80.
const fn below(x: u64, n: u8) -> u64 {
    !((x | HIGHS) - ONES * n as u64) & HIGHS
}

/// The next (up to) eight bytes of `input` from `i` as a little-endian word, zero above them, and
/// how many they are. Reads whole words: the end of a long input comes from its last eight bytes,
/// shifted, and a short input from two reads that overlap on the same bytes.
#[inline(always)]
const fn chunk_at(input: &[u8], i: usize) -> (u64, usize) {
    let tail = input.split_at(i).1;
    let rest = tail.len();
    if let Some(chunk) = tail.first_chunk::<8>() {
        (u64::from_le_bytes(*chunk), 8)
    } else if let Some(last) = input.last_chunk::<8>() {
        (u64::from_le_bytes(*last) >> (8 * (8 - rest)), rest)
    } else if let (Some(first), Some(last)) = (tail.first_chunk::<4>(), tail.last_chunk::<4>()) {
        let (first, last) = (
            u32::from_le_bytes(*first) as u64,
            u32::from_le_bytes(*last) as u64,
        );
        (first | (last << (8 * (rest - 4))), rest)
    } else {
        let (a, b, c) = (tail[0] as u64, tail[rest / 2] as u64, tail[rest - 1] as u64);
        (a | (b << (8 * (rest / 2))) | (c << (8 * (rest - 1))), rest)
    }
}

/// How [`fold_query`] ended.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Folded {
    /// The whole input is folded into the query.
    Done,
    /// The folded text is longer than every key: a miss.
    TooLong,
    /// A bracket in the eight bytes from this offset, or a full-width bracket at it: the rest of
    /// the input needs [`text_input::find_slow`]; the query holds the text before it.
    Slow(usize),
    /// Folding a word only: the word ends at a word break at the first offset; the next word starts
    /// at the second.
    Break(usize, usize),
}

/// The ASCII separators of [`text::separator_len`] below `@` as a bitmap by byte value: white
/// space, `"`, `'`, `-` and `.`.
const SEPARATORS_BELOW_64: u64 = {
    let mut bits = 0u64;
    let mut b = 0;
    while b < 64 {
        if text::separator_len(&[b as u8], 0) == 1 {
            bits |= 1 << b;
        }
        b += 1;
    }
    bits
};

/// Whether an ASCII byte is a separator, as [`text::separator_len`] says, without its table.
#[inline(always)]
pub(super) const fn is_ascii_separator(byte: u8) -> bool {
    (byte < 64 && (SEPARATORS_BELOW_64 >> byte) & 1 == 1) || byte == b'_'
}

/// The low `n` bytes of a word set, for `n` from 0 to 8.
const fn low_bytes(n: usize) -> u64 {
    ((1u64 << (4 * n)) << (4 * n)).wrapping_sub(1)
}

/// Folds `input` into `query` as [`text::fold`] folds, eight bytes at a time: ASCII capitals are
/// lower-cased across the word at once, and separators (found with the bytes below `0` and the five
/// from `[` to `_`, usually none) are dropped by shifting the bytes above them down. A character
/// outside ASCII ends the word: the ASCII bytes before it are folded as a word, the character itself
/// through [`text::plain_unit`] (an en dash or a no-break space is dropped, a full-width letter is its
/// ASCII self), and the next word starts after it. A bracket (the start of `(R)` or of a brand after
/// a generic name) leaves the rest to the slow path.
#[inline(always)]
const fn fold_query(input: &[u8], query: &mut Query) -> Folded {
    fold_from::<false>(input, 0, query)
}

/// [`fold_query`] from byte `from`; with `WORD`, only up to the first word break (see
/// [`is_word_break`]), where the fold ends with [`Folded::Break`]. A word's fold that ends
/// otherwise than with [`Folded::Break`] or [`Folded::Done`] leaves where the word ends unknown.
#[inline(always)]
const fn fold_from<const WORD: bool>(input: &[u8], from: usize, query: &mut Query) -> Folded {
    let mut i = from;
    while i < input.len() {
        let (mut chunk, mut count) = chunk_at(input, i);
        // `chunk_at` leaves the bytes past `count` zero.
        let outside = chunk & HIGHS;
        if outside != 0 {
            // A character outside ASCII ends this word: the bytes before it, then the character
            // (its length and folded byte), out of the way of text that has none.
            count = outside.trailing_zeros() as usize / 8;
            chunk &= low_bytes(count);
            let unit = text::plain_unit(input, i + count);
            if WORD {
                if let Some(folded) = fold_to_break(chunk, i, query) {
                    return folded;
                }
                if breaks_word(input, i + count) {
                    if !fold_chunk(chunk, count, query) {
                        return Folded::Slow(i);
                    }
                    return Folded::Break(i + count, i + count + unit.0);
                }
            }
            if !fold_chunk(chunk, count, query) {
                return Folded::Slow(i);
            }
            match unit.1 {
                // A full-width bracket.
                Some(b'(' | b'[') => return Folded::Slow(i + count),
                Some(byte) => query.append(byte as u64, 1),
                None => {}
            }
            if query.len > MAX_KEY {
                return Folded::TooLong;
            }
            i += count + unit.0;
            continue;
        }
        if WORD {
            if let Some(folded) = fold_to_break(chunk, i, query) {
                return folded;
            }
        }
        if !fold_chunk(chunk, count, query) {
            return Folded::Slow(i);
        }
        if query.len > MAX_KEY {
            return Folded::TooLong;
        }
        i += count;
    }
    Folded::Done
}

/// For a word's fold: if the ASCII `chunk` from byte `i` has a word break, folds the bytes before
/// the first and says where the word ends.
#[inline(always)]
const fn fold_to_break(chunk: u64, i: usize, query: &mut Query) -> Option<Folded> {
    let breaks = ascii_breaks(chunk);
    if breaks == 0 {
        return None;
    }
    let count = breaks.trailing_zeros() as usize / 8;
    if !fold_chunk(chunk & low_bytes(count), count, query) {
        return Some(Folded::Slow(i));
    }
    Some(Folded::Break(i + count, i + count + 1))
}

/// Folds the low `count` bytes of `chunk`, ASCII, into `query`: capitals lower-cased, separators
/// dropped. `false`, with nothing folded, when they have a bracket.
#[inline(always)]
const fn fold_chunk(chunk: u64, count: usize, query: &mut Query) -> bool {
    let capitals = !below(chunk, b'A') & below(chunk, b'Z' + 1);
    let mut folded = chunk | (capitals >> 2);
    let mut kept = count;
    // Highest first, so that dropping one leaves the positions below it as they are. Once
    // capitals are lower-cased, the bytes from 0x58 to 0x5F are `[`, `\`, `]`, `^` and `_`.
    // Zero bytes (past `count`, or NUL in the text, neither a separator nor a bracket) are no
    // suspects.
    let mut suspects = (below(folded, b'0') & !below(folded, 1)) | below(folded ^ (ONES * 0x58), 8);
    while suspects != 0 {
        let high_bit = 63 - suspects.leading_zeros();
        suspects &= !(1 << high_bit);
        let at = high_bit - 7;
        let byte = (folded >> at) as u8;
        if byte == b'(' || byte == b'[' {
            return false;
        }
        if is_ascii_separator(byte) {
            let under = (1 << at) - 1;
            folded = (folded & under) | ((folded >> 8) & !under);
            kept -= 1;
        }
    }
    query.append(folded, kept);
    true
}

/// The byte at `i`, or 0 past the end.
const fn byte_at(input: &[u8], i: usize) -> u8 {
    if i < input.len() {
        input[i]
    } else {
        0
    }
}

/// The high bit of each byte of `chunk` that is `byte`, for an ASCII `byte` and bytes of `chunk`
/// below 0x80.
const fn equal(chunk: u64, byte: u8) -> u64 {
    below(chunk ^ (ONES * byte as u64), 1)
}

/// The high bit of each byte of `chunk`, ASCII, that breaks words (see [`is_word_break`]): white
/// space and `-`.
const fn ascii_breaks(chunk: u64) -> u64 {
    let controls = !below(chunk, b'\t') & below(chunk, b'\r' + 1);
    controls | equal(chunk, b' ') | equal(chunk, b'-')
}

/// Whether the character outside ASCII at `input[i]` breaks words (see [`is_word_break`]): white
/// space, or an en or em dash. Each is a separator, which a fold drops.
const fn breaks_word(input: &[u8], i: usize) -> bool {
    matches!(
        (
            byte_at(input, i),
            byte_at(input, i + 1),
            byte_at(input, i + 2)
        ),
        (0xC2, 0x85 | 0xA0, _)
            | (0xE1, 0x9A, 0x80)
            | (0xE2, 0x80, 0x80..=0x8A | 0x93 | 0x94 | 0xA8 | 0xA9 | 0xAF)
            | (0xE2, 0x81, 0x9F)
            | (0xE3, 0x80, 0x80)
    )
}

/// Folds all of `input` into `query` a character at a time with [`text::unit`]; `false` when the
/// folded text is longer than every key.
const fn fold_units(input: &[u8], query: &mut Query) -> bool {
    let mut i = 0;
    while i < input.len() {
        let (len, byte) = text::unit(input, i);
        i += len;
        let Some(byte) = byte else { continue };
        query.append(byte as u64, 1);
        if query.len > MAX_KEY {
            return false;
        }
    }
    true
}

impl Query {
    const fn new() -> Query {
        Query {
            words: [0; SPAN],
            len: 0,
        }
    }

    /// The entry of the table slot whose key is this query, if any.
    #[inline(always)]
    const fn probe(&self) -> Option<Named> {
        NAME_SLOTS[self.slot()].1
    }

    /// The table slot whose key is this query, or an empty slot: found with a select, not a
    /// branch, since whether a query hits is as unpredictable as the query. The empty query needs
    /// no test: it equals the key of an empty slot.
    #[inline(always)]
    const fn slot(&self) -> usize {
        let words = self.words.split_at(KEY_WORDS).0;
        let index = name_slot(words, self.len);
        let slot = &SLOTS[index];
        let mut differ = slot.words[KEY_WORDS - 1] ^ last_word_with_len(words, self.len);
        let mut w = 0;
        while w < KEY_WORDS - 1 {
            differ |= slot.words[w] ^ words[w];
            w += 1;
        }
        // All ones when the key is the query, else zero.
        let same = ((differ == 0) as usize).wrapping_neg();
        (index & same) | (EMPTY_SLOT & !same)
    }
}

/// The slot of the name table where a key of `len` bytes, packed into `words`, would be: the
/// table's perfect hash.
#[inline(always)]
const fn name_slot(words: &[u64], len: usize) -> usize {
    let h = text::hash_words(NAME_SEED, words, len);
    let (d1, d2) = NAME_DISPLACEMENTS[text::bucket(h, NAME_DISPLACEMENTS.len() - 1)];
    text::slot(h, d1, d2, SLOTS.len() - 1)
}

/// What a piece of text names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Found {
    /// One catalogue name (which may be ambiguous).
    Named(Named),
    /// Nothing.
    Missing,
    /// A name with another in brackets (`bortezomib (Velcade)`), where the part at these byte
    /// offsets names nothing.
    MissingPart(usize, usize),
    /// A name with another in brackets, naming two different entries (as catalogue positions, see
    /// [`suggest::position`]).
    Conflict(u16, u16),
}

/// Looks text up: fold into words on the stack, hash the words, read one slot, compare the words.
/// No allocation, no branch per byte on ASCII text; text outside ASCII or with brackets takes the
/// slow path ([`text_input::find_slow`]). The text is given as its bytes (UTF-8), so that a caller
/// holding them needs no `str` slice, whose checks of character boundaries cost more than a hit.
#[inline(always)]
pub(crate) const fn find(name: &[u8]) -> Found {
    match find_single(name) {
        Ok(Therapy::Drug(d)) => Found::Named(Named::Drug(d)),
        Ok(Therapy::Regimen(r)) => Found::Named(Named::Regimen(r)),
        Ok(Therapy::Combination(_)) => Found::Missing,
        Err(found) => found,
    }
}

/// What [`find`] finds, with a name of one drug or regimen as its therapy, read from the slot
/// without a branch on which it is; anything else (a miss, an ambiguous name, brackets that
/// disagree) as found.
#[inline(always)]
const fn find_single(name: &[u8]) -> Result<Therapy, Found> {
    let mut query = Query::new();
    let found = match fold_query(name, &mut query) {
        Folded::Done | Folded::Break(..) => {
            let slot = query.slot();
            if let Some(therapy) = THERAPIES[slot] {
                return Ok(therapy);
            }
            match NAME_SLOTS[slot].1 {
                Some(named) => Found::Named(named),
                None => Found::Missing,
            }
        }
        Folded::TooLong => Found::Missing,
        Folded::Slow(i) => text_input::find_slow(name, i, query),
    };
    match found {
        Found::Named(named) => match single(Some(named)) {
            Some(therapy) => Ok(therapy),
            None => Err(found),
        },
        _ => Err(found),
    }
}

/// Looks a single name up: the entry it names, if it names exactly one.
#[inline]
pub(crate) const fn lookup(name: &str) -> Option<Named> {
    match find(name.as_bytes()) {
        Found::Named(named) => Some(named),
        _ => None,
    }
}

/// [`Drug::from_name`] of text given as its bytes (UTF-8): for the medication parser, which holds a
/// name's bytes and would otherwise check that a slice of its line falls on character boundaries.
#[inline]
pub(crate) const fn drug_of_text(text: &[u8]) -> Option<Drug> {
    match find(text) {
        Found::Named(Named::Drug(d)) => Some(d),
        _ => None,
    }
}

/// The keys of the name table's slots that fit in 16 bytes, as the medication parser folds a word
/// (little-endian, zero past the key), and zero for the other slots: what a lookup of a folded word
/// compares with, 16 bytes a slot, aligned: a table half the size of [`SLOTS`] (perf: the lookup's
/// load missed the first-level cache).
static SHORT_KEYS: [u128; NAME_SLOTS.len()] = {
    let mut keys = [0; NAME_SLOTS.len()];
    let mut i = 0;
    while i < NAME_SLOTS.len() {
        if NAME_SLOTS[i].0.len() <= 16 {
            keys[i] = SLOTS[i].words[0] as u128 | ((SLOTS[i].words[1] as u128) << 64);
        }
        i += 1;
    }
    keys
};
// Its keys are the first two words of `SLOTS`'s, which must not be the word that holds the length.
const _: () = assert!(KEY_WORDS >= 3);

/// The drug each slot names, if it names one drug: read beside [`SHORT_KEYS`], one byte a slot.
static SLOT_DRUGS: [Option<Drug>; NAME_SLOTS.len()] = {
    let mut drugs = [None; NAME_SLOTS.len()];
    let mut i = 0;
    while i < NAME_SLOTS.len() {
        if let Some(Named::Drug(d)) = NAME_SLOTS[i].1 {
            drugs[i] = Some(d);
        }
        i += 1;
    }
    drugs
};

/// The slot of a word already folded (see [`drug_or_miss_of_folded`]), and whether its key is the
/// word: the hash of [`Query::slot`], the key read from [`SHORT_KEYS`].
#[inline(always)]
fn folded_slot(folded: u128, len: usize) -> (usize, bool) {
    let mut words = [0; KEY_WORDS];
    words[0] = folded as u64;
    words[1] = (folded >> 64) as u64;
    let index = name_slot(&words, len);
    // A word of 1 to 16 bytes, none zero, is never the zero of a slot without a short key.
    (index, SHORT_KEYS[index] == folded)
}

/// How many bits [`KEY_PREFIXES`] has, as a power of two: 32,768 (4 KB) for the few thousand
/// prefixes, so that few words that begin no key find their bit set.
const PREFIX_BITS_LOG2: u32 = 15;

/// The bit of [`KEY_PREFIXES`] for the first `len` bytes of a key, folded as the medication
/// parser folds a word (see [`drug_or_miss_of_folded`]).
#[inline(always)]
const fn prefix_bit(folded: u128, len: usize) -> usize {
    let mixed = (folded as u64 ^ ((folded >> 64) as u64).rotate_left(29)) ^ len as u64;
    (mixed.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> (64 - PREFIX_BITS_LOG2)) as usize
}

/// A bit for each start of a key of the name table, of 1 to 16 bytes (the whole key among them):
/// a word whose bit is clear begins no key, so that no text that begins with it names anything,
/// and a name of several words that starts with it need not be looked up.
static KEY_PREFIXES: [u64; 1 << (PREFIX_BITS_LOG2 - 6)] = {
    let mut bits = [0u64; 1 << (PREFIX_BITS_LOG2 - 6)];
    let mut i = 0;
    while i < NAME_SLOTS.len() {
        let key = NAME_SLOTS[i].0;
        let mut prefix = 0u128;
        let mut len = 0;
        while len < key.len() && len < 16 {
            prefix |= (key[len] as u128) << (8 * len);
            len += 1;
            let bit = prefix_bit(prefix, len);
            bits[bit / 64] |= 1 << (bit % 64);
        }
        i += 1;
    }
    bits
};

/// Whether a word already folded (see [`drug_or_miss_of_folded`]) may begin a key of the name
/// table: `false` only when no key begins with it, so that no text that begins with it (and is
/// folded to it first, as white space and hyphens after it are dropped) names anything.
#[inline]
pub(crate) fn may_begin_key(folded: u128, len: usize) -> bool {
    let bit = prefix_bit(folded, len);
    KEY_PREFIXES[(bit / 64) % KEY_PREFIXES.len()] >> (bit % 64) & 1 == 1
}

/// The drug named by a word already folded: `folded` holds its `len` bytes (1 to 16, as
/// [`text::fold`] leaves them: ASCII lower-case letters, digits, `^`), zeros above. The lookup of
/// [`Drug::from_name`] without the folding, for callers that folded the word as they read it. A
/// miss tells whether the word is known to name nothing (`Err(true)`) or may name something other
/// than one drug (`Err(false)`: a regimen, several entries), so that the medication parser asks
/// [`named_of_folded`] about the second only.
#[inline]
pub(crate) fn drug_or_miss_of_folded(folded: u128, len: usize) -> Result<Drug, bool> {
    let (index, same) = folded_slot(folded, len);
    match (same, SLOT_DRUGS[index]) {
        (true, Some(d)) => Ok(d),
        (same, _) => Err(!same),
    }
}

/// What a word already folded names (see [`drug_or_miss_of_folded`]): [`lookup`] without the
/// folding, for the medication parser, which asks whether an unknown word is ambiguous.
#[inline]
pub(crate) fn named_of_folded(folded: u128, len: usize) -> Option<Named> {
    match folded_slot(folded, len) {
        (index, true) => NAME_SLOTS[index].1,
        _ => None,
    }
}

impl Therapy {
    /// The drug or regimen with this name, in one lookup: what [`Drug::from_name`] and
    /// [`Regimen::from_name`] find, without trying both. Unlike [`resolve`], it reads no
    /// combinations. Usable in `const` context.
    ///
    /// ```
    /// use myeloma::{Drug, Regimen, Therapy};
    /// assert_eq!(Therapy::from_name("VELCADE"), Some(Therapy::Drug(Drug::Bortezomib)));
    /// assert_eq!(Therapy::from_name("D RVd"), Some(Therapy::Regimen(Regimen::DRVd)));
    /// assert_eq!(Therapy::from_name("len/bort/dex"), None);
    /// ```
    #[inline]
    pub const fn from_name(name: &str) -> Option<Therapy> {
        let mut query = Query::new();
        match fold_query(name.as_bytes(), &mut query) {
            // Hit or miss, the slot's therapy is the answer: no branch on which (see `THERAPIES`).
            Folded::Done | Folded::Break(..) => THERAPIES[query.slot()],
            Folded::TooLong => None,
            Folded::Slow(i) => match text_input::find_slow(name.as_bytes(), i, query) {
                Found::Named(named) => single(Some(named)),
                _ => None,
            },
        }
    }
}

impl Drug {
    /// The drug with this name: generic name, brand name or short form, in any case, with or
    /// without spaces, hyphens, dashes and dots, written as exports write it (full-width letters,
    /// invisible characters, quotes, `(R)`), or a generic name with its brand in brackets
    /// (`bortezomib (Velcade)`; a brand of another drug there is no match). Usable in `const`
    /// context; see also [`drug!`](crate::drug!).
    ///
    /// ```
    /// use myeloma::Drug;
    /// assert_eq!(Drug::from_name("\u{FEFF}“Velcade®”"), Some(Drug::Bortezomib));
    /// assert_eq!(Drug::from_name("lenalidomide [Revlimid]"), Some(Drug::Lenalidomide));
    /// assert_eq!(Drug::from_name("lenalidomide [Velcade]"), None);
    /// assert_eq!(Drug::from_name("VELCADE"), Some(Drug::Bortezomib));
    /// assert_eq!(Drug::from_name("len"), Some(Drug::Lenalidomide));
    /// assert_eq!(Drug::from_name("bortezimib"), None);
    /// ```
    #[inline]
    pub const fn from_name(name: &str) -> Option<Drug> {
        drug_of_text(name.as_bytes())
    }
}

impl Regimen {
    /// The regimen with this acronym or alias, in any case, with or without spaces, hyphens, dashes
    /// and dots, and written as exports write it (see [`Drug::from_name`]). Usable in `const`
    /// context; see also [`regimen!`](crate::regimen!).
    ///
    /// ```
    /// use myeloma::Regimen;
    /// assert_eq!(Regimen::from_name("ＶＲｄ"), Some(Regimen::RVd));
    /// assert_eq!(Regimen::from_name("VRd"), Some(Regimen::RVd));
    /// assert_eq!(Regimen::from_name("isa–kd"), Some(Regimen::IsaKd));
    /// ```
    #[inline]
    pub const fn from_name(name: &str) -> Option<Regimen> {
        match lookup(name) {
            Some(Named::Regimen(r)) => Some(r),
            _ => None,
        }
    }

    /// The regimen whose drugs are exactly `drugs`, ignoring dose qualifiers (as OHDSI's regimen
    /// finder matches drug exposures); of regimens that differ only in doses, the first in catalogue
    /// order. `None` when no regimen has exactly that set. One multiplication and one table read.
    ///
    /// ```
    /// use myeloma::{drug_set, Drug, Regimen};
    /// let set = drug_set![Drug::Carfilzomib, Drug::Dexamethasone];
    /// assert_eq!(Regimen::from_drugs(set), Some(Regimen::Kd));
    /// ```
    #[inline]
    pub const fn from_drugs(drugs: DrugSet) -> Option<Regimen> {
        let bits = drugs.bits();
        let (key, regimen) =
            REGIMENS_BY_DRUGS[text::set_slot(bits, SET_MULTIPLIER, SET_SLOTS_LOG2)];
        if key == bits {
            regimen
        } else {
            None
        }
    }

    /// Every regimen that contains all of `drugs`, in catalogue order.
    ///
    /// ```
    /// use myeloma::{Drug, Regimen};
    /// let with_isatuximab: Vec<_> = Regimen::containing(Drug::Isatuximab.into()).collect();
    /// assert_eq!(with_isatuximab, [Regimen::IsaKd, Regimen::IsaPd, Regimen::IsaVRd]);
    /// ```
    pub fn containing(drugs: DrugSet) -> impl Iterator<Item = Regimen> {
        Regimen::ALL
            .iter()
            .copied()
            .filter(move |r| drugs.is_subset(r.drugs()))
    }
}

/// Words of a free-text combination that qualify a dose rather than name a drug.
const QUALIFIERS: [&str; 5] = ["low", "dose", "lowdose", "high", "highdose"];

/// Words that name the phase a therapy is given in (`lenalidomide maintenance`, `VRd induction`,
/// `D-R maintenance`): skipped, as dose words are, so that the therapy resolves.
const PHASES: [&str; 3] = ["induction", "consolidation", "maintenance"];

/// The text before a phase word that ends it, with the word breaks between them (`D-R` of
/// `D-R maintenance`), if it ends so; the rest is then looked up as one name.
fn without_phase(text: &str) -> Option<&str> {
    let rest = PHASES.iter().find_map(|phase| {
        let split = text.len().checked_sub(phase.len())?;
        let (rest, last) = (text.get(..split)?, text.get(split..)?);
        last.eq_ignore_ascii_case(phase).then_some(rest)
    })?;
    let trimmed = rest.trim_end_matches(is_word_break);
    // The phase word is a word of its own, and something names the therapy before it.
    (trimmed.len() < rest.len() && !trimmed.is_empty()).then_some(trimmed)
}

/// Characters that separate the drugs of a free-text combination.
const fn is_list_separator(c: char) -> bool {
    matches!(c, '+' | '/' | ',' | ';' | '&' | '|')
}

/// Characters that separate the words of a piece of a free-text combination.
fn is_word_break(c: char) -> bool {
    c.is_whitespace() || c == '-' || c == '\u{2013}' || c == '\u{2014}'
}

/// What a byte may be in free text, as bits of [`CLASSES`]: a list separator, ...
const LIST: u8 = 1;
/// ... an ASCII word break (white space and `-`; [`is_word_break`] says which) ...
const BREAK: u8 = 2;
/// ... part of a character outside ASCII (which may break words, or be a full-width digit) ...
const OUTSIDE: u8 = 4;
/// ... or an ASCII digit.
const DIGIT: u8 = 8;

/// The class bits of each byte, so that a miss is sorted with one pass over its bytes.
const CLASSES: [u8; 256] = {
    let mut classes = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let byte = b as u8;
        classes[b] = if byte >= 0x80 {
            OUTSIDE
        } else if is_list_separator(byte as char) {
            LIST
        } else if matches!(byte, b'\t'..=b'\r' | b' ' | b'-') {
            BREAK
        } else if byte.is_ascii_digit() {
            DIGIT
        } else {
            0
        };
        b += 1;
    }
    classes
};

/// Resolves any way of writing a drug, a regimen or a combination of drugs.
///
/// A name is looked up first, as [`Therapy::from_name`] does (a name with its brand in brackets
/// that names another entry is a [`ParseError::conflict`]); then an ATC code, current or retired;
/// failing that the text is read as a list of drugs separated by `+`, `/`, `,`, `;`, `&`, "and",
/// "with" or "plus" (dose words such as "low-dose" are skipped), and a list whose drugs are exactly
/// a regimen's resolves to that regimen. A phase word after a name ("induction", "consolidation",
/// "maintenance") is skipped as well: the therapy resolves, and the phase is the caller's to read.
/// Error messages show invisible and control characters escaped (`vel\u{1}cade`).
///
/// ```
/// use myeloma::{resolve, Drug, Therapy};
/// assert_eq!(resolve("L01XG01"), Ok(Therapy::Drug(Drug::Bortezomib)));
/// assert_eq!(resolve("bortezomib (Velcade)"), Ok(Therapy::Drug(Drug::Bortezomib)));
/// assert!(resolve("bortezomib (Revlimid)").unwrap_err().conflict().is_some());
/// assert_eq!(
///     resolve("vel\u{200B}cade\u{1}").unwrap_err().to_string(),
///     "unknown drug or regimen name `vel\\u{200b}cade\\u{1}` (did you mean bortezomib?)"
/// );
/// ```
///
/// ```
/// use myeloma::{resolve, Regimen, Therapy};
/// assert_eq!(resolve("Velcade/Revlimid/dex"), Ok(Therapy::Regimen(Regimen::RVd)));
/// assert_eq!(resolve("dara, len, dex"), Ok(Therapy::Regimen(Regimen::DRd)));
/// assert_eq!(resolve("D-R maintenance"), Ok(Therapy::Regimen(Regimen::DR)));
///
/// let error = resolve("bortezimib").unwrap_err();
/// assert_eq!(error.to_string(), "unknown drug or regimen name `bortezimib` (did you mean bortezomib?)");
/// ```
#[inline]
pub fn resolve(text: &str) -> Result<Therapy, ParseError> {
    match find_single(text.as_bytes()) {
        Ok(therapy) => Ok(therapy),
        Err(found) => resolve_further(text, found),
    }
}

/// What [`resolve`] does when the text is not one name: an ambiguous name, names that disagree, a
/// bracketed part that names nothing, an ATC code, or a list of drugs. Out of line, so that a
/// caller's loop keeps only the lookup.
#[inline(never)]
fn resolve_further(text: &str, found: Found) -> Result<Therapy, ParseError> {
    match found {
        Found::Named(Named::Drug(d)) => return Ok(Therapy::Drug(d)),
        Found::Named(Named::Regimen(r)) => return Ok(Therapy::Regimen(r)),
        Found::Named(Named::Ambiguous(candidates)) => {
            return Err(ParseError::ambiguous(
                Expected::DrugOrRegimen,
                text,
                text,
                candidates,
            ))
        }
        Found::Conflict(a, b) => return Err(ParseError::conflicting(text, a, b)),
        Found::MissingPart(start, end) => {
            let part = text.get(start..end).unwrap_or(text);
            return Err(ParseError::new(Expected::DrugOrRegimen, text, part));
        }
        Found::Missing => {}
    }
    // Most text that gets here is one misspelt word: one pass over its bytes, without a branch on
    // each, says so.
    let classes = classes_of(text.as_bytes());
    // An ATC code has digits, ASCII or full-width.
    if classes & (DIGIT | OUTSIDE) != 0 {
        if let Some(code) = text_input::atc_code(text) {
            if let Ok(found) = Drug::from_atc(core::str::from_utf8(&code).unwrap_or_default()) {
                return Ok(Therapy::Drug(found.drug));
            }
        }
    }
    if classes & (LIST | BREAK | OUTSIDE) == 0 && !text.is_empty() {
        // A single word of ASCII that is no name is no list of names either: it reads as itself.
        return Err(ParseError::new(Expected::DrugOrRegimen, text, text));
    }
    let drugs = match parse_combination(text, classes & LIST != 0) {
        Ok(drugs) => drugs,
        Err(failure) => return Err(failure.error(text)),
    };
    Ok(match (Regimen::from_drugs(drugs), drugs.iter().next()) {
        (Some(r), _) => Therapy::Regimen(r),
        (None, Some(d)) if drugs.len() == 1 => Therapy::Drug(d),
        _ => Therapy::Combination(drugs),
    })
}

/// The classes of the bytes of `bytes`, together: eight bytes at a time, then the last eight, which
/// may overlap them (a class seen twice is seen once), so that no loop runs over the bytes left
/// over; text shorter than eight bytes is read as two overlapping halves.
fn classes_of(bytes: &[u8]) -> u8 {
    let mut classes = 0;
    let mut add = |part: &[u8]| {
        for b in part {
            classes |= CLASSES[usize::from(*b)];
        }
    };
    if let Some(last) = bytes.last_chunk::<8>() {
        for chunk in bytes.as_chunks::<8>().0 {
            add(chunk);
        }
        add(last);
    } else if let (Some(first), Some(last)) = (bytes.first_chunk::<4>(), bytes.last_chunk::<4>()) {
        add(first);
        add(last);
    } else if let (Some(first), Some(last)) = (bytes.first(), bytes.last()) {
        add(&[*first, bytes[bytes.len() / 2], *last]);
    }
    classes
}

/// The pieces of text between the characters of a class ([`LIST`] or [`BREAK`]), as `str::split`
/// gives them, found byte by byte: only a character outside ASCII is decoded, to ask whether it
/// breaks words.
struct Pieces<'a> {
    text: &'a str,
    at: usize,
    class: u8,
}

impl<'a> Pieces<'a> {
    fn new(text: &'a str, class: u8) -> Pieces<'a> {
        Pieces { text, at: 0, class }
    }
}

impl<'a> Iterator for Pieces<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        let bytes = self.text.as_bytes();
        let start = self.at;
        if start > bytes.len() {
            return None;
        }
        let mut i = start;
        while let Some(&b) = bytes.get(i) {
            let (len, ends) = if b >= 0x80 && self.class == BREAK {
                let c = self.text.get(i..).and_then(|s| s.chars().next());
                c.map_or((1, false), |c| (c.len_utf8(), is_word_break(c)))
            } else {
                (1, CLASSES[usize::from(b)] & self.class != 0)
            };
            if ends {
                self.at = i + len;
                return self.text.get(start..i);
            }
            i += len;
        }
        self.at = bytes.len() + 1;
        self.text.get(start..)
    }
}

/// Why free text is no list of drugs: a part of it that names nothing, or an ambiguous name and
/// what it may mean. Made into a [`ParseError`] once, by [`resolve_further`], rather than moved
/// through every caller.
enum Failure<'a> {
    Unknown(&'a str),
    Ambiguous(&'a str, &'static [Therapy]),
}

impl Failure<'_> {
    fn error(self, text: &str) -> ParseError {
        match self {
            Failure::Unknown(part) => ParseError::new(Expected::DrugOrRegimen, text, part),
            Failure::Ambiguous(part, candidates) => {
                ParseError::ambiguous(Expected::DrugOrRegimen, text, part, candidates)
            }
        }
    }
}

/// Reads free text as a list of drugs (a listed regimen contributes its drugs); `listed` says
/// whether it has a list separator.
fn parse_combination(text: &str, listed: bool) -> Result<DrugSet, Failure<'_>> {
    if !listed {
        // One piece, the text itself, which the caller looked up: what is left is a name before a
        // phase word, or its words (white space around them is no word).
        if let Some(named) = without_phase(text).and_then(lookup) {
            return named_drugs(text, named);
        }
        let set = words_of(text)?;
        if set.is_empty() {
            return Err(Failure::Unknown(text));
        }
        return Ok(set);
    }
    let mut set = DrugSet::EMPTY;
    for piece in Pieces::new(text, LIST) {
        let piece = piece.trim();
        if piece.is_empty() {
            continue;
        }
        let named = lookup(piece).or_else(|| without_phase(piece).and_then(lookup));
        set = set.union(match named {
            Some(named) => named_drugs(piece, named)?,
            None => words_of(piece)?,
        });
    }
    if set.is_empty() {
        return Err(Failure::Unknown(text));
    }
    Ok(set)
}

/// A piece that is not one name (it was looked up): its words, each a name, a dose word or a
/// joining word. Each word is folded as it is found, so that its lookup reads it once.
fn words_of(piece: &str) -> Result<DrugSet, Failure<'_>> {
    let bytes = piece.as_bytes();
    let mut set = DrugSet::EMPTY;
    let mut start = 0;
    loop {
        let mut query = Query::new();
        let folded = fold_from::<true>(bytes, start, &mut query);
        let (end, next) = match folded {
            Folded::Break(end, next) => (end, next),
            Folded::Done => (bytes.len(), bytes.len() + 1),
            // The fold stopped inside the word.
            Folded::TooLong | Folded::Slow(_) => {
                let mut words = Pieces {
                    text: piece,
                    at: start,
                    class: BREAK,
                };
                let end = words.next().map_or(bytes.len(), |word| start + word.len());
                (end, words.at)
            }
        };
        let word = piece.get(start..end).unwrap_or_default();
        if !word.is_empty() && !is_filler(word) {
            let named = match folded {
                Folded::Break(..) | Folded::Done if query.len <= MAX_KEY => query.probe(),
                Folded::Slow(i) => match text_input::find_slow(word.as_bytes(), i - start, query) {
                    Found::Named(named) => Some(named),
                    _ => None,
                },
                _ => None,
            };
            match named {
                Some(named) => set = set.union(named_drugs(word, named)?),
                None => return Err(Failure::Unknown(word)),
            }
        }
        if next > bytes.len() {
            return Ok(set);
        }
        start = next;
    }
}

fn is_filler(word: &str) -> bool {
    let lower = |w: &str| w.eq_ignore_ascii_case(word);
    QUALIFIERS.iter().any(|q| lower(q))
        || PHASES.iter().any(|p| lower(p))
        || ["and", "with", "plus"].iter().any(|w| lower(w))
}

/// The drugs a name in a list stands for; an ambiguous name is a failure naming what it may mean.
fn named_drugs(piece: &str, named: Named) -> Result<DrugSet, Failure<'_>> {
    match named {
        Named::Drug(d) => Ok(DrugSet::EMPTY.with(d)),
        Named::Regimen(r) => Ok(r.drugs()),
        Named::Ambiguous(candidates) => Err(Failure::Ambiguous(piece, candidates)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Pieces of text around every edge of the word-at-a-time fold: letters on both sides of the
    /// capitals, ASCII separators and the punctuation next to them, bytes outside ASCII that are
    /// and are not separators, and broken UTF-8.
    const PIECES: &[&[u8]] = &[
        b"a",
        b"m",
        b"z",
        b"A",
        b"Q",
        b"Z",
        b"0",
        b"9",
        b"@",
        b"[",
        b"`",
        b"{",
        b"\x7f",
        b"\0",
        b" ",
        b"-",
        b".",
        b"_",
        b"\t",
        b"\n",
        b"\r",
        b"/",
        b"+",
        b",",
        b"(",
        b"!",
        b"\x0b",
        b"velcade",
        b"RVD",
        b"isa",
        "é".as_bytes(),
        "–".as_bytes(),
        "—".as_bytes(),
        "\u{a0}".as_bytes(),
        "®".as_bytes(),
        "™".as_bytes(),
        "\u{2212}".as_bytes(),
        "\u{2010}".as_bytes(),
        "\u{202f}".as_bytes(),
        "\u{2016}".as_bytes(),
        "\u{2030}".as_bytes(),
        b"\"",
        b"'",
        b"[",
        b"]",
        b"^",
        b"\\",
        b"(R)",
        b"(tm)",
        b"X",
        "\u{200b}".as_bytes(),
        "\u{feff}".as_bytes(),
        "\u{ad}".as_bytes(),
        "\u{3000}".as_bytes(),
        "\u{2066}".as_bytes(),
        "\u{201c}".as_bytes(),
        "\u{ab}".as_bytes(),
        "Ｖ".as_bytes(),
        "ｄ".as_bytes(),
        "（".as_bytes(),
        "）".as_bytes(),
        "－".as_bytes(),
        b"\xef\xbc",
        b"\xc2",
        b"\xe2",
        b"\xe2\x80",
        b"\xff",
    ];

    /// The word-at-a-time fold agrees with [`text::fold`], word for word, on random text made of
    /// [`PIECES`], of every length up to past the longest key.
    #[test]
    fn the_separator_bitmap_is_the_separator_table() {
        for byte in 0..0x80u8 {
            assert_eq!(
                is_ascii_separator(byte),
                text::separator_len(&[byte], 0) == 1,
                "{byte:#04x}"
            );
        }
    }

    #[test]
    fn the_byte_classes_are_the_character_tests() {
        for byte in 0..=0xFFu8 {
            let class = CLASSES[usize::from(byte)];
            let c = byte as char;
            assert_eq!(class == OUTSIDE, !byte.is_ascii(), "{byte:#04x}");
            if byte.is_ascii() {
                assert_eq!(class == LIST, is_list_separator(c), "{byte:#04x}");
                assert_eq!(class == BREAK, is_word_break(c), "{byte:#04x}");
                assert_eq!(class == DIGIT, c.is_ascii_digit(), "{byte:#04x}");
            }
        }
    }

    #[test]
    fn the_classes_of_text_are_those_of_its_bytes() {
        let mut random = xorshift(0x1405_7b7e_f767_814f);
        for _ in 0..20_000 {
            let mut bytes = [0u8; 40];
            let len = random(bytes.len() + 1);
            // Mostly letters, so that a class is often in one byte only.
            for b in &mut bytes[..len] {
                *b = match random(4) {
                    0 => random(256) as u8,
                    _ => b'a' + random(26) as u8,
                };
            }
            let bytes = &bytes[..len];
            let expected = bytes.iter().fold(0, |c, b| c | CLASSES[usize::from(*b)]);
            assert_eq!(classes_of(bytes), expected, "{bytes:?}");
        }
    }

    /// A xorshift generator of numbers below a bound: the same sequence on every run, no crate.
    pub(super) fn xorshift(mut state: u64) -> impl FnMut(usize) -> usize {
        move |below: usize| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state % below as u64) as usize
        }
    }

    /// Fills the start of `out` with up to `most` random [`PIECES`]; returns the length filled.
    fn random_text(random: &mut impl FnMut(usize) -> usize, out: &mut [u8], most: usize) -> usize {
        let mut len = 0;
        for _ in 0..random(most) {
            let piece = PIECES[random(PIECES.len())];
            if len + piece.len() > out.len() {
                break;
            }
            out[len..len + piece.len()].copy_from_slice(piece);
            len += piece.len();
        }
        len
    }

    /// Pieces split as `str::split` does with the character tests, on random text made of
    /// [`PIECES`].
    #[test]
    fn pieces_are_the_split_by_characters() {
        let mut random = xorshift(0x9e37_79b9_7f4a_7c15);
        for _ in 0..50_000 {
            let mut input = [0u8; 64];
            let len = random_text(&mut random, &mut input, 12);
            let Ok(text) = core::str::from_utf8(&input[..len]) else {
                continue;
            };
            assert!(
                Pieces::new(text, LIST).eq(text.split(is_list_separator)),
                "{text:?}"
            );
            assert!(
                Pieces::new(text, BREAK).eq(text.split(is_word_break)),
                "{text:?}"
            );
        }
    }

    /// Errors are equal, and hash the same, when they show the same, whether the part was kept as
    /// offsets into the input or copied.
    #[test]
    fn errors_that_show_the_same_are_equal() {
        use core::hash::{Hash, Hasher};
        /// FNV-1a, enough to compare two hashes without `std`.
        struct Fnv(u64);
        impl Hasher for Fnv {
            fn finish(&self) -> u64 {
                self.0
            }
            fn write(&mut self, bytes: &[u8]) {
                for b in bytes {
                    self.0 = (self.0 ^ u64::from(*b)).wrapping_mul(0x100_0000_01b3);
                }
            }
        }
        let hash = |e: &ParseError| {
            let mut h = Fnv(0xcbf2_9ce4_8422_2325);
            e.hash(&mut h);
            h.finish()
        };
        let text = "dex dex";
        let first = ParseError::new(Expected::DrugOrRegimen, text, &text[..3]);
        let second = ParseError::new(Expected::DrugOrRegimen, text, &text[4..]);
        let copied = ParseError::new(Expected::DrugOrRegimen, text, "dex");
        assert_eq!(first, second);
        assert_eq!(first, copied);
        assert_eq!(
            (hash(&first), hash(&second)),
            (hash(&copied), hash(&copied))
        );
        assert_ne!(first, ParseError::new(Expected::DrugOrRegimen, text, "de"));
        let long = "a very long list of drugs, longer than an error keeps, with velcadde";
        let error = ParseError::new(Expected::DrugOrRegimen, long, &long[60..]);
        assert_eq!(error.unresolved(), "velcadde");
        assert_eq!(error.input(), &long[..48]);
    }

    #[test]
    fn word_breaks_are_the_character_test() {
        for byte in 0..0x80u8 {
            for lane in 0..8 {
                let chunk = u64::from(byte) << (8 * lane);
                let found = ascii_breaks(chunk) != 0;
                assert_eq!(found, is_word_break(byte as char), "{byte:#04x}");
            }
        }
        for c in (0x80..=0x10_FFFF).filter_map(char::from_u32) {
            let mut buf = [0u8; 4];
            let bytes = c.encode_utf8(&mut buf).as_bytes();
            assert_eq!(breaks_word(bytes, 0), is_word_break(c), "{c:?}");
        }
    }

    /// Folding word by word, as [`words_of`] does, finds the words of `str::split` and folds each
    /// as a fold of the word alone does, on random text made of [`PIECES`].
    #[test]
    fn the_word_by_word_fold_is_the_fold_of_each_word() {
        let mut random = xorshift(0x5851_f42d_4c95_7f2d);
        for _ in 0..100_000 {
            let mut input = [0u8; 96];
            let len = random_text(&mut random, &mut input, 16);
            let Ok(text) = core::str::from_utf8(&input[..len]) else {
                continue;
            };
            let bytes = text.as_bytes();
            let mut expected = text.split(is_word_break);
            let mut start = 0;
            loop {
                let mut query = Query::new();
                let folded = fold_from::<true>(bytes, start, &mut query);
                let word = expected.next().expect("no more words than str::split");
                let (end, next) = match folded {
                    Folded::Break(end, next) => (end, next),
                    Folded::Done => (bytes.len(), bytes.len() + 1),
                    // The fold stopped inside the word, which `words_of` then finds with `Pieces`.
                    Folded::TooLong | Folded::Slow(_) => {
                        let end = start + word.len();
                        (
                            end,
                            end + text[end..].chars().next().map_or(1, char::len_utf8),
                        )
                    }
                };
                assert_eq!(&text[start..end], word, "{text:?}");
                let mut alone = Query::new();
                if let (Folded::Break(..) | Folded::Done, Folded::Done) =
                    (folded, fold_query(word.as_bytes(), &mut alone))
                {
                    assert_eq!(
                        (query.len, query.words),
                        (alone.len, alone.words),
                        "{word:?}"
                    );
                }
                if next > bytes.len() {
                    assert_eq!(expected.next(), None, "{text:?}");
                    break;
                }
                start = next;
            }
        }
    }

    #[test]
    fn the_word_fold_is_the_byte_fold() {
        let mut random = xorshift(0x2545_f491_4f6c_dd1d);
        for _ in 0..200_000 {
            let mut input = [0u8; 96];
            let len = random_text(&mut random, &mut input, 24);
            let input = &input[..len];
            let mut expected = [0u8; MAX_FOLDED];
            let expected = text::fold(input, &mut expected).map(|n| &expected[..n]);
            let mut query = Query::new();
            let folded = match fold_query(input, &mut query) {
                Folded::Done | Folded::Break(..) => true,
                Folded::TooLong => false,
                Folded::Slow(i) => {
                    let mut rest = Query::new();
                    assert!(fold_units(input.split_at(i).0, &mut rest));
                    assert_eq!((rest.len, rest.words), (query.len, query.words));
                    query = Query::new();
                    fold_units(input, &mut query)
                }
            };
            match expected {
                Some(expected) if expected.len() <= MAX_KEY => {
                    assert!(folded, "{input:?}");
                    assert_eq!(query.len, expected.len(), "{input:?}");
                    for (w, word) in query.words.iter().enumerate() {
                        assert_eq!(*word, text::word(expected, w), "word {w} of {input:?}");
                    }
                }
                _ => assert!(!folded, "{input:?} folds past every key"),
            }
        }
    }

    /// Every start of every key, up to 16 bytes, may begin a key.
    #[test]
    fn every_start_of_a_key_may_begin_one() {
        for (key, _) in NAME_SLOTS {
            let mut prefix = 0u128;
            for (len, byte) in key.iter().take(16).enumerate() {
                prefix |= u128::from(*byte) << (8 * len);
                assert!(may_begin_key(prefix, len + 1), "{key:?}");
            }
        }
        // And the table tells: most of its bits are clear, so that most words that begin no key
        // are known to.
        let set: u32 = KEY_PREFIXES.iter().map(|w| w.count_ones()).sum();
        assert!(set < (KEY_PREFIXES.len() as u32 * 64) / 2, "{set} bits set");
    }

    #[test]
    fn every_key_finds_its_slot() {
        for (key, named) in NAME_SLOTS {
            if let Some(named) = named {
                let key = core::str::from_utf8(key).unwrap();
                assert_eq!(lookup(key), Some(named), "{key}");
            }
        }
    }

    #[test]
    fn every_regimen_is_found_by_its_drugs() {
        for (bits, regimen) in REGIMENS_BY_DRUGS {
            let Some(regimen) = regimen else { continue };
            let found = Regimen::from_drugs(DrugSet::from_bits(bits)).unwrap();
            assert_eq!(found.drugs().bits(), bits);
            assert!(
                Regimen::ALL.iter().position(|r| *r == found)
                    <= Regimen::ALL.iter().position(|r| *r == regimen)
            );
        }
        assert_eq!(Regimen::from_drugs(DrugSet::EMPTY), None);
    }
}
