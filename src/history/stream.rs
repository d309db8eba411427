//! Per-person streaming: rows grouped by person in, one person's lines out at a time.

use alloc::collections::BTreeSet;
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
    pending: Option<(K, Record)>,
    done: BTreeSet<K>,
    records: Records,
    deriver: Deriver,
    failed: bool,
}

/// Streams `rows` of `(person, record)`, grouped by person, into each person's lines of therapy.
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
        pending: None,
        done: BTreeSet::new(),
        records: Records::new(),
        deriver: Deriver::new(params),
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
        let (person, first) = self.pending.take().or_else(|| self.rows.next())?;
        if self.done.contains(&person) {
            self.failed = true;
            return Some(Err(NotGrouped { person }));
        }
        self.records.clear();
        self.records.push(first);
        for (next_person, record) in self.rows.by_ref() {
            if next_person == person {
                self.records.push(record);
            } else {
                self.pending = Some((next_person, record));
                break;
            }
        }
        self.done.insert(person.clone());
        Some(Ok((person, self.deriver.derive(&self.records))))
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
