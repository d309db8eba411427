//! Lines of therapy from dated records: every worked example of the reference
//! (`shared/reference/lines-of-therapy.md`), one test per rule on both sides of its parameter's
//! boundary, and properties over random timelines.
//!
//! Expected values are written from the reference's text, not from the code's output.
#![cfg(feature = "history")]

use myeloma::history::{
    by_person, lines_of_therapy, AsOf, Date, EndReason, Exposure, Flags, Line, LinePhase,
    LinesOfTherapy, Params, Procedure, ProcedureKind, Purpose, Record, Records, RefractoryBasis,
    RestartAfterGap, Rule,
};
use myeloma::{drug_set, Drug, DrugSet, Phase, Regimen, Regulator, Therapy, TransplantStatus};

const V: Drug = Drug::Bortezomib;
const R: Drug = Drug::Lenalidomide;
const DEX: Drug = Drug::Dexamethasone;
const K: Drug = Drug::Carfilzomib;
const P: Drug = Drug::Pomalidomide;
const DARA: Drug = Drug::Daratumumab;
const CY: Drug = Drug::Cyclophosphamide;

fn d(s: &str) -> Date {
    s.parse().unwrap_or_else(|e| panic!("{e}"))
}

/// A timeline written as the reference writes it.
#[derive(Default, Clone)]
struct T {
    records: Records,
}

impl T {
    fn new() -> T {
        T::default()
    }
    fn adm(mut self, drug: Drug, date: &str) -> T {
        self.records
            .push(Record::Exposure(Exposure::administration(drug, d(date))));
        self
    }
    /// Administrations every `every` days from `from` while on or before `to`.
    fn adms(mut self, drug: Drug, from: &str, to: &str, every: i32) -> T {
        let (mut day, to) = (d(from), d(to));
        while day <= to {
            self.records
                .push(Record::Exposure(Exposure::administration(drug, day)));
            day = day.add_days(every);
        }
        self
    }
    fn fill(mut self, drug: Drug, date: &str, days: u32) -> T {
        self.records.push(Record::Exposure(Exposure::dispensing(
            drug,
            d(date),
            Some(days),
        )));
        self
    }
    /// Fills of `days` every `every` days from `from` while on or before `to`.
    fn fills(mut self, drug: Drug, from: &str, to: &str, days: u32, every: i32) -> T {
        let (mut day, to) = (d(from), d(to));
        while day <= to {
            self.records.push(Record::Exposure(Exposure::dispensing(
                drug,
                day,
                Some(days),
            )));
            day = day.add_days(every);
        }
        self
    }
    fn procedure(mut self, kind: ProcedureKind, date: &str) -> T {
        self.records.push(Record::Procedure(Procedure {
            kind,
            date: d(date),
        }));
        self
    }
    fn sct(self, date: &str) -> T {
        self.procedure(ProcedureKind::AutoSct, date)
    }
    fn melphalan(self, date: &str) -> T {
        self.adm(Drug::Melphalan, date)
    }
    fn progression(mut self, date: &str) -> T {
        self.records.push(Record::Progression(d(date)));
        self
    }
    fn lines(&self) -> LinesOfTherapy {
        lines_of_therapy(&self.records, &Params::default())
    }
    fn lines_with(&self, params: Params) -> LinesOfTherapy {
        lines_of_therapy(&self.records, &params)
    }
}

