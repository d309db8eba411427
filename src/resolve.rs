//! Name resolution: every way a drug or regimen is written, folded and looked up in a generated
//! perfect hash table, plus free-text combinations such as "len/bort/dex". Nothing here allocates.

use core::fmt;

use crate::catalogue::{NAME_DISPLACEMENTS, NAME_SEED, NAME_SLOTS, REGIMENS_BY_DRUGS};
use crate::text::{self, MAX_FOLDED};
use crate::{Drug, DrugSet, Regimen};

/// What one catalogue name stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Named {
    Drug(Drug),
    Regimen(Regimen),
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
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
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
}

impl fmt::Display for Therapy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Therapy::Drug(d) => f.write_str(d.id()),
            Therapy::Regimen(r) => f.write_str(r.id()),
            Therapy::Combination(set) => fmt::Display::fmt(set, f),
        }
    }
}

/// Looks a single name up: fold into a stack buffer, one hash, one slot, one comparison.
pub(crate) const fn lookup(name: &str) -> Option<Named> {
    let mut buf = [0u8; MAX_FOLDED];
    let key = match text::fold(name.as_bytes(), &mut buf) {
        Some(0) | None => return None,
        Some(len) => buf.split_at(len).0,
    };
    let h = text::hash(NAME_SEED, key);
    let (d1, d2) = NAME_DISPLACEMENTS[text::bucket(h, NAME_DISPLACEMENTS.len() - 1)];
    let (stored, named) = NAME_SLOTS[text::slot(h, d1, d2, NAME_SLOTS.len() - 1)];
    if text::same(stored, key) {
        named
    } else {
        None
    }
}

impl Drug {
    /// The drug with this name: generic name, brand name or short form, in any case, with or
    /// without spaces, hyphens, dashes and dots. Usable in `const` context; see also [`drug!`](crate::drug!).
    ///
    /// ```
    /// use myeloma::Drug;
    /// assert_eq!(Drug::from_name("VELCADE"), Some(Drug::Bortezomib));
    /// assert_eq!(Drug::from_name("len"), Some(Drug::Lenalidomide));
    /// assert_eq!(Drug::from_name("bortezimib"), None);
    /// ```
    pub const fn from_name(name: &str) -> Option<Drug> {
        match lookup(name) {
            Some(Named::Drug(d)) => Some(d),
            _ => None,
        }
    }
}

impl Regimen {
    /// The regimen with this acronym or alias, in any case, with or without spaces, hyphens, dashes
    /// and dots. Usable in `const` context; see also [`regimen!`](crate::regimen!).
    ///
    /// ```
    /// use myeloma::Regimen;
    /// assert_eq!(Regimen::from_name("VRd"), Some(Regimen::RVd));
    /// assert_eq!(Regimen::from_name("isa–kd"), Some(Regimen::IsaKd));
    /// ```
    pub const fn from_name(name: &str) -> Option<Regimen> {
        match lookup(name) {
            Some(Named::Regimen(r)) => Some(r),
            _ => None,
        }
    }

