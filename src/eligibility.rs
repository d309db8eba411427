//! A patient's treatment history: the input that [`Regimen::check`] and [`Drug::check`] read
//! against the regulators' approved indications.
//!
//! Informational only: the catalogue records what its sources state; it does not recommend
//! treatment. Nothing here allocates.

use core::fmt;

#[cfg(doc)]
use crate::{Drug, Regimen};
use crate::{DrugSet, Exposure, Phase, TransplantStatus};

/// The most prior lines of therapy a [`TreatmentHistory`] may record.
///
/// No condition in the catalogue asks for more than a handful, and real histories rarely pass ten;
/// a larger count is far more likely a typing error (22 for 2) than a history, so the builder
/// rejects it with [`HistoryError::TooManyPriorLines`].
///
/// ```
/// use myeloma::{Phase, TreatmentHistory, MAX_PRIOR_LINES};
/// let builder = TreatmentHistory::builder(Phase::Relapsed);
/// assert!(builder.prior_lines(MAX_PRIOR_LINES).build().is_ok());
/// assert!(builder.prior_lines(MAX_PRIOR_LINES + 1).build().is_err());
/// ```
pub const MAX_PRIOR_LINES: u8 = 15;

/// What a patient has been treated with so far, and where they are in the course of treatment:
/// the input to [`Regimen::check`], [`Drug::check`] and [`options`](crate::options).
///
/// Build one with [`TreatmentHistory::builder`]; [`HistoryBuilder::build`] rejects histories that
/// contradict themselves ([`HistoryError`]). A history is a few bytes and `Copy`.
///
/// How the catalogue reads a history (its choices, where sources leave room):
/// - **Prior lines** are the lines of therapy given before the treatment being assessed, as
///   product labels count them; induction, transplant, consolidation and maintenance planned
///   together are one line. A newly diagnosed patient has none; a relapsed or refractory patient
///   has at least one. After induction or after a transplant, whether the first line counts yet
///   varies; either is accepted, but exposures are only accepted with at least one line, so a
///   patient whose induction drugs are recorded has that line counted.
/// - **Exposed** drugs are every drug the patient has had; **refractory** drugs are those the
///   disease no longer responds to, and must also be exposures. An indication that asks for
///   refractoriness reads this set; the page's "has not worked" is recorded as exposure.
/// - The **transplant status** is unknown until set. A setting that names a transplant status
///   does not apply while the status is unknown.
///
/// ```
/// use myeloma::{drug_set, Drug, Phase, TreatmentHistory};
///
/// let history = TreatmentHistory::builder(Phase::Relapsed)
///     .prior_lines(2)
///     .exposed(drug_set![Drug::Lenalidomide, Drug::Bortezomib])
///     .refractory(Drug::Lenalidomide)
///     .build()?;
/// assert_eq!(history.prior_lines(), 2);
/// assert!(history.refractory().contains(Drug::Lenalidomide));
/// # Ok::<(), myeloma::HistoryError>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct TreatmentHistory {
    phase: Phase,
    prior_lines: u8,
    exposed: DrugSet,
    refractory: DrugSet,
    progressed_on_last: bool,
    transplant: Option<TransplantStatus>,
}

impl TreatmentHistory {
    /// A builder for a history in `phase`, with no prior lines, no exposures, no progression
    /// recorded and the transplant status unknown until set.
    ///
    /// ```
    /// use myeloma::{Phase, TransplantStatus, TreatmentHistory};
    /// let history = TreatmentHistory::builder(Phase::NewlyDiagnosed)
    ///     .transplant(TransplantStatus::Planned)
    ///     .build()?;
    /// assert_eq!(history.transplant(), Some(TransplantStatus::Planned));
    /// # Ok::<(), myeloma::HistoryError>(())
    /// ```
    pub const fn builder(phase: Phase) -> HistoryBuilder {
        HistoryBuilder {
            history: TreatmentHistory {
                phase,
                prior_lines: 0,
                exposed: DrugSet::EMPTY,
                refractory: DrugSet::EMPTY,
                progressed_on_last: false,
                transplant: None,
            },
        }
    }

