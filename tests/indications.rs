//! Approved indications: each checked condition on both sides of its boundary, read from the
//! catalogue; the three verdicts; and the review's seven histories under both regulators.

use myeloma::{
    Drug, DrugSet, Exposure, Indication, IndicationStatus, Phase, Reason, Refractoriness, Regimen,
    Regulator, Setting, TransplantStatus, TreatmentHistory, Verdict,
};

/// Every indication in force, with the therapy it belongs to.
fn in_force() -> Vec<(String, Indication)> {
    let regimens = Regimen::ALL.iter().flat_map(|r| {
        r.indications()
            .iter()
            .map(move |i| (r.id().to_string(), *i))
    });
    let drugs = Drug::ALL.iter().flat_map(|d| {
        d.indications()
            .iter()
            .map(move |i| (d.id().to_string(), *i))
    });
    regimens
        .chain(drugs)
        .filter(|(_, i)| i.status.is_in_force())
        .collect()
}

/// A drug that meets an exposure: the first of the catalogue's that does.
fn satisfier(e: Exposure) -> Drug {
    *Drug::ALL
        .iter()
        .find(|d| e.is_met_by(**d))
        .expect("some drug meets every exposure")
}

/// The phase and transplant status a setting covers.
fn place(setting: Setting) -> (Phase, Option<TransplantStatus>) {
    match setting {
        Setting::NewlyDiagnosedTransplantEligible => {
            (Phase::NewlyDiagnosed, Some(TransplantStatus::Planned))
        }
        Setting::NewlyDiagnosedTransplantIneligible => {
            (Phase::NewlyDiagnosed, Some(TransplantStatus::NotPossible))
        }
        Setting::NewlyDiagnosed => (Phase::NewlyDiagnosed, Some(TransplantStatus::Planned)),
        Setting::Maintenance | Setting::MaintenanceAfterTransplant => {
            (Phase::AfterTransplant, Some(TransplantStatus::Done))
        }
        _ => (Phase::Relapsed, None),
    }
}

/// The least history within an indication: its setting, its least lines, one drug for each
/// exposure and refractoriness, progression where asked.
fn within(i: &Indication, lines: Option<u8>) -> Option<TreatmentHistory> {
    // Smouldering myeloma and transplant conditioning are no phase of a treatment history.
    let setting = i.setting.filter(|s| {
        !matches!(
            s,
            Setting::HighRiskSmouldering | Setting::TransplantConditioning
        )
    })?;
    let (phase, transplant) = place(setting);
    let lines = lines.unwrap_or_else(|| {
        i.min_prior_lines
            .unwrap_or(u8::from(phase != Phase::NewlyDiagnosed))
    });
    let exposed: DrugSet = i.prior_exposure.iter().map(|e| satisfier(*e)).collect();
    let refractory: DrugSet = i
        .refractory_to
        .iter()
        .filter_map(|r| match r {
            Refractoriness::To(e) => Some(satisfier(*e)),
            Refractoriness::LastTherapy => None,
        })
        .collect();
    let progressed =
        i.progression_on_last || i.refractory_to.contains(&Refractoriness::LastTherapy);
    let phase = if refractory.is_empty() && !progressed {
        phase
    } else if phase == Phase::Relapsed {
        Phase::Refractory
    } else {
        phase
    };
    TreatmentHistory::builder(phase)
        .prior_lines(lines)
        .exposed(exposed.union(refractory))
        .refractory(refractory)
        .progressed_on_last(progressed)
        .transplant(transplant)
        .build()
        .ok()
}

#[test]
fn every_indication_in_force_admits_its_least_history() {
    let mut checked = 0;
    for (therapy, i) in in_force() {
        let Some(history) = within(&i, None) else {
            continue;
        };
        let reasons: Vec<Reason> = i.unmet(&history).iter().collect();
        assert!(
            reasons.is_empty(),
            "{therapy} {:?}: {reasons:?}",
            i.regulator
        );
        checked += 1;
    }
    assert!(checked > 40, "{checked} indications checked");
}

