//! Conditions on earlier treatment: every condition the catalogue states is checked on both sides of
//! its boundary, mostly by tests that read the conditions from the catalogue itself (so a new
//! condition is covered without a new test); the conditions named in the source page and labels
//! also have tests of their own; and the eligibility example's output is snapshot-tested.

use std::path::PathBuf;
use std::process::{Command, Output};

use myeloma::{
    drug_set, options, Assessment, Drug, DrugClass, DrugSet, Exposure, HistoryError, Phase,
    Prerequisites, Regimen, Regulator, Source, Target, Therapy, TransplantStatus, TreatmentHistory,
    Unmet, Use, MAX_PRIOR_LINES,
};
use proptest::prelude::*;

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

fn history(phase: Phase, lines: u8, exposed: DrugSet, progressed: bool) -> TreatmentHistory {
    TreatmentHistory::builder(phase)
        .prior_lines(lines)
        .exposed(exposed)
        .progressed_on_last(progressed)
        .build()
        .expect("a valid history")
}

fn relapsed(lines: u8, exposed: DrugSet) -> TreatmentHistory {
    history(Phase::Relapsed, lines, exposed, false)
}

/// Every therapy the catalogue states conditions on earlier treatment for: regimens, then drugs
/// given alone.
fn conditioned() -> Vec<(Therapy, Prerequisites)> {
    let regimens = Regimen::ALL
        .iter()
        .filter_map(|r| Some((Therapy::Regimen(*r), r.prerequisites()?)));
    let drugs = Drug::ALL
        .iter()
        .filter_map(|d| Some((Therapy::Drug(*d), d.prerequisites()?)));
    regimens.chain(drugs).collect()
}

fn assess(therapy: Therapy, history: &TreatmentHistory) -> Assessment {
    match therapy {
        Therapy::Regimen(r) => r.assess(history),
        Therapy::Drug(d) => d
            .assess(history)
            .expect("a drug with conditions is given alone"),
        Therapy::Combination(_) => unreachable!("only regimens and drugs have conditions"),
    }
}

fn uses(therapy: Therapy) -> Vec<Use> {
    match therapy {
        Therapy::Regimen(r) => r.uses().to_vec(),
        Therapy::Drug(d) => d.uses().iter().map(|u| u.purpose).collect(),
        Therapy::Combination(_) => Vec::new(),
    }
}

/// For each exposure a condition asks for, the first catalogue drug that satisfies it.
fn representatives(p: &Prerequisites) -> DrugSet {
    p.prior_exposure
        .iter()
        .map(|e| {
            *Drug::ALL
                .iter()
                .find(|d| e.is_met_by(**d))
                .expect("some catalogue drug satisfies every exposure")
        })
        .collect()
}

/// A history with `lines` prior lines in a phase (and transplant status) one of the therapy's uses
/// covers, exposed to one drug for each exposure it asks for and with progression on the last
/// therapy: everything but `lines` meets the conditions. `None` when no such history is valid
/// (no prior lines in a phase that follows treatment).
fn satisfying(
    therapy: Therapy,
    p: &Prerequisites,
    lines: u8,
    exposed: DrugSet,
) -> Option<TreatmentHistory> {
    uses(therapy).into_iter().find_map(|purpose| {
        purpose.phases().iter().find_map(|phase| {
            TreatmentHistory::builder(*phase)
                .prior_lines(lines)
                .exposed(exposed)
                .progressed_on_last(p.progression_on_last)
                .transplant(purpose.transplant().first().copied())
                .build()
                .ok()
        })
    })
}

fn min_lines(p: &Prerequisites) -> u8 {
    p.min_prior_lines.unwrap_or(0)
}

fn name(therapy: Therapy) -> String {
    therapy.to_string()
}

// ---------------------------------------------------------------------------------------------
// Every stated condition, read from the catalogue, on both sides of its boundary
// ---------------------------------------------------------------------------------------------

#[test]
fn the_catalogue_states_the_conditions_the_tests_expect() {
    let names: Vec<String> = conditioned().into_iter().map(|(t, _)| name(t)).collect();
    assert_eq!(
        names,
        ["Isa-Kd", "IRd", "PVd", "Isa-Pd", "SVd", "talquetamab"]
    );
}

#[test]
fn every_drug_with_conditions_is_given_alone_so_they_are_checked() {
    for drug in Drug::ALL {
        assert_eq!(
            drug.assess(&relapsed(1, DrugSet::EMPTY)).is_some(),
            drug.given_alone(),
            "{drug}"
        );
        if drug.prerequisites().is_some() {
            assert!(
                drug.given_alone(),
                "{drug}'s conditions would never be assessed"
            );
        }
    }
}

#[test]
fn every_condition_is_met_by_a_history_that_meets_it() {
    for (therapy, p) in conditioned() {
        let lines = min_lines(&p).max(1);
        let history = satisfying(therapy, &p, lines, representatives(&p)).expect("a valid history");
        let assessment = assess(therapy, &history);
        assert!(assessment.is_met(), "{}: {assessment}", name(therapy));
    }
}

