//! What more than one example writes the same way.

use myeloma::Regimen;

/// A regimen's drugs as the page writes them (`low-dose dexamethasone`), joined by ` + `: the
/// lookup and eligibility examples write a regimen alike.
pub fn components(regimen: Regimen) -> String {
    regimen
        .components()
        .iter()
        .map(|c| c.to_string())
        .collect::<Vec<_>>()
        .join(" + ")
}
