//! Tokens of a medication line, each with its byte span: words, numbers and single marks.
//! Whitespace separates tokens and is never a token, so the text between two tokens is whitespace.

use super::keyword::{folded_word_id, mark_id, word_id, FastTables, FAST_TABLES, MARK_IDS};
use super::Span;

/// The most tokens a line is split into; past them the rest of the line is one [`TokenKind::Rest`]
/// token, kept whole as unparsed text. Orders and dispensings run to about 20 tokens.
pub(crate) const MAX_TOKENS: usize = 40;

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum TokenKind {
    /// The rest of a line too long to split; never read. First, so that an empty token is zeros.
    Rest,
    /// Letters, then letters, digits, `^`, `²`, `®`, `™`, and dots after a letter (`p.o.`, `m²`, `q28d`).
    Word,
    /// A digit, then digits and any `.` or `,` between two digits (`1.3`, `1,800`, `1,8,15`).
    Number,
    /// One other character (`/`, `-`, `[`, `,`).
    Mark,
}

/// A token: its kind and where it is in the line. Twelve bytes, so that the slots are few to
/// clear: a word is compared with keywords by its lexicon id, not by its text or key.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Token {
    pub kind: TokenKind,
    /// Whether the word's [`key`] is the whole word as the resolver folds it (ASCII letters,
    /// digits and `^`, at most 16 bytes), so that a name can be looked up by it ([`Tokens::folded`]).
    pub plain: bool,
    /// The id in the keyword module's lexicon of a word or a mark ([`word_id`]), found once here:
    /// 0 for a word or mark the parser compares with nothing, and for numbers.
    pub id: u8,
    pub span: Span,
}

/// Token `i`'s bit in a set of tokens held as one `u64` (a line has at most [`MAX_TOKENS`], fewer
/// than 64); none past 63.
#[inline(always)]
pub(crate) const fn token_bit(i: usize) -> u64 {
    match 1u64.checked_shl(i as u32) {
        Some(bit) => bit,
        None => 0,
    }
}

/// What fills the slots past the last token: no text, no id, and no kind that is read.
const EMPTY: Token = Token {
    kind: TokenKind::Rest,
    plain: false,
    id: 0,
    span: Span::new(0, 0),
};

/// How many token slots there are: a power of two past [`MAX_TOKENS`], so that a slot is read by
/// its index masked, with no bounds check (callgrind: 54 instructions a line fewer, for 288 more
/// bytes to clear). Every reader stops at the first [`EMPTY`] slot (no word, number or mark) and
/// looks at most two slots past a token, so no index reaches `SLOTS` and wraps onto a token.
const SLOTS: usize = 64;

const _: () = assert!(SLOTS.is_power_of_two() && MAX_TOKENS + 2 < SLOTS);

/// The tokens of a line, on the stack.
pub(crate) struct Tokens<'a> {
    pub input: &'a str,
    items: [Token; SLOTS],
    len: usize,
}

impl<'a> Tokens<'a> {
    /// The tokens, in order.
    pub fn as_slice(&self) -> &[Token] {
        self.items.get(..self.len).unwrap_or_default()
    }

    /// Token `i`, if there is one.
    #[inline]
    pub fn get(&self, i: usize) -> Option<Token> {
        (i < self.len).then(|| *self.slot(i))
    }

    /// Token `i`, or [`EMPTY`] past the end: the slots past the last token hold it, so that
    /// reading a kind, a key or a text needs no bounds check (see [`SLOTS`]).
    #[inline]
    fn slot(&self, i: usize) -> &Token {
        // At most two past the tokens (see `SLOTS`); `span`'s `to - 1` for an empty span wraps
        // to slot 63, which is empty too.
        debug_assert!(i <= self.len + 2 || i == usize::MAX);
        &self.items[i & (SLOTS - 1)]
    }

