//! Rule H1: a [`TreatmentHistory`] as of a date, from derived lines, so that
//! [`Regimen::check`](crate::Regimen::check) works straight from records.

use super::{Date, LinesOfTherapy, RefractoryBasis};
use crate::{DrugSet, HistoryError, Phase, TransplantStatus, TreatmentHistory};

/// Options of [`LinesOfTherapy::treatment_history`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct AsOf {
    /// Also count refractoriness inferred from a line change (R1); off by default, as only a
    /// supplied progression confirms it.
    pub inferred_refractory: bool,
    /// The phase to state; `None` derives it (see [`LinesOfTherapy::treatment_history`]).
    pub phase: Option<Phase>,
}

impl LinesOfTherapy {
    /// H1: the history a therapy starting on `date` is assessed against.
    ///
    /// - `prior_lines`: lines that started before `date`;
    /// - `exposed`: every line-defining and steroid drug of those lines given before `date`;
    /// - `refractory`: confirmed before `date` (plus inferred when asked), among the exposures;
    /// - `transplant`: `Done` if a transplant took place before `date`, else unknown;
    /// - `progressed_on_last`: only from a supplied progression after the last prior line's start
    ///   and on or before `date`, never from a line change alone (IMWG lets a line change for
    ///   toxicity).
    ///
    /// The phase, unless given: newly diagnosed with no prior line; refractory when a supplied
    /// progression confirms refractoriness to a drug of the last prior line, relapsed on any
    /// other progression; after transplant when `date` falls in the last prior line after its
    /// transplant; otherwise relapsed (a new line is starting).
    ///
    /// ```
    /// use myeloma::history::{lines_of_therapy, AsOf, Date, Exposure, Params, Record, Records};
    /// use myeloma::{Drug, Regimen, Regulator};
    ///
    /// let day = |s: &str| s.parse::<Date>().unwrap();
    /// let mut records = Records::new();
    /// for cycle in 0..6 {
    ///     let start = day("2024-01-08").add_days(28 * cycle);
    ///     records.push(Record::Exposure(Exposure::dispensing(Drug::Lenalidomide, start, Some(21))));
    ///     records.push(Record::Exposure(Exposure::administration(Drug::Bortezomib, start)));
    ///     records.push(Record::Exposure(Exposure::administration(Drug::Dexamethasone, start)));
    /// }
    /// let lines = lines_of_therapy(&records, &Params::default());
    /// let history = lines.treatment_history(day("2025-01-06"), AsOf::default())?;
    /// assert_eq!(history.prior_lines(), 1);
    /// assert!(history.exposed().contains(Drug::Lenalidomide));
    /// // Daratumumab, carfilzomib and dexamethasone: 1 to 3 prior lines.
    /// assert!(Regimen::DKd.check(&history, Regulator::HealthCanada).is_within());
    /// # Ok::<(), myeloma::HistoryError>(())
    /// ```
    pub fn treatment_history(
        &self,
        date: Date,
        options: AsOf,
    ) -> Result<TreatmentHistory, HistoryError> {
        let prior: &[super::Line] = {
            let n = self.lines.iter().take_while(|l| l.start < date).count();
            &self.lines[..n]
        };
        let exposed: DrugSet = prior
            .iter()
            .flat_map(|l| l.drugs.iter())
            .filter(|d| d.start < date && d.role != crate::DrugRole::Supportive)
            .map(|d| d.drug)
            .collect();
        let refractory: DrugSet = self
            .refractory
            .iter()
            .filter(|r| r.since < date)
            .filter(|r| r.basis == RefractoryBasis::Confirmed || options.inferred_refractory)
            .map(|r| r.drug)
            .collect::<DrugSet>()
            .intersection(exposed);
        let transplant_done = prior
            .iter()
            .flat_map(|l| l.procedures.iter())
            .any(|p| p.kind.is_transplant() && p.date < date);
        let last = prior.last();
        let progressed =
            last.is_some_and(|l| self.progressions.iter().any(|&q| l.start < q && q <= date));
        let phase = options.phase.unwrap_or_else(|| match last {
            None => Phase::NewlyDiagnosed,
            Some(l) if progressed => {
                let refractory_to_last = self.refractory.iter().any(|r| {
                    r.basis == RefractoryBasis::Confirmed
                        && r.since <= date
                        && l.start <= r.since
                        && l.drug_set().contains(r.drug)
                });
                if refractory_to_last {
                    Phase::Refractory
                } else {
                    Phase::Relapsed
                }
            }
            Some(l)
                if l.procedures
                    .iter()
                    .any(|p| p.kind.is_transplant() && p.date < date)
                    && date <= l.end.add_days(1) =>
            {
                Phase::AfterTransplant
            }
            Some(_) => Phase::Relapsed,
        });
        let prior_lines = u8::try_from(prior.len()).unwrap_or(u8::MAX);
        let mut builder = TreatmentHistory::builder(phase)
            .prior_lines(prior_lines)
            .exposed(exposed)
            .refractory(refractory)
            .progressed_on_last(progressed);
        if transplant_done {
            builder = builder.transplant(TransplantStatus::Done);
        }
        builder.build()
    }
}
