//! Checks a treatment history against the conditions the catalogue states for every regimen and
//! every drug given alone.
//!
//! ```text
//! cargo run --example eligibility -- --prior-lines 2 --exposed lenalidomide,bortezomib \
//!     --refractory lenalidomide [--phase relapsed] [--transplant done] [--progressed] [--regulator hc|fda|both]
//! ```
//!
//! - `--prior-lines N`: lines of therapy given so far (default 0);
//! - `--exposed A,B`, `--refractory A,B`: drugs by any name (`len`, `Velcade`...); may be repeated;
//! - `--phase`: newly-diagnosed, after-induction, after-transplant, relapsed or refractory; without
//!   it, newly-diagnosed with no prior lines and relapsed otherwise (the output says so);
//! - `--transplant`: planned, done, not-possible or unknown (the default);
//! - `--progressed`: the disease progressed on the last therapy (a flag: it takes no value);
//! - `--regulator`: whose approved indications to check: hc (Health Canada, the default), fda or both.
//!
//! Prints one block per regimen, then per drug given alone with indications of its own: for each
//! regulator asked, the approved indication the history is within (its status, date, the
//! regulator's words and source), or the closest one and each reason it is not met, or that no
//! indication names it. Exits with 2
//! on a usage error (an unknown drug, an empty list, a flag given twice, an argument that is not
//! valid UTF-8) and 1 on a history that contradicts itself. A reader that stops early (`| head`)
//! ends the run quietly.
//!
//! Informational only: the catalogue states conditions from its sources; it does not recommend
//! treatment.

use std::ffi::OsString;
use std::fmt::Write as _;
use std::io::{self, Write as _};
use std::process::ExitCode;

use myeloma::{
    Drug, DrugSet, IndicationStatus, Phase, Regimen, Regulator, Source, TransplantStatus,
    TreatmentHistory, Verdict,
};

#[path = "shared.rs"]
mod shared;
use shared::components;

const USAGE: &str = "\
usage: eligibility [--prior-lines N] [--exposed DRUG,...] [--refractory DRUG,...] [--phase PHASE]
                   [--transplant planned|done|not-possible|unknown] [--progressed]
                   [--regulator hc|fda|both]

  --prior-lines N      lines of therapy given so far (default 0)
  --exposed A,B        drugs given so far, by any name (len, Velcade...); may be repeated
  --refractory A,B     drugs the disease is refractory to (each also exposed); may be repeated
  --phase PHASE        newly-diagnosed, after-induction, after-transplant, relapsed or refractory
                       (default: newly-diagnosed with no prior lines, relapsed otherwise)
  --transplant STATUS  planned, done, not-possible or unknown (the default)
  --progressed         the disease progressed on the last therapy (a flag: it takes no value)
  --regulator WHO      whose approved indications to check: hc (Health Canada, the default),
                       fda or both
  -h, --help           print this help

Exit status: 0 done; 1 the history contradicts itself, or output failed; 2 bad usage.";

/// The command line, parsed but not yet checked for consistency.
#[derive(Default)]
struct Args {
    prior_lines: Option<u8>,
    exposed: DrugSet,
    refractory: DrugSet,
    phase: Option<Phase>,
    transplant: Option<Option<TransplantStatus>>,
    progressed: Option<()>,
    regulators: Option<&'static [Regulator]>,
}

fn main() -> ExitCode {
    let args: Vec<OsString> = std::env::args_os().skip(1).collect();
    if args.iter().any(|a| a == "--help" || a == "-h") {
        println!("{USAGE}");
        return ExitCode::SUCCESS;
    }
    let args = match utf8(args).and_then(|args| parse_args(args.into_iter())) {
        Ok(args) => args,
        Err(message) => {
            eprintln!("error: {message}\nRun `eligibility --help` for usage.");
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
        .progressed_on_last(args.progressed.is_some())
        .transplant(args.transplant.flatten())
        .build();
    let history = match history {
        Ok(history) => history,
        Err(error) => {
            eprintln!("error: invalid treatment history: {error}");
            return ExitCode::from(1);
        }
    };
    // The whole report is built first and written at once; a reader that went away (`| head`)
    // ends the run quietly.
    let regulators = args.regulators.unwrap_or(&[Regulator::HealthCanada]);
    let text = render(&history, assumed, regulators);
    let mut out = io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) if error.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: cannot write the report: {error}");
            ExitCode::from(1)
        }
    }
}

