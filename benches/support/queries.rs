//! The benchmark's query streams, built from the catalogue API with a fixed seed so that every run
//! measures the same input.

use myeloma::{Drug, DrugSet, Regimen};
use rand::rngs::StdRng;
use rand::seq::{IndexedRandom, SliceRandom};
use rand::{Rng, SeedableRng};

use super::names::{catalogue_names, is_separator};

/// The seed of every stream.
pub const SEED: u64 = 0x006d_7965_6c6f_6d61; // "myeloma"

/// Drugs outside the catalogue, by generic name, brand name and short form, and regimens built on
/// them: realistic input that must miss.
const OUTSIDE: &[&str] = &[
    // Drugs that sit beside myeloma treatment in records but are not in the catalogue.
    "ondansetron",
    "Zofran",
    "allopurinol",
    "pegfilgrastim",
    "Neulasta",
    "trimethoprim-sulfamethoxazole",
    "Bactrim",
    "apixaban",
    "Eliquis",
    "rivaroxaban",
    "immune globulin",
    "Privigen",
    "posaconazole",
    "pantoprazole",
    "metoclopramide",
    "tocilizumab",
    "Actemra",
    // Drugs of other cancers and investigational myeloma drugs.
    "rituximab",
    "Rituxan",
    "ibrutinib",
    "vincristine",
    "iberdomide",
    "mezigdomide",
    "cevostamab",
    "anitocabtagene autoleucel",
    "anito-cel",
    // Regimens built on drugs outside the catalogue, and regimens of other cancers.
    "R-CHOP",
    "ABVD",
    "Iber-d",
    "Cevo-d",
    "VAD",
];

/// The page's own misspelling and common typos of the catalogue's names, always in the stream.
const KNOWN_TYPOS: &[&str] = &[
    "lenadiomide",
    "bortezimib",
    "daratumamab",
    "Revlimd",
    "Kyprollis",
    "ciltacabtagen autoleucel",
    "Tecvali",
];

/// Whether the catalogue resolves `name` as a single name.
fn resolves(name: &str) -> bool {
    Drug::from_name(name).is_some() || Regimen::from_name(name).is_some()
}

/// One realistic way of writing `name`; `kind` picks which.
fn variant(rng: &mut StdRng, name: &str, kind: usize) -> String {
    let chars: Vec<char> = name.chars().collect();
    let interior = |rng: &mut StdRng| {
        if chars.len() < 2 {
            chars.len()
        } else {
            rng.random_range(1..chars.len())
        }
    };
    match kind {
        // "VELCADE", "D-RVD"
        0 => name.to_uppercase(),
        // "velcade", "d-rvd"
        1 => name.to_lowercase(),
        // as the catalogue writes it
        2 => name.to_string(),
        // "Velcade", "D-rvd"
        3 => {
            let lower = name.to_lowercase();
            let mut it = lower.chars();
            it.next()
                .map(|c| c.to_uppercase().chain(it).collect())
                .unwrap_or_default()
        }
        // separators dropped: "DRVd", "acetylsalicylicacid"
        4 => name.chars().filter(|c| !is_separator(*c)).collect(),
        // a hyphen inserted: "d-rvd" from "DRd" style names, "Velc-ade"
        5 => {
            let at = interior(rng);
            chars[..at]
                .iter()
                .chain(['-'].iter())
                .chain(&chars[at..])
                .collect::<String>()
        }
        // a space inserted, separators as spaces: "D RVd", "Isa Kd"
        6 => {
            let spaced: Vec<char> = chars
                .iter()
                .map(|c| if is_separator(*c) { ' ' } else { *c })
                .collect();
            if spaced != chars {
                spaced.into_iter().collect()
            } else {
                let at = interior(rng);
                chars[..at]
                    .iter()
                    .chain([' '].iter())
                    .chain(&chars[at..])
                    .collect::<String>()
            }
        }
        // an en dash: "Isa–Kd", "D–RVd"
        7 => {
            let dashed: Vec<char> = chars
                .iter()
                .map(|c| if is_separator(*c) { '\u{2013}' } else { *c })
                .collect();
            if dashed != chars {
                dashed.into_iter().collect()
            } else {
                let at = interior(rng);
                chars[..at]
                    .iter()
                    .chain(['\u{2013}'].iter())
                    .chain(&chars[at..])
                    .collect::<String>()
            }
        }
        // surrounding whitespace, as pasted from a spreadsheet: " Velcade "
        8 => format!(" {name} "),
        // a short name as a dotted abbreviation, "D.R.V.d."; a long one upper case without
        // separators, "ACETYLSALICYLICACID"
        _ if chars.iter().filter(|c| !is_separator(**c)).count() > 5 => name
            .chars()
            .filter(|c| !is_separator(*c))
            .collect::<String>()
            .to_uppercase(),
        _ => {
            let mut out = String::new();
            for c in name.chars().filter(|c| !is_separator(*c)) {
                out.push(c);
                out.push('.');
            }
            out
        }
    }
}