    /// The text of token `i`, or `""` past the end.
    pub fn text(&self, i: usize) -> &'a str {
        self.slot(i).span.of(self.input)
    }

    /// The bytes of token `i`, or none past the end (see [`Tokens::span_bytes`]).
    #[inline]
    pub fn bytes(&self, i: usize) -> &'a [u8] {
        self.span_bytes(self.slot(i).span)
    }

    /// The bytes at `span`, a span of tokens: its text without the check that it falls on
    /// character boundaries, which a token's always does.
    #[inline]
    pub fn span_bytes(&self, span: Span) -> &'a [u8] {
        self.input.as_bytes().get(span.range()).unwrap_or_default()
    }

    /// The [`key`] of word `i`, which is [`Token::plain`]: its bytes folded again, for the few
    /// words looked up as names, rather than a key kept for every token.
    pub fn folded(&self, i: usize) -> u128 {
        let span = self.slot(i).span;
        plain_key(
            self.input.as_bytes(),
            span.start as usize,
            span.end as usize,
        )
    }

    /// The lexicon id of token `i` (see [`Token::id`]), or 0 past the end.
    #[inline]
    pub fn id_of(&self, i: usize) -> u8 {
        self.slot(i).id
    }

    /// Whether token `i` is a word.
    pub fn is_word(&self, i: usize) -> bool {
        self.slot(i).kind == TokenKind::Word
    }

    /// Whether token `i` is a number.
    pub fn is_number(&self, i: usize) -> bool {
        self.slot(i).kind == TokenKind::Number
    }

    /// Whether token `i` is the mark `C`: no other token has its lexicon id.
    #[inline]
    pub fn is_mark<const C: char>(&self, i: usize) -> bool {
        self.slot(i).id == const { mark_id(C) }
    }

    /// Whether tokens `i` and `i + 1` touch, with no whitespace between them. Past the last token
    /// the slot is [`EMPTY`], which starts at 0, where no token after another can.
    pub fn glued(&self, i: usize) -> bool {
        let next = self.slot(i + 1).span.start;
        self.slot(i).span.end == next && next != 0
    }

    /// The span from the start of token `from` to the end of token `to - 1` (`from < to <= len`,
    /// as every caller's are): two slot reads, no other check.
    #[inline]
    pub fn span(&self, from: usize, to: usize) -> Span {
        debug_assert!(from < to && to <= self.len);
        Span::new(
            self.slot(from).span.start,
            self.slot(to.wrapping_sub(1)).span.end,
        )
    }
}

/// Whether `c` is one of the marks outside ASCII that a word may hold after a letter (`m²`,
/// `Revlimid®`), which are no letters.
const fn is_word_mark(c: char) -> bool {
    matches!(c, '²' | '®' | '™')
}

/// Whether `c`, outside ASCII, can be part of a word after its first letter.
fn continues_word(c: char) -> bool {
    is_word_mark(c) || c.is_alphabetic()
}

/// How the lexer's ASCII fast path classes a byte.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    Letter,
    Digit,
    /// `^`: continues a word, starts none.
    Caret,
    /// Any other ASCII character: a mark.
    Other,
    /// The last two, so that one comparison tells both, rare after a token (see [`Tokens::fill`]).
    Space,
    /// A byte of a character outside ASCII: decoded.
    Wide,
}

// `Tokens::fill` tells space and wide bytes from the rest by one comparison with `Space`.
const _: () = assert!(Class::Wide as u8 == Class::Space as u8 + 1 && Class::Wide as u8 == 5);

impl Class {
    /// Whether the byte continues a word on the fast path: an ASCII letter, digit or `^`.
    const fn in_word(self) -> bool {
        matches!(self, Class::Letter | Class::Digit | Class::Caret)
    }
}

/// The class of every byte, so that the lexer branches once per byte.
const CLASSES: [Class; 256] = {
    let mut classes = [Class::Wide; 256];
    let mut b = 0;
    while b < 128 {
        classes[b] = match b as u8 {
            b'\t'..=b'\r' | b' ' => Class::Space,
            b'0'..=b'9' => Class::Digit,
            b'a'..=b'z' | b'A'..=b'Z' => Class::Letter,
            b'^' => Class::Caret,
            _ => Class::Other,
        };
        b += 1;
    }
    classes
};

