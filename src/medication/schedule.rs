//! Schedule words: how often (`daily`, `BID`, `twice weekly`, `q28d`, `every 28 days`) and on which
//! days of a cycle (`days 1-21`, `days 1,8,15,22`, `D1-21`).

use core::fmt;

use super::keyword::{lexicon_id, mark_id, Keyword, GLUED};
use super::lexer::{key, keys, phrase_of, Phrase, Tokens};

/// How often a dose is given.
///
/// ```
/// use myeloma::Frequency;
/// assert_eq!(Frequency::every_days(28).to_string(), "every 28 days");
/// assert_eq!(Frequency::every_days(7), Frequency::Weekly);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum Frequency {
    /// Once a day (`daily`, `once daily`, `QD`, `OD`, `q24h`, `every day`, `QHS`, `at bedtime`).
    Daily,
    /// Twice a day (`BID`, `twice daily`, `q12h`).
    TwiceDaily,
    /// Three times a day (`TID`, `three times daily`, `q8h`).
    ThreeTimesDaily,
    /// Four times a day (`QID`, `four times daily`, `q6h`).
    FourTimesDaily,
    /// Once a week (`weekly`, `once weekly`, `QW`, `q1w`, `q7d`, `every week`).
    Weekly,
    /// Twice a week (`twice weekly`, `twice a week`). `biweekly` is not read: it means both twice a
    /// week and every two weeks.
    TwiceWeekly,
    /// Once every so many days, other than 1 and 7 (`q28d`, `q4w`, `every 21 days`, `QOD`,
    /// `every other week`).
    EveryDays(u16),
}

impl Frequency {
    /// Once every `days` days: [`Frequency::Daily`] for 1, [`Frequency::Weekly`] for 7.
    pub const fn every_days(days: u16) -> Frequency {
        match days {
            1 => Frequency::Daily,
            7 => Frequency::Weekly,
            n => Frequency::EveryDays(n),
        }
    }
}

/// Writes `daily`, `twice daily`, `three times daily`, `four times daily`, `weekly`, `twice weekly`
/// or `every N days`.
impl fmt::Display for Frequency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Frequency::Daily => f.write_str("daily"),
            Frequency::TwiceDaily => f.write_str("twice daily"),
            Frequency::ThreeTimesDaily => f.write_str("three times daily"),
            Frequency::FourTimesDaily => f.write_str("four times daily"),
            Frequency::Weekly => f.write_str("weekly"),
            Frequency::TwiceWeekly => f.write_str("twice weekly"),
            Frequency::EveryDays(n) => write!(f, "every {n} days"),
        }
    }
}

/// Days of a treatment cycle, from day 1 to day [`Days::MAX`], as a bitset.
///
/// ```
/// use myeloma::Days;
/// let days = Days::range(1, 21);
/// assert_eq!(days.len(), 21);
/// assert_eq!(days.to_string(), "days 1-21");
/// assert_eq!(Days::EMPTY.with(1).with(8).with(15).to_string(), "days 1,8,15");
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Days(u64);

impl Days {
    /// The last day that can be held.
    pub const MAX: u8 = 64;

    /// No days.
    pub const EMPTY: Days = Days(0);

    /// These days and `day`; a day of 0 or past [`Days::MAX`] is ignored.
    #[must_use]
    pub const fn with(self, day: u8) -> Days {
        if day == 0 || day > Self::MAX {
            self
        } else {
            Days(self.0 | 1 << (day - 1))
        }
    }

    /// Days `first` to `last`, both included (clamped to 1..=[`Days::MAX`]).
    pub const fn range(first: u8, last: u8) -> Days {
        let first = if first == 0 { 1 } else { first };
        let last = if last > Self::MAX { Self::MAX } else { last };
        if first > last {
            return Days::EMPTY;
        }
        // Bits `first - 1` to `last - 1`, as one mask: no loop over the days.
        let through_last = u64::MAX >> (Self::MAX - last);
        Days(through_last & (u64::MAX << (first - 1)))
    }

