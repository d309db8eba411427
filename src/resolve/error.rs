//! The error of every parse: what was expected, the input, the part that failed, and what went wrong
//! (unknown, ambiguous, or two names that disagree). Small, `Copy`, and never allocates.

use core::fmt;

use super::suggest::{self, Suggestions};
use super::text_input::write_escaped;
use super::Therapy;

/// What kind of entry a parse expected, as [`ParseError::expected`] gives it; the error's message
/// names it.
///
/// ```
/// use myeloma::{resolve, Drug, Expected, Phase, Vocabulary};
/// assert_eq!(resolve("Velcad").unwrap_err().expected(), Expected::DrugOrRegimen);
/// let error = "Velcad".parse::<Drug>().unwrap_err();
/// assert_eq!(error.expected(), Expected::Drug);
/// assert_eq!(error.to_string(), "unknown drug name `Velcad` (did you mean bortezomib?)");
/// let error = "relapse".parse::<Phase>().unwrap_err();
/// assert_eq!(error.expected(), Expected::Value(Vocabulary::Phase));
/// assert_eq!(error.to_string(), "unknown phase `relapse`");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Expected {
    /// A drug name.
    Drug,
    /// A regimen name or a combination of drugs.
    Regimen,
    /// Any drug, regimen or combination.
    DrugOrRegimen,
    /// A drug class id.
    DrugClass,
    /// A target id.
    Target,
    /// A route id.
    Route,
    /// A use id.
    Use,
    /// A source id.
    Source,
    /// An ATC code.
    AtcCode,
    /// An RxNorm code.
    Rxcui,
    /// A value of one of the catalogue's vocabularies (`Phase`, `Regulator`).
    Value(crate::Vocabulary),
}

impl Expected {
    fn describe(self) -> &'static str {
        match self {
            Expected::Drug => "drug name",
            Expected::Regimen => "regimen name",
            Expected::DrugOrRegimen => "drug or regimen name",
            Expected::DrugClass => "drug class id",
            Expected::Target => "target id",
            Expected::Route => "route id",
            Expected::Use => "use id",
            Expected::Source => "source id",
            Expected::AtcCode => "ATC code",
            Expected::Rxcui => "RxNorm code",
            Expected::Value(kind) => value_words(kind),
        }
    }
}

/// A vocabulary in the words of an error message, as the other kinds are written (`phase`, not
/// `Phase`); [`Vocabulary::name`](crate::Vocabulary::name) gives the type's name.
const fn value_words(kind: crate::Vocabulary) -> &'static str {
    use crate::Vocabulary as V;
    match kind {
        V::SourceKind => "kind of source",
        V::DrugRole => "drug role",
        V::Setting => "setting",
        V::ApprovalStatus => "approval status",
        V::IndicationStatus => "indication status",
        V::Regulator => "regulator",
        V::NoteKind => "kind of note",
        V::SideEffects => "side-effects status",
        V::Phase => "phase",
        V::TransplantStatus => "transplant status",
        V::Dose => "dose qualifier",
        V::AcronymOrigin => "acronym origin",
        V::RxcuiStatus => "RxNorm code status",
    }
}

/// The longest input an error keeps, enough for any catalogue name with room to spare; longer input
/// is cut at a character boundary and marked `…`. Kept small so that `Result<_, ParseError>` stays cheap.
const KEPT: usize = 48;
// `Kept::new` copies three windows of 16 bytes.
const _: () = assert!(KEPT == 3 * 16);

/// A short copy of text kept inside an error, so that making one never allocates.
#[derive(Clone, Copy)]
struct Kept {
    /// The text's first bytes; what follows them is not read.
    bytes: [u8; KEPT],
    len: u8,
    cut: bool,
}

impl Kept {
    /// A copy of `text`'s first [`KEPT`] bytes, cut at a character boundary. The bytes are read into
    /// three 16-byte values in registers and each stored once, whole, at its own offset: copied in
    /// windows that overlapped, the stores could not be forwarded to the loads that copied the
    /// error on into its result, which waited for them (perf: half of `unknown_drug`'s time).
    #[inline(always)]
    fn new(text: &str) -> Kept {
        let src = text.as_bytes();
        let mut end = src.len().min(KEPT);
        let head = src.split_at(end).0;
        let windows = [window(head, 0), window(head, 16), window(head, 32)];
        let mut bytes = [0u8; KEPT];
        for (out, w) in bytes.chunks_exact_mut(16).zip(windows) {
            out.copy_from_slice(&w.to_le_bytes());
        }
        if end < src.len() {
            while !text.is_char_boundary(end) {
                end -= 1;
            }
        }
        Kept {
            bytes,
            len: end as u8,
            cut: end < src.len(),
        }
    }

