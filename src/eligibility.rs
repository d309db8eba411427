//! Conditions on earlier treatment, checked against a patient's treatment history.
//!
//! Informational only: the catalogue states the conditions its sources give (the source page, or
//! the product label a condition cites, with its regulator); it does not recommend treatment.
//! Every condition checked here comes from the catalogue's data — [`Prerequisites`], the
//! phases of each [`Use`] the page states and, for regimens beyond the page, the [`Setting`]s their
//! sources give — and none is written in this module. Nothing here allocates.

use core::fmt;

use crate::{
    Drug, DrugSet, Exposure, Phase, Prerequisites, Regimen, Setting, Source, SourceKind, Therapy,
    TransplantStatus, Use,
};

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
/// the input to [`Regimen::assess`], [`Drug::assess`] and [`options`].
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
///   disease no longer responds to, and must also be exposures. No condition in the catalogue asks
///   for refractoriness yet (the page's "has not worked" is recorded as exposure), so the refractory
///   set is checked for consistency only.
/// - The **transplant status** is unknown until set. A use stated for a given transplant status
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

/// One condition a therapy's sources state that a [`TreatmentHistory`] does not meet. Its
/// `Display` reads as a clinician would write it; [`Assessment::source_of`] gives where it comes from.
///
/// The catalogue states conditions from its sources; it does not recommend treatment.
///
/// ```
/// use myeloma::Unmet;
/// let unmet = Unmet::NeedsPriorLines { required: 2, actual: 1 };
/// assert_eq!(unmet.to_string(), "needs at least 2 prior lines of therapy (has 1)");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Unmet {
    /// The therapy's uses, by the catalogue, do not include the patient's phase and transplant
    /// status. A therapy whose uses cover every phase (such as destroying myeloma cells) is never
    /// reported so.
    NotForPhase {
        /// The patient's phase.
        phase: Phase,
        /// The patient's transplant status; `None` when unknown.
        transplant: Option<TransplantStatus>,
        /// The uses the catalogue states for the therapy.
        uses: &'static [Use],
    },
    /// Fewer prior lines of therapy than the condition asks.
    NeedsPriorLines {
        /// The least number of prior lines.
        required: u8,
        /// The patient's number.
        actual: u8,
    },
    /// More prior lines of therapy than the condition allows.
    TooManyPriorLines {
        /// The most prior lines allowed.
        allowed: u8,
        /// The patient's number.
        actual: u8,
    },
    /// A regimen beyond the source page, which has no page uses: the settings its sources give
    /// (newly diagnosed with or without a transplant, maintenance, relapsed or refractory) do not
    /// include the patient's phase and transplant status.
    NotInSettings {
        /// The patient's phase.
        phase: Phase,
        /// The patient's transplant status; `None` when unknown.
        transplant: Option<TransplantStatus>,
        /// The settings the regimen is used in.
        settings: &'static [Setting],
    },
    /// No earlier treatment with a drug, class or target the condition asks for.
    NeedsPriorExposure(Exposure),
    /// The condition asks for progression on the last therapy, which the history does not record.
    NeedsProgressionOnLast,
}

impl Unmet {
    /// Whether the condition is one of the therapy's [`Prerequisites`] (as opposed to its uses).
    ///
    /// ```
    /// use myeloma::Unmet;
    /// assert!(Unmet::NeedsProgressionOnLast.is_prerequisite());
    /// ```
    pub const fn is_prerequisite(&self) -> bool {
        !matches!(
            self,
            Unmet::NotForPhase { .. } | Unmet::NotInSettings { .. }
        )
    }
}