    /// Where the patient is in the course of treatment.
    ///
    /// ```
    /// use myeloma::{drug_set, Drug, Phase, TransplantStatus, TreatmentHistory};
    /// let history = TreatmentHistory::builder(Phase::AfterTransplant)
    ///     .prior_lines(1)
    ///     .exposed(drug_set![Drug::Lenalidomide, Drug::Bortezomib, Drug::Dexamethasone])
    ///     .transplant(TransplantStatus::Done)
    ///     .build()?;
    /// assert_eq!(history.phase(), Phase::AfterTransplant);
    /// # Ok::<(), myeloma::HistoryError>(())
    /// ```
    pub const fn phase(&self) -> Phase {
        self.phase
    }

    /// The number of prior lines of therapy.
    ///
    /// ```
    /// use myeloma::{drug_set, Drug, Phase, TransplantStatus, TreatmentHistory};
    /// let history = TreatmentHistory::builder(Phase::AfterTransplant)
    ///     .prior_lines(1)
    ///     .exposed(drug_set![Drug::Lenalidomide, Drug::Bortezomib, Drug::Dexamethasone])
    ///     .transplant(TransplantStatus::Done)
    ///     .build()?;
    /// assert_eq!(history.prior_lines(), 1);
    /// # Ok::<(), myeloma::HistoryError>(())
    /// ```
    pub const fn prior_lines(&self) -> u8 {
        self.prior_lines
    }

    /// Every drug the patient has been treated with.
    ///
    /// ```
    /// use myeloma::{drug_set, Drug, Phase, TransplantStatus, TreatmentHistory};
    /// let history = TreatmentHistory::builder(Phase::AfterTransplant)
    ///     .prior_lines(1)
    ///     .exposed(drug_set![Drug::Lenalidomide, Drug::Bortezomib, Drug::Dexamethasone])
    ///     .transplant(TransplantStatus::Done)
    ///     .build()?;
    /// assert_eq!(history.exposed().len(), 3);
    /// assert!(history.exposed().contains(Drug::Bortezomib));
    /// # Ok::<(), myeloma::HistoryError>(())
    /// ```
    pub const fn exposed(&self) -> DrugSet {
        self.exposed
    }

    /// The drugs the disease is refractory to (always among [`exposed`](Self::exposed)).
    ///
    /// ```
    /// use myeloma::{drug_set, Drug, Phase, TransplantStatus, TreatmentHistory};
    /// let history = TreatmentHistory::builder(Phase::AfterTransplant)
    ///     .prior_lines(1)
    ///     .exposed(drug_set![Drug::Lenalidomide, Drug::Bortezomib, Drug::Dexamethasone])
    ///     .transplant(TransplantStatus::Done)
    ///     .build()?;
    /// assert!(history.refractory().is_empty());
    /// # Ok::<(), myeloma::HistoryError>(())
    /// ```
    pub const fn refractory(&self) -> DrugSet {
        self.refractory
    }

    /// Whether the disease progressed on the last therapy.
    ///
    /// ```
    /// use myeloma::{drug_set, Drug, Phase, TransplantStatus, TreatmentHistory};
    /// let history = TreatmentHistory::builder(Phase::AfterTransplant)
    ///     .prior_lines(1)
    ///     .exposed(drug_set![Drug::Lenalidomide, Drug::Bortezomib, Drug::Dexamethasone])
    ///     .transplant(TransplantStatus::Done)
    ///     .build()?;
    /// assert!(!history.progressed_on_last()); // not recorded
    /// # Ok::<(), myeloma::HistoryError>(())
    /// ```
    pub const fn progressed_on_last(&self) -> bool {
        self.progressed_on_last
    }

    /// Where the patient stands with a stem cell transplant; `None` when unknown.
    ///
    /// ```
    /// use myeloma::{drug_set, Drug, Phase, TransplantStatus, TreatmentHistory};
    /// let history = TreatmentHistory::builder(Phase::AfterTransplant)
    ///     .prior_lines(1)
    ///     .exposed(drug_set![Drug::Lenalidomide, Drug::Bortezomib, Drug::Dexamethasone])
    ///     .transplant(TransplantStatus::Done)
    ///     .build()?;
    /// assert_eq!(history.transplant(), Some(TransplantStatus::Done));
    /// # Ok::<(), myeloma::HistoryError>(())
    /// ```
    pub const fn transplant(&self) -> Option<TransplantStatus> {
        self.transplant
    }

