//! A user's crate: a `no_std` medication-order check and, with `serde`, a record that stores
//! catalogue entries by their ids.

#![no_std]

use myeloma::{Drug, Regimen, Therapy};

/// Normalises a free-text order line to the regimen it names, if any.
pub fn regimen_of(order: &str) -> Option<Regimen> {
    match myeloma::resolve(order) {
        Ok(Therapy::Regimen(r)) => Some(r),
        _ => None,
    }
}

/// Whether an order line includes a drug that raises clot risk.
pub fn needs_clot_prevention(order: &str) -> bool {
    myeloma::resolve(order).is_ok_and(|t| t.drugs().iter().any(Drug::raises_clot_risk))
}

#[cfg(feature = "serde")]
extern crate std;

/// A stored record that refers to catalogue entries by their stable ids.
#[cfg(feature = "serde")]
#[derive(Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Order {
    /// The regimen ordered.
    pub regimen: Regimen,
    /// Its drugs.
    pub drugs: std::vec::Vec<Drug>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn order_lines_resolve() {
        assert_eq!(regimen_of("Dara-VRd"), Some(Regimen::DRVd));
        assert_eq!(regimen_of("carfilzomib + dex"), Some(Regimen::Kd));
        assert_eq!(regimen_of("Velcade"), None);
        assert!(needs_clot_prevention("thal + dex"));
        // The US Kyprolis label recommends thromboprophylaxis with carfilzomib.
        assert!(needs_clot_prevention("Kd"));
        assert!(!needs_clot_prevention("Vd"));
    }

    #[cfg(feature = "serde")]
    #[test]
    fn entries_serialise_as_ids() {
        let order = Order {
            regimen: Regimen::IsaKd,
            drugs: Regimen::IsaKd.drugs().iter().collect(),
        };
        let json = serde_json::to_string(&order).unwrap();
        assert_eq!(
            json,
            r#"{"regimen":"isa-kd","drugs":["carfilzomib","isatuximab","dexamethasone"]}"#
        );
        assert_eq!(serde_json::from_str::<Order>(&json).unwrap(), order);
        assert!(serde_json::from_str::<Regimen>(r#""not-a-regimen""#).is_err());
    }
}