    /// The regimen whose drugs are exactly `drugs`, ignoring dose qualifiers (as OHDSI's regimen
    /// finder matches drug exposures). `None` when no regimen has exactly that set.
    ///
    /// ```
    /// use myeloma::{drug_set, Drug, Regimen};
    /// let set = drug_set![Drug::Carfilzomib, Drug::Dexamethasone];
    /// assert_eq!(Regimen::from_drugs(set), Some(Regimen::Kd));
    /// ```
    pub const fn from_drugs(drugs: DrugSet) -> Option<Regimen> {
        let bits = drugs.bits();
        let (mut lo, mut hi) = (0, REGIMENS_BY_DRUGS.len());
        while lo < hi {
            let mid = (lo + hi) / 2;
            let (key, regimen) = REGIMENS_BY_DRUGS[mid];
            if key == bits {
                return Some(regimen);
            } else if key < bits {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        None
    }

    /// Every regimen that contains all of `drugs`, in catalogue order.
    ///
    /// ```
    /// use myeloma::{Drug, Regimen};
    /// let with_isatuximab: Vec<_> = Regimen::containing(Drug::Isatuximab.into()).collect();
    /// assert_eq!(with_isatuximab, [Regimen::IsaKd, Regimen::IsaPd]);
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

/// Characters that separate the drugs of a free-text combination.
fn is_list_separator(c: char) -> bool {
    matches!(c, '+' | '/' | ',' | ';' | '&' | '|')
}

/// Resolves any way of writing a drug, a regimen or a combination of drugs.
///
/// A name is looked up first; failing that the text is read as a list of drugs separated by `+`,
/// `/`, `,`, `;`, `&`, "and", "with" or "plus" (dose words such as "low-dose" are skipped), and a
/// list whose drugs are exactly a regimen's resolves to that regimen.
///
/// ```
/// use myeloma::{resolve, Regimen, Therapy};
/// assert_eq!(resolve("Velcade/Revlimid/dex"), Ok(Therapy::Regimen(Regimen::RVd)));
/// assert_eq!(resolve("dara, len, dex"), Ok(Therapy::Regimen(Regimen::DRd)));
///
/// let error = resolve("bortezimib").unwrap_err();
/// assert_eq!(error.to_string(), "unknown drug or regimen name `bortezimib` (did you mean bortezomib?)");
/// ```
pub fn resolve(text: &str) -> Result<Therapy, ParseError> {
    match lookup(text) {
        Some(Named::Drug(d)) => return Ok(Therapy::Drug(d)),
        Some(Named::Regimen(r)) => return Ok(Therapy::Regimen(r)),
        None => {}
    }
    let drugs = parse_combination(text)?;
    Ok(match (Regimen::from_drugs(drugs), drugs.iter().next()) {
        (Some(r), _) => Therapy::Regimen(r),
        (None, Some(d)) if drugs.len() == 1 => Therapy::Drug(d),
        _ => Therapy::Combination(drugs),
    })
}

/// Reads free text as a list of drugs (a listed regimen contributes its drugs).
fn parse_combination(text: &str) -> Result<DrugSet, ParseError> {
    let mut set = DrugSet::EMPTY;
    for piece in text.split(is_list_separator) {
        let piece = piece.trim();
        if piece.is_empty() {
            continue;
        }
        set = set.union(match lookup(piece) {
            Some(named) => named_drugs(named),
            None => words_of(text, piece)?,
        });
    }
    if set.is_empty() {
        return Err(ParseError::new(Expected::DrugOrRegimen, text, text));
    }
    Ok(set)
}

/// A piece that is not one name: its words, each a name, a dose word or a joining word.
fn words_of(text: &str, piece: &str) -> Result<DrugSet, ParseError> {
    let mut set = DrugSet::EMPTY;
    for word in
        piece.split(|c: char| c.is_whitespace() || c == '-' || c == '\u{2013}' || c == '\u{2014}')
    {
        if word.is_empty() || is_filler(word) {
            continue;
        }
        match lookup(word) {
            Some(named) => set = set.union(named_drugs(named)),
            None => return Err(ParseError::new(Expected::DrugOrRegimen, text, word)),
        }
    }
    Ok(set)
}

fn is_filler(word: &str) -> bool {
    let lower = |w: &str| w.eq_ignore_ascii_case(word);
    QUALIFIERS.iter().any(|q| lower(q)) || ["and", "with", "plus"].iter().any(|w| lower(w))
}

const fn named_drugs(named: Named) -> DrugSet {
    match named {
        Named::Drug(d) => DrugSet::EMPTY.with(d),
        Named::Regimen(r) => r.drugs(),
    }
}

/// What kind of entry a parse expected.
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
        }
    }
}

/// The longest input an error keeps, enough for any catalogue name with room to spare; longer input
/// is cut at a character boundary and marked `…`. Kept small so that `Result<_, ParseError>` stays cheap.
const KEPT: usize = 48;

/// A short copy of text kept inside an error, so that making one never allocates.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
struct Kept {
    bytes: [u8; KEPT],
    len: u8,
    cut: bool,
}

impl Kept {
    fn new(text: &str) -> Kept {
        let mut end = text.len().min(KEPT);
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        let mut bytes = [0u8; KEPT];
        bytes[..end].copy_from_slice(&text.as_bytes()[..end]);
        Kept {
            bytes,
            len: end as u8,
            cut: end < text.len(),
        }
    }

    fn as_str(&self) -> &str {
        // Cut at a character boundary above, so this is always valid UTF-8.
        core::str::from_utf8(&self.bytes[..usize::from(self.len)]).unwrap_or_default()
    }
}

impl fmt::Display for Kept {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())?;
        if self.cut {
            f.write_str("…")?;
        }
        Ok(())
    }
}

/// Text that names nothing in the catalogue. Carries the input, the part that failed, and (for
/// drug and regimen names) up to three suggestions, ranked by similarity. Never allocates.
///
/// ```
/// use myeloma::{Drug, Therapy};
/// let error = "lenadiomide".parse::<Drug>().unwrap_err();
/// assert_eq!(error.input(), "lenadiomide");
/// assert_eq!(error.suggestions().next(), Some(Therapy::Drug(Drug::Lenalidomide)));
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct ParseError {
    expected: Expected,
    input: Kept,
    unresolved: Kept,
}

