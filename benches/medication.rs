//! Medication lines against a regex baseline, over a shuffled stream of realistic lines.
//!
//! `cargo bench --bench medication` runs both and then prints a summary: the median time per line
//! of each and the speed-up, beside the issue's targets (at most 150 ns per line, at least 5 times
//! faster than the baseline). The stream is built from the catalogue API with a fixed seed: every
//! drug by generic name, brand and short form in the line shapes that orders, dispensings and RxNorm
//! names take (`Revlimid 25 mg PO daily`, `bortezomib 1.3 mg/m2 SC days 1,8,15,22`,
//! `DEXAMETHASONE 4 MG TAB`, `lenalidomide 10 MG Oral Capsule [Revlimid]`, step-up doses,
//! co-formulations), in varied case, plus 20% misses (typos, drugs outside the catalogue, lines
//! without a drug), shuffled so that the branch predictor cannot learn the order.
//!
//! - `medication/myeloma`: `Medication::parse`.
//! - `medication/myeloma-repeated`: `Medication::parse` of each line of the same stream
//!   [`REPEATS`] times in a row, per parse: the branch predictor learns a line within its first few
//!   parses, so this is the parser's work without mispredicted branches, the floor that tuning the
//!   work alone could reach on the shuffled stream.
//! - `medication/regex`: what a user would write with the `regex` crate: one regex for the drug,
//!   the strength and the unit at the start of the line, one each for the route, the form and the
//!   frequency anywhere in it, the drug's words then resolved with `Drug::from_name`, the amount
//!   read as an `f64`, the unit and route matched on lower-cased text.

use std::hint::black_box;
use std::time::SystemTime;

use criterion::{Criterion, Throughput};
use myeloma::{Drug, Medication, Route, Unit};
use rand::rngs::StdRng;
use rand::seq::{IndexedRandom, SliceRandom};
use rand::{Rng, SeedableRng};
use regex::Regex;

#[path = "support/estimates.rs"]
mod estimates;
use estimates::median_per_element;

/// The seed of the stream.
const SEED: u64 = 0x006d_6564_6963_6174; // "medicat"

/// How many lines the stream holds: enough that the branch predictor cannot memorise it.
const LINES: usize = 4096;

/// How many times `medication/myeloma-repeated` parses each line in a row: enough that the parses
/// the predictor is still learning on no longer show (by hand, with a loop like this one: 16 in a
/// row measured 7% slower than 32, and 64 the same as 32).
const REPEATS: usize = 32;

/// Drugs outside the catalogue (supportive care a myeloma clinic also orders), and a line without a
/// drug: lines that must miss.
const OUTSIDE: &[&str] = &[
    "ondansetron 8 mg PO q8h",
    "metoclopramide 10 mg PO TID",
    "allopurinol 300 mg tablet daily",
    "pantoprazole 40 mg PO daily",
    "sulfamethoxazole-trimethoprim 800-160 mg PO BID",
    "lorazepam 0.5 mg PO QHS",
    "gabapentin 300 mg cap PO TID",
    "levofloxacin 500 mg PO daily",
    "magnesium oxide 400 mg tablet BID",
    "25 mg PO daily",
];

/// One realistic line for `name` (a generic name, brand or short form of `drug`); `shape` picks
/// which kind of line.
fn line(rng: &mut StdRng, drug: Drug, name: &str, shape: usize) -> String {
    let name = match rng.random_range(0..4) {
        0 => name.to_uppercase(),
        1 => name.to_lowercase(),
        _ => name.to_string(),
    };
    let amount = [
        "25", "1.3", "10", "4", "40", "20", "1,800", "0.06", "100", "2.5",
    ]
    .choose(rng)
    .unwrap();
    let unit = ["mg", "MG", "mg/m2", "mg/m²", "mg/kg", "mcg", "units"]
        .choose(rng)
        .unwrap();
    let route = [
        "PO", "po", "by mouth", "SC", "SQ", "subcut", "IV", "IV push", "Oral",
    ]
    .choose(rng)
    .unwrap();
    let form = [
        "TAB",
        "tablet",
        "Capsule",
        "Injection",
        "Injectable Solution",
        "cap",
    ]
    .choose(rng)
    .unwrap();
    let frequency = [
        "daily",
        "once daily",
        "weekly",
        "twice weekly",
        "q28d",
        "BID",
        "QD",
    ]
    .choose(rng)
    .unwrap();
    let days = ["days 1-21", "days 1,8,15,22", "D1-4", "on days 1, 8, 15"]
        .choose(rng)
        .unwrap();
    let brand = drug
        .brand_names()
        .first()
        .copied()
        .unwrap_or(drug.generic_name());
    match shape {
        0 => format!("{name} {amount} {unit} {route} {frequency}"),
        1 => format!("{name} {amount} {unit} {form}"),
        2 => format!("{} {amount} MG Oral Capsule [{brand}]", drug.generic_name()),
        3 => format!("{name} {amount} {unit} {route} {days}"),
        4 => format!("{name} 20/56 mg/m2 {route}"),
        5 => format!("{name} 0.06 mg/kg then 0.4 mg/kg {route} {frequency}"),
        6 => format!("{name} 1800 MG / hyaluronidase-fihj 30000 UNT"),
        7 => format!("{name} {amount}mg {route} {frequency} {days} q28d"),
        _ => format!("{name} {amount} {unit} {form} {route} {frequency} {days}"),
    }
}