    fn as_str(&self) -> &str {
        // Cut at a character boundary above, so this is always valid UTF-8.
        core::str::from_utf8(&self.bytes[..usize::from(self.len)]).unwrap_or_default()
    }
}

/// The bytes of `head` from `at` (0, 16 or 32), up to 16 of them, as a little-endian value with
/// zeros past its end: one load of 16 bytes where there are as many, else the last 16 shifted
/// down, or for a text shorter than 16, two loads of 8 or of 4 bytes that overlap (no byte loop,
/// whose branch on the length mispredicts on a stream of errors of every length).
#[inline(always)]
fn window(head: &[u8], at: usize) -> u128 {
    let end = head.len();
    if let Some(chunk) = head.get(at..).and_then(|b| b.first_chunk::<16>()) {
        return u128::from_le_bytes(*chunk);
    }
    if at >= end {
        return 0;
    }
    // From here the window holds `end - at` bytes, fewer than 16.
    if let Some(last) = head.last_chunk::<16>() {
        return u128::from_le_bytes(*last) >> (8 * (16 - (end - at)));
    }
    // `at` is 0 and the text shorter than 16 bytes.
    if let (Some(first), Some(last)) = (head.first_chunk::<8>(), head.last_chunk::<8>()) {
        let high = u128::from(u64::from_le_bytes(*last)) >> (8 * (16 - end));
        return u128::from(u64::from_le_bytes(*first)) | (high << 64);
    }
    if let (Some(first), Some(last)) = (head.first_chunk::<4>(), head.last_chunk::<4>()) {
        let high = u64::from(u32::from_le_bytes(*last)) >> (8 * (8 - end));
        return u128::from(u32::from_le_bytes(*first)) | u128::from(high << 32);
    }
    head.iter()
        .rev()
        .fold(0, |acc, &b| (acc << 8) | u128::from(b))
}

/// Text kept inside an error as it is shown: the bytes kept, and whether it was cut.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
struct Shown<'a>(&'a str, bool);

/// Shows the text with invisible and control characters escaped (`vel\u{200b}cade`), so that a
/// reader sees why a name that looks right was not found.
impl fmt::Display for Shown<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_escaped(f, self.0)?;
        if self.1 {
            f.write_str("…")?;
        }
        Ok(())
    }
}

/// The part of the input that failed: the kept input's bytes from one offset to another, without a
/// copy of its own (what a parse gives, since its part is a slice of its input), or a copy when it
/// is not among them.
#[derive(Clone, Copy)]
enum Part {
    Within(u8, u8),
    Own(Kept),
}

/// What went wrong. Entries are kept as catalogue positions (see [`suggest::position`]), which
/// keeps the error small.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum Problem {
    /// The text names nothing.
    Unknown,
    /// A name that means more than one entry: the entries it may mean (the build allows at most
    /// three), [`NONE`] past the last.
    Ambiguous([u16; 3]),
    /// A name with another in brackets that names a different entry: both.
    Conflict(u16, u16),
}

/// No entry, in [`Problem::Ambiguous`].
const NONE: u16 = u16::MAX;

/// Text that names nothing in the catalogue, or names it in two ways that disagree. Carries the
/// input, the part that failed, and (for drug and regimen names) up to three suggestions, ranked by
/// similarity. Never allocates, and small (`Result<Drug, ParseError>` is about 110 bytes); suggestions
/// are computed when asked for.
///
/// ```
/// use myeloma::{Drug, Therapy};
/// let error = "lenadiomide".parse::<Drug>().unwrap_err();
/// assert_eq!(error.input(), "lenadiomide");
/// assert_eq!(error.suggestions().next().map(|s| s.therapy()), Some(Therapy::Drug(Drug::Lenalidomide)));
/// ```
#[derive(Clone, Copy)]
pub struct ParseError {
    expected: Expected,
    input: Kept,
    unresolved: Part,
    problem: Problem,
}

impl ParseError {
    /// An error of kind `expected` for `input`, whose part `unresolved` names nothing. Inlined, so
    /// that the error is built where it is stored, not built and then copied there.
    #[inline(always)]
    pub(crate) fn new(expected: Expected, input: &str, unresolved: &str) -> ParseError {
        // Where the part starts in the input, if it is a slice of it (an address comparison, so
        // that the part is not copied a second time).
        let start = (unresolved.as_ptr() as usize).wrapping_sub(input.as_ptr() as usize);
        Self::with_part(expected, input, start, unresolved.len(), || unresolved)
    }

