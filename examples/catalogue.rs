//! The whole catalogue, three ways:
//!
//! - `cargo run --example catalogue`: a readable overview (drugs by class, regimens with their drugs);
//! - `cargo run --example catalogue -- --json`: everything as one JSON document (schema in the README);
//! - `cargo run --example catalogue -- --markdown`: the patient page, rendered from the typed data.
//!
//! It uses only the crate's public API, as any user would. `--help` prints usage; an unknown
//! option exits with 2; a reader that stops early (`| head`) ends the run quietly.

use std::fmt::Write as _;
use std::io::{self, Write as _};
use std::process::ExitCode;

use myeloma::{
    Drug, DrugClass, Exposure, Note, NoteKind, Prerequisites, Regimen, Source, SourceKind, Use,
    CATALOGUE_VERSION, PAGE, REVIEWED,
};
use serde_json::Value;

const USAGE: &str = "\
usage: catalogue [--json | --markdown]

  (no option)  a readable overview: drugs by class, regimens with their drugs
  --json       the whole catalogue as one JSON document (schema in the README)
  --markdown   the patient page, rendered from the typed data
  -h, --help   print this help

Exit status: 0 done; 1 output failed; 2 bad usage.";

fn main() -> ExitCode {
    let args: Vec<_> = std::env::args_os().skip(1).collect();
    let mode = match &args[..] {
        [] => None,
        [one] => Some(one.to_string_lossy()),
        [_, second, ..] => {
            let second = second.to_string_lossy();
            return usage_error(&format!("unexpected argument `{}`", second.escape_debug()));
        }
    };
    let out = match mode.as_deref() {
        None => overview(),
        Some("--json") => {
            let mut text = serde_json::to_string_pretty(&catalogue_json()).unwrap_or_default();
            text.push('\n');
            text
        }
        Some("--markdown") => markdown(),
        Some("-h" | "--help") => format!("{USAGE}\n"),
        Some(other) => {
            return usage_error(&format!(
                "unknown option `{}` (expected --json or --markdown)",
                other.escape_debug()
            ))
        }
    };
    // Written at once; a reader that went away (`| head`) ends the run quietly.
    let mut stdout = io::stdout().lock();
    match stdout
        .write_all(out.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) if error.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::from(1)
        }
    }
}

fn usage_error(message: &str) -> ExitCode {
    eprintln!("error: {message}\nRun `catalogue --help` for usage.");
    ExitCode::from(2)
}

/// Drugs by class with brand and routes; regimens with their drugs.
fn overview() -> String {
    let mut out = format!("myeloma catalogue {CATALOGUE_VERSION} (reviewed {REVIEWED})\n");
    let _ = writeln!(
        out,
        "Source: {}, {} ({})\n",
        PAGE.title, PAGE.publisher, PAGE.site
    );
    for class in DrugClass::ALL {
        let kind = if class.is_targeted() {
            "targeted"
        } else {
            "other"
        };
        let _ = writeln!(out, "{} [{kind}]", class.heading());
        for drug in class.drugs() {
            let brands = drug.brand_names().join(", ");
            let routes: Vec<&str> = drug.routes().iter().map(|g| g.route.name()).collect();
            let mut line = format!("  {:<22}", drug.generic_name());
            if !brands.is_empty() {
                let _ = write!(line, " {brands:<10}");
            }
            if !routes.is_empty() {
                let _ = write!(line, " {}", routes.join(", "));
            }
            let _ = writeln!(out, "{}", line.trim_end());
        }
    }
    let _ = writeln!(out, "\nRegimens");
    for regimen in Regimen::ALL {
        let drugs: Vec<String> = regimen.components().iter().map(|c| c.to_string()).collect();
        let _ = writeln!(out, "  {:<9} {}", regimen.acronym(), drugs.join(" + "));
    }
    out
}

/// The whole catalogue as one JSON document: the library's export, with object keys in order.
fn catalogue_json() -> Value {
    serde_json::to_value(myeloma::export()).unwrap_or_default()
}

/// The classes of targeted therapy the page describes, in its order.
fn page_classes() -> impl Iterator<Item = DrugClass> {
    DrugClass::ALL
        .iter()
        .copied()
        .filter(|c| c.is_targeted() && c.is_on_page())
}

/// The drugs the page names, in its order; the page files each under its top-level class.
fn page_drugs() -> impl Iterator<Item = Drug> {
    Drug::ALL.iter().copied().filter(|d| d.is_on_page())
}

