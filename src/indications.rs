//! A treatment history checked against the regulators' approved indications: within an indication,
//! outside every one (and why), or no indication at all.
//!
//! Informational only: the catalogue records what Health Canada and the US FDA approve; it does not
//! recommend treatment. Every condition checked comes from an [`Indication`] in the catalogue; a
//! condition an indication states in words only (an age, a product) is reported in
//! [`Indication::other`] and never checked. "Refractory to the last therapy" is read from
//! [`TreatmentHistory::progressed_on_last`], since a history records no last regimen. Nothing here
//! allocates.

use core::fmt;

use crate::{
    Drug, DrugSet, Exposure, Indication, IndicationStatus, Phase, Refractoriness, Regimen,
    Regulator, Setting, TransplantStatus, TreatmentHistory,
};

/// Whether a history is within a regulator's approved indication for a therapy.
///
/// ```
/// use myeloma::{Drug, Phase, Regimen, Regulator, TreatmentHistory, Verdict};
/// let newly_diagnosed = TreatmentHistory::builder(Phase::NewlyDiagnosed).build()?;
/// // Daratumumab, bortezomib and dexamethasone is approved after at least one prior therapy.
/// let dvd = Regimen::DVd.check(&newly_diagnosed, Regulator::HealthCanada);
/// assert!(matches!(dvd, Verdict::Outside { .. }));
/// // DCEP is salvage chemotherapy that no indication of the FDA names.
/// let dcep = Regimen::Dcep.check(&newly_diagnosed, Regulator::UsFda);
/// let Verdict::NoIndication(statement) = dcep else { panic!("{dcep:?}") };
/// // The catalogue's statement says so, with its source and whether it was read in the
/// // regulator's own text.
/// assert_eq!(statement.status, myeloma::IndicationStatus::None);
/// assert!(statement.verified);
/// # Ok::<(), myeloma::HistoryError>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Verdict {
    /// The history meets every checked condition of this indication.
    Within(Indication),
    /// The regulator approves the therapy, but the history is outside every indication in force:
    /// the closest one (fewest conditions unmet, first in the catalogue's order on a tie) and why.
    Outside {
        /// The indication the history comes closest to.
        closest: Indication,
        /// Its conditions the history does not meet.
        reasons: Reasons,
    },
    /// The regulator has no indication in force that names the therapy: guideline or off-label
    /// use, or a regimen its drugs' own labels cover only as "combination therapy". Carries the
    /// catalogue's entry that says so, to cite: its statement that no indication names the
    /// therapy (status [`IndicationStatus::None`](crate::IndicationStatus::None)), or else an
    /// indication no longer in force (withdrawn). Its `verified` says whether the statement was
    /// read in the regulator's own text.
    NoIndication(Indication),
    /// The catalogue does not yet record this regulator's indications for the therapy: nothing is
    /// said either way.
    NotRecorded,
}

impl Verdict {
    /// Whether the history is within an approved indication.
    pub const fn is_within(&self) -> bool {
        matches!(self, Verdict::Within(_))
    }

    /// The indication matched, where one is.
    pub const fn indication(&self) -> Option<Indication> {
        match self {
            Verdict::Within(i) => Some(*i),
            _ => None,
        }
    }
}

impl fmt::Display for Verdict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Verdict::Within(i) => {
                write!(f, "within the indication [{}]", i.source.id())?;
                if !i.other.is_empty() {
                    f.write_str(" (it also states, unchecked: ")?;
                    for (n, words) in i.other.iter().enumerate() {
                        if n > 0 {
                            f.write_str("; ")?;
                        }
                        f.write_str(words)?;
                    }
                    f.write_str(")")?;
                }
                Ok(())
            }
            Verdict::Outside { closest, reasons } => {
                write!(
                    f,
                    "outside every indication; closest [{}]: ",
                    closest.source.id()
                )?;
                for (n, reason) in reasons.iter().enumerate() {
                    if n > 0 {
                        f.write_str("; ")?;
                    }
                    fmt::Display::fmt(&reason, f)?;
                }
                Ok(())
            }
            Verdict::NoIndication(statement) if statement.status == IndicationStatus::Withdrawn => {
                write!(
                    f,
                    "no indication in force; its approval was withdrawn [{}]",
                    statement.source.id()
                )
            }
            Verdict::NoIndication(statement) => write!(
                f,
                "no indication names it (guideline or off-label use, or its drugs' own labels \
                 only) [{}]",
                statement.source.id()
            ),
            Verdict::NotRecorded => f.write_str("this regulator's indications are not recorded"),
        }
    }
}

