//! Normalise drug and regimen names as health records write them.
//!
//! - `cargo run --example lookup -- velcade "D-RVd" "len/bort/dex" L01XG01`: what each resolves to;
//! - with no names: reads one name per line from stdin and writes TSV, one row per line, for batch
//!   normalisation of a column of free text (see [`USAGE`] for the columns).
//!
//! Names, acronyms, short forms, free-text combinations and ATC codes all resolve. Bad input does
//! not stop a batch: a line that is not valid UTF-8 is read with U+FFFD in place of the invalid
//! bytes, reported on stderr with its line number and marked in its row. Output is buffered, and a
//! reader that stops early (`| head`) ends the run quietly.

use std::ffi::OsString;
use std::io::{self, BufRead, BufWriter, Write};
use std::process::ExitCode;

use myeloma::{resolve, Drug, ParseError, Therapy};

#[path = "shared.rs"]
mod shared;
use shared::components;

const USAGE: &str = "\
usage: lookup [--strict] [--] [NAME...]

With names: one line each, saying what the name resolves to.
Without names: reads one name per line from standard input and writes TSV with a header and one
row per line, each column with one meaning:
  input        the line as read (tabs and line breaks replaced by spaces)
  kind         drug, regimen or combination; for a name that does not resolve, ambiguous (it
               means more than one entry: BVd), conflict (a name with a bracketed name of
               another entry) or unknown; empty for a blank line
  id           the stable id (a combination: its drugs' ids joined by +); empty if unresolved
  name         the name a person writes (generic name, acronym, or the drugs joined by +)
  suggestions  for an unresolved name: what an ambiguous name may mean, the two entries of a
               conflict, or the names an unknown one may have meant, joined by `, `
  input_note   a problem with the line itself: `not valid UTF-8` (the invalid bytes were read
               as U+FFFD), or empty

Options:
  --strict     exit with status 1 if any name (not a blank line) is unresolved
  --           every argument after this is a name, even one that starts with -
  -h, --help   print this help

Exit status: 0 done (with --strict: every name resolved); 1 some name unresolved (with --strict),
or a read or write error; 2 bad usage.";

/// The command line: names to look up, each with its position among the arguments (none: read
/// stdin), and whether misses fail the run.
struct Args {
    names: Vec<(usize, OsString)>,
    strict: bool,
}

/// What ends a run early.
enum Stop {
    /// The reader of stdout went away (`| head`): stop quietly.
    ClosedPipe,
    /// Any other read or write error.
    Io(io::Error),
}

impl From<io::Error> for Stop {
    fn from(error: io::Error) -> Stop {
        match error.kind() {
            io::ErrorKind::BrokenPipe => Stop::ClosedPipe,
            _ => Stop::Io(error),
        }
    }
}

fn main() -> ExitCode {
    let args = match parse_args(std::env::args_os().skip(1)) {
        Ok(Some(args)) => args,
        Ok(None) => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(message) => {
            eprintln!("error: {message}\nRun `lookup --help` for usage.");
            return ExitCode::from(2);
        }
    };
    let mut out = BufWriter::new(io::stdout().lock());
    let result = if args.names.is_empty() {
        batch(io::stdin().lock(), &mut out)
    } else {
        arguments(&args.names, &mut out)
    };
    let result = result.and_then(|unresolved| {
        out.flush()?;
        Ok(unresolved)
    });
    match result {
        Ok(0) => ExitCode::SUCCESS,
        Ok(unresolved) if args.strict => {
            let s = if unresolved == 1 { "" } else { "s" };
            eprintln!("error: {unresolved} name{s} unresolved (--strict)");
            ExitCode::from(1)
        }
        Ok(_) | Err(Stop::ClosedPipe) => ExitCode::SUCCESS,
        Err(Stop::Io(error)) => {
            eprintln!("error: {error}");
            ExitCode::from(1)
        }
    }
}

/// The options and names; `None` for `--help`.
fn parse_args(args: impl Iterator<Item = OsString>) -> Result<Option<Args>, String> {
    let mut parsed = Args {
        names: Vec::new(),
        strict: false,
    };
    let mut options = true;
    for (position, arg) in (1..).zip(args) {
        let text = arg.to_string_lossy();
        if options && text.starts_with('-') {
            match &*text {
                "--" => options = false,
                "-h" | "--help" => return Ok(None),
                "--strict" if parsed.strict => return Err("--strict given twice".to_owned()),
                "--strict" => parsed.strict = true,
                other => {
                    return Err(format!(
                        "unknown option `{}` (a name that starts with - goes after --)",
                        other.escape_debug()
                    ))
                }
            }
        } else {
            parsed.names.push((position, arg));
        }
    }
    Ok(Some(parsed))
}

/// One line per argument; returns how many did not resolve.
fn arguments(names: &[(usize, OsString)], out: &mut impl Write) -> Result<usize, Stop> {
    let mut unresolved = 0;
    for (position, name) in names {
        let (text, valid) = match name.to_str() {
            Some(text) => (text.into(), true),
            None => {
                let text = name.to_string_lossy();
                eprintln!("warning: argument {position}: not valid UTF-8; read as {text:?}");
                (text, false)
            }
        };
        let mark = if valid { "" } else { " (not valid UTF-8)" };
        match lookup(&text) {
            Ok(therapy) => writeln!(out, "{text:?}{mark} -> {}", describe(&text, therapy))?,
            Err(error) => {
                unresolved += 1;
                writeln!(out, "{text:?}{mark} -> {error}")?;
            }
        }
    }
    Ok(unresolved)
}

/// TSV, one row per input line; returns how many non-blank lines did not resolve.
fn batch(mut input: impl BufRead, out: &mut impl Write) -> Result<usize, Stop> {
    out.write_all(b"input\tkind\tid\tname\tsuggestions\tinput_note\n")?;
    let mut unresolved = 0;
    let mut line = Vec::new();
    let mut number = 0usize;
    loop {
        line.clear();
        if input.read_until(b'\n', &mut line)? == 0 {
            return Ok(unresolved);
        }
        number += 1;
        if line.last() == Some(&b'\n') {
            line.pop();
            if line.last() == Some(&b'\r') {
                line.pop();
            }
        }
        let (text, note) = match std::str::from_utf8(&line) {
            Ok(text) => (text.into(), ""),
            Err(_) => {
                let text = String::from_utf8_lossy(&line);
                eprintln!("warning: line {number}: not valid UTF-8; read as {text:?}");
                (text, "not valid UTF-8")
            }
        };
        if !row(&text, note, out)? {
            unresolved += 1;
        }
    }
}

/// Writes one TSV row; returns whether the line resolved (a blank line counts as resolved).
fn row(input: &str, note: &str, out: &mut impl Write) -> Result<bool, Stop> {
    cell(input, out)?;
    if input.trim().is_empty() {
        writeln!(out, "\tempty\t\t\t\t{note}")?;
        return Ok(true);
    }
    match lookup(input) {
        Ok(therapy) => {
            out.write_all(b"\t")?;
            out.write_all(kind(therapy).as_bytes())?;
            out.write_all(b"\t")?;
            write_id(therapy, out)?;
            writeln!(out, "\t{}\t\t{note}", therapy)?;
            Ok(true)
        }
        Err(error) => {
            out.write_all(b"\t")?;
            out.write_all(unresolved_kind(&error).as_bytes())?;
            out.write_all(b"\t\t\t")?;
            for (i, suggestion) in error.suggestions().enumerate() {
                let separator = if i == 0 { "" } else { ", " };
                write!(out, "{separator}{}", suggestion)?;
            }
            writeln!(out, "\t{note}")?;
            Ok(false)
        }
    }
}

/// The input as one TSV cell: tabs and line breaks become spaces, so a row stays one row.
fn cell(input: &str, out: &mut impl Write) -> io::Result<()> {
    if !input.contains(['\t', '\r', '\n']) {
        return out.write_all(input.as_bytes());
    }
    out.write_all(input.replace(['\t', '\r', '\n'], " ").as_bytes())
}

/// A name, or failing that an ATC code.
fn lookup(text: &str) -> Result<Therapy, ParseError> {
    resolve(text).or_else(|error| match Drug::from_atc(text) {
        Ok(found) => Ok(Therapy::Drug(found.drug)),
        Err(_) => Err(error),
    })
}

/// Why a name did not resolve, as the `kind` column says it.
fn unresolved_kind(error: &ParseError) -> &'static str {
    if error.is_ambiguous() {
        "ambiguous"
    } else if error.conflict().is_some() {
        "conflict"
    } else {
        "unknown"
    }
}

