//! A synthetic myeloma cohort: realistic dated records for N people, from the catalogue's
//! regimens, with transplants, tandems, maintenance, switches, additions, holds, late fills,
//! steroid pulses, supportive drugs, progressions and CAR-T. Deterministic for a seed.
//!
//! Shared by `benches/history.rs` (rows in memory) and `examples/cohort.rs` (rows as CSV).

use myeloma::history::{Date, Exposure, ExposureKind, Procedure, ProcedureKind, Record};
use myeloma::{Drug, DrugClass, Regimen};
use rand::rngs::StdRng;
use rand::seq::{IndexedRandom, SliceRandom};
use rand::{Rng, SeedableRng};

/// Induction regimens for transplant-eligible people.
const INDUCTION: &[Regimen] = &[
    Regimen::RVd,
    Regimen::RVd,
    Regimen::CyBorD,
    Regimen::VTd,
    Regimen::DRVd,
    Regimen::DVTd,
];
/// First-line regimens without transplant.
const NO_TRANSPLANT: &[Regimen] = &[Regimen::DRd, Regimen::DRd, Regimen::RVd, Regimen::VR];
/// Relapse regimens.
const RELAPSE: &[Regimen] = &[
    Regimen::KRd,
    Regimen::Kd,
    Regimen::DKd,
    Regimen::IsaKd,
    Regimen::KCd,
    Regimen::IRd,
    Regimen::DVd,
    Regimen::PVd,
    Regimen::IsaPd,
    Regimen::SVd,
];

/// One person's records, in shuffled order (the rules must not care), with the person's id.
pub fn person(id: u32, rng: &mut StdRng) -> Vec<(u32, Record)> {
    let mut p = Person {
        rows: Vec::new(),
        rng,
    };
    let diagnosis = Date::from_ymd(2012, 1, 1)
        .map(|d| d.add_days(p.rng.random_range(0..3650)))
        .unwrap_or(Date::EPOCH);
    p.rows.push(Record::Diagnosis(diagnosis));
    let mut day = diagnosis.add_days(p.rng.random_range(3..30));
    let progression_known = p.rng.random_bool(0.6);
    let lines = p.rng.random_range(1..=5);
    for line in 0..lines {
        let end = if line == 0 && p.rng.random_bool(0.55) {
            p.transplant_line(day)
        } else {
            let regimen = if line == 0 {
                *NO_TRANSPLANT.choose(p.rng).unwrap_or(&Regimen::DRd)
            } else if line >= 2 && p.rng.random_bool(0.15) {
                return p.car_t(id, day, progression_known);
            } else {
                *RELAPSE.choose(p.rng).unwrap_or(&Regimen::Kd)
            };
            let cycles = p.rng.random_range(3..12);
            let end = p.regimen(regimen, day, cycles);
            // An unplanned addition, now and then.
            if p.rng.random_bool(0.1) {
                let extra = *[Drug::Daratumumab, Drug::Bortezomib]
                    .choose(p.rng)
                    .unwrap_or(&Drug::Daratumumab);
                let from = day.add_days(p.rng.random_range(70..120));
                p.weekly(extra, from, 8);
            }
            end
        };
        // Progression, then the next line after a gap.
        let progression = end.add_days(p.rng.random_range(-20..40));
        if progression_known {
            p.rows.push(Record::Progression(progression));
        }
        // A steroid pulse between lines.
        if p.rng.random_bool(0.3) {
            p.weekly(Drug::Dexamethasone, end.add_days(10), 3);
        }
        day = end.add_days(p.rng.random_range(7..200));
    }
    let mut rows = p.rows;
    rows.shuffle(rng);
    rows.into_iter().map(|r| (id, r)).collect()
}

struct Person<'a> {
    rows: Vec<Record>,
    rng: &'a mut StdRng,
}