/// The [`key`] of `bytes[start..end]`, a word of ASCII letters, digits and `^` (no dots), read
/// as one integer and lower-cased at once rather than a byte at a time.
fn plain_key(bytes: &[u8], start: usize, end: usize) -> u128 {
    let len = end - start;
    if len > KEY_BYTES {
        return 0;
    }
    // The 16 bytes from the word's start, or the line's last 16 shifted down, or the line padded.
    let word = if let Some(chunk) = bytes.get(start..).and_then(|b| b.first_chunk::<16>()) {
        u128::from_le_bytes(*chunk)
    } else if let Some(last) = bytes.get(..end).and_then(|b| b.last_chunk::<16>()) {
        u128::from_le_bytes(*last) >> (8 * (KEY_BYTES - len))
    } else {
        let mut padded = [0; 16];
        for (to, from) in padded
            .iter_mut()
            .zip(bytes.get(start..end).unwrap_or_default())
        {
            *to = *from;
        }
        u128::from_le_bytes(padded)
    };
    let word = word & (u128::MAX >> (8 * (KEY_BYTES - len)));
    // Every byte is ASCII, so adding to it never carries into the next.
    const ONES: u128 = u128::from_le_bytes([1; 16]);
    const HIGHS: u128 = ONES * 0x80;
    let at_least_a = (word + ONES * (0x80 - u128::from(b'A'))) & HIGHS;
    let past_z = (word + ONES * (0x80 - u128::from(b'Z') - 1)) & HIGHS;
    word | ((at_least_a & !past_z) >> 2)
}

/// What the lexer reads a line's 8-byte chunks from: a chunk that runs past the end is the line's
/// last eight bytes shifted down, zeros past the end, all in registers (a copy of the tail in
/// memory, written and then read at another offset, stalled the load: a store not forwarded).
struct Tail {
    /// The line's last 8 bytes, or the whole line zero-padded when it is shorter: read once, so
    /// that a chunk near the end is one shift (callgrind: 10 instructions a line fewer than a
    /// second load there).
    end: u64,
    /// Where `end` starts (0 for a short line).
    last: usize,
}

impl Tail {
    fn new(line: &[u8]) -> Tail {
        let last = line.len().saturating_sub(8);
        let n = line.len();
        let end = if let Some(chunk) = line.last_chunk::<8>() {
            u64::from_le_bytes(*chunk)
        } else if n >= 4 {
            // Two overlapping loads of the first and the last four bytes, not a byte loop.
            let half = |at: usize| -> u64 {
                line.get(at..)
                    .and_then(|b| b.first_chunk::<4>())
                    .map_or(0, |b| u64::from(u32::from_le_bytes(*b)))
            };
            // Bytes 4.. are the top `n - 4` of the last four.
            let high = (half(n - 4) >> 1) >> (8 * (8 - n) - 1);
            half(0) | (high << 32)
        } else {
            line.iter()
                .rev()
                .fold(0, |acc, &b| (acc << 8) | u64::from(b))
        };
        Tail { end, last }
    }

    /// The 8 bytes from `start`, a byte of `line`, as an integer, zeros past the end of `line`:
    /// the eight from `start`, or near the end the line's last eight shifted down past `start`.
    /// A branch, not a select: the load's address is on the chain from one token's start to the
    /// next's, which bounds the lexer more than the branch's mispredictions at the line's end.
    #[inline(always)]
    fn chunk8(&self, line: &[u8], start: usize) -> u64 {
        if let Some(chunk) = line.get(start..).and_then(|b| b.first_chunk::<8>()) {
            return u64::from_le_bytes(*chunk);
        }
        // Near the end `start` is past `last`, by less than 8 for a byte of the line: the shift
        // masked rather than checked.
        self.end >> ((8 * (start - self.last)) & 63)
    }

    /// As [`Tail::chunk8`], for the 8 bytes after those from `start`, a byte of `line`: they may
    /// be past its end (all zeros there). Read from the line's bytes from `start`, so that the
    /// bounds check is one comparison of their length, with no overflow to test.
    #[inline(always)]
    fn chunk8_after(&self, line: &[u8], start: usize) -> u64 {
        if let Some(chunk) = line
            .get(start..)
            .and_then(|b| b.get(8..16))
            .and_then(|b| b.first_chunk::<8>())
        {
            return u64::from_le_bytes(*chunk);
        }
        self.end
            .checked_shr(8 * (start + 8 - self.last) as u32)
            .unwrap_or(0)
    }
}

