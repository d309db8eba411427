//! Medication lines: every unit, route, form and schedule spelling, every failure mode, a table of
//! realistic lines with their parse written by hand from reading each line, property tests (no input
//! panics; the segments make up the line), and a snapshot of the `medication` example.
//!
//! The catalogue grows in parallel (more drugs, brands such as "Darzalex Faspro" as names), so no
//! test here depends on a word staying unknown unless that word is not a drug.

use std::io::Write as _;
use std::path::PathBuf;
use std::process::{Command, Stdio};

use myeloma::{
    Amount, Days, DoseForm, Dosing, Drug, Frequency, Ingredient, Medication, MedicationError, Part,
    Route, RouteSource, SegmentKind, Strength, Therapy, Unit,
};
use proptest::prelude::*;

fn parse(line: &str) -> Medication<'_> {
    match Medication::parse(line) {
        Ok(m) => m,
        Err(e) => panic!("{line:?}: {e}"),
    }
}

fn strength(amount: &str, unit: Unit) -> Strength {
    Strength {
        amount: Amount::parse(amount).expect("a test amount"),
        unit,
    }
}

fn days(list: &[u8]) -> Days {
    list.iter().fold(Days::EMPTY, |d, day| d.with(*day))
}

// ---------------------------------------------------------------------------------------------
// Units

#[test]
fn every_unit_spelling() {
    let cases: &[(&str, &str, Unit)] = &[
        ("25 mg", "25", Unit::Mg),
        ("25 MG", "25", Unit::Mg),
        ("25mg", "25", Unit::Mg),
        ("2.5mg", "2.5", Unit::Mg),
        ("25 milligrams", "25", Unit::Mg),
        ("25 milligram", "25", Unit::Mg),
        ("25 mgs", "25", Unit::Mg),
        ("500 mcg", "500", Unit::Mcg),
        ("500 µg", "500", Unit::Mcg),
        ("500 μg", "500", Unit::Mcg),
        ("500 microgram", "500", Unit::Mcg),
        ("500 ug", "500", Unit::Mcg),
        ("500 micrograms", "500", Unit::Mcg),
        ("1 g", "1", Unit::G),
        ("1 gm", "1", Unit::G),
        ("1 gram", "1", Unit::G),
        ("1 grams", "1", Unit::G),
        ("1.3 mg/m2", "1.3", Unit::MgPerM2),
        ("1.3 mg/m²", "1.3", Unit::MgPerM2),
        ("1.3 mg/m^2", "1.3", Unit::MgPerM2),
        ("1.3 MG/M2", "1.3", Unit::MgPerM2),
        ("1.3mg/m2", "1.3", Unit::MgPerM2),
        ("16 mg/kg", "16", Unit::MgPerKg),
        ("16 MG/KG", "16", Unit::MgPerKg),
        ("5000 units", "5000", Unit::Units),
        ("5000 unit", "5000", Unit::Units),
        ("5000 UNT", "5000", Unit::Units),
        ("5000 U", "5000", Unit::Units),
        ("5000 IU", "5000", Unit::Units),
        ("5,000 units", "5000", Unit::Units),
        ("15 mL", "15", Unit::Ml),
        ("15 ml", "15", Unit::Ml),
        ("15 ML", "15", Unit::Ml),
        ("15 cc", "15", Unit::Ml),
        ("15 milliliters", "15", Unit::Ml),
        ("15 millilitres", "15", Unit::Ml),
        ("4 mg/mL", "4", Unit::MgPerMl),
        ("4 MG/ML", "4", Unit::MgPerMl),
        ("1000 units/mL", "1000", Unit::UnitsPerMl),
        ("1000 UNT/ML", "1000", Unit::UnitsPerMl),
        ("1000 U/mL", "1000", Unit::UnitsPerMl),
        ("1,800 mg", "1800", Unit::Mg),
        ("30,000 UNT", "30000", Unit::Units),
    ];
    for (written, amount, unit) in cases {
        let line = format!("dexamethasone {written}");
        let m = parse(&line);
        assert_eq!(m.strength(), Some(strength(amount, *unit)), "{line}");
        assert_eq!(m.dosing(), Some(Dosing::Single), "{line}");
        assert_eq!(
            m.unparsed().count(),
            0,
            "{line}: {:?}",
            m.unparsed().collect::<Vec<_>>()
        );
    }
}

#[test]
fn amounts_display_without_trailing_zeros() {
    for (thousandths, text) in [
        (25_000, "25"),
        (1_300, "1.3"),
        (60, "0.06"),
        (5, "0.005"),
        (0, "0"),
    ] {
        assert_eq!(Amount::from_thousandths(thousandths).to_string(), text);
    }
}

#[test]
fn units_write_as_the_tsv_writes_them() {
    let written: Vec<&str> = Unit::ALL.iter().map(|u| u.id()).collect();
    assert_eq!(
        written,
        ["mg", "mcg", "g", "mg/m2", "mg/kg", "units", "mL", "mg/mL", "units/mL"]
    );
}

#[test]
fn numbers_that_are_not_strengths_stay_unparsed() {
    // A decimal comma, a list, too fine a fraction, a unit with a rate it does not know, a number
    // without a unit: none is read, and all of it is kept.
    for (line, kept) in [
        ("dexamethasone 2,5 mg", "2,5 mg"),
        ("dexamethasone 0.0005 mg", "0.0005 mg"),
        ("dexamethasone 10 mcg/kg", "10 mcg/kg"),
        ("dexamethasone 10 mg/dose", "10 mg/dose"),
        ("dexamethasone 40", "40"),
        (
            "dexamethasone 99999999999999999999 mg",
            "99999999999999999999 mg",
        ),
    ] {
        let m = parse(line);
        assert_eq!(m.doses(), [], "{line}");
        assert_eq!(m.unparsed().collect::<Vec<_>>(), [kept], "{line}");
    }
}

#[test]
fn a_volume_after_a_strength_is_read_apart() {
    let line = "daratumumab 1,800 mg/15 mL SC";
    let m = parse(line);
    assert_eq!(m.strength(), Some(strength("1800", Unit::Mg)));
    assert_eq!(m.volume_ml(), Amount::parse("15"));
    assert_eq!(m.unparsed().count(), 0);
    let volume = m
        .segments()
        .iter()
        .find(|s| s.kind == SegmentKind::Volume)
        .unwrap();
    assert_eq!(volume.span.of(line), "15 mL");
    assert_eq!(m.route().map(|r| r.route), Some(Route::Subcutaneous));
    assert_eq!(parse("daratumumab 1,800 mg SC").volume_ml(), None);
}

// ---------------------------------------------------------------------------------------------
// Routes

