//! The records a history is derived from: drug exposures, procedures, progressions, diagnosis.

use core::fmt;
use core::str::FromStr;

use super::{Date, Params};
use crate::Drug;

/// How an exposure was recorded.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ExposureKind {
    /// A dose given (infusion, injection, a dose taken in clinic): covers its own day, or up to
    /// its end date when one is given.
    Administration,
    /// A pharmacy fill: covers `days_supply` days from its date
    /// ([`Params::default_days_supply`] when missing or zero).
    Dispensing,
}

/// One drug exposure: a drug (any of its written names resolves to it through
/// [`Drug::from_name`] or [`resolve`](crate::resolve)), a start date, and how long it covers.
///
/// ```
/// use myeloma::history::{Date, Exposure, Params};
/// use myeloma::Drug;
/// let fill = Exposure::dispensing(Drug::Lenalidomide, "2024-01-08".parse()?, Some(21));
/// assert_eq!(fill.covered_until(&Params::default()).to_string(), "2024-01-28");
/// let dose = Exposure::administration(Drug::Bortezomib, "2024-01-08".parse()?);
/// assert_eq!(dose.covered_until(&Params::default()).to_string(), "2024-01-08");
/// # Ok::<(), myeloma::history::DateError>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Exposure {
    /// The drug.
    pub drug: Drug,
    /// The first day covered.
    pub start: Date,
    /// The last day covered, when the record gives one (an infusion over several days, a
    /// dispensing's end date). Ignored for a dispensing with a days' supply.
    pub end: Option<Date>,
    /// Days supplied, for a dispensing.
    pub days_supply: Option<u32>,
    /// How it was recorded.
    pub kind: ExposureKind,
}

impl Exposure {
    /// A dose given on `date`.
    pub const fn administration(drug: Drug, date: Date) -> Exposure {
        Exposure {
            drug,
            start: date,
            end: None,
            days_supply: None,
            kind: ExposureKind::Administration,
        }
    }

    /// A pharmacy fill on `date` for `days_supply` days.
    pub const fn dispensing(drug: Drug, date: Date, days_supply: Option<u32>) -> Exposure {
        Exposure {
            drug,
            start: date,
            end: None,
            days_supply,
            kind: ExposureKind::Dispensing,
        }
    }

    /// The last day covered (definition 1 of the reference): an administration covers its own day
    /// (or up to its end date); a dispensing covers `start` to `start + days_supply - 1`, with
    /// [`Params::default_days_supply`] when the supply is missing or zero and no end date is given.
    /// Never before `start`.
    pub fn covered_until(&self, params: &Params) -> Date {
        let end = match (self.kind, self.days_supply, self.end) {
            (ExposureKind::Dispensing, Some(days), _) if days > 0 => {
                self.start.add_days(clamp_days(days) - 1)
            }
            (_, _, Some(end)) => end,
            (ExposureKind::Dispensing, _, None) => self
                .start
                .add_days(clamp_days(params.default_days_supply).max(1) - 1),
            (ExposureKind::Administration, _, None) => self.start,
        };
        end.max(self.start)
    }
}

fn clamp_days(days: u32) -> i32 {
    i32::try_from(days.min(100_000)).unwrap_or(100_000)
}

/// A kind of procedure.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum ProcedureKind {
    /// Autologous stem cell transplant.
    AutoSct,
    /// Allogeneic stem cell transplant.
    AlloSct,
    /// Apheresis: stem-cell collection before a transplant, or leukapheresis before CAR-T.
    Apheresis,
    /// CAR-T cell infusion.
    CarTInfusion,
}

impl ProcedureKind {
    /// Whether it is a stem cell transplant, autologous or allogeneic.
    pub const fn is_transplant(self) -> bool {
        matches!(self, ProcedureKind::AutoSct | ProcedureKind::AlloSct)
    }
}

crate::ids::coded! {
    ProcedureKind, "The id, as a CSV writes it: `autologous-sct`, `allogeneic-sct`, `apheresis`, `car-t-infusion`." {
        AutoSct => "autologous-sct",
        AlloSct => "allogeneic-sct",
        Apheresis => "apheresis",
        CarTInfusion => "car-t-infusion",
    }
}

/// Written forms, compared ignoring case, spaces, hyphens, underscores and dots.
const PROCEDURE_NAMES: &[(&str, ProcedureKind)] = &[
    ("asct", ProcedureKind::AutoSct),
    ("autosct", ProcedureKind::AutoSct),
    ("autologoussct", ProcedureKind::AutoSct),
    ("autohsct", ProcedureKind::AutoSct),
    ("autologoushsct", ProcedureKind::AutoSct),
    ("autologousstemcelltransplant", ProcedureKind::AutoSct),
    ("autologoustransplant", ProcedureKind::AutoSct),
    ("sct", ProcedureKind::AutoSct),
    ("allosct", ProcedureKind::AlloSct),
    ("allogeneicsct", ProcedureKind::AlloSct),
    ("allohsct", ProcedureKind::AlloSct),
    ("allogeneichsct", ProcedureKind::AlloSct),
    ("allogeneicstemcelltransplant", ProcedureKind::AlloSct),
    ("allogeneictransplant", ProcedureKind::AlloSct),
    ("apheresis", ProcedureKind::Apheresis),
    ("leukapheresis", ProcedureKind::Apheresis),
    ("stemcellcollection", ProcedureKind::Apheresis),
    ("cart", ProcedureKind::CarTInfusion),
    ("cartinfusion", ProcedureKind::CarTInfusion),
    ("cartcellinfusion", ProcedureKind::CarTInfusion),
    ("cartcelltherapy", ProcedureKind::CarTInfusion),
];