    /// Whether `day` is one of them.
    pub const fn contains(self, day: u8) -> bool {
        day != 0 && day <= Self::MAX && self.0 & (1 << (day - 1)) != 0
    }

    /// How many days.
    pub const fn len(self) -> usize {
        self.0.count_ones() as usize
    }

    /// Whether there are none.
    pub const fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// The days in order.
    pub fn iter(self) -> impl Iterator<Item = u8> {
        (1..=Self::MAX).filter(move |d| self.contains(*d))
    }
}

/// Writes `days 1-21`, `days 1,8,15,22` or `day 1`: runs of three days or more as ranges.
impl fmt::Display for Days {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(if self.len() == 1 { "day " } else { "days " })?;
        let mut first = true;
        let mut day = 1u8;
        while day <= Self::MAX {
            if !self.contains(day) {
                day += 1;
                continue;
            }
            let mut last = day;
            while last < Self::MAX && self.contains(last + 1) {
                last += 1;
            }
            if !first {
                f.write_str(",")?;
            }
            first = false;
            match last - day {
                0 => write!(f, "{day}")?,
                1 => write!(f, "{day},{last}")?,
                _ => write!(f, "{day}-{last}")?,
            }
            if last == Self::MAX {
                break;
            }
            day = last + 1;
        }
        Ok(())
    }
}

/// A piece of schedule read at one place in a line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Piece {
    Frequency(Frequency),
    Days(Days),
    /// The length of a treatment cycle in days (`28-day cycle`).
    Cycle(u16),
}

/// Fixed schedule phrases; see [`super::lexer::phrase`].
pub(crate) const PHRASES: &[(Phrase, Frequency)] = &[
    (phrase_of(&["daily"]), Frequency::Daily),
    (phrase_of(&["qd"]), Frequency::Daily),
    (phrase_of(&["od"]), Frequency::Daily),
    (phrase_of(&["qday"]), Frequency::Daily),
    (phrase_of(&["once", "daily"]), Frequency::Daily),
    (phrase_of(&["once", "a", "day"]), Frequency::Daily),
    (phrase_of(&["every", "day"]), Frequency::Daily),
    (phrase_of(&["each", "day"]), Frequency::Daily),
    (phrase_of(&["qhs"]), Frequency::Daily),
    (phrase_of(&["qam"]), Frequency::Daily),
    (phrase_of(&["qpm"]), Frequency::Daily),
    (phrase_of(&["nightly"]), Frequency::Daily),
    (phrase_of(&["at", "bedtime"]), Frequency::Daily),
    (phrase_of(&["bid"]), Frequency::TwiceDaily),
    (phrase_of(&["twice", "daily"]), Frequency::TwiceDaily),
    (phrase_of(&["twice", "a", "day"]), Frequency::TwiceDaily),
    (phrase_of(&["tid"]), Frequency::ThreeTimesDaily),
    (
        phrase_of(&["three", "times", "daily"]),
        Frequency::ThreeTimesDaily,
    ),
    (
        phrase_of(&["three", "times", "a", "day"]),
        Frequency::ThreeTimesDaily,
    ),
    (phrase_of(&["qid"]), Frequency::FourTimesDaily),
    (
        phrase_of(&["four", "times", "daily"]),
        Frequency::FourTimesDaily,
    ),
    (
        phrase_of(&["four", "times", "a", "day"]),
        Frequency::FourTimesDaily,
    ),
    (phrase_of(&["weekly"]), Frequency::Weekly),
    (phrase_of(&["qw"]), Frequency::Weekly),
    (phrase_of(&["qwk"]), Frequency::Weekly),
    (phrase_of(&["qweek"]), Frequency::Weekly),
    (phrase_of(&["once", "weekly"]), Frequency::Weekly),
    (phrase_of(&["once", "a", "week"]), Frequency::Weekly),
    (phrase_of(&["every", "week"]), Frequency::Weekly),
    (phrase_of(&["each", "week"]), Frequency::Weekly),
    (phrase_of(&["twice", "weekly"]), Frequency::TwiceWeekly),
    (phrase_of(&["twice", "a", "week"]), Frequency::TwiceWeekly),
    (phrase_of(&["qod"]), Frequency::EveryDays(2)),
    (
        phrase_of(&["every", "other", "day"]),
        Frequency::EveryDays(2),
    ),
    (
        phrase_of(&["every", "other", "week"]),
        Frequency::EveryDays(14),
    ),
];

