//! What a word starts: schedule words, a route or a dose form. Every fixed phrase of the three is in
//! one table. Every word and mark the parser compares a token with (the phrases' words, the words
//! that lead a schedule pattern, units, what follows a unit's `/`, joiners and marks) is in a
//! lexicon with a perfect hash: the lexer finds each there once and gives its token the id, and
//! what the word may be is then read from tables indexed by the id. A word that starts no phrase of several
//! words (`daily`, `PO`, `tablet`, and a drug's name, most words of a line) is known from its id
//! alone; only the others try their phrases and patterns.

use super::form::{self, DoseForm};
use super::lexer::{char_key, key, phrase, phrase_len, Phrase, Tokens};
use super::route;
use super::schedule::{self, schedule_pattern_at, Frequency, Piece};
use super::strength::{self, Unit};
use crate::Route;

/// What a word starts, read.
// A tag byte of its own: laid out in the niches of the values inside it, the keyword was told
// apart by subtracting and comparing the tag of a frequency, where the reading loop asks what it is
// for every keyword.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub(crate) enum Keyword {
    Schedule(Piece),
    Route(Route),
    Form(DoseForm),
}

/// What a phrase of the table means; [`Meaning::Lead`] marks a word that may start a schedule
/// pattern (`every 28 days`, `days 1-21`), read by [`schedule_pattern_at`].
#[derive(Clone, Copy)]
enum Meaning {
    Frequency(Frequency),
    Route(Route),
    Form(DoseForm),
    Lead,
}

const PHRASES: usize = schedule::PHRASES.len() + route::SPELLINGS.len() + form::SPELLINGS.len();
const ENTRIES: usize = PHRASES + schedule::LEADS.len();

/// Every phrase, schedule first, then routes, then forms, each in its table's order; then the leads.
const TABLE: [(Phrase, Meaning); ENTRIES] = {
    let mut table = [([0; 8], Meaning::Lead); ENTRIES];
    let mut n = 0;
    let mut i = 0;
    while i < schedule::PHRASES.len() {
        let (words, f) = schedule::PHRASES[i];
        table[n] = (words, Meaning::Frequency(f));
        n += 1;
        i += 1;
    }
    i = 0;
    while i < route::SPELLINGS.len() {
        let (words, r) = route::SPELLINGS[i];
        table[n] = (words, Meaning::Route(r));
        n += 1;
        i += 1;
    }
    i = 0;
    while i < form::SPELLINGS.len() {
        let (words, f) = form::SPELLINGS[i];
        table[n] = (words, Meaning::Form(f));
        n += 1;
        i += 1;
    }
    i = 0;
    while i < schedule::LEADS.len() {
        let mut words = [0; 8];
        words[0] = schedule::LEADS[i];
        table[n] = (words, Meaning::Lead);
        n += 1;
        i += 1;
    }
    table
};

const _: () = assert!(ENTRIES < u8::MAX as usize);

/// Which of [`Matches`]'s slots an entry's meaning fills: frequencies, routes, forms, leads.
const fn slot_of(meaning: Meaning) -> usize {
    match meaning {
        Meaning::Frequency(_) => 0,
        Meaning::Route(_) => 1,
        Meaning::Form(_) => 2,
        Meaning::Lead => 3,
    }
}

/// Each entry's slot, so that keeping a match is an indexed store rather than a jump on its kind.
const SLOTS: [u8; ENTRIES] = {
    let mut slots = [0; ENTRIES];
    let mut i = 0;
    while i < ENTRIES {
        slots[i] = slot_of(TABLE[i].1) as u8;
        i += 1;
    }
    slots
};

/// The longest phrase of each kind that matches at word `i` (frequency, route, form, lead), packed
/// as its length in tokens (0: none) above `u8::MAX` less its entry: the greater of two is the
/// longer phrase or, of two as long, the first in the table.
type Matches = [u32; 4];

const fn pack(n: usize, entry: usize) -> u32 {
    ((n as u32) << 8) | (u8::MAX as u32 - entry as u32)
}

/// What each id's phrases of one word match, whatever follows (see [`Matches`]): for a lead, its
/// slot too.
const ONE_WORD: [Matches; IDS] = {
    let mut found = [[0; 4]; IDS];
    let mut e = 0;
    while e < ENTRIES {
        let (words, meaning) = TABLE[e];
        if words[1] == 0 {
            let id = id_of(words[0]);
            let slot = slot_of(meaning);
            // Entries in table order: the first of a kind is kept, as `pack` ranks it.
            if found[id][slot] == 0 {
                found[id][slot] = pack(1, e);
            }
        }
        e += 1;
    }
    found
};

