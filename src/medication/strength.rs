//! Strengths: a number with a unit (`25 mg`, `1.3 mg/m2`, `1,800 MG`, `2.5mg`, `30000 UNT`).

use core::fmt;

use super::keyword::{per_of, unit_of};
use super::lexer::{keys, Tokens};

/// An amount, exactly as written to the thousandth: `1.3` is 1,300 thousandths.
///
/// Kept as an integer count of thousandths rather than a float so that it is `Eq`, `Ord` and `Hash`
/// (a strength can key a map or be compared in a test), and so that `1.3` stays `1.3`: a binary float
/// cannot hold most decimal fractions. Strengths in records have at most three decimals
/// (`0.06 mg/kg`, `1.3 mg/m2`); a number with more significant decimals is not read as a strength.
///
/// ```
/// use myeloma::Amount;
/// let amount = Amount::from_thousandths(1_300);
/// assert_eq!(amount.to_string(), "1.3");
/// assert_eq!(Amount::parse("1,800"), Some(Amount::from_thousandths(1_800_000)));
/// assert_eq!(Amount::parse("0.0005"), None); // finer than a thousandth
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Amount(u64);

impl Amount {
    /// The amount of `thousandths` thousandths.
    pub const fn from_thousandths(thousandths: u64) -> Amount {
        Amount(thousandths)
    }

    /// The amount in thousandths.
    pub const fn thousandths(self) -> u64 {
        self.0
    }

    /// Reads a number as records write it: digits with an optional decimal point (`1.3`, `25`,
    /// `0.06`), and commas only as thousands separators between groups of three digits (`1,800`,
    /// `30,000`). `None` for anything else (`2,5`, `1,8,15`), for more than three significant
    /// decimals, and for numbers too large to hold.
    pub fn parse(text: &str) -> Option<Amount> {
        Amount::parse_bytes(text.as_bytes())
    }

    /// [`Amount::parse`] of the text's bytes.
    #[inline]
    pub(crate) fn parse_bytes(bytes: &[u8]) -> Option<Amount> {
        // At most 16 bytes hold at most 16 digits: the amount in thousandths is then below
        // 10^19, under `u64::MAX`, and is read without checking each product (callgrind: 5
        // instructions a digit less). Longer text, which no record writes, is read with the checks.
        if bytes.len() > 16 {
            return Amount::parse_long(bytes);
        }
        Amount::read::<false>(bytes)
    }

    /// [`Amount::parse_bytes`] of text too long to read without checks.
    #[cold]
    #[inline(never)]
    fn parse_long(bytes: &[u8]) -> Option<Amount> {
        Amount::read::<true>(bytes)
    }

    /// [`Amount::parse_bytes`], checking each product and sum for overflow if `CHECKED` (needless
    /// for 16 digits or fewer).
    #[inline(always)]
    fn read<const CHECKED: bool>(bytes: &[u8]) -> Option<Amount> {
        // The whole part, in one pass: digits, and commas that close groups (the first of one to
        // three digits, the others of three).
        let mut value: u64 = 0;
        // usize: a run of digits as long as the text, past `i32` on the checked path.
        let mut group = 0usize;
        let mut grouped = false;
        let mut i = 0;
        while let Some(&b) = bytes.get(i) {
            let digit = b.wrapping_sub(b'0');
            if digit < 10 {
                value = if CHECKED {
                    value.checked_mul(10)?.checked_add(u64::from(digit))?
                } else {
                    value * 10 + u64::from(digit)
                };
                group += 1;
            } else if b == b',' && (group == 3 || (!grouped && (1..=3).contains(&group))) {
                grouped = true;
                group = 0;
            } else if b == b'.' {
                break;
            } else {
                return None;
            }
            i += 1;
        }
        if i == 0 || (grouped && group != 3) {
            return None;
        }
        let fraction = match bytes.get(i + 1..) {
            Some(fraction) => thousandths(fraction)?,
            None => 0,
        };
        if CHECKED {
            value.checked_mul(1000)?.checked_add(fraction).map(Amount)
        } else {
            Some(Amount(value * 1000 + fraction))
        }
    }
}

