//! `DrugSet`: a `Copy` set of drugs, one bit per catalogue drug, for matching combinations.

use core::fmt;
use core::ops::{BitAnd, BitOr, Sub};

use crate::Drug;

/// A set of drugs: one bit per catalogue drug, so building, comparing and matching sets costs a few
/// instructions. Iterates in catalogue order.
///
/// ```
/// use myeloma::{drug_set, Drug, DrugSet, Regimen};
///
/// const RVD: DrugSet = drug_set![Drug::Lenalidomide, Drug::Bortezomib, Drug::Dexamethasone];
/// assert_eq!(Regimen::from_drugs(RVD), Some(Regimen::RVd));
/// assert!(RVD.contains(Drug::Bortezomib));
/// assert_eq!(RVD.len(), 3);
/// ```
#[derive(Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct DrugSet(u64);

/// Builds a [`DrugSet`] in `const` context from a list of drugs.
///
/// ```
/// use myeloma::{drug_set, Drug};
/// let set = drug_set![Drug::Daratumumab, Drug::Lenalidomide];
/// assert!(set.contains(Drug::Daratumumab));
/// ```
#[macro_export]
macro_rules! drug_set {
    ($($drug:expr),* $(,)?) => {
        $crate::DrugSet::EMPTY $(.with($drug))*
    };
}

impl DrugSet {
    /// The empty set.
    ///
    /// ```
    /// use myeloma::DrugSet;
    /// assert!(DrugSet::EMPTY.is_empty());
    /// assert_eq!(DrugSet::EMPTY, DrugSet::default());
    /// ```
    pub const EMPTY: DrugSet = DrugSet(0);

    /// The set whose bit `i` stands for the drug at `Drug::ALL[i]`; bits past the catalogue are dropped.
    pub(crate) const fn from_bits(bits: u64) -> DrugSet {
        DrugSet(bits & Self::all_bits())
    }

    const fn all_bits() -> u64 {
        if Drug::ALL.len() >= 64 {
            u64::MAX
        } else {
            (1u64 << Drug::ALL.len()) - 1
        }
    }

    const fn bit(drug: Drug) -> u64 {
        1u64 << (drug as u8)
    }

    /// The set's bits: bit `i` stands for `Drug::ALL[i]`.
    ///
    /// ```
    /// use myeloma::{Drug, DrugSet};
    /// let first = Drug::ALL[0];
    /// assert_eq!(DrugSet::EMPTY.with(first).bits(), 1);
    /// ```
    pub const fn bits(self) -> u64 {
        self.0
    }

    /// The set with `drug` added; the set itself is `Copy` and unchanged.
    ///
    /// ```
    /// use myeloma::{Drug, DrugSet};
    /// let set = DrugSet::EMPTY.with(Drug::Lenalidomide).with(Drug::Dexamethasone);
    /// assert_eq!(set.len(), 2);
    /// ```
    #[must_use = "returns a new set; the set it is called on does not change"]
    pub const fn with(self, drug: Drug) -> DrugSet {
        DrugSet(self.0 | Self::bit(drug))
    }

    /// The set with `drug` removed; the set itself is `Copy` and unchanged.
    ///
    /// ```
    /// use myeloma::{drug_set, Drug, Regimen};
    /// let rvd = drug_set![Drug::Lenalidomide, Drug::Bortezomib, Drug::Dexamethasone];
    /// assert_eq!(Regimen::from_drugs(rvd.without(Drug::Dexamethasone)), Some(Regimen::VR));
    /// ```
    #[must_use = "returns a new set; the set it is called on does not change"]
    pub const fn without(self, drug: Drug) -> DrugSet {
        DrugSet(self.0 & !Self::bit(drug))
    }

    /// Whether `drug` is in the set.
    ///
    /// ```
    /// use myeloma::{Drug, Regimen};
    /// assert!(Regimen::DRd.drugs().contains(Drug::Daratumumab));
    /// assert!(!Regimen::DRd.drugs().contains(Drug::Bortezomib));
    /// ```
    pub const fn contains(self, drug: Drug) -> bool {
        self.0 & Self::bit(drug) != 0
    }