#[test]
fn every_least_number_of_prior_lines_on_both_sides() {
    let mut checked = 0;
    for (therapy, p) in conditioned() {
        let Some(min) = p.min_prior_lines else {
            continue;
        };
        let exposed = representatives(&p);
        let at =
            satisfying(therapy, &p, min, exposed).expect("a valid history at the least number");
        assert!(
            assess(therapy, &at).is_met(),
            "{} at {min} lines",
            name(therapy)
        );

        let below = Unmet::NeedsPriorLines {
            required: min,
            actual: min - 1,
        };
        match satisfying(therapy, &p, min - 1, exposed) {
            Some(history) => assert_eq!(
                assess(therapy, &history).unmet(),
                [below],
                "{}",
                name(therapy)
            ),
            // No prior line in a phase that follows treatment is not a valid history: check 0
            // lines where it is (newly diagnosed, which also rules out exposures and the phase).
            None => {
                let history = history(Phase::NewlyDiagnosed, 0, DrugSet::EMPTY, false);
                let assessment = assess(therapy, &history);
                assert!(
                    assessment.unmet().contains(&below),
                    "{}: {assessment}",
                    name(therapy)
                );
            }
        }
        checked += 1;
    }
    assert_eq!(
        checked, 6,
        "Isa-Kd, IRd, PVd, Isa-Pd, SVd and talquetamab state a least number"
    );
}

#[test]
fn every_most_number_of_prior_lines_on_both_sides() {
    let mut checked = 0;
    for (therapy, p) in conditioned() {
        let Some(max) = p.max_prior_lines else {
            continue;
        };
        let exposed = representatives(&p);
        let at = satisfying(therapy, &p, max, exposed).expect("a valid history at the most");
        assert!(
            assess(therapy, &at).is_met(),
            "{} at {max} lines",
            name(therapy)
        );

        let above =
            satisfying(therapy, &p, max + 1, exposed).expect("a valid history above the most");
        assert_eq!(
            assess(therapy, &above).unmet(),
            [Unmet::TooManyPriorLines {
                allowed: max,
                actual: max + 1
            }],
            "{}",
            name(therapy)
        );
        checked += 1;
    }
    assert_eq!(checked, 1, "Isa-Kd states a most number");
}

#[test]
fn every_prior_exposure_on_both_sides() {
    let mut checked = 0;
    for (therapy, p) in conditioned() {
        let lines = min_lines(&p).max(1);
        let exposed = representatives(&p);
        for exposure in p.prior_exposure {
            let satisfiers: DrugSet = Drug::ALL
                .iter()
                .copied()
                .filter(|d| exposure.is_met_by(*d))
                .collect();
            // Missing: no drug that satisfies it, everything else as it should be.
            let without =
                satisfying(therapy, &p, lines, exposed - satisfiers).expect("a valid history");
            let assessment = assess(therapy, &without);
            assert!(
                assessment
                    .unmet()
                    .contains(&Unmet::NeedsPriorExposure(*exposure)),
                "{} without {exposure:?}: {assessment}",
                name(therapy)
            );
            for unmet in assessment.unmet() {
                // Only exposures whose drugs were taken away can be reported.
                let Unmet::NeedsPriorExposure(other) = unmet else {
                    panic!("{}: {unmet}", name(therapy))
                };
                assert!(
                    satisfiers.iter().any(|d| other.is_met_by(d)),
                    "{}: {unmet}",
                    name(therapy)
                );
            }
            // Present: any one drug that satisfies it will do.
            for drug in satisfiers {
                let with = satisfying(therapy, &p, lines, (exposed - satisfiers).with(drug))
                    .expect("valid");
                let assessment = assess(therapy, &with);
                assert!(
                    !assessment
                        .unmet()
                        .contains(&Unmet::NeedsPriorExposure(*exposure)),
                    "{} with {drug} for {exposure:?}: {assessment}",
                    name(therapy)
                );
            }
            checked += 1;
        }
    }
    assert_eq!(checked, 6, "PVd 1, Isa-Pd 2, talquetamab 3");
}

#[test]
fn every_progression_on_the_last_therapy_on_both_sides() {
    let mut checked = 0;
    for (therapy, p) in conditioned() {
        if !p.progression_on_last {
            continue;
        }
        let met =
            satisfying(therapy, &p, min_lines(&p).max(1), representatives(&p)).expect("valid");
        assert!(met.progressed_on_last());
        assert!(assess(therapy, &met).is_met());
        let not_progressed = TreatmentHistory::builder(met.phase())
            .prior_lines(met.prior_lines())
            .exposed(met.exposed())
            .transplant(met.transplant())
            .build()
            .expect("valid");
        assert_eq!(
            assess(therapy, &not_progressed).unmet(),
            [Unmet::NeedsProgressionOnLast]
        );
        checked += 1;
    }
    // Health Canada's talquetamab indication reads "progression on or after the last therapy",
    // which every relapse meets; no condition of the catalogue asks for progression on it.
    assert_eq!(
        checked, 0,
        "no condition asks for progression on the last therapy"
    );
}