/// How many entries are phrases of several words.
const LONGER: usize = {
    let mut count = 0;
    let mut e = 0;
    while e < ENTRIES {
        if TABLE[e].0[1] != 0 {
            count += 1;
        }
        e += 1;
    }
    count
};

/// The entries that are phrases of several words, by their first word's id, in table order within
/// an id: id `d`'s are `LONGER_ENTRIES[LONGER_FROM[d]..LONGER_FROM[d + 1]]`.
const LONGER_ENTRIES: ([u8; LONGER], [u8; IDS + 1]) = {
    let mut entries = [0u8; LONGER];
    let mut from = [0u8; IDS + 1];
    let mut n = 0;
    let mut id = 0;
    while id < IDS {
        from[id] = n as u8;
        let mut e = 0;
        while e < ENTRIES {
            if TABLE[e].0[1] != 0 && id_of(TABLE[e].0[0]) == id {
                entries[n] = e as u8;
                n += 1;
            }
            e += 1;
        }
        id += 1;
    }
    from[IDS] = n as u8;
    assert!(n == LONGER);
    (entries, from)
};

/// The longest phrase of each kind at word `i`, whose lexicon id is `id`. A phrase of several
/// words is matched only where its second word is the next (most are not): that word's id is read
/// once for them all, as [`phrase`] reads it (past a hyphen touching both words, `once-daily`,
/// unless the phrase's second word is the hyphen).
fn matches(tokens: &Tokens<'_>, i: usize, id: u8) -> Matches {
    const HYPHEN: u8 = mark_id('-');
    let id = usize::from(id);
    let mut found = ONE_WORD[id];
    let (entries, from) = &LONGER_ENTRIES;
    let range = usize::from(from[id])..usize::from(from[id + 1]);
    let next = tokens.id_of(i + 1);
    let past_hyphen = if next == HYPHEN && tokens.glued(i) && tokens.glued(i + 1) {
        tokens.id_of(i + 2)
    } else {
        next
    };
    for &entry in entries.get(range).unwrap_or_default() {
        let entry = usize::from(entry);
        let Some(ids) = PHRASE_IDS.get(entry) else {
            continue;
        };
        let second = if ids[1] == HYPHEN { next } else { past_hyphen };
        if ids[1] != second {
            continue;
        }
        if let Some(n) = phrase(tokens, i, ids) {
            if let Some(best) = found.get_mut(usize::from(SLOTS[entry])) {
                *best = (*best).max(pack(n, entry));
            }
        }
    }
    found
}

/// The meaning of the entry kept in `slot`, if one was.
fn kept(found: &Matches, slot: usize) -> Option<(Meaning, usize)> {
    let packed = *found.get(slot)?;
    let (n, entry) = (
        (packed >> 8) as usize,
        u8::MAX as usize - (packed & 0xFF) as usize,
    );
    (n > 0).then(|| (TABLE[entry].1, n))
}

/// Whether the key is a `q` or a `d` then a digit, lower-cased (a word too long for a key is too
/// long for `q28d` or `D1-21`).
const fn glued_number(key: u128) -> bool {
    let [first, second, ..] = key.to_le_bytes();
    // `&`, not `&&`: no branch on the first byte.
    ((first == b'q') | (first == b'd')) & second.is_ascii_digit()
}

/// What word `i` starts and how many tokens it takes: schedule words before a
/// route, a route before a dose form; of each, the longest phrase. Read from the table's phrases
/// and the schedule patterns, for the words that [`starts`] cannot tell alone.
pub(crate) fn phrase_at(tokens: &Tokens<'_>, i: usize) -> Option<(Keyword, usize)> {
    let id = tokens.id_of(i);
    let found = matches(tokens, i, id);
    if let Some((Meaning::Frequency(f), n)) = kept(&found, 0) {
        return Some((Keyword::Schedule(Piece::Frequency(f)), n));
    }
    // `q28d` and `D1-21` start with a letter and a digit; other patterns start with a lead word.
    if found[3] > 0 || id == GLUED {
        if let found @ Some(_) = schedule_pattern_at(tokens, i) {
            return found;
        }
    }
    if let Some((Meaning::Route(r), n)) = kept(&found, 1) {
        return Some((Keyword::Route(r), n));
    }
    match kept(&found, 2) {
        Some((Meaning::Form(f), n)) => Some((Keyword::Form(f), n)),
        _ => None,
    }
}