#[test]
fn every_route_spelling() {
    let cases: &[(&str, Route)] = &[
        ("PO", Route::Oral),
        ("po", Route::Oral),
        ("p.o.", Route::Oral),
        ("P.O.", Route::Oral),
        ("oral", Route::Oral),
        ("Oral", Route::Oral),
        ("orally", Route::Oral),
        ("by mouth", Route::Oral),
        ("per os", Route::Oral),
        ("SC", Route::Subcutaneous),
        ("sc", Route::Subcutaneous),
        ("s.c.", Route::Subcutaneous),
        ("SQ", Route::Subcutaneous),
        ("subq", Route::Subcutaneous),
        ("sub-Q", Route::Subcutaneous),
        ("sub q", Route::Subcutaneous),
        ("subcut", Route::Subcutaneous),
        ("sub-cut", Route::Subcutaneous),
        ("subcutaneous", Route::Subcutaneous),
        ("subcutaneously", Route::Subcutaneous),
        ("IV", Route::Intravenous),
        ("iv", Route::Intravenous),
        ("i.v.", Route::Intravenous),
        ("IV push", Route::Intravenous),
        ("IV-push", Route::Intravenous),
        ("IV bolus", Route::Intravenous),
        ("IV infusion", Route::Intravenous),
        ("IV piggyback", Route::Intravenous),
        ("IVPB", Route::Intravenous),
        ("IVP", Route::Intravenous),
        ("intravenous", Route::Intravenous),
        ("intravenously", Route::Intravenous),
    ];
    for (written, route) in cases {
        let line = format!("dexamethasone 20 mg {written}");
        let m = parse(&line);
        let found = m.route().expect(written);
        assert_eq!(found.route, *route, "{line}");
        assert_eq!(found.source, RouteSource::Written, "{line}");
        assert_eq!(found.span.of(&line), *written, "{line}");
        assert_eq!(m.unparsed().count(), 0, "{line}");
    }
}

#[test]
fn a_route_implied_by_the_form_is_not_written() {
    let line = "dexamethasone 4 mg tablet";
    let route = parse(line).route().unwrap();
    assert_eq!(route.route, Route::Oral);
    assert_eq!(route.source, RouteSource::ImpliedByForm);
    assert_eq!(route.span.of(line), "tablet");
    // Written and implied agree: written wins, and it is what the span shows.
    let line = "dexamethasone 4 mg tablet PO";
    let route = parse(line).route().unwrap();
    assert_eq!(
        (route.source, route.span.of(line)),
        (RouteSource::Written, "PO")
    );
    // An injection implies no route.
    assert_eq!(parse("bortezomib 3.5 mg injection").route(), None);
}

// ---------------------------------------------------------------------------------------------
// Dose forms

#[test]
fn every_form_spelling() {
    let cases: &[(&str, DoseForm)] = &[
        ("cap", DoseForm::Capsule),
        ("caps", DoseForm::Capsule),
        ("capsule", DoseForm::Capsule),
        ("Capsule", DoseForm::Capsule),
        ("capsules", DoseForm::Capsule),
        ("TAB", DoseForm::Tablet),
        ("tab", DoseForm::Tablet),
        ("tabs", DoseForm::Tablet),
        ("tablet", DoseForm::Tablet),
        ("Tablet", DoseForm::Tablet),
        ("tablets", DoseForm::Tablet),
        ("soln", DoseForm::Solution),
        ("solution", DoseForm::Solution),
        ("susp", DoseForm::Suspension),
        ("suspension", DoseForm::Suspension),
        ("inj", DoseForm::Injection),
        ("Injection", DoseForm::Injection),
        ("Injectable Solution", DoseForm::InjectableSolution),
        ("solution for injection", DoseForm::InjectableSolution),
        ("powder for solution", DoseForm::PowderForSolution),
        ("powder for injection", DoseForm::PowderForSolution),
        ("lyophilized powder", DoseForm::PowderForSolution),
        (
            "injection, powder, lyophilized, for solution",
            DoseForm::PowderForSolution,
        ),
        (
            "injection, powder, for solution",
            DoseForm::PowderForSolution,
        ),
        ("Prefilled Syringe", DoseForm::PrefilledSyringe),
        ("pre-filled syringe", DoseForm::PrefilledSyringe),
        ("pre filled syringe", DoseForm::PrefilledSyringe),
    ];
    for (written, form) in cases {
        let line = format!("dexamethasone 4 MG {written}");
        let m = parse(&line);
        assert_eq!(m.form(), Some(*form), "{line}");
        assert_eq!(m.form_span().map(|s| s.of(&line)), Some(*written), "{line}");
        assert_eq!(m.unparsed().count(), 0, "{line}");
        assert_eq!(m.route().map(|r| r.route), form.implied_route(), "{line}");
    }
}

#[test]
fn rxnorm_oral_forms_are_a_written_route_and_a_form() {
    for (line, form) in [
        ("lenalidomide 10 MG Oral Capsule", DoseForm::Capsule),
        ("acetylsalicylic acid 81 MG Oral Tablet", DoseForm::Tablet),
        ("dexamethasone 1 MG/ML Oral Solution", DoseForm::Solution),
    ] {
        let m = parse(line);
        assert_eq!(m.form(), Some(form), "{line}");
        let route = m.route().unwrap();
        assert_eq!(
            (route.route, route.source),
            (Route::Oral, RouteSource::Written)
        );
        assert_eq!(route.span.of(line), "Oral");
    }
}

// ---------------------------------------------------------------------------------------------
// Schedules

#[test]
fn every_frequency_spelling() {
    let cases: &[(&str, Frequency)] = &[
        ("daily", Frequency::Daily),
        ("DAILY", Frequency::Daily),
        ("once daily", Frequency::Daily),
        ("once-daily", Frequency::Daily),
        ("once a day", Frequency::Daily),
        ("every day", Frequency::Daily),
        ("each day", Frequency::Daily),
        ("qday", Frequency::Daily),
        ("QAM", Frequency::Daily),
        ("qpm", Frequency::Daily),
        ("QD", Frequency::Daily),
        ("q.d.", Frequency::Daily),
        ("OD", Frequency::Daily),
        ("q24h", Frequency::Daily),
        ("QHS", Frequency::Daily),
        ("at bedtime", Frequency::Daily),
        ("nightly", Frequency::Daily),
        ("BID", Frequency::TwiceDaily),
        ("b.i.d.", Frequency::TwiceDaily),
        ("twice daily", Frequency::TwiceDaily),
        ("twice a day", Frequency::TwiceDaily),
        ("q12h", Frequency::TwiceDaily),
        ("TID", Frequency::ThreeTimesDaily),
        ("three times a day", Frequency::ThreeTimesDaily),
        ("q8h", Frequency::ThreeTimesDaily),
        ("three times daily", Frequency::ThreeTimesDaily),
        ("four times daily", Frequency::FourTimesDaily),
        ("four times a day", Frequency::FourTimesDaily),
        ("q6h", Frequency::FourTimesDaily),
        ("QID", Frequency::FourTimesDaily),
        ("weekly", Frequency::Weekly),
        ("once weekly", Frequency::Weekly),
        ("once a week", Frequency::Weekly),
        ("every week", Frequency::Weekly),
        ("QW", Frequency::Weekly),
        ("qwk", Frequency::Weekly),
        ("qweek", Frequency::Weekly),
        ("each week", Frequency::Weekly),
        ("q1w", Frequency::Weekly),
        ("q7d", Frequency::Weekly),
        ("twice weekly", Frequency::TwiceWeekly),
        ("twice a week", Frequency::TwiceWeekly),
        ("QOD", Frequency::EveryDays(2)),
        ("every other day", Frequency::EveryDays(2)),
        ("every other week", Frequency::EveryDays(14)),
        ("q2w", Frequency::EveryDays(14)),
        ("q4w", Frequency::EveryDays(28)),
        ("q28d", Frequency::EveryDays(28)),
        ("Q21D", Frequency::EveryDays(21)),
        ("every 28 days", Frequency::EveryDays(28)),
        ("every 4 weeks", Frequency::EveryDays(28)),
        ("every 2 weeks", Frequency::EveryDays(14)),
    ];
    for (written, frequency) in cases {
        let line = format!("dexamethasone 20 mg {written}");
        let m = parse(&line);
        assert_eq!(m.frequency(), Some(*frequency), "{line}");
        assert_eq!(
            m.unparsed().count(),
            0,
            "{line}: {:?}",
            m.unparsed().collect::<Vec<_>>()
        );
    }
}

