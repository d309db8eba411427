//! serde for the catalogue's records and the library's values (behind the `serde` feature).
//!
//! Every public data type serialises: records field by field, catalogue entries and vocabulary
//! values by their written id, a [`DrugSet`] as the list of its drugs' ids, a [`Therapy`] as the text
//! a person writes (its id, or its drugs joined by `+`). What can be read back is read back through
//! the same parser as `FromStr`: entries and vocabulary values, a [`DrugSet`] (from any drug names),
//! a [`Therapy`] (from any text [`resolve`](crate::resolve) reads) and a [`TreatmentHistory`]
//! (through its builder, so a contradictory history is an error, as it is when built by hand). The
//! records point at `'static` catalogue text, so they serialise but are not read back: read the
//! entry they belong to instead.
//!
//! The impls are written out rather than derived, so that the feature adds serde alone to a user's
//! build and no procedural macro.
//!
//! ```
//! # #[cfg(feature = "serde")] {
//! use myeloma::{Drug, DrugSet, Phase, Therapy, TreatmentHistory};
//! let history = TreatmentHistory::builder(Phase::Relapsed)
//!     .prior_lines(2)
//!     .exposed(DrugSet::EMPTY.with(Drug::Lenalidomide).with(Drug::Bortezomib))
//!     .build()
//!     .unwrap();
//! let json = serde_json::to_string(&history).unwrap();
//! assert_eq!(
//!     json,
//!     r#"{"phase":"relapsed","prior_lines":2,"exposed":["bortezomib","lenalidomide"],"refractory":[],"progressed_on_last":false,"transplant":null}"#
//! );
//! assert_eq!(serde_json::from_str::<TreatmentHistory>(&json).unwrap(), history);
//! // Names as records write them read back too.
//! let therapy: Therapy = serde_json::from_str(r#""Velcade/Revlimid/dex""#).unwrap();
//! assert_eq!(therapy, Therapy::Regimen(myeloma::Regimen::RVd));
//! # }
//! ```

use core::fmt;
use core::marker::PhantomData;
use core::str::FromStr;

use serde::de::{self, MapAccess, SeqAccess, Visitor};
use serde::ser::{SerializeSeq, SerializeStruct, SerializeStructVariant};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::{
    Alias, Approval, AtcMatch, Basis, Component, Drug, DrugSet, Exposure, GivenBy, Indication,
    Note, Page, Passage, Phase, Prerequisites, Product, Reason, Reasons, Refractoriness, Rxcui,
    StatedUse, Therapy, TransplantStatus, TreatmentHistory, Verdict,
};

/// Reads a string through `FromStr`, naming what was expected when it fails.
pub(crate) struct FromStrVisitor<T> {
    what: &'static str,
    ty: PhantomData<T>,
}

impl<T> FromStrVisitor<T> {
    pub(crate) const fn new(what: &'static str) -> Self {
        FromStrVisitor {
            what,
            ty: PhantomData,
        }
    }
}

impl<T: FromStr> Visitor<'_> for FromStrVisitor<T>
where
    T::Err: fmt::Display,
{
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "a {} as text", self.what)
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<T, E> {
        text.parse().map_err(E::custom)
    }
}

/// Serialises a record field by field, under the field's own name.
macro_rules! record {
    ($($ty:ident { $($field:ident),* $(,)? })*) => {$(
        impl Serialize for $ty {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                let fields = [$(stringify!($field)),*].len();
                let mut record = serializer.serialize_struct(stringify!($ty), fields)?;
                $(record.serialize_field(stringify!($field), &self.$field)?;)*
                record.end()
            }
        }
    )*};
}

record! {
    Note { kind, text, sources }
    Passage { text, sources }
    GivenBy { route, wording, source }
    Product { name, ingredients, route, regulator, source }
    Approval { regulator, status, date, what, source }
    Basis { name, source }
    StatedUse { purpose, wording }
    Alias { name, source, ambiguous }
    Component { drug, dose }
    Rxcui { code, status, evidence }
    Indication {
        regulator, status, date, setting, min_prior_lines, max_prior_lines, prior_exposure,
        refractory_to, not_exposed_to, progression_on_last, other, wording, verified, source,
    }
    AtcMatch { drug, retired }
    Page {
        title, publisher, site, copyright, last_medical_review, expert_reviewer, definition,
        planning, coverage, side_effects, side_effect_lists, clot_prevention,
        clot_prevention_guidance, further_information, disclaimer, notes,
    }
}

/// `{"min_prior_lines": .., .., "regulator": ..}`: the rule's regulator is derived from its source.
impl Serialize for Prerequisites {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut record = serializer.serialize_struct("Prerequisites", 8)?;
        record.serialize_field("min_prior_lines", &self.min_prior_lines)?;
        record.serialize_field("max_prior_lines", &self.max_prior_lines)?;
        record.serialize_field("prior_exposure", &self.prior_exposure)?;
        record.serialize_field("progression_on_last", &self.progression_on_last)?;
        record.serialize_field("source", &self.source)?;
        record.serialize_field("regulator", &self.regulator())?;
        record.serialize_field("page_wording", &self.page_wording)?;
        record.serialize_field("page_source", &self.page_source)?;
        record.end()
    }
}