// The lexicon: every word and mark that the parser compares a token with (the words of the
// table's phrases and leads, units, the words of a unit after `/`, and the words and marks that
// join the parts of a dose or the days of a list), each with an id that the lexer gives its token,
// so that a word is hashed once, where it is read, and what it may be is then found by indexing
// tables with the id, and whether it is a given word by comparing ids.

/// How many ids there are room for: ids are bytes, and tables indexed by one have this many
/// entries, so that indexing them needs no bounds check.
const IDS: usize = 256;

/// What no word's key is: a key is the bytes of text, and no UTF-8 text holds the byte 0xFF.
const NO_KEY: u128 = u128::MAX;

/// The marks that the parser reads, and the words compared outside the table and the units: what
/// joins a step-up's doses and a list's days, and what follows a cycle's length.
const OTHERS: [u128; 20] = [
    char_key('/'),
    char_key('-'),
    char_key('–'),
    char_key('→'),
    char_key('>'),
    char_key(','),
    char_key('&'),
    char_key('['),
    char_key(']'),
    char_key('('),
    char_key(')'),
    key("then"),
    key("followed"),
    key("by"),
    key("and"),
    key("to"),
    key("through"),
    key("thru"),
    key("cycle"),
    key("cycles"),
];

/// How many words the table's phrases hold.
const PHRASE_WORDS: usize = {
    let mut count = 0;
    let mut e = 0;
    while e < ENTRIES {
        count += phrase_len(&TABLE[e].0);
        e += 1;
    }
    count
};

/// Every key compared, with repeats: the table's words, the units, then the others.
const LOOKED_UP: [u128; PHRASE_WORDS + strength::UNIT_WORDS + OTHERS.len()] = {
    let mut all = [0; PHRASE_WORDS + strength::UNIT_WORDS + OTHERS.len()];
    let mut n = 0;
    let mut e = 0;
    while e < ENTRIES {
        let mut w = 0;
        while w < phrase_len(&TABLE[e].0) {
            all[n] = TABLE[e].0[w];
            n += 1;
            w += 1;
        }
        e += 1;
    }
    n = append_words(&mut all, n, &strength::UNITS_BY_WORD);
    n = append_words(&mut all, n, &strength::PER_WORDS);
    let mut o = 0;
    while o < OTHERS.len() {
        all[n] = OTHERS[o];
        n += 1;
        o += 1;
    }
    assert!(n == all.len());
    all
};

/// Writes the words of `table` into `all` from `n` on; returns where they end.
const fn append_words<T: Copy, const N: usize>(
    all: &mut [u128; N],
    mut n: usize,
    table: &[(&[u128], T)],
) -> usize {
    let mut t = 0;
    while t < table.len() {
        let (words, _) = table[t];
        let mut w = 0;
        while w < words.len() {
            all[n] = words[w];
            n += 1;
            w += 1;
        }
        t += 1;
    }
    n
}

/// The distinct keys, by id; id 0 is no word ([`NO_KEY`]), and so are the ids past the last.
const WORDS: [u128; IDS] = {
    let mut words = [NO_KEY; IDS];
    let mut count = 1;
    let mut i = 0;
    while i < LOOKED_UP.len() {
        let key = LOOKED_UP[i];
        assert!(key != 0 && key != NO_KEY);
        let mut seen = false;
        let mut j = 1;
        while j < count {
            if words[j] == key {
                seen = true;
            }
            j += 1;
        }
        if !seen {
            words[count] = key;
            count += 1;
        }
        i += 1;
    }
    words
};

/// The id of `key` among [`WORDS`], 0 if it is not one.
const fn id_of(key: u128) -> usize {
    let mut id = 1;
    while id < IDS {
        if WORDS[id] == key {
            return id;
        }
        id += 1;
    }
    0
}

/// The id of a word of the lexicon, at compile time; one that is not in it does not compile.
pub(crate) const fn lexicon_id(key: u128) -> u8 {
    let id = id_of(key);
    assert!(id != 0, "the word is not in the lexicon");
    id as u8
}

/// The id of a mark of the lexicon, at compile time.
pub(crate) const fn mark_id(c: char) -> u8 {
    lexicon_id(char_key(c))
}

