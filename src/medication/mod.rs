//! Medication lines as records write them: the drug, strength, unit, route, dose form and schedule
//! of one line of text (`Revlimid 25 mg PO daily`, `lenalidomide 10 MG Oral Capsule [Revlimid]`),
//! read without allocating.
//!
//! The line is split into tokens ([`lexer`]); units, routes, forms and schedule words are read
//! where they stand ([`strength`], [`route`], [`form`], [`schedule`]), a word's phrases found by
//! its first word in one table ([`keyword`]); the remaining words are tried
//! as drug names through the resolver, longest run first ([`name`]); [`parse`] puts it together,
//! and `parse/dose.rs` assembles the dose's parts (step-up, co-formulation, volume).
//! Every byte of the line ends up in exactly one [`Segment`] or in the whitespace between two.

mod form;
mod keyword;
mod lexer;
mod name;
mod parse;
mod route;
mod schedule;
mod strength;

use core::fmt;

pub use form::DoseForm;
pub use route::{LineRoute, RouteSource};
pub use schedule::{Days, Frequency};
pub use strength::{Amount, Strength, Unit};

use crate::{Drug, ParseError};

/// A byte range of a line: `start..end`, as `u32` offsets, so that a span is eight bytes and a
/// parsed line small to build and copy ([`Medication::parse`] reads lines of up to `u32::MAX`
/// bytes). [`Span::of`] gives its text, [`Span::range`] the range to index the line with.
///
/// ```
/// use myeloma::Span;
/// let line = "Revlimid 25 mg";
/// assert_eq!(Span::new(0, 8).of(line), "Revlimid");
/// assert_eq!(&line[Span::new(9, 14).range()], "25 mg");
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    /// The first byte.
    pub start: u32,
    /// The byte after the last.
    pub end: u32,
}

impl Span {
    /// The span `start..end`.
    pub const fn new(start: u32, end: u32) -> Span {
        Span { start, end }
    }

    /// The span as a range of `usize`, to index the line with.
    pub const fn range(self) -> core::ops::Range<usize> {
        self.start as usize..self.end as usize
    }

    /// The text of `line` in the span, or `""` if the span is not in it.
    pub fn of(self, line: &str) -> &str {
        line.get(self.range()).unwrap_or_default()
    }

    /// The length in bytes.
    pub const fn len(self) -> usize {
        self.end.saturating_sub(self.start) as usize
    }

    /// Whether it is empty.
    pub const fn is_empty(self) -> bool {
        self.len() == 0
    }
}

/// The span as a range, to index the line with; see [`Span::range`].
///
/// ```
/// use myeloma::Span;
/// let line = "Revlimid 25 mg";
/// assert_eq!(&line[core::ops::Range::from(Span::new(9, 14))], "25 mg");
/// ```
impl From<Span> for core::ops::Range<usize> {
    fn from(span: Span) -> core::ops::Range<usize> {
        span.range()
    }
}

/// What a [`Segment`] of a line was read as.
///
/// ```
/// use myeloma::{Medication, SegmentKind};
/// let line = "Revlimid 25 mg PO daily x21d";
/// let kinds: Vec<(SegmentKind, &str)> = Medication::parse(line)?
///     .segments()
///     .iter()
///     .map(|s| (s.kind, s.span.of(line)))
///     .collect();
/// assert_eq!(
///     kinds,
///     [
///         (SegmentKind::Drug, "Revlimid"),
///         (SegmentKind::Strength, "25 mg"),
///         (SegmentKind::Route, "PO"),
///         (SegmentKind::Schedule, "daily"),
///         (SegmentKind::Unparsed, "x21d"),
///     ]
/// );
/// # Ok::<(), myeloma::MedicationError>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum SegmentKind {
    /// The drug's name.
    Drug,
    /// A drug's name in brackets, brackets included: RxNorm's brand after the generic
    /// (`[Revlimid]`), a brand or generic in parentheses (`(VELCADE)`, `(lenalidomide)`).
    Brand,
    /// A strength, or several sharing a unit (`20/56 mg/m2`).
    Strength,
    /// What joins the parts of a dose (`then`, `/`).
    Joiner,
    /// The volume a dose is in (`15 mL` in `1,800 mg/15 mL`).
    Volume,
    /// Another ingredient of a co-formulation (`hyaluronidase-fihj`).
    Ingredient,
    /// A route.
    Route,
    /// A dose form.
    Form,
    /// Schedule words (`daily`, `days 1-21`).
    Schedule,
    /// Text that was not understood, kept as written.
    Unparsed,
}

