//! Names as exports write them: full-width letters, invisible characters, every white space,
//! quotes, `(R)` and `(TM)`, a brand in brackets after the generic name, ATC codes; and error
//! messages that show what cannot be seen.

#[path = "../benches/support/names.rs"]
mod names;

use myeloma::{resolve, Drug, Regimen, Therapy};

use names::catalogue_names;

const BORTEZOMIB: Therapy = Therapy::Drug(Drug::Bortezomib);
const LENALIDOMIDE: Therapy = Therapy::Drug(Drug::Lenalidomide);
const RVD: Therapy = Therapy::Regimen(Regimen::RVd);

/// Zero-width characters, the byte-order mark, direction marks and the soft hyphen.
const INVISIBLE: &[char] = &[
    '\u{200B}', '\u{200C}', '\u{200D}', '\u{2060}', '\u{FEFF}', '\u{200E}', '\u{200F}', '\u{202A}',
    '\u{202B}', '\u{202C}', '\u{202D}', '\u{202E}', '\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}',
    '\u{00AD}',
];

/// Every entry point that reads a single name, each expected to give `therapy`.
#[track_caller]
fn assert_names(text: &str, therapy: Therapy) {
    assert_eq!(
        Therapy::from_name(text),
        Some(therapy),
        "Therapy::from_name({text:?})"
    );
    assert_eq!(resolve(text), Ok(therapy), "resolve({text:?})");
    assert_eq!(
        text.parse::<Therapy>(),
        Ok(therapy),
        "{text:?}.parse::<Therapy>()"
    );
    match therapy {
        Therapy::Drug(d) => {
            assert_eq!(Drug::from_name(text), Some(d), "Drug::from_name({text:?})");
            assert_eq!(text.parse::<Drug>(), Ok(d), "{text:?}.parse::<Drug>()");
            assert_eq!(Regimen::from_name(text), None);
        }
        Therapy::Regimen(r) => {
            assert_eq!(
                Regimen::from_name(text),
                Some(r),
                "Regimen::from_name({text:?})"
            );
            assert_eq!(
                text.parse::<Regimen>(),
                Ok(r),
                "{text:?}.parse::<Regimen>()"
            );
            assert_eq!(Drug::from_name(text), None);
        }
        Therapy::Combination(_) => unreachable!(),
    }
}

/// `ＶＲｄ`: the full-width form of each ASCII character.
fn full_width(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '!'..='~' => char::from_u32(c as u32 + 0xFEE0).unwrap(),
            ' ' => '\u{3000}',
            c => c,
        })
        .collect()
}

#[test]
fn full_width_letters_are_their_ascii_selves() {
    assert_names("ＶＲｄ", RVD);
    assert_names("ｖｅｌｃａｄｅ", BORTEZOMIB);
    assert_names("Ｄ－ＲＶｄ", Therapy::Regimen(Regimen::DRVd));
    assert_names("ＰＳ－３４１", BORTEZOMIB);
    for (name, therapy) in catalogue_names() {
        assert_names(&full_width(name), therapy);
    }
}

#[test]
fn invisible_characters_do_not_matter() {
    for &c in INVISIBLE {
        assert_names(&format!("Vel{c}cade"), BORTEZOMIB);
        assert_names(&format!("{c}VRd{c}"), RVD);
        assert_names(&format!("D{c}-{c}RVd"), Therapy::Regimen(Regimen::DRVd));
    }
    // A byte-order mark at the start of a line, as a spreadsheet export writes it.
    assert_names("\u{FEFF}VRd", RVD);
    assert_names("\u{FEFF}Velcade", BORTEZOMIB);
    // A right-to-left export wraps names in isolates and marks.
    assert_names("\u{2067}Revlimid\u{2069}", LENALIDOMIDE);
    assert_names("\u{200F}Revlimid\u{200E}", LENALIDOMIDE);
    // Soft hyphens where a word processor may break the word.
    assert_names("lena\u{AD}li\u{AD}do\u{AD}mide", LENALIDOMIDE);
    for (name, therapy) in catalogue_names() {
        for &c in INVISIBLE {
            let mut written: String = name.chars().flat_map(|n| [n, c]).collect();
            written.insert(0, c);
            assert_names(&written, therapy);
        }
    }
}