    /// Whether any exposed drug satisfies `exposure`: the drug itself, any drug of a class, or any
    /// drug acting on a target.
    ///
    /// ```
    /// use myeloma::{Drug, Exposure, Phase, Target, TreatmentHistory};
    /// let history = TreatmentHistory::builder(Phase::Relapsed)
    ///     .prior_lines(1)
    ///     .exposed(Drug::Daratumumab)
    ///     .build()?;
    /// assert!(history.was_exposed_to(Exposure::Target(Target::Cd38)));
    /// assert!(!history.was_exposed_to(Exposure::Drug(Drug::Isatuximab)));
    /// # Ok::<(), myeloma::HistoryError>(())
    /// ```
    pub fn was_exposed_to(&self, exposure: Exposure) -> bool {
        self.exposed.iter().any(|drug| exposure.is_met_by(drug))
    }
}

/// Builds a [`TreatmentHistory`]; see [`TreatmentHistory::builder`]. Each setter returns the
/// builder, and nothing is checked until [`build`](Self::build).
///
/// ```
/// use myeloma::{Drug, Phase, TransplantStatus, TreatmentHistory};
/// let history = TreatmentHistory::builder(Phase::AfterTransplant)
///     .prior_lines(1)
///     .exposed(Drug::Lenalidomide)
///     .exposed(Drug::Bortezomib) // adds to the exposures
///     .transplant(TransplantStatus::Done)
///     .build()?;
/// assert_eq!(history.exposed().len(), 2);
/// assert!(!history.progressed_on_last());
/// # Ok::<(), myeloma::HistoryError>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[must_use = "a builder does nothing until `build` is called"]
pub struct HistoryBuilder {
    history: TreatmentHistory,
}

impl HistoryBuilder {
    /// Sets the number of prior lines of therapy (at most [`MAX_PRIOR_LINES`]).
    ///
    /// ```
    /// use myeloma::{HistoryError, Phase, TreatmentHistory, MAX_PRIOR_LINES};
    /// let history = TreatmentHistory::builder(Phase::Relapsed).prior_lines(2).build()?;
    /// assert_eq!(history.prior_lines(), 2);
    /// let absurd = TreatmentHistory::builder(Phase::Relapsed).prior_lines(MAX_PRIOR_LINES + 1);
    /// assert!(absurd.build().is_err());
    /// # Ok::<(), HistoryError>(())
    /// ```
    pub const fn prior_lines(mut self, lines: u8) -> HistoryBuilder {
        self.history.prior_lines = lines;
        self
    }

    /// Adds drugs the patient has been treated with: one [`Drug`] or a [`DrugSet`]. Calls add up.
    ///
    /// ```
    /// use myeloma::{Drug, Phase, Regimen, TreatmentHistory};
    /// let history = TreatmentHistory::builder(Phase::Relapsed)
    ///     .prior_lines(2)
    ///     .exposed(Regimen::RVd.drugs())
    ///     .exposed(Drug::Daratumumab)
    ///     .build()?;
    /// assert_eq!(history.exposed().len(), 4);
    /// # Ok::<(), myeloma::HistoryError>(())
    /// ```
    pub fn exposed(mut self, drugs: impl Into<DrugSet>) -> HistoryBuilder {
        self.history.exposed = self.history.exposed.union(drugs.into());
        self
    }

    /// Adds drugs the disease is refractory to: one [`Drug`] or a [`DrugSet`]. Each must also be
    /// added with [`exposed`](Self::exposed).
    ///
    /// ```
    /// use myeloma::{Drug, Phase, TreatmentHistory};
    /// let builder = TreatmentHistory::builder(Phase::Refractory).prior_lines(1);
    /// assert!(builder.refractory(Drug::Lenalidomide).build().is_err()); // not an exposure
    /// let history = builder
    ///     .exposed(Drug::Lenalidomide)
    ///     .refractory(Drug::Lenalidomide)
    ///     .build()?;
    /// assert!(history.refractory().contains(Drug::Lenalidomide));
    /// # Ok::<(), myeloma::HistoryError>(())
    /// ```
    pub fn refractory(mut self, drugs: impl Into<DrugSet>) -> HistoryBuilder {
        self.history.refractory = self.history.refractory.union(drugs.into());
        self
    }