#[test]
fn biweekly_is_ambiguous_and_not_read() {
    let m = parse("dexamethasone 20 mg biweekly");
    assert_eq!(m.frequency(), None);
    assert_eq!(m.unparsed().collect::<Vec<_>>(), ["biweekly"]);
}

#[test]
fn every_day_list_spelling() {
    let cases: &[(&str, &[u8])] = &[
        (
            "days 1-21",
            &[
                1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21,
            ],
        ),
        ("days 1–4", &[1, 2, 3, 4]),
        ("days 1 to 4", &[1, 2, 3, 4]),
        ("days 1 through 4", &[1, 2, 3, 4]),
        ("days 1 thru 4", &[1, 2, 3, 4]),
        ("days 1,8,15", &[1, 8, 15]),
        ("days 1,8,15,22", &[1, 8, 15, 22]),
        ("days 1, 8, 15", &[1, 8, 15]),
        ("days 1, 8, 15 and 22", &[1, 8, 15, 22]),
        ("on days 1, 8, 15", &[1, 8, 15]),
        (
            "Days 1-4, 9-12, 17-20",
            &[1, 2, 3, 4, 9, 10, 11, 12, 17, 18, 19, 20],
        ),
        ("day 1", &[1]),
        ("D1-4", &[1, 2, 3, 4]),
        ("d1,8,15", &[1, 8, 15]),
        ("D1, D8", &[1, 8]),
        ("D1-D4", &[1, 2, 3, 4]),
        ("on D1, 4, 8, 11", &[1, 4, 8, 11]),
    ];
    for (written, expected) in cases {
        let line = format!("dexamethasone 20 mg {written}");
        let m = parse(&line);
        assert_eq!(m.days(), Some(days(expected)), "{line}");
    }
}

#[test]
fn days_out_of_range_are_not_read() {
    for line in [
        "dexamethasone 20 mg days 0-3",
        "dexamethasone 20 mg days 1,80",
        "dexamethasone 20 mg days 5-2",
    ] {
        let m = parse(line);
        assert_eq!(m.days(), None, "{line}");
        assert!(m.unparsed().count() > 0, "{line}");
    }
}

#[test]
fn cycles() {
    for (line, frequency, cycle) in [
        (
            "lenalidomide 25 mg daily days 1-21 q28d",
            Some(Frequency::Daily),
            Some(28),
        ),
        (
            "lenalidomide 25 mg days 1-21 of a 28-day cycle",
            None,
            Some(28),
        ),
        (
            "lenalidomide 25 mg daily 21 day cycles",
            Some(Frequency::Daily),
            Some(21),
        ),
        (
            "daratumumab 1800 mg SC q4w",
            Some(Frequency::EveryDays(28)),
            None,
        ),
        (
            "lenalidomide 25 mg q 28 days",
            Some(Frequency::EveryDays(28)),
            None,
        ),
    ] {
        let m = parse(line);
        assert_eq!(
            (m.frequency(), m.cycle_days()),
            (frequency, cycle),
            "{line}"
        );
    }
    // Weekly, then every two weeks: two frequencies, not a frequency in a cycle.
    let line = "daratumumab 16 mg/kg IV q1w x8 then q2w";
    let m = parse(line);
    assert_eq!((m.frequency(), m.cycle_days()), (None, None));
    let c = m.conflicts().next().unwrap();
    assert_eq!(
        (c.part, c.first.of(line), c.second.of(line)),
        (Part::Frequency, "q1w", "q2w")
    );
}

// ---------------------------------------------------------------------------------------------
// Drugs, brands, multi-part doses

#[test]
fn names_of_several_words_and_hyphens() {
    assert_eq!(
        parse("acetylsalicylic acid 81 mg").drug(),
        Drug::AcetylsalicylicAcid
    );
    assert_eq!(parse("VP-16 100 mg/m2 IV").drug(), Drug::Etoposide);
    assert_eq!(parse("Take Revlimid 25 mg").drug(), Drug::Lenalidomide);
    // A code name with a number, then a strength.
    let m = parse("JM 3100 24 mg SC");
    assert_eq!(m.drug(), Drug::Plerixafor);
    assert_eq!(m.strength(), Some(strength("24", Unit::Mg)));
    // A number that is not part of the name stays a number.
    let m = parse("Revlimid 25 PO");
    assert_eq!(m.drug_span().of("Revlimid 25 PO"), "Revlimid");
    assert_eq!(m.unparsed().collect::<Vec<_>>(), ["25"]);
    let line = "Darzalex SC 1800 mg";
    let m = parse(line);
    assert_eq!(m.drug(), Drug::Daratumumab);
    assert_eq!(m.route().map(|r| r.route), Some(Route::Subcutaneous));
}

/// A one-word name is looked up by the key the lexer folded, not through `Drug::from_name`: every
/// such name of every drug, as written, in lower and in upper case, names the drug `from_name` does.
#[test]
fn one_word_names_name_what_from_name_does() {
    let mut checked = 0;
    for drug in Drug::ALL {
        let names = std::iter::once(drug.generic_name())
            .chain(drug.brand_names().iter().copied())
            .chain(drug.aliases().iter().map(|a| a.name));
        for name in names.filter(|n| n.bytes().all(|b| b.is_ascii_alphabetic())) {
            for written in [name.to_string(), name.to_lowercase(), name.to_uppercase()] {
                let Some(expected) = Drug::from_name(&written) else {
                    continue; // an ambiguous short form
                };
                let line = format!("{written} 10 mg");
                let parsed = Medication::parse(&line).map(|m| m.drug());
                assert_eq!(parsed, Ok(expected), "{line}");
                checked += 1;
            }
        }
    }
    assert!(checked > 300, "only {checked} names checked");
}

#[test]
fn a_bracketed_brand_agrees_or_conflicts() {
    let line = "lenalidomide 10 MG Oral Capsule [Revlimid]";
    let m = parse(line);
    assert_eq!(m.brand().map(|s| s.of(line)), Some("[Revlimid]"));
    assert_eq!(m.conflicts().count(), 0);

    let line = "bortezomib 3.5 mg (Velcade)";
    assert_eq!(parse(line).brand().map(|s| s.of(line)), Some("(Velcade)"));

    let line = "lenalidomide 10 MG Oral Capsule [Velcade]";
    let m = parse(line);
    assert_eq!(m.drug(), Drug::Lenalidomide);
    assert_eq!(m.brand(), None);
    let conflict = m.conflicts().next().unwrap();
    assert_eq!(conflict.part, Part::Drug);
    assert_eq!(
        (conflict.first.of(line), conflict.second.of(line)),
        ("lenalidomide", "[Velcade]")
    );

    // Brackets around something that is not a drug are text like any other.
    let line = "lenalidomide 10 mg [home supply]";
    assert_eq!(
        parse(line).unparsed().collect::<Vec<_>>(),
        ["[home supply]"]
    );
}

#[test]
fn two_drugs_in_a_line_conflict() {
    let line = "lenalidomide bortezomib 25 mg";
    let m = parse(line);
    assert_eq!(m.drug(), Drug::Lenalidomide);
    let c = m.conflicts().next().unwrap();
    assert_eq!((c.part, c.second.of(line)), (Part::Drug, "bortezomib"));
}