/// A condition of an indication that a history does not meet; its `Display` says what the
/// indication asks and what the history has.
///
/// ```
/// use myeloma::{Drug, DrugClass, Exposure, Phase, Reason, Regimen, Regulator, TreatmentHistory};
/// let isa_pd = Regimen::IsaPd
///     .indications()
///     .iter()
///     .find(|i| i.regulator == Regulator::HealthCanada)
///     .unwrap();
/// let history = TreatmentHistory::builder(Phase::Relapsed)
///     .prior_lines(1)
///     .exposed(Drug::Lenalidomide)
///     .build()?;
/// let reasons: Vec<Reason> = isa_pd.unmet(&history).iter().collect();
/// assert_eq!(
///     reasons[..2],
///     [
///         Reason::NeedsPriorLines { required: 2, actual: 1 },
///         Reason::NeedsPriorExposure(Exposure::Class(DrugClass::ProteasomeInhibitor)),
///     ]
/// );
/// let said: Vec<String> = reasons.iter().map(Reason::to_string).collect();
/// assert_eq!(
///     said,
///     [
///         "needs at least 2 prior lines (has 1)",
///         "needs earlier proteasome inhibitor (class)",
///         "needs refractoriness to the last therapy",
///     ]
/// );
/// # Ok::<(), myeloma::HistoryError>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Reason {
    /// The indication's setting does not cover the patient's phase and transplant status.
    Setting {
        /// The indication's setting.
        setting: Setting,
        /// The patient's phase.
        phase: Phase,
        /// The patient's transplant status.
        transplant: Option<TransplantStatus>,
    },
    /// Fewer prior lines than the indication asks.
    NeedsPriorLines {
        /// The least number.
        required: u8,
        /// The patient's.
        actual: u8,
    },
    /// More prior lines than the indication allows.
    TooManyPriorLines {
        /// The most allowed.
        allowed: u8,
        /// The patient's.
        actual: u8,
    },
    /// No earlier treatment with a drug, class or target the indication asks for.
    NeedsPriorExposure(Exposure),
    /// Not refractory as the indication asks.
    NeedsRefractory(Refractoriness),
    /// Earlier treatment that the indication excludes.
    Excluded(Exposure),
    /// No progression on the last therapy recorded, which the indication asks for.
    NeedsProgressionOnLast,
}

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Reason::Setting {
                setting,
                phase,
                transplant,
            } => {
                write!(
                    f,
                    "approved for {} (the patient: {phase}",
                    setting.id().replace_dashes()
                )?;
                if let Some(t) = transplant {
                    write!(f, ", {t}")?;
                }
                f.write_str(")")
            }
            Reason::NeedsPriorLines { required, actual } => {
                write!(
                    f,
                    "needs at least {required} prior {} (has {actual})",
                    lines(required)
                )
            }
            Reason::TooManyPriorLines { allowed, actual } => {
                write!(
                    f,
                    "allows at most {allowed} prior {} (has {actual})",
                    lines(allowed)
                )
            }
            Reason::NeedsPriorExposure(e) => write!(f, "needs earlier {}", Named(e)),
            Reason::NeedsRefractory(Refractoriness::To(e)) => {
                write!(f, "needs refractoriness to {}", Named(e))
            }
            Reason::NeedsRefractory(Refractoriness::LastTherapy) => {
                f.write_str("needs refractoriness to the last therapy")
            }
            Reason::Excluded(e) => write!(f, "excludes earlier {}", Named(e)),
            Reason::NeedsProgressionOnLast => f.write_str("needs progression on the last therapy"),
        }
    }
}