const ONES64: u64 = u64::from_le_bytes([1; 8]);
const HIGHS64: u64 = ONES64 * 0x80;

/// The bytes before the first that `stops` (a high bit per byte) marks, set. With no stop (eight
/// bytes of a word that goes on) the result is not all eight bytes; callers then read the next
/// chunk and do not use it.
#[inline(always)]
const fn leading_bytes(stops: u64) -> u64 {
    // Up to and including the lowest stop bit, less that byte.
    (stops ^ stops.wrapping_sub(1)) >> 8
}

/// Of eight bytes, the high bit of each that stops a word on the fast path: all but ASCII letters
/// and digits (`^`, which continues a word, leaves the fast path). Only the lowest stop is exact,
/// which is all that is read: the bytes are not masked to 7 bits first, so a byte from 0x80 may
/// carry into the next, but it is a stop itself, and carries only go up.
#[inline(always)]
const fn word_stops(x: u64) -> u64 {
    // Letters in either case, as lower case: 0x61 to 0x7A.
    let folded = x | (ONES64 * 0x20);
    let not_letter = (ONES64 * 0xE0).wrapping_sub(folded) | folded.wrapping_add(ONES64 * 0x05);
    // A byte from 0x80 with only ASCII below it is a stop in both halves without ORing it in:
    // `folded + 5` sets its high bit below 0xFB, `0xE0 - folded` from 0xE1 on; `x + 0x46` below
    // 0xBA, `0xAF - x` from 0xB0 on. One operation less on the chain from a token to the next.
    not_letter & not_digit(x) & HIGHS64
}

/// Of eight ASCII bytes, the high bit of each that is not a digit (below 0x30, or from 0x3A), as
/// [`word_stops`] (only exact below a byte from 0x80).
#[inline(always)]
const fn not_digit(x: u64) -> u64 {
    (ONES64 * 0xAF).wrapping_sub(x) | x.wrapping_add(ONES64 * 0x46)
}

/// The bytes that may follow a word read on the fast path: ASCII, but not `.` (`p.o.`), nor `^`,
/// which continues a word ([`word_stops`] stops at it).
const ENDS_PLAIN_WORD: [bool; 256] = {
    let mut ends = [false; 256];
    let mut b = 0;
    while b < 128 {
        ends[b] = b != b'.' as usize && b != b'^' as usize;
        b += 1;
    }
    ends
};

/// The tables the lexer's loop reads, in one static: one address in a register for all, rather
/// than one each (with the lexicon's in a static of their own, its address was loaded for each
/// word: callgrind, 5 instructions a line).
struct ByteTables {
    classes: [Class; 256],
    ends_plain_word: [bool; 256],
    mark_ids: [u8; 256],
    lexicon: FastTables,
}

static BYTE_TABLES: ByteTables = ByteTables {
    classes: CLASSES,
    ends_plain_word: ENDS_PLAIN_WORD,
    mark_ids: MARK_IDS,
    lexicon: FAST_TABLES,
};

/// Of eight bytes, the high bit of each that is no ASCII space set, exact up to the first byte
/// from 0x80 (as [`word_stops`]): so that whether a space follows a token is read from the chunk at
/// the token's stop bit, off the chain from one token's start to the next's. Only high bits are
/// read, so the others are left as they are, and the bit is not negated (callgrind: 4
/// instructions a line fewer).
#[inline(always)]
const fn not_spaces(x: u64) -> u64 {
    (x ^ (ONES64 * b' ' as u64)).wrapping_add(ONES64 * 0x7F) | x
}

/// From a chunk's stop bits and its [`not_spaces`]: how many bytes its token takes before the
/// first stop, and how many to the next token's start (one more when a space follows).
#[inline(always)]
const fn run_and_next(stops: u64, not_spaces: u64) -> (usize, usize) {
    let at = stops.trailing_zeros();
    let run = (at / 8) as usize;
    // The stop's bit is its byte's high bit; a space there clears the same bit.
    let not_space = (not_spaces.wrapping_shr(at) & 1) as usize;
    (run, run + 1 - not_space)
}

