//! Per-person streaming: rows grouped by person in, one person's lines out at a time.

use alloc::borrow::ToOwned;
use alloc::collections::BTreeSet;
use alloc::vec::Vec;
use core::borrow::Borrow;
use core::fmt;

use super::{Deriver, LinesOfTherapy, Params, Record, Records};

/// Derives lines of therapy person by person from rows grouped by person (each person's rows
/// together, in any date order). Built by [`by_person`].
///
/// It holds one person's rows at a time, plus the ids of the people already done so that input
/// that is not grouped is caught: when a person's rows appear again after another person's, it
/// yields [`NotGrouped`] and stops.
#[derive(Debug)]
pub struct ByPerson<I, K> {
    rows: I,
    people: People<K>,
    /// A [`NotGrouped`] found while the person before it was still open: yielded after their lines.
    error: Option<NotGrouped<K>>,
    failed: bool,
}

/// Streams `rows` of `(person, record)`, grouped by person, into each person's lines of therapy.
/// For rows read in a loop of the caller's own, [`People`] takes them one at a time.
///
/// ```
/// use myeloma::history::{by_person, Date, Exposure, Params, Record};
/// use myeloma::Drug;
///
/// let day = |s: &str| s.parse::<Date>().unwrap();
/// let len = |s| Record::Exposure(Exposure::dispensing(Drug::Lenalidomide, day(s), Some(28)));
/// let rows = vec![("a", len("2024-01-01")), ("a", len("2024-02-01")), ("b", len("2024-03-01"))];
/// let people: Vec<_> = by_person(rows, Params::default()).collect::<Result<_, _>>()?;
/// assert_eq!(people.len(), 2);
/// assert_eq!(people[0].1.lines.len(), 1);
///
/// let ungrouped = vec![("a", len("2024-01-01")), ("b", len("2024-03-01")), ("a", len("2024-02-01"))];
/// let error = by_person(ungrouped, Params::default()).find_map(Result::err).unwrap();
/// assert_eq!(error.to_string(), "the rows of person a are not together: they appear again after another person's (group the input by person)");
/// # Ok::<(), myeloma::history::NotGrouped<&str>>(())
/// ```
pub fn by_person<I, K>(rows: I, params: Params) -> ByPerson<I::IntoIter, K>
where
    I: IntoIterator<Item = (K, Record)>,
    K: Ord + Clone,
{
    ByPerson {
        rows: rows.into_iter(),
        people: People::new(params),
        error: None,
        failed: false,
    }
}

impl<I, K> Iterator for ByPerson<I, K>
where
    I: Iterator<Item = (K, Record)>,
    K: Ord + Clone,
{
    type Item = Result<(K, LinesOfTherapy), NotGrouped<K>>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.failed {
            return None;
        }
        if let Some(error) = self.error.take() {
            self.failed = true;
            return Some(Err(error));
        }
        for (person, record) in self.rows.by_ref() {
            match self.people.push(&person, record) {
                Ok(None) => {}
                Ok(Some(ended)) => return Some(Ok(ended)),
                // The lines of the person before the stray row come first.
                Err(error) => match self.people.finish() {
                    Some(ended) => {
                        self.error = Some(error);
                        return Some(Ok(ended));
                    }
                    None => {
                        self.failed = true;
                        return Some(Err(error));
                    }
                },
            }
        }
        self.people.finish().map(Ok)
    }
}

/// Derives lines of therapy person by person from rows pushed one at a time, grouped by person:
/// what [`by_person`] does for an iterator, for rows read in a loop of the caller's own (a CSV
/// reader with a reused record, a database cursor). Each row goes straight into the person's
/// records, and a person's lines come back as soon as the next person's first row arrives.
///
/// The person is borrowed (`&str` for `String` ids) and turned into a `K` only when their first
/// row arrives, so reading rows into a reused buffer allocates once a person, not once a row.
///
/// ```
/// use myeloma::history::{Date, Exposure, Params, People, Record};
/// use myeloma::Drug;
///
/// let day = |s: &str| s.parse::<Date>().unwrap();
/// let len = |s| Record::Exposure(Exposure::dispensing(Drug::Lenalidomide, day(s), Some(28)));
/// let mut people = People::<String>::new(Params::default());
/// assert!(people.push("a", len("2024-01-01"))?.is_none());
/// assert!(people.push("a", len("2024-02-01"))?.is_none());
/// // b's first row ends a's rows: a's lines come back.
/// let (person, lines) = people.push("b", len("2024-03-01"))?.unwrap();
/// assert_eq!((person.as_str(), lines.lines.len()), ("a", 1));
/// // a again after b: not grouped. The row is refused, and b's rows stay.
/// assert_eq!(people.push("a", len("2024-04-01")).unwrap_err().person, "a");
/// let (person, _) = people.finish().unwrap();
/// assert_eq!(person, "b");
/// assert!(people.finish().is_none());
/// # Ok::<(), myeloma::history::NotGrouped<String>>(())
/// ```
#[derive(Debug)]
pub struct People<K> {
    /// The person whose rows are being gathered, if any.
    person: Option<K>,
    records: Records,
    /// The people whose rows have ended, to catch input that is not grouped.
    done: Done<K>,
    deriver: Deriver,
}