impl ParseError {
    pub(crate) fn new(expected: Expected, input: &str, unresolved: &str) -> ParseError {
        ParseError {
            expected,
            input: Kept::new(input),
            unresolved: Kept::new(unresolved),
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
    /// drug for a list.
    pub fn unresolved(&self) -> &str {
        self.unresolved.as_str()
    }

    /// Up to three entries whose names are closest to the unresolved text, closest first.
    pub fn suggestions(&self) -> Suggestions {
        match self.expected {
            Expected::Drug | Expected::Regimen | Expected::DrugOrRegimen => {
                Suggestions::for_text(self.unresolved(), self.expected)
            }
            _ => Suggestions::default(),
        }
    }
}

/// Up to three suggestions for an unknown name, closest first.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Suggestions {
    ranked: [Option<Therapy>; 3],
    next: usize,
}

impl Suggestions {
    fn for_text(text: &str, expected: Expected) -> Suggestions {
        let mut buf = [0u8; MAX_FOLDED];
        let Some(len) = text::fold(text.as_bytes(), &mut buf) else {
            return Suggestions::default();
        };
        let wrong = &buf[..len];
        // (distance, slot) of the best three distinct entries.
        let mut best: [Option<(usize, usize, Named)>; 3] = [None; 3];
        for (slot, (key, named)) in NAME_SLOTS.iter().enumerate() {
            let Some(named) = *named else { continue };
            let wanted = !matches!(
                (expected, named),
                (Expected::Drug, Named::Regimen(_)) | (Expected::Regimen, Named::Drug(_))
            );
            let Some(distance) = text::edit_distance(wrong, key) else {
                continue;
            };
            if !wanted || !text::is_close(distance, wrong.len().max(key.len())) {
                continue;
            }
            insert_ranked(&mut best, (distance, slot, named));
        }
        let mut ranked = [None; 3];
        for (out, entry) in ranked.iter_mut().zip(best) {
            *out = entry.map(|(_, _, named)| match named {
                Named::Drug(d) => Therapy::Drug(d),
                Named::Regimen(r) => Therapy::Regimen(r),
            });
        }
        Suggestions { ranked, next: 0 }
    }
}

/// Keeps the three closest distinct entries, ordered by distance then table order.
fn insert_ranked(best: &mut [Option<(usize, usize, Named)>; 3], candidate: (usize, usize, Named)) {
    if let Some(position) = best
        .iter()
        .position(|b| matches!(b, Some((_, _, n)) if *n == candidate.2))
    {
        if best[position].is_some_and(|b| (b.0, b.1) <= (candidate.0, candidate.1)) {
            return;
        }
        best[position] = None;
        best[position..].rotate_left(1);
    }
    let at = best
        .iter()
        .position(|b| b.is_none_or(|b| (candidate.0, candidate.1) < (b.0, b.1)));
    if let Some(at) = at {
        best[at..].rotate_right(1);
        best[at] = Some(candidate);
    }
}

impl Iterator for Suggestions {
    type Item = Therapy;

    fn next(&mut self) -> Option<Therapy> {
        let item = *self.ranked.get(self.next)?;
        self.next += 1;
        item
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
        write!(
            f,
            "unknown {} `{}`",
            self.expected.describe(),
            self.unresolved
        )?;
        if self.unresolved != self.input {
            write!(f, " in `{}`", self.input)?;
        }
        for (i, s) in self.suggestions().enumerate() {
            f.write_str(if i == 0 { " (did you mean " } else { " or " })?;
            fmt::Display::fmt(&s.name(), f)?;
        }
        if self.suggestions().next().is_some() {
            f.write_str("?)")?;
        }
        Ok(())
    }
}

impl core::error::Error for ParseError {}

impl Therapy {
    /// How a person would write it: a drug's generic name, a regimen's acronym, or a
    /// combination's drugs.
    pub fn name(self) -> TherapyName {
        TherapyName(self)
    }
}

/// Displays a [`Therapy`] as a person writes it; see [`Therapy::name`].
#[derive(Clone, Copy, Debug)]
pub struct TherapyName(Therapy);

impl fmt::Display for TherapyName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Therapy::Drug(d) => f.write_str(d.generic_name()),
            Therapy::Regimen(r) => f.write_str(r.acronym()),
            Therapy::Combination(set) => fmt::Display::fmt(&set, f),
        }
    }
}