/// The patient page in the source's structure, entirely from the typed catalogue: only what the
/// page states, with its corrections, whatever else the catalogue holds.
fn markdown() -> String {
    let mut out = format!("# {}\n\n", PAGE.title);
    let _ = writeln!(
        out,
        "_{}. Last medical review: {}._\n",
        PAGE.publisher,
        PAGE.last_medical_review.unwrap_or("not given on the page")
    );
    let _ = writeln!(out, "{}\n\n{}\n", PAGE.definition.text, PAGE.planning.text);
    let _ = writeln!(out, "You may have targeted therapy to:\n");
    for u in Use::ALL {
        let term = u
            .term()
            .map(|t| format!(" (called {t})"))
            .unwrap_or_default();
        let _ = writeln!(out, "- {}{term}", u.wording());
    }
    let _ = writeln!(
        out,
        "\nDifferent types of targeted therapy are used for multiple myeloma. These include:\n"
    );
    for class in page_classes() {
        let _ = writeln!(out, "- {}", lower_first(class.heading()));
    }
    let _ = writeln!(
        out,
        "\n{}\n\n{}\n",
        PAGE.coverage.text, PAGE.side_effects.text
    );
    for class in page_classes() {
        render_class(&mut out, class);
    }
    let _ = writeln!(
        out,
        "## Preventing blood clots\n\n{}\n",
        PAGE.clot_prevention.text
    );
    let raising: Vec<&str> = page_drugs()
        .filter(|d| d.raises_clot_risk())
        .map(|d| d.generic_name())
        .collect();
    let preventing: Vec<&str> = page_drugs()
        .filter(|d| d.prevents_clots())
        .map(|d| d.generic_name())
        .collect();
    let needing: Vec<&str> = Regimen::ALL
        .iter()
        .filter(|r| r.is_on_page() && r.needs_thromboprophylaxis())
        .map(|r| r.acronym())
        .collect();
    let _ = writeln!(out, "- Drugs that raise the risk: {}", raising.join(", "));
    let _ = writeln!(
        out,
        "- Drugs the page names to prevent clots: {}",
        preventing.join(", ")
    );
    let _ = writeln!(
        out,
        "- Regimens that include such a drug: {}\n",
        needing.join(", ")
    );
    let _ = writeln!(out, "Beyond the page:\n");
    for g in PAGE.clot_prevention_guidance {
        let _ = writeln!(out, "- {} ({})", g.text, cite(g.sources));
    }
    let _ = writeln!(
        out,
        "\n## Find out more\n\n{}\n",
        PAGE.further_information.text
    );
    let _ = writeln!(out, "## Corrections and notes\n");
    for (owner, note) in all_notes() {
        let _ = writeln!(
            out,
            "- **{owner}** ({}): {} ({})",
            note.kind,
            note.text,
            cite(note.sources)
        );
    }
    let _ = writeln!(out, "\n## Expert review and references\n");
    for source in Source::ALL
        .iter()
        .filter(|s| s.kind() == SourceKind::Reference)
    {
        match source.url() {
            Some(url) => {
                let _ = writeln!(out, "- {} <{url}>", source.title());
            }
            None => {
                let _ = writeln!(out, "- {}", source.title());
            }
        }
    }
    let _ = writeln!(out, "\n## Medical disclaimer\n\n{}\n", PAGE.disclaimer.text);
    let _ = writeln!(out, "{}", PAGE.copyright);
    out
}

fn render_class(out: &mut String, class: DrugClass) {
    let _ = writeln!(out, "## {}\n", class.heading());
    if let Some(mechanism) = class.mechanism() {
        let _ = writeln!(out, "{mechanism}\n");
    }
    for drug in page_drugs().filter(|d| d.class().top() == class) {
        let _ = writeln!(
            out,
            "### {} ({})\n",
            capitalised(drug.generic_name()),
            drug.brand_names().join(", ")
        );
        let _ = writeln!(out, "{}\n", drug.description().unwrap_or_default());
        // Routes in the page's words; where a label corrects the page, the label's route, marked so.
        let page_routes: Vec<&str> = drug.routes().iter().filter_map(|g| g.wording).collect();
        for wording in &page_routes {
            let _ = writeln!(out, "- Given: {wording}");
        }
        if page_routes.is_empty() {
            for given in drug.routes() {
                if let Some(label) = given.source {
                    let _ = writeln!(
                        out,
                        "- Given: {} (the label's route; {})",
                        given.route.name(),
                        label.id()
                    );
                }
            }
        }
        for stated in drug.uses() {
            let _ = writeln!(out, "- Used: {} ({})", stated.wording, stated.purpose.id());
        }
        if let Some(p) = drug.prerequisites() {
            let _ = writeln!(out, "- Conditions: {}", condition(&p));
        }
        for note in drug.notes() {
            let _ = writeln!(out, "- Note ({}): {}", note.kind, note.text);
        }
        let regimens: Vec<Regimen> = drug
            .regimens()
            .iter()
            .copied()
            .filter(|r| r.is_on_page())
            .collect();
        if !regimens.is_empty() {
            let _ = writeln!(out, "- Combinations:");
            for r in regimens {
                let _ = writeln!(out, "  - {}", regimen_line(r));
            }
        }
        let _ = writeln!(out);
    }
    let _ = writeln!(out, "Side effects of {}: {}\n", lower_first(class.heading()), match class.side_effects() {
        myeloma::SideEffects::LostInCopying => "the page's list was lost when the page was copied; no side effects are listed here.",
        _ => "the page gives none.",
    });
}