/// Each entry's words as ids, ended by 0, for [`phrase`].
const PHRASE_IDS: [[u8; 8]; ENTRIES] = {
    let mut ids = [[0; 8]; ENTRIES];
    let mut e = 0;
    while e < ENTRIES {
        let mut w = 0;
        while w < phrase_len(&TABLE[e].0) {
            ids[e][w] = lexicon_id(TABLE[e].0[w]);
            w += 1;
        }
        e += 1;
    }
    ids
};

const LEXICON_BITS: u32 = 11;

/// `key` with every byte that is not 0 ORed with 0x20: lower case for a letter, and what the
/// lexer's fast path computes from a word's raw bytes without telling capitals from the rest
/// (digits keep their bytes). The lexicon hashes this form, so that the fast path needs no capital
/// test; it is one to one on the keys of ASCII words of letters and digits, which is all the fast
/// path looks up (a word with `^` takes the slow path), and no two keys fold alike (asserted).
pub(crate) const fn fold_bytes(key: u128) -> u128 {
    const LOWS: u128 = u128::from_le_bytes([0x7F; 16]);
    const HIGHS: u128 = u128::from_le_bytes([0x80; 16]);
    // A byte below 0x80 plus 0x7F never carries into the next.
    let nonzero = (((key & LOWS) + LOWS) | key) & HIGHS;
    key | (nonzero >> 2)
}

/// Each id's key as [`fold_bytes`] folds it, for the fast path's comparison.
const FOLDED_WORDS: [u128; IDS] = {
    let mut folded = [NO_KEY; IDS];
    let mut id = 1;
    while id < IDS && WORDS[id] != NO_KEY {
        // No key holds a capital, a byte that folds to a digit or `~`: then a fast-path word's
        // folded key equals a word's only where its key does.
        let bytes = WORDS[id].to_le_bytes();
        let mut b = 0;
        while b < 16 {
            assert!(!matches!(bytes[b], 0x10..=0x19 | b'A'..=b'Z' | b'~'));
            b += 1;
        }
        folded[id] = fold_bytes(WORDS[id]);
        let mut other = 1;
        while other < id {
            assert!(
                folded[other] != folded[id],
                "two lexicon keys fold alike (fold_bytes): the lexicon cannot tell them apart"
            );
            other += 1;
        }
        id += 1;
    }
    folded
};

/// The slot of a key folded by [`fold_bytes`] in [`LEXICON`] under a multiplier. The halves are
/// XORed as they are, not one rotated: every key still gets a slot of its own (asserted), and a
/// short word's zero high half costs one operation, not three (callgrind: 5 instructions a line).
#[inline(always)]
const fn lexicon_slot(key: u128, multiplier: u64) -> usize {
    let folded = (key as u64) ^ ((key >> 64) as u64);
    (folded.wrapping_mul(multiplier) >> (64 - LEXICON_BITS)) as usize
}

/// Each slot's id, under `multiplier`; `None` if two words share a slot.
const fn lexicon(multiplier: u64) -> Option<[u8; 1 << LEXICON_BITS]> {
    let mut slots = [0u8; 1 << LEXICON_BITS];
    let mut id = 1;
    while id < IDS && WORDS[id] != NO_KEY {
        let slot = lexicon_slot(FOLDED_WORDS[id], multiplier);
        if slots[slot] != 0 {
            return None;
        }
        slots[slot] = id as u8;
        id += 1;
    }
    Some(slots)
}

/// The first multiplier (odd, from the golden ratio's) under which no two words share a slot, and
/// the slots: a word is found with one probe and one comparison.
const LEXICON: (u64, [u8; 1 << LEXICON_BITS]) = {
    let mut multiplier: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut tries = 0;
    loop {
        if let Some(slots) = lexicon(multiplier) {
            break (multiplier, slots);
        }
        multiplier = multiplier.wrapping_add(0x2_0000_0002);
        tries += 1;
        assert!(
            tries < 10_000,
            "no multiplier puts every word in a slot of its own"
        );
    }
};

/// The id of a word that is no word of the lexicon but a letter and a digit (`q28d`, `D1-21`),
/// which may start a schedule pattern.
pub(crate) const GLUED: u8 = u8::MAX;

const _: () = assert!(WORDS[GLUED as usize] == NO_KEY);

