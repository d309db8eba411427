//! One naming scheme for every enum: `id()` and `from_id()` for the stable id, `Display` for what a
//! person reads, `FromStr` reading both back.

use std::fmt::Display;
use std::str::FromStr;

use myeloma::{
    AcronymOrigin, ApprovalStatus, Dose, Drug, DrugClass, DrugRole, DrugSet, IndicationStatus,
    NoteKind, Phase, Regimen, Regulator, Route, RxcuiStatus, SideEffects, Source, SourceKind,
    Target, Therapy, TransplantStatus, Use,
};

/// `from_id(id())` gives the value back, `Display` reads back through `FromStr`, and no two
/// values share an id or a displayed form.
fn round_trips<T>(all: &[T], id: fn(T) -> &'static str, from_id: fn(&str) -> Option<T>)
where
    T: Copy + PartialEq + std::fmt::Debug + Display + FromStr,
    <T as FromStr>::Err: std::fmt::Debug,
{
    let mut ids = std::collections::HashSet::new();
    let mut shown = std::collections::HashSet::new();
    for &value in all {
        assert_eq!(from_id(id(value)), Some(value), "{value:?}");
        assert_eq!(id(value).parse::<T>().ok(), Some(value), "{value:?} by id");
        let text = value.to_string();
        assert_eq!(
            text.parse::<T>().ok(),
            Some(value),
            "{value:?} displays as `{text}`, which does not read back"
        );
        assert!(ids.insert(id(value)), "{value:?}: id shared");
        assert!(
            shown.insert(text.to_ascii_lowercase()),
            "{value:?}: `{text}` shared"
        );
    }
}

#[test]
fn catalogue_entries_display_their_names_and_read_back() {
    round_trips(Drug::ALL, Drug::id, Drug::from_id);
    round_trips(Regimen::ALL, Regimen::id, Regimen::from_id);
    round_trips(DrugClass::ALL, DrugClass::id, DrugClass::from_id);
    round_trips(Target::ALL, Target::id, Target::from_id);
    round_trips(Route::ALL, Route::id, Route::from_id);
    round_trips(Use::ALL, Use::id, Use::from_id);
    round_trips(Source::ALL, Source::id, Source::from_id);
}

#[test]
fn vocabulary_values_display_their_labels_and_read_back() {
    round_trips(SourceKind::ALL, SourceKind::id, SourceKind::from_id);
    round_trips(DrugRole::ALL, DrugRole::id, DrugRole::from_id);
    round_trips(
        myeloma::Setting::ALL,
        myeloma::Setting::id,
        myeloma::Setting::from_id,
    );
    round_trips(
        IndicationStatus::ALL,
        IndicationStatus::id,
        IndicationStatus::from_id,
    );
    round_trips(
        ApprovalStatus::ALL,
        ApprovalStatus::id,
        ApprovalStatus::from_id,
    );
    round_trips(Regulator::ALL, Regulator::id, Regulator::from_id);
    round_trips(NoteKind::ALL, NoteKind::id, NoteKind::from_id);
    round_trips(SideEffects::ALL, SideEffects::id, SideEffects::from_id);
    round_trips(Phase::ALL, Phase::id, Phase::from_id);
    round_trips(
        TransplantStatus::ALL,
        TransplantStatus::id,
        TransplantStatus::from_id,
    );
    round_trips(Dose::ALL, Dose::id, Dose::from_id);
    round_trips(
        AcronymOrigin::ALL,
        AcronymOrigin::id,
        AcronymOrigin::from_id,
    );
    round_trips(RxcuiStatus::ALL, RxcuiStatus::id, RxcuiStatus::from_id);
}

#[test]
fn display_is_what_a_person_reads_and_the_id_stays_stable() {
    assert_eq!(Regimen::IsaPd.to_string(), "Isa-Pd");
    assert_eq!(Regimen::IsaPd.id(), "isa-pd");
    assert_eq!(
        Drug::AcetylsalicylicAcid.to_string(),
        "acetylsalicylic acid"
    );
    assert_eq!(Drug::AcetylsalicylicAcid.id(), "acetylsalicylic-acid");
    assert_eq!(
        DrugClass::ProteasomeInhibitor.to_string(),
        DrugClass::ProteasomeInhibitor.name()
    );
    assert_eq!(Regulator::UsFda.to_string(), "US FDA");
    assert_eq!(Regulator::UsFda.id(), "us-fda");
    assert_eq!(
        myeloma::Setting::NewlyDiagnosedTransplantIneligible.to_string(),
        "newly diagnosed, transplant-ineligible"
    );
    // Ids are exact; displayed forms read back in any case.
    assert_eq!(Regulator::from_id("US-FDA"), None);
    assert_eq!("us fda".parse(), Ok(Regulator::UsFda));
}

#[test]
fn therapies_and_sets_display_names() {
    let dpd = Therapy::from(Regimen::DPd);
    assert_eq!(dpd.to_string(), "DPd");
    assert_eq!(dpd.to_string().parse(), Ok(dpd));
    let set = DrugSet::EMPTY
        .with(Drug::Daratumumab)
        .with(Drug::AcetylsalicylicAcid);
    let combination = Therapy::Combination(set);
    assert_eq!(
        combination.to_string(),
        "daratumumab + acetylsalicylic acid"
    );
    assert_eq!(combination.to_string().parse(), Ok(combination));
}
