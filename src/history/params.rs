//! The rule set's parameters, with the reference's defaults.

/// What rule X3 does when therapy resumes after every drug of a line has been stopped for at least
/// [`Params::discontinuation_gap_days`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum RestartAfterGap {
    /// A new line (the default; claims-data practice: Hess, Merck, ETL-LambdaBuilder).
    #[default]
    NewLine,
    /// The same line when the line's own drugs resume; a different drug is still a switch (X1).
    SameLine,
}

/// The parameters of the line-of-therapy rules. `Params::default()` gives the reference's
/// defaults, each chosen from the anchors named beside it. "Within N days" means `<= N` days
/// everywhere.
///
/// ```
/// use myeloma::history::Params;
/// let strict = Params { regimen_window_days: 28, ..Params::default() };
/// assert_eq!(strict.discontinuation_gap_days, 90);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Params {
    /// S2: a line-defining drug whose episode starts on days `0..regimen_window_days` of the line
    /// joins its base regimen. Default 60 (oral IMiDs from specialty pharmacy arrive late).
    pub regimen_window_days: i32,
    /// S2: joins on days `late_addition_after_days + 1` and later carry
    /// [`Flags::LATE_ADDITION`](super::Flags::LATE_ADDITION) so a user can re-cut at 28 or 30.
    /// Default 28.
    pub late_addition_after_days: i32,
    /// N1, X3: exposures of one drug merge into an episode while the gap between them is shorter
    /// than this; all drugs stopped this long then a restart is a new line. Default 90 (ETL-LB).
    pub discontinuation_gap_days: i32,
    /// Days a dispensing covers when its supply is missing or zero. Default 28 (a cycle).
    pub default_days_supply: u32,
    /// S4: a line whose base drugs all stop within this many days of its start, followed by a
    /// switch, is not counted. Default 21 (IMWG: one complete cycle); 0 turns S4 off and counts
    /// every change, as CIBMTR does.
    pub min_line_days: i32,
    /// M2: therapy starting within this many days of the line's last SCT, whose drugs are
    /// maintenance-eligible or the line's own induction drugs, stays in the line. Default 180.
    pub post_sct_window_days: i32,
    /// M3: a later auto-SCT within this many days of the previous one, with no line-defining drug
    /// between them, is a planned tandem. Default 180.
    pub tandem_max_days: i32,
    /// M4: melphalan starting within this many days before an SCT is conditioning. Default 14.
    pub conditioning_days: i32,
    /// M4: cyclophosphamide as the only new agent within this many days before an SCT is stem-cell
    /// mobilisation. Default 60 (this project's choice; no anchor states one).
    pub mobilization_days: i32,
    /// C1: without a leukapheresis, the CAR-T line starts at the first bridging or lymphodepletion
    /// drug within this many days before the infusion. Default 60.
    pub cart_lookback_days: i32,
    /// C1: fludarabine or cyclophosphamide within this many days before a CAR-T infusion is
    /// lymphodepletion. Default 14.
    pub lymphodepletion_days: i32,
    /// C1: a leukapheresis counts for a CAR-T line only when the infusion follows within this many
    /// days. Default 120.
    pub leukapheresis_max_days: i32,
    /// R1: a progression within this many days of a drug's last coverage makes the disease
    /// refractory to it (IMWG). Default 60.
    pub refractory_window_days: i32,
    /// S1: exposures starting earlier than diagnosis minus this many days are ignored. Default 30.
    pub pre_diagnosis_grace_days: i32,
    /// X3: what a restart after a long drug-free gap is. Default [`RestartAfterGap::NewLine`].
    pub restart_after_gap: RestartAfterGap,
}

impl Params {
    /// The reference's defaults, usable in `const` context.
    pub const DEFAULT: Params = Params {
        regimen_window_days: 60,
        late_addition_after_days: 28,
        discontinuation_gap_days: 90,
        default_days_supply: 28,
        min_line_days: 21,
        post_sct_window_days: 180,
        tandem_max_days: 180,
        conditioning_days: 14,
        mobilization_days: 60,
        cart_lookback_days: 60,
        lymphodepletion_days: 14,
        leukapheresis_max_days: 120,
        refractory_window_days: 60,
        pre_diagnosis_grace_days: 30,
        restart_after_gap: RestartAfterGap::NewLine,
    };
}

impl Default for Params {
    fn default() -> Params {
        Params::DEFAULT
    }
}
