//! Text as exports write it, on the slow path that the word-at-a-time fold leaves to it: characters
//! outside ASCII (full-width letters, invisible characters, typographic quotes), `(R)` and `(TM)`,
//! and a brand in brackets after a generic name (`bortezomib (Velcade)`, `lenalidomide [Revlimid]`),
//! which must name the same entry. Also the ATC codes that [`resolve`](super::resolve) accepts, and
//! the escaping of invisible characters in error messages.

use core::fmt;

use super::suggest::position;
use super::{fold_units, is_ascii_separator, Found, Named, Query, Therapy, MAX_KEY};
use crate::text;

/// Looks up text that the fast fold could not, going on from `from` with the text before it folded
/// into `query`, a character at a time; a bracket that is not `(R)` or `(TM)` sends the whole text
/// to [`find_bracketed`].
#[inline(never)]
pub(super) const fn find_slow(input: &[u8], from: usize, mut query: Query) -> Found {
    let mut fits = true;
    let mut i = from;
    while i < input.len() {
        // ASCII other than a bracket, inline; the rest through `text::unit`.
        let b = input[i];
        if b < 0x80 && b != b'(' && b != b'[' {
            i += 1;
            if fits && text::separator_len(&[b], 0) == 0 {
                query.append(b.to_ascii_lowercase() as u64, 1);
                fits = query.len <= MAX_KEY;
            }
            continue;
        }
        let (len, byte) = text::unit(input, i);
        i += len;
        match byte {
            None => {}
            Some(b'(' | b'[') => return find_bracketed(input),
            Some(byte) if fits => {
                query.append(byte as u64, 1);
                fits = query.len <= MAX_KEY;
            }
            Some(_) => {}
        }
    }
    match query.probe() {
        Some(named) if fits => Found::Named(named),
        _ => Found::Missing,
    }
}

/// A name with another in brackets after it, or text with a bracket that names nothing.
const fn find_bracketed(input: &[u8]) -> Found {
    match brackets(input) {
        Some((open, inner, close)) => {
            let (first, rest) = input.split_at(open);
            let bracketed = rest.split_at(inner - open).1.split_at(close - inner).0;
            match (find_one(first), find_one(bracketed)) {
                (Some(a), Some(b)) => agree(a, b),
                (None, _) => Found::MissingPart(0, open),
                (_, None) => Found::MissingPart(inner, close),
            }
        }
        None => Found::Missing,
    }
}

/// One name, folded a character at a time.
const fn find_one(input: &[u8]) -> Option<Named> {
    let mut query = Query::new();
    if fold_units(input, &mut query) {
        query.probe()
    } else {
        None
    }
}

/// Where `name (other)` or `name [other]` splits: the offsets of the opening bracket, of the text
/// inside and of the closing bracket. `None` unless the text has one pair of brackets, with a name
/// before it and nothing but separators after it (`(R)` and `(TM)` are not brackets).
const fn brackets(input: &[u8]) -> Option<(usize, usize, usize)> {
    let mut i = 0;
    let mut before = false;
    let mut open: Option<(usize, usize, u8)> = None;
    let mut close: Option<usize> = None;
    while i < input.len() {
        let (len, byte) = text::unit(input, i);
        match (byte, open, close) {
            (None, _, _) => {}
            (_, _, Some(_)) => return None,
            (Some(b @ (b'(' | b'[')), None, None) if before => open = Some((i, i + len, b)),
            (Some(b'(' | b'['), _, _) => return None,
            (Some(b')'), Some((_, _, b'(')), None) | (Some(b']'), Some((_, _, b'[')), None) => {
                close = Some(i)
            }
            (Some(b')' | b']'), _, _) => return None,
            _ => before = true,
        }
        i += len;
    }
    match (open, close) {
        (Some((open, inner, _)), Some(close)) => Some((open, inner, close)),
        _ => None,
    }
}

/// What a name with another in brackets names: the entry both name; the one of an ambiguous name's
/// meanings that the other names; else a conflict (or, for an ambiguous name whose meanings the
/// other is not, the ambiguity).
const fn agree(a: Named, b: Named) -> Found {
    match (a, b) {
        (Named::Ambiguous(candidates), other) | (other, Named::Ambiguous(candidates)) => {
            match therapy(other) {
                Some(t) if contains(candidates, t) => Found::Named(other),
                _ => Found::Named(Named::Ambiguous(candidates)),
            }
        }
        (a, b) => match (therapy(a), therapy(b)) {
            (Some(x), Some(y)) if same(x, y) => Found::Named(a),
            (Some(x), Some(y)) => match (position(x), position(y)) {
                (Some(x), Some(y)) => Found::Conflict(x, y),
                _ => Found::Missing,
            },
            _ => Found::Missing,
        },
    }
}

