//! Routes as records write them (`PO`, `by mouth`, `SC`, `SQ`, `subcut`, `IV push`, RxNorm's `Oral`),
//! mapped to the catalogue's [`Route`].

use super::lexer::{phrase_of, Phrase};
use super::Span;
use crate::Route;

/// Every spelling of a route that is read, as words (case and dots do not matter; words may be
/// joined by a hyphen).
pub(crate) const SPELLINGS: &[(Phrase, Route)] = &[
    (phrase_of(&["po"]), Route::Oral),
    (phrase_of(&["oral"]), Route::Oral),
    (phrase_of(&["orally"]), Route::Oral),
    (phrase_of(&["by", "mouth"]), Route::Oral),
    (phrase_of(&["per", "os"]), Route::Oral),
    (phrase_of(&["sc"]), Route::Subcutaneous),
    (phrase_of(&["sq"]), Route::Subcutaneous),
    (phrase_of(&["subq"]), Route::Subcutaneous),
    (phrase_of(&["sub", "q"]), Route::Subcutaneous),
    (phrase_of(&["subcut"]), Route::Subcutaneous),
    (phrase_of(&["sub", "cut"]), Route::Subcutaneous),
    (phrase_of(&["subcutaneous"]), Route::Subcutaneous),
    (phrase_of(&["subcutaneously"]), Route::Subcutaneous),
    (phrase_of(&["iv"]), Route::Intravenous),
    (phrase_of(&["iv", "push"]), Route::Intravenous),
    (phrase_of(&["iv", "bolus"]), Route::Intravenous),
    (phrase_of(&["iv", "infusion"]), Route::Intravenous),
    (phrase_of(&["iv", "piggyback"]), Route::Intravenous),
    (phrase_of(&["ivpb"]), Route::Intravenous),
    (phrase_of(&["ivp"]), Route::Intravenous),
    (phrase_of(&["intravenous"]), Route::Intravenous),
    (phrase_of(&["intravenously"]), Route::Intravenous),
];

/// Whether a route was written in the line or only follows from the dose form.
///
/// ```
/// use myeloma::{Medication, RouteSource};
/// let source = |line| Medication::parse(line).unwrap().route().map(|r| r.source);
/// assert_eq!(source("lenalidomide 10 MG Oral Capsule"), Some(RouteSource::Written));
/// assert_eq!(source("lenalidomide 10 MG capsule"), Some(RouteSource::ImpliedByForm));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RouteSource {
    /// Written: `PO`, `SC`, `Oral` in `Oral Capsule`.
    Written,
    /// Not written, but the dose form is only taken that way (a tablet is taken by mouth).
    ImpliedByForm,
}

/// The route of a medication line, where it comes from, and the text it was read from (the route's
/// words, or the dose form's for an implied route).
///
/// ```
/// use myeloma::{Medication, Route, RouteSource};
/// let line = "DEXAMETHASONE 4 MG TAB";
/// let route = Medication::parse(line)?.route().unwrap();
/// assert_eq!((route.route, route.source), (Route::Oral, RouteSource::ImpliedByForm));
/// assert_eq!(route.span.of(line), "TAB");
/// # Ok::<(), myeloma::MedicationError>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct LineRoute {
    /// The route.
    pub route: Route,
    /// Written or implied.
    pub source: RouteSource,
    /// Where it was read from.
    pub span: Span,
}
