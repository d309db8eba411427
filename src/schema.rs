//! The types the generated tables are made of: the catalogue's vocabulary (phases, dose qualifiers,
//! kinds of note and source) and the records that entries point to.

use crate::{Drug, DrugClass, Source, Target};

/// Declares a closed vocabulary enum with its stable id and the label a person reads: `ALL`,
/// `id`, `from_id`, `label`, `Display` (the label), `FromStr` (the id or the label) and, with the
/// `serde` feature, serde through the id.
macro_rules! vocab {
    ($(#[$meta:meta])* pub enum $ty:ident {
        $(#[$fmeta:meta])* $first:ident => $first_id:literal : $first_label:literal,
        $($(#[$vmeta:meta])* $variant:ident => $id:literal : $label:literal,)*
    }) => {
        $(#[$meta])*
        ///
        /// Each value has a stable id, which serde writes, and a label, which `Display` writes;
        /// `FromStr` reads both:
        ///
        /// ```
        #[doc = concat!("use myeloma::", stringify!($ty), ";")]
        #[doc = concat!("let value = ", stringify!($ty), "::", stringify!($first), ";")]
        #[doc = concat!("assert_eq!(value.id(), \"", $first_id, "\");")]
        #[doc = concat!("assert_eq!(value.to_string(), \"", $first_label, "\");")]
        #[doc = concat!("assert_eq!(", stringify!($ty), "::from_id(\"", $first_id, "\"), Some(value));")]
        #[doc = concat!("assert_eq!(\"", $first_label, "\".parse(), Ok(value));")]
        /// ```
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        #[non_exhaustive]
        pub enum $ty {
            $(#[$fmeta])* $first,
            $($(#[$vmeta])* $variant,)*
        }

        crate::ids::id_methods! {
            $ty, "The stable id, as in the catalogue YAML, serde and the JSON export." {
                $first => $first_id,
                $($variant => $id,)*
            }
        }

        impl $ty {
            /// What a person reads, as `Display` writes it.
            pub const fn label(self) -> &'static str {
                match self {
                    $ty::$first => $first_label,
                    $($ty::$variant => $label,)*
                }
            }
        }

        /// Writes the label, such as `Health Canada`; the id is [`id`](Self::id).
        impl core::fmt::Display for $ty {
            fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                f.write_str(self.label())
            }
        }

        /// Reads the id exactly, or the label in any ASCII case, so that `Display` reads back.
        impl core::str::FromStr for $ty {
            type Err = crate::ParseError;

            fn from_str(text: &str) -> Result<$ty, crate::ParseError> {
                $ty::from_id(text)
                    .or_else(|| $ty::ALL.iter().copied().find(|v| v.label().eq_ignore_ascii_case(text)))
                    .ok_or_else(|| crate::ParseError::new(crate::Expected::Value(crate::Vocabulary::$ty), text, text))
            }
        }

        #[cfg(feature = "serde")]
        impl serde::Serialize for $ty {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.id())
            }
        }

        #[cfg(feature = "serde")]
        impl<'de> serde::Deserialize<'de> for $ty {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<$ty, D::Error> {
                deserializer.deserialize_str(crate::serialize::FromStrVisitor::<$ty>::new(stringify!($ty)))
            }
        }
    };
}

/// One of the catalogue's vocabularies, as an error names the kind of value it expected.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum Vocabulary {
    /// [`SourceKind`].
    SourceKind,
    /// [`DrugRole`].
    DrugRole,
    /// [`Setting`].
    Setting,
    /// [`ApprovalStatus`].
    ApprovalStatus,
    /// [`IndicationStatus`].
    IndicationStatus,
    /// [`Regulator`].
    Regulator,
    /// [`NoteKind`].
    NoteKind,
    /// [`SideEffects`].
    SideEffects,
    /// [`Phase`].
    Phase,
    /// [`TransplantStatus`].
    TransplantStatus,
    /// [`Dose`].
    Dose,
    /// [`AcronymOrigin`].
    AcronymOrigin,
    /// [`RxcuiStatus`].
    RxcuiStatus,
}

impl Vocabulary {
    /// The vocabulary's type name (an error message writes the kind in words: `phase`).
    ///
    /// ```
    /// assert_eq!(myeloma::Vocabulary::Phase.name(), "Phase");
    /// ```
    pub const fn name(self) -> &'static str {
        match self {
            Vocabulary::SourceKind => "SourceKind",
            Vocabulary::DrugRole => "DrugRole",
            Vocabulary::Setting => "Setting",
            Vocabulary::ApprovalStatus => "ApprovalStatus",
            Vocabulary::IndicationStatus => "IndicationStatus",
            Vocabulary::Regulator => "Regulator",
            Vocabulary::NoteKind => "NoteKind",
            Vocabulary::SideEffects => "SideEffects",
            Vocabulary::Phase => "Phase",
            Vocabulary::TransplantStatus => "TransplantStatus",
            Vocabulary::Dose => "Dose",
            Vocabulary::AcronymOrigin => "AcronymOrigin",
            Vocabulary::RxcuiStatus => "RxcuiStatus",
        }
    }
}

vocab! {
    /// What kind of source a [`Source`] is.
    pub enum SourceKind {
        /// A section of the source page.
        PageSection => "page-section" : "page section",
        /// An entry of the source page's own reference list.
        Reference => "reference" : "reference",
        /// A product label or a regulator's decision.
        Label => "label" : "label",
        /// A clinical guideline or paper.
        Guideline => "guideline" : "guideline",
        /// A code system (ATC, RxNorm).
        CodeSystem => "code-system" : "code system",
        /// Names as written in clinical literature and records.
        ClinicalUsage => "clinical-usage" : "clinical usage",
    }
}

vocab! {
    /// What a drug does in a treatment history, which the lines-of-therapy rules read: only
    /// line-defining drugs start, extend or change a line of therapy.
    pub enum DrugRole {
        /// Anti-myeloma therapy: proteasome inhibitors, immunomodulatory drugs, antibodies,
        /// bispecifics, CAR-T, chemotherapy and the other drugs that define a regimen.
        LineDefining => "line-defining" : "line-defining therapy",
        /// A corticosteroid: part of a regimen's name (the "d" of VRd), never a line on its own.
        Steroid => "steroid" : "steroid",
        /// Supportive care given beside treatment: clot prevention, bone health, infection
        /// prophylaxis, stem-cell mobilisation.
        Supportive => "supportive" : "supportive care",
    }
}

vocab! {
    /// A setting of treatment that a regimen is used in.
    pub enum Setting {
        /// Multiple myeloma in any setting: an indication that states no restriction.
        Any => "any" : "any setting",
        /// Newly diagnosed, whatever the transplant plan (an indication that names none).
        NewlyDiagnosed => "newly-diagnosed" : "newly diagnosed",
        /// Newly diagnosed, with a stem-cell transplant planned.
        NewlyDiagnosedTransplantEligible => "newly-diagnosed-transplant-eligible" : "newly diagnosed, transplant-eligible",
        /// Newly diagnosed, with no transplant planned or possible.
        NewlyDiagnosedTransplantIneligible => "newly-diagnosed-transplant-ineligible" : "newly diagnosed, transplant-ineligible",
        /// Maintenance after induction or transplant.
        Maintenance => "maintenance" : "maintenance",
        /// Maintenance after an autologous stem-cell transplant only.
        MaintenanceAfterTransplant => "maintenance-after-transplant" : "maintenance after transplant",
        /// Relapsed or refractory disease.
        RelapsedOrRefractory => "relapsed-or-refractory" : "relapsed or refractory",
        /// High-risk smouldering myeloma.
        HighRiskSmouldering => "high-risk-smouldering" : "high-risk smouldering myeloma",
        /// High-dose conditioning before an autologous stem-cell transplant.
        TransplantConditioning => "transplant-conditioning" : "transplant conditioning",
    }
}

vocab! {
    /// What a regulator's indication for a therapy is.
    pub enum IndicationStatus {
        /// Approved (Health Canada NOC; FDA regular approval).
        Approved => "approved" : "approved",
        /// FDA accelerated approval.
        Accelerated => "accelerated" : "accelerated approval",
        /// Health Canada approval with conditions (NOC/c).
        Conditional => "conditional" : "approved with conditions",
        /// An indication that was withdrawn: it no longer approves the therapy.
        Withdrawn => "withdrawn" : "withdrawn",
        /// No indication of this regulator names the therapy (guideline or off-label use).
        None => "none" : "no indication",
    }
}

impl IndicationStatus {
    /// Whether the indication approves the therapy today.
    ///
    /// ```
    /// use myeloma::IndicationStatus;
    /// assert!(IndicationStatus::Conditional.is_in_force());
    /// assert!(!IndicationStatus::Withdrawn.is_in_force());
    /// ```
    pub const fn is_in_force(self) -> bool {
        matches!(
            self,
            IndicationStatus::Approved
                | IndicationStatus::Accelerated
                | IndicationStatus::Conditional
        )
    }
}

/// Refractoriness an [`Indication`] asks for.
///
/// ```
/// use myeloma::{DrugClass, Exposure, Refractoriness, Regimen, Regulator, Target};
/// let by = |regimen: Regimen, regulator| {
///     regimen.indications().iter().find(|i| i.regulator == regulator).unwrap().refractory_to
/// };
/// assert_eq!(
///     by(Regimen::Xd, Regulator::UsFda),
///     [
///         Refractoriness::To(Exposure::Class(DrugClass::ProteasomeInhibitor)),
///         Refractoriness::To(Exposure::Class(DrugClass::ImmunomodulatoryDrug)),
///         Refractoriness::To(Exposure::Target(Target::Cd38)),
///     ]
/// );
/// assert_eq!(by(Regimen::IsaPd, Regulator::HealthCanada), [Refractoriness::LastTherapy]);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Refractoriness {
    /// Refractory to a drug, any drug of a class, or any drug acting on a target.
    To(Exposure),
    /// Refractory to the last therapy.
    LastTherapy,
}