/// The entry a name stands for, unless it is ambiguous.
pub(super) const fn therapy(named: Named) -> Option<Therapy> {
    match named {
        Named::Drug(d) => Some(Therapy::Drug(d)),
        Named::Regimen(r) => Some(Therapy::Regimen(r)),
        Named::Ambiguous(_) => None,
    }
}

/// Equality of single entries, usable in `const fn`.
const fn same(a: Therapy, b: Therapy) -> bool {
    match (a, b) {
        (Therapy::Drug(x), Therapy::Drug(y)) => x as u16 == y as u16,
        (Therapy::Regimen(x), Therapy::Regimen(y)) => x as u16 == y as u16,
        (Therapy::Combination(x), Therapy::Combination(y)) => x.bits() == y.bits(),
        _ => false,
    }
}

const fn contains(candidates: &[Therapy], t: Therapy) -> bool {
    let mut i = 0;
    while i < candidates.len() {
        if same(candidates[i], t) {
            return true;
        }
        i += 1;
    }
    false
}

/// The text as a WHO ATC code (`L01XG01`, in any case, full-width or with separators), if it has
/// the shape of one: a letter, two digits, two letters, two digits.
pub(super) fn atc_code(input: &str) -> Option<[u8; 7]> {
    let bytes = input.as_bytes();
    // Cheapest refusal first, since most text that reaches here is a misspelt name: a code starts
    // with a letter and a digit (`L01`), folded as names are.
    let (mut i, mut seen) = (0, 0);
    while i < bytes.len() && seen < 2 {
        let (len, byte) = match bytes[i] {
            b if is_ascii_separator(b) => (1, None),
            b if b.is_ascii() => (1, Some(b)),
            _ => text::unit(bytes, i),
        };
        i += len;
        if let Some(b) = byte {
            let fits = if seen == 0 {
                b.is_ascii_alphabetic()
            } else {
                b.is_ascii_digit()
            };
            if !fits {
                return None;
            }
            seen += 1;
        }
    }
    // Then: a code has four digits, ASCII or full-width (U+FF10 to U+FF19 end in a
    // byte from 0x90 to 0x99; other characters may too, so the count outside ASCII may be high,
    // never low), and starts with a letter.
    let digits = bytes
        .iter()
        .filter(|b| b.is_ascii_digit() || (0x90..=0x99).contains(*b))
        .count();
    if bytes.len() > 64 || digits < 4 || bytes.is_ascii() && digits != 4 {
        return None;
    }
    let first = bytes.iter().find(|b| !b.is_ascii_whitespace())?;
    if first.is_ascii() && !first.is_ascii_alphabetic() {
        return None;
    }
    let mut folded = [0u8; text::MAX_FOLDED];
    let len = text::fold(bytes, &mut folded)?;
    let code: [u8; 7] = folded.get(..len)?.try_into().ok()?;
    let letters = [0, 3, 4].iter().all(|&i| code[i].is_ascii_lowercase());
    let digits = [1, 2, 5, 6].iter().all(|&i| code[i].is_ascii_digit());
    (letters && digits).then(|| code.map(|b| b.to_ascii_uppercase()))
}

/// Whether a character is invisible or moves the text around it, so that an error message shows it
/// escaped (`\u{200b}`): control characters, the soft hyphen, zero-width and format characters, the
/// byte-order mark, direction marks, variation selectors, line and paragraph separators and tags.
pub(super) fn is_invisible(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{AD}'
                | '\u{34F}'
                | '\u{61C}'
                | '\u{115F}'
                | '\u{1160}'
                | '\u{17B4}'
                | '\u{17B5}'
                | '\u{180B}'..='\u{180F}'
                | '\u{200B}'..='\u{200F}'
                | '\u{2028}'..='\u{202E}'
                | '\u{2060}'..='\u{206F}'
                | '\u{3164}'
                | '\u{FE00}'..='\u{FE0F}'
                | '\u{FEFF}'
                | '\u{FFA0}'
                | '\u{FFF0}'..='\u{FFFB}'
                | '\u{1BCA0}'..='\u{1BCA3}'
                | '\u{E0000}'..='\u{E0FFF}'
        )
}

/// Writes `text` with its invisible characters escaped as `\u{…}`.
pub(super) fn write_escaped(f: &mut fmt::Formatter<'_>, text: &str) -> fmt::Result {
    let mut start = 0;
    for (i, c) in text.char_indices() {
        if is_invisible(c) {
            f.write_str(&text[start..i])?;
            fmt::Display::fmt(&c.escape_unicode(), f)?;
            start = i + c.len_utf8();
        }
    }
    f.write_str(&text[start..])
}
