//! A patient's treatment history: the builder refuses histories that contradict themselves, more
//! exposure never adds a reason a history is outside an indication (other than an exclusion), and
//! the eligibility example's output is snapshot-tested. Each indication's boundaries are tested in
//! `tests/indications.rs`.

use std::path::PathBuf;
use std::process::{Command, Output};

use myeloma::{
    drug_set, Drug, DrugSet, HistoryError, Phase, Reason, Regimen, TransplantStatus,
    TreatmentHistory, MAX_PRIOR_LINES,
};
use proptest::prelude::*;

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

const LEN_BORT: DrugSet = drug_set![Drug::Lenalidomide, Drug::Bortezomib];

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
        any::<bool>(),
        prop::option::of(prop::sample::select(TransplantStatus::ALL)),
    )
        .prop_map(
            |(phase, lines, exposed, refractory, within, progressed, transplant)| {
                // Half the time the refractory drugs are exposures, so that histories are often valid.
                let refractory = if within {
                    exposed.intersection(refractory)
                } else {
                    refractory
                };
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

/// A valid history with at least one prior line: refractory drugs drawn from the exposed ones.
fn treated_history() -> impl Strategy<Value = TreatmentHistory> {
    (
        prop::sample::select(Phase::ALL),
        1u8..=MAX_PRIOR_LINES,
        any::<u64>(),
        any::<u64>(),
        any::<bool>(),
        prop::option::of(prop::sample::select(TransplantStatus::ALL)),
    )
        .prop_filter_map(
            "a history that contradicts itself",
            |(phase, lines, exposed, refractory, progressed, transplant)| {
                let set = |bits: u64| -> DrugSet {
                    Drug::ALL
                        .iter()
                        .enumerate()
                        .filter(|(i, _)| (bits >> i) & 1 == 1)
                        .map(|(_, d)| *d)
                        .collect()
                };
                let exposed = set(exposed);
                TreatmentHistory::builder(phase)
                    .prior_lines(lines)
                    .exposed(exposed)
                    .refractory(exposed.intersection(set(refractory)))
                    .progressed_on_last(progressed)
                    .transplant(transplant)
                    .build()
                    .ok()
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
    fn more_exposure_never_adds_a_reason_but_an_exclusion(h in treated_history(), extra in prop::sample::select(Drug::ALL)) {
        let more = TreatmentHistory::builder(h.phase())
            .prior_lines(h.prior_lines())
            .exposed(h.exposed().with(extra))
            .refractory(h.refractory())
            .progressed_on_last(h.progressed_on_last())
            .transplant(h.transplant())
            .build()
            .expect("adding an exposure keeps a history valid");
        let indications = Regimen::ALL.iter().flat_map(|r| r.indications())
            .chain(Drug::ALL.iter().flat_map(|d| d.indications()));
        for indication in indications {
            let before: Vec<Reason> = indication.unmet(&h).iter().collect();
            for reason in indication.unmet(&more).iter() {
                prop_assert!(
                    matches!(reason, Reason::Excluded(_)) || before.contains(&reason),
                    "{}: {reason}", indication.source
                );
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