impl fmt::Display for Unmet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Unmet::NotForPhase {
                phase,
                transplant,
                uses,
            } => {
                f.write_str("not stated for ")?;
                write_words(f, phase.id())?;
                // When a use covers the phase, the transplant status is what rules it out: say so.
                if uses.iter().any(|u| u.phases().contains(&phase)) {
                    f.write_str(" with ")?;
                    write_transplant(f, transplant)?;
                }
                f.write_str(" (stated for: ")?;
                write_list(f, uses.iter(), "; ", |f, u| write_use(f, *u))?;
                f.write_str(")")
            }
            Unmet::NotInSettings {
                phase,
                transplant,
                settings,
            } => {
                f.write_str("not used for ")?;
                write_words(f, phase.id())?;
                if phase == Phase::NewlyDiagnosed {
                    f.write_str(" with ")?;
                    write_transplant(f, transplant)?;
                }
                f.write_str(" (used for: ")?;
                write_list(f, settings.iter(), "; ", |f, s| write_words(f, s.id()))?;
                f.write_str(")")
            }
            Unmet::NeedsPriorLines { required, actual } => write!(
                f,
                "needs at least {required} prior {} of therapy (has {actual})",
                lines_word(required)
            ),
            Unmet::TooManyPriorLines { allowed, actual } => write!(
                f,
                "allows at most {allowed} prior {} of therapy (has {actual})",
                lines_word(allowed)
            ),
            Unmet::NeedsPriorExposure(exposure) => {
                f.write_str("needs earlier treatment with ")?;
                write_exposure(f, exposure)
            }
            Unmet::NeedsProgressionOnLast => {
                f.write_str("needs the disease to have progressed on the last therapy")
            }
        }
    }
}

fn lines_word(n: u8) -> &'static str {
    if n == 1 {
        "line"
    } else {
        "lines"
    }
}

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

/// Writes items separated by ", ", with `last` before the final one: "a, b or c".
fn write_list<T>(
    f: &mut fmt::Formatter<'_>,
    items: impl Iterator<Item = T> + Clone,
    last: &str,
    mut write_item: impl FnMut(&mut fmt::Formatter<'_>, T) -> fmt::Result,
) -> fmt::Result {
    let count = items.clone().count();
    for (i, item) in items.enumerate() {
        if i > 0 {
            f.write_str(if i + 1 == count { last } else { ", " })?;
        }
        write_item(f, item)?;
    }
    Ok(())
}

/// Where a use applies, with its clinical term where the page gives one: "relapsed or refractory",
/// "newly diagnosed with transplant planned, as induction therapy".
fn write_use(f: &mut fmt::Formatter<'_>, purpose: Use) -> fmt::Result {
    write_list(f, purpose.phases().iter(), " or ", |f, p| {
        write_words(f, p.id())
    })?;
    if !purpose.transplant().is_empty() {
        f.write_str(" with ")?;
        write_list(f, purpose.transplant().iter(), " or ", |f, t| {
            write_transplant(f, Some(*t))
        })?;
    }
    match purpose.term() {
        Some(term) => write!(f, ", as {term}"),
        None => Ok(()),
    }
}

/// "lenalidomide", "a proteasome inhibitor (bortezomib, carfilzomib or ixazomib)", "a drug acting on
/// CD38 (daratumumab or isatuximab)": the drugs listed are the catalogue's that satisfy it.
fn write_exposure(f: &mut fmt::Formatter<'_>, exposure: Exposure) -> fmt::Result {
    match exposure {
        Exposure::Drug(drug) => return f.write_str(drug.generic_name()),
        Exposure::Class(class) => {
            let name = class.name();
            let vowel = name.starts_with(['a', 'e', 'i', 'o', 'u']);
            write!(f, "{} {name}", if vowel { "an" } else { "a" })?;
        }
        Exposure::Target(target) => write!(f, "a drug acting on {}", target.name())?,
    }
    let drugs = Drug::ALL.iter().filter(|d| exposure.is_met_by(**d));
    if drugs.clone().next().is_some() {
        f.write_str(" (")?;
        write_list(f, drugs, " or ", |f, d| f.write_str(d.generic_name()))?;
        f.write_str(")")?;
    }
    Ok(())
}

/// The most exposures any condition of the catalogue asks for, computed from the data.
const fn max_exposures() -> usize {
    let mut most = 0;
    let mut i = 0;
    while i < Regimen::ALL.len() {
        if let Some(p) = Regimen::ALL[i].prerequisites() {
            if p.prior_exposure.len() > most {
                most = p.prior_exposure.len();
            }
        }
        i += 1;
    }
    let mut i = 0;
    while i < Drug::ALL.len() {
        if let Some(p) = Drug::ALL[i].prerequisites() {
            if p.prior_exposure.len() > most {
                most = p.prior_exposure.len();
            }
        }
        i += 1;
    }
    most
}

/// Room for every condition one therapy can fail: its phase, its least and most prior lines (both
/// kept in case a condition ever contradicts itself), progression, and each exposure.
const CAPACITY: usize = 4 + max_exposures();

const USE_COUNT: usize = Use::ALL.len();

/// Each drug's stated uses as a `'static` slice of [`Use`], built from [`Drug::uses`] at compile
/// time so that [`Unmet::NotForPhase`] can point at them.
static DRUG_USES: [([Use; USE_COUNT], usize); Drug::ALL.len()] = drug_uses();

const fn drug_uses() -> [([Use; USE_COUNT], usize); Drug::ALL.len()] {
    let mut table = [([Use::ALL[0]; USE_COUNT], 0); Drug::ALL.len()];
    let mut d = 0;
    while d < Drug::ALL.len() {
        let drug = Drug::ALL[d];
        let stated = drug.uses();
        assert!(stated.len() <= USE_COUNT, "a drug states a use twice");
        let mut i = 0;
        while i < stated.len() {
            table[drug as usize].0[i] = stated[i].purpose;
            i += 1;
        }
        table[drug as usize].1 = stated.len();
        d += 1;
    }
    table
}

fn drug_uses_of(drug: Drug) -> &'static [Use] {
    let (uses, len) = &DRUG_USES[drug as usize];
    &uses[..*len]
}

