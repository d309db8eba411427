//! What the rules produce: lines of therapy, their phases and drugs, and why each cut was made.

use alloc::vec::Vec;
use core::fmt;

use super::{Date, Procedure};
use crate::DrugRole;
use crate::{Drug, DrugSet, Regimen, Therapy};

/// A rule of the reference's rule set; every decision records the one it applied.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum Rule {
    /// Episodes: a drug's exposures merge while the gap is shorter than the discontinuation gap.
    N1,
    /// Line start: the first line-defining exposure, SCT or CAR-T leukapheresis.
    S1,
    /// Base regimen: drugs starting inside the regimen window while the line is covered join it.
    S2,
    /// Drop: the line goes on while any of its drugs goes on.
    S3,
    /// Short first regimen: a line shorter than one cycle followed by a switch is not counted.
    S4,
    /// Resume: a held drug of the line started again stays in the line.
    S5,
    /// Switch: every drug of the line stopped, a different line-defining drug starts.
    X1,
    /// Addition: a new line-defining drug starts after the regimen window while the line goes on.
    X2,
    /// Restart after a drug-free gap of at least the discontinuation gap.
    X3,
    /// Progression override: therapy starting on or after a supplied progression.
    X4,
    /// First transplant: belongs to the line it falls in or follows closely.
    M1,
    /// Consolidation and maintenance after a transplant.
    M2,
    /// Tandem and later transplants.
    M3,
    /// Pre-transplant agents: conditioning, mobilisation, stem-cell apheresis.
    M4,
    /// CAR-T: leukapheresis, bridging, lymphodepletion and infusion make one new line.
    C1,
    /// Line end and end reason.
    E1,
    /// Refractoriness.
    R1,
    /// A `TreatmentHistory` as of a date.
    H1,
}

crate::ids::coded! {
    Rule, "The rule id, such as `X2`, as the rules of the lines-of-therapy reference number them." {
        N1 => "N1",
        S1 => "S1",
        S2 => "S2",
        S3 => "S3",
        S4 => "S4",
        S5 => "S5",
        X1 => "X1",
        X2 => "X2",
        X3 => "X3",
        X4 => "X4",
        M1 => "M1",
        M2 => "M2",
        M3 => "M3",
        M4 => "M4",
        C1 => "C1",
        E1 => "E1",
        R1 => "R1",
        H1 => "H1",
    }
}

/// Why a line ended (rule E1).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum EndReason {
    /// A different drug started when no exposure of the line covered the day.
    Switch,
    /// A new drug started while an exposure of the line covered the day.
    Addition,
    /// Therapy resumed after every drug had been stopped for the discontinuation gap.
    RestartAfterGap,
    /// Therapy started on or after a supplied progression.
    Progression,
    /// A transplant that is neither the line's first nor a planned tandem.
    LaterTransplant,
    /// A CAR-T line began.
    CarT,
    /// No later line is recorded: the last line, which may still be running.
    Ongoing,
}

crate::ids::coded! {
    EndReason, "The id, such as `Addition`, as the history CSV writes it." {
        Switch => "Switch",
        Addition => "Addition",
        RestartAfterGap => "RestartAfterGap",
        Progression => "Progression",
        LaterTransplant => "LaterTransplant",
        CarT => "CarT",
        Ongoing => "Ongoing",
    }
}

/// Flags on a line or on one of its drugs.
///
/// ```
/// use myeloma::history::Flags;
/// let flags = Flags::LATE_ADDITION.union(Flags::INFERRED);
/// assert!(flags.contains(Flags::INFERRED));
/// assert_eq!(flags.to_string(), "LateAddition;Inferred");
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Flags(u8);

impl Flags {
    /// No flag.
    pub const NONE: Flags = Flags(0);
    /// S2: a drug joined the base regimen after day 28 of the line (re-cut at 28 or 30 if wanted).
    pub const LATE_ADDITION: Flags = Flags(1);
    /// S4: drugs of a start shorter than one cycle, folded into the line that followed.
    pub const ABORTED_START: Flags = Flags(2);
    /// A cut or a join read from drug data alone where a progression date would settle it: a
    /// restart after a gap (X3, M1), or post-transplant therapy after a drug-free gap (M2).
    pub const INFERRED: Flags = Flags(4);
    /// S5: a held drug of the line started again.
    pub const RESUMED_DRUG: Flags = Flags(8);