/// A piece of a line and what it was read as. A line's segments are in order, do not overlap, and
/// with the whitespace between them make up the whole line.
///
/// ```
/// use myeloma::Medication;
/// let line = "  bortezomib 1.3 mg/m2  SC (home)";
/// let m = Medication::parse(line)?;
/// let mut rebuilt = String::new();
/// let mut at = 0;
/// for segment in m.segments() {
///     let range = segment.span.range();
///     rebuilt.push_str(&line[at..range.start]); // whitespace only
///     rebuilt.push_str(&line[range.clone()]);
///     at = range.end;
/// }
/// rebuilt.push_str(&line[at..]);
/// assert_eq!(rebuilt, line);
/// # Ok::<(), myeloma::MedicationError>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Segment {
    /// What it is.
    pub kind: SegmentKind,
    /// Where it is.
    pub span: Span,
}

/// What a dose is of.
///
/// ```
/// use myeloma::{Dosing, Ingredient, Medication, Unit};
/// let line = "daratumumab 1800 MG / hyaluronidase-fihj 30000 UNT";
/// let m = Medication::parse(line)?;
/// assert_eq!(m.dosing(), Some(Dosing::CoFormulation));
/// let [daratumumab, other] = m.doses() else { unreachable!() };
/// assert_eq!(daratumumab.ingredient, Ingredient::LineDrug);
/// assert_eq!(daratumumab.span.of(line), "1800 MG");
/// let Ingredient::Named(name) = other.ingredient else { unreachable!() };
/// assert_eq!((name.of(line), other.strength.unit), ("hyaluronidase-fihj", Unit::Units));
/// # Ok::<(), myeloma::MedicationError>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Ingredient {
    /// The line's drug.
    LineDrug,
    /// Another ingredient of a co-formulation, named in the line (`hyaluronidase-fihj`).
    Named(Span),
    /// Another ingredient of a co-formulation, not named where its strength is
    /// (`daratumumab and hyaluronidase-fihj 1800 mg/30,000 units`).
    Unnamed,
}

/// One part of a line's dose: a strength, what it is of, and where it was read (the number, or the
/// number and its unit when the unit is not shared).
///
/// ```
/// use myeloma::Medication;
/// let line = "carfilzomib 20/56 mg/m2 IV";
/// let m = Medication::parse(line)?;
/// let read: Vec<(String, &str)> =
///     m.doses().iter().map(|d| (d.strength.to_string(), d.span.of(line))).collect();
/// assert_eq!(read, [("20 mg/m2".to_string(), "20"), ("56 mg/m2".to_string(), "56")]);
/// # Ok::<(), myeloma::MedicationError>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct DosePart {
    /// The strength.
    pub strength: Strength,
    /// Of what.
    pub ingredient: Ingredient,
    /// Where.
    pub span: Span,
}

/// How the parts of a dose relate.
///
/// ```
/// use myeloma::{Dosing, Medication};
/// let dosing = |line| Medication::parse(line).unwrap().dosing();
/// assert_eq!(dosing("Revlimid 25 mg"), Some(Dosing::Single));
/// assert_eq!(dosing("talquetamab 0.06 mg/kg then 0.4 mg/kg SC"), Some(Dosing::StepUp));
/// assert_eq!(dosing("daratumumab 1800 mg/30,000 units SC"), Some(Dosing::CoFormulation));
/// assert_eq!(dosing("Revlimid PO daily"), None);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Dosing {
    /// One strength.
    Single,
    /// Strengths given one after another, as step-up dosing (`20/56 mg/m2`,
    /// `0.06 mg/kg then 0.4 mg/kg`).
    StepUp,
    /// Strengths of the ingredients of one product
    /// (`daratumumab 1800 MG / hyaluronidase-fihj 30000 UNT`).
    CoFormulation,
}