/// One indication statement of one regulator: the conditions under which it approves a regimen,
/// or a drug given alone, for multiple myeloma. See [`Regimen::check`](crate::Regimen::check).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Indication {
    /// The regulator.
    pub regulator: Regulator,
    /// Whether it approves the therapy today, and how.
    pub status: IndicationStatus,
    /// When it was granted, as precisely as the source says; `None` where the source gives no date.
    pub date: Option<&'static str>,
    /// The setting it approves; `None` for status [`IndicationStatus::None`].
    pub setting: Option<Setting>,
    /// At least this many prior lines of therapy.
    pub min_prior_lines: Option<u8>,
    /// At most this many prior lines of therapy.
    pub max_prior_lines: Option<u8>,
    /// Earlier exposures, all of which are needed.
    pub prior_exposure: &'static [Exposure],
    /// Refractoriness, all of which is needed.
    pub refractory_to: &'static [Refractoriness],
    /// Earlier exposures that exclude the patient (Doxil with bortezomib: no bortezomib before).
    pub not_exposed_to: &'static [Exposure],
    /// Whether the disease must have progressed on the last therapy.
    pub progression_on_last: bool,
    /// What the indication, or its reading, says in words only: conditions no field holds (an age,
    /// a product, the line it must follow) and remarks on how it was read. Reported, never checked.
    pub other: &'static [&'static str],
    /// The regulator's own sentence.
    pub wording: &'static str,
    /// Whether the wording was read in the regulator's or the label's own text; otherwise it is
    /// quoted from a secondary source (a sponsor's release, a news report) and awaits that reading.
    pub verified: bool,
    /// Where it was read.
    pub source: crate::Source,
}

