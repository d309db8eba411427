//! Properties of name resolution: no input panics, every catalogue name resolves back to its entry
//! however it is written, every id round-trips, misspellings get suggestions, and the lookup agrees
//! with a plain model (fold into a `String`, look it up in a `HashMap`). The benchmark's strum
//! baseline has its own tests, in `benches/tests/strum_names.rs`.

#[path = "../benches/support/names.rs"]
mod names;

use std::collections::HashMap;
use std::fmt::Write as _;

use myeloma::{resolve, Drug, Regimen, Therapy};
use proptest::prelude::*;
use proptest::sample::select;

use names::{catalogue_names, normalise};

/// The longest folded name the resolver looks up (`MAX_FOLDED` in src/text.rs).
const MAX_FOLDED: usize = 40;

/// Separators that folding drops, to sprinkle into names.
const SEPARATORS: &[&str] = &[
    " ", "-", ".", "_", "\t", "\u{2013}", "\u{2014}", "\u{00A0}", "\u{2010}", "\u{2212}",
    "\u{00AE}", "\u{2122}",
];

fn single_name(therapy: Therapy, name: &str) -> Option<Therapy> {
    match therapy {
        Therapy::Drug(_) => Drug::from_name(name).map(Therapy::Drug),
        Therapy::Regimen(_) => Regimen::from_name(name).map(Therapy::Regimen),
        Therapy::Combination(_) => None,
    }
}

/// Everything a name can be resolved through, each expected to give `therapy`.
fn assert_resolves(name: &str, therapy: Therapy) {
    assert_eq!(resolve(name), Ok(therapy), "resolve({name:?})");
    assert_eq!(
        single_name(therapy, name),
        Some(therapy),
        "from_name({name:?})"
    );
    assert_eq!(
        Therapy::from_name(name),
        Some(therapy),
        "Therapy::from_name({name:?})"
    );
    assert_eq!(
        name.parse::<Therapy>(),
        Ok(therapy),
        "{name:?}.parse::<Therapy>()"
    );
    match therapy {
        Therapy::Drug(d) => {
            assert_eq!(name.parse::<Drug>(), Ok(d), "{name:?}.parse::<Drug>()");
            assert_eq!(
                Regimen::from_name(name),
                None,
                "Regimen::from_name({name:?})"
            );
        }
        Therapy::Regimen(r) => {
            assert_eq!(
                name.parse::<Regimen>(),
                Ok(r),
                "{name:?}.parse::<Regimen>()"
            );
            assert_eq!(Drug::from_name(name), None, "Drug::from_name({name:?})");
        }
        Therapy::Combination(_) => unreachable!(),
    }
}

/// Runs every entry point on `text` and uses the error, which must not panic.
fn exercise(text: &str) {
    let _ = Drug::from_name(text);
    let _ = Regimen::from_name(text);
    let _ = text.parse::<Drug>();
    let _ = text.parse::<Therapy>();
    for result in [
        resolve(text).map(|_| ()),
        text.parse::<Regimen>().map(|_| ()),
    ] {
        if let Err(e) = result {
            let _ = e.suggestions().count();
            let mut shown = String::new();
            write!(shown, "{e}").unwrap();
            assert!(
                shown.starts_with("unknown ") || e.is_ambiguous() || e.conflict().is_some(),
                "{shown}"
            );
            assert!(
                text.starts_with(e.input()),
                "{:?} keeps a prefix of the input",
                e.input()
            );
        }
    }
}

#[test]
fn every_catalogue_name_resolves_to_its_entry() {
    let names = catalogue_names();
    assert!(
        names.len() > 50,
        "the catalogue knows {} names",
        names.len()
    );
    for (name, therapy) in names {
        assert_resolves(name, therapy);
        assert_resolves(&name.to_uppercase(), therapy);
        assert_resolves(&name.to_lowercase(), therapy);
        assert_resolves(&format!("  {name}\t"), therapy);
    }
}

#[test]
fn every_alias_in_the_yaml_is_a_name() {
    // The API's own lists, not the deduplicated ones: no alias may be lost in folding.
    for &d in Drug::ALL {
        for name in [d.generic_name()]
            .into_iter()
            .chain(d.brand_names().iter().copied())
            .chain(d.products().iter().map(|p| p.name))
            .chain(d.aliases().iter().filter(|a| !a.ambiguous).map(|a| a.name))
        {
            assert_resolves(name, Therapy::Drug(d));
        }
    }
    for &r in Regimen::ALL {
        for name in [r.acronym()]
            .into_iter()
            .chain(r.aliases().iter().filter(|a| !a.ambiguous).map(|a| a.name))
        {
            assert_resolves(name, Therapy::Regimen(r));
        }
    }
}