fn lines(n: u8) -> &'static str {
    if n == 1 {
        "line"
    } else {
        "lines"
    }
}

/// Writes a vocabulary id with spaces for its hyphens, without allocating.
trait ReplaceDashes {
    fn replace_dashes(self) -> Dashless;
}

impl ReplaceDashes for &'static str {
    fn replace_dashes(self) -> Dashless {
        Dashless(self)
    }
}

struct Dashless(&'static str);

impl fmt::Display for Dashless {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, part) in self.0.split('-').enumerate() {
            if i > 0 {
                f.write_str(" ")?;
            }
            f.write_str(part)?;
        }
        Ok(())
    }
}

/// An exposure by name: `lenalidomide`, `a proteasome inhibitor`, `a drug acting on CD38`.
struct Named(Exposure);

impl fmt::Display for Named {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Exposure::Drug(d) => f.write_str(d.generic_name()),
            Exposure::Class(c) => write!(f, "{} (class)", c.name()),
            Exposure::Target(t) => write!(f, "treatment acting on {}", t.name()),
        }
    }
}

/// The most conditions one indication can state that a history fails.
const MAX_REASONS: usize = 12;

/// The unmet conditions of one indication, in its order: setting, lines, exposures,
/// refractoriness, exclusions, progression. A fixed-size list, so a check never allocates.
///
/// ```
/// use myeloma::{Drug, Phase, Reason, Regimen, Regulator, TreatmentHistory};
/// let isa_kd = Regimen::IsaKd
///     .indications()
///     .iter()
///     .find(|i| i.regulator == Regulator::HealthCanada)
///     .unwrap();
/// let untreated = TreatmentHistory::builder(Phase::NewlyDiagnosed).build()?;
/// let reasons = isa_kd.unmet(&untreated);
/// assert_eq!(reasons.len(), 2);
/// let first = reasons.iter().next().unwrap();
/// assert!(matches!(first, Reason::Setting { phase: Phase::NewlyDiagnosed, .. }));
/// let relapsed = TreatmentHistory::builder(Phase::Relapsed)
///     .prior_lines(1)
///     .exposed(Drug::Bortezomib)
///     .build()?;
/// assert!(isa_kd.unmet(&relapsed).is_empty());
/// # Ok::<(), myeloma::HistoryError>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Reasons {
    items: [Reason; MAX_REASONS],
    len: u8,
}

impl Reasons {
    /// The reasons, in order.
    pub fn iter(&self) -> impl Iterator<Item = Reason> + '_ {
        self.items[..usize::from(self.len)].iter().copied()
    }

    /// How many there are.
    pub const fn len(&self) -> usize {
        self.len as usize
    }

    /// Whether there are none.
    pub const fn is_empty(&self) -> bool {
        self.len == 0
    }

    fn push(&mut self, reason: Reason) {
        if let Some(slot) = self.items.get_mut(usize::from(self.len)) {
            *slot = reason;
            self.len += 1;
        }
    }
}

impl Indication {
    /// Every condition of this indication that `history` does not meet, in the indication's
    /// order; empty when the history is within it. Its [`other`](Indication::other) conditions,
    /// stated in words only, are not checked.
    ///
    /// ```
    /// use myeloma::{Phase, Reason, Regimen, Regulator, TreatmentHistory};
    /// let kd = Regimen::Kd
    ///     .indications()
    ///     .iter()
    ///     .find(|i| i.regulator == Regulator::UsFda)
    ///     .unwrap();
    /// let history = TreatmentHistory::builder(Phase::Relapsed).prior_lines(4).build()?;
    /// let reasons: Vec<Reason> = kd.unmet(&history).iter().collect();
    /// assert_eq!(reasons, [Reason::TooManyPriorLines { allowed: 3, actual: 4 }]);
    /// # Ok::<(), myeloma::HistoryError>(())
    /// ```
    pub fn unmet(&self, history: &TreatmentHistory) -> Reasons {
        unmet(self, history)
    }
}