/// Whether a use applies to the history's phase and transplant status. A use stated for a given
/// transplant status does not apply while the status is unknown.
fn applies(purpose: Use, history: &TreatmentHistory) -> bool {
    purpose.phases().contains(&history.phase)
        && (purpose.transplant().is_empty()
            || history
                .transplant
                .is_some_and(|t| purpose.transplant().contains(&t)))
}

/// Whether a therapy's stated conditions are met by a [`TreatmentHistory`], or which are not.
///
/// Informational only: the catalogue states conditions from its sources (the page, or the label
/// a condition cites); it does not recommend treatment. The conditions are the therapy's
/// [`Prerequisites`] and its stated uses, and nothing else. The unmet conditions are kept in a
/// fixed-size array, so an assessment never allocates.
///
/// ```
/// use myeloma::{drug_set, Drug, Phase, Regimen, TreatmentHistory, Unmet};
///
/// let history = TreatmentHistory::builder(Phase::Relapsed)
///     .prior_lines(1)
///     .exposed(drug_set![Drug::Lenalidomide, Drug::Bortezomib])
///     .build()?;
/// let assessment = Regimen::IsaPd.assess(&history);
/// assert!(!assessment.is_met());
/// assert_eq!(assessment.unmet(), [Unmet::NeedsPriorLines { required: 2, actual: 1 }]);
/// let unmet = assessment.unmet()[0];
/// assert_eq!(assessment.source_of(&unmet), Some(myeloma::Source::LabelHcSarclisa));
/// # Ok::<(), myeloma::HistoryError>(())
/// ```
#[derive(Clone, Copy)]
pub struct Assessment {
    therapy: Therapy,
    uses: &'static [Use],
    prerequisites: Option<Prerequisites>,
    unmet: [Unmet; CAPACITY],
    len: usize,
}