impl Setting {
    /// Whether the setting covers a patient in `phase` with `transplant` status: a newly diagnosed
    /// setting that names a transplant status does not apply while the status is unknown;
    /// maintenance covers the phases after induction and after a transplant; smouldering myeloma and
    /// transplant conditioning are no phase of a treatment history.
    ///
    /// ```
    /// use myeloma::{Phase, Setting, TransplantStatus};
    /// assert!(Setting::RelapsedOrRefractory.covers(Phase::Refractory, None));
    /// assert!(!Setting::NewlyDiagnosedTransplantIneligible.covers(Phase::NewlyDiagnosed, None));
    /// assert!(Setting::NewlyDiagnosed.covers(Phase::NewlyDiagnosed, Some(TransplantStatus::Planned)));
    /// ```
    pub fn covers(self, phase: Phase, transplant: Option<TransplantStatus>) -> bool {
        match self {
            Setting::Any => true,
            Setting::NewlyDiagnosed => phase == Phase::NewlyDiagnosed,
            Setting::NewlyDiagnosedTransplantEligible => {
                phase == Phase::NewlyDiagnosed && transplant == Some(TransplantStatus::Planned)
            }
            Setting::NewlyDiagnosedTransplantIneligible => {
                phase == Phase::NewlyDiagnosed && transplant == Some(TransplantStatus::NotPossible)
            }
            Setting::Maintenance => matches!(phase, Phase::AfterInduction | Phase::AfterTransplant),
            Setting::MaintenanceAfterTransplant => {
                phase == Phase::AfterTransplant && transplant != Some(TransplantStatus::NotPossible)
            }
            Setting::RelapsedOrRefractory => matches!(phase, Phase::Relapsed | Phase::Refractory),
            Setting::HighRiskSmouldering | Setting::TransplantConditioning => false,
        }
    }
}