    /// [`ParseError::new`] of the part of `input` at bytes `range`, on character boundaries: sliced
    /// only where it is not kept within the input (a long line), so that the medication parser,
    /// which knows where the part is, does not check the boundaries of a slice it rarely needs.
    #[inline(always)]
    pub(crate) fn at(
        expected: Expected,
        input: &str,
        range: core::ops::Range<usize>,
    ) -> ParseError {
        let (start, len) = (range.start, range.len());
        Self::with_part(expected, input, start, len, || {
            input.get(range).unwrap_or_default()
        })
    }

    /// The error for a part of `len` bytes from `start` in `input` (a start past it when the part
    /// is not a slice of it); `text` is the part, read only when it is kept as a copy.
    #[inline(always)]
    fn with_part<'a>(
        expected: Expected,
        input: &str,
        start: usize,
        len: usize,
        text: impl FnOnce() -> &'a str,
    ) -> ParseError {
        let kept = Kept::new(input);
        let unresolved = match start.checked_add(len) {
            Some(end) if end <= usize::from(kept.len) => Part::Within(start as u8, end as u8),
            _ => Part::Own(Kept::new(text())),
        };
        ParseError {
            expected,
            input: kept,
            unresolved,
            problem: Problem::Unknown,
        }
    }

    /// The input as shown.
    fn input_shown(&self) -> Shown<'_> {
        Shown(self.input.as_str(), self.input.cut)
    }

    /// The unresolved part as shown.
    fn unresolved_shown(&self) -> Shown<'_> {
        match &self.unresolved {
            Part::Within(start, end) => Shown(
                self.input
                    .as_str()
                    .get(usize::from(*start)..usize::from(*end))
                    .unwrap_or_default(),
                false,
            ),
            Part::Own(kept) => Shown(kept.as_str(), kept.cut),
        }
    }

    pub(crate) fn ambiguous(
        expected: Expected,
        input: &str,
        unresolved: &str,
        candidates: &'static [Therapy],
    ) -> ParseError {
        let mut positions = [NONE; 3];
        for (out, c) in positions.iter_mut().zip(candidates) {
            *out = suggest::position(*c).unwrap_or(NONE);
        }
        ParseError {
            problem: Problem::Ambiguous(positions),
            ..ParseError::new(expected, input, unresolved)
        }
    }

    /// Two catalogue positions (see [`suggest::position`]) that a name with another in brackets
    /// names.
    pub(super) fn conflicting(input: &str, a: u16, b: u16) -> ParseError {
        ParseError {
            problem: Problem::Conflict(a, b),
            ..ParseError::new(Expected::DrugOrRegimen, input, input)
        }
    }

    /// Whether the unresolved text is a name that means more than one entry in practice, such as
    /// `BVd` (belantamab mafodotin or bendamustine, each with bortezomib and dexamethasone). Its
    /// [`suggestions`](ParseError::suggestions) are then every entry it may mean.
    ///
    /// ```
    /// use myeloma::{resolve, Regimen, Therapy};
    /// let error = resolve("BVd").unwrap_err();
    /// assert!(error.is_ambiguous());
    /// let candidates: Vec<Therapy> = error.suggestions().map(Therapy::from).collect();
    /// assert_eq!(candidates, [Therapy::Regimen(Regimen::BelaVd), Therapy::Regimen(Regimen::BendaVd)]);
    /// ```
    pub fn is_ambiguous(&self) -> bool {
        matches!(self.problem, Problem::Ambiguous(_))
    }

    /// The two entries when the text is a name with another in brackets that names a different
    /// entry (`bortezomib (Revlimid)`); its [`suggestions`](ParseError::suggestions) are then both.
    ///
    /// ```
    /// use myeloma::{resolve, Drug, Therapy};
    /// let error = resolve("bortezomib (Revlimid)").unwrap_err();
    /// assert_eq!(
    ///     error.conflict(),
    ///     Some((Therapy::Drug(Drug::Bortezomib), Therapy::Drug(Drug::Lenalidomide)))
    /// );
    /// assert_eq!(
    ///     error.to_string(),
    ///     "`bortezomib (Revlimid)` names two different entries: bortezomib and lenalidomide (say which)"
    /// );
    /// ```
    pub fn conflict(&self) -> Option<(Therapy, Therapy)> {
        match self.problem {
            Problem::Conflict(a, b) => Some((suggest::entry(a), suggest::entry(b))),
            _ => None,
        }
    }

    /// What kind of entry was expected.
    pub fn expected(&self) -> Expected {
        self.expected
    }

    /// The input (its first 48 bytes).
    pub fn input(&self) -> &str {
        self.input.as_str()
    }

    /// The part of the input that resolved to nothing: the whole input for a single name, one
    /// drug for a list, the part in brackets or before them for a name with another in brackets.
    pub fn unresolved(&self) -> &str {
        self.unresolved_shown().0
    }

    /// Up to three entries whose names are closest to the unresolved text, closest first (ties in
    /// catalogue order); for an ambiguous name, every entry it may mean; for names that disagree,
    /// both. Computed on each call, in well under a microsecond: an error costs nothing more to make
    /// than a failed lookup.
    pub fn suggestions(&self) -> Suggestions {
        match self.problem {
            Problem::Ambiguous(positions) => Suggestions::of(
                positions
                    .into_iter()
                    .take_while(|p| *p != NONE)
                    .map(suggest::entry),
            ),
            Problem::Conflict(a, b) => {
                Suggestions::of([suggest::entry(a), suggest::entry(b)].into_iter())
            }
            Problem::Unknown => match self.expected {
                Expected::Drug | Expected::Regimen | Expected::DrugOrRegimen => {
                    Suggestions::for_text(self.unresolved(), self.expected)
                }
                _ => Suggestions::default(),
            },
        }
    }
}

