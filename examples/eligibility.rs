//! Checks a treatment history against the conditions the catalogue states for every regimen and
//! every drug given alone.
//!
//! ```text
//! cargo run --example eligibility -- --prior-lines 2 --exposed lenalidomide,bortezomib \
//!     --refractory lenalidomide [--phase relapsed] [--transplant done] [--progressed]
//! ```
//!
//! - `--prior-lines N`: lines of therapy given so far (default 0);
//! - `--exposed A,B`, `--refractory A,B`: drugs by any name (`len`, `Velcade`...); may be repeated;
//! - `--phase`: newly-diagnosed, after-induction, after-transplant, relapsed or refractory; without
//!   it, newly-diagnosed with no prior lines and relapsed otherwise (the output says so);
//! - `--transplant`: planned, done, not-possible or unknown (the default);
//! - `--progressed`: the disease progressed on the last therapy.
//!
//! Prints one block per regimen, then per drug given alone: whether the stated conditions are met,
//! each unmet one with its source, and the source (and regulator) the rule follows. Exits with 2
//! on a usage error and 1 on a history that contradicts itself.
//!
//! Informational only: the catalogue states conditions from its sources; it does not recommend
//! treatment.

use std::fmt::Write as _;
use std::io::{self, Write as _};
use std::process::ExitCode;

use myeloma::{
    Assessment, Drug, DrugSet, Phase, Regimen, Regulator, Source, TransplantStatus,
    TreatmentHistory,
};

const USAGE: &str =
    "usage: eligibility [--prior-lines N] [--exposed DRUG,...] [--refractory DRUG,...] \
[--phase PHASE] [--transplant planned|done|not-possible|unknown] [--progressed]";

/// The command line, parsed but not yet checked for consistency.
#[derive(Default)]
struct Args {
    prior_lines: Option<u8>,
    exposed: DrugSet,
    refractory: DrugSet,
    phase: Option<Phase>,
    transplant: Option<Option<TransplantStatus>>,
    progressed: bool,
}