impl Assessment {
    fn new(
        therapy: Therapy,
        uses: &'static [Use],
        settings: &'static [Setting],
        prerequisites: Option<Prerequisites>,
        history: &TreatmentHistory,
    ) -> Assessment {
        let mut assessment = Assessment {
            therapy,
            uses,
            prerequisites,
            unmet: [Unmet::NeedsProgressionOnLast; CAPACITY],
            len: 0,
        };
        if !uses.is_empty() && !uses.iter().any(|u| applies(*u, history)) {
            assessment.push(Unmet::NotForPhase {
                phase: history.phase,
                transplant: history.transplant,
                uses,
            });
        }
        // The page's uses speak for the regimens it lists; the settings of their sources speak for
        // the others, so that none of them is taken to meet its conditions in any phase.
        if uses.is_empty()
            && !settings.is_empty()
            && !settings
                .iter()
                .any(|s| s.covers(history.phase, history.transplant))
        {
            assessment.push(Unmet::NotInSettings {
                phase: history.phase,
                transplant: history.transplant,
                settings,
            });
        }
        if let Some(p) = prerequisites {
            let actual = history.prior_lines;
            if let Some(required) = p.min_prior_lines.filter(|min| actual < *min) {
                assessment.push(Unmet::NeedsPriorLines { required, actual });
            }
            if let Some(allowed) = p.max_prior_lines.filter(|max| actual > *max) {
                assessment.push(Unmet::TooManyPriorLines { allowed, actual });
            }
            for exposure in p.prior_exposure {
                if !history.was_exposed_to(*exposure) {
                    assessment.push(Unmet::NeedsPriorExposure(*exposure));
                }
            }
            if p.progression_on_last && !history.progressed_on_last {
                assessment.push(Unmet::NeedsProgressionOnLast);
            }
        }
        assessment
    }

    fn push(&mut self, unmet: Unmet) {
        // CAPACITY is computed from the catalogue, so there is always room.
        self.unmet[self.len] = unmet;
        self.len += 1;
    }

    /// The therapy assessed: a regimen, or a drug given alone.
    ///
    /// ```
    /// use myeloma::{Phase, Regimen, Therapy, TreatmentHistory};
    /// let history = TreatmentHistory::builder(Phase::NewlyDiagnosed).build()?;
    /// assert_eq!(Regimen::VTd.assess(&history).therapy(), Therapy::Regimen(Regimen::VTd));
    /// # Ok::<(), myeloma::HistoryError>(())
    /// ```
    pub const fn therapy(&self) -> Therapy {
        self.therapy
    }

    /// Whether the history meets every condition the catalogue states for the therapy. This says
    /// only that the sources' conditions are met; it is not a recommendation.
    ///
    /// ```
    /// use myeloma::{Phase, Regimen, TransplantStatus, TreatmentHistory};
    /// let history = TreatmentHistory::builder(Phase::NewlyDiagnosed)
    ///     .transplant(TransplantStatus::Planned)
    ///     .build()?;
    /// assert!(Regimen::VTd.assess(&history).is_met()); // induction before a transplant
    /// assert!(!Regimen::IsaPd.assess(&history).is_met()); // needs prior lines
    /// # Ok::<(), myeloma::HistoryError>(())
    /// ```
    pub const fn is_met(&self) -> bool {
        self.len == 0
    }

    /// The conditions not met, in this order: the phase, prior lines, each exposure in the order
    /// the condition lists them, progression on the last therapy. Empty when all are met.
    ///
    /// ```
    /// use myeloma::{Drug, Phase, TreatmentHistory};
    /// let history = TreatmentHistory::builder(Phase::Relapsed).prior_lines(1).build()?;
    /// let talquetamab = Drug::Talquetamab.assess(&history).expect("given alone");
    /// for unmet in talquetamab.unmet() {
    ///     println!("{unmet}"); // "needs at least 3 prior lines of therapy (has 1)", ...
    /// }
    /// assert_eq!(talquetamab.unmet().len(), 4); // 3 lines; a PI, an IMiD and an anti-CD38 antibody
    /// # Ok::<(), myeloma::HistoryError>(())
    /// ```
    pub fn unmet(&self) -> &[Unmet] {
        &self.unmet[..self.len]
    }

    /// The therapy's conditions on earlier treatment, with their [`source`](Prerequisites::source)
    /// and [`regulator`](Prerequisites::regulator); `None` when the catalogue states none.
    ///
    /// ```
    /// use myeloma::{Phase, Regimen, TreatmentHistory};
    /// let history = TreatmentHistory::builder(Phase::Relapsed).prior_lines(1).build()?;
    /// let isa_kd = Regimen::IsaKd.assess(&history).prerequisites().expect("stated");
    /// assert_eq!((isa_kd.min_prior_lines, isa_kd.max_prior_lines), (Some(1), Some(3)));
    /// assert_eq!(Regimen::RVd.assess(&history).prerequisites(), None);
    /// # Ok::<(), myeloma::HistoryError>(())
    /// ```
    pub const fn prerequisites(&self) -> Option<Prerequisites> {
        self.prerequisites
    }