vocab! {
    /// What a regulator decided on a drug for multiple myeloma.
    pub enum ApprovalStatus {
        /// Approved (Health Canada NOC; FDA regular approval).
        Approved => "approved" : "approved",
        /// FDA accelerated approval.
        Accelerated => "accelerated" : "accelerated approval",
        /// Health Canada approval with conditions (NOC/c).
        Conditional => "conditional" : "approved with conditions",
        /// An approval that was later withdrawn.
        Withdrawn => "withdrawn" : "withdrawn",
        /// Not approved: a negative decision or a cancelled submission.
        NotApproved => "not-approved" : "not approved",
        /// Approved for other uses only; its use in myeloma is off-label or supportive.
        NotForMyeloma => "not-for-myeloma" : "not approved for myeloma",
    }
}

vocab! {
    /// The regulator whose label a rule follows.
    pub enum Regulator {
        /// Health Canada, the default: the source page is Canadian.
        HealthCanada => "health-canada" : "Health Canada",
        /// The United States Food and Drug Administration.
        UsFda => "us-fda" : "US FDA",
        /// The European Medicines Agency.
        Ema => "ema" : "EMA",
    }
}

/// Health Canada: the source page is Canadian.
///
/// ```
/// use myeloma::Regulator;
/// assert_eq!(Regulator::default(), Regulator::HealthCanada);
/// ```
impl Default for Regulator {
    fn default() -> Regulator {
        Regulator::HealthCanada
    }
}

vocab! {
    /// What a [`Note`] records.
    pub enum NoteKind {
        /// The source page misspells a name; the catalogue holds the correct spelling.
        Misspelling => "misspelling" : "misspelling",
        /// The source page conflicts with a product label; the catalogue follows the label.
        LabelConflict => "label-conflict" : "label conflict",
        /// The page's wording differs from the usual term without being wrong.
        Wording => "wording" : "wording",
        /// A fact beyond the page that helps read it.
        Clarification => "clarification" : "clarification",
        /// How the catalogue maps a statement of the page onto its types.
        Interpretation => "interpretation" : "interpretation",
        /// Something the page does not give.
        Omission => "omission" : "omission",
        /// How a name is used in records beyond the page's meaning (an acronym that meant another
        /// regimen in older literature, an abbreviation that is also a response category).
        RecordUsage => "record-usage" : "record usage",
    }
}

/// A remark on an entry, with the sources on both sides of it.
///
/// ```
/// use myeloma::{NoteKind, Regimen, Source};
/// let note = Regimen::VR.notes().iter().find(|n| n.kind == NoteKind::Misspelling).unwrap();
/// assert!(note.text.contains("\"lenadiomide and bortezomib\""));
/// assert_eq!(note.sources, [Source::PageImmunomodulatingDrugs, Source::PageProteasomeInhibitors]);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Note {
    /// What the note records.
    pub kind: NoteKind,
    /// The note itself.
    pub text: &'static str,
    /// Where each side of it comes from.
    pub sources: &'static [Source],
}

/// A piece of the page's prose with its sources.
///
/// ```
/// use myeloma::{Source, PAGE};
/// let clots = PAGE.clot_prevention;
/// assert!(clots.text.starts_with("Lenalidomide, thalidomide and pomalidomide increase the risk"));
/// assert_eq!(clots.sources, [Source::PageImmunomodulatingDrugs]);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Passage {
    /// The text, in the page's words.
    pub text: &'static str,
    /// Where it comes from.
    pub sources: &'static [Source],
}

vocab! {
    /// What the catalogue knows of a class's side effects.
    pub enum SideEffects {
        /// The page had a list, but it was lost when the page was copied; none is invented.
        LostInCopying => "lost-in-copying" : "lost in copying",
        /// The page gives no list for this kind of drug.
        NotInSource => "not-in-source" : "not in the source",
    }
}

