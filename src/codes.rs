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

    /// The drug with this RxNorm ingredient concept, or an error that names the code, as
    /// [`Drug::from_atc`] gives one. Only codes whose verification is confirmed or likely are in
    /// the catalogue.
    ///
    /// ```
    /// use myeloma::Drug;
    /// assert_eq!(Drug::from_rxcui(358258), Ok(Drug::Bortezomib));
    /// assert_eq!(Drug::from_rxcui(1).unwrap_err().to_string(), "unknown RxNorm code `1`");
    /// ```
    pub fn from_rxcui(code: u32) -> Result<Drug, ParseError> {
        match RXCUI_INDEX.binary_search_by_key(&code, |(c, _)| *c) {
            Ok(i) => Ok(RXCUI_INDEX[i].1),
            Err(_) => {
                // The code's digits, written on the stack: an error never allocates.
                let mut digits = [0u8; 10];
                let mut at = digits.len();
                let mut rest = code;
                loop {
                    at -= 1;
                    digits[at] = b'0' + (rest % 10) as u8;
                    rest /= 10;
                    if rest == 0 {
                        break;
                    }
                }
                let text = core::str::from_utf8(&digits[at..]).unwrap_or_default();
                Err(ParseError::new(Expected::Rxcui, text, text))
            }
        }
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
    /// // Text that is no ATC code or group matches no class, whatever it starts with.
    /// assert_eq!(DrugClass::from_atc("L01XGZZZZZZ"), None);
    /// ```
    pub fn from_atc(code: &str) -> Option<crate::DrugClass> {
        let code = code.trim();
        if !is_atc_shaped(code) {
            return None;
        }
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

/// Whether `code` has the shape of an ATC code (L01XG01) or group (L, L01, L01X, L01XG), in any case.
fn is_atc_shaped(code: &str) -> bool {
    const PATTERN: &[u8] = b"A00AA00";
    matches!(code.len(), 1 | 3 | 4 | 5 | 7)
        && code.bytes().zip(PATTERN).all(|(b, p)| {
            if p.is_ascii_digit() {
                b.is_ascii_digit()
            } else {
                b.is_ascii_alphabetic()
            }
        })
}