    /// The uses the catalogue states for the therapy, against which the phase is checked.
    ///
    /// ```
    /// use myeloma::{Phase, Regimen, TreatmentHistory};
    /// let history = TreatmentHistory::builder(Phase::Relapsed).prior_lines(1).build()?;
    /// let assessment = Regimen::VTd.assess(&history);
    /// assert_eq!(assessment.uses(), Regimen::VTd.uses());
    /// # Ok::<(), myeloma::HistoryError>(())
    /// ```
    pub const fn uses(&self) -> &'static [Use] {
        self.uses
    }

    /// Where an unmet condition comes from: for conditions on earlier treatment, the source the
    /// rule follows ([`Prerequisites::source`], a label where one is cited; its
    /// [`regulator`](Source::regulator) says whose); for the phase, the page section that states
    /// the therapy's use. `None` for a condition this assessment cannot have reported.
    ///
    /// ```
    /// use myeloma::{Drug, Phase, Regulator, TreatmentHistory};
    /// let history = TreatmentHistory::builder(Phase::Relapsed).prior_lines(3).build()?;
    /// let assessment = Drug::Talquetamab.assess(&history).expect("given alone");
    /// let source = assessment.source_of(&assessment.unmet()[0]).unwrap();
    /// assert_eq!(source.regulator(), Some(Regulator::HealthCanada));
    /// # Ok::<(), myeloma::HistoryError>(())
    /// ```
    pub fn source_of(&self, unmet: &Unmet) -> Option<Source> {
        match unmet {
            Unmet::NotInSettings { .. } => match self.therapy {
                Therapy::Regimen(r) => r.basis().first().map(|b| b.source),
                _ => None,
            },
            Unmet::NotForPhase { .. } => {
                let sources = match self.therapy {
                    Therapy::Regimen(r) => r.sources(),
                    Therapy::Drug(d) => d.sources(),
                    Therapy::Combination(_) => &[],
                };
                sources
                    .iter()
                    .copied()
                    .find(|s| s.kind() == SourceKind::PageSection)
                    .or_else(|| sources.first().copied())
            }
            _ => self.prerequisites.map(|p| p.source),
        }
    }
}

impl PartialEq for Assessment {
    fn eq(&self, other: &Assessment) -> bool {
        self.therapy == other.therapy
            && self.uses == other.uses
            && self.prerequisites == other.prerequisites
            && self.unmet() == other.unmet()
    }
}

impl Eq for Assessment {}

impl fmt::Debug for Assessment {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Assessment")
            .field("therapy", &self.therapy)
            .field("uses", &self.uses)
            .field("prerequisites", &self.prerequisites)
            .field("unmet", &self.unmet())
            .finish()
    }
}

/// "meets the stated conditions", or the unmet conditions joined by "; ".
impl fmt::Display for Assessment {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.is_met() {
            return f.write_str("meets the stated conditions");
        }
        for (i, unmet) in self.unmet().iter().enumerate() {
            if i > 0 {
                f.write_str("; ")?;
            }
            fmt::Display::fmt(unmet, f)?;
        }
        Ok(())
    }
}

impl<'a> IntoIterator for &'a Assessment {
    type Item = &'a Unmet;
    type IntoIter = core::slice::Iter<'a, Unmet>;

    fn into_iter(self) -> Self::IntoIter {
        self.unmet().iter()
    }
}