/// A one-edit typo of `name` that the catalogue does not resolve.
fn typo(rng: &mut StdRng, name: &str) -> Option<String> {
    let mut chars: Vec<char> = name.chars().collect();
    if chars.len() < 5 {
        return None;
    }
    let at = rng.random_range(1..chars.len() - 1);
    match rng.random_range(0..3) {
        0 => chars[at] = *b"aeiouylmnrst".choose(rng).unwrap() as char,
        1 => {
            chars.remove(at);
        }
        _ => chars.swap(at, at + 1),
    }
    let typo: String = chars.into_iter().collect();
    Drug::from_name(&typo).is_none().then_some(typo)
}

/// The stream: 80% lines naming a catalogue drug by one of its names, 20% misses; shuffled.
fn stream() -> Vec<String> {
    let mut rng = StdRng::seed_from_u64(SEED);
    let mut names: Vec<(Drug, &str)> = Vec::new();
    for &drug in Drug::ALL {
        names.push((drug, drug.generic_name()));
        names.extend(drug.brand_names().iter().map(|b| (drug, *b)));
        names.extend(drug.aliases().iter().map(|a| (drug, a.name)));
    }
    let mut lines = Vec::with_capacity(LINES);
    while lines.len() < LINES {
        let shape = rng.random_range(0..9);
        if rng.random_bool(0.2) {
            let (drug, name) = *names.choose(&mut rng).unwrap();
            let miss = match rng.random_bool(0.5) {
                true => typo(&mut rng, name).map(|t| line(&mut rng, drug, &t, shape % 2)),
                false => Some(OUTSIDE.choose(&mut rng).unwrap().to_string()),
            };
            lines.extend(miss);
        } else {
            let (drug, name) = *names.choose(&mut rng).unwrap();
            lines.push(line(&mut rng, drug, name, shape));
        }
    }
    lines.shuffle(&mut rng);
    lines
}

/// What the regex baseline reads.
#[derive(Debug, PartialEq)]
struct Baseline {
    drug: Drug,
    amount: f64,
    unit: Option<Unit>,
    route: Option<Route>,
    form: Option<String>,
    frequency: Option<String>,
}

/// The regex baseline: the parser a user would write.
struct RegexParser {
    head: Regex,
    route: Regex,
    form: Regex,
    frequency: Regex,
}

impl RegexParser {
    fn new() -> RegexParser {
        let head = r"(?i)^\s*(?P<drug>.+?)\s+(?P<amount>\d[\d,]*(?:\.\d+)?)(?:/\d+(?:\.\d+)?)?\s*(?P<unit>mg/m(?:2|²|\^2)|mg/kg|mg/ml|units?/ml|unt/ml|mcg|mg|g|units?|unt|iu|ml)(?:\s|$)";
        RegexParser {
            head: Regex::new(head).unwrap(),
            route: Regex::new(
                r"(?i)\b(po|oral|by mouth|sc|sq|subcut|subcutaneous|iv|intravenous)\b",
            )
            .unwrap(),
            form: Regex::new(
                r"(?i)\b(injectable solution|injection|tablet|tab|capsule|cap|solution)\b",
            )
            .unwrap(),
            frequency: Regex::new(r"(?i)\b(once daily|daily|twice weekly|weekly|bid|qd|q\d+d)\b")
                .unwrap(),
        }
    }