/// How many bytes from `start`, the first of a word, continue it on the fast path (ASCII letters
/// and digits); how many to the next token (past one space); those bytes each ORed with 0x20, as
/// the lexicon's `fold_bytes` folds a key (no capital test: the lexicon is looked up in that
/// form); and the byte after them (0 past the end). The second eight bytes are read only when the
/// first eight all continue the word.
#[inline(always)]
fn word_run(tail: &Tail, bytes: &[u8], start: usize) -> (usize, usize, u128, u8) {
    const SPACES: u64 = ONES64 * 0x20;
    let low = tail.chunk8(bytes, start);
    let stops = word_stops(low);
    if stops != 0 {
        let (run, next) = run_and_next(stops, not_spaces(low));
        let folded = (low | SPACES) & leading_bytes(stops);
        return (run, next, u128::from(folded), (low >> (8 * run)) as u8);
    }
    let high = tail.chunk8_after(bytes, start);
    let stops = word_stops(high);
    let (run, next) = run_and_next(stops, not_spaces(high));
    // With no stop in the second eight either, the word is too long for the fast path.
    let folded = (high | SPACES) & leading_bytes(stops);
    (
        8 + run,
        8 + next,
        u128::from(low | SPACES) | (u128::from(folded) << 64),
        high.checked_shr(8 * run as u32).unwrap_or(0) as u8,
    )
}

/// How many bytes from the start of `x`, eight bytes of the line, a number takes (digits, and `.`
/// or `,` before a digit), and how many to the next token (past one space). Exact below 7: a point
/// in the last byte needs the byte after the chunk. As in [`word_stops`], the bytes are not masked
/// to 7 bits: only bytes above a byte from 0x80, a stop, may be wrong.
#[inline(always)]
const fn number_run(x: u64) -> (usize, usize) {
    // A stop is no digit, and no point or a point before no digit: written so, the chain from
    // the chunk to the stops is two operations shorter than negating "digit, or point before a
    // digit". (Past the last byte the shift brings in "a digit": a point there runs to the
    // eighth byte, which the caller reads a byte at a time, as it does a stop in the last.)
    let not_digit = not_digit(x);
    // `.` and `,` differ in one bit: both are 0x2E with it set. A byte from 0x80 is no point.
    let not_point =
        ((x | (ONES64 * 0x02)) ^ (ONES64 * b'.' as u64)).wrapping_add(ONES64 * 0x7F) | x;
    let stops = not_digit & HIGHS64 & (not_point | (not_digit >> 8));
    run_and_next(stops, not_spaces(x))
}

