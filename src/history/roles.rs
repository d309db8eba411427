//! Drug roles for the line rules: a private shim until the catalogue states them.
//!
//! The catalogue will carry each drug's role and maintenance eligibility as data
//! (`Drug::role()`, `Drug::is_maintenance_eligible()`). Until then this file derives them from
//! today's data: a corticosteroid is a [`DrugRole::Steroid`], an antithrombotic
//! [`DrugRole::Supportive`], everything else [`DrugRole::LineDefining`]; the maintenance-eligible
//! drugs are the reference's list. Each answer is one function, so that switching to the
//! catalogue's accessors is a one-line change per function.
//!
//! Drugs the catalogue does not have yet (melphalan, fludarabine, CAR-T products) are named by
//! their stable ids, so these sets fill themselves in when the catalogue gains them.

use core::fmt;

use crate::{Drug, DrugClass, DrugSet};

/// What a drug does in a line of therapy (the reference's "drug roles").
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum DrugRole {
    /// Starts, extends, ends and changes lines: proteasome inhibitors, IMiDs, antibodies,
    /// alkylators and other anti-myeloma drugs.
    LineDefining,
    /// A corticosteroid: recorded to name the regimen (the "d" of VRd) and as an exposure, but it
    /// never starts, extends, ends or changes a line.
    Steroid,
    /// Supportive care (anticoagulants, G-CSF, bisphosphonates): set aside.
    Supportive,
}

impl DrugRole {
    /// The written form: `line-defining`, `steroid`, `supportive`.
    pub const fn as_str(self) -> &'static str {
        match self {
            DrugRole::LineDefining => "line-defining",
            DrugRole::Steroid => "steroid",
            DrugRole::Supportive => "supportive",
        }
    }
}

impl fmt::Display for DrugRole {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A drug's role. Later: `drug.role()`.
pub(crate) const fn role(drug: Drug) -> DrugRole {
    match drug.class() {
        DrugClass::Corticosteroid => DrugRole::Steroid,
        DrugClass::Antithrombotic => DrugRole::Supportive,
        _ => DrugRole::LineDefining,
    }
}

/// Whether a drug may be given as consolidation or maintenance after a transplant (rule M2).
/// Later: `drug.is_maintenance_eligible()`.
pub(crate) const fn is_maintenance_eligible(drug: Drug) -> bool {
    MAINTENANCE.contains(drug)
}

/// The reference's maintenance list: ETL-LambdaBuilder's plus carfilzomib.
const MAINTENANCE: DrugSet = by_ids(&[
    "lenalidomide",
    "bortezomib",
    "ixazomib",
    "thalidomide",
    "daratumumab",
    "carfilzomib",
]);

/// Melphalan: conditioning before a transplant (M4).
pub(crate) const fn is_conditioning_agent(drug: Drug) -> bool {
    CONDITIONING.contains(drug)
}

/// Cyclophosphamide: stem-cell mobilisation before a transplant (M4), or lymphodepletion before
/// CAR-T (C1).
pub(crate) const fn is_mobilisation_agent(drug: Drug) -> bool {
    MOBILISATION.contains(drug)
}

/// Fludarabine and cyclophosphamide: lymphodepletion before a CAR-T infusion (C1).
pub(crate) const fn is_lymphodepletion_agent(drug: Drug) -> bool {
    LYMPHODEPLETION.contains(drug)
}

/// A CAR-T product given as a drug: its start is an infusion (C1). Later: its class,
/// `DrugClass::CarTCellTherapy`.
pub(crate) const fn is_car_t_product(drug: Drug) -> bool {
    CAR_T_PRODUCTS.contains(drug)
}

const CONDITIONING: DrugSet = by_ids(&["melphalan"]);
const MOBILISATION: DrugSet = by_ids(&["cyclophosphamide"]);
const LYMPHODEPLETION: DrugSet = by_ids(&["fludarabine", "cyclophosphamide"]);
const CAR_T_PRODUCTS: DrugSet = by_ids(&["idecabtagene-vicleucel", "ciltacabtagene-autoleucel"]);

/// The catalogue's drugs with these ids; ids the catalogue lacks are skipped.
const fn by_ids(ids: &[&str]) -> DrugSet {
    let mut set = DrugSet::EMPTY;
    let mut i = 0;
    while i < Drug::ALL.len() {
        let mut j = 0;
        while j < ids.len() {
            if crate::text::same(Drug::ALL[i].id().as_bytes(), ids[j].as_bytes()) {
                set = set.with(Drug::ALL[i]);
            }
            j += 1;
        }
        i += 1;
    }
    set
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_follow_the_classes() {
        assert_eq!(role(Drug::Dexamethasone), DrugRole::Steroid);
        assert_eq!(role(Drug::Heparin), DrugRole::Supportive);
        assert_eq!(role(Drug::Bortezomib), DrugRole::LineDefining);
        assert_eq!(role(Drug::Cyclophosphamide), DrugRole::LineDefining);
        assert!(is_maintenance_eligible(Drug::Lenalidomide));
        assert!(is_maintenance_eligible(Drug::Carfilzomib));
        assert!(!is_maintenance_eligible(Drug::Pomalidomide));
        assert!(is_mobilisation_agent(Drug::Cyclophosphamide));
        assert!(is_lymphodepletion_agent(Drug::Cyclophosphamide));
        assert_eq!(MAINTENANCE.len(), 6);
    }
}