#[test]
fn step_up_doses() {
    let m = parse("carfilzomib 20/56 mg/m2 IV");
    assert_eq!(m.dosing(), Some(Dosing::StepUp));
    let parts: Vec<Strength> = m.doses().iter().map(|d| d.strength).collect();
    assert_eq!(
        parts,
        [strength("20", Unit::MgPerM2), strength("56", Unit::MgPerM2)]
    );
    assert_eq!(m.strength(), None);

    for line in [
        "talquetamab 0.06 mg/kg then 0.4 mg/kg SC",
        "talquetamab 0.06 mg/kg followed by 0.4 mg/kg SC",
        "talquetamab 0.06 mg/kg -> 0.4 mg/kg SC",
        "talquetamab 0.06 mg/kg → 0.4 mg/kg SC",
    ] {
        let m = parse(line);
        assert_eq!(m.dosing(), Some(Dosing::StepUp), "{line}");
        let parts: Vec<Strength> = m.doses().iter().map(|d| d.strength).collect();
        assert_eq!(
            parts,
            [
                strength("0.06", Unit::MgPerKg),
                strength("0.4", Unit::MgPerKg)
            ],
            "{line}"
        );
        assert_eq!(m.unparsed().count(), 0, "{line}");
    }

    // Past four parts, the fifth is a second dose: a conflict, not dropped.
    let m = parse(
        "talquetamab 0.01 mg/kg then 0.02 mg/kg then 0.03 mg/kg then 0.04 mg/kg then 0.05 mg/kg SC",
    );
    assert_eq!(m.doses(), []);
    assert_eq!(m.conflicts().next().map(|c| c.part), Some(Part::Strength));
    assert_round_trip(&m);
    let m = parse("dexamethasone 10/20/30/40/50 mg");
    assert_eq!(m.doses(), []);
    assert_eq!(m.unparsed().collect::<Vec<_>>(), ["10/20/30/40/50 mg"]);

    let m = parse("talquetamab 0.01 mg/kg then 0.06 mg/kg then 0.4 mg/kg SC weekly");
    assert_eq!(m.doses().len(), 3);
    assert_eq!(m.frequency(), Some(Frequency::Weekly));
}

#[test]
fn co_formulations() {
    let line = "daratumumab 1800 MG / hyaluronidase-fihj 30000 UNT";
    let m = parse(line);
    assert_eq!(m.drug(), Drug::Daratumumab);
    assert_eq!(m.dosing(), Some(Dosing::CoFormulation));
    let [dara, hyaluronidase] = m.doses() else {
        panic!("{:?}", m.doses())
    };
    assert_eq!(
        (dara.strength, dara.ingredient),
        (strength("1800", Unit::Mg), Ingredient::LineDrug)
    );
    assert_eq!(hyaluronidase.strength, strength("30000", Unit::Units));
    let Ingredient::Named(name) = hyaluronidase.ingredient else {
        panic!()
    };
    assert_eq!(name.of(line), "hyaluronidase-fihj");
    assert_eq!(m.unparsed().count(), 0);

    let m = parse("daratumumab 1800 mg/30,000 units SC");
    assert_eq!(m.dosing(), Some(Dosing::CoFormulation));
    assert_eq!(m.doses()[1].ingredient, Ingredient::Unnamed);
    assert_eq!(m.doses()[1].strength, strength("30000", Unit::Units));

    // The label's "1,800 mg-30,000 units/15 mL": two ingredients, then a volume, kept unread.
    let line = "DARZALEX FASPRO 1,800 mg-30,000 units/15 mL SC";
    let m = parse(line);
    assert_eq!(m.drug(), Drug::Daratumumab);
    assert_eq!(m.dosing(), Some(Dosing::CoFormulation));
    let parts: Vec<(Strength, Ingredient)> = m
        .doses()
        .iter()
        .map(|d| (d.strength, d.ingredient))
        .collect();
    assert_eq!(
        parts,
        [
            (strength("1800", Unit::Mg), Ingredient::LineDrug),
            (strength("30000", Unit::Units), Ingredient::Unnamed)
        ]
    );
    assert_eq!(m.volume_ml(), Amount::parse("15"));
    assert_eq!(m.unparsed().count(), 0);
    // A hyphen between strengths of one unit is a range: not read as two parts, and a conflict.
    // A range, and Epic's product strength "1,800-30,000 mg-unit/15 mL", are not read; the dose
    // after them is.
    let m = parse("dexamethasone 20-40 mg PO");
    assert_eq!(
        (m.doses(), m.unparsed().collect::<Vec<_>>()),
        (&[][..], vec!["20-40 mg"])
    );
    let line = "daratumumab-hyaluronidase-fihj (DARZALEX FASPRO) 1,800-30,000 mg-unit/15 mL injection 1,800 mg";
    let m = parse(line);
    assert_eq!(m.drug(), Drug::Daratumumab);
    assert_eq!(m.strength(), Some(strength("1800", Unit::Mg)));
    assert_eq!(m.form(), Some(DoseForm::Injection));
    assert_eq!(m.conflicts().count(), 0);
    assert!(m
        .unparsed()
        .any(|u| u.contains("1,800-30,000 mg-unit/15 mL")));
    let m = parse("dexamethasone 20 mg-40 mg PO");
    assert_eq!(m.doses(), []);
    assert_eq!(m.conflicts().next().map(|c| c.part), Some(Part::Strength));

    // RxNorm's concentrations.
    let m = parse("daratumumab 120 MG/ML / hyaluronidase-fihj 2000 UNT/ML Injectable Solution");
    assert_eq!(m.doses()[0].strength, strength("120", Unit::MgPerMl));
    assert_eq!(m.doses()[1].strength, strength("2000", Unit::UnitsPerMl));
    assert_eq!(m.form(), Some(DoseForm::InjectableSolution));
}

// ---------------------------------------------------------------------------------------------
// Failure modes and conflicts

#[test]
fn an_unknown_drug_is_an_error_with_suggestions() {
    let error = Medication::parse("bortezimib 1.3 mg/m2 SC days 1,8,15,22").unwrap_err();
    let MedicationError::UnknownDrug(unknown) = error else {
        panic!("{error:?}")
    };
    assert_eq!(unknown.unresolved(), "bortezimib");
    assert_eq!(unknown.input(), "bortezimib 1.3 mg/m2 SC days 1,8,15,22");
    assert_eq!(
        unknown.suggestions().next().map(Therapy::from),
        Some(Therapy::Drug(Drug::Bortezomib))
    );
    assert_eq!(
        error.to_string(),
        "unknown drug name `bortezimib` in `bortezimib 1.3 mg/m2 SC days 1,8,15,22` (did you mean bortezomib?)"
    );
    assert!(std::error::Error::source(&error).is_some());

    // The words with a suggestion are found among others.
    let MedicationError::UnknownDrug(unknown) =
        Medication::parse("Take lenalidomid 25 mg").unwrap_err()
    else {
        panic!()
    };
    assert_eq!(unknown.unresolved(), "lenalidomid");
    assert_eq!(
        unknown.suggestions().next().map(Therapy::from),
        Some(Therapy::Drug(Drug::Lenalidomide))
    );
}

#[test]
fn a_drug_outside_the_catalogue_is_an_error_without_suggestions() {
    // A word that is no catalogue drug and never will be: a chemical name made up for the test.
    let error = Medication::parse("zyxquorimab 9 mg/m2 PO").unwrap_err();
    let MedicationError::UnknownDrug(unknown) = error else {
        panic!()
    };
    assert_eq!(unknown.unresolved(), "zyxquorimab");
    assert_eq!(unknown.suggestions().next(), None);
}