/// `{"drug": id}`, `{"class": id}` or `{"target": id}`, as the JSON export writes exposures.
impl Serialize for Exposure {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut record = serializer.serialize_struct("Exposure", 1)?;
        match self {
            Exposure::Drug(d) => record.serialize_field("drug", d)?,
            Exposure::Class(c) => record.serialize_field("class", c)?,
            Exposure::Target(t) => record.serialize_field("target", t)?,
        }
        record.end()
    }
}

/// An exposure as `{"drug": id}` (and its class and target kin), or `{"last_therapy": true}`.
impl Serialize for Refractoriness {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Refractoriness::To(exposure) => exposure.serialize(serializer),
            Refractoriness::LastTherapy => {
                let mut record = serializer.serialize_struct("Refractoriness", 1)?;
                record.serialize_field("last_therapy", &true)?;
                record.end()
            }
        }
    }
}

/// The ids of its drugs, in catalogue order.
impl Serialize for DrugSet {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut list = serializer.serialize_seq(Some(self.len()))?;
        for drug in self.iter() {
            list.serialize_element(&drug)?;
        }
        list.end()
    }
}

/// A list of drug names or ids; an unknown name is an error that says which.
impl<'de> Deserialize<'de> for DrugSet {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<DrugSet, D::Error> {
        struct Drugs;
        impl<'de> Visitor<'de> for Drugs {
            type Value = DrugSet;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a list of drug names")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<DrugSet, A::Error> {
                let mut set = DrugSet::EMPTY;
                while let Some(drug) = seq.next_element::<Drug>()? {
                    set = set.with(drug);
                }
                Ok(set)
            }
        }
        deserializer.deserialize_seq(Drugs)
    }
}

/// The stable ids: a drug's or regimen's id, or a combination's drug ids joined by ` + `.
impl Serialize for Therapy {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Therapy::Drug(d) => serializer.serialize_str(d.id()),
            Therapy::Regimen(r) => serializer.serialize_str(r.id()),
            Therapy::Combination(set) => serializer.collect_str(&set.ids()),
        }
    }
}

/// Any text [`resolve`](crate::resolve) reads: a name, an acronym, or a list of drugs.
impl<'de> Deserialize<'de> for Therapy {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Therapy, D::Error> {
        deserializer.deserialize_str(FromStrVisitor::<Therapy>::new(
            "drug, regimen or combination",
        ))
    }
}

/// Externally tagged by the condition's kind in kebab case: `{"needs-prior-lines": {"required": 2,
/// "actual": 1}}`; `"needs-progression-on-last"`.
impl Serialize for Reason {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match *self {
            Reason::Setting {
                setting,
                phase,
                transplant,
            } => {
                let mut v = serializer.serialize_struct_variant("Reason", 0, "setting", 3)?;
                v.serialize_field("setting", &setting)?;
                v.serialize_field("phase", &phase)?;
                v.serialize_field("transplant", &transplant)?;
                v.end()
            }
            Reason::NeedsPriorLines { required, actual } => {
                let mut v =
                    serializer.serialize_struct_variant("Reason", 1, "needs-prior-lines", 2)?;
                v.serialize_field("required", &required)?;
                v.serialize_field("actual", &actual)?;
                v.end()
            }
            Reason::TooManyPriorLines { allowed, actual } => {
                let mut v =
                    serializer.serialize_struct_variant("Reason", 2, "too-many-prior-lines", 2)?;
                v.serialize_field("allowed", &allowed)?;
                v.serialize_field("actual", &actual)?;
                v.end()
            }
            Reason::NeedsPriorExposure(exposure) => {
                serializer.serialize_newtype_variant("Reason", 3, "needs-prior-exposure", &exposure)
            }
            Reason::NeedsRefractory(refractoriness) => serializer.serialize_newtype_variant(
                "Reason",
                4,
                "needs-refractory",
                &refractoriness,
            ),
            Reason::Excluded(exposure) => {
                serializer.serialize_newtype_variant("Reason", 5, "excluded", &exposure)
            }
            Reason::NeedsProgressionOnLast => {
                serializer.serialize_unit_variant("Reason", 6, "needs-progression-on-last")
            }
        }
    }
}

/// A list of [`Reason`]s.
impl Serialize for Reasons {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.iter())
    }
}