impl<K: Ord + Clone> People<K> {
    /// No rows yet; lines are derived with `params`.
    pub fn new(params: Params) -> People<K> {
        People {
            person: None,
            records: Records::new(),
            done: Done {
                sorted: Vec::new(),
                others: BTreeSet::new(),
            },
            deriver: Deriver::new(params),
        }
    }

    /// Adds `record` of `person`. When `person` is not the person of the row before, that
    /// person's rows have ended, and their lines of therapy are returned.
    ///
    /// # Errors
    /// [`NotGrouped`] when `person`'s rows have already ended (they appear again after another
    /// person's). The row is not added; the current person's rows stay, for [`finish`](Self::finish).
    #[inline] // called once a row, from the caller's crate
    pub fn push<Q>(
        &mut self,
        person: &Q,
        record: Record,
    ) -> Result<Option<(K, LinesOfTherapy)>, NotGrouped<K>>
    where
        K: Borrow<Q>,
        Q: Ord + ToOwned<Owned = K> + ?Sized,
    {
        if self.person.as_ref().is_some_and(|p| p.borrow() == person) {
            self.records.push(record);
            return Ok(None);
        }
        if self.done.contains(person) {
            return Err(NotGrouped {
                person: person.to_owned(),
            });
        }
        let ended = self.finish();
        self.person = Some(person.to_owned());
        self.records.push(record);
        Ok(ended)
    }

    /// Ends the current person's rows: their lines of therapy, or `None` when no row has arrived
    /// since the last end. Call it after the last row.
    pub fn finish(&mut self) -> Option<(K, LinesOfTherapy)> {
        let person = self.person.take()?;
        let lines = self.deriver.derive(&self.records);
        self.records.clear();
        self.done.insert(person.clone());
        Some((person, lines))
    }
}

/// The people whose rows have ended. Input sorted by person, as exports usually are, only appends
/// to `sorted` and compares each new person with the last one; a person out of order goes to
/// `others`, all of whom sort before the last of `sorted`. Either way a lookup takes O(log n).
#[derive(Debug)]
struct Done<K> {
    sorted: Vec<K>,
    others: BTreeSet<K>,
}

impl<K: Ord> Done<K> {
    fn contains<Q: Ord + ?Sized>(&self, person: &Q) -> bool
    where
        K: Borrow<Q>,
    {
        match self.sorted.last() {
            Some(last) if person <= last.borrow() => {
                self.sorted
                    .binary_search_by(|k| k.borrow().cmp(person))
                    .is_ok()
                    || self.others.contains(person)
            }
            _ => false,
        }
    }

    fn insert(&mut self, person: K) {
        if self.sorted.last().is_none_or(|last| *last < person) {
            self.sorted.push(person);
        } else {
            self.others.insert(person);
        }
    }
}

/// Input that is not grouped by person: `person`'s rows appear again after another person's.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct NotGrouped<K> {
    /// The person whose rows are split.
    pub person: K,
}

impl<K: fmt::Display> fmt::Display for NotGrouped<K> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "the rows of person {} are not together: they appear again after another person's (group the input by person)",
            self.person
        )
    }
}

impl<K: fmt::Display + fmt::Debug> core::error::Error for NotGrouped<K> {}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::history::{Date, Exposure};
    use crate::Drug;
    use alloc::vec;

    #[test]
    fn every_split_person_is_caught_whatever_the_order() {
        // Every sequence of six rows over five people: the first row whose person appeared before,
        // but not in the row just before it, is the one refused; the people before it come out.
        let day = Date::from_ymd(2024, 1, 1).unwrap();
        let record = Record::Exposure(Exposure::administration(Drug::Bortezomib, day));
        for n in 0..5u32.pow(6) {
            let rows: Vec<u32> = (0..6).map(|i| n / 5u32.pow(i) % 5).collect();
            let stray =
                (1..rows.len()).find(|&i| rows[i] != rows[i - 1] && rows[..i].contains(&rows[i]));
            let mut expected: Vec<Result<u32, u32>> = vec![];
            let end = stray.unwrap_or(rows.len());
            for i in 0..end {
                if i + 1 == end || rows[i + 1] != rows[i] {
                    expected.push(Ok(rows[i]));
                }
            }
            if let Some(i) = stray {
                expected.push(Err(rows[i]));
            }
            let got: Vec<Result<u32, u32>> =
                by_person(rows.iter().map(|&p| (p, record)), Params::default())
                    .map(|r| r.map(|(p, _)| p).map_err(|e| e.person))
                    .collect();
            assert_eq!(got, expected, "{rows:?}");
        }
    }
}