impl FromStr for ProcedureKind {
    type Err = ProcedureKindError;

    /// Reads `ASCT`, `auto-SCT`, `autologous-sct`, `allo-SCT`, `allogeneic-sct`, `apheresis`,
    /// `leukapheresis`, `CAR-T`, `car-t-infusion` and similar, in any case.
    ///
    /// ```
    /// use myeloma::history::ProcedureKind;
    /// assert_eq!("auto-SCT".parse(), Ok(ProcedureKind::AutoSct));
    /// assert_eq!("CAR-T".parse(), Ok(ProcedureKind::CarTInfusion));
    /// assert!("appendectomy".parse::<ProcedureKind>().is_err());
    /// ```
    fn from_str(text: &str) -> Result<ProcedureKind, ProcedureKindError> {
        let mut folded = [0u8; 32];
        let mut len = 0;
        for c in text.bytes() {
            if matches!(c, b' ' | b'-' | b'_' | b'.' | b'/' | b'\t') {
                continue;
            }
            if len == folded.len() {
                return Err(ProcedureKindError);
            }
            folded[len] = c.to_ascii_lowercase();
            len += 1;
        }
        let folded = &folded[..len];
        PROCEDURE_NAMES
            .iter()
            .find(|(name, _)| name.as_bytes() == folded)
            .map(|&(_, kind)| kind)
            .ok_or(ProcedureKindError)
    }
}

/// Text that names no [`ProcedureKind`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ProcedureKindError;

impl fmt::Display for ProcedureKindError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(
            "unknown procedure (expected autologous-sct, allogeneic-sct, apheresis or car-t-infusion, or a short form such as ASCT, auto-SCT, allo-SCT, CAR-T)",
        )
    }
}

impl core::error::Error for ProcedureKindError {}

/// A procedure on a date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Procedure {
    /// What was done.
    pub kind: ProcedureKind,
    /// When.
    pub date: Date,
}

/// One record of a person's history.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Record {
    /// A drug exposure.
    Exposure(Exposure),
    /// A procedure.
    Procedure(Procedure),
    /// A documented progression of the disease on this date.
    Progression(Date),
    /// The date of diagnosis.
    Diagnosis(Date),
}

/// One person's records, in any order. Build it with [`push`](Self::push), then derive the lines
/// with [`lines_of_therapy`](super::lines_of_therapy).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Records {
    /// Drug exposures.
    pub exposures: alloc::vec::Vec<Exposure>,
    /// Procedures.
    pub procedures: alloc::vec::Vec<Procedure>,
    /// Documented progressions.
    pub progressions: alloc::vec::Vec<Date>,
    /// The date of diagnosis (the earliest, when several are given).
    pub diagnosis: Option<Date>,
}

impl Records {
    /// No records.
    pub const fn new() -> Records {
        Records {
            exposures: alloc::vec::Vec::new(),
            procedures: alloc::vec::Vec::new(),
            progressions: alloc::vec::Vec::new(),
            diagnosis: None,
        }
    }

    /// Adds a record.
    #[inline] // called once a row, from the caller's crate (`by_person` is generic)
    pub fn push(&mut self, record: Record) {
        match record {
            Record::Exposure(e) => self.exposures.push(e),
            Record::Procedure(p) => self.procedures.push(p),
            Record::Progression(d) => self.progressions.push(d),
            Record::Diagnosis(d) => {
                self.diagnosis = Some(self.diagnosis.map_or(d, |old| old.min(d)));
            }
        }
    }

    /// Empties it, keeping its memory for the next person.
    pub fn clear(&mut self) {
        self.exposures.clear();
        self.procedures.clear();
        self.progressions.clear();
        self.diagnosis = None;
    }

    /// The number of records held.
    pub fn len(&self) -> usize {
        self.exposures.len()
            + self.procedures.len()
            + self.progressions.len()
            + usize::from(self.diagnosis.is_some())
    }

    /// Whether it holds no record.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

impl Extend<Record> for Records {
    fn extend<I: IntoIterator<Item = Record>>(&mut self, records: I) {
        for r in records {
            self.push(r);
        }
    }
}

impl FromIterator<Record> for Records {
    fn from_iter<I: IntoIterator<Item = Record>>(records: I) -> Records {
        let mut out = Records::new();
        out.extend(records);
        out
    }
}