    const NAMES: [(Flags, &'static str); 4] = [
        (Flags::LATE_ADDITION, "LateAddition"),
        (Flags::ABORTED_START, "AbortedStart"),
        (Flags::INFERRED, "Inferred"),
        (Flags::RESUMED_DRUG, "ResumedDrug"),
    ];

    /// Both sets of flags.
    #[must_use]
    pub const fn union(self, other: Flags) -> Flags {
        Flags(self.0 | other.0)
    }

    /// Whether every flag of `other` is set.
    pub const fn contains(self, other: Flags) -> bool {
        self.0 & other.0 == other.0
    }

    /// Whether no flag is set.
    pub const fn is_empty(self) -> bool {
        self.0 == 0
    }
}

/// The flags' names joined by `;`, such as `LateAddition;Inferred`.
impl fmt::Display for Flags {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut first = true;
        for (flag, name) in Flags::NAMES {
            if self.contains(flag) {
                if !first {
                    f.write_str(";")?;
                }
                f.write_str(name)?;
                first = false;
            }
        }
        Ok(())
    }
}

/// A phase of a line of therapy (IMWG: a line may be a planned sequence).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum LinePhase {
    /// The line's first treatment: induction, or re-induction in a later line.
    Induction,
    /// A stem cell transplant with its conditioning, mobilisation and stem-cell collection.
    Transplant,
    /// A fixed short course (up to 6 months) of a combination right after a transplant.
    Consolidation,
    /// Continuing therapy after a transplant.
    Maintenance,
    /// Leukapheresis, bridging, lymphodepletion and CAR-T infusion.
    CarT,
}

crate::ids::coded! {
    LinePhase, "The id, such as `maintenance`." {
        Induction => "induction",
        Transplant => "transplant",
        Consolidation => "consolidation",
        Maintenance => "maintenance",
        CarT => "car-t",
    }
}

/// What a drug was given for within its line.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum Purpose {
    /// Treatment of the myeloma (or, for a steroid, part of the regimen).
    Treatment,
    /// M4: melphalan within the conditioning days before a transplant.
    Conditioning,
    /// M4: cyclophosphamide alone within the mobilisation days before a transplant.
    Mobilisation,
    /// C1: fludarabine or cyclophosphamide within the lymphodepletion days before CAR-T.
    Lymphodepletion,
    /// C1: treatment between leukapheresis and CAR-T infusion.
    Bridging,
    /// C1: the CAR-T product itself, given as a drug.
    CarTProduct,
}

crate::ids::coded! {
    Purpose, "The id, such as `conditioning`." {
        Treatment => "treatment",
        Conditioning => "conditioning",
        Mobilisation => "mobilisation",
        Lymphodepletion => "lymphodepletion",
        Bridging => "bridging",
        CarTProduct => "car-t-product",
    }
}

/// One drug's stretch of coverage within a line: an N1 episode, or the part of it that falls in
/// this line when the drug was carried over from the line before.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct LineDrug {
    /// The drug.
    pub drug: Drug,
    /// Its role (line-defining or steroid; supportive drugs are set aside).
    pub role: DrugRole,
    /// The phase it belongs to.
    pub phase: LinePhase,
    /// What it was given for.
    pub purpose: Purpose,
    /// The first day of this stretch.
    pub start: Date,
    /// The last covered day of this stretch.
    pub end: Date,
    /// Flags on this stretch (late addition, aborted start, resumed).
    pub flags: Flags,
}

/// A phase of a line with its dates and regimen.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct PhaseSpan {
    /// Which phase.
    pub phase: LinePhase,
    /// Its first day.
    pub start: Date,
    /// Its last day.
    pub end: Date,
    /// Its line-defining and steroid drugs.
    pub drugs: DrugSet,
    /// Those of its drugs given as transplant or CAR-T agents (conditioning, mobilisation,
    /// lymphodepletion) rather than as treatment.
    pub agents: DrugSet,
}