/// The arguments as text; one that is not valid UTF-8 is a usage error that shows it.
fn utf8(args: Vec<OsString>) -> Result<Vec<String>, String> {
    args.into_iter()
        .enumerate()
        .map(|(i, arg)| {
            arg.into_string().map_err(|arg| {
                format!(
                    "argument {} is not valid UTF-8: `{}`",
                    i + 1,
                    arg.to_string_lossy().escape_debug()
                )
            })
        })
        .collect()
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
        // A flag's value: after `=`, or the next argument unless that is another flag.
        let mut value = || match inline.clone() {
            Some(value) => Ok(value),
            None => match args.next() {
                Some(next) if next.starts_with("--") => {
                    Err(format!("{flag} needs a value (found `{next}`)"))
                }
                Some(next) => Ok(next),
                None => Err(format!("{flag} needs a value")),
            },
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
                let phase = Phase::from_id(&text).ok_or_else(|| {
                    format!(
                        "--phase: unknown phase `{text}` (expected {})",
                        ids(Phase::ALL, Phase::id)
                    )
                })?;
                set_once(&mut parsed.phase, phase, &flag)?;
            }
            "--transplant" => {
                let text = value()?;
                let status = if text == "unknown" {
                    None
                } else {
                    let status = TransplantStatus::from_id(&text);
                    Some(status.ok_or_else(|| {
                        format!(
                            "--transplant: unknown status `{text}` (expected {} or unknown)",
                            ids(TransplantStatus::ALL, TransplantStatus::id)
                        )
                    })?)
                };
                set_once(&mut parsed.transplant, status, &flag)?;
            }
            "--regulator" => {
                let text = value()?;
                let regulators: &'static [Regulator] = match text.as_str() {
                    "hc" => &[Regulator::HealthCanada],
                    "fda" => &[Regulator::UsFda],
                    "both" => &[Regulator::HealthCanada, Regulator::UsFda],
                    _ => {
                        return Err(format!(
                            "--regulator: unknown regulator `{text}` (expected hc, fda or both)"
                        ))
                    }
                };
                set_once(&mut parsed.regulators, regulators, &flag)?;
            }
            "--progressed" => match inline {
                None => set_once(&mut parsed.progressed, (), &flag)?,
                Some(value) => {
                    return Err(format!(
                        "--progressed takes no value (found `--progressed={value}`): give \
                         --progressed if the disease progressed on the last therapy, and leave it \
                         out otherwise"
                    ))
                }
            },
            other => return Err(format!("unknown argument `{}`", other.escape_debug())),
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

/// A comma-separated list of drugs, each by any of its names; an empty list or an empty name in
/// it (`--exposed ""`, `len,,bort`) is refused rather than read as no drug.
fn drugs(list: &str, flag: &str) -> Result<DrugSet, String> {
    if list.trim().is_empty() {
        return Err(format!(
            "{flag}: empty list (name at least one drug, e.g. {flag} lenalidomide,bortezomib)"
        ));
    }
    list.split(',')
        .map(str::trim)
        .map(|name| {
            if name.is_empty() {
                return Err(format!("{flag}: empty drug name in `{list}`"));
            }
            name.parse::<Drug>().map_err(|e| format!("{flag}: {e}"))
        })
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

/// `[label-hc-sarclisa, Health Canada]`, or `[page-sine]` for a source with no regulator.
fn cite(source: Source) -> String {
    match source.regulator() {
        Some(regulator) => format!("[{}, {}]", source.id(), regulator.label()),
        None => format!("[{}]", source.id()),
    }
}

fn render(history: &TreatmentHistory, phase_assumed: bool, regulators: &[Regulator]) -> String {
    let mut out = String::new();
    let lines = history.prior_lines();
    let _ = writeln!(out, "Treatment history");
    let _ = write!(out, "  phase: {}", words(history.phase().id()));
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
    if !history.refractory().is_empty() {
        refractoriness(&mut out);
    }
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
            .map_or("status unknown".to_owned(), |t| words(t.id()))
    );
    let _ = writeln!(out);
    let _ = writeln!(
        out,
        "The catalogue records the approved indications of {}; it does not recommend treatment.",
        regulators
            .iter()
            .map(|r| r.label())
            .collect::<Vec<_>>()
            .join(" and ")
    );
    for &regimen in Regimen::ALL {
        let _ = writeln!(out);
        let _ = writeln!(out, "{} ({})", regimen.acronym(), components(regimen));
        for &regulator in regulators {
            verdict(&mut out, regulator, regimen.check(history, regulator));
        }
        let refractory = regimen.refractory_components(history);
        if !refractory.is_empty() {
            let _ = writeln!(out, "  refractory to a component: {}", names(refractory));
        }
        if let Some(rule) = regimen.prerequisites() {
            if let (Some(wording), Some(page)) = (rule.page_wording, rule.page_source) {
                let _ = writeln!(out, "  the page says: \"{wording}\" {}", cite(page));
            }
        }
    }
    for &drug in Drug::ALL.iter().filter(|d| !d.indications().is_empty()) {
        let _ = writeln!(out);
        let _ = writeln!(out, "{}, given alone", drug.generic_name());
        for &regulator in regulators {
            verdict(&mut out, regulator, drug.check(history, regulator));
        }
        let refractory = history.refractory().intersection(drug.into());
        if !refractory.is_empty() {
            let _ = writeln!(out, "  refractory to it: {}", names(refractory));
        }
    }
    out
}