#[test]
fn every_least_and_most_number_of_lines_on_both_sides() {
    for (therapy, i) in in_force() {
        if let Some(min) = i.min_prior_lines.filter(|m| *m > 0) {
            if let Some(below) = within(&i, Some(min - 1)) {
                assert!(
                    i.unmet(&below)
                        .iter()
                        .any(|r| matches!(r, Reason::NeedsPriorLines { .. })),
                    "{therapy} {:?} at {} lines",
                    i.regulator,
                    min - 1
                );
            }
        }
        if let Some(max) = i.max_prior_lines {
            let Some(at) = within(&i, Some(max)) else {
                continue;
            };
            assert!(i.unmet(&at).is_empty(), "{therapy} at {max}");
            if let Some(above) = within(&i, Some(max + 1)) {
                assert!(
                    i.unmet(&above)
                        .iter()
                        .any(|r| matches!(r, Reason::TooManyPriorLines { .. })),
                    "{therapy} {:?} at {} lines",
                    i.regulator,
                    max + 1
                );
            }
        }
    }
}

#[test]
fn every_exposure_and_exclusion_on_both_sides() {
    for (therapy, i) in in_force() {
        let Some(history) = within(&i, None) else {
            continue;
        };
        for e in i.prior_exposure {
            let without = TreatmentHistory::builder(history.phase())
                .prior_lines(history.prior_lines())
                .exposed(
                    history.exposed().difference(
                        Drug::ALL
                            .iter()
                            .filter(|d| e.is_met_by(**d))
                            .copied()
                            .collect(),
                    ),
                )
                .transplant(history.transplant())
                .progressed_on_last(history.progressed_on_last())
                .build();
            let Ok(without) = without else { continue };
            assert!(
                i.unmet(&without)
                    .iter()
                    .any(|r| r == Reason::NeedsPriorExposure(*e)),
                "{therapy}: without {e:?}"
            );
        }
        for e in i.not_exposed_to {
            let with = TreatmentHistory::builder(history.phase())
                .prior_lines(history.prior_lines().max(1))
                .exposed(history.exposed().with(satisfier(*e)))
                .transplant(history.transplant())
                .build()
                .expect("valid");
            assert!(
                i.unmet(&with).iter().any(|r| r == Reason::Excluded(*e)),
                "{therapy}"
            );
        }
    }
}

#[test]
fn the_three_verdicts() {
    // Within: Isa-Kd after two lines; outside: after four (the labels allow one to three).
    let two = TreatmentHistory::builder(Phase::Relapsed)
        .prior_lines(2)
        .build()
        .unwrap();
    let four = TreatmentHistory::builder(Phase::Relapsed)
        .prior_lines(4)
        .build()
        .unwrap();
    for regulator in [Regulator::HealthCanada, Regulator::UsFda] {
        assert!(
            Regimen::IsaKd.check(&two, regulator).is_within(),
            "{regulator}"
        );
        assert!(matches!(
            Regimen::IsaKd.check(&four, regulator),
            Verdict::Outside { .. }
        ));
    }
    // No indication of the FDA names DCEP: guideline use, said as such, citing the catalogue's
    // statement of it.
    let dcep = Regimen::Dcep.check(&two, Regulator::UsFda);
    let Verdict::NoIndication(statement) = dcep else {
        panic!("{dcep:?}")
    };
    assert_eq!(
        (statement.regulator, statement.status),
        (Regulator::UsFda, IndicationStatus::None)
    );
    // A therapy whose only approval was withdrawn cites the withdrawal.
    let pan_vd = Regimen::PanVd.check(&two, Regulator::UsFda);
    assert!(
        matches!(pan_vd, Verdict::NoIndication(i) if i.status == IndicationStatus::Withdrawn),
        "{pan_vd:?}"
    );
    assert_eq!(
        pan_vd.to_string(),
        "no indication in force; its approval was withdrawn [decision-fda-farydak-news-release-2015]"
    );
    // Where the catalogue records nothing of a regulator, it says nothing either way.
    assert_eq!(
        Regimen::Dcep.check(&two, Regulator::Ema),
        Verdict::NotRecorded
    );
}