#[test]
fn registered_and_trade_marks_after_a_brand_do_not_matter() {
    for text in [
        "Velcade(R)",
        "Velcade (R)",
        "Velcade(r)",
        "VELCADE (R)",
        "Velcade®",
        "Velcade ®",
        "Velcade(TM)",
        "Velcade (tm)",
        "Velcade™",
        "Velcade ( R )",
        "Ｖｅｌｃａｄｅ（Ｒ）",
        "Velcade（TM）",
    ] {
        assert_names(text, BORTEZOMIB);
    }
    assert_names("Darzalex Faspro(TM)", Therapy::Drug(Drug::Daratumumab));
    assert_eq!(Therapy::from_name("Velcade(X)"), None);
    assert_eq!(Therapy::from_name("Velcade(R"), None);
    assert_eq!(Therapy::from_name("Velcade(T)"), None);
}

#[test]
fn quotes_around_a_name_do_not_matter() {
    for text in [
        "\"VRd\"",
        "'VRd'",
        "\u{201C}VRd\u{201D}",
        "\u{2018}VRd\u{2019}",
        "\u{AB}VRd\u{BB}",
        "\u{AB} VRd \u{BB}",
        "\u{201E}VRd\u{201C}",
        "\u{2039}VRd\u{203A}",
        "＂VRd＂",
        " \"VRd\" ",
    ] {
        assert_names(text, RVD);
    }
    assert_names("\"Velcade\"", BORTEZOMIB);
}

#[test]
fn a_brand_in_brackets_after_the_generic_resolves_to_the_drug() {
    for text in [
        "bortezomib (Velcade)",
        "bortezomib(Velcade)",
        "bortezomib [Velcade]",
        "Bortezomib (VELCADE)",
        "bortezomib (Velcade®)",
        "bortezomib (Velcade(R))",
        "bortezomib (Velcade) ",
        "Velcade (bortezomib)",
        "bortezomib （Velcade）",
        "\u{FEFF}\"bortezomib (Velcade)\"",
        "bortezomib (bortezomib)",
        "bortezomib (PS-341)",
    ] {
        assert_names(text, BORTEZOMIB);
    }
    assert_names("lenalidomide [Revlimid]", LENALIDOMIDE);
    assert_names("lenalidomide (Revlimid)", LENALIDOMIDE);
    assert_names(
        "daratumumab (Darzalex Faspro)",
        Therapy::Drug(Drug::Daratumumab),
    );
    assert_names("VRd (RVd)", RVD);
    // An ambiguous name with one of its meanings in brackets is that meaning.
    assert_names("BVd (Bela-Vd)", Therapy::Regimen(Regimen::BelaVd));
    // In a list, each drug may carry its brand.
    assert_eq!(
        resolve("lenalidomide (Revlimid) + bortezomib (Velcade) + dexamethasone"),
        Ok(RVD)
    );
}

