//! Rule N1: a drug's exposures merge into episodes.

use alloc::vec::Vec;

use super::{roles, Date, Exposure, Params};
use crate::Drug;

/// N1: a run of one drug's exposures whose uncovered gaps are each shorter than
/// [`Params::discontinuation_gap_days`]. The drug is stopped at the episode's `end`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Episode {
    pub drug: Drug,
    pub start: Date,
    /// The last covered day.
    pub end: Date,
    /// The episode's exposures, as indices into the coverage list built beside it.
    pub first: u32,
    pub count: u32,
}

/// Builds every drug's episodes (sorted by drug, then start) and the coverage list they index.
/// `keep` says which exposures to use (exposures before diagnosis are left out). `events` are the
/// transplant and CAR-T infusion dates: an episode of a conditioning, mobilisation or
/// lymphodepletion agent ends at one that falls between two of its exposures, since the agents of
/// one transplant are not those of the next (this project's reading of N1 with M4).
pub(crate) fn episodes(
    exposures: &[Exposure],
    params: &Params,
    keep: impl Fn(&Exposure) -> bool,
    events: &[Date],
    keys: &mut Vec<u64>,
    coverage: &mut Vec<(Drug, Date, Date)>,
    out: &mut Vec<Episode>,
) {
    keys.clear();
    coverage.clear();
    out.clear();
    keys.reserve(exposures.len());
    keys.extend(
        exposures
            .iter()
            .filter(|e| keep(e))
            .map(|e| sort_key(e.drug, e.start, e.covered_until(params))),
    );
    // Sorting plain integers is several times faster than sorting the tuples they stand for.
    keys.sort_unstable();
    coverage.reserve(keys.len());
    coverage.extend(keys.iter().filter_map(|&key| from_sort_key(key)));
    let gap = params.discontinuation_gap_days;
    for (i, &(drug, start, end)) in coverage.iter().enumerate() {
        let index = u32::try_from(i).unwrap_or(u32::MAX);
        match out.last_mut() {
            Some(last)
                if last.drug == drug
                    && last.end.days_until(start) < gap
                    && !(roles::is_event_agent(drug)
                        && events.iter().any(|&e| last.end <= e && e < start)) =>
            {
                last.end = last.end.max(end);
                last.count += 1;
            }
            _ => out.push(Episode {
                drug,
                start,
                end,
                first: index,
                count: 1,
            }),
        }
    }
}

/// `(drug, start, end)` as one number in the same order: the drug's catalogue position, then
/// each date's offset from [`Date::MIN`] (22 bits hold any date's).
fn sort_key(drug: Drug, start: Date, end: Date) -> u64 {
    let offset = |d: Date| (d.days_since_epoch() - Date::MIN.days_since_epoch()) as u64;
    (u64::from(drug as u8) << 44) | (offset(start) << 22) | offset(end)
}

/// The `(drug, start, end)` of a [`sort_key`] (always some for a key it made).
fn from_sort_key(key: u64) -> Option<(Drug, Date, Date)> {
    let date = |bits: u64| Date::MIN.add_days((bits & 0x3f_ffff) as i32);
    let drug = Drug::ALL.get((key >> 44) as usize).copied()?;
    Some((drug, date(key >> 22), date(key)))
}

impl Episode {
    /// Whether one of the episode's own exposures, started before `day`, covers it (definition 3
    /// of the reference: a dose given on the day a new drug starts belongs with the new drug).
    pub fn exposure_covers(&self, coverage: &[(Drug, Date, Date)], day: Date) -> bool {
        let from = self.first as usize;
        let to = from.saturating_add(self.count as usize).min(coverage.len());
        coverage
            .get(from..to)
            .unwrap_or(&[])
            .iter()
            .any(|&(_, s, e)| s < day && day <= e)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        s.parse().unwrap()
    }

    #[test]
    fn the_sort_key_orders_as_the_fields_do() {
        let dates = [
            Date::MIN,
            d("1969-12-31"),
            Date::EPOCH,
            d("2024-02-29"),
            Date::MAX,
        ];
        let drugs = [Drug::Bortezomib, Drug::Lenalidomide, Drug::Dexamethasone];
        let mut all = Vec::new();
        for &drug in &drugs {
            for &start in &dates {
                for &end in &dates {
                    all.push((drug, start, end));
                }
            }
        }
        let mut keys: Vec<u64> = all.iter().map(|&(d, s, e)| sort_key(d, s, e)).collect();
        keys.sort_unstable();
        let by_key: Vec<_> = keys.iter().filter_map(|&k| from_sort_key(k)).collect();
        all.sort_unstable();
        assert_eq!(by_key, all);
    }

    #[test]
    fn gaps_shorter_than_the_discontinuation_gap_merge() {
        let p = Params::default();
        let fill = |date| Exposure::dispensing(Drug::Lenalidomide, d(date), Some(21));
        // Covered to 2023-07-09; the next fill 50 days later merges; one 90 days later does not.
        let exposures = [fill("2023-06-19"), fill("2023-08-28"), fill("2023-09-25")];
        let (mut keys, mut cov, mut eps) = (Vec::new(), Vec::new(), Vec::new());
        episodes(&exposures, &p, |_| true, &[], &mut keys, &mut cov, &mut eps);
        assert_eq!(eps.len(), 1, "{eps:?}");
        let exposures = [fill("2023-06-19"), fill("2023-10-07")]; // 07-09 + 90 days
        episodes(&exposures, &p, |_| true, &[], &mut keys, &mut cov, &mut eps);
        assert_eq!(eps.len(), 2);
        let exposures = [fill("2023-06-19"), fill("2023-10-06")]; // 89 days
        episodes(&exposures, &p, |_| true, &[], &mut keys, &mut cov, &mut eps);
        assert_eq!(eps.len(), 1);
        assert!(eps[0].exposure_covers(&cov, d("2023-07-09")));
        assert!(!eps[0].exposure_covers(&cov, d("2023-06-19")));
        assert!(!eps[0].exposure_covers(&cov, d("2023-07-10")));
    }
}