fn regimen_line(r: Regimen) -> String {
    let drugs: Vec<String> = r.components().iter().map(|c| c.to_string()).collect();
    let mut line = format!("{} – {}", r.acronym(), drugs.join(", "));
    if let Some(p) = r.prerequisites() {
        let _ = write!(line, "; {}", condition(&p));
    }
    line
}

fn condition(p: &Prerequisites) -> String {
    let lines = |n: u8| {
        if n == 1 {
            "1 prior line".to_string()
        } else {
            format!("{n} prior lines")
        }
    };
    let mut parts = Vec::new();
    match (p.min_prior_lines, p.max_prior_lines) {
        (Some(lo), Some(hi)) => parts.push(format!("after {lo} to {} of therapy", lines(hi))),
        (Some(lo), None) => parts.push(format!("after at least {} of therapy", lines(lo))),
        (None, Some(hi)) => parts.push(format!("after at most {} of therapy", lines(hi))),
        (None, None) => parts.push("after earlier treatment".to_string()),
    }
    if !p.prior_exposure.is_empty() {
        let names: Vec<String> = p
            .prior_exposure
            .iter()
            .map(|e| match e {
                Exposure::Drug(d) => d.generic_name().to_string(),
                Exposure::Class(c) => with_article(c.name()),
                Exposure::Target(t) => format!("an anti-{} drug", t.name()),
            })
            .collect();
        parts.push(format!("including {}", names.join(" and ")));
    }
    if p.progression_on_last {
        parts.push("with progression on the last therapy".to_string());
    }
    let rule = format!("{} ({})", parts.join(", "), p.source.id());
    match p.page_wording {
        Some(wording) => format!("{rule}; the page says: \"{wording}\""),
        None => rule,
    }
}

/// Every note on what the page states, with what it is about: page first, then sources, classes,
/// drugs and regimens.
fn all_notes() -> Vec<(String, Note)> {
    let mut all: Vec<(String, Note)> = Vec::new();
    // Notes on how names are used in records are the catalogue's, not corrections of the page.
    let mut add = |owner: &str, notes: &[Note]| {
        let of_page = |n: &&Note| n.kind != NoteKind::RecordUsage;
        all.extend(
            notes
                .iter()
                .filter(of_page)
                .map(|n| (owner.to_string(), *n)),
        )
    };
    add("the page", PAGE.notes);
    Source::ALL.iter().for_each(|s| add(s.id(), s.notes()));
    DrugClass::ALL
        .iter()
        .filter(|c| c.is_on_page())
        .for_each(|c| add(c.heading(), c.notes()));
    page_drugs().for_each(|d| add(d.generic_name(), d.notes()));
    Regimen::ALL
        .iter()
        .filter(|r| r.is_on_page())
        .for_each(|r| add(r.acronym(), r.notes()));
    all
}

fn lower_first(s: &str) -> String {
    let mut chars = s.chars();
    chars
        .next()
        .map(|c| c.to_lowercase().collect::<String>() + chars.as_str())
        .unwrap_or_default()
}

fn capitalised(s: &str) -> String {
    let mut chars = s.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().collect::<String>() + chars.as_str())
        .unwrap_or_default()
}

fn with_article(noun: &str) -> String {
    let article = if noun.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    };
    format!("{article} {noun}")
}

fn cite(sources: &[Source]) -> String {
    sources
        .iter()
        .map(|s| s.id())
        .collect::<Vec<_>>()
        .join(", ")
}