/// Externally tagged in kebab case: `{"within": INDICATION}`, `{"outside": {"closest":
/// INDICATION, "reasons": [..]}}`, `{"no-indication": INDICATION}` (the entry that says so) or
/// `"not-recorded"`; an indication as the export writes it.
impl Serialize for Verdict {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Verdict::Within(indication) => {
                serializer.serialize_newtype_variant("Verdict", 0, "within", indication)
            }
            Verdict::Outside { closest, reasons } => {
                let mut v = serializer.serialize_struct_variant("Verdict", 1, "outside", 2)?;
                v.serialize_field("closest", closest)?;
                v.serialize_field("reasons", reasons)?;
                v.end()
            }
            Verdict::NoIndication(statement) => {
                serializer.serialize_newtype_variant("Verdict", 2, "no-indication", statement)
            }
            Verdict::NotRecorded => serializer.serialize_unit_variant("Verdict", 3, "not-recorded"),
        }
    }
}

/// A field of a [`TreatmentHistory`], read without allocating whatever the input's lifetime.
enum Field {
    Phase,
    PriorLines,
    Exposed,
    Refractory,
    ProgressedOnLast,
    Transplant,
}

impl<'de> Deserialize<'de> for Field {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Field, D::Error> {
        struct Name;
        impl Visitor<'_> for Name {
            type Value = Field;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a field of a treatment history")
            }
            fn visit_str<E: de::Error>(self, name: &str) -> Result<Field, E> {
                Ok(match name {
                    "phase" => Field::Phase,
                    "prior_lines" => Field::PriorLines,
                    "exposed" => Field::Exposed,
                    "refractory" => Field::Refractory,
                    "progressed_on_last" => Field::ProgressedOnLast,
                    "transplant" => Field::Transplant,
                    other => return Err(E::unknown_field(other, HISTORY_FIELDS)),
                })
            }
        }
        deserializer.deserialize_identifier(Name)
    }
}

const HISTORY_FIELDS: &[&str] = &[
    "phase",
    "prior_lines",
    "exposed",
    "refractory",
    "progressed_on_last",
    "transplant",
];

impl Serialize for TreatmentHistory {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut record = serializer.serialize_struct("TreatmentHistory", HISTORY_FIELDS.len())?;
        record.serialize_field("phase", &self.phase())?;
        record.serialize_field("prior_lines", &self.prior_lines())?;
        record.serialize_field("exposed", &self.exposed())?;
        record.serialize_field("refractory", &self.refractory())?;
        record.serialize_field("progressed_on_last", &self.progressed_on_last())?;
        record.serialize_field("transplant", &self.transplant())?;
        record.end()
    }
}

/// Read through [`TreatmentHistory::builder`]: `phase` is required, every other field defaults as
/// the builder's does, an unknown field is an error, and a contradictory history is the builder's
/// [`HistoryError`](crate::HistoryError), in words.
impl<'de> Deserialize<'de> for TreatmentHistory {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<TreatmentHistory, D::Error> {
        struct History;
        impl<'de> Visitor<'de> for History {
            type Value = TreatmentHistory;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a treatment history")
            }
            fn visit_map<A: MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<TreatmentHistory, A::Error> {
                let mut phase: Option<Phase> = None;
                let mut prior_lines: Option<u8> = None;
                let mut exposed: Option<DrugSet> = None;
                let mut refractory: Option<DrugSet> = None;
                let mut progressed: Option<bool> = None;
                let mut transplant: Option<Option<TransplantStatus>> = None;
                // A field given twice is an error, not a silent overwrite.
                fn once<T, E: de::Error>(
                    slot: &mut Option<T>,
                    value: T,
                    key: &'static str,
                ) -> Result<(), E> {
                    match slot.replace(value) {
                        Some(_) => Err(E::duplicate_field(key)),
                        None => Ok(()),
                    }
                }
                while let Some(key) = map.next_key::<Field>()? {
                    match key {
                        Field::Phase => once(&mut phase, map.next_value()?, "phase")?,
                        Field::PriorLines => {
                            once(&mut prior_lines, map.next_value()?, "prior_lines")?
                        }
                        Field::Exposed => once(&mut exposed, map.next_value()?, "exposed")?,
                        Field::Refractory => {
                            once(&mut refractory, map.next_value()?, "refractory")?
                        }
                        Field::ProgressedOnLast => {
                            once(&mut progressed, map.next_value()?, "progressed_on_last")?
                        }
                        Field::Transplant => {
                            once(&mut transplant, map.next_value()?, "transplant")?
                        }
                    }
                }
                let phase = phase.ok_or_else(|| de::Error::missing_field("phase"))?;
                TreatmentHistory::builder(phase)
                    .prior_lines(prior_lines.unwrap_or(0))
                    .exposed(exposed.unwrap_or_default())
                    .refractory(refractory.unwrap_or_default())
                    .progressed_on_last(progressed.unwrap_or(false))
                    .transplant(transplant.flatten())
                    .build()
                    .map_err(de::Error::custom)
            }
        }
        deserializer.deserialize_struct("TreatmentHistory", HISTORY_FIELDS, History)
    }
}