const VARIANT_KINDS: usize = 10;

/// Two or three distinct ways of writing `name`.
fn variants(rng: &mut StdRng, name: &str) -> Vec<String> {
    let mut kinds: Vec<usize> = (0..VARIANT_KINDS).collect();
    kinds.shuffle(rng);
    let count = rng.random_range(2..=3);
    kinds[..count]
        .iter()
        .map(|&k| variant(rng, name, k))
        .collect()
}

/// A one-edit typo of `name` (substitution, deletion, doubling or transposition of neighbours) that
/// the catalogue does not resolve.
fn typo(rng: &mut StdRng, name: &str) -> Option<String> {
    let mut chars: Vec<char> = name.chars().collect();
    if chars.len() < 4 {
        return None;
    }
    let at = rng.random_range(1..chars.len() - 1);
    match rng.random_range(0..4) {
        0 => chars[at] = *b"aeiouylmnrst".choose(rng).unwrap() as char,
        1 => {
            chars.remove(at);
        }
        2 => chars.insert(at, chars[at]),
        _ => chars.swap(at, at + 1),
    }
    let typo: String = chars.into_iter().collect();
    (!resolves(&typo)).then_some(typo)
}

/// The name-lookup stream: `rounds` times, every catalogue name in two or three variants plus one
/// miss for every four hits (20% of the stream): typos of catalogue names and drugs outside it, in
/// variants too. Shuffled; contains no name that folds past the resolver's 40-byte limit.
pub fn name_stream(rounds: usize) -> Vec<String> {
    let mut rng = StdRng::seed_from_u64(SEED);
    let names = catalogue_names();
    let mut stream = Vec::new();
    for _ in 0..rounds {
        let mut hits: Vec<String> = names
            .iter()
            .flat_map(|(name, _)| variants(&mut rng, name))
            .collect();
        let mut misses: Vec<String> = KNOWN_TYPOS.iter().map(|t| t.to_string()).collect();
        while misses.len() * 4 < hits.len() {
            let miss = if rng.random_bool(0.5) {
                let (name, _) = names.choose(&mut rng).unwrap();
                typo(&mut rng, name)
            } else {
                Some(OUTSIDE.choose(&mut rng).unwrap().to_string())
            };
            if let Some(miss) = miss {
                let kind = rng.random_range(0..VARIANT_KINDS);
                misses.push(variant(&mut rng, &miss, kind));
            }
        }
        stream.append(&mut hits);
        stream.append(&mut misses);
    }
    stream.shuffle(&mut rng);
    stream
}

/// The `from_drugs` stream: every regimen's drug set, and about as many sets that are no regimen's
/// (a regimen's set less or plus one drug, random sets of one to four drugs), shuffled to `len`.
pub fn drug_set_stream(len: usize) -> Vec<DrugSet> {
    let mut rng = StdRng::seed_from_u64(SEED ^ 1);
    let mut stream = Vec::with_capacity(len);
    while stream.len() < len {
        let regimen = *Regimen::ALL.choose(&mut rng).unwrap();
        let set = regimen.drugs();
        let drug = *Drug::ALL.choose(&mut rng).unwrap();
        stream.push(match rng.random_range(0..6) {
            0..=2 => set,
            3 => set.without(set.iter().nth(rng.random_range(0..set.len())).unwrap()),
            4 => set.with(drug),
            _ => (0..rng.random_range(1..=4))
                .map(|_| *Drug::ALL.choose(&mut rng).unwrap())
                .collect(),
        });
    }
    stream.shuffle(&mut rng);
    stream
}