#[test]
fn the_pages_misspelling_suggests_lenalidomide() {
    assert_eq!(Drug::from_name("lenadiomide"), None);
    let error = resolve("lenadiomide").unwrap_err();
    assert_eq!(error.input(), "lenadiomide");
    assert_eq!(
        error.suggestions().next().map(Therapy::from),
        Some(Therapy::Drug(Drug::Lenalidomide))
    );
    let error = "lenadiomide".parse::<Drug>().unwrap_err();
    assert_eq!(
        error.suggestions().next().map(Therapy::from),
        Some(Therapy::Drug(Drug::Lenalidomide))
    );
    // The page's phrase is a combination with the misspelt drug in it: still not resolved.
    let error = resolve("lenadiomide and bortezomib").unwrap_err();
    assert_eq!(error.unresolved(), "lenadiomide");
    assert_eq!(
        error.suggestions().next().map(Therapy::from),
        Some(Therapy::Drug(Drug::Lenalidomide))
    );
}

#[test]
fn a_typo_suggests_the_drug() {
    assert_eq!(Drug::from_name("bortezimib"), None);
    let error = resolve("bortezimib").unwrap_err();
    assert_eq!(
        error.suggestions().next().map(Therapy::from),
        Some(Therapy::Drug(Drug::Bortezomib))
    );
    assert_eq!(
        error.to_string(),
        "unknown drug or regimen name `bortezimib` (did you mean bortezomib?)"
    );
}

#[test]
fn very_long_and_odd_inputs_do_not_panic() {
    let long = "bortezomib ".repeat(10_000);
    for text in [
        "",
        " ",
        "+",
        "/ / /",
        "-",
        "\u{2013}",
        "\u{0}",
        &long,
        &"é".repeat(100),
        &"a".repeat(MAX_FOLDED),
        &"a".repeat(MAX_FOLDED + 1),
        &format!("{}é", "a".repeat(63)),
        &"len/".repeat(1000),
        "len and and and",
        "low-dose",
        "\u{FEFF}velcade",
        "velcade\u{0301}",
    ] {
        exercise(text);
    }
    // Separators do not count towards the folded length.
    assert_eq!(
        Drug::from_name(&format!("{}velcade{}", " ".repeat(1000), "-".repeat(1000))),
        Some(Drug::Bortezomib)
    );
}

/// The model: fold into a `String` and look it up among the folded catalogue names.
fn model() -> HashMap<String, Therapy> {
    catalogue_names()
        .into_iter()
        .map(|(name, therapy)| (normalise(name), therapy))
        .collect()
}

fn model_lookup(model: &HashMap<String, Therapy>, text: &str) -> Option<Therapy> {
    let folded = normalise(text);
    if folded.len() > MAX_FOLDED {
        return None;
    }
    model.get(&folded).copied()
}

/// The lookup, checked to agree with `Drug::from_name` then `Regimen::from_name`.
fn lookup(text: &str) -> Option<Therapy> {
    let found = Therapy::from_name(text);
    let chain = Drug::from_name(text)
        .map(Therapy::Drug)
        .or_else(|| Regimen::from_name(text).map(Therapy::Regimen));
    assert_eq!(found, chain, "{text:?}");
    found
}

/// A catalogue name.
fn any_name() -> impl Strategy<Value = (&'static str, Therapy)> {
    select(catalogue_names())
}

/// A catalogue name with runs of zero to three separators inserted before, between and after its
/// characters, and each letter's case chosen at random: every length and every position of a
/// separator in an eight-byte word comes up.
fn written_name() -> impl Strategy<Value = (String, Therapy)> {
    any_name().prop_flat_map(|(name, therapy)| {
        let n = name.chars().count();
        let run = proptest::collection::vec(select(SEPARATORS), 0..=3);
        (
            Just(name),
            Just(therapy),
            proptest::collection::vec(run, n + 1),
            proptest::collection::vec(any::<bool>(), n),
        )
            .prop_map(move |(name, therapy, separators, upper)| {
                let mut out = String::new();
                for (i, c) in name.chars().enumerate() {
                    out.extend(separators[i].iter().copied());
                    out.push(if upper[i] {
                        c.to_ascii_uppercase()
                    } else {
                        c.to_ascii_lowercase()
                    });
                }
                out.extend(separators[n].iter().copied());
                (out, therapy)
            })
    })
}