#[test]
fn every_unmet_condition_names_the_source_its_rule_follows() {
    for (therapy, p) in conditioned() {
        // Fails every condition it can: newly diagnosed, nothing given.
        let history = history(Phase::NewlyDiagnosed, 0, DrugSet::EMPTY, false);
        let assessment = assess(therapy, &history);
        assert_eq!(assessment.prerequisites(), Some(p));
        assert!(!assessment.is_met());
        for unmet in assessment.unmet() {
            assert!(!unmet.to_string().is_empty());
            let source = assessment
                .source_of(unmet)
                .expect("every unmet condition has a source");
            if unmet.is_prerequisite() {
                assert_eq!(source, p.source, "{}: {unmet}", name(therapy));
                assert_eq!(source.regulator(), p.regulator());
            } else {
                assert_eq!(
                    source.kind(),
                    myeloma::SourceKind::PageSection,
                    "{}: {unmet}",
                    name(therapy)
                );
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// The conditions the page and the labels state, one by one
// ---------------------------------------------------------------------------------------------

const LEN_BORT: DrugSet = drug_set![Drug::Lenalidomide, Drug::Bortezomib];

#[test]
fn isa_pd_needs_2_prior_lines() {
    assert_eq!(
        Regimen::IsaPd.assess(&relapsed(1, LEN_BORT)).unmet(),
        [Unmet::NeedsPriorLines {
            required: 2,
            actual: 1
        }]
    );
    assert!(Regimen::IsaPd.assess(&relapsed(2, LEN_BORT)).is_met());
}

#[test]
fn isa_pd_needs_a_proteasome_inhibitor() {
    let missing = Regimen::IsaPd.assess(&relapsed(
        2,
        drug_set![Drug::Lenalidomide, Drug::Daratumumab],
    ));
    assert_eq!(
        missing.unmet(),
        [Unmet::NeedsPriorExposure(Exposure::Class(
            DrugClass::ProteasomeInhibitor
        ))]
    );
    for pi in [Drug::Bortezomib, Drug::Carfilzomib, Drug::Ixazomib] {
        let present = Regimen::IsaPd.assess(&relapsed(2, drug_set![Drug::Lenalidomide, pi]));
        assert!(present.is_met(), "{pi}: {present}");
    }
}

#[test]
fn isa_pd_needs_lenalidomide_itself() {
    // Another immunomodulatory drug does not stand in for lenalidomide.
    let history = relapsed(2, drug_set![Drug::Thalidomide, Drug::Bortezomib]);
    assert_eq!(
        Regimen::IsaPd.assess(&history).unmet(),
        [Unmet::NeedsPriorExposure(Exposure::Drug(
            Drug::Lenalidomide
        ))]
    );
    let both_missing = Regimen::IsaPd.assess(&relapsed(1, DrugSet::EMPTY));
    assert_eq!(both_missing.unmet().len(), 3, "{both_missing}");
}

#[test]
fn isa_pd_follows_health_canada_and_keeps_the_page_wording() {
    let p = Regimen::IsaPd.prerequisites().expect("stated");
    assert_eq!(p.source, Source::LabelHcSarclisa);
    assert_eq!(p.regulator(), Some(Regulator::HealthCanada));
    assert!(p
        .page_wording
        .is_some_and(|w| w.contains("at least 2 other treatments")));
}

#[test]
fn isa_kd_from_1_to_3_prior_lines() {
    // 0 lines cannot be relapsed: the newly diagnosed history also fails the regimen's use.
    let none = Regimen::IsaKd.assess(&history(Phase::NewlyDiagnosed, 0, DrugSet::EMPTY, false));
    assert_eq!(none.unmet().len(), 2, "{none}");
    assert!(matches!(
        none.unmet()[0],
        Unmet::NotForPhase {
            phase: Phase::NewlyDiagnosed,
            ..
        }
    ));
    assert_eq!(
        none.unmet()[1],
        Unmet::NeedsPriorLines {
            required: 1,
            actual: 0
        }
    );
    assert!(Regimen::IsaKd.assess(&relapsed(1, DrugSet::EMPTY)).is_met());
    assert!(Regimen::IsaKd.assess(&relapsed(3, DrugSet::EMPTY)).is_met());
    assert_eq!(
        Regimen::IsaKd.assess(&relapsed(4, DrugSet::EMPTY)).unmet(),
        [Unmet::TooManyPriorLines {
            allowed: 3,
            actual: 4
        }]
    );
    assert_eq!(
        Regimen::IsaKd.prerequisites().map(|p| p.source),
        Some(Source::LabelHcSarclisaKd)
    );
}

#[test]
fn ird_and_svd_need_at_least_1_prior_line() {
    for (regimen, source, regulator) in [
        (Regimen::IRd, Source::LabelUsNinlaro, Regulator::UsFda),
        (Regimen::SVd, Source::LabelHcXpovio, Regulator::HealthCanada),
    ] {
        let none = regimen.assess(&history(Phase::AfterInduction, 0, DrugSet::EMPTY, false));
        assert!(
            none.unmet().contains(&Unmet::NeedsPriorLines {
                required: 1,
                actual: 0
            }),
            "{none}"
        );
        assert!(
            regimen.assess(&relapsed(1, DrugSet::EMPTY)).is_met(),
            "{regimen}"
        );
        let p = regimen.prerequisites().expect("stated");
        assert_eq!((p.source, p.regulator()), (source, Some(regulator)));
    }
}

#[test]
fn pvd_follows_health_canada_2019() {
    // At least one prior regimen that included lenalidomide; no bortezomib requirement (the page's
    // wording is Health Canada's 2014 pomalidomide-dexamethasone indication).
    let need = |d| Unmet::NeedsPriorExposure(Exposure::Drug(d));
    assert_eq!(
        Regimen::PVd.assess(&relapsed(1, DrugSet::EMPTY)).unmet(),
        [need(Drug::Lenalidomide)]
    );
    assert!(Regimen::PVd
        .assess(&relapsed(1, Drug::Lenalidomide.into()))
        .is_met());
    // Thalidomide does not stand in for lenalidomide.
    assert_eq!(
        Regimen::PVd
            .assess(&relapsed(1, Drug::Thalidomide.into()))
            .unmet(),
        [need(Drug::Lenalidomide)]
    );
}

#[test]
fn pvd_reads_exposure_not_refractoriness() {
    let refractory = TreatmentHistory::builder(Phase::Refractory)
        .prior_lines(2)
        .exposed(LEN_BORT)
        .refractory(LEN_BORT)
        .build()
        .expect("valid");
    assert!(Regimen::PVd.assess(&refractory).is_met());
    let p = Regimen::PVd.prerequisites().expect("stated");
    assert_eq!(
        (p.source, p.regulator()),
        (
            Source::DecisionHcPomalystPvd2019,
            Some(Regulator::HealthCanada)
        )
    );
}

const TRIPLE_CLASS: DrugSet = drug_set![Drug::Bortezomib, Drug::Lenalidomide, Drug::Daratumumab];

fn talquetamab(lines: u8, exposed: DrugSet, progressed: bool) -> Assessment {
    Drug::Talquetamab
        .assess(&history(Phase::Refractory, lines, exposed, progressed))
        .expect("talquetamab is given alone")
}

#[test]
fn talquetamab_needs_3_prior_lines() {
    assert_eq!(
        talquetamab(2, TRIPLE_CLASS, true).unmet(),
        [Unmet::NeedsPriorLines {
            required: 3,
            actual: 2
        }]
    );
    assert!(talquetamab(3, TRIPLE_CLASS, true).is_met());
}

#[test]
fn talquetamab_needs_a_proteasome_inhibitor_an_immunomodulatory_drug_and_an_anti_cd38_antibody() {
    let cases = [
        (
            Drug::Bortezomib,
            Exposure::Class(DrugClass::ProteasomeInhibitor),
        ),
        (
            Drug::Lenalidomide,
            Exposure::Class(DrugClass::ImmunomodulatoryDrug),
        ),
        (Drug::Daratumumab, Exposure::Target(Target::Cd38)),
    ];
    for (drug, exposure) in cases {
        assert_eq!(
            talquetamab(3, TRIPLE_CLASS.without(drug), true).unmet(),
            [Unmet::NeedsPriorExposure(exposure)],
            "without {drug}"
        );
    }
    // Any drug of the class, or acting on CD38, will do.
    let other = drug_set![Drug::Ixazomib, Drug::Pomalidomide, Drug::Isatuximab];
    assert!(talquetamab(3, other, true).is_met());
    // Another monoclonal antibody that does not act on CD38 is not enough (the page's wording is
    // looser; the catalogue follows Health Canada).
    let elotuzumab_like = drug_set![Drug::Bortezomib, Drug::Lenalidomide, Drug::Talquetamab];
    assert_eq!(
        talquetamab(3, elotuzumab_like, true).unmet(),
        [Unmet::NeedsPriorExposure(Exposure::Target(Target::Cd38))]
    );
}

#[test]
fn talquetamab_needs_no_progression_on_the_last_therapy() {
    // Health Canada: "progression on or after the last therapy"; a relapse after the last therapy
    // meets it, so a history need not record progression on it.
    assert!(talquetamab(3, TRIPLE_CLASS, false).is_met());
    assert!(talquetamab(3, TRIPLE_CLASS, true).is_met());
}

#[test]
fn talquetamab_follows_health_canada_not_the_fda() {
    // The FDA asks for 4 prior lines; the rule follows Health Canada, so 3 are enough.
    let p = Drug::Talquetamab.prerequisites().expect("stated");
    assert_eq!(
        (p.source, p.regulator()),
        (Source::LabelHcTalvey, Some(Regulator::HealthCanada))
    );
    let assessment = talquetamab(2, TRIPLE_CLASS, true);
    let source = assessment.source_of(&assessment.unmet()[0]);
    assert_eq!(source, Some(Source::LabelHcTalvey));
}

// ---------------------------------------------------------------------------------------------
// Uses: phase and transplant status
// ---------------------------------------------------------------------------------------------

fn with_transplant(
    phase: Phase,
    lines: u8,
    transplant: Option<TransplantStatus>,
) -> Option<TreatmentHistory> {
    TreatmentHistory::builder(phase)
        .prior_lines(lines)
        .transplant(transplant)
        .build()
        .ok()
}

/// Every valid combination of phase, prior lines (0 or 1) and transplant status.
fn every_situation() -> Vec<TreatmentHistory> {
    let statuses = std::iter::once(None).chain(TransplantStatus::ALL.iter().copied().map(Some));
    let statuses: Vec<_> = statuses.collect();
    Phase::ALL
        .iter()
        .flat_map(|phase| [0, 1].map(|lines| (*phase, lines)))
        .flat_map(|(phase, lines)| {
            statuses
                .iter()
                .filter_map(move |t| with_transplant(phase, lines, *t))
        })
        .collect()
}

#[test]
fn regimens_to_destroy_myeloma_cells_apply_in_every_phase() {
    assert_eq!(Use::DestroyMyelomaCells.phases(), Phase::ALL);
    assert!(Use::DestroyMyelomaCells.transplant().is_empty());
    let regimens: Vec<Regimen> = Regimen::ALL
        .iter()
        .copied()
        .filter(|r| r.uses() == [Use::DestroyMyelomaCells])
        .collect();
    assert!(regimens.contains(&Regimen::RVd));
    for history in every_situation() {
        for regimen in &regimens {
            let assessment = regimen.assess(&history);
            assert!(assessment.is_met(), "{regimen} {history:?}: {assessment}");
        }
    }
}

#[test]
fn relapsed_or_refractory_regimens_only_in_those_phases() {
    for regimen in Regimen::ALL
        .iter()
        .filter(|r| r.uses() == [Use::RelapsedOrRefractory])
    {
        for history in every_situation() {
            let not_for_phase = regimen
                .assess(&history)
                .unmet()
                .iter()
                .any(|u| matches!(u, Unmet::NotForPhase { .. }));
            let relapsed = matches!(history.phase(), Phase::Relapsed | Phase::Refractory);
            assert_eq!(not_for_phase, !relapsed, "{regimen} {history:?}");
        }
    }
}

#[test]
fn induction_regimens_need_a_planned_transplant_when_newly_diagnosed() {
    let planned =
        with_transplant(Phase::NewlyDiagnosed, 0, Some(TransplantStatus::Planned)).unwrap();
    assert!(Regimen::VTd.assess(&planned).is_met());
    for transplant in [None, Some(TransplantStatus::NotPossible)] {
        let history = with_transplant(Phase::NewlyDiagnosed, 0, transplant).unwrap();
        assert_eq!(
            Regimen::VTd.assess(&history).unmet(),
            [Unmet::NotForPhase {
                phase: Phase::NewlyDiagnosed,
                transplant,
                uses: &[Use::Induction]
            }]
        );
    }
    let relapsed = with_transplant(Phase::Relapsed, 1, Some(TransplantStatus::Planned)).unwrap();
    assert!(!Regimen::VTd.assess(&relapsed).is_met());
}

#[test]
fn a_drug_given_alone_is_assessed_against_its_own_uses() {
    let newly_diagnosed = history(Phase::NewlyDiagnosed, 0, DrugSet::EMPTY, false);
    let assessment = Drug::Talquetamab
        .assess(&newly_diagnosed)
        .expect("given alone");
    assert_eq!(
        assessment.unmet()[0],
        Unmet::NotForPhase {
            phase: Phase::NewlyDiagnosed,
            transplant: None,
            uses: &[Use::RelapsedOrRefractory]
        }
    );
    assert_eq!(
        assessment.source_of(&assessment.unmet()[0]),
        Some(Source::PageMonoclonalAntibodies)
    );
    assert!(Drug::Bortezomib
        .assess(&newly_diagnosed)
        .is_some_and(|a| a.is_met()));
}

// ---------------------------------------------------------------------------------------------
// What a clinician reads
// ---------------------------------------------------------------------------------------------

#[test]
fn unmet_conditions_read_as_a_clinician_writes_them() {
    let cases = [
        (Unmet::NeedsPriorLines { required: 2, actual: 1 }, "needs at least 2 prior lines of therapy (has 1)"),
        (Unmet::NeedsPriorLines { required: 1, actual: 0 }, "needs at least 1 prior line of therapy (has 0)"),
        (Unmet::TooManyPriorLines { allowed: 3, actual: 4 }, "allows at most 3 prior lines of therapy (has 4)"),
        (Unmet::NeedsPriorExposure(Exposure::Drug(Drug::Lenalidomide)), "needs earlier treatment with lenalidomide"),
        (
            Unmet::NeedsPriorExposure(Exposure::Class(DrugClass::ProteasomeInhibitor)),
            "needs earlier treatment with a proteasome inhibitor (bortezomib, carfilzomib or ixazomib)",
        ),
        (
            Unmet::NeedsPriorExposure(Exposure::Class(DrugClass::ImmunomodulatoryDrug)),
            "needs earlier treatment with an immunomodulatory drug (lenalidomide, thalidomide or pomalidomide)",
        ),
        (
            Unmet::NeedsPriorExposure(Exposure::Target(Target::Cd38)),
            "needs earlier treatment with a drug acting on CD38 (daratumumab or isatuximab)",
        ),
        (Unmet::NeedsProgressionOnLast, "needs the disease to have progressed on the last therapy"),
        (
            Unmet::NotForPhase { phase: Phase::NewlyDiagnosed, transplant: None, uses: &[Use::RelapsedOrRefractory] },
            "not stated for newly diagnosed (stated for: relapsed or refractory)",
        ),
        (
            Unmet::NotForPhase {
                phase: Phase::NewlyDiagnosed,
                transplant: Some(TransplantStatus::NotPossible),
                uses: &[Use::Induction],
            },
            "not stated for newly diagnosed with transplant not possible (stated for: newly diagnosed with transplant planned, as induction therapy)",
        ),
    ];
    for (unmet, text) in cases {
        assert_eq!(unmet.to_string(), text);
    }
}

#[test]
fn an_assessment_displays_its_verdict() {
    assert_eq!(
        Regimen::IsaPd.assess(&relapsed(2, LEN_BORT)).to_string(),
        "meets the stated conditions"
    );
    assert_eq!(
        Regimen::PVd
            .assess(&relapsed(1, DrugSet::EMPTY))
            .to_string(),
        "needs earlier treatment with lenalidomide"
    );
    let assessment = Regimen::PVd.assess(&relapsed(1, DrugSet::EMPTY));
    assert_eq!((&assessment).into_iter().count(), 1);
    assert_eq!(assessment.therapy(), Therapy::Regimen(Regimen::PVd));
    assert_eq!(assessment.uses(), [Use::RelapsedOrRefractory]);
}

// ---------------------------------------------------------------------------------------------
// options
// ---------------------------------------------------------------------------------------------

#[test]
fn options_lists_every_regimen_in_catalogue_order_with_its_assessment() {
    let history = relapsed(2, LEN_BORT);
    let listed: Vec<(Regimen, Assessment)> = options(&history).collect();
    assert_eq!(options(&history).len(), Regimen::ALL.len());
    assert_eq!(
        listed.iter().map(|(r, _)| *r).collect::<Vec<_>>(),
        Regimen::ALL
    );
    for (regimen, assessment) in listed {
        assert_eq!(assessment, regimen.assess(&history));
        assert_eq!(assessment.therapy(), Therapy::Regimen(regimen));
    }
}

// ---------------------------------------------------------------------------------------------
// The builder rejects histories that contradict themselves
// ---------------------------------------------------------------------------------------------

#[test]
fn the_builder_rejects_refractory_drugs_that_are_not_exposures() {
    let error = TreatmentHistory::builder(Phase::Refractory)
        .prior_lines(2)
        .exposed(Drug::Lenalidomide)
        .refractory(drug_set![
            Drug::Lenalidomide,
            Drug::Bortezomib,
            Drug::Pomalidomide
        ])
        .build()
        .unwrap_err();
    assert_eq!(
        error,
        HistoryError::RefractoryNotExposed {
            drugs: drug_set![Drug::Bortezomib, Drug::Pomalidomide]
        }
    );
    assert_eq!(
        error.to_string(),
        "refractory to bortezomib + pomalidomide without a recorded exposure to them (every refractory drug must also be an exposure)"
    );
    let fine = TreatmentHistory::builder(Phase::Refractory)
        .prior_lines(2)
        .exposed(LEN_BORT)
        .refractory(LEN_BORT)
        .build();
    assert!(fine.is_ok());
}

#[test]
fn the_builder_rejects_exposures_or_progression_without_prior_lines() {
    let error = TreatmentHistory::builder(Phase::AfterInduction)
        .exposed(LEN_BORT)
        .build()
        .unwrap_err();
    assert_eq!(
        error,
        HistoryError::ExposuresWithoutPriorLines { drugs: LEN_BORT }
    );
    assert_eq!(
        error.to_string(),
        "exposure to bortezomib + lenalidomide recorded with 0 prior lines of therapy (count the line they were given in)"
    );
    let error = TreatmentHistory::builder(Phase::AfterInduction)
        .progressed_on_last(true)
        .build()
        .unwrap_err();
    assert_eq!(error, HistoryError::ProgressionWithoutPriorLines);
    assert!(TreatmentHistory::builder(Phase::AfterInduction)
        .prior_lines(1)
        .exposed(LEN_BORT)
        .build()
        .is_ok());
}

#[test]
fn the_builder_rejects_prior_lines_that_contradict_the_phase() {
    let error = TreatmentHistory::builder(Phase::NewlyDiagnosed)
        .prior_lines(1)
        .build()
        .unwrap_err();
    assert_eq!(
        error,
        HistoryError::PriorLinesWhenNewlyDiagnosed { prior_lines: 1 }
    );
    assert_eq!(
        error.to_string(),
        "a newly diagnosed patient has no prior lines of therapy (got 1)"
    );
    for phase in [Phase::Relapsed, Phase::Refractory] {
        let error = TreatmentHistory::builder(phase).build().unwrap_err();
        assert_eq!(error, HistoryError::NoPriorLines { phase });
        assert!(TreatmentHistory::builder(phase)
            .prior_lines(1)
            .build()
            .is_ok());
    }
    assert_eq!(
        HistoryError::NoPriorLines {
            phase: Phase::Relapsed
        }
        .to_string(),
        "phase relapsed needs at least 1 prior line of therapy (got 0)"
    );
}

#[test]
fn the_builder_rejects_more_lines_than_the_bound() {
    let at_bound = TreatmentHistory::builder(Phase::Relapsed)
        .prior_lines(MAX_PRIOR_LINES)
        .build();
    assert!(at_bound.is_ok());
    let error = TreatmentHistory::builder(Phase::Relapsed)
        .prior_lines(MAX_PRIOR_LINES + 1)
        .build()
        .unwrap_err();
    assert_eq!(
        error,
        HistoryError::TooManyPriorLines {
            prior_lines: 16,
            max: 15
        }
    );
    assert_eq!(
        error.to_string(),
        "16 prior lines of therapy is more than the 15 a history may record"
    );
}

#[test]
fn the_builder_rejects_a_transplant_status_the_phase_rules_out() {
    let error = TreatmentHistory::builder(Phase::NewlyDiagnosed)
        .transplant(TransplantStatus::Done)
        .build()
        .unwrap_err();
    assert_eq!(
        error,
        HistoryError::TransplantConflict {
            phase: Phase::NewlyDiagnosed,
            transplant: TransplantStatus::Done
        }
    );
    assert_eq!(
        error.to_string(),
        "phase newly diagnosed conflicts with transplant done"
    );
    for transplant in [TransplantStatus::Planned, TransplantStatus::NotPossible] {
        let built = TreatmentHistory::builder(Phase::AfterTransplant)
            .prior_lines(1)
            .transplant(transplant)
            .build();
        assert_eq!(
            built,
            Err(HistoryError::TransplantConflict {
                phase: Phase::AfterTransplant,
                transplant
            })
        );
    }
    let done = TreatmentHistory::builder(Phase::AfterTransplant)
        .prior_lines(1)
        .transplant(TransplantStatus::Done);
    assert!(done.build().is_ok());
}

#[test]
fn history_errors_are_errors() {
    fn is_error<E: std::error::Error + Send + Sync + 'static>(_: &E) {}
    is_error(&HistoryError::ProgressionWithoutPriorLines);
}

// ---------------------------------------------------------------------------------------------
// Properties over any history
// ---------------------------------------------------------------------------------------------

fn any_history() -> impl Strategy<Value = Result<TreatmentHistory, HistoryError>> {
    let drugs = || {
        any::<u64>().prop_map(|bits| {
            Drug::ALL
                .iter()
                .copied()
                .enumerate()
                .filter(move |(i, _)| (bits >> i) & 1 == 1)
                .map(|(_, d)| d)
                .collect::<DrugSet>()
        })
    };
    (
        prop::sample::select(Phase::ALL),
        0u8..=20,
        drugs(),
        drugs(),
        any::<bool>(),
        prop::option::of(prop::sample::select(TransplantStatus::ALL)),
    )
        .prop_map(
            |(phase, lines, exposed, refractory, progressed, transplant)| {
                TreatmentHistory::builder(phase)
                    .prior_lines(lines)
                    .exposed(exposed)
                    .refractory(refractory)
                    .progressed_on_last(progressed)
                    .transplant(transplant)
                    .build()
            },
        )
}

proptest! {
    #[test]
    fn valid_histories_are_consistent(built in any_history()) {
        if let Ok(h) = built {
            prop_assert!(h.prior_lines() <= MAX_PRIOR_LINES);
            prop_assert!(h.refractory().is_subset(h.exposed()));
            prop_assert!(h.prior_lines() > 0 || (h.exposed().is_empty() && !h.progressed_on_last()));
            prop_assert_eq!(h.phase() == Phase::NewlyDiagnosed && h.prior_lines() > 0, false);
        }
    }

    #[test]
    fn more_exposure_never_adds_an_unmet_condition(built in any_history(), extra in prop::sample::select(Drug::ALL)) {
        let Ok(h) = built else { return Ok(()) };
        prop_assume!(h.prior_lines() > 0);
        let more = TreatmentHistory::builder(h.phase())
            .prior_lines(h.prior_lines())
            .exposed(h.exposed().with(extra))
            .refractory(h.refractory())
            .progressed_on_last(h.progressed_on_last())
            .transplant(h.transplant())
            .build()
            .expect("adding an exposure keeps a history valid");
        for (regimen, before) in options(&h) {
            let after = regimen.assess(&more);
            prop_assert_eq!(before.is_met(), before.unmet().is_empty());
            for unmet in after.unmet() {
                prop_assert!(before.unmet().contains(unmet), "{regimen}: {unmet}");
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// The example, as a user runs it
// ---------------------------------------------------------------------------------------------

/// Runs `cargo run --example eligibility -- <args>` in this test's own target directory (so the
/// example is built from the current code), returning its exit status and output. Unlike
/// `common::run_example` of the other example tests, it does not insist on success: the error
/// paths are tested too.
fn eligibility(args: &[&str]) -> Output {
    let target = std::env::current_exe()
        .ok()
        .and_then(|exe| exe.ancestors().nth(3).map(PathBuf::from))
        .expect("test binaries live in <target>/<profile>/deps");
    let mut command = Command::new(env!("CARGO"));
    command
        .args(["run", "--quiet", "--example", "eligibility", "--target-dir"])
        .arg(target);
    if cfg!(feature = "serde") {
        command.args(["--features", "serde"]);
    }
    command
        .arg("--")
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("cargo runs")
}

fn stdout_of(args: &[&str]) -> String {
    let output = eligibility(args);
    assert!(
        output.status.success(),
        "eligibility {args:?} failed:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("UTF-8")
}

/// The exit code and what the example wrote to stderr, for an input it must refuse.
fn failure_of(args: &[&str]) -> String {
    let output = eligibility(args);
    assert!(
        output.stdout.is_empty(),
        "nothing on stdout when refusing {args:?}"
    );
    format!(
        "exit code: {:?}\n{}",
        output.status.code(),
        String::from_utf8(output.stderr).expect("UTF-8")
    )
}

#[test]
fn example_two_lines_refractory_to_lenalidomide() {
    insta::assert_snapshot!(stdout_of(&[
        "--regulator",
        "both",
        "--prior-lines",
        "2",
        "--exposed",
        "lenalidomide,bortezomib",
        "--refractory",
        "lenalidomide"
    ]));
}

#[test]
fn example_newly_diagnosed_transplant_planned() {
    insta::assert_snapshot!(stdout_of(&[
        "--regulator",
        "both",
        "--phase",
        "newly-diagnosed",
        "--transplant",
        "planned"
    ]));
}

#[test]
fn example_newly_diagnosed_transplant_not_possible() {
    insta::assert_snapshot!(stdout_of(&[
        "--regulator",
        "both",
        "--transplant",
        "not-possible"
    ]));
}

#[test]
fn example_one_line_lower_boundaries() {
    // IRd, SVd and Isa-Kd at their least number; Isa-Pd and talquetamab below theirs.
    insta::assert_snapshot!(stdout_of(&[
        "--regulator",
        "both",
        "--prior-lines",
        "1",
        "--exposed",
        "len,Velcade",
        "--phase",
        "relapsed"
    ]));
}

#[test]
fn example_three_lines_triple_class_exposed_progressed() {
    // Isa-Kd at its most; talquetamab at its least, with every exposure and progression.
    insta::assert_snapshot!(stdout_of(&[
        "--regulator",
        "both",
        "--prior-lines=3",
        "--exposed",
        "bortezomib,lenalidomide",
        "--exposed",
        "dara",
        "--refractory",
        "lenalidomide,daratumumab",
        "--phase",
        "refractory",
        "--progressed"
    ]));
}

#[test]
fn example_four_lines_no_progression_no_bortezomib() {
    // Isa-Kd above its most; talquetamab without progression; PVd without bortezomib.
    insta::assert_snapshot!(stdout_of(&[
        "--regulator",
        "both",
        "--prior-lines",
        "4",
        "--exposed",
        "carfilzomib,lenalidomide,isatuximab",
        "--phase",
        "refractory",
        "--transplant",
        "done"
    ]));
}

#[test]
fn example_one_line_of_drd_after_induction() {
    // The clinical review's history: DRd first line, no transplant possible, before maintenance.
    insta::assert_snapshot!(stdout_of(&[
        "--regulator",
        "both",
        "--prior-lines",
        "1",
        "--exposed",
        "dara,len,dex",
        "--phase",
        "after-induction",
        "--transplant",
        "not-possible"
    ]));
}

#[test]
fn example_after_transplant() {
    // The clinical review's history: RVd induction, then an autologous transplant.
    insta::assert_snapshot!(stdout_of(&[
        "--regulator",
        "both",
        "--prior-lines",
        "1",
        "--exposed",
        "len,bort,dex",
        "--phase",
        "after-transplant",
        "--transplant",
        "done"
    ]));
}

#[test]
fn example_four_lines_penta_exposed() {
    // The clinical review's history: four lines, exposed to two PIs, two IMiDs and an anti-CD38.
    insta::assert_snapshot!(stdout_of(&[
        "--regulator",
        "both",
        "--prior-lines",
        "4",
        "--exposed",
        "bortezomib,carfilzomib,lenalidomide,pomalidomide,daratumumab",
        "--phase",
        "relapsed",
        "--transplant",
        "done"
    ]));
}

#[test]
fn example_refuses_unknown_drugs() {
    insta::assert_snapshot!(failure_of(&[
        "--prior-lines",
        "1",
        "--exposed",
        "lenalidomide,bortezimib"
    ]));
}

#[test]
fn example_refuses_histories_that_contradict_themselves() {
    insta::assert_snapshot!(failure_of(&[
        "--prior-lines",
        "1",
        "--refractory",
        "pomalidomide"
    ]));
}

#[test]
fn example_refuses_bad_arguments() {
    let mut text = String::new();
    for args in [
        &["--phase", "remission"][..],
        &["--transplant", "maybe"],
        &["--prior-lines", "two"],
        &["--prior-lines"],
        &["--prior-lines", "1", "--prior-lines", "2"],
        &["--frobnicate"],
    ] {
        text.push_str(&format!(
            "$ eligibility {}\n{}\n",
            args.join(" "),
            failure_of(args)
        ));
    }
    insta::assert_snapshot!(text);
}
