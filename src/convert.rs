//! Conversions between the library's values, so that a drug or a regimen goes where a therapy or a
//! drug set is asked for.

use crate::{Drug, DrugSet, Regimen, Therapy};

/// ```
/// use myeloma::{Drug, Therapy};
/// assert_eq!(Therapy::from(Drug::Bortezomib), Therapy::Drug(Drug::Bortezomib));
/// ```
impl From<Drug> for Therapy {
    fn from(drug: Drug) -> Therapy {
        Therapy::Drug(drug)
    }
}

/// ```
/// use myeloma::{Regimen, Therapy};
/// let therapy: Therapy = Regimen::DRd.into();
/// assert_eq!(therapy, Therapy::Regimen(Regimen::DRd));
/// ```
impl From<Regimen> for Therapy {
    fn from(regimen: Regimen) -> Therapy {
        Therapy::Regimen(regimen)
    }
}

/// The regimen's drugs.
///
/// ```
/// use myeloma::{Drug, DrugSet, Regimen};
/// let drugs = DrugSet::from(Regimen::Kd);
/// assert!(drugs.contains(Drug::Carfilzomib) && drugs.contains(Drug::Dexamethasone));
/// assert_eq!(drugs.len(), 2);
/// ```
impl From<Regimen> for DrugSet {
    fn from(regimen: Regimen) -> DrugSet {
        regimen.drugs()
    }
}