/// The id of a word's key: 0 if the parser looks up no such word, [`GLUED`] for a letter and a
/// digit. For words off the lexer's fast path (dots, characters outside ASCII, marks outside
/// ASCII): the key is folded to find its slot, then compared whole.
pub(crate) fn word_id(key: u128) -> u8 {
    let id = LEXICON.1[lexicon_slot(fold_bytes(key), LEXICON.0)];
    let other = if glued_number(key) { GLUED } else { 0 };
    if WORDS[usize::from(id)] == key {
        id
    } else {
        other
    }
}

/// The id of an ASCII word of letters and digits from its bytes as [`fold_bytes`] folds them
/// (zeros past its end), as [`word_id`] finds it from the word's key: `q` and `d` are lower case
/// and digits unchanged in both, so [`glued_number`] reads either.
#[inline(always)]
pub(crate) fn folded_word_id(tables: &FastTables, folded: u128) -> u8 {
    let id = tables.slots[lexicon_slot(folded, LEXICON.0)];
    // `glued_number` by two table reads, not two comparisons and a range test.
    let [first, second, ..] = folded.to_le_bytes();
    let other = tables.glued_first[usize::from(first)] & tables.digits[usize::from(second)];
    // The two halves from two tables of eight bytes, not one of sixteen: the id indexes them
    // scaled by 8, one operation less between the slot's load and the keys'.
    let at = usize::from(id);
    let differ =
        (tables.words_low[at] ^ folded as u64) | (tables.words_high[at] ^ (folded >> 64) as u64);
    // Known and unknown words alternate on a line: a select, not a branch.
    core::hint::select_unpredictable(differ == 0, id, other)
}

/// The tables [`folded_word_id`] reads, together: one address in a register for all four, rather
/// than one each (and one for the lexer's tables too, which hold them: see `ByteTables`).
pub(crate) struct FastTables {
    /// The low and the high eight bytes of each id's folded key ([`FOLDED_WORDS`]).
    words_low: [u64; IDS],
    words_high: [u64; IDS],
    slots: [u8; 1 << LEXICON_BITS],
    glued_first: [u8; 256],
    digits: [u8; 256],
}

pub(crate) const FAST_TABLES: FastTables = FastTables {
    words_low: halves(false),
    words_high: halves(true),
    slots: LEXICON.1,
    glued_first: GLUED_FIRST,
    digits: DIGITS,
};

/// The low (or the high) eight bytes of each id's folded key.
const fn halves(high: bool) -> [u64; IDS] {
    let mut out = [0; IDS];
    let mut id = 0;
    while id < IDS {
        let key = FOLDED_WORDS[id];
        out[id] = if high { (key >> 64) as u64 } else { key as u64 };
        id += 1;
    }
    out
}

/// [`GLUED`] for the bytes that may start a glued number (`q`, `d`), 0 for the others.
const GLUED_FIRST: [u8; 256] = {
    let mut bytes = [0; 256];
    bytes[b'q' as usize] = GLUED;
    bytes[b'd' as usize] = GLUED;
    bytes
};

/// [`GLUED`] (all ones) for an ASCII digit, 0 for other bytes.
const DIGITS: [u8; 256] = {
    let mut bytes = [0; 256];
    let mut b = b'0';
    while b <= b'9' {
        bytes[b as usize] = GLUED;
        b += 1;
    }
    bytes
};

const _: () = assert!(GLUED == u8::MAX);

/// The id of each ASCII character as a mark (0 for one the parser compares with nothing, and for
/// every byte past ASCII), so that a mark is found by its byte, not hashed, and the table read by
/// any byte without a bounds check.
pub(crate) const MARK_IDS: [u8; 256] = {
    let mut ids = [0; 256];
    let mut b = 0;
    while b < 128 {
        ids[b] = id_of(char_key(b as u8 as char)) as u8;
        b += 1;
    }
    ids
};

/// What a word starts, by its id, as far as the word alone tells.
// A tag byte of its own, as `Keyword`'s: read for every word of a line.
#[derive(Clone, Copy)]
#[repr(u8)]
pub(crate) enum Starts {
    /// No phrase, lead or pattern.
    Nothing,
    /// A keyword of one word, whatever follows: no longer phrase or pattern starts with the word.
    One(OneWord),
    /// A phrase of several words, a lead, or a pattern (`q28d`): what follows decides, read by
    /// [`phrase_at`], or by [`schedule_pattern_at`] where [`pattern_only`] holds.
    More,
}