    /// The number of drugs in the set.
    ///
    /// ```
    /// assert_eq!(myeloma::Regimen::DRVd.drugs().len(), 4);
    /// ```
    pub const fn len(self) -> usize {
        self.0.count_ones() as usize
    }

    /// Whether the set is empty.
    ///
    /// ```
    /// use myeloma::{Drug, DrugSet};
    /// assert!(DrugSet::EMPTY.is_empty());
    /// assert!(!DrugSet::from(Drug::Selinexor).is_empty());
    /// ```
    pub const fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// Drugs in either set; also `a | b`.
    ///
    /// ```
    /// use myeloma::{Drug, DrugSet, Regimen};
    /// let rd = DrugSet::from(Drug::Lenalidomide).with(Drug::Dexamethasone);
    /// let drd = rd.union(DrugSet::from(Drug::Daratumumab));
    /// assert_eq!(Regimen::from_drugs(drd), Some(Regimen::DRd));
    /// assert_eq!(drd, rd | DrugSet::from(Drug::Daratumumab));
    /// ```
    #[must_use = "returns a new set; the set it is called on does not change"]
    pub const fn union(self, other: DrugSet) -> DrugSet {
        DrugSet(self.0 | other.0)
    }

    /// Drugs in both sets; also `a & b`.
    ///
    /// ```
    /// use myeloma::{drug_set, Drug, Regimen};
    /// let shared = Regimen::RVd.drugs().intersection(Regimen::DRd.drugs());
    /// assert_eq!(shared, drug_set![Drug::Lenalidomide, Drug::Dexamethasone]);
    /// ```
    #[must_use = "returns a new set; the set it is called on does not change"]
    pub const fn intersection(self, other: DrugSet) -> DrugSet {
        DrugSet(self.0 & other.0)
    }

    /// Drugs in `self` but not in `other`; also `a - b`.
    ///
    /// ```
    /// use myeloma::{Drug, DrugSet, Regimen};
    /// let added = Regimen::DRVd.drugs().difference(Regimen::RVd.drugs());
    /// assert_eq!(added, DrugSet::from(Drug::Daratumumab));
    /// ```
    #[must_use = "returns a new set; the set it is called on does not change"]
    pub const fn difference(self, other: DrugSet) -> DrugSet {
        DrugSet(self.0 & !other.0)
    }

    /// Whether every drug of `self` is in `other`.
    ///
    /// ```
    /// use myeloma::Regimen;
    /// assert!(Regimen::RVd.drugs().is_subset(Regimen::DRVd.drugs()));
    /// assert!(!Regimen::DRVd.drugs().is_subset(Regimen::RVd.drugs()));
    /// ```
    pub const fn is_subset(self, other: DrugSet) -> bool {
        self.0 & !other.0 == 0
    }

    /// The drugs, in catalogue order.
    ///
    /// ```
    /// use myeloma::Regimen;
    /// let names: Vec<&str> = Regimen::Kd.drugs().iter().map(|d| d.generic_name()).collect();
    /// assert_eq!(names, ["carfilzomib", "dexamethasone"]);
    /// ```
    pub fn iter(self) -> Iter {
        Iter(self.0)
    }
}

/// The drugs of a [`DrugSet`], in catalogue order: [`DrugSet::iter`], or `for drug in set`.
///
/// ```
/// use myeloma::{Drug, Regimen};
/// let mut drugs = Regimen::Kd.drugs().iter();
/// assert_eq!(drugs.len(), 2);
/// assert_eq!(drugs.next(), Some(Drug::Carfilzomib));
/// ```
#[derive(Clone, Debug)]
pub struct Iter(u64);

impl Iterator for Iter {
    type Item = Drug;

    fn next(&mut self) -> Option<Drug> {
        if self.0 == 0 {
            return None;
        }
        let index = self.0.trailing_zeros() as usize;
        self.0 &= self.0 - 1;
        Drug::ALL.get(index).copied()
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let n = self.0.count_ones() as usize;
        (n, Some(n))
    }
}

impl ExactSizeIterator for Iter {}