const DAY_WORDS: [u128; 3] = keys(["d", "day", "days"]);
const HOUR_WORDS: [u128; 5] = keys(["h", "hr", "hrs", "hour", "hours"]);
const WEEK_WORDS: [u128; 5] = keys(["w", "wk", "wks", "week", "weeks"]);
const EVERY: u128 = key("every");
/// `q 28 days`.
const Q: u128 = key("q");
const ON: u128 = key("on");

/// The lexicon ids of the words that lead a pattern, to compare a token's id with.
const ID_D: u8 = lexicon_id(DAY_WORDS[0]);
const ID_DAY: u8 = lexicon_id(DAY_WORDS[1]);
const ID_DAYS: u8 = lexicon_id(DAY_WORDS[2]);
const ID_EVERY: u8 = lexicon_id(EVERY);
const ID_Q: u8 = lexicon_id(Q);
const ID_ON: u8 = lexicon_id(ON);
const ID_CYCLE: u8 = lexicon_id(key("cycle"));
const ID_CYCLES: u8 = lexicon_id(key("cycles"));

/// Words that may start a schedule pattern other than a fixed phrase: `every 28 days`,
/// `q 4 weeks`, `days 1-21`, `on days 1, 8, 15`; see [`super::keyword`].
pub(crate) const LEADS: [u128; 6] = [DAY_WORDS[0], DAY_WORDS[1], DAY_WORDS[2], EVERY, Q, ON];

/// The schedule piece at word `i` other than a fixed phrase of [`PHRASES`] (an interval, a list of
/// days), as a keyword, and how many tokens it takes. A keyword rather than a piece: made into one
/// by the caller, the piece was copied through memory one byte along, loads that waited for the
/// stores before them (perf: 3 to 6% of `parse_into`'s samples).
pub(crate) fn schedule_pattern_at(tokens: &Tokens<'_>, i: usize) -> Option<(Keyword, usize)> {
    let id = tokens.id_of(i);
    // An interval after a q is a letter and a digit (`q28d`), which only such a word has.
    if id == GLUED {
        if let Some(frequency) = q_interval(tokens.bytes(i)) {
            return Some((Keyword::Schedule(Piece::Frequency(frequency)), 1));
        }
    }
    if (id == ID_EVERY || id == ID_Q) && tokens.is_number(i + 1) && tokens.is_word(i + 2) {
        let n = small_number(tokens.bytes(i + 1))?;
        let days = interval_days(n, tokens.text(i + 2))?;
        return Some((
            Keyword::Schedule(Piece::Frequency(Frequency::every_days(days))),
            3,
        ));
    }
    // "on days 1, 8, 15": "on" belongs to the list only when a list follows.
    let at = if id == ID_ON { i + 1 } else { i };
    let at_id = tokens.id_of(at);
    let first = if at_id == ID_D || at_id == ID_DAY || at_id == ID_DAYS {
        None
    } else if at_id == GLUED {
        // "D1-21", "d1,8,15": the first day is glued to the D (a letter and a digit).
        Some(after_d(tokens.bytes(at)).and_then(day)?)
    } else {
        return None;
    };
    // One call of `day_list` for both, inlined here, its only caller.
    let (days, end) = day_list(tokens, at + 1, first)?;
    Some((Keyword::Schedule(Piece::Days(days)), end - i))
}

/// `28-day cycle`, `21 day cycles` at number `i`.
pub(crate) fn cycle_at(tokens: &Tokens<'_>, i: usize) -> Option<(Piece, usize)> {
    let days = small_number(tokens.bytes(i))?;
    let mut at = i + 1;
    if tokens.is_mark::<'-'>(at) && tokens.glued(i) && tokens.glued(at) {
        at += 1;
    }
    let at_id = tokens.id_of(at);
    if at_id != ID_DAY && at_id != ID_DAYS {
        return None;
    }
    let next = tokens.id_of(at + 1);
    if next != ID_CYCLE && next != ID_CYCLES {
        return None;
    }
    Some((Piece::Cycle(days), at + 2 - i))
}