impl<'a> Tokens<'a> {
    /// No tokens yet, for `input`.
    pub fn new(input: &'a str) -> Tokens<'a> {
        Tokens {
            input,
            items: [EMPTY; SLOTS],
            len: 0,
        }
    }

    /// Splits the input into tokens, in one pass: ASCII bytes by their class, other characters
    /// decoded. An ASCII word is read and folded eight bytes at a time and looked up in its folded
    /// form; a space after a token is stepped over with it, not by another turn of the loop.
    pub fn fill(&mut self) {
        let input = self.input;
        let bytes = input.as_bytes();
        let tail = Tail::new(bytes);
        // The count in a register: `self.len` is written once, at the end.
        let mut len = self.len;
        let mut i = 0;
        // Whether the slots ran out, past the last token but one: the rest is then one token.
        let mut full = false;
        // Checked in each kind's branch rather than once before them, so that whitespace skips it
        // (callgrind: part of 9 instructions a line).
        macro_rules! no_room_left {
            () => {
                if len >= MAX_TOKENS - 1 {
                    full = true;
                    break;
                }
            };
        }
        while let Some(&b) = bytes.get(i) {
            let tables = &BYTE_TABLES;
            let class = tables.classes[usize::from(b)];
            let start = i;
            // Letters and digits first, each kind counting the slots itself, whitespace tested
            // last: a number or a mark takes two tests fewer, and fewer mispredicted (callgrind:
            // 9 instructions and 1.7 mispredictions a line fewer).
            let (kind, end, id, plain) = if class == Class::Letter {
                no_room_left!();
                // Most words are ASCII letters and digits, ended by a space or a mark: read
                // them 8 bytes at once; anything else takes `word`.
                let (run, to_next, folded, next) = word_run(&tail, bytes, i);
                if run < KEY_BYTES && tables.ends_plain_word[usize::from(next)] {
                    let end = i + run;
                    self.push(
                        &mut len,
                        TokenKind::Word,
                        start,
                        end,
                        folded_word_id(&tables.lexicon, folded),
                        true,
                    );
                    // One space after a token, the usual case, is stepped over here.
                    i += to_next;
                    continue;
                }
                let (end, id, plain) = self.word(start, char::from(b));
                (TokenKind::Word, end, id, plain)
            } else if class == Class::Digit {
                no_room_left!();
                let (run, to_next) = number_run(tail.chunk8(bytes, i));
                if run < 7 {
                    self.push(&mut len, TokenKind::Number, start, i + run, 0, false);
                    i += to_next;
                    continue;
                }
                (TokenKind::Number, number_end(bytes, i), 0, false)
            } else if class as u8 >= Class::Space as u8 {
                // Whitespace here leads the line, or follows a token other than the one space
                // stepped over with it (a second space, a tab, a line break): with characters
                // outside ASCII, rare, and told by one comparison.
                if class == Class::Space {
                    i += 1;
                    continue;
                }
                let Some(c) = input.get(i..).and_then(|rest| rest.chars().next()) else {
                    break;
                };
                if c.is_whitespace() {
                    i += c.len_utf8();
                    continue;
                }
                no_room_left!();
                if c.is_alphabetic() {
                    let (end, id, plain) = self.word(start, c);
                    (TokenKind::Word, end, id, plain)
                } else {
                    (
                        TokenKind::Mark,
                        i + c.len_utf8(),
                        word_id(char_key(c)),
                        false,
                    )
                }
            } else {
                no_room_left!();
                (
                    TokenKind::Mark,
                    i + 1,
                    tables.mark_ids[usize::from(b)],
                    false,
                )
            };
            self.push(&mut len, kind, start, end, id, plain);
            // One space after a token, the usual case, is stepped over here.
            i = end + usize::from(bytes.get(end) == Some(&b' '));
        }
        if full {
            let end = input.trim_end().len().max(i);
            self.push(&mut len, TokenKind::Rest, i, end, 0, false);
        }
        self.len = len;
    }

    /// Stores a token in slot `len`, if there is one, and counts it. Checked, not masked: `fill`
    /// stops short of [`MAX_TOKENS`], so the check is dropped, and the mask cost `fill` registers
    /// (callgrind: 14 instructions a line more).
    #[inline(always)]
    fn push(
        &mut self,
        len: &mut usize,
        kind: TokenKind,
        start: usize,
        end: usize,
        id: u8,
        plain: bool,
    ) {
        if let Some(slot) = self.items.get_mut(*len) {
            *slot = Token {
                kind,
                plain,
                id,
                // `parse` reads no line longer than `u32::MAX` bytes.
                span: Span::new(start as u32, end as u32),
            };
            *len += 1;
        }
    }

    /// Reads the word that starts at `start` with the letter `c`, a character at a time past its
    /// ASCII runs; returns its end, its lexicon id and whether it is [`Token::plain`].
    #[inline(never)]
    fn word(&self, start: usize, c: char) -> (usize, u8, bool) {
        let input = self.input;
        let bytes = input.as_bytes();
        let mut i = start + c.len_utf8();
        // Dots and characters outside ASCII leave the fast key.
        let mut plain = c.is_ascii();
        let mut after_letter = true;
        loop {
            // ASCII letters, digits and `^`, the bulk of every word, in a tight loop.
            let run = i;
            while bytes
                .get(i)
                .is_some_and(|&b| CLASSES[usize::from(b)].in_word())
            {
                i += 1;
            }
            if i > run {
                after_letter = bytes.get(i - 1).is_some_and(u8::is_ascii_alphabetic);
            }
            match bytes.get(i) {
                // Dots after a letter belong to the word (`p.o.`) but not to its key.
                Some(b'.') if after_letter => {
                    after_letter = false;
                    plain = false;
                    i += 1;
                }
                Some(&b) if !b.is_ascii() => {
                    let Some(next) = input.get(i..).and_then(|rest| rest.chars().next()) else {
                        break;
                    };
                    if !continues_word(next) {
                        break;
                    }
                    // The word marks are no letters: told without the Unicode tables.
                    after_letter = !is_word_mark(next) && next.is_alphabetic();
                    plain = false;
                    i += next.len_utf8();
                }
                _ => break,
            }
        }
        let plain = plain && i - start <= KEY_BYTES;
        let key = if plain {
            plain_key(bytes, start, i)
        } else {
            input.get(start..i).map_or(0, key)
        };
        (i, word_id(key), plain)
    }
}

/// Where a number that may run past an 8-byte chunk ends, a byte at a time.
#[cold]
fn number_end(bytes: &[u8], start: usize) -> usize {
    let mut i = start + 1;
    while let Some(&b) = bytes.get(i) {
        let digit_follows = bytes.get(i + 1).is_some_and(u8::is_ascii_digit);
        if b.is_ascii_digit() || (matches!(b, b'.' | b',') && digit_follows) {
            i += 1;
        } else {
            break;
        }
    }
    i
}

/// Splits `input` into tokens.
#[cfg(test)]
pub(crate) fn lex(input: &str) -> Tokens<'_> {
    let mut tokens = Tokens::new(input);
    tokens.fill();
    tokens
}

