//! Every name the catalogue knows, read through the public API, and the folding rules the baselines
//! use. Shared by `benches/resolve.rs`, `benches/tests/strum_names.rs` (which checks that
//! `strum_names.rs` is generated from the current catalogue) and `tests/resolve_props.rs`, which
//! include this file by path.

#![allow(dead_code)] // Each includer uses a different part.

use std::collections::HashSet;
use std::fmt::Write as _;

use myeloma::{Drug, Regimen, Therapy};

/// Every written name in catalogue order: each drug's generic name, brand names and aliases, then
/// each regimen's acronym and aliases. Names that fold to the same form as an earlier one are dropped.
pub fn catalogue_names() -> Vec<(&'static str, Therapy)> {
    let mut names = Vec::new();
    for &drug in Drug::ALL {
        let therapy = Therapy::Drug(drug);
        names.push((drug.generic_name(), therapy));
        names.extend(drug.brand_names().iter().map(|b| (*b, therapy)));
        names.extend(drug.products().iter().map(|p| (p.name, therapy)));
        names.extend(
            drug.aliases()
                .iter()
                .filter(|a| !a.ambiguous)
                .map(|a| (a.name, therapy)),
        );
    }
    for &regimen in Regimen::ALL {
        let therapy = Therapy::Regimen(regimen);
        names.push((regimen.acronym(), therapy));
        names.extend(
            regimen
                .aliases()
                .iter()
                .filter(|a| !a.ambiguous)
                .map(|a| (a.name, therapy)),
        );
    }
    let mut seen = HashSet::new();
    names.retain(|(name, _)| seen.insert(normalise(name)));
    names
}

/// The characters that folding drops, as `src/text.rs` defines them: ASCII whitespace, hyphen, dot
/// and underscore; no-break spaces, Unicode hyphens and dashes, the minus sign, ® and ™.
pub fn is_separator(c: char) -> bool {
    matches!(
        c,
        ' ' | '\t' | '\n' | '\r' | '-' | '.' | '_' | '\u{00A0}' | '\u{00AE}' | '\u{2010}'
            ..='\u{2015}' | '\u{202F}' | '\u{2122}' | '\u{2212}'
    )
}

/// The folded form of a name, as a new `String`: ASCII letters lower-cased, separators dropped.
pub fn normalise(name: &str) -> String {
    name.chars()
        .filter(|c| !is_separator(*c))
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// A PascalCase Rust identifier for a name: each word capitalised (a word in capitals, such as
/// "ASA", as "Asa"), separators dropped. Two names with different folded forms get different
/// identifiers, since the identifier folds back to the name's folded form.
fn ident(name: &str) -> String {
    let mut out = String::new();
    for word in name.split(is_separator).filter(|w| !w.is_empty()) {
        let shouting = word.chars().filter(char::is_ascii_alphabetic).count() > 1
            && !word.chars().any(|c| c.is_ascii_lowercase());
        for (i, c) in word.chars().enumerate() {
            match c {
                c if c.is_ascii_alphanumeric() && i == 0 => out.push(c.to_ascii_uppercase()),
                c if c.is_ascii_alphanumeric() && shouting => out.push(c.to_ascii_lowercase()),
                c if c.is_ascii_alphanumeric() => out.push(c),
                c => write!(out, "U{:X}", u32::from(c)).unwrap(),
            }
        }
    }
    if out.starts_with(|c: char| c.is_ascii_digit()) {
        out.insert(0, 'N');
    }
    out
}

/// The `Debug` form of a therapy's entry as a path, e.g. `Therapy::Drug(Drug::Bortezomib)`.
fn therapy_path(therapy: Therapy) -> String {
    match therapy {
        Therapy::Drug(d) => format!("Therapy::Drug(Drug::{d:?})"),
        Therapy::Regimen(r) => format!("Therapy::Regimen(Regimen::{r:?})"),
        Therapy::Combination(_) => unreachable!("catalogue names are single entries"),
    }
}

/// The text of `benches/support/strum_names.rs`: one `EnumString` variant per catalogue name,
/// serialised as its folded form, and a map from each variant to its entry.
pub fn strum_names_source() -> String {
    let names = catalogue_names();
    let mut s = String::new();
    s.push_str(
        "// @generated from the catalogue API by `strum_names_source` in benches/support/names.rs.\n\
         // Do not edit: benches/tests/strum_names.rs fails when this file is stale; regenerate it with\n\
         // `UPDATE_STRUM_NAMES=1 cargo test -p myeloma-bench --test strum_names`.\n\
         \n\
         //! The strum baseline of `benches/resolve.rs`: `EnumString` with `ascii_case_insensitive` over\n\
         //! every name the catalogue knows, each serialised as its folded form (lower case, no separators).\n\
         \n\
         use myeloma::{Drug, Regimen, Therapy};\n\
         \n\
         /// One variant per catalogue name.\n\
         #[derive(Clone, Copy, Debug, PartialEq, Eq, strum::EnumString, strum::VariantArray)]\n\
         #[strum(ascii_case_insensitive)]\n\
         pub enum StrumName {\n",
    );
    for (name, _) in &names {
        writeln!(s, "    #[strum(serialize = {:?})]", normalise(name)).unwrap();
        writeln!(s, "    {},", ident(name)).unwrap();
    }
    s.push_str(
        "}\n\
         \n\
         impl StrumName {\n    \
             /// The entry the name stands for.\n    \
             pub const fn therapy(self) -> Therapy {\n        \
                 match self {\n",
    );
    for (name, therapy) in &names {
        writeln!(
            s,
            "            StrumName::{} => {},",
            ident(name),
            therapy_path(*therapy)
        )
        .unwrap();
    }
    s.push_str("        }\n    }\n}\n");
    s
}