fn main() -> ExitCode {
    if std::env::args().any(|a| a == "--help" || a == "-h") {
        println!("{USAGE}");
        return ExitCode::SUCCESS;
    }
    let args = match parse_args(std::env::args().skip(1)) {
        Ok(args) => args,
        Err(message) => {
            eprintln!("error: {message}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let lines = args.prior_lines.unwrap_or(0);
    let (phase, assumed) = match args.phase {
        Some(phase) => (phase, false),
        None if lines == 0 => (Phase::NewlyDiagnosed, true),
        None => (Phase::Relapsed, true),
    };
    let history = TreatmentHistory::builder(phase)
        .prior_lines(lines)
        .exposed(args.exposed)
        .refractory(args.refractory)
        .progressed_on_last(args.progressed)
        .transplant(args.transplant.flatten())
        .build();
    let history = match history {
        Ok(history) => history,
        Err(error) => {
            eprintln!("error: invalid treatment history: {error}");
            return ExitCode::from(1);
        }
    };
    let text = render(&history, assumed);
    if io::stdout().lock().write_all(text.as_bytes()).is_err() {
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}

fn parse_args(mut args: impl Iterator<Item = String>) -> Result<Args, String> {
    let mut parsed = Args::default();
    while let Some(arg) = args.next() {
        let (flag, inline) = match arg.split_once('=') {
            Some((flag, value)) if flag.starts_with("--") => {
                (flag.to_owned(), Some(value.to_owned()))
            }
            _ => (arg, None),
        };
        let mut value = || {
            inline
                .clone()
                .or_else(|| args.next())
                .ok_or_else(|| format!("{flag} needs a value"))
        };
        match flag.as_str() {
            "--prior-lines" => {
                let text = value()?;
                let lines = text.parse().map_err(|_| {
                    format!("--prior-lines: `{text}` is not a number of lines from 0 to 255")
                })?;
                set_once(&mut parsed.prior_lines, lines, &flag)?;
            }
            "--exposed" => parsed.exposed = parsed.exposed | drugs(&value()?, &flag)?,
            "--refractory" => parsed.refractory = parsed.refractory | drugs(&value()?, &flag)?,
            "--phase" => {
                let text = value()?;
                let phase = Phase::ALL
                    .iter()
                    .copied()
                    .find(|p| p.as_str() == text)
                    .ok_or_else(|| {
                        format!(
                            "--phase: unknown phase `{text}` (expected {})",
                            ids(Phase::ALL, Phase::as_str)
                        )
                    })?;
                set_once(&mut parsed.phase, phase, &flag)?;
            }
            "--transplant" => {
                let text = value()?;
                let status = if text == "unknown" {
                    None
                } else {
                    let status = TransplantStatus::ALL
                        .iter()
                        .copied()
                        .find(|s| s.as_str() == text);
                    Some(status.ok_or_else(|| {
                        format!(
                            "--transplant: unknown status `{text}` (expected {} or unknown)",
                            ids(TransplantStatus::ALL, TransplantStatus::as_str)
                        )
                    })?)
                };
                set_once(&mut parsed.transplant, status, &flag)?;
            }
            "--progressed" if inline.is_none() => parsed.progressed = true,
            other => return Err(format!("unknown argument `{other}`")),
        }
    }
    Ok(parsed)
}

fn set_once<T>(slot: &mut Option<T>, value: T, flag: &str) -> Result<(), String> {
    match slot.replace(value) {
        Some(_) => Err(format!("{flag} given twice")),
        None => Ok(()),
    }
}

/// A comma-separated list of drugs, each by any of its names.
fn drugs(list: &str, flag: &str) -> Result<DrugSet, String> {
    list.split(',')
        .map(str::trim)
        .filter(|name| !name.is_empty())
        .map(|name| name.parse::<Drug>().map_err(|e| format!("{flag}: {e}")))
        .collect()
}

fn ids<T: Copy>(all: &[T], id: fn(T) -> &'static str) -> String {
    all.iter().map(|t| id(*t)).collect::<Vec<_>>().join(", ")
}

fn words(id: &str) -> String {
    id.replace('-', " ")
}

fn names(drugs: DrugSet) -> String {
    if drugs.is_empty() {
        return "none recorded".to_owned();
    }
    drugs
        .iter()
        .map(Drug::generic_name)
        .collect::<Vec<_>>()
        .join(", ")
}

fn regulator_name(regulator: Regulator) -> &'static str {
    match regulator {
        Regulator::HealthCanada => "Health Canada",
        Regulator::UsFda => "US FDA",
        Regulator::Ema => "EMA",
        other => other.as_str(),
    }
}

/// `[label-hc-sarclisa, Health Canada]`, or `[page-sine]` for a source with no regulator.
fn cite(source: Source) -> String {
    match source.regulator() {
        Some(regulator) => format!("[{source}, {}]", regulator_name(regulator)),
        None => format!("[{source}]"),
    }
}

fn render(history: &TreatmentHistory, phase_assumed: bool) -> String {
    let mut out = String::new();
    let lines = history.prior_lines();
    let _ = writeln!(out, "Treatment history");
    let _ = write!(out, "  phase: {}", words(history.phase().as_str()));
    if phase_assumed {
        let _ = write!(
            out,
            " (assumed from {lines} prior line{}; set it with --phase)",
            if lines == 1 { "" } else { "s" }
        );
    }
    let _ = writeln!(out);
    let _ = writeln!(out, "  prior lines of therapy: {lines}");
    let _ = writeln!(out, "  exposed to: {}", names(history.exposed()));
    let _ = writeln!(out, "  refractory to: {}", names(history.refractory()));
    let _ = writeln!(
        out,
        "  progression on the last therapy: {}",
        if history.progressed_on_last() {
            "yes"
        } else {
            "not recorded"
        }
    );
    let _ = writeln!(
        out,
        "  transplant: {}",
        history
            .transplant()
            .map_or("status unknown".to_owned(), |t| words(t.as_str()))
    );
    let _ = writeln!(out);
    let _ = writeln!(
        out,
        "The catalogue states the conditions its sources give; it does not recommend treatment."
    );
    for (regimen, assessment) in myeloma::options(history) {
        let _ = writeln!(out);
        block(
            &mut out,
            &format!("{} ({})", regimen.acronym(), components(regimen)),
            &assessment,
        );
    }
    for drug in Drug::ALL {
        if let Some(assessment) = drug.assess(history) {
            let _ = writeln!(out);
            block(
                &mut out,
                &format!("{}, given alone", drug.generic_name()),
                &assessment,
            );
        }
    }
    out
}

fn components(regimen: Regimen) -> String {
    regimen
        .components()
        .iter()
        .map(|c| c.to_string())
        .collect::<Vec<_>>()
        .join(" + ")
}

/// One therapy: its verdict, each unmet condition with its source, and where the rule comes from.
fn block(out: &mut String, title: &str, assessment: &Assessment) {
    let verdict = match assessment.unmet().len() {
        0 => "meets the stated conditions".to_owned(),
        1 => "1 stated condition not met".to_owned(),
        n => format!("{n} stated conditions not met"),
    };
    let _ = writeln!(out, "{title}: {verdict}");
    for unmet in assessment {
        let _ = write!(out, "  - {unmet}");
        if let Some(source) = assessment.source_of(unmet) {
            let _ = write!(out, " {}", cite(source));
        }
        let _ = writeln!(out);
    }
    match assessment.prerequisites() {
        Some(rule) => {
            let _ = writeln!(out, "  rule follows {}", cite(rule.source));
            if let (Some(wording), Some(page)) = (rule.page_wording, rule.page_source) {
                let _ = writeln!(out, "  the page says: \"{wording}\" {}", cite(page));
            }
        }
        None => {
            let _ = writeln!(out, "  no condition on earlier treatment stated");
        }
    }
}