#[test]
fn a_name_of_several_drugs_is_reported_ambiguous() {
    let line = "LMWH 40 mg SC daily";
    let error = Medication::parse(line).unwrap_err();
    let MedicationError::UnknownDrug(ambiguous) = error else {
        panic!("{error:?}")
    };
    assert!(ambiguous.is_ambiguous());
    assert_eq!((ambiguous.unresolved(), ambiguous.input()), ("LMWH", line));
    let candidates: Vec<Therapy> = ambiguous.suggestions().map(Therapy::from).collect();
    assert_eq!(
        candidates,
        [Drug::Enoxaparin, Drug::Dalteparin, Drug::Tinzaparin].map(Therapy::Drug)
    );
    assert_eq!(
        error.to_string(),
        "ambiguous name `LMWH` in `LMWH 40 mg SC daily` (it may mean enoxaparin or dalteparin or \
         tinzaparin; say which)"
    );
}

#[test]
fn a_regimen_is_not_a_drug() {
    assert!(matches!(
        Medication::parse("VRd 1.3 mg/m2"),
        Err(MedicationError::UnknownDrug(_))
    ));
}

#[test]
fn a_line_without_a_name_is_an_error() {
    for line in [
        "",
        "   ",
        "25 mg PO daily",
        "1,800 mg / 30,000 units",
        "[ ]",
        "SC",
    ] {
        assert_eq!(
            Medication::parse(line),
            Err(MedicationError::NoDrugName),
            "{line:?}"
        );
    }
    assert_eq!(
        MedicationError::NoDrugName.to_string(),
        "no drug name in the medication line"
    );
}

#[test]
fn conflicting_parts_are_reported_and_not_picked() {
    let line = "dexamethasone 20 mg PO IV";
    let m = parse(line);
    assert_eq!(m.route(), None);
    let c = m.conflicts().next().unwrap();
    assert_eq!(
        (c.part, c.first.of(line), c.second.of(line)),
        (Part::Route, "PO", "IV")
    );

    let line = "dexamethasone 4 mg tablet IV";
    let m = parse(line);
    assert_eq!(m.route(), None);
    assert_eq!(m.form(), Some(DoseForm::Tablet));
    let c = m.conflicts().next().unwrap();
    assert_eq!(
        (c.part, c.first.of(line), c.second.of(line)),
        (Part::Route, "IV", "tablet")
    );

    let line = "dexamethasone 4 mg tablet 40 mg weekly";
    let m = parse(line);
    assert_eq!((m.strength(), m.doses(), m.dosing()), (None, &[][..], None));
    let c = m.conflicts().next().unwrap();
    assert_eq!(
        (c.part, c.first.of(line), c.second.of(line)),
        (Part::Strength, "4 mg", "40 mg")
    );

    let m = parse("dexamethasone 4 mg tablet capsule");
    assert_eq!(m.form(), None);
    assert_eq!(m.conflicts().next().map(|c| c.part), Some(Part::Form));

    let m = parse("dexamethasone 4 mg daily weekly");
    assert_eq!(m.frequency(), None);
    assert_eq!(m.conflicts().next().map(|c| c.part), Some(Part::Frequency));

    let m = parse("dexamethasone 4 mg days 1-4 days 9-12");
    assert_eq!(m.days(), None);
    assert_eq!(m.conflicts().next().map(|c| c.part), Some(Part::Days));

    let m = parse("lenalidomide 25 mg q28d q21d");
    assert_eq!((m.frequency(), m.cycle_days()), (None, None));
    assert_eq!(m.conflicts().next().map(|c| c.part), Some(Part::Frequency));

    let m = parse("lenalidomide 25 mg days 1-21 q28d 21-day cycle");
    assert_eq!(m.cycle_days(), None);
    assert_eq!(m.conflicts().next().map(|c| c.part), Some(Part::Cycle));
}

#[test]
fn saying_the_same_twice_is_no_conflict() {
    let m = parse("Revlimid 25 mg capsule PO, take 25 mg by mouth daily");
    assert_eq!(m.conflicts().count(), 0);
    assert_eq!(m.strength(), Some(strength("25", Unit::Mg)));
    assert_eq!(m.route().map(|r| r.route), Some(Route::Oral));
}

#[test]
fn many_conflicts_are_counted() {
    let m = parse("dexamethasone PO IV SC IV SC IV SC");
    assert_eq!(m.conflicts().count(), myeloma::MAX_CONFLICTS);
    assert!(m.more_conflicts());
}

#[test]
fn a_very_long_line_keeps_its_tail() {
    let line = format!("dexamethasone 4 mg PO daily{}", " and more".repeat(50));
    let m = parse(&line);
    assert_eq!(m.strength(), Some(strength("4", Unit::Mg)));
    assert_round_trip(&m);
    let last = m.segments().last().unwrap();
    assert_eq!(
        (last.kind, last.span.range().end),
        (SegmentKind::Unparsed, line.len())
    );
}

// ---------------------------------------------------------------------------------------------
// Realistic lines, each read by hand

/// What a line says, written from reading it.
struct Expected {
    line: &'static str,
    drug: Drug,
    /// Amounts and units of the dose, in order.
    dose: &'static [(&'static str, Unit)],
    dosing: Option<Dosing>,
    route: Option<(Route, RouteSource)>,
    form: Option<DoseForm>,
    frequency: Option<Frequency>,
    days: Option<&'static [u8]>,
    cycle: Option<u16>,
    /// The text left unread; `None` where a future catalogue name may take it.
    unparsed: Option<&'static [&'static str]>,
}

const NONE: Expected = Expected {
    line: "",
    drug: Drug::Dexamethasone,
    dose: &[],
    dosing: None,
    route: None,
    form: None,
    frequency: None,
    days: None,
    cycle: None,
    unparsed: Some(&[]),
};

use Route::{Intravenous as IV, Oral as PO, Subcutaneous as SC};
use RouteSource::{ImpliedByForm as Implied, Written};