/// The clinical review's seven histories.
fn review_histories() -> Vec<(&'static str, TreatmentHistory)> {
    use myeloma::drug_set;
    let build = |b: myeloma::HistoryBuilder| b.build().expect("valid");
    vec![
        (
            "newly diagnosed, transplant planned",
            build(
                TreatmentHistory::builder(Phase::NewlyDiagnosed)
                    .transplant(TransplantStatus::Planned),
            ),
        ),
        (
            "newly diagnosed, transplant not possible",
            build(
                TreatmentHistory::builder(Phase::NewlyDiagnosed)
                    .transplant(TransplantStatus::NotPossible),
            ),
        ),
        (
            "one prior line, lenalidomide-refractory, progressed",
            build(
                TreatmentHistory::builder(Phase::Refractory)
                    .prior_lines(1)
                    .exposed(drug_set![
                        Drug::Lenalidomide,
                        Drug::Bortezomib,
                        Drug::Dexamethasone
                    ])
                    .refractory(Drug::Lenalidomide)
                    .progressed_on_last(true),
            ),
        ),
        (
            "three lines, triple-class refractory, progressed",
            build(
                TreatmentHistory::builder(Phase::Refractory)
                    .prior_lines(3)
                    .exposed(drug_set![
                        Drug::Lenalidomide,
                        Drug::Bortezomib,
                        Drug::Daratumumab,
                        Drug::Dexamethasone
                    ])
                    .refractory(drug_set![
                        Drug::Lenalidomide,
                        Drug::Bortezomib,
                        Drug::Daratumumab
                    ])
                    .progressed_on_last(true),
            ),
        ),
        (
            "one line of DRd, after induction",
            build(
                TreatmentHistory::builder(Phase::AfterInduction)
                    .prior_lines(1)
                    .exposed(DrugSet::from(Regimen::DRd))
                    .transplant(TransplantStatus::NotPossible),
            ),
        ),
        (
            "after transplant (RVd induction)",
            build(
                TreatmentHistory::builder(Phase::AfterTransplant)
                    .prior_lines(1)
                    .exposed(DrugSet::from(Regimen::RVd))
                    .transplant(TransplantStatus::Done),
            ),
        ),
        (
            "four lines, penta-exposed, relapsed",
            build(
                TreatmentHistory::builder(Phase::Relapsed)
                    .prior_lines(4)
                    .exposed(drug_set![
                        Drug::Bortezomib,
                        Drug::Carfilzomib,
                        Drug::Lenalidomide,
                        Drug::Pomalidomide,
                        Drug::Daratumumab,
                        Drug::Dexamethasone
                    ])
                    .transplant(TransplantStatus::Done),
            ),
        ),
    ]
}

/// Every regimen and every drug with indications of its own, under one regulator: within (with
/// the indication's source), outside (with the closest indication's reasons), or none.
fn verdicts(history: &TreatmentHistory, regulator: Regulator) -> String {
    let mut out = String::new();
    let mut line = |name: &str, verdict: Verdict, refractory: DrugSet| {
        let unverified = match verdict {
            Verdict::Within(i) | Verdict::Outside { closest: i, .. } if !i.verified => {
                " (wording not yet read in the regulator's text)"
            }
            _ => "",
        };
        // Where no indication speaks of refractoriness, it is said as information.
        let refractory = if refractory.is_empty() {
            String::new()
        } else {
            format!("; refractory to a component: {refractory}")
        };
        out.push_str(&format!("  {name}: {verdict}{unverified}{refractory}\n"));
    };
    for &r in Regimen::ALL {
        line(
            r.acronym(),
            r.check(history, regulator),
            r.refractory_components(history),
        );
    }
    for &d in Drug::ALL.iter().filter(|d| !d.indications().is_empty()) {
        let refractory = history.refractory().intersection(d.into());
        line(
            &format!("{} alone", d.generic_name()),
            d.check(history, regulator),
            refractory,
        );
    }
    out
}

#[test]
fn the_reviews_histories_under_both_regulators() {
    for (name, history) in review_histories() {
        for regulator in [Regulator::HealthCanada, Regulator::UsFda] {
            let text = format!("{name}, {regulator}\n{}", verdicts(&history, regulator));
            let snapshot = format!(
                "{}__{}",
                name.replace([',', '(', ')'], "").replace(' ', "_"),
                regulator.id()
            );
            insta::assert_snapshot!(snapshot, text);
        }
    }
}