impl Regimen {
    /// Checks a treatment history against the conditions the catalogue states for this regimen:
    /// its uses (the phase and transplant status they apply to) and its [`Prerequisites`].
    ///
    /// Informational only: the catalogue states conditions from its sources; it does not
    /// recommend treatment.
    ///
    /// ```
    /// use myeloma::{Phase, Regimen, TreatmentHistory, Unmet};
    /// let history = TreatmentHistory::builder(Phase::Relapsed).prior_lines(4).build()?;
    /// assert_eq!(
    ///     Regimen::IsaKd.assess(&history).unmet(),
    ///     [Unmet::TooManyPriorLines { allowed: 3, actual: 4 }]
    /// );
    /// assert!(Regimen::RVd.assess(&history).is_met());
    /// # Ok::<(), myeloma::HistoryError>(())
    /// ```
    pub fn assess(self, history: &TreatmentHistory) -> Assessment {
        Assessment::new(
            Therapy::Regimen(self),
            self.uses(),
            self.settings(),
            self.prerequisites(),
            history,
        )
    }
}

impl Drug {
    /// Checks a treatment history against the conditions the catalogue states for this drug given
    /// alone (its stated uses and its [`Prerequisites`]); `None` for a drug the page does not say
    /// may be given alone.
    ///
    /// Informational only: the catalogue states conditions from its sources; it does not
    /// recommend treatment.
    ///
    /// ```
    /// use myeloma::{drug_set, Drug, Phase, TreatmentHistory};
    /// let history = TreatmentHistory::builder(Phase::Refractory)
    ///     .prior_lines(3)
    ///     .exposed(drug_set![Drug::Bortezomib, Drug::Lenalidomide, Drug::Daratumumab])
    ///     .progressed_on_last(true)
    ///     .build()?;
    /// assert!(Drug::Talquetamab.assess(&history).is_some_and(|a| a.is_met()));
    /// assert_eq!(Drug::Pomalidomide.assess(&history), None);
    /// # Ok::<(), myeloma::HistoryError>(())
    /// ```
    pub fn assess(self, history: &TreatmentHistory) -> Option<Assessment> {
        if !self.given_alone() {
            return None;
        }
        Some(Assessment::new(
            Therapy::Drug(self),
            drug_uses_of(self),
            &[],
            self.prerequisites(),
            history,
        ))
    }
}

/// Every regimen of the catalogue with its assessment against `history`, in catalogue order.
///
/// Informational only: the catalogue states conditions from its sources; it does not recommend
/// treatment, and a regimen whose conditions are met is not thereby suitable.
///
/// ```
/// use myeloma::{options, Phase, Regimen, TreatmentHistory};
/// let history = TreatmentHistory::builder(Phase::Relapsed).prior_lines(1).build()?;
/// let met: Vec<Regimen> = options(&history)
///     .filter(|(_, assessment)| assessment.is_met())
///     .map(|(regimen, _)| regimen)
///     .collect();
/// assert!(met.contains(&Regimen::SVd));
/// assert!(!met.contains(&Regimen::IsaPd));
/// assert_eq!(options(&history).len(), Regimen::ALL.len());
/// # Ok::<(), myeloma::HistoryError>(())
/// ```
pub fn options(history: &TreatmentHistory) -> Options {
    Options {
        history: *history,
        regimens: Regimen::ALL.iter(),
    }
}

/// The iterator [`options`] returns: each regimen with its [`Assessment`], in catalogue order.
///
/// ```
/// use myeloma::{options, Phase, Regimen, TreatmentHistory};
/// let history = TreatmentHistory::builder(Phase::NewlyDiagnosed).build()?;
/// let (first, assessment) = options(&history).next().expect("the catalogue has regimens");
/// assert_eq!(first, Regimen::ALL[0]);
/// assert_eq!(assessment, first.assess(&history));
/// # Ok::<(), myeloma::HistoryError>(())
/// ```
#[derive(Clone, Debug)]
pub struct Options {
    history: TreatmentHistory,
    regimens: core::slice::Iter<'static, Regimen>,
}

impl Iterator for Options {
    type Item = (Regimen, Assessment);

    fn next(&mut self) -> Option<(Regimen, Assessment)> {
        let regimen = *self.regimens.next()?;
        Some((regimen, regimen.assess(&self.history)))
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.regimens.size_hint()
    }
}

impl ExactSizeIterator for Options {}