const TABLE: &[Expected] = &[
    // Epic-style order strings: generic, brand in parentheses, form, then the dose.
    Expected {
        line: "lenalidomide (REVLIMID) capsule 25 mg",
        drug: Drug::Lenalidomide,
        dose: &[("25", Unit::Mg)],
        dosing: Some(Dosing::Single),
        route: Some((PO, Implied)),
        form: Some(DoseForm::Capsule),
        ..NONE
    },
    Expected {
        line: "bortezomib (VELCADE) injection 2.5 mg",
        drug: Drug::Bortezomib,
        dose: &[("2.5", Unit::Mg)],
        dosing: Some(Dosing::Single),
        form: Some(DoseForm::Injection),
        ..NONE
    },
    Expected {
        line: "pomalidomide (POMALYST) 4 MG capsule Take 1 capsule by mouth daily. Take on days 1-21 of each 28 day cycle.",
        drug: Drug::Pomalidomide,
        dose: &[("4", Unit::Mg)],
        dosing: Some(Dosing::Single),
        route: Some((PO, Written)),
        form: Some(DoseForm::Capsule),
        frequency: Some(Frequency::Daily),
        days: Some(&[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21]),
        cycle: Some(28),
        unparsed: Some(&["Take 1", "Take", "of each"]),
    },
    Expected {
        line: "Revlimid 25 mg PO daily",
        drug: Drug::Lenalidomide,
        dose: &[("25", Unit::Mg)],
        dosing: Some(Dosing::Single),
        route: Some((PO, Written)),
        frequency: Some(Frequency::Daily),
        ..NONE
    },
    Expected {
        line: "bortezomib 1.3 mg/m2 SC days 1,8,15,22",
        drug: Drug::Bortezomib,
        dose: &[("1.3", Unit::MgPerM2)],
        dosing: Some(Dosing::Single),
        route: Some((SC, Written)),
        days: Some(&[1, 8, 15, 22]),
        ..NONE
    },
    Expected {
        line: "DEXAMETHASONE 4 MG TAB",
        drug: Drug::Dexamethasone,
        dose: &[("4", Unit::Mg)],
        dosing: Some(Dosing::Single),
        route: Some((PO, Implied)),
        form: Some(DoseForm::Tablet),
        ..NONE
    },
    Expected {
        line: "lenalidomide 10 MG Oral Capsule [Revlimid]",
        drug: Drug::Lenalidomide,
        dose: &[("10", Unit::Mg)],
        dosing: Some(Dosing::Single),
        route: Some((PO, Written)),
        form: Some(DoseForm::Capsule),
        ..NONE
    },
    Expected {
        line: "Darzalex Faspro 1800 mg SC",
        drug: Drug::Daratumumab,
        dose: &[("1800", Unit::Mg)],
        dosing: Some(Dosing::Single),
        route: Some((SC, Written)),
        unparsed: None,
        ..NONE
    },
    Expected {
        line: "daratumumab 1800 MG / hyaluronidase-fihj 30000 UNT",
        drug: Drug::Daratumumab,
        dose: &[("1800", Unit::Mg), ("30000", Unit::Units)],
        dosing: Some(Dosing::CoFormulation),
        ..NONE
    },
    Expected {
        line: "carfilzomib 20/56 mg/m2 IV",
        drug: Drug::Carfilzomib,
        dose: &[("20", Unit::MgPerM2), ("56", Unit::MgPerM2)],
        dosing: Some(Dosing::StepUp),
        route: Some((IV, Written)),
        ..NONE
    },
    Expected {
        line: "talquetamab 0.06 mg/kg then 0.4 mg/kg SC",
        drug: Drug::Talquetamab,
        dose: &[("0.06", Unit::MgPerKg), ("0.4", Unit::MgPerKg)],
        dosing: Some(Dosing::StepUp),
        route: Some((SC, Written)),
        ..NONE
    },
    Expected {
        line: "Velcade 1.3 mg/m² subcutaneous twice weekly",
        drug: Drug::Bortezomib,
        dose: &[("1.3", Unit::MgPerM2)],
        dosing: Some(Dosing::Single),
        route: Some((SC, Written)),
        frequency: Some(Frequency::TwiceWeekly),
        ..NONE
    },
    Expected {
        line: "pomalidomide 4 mg capsule by mouth daily days 1-21 of 28-day cycle",
        drug: Drug::Pomalidomide,
        dose: &[("4", Unit::Mg)],
        dosing: Some(Dosing::Single),
        route: Some((PO, Written)),
        form: Some(DoseForm::Capsule),
        frequency: Some(Frequency::Daily),
        days: Some(&[
            1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21,
        ]),
        cycle: Some(28),
        unparsed: Some(&["of"]),
    },
    Expected {
        line: "dexamethasone 40 mg PO weekly days 1,8,15,22 q28d",
        drug: Drug::Dexamethasone,
        dose: &[("40", Unit::Mg)],
        dosing: Some(Dosing::Single),
        route: Some((PO, Written)),
        frequency: Some(Frequency::Weekly),
        days: Some(&[1, 8, 15, 22]),
        cycle: Some(28),
        ..NONE
    },
    Expected {
        line: "Revlimid 25mg po daily d1-21 q28d",
        drug: Drug::Lenalidomide,
        dose: &[("25", Unit::Mg)],
        dosing: Some(Dosing::Single),
        route: Some((PO, Written)),
        frequency: Some(Frequency::Daily),
        days: Some(&[
            1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21,
        ]),
        cycle: Some(28),
        ..NONE
    },
    Expected {
        line: "Kyprolis 56 mg/m² IV over 30 min days 1, 2, 8, 9, 15, 16",
        drug: Drug::Carfilzomib,
        dose: &[("56", Unit::MgPerM2)],
        dosing: Some(Dosing::Single),
        route: Some((IV, Written)),
        days: Some(&[1, 2, 8, 9, 15, 16]),
        unparsed: Some(&["over 30 min"]),
        ..NONE
    },
    Expected {
        line: "bortezomib 3.5 MG Injection",
        drug: Drug::Bortezomib,
        dose: &[("3.5", Unit::Mg)],
        dosing: Some(Dosing::Single),
        form: Some(DoseForm::Injection),
        ..NONE
    },
    Expected {
        line: "Velcade 3.5 mg injection, powder, lyophilized, for solution",
        drug: Drug::Bortezomib,
        dose: &[("3.5", Unit::Mg)],
        dosing: Some(Dosing::Single),
        form: Some(DoseForm::PowderForSolution),
        ..NONE
    },
    Expected {
        line: "DARZALEX 1,800 mg/15 mL SC",
        drug: Drug::Daratumumab,
        dose: &[("1800", Unit::Mg)],
        dosing: Some(Dosing::Single),
        route: Some((SC, Written)),
        unparsed: Some(&[]),
        ..NONE
    },
    Expected {
        line: "isatuximab 10 mg/kg IV weekly",
        drug: Drug::Isatuximab,
        dose: &[("10", Unit::MgPerKg)],
        dosing: Some(Dosing::Single),
        route: Some((IV, Written)),
        frequency: Some(Frequency::Weekly),
        ..NONE
    },
    Expected {
        line: "selinexor 100 mg PO once weekly",
        drug: Drug::Selinexor,
        dose: &[("100", Unit::Mg)],
        dosing: Some(Dosing::Single),
        route: Some((PO, Written)),
        frequency: Some(Frequency::Weekly),
        ..NONE
    },
    Expected {
        line: "Xpovio 80 mg tablet by mouth twice weekly",
        drug: Drug::Selinexor,
        dose: &[("80", Unit::Mg)],
        dosing: Some(Dosing::Single),
        route: Some((PO, Written)),
        form: Some(DoseForm::Tablet),
        frequency: Some(Frequency::TwiceWeekly),
        ..NONE
    },
    Expected {
        line: "ixazomib 4 mg PO days 1, 8, 15 q28d",
        drug: Drug::Ixazomib,
        dose: &[("4", Unit::Mg)],
        dosing: Some(Dosing::Single),
        route: Some((PO, Written)),
        days: Some(&[1, 8, 15]),
        cycle: Some(28),
        ..NONE
    },
    Expected {
        line: "Ninlaro 4 MG Oral Capsule",
        drug: Drug::Ixazomib,
        dose: &[("4", Unit::Mg)],
        dosing: Some(Dosing::Single),
        route: Some((PO, Written)),
        form: Some(DoseForm::Capsule),
        ..NONE
    },
    Expected {
        line: "Pomalyst 4 mg cap daily x21d",
        drug: Drug::Pomalidomide,
        dose: &[("4", Unit::Mg)],
        dosing: Some(Dosing::Single),
        route: Some((PO, Implied)),
        form: Some(DoseForm::Capsule),
        frequency: Some(Frequency::Daily),
        unparsed: Some(&["x21d"]),
        ..NONE
    },
    Expected {
        line: "thalidomide 100 mg PO at bedtime",
        drug: Drug::Thalidomide,
        dose: &[("100", Unit::Mg)],
        dosing: Some(Dosing::Single),
        route: Some((PO, Written)),
        frequency: Some(Frequency::Daily),
        ..NONE
    },
    Expected {
        line: "cyclophosphamide 300 mg/m2 PO weekly",
        drug: Drug::Cyclophosphamide,
        dose: &[("300", Unit::MgPerM2)],
        dosing: Some(Dosing::Single),
        route: Some((PO, Written)),
        frequency: Some(Frequency::Weekly),
        ..NONE
    },
    Expected {
        line: "Aspirin 81 mg tablet once daily",
        drug: Drug::AcetylsalicylicAcid,
        dose: &[("81", Unit::Mg)],
        dosing: Some(Dosing::Single),
        route: Some((PO, Implied)),
        form: Some(DoseForm::Tablet),
        frequency: Some(Frequency::Daily),
        ..NONE
    },
    Expected {
        line: "acetylsalicylic acid 81 MG Oral Tablet",
        drug: Drug::AcetylsalicylicAcid,
        dose: &[("81", Unit::Mg)],
        dosing: Some(Dosing::Single),
        route: Some((PO, Written)),
        form: Some(DoseForm::Tablet),
        ..NONE
    },
    Expected {
        line: "heparin 5,000 units SC q12h",
        drug: Drug::Heparin,
        dose: &[("5000", Unit::Units)],
        dosing: Some(Dosing::Single),
        route: Some((SC, Written)),
        frequency: Some(Frequency::TwiceDaily),
        ..NONE
    },
    Expected {
        line: "warfarin 5 mg PO QD",
        drug: Drug::Warfarin,
        dose: &[("5", Unit::Mg)],
        dosing: Some(Dosing::Single),
        route: Some((PO, Written)),
        frequency: Some(Frequency::Daily),
        ..NONE
    },
    Expected {
        line: "dexamethasone 20 mg IV push",
        drug: Drug::Dexamethasone,
        dose: &[("20", Unit::Mg)],
        dosing: Some(Dosing::Single),
        route: Some((IV, Written)),
        ..NONE
    },
    Expected {
        line: "Darzalex 16 mg/kg IV infusion weekly",
        drug: Drug::Daratumumab,
        dose: &[("16", Unit::MgPerKg)],
        dosing: Some(Dosing::Single),
        route: Some((IV, Written)),
        frequency: Some(Frequency::Weekly),
        ..NONE
    },
    Expected {
        line: "Sarclisa 10 mg/kg IV every 2 weeks",
        drug: Drug::Isatuximab,
        dose: &[("10", Unit::MgPerKg)],
        dosing: Some(Dosing::Single),
        route: Some((IV, Written)),
        frequency: Some(Frequency::EveryDays(14)),
        ..NONE
    },
    Expected {
        line: "lenalidomide 10 mg PO QOD",
        drug: Drug::Lenalidomide,
        dose: &[("10", Unit::Mg)],
        dosing: Some(Dosing::Single),
        route: Some((PO, Written)),
        frequency: Some(Frequency::EveryDays(2)),
        ..NONE
    },
    Expected {
        line: "DEXAMETHASONE 4 MG/ML Injectable Solution",
        drug: Drug::Dexamethasone,
        dose: &[("4", Unit::MgPerMl)],
        dosing: Some(Dosing::Single),
        form: Some(DoseForm::InjectableSolution),
        ..NONE
    },
    Expected {
        line: "heparin sodium 5000 UNT/ML Injectable Solution",
        drug: Drug::Heparin,
        dose: &[("5000", Unit::UnitsPerMl)],
        dosing: Some(Dosing::Single),
        form: Some(DoseForm::InjectableSolution),
        unparsed: None,
        ..NONE
    },
    Expected {
        line: "etoposide 50 mg/m2 IV days 1-4",
        drug: Drug::Etoposide,
        dose: &[("50", Unit::MgPerM2)],
        dosing: Some(Dosing::Single),
        route: Some((IV, Written)),
        days: Some(&[1, 2, 3, 4]),
        ..NONE
    },
    Expected {
        line: "doxorubicin 9 mg/m2 IV D1-4",
        drug: Drug::Doxorubicin,
        dose: &[("9", Unit::MgPerM2)],
        dosing: Some(Dosing::Single),
        route: Some((IV, Written)),
        days: Some(&[1, 2, 3, 4]),
        ..NONE
    },
    Expected {
        line: "cisplatin 10 mg/m2 IV daily x 4 days",
        drug: Drug::Cisplatin,
        dose: &[("10", Unit::MgPerM2)],
        dosing: Some(Dosing::Single),
        route: Some((IV, Written)),
        frequency: Some(Frequency::Daily),
        unparsed: Some(&["x 4 days"]),
        ..NONE
    },
    Expected {
        line: "Revlimid (lenalidomide) 15 mg capsule",
        drug: Drug::Lenalidomide,
        dose: &[("15", Unit::Mg)],
        dosing: Some(Dosing::Single),
        route: Some((PO, Implied)),
        form: Some(DoseForm::Capsule),
        ..NONE
    },
    Expected {
        line: "bortezomib 1.3 mg/m2 subcut weekly",
        drug: Drug::Bortezomib,
        dose: &[("1.3", Unit::MgPerM2)],
        dosing: Some(Dosing::Single),
        route: Some((SC, Written)),
        frequency: Some(Frequency::Weekly),
        ..NONE
    },
    Expected {
        line: "dex 40mg po on days 1, 8, 15 and 22",
        drug: Drug::Dexamethasone,
        dose: &[("40", Unit::Mg)],
        dosing: Some(Dosing::Single),
        route: Some((PO, Written)),
        days: Some(&[1, 8, 15, 22]),
        ..NONE
    },
    Expected {
        line: "Talvey 0.4 mg/kg SQ weekly",
        drug: Drug::Talquetamab,
        dose: &[("0.4", Unit::MgPerKg)],
        dosing: Some(Dosing::Single),
        route: Some((SC, Written)),
        frequency: Some(Frequency::Weekly),
        ..NONE
    },
    Expected {
        line: "carfilzomib 56 mg/m2 IV days 1,2,8,9,15,16 every 28 days",
        drug: Drug::Carfilzomib,
        dose: &[("56", Unit::MgPerM2)],
        dosing: Some(Dosing::Single),
        route: Some((IV, Written)),
        days: Some(&[1, 2, 8, 9, 15, 16]),
        cycle: Some(28),
        ..NONE
    },
    Expected {
        line: "Darzalex SC 1800 mg",
        drug: Drug::Daratumumab,
        dose: &[("1800", Unit::Mg)],
        dosing: Some(Dosing::Single),
        route: Some((SC, Written)),
        ..NONE
    },
    Expected {
        line: "daratumumab and hyaluronidase-fihj 1800 mg/30,000 units SC weekly",
        drug: Drug::Daratumumab,
        dose: &[("1800", Unit::Mg), ("30000", Unit::Units)],
        dosing: Some(Dosing::CoFormulation),
        route: Some((SC, Written)),
        frequency: Some(Frequency::Weekly),
        unparsed: None,
        ..NONE
    },
];