/// Every condition of `indication` that `history` does not meet.
fn unmet(indication: &Indication, history: &TreatmentHistory) -> Reasons {
    let mut reasons = Reasons {
        items: [Reason::NeedsProgressionOnLast; MAX_REASONS],
        len: 0,
    };
    if let Some(setting) = indication.setting {
        if !setting.covers(history.phase(), history.transplant()) {
            reasons.push(Reason::Setting {
                setting,
                phase: history.phase(),
                transplant: history.transplant(),
            });
        }
    }
    let actual = history.prior_lines();
    if let Some(required) = indication.min_prior_lines.filter(|min| actual < *min) {
        reasons.push(Reason::NeedsPriorLines { required, actual });
    }
    if let Some(allowed) = indication.max_prior_lines.filter(|max| actual > *max) {
        reasons.push(Reason::TooManyPriorLines { allowed, actual });
    }
    for &exposure in indication.prior_exposure {
        if !history.was_exposed_to(exposure) {
            reasons.push(Reason::NeedsPriorExposure(exposure));
        }
    }
    for &refractoriness in indication.refractory_to {
        let refractory = match refractoriness {
            Refractoriness::To(e) => history.refractory().iter().any(|d| e.is_met_by(d)),
            Refractoriness::LastTherapy => history.progressed_on_last(),
        };
        if !refractory {
            reasons.push(Reason::NeedsRefractory(refractoriness));
        }
    }
    for &exposure in indication.not_exposed_to {
        if history.was_exposed_to(exposure) {
            reasons.push(Reason::Excluded(exposure));
        }
    }
    if indication.progression_on_last && !history.progressed_on_last() {
        reasons.push(Reason::NeedsProgressionOnLast);
    }
    reasons
}

/// The verdict over a therapy's indications for one regulator.
fn verdict(
    indications: &[Indication],
    history: &TreatmentHistory,
    regulator: Regulator,
) -> Verdict {
    let mut closest: Option<(Indication, Reasons)> = None;
    for indication in indications
        .iter()
        .filter(|i| i.regulator == regulator && i.status.is_in_force())
    {
        let reasons = unmet(indication, history);
        if reasons.is_empty() {
            return Verdict::Within(*indication);
        }
        if closest.is_none_or(|(_, best)| reasons.len() < best.len()) {
            closest = Some((*indication, reasons));
        }
    }
    if let Some((closest, reasons)) = closest {
        return Verdict::Outside { closest, reasons };
    }
    // None in force: the statement that none names the therapy, or else the first withdrawn.
    let of_regulator = || indications.iter().filter(|i| i.regulator == regulator);
    match of_regulator()
        .find(|i| i.status == IndicationStatus::None)
        .or_else(|| of_regulator().next())
    {
        Some(statement) => Verdict::NoIndication(*statement),
        None => Verdict::NotRecorded,
    }
}

impl Regimen {
    /// Checks a treatment history against this regimen's indications from `regulator`.
    ///
    /// Informational only: the catalogue records what the regulators approve; it does not
    /// recommend treatment.
    ///
    /// ```
    /// use myeloma::{Drug, Phase, Regimen, Regulator, TreatmentHistory};
    /// let history = TreatmentHistory::builder(Phase::Relapsed)
    ///     .prior_lines(4)
    ///     .exposed(Drug::Lenalidomide)
    ///     .build()?;
    /// // Carfilzomib with dexamethasone: one to three prior lines.
    /// assert!(!Regimen::Kd.check(&history, Regulator::UsFda).is_within());
    /// # Ok::<(), myeloma::HistoryError>(())
    /// ```
    pub fn check(self, history: &TreatmentHistory, regulator: Regulator) -> Verdict {
        verdict(self.indications(), history, regulator)
    }