/// A keyword of one word: a [`Keyword`] without the kinds of schedule piece that take several
/// words (a list of days, a cycle), so that [`STARTS`] holds eight bytes an id rather than 32
/// (a list of days is a `u64`), a table of 2 KiB rather than 8 read for every word.
#[derive(Clone, Copy)]
#[repr(u8)]
pub(crate) enum OneWord {
    Frequency(Frequency),
    Route(Route),
    Form(DoseForm),
}

impl OneWord {
    /// The keyword.
    #[inline(always)]
    pub(crate) fn keyword(self) -> Keyword {
        match self {
            OneWord::Frequency(f) => Keyword::Schedule(Piece::Frequency(f)),
            OneWord::Route(r) => Keyword::Route(r),
            OneWord::Form(f) => Keyword::Form(f),
        }
    }
}

const _: () = assert!(core::mem::size_of::<Starts>() <= 8);

/// What the word with this id starts, as far as the word alone tells.
#[inline(always)]
pub(crate) fn starts(id: u8) -> Starts {
    STARTS[usize::from(id)]
}

/// What each id starts: a one-word keyword is the first one-word entry of each kind, schedule before
/// route before form, as [`phrase_at`] keeps them.
const STARTS: [Starts; IDS] = {
    let mut starts = [Starts::Nothing; IDS];
    let mut id = 1;
    while id < IDS && WORDS[id] != NO_KEY {
        let mut kinds: [Option<Meaning>; 3] = [None; 3];
        let mut more = false;
        let mut e = 0;
        while e < ENTRIES {
            let (words, meaning) = TABLE[e];
            if words[0] == WORDS[id] {
                let slot = slot_of(meaning);
                if words[1] != 0 || slot == 3 {
                    more = true;
                } else if kinds[slot].is_none() {
                    kinds[slot] = Some(meaning);
                }
            }
            e += 1;
        }
        starts[id] = if more {
            Starts::More
        } else {
            match kinds {
                [Some(Meaning::Frequency(f)), _, _] => Starts::One(OneWord::Frequency(f)),
                [None, Some(Meaning::Route(r)), _] => Starts::One(OneWord::Route(r)),
                [None, None, Some(Meaning::Form(f))] => Starts::One(OneWord::Form(f)),
                _ => Starts::Nothing,
            }
        };
        // No word of the lexicon is a letter and a digit, which may start a pattern.
        assert!(!glued_number(WORDS[id]));
        id += 1;
    }
    starts[GLUED as usize] = Starts::More;
    starts
};

/// Whether the word with this id may start a schedule pattern and no phrase (`days`, `on`, `q`,
/// and a letter and a digit: `q28d`, `D1-21`), so that [`schedule_pattern_at`] reads it without
/// [`phrase_at`]'s phrase tables.
// A table of its own rather than a fourth kind of `Starts`: four kinds made the reading loop's
// test of every word an indirect jump through a table.
#[inline(always)]
pub(crate) fn pattern_only(id: u8) -> bool {
    PATTERN_ONLY[usize::from(id)]
}

/// [`pattern_only`] of each id: a lead with no other entry of the table, or a letter and a digit.
const PATTERN_ONLY: [bool; IDS] = {
    let mut only = [false; IDS];
    let mut id = 1;
    while id < IDS && WORDS[id] != NO_KEY {
        let mut lead = false;
        let mut other = false;
        let mut e = 0;
        while e < ENTRIES {
            let (words, meaning) = TABLE[e];
            if words[0] == WORDS[id] {
                if words[1] == 0 && slot_of(meaning) == 3 {
                    lead = true;
                } else {
                    other = true;
                }
            }
            e += 1;
        }
        only[id] = lead && !other;
        id += 1;
    }
    only[GLUED as usize] = true;
    only
};

/// Each id's value in `table` (the words of each value), the first where a word is listed twice.
const fn by_id<T: Copy>(table: &[(&[u128], T)]) -> [Option<T>; IDS] {
    let mut values = [None; IDS];
    let mut t = 0;
    while t < table.len() {
        let (words, value) = table[t];
        let mut w = 0;
        while w < words.len() {
            let id = id_of(words[w]);
            if values[id].is_none() {
                values[id] = Some(value);
            }
            w += 1;
        }
        t += 1;
    }
    values
}

/// The unit each id is, if any.
const UNITS: [Option<Unit>; IDS] = by_id(&strength::UNITS_BY_WORD);

/// The word after a unit's `/` that each id is ([`strength::Per`]), if any.
const PERS: [Option<strength::Per>; IDS] = by_id(&strength::PER_WORDS);