vocab! {
    /// Where a patient is in the course of treatment.
    pub enum Phase {
        /// Newly diagnosed, before or during first treatment.
        NewlyDiagnosed => "newly-diagnosed" : "newly diagnosed",
        /// After induction therapy.
        AfterInduction => "after-induction" : "after induction",
        /// After a stem cell transplant.
        AfterTransplant => "after-transplant" : "after transplant",
        /// The myeloma has come back after treatment.
        Relapsed => "relapsed" : "relapsed",
        /// The myeloma no longer responds to treatment.
        Refractory => "refractory" : "refractory",
    }
}

vocab! {
    /// Where a patient stands with a stem cell transplant.
    pub enum TransplantStatus {
        /// A transplant is planned.
        Planned => "planned" : "transplant planned",
        /// A transplant was done.
        Done => "done" : "transplant done",
        /// A transplant is not possible.
        NotPossible => "not-possible" : "transplant not possible",
    }
}

vocab! {
    /// A dose qualifier the page gives for a drug in a combination.
    pub enum Dose {
        /// "low-dose", as in low-dose dexamethasone.
        LowDose => "low-dose" : "low-dose",
    }
}

vocab! {
    /// Where a regimen's acronym comes from.
    pub enum AcronymOrigin {
        /// The source page uses it.
        Source => "source" : "the source page",
        /// The page describes the combination in words; the acronym is the one of clinical use.
        Clinical => "clinical" : "clinical use",
    }
}

/// How a drug is given, in the page's words, or from the label where the page does not say.
///
/// ```
/// use myeloma::{Drug, Route, Source};
/// let [usual, other] = Drug::Daratumumab.routes() else { panic!() };
/// assert_eq!(usual.route, Route::Subcutaneous);
/// assert_eq!(
///     usual.wording,
///     Some("usually given as an injection just under the skin (subcutaneously)")
/// );
/// assert_eq!((other.route, other.wording), (Route::Intravenous, None));
/// assert_eq!(other.source, Some(Source::CodeFdaNdcDarzalex));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct GivenBy {
    /// The route.
    pub route: crate::Route,
    /// The page's wording for this drug, where the page states the route.
    pub wording: Option<&'static str>,
    /// The label that states the route, where the page does not.
    pub source: Option<crate::Source>,
}

/// A product that carries a drug under its own name and route, such as daratumumab co-formulated
/// with hyaluronidase for injection under the skin. Its name resolves to the drug.
///
/// ```
/// use myeloma::{resolve, Drug, Route, Therapy};
/// let faspro = Drug::Daratumumab.products().iter().find(|p| p.name == "Darzalex Faspro").unwrap();
/// assert_eq!(faspro.route, Route::Subcutaneous);
/// assert_eq!(resolve("Darzalex Faspro"), Ok(Therapy::Drug(Drug::Daratumumab)));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Product {
    /// The product's brand name.
    pub name: &'static str,
    /// Its nonproprietary name where it differs from the drug's (`daratumumab and hyaluronidase-fihj`).
    pub ingredients: Option<&'static str>,
    /// How it is given.
    pub route: crate::Route,
    /// The regulator that authorised it under this name.
    pub regulator: Regulator,
    /// The label or decision that names it.
    pub source: crate::Source,
}

/// One regulator's decision on a drug for multiple myeloma, as its source states it.
///
/// ```
/// use myeloma::{ApprovalStatus, Drug, Regulator};
/// let withdrawn = Drug::MelphalanFlufenamide
///     .approvals()
///     .iter()
///     .any(|a| a.regulator == Regulator::UsFda && a.status == ApprovalStatus::Withdrawn);
/// assert!(withdrawn);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Approval {
    /// Who decided.
    pub regulator: Regulator,
    /// What was decided.
    pub status: ApprovalStatus,
    /// When, as precisely as the source says (`YYYY-MM-DD`, `YYYY-MM` or `YYYY`); `None` where the
    /// source gives no date.
    pub date: Option<&'static str>,
    /// What was approved, briefly, in the source's terms.
    pub what: &'static str,
    /// The label or decision.
    pub source: crate::Source,
}

