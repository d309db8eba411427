//! The resolver's suggestions are the brute-force ones: every catalogue name compared with the text
//! by a plain dynamic-programming distance, within a third of the length (one edit for short
//! names), closest first, ties in catalogue order, one per entry, three at most. Checked on every
//! catalogue name mangled by one edit (each deletion, transposition, and a substitution and an
//! insertion at each position), and on random multi-edit text.

#[path = "../benches/support/names.rs"]
mod names;
#[allow(dead_code)]
#[path = "../src/text.rs"]
mod text;

use myeloma::{resolve, Drug, ParseError, Regimen, Therapy};
use proptest::prelude::*;

use names::catalogue_names;

/// What an error's suggestions are for.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Kind {
    Drug,
    Regimen,
    Any,
}

/// Optimal string alignment distance, the textbook table.
fn osa(a: &[u8], b: &[u8]) -> usize {
    let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            d[i][j] = (d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1)
                .min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d[i][j] = d[i][j].min(d[i - 2][j - 2] + 1);
            }
        }
    }
    d[a.len()][b.len()]
}

fn folded(name: &str) -> Option<Vec<u8>> {
    let mut buf = [0u8; text::MAX_FOLDED];
    text::fold(name.as_bytes(), &mut buf).map(|n| buf[..n].to_vec())
}

/// An entry's place in catalogue order: drugs, then regimens.
fn position(t: Therapy) -> usize {
    match t {
        Therapy::Drug(d) => Drug::ALL.iter().position(|x| *x == d).unwrap(),
        Therapy::Regimen(r) => Drug::ALL.len() + Regimen::ALL.iter().position(|x| *x == r).unwrap(),
        Therapy::Combination(_) => unreachable!(),
    }
}

/// The catalogue's folded names, each with its entry.
struct Catalogue(Vec<(Vec<u8>, Therapy)>);

impl Catalogue {
    fn new() -> Catalogue {
        Catalogue(
            catalogue_names()
                .into_iter()
                .map(|(name, t)| (folded(name).unwrap(), t))
                .collect(),
        )
    }

    /// Every entry within reach of `text`, with its distance, for each kind.
    fn reference(&self, text: &str) -> [Vec<Therapy>; 3] {
        let Some(query) = folded(text).filter(|q| !q.is_empty()) else {
            return [vec![], vec![], vec![]];
        };
        let mut found: Vec<(usize, usize, Therapy)> = Vec::new();
        for (key, t) in &self.0 {
            let d = osa(&query, key);
            if d <= (query.len().max(key.len()) / 3).max(1) {
                found.push((d, position(*t), *t));
            }
        }
        found.sort_by_key(|&(d, p, _)| (d, p));
        let pick = |kind: Kind| {
            let mut out: Vec<Therapy> = Vec::new();
            for &(_, _, t) in &found {
                let wanted = match kind {
                    Kind::Drug => matches!(t, Therapy::Drug(_)),
                    Kind::Regimen => matches!(t, Therapy::Regimen(_)),
                    Kind::Any => true,
                };
                if wanted && !out.contains(&t) && out.len() < 3 {
                    out.push(t);
                }
            }
            out
        };
        [pick(Kind::Drug), pick(Kind::Regimen), pick(Kind::Any)]
    }
}

fn suggested(error: &ParseError) -> Vec<Therapy> {
    error.suggestions().map(Therapy::from).collect()
}

/// Checks the three kinds of error for `text` against the reference; `None` if `text` is a name,
/// else how many drug suggestions it has.
fn check(catalogue: &Catalogue, text: &str) -> Option<usize> {
    if Therapy::from_name(text).is_some() {
        return None;
    }
    let [drugs, regimens, any] = catalogue.reference(text);
    let error = text.parse::<Drug>().unwrap_err();
    assert_eq!(suggested(&error), drugs, "drug suggestions for {text:?}");
    let error = ParseErrorFor::regimen(text);
    if let Some(error) = error {
        assert_eq!(
            suggested(&error),
            regimens,
            "regimen suggestions for {text:?}"
        );
    }
    if let Err(error) = resolve(text) {
        if error.unresolved() == text && !error.is_ambiguous() {
            assert_eq!(suggested(&error), any, "suggestions for {text:?}");
        }
    }
    Some(drugs.len())
}