/// The thousandths of the digits after a decimal point: `None` for none, for a byte that is no
/// digit, and for a digit past the third that is not 0.
#[inline]
fn thousandths(fraction: &[u8]) -> Option<u64> {
    if fraction.is_empty() {
        return None;
    }
    let mut thousandths = 0;
    for (n, &b) in fraction.iter().enumerate() {
        if !b.is_ascii_digit() || (n >= 3 && b != b'0') {
            return None;
        }
        if let Some(place) = [100, 10, 1].get(n) {
            thousandths += u64::from(b - b'0') * place;
        }
    }
    Some(thousandths)
}

/// Writes the amount with no trailing zeros: `25`, `1.3`, `0.06`.
impl fmt::Display for Amount {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (whole, mut fraction) = (self.0 / 1000, self.0 % 1000);
        write!(f, "{whole}")?;
        if fraction == 0 {
            return Ok(());
        }
        let mut places = 3;
        while fraction % 10 == 0 {
            fraction /= 10;
            places -= 1;
        }
        write!(f, ".{fraction:0places$}")
    }
}

/// The unit of a strength.
///
/// ```
/// use myeloma::Unit;
/// assert_eq!(Unit::MgPerM2.to_string(), "mg/m2");
/// assert_eq!(Unit::ALL.len(), 9);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum Unit {
    /// `mg`: milligrams (`mg`, `MG`, `milligrams`).
    Mg,
    /// `mcg`: micrograms (`mcg`, `µg`, `ug`, `micrograms`).
    Mcg,
    /// `g`: grams (`g`, `gm`, `grams`).
    G,
    /// `mg/m2`: milligrams per square metre of body surface (`mg/m2`, `mg/m²`, `mg/m^2`, `MG/M2`).
    MgPerM2,
    /// `mg/kg`: milligrams per kilogram of body weight.
    MgPerKg,
    /// `units`: units (`units`, `unit`, `U`, RxNorm's `UNT`, and `IU`, since the catalogue's drugs
    /// dosed in units, heparin and hyaluronidase, are labelled in USP units, which for heparin are
    /// international units).
    Units,
    /// `mL`: millilitres (`mL`, `ml`, `ML`, `cc`).
    Ml,
    /// `mg/mL`: a concentration (`mg/mL`, `MG/ML`).
    MgPerMl,
    /// `units/mL`: a concentration (`units/mL`, `UNT/ML`, `U/mL`).
    UnitsPerMl,
}

crate::ids::coded! {
    Unit, "How the unit is written: `mg`, `mcg`, `g`, `mg/m2`, `mg/kg`, `units`, `mL`, `mg/mL`, `units/mL`." {
        Mg => "mg",
        Mcg => "mcg",
        G => "g",
        MgPerM2 => "mg/m2",
        MgPerKg => "mg/kg",
        Units => "units",
        Ml => "mL",
        MgPerMl => "mg/mL",
        UnitsPerMl => "units/mL",
    }
}

/// A strength: an amount and its unit.
///
/// ```
/// use myeloma::{Amount, Strength, Unit};
/// let strength = Strength { amount: Amount::from_thousandths(1_300), unit: Unit::MgPerM2 };
/// assert_eq!(strength.to_string(), "1.3 mg/m2");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Strength {
    /// How much.
    pub amount: Amount,
    /// Of what.
    pub unit: Unit,
}

/// Writes the amount, a space and the unit: `1.3 mg/m2`.
impl fmt::Display for Strength {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.amount, self.unit)
    }
}

const MG: &[u128] = &keys(["mg", "mgs", "milligram", "milligrams"]);
const MCG: &[u128] = &keys(["mcg", "µg", "μg", "ug", "microgram", "micrograms"]);
const G: &[u128] = &keys(["g", "gm", "gram", "grams"]);
const UNITS: &[u128] = &keys(["unit", "units", "u", "unt", "iu"]);
const ML: &[u128] = &keys([
    "ml",
    "milliliter",
    "milliliters",
    "millilitre",
    "millilitres",
    "cc",
]);
const PER_M2: &[u128] = &keys(["m2", "m²", "m^2"]);
const PER_KG: &[u128] = &keys(["kg"]);
const PER_ML: &[u128] = &keys(["ml"]);