/// Characters that exports carry and that a name may have anywhere: zero-width spaces and joiners,
/// the byte-order mark, direction marks, soft hyphens, and every white space character.
const INVISIBLE: &[&str] = &[
    "\u{200B}", "\u{200C}", "\u{200D}", "\u{2060}", "\u{FEFF}", "\u{200E}", "\u{200F}", "\u{202A}",
    "\u{202B}", "\u{202C}", "\u{202D}", "\u{202E}", "\u{2066}", "\u{2067}", "\u{2068}", "\u{2069}",
    "\u{00AD}", "\t", "\n", "\u{B}", "\u{C}", "\r", " ", "\u{85}", "\u{A0}", "\u{1680}",
    "\u{2000}", "\u{2001}", "\u{2002}", "\u{2003}", "\u{2004}", "\u{2005}", "\u{2006}", "\u{2007}",
    "\u{2008}", "\u{2009}", "\u{200A}", "\u{2028}", "\u{2029}", "\u{202F}", "\u{205F}", "\u{3000}",
];

/// A catalogue name with runs of zero to three invisible characters inserted anywhere.
fn name_with_invisible_characters() -> impl Strategy<Value = (String, Therapy)> {
    any_name().prop_flat_map(|(name, therapy)| {
        let n = name.chars().count();
        let run = proptest::collection::vec(select(INVISIBLE), 0..=3);
        (
            Just(name),
            Just(therapy),
            proptest::collection::vec(run, n + 1),
        )
            .prop_map(move |(name, therapy, inserted)| {
                let mut out = String::new();
                for (i, c) in name.chars().enumerate() {
                    out.extend(inserted[i].iter().copied());
                    out.push(c);
                }
                out.extend(inserted[n].iter().copied());
                (out, therapy)
            })
    })
}

/// A catalogue name with up to three random edits: characters inserted, removed or replaced, from an
/// alphabet of letters, digits, separators and a few non-ASCII characters.
fn mangled_name() -> impl Strategy<Value = String> {
    let alphabet = select(vec![
        'a', 'e', 'd', 'r', 'v', 'k', 'o', 'Z', '1', '6', ' ', '-', '.', '–', '—', 'é', 'ß',
        '\u{00A0}', '®', '\u{0}', '+', '/',
    ]);
    (
        any_name(),
        proptest::collection::vec((0usize..64, 0u8..3, alphabet), 0..4),
    )
        .prop_map(|((name, _), edits)| {
            let mut chars: Vec<char> = name.chars().collect();
            for (at, kind, c) in edits {
                let at = at % (chars.len() + 1);
                match kind {
                    0 => chars.insert(at, c),
                    1 if at < chars.len() => {
                        chars.remove(at);
                    }
                    _ if at < chars.len() => chars[at] = c,
                    _ => chars.push(c),
                }
            }
            chars.into_iter().collect()
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_unicode_does_not_panic(text in any::<String>()) {
        exercise(&text);
    }

    #[test]
    fn printable_text_does_not_panic(text in "\\PC{0,200}") {
        exercise(&text);
    }

    #[test]
    fn lists_of_names_and_junk_do_not_panic(text in "((len|bort|dex|dara|VRd|Kd|xyz|é|and|low-dose|plus)[ +/,;&|–-]{0,3}){0,20}") {
        exercise(&text);
    }

    #[test]
    fn very_long_strings_do_not_panic(text in proptest::collection::vec(any::<char>(), 0..20_000).prop_map(String::from_iter)) {
        exercise(&text);
    }

    #[test]
    fn written_names_resolve_to_their_entry((text, therapy) in written_name()) {
        prop_assert_eq!(single_name(therapy, &text), Some(therapy));
        prop_assert_eq!(resolve(&text), Ok(therapy));
    }

    #[test]
    fn invisible_characters_anywhere_do_not_change_a_names_resolution((text, therapy) in name_with_invisible_characters()) {
        prop_assert_eq!(single_name(therapy, &text), Some(therapy), "{:?}", text);
        prop_assert_eq!(Therapy::from_name(&text), Some(therapy), "{:?}", text);
        prop_assert_eq!(resolve(&text), Ok(therapy), "{:?}", text);
    }

    #[test]
    fn a_generic_name_with_a_brand_of_its_own_in_brackets_is_the_drug(
        drug in select(Drug::ALL),
        square in any::<bool>(),
    ) {
        for brand in drug.brand_names() {
            let text = if square {
                format!("{} [{brand}]", drug.generic_name())
            } else {
                format!("{} ({brand})", drug.generic_name())
            };
            prop_assert_eq!(resolve(&text), Ok(Therapy::Drug(drug)), "{}", text);
            prop_assert_eq!(Drug::from_name(&text), Some(drug), "{}", text);
        }
    }

    #[test]
    fn lookup_agrees_with_the_model(text in mangled_name()) {
        let model = model();
        prop_assert_eq!(lookup(&text), model_lookup(&model, &text), "{:?}", text);
    }

    #[test]
    fn upper_case_names_resolve((name, therapy) in any_name()) {
        prop_assert_eq!(single_name(therapy, &name.to_uppercase()), Some(therapy));
    }
}