/// A trial or label a regimen rests on.
///
/// ```
/// use myeloma::Regimen;
/// let trials: Vec<&str> = Regimen::DRd.basis().iter().map(|b| b.name).collect();
/// assert_eq!(trials, ["MAIA", "POLLUX"]);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Basis {
    /// The trial's or label's name (`MAIA`, `Kyprolis US prescribing information`).
    pub name: &'static str,
    /// Where it is described.
    pub source: crate::Source,
}

/// A use the page states for a drug, in its words.
///
/// ```
/// use myeloma::{Drug, Use};
/// let stated = Drug::Bortezomib.uses()[0];
/// assert_eq!(stated.purpose, Use::DestroyMyelomaCells);
/// assert_eq!(stated.wording, "used to treat active multiple myeloma");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct StatedUse {
    /// The use.
    pub purpose: crate::Use,
    /// The page's wording for this drug.
    pub wording: &'static str,
}

/// Another way a name is written, and where it is used. Every alias resolves to its entry, except
/// an ambiguous one.
///
/// ```
/// use myeloma::{resolve, Drug, Regimen, Source, Therapy};
/// let btz = Drug::Bortezomib.aliases().iter().find(|a| a.name == "btz").unwrap();
/// assert_eq!((btz.source, btz.ambiguous), (Source::ClinicalUsage, false));
/// assert_eq!(resolve(btz.name), Ok(Therapy::Drug(Drug::Bortezomib)));
///
/// let bvd = Regimen::BelaVd.aliases()[0];
/// assert_eq!((bvd.name, bvd.ambiguous), ("BVd", true));
/// assert!(resolve(bvd.name).unwrap_err().is_ambiguous());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Alias {
    /// The written form.
    pub name: &'static str,
    /// Where it is used.
    pub source: Source,
    /// Whether the name also means another entry in practice (`BVd`: belantamab mafodotin or
    /// bendamustine with bortezomib and dexamethasone); such a name resolves to an error that lists
    /// every entry it may mean.
    pub ambiguous: bool,
}

/// One drug of a regimen.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Component {
    /// The drug.
    pub drug: Drug,
    /// The page's dose qualifier, if any.
    pub dose: Option<Dose>,
}

/// The drug with its dose qualifier, as the page writes it: `low-dose dexamethasone`.
///
/// ```
/// use myeloma::Regimen;
/// let kd: Vec<String> = Regimen::Kd.components().iter().map(|c| c.to_string()).collect();
/// assert_eq!(kd, ["carfilzomib", "low-dose dexamethasone"]);
/// ```
impl core::fmt::Display for Component {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        if let Some(dose) = self.dose {
            write!(f, "{dose} ")?;
        }
        f.write_str(self.drug.generic_name())
    }
}

/// An earlier exposure a condition asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Exposure {
    /// This drug.
    Drug(Drug),
    /// Any drug of this class.
    Class(DrugClass),
    /// Any drug acting on this target (an anti-CD38 antibody, say).
    Target(Target),
}

impl Exposure {
    /// Whether `drug` satisfies this exposure.
    ///
    /// ```
    /// use myeloma::{Drug, DrugClass, Exposure};
    /// assert!(Exposure::Class(DrugClass::ProteasomeInhibitor).is_met_by(Drug::Ixazomib));
    /// // A bispecific antibody is a monoclonal antibody.
    /// assert!(Exposure::Class(DrugClass::MonoclonalAntibody).is_met_by(Drug::Teclistamab));
    /// assert!(!Exposure::Drug(Drug::Lenalidomide).is_met_by(Drug::Thalidomide));
    /// ```
    pub const fn is_met_by(self, drug: Drug) -> bool {
        match self {
            Exposure::Drug(d) => d as u8 == drug as u8,
            Exposure::Class(c) => drug.class().is_a(c),
            Exposure::Target(t) => {
                let targets = drug.targets();
                let mut i = 0;
                while i < targets.len() {
                    if targets[i] as u8 == t as u8 {
                        return true;
                    }
                    i += 1;
                }
                false
            }
        }
    }
}