#[test]
fn a_brand_of_another_drug_in_brackets_is_a_conflict_naming_both() {
    let error = resolve("bortezomib (Revlimid)").unwrap_err();
    assert_eq!(error.conflict(), Some((BORTEZOMIB, LENALIDOMIDE)));
    assert!(!error.is_ambiguous());
    let both: Vec<Therapy> = error.suggestions().map(Therapy::from).collect();
    assert_eq!(both, [BORTEZOMIB, LENALIDOMIDE]);
    assert_eq!(
        error.to_string(),
        "`bortezomib (Revlimid)` names two different entries: bortezomib and lenalidomide (say which)"
    );
    let error = resolve("lenalidomide [Velcade]").unwrap_err();
    assert_eq!(error.conflict(), Some((LENALIDOMIDE, BORTEZOMIB)));
    assert!(error.to_string().contains("lenalidomide and bortezomib"));
    for text in [
        "bortezomib (Revlimid)",
        "lenalidomide [Velcade]",
        "VRd (Kd)",
    ] {
        assert_eq!(Therapy::from_name(text), None, "{text}");
        assert_eq!(Drug::from_name(text), None, "{text}");
        assert_eq!(Regimen::from_name(text), None, "{text}");
        assert!(text.parse::<Drug>().is_err(), "{text}");
        assert!(resolve(text).unwrap_err().conflict().is_some(), "{text}");
    }
    // `FromStr` reports the conflict too.
    for error in [
        "bortezomib (Revlimid)".parse::<Drug>().unwrap_err(),
        "bortezomib (Revlimid)".parse::<Therapy>().unwrap_err(),
        "VRd (Kd)".parse::<Regimen>().unwrap_err(),
    ] {
        assert!(error.conflict().is_some(), "{error}");
        assert!(
            error.to_string().contains("names two different entries"),
            "{error}"
        );
    }
    // A drug and a regimen disagree too.
    let error = resolve("bortezomib (VRd)").unwrap_err();
    assert_eq!(error.conflict(), Some((BORTEZOMIB, RVD)));
}

#[test]
fn an_unknown_name_in_brackets_is_the_part_reported() {
    let error = resolve("bortezomib (Velcad)").unwrap_err();
    assert_eq!(error.unresolved(), "Velcad");
    assert_eq!(error.conflict(), None);
    assert_eq!(
        error.suggestions().next().map(Therapy::from),
        Some(BORTEZOMIB)
    );
    assert_eq!(
        error.to_string(),
        "unknown drug or regimen name `Velcad` in `bortezomib (Velcad)` (did you mean bortezomib?)"
    );
    let error = resolve("bortezimib (Velcade)").unwrap_err();
    assert_eq!(error.unresolved(), "bortezimib ");
    // Text after the brackets, or two pairs, is no brand in brackets.
    assert!(resolve("bortezomib (Velcade) injection").is_err());
    assert_eq!(Therapy::from_name("bortezomib (Velcade) (Velcade)"), None);
    assert_eq!(Therapy::from_name("(Velcade)"), None);
    assert_eq!(Therapy::from_name("bortezomib (Velcade]"), None);
    assert_eq!(Therapy::from_name("bortezomib ()"), None);
}

#[test]
fn from_name_and_resolve_agree_on_every_white_space_character() {
    let spaces: Vec<char> = (0..=char::MAX as u32)
        .filter_map(char::from_u32)
        .filter(|c| c.is_whitespace())
        .collect();
    assert_eq!(spaces.len(), 25, "{spaces:?}");
    let names = catalogue_names();
    for &w in &spaces {
        for &(name, therapy) in &names {
            let written = [
                format!("{w}{name}{w}"),
                name.replace(' ', &w.to_string()),
                name.replace(|c: char| !c.is_alphanumeric(), &w.to_string()),
                {
                    let mut s = name.to_string();
                    let mid = s.char_indices().nth(name.chars().count() / 2).unwrap().0;
                    s.insert(mid, w);
                    s
                },
            ];
            for text in &written {
                assert_eq!(Therapy::from_name(text), Some(therapy), "{text:?}");
                assert_eq!(resolve(text), Ok(therapy), "{text:?}");
            }
        }
        // And on misses: neither reads a typo with white space around it.
        let typo = format!("{w}bortezimib{w}");
        assert_eq!(Therapy::from_name(&typo), None, "{typo:?}");
        let error = resolve(&typo).unwrap_err();
        assert_eq!(error.unresolved(), "bortezimib", "{typo:?}");
    }
}