impl PhaseSpan {
    /// The phase's regimen: the catalogue's [`Regimen`] when the drug set is one
    /// ([`Regimen::from_drugs`]), otherwise the drug or the combination; `None` for a phase with
    /// no drug (a transplant recorded without its conditioning). Agents are left out when the
    /// phase has treatment besides them (bridging Kd with lymphodepleting cyclophosphamide is
    /// Kd), and are the regimen when it has none (melphalan for a transplant).
    pub fn regimen(&self) -> Option<Therapy> {
        let treatment = self.drugs.difference(self.agents);
        therapy(if treatment.is_empty() {
            self.agents
        } else {
            treatment
        })
    }
}

/// A set of drugs as the catalogue names it.
pub(crate) fn therapy(drugs: DrugSet) -> Option<Therapy> {
    if let Some(r) = Regimen::from_drugs(drugs) {
        return Some(Therapy::Regimen(r));
    }
    let mut iter = drugs.iter();
    match (iter.next(), iter.next()) {
        (None, _) => None,
        (Some(d), None) => Some(Therapy::Drug(d)),
        _ => Some(Therapy::Combination(drugs)),
    }
}

/// A decision that did not cut a line, kept so every join can be explained.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct Decision {
    /// When.
    pub date: Date,
    /// The rule applied.
    pub rule: Rule,
    /// The drugs it concerned (empty for a procedure).
    pub drugs: DrugSet,
}

/// A line of therapy.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Line {
    /// 1 for the first line.
    pub number: usize,
    /// Its first day.
    pub start: Date,
    /// Its last day (E1): the last covered day of its drugs before the next line starts, or its
    /// last transplant or CAR-T date if later.
    pub end: Date,
    /// The rule that opened it (S1 for the first line).
    pub opened_by: Rule,
    /// Why it ended.
    pub end_reason: EndReason,
    /// The rule that ended it; `None` for the last line.
    pub ended_by: Option<Rule>,
    /// Its phases, in order.
    pub phases: Vec<PhaseSpan>,
    /// Its drugs, one entry per stretch of coverage, by start date.
    pub drugs: Vec<LineDrug>,
    /// Its transplants, apheresis and CAR-T infusions.
    pub procedures: Vec<Procedure>,
    /// The union of its drugs' flags and its own.
    pub flags: Flags,
    /// Decisions that kept drugs or procedures in the line, with their rules.
    pub decisions: Vec<Decision>,
}

impl Line {
    /// Every line-defining and steroid drug of the line.
    pub fn drug_set(&self) -> DrugSet {
        self.drugs.iter().map(|d| d.drug).collect()
    }

    /// The regimen of its first phase (induction, or CAR-T); see [`PhaseSpan::regimen`].
    pub fn regimen(&self) -> Option<Therapy> {
        self.phases.iter().find_map(PhaseSpan::regimen)
    }

    /// Whether the line has a stem cell transplant.
    pub fn has_transplant(&self) -> bool {
        self.procedures.iter().any(|p| p.kind.is_transplant())
    }
}

/// How a drug came to be counted refractory (rule R1).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum RefractoryBasis {
    /// A supplied progression fell while the drug was covered or within the refractory window
    /// after its last coverage (IMWG).
    Confirmed,
    /// The next line started while the drug was covered or within the refractory window after it
    /// (no progression data; opt-in, this project's choice).
    Inferred,
}

/// A drug the disease is refractory to, from when.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub struct Refractory {
    /// The drug.
    pub drug: Drug,
    /// The date it became refractory: the progression, or the next line's start.
    pub since: Date,
    /// How it is known.
    pub basis: RefractoryBasis,
}

/// One person's lines of therapy, derived from their records by
/// [`lines_of_therapy`](super::lines_of_therapy).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct LinesOfTherapy {
    /// The lines, in order.
    pub lines: Vec<Line>,
    /// Refractoriness, confirmed and inferred, earliest first for each drug and basis.
    pub refractory: Vec<Refractory>,
    /// The supplied progressions, sorted.
    pub progressions: Vec<Date>,
    /// Exposures left out because they start earlier than diagnosis minus the grace days.
    pub before_diagnosis: usize,
    /// Exposures to supportive drugs, set aside.
    pub supportive: usize,
}
