//! Drug roles for the line rules, read from the catalogue: each a one-line function, so that the
//! rules name what they ask (is this conditioning? a CAR-T product?) and the data stays in
//! `catalogue/drugs.yaml`.

use crate::{Drug, DrugClass, DrugRole};

/// A drug's role (line-defining, steroid, supportive), as the catalogue states it.
pub(crate) const fn role(drug: Drug) -> DrugRole {
    drug.role()
}

/// Whether a drug may be given as consolidation or maintenance after a transplant (rule M2), as
/// the catalogue states it.
pub(crate) const fn is_maintenance_eligible(drug: Drug) -> bool {
    drug.is_maintenance_eligible()
}

/// Melphalan: conditioning before a transplant (M4).
pub(crate) const fn is_conditioning_agent(drug: Drug) -> bool {
    matches!(drug, Drug::Melphalan)
}

/// Cyclophosphamide: stem-cell mobilisation before a transplant (M4).
pub(crate) const fn is_mobilisation_agent(drug: Drug) -> bool {
    matches!(drug, Drug::Cyclophosphamide)
}

/// Fludarabine and cyclophosphamide: lymphodepletion before a CAR-T infusion (C1). The catalogue
/// makes fludarabine supportive; it is kept only when C1 claims it for a CAR-T event.
pub(crate) const fn is_lymphodepletion_agent(drug: Drug) -> bool {
    matches!(drug, Drug::Fludarabine | Drug::Cyclophosphamide)
}

/// A CAR-T product given as a drug: its start is an infusion (C1).
pub(crate) const fn is_car_t_product(drug: Drug) -> bool {
    matches!(drug.class(), DrugClass::CarTCellTherapy)
}

/// Whether an episode of the drug ends at a transplant or CAR-T infusion that falls between two
/// of its exposures (conditioning and mobilisation before one transplant are not those before
/// the next).
pub(crate) const fn is_event_agent(drug: Drug) -> bool {
    is_conditioning_agent(drug) || is_mobilisation_agent(drug) || is_lymphodepletion_agent(drug)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_come_from_the_catalogue() {
        assert_eq!(role(Drug::Dexamethasone), DrugRole::Steroid);
        assert_eq!(role(Drug::Prednisone), DrugRole::Steroid);
        assert_eq!(role(Drug::Heparin), DrugRole::Supportive);
        assert_eq!(role(Drug::Filgrastim), DrugRole::Supportive);
        assert_eq!(role(Drug::Bortezomib), DrugRole::LineDefining);
        assert_eq!(role(Drug::Melphalan), DrugRole::LineDefining);
        assert!(is_maintenance_eligible(Drug::Lenalidomide));
        assert!(is_maintenance_eligible(Drug::Carfilzomib));
        assert!(!is_maintenance_eligible(Drug::Pomalidomide));
        assert!(is_car_t_product(Drug::CiltacabtageneAutoleucel));
        assert!(is_car_t_product(Drug::IdecabtageneVicleucel));
        assert!(!is_car_t_product(Drug::Teclistamab));
    }
}