#[test]
fn realistic_lines_read_as_written() {
    assert!(TABLE.len() >= 30);
    for e in TABLE {
        let m = parse(e.line);
        let line = e.line;
        assert_eq!(m.drug(), e.drug, "{line}");
        let dose: Vec<Strength> = m.doses().iter().map(|d| d.strength).collect();
        let expected: Vec<Strength> = e.dose.iter().map(|(a, u)| strength(a, *u)).collect();
        assert_eq!(dose, expected, "{line}");
        assert_eq!(m.dosing(), e.dosing, "{line}");
        assert_eq!(m.route().map(|r| (r.route, r.source)), e.route, "{line}");
        assert_eq!(m.form(), e.form, "{line}");
        assert_eq!(m.frequency(), e.frequency, "{line}");
        assert_eq!(m.days(), e.days.map(days), "{line}");
        assert_eq!(m.cycle_days(), e.cycle, "{line}");
        assert_eq!(
            m.conflicts().count(),
            0,
            "{line}: {:?}",
            m.conflicts().collect::<Vec<_>>()
        );
        if let Some(unparsed) = e.unparsed {
            assert_eq!(m.unparsed().collect::<Vec<_>>(), unparsed, "{line}");
        }
        assert_round_trip(&m);
    }
}

// ---------------------------------------------------------------------------------------------
// Round trip and properties