#[test]
fn atc_codes_resolve_to_their_drug() {
    assert_eq!(resolve("L01XG01"), Ok(BORTEZOMIB));
    assert_eq!(resolve("l01xg01"), Ok(BORTEZOMIB));
    assert_eq!(resolve(" L01XG01\t"), Ok(BORTEZOMIB));
    assert_eq!(resolve("Ｌ０１ＸＧ０１"), Ok(BORTEZOMIB));
    assert_eq!(resolve("\u{FEFF}L01XG01"), Ok(BORTEZOMIB));
    // Retired codes that older data still carries.
    assert_eq!(resolve("L01XX32"), Ok(BORTEZOMIB));
    assert_eq!(resolve("L01XC24"), Ok(Therapy::Drug(Drug::Daratumumab)));
    assert_eq!("L04AX04".parse::<Therapy>(), Ok(LENALIDOMIDE));
    for &drug in Drug::ALL {
        assert_eq!(
            resolve(drug.atc()),
            Ok(Therapy::Drug(drug)),
            "{}",
            drug.atc()
        );
    }
    // A code is not a name.
    assert_eq!(Therapy::from_name("L01XG01"), None);
    assert_eq!(Drug::from_name("L01XG01"), None);
    let error = resolve("L01XX99").unwrap_err();
    assert_eq!(error.unresolved(), "L01XX99");
    assert!(resolve("L01XG").is_err());
    assert!(resolve("L01XG011").is_err());
}

#[test]
fn error_messages_show_invisible_and_control_characters_escaped() {
    let error = resolve("vel\u{1}cade").unwrap_err();
    assert_eq!(error.unresolved(), "vel\u{1}cade");
    assert!(
        error
            .to_string()
            .starts_with("unknown drug or regimen name `vel\\u{1}cade`"),
        "{error}"
    );
    let error = resolve("bortezimib\u{200B}").unwrap_err();
    assert!(
        error.to_string().contains("`bortezimib\\u{200b}`"),
        "{error}"
    );
    let error = resolve("Velcade\u{7}\u{7f}").unwrap_err();
    assert!(
        error.to_string().contains("`Velcade\\u{7}\\u{7f}`"),
        "{error}"
    );
    let error = "vel\u{0}cade".parse::<Drug>().unwrap_err();
    assert!(error.to_string().contains("`vel\\u{0}cade`"), "{error}");
    // Visible text outside ASCII is shown as it is.
    let error = resolve("velcadé").unwrap_err();
    assert!(error.to_string().contains("`velcadé`"), "{error}");
    // In a list, both the part and the whole input are escaped.
    let error = resolve("len + x\u{202E}yz").unwrap_err();
    assert!(
        error
            .to_string()
            .contains("`x\\u{202e}yz` in `len + x\\u{202e}yz`"),
        "{error}"
    );
}

#[test]
fn a_phase_word_after_a_name_is_skipped() {
    for (text, therapy) in [
        (
            "lenalidomide maintenance",
            Therapy::Drug(Drug::Lenalidomide),
        ),
        ("Revlimid MAINTENANCE", Therapy::Drug(Drug::Lenalidomide)),
        ("len maintenance", Therapy::Drug(Drug::Lenalidomide)),
        // The name before the phase word is looked up whole, hyphen and all.
        ("D-R maintenance", Therapy::Regimen(Regimen::DR)),
        ("VRd-induction", Therapy::Regimen(Regimen::RVd)),
        ("KRd consolidation", Therapy::Regimen(Regimen::KRd)),
        (
            "D-VRd induction/consolidation",
            Therapy::Regimen(Regimen::DRVd),
        ),
        ("dara len maintenance", Therapy::Regimen(Regimen::DR)),
    ] {
        assert_eq!(resolve(text), Ok(therapy), "{text}");
    }
    // A phase word names no therapy, alone or with another.
    for text in ["maintenance", "induction maintenance", "Rd maintenancex"] {
        assert!(resolve(text).is_err(), "{text}");
    }
}
