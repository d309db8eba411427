//! Rule R1: refractoriness, confirmed by a supplied progression or (opt-in) inferred from a line
//! change.

use alloc::vec::Vec;

use super::{Line, LineDrug, Params, Purpose, Refractory, RefractoryBasis};
use crate::Drug;

/// R1.
/// - **Confirmed** when a supplied progression falls while a drug is covered, or within
///   [`Params::refractory_window_days`] after its coverage (IMWG).
/// - **Inferred** when the next line starts while a drug of the line before is covered or within
///   the same window after it (this project's choice; reported apart, never used unless asked).
///
/// Only treatment drugs count: steroids, conditioning, mobilisation and lymphodepletion agents do
/// not. Each drug appears at most once per basis, at its earliest date.
pub(crate) fn refractory(
    lines: &[Line],
    progressions: &[super::Date],
    p: &Params,
) -> Vec<Refractory> {
    let window = p.refractory_window_days;
    let mut out: Vec<Refractory> = Vec::new();
    let mut add = |drug: Drug, since, basis| match out
        .iter_mut()
        .find(|r| r.drug == drug && r.basis == basis)
    {
        Some(r) => r.since = r.since.min(since),
        None => out.push(Refractory { drug, since, basis }),
    };
    for line in lines {
        for &q in progressions {
            for d in treatments(line) {
                if d.start <= q && d.end.days_until(q) <= window {
                    add(d.drug, q, RefractoryBasis::Confirmed);
                }
            }
        }
    }
    for pair in lines.windows(2) {
        let next = pair[1].start;
        for d in treatments(&pair[0]) {
            if d.start < next && d.end.days_until(next) <= window {
                add(d.drug, next, RefractoryBasis::Inferred);
            }
        }
    }
    out.sort_unstable_by_key(|r| (r.since, r.basis, r.drug));
    out
}

/// A line's treatment drugs, the ones R1 judges.
fn treatments(line: &Line) -> impl Iterator<Item = &LineDrug> {
    line.drugs.iter().filter(|d| {
        d.role == crate::DrugRole::LineDefining
            && matches!(
                d.purpose,
                Purpose::Treatment | Purpose::Bridging | Purpose::CarTProduct
            )
    })
}