    /// Sets whether the disease progressed on the last therapy; it needs at least one prior line.
    ///
    /// ```
    /// use myeloma::{Phase, TreatmentHistory};
    /// let history = TreatmentHistory::builder(Phase::Relapsed)
    ///     .prior_lines(1)
    ///     .progressed_on_last(true)
    ///     .build()?;
    /// assert!(history.progressed_on_last());
    /// let untreated = TreatmentHistory::builder(Phase::NewlyDiagnosed).progressed_on_last(true);
    /// assert!(untreated.build().is_err()); // progression on a therapy never given
    /// # Ok::<(), myeloma::HistoryError>(())
    /// ```
    pub const fn progressed_on_last(mut self, progressed: bool) -> HistoryBuilder {
        self.history.progressed_on_last = progressed;
        self
    }

    /// Sets the transplant status: a [`TransplantStatus`], or `None` for unknown.
    ///
    /// ```
    /// use myeloma::{Phase, TransplantStatus, TreatmentHistory};
    /// let history = TreatmentHistory::builder(Phase::NewlyDiagnosed)
    ///     .transplant(TransplantStatus::Planned)
    ///     .build()?;
    /// assert_eq!(history.transplant(), Some(TransplantStatus::Planned));
    /// let unknown = TreatmentHistory::builder(Phase::NewlyDiagnosed).transplant(None).build()?;
    /// assert_eq!(unknown.transplant(), None);
    /// # Ok::<(), myeloma::HistoryError>(())
    /// ```
    pub fn transplant(mut self, status: impl Into<Option<TransplantStatus>>) -> HistoryBuilder {
        self.history.transplant = status.into();
        self
    }

    /// The history, or the first way in which it contradicts itself. Checked in this order:
    /// more than [`MAX_PRIOR_LINES`]; prior lines when newly diagnosed, or none when relapsed or
    /// refractory; refractory drugs not among the exposures; exposures, or progression on the
    /// last therapy, without prior lines; a transplant status the phase rules out (a transplant
    /// done while newly diagnosed, or anything but done after a transplant).
    ///
    /// ```
    /// use myeloma::{Drug, HistoryError, Phase, TreatmentHistory};
    /// let error = TreatmentHistory::builder(Phase::Relapsed)
    ///     .prior_lines(1)
    ///     .refractory(Drug::Pomalidomide)
    ///     .build()
    ///     .unwrap_err();
    /// assert!(matches!(error, HistoryError::RefractoryNotExposed { .. }));
    /// assert_eq!(
    ///     error.to_string(),
    ///     "refractory to pomalidomide without a recorded exposure to it (every refractory drug must also be an exposure)"
    /// );
    /// ```
    pub fn build(self) -> Result<TreatmentHistory, HistoryError> {
        let h = self.history;
        if h.prior_lines > MAX_PRIOR_LINES {
            return Err(HistoryError::TooManyPriorLines {
                prior_lines: h.prior_lines,
                max: MAX_PRIOR_LINES,
            });
        }
        match h.phase {
            Phase::NewlyDiagnosed if h.prior_lines > 0 => {
                return Err(HistoryError::PriorLinesWhenNewlyDiagnosed {
                    prior_lines: h.prior_lines,
                })
            }
            Phase::Relapsed | Phase::Refractory if h.prior_lines == 0 => {
                return Err(HistoryError::NoPriorLines { phase: h.phase })
            }
            _ => {}
        }
        let not_exposed = h.refractory.difference(h.exposed);
        if !not_exposed.is_empty() {
            return Err(HistoryError::RefractoryNotExposed { drugs: not_exposed });
        }
        if h.prior_lines == 0 && !h.exposed.is_empty() {
            return Err(HistoryError::ExposuresWithoutPriorLines { drugs: h.exposed });
        }
        if h.prior_lines == 0 && h.progressed_on_last {
            return Err(HistoryError::ProgressionWithoutPriorLines);
        }
        if let Some(transplant) = h.transplant {
            let conflict = match h.phase {
                Phase::NewlyDiagnosed => transplant == TransplantStatus::Done,
                Phase::AfterTransplant => transplant != TransplantStatus::Done,
                _ => false,
            };
            if conflict {
                return Err(HistoryError::TransplantConflict {
                    phase: h.phase,
                    transplant,
                });
            }
        }
        Ok(h)
    }
}

