//! Treatment history from dated records: regimens and lines of therapy by the IMWG rules
//! (feature `history`, which needs `alloc`; the rest of the crate stays `no_std` without
//! allocation).
//!
//! Records in ([`Exposure`], [`Procedure`], progressions, diagnosis), lines out
//! ([`LinesOfTherapy`]): each [`Line`] with its start and end, phases, the regimen of each phase,
//! its end reason, the [`Rule`] of every cut and join, [`Flags`], and each drug's role. From the
//! lines, [`LinesOfTherapy::treatment_history`] builds the crate's [`TreatmentHistory`] as of any
//! date, so [`Regimen::check`](crate::Regimen::check) works straight from records.
//! [`by_person`] streams many people's rows, one person at a time; [`People`] takes them pushed one
//! row at a time, from a loop of the caller's own.
//!
//! Dates are the crate's own [`Date`] (days since 1970-01-01, parsed from ISO 8601 `YYYY-MM-DD`
//! with a [`DateError`] that says what is wrong); the features `chrono` and `jiff` add
//! conversions to and from `chrono::NaiveDate` and `jiff::civil::Date`.
//!
//! The rules are the project's reference rule set (`lines-of-therapy.md`), anchored on the IMWG
//! consensus (Rajkumar et al., Blood 2011 and 2015), each rule in a small function named for it,
//! one file per idea:
//! - `date`, `input`, `params`: the records and the parameters ([`Params`], with the reference's
//!   defaults); `names`: each distinct written name resolved once ([`NameCache`]).
//! - `roles`: each drug's role and maintenance eligibility, read from the catalogue.
//! - `episodes`: N1, a drug's exposures merge while the gap is under 90 days.
//! - `events`: M4 and C1, first pass: transplant conditioning, mobilisation, stem-cell apheresis;
//!   CAR-T leukapheresis, bridging, lymphodepletion.
//! - `lines`: S1-S5, X1-X4, M1-M3 and E1 in one sweep, with the precedence X4 > C1 > M4 > M3 >
//!   M1 > M2 > X1/X2/X3 > S2-S5.
//! - `refractory` R1, `to_history` H1, `stream` per-person streaming, `output` the result types,
//!   `picture` the timeline as SVG ([`LinesOfTherapy::timeline_svg`]).
//!
//! Every decision records its rule: [`Line::opened_by`], [`Line::ended_by`] with
//! [`Line::end_reason`], and [`Line::decisions`] for what joined a line (S2, S4, S5, M1-M4, C1).
//!
//! # Choices where the reference reads two ways
//! These follow what the IMWG definition implies; each has a test in `tests/history.rs`.
//! - **Steroids and supportive drugs** never start, extend, end or change a line. A steroid is
//!   listed in the lines its episode overlaps and names their regimens; supportive drugs are only
//!   counted ([`LinesOfTherapy::supportive`]).
//! - **Coverage** is a drug's N1 episode (definition 2): a drug between two doses, or held for
//!   less than the discontinuation gap, is still covered, so the line goes on. The rule of a cut
//!   for a new drug follows it: X2 (addition) while a drug of the line is covered, X1 (switch)
//!   when none is. The end reason follows the exposures' own coverage (definition 3): Addition
//!   when an exposure of the line started before the day covers it, Switch otherwise (a dose
//!   given on the new drug's first day belongs with the new regimen). So a line can end by X2
//!   with end reason Switch when the new drug falls between doses of drugs that go on. In the
//!   reference's example E14, bortezomib's 70-day break is shorter than the discontinuation gap,
//!   so the cuts are X2 with end reason Switch, where the example's heading says X1; the count (3)
//!   is the same. Counts never depend on these labels.
//! - **S2's "or resumes after it"** needs no look-ahead: a drug of the line held for less than
//!   the discontinuation gap is still covered by its N1 episode, so a drug starting during the
//!   hold joins; after a longer hold the line has stopped (X1 or X3).
//! - **S4 with `min_line_days = 0`** is off, so every change counts, as CIBMTR does.
//! - **S5** keeps a drug of the line that starts again in the line while another drug is covered,
//!   or while all are stopped for less than the discontinuation gap; after that gap it is X3.
//! - **X3 with `SameLine`** keeps the line's own drugs in the line; a different drug after the
//!   gap is still a switch (X1).
//! - **X4** cuts at the first line-defining episode starting on or after a progression that falls
//!   after the line's start, including a resumed drug of the line; transplant and CAR-T agents
//!   after a progression still join their event (definition 10).
//! - **M2 `Inferred`**: post-transplant therapy kept in the line although it starts after a
//!   drug-free gap of at least the discontinuation gap is flagged `Inferred` when the person has
//!   no supplied progression at all (it could be relapse therapy; reference E9).
//! - **M2 after the window**: therapy starting later than `post_sct_window_days` after the
//!   transplant is judged by X1-X3 and S5 as anywhere else (so a new drug is a new line, and a
//!   resumed maintenance drug after a short hold is not).
//! - **Consolidation vs maintenance**: post-transplant drugs that start together, two or more,
//!   for at most 183 days are consolidation; everything else after the transplant is
//!   maintenance.
//! - **M4's event start** is its earliest conditioning or mobilisation agent; a stem-cell
//!   apheresis is attached to its transplant but never moves a line's start. A drug starting
//!   during the event (from its first agent to the transplant) joins the event's line, in phase
//!   transplant, even after a progression. An agent's episode ends at a transplant that falls
//!   between two of its exposures, so each transplant has its own conditioning.
//! - **Fludarabine** is supportive in the catalogue; it is kept only as lymphodepletion of a
//!   CAR-T event, and set aside otherwise.
//! - **C1 without leukapheresis**: a drug new to the running line that starts within
//!   `cart_lookback_days` before an infusion opens the CAR-T line as bridging; until the
//!   infusion, everything else joins it as bridging.
//! - **Phases** of a line opened by a switch are called induction (re-induction).
//! - **The last line** ends on its last covered day with end reason `Ongoing`: the records show
//!   no later line, whether or not treatment goes on.
//! - **An apheresis** followed neither by a transplant nor by a CAR-T infusion is set aside.

mod convert;
mod date;
mod episodes;
mod events;
mod input;
mod lines;
mod names;
mod output;
mod params;
mod picture;
mod refractory;
mod roles;
mod stream;
mod to_history;

pub use date::{Date, DateError, DateErrorKind};
pub use input::{
    Exposure, ExposureKind, Procedure, ProcedureKind, ProcedureKindError, Record, Records,
};
pub use lines::{lines_of_therapy, Deriver};
pub use names::NameCache;
pub use output::{
    Decision, EndReason, Flags, Line, LineDrug, LinePhase, LinesOfTherapy, PhaseSpan, Purpose,
    Refractory, RefractoryBasis, Rule,
};
pub use params::{Params, RestartAfterGap};
pub use stream::{by_person, ByPerson, NotGrouped, People};
pub use to_history::AsOf;

#[cfg(doc)]
use crate::TreatmentHistory;