/// The longest keyword, in bytes.
const KEY_BYTES: usize = 16;

/// A word folded for comparison with keywords: ASCII letters in lower case, dots dropped (`P.O.` is
/// `po`), the first 16 bytes packed into an integer. Zero for text that folds to more than 16 bytes,
/// which is no keyword. Keywords are folded by the same function at compile time.
pub(crate) const fn key(text: &str) -> u128 {
    let bytes = text.as_bytes();
    let mut folded = [0u8; KEY_BYTES];
    let mut n = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        i += 1;
        if b == b'.' && bytes.len() > 1 {
            continue;
        }
        if n == KEY_BYTES {
            return 0;
        }
        folded[n] = b.to_ascii_lowercase();
        n += 1;
    }
    u128::from_le_bytes(folded)
}

/// The [`key`] of a mark: its character's bytes (no letter, so nothing to lower-case).
#[inline(always)]
pub(crate) const fn char_key(c: char) -> u128 {
    let mut bytes = [0; 16];
    c.encode_utf8(&mut bytes);
    u128::from_le_bytes(bytes)
}

/// Whether `word` is `keyword` ignoring ASCII case and dots; see [`key`].
#[cfg(test)]
pub(crate) fn word_is(word: &str, keyword: &str) -> bool {
    let k = key(word);
    k != 0 && k == key(keyword)
}

/// Keys of several keywords, at compile time.
pub(crate) const fn keys<const N: usize>(words: [&str; N]) -> [u128; N] {
    let mut out = [0; N];
    let mut i = 0;
    while i < N {
        out[i] = key(words[i]);
        i += 1;
    }
    out
}

/// A phrase of up to eight words and marks to match, as keys; a key of one mark (`,`) matches that mark.
pub(crate) type Phrase = [u128; 8];

/// How many words and marks `phrase` holds: those before its first empty key.
pub(crate) const fn phrase_len(phrase: &Phrase) -> usize {
    let mut n = 0;
    while n < phrase.len() && phrase[n] != 0 {
        n += 1;
    }
    n
}

/// A phrase from its words, at compile time.
pub(crate) const fn phrase_of(words: &[&str]) -> Phrase {
    let mut out = [0; 8];
    let mut i = 0;
    while i < words.len() && i < 8 {
        out[i] = key(words[i]);
        i += 1;
    }
    out
}