impl IntoIterator for DrugSet {
    type Item = Drug;
    type IntoIter = Iter;

    fn into_iter(self) -> Iter {
        self.iter()
    }
}

impl FromIterator<Drug> for DrugSet {
    fn from_iter<I: IntoIterator<Item = Drug>>(drugs: I) -> DrugSet {
        drugs.into_iter().fold(DrugSet::EMPTY, DrugSet::with)
    }
}

impl From<Drug> for DrugSet {
    fn from(drug: Drug) -> DrugSet {
        DrugSet::EMPTY.with(drug)
    }
}

impl BitOr for DrugSet {
    type Output = DrugSet;
    fn bitor(self, other: DrugSet) -> DrugSet {
        self.union(other)
    }
}

impl BitAnd for DrugSet {
    type Output = DrugSet;
    fn bitand(self, other: DrugSet) -> DrugSet {
        self.intersection(other)
    }
}

impl Sub for DrugSet {
    type Output = DrugSet;
    fn sub(self, other: DrugSet) -> DrugSet {
        self.difference(other)
    }
}

impl fmt::Debug for DrugSet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_set().entries(self.iter()).finish()
    }
}

/// The drugs' generic names joined by ` + `, in catalogue order; [`DrugSet::ids`] writes their ids.
///
/// ```
/// use myeloma::{Drug, DrugSet};
/// let set = DrugSet::EMPTY.with(Drug::Pomalidomide).with(Drug::AcetylsalicylicAcid);
/// assert_eq!(set.to_string(), "pomalidomide + acetylsalicylic acid");
/// ```
impl fmt::Display for DrugSet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        Ids::joined(*self, Drug::generic_name).fmt(f)
    }
}

impl DrugSet {
    /// The drugs' stable ids joined by ` + `, in catalogue order: what serde writes for a
    /// combination and a CSV column of drugs holds, and what [`resolve`](crate::resolve) reads back.
    /// It displays that text, and as an iterator yields its pieces in order (each id, and ` + `
    /// between two), which a `String` takes with `extend` without the formatting machinery.
    ///
    /// ```
    /// use myeloma::{resolve, Drug, DrugSet, Therapy};
    /// let set = DrugSet::EMPTY.with(Drug::Pomalidomide).with(Drug::AcetylsalicylicAcid);
    /// let ids = set.ids().to_string();
    /// assert_eq!(ids, "pomalidomide + acetylsalicylic-acid");
    /// assert_eq!(resolve(&ids), Ok(Therapy::Combination(set)));
    ///
    /// let mut column = String::from("drugs: ");
    /// column.extend(set.ids());
    /// assert_eq!(column, "drugs: pomalidomide + acetylsalicylic-acid");
    /// assert_eq!(set.ids().collect::<Vec<_>>(), ["pomalidomide", " + ", "acetylsalicylic-acid"]);
    /// ```
    pub const fn ids(self) -> Ids {
        Ids::joined(self, Drug::id)
    }
}

/// A set's drug ids joined by ` + `: displays them, and iterates over the pieces of that text;
/// see [`DrugSet::ids`].
#[derive(Clone, Copy, Debug)]
pub struct Ids {
    /// The drugs not yet written.
    rest: u64,
    /// Whether ` + ` comes before the next drug.
    between: bool,
    /// How a drug is written: its id here; its generic name for the set's own `Display`.
    name: fn(Drug) -> &'static str,
}

impl Ids {
    const fn joined(set: DrugSet, name: fn(Drug) -> &'static str) -> Ids {
        Ids {
            rest: set.0,
            between: false,
            name,
        }
    }
}

impl Iterator for Ids {
    type Item = &'static str;

    fn next(&mut self) -> Option<&'static str> {
        if self.rest == 0 {
            return None;
        }
        if self.between {
            self.between = false;
            return Some(" + ");
        }
        let index = self.rest.trailing_zeros() as usize;
        self.rest &= self.rest - 1;
        self.between = self.rest != 0;
        Drug::ALL.get(index).map(|drug| (self.name)(*drug))
    }
}

impl fmt::Display for Ids {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.into_iter().try_for_each(|piece| f.write_str(piece))
    }
}