/// Why [`HistoryBuilder::build`] rejected a history: the history contradicts itself.
///
/// ```
/// use myeloma::{Drug, HistoryError, Phase, TreatmentHistory};
/// let error = TreatmentHistory::builder(Phase::NewlyDiagnosed)
///     .exposed(Drug::Thalidomide)
///     .build()
///     .unwrap_err();
/// assert_eq!(error, HistoryError::ExposuresWithoutPriorLines { drugs: Drug::Thalidomide.into() });
/// assert_eq!(
///     error.to_string(),
///     "exposure to thalidomide recorded with 0 prior lines of therapy (count the line they were given in)"
/// );
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum HistoryError {
    /// More prior lines than [`MAX_PRIOR_LINES`].
    TooManyPriorLines {
        /// The count given.
        prior_lines: u8,
        /// The most a history may record.
        max: u8,
    },
    /// Prior lines of therapy recorded for a newly diagnosed patient.
    PriorLinesWhenNewlyDiagnosed {
        /// The count given.
        prior_lines: u8,
    },
    /// No prior line of therapy for relapsed or refractory disease, which follows treatment.
    NoPriorLines {
        /// The phase given.
        phase: Phase,
    },
    /// Refractory drugs that are not among the exposures.
    RefractoryNotExposed {
        /// The refractory drugs missing from the exposures.
        drugs: DrugSet,
    },
    /// Exposures recorded with no prior line of therapy.
    ExposuresWithoutPriorLines {
        /// The exposures given.
        drugs: DrugSet,
    },
    /// Progression on the last therapy recorded with no prior line of therapy.
    ProgressionWithoutPriorLines,
    /// A transplant status the phase rules out.
    TransplantConflict {
        /// The phase given.
        phase: Phase,
        /// The transplant status given.
        transplant: TransplantStatus,
    },
}

impl fmt::Display for HistoryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            HistoryError::TooManyPriorLines { prior_lines, max } => write!(
                f,
                "{prior_lines} prior lines of therapy is more than the {max} a history may record"
            ),
            HistoryError::PriorLinesWhenNewlyDiagnosed { prior_lines } => write!(
                f,
                "a newly diagnosed patient has no prior lines of therapy (got {prior_lines})"
            ),
            HistoryError::NoPriorLines { phase } => {
                f.write_str("phase ")?;
                write_words(f, phase.id())?;
                f.write_str(" needs at least 1 prior line of therapy (got 0)")
            }
            HistoryError::RefractoryNotExposed { drugs } => write!(
                f,
                "refractory to {drugs} without a recorded exposure to {} (every refractory drug must also be an exposure)",
                if drugs.len() == 1 { "it" } else { "them" }
            ),
            HistoryError::ExposuresWithoutPriorLines { drugs } => write!(
                f,
                "exposure to {drugs} recorded with 0 prior lines of therapy (count the line they were given in)"
            ),
            HistoryError::ProgressionWithoutPriorLines => {
                f.write_str("progression on the last therapy recorded with 0 prior lines of therapy")
            }
            HistoryError::TransplantConflict { phase, transplant } => {
                f.write_str("phase ")?;
                write_words(f, phase.id())?;
                f.write_str(" conflicts with ")?;
                write_transplant(f, Some(transplant))
            }
        }
    }
}

impl core::error::Error for HistoryError {}

/// Writes an id with its hyphens as spaces: `newly-diagnosed` as "newly diagnosed".
fn write_words(f: &mut fmt::Formatter<'_>, id: &str) -> fmt::Result {
    for (i, word) in id.split('-').enumerate() {
        if i > 0 {
            f.write_str(" ")?;
        }
        f.write_str(word)?;
    }
    Ok(())
}

fn write_transplant(f: &mut fmt::Formatter<'_>, status: Option<TransplantStatus>) -> fmt::Result {
    match status {
        Some(status) => {
            f.write_str("transplant ")?;
            write_words(f, status.id())
        }
        None => f.write_str("transplant status unknown"),
    }
}
