//! DosePart forms as prescriptions and RxNorm write them (`TAB`, `Capsule`, `Injection`,
//! `Injectable Solution`, `injection, powder, lyophilized, for solution`).

use super::lexer::{phrase_of, Phrase};
use crate::Route;

/// A dose form. RxNorm's `Oral Capsule` and `Oral Tablet` read as the route `Oral` (written) and the
/// form; `Injectable Solution` is one form.
///
/// ```
/// use myeloma::{DoseForm, Route};
/// assert_eq!(DoseForm::Capsule.implied_route(), Some(Route::Oral));
/// assert_eq!(DoseForm::Injection.implied_route(), None); // under the skin or into a vein
/// assert_eq!(DoseForm::PowderForSolution.to_string(), "powder for solution");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum DoseForm {
    /// `capsule` (`cap`, `caps`, `capsule`, `capsules`; RxNorm's `Oral Capsule`).
    Capsule,
    /// `tablet` (`tab`, `tabs`, `tablet`, `tablets`; RxNorm's `Oral Tablet`).
    Tablet,
    /// `solution` (`soln`, `solution`; RxNorm's `Oral Solution`).
    Solution,
    /// `suspension` (`susp`, `suspension`).
    Suspension,
    /// `injection` (`inj`, `injection`; RxNorm's `Injection`).
    Injection,
    /// `injectable solution` (RxNorm's `Injectable Solution`; `solution for injection`).
    InjectableSolution,
    /// `powder for solution` (`powder for solution`, `powder for injection`, `lyophilized powder`,
    /// and the label's `injection, powder, lyophilized, for solution`).
    PowderForSolution,
    /// `prefilled syringe` (`prefilled syringe`, `pre-filled syringe`).
    PrefilledSyringe,
}

impl DoseForm {
    /// The only route the form is taken by, where there is one: capsules and tablets are taken by
    /// mouth. `None` for forms given more than one way (an injection, a solution).
    pub const fn implied_route(self) -> Option<Route> {
        match self {
            DoseForm::Capsule | DoseForm::Tablet => Some(Route::Oral),
            _ => None,
        }
    }
}

crate::ids::coded! {
    DoseForm, "The form's name in lower case, as the TSV of `examples/medication.rs` writes it." {
        Capsule => "capsule",
        Tablet => "tablet",
        Solution => "solution",
        Suspension => "suspension",
        Injection => "injection",
        InjectableSolution => "injectable solution",
        PowderForSolution => "powder for solution",
        PrefilledSyringe => "prefilled syringe",
    }
}

/// Every spelling of a dose form that is read; see [`super::lexer::phrase`].
pub(crate) const SPELLINGS: &[(Phrase, DoseForm)] = &[
    (phrase_of(&["cap"]), DoseForm::Capsule),
    (phrase_of(&["caps"]), DoseForm::Capsule),
    (phrase_of(&["capsule"]), DoseForm::Capsule),
    (phrase_of(&["capsules"]), DoseForm::Capsule),
    (phrase_of(&["tab"]), DoseForm::Tablet),
    (phrase_of(&["tabs"]), DoseForm::Tablet),
    (phrase_of(&["tablet"]), DoseForm::Tablet),
    (phrase_of(&["tablets"]), DoseForm::Tablet),
    (phrase_of(&["soln"]), DoseForm::Solution),
    (phrase_of(&["solution"]), DoseForm::Solution),
    (phrase_of(&["susp"]), DoseForm::Suspension),
    (phrase_of(&["suspension"]), DoseForm::Suspension),
    (phrase_of(&["inj"]), DoseForm::Injection),
    (phrase_of(&["injection"]), DoseForm::Injection),
    (
        phrase_of(&["injectable", "solution"]),
        DoseForm::InjectableSolution,
    ),
    (
        phrase_of(&["solution", "for", "injection"]),
        DoseForm::InjectableSolution,
    ),
    (
        phrase_of(&["powder", "for", "solution"]),
        DoseForm::PowderForSolution,
    ),
    (
        phrase_of(&["powder", "for", "injection"]),
        DoseForm::PowderForSolution,
    ),
    (
        phrase_of(&["lyophilized", "powder"]),
        DoseForm::PowderForSolution,
    ),
    (
        phrase_of(&[
            "injection",
            ",",
            "powder",
            ",",
            "lyophilized",
            ",",
            "for",
            "solution",
        ]),
        DoseForm::PowderForSolution,
    ),
    (
        phrase_of(&["injection", ",", "powder", ",", "for", "solution"]),
        DoseForm::PowderForSolution,
    ),
    (
        phrase_of(&["prefilled", "syringe"]),
        DoseForm::PrefilledSyringe,
    ),
    (
        phrase_of(&["pre", "filled", "syringe"]),
        DoseForm::PrefilledSyringe,
    ),
];