struct ParseErrorFor;

impl ParseErrorFor {
    /// The regimen error for a text that `Regimen`'s `FromStr` reports as a whole.
    fn regimen(text: &str) -> Option<ParseError> {
        text.parse::<Regimen>()
            .err()
            .filter(|e| e.unresolved() == text)
    }
}

/// Every catalogue name mangled by one edit, each kind of edit at each position.
#[test]
fn suggestions_for_every_name_mangled_by_one_edit_are_the_brute_force_ones() {
    let catalogue = Catalogue::new();
    let alphabet = b"aeiourstnlxzd0";
    let (mut checked, mut with_suggestions) = (0, 0);
    for (n, (key, _)) in catalogue.0.iter().enumerate() {
        let mut variants: Vec<Vec<u8>> = Vec::new();
        for i in 0..key.len() {
            let mut v = key.clone();
            v.remove(i);
            variants.push(v);
            if i + 1 < key.len() {
                let mut v = key.clone();
                v.swap(i, i + 1);
                variants.push(v);
            }
            let mut v = key.clone();
            v[i] = alphabet[(i + n) % alphabet.len()];
            variants.push(v);
            let mut v = key.clone();
            v.insert(i, alphabet[(i * 5 + n) % alphabet.len()]);
            variants.push(v);
        }
        let mut v = key.clone();
        v.push(alphabet[n % alphabet.len()]);
        variants.push(v);
        for v in variants {
            let text = String::from_utf8(v).unwrap();
            if let Some(n) = check(&catalogue, &text) {
                checked += 1;
                with_suggestions += usize::from(n > 0);
            }
        }
    }
    assert!(checked > 5_000, "{checked} texts checked");
    assert!(
        with_suggestions > checked / 3,
        "{with_suggestions} of {checked} have suggestions"
    );
}

#[test]
fn known_misspellings_keep_their_suggestions() {
    let catalogue = Catalogue::new();
    for text in [
        "bortezimib",
        "lenadiomide",
        "velcad",
        "revlimd",
        "daratumamab",
        "carfilzomib1",
        "pomalidomde",
        "dexametasone",
        "DRVdd",
        "isakd1",
        "kyprolys",
        "xyz",
        "a",
        "zz",
        "ondansetron",
        "melfalan",
    ] {
        check(&catalogue, text);
    }
    let error = resolve("bortezimib").unwrap_err();
    assert_eq!(suggested(&error)[0], Therapy::Drug(Drug::Bortezomib));
}

fn mangled() -> impl Strategy<Value = String> {
    let names: Vec<&'static str> = catalogue_names().into_iter().map(|(n, _)| n).collect();
    (
        proptest::sample::select(names),
        proptest::collection::vec(
            (
                0usize..64,
                0u8..4,
                proptest::sample::select(b"aeiorstdk1- ".to_vec()),
            ),
            0..5,
        ),
    )
        .prop_map(|(name, edits)| {
            let mut bytes = name.as_bytes().to_vec();
            for (at, kind, c) in edits {
                let at = at % (bytes.len() + 1);
                match kind {
                    0 => bytes.insert(at, c),
                    1 if at < bytes.len() => {
                        bytes.remove(at);
                    }
                    2 if at + 1 < bytes.len() => bytes.swap(at, at + 1),
                    _ if at < bytes.len() => bytes[at] = c,
                    _ => bytes.push(c),
                }
            }
            String::from_utf8(bytes).unwrap()
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1024, ..ProptestConfig::default() })]

    #[test]
    fn suggestions_for_mangled_names_are_the_brute_force_ones(text in mangled()) {
        check(&Catalogue::new(), &text);
    }
}
