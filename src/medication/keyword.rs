//! What a word starts: schedule words, a route or a dose form. Every fixed phrase of the three is in
//! one table, found by its first word's key through a small hash, so that a word is looked up once
//! rather than compared with every phrase of every table, and a drug's name (most words of a line)
//! is passed over after one probe.

use super::form::{self, DoseForm};
use super::lexer::{phrase, Phrase, Tokens};
use super::route;
use super::schedule::{self, schedule_pattern_at, Frequency, Piece};
use crate::Route;

/// What a word starts, read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
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

const BUCKET_BITS: u32 = 10;

/// The bucket of a first word's key.
const fn bucket(key: u128) -> usize {
    let folded = (key as u64) ^ ((key >> 64) as u64).rotate_left(29);
    (folded.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> (64 - BUCKET_BITS)) as usize
}

const _: () = assert!(ENTRIES < u8::MAX as usize);

/// Each bucket's first entry, plus one (zero: none), and each entry's next in its bucket, plus one:
/// chains in table order, so that the first of two equally long phrases wins, as in a scan.
const CHAINS: ([u8; 1 << BUCKET_BITS], [u8; ENTRIES]) = {
    let mut heads = [0u8; 1 << BUCKET_BITS];
    let mut next = [0u8; ENTRIES];
    let mut i = ENTRIES;
    while i > 0 {
        i -= 1;
        let b = bucket(TABLE[i].0[0]);
        next[i] = heads[b];
        heads[b] = (i + 1) as u8;
    }
    (heads, next)
};

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

fn matches(tokens: &Tokens<'_>, i: usize, key: u128) -> Matches {
    let (heads, next) = &CHAINS;
    let mut found: Matches = [0; 4];
    let mut at = heads[bucket(key)];
    while let Some((words, _)) = TABLE.get(usize::from(at).wrapping_sub(1)) {
        let entry = usize::from(at) - 1;
        at = next[entry];
        if words[0] != key {
            continue;
        }
        // The first word is matched; a phrase of one word needs nothing more.
        let n = if words[1] == 0 {
            1
        } else {
            match phrase(tokens, i, words) {
                Some(n) => n,
                None => continue,
            }
        };
        if let Some(best) = found.get_mut(usize::from(SLOTS[entry])) {
            *best = (*best).max(pack(n, entry));
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

/// Whether a word with this key may start anything [`keyword_at`] reads: a phrase or lead of the
/// table starts with it, or it is a letter and a digit (`q28d`, `D1-21`). Most words of a line (a
/// drug's name, a unit) are passed over after this one probe.
#[inline]
pub(crate) fn may_start(key: u128) -> bool {
    CHAINS.0[bucket(key)] != 0 || glued_number(key)
}

/// Whether the key is a `q` or a `d` then a digit, lower-cased (a word too long for a key is too
/// long for `q28d` or `D1-21`).
fn glued_number(key: u128) -> bool {
    let [first, second, ..] = key.to_le_bytes();
    matches!(first, b'q' | b'd') && second.is_ascii_digit()
}

/// What word `i` starts and how many tokens it takes: schedule words before a route, a route before
/// a dose form; of each, the longest phrase.
pub(crate) fn keyword_at(tokens: &Tokens<'_>, i: usize) -> Option<(Keyword, usize)> {
    let token = tokens.get(i).filter(|_| tokens.is_word(i))?;
    let found = matches(tokens, i, token.key);
    if let Some((Meaning::Frequency(f), n)) = kept(&found, 0) {
        return Some((Keyword::Schedule(Piece::Frequency(f)), n));
    }
    // `q28d` and `D1-21` start with a letter and a digit; other patterns start with a lead word.
    if found[3] > 0 || glued_number(token.key) {
        if let Some((piece, n)) = schedule_pattern_at(tokens, i) {
            return Some((Keyword::Schedule(piece), n));
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