    /// The regimen's drugs that the history is refractory to: information where no indication
    /// speaks of refractoriness.
    ///
    /// ```
    /// use myeloma::{Drug, Phase, Regimen, TreatmentHistory};
    /// let history = TreatmentHistory::builder(Phase::Refractory)
    ///     .prior_lines(1)
    ///     .exposed(Drug::Lenalidomide)
    ///     .refractory(Drug::Lenalidomide)
    ///     .build()?;
    /// assert_eq!(Regimen::DRd.refractory_components(&history), Drug::Lenalidomide.into());
    /// # Ok::<(), myeloma::HistoryError>(())
    /// ```
    pub fn refractory_components(self, history: &TreatmentHistory) -> DrugSet {
        self.drugs().intersection(history.refractory())
    }
}

impl Drug {
    /// Checks a treatment history against this drug's indications, given alone, from `regulator`.
    ///
    /// ```
    /// use myeloma::{Drug, Phase, Regulator, TreatmentHistory, Verdict};
    /// let history = TreatmentHistory::builder(Phase::NewlyDiagnosed).build()?;
    /// // Venetoclax is used off-label in myeloma (t(11;14)); its US label names no myeloma use.
    /// let verdict = Drug::Venetoclax.check(&history, Regulator::UsFda);
    /// assert!(matches!(verdict, Verdict::NoIndication(_)), "{verdict:?}");
    /// # Ok::<(), myeloma::HistoryError>(())
    /// ```
    pub fn check(self, history: &TreatmentHistory, regulator: Regulator) -> Verdict {
        verdict(self.indications(), history, regulator)
    }
}

/// Checks a treatment history against every regimen's indications from `regulator`, in catalogue
/// order: what a decision-support screen lists. Health Canada is the default regulator
/// (`Regulator::default()`), since the source page is Canadian; ask for Health Canada and then the
/// US FDA for both.
///
/// ```
/// use myeloma::{options, Phase, Regimen, Regulator, TreatmentHistory};
/// let history = TreatmentHistory::builder(Phase::Relapsed).prior_lines(1).build()?;
/// let within: Vec<Regimen> = options(&history, Regulator::default())
///     .filter(|(_, verdict)| verdict.is_within())
///     .map(|(regimen, _)| regimen)
///     .collect();
/// assert!(within.contains(&Regimen::IsaKd)); // 1 to 3 prior lines
/// assert!(!within.contains(&Regimen::IsaPd)); // at least 2
/// assert_eq!(options(&history, Regulator::UsFda).len(), Regimen::ALL.len());
/// # Ok::<(), myeloma::HistoryError>(())
/// ```
pub fn options(history: &TreatmentHistory, regulator: Regulator) -> Options {
    Options {
        history: *history,
        regulator,
        regimens: Regimen::ALL.iter(),
    }
}

/// The iterator [`options`] returns: each regimen with its [`Verdict`], in catalogue order.
///
/// ```
/// use myeloma::{options, Phase, Regimen, Regulator, TreatmentHistory};
/// let history = TreatmentHistory::builder(Phase::NewlyDiagnosed).build()?;
/// let (first, verdict) = options(&history, Regulator::UsFda).next().expect("regimens");
/// assert_eq!(first, Regimen::ALL[0]);
/// assert_eq!(verdict, first.check(&history, Regulator::UsFda));
/// # Ok::<(), myeloma::HistoryError>(())
/// ```
#[derive(Clone, Debug)]
pub struct Options {
    history: TreatmentHistory,
    regulator: Regulator,
    regimens: core::slice::Iter<'static, Regimen>,
}

impl Iterator for Options {
    type Item = (Regimen, Verdict);

    fn next(&mut self) -> Option<(Regimen, Verdict)> {
        let regimen = *self.regimens.next()?;
        Some((regimen, regimen.check(&self.history, self.regulator)))
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.regimens.size_hint()
    }
}

impl ExactSizeIterator for Options {}