/// `q28d`, `q21d`, `q4w`, `q2wk`, `q12h`, `q24h`, `q7days`: an interval after a q, read from the
/// word's bytes in one pass (no `str` splitting, whose checks of character boundaries cost more
/// than the reading).
fn q_interval(word: &[u8]) -> Option<Frequency> {
    let (&q, rest) = word.split_first()?;
    // `q` and `Q` are the only bytes that are `q` with the ASCII case bit set.
    if q | 0x20 != b'q' {
        return None;
    }
    let digits = rest.iter().take_while(|b| b.is_ascii_digit()).count();
    let (number, unit) = rest.split_at(digits);
    let n = small_number(number)?;
    // Most units after a q are one letter (`q28d`): its key without the call.
    let unit = match unit {
        [letter] => u64::from(letter.to_ascii_lowercase()),
        _ => unit_key(unit)?,
    };
    if HOUR_KEYS.contains(&unit) {
        return match n {
            24 => Some(Frequency::Daily),
            12 => Some(Frequency::TwiceDaily),
            8 => Some(Frequency::ThreeTimesDaily),
            6 => Some(Frequency::FourTimesDaily),
            _ => None,
        };
    }
    days_of_unit(n, unit).map(Frequency::every_days)
}

/// The [`key`] of a unit word, made in a register, when it is eight bytes or fewer (every unit word
/// is: see [`narrow`]); `None` for a longer one, and for none (the empty key).
fn unit_key(bytes: &[u8]) -> Option<u64> {
    let mut folded = 0u64;
    let mut n = 0;
    for &b in bytes {
        if b == b'.' && bytes.len() > 1 {
            continue;
        }
        if n == 8 {
            return None;
        }
        folded |= u64::from(b.to_ascii_lowercase()) << (8 * n);
        n += 1;
    }
    (folded != 0).then_some(folded)
}

/// Keys of eight bytes or fewer, as `u64`, to compare with [`unit_key`]'s.
const fn narrow<const N: usize>(keys: [u128; N]) -> [u64; N] {
    let mut narrow = [0; N];
    let mut i = 0;
    while i < N {
        assert!(keys[i] >> 64 == 0 && keys[i] != 0);
        narrow[i] = keys[i] as u64;
        i += 1;
    }
    narrow
}

const HOUR_KEYS: [u64; 5] = narrow(HOUR_WORDS);
const DAY_KEYS: [u64; 3] = narrow(DAY_WORDS);
const WEEK_KEYS: [u64; 5] = narrow(WEEK_WORDS);

/// `n` days or weeks, by the unit word, in days.
fn interval_days(n: u16, unit: &str) -> Option<u16> {
    days_of_unit(n, unit_key(unit.as_bytes())?)
}

/// `n` days or weeks, by the unit word's key (see [`unit_key`]), in days.
fn days_of_unit(n: u16, unit: u64) -> Option<u16> {
    if DAY_KEYS.contains(&unit) {
        Some(n)
    } else if WEEK_KEYS.contains(&unit) {
        n.checked_mul(7)
    } else {
        None
    }
}

/// A whole number from 1 to 999 written in plain digits.
fn small_number(bytes: &[u8]) -> Option<u16> {
    if bytes.is_empty() || bytes.len() > 3 || !bytes.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let n = bytes
        .iter()
        .fold(0, |n, b| n * 10 + u16::from(b.wrapping_sub(b'0')));
    (n > 0).then_some(n)
}

/// The bytes after a leading `d` or `D`, if there is one.
fn after_d(bytes: &[u8]) -> Option<&[u8]> {
    match bytes.split_first() {
        Some((b'd' | b'D', rest)) => Some(rest),
        _ => None,
    }
}

/// The bytes after every leading `d` and `D`.
fn trim_d(mut bytes: &[u8]) -> &[u8] {
    while let Some(rest) = after_d(bytes) {
        bytes = rest;
    }
    bytes
}