/// A part of a medication line that can be in conflict with itself; see [`Conflict`].
///
/// ```
/// use myeloma::{Medication, Part};
/// let m = Medication::parse("dexamethasone 20 mg 40 mg PO IV daily weekly")?;
/// let parts: Vec<Part> = m.conflicts().map(|c| c.part).collect();
/// assert_eq!(parts, [Part::Strength, Part::Route, Part::Frequency]);
/// assert_eq!((m.strength(), m.route(), m.frequency()), (None, None, None));
/// # Ok::<(), myeloma::MedicationError>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Part {
    /// Two drugs, or a bracketed brand of another drug.
    Drug,
    /// Two strengths that are not a step-up or a co-formulation.
    Strength,
    /// Two routes, or a written route that the dose form rules out.
    Route,
    /// Two dose forms.
    Form,
    /// Two frequencies.
    Frequency,
    /// Two lists of days.
    Days,
    /// Two cycle lengths.
    Cycle,
}

/// Two places in a line that say different things about the same part. The part is then left
/// unread (its accessor gives `None`) rather than one side being picked; the drug is the exception:
/// it stays the first named.
///
/// ```
/// use myeloma::{Medication, Part};
/// let line = "dexamethasone 20 mg PO IV";
/// let m = Medication::parse(line)?;
/// assert_eq!(m.route(), None);
/// let conflict = m.conflicts().next().unwrap();
/// assert_eq!(conflict.part, Part::Route);
/// assert_eq!((conflict.first.of(line), conflict.second.of(line)), ("PO", "IV"));
/// # Ok::<(), myeloma::MedicationError>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Conflict {
    /// Which part.
    pub part: Part,
    /// What was read first.
    pub first: Span,
    /// What disagrees with it.
    pub second: Span,
}

/// The most parts a dose is read into. A longer dose is not read as one, and nothing of it is
/// dropped: a part joined by `then` past the fourth is read as a second dose (a [`Part::Strength`]
/// conflict), and a list of five amounts (`10/20/30/40/50 mg`) is left unparsed.
///
/// ```
/// use myeloma::{Medication, MAX_DOSES};
/// let four = Medication::parse("carfilzomib 20/27/36/56 mg/m2 IV")?;
/// assert_eq!(four.doses().len(), MAX_DOSES);
/// let five = Medication::parse("carfilzomib 10/20/30/40/50 mg IV")?;
/// assert!(five.doses().is_empty());
/// assert_eq!(five.unparsed().collect::<Vec<_>>(), ["10/20/30/40/50 mg"]);
/// # Ok::<(), myeloma::MedicationError>(())
/// ```
pub const MAX_DOSES: usize = 4;

/// The most conflicts kept; see [`Medication::more_conflicts`].
///
/// ```
/// use myeloma::{Medication, Part, MAX_CONFLICTS};
/// let line = "dexamethasone (Revlimid) 20 mg 40 mg PO IV tablet capsule daily weekly";
/// let m = Medication::parse(line)?;
/// let parts: Vec<Part> = m.conflicts().map(|c| c.part).collect();
/// assert_eq!(parts.len(), MAX_CONFLICTS);
/// assert_eq!(parts, [Part::Drug, Part::Strength, Part::Route, Part::Form]);
/// assert!(m.more_conflicts()); // the frequencies disagree too
/// assert_eq!(m.frequency(), None);
/// # Ok::<(), myeloma::MedicationError>(())
/// ```
pub const MAX_CONFLICTS: usize = 4;