/// Conditions on earlier treatment, as a label or the page states them.
///
/// ```
/// use myeloma::{Drug, DrugClass, Exposure, Regimen, Regulator};
/// let isa_kd = Regimen::IsaKd.prerequisites().unwrap();
/// assert_eq!((isa_kd.min_prior_lines, isa_kd.max_prior_lines), (Some(1), Some(3)));
/// assert_eq!(isa_kd.regulator(), Some(Regulator::HealthCanada));
/// assert_eq!(isa_kd.page_wording, Some("if you have received at least one prior treatment"));
///
/// let isa_pd = Regimen::IsaPd.prerequisites().unwrap();
/// assert_eq!(
///     isa_pd.prior_exposure,
///     [Exposure::Drug(Drug::Lenalidomide), Exposure::Class(DrugClass::ProteasomeInhibitor)]
/// );
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Prerequisites {
    /// At least this many prior lines of therapy.
    pub min_prior_lines: Option<u8>,
    /// At most this many prior lines of therapy.
    pub max_prior_lines: Option<u8>,
    /// Earlier exposures, all of which are needed.
    pub prior_exposure: &'static [Exposure],
    /// Whether the disease must have progressed on the last therapy.
    pub progression_on_last: bool,
    /// The source the rule follows (a label where one is cited, else the page).
    pub source: Source,
    /// The page's own wording of the condition, where the page states it.
    pub page_wording: Option<&'static str>,
    /// The page section that wording comes from.
    pub page_source: Option<Source>,
}

impl Prerequisites {
    /// The regulator whose label the rule follows; `None` when it follows the page alone.
    pub const fn regulator(&self) -> Option<Regulator> {
        self.source.regulator()
    }
}

vocab! {
    /// How well an RxNorm code was verified.
    pub enum RxcuiStatus {
        /// Seen in an authoritative value set.
        Confirmed => "confirmed" : "confirmed",
        /// Seen in non-authoritative files only.
        Likely => "likely" : "likely",
    }
}

/// An RxNorm ingredient concept and how well it was verified. Codes the sources mark unknown are
/// left out, never guessed.
///
/// ```
/// use myeloma::{Drug, RxcuiStatus};
/// let rxcui = Drug::Bortezomib.rxcui().unwrap();
/// assert_eq!((rxcui.code, rxcui.status), (358258, RxcuiStatus::Confirmed));
/// assert_eq!(Drug::from_rxcui(rxcui.code), Ok(Drug::Bortezomib));
/// assert_eq!(Drug::Pomalidomide.rxcui().map(|r| r.status), Some(RxcuiStatus::Likely));
/// assert_eq!(Drug::Isatuximab.rxcui(), None);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Rxcui {
    /// The concept's code.
    pub code: u32,
    /// How well it was verified.
    pub status: RxcuiStatus,
    /// Where it was seen.
    pub evidence: &'static str,
}

/// The source page's own details and the prose that belongs to no single entry; the catalogue's
/// page is [`PAGE`](crate::PAGE).
///
/// ```
/// use myeloma::{SideEffects, PAGE};
/// assert_eq!(PAGE.title, "Targeted therapy for multiple myeloma");
/// assert_eq!((PAGE.publisher, PAGE.site), ("Canadian Cancer Society", "cancer.ca"));
/// assert_eq!(PAGE.last_medical_review, None);
/// assert_eq!(PAGE.side_effect_lists, SideEffects::LostInCopying);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Page {
    /// The page's title.
    pub title: &'static str,
    /// Who publishes it.
    pub publisher: &'static str,
    /// Where it is published.
    pub site: &'static str,
    /// Its copyright line.
    pub copyright: &'static str,
    /// Its last medical review date: `None`, since the page leaves the line blank.
    pub last_medical_review: Option<&'static str>,
    /// The expert who reviewed it.
    pub expert_reviewer: Source,
    /// What targeted therapy is.
    pub definition: Passage,
    /// How the healthcare team plans it.
    pub planning: Passage,
    /// The note that provincial and territorial plans may not cover these drugs.
    pub coverage: Passage,
    /// What side effects depend on.
    pub side_effects: Passage,
    /// What became of the page's side-effect lists.
    pub side_effect_lists: SideEffects,
    /// Blood-clot risk and prevention, in the page's words.
    pub clot_prevention: Passage,
    /// Label and guideline guidance on clot prevention, beyond the page.
    pub clot_prevention_guidance: &'static [Passage],
    /// Where to find out more.
    pub further_information: Passage,
    /// The page's medical disclaimer.
    pub disclaimer: Passage,
    /// Notes on the page as a whole.
    pub notes: &'static [Note],
}