/// Matches a phrase at token `i`: each id (ended by 0) the lexicon id of the next word or mark.
/// Words may be joined by a hyphen as well as by space (`sub-Q`, `once-daily`). Returns the number
/// of tokens matched.
pub(crate) fn phrase(tokens: &Tokens<'_>, i: usize, ids: &[u8]) -> Option<usize> {
    const HYPHEN: u8 = mark_id('-');
    let mut at = i;
    for (n, &want) in ids.iter().enumerate() {
        if want == 0 {
            break;
        }
        // Past the end, and for numbers and the rest of a long line, the id is 0: no match.
        let mut id = tokens.id_of(at);
        if n > 0 && id == HYPHEN && want != HYPHEN && tokens.glued(at - 1) && tokens.glued(at) {
            at += 1;
            id = tokens.id_of(at);
        }
        if id != want {
            return None;
        }
        at += 1;
    }
    Some(at - i)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(input: &str) -> ([(TokenKind, &str); MAX_TOKENS], usize) {
        let tokens = lex(input);
        let mut out = [(TokenKind::Rest, ""); MAX_TOKENS];
        for (i, t) in tokens.as_slice().iter().enumerate() {
            out[i] = (t.kind, t.span.of(input));
        }
        (out, tokens.as_slice().len())
    }

    #[test]
    fn splits_numbers_words_and_marks() {
        use TokenKind::*;
        let (k, n) = kinds("bortezomib 1.3mg/m² SC days 1,8,15 [Velcade] p.o. 1,800");
        assert_eq!(
            &k[..n],
            [
                (Word, "bortezomib"),
                (Number, "1.3"),
                (Word, "mg"),
                (Mark, "/"),
                (Word, "m²"),
                (Word, "SC"),
                (Word, "days"),
                (Number, "1,8,15"),
                (Mark, "["),
                (Word, "Velcade"),
                (Mark, "]"),
                (Word, "p.o."),
                (Number, "1,800"),
            ]
        );
    }

    #[test]
    fn a_long_line_ends_in_one_rest_token() {
        let line = "a ".repeat(100);
        let tokens = lex(&line);
        let last = tokens.as_slice().last().copied().unwrap();
        assert_eq!(tokens.as_slice().len(), MAX_TOKENS);
        assert_eq!(last.kind, TokenKind::Rest);
        assert_eq!(last.span.range().end, line.trim_end().len());
    }

    #[test]
    fn a_character_outside_ascii_ends_a_fast_word_or_number_only_if_it_is_no_letter() {
        use TokenKind::*;
        // A lead byte of each length and range: C2, C3, C9, E0, E2, EF, F0, F4.
        for c in [
            '\u{80}',
            'ÿ',
            'ɐ',
            'ࠀ',
            '€',
            '→',
            '\u{FFFD}',
            '𝐀',
            '\u{10FFFF}',
        ] {
            for (run, kind) in [
                ("ab", Word),
                ("Abcdefg", Word),
                ("Abcdefghij", Word),
                ("12", Number),
            ] {
                // `run`, `c`, " x", without allocating.
                let mut buffer = [0u8; 32];
                let n = run.len();
                buffer[..n].copy_from_slice(run.as_bytes());
                let m = n + c.encode_utf8(&mut buffer[n..]).len();
                buffer[m..m + 2].copy_from_slice(b" x");
                let line = core::str::from_utf8(&buffer[..m + 2]).unwrap();
                let (k, count) = kinds(line);
                let after = &line[n..m];
                // A letter continues a word, and starts one after a number.
                let expected = match (kind, c.is_alphabetic()) {
                    (Word, true) => [(Word, &line[..m]), (Word, "x"), (Rest, "")],
                    (_, true) => [(kind, run), (Word, after), (Word, "x")],
                    _ => [(kind, run), (Mark, after), (Word, "x")],
                };
                let want = if kind == Word && c.is_alphabetic() {
                    2
                } else {
                    3
                };
                assert_eq!(&k[..count], &expected[..want], "{line}");
            }
        }
    }

    #[test]
    fn keywords_ignore_case_and_dots() {
        assert!(word_is("P.O.", "po"));
        assert!(word_is("Daily.", "daily"));
        assert!(!word_is("pox", "po"));
        assert!(!word_is("p", "po"));
    }
}