/// One medication line, read: the drug, its dose, route, form and schedule, the conflicts found,
/// and every segment of the text. Borrows the line; allocates nothing.
///
/// ```
/// use myeloma::{Drug, Frequency, Medication, Route, RouteSource, Unit};
///
/// let m = Medication::parse("Revlimid 25 mg PO daily")?;
/// assert_eq!(m.drug(), Drug::Lenalidomide);
/// let strength = m.strength().unwrap();
/// assert_eq!((strength.amount.to_string(), strength.unit), ("25".to_string(), Unit::Mg));
/// assert_eq!(m.route().map(|r| (r.route, r.source)), Some((Route::Oral, RouteSource::Written)));
/// assert_eq!(m.frequency(), Some(Frequency::Daily));
/// assert_eq!(m.unparsed().count(), 0);
/// # Ok::<(), myeloma::MedicationError>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Medication<'a> {
    input: &'a str,
    drug: Drug,
    drug_span: Span,
    brand: Option<Span>,
    doses: [DosePart; MAX_DOSES],
    /// A byte, as `segment_count`: the result is moved to the caller whole, and two `usize` counts
    /// made it a block of 32 bytes longer. No count passes `MAX_TOKENS` (asserted at most 64 in
    /// `parse.rs`).
    dose_count: u8,
    dosing: Option<Dosing>,
    volume: Option<(Amount, Span)>,
    route: Option<LineRoute>,
    form: Option<(DoseForm, Span)>,
    frequency: Option<(Frequency, Span)>,
    days: Option<(Days, Span)>,
    cycle: Option<(u16, Span)>,
    conflicts: [Option<Conflict>; MAX_CONFLICTS],
    more_conflicts: bool,
    segments: [Segment; lexer::MAX_TOKENS],
    segment_count: u8,
}

impl<'a> Medication<'a> {
    /// Reads one medication line.
    ///
    /// Text that is not understood is kept as [`SegmentKind::Unparsed`] segments, never an error;
    /// conflicting parts are listed in [`Medication::conflicts`]. The line is an error only when it
    /// names no catalogue drug: [`MedicationError::UnknownDrug`] carries the resolver's suggestions
    /// (or, past `u32::MAX` bytes, when it is too long for a [`Span`]).
    ///
    /// ```
    /// use myeloma::{Drug, Medication, MedicationError};
    /// let error = Medication::parse("bortezimib 1.3 mg/m2 SC").unwrap_err();
    /// let MedicationError::UnknownDrug(unknown) = error else { panic!() };
    /// assert_eq!(unknown.unresolved(), "bortezimib");
    /// assert_eq!(unknown.suggestions().next().map(|s| s.therapy()), Some(myeloma::Therapy::Drug(Drug::Bortezomib)));
    /// ```
    // Inlined, and the result read into in place, so that it is built where the caller keeps it
    // rather than copied there.
    #[inline]
    pub fn parse(line: &'a str) -> Result<Medication<'a>, MedicationError> {
        let mut result = Err(MedicationError::NoDrugName);
        parse::parse_into(line, &mut result);
        result
    }

    /// The line as given.
    pub fn input(&self) -> &'a str {
        self.input
    }

    /// The drug; when the line names two, the first (see [`Medication::conflicts`]).
    pub fn drug(&self) -> Drug {
        self.drug
    }

    /// Where the drug is named.
    pub fn drug_span(&self) -> Span {
        self.drug_span
    }

    /// A bracketed name that agrees with the drug (`[Revlimid]`, `(lenalidomide)`), brackets
    /// included. A bracketed name of another drug is a [`Conflict`] instead; one that is the
    /// line's only name is the drug.
    pub fn brand(&self) -> Option<Span> {
        self.brand
    }

    /// The parts of the dose, in the order written; empty when there is none or when two strengths
    /// disagree.
    pub fn doses(&self) -> &[DosePart] {
        self.doses
            .get(..usize::from(self.dose_count))
            .unwrap_or_default()
    }

    /// How the dose's parts relate; `None` when there is no dose.
    pub fn dosing(&self) -> Option<Dosing> {
        self.dosing
    }

    /// The strength when the dose is one strength of the line's drug; `None` for step-up doses,
    /// co-formulations, conflicts and lines without one.
    pub fn strength(&self) -> Option<Strength> {
        match (self.dosing, self.doses()) {
            (Some(Dosing::Single), [only]) => Some(only.strength),
            _ => None,
        }
    }

    /// The volume in millilitres that the dose is in, where the line gives one after the strength
    /// (`1,800 mg/15 mL`, the label's way of writing a vial); `None` otherwise or when the
    /// strengths are in conflict.
    ///
    /// ```
    /// use myeloma::{Amount, Medication};
    /// let m = Medication::parse("daratumumab 1,800 mg/15 mL SC")?;
    /// assert_eq!(m.volume_ml(), Some(Amount::from_thousandths(15_000)));
    /// assert_eq!(m.strength().map(|s| s.to_string()), Some("1800 mg".into()));
    /// # Ok::<(), myeloma::MedicationError>(())
    /// ```
    pub fn volume_ml(&self) -> Option<Amount> {
        self.volume.map(|(v, _)| v)
    }

