//! Standard codes: a drug from its WHO ATC code (current or retired) or its RxNorm concept, and the
//! drug class an ATC group stands for.

use crate::catalogue::{ATC_INDEX, RXCUI_INDEX};
use crate::resolve::{Expected, ParseError};
use crate::Drug;

/// A drug found by ATC code, and whether the code is one that older data still carries.
///
/// ```
/// use myeloma::{AtcMatch, Drug};
/// let found: AtcMatch = Drug::from_atc("L01XC24")?;      // daratumumab's code before 2022
/// assert_eq!(found.drug, Drug::Daratumumab);
/// assert!(found.retired);
/// assert_eq!(found.drug.atc(), "L01FC01");               // the current one
/// # Ok::<(), myeloma::ParseError>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct AtcMatch {
    /// The drug.
    pub drug: Drug,
    /// Whether the code is retired; [`Drug::atc`] gives the current one.
    pub retired: bool,
}

impl Drug {
    /// The drug with this ATC code, current or retired; the code may be in any case.
    ///
    /// ```
    /// use myeloma::{AtcMatch, Drug};
    /// assert_eq!(Drug::from_atc("L01XG01"), Ok(AtcMatch { drug: Drug::Bortezomib, retired: false }));
    /// assert_eq!(Drug::from_atc("L01XX32"), Ok(AtcMatch { drug: Drug::Bortezomib, retired: true }));
    /// assert!(Drug::from_atc("L01XX99").is_err());
    /// ```
    pub fn from_atc(code: &str) -> Result<AtcMatch, ParseError> {
        let mut upper = [0u8; 7];
        let trimmed = code.trim();
        if trimmed.len() != upper.len() {
            return Err(ParseError::new(Expected::AtcCode, code, code));
        }
        for (out, b) in upper.iter_mut().zip(trimmed.bytes()) {
            *out = b.to_ascii_uppercase();
        }
        ATC_INDEX
            .binary_search_by(|(c, _, _)| c.as_bytes().cmp(&upper[..]))
            .map(|i| AtcMatch {
                drug: ATC_INDEX[i].1,
                retired: ATC_INDEX[i].2,
            })
            .map_err(|_| ParseError::new(Expected::AtcCode, code, code))
    }

    /// The drug with this RxNorm ingredient concept. Only codes whose verification is confirmed or
    /// likely are in the catalogue.
    ///
    /// ```
    /// use myeloma::Drug;
    /// assert_eq!(Drug::from_rxcui(358258), Some(Drug::Bortezomib));
    /// assert_eq!(Drug::from_rxcui(1), None);
    /// ```
    pub fn from_rxcui(code: u32) -> Option<Drug> {
        RXCUI_INDEX
            .binary_search_by_key(&code, |(c, _)| *c)
            .ok()
            .map(|i| RXCUI_INDEX[i].1)
    }
}

impl crate::DrugClass {
    /// The class an ATC code or group belongs to, by the most specific of the classes'
    /// [`atc_groups`](crate::DrugClass::atc_groups); `None` where no class claims it (the
    /// immunomodulatory drugs and SINE have no ATC group of their own).
    ///
    /// ```
    /// use myeloma::DrugClass;
    /// assert_eq!(DrugClass::from_atc("L01XG"), Some(DrugClass::ProteasomeInhibitor));
    /// assert_eq!(DrugClass::from_atc("L01FC01"), Some(DrugClass::MonoclonalAntibody));
    /// assert_eq!(DrugClass::from_atc("L04AX04"), None);
    /// ```
    pub fn from_atc(code: &str) -> Option<crate::DrugClass> {
        let code = code.trim();
        crate::DrugClass::ALL
            .iter()
            .flat_map(|class| class.atc_groups().iter().map(move |group| (group, *class)))
            .filter(|(group, _)| {
                code.len() >= group.len()
                    && code.as_bytes()[..group.len()].eq_ignore_ascii_case(group.as_bytes())
            })
            .max_by_key(|(group, _)| group.len())
            .map(|(_, class)| class)
    }
}