/// A day from 1 to [`Days::MAX`].
fn day(text: &[u8]) -> Option<u8> {
    small_number(text)
        .filter(|d| *d <= u16::from(Days::MAX))
        .and_then(|d| u8::try_from(d).ok())
}

/// Reads a list of days from token `at` (`1-21`, `1,8,15,22`, `1, 8 and 15`, `1 to 4`), after a
/// first day already read from a `D1` word if `first` is given. Returns the days and the index of
/// the token after the list; `None` when no day is read or one is out of range.
// A day, then joiners each followed by a day, as two steps in sequence rather than a loop that
// asks at every token which of the two it expects.
#[inline(always)]
fn day_list(tokens: &Tokens<'_>, mut at: usize, first: Option<u8>) -> Option<(Days, usize)> {
    let mut days = Days::EMPTY;
    let mut last = first;
    match first {
        Some(first) => days = days.with(first),
        None => {
            if !days_at(tokens, at, None, &mut days, &mut last)? {
                return None;
            }
            at += 1;
        }
    }
    let end = loop {
        // What joins two days, by its lexicon id: a list's `,`, `&` or `and`, or a range's
        // `-`, `–`, `to`, `through` or `thru`.
        const COMMA: u8 = mark_id(',');
        const AMPERSAND: u8 = mark_id('&');
        const AND: u8 = lexicon_id(key("and"));
        const HYPHEN: u8 = mark_id('-');
        const DASH: u8 = mark_id('–');
        const TO: u8 = lexicon_id(key("to"));
        const THROUGH: u8 = lexicon_id(key("through"));
        const THRU: u8 = lexicon_id(key("thru"));
        let from = match tokens.id_of(at) {
            COMMA | AMPERSAND | AND => None,
            HYPHEN | DASH | TO | THROUGH | THRU => last,
            _ => break at,
        };
        if !days_at(tokens, at + 1, from, &mut days, &mut last)? {
            break at;
        }
        at += 2;
    };
    if days.is_empty() {
        None
    } else {
        Some((days, end))
    }
}

/// The days of token `at`, a number or a `D8` word, added to `days`: `Some(false)` when it is
/// neither, `None` when one of its days is not a day (the list is then none). Its text is split at
/// its commas (`1,8,15`) in one pass over its bytes; its first day ends a range from `from` if
/// given. `last` is set to its last day.
#[inline(always)]
fn days_at(
    tokens: &Tokens<'_>,
    at: usize,
    mut from: Option<u8>,
    days: &mut Days,
    last: &mut Option<u8>,
) -> Option<bool> {
    let text = tokens.bytes(at);
    // "D1, D8": a day may repeat the D.
    let text = if tokens.is_number(at) {
        text
    } else if tokens.is_word(at) && day(trim_d(text)).is_some() {
        text.get(1..).unwrap_or_default()
    } else {
        return Some(false);
    };
    // Each piece between commas is read as `day` reads a day (1 to 3 digits, 1 to `Days::MAX`),
    // in the same pass that finds the commas: splitting the text and calling `day` on each piece
    // cost about 20 instructions a line more (callgrind, the bench stream).
    let mut k = 0;
    loop {
        let start = k;
        let mut value = 0u16;
        while let Some(&digit @ b'0'..=b'9') = text.get(k) {
            value = value.wrapping_mul(10).wrapping_add(u16::from(digit - b'0'));
            k += 1;
        }
        let digits = k - start;
        if digits == 0 || digits > 3 || value == 0 || value > u16::from(Days::MAX) {
            return None;
        }
        let d = value as u8;
        match from.take() {
            Some(from) => {
                if from > d {
                    return None;
                }
                *days = days.union(Days::range(from, d));
            }
            None => *days = days.with(d),
        }
        *last = Some(d);
        match text.get(k) {
            None => return Some(true),
            Some(b',') => k += 1,
            Some(_) => return None,
        }
    }
}

impl Days {
    const fn union(self, other: Days) -> Days {
        Days(self.0 | other.0)
    }
}