    /// The route, written or implied by the dose form; `None` when absent or in conflict.
    pub fn route(&self) -> Option<LineRoute> {
        self.route
    }

    /// The dose form; `None` when absent or in conflict.
    pub fn form(&self) -> Option<DoseForm> {
        self.form.map(|(f, _)| f)
    }

    /// Where the dose form was read.
    pub fn form_span(&self) -> Option<Span> {
        self.form.map(|(_, s)| s)
    }

    /// How often; `None` when absent or in conflict.
    pub fn frequency(&self) -> Option<Frequency> {
        self.frequency.map(|(f, _)| f)
    }

    /// Which days of a cycle; `None` when absent or in conflict.
    pub fn days(&self) -> Option<Days> {
        self.days.map(|(d, _)| d)
    }

    /// The length of the treatment cycle in days: `28-day cycle`, or an interval such as `q28d`
    /// when the line also gives a frequency or days within it (`days 1-21 q28d`). An interval alone
    /// is the [`Medication::frequency`]. `None` when absent or in conflict.
    pub fn cycle_days(&self) -> Option<u16> {
        self.cycle.map(|(d, _)| d)
    }

    /// Parts that the line states twice, differently; the first [`MAX_CONFLICTS`].
    pub fn conflicts(&self) -> impl Iterator<Item = Conflict> + '_ {
        self.conflicts.iter().map_while(|c| *c)
    }

    /// Whether more than [`MAX_CONFLICTS`] conflicts were found.
    pub fn more_conflicts(&self) -> bool {
        self.more_conflicts
    }

    /// Every segment of the line, in order.
    pub fn segments(&self) -> &[Segment] {
        self.segments
            .get(..usize::from(self.segment_count))
            .unwrap_or_default()
    }

    /// The text that was not understood, in order.
    pub fn unparsed(&self) -> impl Iterator<Item = &'a str> + '_ {
        let input = self.input;
        self.segments()
            .iter()
            .filter(|s| s.kind == SegmentKind::Unparsed)
            .map(move |s| s.span.of(input))
    }
}

/// Why a line could not be read.
///
/// ```
/// use myeloma::{Medication, MedicationError};
/// assert_eq!(Medication::parse("25 mg PO daily"), Err(MedicationError::NoDrugName));
/// let error = Medication::parse("Revlimd 25 mg").unwrap_err();
/// assert_eq!(
///     error.to_string(),
///     "unknown drug name `Revlimd` in `Revlimd 25 mg` (did you mean lenalidomide?)"
/// );
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum MedicationError {
    /// Its words name no catalogue drug; the error has the words tried and suggestions. A word
    /// that names several entries (`LMWH`: enoxaparin, dalteparin, tinzaparin) is reported as
    /// ambiguous ([`ParseError::is_ambiguous`]), with what it may mean.
    UnknownDrug(ParseError),
    /// It has no word that could be a drug's name (an empty line, `25 mg PO daily`).
    NoDrugName,
    /// It is longer than a [`Span`] can reach: more than `u32::MAX` bytes.
    ///
    /// ```
    /// # use myeloma::MedicationError;
    /// assert_eq!(MedicationError::TooLong.to_string(), "the medication line is longer than 4 GiB");
    /// ```
    TooLong,
}

impl fmt::Display for MedicationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            MedicationError::UnknownDrug(error) => fmt::Display::fmt(error, f),
            MedicationError::NoDrugName => f.write_str("no drug name in the medication line"),
            MedicationError::TooLong => f.write_str("the medication line is longer than 4 GiB"),
        }
    }
}

impl core::error::Error for MedicationError {
    fn source(&self) -> Option<&(dyn core::error::Error + 'static)> {
        match self {
            MedicationError::UnknownDrug(error) => Some(error),
            MedicationError::NoDrugName | MedicationError::TooLong => None,
        }
    }
}