fn kind(therapy: Therapy) -> &'static str {
    match therapy {
        Therapy::Drug(_) => "drug",
        Therapy::Regimen(_) => "regimen",
        Therapy::Combination(_) => "combination",
    }
}

/// The stable id; a combination has none of its own, so its drugs' ids joined by `+`.
fn write_id(therapy: Therapy, out: &mut impl Write) -> io::Result<()> {
    match therapy {
        Therapy::Drug(drug) => out.write_all(drug.id().as_bytes()),
        Therapy::Regimen(regimen) => out.write_all(regimen.id().as_bytes()),
        Therapy::Combination(set) => {
            for (i, drug) in set.iter().enumerate() {
                out.write_all(if i == 0 { b"" } else { b"+" })?;
                out.write_all(drug.id().as_bytes())?;
            }
            Ok(())
        }
    }
}

/// What a resolved name is, for a person to read.
fn describe(input: &str, therapy: Therapy) -> String {
    match therapy {
        Therapy::Drug(d) => {
            let retired = match Drug::from_atc(input) {
                Ok(found) if found.retired => "; the input is a retired ATC code",
                _ => "",
            };
            format!(
                "drug {} ({}; {}; ATC {}{retired})",
                d.generic_name(),
                d.brand_names().join(", "),
                d.class().name(),
                d.atc()
            )
        }
        Therapy::Regimen(r) => format!("regimen {} ({})", r.acronym(), components(r)),
        Therapy::Combination(set) => {
            format!("combination {set} (no catalogue regimen has exactly these drugs)")
        }
    }
}
