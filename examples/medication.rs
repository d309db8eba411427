//! Read medication lines as records write them: `cargo run --example medication < orders.txt`.
//!
//! Reads one medication line per line of standard input and writes TSV with the columns `input`,
//! `drug`, `strength`, `unit`, `route`, `form` and `frequency` (a header row first), one row per
//! input line, in order:
//!
//! - `drug`: the drug's id (`lenalidomide`), empty when the line names no catalogue drug; the error,
//!   with its suggestions, goes to standard error with the line number;
//! - `strength` and `unit`: the line's drug's dose (`25`, `mg`); the parts of a step-up dose joined
//!   by `/` (`20/56`, `mg/m2`), and by `;` in both columns when their units differ
//!   (`10;0.4`, `mg;mg/kg`); a co-formulation's other ingredients are left out;
//! - `route`: the route id, written or implied by the form (`oral`);
//! - `form`: the dose form (`capsule`, `injectable solution`);
//! - `frequency`: how often, on which days and in what cycle (`daily`,
//!   `weekly; days 1,8,15,22; 28-day cycle`).
//!
//! A field is empty when the line does not say, or says it twice differently (each conflict is
//! reported on standard error). Invalid UTF-8 is decoded lossily and reported. Tabs in the input are
//! written as spaces so that each row stays one row. A closed pipe ends the program quietly.

use std::fmt::Write as _;
use std::io::{self, BufRead, BufWriter, Write};
use std::process::ExitCode;

use myeloma::{Conflict, Ingredient, Medication, MedicationError, Part};

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) if error.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("medication: {error}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> io::Result<()> {
    let stdin = io::stdin();
    let mut input = stdin.lock();
    let mut out = BufWriter::new(io::stdout().lock());
    writeln!(out, "input\tdrug\tstrength\tunit\troute\tform\tfrequency")?;
    let mut bytes = Vec::new();
    let mut number = 0;
    loop {
        bytes.clear();
        if input.read_until(b'\n', &mut bytes)? == 0 {
            break;
        }
        number += 1;
        let line = String::from_utf8_lossy(&bytes);
        if let std::borrow::Cow::Owned(_) = line {
            eprintln!("line {number}: not valid UTF-8; read with replacement characters");
        }
        let line = line.trim_end_matches(['\n', '\r']);
        writeln!(out, "{}", row(number, line))?;
    }
    out.flush()
}

/// One TSV row, reporting errors and conflicts on standard error.
fn row(number: usize, line: &str) -> String {
    let clean = line.replace('\t', " ");
    let medication = match Medication::parse(line) {
        Ok(medication) => medication,
        Err(error) => {
            match error {
                MedicationError::NoDrugName if line.trim().is_empty() => {}
                error => eprintln!("line {number}: {error}"),
            }
            return format!("{clean}\t\t\t\t\t\t");
        }
    };
    for conflict in medication.conflicts() {
        eprintln!("line {number}: {}", describe(line, conflict));
    }
    let (strength, unit) = dose(&medication);
    let route = medication.route().map_or("", |r| r.route.id());
    let form = medication.form().map_or("", |f| f.id());
    let mut frequency = medication
        .frequency()
        .map_or(String::new(), |f| f.to_string());
    if let Some(days) = medication.days() {
        if !frequency.is_empty() {
            frequency.push_str("; ");
        }
        let _ = write!(frequency, "{days}");
    }
    if let Some(cycle) = medication.cycle_days() {
        if !frequency.is_empty() {
            frequency.push_str("; ");
        }
        let _ = write!(frequency, "{cycle}-day cycle");
    }
    format!(
        "{clean}\t{}\t{strength}\t{unit}\t{route}\t{form}\t{frequency}",
        medication.drug().id()
    )
}

/// The strength and unit columns: the parts of the line's drug's dose.
fn dose(medication: &Medication<'_>) -> (String, String) {
    let parts: Vec<_> = medication
        .doses()
        .iter()
        .filter(|d| d.ingredient == Ingredient::LineDrug)
        .collect();
    let Some(first) = parts.first() else {
        return (String::new(), String::new());
    };
    let amounts: Vec<String> = parts
        .iter()
        .map(|d| d.strength.amount.to_string())
        .collect();
    if parts.iter().all(|d| d.strength.unit == first.strength.unit) {
        (amounts.join("/"), first.strength.unit.to_string())
    } else {
        let units: Vec<&str> = parts.iter().map(|d| d.strength.unit.id()).collect();
        (amounts.join(";"), units.join(";"))
    }
}

fn describe(line: &str, conflict: Conflict) -> String {
    let part = match conflict.part {
        Part::Drug => "drug",
        Part::Strength => "strength",
        Part::Route => "route",
        Part::Form => "form",
        Part::Frequency => "frequency",
        Part::Days => "days",
        Part::Cycle => "cycle",
        _ => "part",
    };
    let outcome = if conflict.part == Part::Drug {
        "the first is kept"
    } else {
        "left empty"
    };
    format!(
        "conflicting {part}: `{}` and `{}`; {outcome}",
        conflict.first.of(line),
        conflict.second.of(line)
    )
}