/// Says how refractoriness is read: by the indications that ask for it, and as information beside
/// every regimen with a drug the disease is refractory to.
fn refractoriness(out: &mut String) {
    let _ = writeln!(
        out,
        "    refractoriness is checked where an indication asks for it; elsewhere each regimen with a \
         drug the disease is refractory to says so, as information"
    );
}

/// One regulator's verdict: the indication matched (with its status, date and the regulator's
/// words), or the closest one and each reason, or that none names the therapy.
fn verdict(out: &mut String, regulator: Regulator, verdict: Verdict) {
    let who = regulator.label();
    let indication = match verdict {
        Verdict::Within(i) => {
            let _ = writeln!(
                out,
                "  {who}: within an approved indication {}",
                cite(i.source)
            );
            i
        }
        Verdict::Outside { closest, reasons } => {
            let _ = writeln!(
                out,
                "  {who}: outside every approved indication; the closest {}:",
                cite(closest.source)
            );
            for reason in reasons.iter() {
                let _ = writeln!(out, "    - {reason}");
            }
            closest
        }
        Verdict::NoIndication(statement) if statement.status == IndicationStatus::Withdrawn => {
            let _ = writeln!(
                out,
                "  {who}: no indication in force; its approval was withdrawn {}",
                cite(statement.source)
            );
            statement
        }
        Verdict::NoIndication(statement) => {
            let _ = writeln!(
                out,
                "  {who}: no indication names it (guideline or off-label use, or its drugs' own labels only) {}",
                cite(statement.source)
            );
            let _ = writeln!(out, "    read: {}", statement.wording);
            if !statement.verified {
                let _ = writeln!(out, "    {UNCONFIRMED_NONE}");
            }
            return;
        }
        Verdict::NotRecorded => {
            let _ = writeln!(out, "  {who}: indications not recorded in the catalogue");
            return;
        }
    };
    let when = indication
        .date
        .map(|d| format!(", {d}"))
        .unwrap_or_default();
    let _ = writeln!(
        out,
        "    {}{when}: \"{}\"",
        indication.status, indication.wording
    );
    if !indication.other.is_empty() {
        let _ = writeln!(
            out,
            "    also states, unchecked: {}",
            indication.other.join("; ")
        );
    }
    if !indication.verified {
        let _ = writeln!(out, "    {UNVERIFIED}");
    }
}

/// What the example says of a statement the catalogue has not yet read in the regulator's text.
const UNVERIFIED: &str = "(quoted from a secondary source; not yet read in the regulator's text)";

/// What the example says of a "no indication" that rests on what was read rather than on the
/// regulator's current label read whole: a negative is only as good as the search behind it.
const UNCONFIRMED_NONE: &str =
    "(no indication found in the texts read; the regulator's current label not read whole)";