    fn parse(&self, line: &str) -> Option<Baseline> {
        let head = self.head.captures(line)?;
        let drug = Drug::from_name(head["drug"].trim())?;
        let amount: f64 = head["amount"].replace(',', "").parse().ok()?;
        let unit = match head["unit"].to_lowercase().as_str() {
            "mg" => Some(Unit::Mg),
            "mcg" => Some(Unit::Mcg),
            "g" => Some(Unit::G),
            "mg/kg" => Some(Unit::MgPerKg),
            "mg/ml" => Some(Unit::MgPerMl),
            "ml" => Some(Unit::Ml),
            "unit" | "units" | "unt" | "iu" => Some(Unit::Units),
            "unit/ml" | "units/ml" | "unt/ml" => Some(Unit::UnitsPerMl),
            _ => Some(Unit::MgPerM2),
        };
        let route = self
            .route
            .find(line)
            .map(|m| match m.as_str().to_lowercase().as_str() {
                "po" | "oral" | "by mouth" => Route::Oral,
                "iv" | "intravenous" => Route::Intravenous,
                _ => Route::Subcutaneous,
            });
        Some(Baseline {
            drug,
            amount,
            unit,
            route,
            form: self.form.find(line).map(|m| m.as_str().to_lowercase()),
            frequency: self.frequency.find(line).map(|m| m.as_str().to_lowercase()),
        })
    }
}

/// Both parsers find the same drug, amount and unit on the lines they both read, and myeloma reads
/// at least the lines the baseline reads. Prints how many each reads.
fn check_agreement(lines: &[String], baseline: &RegexParser) {
    // The catalogue grows: say so when a line meant to miss names one of its drugs.
    for line in OUTSIDE {
        if Medication::parse(line).is_ok() {
            println!("note: {line:?} now names a catalogue drug; the stream has fewer misses");
        }
    }
    let (mut ours, mut theirs) = (0, 0);
    for line in lines {
        let m = Medication::parse(line).ok();
        let b = baseline.parse(line);
        ours += usize::from(m.is_some());
        theirs += usize::from(b.is_some());
        if let (Some(m), Some(b)) = (m, b) {
            assert_eq!(m.drug(), b.drug, "{line}");
            let first = m.doses().first().expect(line).strength;
            assert_eq!(
                first.amount.thousandths() as f64 / 1000.0,
                b.amount,
                "{line}"
            );
            assert_eq!(Some(first.unit), b.unit, "{line}");
        }
    }
    println!(
        "{} lines: myeloma reads a drug in {ours}, the regex baseline in {theirs}",
        lines.len()
    );
}

fn bench(c: &mut Criterion, lines: &[String]) {
    let baseline = RegexParser::new();
    check_agreement(lines, &baseline);
    let mut group = c.benchmark_group("medication");
    group.throughput(Throughput::Elements(lines.len() as u64));
    group.bench_function("myeloma", |b| {
        b.iter(|| {
            for line in lines {
                let _ = black_box(Medication::parse(black_box(line)));
            }
        })
    });
    group.throughput(Throughput::Elements((lines.len() * REPEATS) as u64));
    group.bench_function("myeloma-repeated", |b| {
        b.iter(|| {
            for line in lines {
                for _ in 0..REPEATS {
                    let _ = black_box(Medication::parse(black_box(line)));
                }
            }
        })
    });
    group.throughput(Throughput::Elements(lines.len() as u64));
    group.bench_function("regex", |b| {
        b.iter(|| {
            for line in lines {
                black_box(baseline.parse(black_box(line)));
            }
        })
    });
    group.finish();
}

/// Prints each benchmark's median per line and the issue's targets, measured in this run.
fn print_summary(lines: usize, started: SystemTime) {
    let verdict = |ok: bool| if ok { "met" } else { "NOT met" };
    let ours = median_per_element("medication/myeloma", lines, started);
    let theirs = median_per_element("medication/regex", lines, started);
    let learned = median_per_element("medication/myeloma-repeated", lines * REPEATS, started);
    println!("\nSummary: median time per line ({lines} lines per iteration)");
    if let Some(ns) = ours {
        let mut line = format!(
            "  medication/myeloma          {ns:>9.1} ns  <= 150 ns: {}",
            verdict(ns <= 150.0)
        );
        if let Some(r) = theirs {
            line += &format!("; {:.1}x regex (>= 5x: {})", r / ns, verdict(r / ns >= 5.0));
        }
        println!("{line}");
    }
    if let Some(ns) = learned {
        println!(
            "  medication/myeloma-repeated {ns:>9.1} ns  (each line {REPEATS} times in a row: the work alone, its branches predicted)"
        );
    }
    if let Some(ns) = theirs {
        println!("  medication/regex            {ns:>9.1} ns");
    }
}

fn main() {
    let started = SystemTime::now();
    let lines = stream();
    let mut c = Criterion::default().configure_from_args();
    bench(&mut c, &lines);
    c.final_summary();
    if std::env::args().any(|a| a == "--bench") {
        print_summary(lines.len(), started);
    }
}