fn summary(lines: &LinesOfTherapy) -> String {
    lines
        .lines
        .iter()
        .map(|l| {
            format!(
                "L{} {}..{} {:?} by {} end {} [{}]",
                l.number,
                l.start,
                l.end,
                l.regimen().map(|t| t.to_string()),
                l.opened_by,
                l.end_reason,
                l.flags
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn count(t: &T) -> usize {
    t.lines().lines.len()
}

fn phase_drugs(line: &Line, phase: LinePhase) -> Option<DrugSet> {
    line.phases
        .iter()
        .find(|s| s.phase == phase)
        .map(|s| s.drugs)
}

// ---------------------------------------------------------------------------------------------
// Worked examples.

/// E1's induction: V twice weekly in 21-day cycles 2024-01-08 … 2024-03-25, R fill 14 d on
/// 01-08, 01-29, 02-19, 03-11 (covered to 03-24), d weekly.
fn e1_induction() -> T {
    let mut t = T::new();
    for cycle in ["2024-01-08", "2024-01-29", "2024-02-19", "2024-03-11"] {
        let c = d(cycle);
        for day in [0, 3, 7, 10] {
            t = t.adm(V, &c.add_days(day).to_string());
        }
        t = t.fill(R, cycle, 14);
    }
    t.adm(V, "2024-03-25")
        .adms(DEX, "2024-01-08", "2024-03-25", 7)
}

/// E1 to the first transplant: Mel 2024-05-13, auto-SCT 2024-05-15.
fn e1_to_sct() -> T {
    e1_induction().melphalan("2024-05-13").sct("2024-05-15")
}

#[test]
fn e1_induction_transplant_maintenance_is_one_line() {
    let t = e1_to_sct().fills(R, "2024-08-19", "2025-12-15", 28, 28);
    let lines = t.lines();
    assert_eq!(lines.lines.len(), 1, "{}", summary(&lines));
    let l = &lines.lines[0];
    assert_eq!(l.start, d("2024-01-08"));
    assert_eq!(l.end_reason, EndReason::Ongoing);
    assert_eq!(
        phase_drugs(l, LinePhase::Induction),
        Some(drug_set![R, V, DEX])
    );
    assert_eq!(l.regimen(), Some(Therapy::Regimen(Regimen::RVd)));
    assert!(phase_drugs(l, LinePhase::Transplant).is_some());
    assert_eq!(phase_drugs(l, LinePhase::Maintenance), Some(drug_set![R]));
    let phases: Vec<LinePhase> = l.phases.iter().map(|s| s.phase).collect();
    assert_eq!(
        phases,
        [
            LinePhase::Induction,
            LinePhase::Transplant,
            LinePhase::Maintenance
        ]
    );
    let history = lines
        .treatment_history(d("2026-01-20"), AsOf::default())
        .unwrap();
    assert_eq!(history.prior_lines(), 1);
    assert_eq!(history.transplant(), Some(TransplantStatus::Done));
}

#[test]
fn e2a_planned_tandem_is_one_line() {
    let t = e1_to_sct().melphalan("2024-08-05").sct("2024-08-07").fills(
        R,
        "2024-11-04",
        "2025-06-30",
        28,
        28,
    );
    let lines = t.lines();
    assert_eq!(lines.lines.len(), 1, "{}", summary(&lines));
    assert_eq!(lines.lines[0].procedures.len(), 2);
    assert!(lines.lines[0]
        .decisions
        .iter()
        .any(|x| x.rule == Rule::M3 && x.date == d("2024-08-07")));
}

/// E3: L1 as E1 with R maintenance covered to 2025-04-27; KPd from 2025-05-05; Mel 2025-09-08
/// and SCT#2 2025-09-10.
fn e3() -> T {
    let mut t = e1_to_sct().fills(R, "2024-08-19", "2025-03-31", 28, 28);
    for cycle in ["2025-05-05", "2025-06-02", "2025-06-30", "2025-07-28"] {
        let c = d(cycle);
        for day in [0, 1, 7, 8, 14, 15] {
            t = t.adm(K, &c.add_days(day).to_string());
        }
        for day in [0, 7, 14, 21] {
            t = t.adm(DEX, &c.add_days(day).to_string());
        }
        t = t.fill(P, cycle, 21);
    }
    t.melphalan("2025-09-08").sct("2025-09-10")
}

#[test]
fn e3_salvage_reinduction_and_second_sct_is_one_new_line() {
    let lines = e3().lines();
    assert_eq!(lines.lines.len(), 2, "{}", summary(&lines));
    let l2 = &lines.lines[1];
    assert_eq!(l2.start, d("2025-05-05"));
    assert_eq!(
        phase_drugs(l2, LinePhase::Induction),
        Some(drug_set![K, P, DEX])
    );
    assert!(l2.has_transplant());
    assert_eq!(l2.opened_by, Rule::X1);
    let history = lines
        .treatment_history(d("2025-12-01"), AsOf::default())
        .unwrap();
    assert_eq!(history.prior_lines(), 2);
}

/// E6: R fill 21 d q28 from 2024-01-15, d weekly; V weekly added on `v_from`; R continues.
fn e6(v_from: &str) -> T {
    T::new()
        .fills(R, "2024-01-15", "2024-09-30", 21, 28)
        .adms(DEX, "2024-01-15", "2024-10-20", 7)
        .adms(V, v_from, "2024-10-20", 7)
}

#[test]
fn e6_unplanned_addition_after_the_window_is_a_new_line() {
    let lines = e6("2024-04-22").lines();
    assert_eq!(lines.lines.len(), 2, "{}", summary(&lines));
    let (l1, l2) = (&lines.lines[0], &lines.lines[1]);
    assert_eq!((l1.start, l1.end), (d("2024-01-15"), d("2024-04-21")));
    assert_eq!(l1.regimen(), Some(Therapy::Regimen(Regimen::Rd)));
    assert_eq!(
        (l1.ended_by, l1.end_reason),
        (Some(Rule::X2), EndReason::Addition)
    );
    assert_eq!(l2.start, d("2024-04-22"));
    assert_eq!(l2.regimen(), Some(Therapy::Regimen(Regimen::RVd)));
}

#[test]
fn e6_variant_addition_on_day_40_is_one_line_flagged_late() {
    let lines = e6("2024-02-24").lines();
    assert_eq!(lines.lines.len(), 1, "{}", summary(&lines));
    assert_eq!(
        lines.lines[0].regimen(),
        Some(Therapy::Regimen(Regimen::RVd))
    );
    assert!(lines.lines[0].flags.contains(Flags::LATE_ADDITION));
}

#[test]
fn e6_variant_addition_on_day_40_after_progression_on_day_35_is_two_lines() {
    let lines = e6("2024-02-24").progression("2024-02-19").lines();
    assert_eq!(lines.lines.len(), 2, "{}", summary(&lines));
    assert_eq!(lines.lines[1].opened_by, Rule::X4);
    assert_eq!(lines.lines[0].end_reason, EndReason::Progression);
}

/// E8: R fill 21 d q28 from 2023-01-09 with d; a fill 2023-06-19 covering to 07-09, the next on
/// 2023-08-28 (a 50-day hold); the last 2024-03-04 (covered to 03-24); Rd again from 2024-11-04.
fn e8() -> T {
    T::new()
        .fills(R, "2023-01-09", "2023-05-29", 21, 28)
        .fill(R, "2023-06-19", 21)
        .fills(R, "2023-08-28", "2024-02-26", 21, 28)
        .fill(R, "2024-03-04", 21)
        .adms(DEX, "2023-01-09", "2024-03-18", 7)
        .fills(R, "2024-11-04", "2025-04-30", 21, 28)
        .adms(DEX, "2024-11-04", "2025-05-15", 7)
}

#[test]
fn e8_short_hold_same_line_long_gap_new_line() {
    let lines = e8().lines();
    assert_eq!(lines.lines.len(), 2, "{}", summary(&lines));
    let (l1, l2) = (&lines.lines[0], &lines.lines[1]);
    assert_eq!((l1.start, l1.end), (d("2023-01-09"), d("2024-03-24")));
    assert_eq!(l1.end_reason, EndReason::RestartAfterGap);
    assert_eq!(l2.start, d("2024-11-04"));
    assert_eq!(l2.opened_by, Rule::X3);
    assert!(l2.flags.contains(Flags::INFERRED));
    assert_eq!(l2.regimen(), Some(Therapy::Regimen(Regimen::Rd)));
}

#[test]
fn e8_with_restart_in_the_same_line_is_one_line() {
    let params = Params {
        restart_after_gap: RestartAfterGap::SameLine,
        ..Params::default()
    };
    let lines = e8().lines_with(params);
    assert_eq!(lines.lines.len(), 1, "{}", summary(&lines));
    // A different drug after the gap is still a new line, by X1.
    let lines = e8()
        .adms(K, "2025-12-01", "2026-03-01", 7)
        .lines_with(params);
    assert_eq!(lines.lines.len(), 2, "{}", summary(&lines));
    assert_eq!(lines.lines[1].opened_by, Rule::X1);
}

#[test]
fn e9b_relapse_therapy_after_transplant_with_progression_is_two_lines() {
    let t = e1_to_sct().fills(R, "2024-09-12", "2025-06-30", 28, 28);
    let lines = t.clone().progression("2024-09-02").lines();
    assert_eq!(lines.lines.len(), 2, "{}", summary(&lines));
    assert_eq!(lines.lines[1].start, d("2024-09-12"));
    assert_eq!(lines.lines[1].opened_by, Rule::X4);
    // Without the progression: one line, R read as maintenance, flagged Inferred (a known limit
    // of drug-only data).
    let lines = t.lines();
    assert_eq!(lines.lines.len(), 1, "{}", summary(&lines));
    assert!(lines.lines[0].flags.contains(Flags::INFERRED));
    assert_eq!(
        phase_drugs(&lines.lines[0], LinePhase::Maintenance),
        Some(drug_set![R])
    );
}

#[test]
fn e12_formulation_change_is_the_same_line() {
    // D IV weekly from 2024-03-04; "Darzalex SC" from 2024-05-27, q2w then q4w to 2025-08.
    let sc = Drug::from_name("Darzalex SC").expect("an alias of daratumumab");
    let t = T::new()
        .adms(DARA, "2024-03-04", "2024-05-20", 7)
        .adms(sc, "2024-05-27", "2024-09-30", 14)
        .adms(sc, "2024-10-28", "2025-08-31", 28)
        .fills(R, "2024-03-04", "2025-08-31", 21, 28)
        .adms(DEX, "2024-03-04", "2025-08-31", 7);
    let lines = t.lines();
    assert_eq!(lines.lines.len(), 1, "{}", summary(&lines));
    assert_eq!(
        lines.lines[0].regimen(),
        Some(Therapy::Regimen(Regimen::DRd))
    );
}

#[test]
fn e14_rechallenge_after_an_intervening_line_is_three_lines() {
    let t = T::new()
        // RVd 2023-01-09 … 2023-10-30.
        .adms(V, "2023-01-09", "2023-10-30", 7)
        .fills(R, "2023-01-09", "2023-09-18", 21, 28)
        .adms(DEX, "2023-01-09", "2023-10-30", 7)
        // VCd 2024-01-08 … 2024-06-24.
        .adms(V, "2024-01-08", "2024-06-24", 7)
        .adms(CY, "2024-01-08", "2024-06-24", 7)
        .adms(DEX, "2024-01-08", "2024-06-24", 7)
        // RVd 2024-09-09 … 2025-03-31.
        .adms(V, "2024-09-09", "2025-03-31", 7)
        .fills(R, "2024-09-09", "2025-03-10", 21, 28)
        .adms(DEX, "2024-09-09", "2025-03-31", 7);
    let lines = t.lines();
    assert_eq!(lines.lines.len(), 3, "{}", summary(&lines));
    let regimens: Vec<_> = lines.lines.iter().map(Line::regimen).collect();
    assert_eq!(
        regimens,
        [
            Some(Therapy::Regimen(Regimen::RVd)),
            Some(Therapy::Regimen(Regimen::CyBorD)),
            Some(Therapy::Regimen(Regimen::RVd)),
        ]
    );
    // The heading of E14 says X1, but by definitions 1 and 2 bortezomib's 70-day and 77-day
    // breaks are shorter than the discontinuation gap, so its episode runs on and the cuts are
    // additions (X2); by definition 3 no exposure covers the new drugs' first days, so the end
    // reason is Switch. See the module docs.
    assert_eq!(lines.lines[1].opened_by, Rule::X2);
    assert_eq!(lines.lines[2].opened_by, Rule::X2);
    assert_eq!(lines.lines[0].end_reason, EndReason::Switch);
    assert_eq!(lines.lines[1].end_reason, EndReason::Switch);
}

// ---------------------------------------------------------------------------------------------
// One test per rule, on both sides of its parameter's boundary.

/// Day `n` after `from`, as text.
fn day(from: &str, n: i32) -> String {
    d(from).add_days(n).to_string()
}

#[test]
fn n1_a_gap_shorter_than_90_days_merges_a_drug_into_one_episode() {
    // R alone, covered to 2024-01-28; the next fill 89 days later is the same episode (1 line);
    // 90 days later, therapy restarts after the gap (X3, 2 lines).
    let t = |gap| {
        T::new()
            .fill(R, "2024-01-08", 21)
            .fill(R, &day("2024-01-28", gap), 21)
    };
    assert_eq!(count(&t(89)), 1);
    let lines = t(90).lines();
    assert_eq!(lines.lines.len(), 2);
    assert_eq!(lines.lines[1].opened_by, Rule::X3);
}

#[test]
fn s1_exposures_long_before_diagnosis_are_ignored() {
    let t = |before: i32| {
        let mut t = T::new().adm(CY, &day("2024-01-01", -before)).fills(
            R,
            "2024-01-01",
            "2024-06-01",
            21,
            28,
        );
        t.records.push(Record::Diagnosis(d("2024-01-01")));
        t
    };
    // 30 days before diagnosis is inside the grace period: cyclophosphamide starts the line.
    let lines = t(30).lines();
    assert_eq!(lines.lines[0].start, d("2023-12-02"));
    assert_eq!(lines.before_diagnosis, 0);
    // 31 days before: ignored, and counted as such.
    let lines = t(31).lines();
    assert_eq!(lines.lines[0].start, d("2024-01-01"));
    assert_eq!(lines.before_diagnosis, 1);
}

#[test]
fn s2_a_drug_joins_the_base_regimen_inside_the_window_only() {
    // R covered throughout; V added on day 59 joins (one line VRd); on day 60 it is X2.
    let t = |n| {
        T::new().fills(R, "2024-01-01", "2024-12-31", 28, 28).adms(
            V,
            &day("2024-01-01", n),
            "2024-12-31",
            7,
        )
    };
    let lines = t(59).lines();
    assert_eq!(lines.lines.len(), 1, "{}", summary(&lines));
    assert_eq!(
        lines.lines[0].regimen(),
        Some(Therapy::Regimen(Regimen::VR))
    );
    let lines = t(60).lines();
    assert_eq!(lines.lines.len(), 2, "{}", summary(&lines));
    assert_eq!(lines.lines[0].ended_by, Some(Rule::X2));
    // With a 28-day window, day 29 is already an addition.
    let short = Params {
        regimen_window_days: 28,
        ..Params::default()
    };
    assert_eq!(t(27).lines_with(short).lines.len(), 1);
    assert_eq!(t(28).lines_with(short).lines.len(), 2);
}

#[test]
fn s2_late_additions_after_day_28_are_flagged() {
    let t = |n| {
        T::new().fills(R, "2024-01-01", "2024-12-31", 28, 28).adms(
            V,
            &day("2024-01-01", n),
            "2024-12-31",
            7,
        )
    };
    assert!(!t(28).lines().lines[0].flags.contains(Flags::LATE_ADDITION));
    let lines = t(29).lines();
    assert!(lines.lines[0].flags.contains(Flags::LATE_ADDITION));
    let v = lines.lines[0].drugs.iter().find(|x| x.drug == V).unwrap();
    assert!(v.flags.contains(Flags::LATE_ADDITION));
}

#[test]
fn s3_dropping_some_drugs_is_not_a_new_line() {
    // KRd, R stopped after 6 months, Kd goes on: one line (ETL-LB would say two).
    let t = T::new()
        .adms(K, "2024-01-01", "2025-06-30", 7)
        .fills(R, "2024-01-01", "2024-06-01", 21, 28)
        .adms(DEX, "2024-01-01", "2025-06-30", 7);
    let lines = t.lines();
    assert_eq!(lines.lines.len(), 1, "{}", summary(&lines));
    assert_eq!(
        lines.lines[0].regimen(),
        Some(Therapy::Regimen(Regimen::KRd))
    );
    // Dropping every drug, then a new one, is a switch.
    let t = T::new()
        .adms(K, "2024-01-01", "2024-06-30", 7)
        .fills(R, "2024-01-01", "2024-06-01", 21, 28)
        .adms(DARA, "2024-08-01", "2024-12-31", 7);
    assert_eq!(count(&t), 2);
}

#[test]
fn s4_a_start_shorter_than_one_cycle_is_folded_into_the_next_line() {
    // V from 2024-01-01 stopped on day `n`, then K 30 days later (a switch).
    let t = |n| {
        T::new()
            .adms(V, "2024-01-01", &day("2024-01-01", n), 1)
            .adms(K, &day("2024-01-01", n + 30), "2024-12-31", 7)
    };
    let lines = t(21).lines();
    assert_eq!(lines.lines.len(), 1, "{}", summary(&lines));
    let l = &lines.lines[0];
    assert_eq!(
        l.start,
        d("2024-01-01"),
        "the line starts on the aborted start's date"
    );
    assert!(l.flags.contains(Flags::ABORTED_START));
    let v = l.drugs.iter().find(|x| x.drug == V).unwrap();
    assert!(v.flags.contains(Flags::ABORTED_START));
    assert!(l.decisions.iter().any(|x| x.rule == Rule::S4));
    assert_eq!(count(&t(22)), 2);
    // min_line_days = 0 counts every change.
    let every = Params {
        min_line_days: 0,
        ..Params::default()
    };
    assert_eq!(t(21).lines_with(every).lines.len(), 2);
}

#[test]
fn s5_a_held_drug_resumed_while_the_line_goes_on_stays_in_it() {
    // R throughout; V held `gap` days between its last dose and its next.
    let t = |gap| {
        T::new()
            .fills(R, "2024-01-01", "2025-06-30", 28, 28)
            .adms(V, "2024-01-01", "2024-03-01", 7)
            .adms(V, &day("2024-02-26", gap), "2024-12-31", 7)
    };
    let lines = t(89).lines();
    assert_eq!(lines.lines.len(), 1);
    assert!(
        !lines.lines[0].flags.contains(Flags::RESUMED_DRUG),
        "one episode"
    );
    let lines = t(90).lines();
    assert_eq!(lines.lines.len(), 1, "{}", summary(&lines));
    assert!(lines.lines[0].flags.contains(Flags::RESUMED_DRUG));
    assert!(lines.lines[0].decisions.iter().any(|x| x.rule == Rule::S5));
}

#[test]
fn x1_a_switch_inside_the_regimen_window_is_a_new_line() {
    // V for 4 weeks then stopped for toxicity; K from day 35, inside the 60-day window.
    let t = T::new()
        .adms(V, "2024-01-01", "2024-01-29", 3)
        .adms(K, "2024-02-05", "2024-08-31", 7);
    let lines = t.lines();
    assert_eq!(lines.lines.len(), 2, "{}", summary(&lines));
    assert_eq!(lines.lines[1].opened_by, Rule::X1);
    assert_eq!(lines.lines[0].end_reason, EndReason::Switch);
    // K starting while V is still given joins instead (S2).
    let t = T::new()
        .adms(V, "2024-01-01", "2024-01-29", 3)
        .adms(K, "2024-01-20", "2024-08-31", 7);
    assert_eq!(count(&t), 1);
}

#[test]
fn x3_a_restart_after_the_discontinuation_gap_is_a_new_line_flagged_inferred() {
    // R alone, covered to 2024-06-09 (last fill 05-20), then K `gap` days later: a switch below
    // 90 days, a restart at 90.
    let t = |gap| {
        T::new().fills(R, "2024-01-01", "2024-06-03", 21, 28).adms(
            K,
            &day("2024-06-09", gap),
            "2024-12-31",
            7,
        )
    };
    let lines = t(89).lines();
    assert_eq!(lines.lines[1].opened_by, Rule::X1);
    assert_eq!(lines.lines[0].end_reason, EndReason::Switch);
    assert!(!lines.lines[1].flags.contains(Flags::INFERRED));
    let lines = t(90).lines();
    assert_eq!(lines.lines[1].opened_by, Rule::X3);
    assert_eq!(lines.lines[0].end_reason, EndReason::RestartAfterGap);
    assert!(lines.lines[1].flags.contains(Flags::INFERRED));
}

#[test]
fn x4_a_progression_after_the_line_start_cuts_at_the_next_start() {
    // Rd from 2024-01-15; V added on day 40 (inside the window).
    let t = || e6("2024-02-24");
    // On the line's start day: not after it, so no cut.
    assert_eq!(count(&t().progression("2024-01-15")), 1);
    // The day after the start, or on the addition's day: a new line.
    assert_eq!(count(&t().progression("2024-01-16")), 2);
    assert_eq!(count(&t().progression("2024-02-24")), 2);
    // After the addition: V already joined; nothing new starts, so no cut.
    assert_eq!(count(&t().progression("2024-02-25")), 1);
}

#[test]
fn m1_the_first_transplant_joins_the_line_it_follows_within_the_gap() {
    // VRd covered to 2024-03-25 (last V); SCT 90 days later joins, 91 days later opens a line.
    let t = |gap| {
        T::new()
            .adms(V, "2024-01-01", "2024-03-25", 7)
            .fills(R, "2024-01-01", "2024-02-26", 21, 28)
            .sct(&day("2024-03-25", gap))
    };
    let lines = t(90).lines();
    assert_eq!(lines.lines.len(), 1, "{}", summary(&lines));
    assert!(lines.lines[0].decisions.iter().any(|x| x.rule == Rule::M1));
    let lines = t(91).lines();
    assert_eq!(lines.lines.len(), 2, "{}", summary(&lines));
    assert_eq!(lines.lines[1].opened_by, Rule::M1);
    assert_eq!(lines.lines[0].end_reason, EndReason::RestartAfterGap);
    assert!(lines.lines[1].flags.contains(Flags::INFERRED));
}

#[test]
fn m2_maintenance_within_180_days_of_the_transplant_stays_in_the_line() {
    let t = |n| e1_to_sct().fills(R, &day("2024-05-15", n), "2026-01-31", 28, 28);
    let lines = t(180).lines();
    assert_eq!(lines.lines.len(), 1, "{}", summary(&lines));
    assert!(lines.lines[0].decisions.iter().any(|x| x.rule == Rule::M2));
    // Day 181: relapse therapy by the drug data (X3 after a 237-day drug-free gap).
    assert_eq!(count(&t(181)), 2);
}

#[test]
fn m2_only_maintenance_eligible_or_induction_drugs_stay_in_the_line() {
    // Pomalidomide is neither maintenance-eligible nor an induction drug of E1.
    let lines = e1_to_sct()
        .fills(P, "2024-08-19", "2025-06-30", 21, 28)
        .lines();
    assert_eq!(lines.lines.len(), 2, "{}", summary(&lines));
    assert_eq!(lines.lines[0].ended_by, Some(Rule::M2));
    // Ixazomib is on the maintenance list, though not an induction drug.
    let lines = e1_to_sct()
        .adms(Drug::Ixazomib, "2024-08-19", "2025-06-30", 7)
        .lines();
    assert_eq!(lines.lines.len(), 1, "{}", summary(&lines));
}

#[test]
fn m2_consolidation_is_a_short_combination_then_maintenance() {
    // VRd for 2 cycles from day 60, then R maintenance.
    let lines = e1_to_sct()
        .adms(V, "2024-07-15", "2024-08-26", 3)
        .fills(R, "2024-07-15", "2024-08-05", 21, 21)
        .fills(R, "2024-10-01", "2025-06-30", 28, 28)
        .lines();
    assert_eq!(lines.lines.len(), 1, "{}", summary(&lines));
    let l = &lines.lines[0];
    assert_eq!(
        phase_drugs(l, LinePhase::Consolidation),
        Some(drug_set![R, V])
    );
    assert_eq!(phase_drugs(l, LinePhase::Maintenance), Some(drug_set![R]));
}

#[test]
fn m3_a_tandem_is_within_180_days_with_nothing_between() {
    let t = |n| e1_to_sct().sct(&day("2024-05-15", n));
    let lines = t(180).lines();
    assert_eq!(lines.lines.len(), 1, "{}", summary(&lines));
    let lines = t(181).lines();
    assert_eq!(lines.lines.len(), 2, "{}", summary(&lines));
    assert_eq!(lines.lines[1].opened_by, Rule::M3);
    assert_eq!(lines.lines[0].end_reason, EndReason::LaterTransplant);
    // A line-defining drug between the transplants: not a tandem.
    let lines = e1_to_sct()
        .fills(R, "2024-06-15", "2024-07-15", 28, 28)
        .sct("2024-08-07")
        .lines();
    assert_eq!(lines.lines.len(), 2, "{}", summary(&lines));
    // An allogeneic transplant is never a tandem.
    let lines = e1_to_sct()
        .procedure(ProcedureKind::AlloSct, "2024-08-07")
        .lines();
    assert_eq!(lines.lines.len(), 2, "{}", summary(&lines));
}

#[test]
fn m4_cyclophosphamide_alone_within_60_days_before_a_transplant_is_mobilisation() {
    let t = |n: i32| {
        e1_induction()
            .adm(CY, &day("2024-05-15", -n))
            .sct("2024-05-15")
    };
    let lines = t(60).lines();
    assert_eq!(lines.lines.len(), 1, "{}", summary(&lines));
    let cy = lines.lines[0].drugs.iter().find(|x| x.drug == CY).unwrap();
    assert_eq!(
        (cy.purpose, cy.phase),
        (Purpose::Mobilisation, LinePhase::Transplant)
    );
    // 61 days before: a new drug after the induction stopped, so a switch.
    let lines = t(61).lines();
    assert_eq!(lines.lines.len(), 2, "{}", summary(&lines));
    // Not the only new agent: treatment, not mobilisation.
    let lines = e1_induction()
        .adm(CY, "2024-04-15")
        .adms(K, "2024-04-15", "2024-04-30", 7)
        .sct("2024-05-15")
        .lines();
    assert_eq!(lines.lines.len(), 2, "{}", summary(&lines));
    // Stem-cell apheresis belongs to the transplant's line.
    let lines = e1_induction()
        .procedure(ProcedureKind::Apheresis, "2024-04-20")
        .sct("2024-05-15")
        .lines();
    assert_eq!(lines.lines.len(), 1, "{}", summary(&lines));
    assert_eq!(lines.lines[0].procedures.len(), 2);
}

#[test]
fn c1_leukapheresis_opens_the_car_t_line_and_bridging_joins_it() {
    // After E3's two lines: leukapheresis, bridging with Cy + dex, lymphodepletion, infusion.
    let t = |gap: i32| {
        e3().procedure(ProcedureKind::Apheresis, &day("2026-03-01", -gap))
            .adms(DARA, "2026-01-20", "2026-02-20", 7)
            .adm(CY, "2026-02-24")
            .procedure(ProcedureKind::CarTInfusion, "2026-03-01")
    };
    let lines = t(120).lines();
    assert_eq!(lines.lines.len(), 3, "{}", summary(&lines));
    let l3 = &lines.lines[2];
    assert_eq!(l3.opened_by, Rule::C1);
    assert_eq!(l3.start, d("2025-11-01"));
    let dara = l3.drugs.iter().find(|x| x.drug == DARA).unwrap();
    assert_eq!(dara.purpose, Purpose::Bridging);
    let cy = l3.drugs.iter().find(|x| x.drug == CY).unwrap();
    assert_eq!(cy.purpose, Purpose::Lymphodepletion);
    assert_eq!(lines.lines[1].end_reason, EndReason::CarT);
    // A leukapheresis 121 days before the infusion does not count: the line opens at the first
    // bridging drug new to the running line (within the 60-day look-back).
    let lines = t(121).lines();
    assert_eq!(lines.lines.len(), 3, "{}", summary(&lines));
    assert_eq!(lines.lines[2].start, d("2026-01-20"));
    assert_eq!(lines.lines[2].opened_by, Rule::C1);
}

#[test]
fn c1_lymphodepletion_is_within_14_days_before_the_infusion() {
    let t = |n: i32| {
        e3().adm(CY, &day("2026-03-01", -n))
            .procedure(ProcedureKind::CarTInfusion, "2026-03-01")
    };
    let lines = t(14).lines();
    let last = lines.lines.last().unwrap();
    assert_eq!(last.opened_by, Rule::C1);
    assert_eq!(last.start, d("2026-02-15"));
    let cy = last.drugs.iter().find(|x| x.drug == CY).unwrap();
    assert_eq!(cy.purpose, Purpose::Lymphodepletion);
    let lines = t(15).lines();
    let last = lines.lines.last().unwrap();
    let cy = last.drugs.iter().find(|x| x.drug == CY).unwrap();
    assert_eq!(cy.purpose, Purpose::Bridging);
}

#[test]
fn e1_a_line_ends_the_day_before_the_next_or_on_its_last_covered_day() {
    let lines = e6("2024-04-22").lines();
    assert_eq!(lines.lines[0].end, d("2024-04-21"));
    // The last line: its last covered day (V on 2024-10-14, R fill 09-23 + 20 = 10-13).
    assert_eq!(lines.lines[1].end, d("2024-10-14"));
    assert_eq!(lines.lines[1].end_reason, EndReason::Ongoing);
    assert_eq!(lines.lines[1].ended_by, None);
    // A transplant later than the drugs ends the line.
    let lines = e1_to_sct().lines();
    assert_eq!(lines.lines[0].end, d("2024-05-15"));
}

#[test]
fn r1_progression_within_60_days_of_coverage_confirms_refractoriness() {
    // R covered to 2024-06-09 (last fill 05-20).
    let t = |gap| {
        T::new()
            .fills(R, "2024-01-01", "2024-06-03", 21, 28)
            .progression(&day("2024-06-09", gap))
    };
    let confirmed = |lines: &LinesOfTherapy| {
        lines
            .refractory
            .iter()
            .any(|r| r.drug == R && r.basis == RefractoryBasis::Confirmed)
    };
    assert!(confirmed(&t(60).lines()));
    assert!(!confirmed(&t(61).lines()));
}

#[test]
fn r1_inferred_refractoriness_is_reported_apart_and_used_only_on_request() {
    let lines = e6("2024-04-22").lines();
    assert!(lines.refractory.iter().any(|r| r.drug == R
        && r.basis == RefractoryBasis::Inferred
        && r.since == d("2024-04-22")));
    let at = d("2024-12-01");
    let plain = lines.treatment_history(at, AsOf::default()).unwrap();
    assert!(plain.refractory().is_empty());
    let opted = AsOf {
        inferred_refractory: true,
        ..AsOf::default()
    };
    let inferred = lines.treatment_history(at, opted).unwrap();
    assert!(inferred.refractory().contains(R));
}

#[test]
fn h1_history_as_of_a_date_feeds_check() {
    let lines = e3().progression("2025-11-20").lines();
    // Before the first line: newly diagnosed.
    let h = lines
        .treatment_history(d("2024-01-01"), AsOf::default())
        .unwrap();
    assert_eq!((h.phase(), h.prior_lines()), (Phase::NewlyDiagnosed, 0));
    // After E3: two prior lines, exposed to V R d K P, a transplant, progression recorded
    // 94 days after the last pomalidomide: not refractory to it (more than 60 days).
    let h = lines
        .treatment_history(d("2025-12-01"), AsOf::default())
        .unwrap();
    assert_eq!(h.prior_lines(), 2);
    assert_eq!(
        h.exposed().intersection(drug_set![V, R, DEX, K, P]),
        drug_set![V, R, DEX, K, P]
    );
    assert_eq!(h.transplant(), Some(TransplantStatus::Done));
    assert!(h.progressed_on_last());
    assert_eq!(h.phase(), Phase::Relapsed);
    assert!(h.refractory().is_empty());
    // Isa-Kd's label asks for 1 to 3 prior lines.
    assert!(Regimen::IsaKd
        .check(&h, Regulator::HealthCanada)
        .is_within());
    // A steroid alone never makes a line, so it is not an exposure of one either.
    let lines = T::new().adms(DEX, "2024-01-01", "2024-06-01", 7).lines();
    assert!(lines.lines.is_empty());
}

#[test]
fn streaming_by_person_reports_ungrouped_input() {
    let rec = |s: &str| Record::Exposure(Exposure::dispensing(R, d(s), Some(28)));
    let rows = vec![
        (1, rec("2024-01-01")),
        (2, rec("2024-01-01")),
        (1, rec("2024-03-01")),
    ];
    let out: Vec<_> = by_person(rows, Params::default()).collect();
    assert_eq!(out.len(), 3);
    assert!(out[0].is_ok() && out[1].is_ok());
    assert_eq!(out[2].as_ref().unwrap_err().person, 1);
}

// ---------------------------------------------------------------------------------------------
// Properties over random timelines.

mod properties {
    use super::*;
    use myeloma::DrugRole;
    use proptest::prelude::*;

    const POOL: [Drug; 16] = [
        Drug::Bortezomib,
        Drug::Lenalidomide,
        Drug::Carfilzomib,
        Drug::Pomalidomide,
        Drug::Daratumumab,
        Drug::Cyclophosphamide,
        Drug::Ixazomib,
        Drug::Selinexor,
        Drug::Melphalan,
        Drug::Teclistamab,
        Drug::CiltacabtageneAutoleucel,
        Drug::Dexamethasone,
        Drug::Prednisone,
        Drug::AcetylsalicylicAcid,
        Drug::Heparin,
        Drug::Filgrastim,
    ];

    fn role(drug: Drug) -> DrugRole {
        drug.role()
    }

    fn record() -> impl Strategy<Value = Record> {
        let base = d("2022-01-01");
        let exposure = (
            0..POOL.len(),
            0i32..1500,
            any::<bool>(),
            prop::option::of(0u32..70),
        )
            .prop_map(move |(i, day, adm, supply)| {
                let start = base.add_days(day);
                Record::Exposure(if adm {
                    Exposure::administration(POOL[i], start)
                } else {
                    Exposure::dispensing(POOL[i], start, supply)
                })
            });
        let procedure = (0..ProcedureKind::ALL.len(), 0i32..1500).prop_map(move |(k, day)| {
            Record::Procedure(Procedure {
                kind: ProcedureKind::ALL[k],
                date: base.add_days(day),
            })
        });
        let progression = (0i32..1500).prop_map(move |day| Record::Progression(base.add_days(day)));
        prop_oneof![
            20 => exposure,
            1 => procedure,
            1 => progression,
        ]
    }

    /// A timeline: runs of weekly doses (so that lines last), plus scattered records.
    fn timeline() -> impl Strategy<Value = Vec<Record>> {
        let base = d("2022-01-01");
        let run = (0..POOL.len(), 0i32..1400, 1i32..40, 1i32..15).prop_map(
            move |(i, day, doses, every)| {
                (0..doses)
                    .map(|n| {
                        Record::Exposure(Exposure::administration(
                            POOL[i],
                            base.add_days(day + n * every),
                        ))
                    })
                    .collect::<Vec<_>>()
            },
        );
        (
            prop::collection::vec(run, 0..6),
            prop::collection::vec(record(), 0..30),
        )
            .prop_map(|(runs, mut scattered)| {
                scattered.extend(runs.into_iter().flatten());
                scattered
            })
    }

    fn derive(records: &[Record]) -> LinesOfTherapy {
        lines_of_therapy(&records.iter().copied().collect(), &Params::default())
    }

    proptest! {

        #[test]
        fn lines_never_overlap(records in timeline()) {
            let lines = derive(&records);
            for (i, l) in lines.lines.iter().enumerate() {
                prop_assert_eq!(l.number, i + 1);
                prop_assert!(l.start <= l.end, "{}", summary(&lines));
            }
            for pair in lines.lines.windows(2) {
                prop_assert!(pair[0].end < pair[1].start, "{}", summary(&lines));
            }
        }

        #[test]
        fn every_line_defining_exposure_belongs_to_exactly_one_line(records in timeline()) {
            let lines = derive(&records);
            for r in &records {
                let Record::Exposure(e) = r else { continue };
                if role(e.drug) != DrugRole::LineDefining {
                    continue;
                }
                let holders = lines
                    .lines
                    .iter()
                    .filter(|l| {
                        l.drugs.iter().any(|x| {
                            x.drug == e.drug
                                && x.role == DrugRole::LineDefining
                                && x.start <= e.start
                                && e.start <= x.end
                        })
                    })
                    .count();
                prop_assert_eq!(holders, 1, "{:?} in\n{}", e, summary(&lines));
            }
        }

        #[test]
        fn steroids_and_supportive_drugs_never_start_a_line(records in timeline()) {
            let lines = derive(&records);
            let without: Vec<Record> = records
                .iter()
                .copied()
                .filter(|r| !matches!(r, Record::Exposure(e) if role(e.drug) != DrugRole::LineDefining))
                .collect();
            let bare = derive(&without);
            let key = |l: &LinesOfTherapy| {
                l.lines
                    .iter()
                    .map(|x| (x.start, x.end, x.opened_by, x.end_reason))
                    .collect::<Vec<_>>()
            };
            prop_assert_eq!(key(&lines), key(&bare));
            for l in &lines.lines {
                let opened_by_treatment = l
                    .drugs
                    .iter()
                    .any(|x| x.role == DrugRole::LineDefining && x.start == l.start);
                let opened_by_procedure = l.procedures.iter().any(|p| p.date <= l.start);
                prop_assert!(
                    opened_by_treatment || opened_by_procedure || l.opened_by == Rule::C1,
                    "line {} starts without a line-defining drug or procedure\n{}",
                    l.number,
                    summary(&lines)
                );
            }
        }

        #[test]
        fn results_do_not_depend_on_row_order(
            (records, shuffled) in timeline().prop_flat_map(|r| (Just(r.clone()), Just(r).prop_shuffle()))
        ) {
            prop_assert_eq!(derive(&records), derive(&shuffled));
        }

        #[test]
        fn a_deriver_reused_across_people_gives_what_a_fresh_one_gives(
            first in timeline(),
            second in timeline(),
        ) {
            let mut deriver = myeloma::history::Deriver::new(Params::default());
            let _ = deriver.derive(&first.iter().copied().collect());
            let reused = deriver.derive(&second.iter().copied().collect());
            prop_assert_eq!(reused, derive(&second));
        }

        #[test]
        fn any_text_parses_or_errors_without_panicking(text in "\\PC{0,24}") {
            let _ = text.parse::<Date>().map_err(|e| e.to_string());
            let _ = text.parse::<ProcedureKind>().map_err(|e| e.to_string());
        }

        #[test]
        fn extreme_records_never_panic(
            rows in prop::collection::vec(
                (0..POOL.len(), any::<i32>(), any::<bool>(), any::<Option<u32>>(), any::<Option<i32>>()),
                0..40,
            ),
            procedures in prop::collection::vec((0..ProcedureKind::ALL.len(), any::<i32>()), 0..4),
            progressions in prop::collection::vec(any::<i32>(), 0..3),
            diagnosis in any::<Option<i32>>(),
        ) {
            let date = Date::from_days_since_epoch;
            let mut records = Records::new();
            for (i, start, adm, supply, end) in rows {
                let mut e = if adm {
                    Exposure::administration(POOL[i], date(start))
                } else {
                    Exposure::dispensing(POOL[i], date(start), supply)
                };
                e.end = end.map(date);
                records.push(Record::Exposure(e));
            }
            for (k, day) in procedures {
                records.push(Record::Procedure(Procedure { kind: ProcedureKind::ALL[k], date: date(day) }));
            }
            for day in progressions {
                records.push(Record::Progression(date(day)));
            }
            if let Some(day) = diagnosis {
                records.push(Record::Diagnosis(date(day)));
            }
            let lines = lines_of_therapy(&records, &Params::default());
            for pair in lines.lines.windows(2) {
                prop_assert!(pair[0].end < pair[1].start);
            }
            let _ = lines.treatment_history(Date::MAX, AsOf::default());
        }

        #[test]
        fn histories_build_for_any_date(records in timeline(), day in 0i32..1600) {
            let lines = derive(&records);
            let at = d("2022-01-01").add_days(day);
            for inferred in [false, true] {
                let options = AsOf { inferred_refractory: inferred, ..AsOf::default() };
                if let Err(e) = lines.treatment_history(at, options) {
                    // Only more lines than a history may hold is acceptable.
                    prop_assert!(lines.lines.len() > 15, "{e}");
                }
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Transplant and CAR-T agents given as drugs (melphalan, fludarabine, CAR-T products), and the
// catalogue's steroid and supportive roles.

#[test]
fn m4_melphalan_within_14_days_before_a_transplant_is_conditioning() {
    let t = |n: i32| {
        e1_induction()
            .melphalan(&day("2024-05-15", -n))
            .sct("2024-05-15")
    };
    let lines = t(14).lines();
    assert_eq!(lines.lines.len(), 1, "{}", summary(&lines));
    let l = &lines.lines[0];
    let mel = l.drugs.iter().find(|x| x.drug == Drug::Melphalan).unwrap();
    assert_eq!(
        (mel.purpose, mel.phase),
        (Purpose::Conditioning, LinePhase::Transplant)
    );
    assert_eq!(
        phase_drugs(l, LinePhase::Transplant),
        Some(drug_set![Drug::Melphalan])
    );
    assert!(l.decisions.iter().any(|x| x.rule == Rule::M4));
    // 15 days before: melphalan is a new drug after induction stopped, so a switch; the
    // transplant then belongs to that line (M1).
    let lines = t(15).lines();
    assert_eq!(lines.lines.len(), 2, "{}", summary(&lines));
    assert!(lines.lines[1].has_transplant());
}

#[test]
fn m3_a_line_opened_by_a_transplant_starts_at_its_conditioning() {
    // A transplant 200 days after induction ended, with melphalan two days before: a new line
    // (M1, after a longer drug-free gap), starting on the melphalan day.
    let lines = e1_induction()
        .melphalan("2024-10-09")
        .sct("2024-10-11")
        .lines();
    assert_eq!(lines.lines.len(), 2, "{}", summary(&lines));
    assert_eq!(lines.lines[1].start, d("2024-10-09"));
    assert_eq!(lines.lines[1].opened_by, Rule::M1);
    // A tandem with its own conditioning: each melphalan is its own transplant's.
    let lines = e1_to_sct()
        .melphalan("2024-08-05")
        .sct("2024-08-07")
        .lines();
    let mels: Vec<_> = lines.lines[0]
        .drugs
        .iter()
        .filter(|x| x.drug == Drug::Melphalan)
        .map(|x| (x.start, x.purpose))
        .collect();
    assert_eq!(
        mels,
        [
            (d("2024-05-13"), Purpose::Conditioning),
            (d("2024-08-05"), Purpose::Conditioning)
        ]
    );
}

/// After E3's two lines: leukapheresis on 2025-12-01, then bridging, Flu/Cy, and a CAR-T
/// infusion on 2026-01-20, given by `infusion`.
fn car_t_after_e3(infusion: fn(T) -> T) -> T {
    let t = e3()
        .procedure(ProcedureKind::Apheresis, "2025-12-01")
        .adms(Drug::Elotuzumab, "2025-12-08", "2025-12-29", 7)
        .adms(Drug::Fludarabine, "2026-01-15", "2026-01-17", 1)
        .adms(CY, "2026-01-15", "2026-01-17", 1);
    infusion(t)
}

#[test]
fn c1_fludarabine_and_cyclophosphamide_before_an_infusion_are_lymphodepletion() {
    let lines = car_t_after_e3(|t| t.procedure(ProcedureKind::CarTInfusion, "2026-01-20")).lines();
    assert_eq!(lines.lines.len(), 3, "{}", summary(&lines));
    let l3 = &lines.lines[2];
    assert_eq!((l3.start, l3.opened_by), (d("2025-12-01"), Rule::C1));
    for drug in [Drug::Fludarabine, CY] {
        let x = l3.drugs.iter().find(|x| x.drug == drug).unwrap();
        assert_eq!(
            (x.purpose, x.phase),
            (Purpose::Lymphodepletion, LinePhase::CarT)
        );
    }
    let elo = l3
        .drugs
        .iter()
        .find(|x| x.drug == Drug::Elotuzumab)
        .unwrap();
    assert_eq!(elo.purpose, Purpose::Bridging);
    // The phase is named by its treatment, not by its lymphodepletion.
    assert_eq!(l3.regimen(), Some(Therapy::Drug(Drug::Elotuzumab)));
    assert_eq!(lines.lines[1].end_reason, EndReason::CarT);
}

#[test]
fn c1_a_car_t_product_given_as_a_drug_is_the_infusion() {
    let cilta = Drug::from_name("cilta-cel").unwrap_or(Drug::CiltacabtageneAutoleucel);
    assert_eq!(cilta, Drug::CiltacabtageneAutoleucel);
    let lines = car_t_after_e3(|t| t.adm(Drug::CiltacabtageneAutoleucel, "2026-01-20")).lines();
    assert_eq!(lines.lines.len(), 3, "{}", summary(&lines));
    let l3 = &lines.lines[2];
    assert_eq!((l3.start, l3.opened_by), (d("2025-12-01"), Rule::C1));
    let product = l3.drugs.iter().find(|x| x.drug == cilta).unwrap();
    assert_eq!(product.purpose, Purpose::CarTProduct);
    // Without leukapheresis or bridging, the line starts at lymphodepletion.
    let lines = e3()
        .adms(Drug::Fludarabine, "2026-01-15", "2026-01-17", 1)
        .adms(CY, "2026-01-15", "2026-01-17", 1)
        .adm(Drug::IdecabtageneVicleucel, "2026-01-20")
        .lines();
    assert_eq!(lines.lines.len(), 3, "{}", summary(&lines));
    assert_eq!(lines.lines[2].start, d("2026-01-15"));
    assert_eq!(
        phase_drugs(&lines.lines[2], LinePhase::CarT),
        Some(drug_set![
            Drug::Fludarabine,
            CY,
            Drug::IdecabtageneVicleucel
        ])
    );
    assert_eq!(
        lines.lines[2].regimen(),
        Some(Therapy::Drug(Drug::IdecabtageneVicleucel))
    );
    // A bispecific after CAR-T is a new line.
    let lines = car_t_after_e3(|t| {
        t.adm(Drug::CiltacabtageneAutoleucel, "2026-01-20").adms(
            Drug::Teclistamab,
            "2026-06-01",
            "2026-09-01",
            7,
        )
    })
    .lines();
    assert_eq!(lines.lines.len(), 4, "{}", summary(&lines));
    assert_eq!(
        lines.lines[3].regimen(),
        Some(Therapy::Drug(Drug::Teclistamab))
    );
}

#[test]
fn steroids_and_supportive_drugs_from_the_catalogue_never_make_a_line() {
    // Prednisone pulses, G-CSF, plerixafor, zoledronic acid, enoxaparin: no line at all.
    let t = T::new()
        .adms(Drug::Prednisone, "2024-01-01", "2024-03-01", 7)
        .adms(Drug::Filgrastim, "2024-03-01", "2024-03-05", 1)
        .adm(Drug::Plerixafor, "2024-03-05")
        .adms(Drug::ZoledronicAcid, "2024-01-01", "2024-12-01", 28)
        .fills(Drug::Enoxaparin, "2024-01-01", "2024-06-01", 28, 28);
    let lines = t.lines();
    assert!(lines.lines.is_empty(), "{}", summary(&lines));
    assert!(lines.supportive > 0);
    // Beside a regimen they change nothing, and prednisone names it (MPV? here VMP's P).
    let lines = t
        .adms(V, "2024-02-01", "2024-08-01", 7)
        .adms(Drug::Melphalan, "2024-02-01", "2024-08-01", 28)
        .lines();
    assert_eq!(lines.lines.len(), 1, "{}", summary(&lines));
    assert_eq!(lines.lines[0].start, d("2024-02-01"));
    assert!(lines.lines[0].drug_set().contains(Drug::Prednisone));
    assert!(!lines.lines[0].drug_set().contains(Drug::Filgrastim));
}

#[test]
fn x2_an_addition_after_the_window_while_the_line_goes_on_is_a_new_line() {
    // Daratumumab added on day 60 to Rd: a new line, DRd, with Rd carried over.
    let t = T::new()
        .fills(R, "2024-01-01", "2024-12-31", 21, 28)
        .adms(DEX, "2024-01-01", "2024-12-31", 7)
        .adms(DARA, &day("2024-01-01", 60), "2024-12-31", 7);
    let lines = t.lines();
    assert_eq!(lines.lines.len(), 2, "{}", summary(&lines));
    assert_eq!(lines.lines[1].opened_by, Rule::X2);
    assert_eq!(
        lines.lines[1].regimen(),
        Some(Therapy::Regimen(Regimen::DRd))
    );
    // The same drug 60 days in, but after every drug of the line stopped: a switch.
    let t = T::new()
        .fill(R, "2024-01-01", 28)
        .adms(DARA, &day("2024-01-01", 60), "2024-12-31", 7);
    let lines = t.lines();
    assert_eq!(lines.lines.len(), 2, "{}", summary(&lines));
    assert_eq!(lines.lines[1].opened_by, Rule::X1);
}

#[test]
fn h1_phase_follows_the_records() {
    // After E1's transplant, during maintenance: after transplant.
    let lines = e1_to_sct()
        .fills(R, "2024-08-19", "2025-12-15", 28, 28)
        .lines();
    let h = lines
        .treatment_history(d("2025-03-01"), AsOf::default())
        .unwrap();
    assert_eq!(h.phase(), Phase::AfterTransplant);
    // Progression while lenalidomide is covered: refractory, and the phase says so.
    let lines = e1_to_sct()
        .fills(R, "2024-08-19", "2025-12-15", 28, 28)
        .progression("2025-06-01")
        .lines();
    let h = lines
        .treatment_history(d("2025-06-10"), AsOf::default())
        .unwrap();
    assert_eq!(h.phase(), Phase::Refractory);
    assert!(h.refractory().contains(R));
    assert!(h.progressed_on_last());
    // A phase given by the caller is used as given.
    let given = AsOf {
        phase: Some(Phase::Relapsed),
        ..AsOf::default()
    };
    assert_eq!(
        lines
            .treatment_history(d("2025-06-10"), given)
            .unwrap()
            .phase(),
        Phase::Relapsed
    );
}

#[test]
fn procedures_parse_from_their_written_forms() {
    for (text, kind) in [
        ("ASCT", ProcedureKind::AutoSct),
        ("auto-SCT", ProcedureKind::AutoSct),
        ("autologous-sct", ProcedureKind::AutoSct),
        ("Autologous stem cell transplant", ProcedureKind::AutoSct),
        ("allogeneic-sct", ProcedureKind::AlloSct),
        ("allo-HSCT", ProcedureKind::AlloSct),
        ("apheresis", ProcedureKind::Apheresis),
        ("Leukapheresis", ProcedureKind::Apheresis),
        ("CAR-T", ProcedureKind::CarTInfusion),
        ("car-t-infusion", ProcedureKind::CarTInfusion),
    ] {
        assert_eq!(text.parse::<ProcedureKind>(), Ok(kind), "{text}");
    }
    for kind in ProcedureKind::ALL {
        assert_eq!(kind.id().parse::<ProcedureKind>(), Ok(*kind));
    }
    let error = "appendectomy".parse::<ProcedureKind>().unwrap_err();
    assert!(error
        .to_string()
        .starts_with("unknown procedure (expected autologous-sct"));
}

#[test]
fn dispensings_cover_their_supply_or_the_default() {
    let p = Params::default();
    let fill = |supply| Exposure::dispensing(R, d("2024-01-01"), supply);
    assert_eq!(fill(Some(21)).covered_until(&p), d("2024-01-21"));
    assert_eq!(fill(None).covered_until(&p), d("2024-01-28"));
    assert_eq!(fill(Some(0)).covered_until(&p), d("2024-01-28"));
    let infusion = Exposure {
        end: Some(d("2024-01-03")),
        ..Exposure::administration(DARA, d("2024-01-01"))
    };
    assert_eq!(infusion.covered_until(&p), d("2024-01-03"));
}

#[test]
fn the_timeline_picture_of_e3() {
    // Two lines, two transplants with their melphalan, the cut labelled X1.
    let svg = e3().lines().timeline_svg("E3");
    assert_eq!(
        svg.matches("<text x=\"10\" y=").count(),
        1 + 6,
        "a title and six drug lanes"
    );
    insta::assert_snapshot!(svg);
}