impl Person<'_> {
    fn adm(&mut self, drug: Drug, day: Date) {
        self.rows
            .push(Record::Exposure(Exposure::administration(drug, day)));
    }

    fn fill(&mut self, drug: Drug, day: Date, supply: u32) {
        self.rows.push(Record::Exposure(Exposure {
            drug,
            start: day,
            end: None,
            days_supply: Some(supply),
            kind: ExposureKind::Dispensing,
        }));
    }

    fn weekly(&mut self, drug: Drug, from: Date, weeks: i32) {
        for w in 0..weeks {
            self.adm(drug, from.add_days(7 * w));
        }
    }

    fn procedure(&mut self, kind: ProcedureKind, date: Date) {
        self.rows.push(Record::Procedure(Procedure { kind, date }));
    }

    /// `cycles` 28-day cycles of a regimen from `start`: oral drugs as 21-day fills (sometimes
    /// late), injected drugs on days 1, 8, 15, steroids weekly, aspirin with an IMiD. Returns the
    /// last covered day.
    fn regimen(&mut self, regimen: Regimen, start: Date, cycles: i32) -> Date {
        let mut last = start;
        for c in 0..cycles {
            let cycle = start.add_days(28 * c);
            // A hold of a cycle, now and then.
            if c > 2 && self.rng.random_bool(0.05) {
                continue;
            }
            for component in regimen.components() {
                let drug = component.drug;
                match drug.class() {
                    DrugClass::ImmunomodulatoryDrug | DrugClass::Sine => {
                        let late = if c == 0 && self.rng.random_bool(0.2) {
                            self.rng.random_range(10..45)
                        } else {
                            0
                        };
                        self.fill(drug, cycle.add_days(late), 21);
                        last = last.max(cycle.add_days(late + 20));
                        if drug.class() == DrugClass::ImmunomodulatoryDrug && c % 3 == 0 {
                            self.fill(Drug::AcetylsalicylicAcid, cycle.add_days(late), 28);
                        }
                    }
                    DrugClass::Corticosteroid => {
                        for d in [0, 14] {
                            self.adm(drug, cycle.add_days(d));
                        }
                    }
                    _ if drug == Drug::Ixazomib => {
                        self.fill(drug, cycle, 21);
                        last = last.max(cycle.add_days(20));
                    }
                    _ => {
                        for d in [0, 14] {
                            self.adm(drug, cycle.add_days(d));
                        }
                        last = last.max(cycle.add_days(14));
                    }
                }
            }
        }
        last
    }

    /// Induction, mobilisation, apheresis, transplant (sometimes a tandem), consolidation,
    /// lenalidomide maintenance with holds. Returns the last covered day.
    fn transplant_line(&mut self, start: Date) -> Date {
        let induction = *INDUCTION.choose(self.rng).unwrap_or(&Regimen::RVd);
        let cycles = self.rng.random_range(3..7);
        let end = self.regimen(induction, start, cycles);
        let sct = end.add_days(self.rng.random_range(30..80));
        if self.rng.random_bool(0.3) {
            self.adm(Drug::Cyclophosphamide, sct.add_days(-30));
        }
        self.procedure(ProcedureKind::Apheresis, sct.add_days(-20));
        self.procedure(ProcedureKind::AutoSct, sct);
        let mut last = sct;
        if self.rng.random_bool(0.1) {
            last = sct.add_days(self.rng.random_range(70..150));
            self.procedure(ProcedureKind::AutoSct, last);
        }
        if self.rng.random_bool(0.2) {
            let end = self.regimen(Regimen::RVd, last.add_days(60), 2);
            last = end;
        }
        if self.rng.random_bool(0.85) {
            let mut day = last.add_days(self.rng.random_range(20..110));
            for _ in 0..self.rng.random_range(6..30) {
                self.fill(Drug::Lenalidomide, day, 28);
                if self.rng.random_bool(0.1) {
                    // A fill that arrives late.
                    day = day.add_days(self.rng.random_range(5..20));
                }
                day = day.add_days(28 + if self.rng.random_bool(0.08) { 45 } else { 0 });
            }
            last = day.add_days(-1);
        }
        last
    }

    /// A CAR-T line: leukapheresis, bridging, lymphodepletion, infusion. Ends the timeline.
    fn car_t(&mut self, id: u32, start: Date, progression_known: bool) -> Vec<(u32, Record)> {
        self.procedure(ProcedureKind::Apheresis, start);
        self.regimen(Regimen::Kd, start.add_days(7), 1);
        let infusion = start.add_days(self.rng.random_range(35..60));
        for d in [5, 4, 3] {
            self.adm(Drug::Cyclophosphamide, infusion.add_days(-d));
        }
        self.procedure(ProcedureKind::CarTInfusion, infusion);
        if progression_known && self.rng.random_bool(0.3) {
            self.rows.push(Record::Progression(
                infusion.add_days(self.rng.random_range(90..400)),
            ));
        }
        let mut rows = core::mem::take(&mut self.rows);
        rows.shuffle(self.rng);
        rows.into_iter().map(|r| (id, r)).collect()
    }
}

/// `people` people's rows, grouped by person (ids from 1), each person's rows shuffled.
pub fn cohort(people: u32, seed: u64) -> Vec<(u32, Record)> {
    let mut rng = StdRng::seed_from_u64(seed);
    let mut rows = Vec::with_capacity(people as usize * 100);
    for id in 1..=people {
        rows.extend(person(id, &mut rng));
    }
    rows
}

/// A record as the `history` example's CSV writes it: kind, name, start date, days' supply.
#[allow(dead_code)] // Used by examples/cohort.rs, not by the benchmark.
pub fn csv_fields(record: &Record) -> (&'static str, String, Date, Option<u32>) {
    match *record {
        Record::Exposure(e) => (
            match e.kind {
                ExposureKind::Administration => "administration",
                ExposureKind::Dispensing => "dispensing",
            },
            e.drug.generic_name().to_owned(),
            e.start,
            e.days_supply,
        ),
        Record::Procedure(p) => ("procedure", p.kind.id().to_owned(), p.date, None),
        Record::Progression(d) => ("progression", String::new(), d, None),
        Record::Diagnosis(d) => ("diagnosis", String::new(), d, None),
    }
}
