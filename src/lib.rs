// The README up to its "Cost of the build" section, copied by build.rs (see the README's
// "Development" section): its examples run as doctests, and its links resolve within the crate.
#![doc = include_str!(concat!(env!("OUT_DIR"), "/crate-docs.md"))]
#![no_std]
#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![cfg_attr(docsrs, feature(doc_cfg))]

#[cfg(feature = "alloc")]
extern crate alloc;

// The generated tables are read by `const fn` accessors, so they are `const`, not `static`.
#[allow(clippy::large_const_arrays)]
mod catalogue;
mod codes;
mod convert;
mod drug_set;
mod eligibility;
#[cfg(feature = "serde")]
mod export;
#[cfg(feature = "history")]
#[cfg_attr(docsrs, doc(cfg(feature = "history")))]
pub mod history;
mod ids;
mod indications;
mod medication;
mod resolve;
mod schema;
#[cfg(feature = "serde")]
mod serialize;
#[cfg(feature = "strum")]
mod strum_traits;
#[allow(dead_code)] // The build script uses the rest of this shared module.
mod text;

pub use catalogue::{
    Drug, DrugClass, Regimen, Route, Source, Target, Use, CATALOGUE_VERSION, PAGE, REVIEWED,
};
pub use codes::AtcMatch;
pub use drug_set::{DrugSet, Ids as DrugSetIds, Iter as DrugSetIter};
pub use eligibility::{HistoryBuilder, HistoryError, TreatmentHistory, MAX_PRIOR_LINES};
#[cfg(feature = "serde")]
pub use export::{export, Export};
pub use indications::{options, Options, Reason, Reasons, Verdict};
pub use medication::{
    Amount, Conflict, Days, DoseForm, DosePart, Dosing, Frequency, Ingredient, LineRoute,
    Medication, MedicationError, Part, RouteSource, Segment, SegmentKind, Span, Strength, Unit,
    MAX_CONFLICTS, MAX_DOSES,
};
pub use resolve::{resolve, Expected, ParseError, Suggestion, Suggestions, Therapy};
pub use schema::{
    AcronymOrigin, Alias, Approval, ApprovalStatus, Basis, Component, Dose, DrugRole, Exposure,
    GivenBy, Indication, IndicationStatus, Note, NoteKind, Page, Passage, Phase, Prerequisites,
    Product, Refractoriness, Regulator, Rxcui, RxcuiStatus, Setting, SideEffects, SourceKind,
    StatedUse, TransplantStatus, Vocabulary,
};

/// A drug by any of its names, checked at compile time: an unknown name fails the build.
///
/// ```
/// use myeloma::{drug, Drug};
/// const VELCADE: Drug = drug!("Velcade");
/// assert_eq!(VELCADE, Drug::Bortezomib);
/// ```
///
/// ```compile_fail
/// let _ = myeloma::drug!("Velcad"); // error: unknown drug name: Velcad
/// ```
#[macro_export]
macro_rules! drug {
    ($name:literal) => {
        const {
            match $crate::Drug::from_name($name) {
                Some(drug) => drug,
                None => panic!(concat!("unknown drug name: ", $name)),
            }
        }
    };
}

/// A regimen by any of its names, checked at compile time: an unknown name fails the build.
///
/// ```
/// use myeloma::{regimen, Regimen};
/// assert_eq!(regimen!("VRd"), Regimen::RVd);
/// ```
///
/// ```compile_fail
/// let _ = myeloma::regimen!("VRdd"); // error: unknown regimen name: VRdd
/// ```
#[macro_export]
macro_rules! regimen {
    ($name:literal) => {
        const {
            match $crate::Regimen::from_name($name) {
                Some(regimen) => regimen,
                None => panic!(concat!("unknown regimen name: ", $name)),
            }
        }
    };
}

/// Facts derived from the catalogue's data: the usual route, whether the drug is targeted therapy,
/// and what the sources say about blood clots.
///
/// A drug at a glance, from any of its names to its facts and sources:
///
/// ```
/// use myeloma::{Drug, DrugClass, Route, Target};
///
/// let drug: Drug = "Revlimid".parse()?;                 // any name: brand, generic, short form
/// assert_eq!(drug, Drug::Lenalidomide);
/// assert_eq!(drug.id(), "lenalidomide");                  // the stable id, also its `Display`
/// assert_eq!(Drug::from_id("lenalidomide"), Some(drug));
/// assert_eq!(drug.brand_names(), ["Revlimid"]);
/// assert_eq!(drug.class(), DrugClass::ImmunomodulatoryDrug);
/// assert_eq!(drug.targets(), [Target::Cereblon]);
/// assert_eq!(drug.usual_route(), Some(Route::Oral));
/// assert!(drug.is_targeted() && drug.raises_clot_risk());
/// assert_eq!(drug.atc(), "L04AX04");
/// assert!(!drug.sources().is_empty());                    // every fact cites a source
/// assert!(Drug::ALL.contains(&drug));                    // every drug, in catalogue order
/// # Ok::<(), myeloma::ParseError>(())
/// ```
impl Drug {
    /// The usual route, the first the page gives; `None` where it does not say how the drug is given.
    ///
    /// ```
    /// use myeloma::{Drug, Route};
    /// assert_eq!(Drug::Bortezomib.usual_route(), Some(Route::Subcutaneous));
    /// ```
    pub const fn usual_route(self) -> Option<Route> {
        match self.routes().first() {
            Some(given) => Some(given.route),
            None => None,
        }
    }