/// The unit that the word with this id is.
#[inline]
pub(crate) fn unit_of(id: u8) -> Option<Unit> {
    UNITS[usize::from(id)]
}

/// What the word with this id is after a unit's `/`.
#[inline]
pub(crate) fn per_of(id: u8) -> Option<strength::Per> {
    PERS[usize::from(id)]
}

#[cfg(test)]
mod tests {
    use super::super::lexer::{lex, TokenKind};
    use super::*;

    /// The kind and id the lexer gives token `at` of `line`.
    fn lexed(line: &str, at: usize) -> (TokenKind, u8) {
        let tokens = lex(line);
        let token = tokens.get(at).unwrap();
        (token.kind, token.id)
    }

    /// `parts` joined into `buf` (the core has no allocator).
    fn join<'b>(buf: &'b mut [u8; 64], parts: &[&[u8]]) -> &'b str {
        let mut n = 0;
        for part in parts {
            buf[n..n + part.len()].copy_from_slice(part);
            n += part.len();
        }
        core::str::from_utf8(&buf[..n]).unwrap()
    }

    /// Every lexicon word of ASCII letters and digits gets the id of its key, in any case and
    /// wherever it stands: on the fast path (ended by a space, a mark or the line's end, at any
    /// offset of the eight-byte chunks) and on the slow one (a dot after it).
    #[test]
    fn the_lexer_gives_every_lexicon_word_its_id() {
        let mut checked = 0;
        for (id, &word_key) in WORDS.iter().enumerate().skip(1) {
            if word_key == NO_KEY {
                break;
            }
            let bytes = word_key.to_le_bytes();
            let len = bytes.iter().position(|&b| b == 0).unwrap_or(16);
            let word = &bytes[..len];
            if !word[0].is_ascii_alphabetic() || !word.iter().all(u8::is_ascii_alphanumeric) {
                continue;
            }
            let (mut upper, mut title) = (bytes, bytes);
            upper.make_ascii_uppercase();
            title[0].make_ascii_uppercase();
            for text in [word, &upper[..len], &title[..len]] {
                let buf = &mut [0; 64];
                for (parts, at) in [
                    (&[text][..], 0),
                    (&[text, b" x"][..], 0),
                    (&[text, b","][..], 0),
                    (&[b"x ", text][..], 1),
                    (&[b"1234567 ", text, b" 2"][..], 1),
                    (&[b"123456789012345 ", text][..], 1),
                    (&[text, b"."][..], 0),
                ] {
                    let line = join(buf, parts);
                    assert_eq!(lexed(line, at), (TokenKind::Word, id as u8), "{line:?}");
                }
            }
            checked += 1;
        }
        assert!(checked > 50, "{checked}");
    }

    /// A letter and a digit that no lexicon word is (`q28d`, `D1`) is [`GLUED`], on either path; a
    /// word of 8, 15, 16 or 17 letters that is no keyword has id 0.
    #[test]
    fn glued_words_and_long_words() {
        for (line, at) in [
            ("q28d", 0),
            ("Q2W", 0),
            ("D1", 0),
            ("d15 x", 0),
            ("q21d.", 0),
            ("x q7d", 1),
        ] {
            assert_eq!(lexed(line, at), (TokenKind::Word, GLUED), "{line:?}");
        }
        for line in [
            "abcdefgh",
            "abcdefghijklmno",
            "ABCDEFGHIJKLMNOP",
            "abcdefghijklmnopq x",
        ] {
            assert_eq!(lexed(line, 0), (TokenKind::Word, 0), "{line:?}");
        }
    }

    /// An ASCII mark's id is the id of its key, as `word_id` finds it.
    #[test]
    fn every_ascii_mark_has_the_id_of_its_key() {
        let mut marks = 0;
        for b in 0u8..128 {
            if b.is_ascii_alphanumeric() || matches!(b, b'\t'..=b'\r' | b' ') {
                continue;
            }
            let (c, buf) = (char::from(b), [b]);
            let (kind, id) = lexed(core::str::from_utf8(&buf).unwrap(), 0);
            if kind == TokenKind::Mark {
                assert_eq!(id, word_id(char_key(c)), "{c:?}");
                marks += 1;
            }
        }
        assert!(marks > 30, "{marks}");
        assert_ne!(lexed("/", 0), (TokenKind::Mark, 0));
    }
}