/// Errors are equal when they show the same: the same kind, input and part (wherever the part was
/// found in the input) and problem.
impl PartialEq for ParseError {
    fn eq(&self, other: &ParseError) -> bool {
        self.expected == other.expected
            && self.problem == other.problem
            && self.input_shown() == other.input_shown()
            && self.unresolved_shown() == other.unresolved_shown()
    }
}

impl Eq for ParseError {}

impl core::hash::Hash for ParseError {
    fn hash<H: core::hash::Hasher>(&self, state: &mut H) {
        self.expected.hash(state);
        self.problem.hash(state);
        self.input_shown().hash(state);
        self.unresolved_shown().hash(state);
    }
}

impl fmt::Debug for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ParseError")
            .field("expected", &self.expected)
            .field("input", &self.input())
            .field("unresolved", &self.unresolved())
            .finish()
    }
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let suggestions = self.suggestions();
        match self.problem {
            Problem::Conflict(..) => {
                write!(f, "`{}` names two different entries", self.input_shown())?;
                for (i, s) in suggestions.enumerate() {
                    f.write_str(if i == 0 { ": " } else { " and " })?;
                    fmt::Display::fmt(&s, f)?;
                }
                return f.write_str(" (say which)");
            }
            Problem::Ambiguous(_) => {
                write!(f, "ambiguous name `{}`", self.unresolved_shown())?;
                if self.unresolved_shown() != self.input_shown() {
                    write!(f, " in `{}`", self.input_shown())?;
                }
                for (i, s) in suggestions.enumerate() {
                    f.write_str(if i == 0 { " (it may mean " } else { " or " })?;
                    fmt::Display::fmt(&s, f)?;
                }
                return f.write_str("; say which)");
            }
            Problem::Unknown => {}
        }
        write!(
            f,
            "unknown {} `{}`",
            self.expected.describe(),
            self.unresolved_shown()
        )?;
        if self.unresolved_shown() != self.input_shown() {
            write!(f, " in `{}`", self.input_shown())?;
        }
        let mut any = false;
        for (i, s) in suggestions.enumerate() {
            f.write_str(if i == 0 { " (did you mean " } else { " or " })?;
            fmt::Display::fmt(&s, f)?;
            any = true;
        }
        if any {
            f.write_str("?)")?;
        }
        Ok(())
    }
}

impl core::error::Error for ParseError {}

// Small enough to return by value (clippy's `result_large_err` draws the line at 128 bytes).
const _: () = assert!(core::mem::size_of::<ParseError>() < 128);

#[cfg(test)]
mod tests {
    use super::*;

    /// A kept copy is the text's first bytes, cut at a character boundary, for every length around
    /// the windows' edges and characters of every width across them.
    #[test]
    fn a_kept_copy_is_the_start_of_the_text() {
        let text = "abcdé€𝐀fghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZé€𝐀0123456789";
        for start in 0..8 {
            for end in start..text.len() {
                let (Some(part), true) = (text.get(start..end), text.is_char_boundary(start))
                else {
                    continue;
                };
                let kept = Kept::new(part);
                let mut expected = part.len().min(KEPT);
                while !part.is_char_boundary(expected) {
                    expected -= 1;
                }
                assert_eq!(kept.as_str(), &part[..expected], "{part:?}");
                assert_eq!(kept.cut, expected < part.len(), "{part:?}");
            }
        }
    }
}
