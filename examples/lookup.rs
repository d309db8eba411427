//! Normalise drug and regimen names as health records write them.
//!
//! - `cargo run --example lookup -- velcade "D-RVd" "len/bort/dex" L01XG01`: what each resolves to;
//! - with no arguments: reads one name per line from stdin and writes TSV
//!   (`input`, `kind`, `id`, `name`), for batch normalisation of a column of free text. An
//!   unresolved line has kind `unresolved`, no id, and the suggestions in the last column.
//!
//! Names, acronyms, short forms, free-text combinations and ATC codes all resolve.

use std::io::{self, BufRead, Write};

use myeloma::{resolve, Drug, ParseError, Therapy};

fn main() -> io::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let stdout = io::stdout();
    let mut out = stdout.lock();
    if args.is_empty() {
        writeln!(out, "input\tkind\tid\tname")?;
        for line in io::stdin().lock().lines() {
            let line = line?;
            writeln!(out, "{}", tsv_row(&line))?;
        }
    } else {
        for arg in &args {
            writeln!(out, "{}", describe(arg))?;
        }
    }
    Ok(())
}

/// A name, or failing that an ATC code.
fn lookup(text: &str) -> Result<Therapy, ParseError> {
    resolve(text).or_else(|error| match Drug::from_atc(text) {
        Ok(found) => Ok(Therapy::Drug(found.drug)),
        Err(_) => Err(error),
    })
}

fn kind(therapy: Therapy) -> &'static str {
    match therapy {
        Therapy::Drug(_) => "drug",
        Therapy::Regimen(_) => "regimen",
        Therapy::Combination(_) => "combination",
    }
}

fn suggestions(error: &ParseError) -> String {
    error
        .suggestions()
        .map(|s| s.name().to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

/// One TSV row; tabs and newlines in the input are replaced so the row stays one row.
fn tsv_row(input: &str) -> String {
    let clean = input.replace(['\t', '\r', '\n'], " ");
    match lookup(input) {
        Ok(t) => format!("{clean}\t{}\t{t}\t{}", kind(t), t.name()),
        Err(e) => match suggestions(&e) {
            none if none.is_empty() => format!("{clean}\tunresolved\t\t"),
            some => format!("{clean}\tunresolved\t\tsuggestions: {some}"),
        },
    }
}

/// A line a person reads.
fn describe(input: &str) -> String {
    match lookup(input) {
        Ok(Therapy::Drug(d)) => {
            let retired = match Drug::from_atc(input) {
                Ok(found) if found.retired => "; the input is a retired ATC code",
                _ => "",
            };
            format!(
                "{input:?} -> drug {} ({}; {}; ATC {}{retired})",
                d.generic_name(),
                d.brand_names().join(", "),
                d.class().name(),
                d.atc()
            )
        }
        Ok(Therapy::Regimen(r)) => {
            let drugs: Vec<&str> = r
                .components()
                .iter()
                .map(|c| c.drug.generic_name())
                .collect();
            format!(
                "{input:?} -> regimen {} ({})",
                r.acronym(),
                drugs.join(", ")
            )
        }
        Ok(Therapy::Combination(set)) => {
            format!("{input:?} -> combination {set} (no catalogue regimen has exactly these drugs)")
        }
        Err(e) => format!("{input:?} -> {e}"),
    }
}