/// The segments are in order, do not overlap, lie on character boundaries, are not empty, and with
/// the whitespace between them make up the whole line.
fn assert_round_trip(m: &Medication<'_>) {
    let line = m.input();
    let mut at = 0;
    let mut rebuilt = String::new();
    for segment in m.segments() {
        let span = segment.span.range();
        assert!(
            span.start >= at && span.start < span.end,
            "{line:?}: {segment:?} after {at}"
        );
        let gap = line.get(at..span.start).expect("a boundary");
        assert!(
            gap.chars().all(char::is_whitespace),
            "{line:?}: lost {gap:?}"
        );
        rebuilt.push_str(gap);
        rebuilt.push_str(line.get(span.clone()).expect("a boundary"));
        at = span.end;
    }
    let tail = line.get(at..).expect("a boundary");
    assert!(
        tail.chars().all(char::is_whitespace),
        "{line:?}: lost {tail:?}"
    );
    rebuilt.push_str(tail);
    assert_eq!(rebuilt, line);
}

/// Pieces of realistic lines, to build random lines that exercise every reader.
const PIECES: &[&str] = &[
    "Revlimid",
    "lenalidomide",
    "bortezomib",
    "Velcade",
    "dex",
    "acetylsalicylic",
    "acid",
    "VP-16",
    "[Revlimid]",
    "(Velcade)",
    "[",
    "]",
    "(",
    ")",
    "25",
    "1.3",
    "1,800",
    "0.06",
    "20/56",
    "2.5mg",
    "mg",
    "MG",
    "mg/m2",
    "mg/m²",
    "mg/kg",
    "UNT",
    "units/mL",
    "mL",
    "/",
    " / ",
    "then",
    "followed",
    "by",
    "mouth",
    "PO",
    "SC",
    "IV",
    "push",
    "Oral",
    "Capsule",
    "TAB",
    "Injectable",
    "Solution",
    "injection",
    ",",
    "powder",
    "daily",
    "twice",
    "weekly",
    "q28d",
    "days",
    "1-21",
    "1,8,15,22",
    "D1",
    "-",
    "–",
    "→",
    "on",
    "and",
    "28-day",
    "cycle",
    "every",
    "28",
    "other",
    "bortezimib",
    "hyaluronidase-fihj",
    "é",
    "\u{a0}",
    "²",
    "®",
    "µg",
    "\t",
    "x",
    "of",
    "0",
];

fn realistic_line() -> impl Strategy<Value = String> {
    prop::collection::vec((prop::sample::select(PIECES), prop::bool::ANY), 0..24).prop_map(
        |pieces| {
            let mut line = String::new();
            for (piece, space) in pieces {
                line.push_str(piece);
                if space {
                    line.push(' ');
                }
            }
            line
        },
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn no_input_panics_and_every_parse_round_trips(line in any::<String>()) {
        if let Ok(m) = Medication::parse(&line) {
            assert_round_trip(&m);
        }
    }

    #[test]
    fn realistic_lines_round_trip(line in realistic_line()) {
        match Medication::parse(&line) {
            Ok(m) => {
                assert_round_trip(&m);
                prop_assert!(m.doses().len() <= myeloma::MAX_DOSES);
                // The drug is what its text names, and what is read as a strength has a number.
                prop_assert_eq!(Drug::from_name(m.drug_span().of(&line)), Some(m.drug()));
                for segment in m.segments() {
                    if segment.kind == SegmentKind::Strength {
                        prop_assert!(segment.span.of(&line).bytes().any(|b| b.is_ascii_digit()));
                    }
                }
                for dose in m.doses() {
                    prop_assert!(dose.strength.amount.thousandths() > 0 || dose.span.of(&line).contains('0'));
                }
            }
            Err(MedicationError::UnknownDrug(e)) => prop_assert!(!e.unresolved().is_empty()),
            Err(_) => {}
        }
    }
}

// ---------------------------------------------------------------------------------------------
// The example

/// Runs `cargo run --example medication` with `stdin`; returns its stdout and stderr.
fn run_medication(stdin: &[u8]) -> (String, String) {
    let exe = std::env::current_exe().expect("the test knows its own path");
    let target = exe
        .ancestors()
        .nth(3)
        .map(PathBuf::from)
        .expect("<target>/<profile>/deps");
    let mut child = Command::new(env!("CARGO"))
        .args(["run", "--quiet", "--example", "medication", "--target-dir"])
        .arg(target)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("cargo runs");
    child
        .stdin
        .take()
        .expect("piped")
        .write_all(stdin)
        .expect("stdin accepts the input");
    let output = child.wait_with_output().expect("cargo finishes");
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert!(output.status.success(), "the example failed:\n{stderr}");
    (String::from_utf8(output.stdout).expect("UTF-8"), stderr)
}

#[test]
fn example_writes_one_row_per_line() {
    let lines = include_str!("fixtures/medication/lines.txt");
    let (out, err) = run_medication(lines.as_bytes());
    assert_eq!(
        out.lines().count(),
        lines.lines().count() + 1,
        "a header and one row per line"
    );
    for (row, line) in out.lines().skip(1).zip(lines.lines()) {
        assert_eq!(row.split('\t').count(), 7, "{row}");
        assert_eq!(row.split('\t').next(), Some(line));
    }
    insta::assert_snapshot!("medication_tsv", out);
    insta::assert_snapshot!("medication_stderr", err);
}

#[test]
fn example_reports_invalid_utf8_and_goes_on() {
    // A Windows export: CRLF line ends, which are not part of the input column.
    let (out, err) = run_medication(b"Revlimid 25 mg PO daily\r\nVelcade \xff 1.3 mg/m2 SC\r\n");
    let rows: Vec<&str> = out.lines().collect();
    assert_eq!(rows.len(), 3);
    assert_eq!(
        rows[1],
        "Revlimid 25 mg PO daily\tlenalidomide\t25\tmg\toral\t\tdaily"
    );
    assert_eq!(
        rows[2],
        "Velcade \u{fffd} 1.3 mg/m2 SC\tbortezomib\t1.3\tmg/m2\tsubcutaneous\t\t"
    );
    assert!(err.contains("line 2: not valid UTF-8"), "{err}");
}

#[test]
fn example_ends_quietly_when_its_reader_goes() {
    use std::io::{BufRead, BufReader};
    let exe = std::env::current_exe().expect("the test knows its own path");
    let target = exe
        .ancestors()
        .nth(3)
        .map(PathBuf::from)
        .expect("<target>/<profile>/deps");
    let mut child = Command::new(env!("CARGO"))
        .args(["run", "--quiet", "--example", "medication", "--target-dir"])
        .arg(target)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("cargo runs");
    let mut stdin = child.stdin.take().expect("piped");
    let writer = std::thread::spawn(move || {
        // Far more than a pipe holds; the writes fail once the example has gone.
        for _ in 0..200_000 {
            if stdin.write_all(b"Revlimid 25 mg PO daily\n").is_err() {
                break;
            }
        }
    });
    let mut stdout = BufReader::new(child.stdout.take().expect("piped"));
    let mut header = String::new();
    stdout.read_line(&mut header).expect("a header");
    assert!(header.starts_with("input\tdrug"));
    drop(stdout);
    let output = child.wait_with_output().expect("the example ends");
    writer.join().expect("the writer ends");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}