    /// Whether the drug is targeted therapy, by its class.
    ///
    /// ```
    /// assert!(myeloma::Drug::Selinexor.is_targeted());
    /// assert!(!myeloma::Drug::Dexamethasone.is_targeted());
    /// ```
    pub const fn is_targeted(self) -> bool {
        self.class().is_targeted()
    }

    /// Whether a source states that the drug raises the risk of blood clots.
    ///
    /// ```
    /// use myeloma::Drug;
    /// assert!(Drug::Lenalidomide.raises_clot_risk());
    /// assert!(!Drug::Bortezomib.raises_clot_risk());
    /// ```
    pub const fn raises_clot_risk(self) -> bool {
        !self.clot_risk_sources().is_empty()
    }

    /// Whether the page names the drug to help prevent blood clots.
    ///
    /// ```
    /// use myeloma::Drug;
    /// assert!(Drug::AcetylsalicylicAcid.prevents_clots());
    /// assert!(!Drug::Lenalidomide.prevents_clots());
    /// ```
    pub const fn prevents_clots(self) -> bool {
        self.class().prevents_clots()
    }
}

impl DrugClass {
    /// Whether this class is `other` or a kind of it: a bispecific antibody is a monoclonal
    /// antibody, an alkylating agent is a chemotherapy drug.
    ///
    /// ```
    /// use myeloma::DrugClass;
    /// assert!(DrugClass::BispecificAntibody.is_a(DrugClass::MonoclonalAntibody));
    /// assert!(DrugClass::AlkylatingAgent.is_a(DrugClass::Chemotherapy));
    /// assert!(!DrugClass::MonoclonalAntibody.is_a(DrugClass::BispecificAntibody));
    /// ```
    pub const fn is_a(self, other: DrugClass) -> bool {
        if self as u8 == other as u8 {
            return true;
        }
        match self.parent() {
            Some(parent) => parent as u8 == other as u8,
            None => false,
        }
    }

    /// The class itself, or its parent where it has one: the class the source page would file a
    /// drug under.
    ///
    /// ```
    /// use myeloma::DrugClass;
    /// assert_eq!(DrugClass::BispecificAntibody.top(), DrugClass::MonoclonalAntibody);
    /// assert_eq!(DrugClass::ProteasomeInhibitor.top(), DrugClass::ProteasomeInhibitor);
    /// ```
    pub const fn top(self) -> DrugClass {
        match self.parent() {
            Some(parent) => parent,
            None => self,
        }
    }
}

/// Facts derived from a regimen's drugs.
///
/// A regimen at a glance, from any of its names to its drugs, uses and conditions:
///
/// ```
/// use myeloma::{Dose, Drug, Regimen, Use};
///
/// let regimen: Regimen = "dara-len-dex".parse()?;       // any name, or its drugs
/// assert_eq!(regimen, Regimen::DRd);
/// assert_eq!(regimen.acronym(), "DRd");
/// assert_eq!(regimen.id(), "drd");                        // the stable id, also its `Display`
/// let components = regimen.components();
/// assert_eq!(components[0].drug, Drug::Daratumumab);
/// assert_eq!(components[2].dose, Some(Dose::LowDose));
/// assert_eq!(components[2].to_string(), "low-dose dexamethasone");
/// assert_eq!(Regimen::from_drugs(regimen.drugs()), Some(regimen));
/// assert_eq!(regimen.uses(), [Use::DestroyMyelomaCells]);
/// assert_eq!(regimen.prerequisites(), None);              // no condition on earlier treatment
/// assert!(regimen.needs_thromboprophylaxis());
/// # Ok::<(), myeloma::ParseError>(())
/// ```
impl Regimen {
    /// Whether any of its drugs raises the risk of blood clots, so that drugs to prevent them are
    /// given: the page says so for lenalidomide, thalidomide and pomalidomide, and the US Kyprolis
    /// label recommends thromboprophylaxis with carfilzomib. Derived from the drugs, never kept by hand.
    ///
    /// ```
    /// use myeloma::Regimen;
    /// assert!(Regimen::RVd.needs_thromboprophylaxis());   // lenalidomide
    /// assert!(Regimen::Kd.needs_thromboprophylaxis());    // carfilzomib (US label, 5.8)
    /// assert!(!Regimen::Vd.needs_thromboprophylaxis());
    /// ```
    pub const fn needs_thromboprophylaxis(self) -> bool {
        let components = self.components();
        let mut i = 0;
        while i < components.len() {
            if components[i].drug.raises_clot_risk() {
                return true;
            }
            i += 1;
        }
        false
    }
}