/// The words of each unit, in the order they are tried: a word of two lists is the first's. They
/// are in the keyword module's lexicon, which gives each word's unit by its id.
pub(crate) const UNITS_BY_WORD: [(&[u128], Unit); 5] = [
    (MG, Unit::Mg),
    (MCG, Unit::Mcg),
    (G, Unit::G),
    (UNITS, Unit::Units),
    (ML, Unit::Ml),
];

/// What a word after a unit's `/` makes of it (`mg/m2`, `mg/kg`, `mg/mL`).
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Per {
    M2,
    Kg,
    Ml,
}

/// The words after a unit's `/` that are read, by what they make of it.
pub(crate) const PER_WORDS: [(&[u128], Per); 3] =
    [(PER_M2, Per::M2), (PER_KG, Per::Kg), (PER_ML, Per::Ml)];

/// How many words [`UNITS_BY_WORD`] and [`PER_WORDS`] hold.
pub(crate) const UNIT_WORDS: usize = MG.len()
    + MCG.len()
    + G.len()
    + UNITS.len()
    + ML.len()
    + PER_M2.len()
    + PER_KG.len()
    + PER_ML.len();

/// The unit at token `i` and how many tokens it takes: a unit word, and for a rate or a
/// concentration a `/` touching both words (`mg/m2`). A unit followed by a touching `/` and a word
/// it does not know (`mcg/kg`, `mg/dose`) is not read: taking only its first part would misstate
/// it; so is one joined to a word by a hyphen (`mg-unit`). Before `/` and a number
/// (`1800 mg/15 mL`) the unit stands on its own.
pub(crate) fn unit_at(tokens: &Tokens<'_>, i: usize) -> Option<(Unit, usize)> {
    // Only a word has an id: a number or a mark is no unit.
    let simple = unit_of(tokens.id_of(i))?;
    // "mg-unit": a unit joined to another word is a unit of its own, not read.
    if tokens.is_mark::<'-'>(i + 1)
        && tokens.glued(i)
        && tokens.glued(i + 1)
        && tokens.is_word(i + 2)
    {
        return None;
    }
    let slash = tokens.is_mark::<'/'>(i + 1) && tokens.glued(i) && tokens.glued(i + 1);
    if !slash || !tokens.is_word(i + 2) {
        return Some((simple, 1));
    }
    let compound = match (simple, per_of(tokens.id_of(i + 2))) {
        (Unit::Mg, Some(Per::M2)) => Unit::MgPerM2,
        (Unit::Mg, Some(Per::Kg)) => Unit::MgPerKg,
        (Unit::Mg, Some(Per::Ml)) => Unit::MgPerMl,
        (Unit::Units, Some(Per::Ml)) => Unit::UnitsPerMl,
        _ => return None,
    };
    Some((compound, 3))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts() {
        let t = |s| Amount::parse(s).map(Amount::thousandths);
        assert_eq!(t("25"), Some(25_000));
        assert_eq!(t("1.3"), Some(1_300));
        assert_eq!(t("0.06"), Some(60));
        assert_eq!(t("1,800"), Some(1_800_000));
        assert_eq!(t("30,000.5"), Some(30_000_500));
        assert_eq!(t("1.500"), Some(1_500));
        assert_eq!(t("1.0001"), None);
        assert_eq!(t("2,5"), None);
        assert_eq!(t("1,8,15"), None);
        assert_eq!(t("1800,000"), None);
        assert_eq!(t("99999999999999999999"), None);
        assert_eq!(t("9999999999999999"), Some(9_999_999_999_999_999_000));
        assert_eq!(t("999,999,999.999"), Some(999_999_999_999));
        // Past 16 bytes, read with checks.
        assert_eq!(t("00000000000000000000025"), Some(25_000));
        assert_eq!(t("1,000,000,000,000,000"), Some(10u64.pow(18)));
        assert_eq!(t("18446744073709551"), Some(18_446_744_073_709_551_000));
        assert_eq!(t("18446744073709552"), None);
        assert_eq!(t(""), None);
        assert_eq!(t("1."), None);
    }
}
