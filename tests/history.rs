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
use myeloma::{drug_set, Drug, DrugSet, Phase, Regimen, Therapy, TransplantStatus};

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
        // The catalogue gains melphalan in a parallel change; until then conditioning is absent.
        match Drug::from_name("melphalan") {
            Some(mel) => self.adm(mel, date),
            None => self,
        }
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
    assert_eq!(l1.regimen(), Some(Therapy::Combination(drug_set![R, DEX]))); // Rd
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
    assert_eq!(l2.regimen(), Some(Therapy::Combination(drug_set![R, DEX])));
}

#[test]
fn e8_with_restart_in_the_same_line_is_one_line() {
    let params = Params {
        restart_after_gap: RestartAfterGap::SameLine,
        ..Params::default()
    };
    let lines = e8().lines_with(params);
    assert_eq!(lines.lines.len(), 1, "{}", summary(&lines));
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
    assert_eq!(lines.lines[1].opened_by, Rule::X1);
    assert_eq!(lines.lines[2].opened_by, Rule::X1);
    assert_eq!(lines.lines[0].end_reason, EndReason::Switch);
}
