//! The generator's diagnostics: every kind of bad catalogue is reported, at the right file, line and
//! column, with a message that says what is wrong; no input makes the generator panic; the same
//! catalogue always generates the same code.
//!
//! Fixtures: `tests/fixtures/valid/` is a small, complete catalogue. Each `tests/fixtures/invalid/<case>/`
//! holds only the files that differ from it (the harness lays them over the valid ones); a file named
//! `REMOVE` lists, one a line, files to drop. Each case's rendered diagnostics are an insta snapshot.

#[allow(dead_code, unused_imports)]
#[path = "../codegen/mod.rs"]
mod codegen;

use std::collections::BTreeMap;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};

use rand::rngs::StdRng;
use rand::seq::SliceRandom;
use rand::SeedableRng;

type Files = BTreeMap<String, Vec<u8>>;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// The `.yaml` files of a directory, by name.
fn read_yaml(dir: &Path) -> Files {
    let mut files = Files::new();
    let entries =
        std::fs::read_dir(dir).unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()));
    for entry in entries {
        let path = entry.expect("directory entry").path();
        if path.extension().is_some_and(|e| e == "yaml") {
            let name = path
                .file_name()
                .expect("file name")
                .to_string_lossy()
                .into_owned();
            let bytes = std::fs::read(&path)
                .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
            files.insert(name, bytes);
        }
    }
    files
}

fn valid() -> Files {
    read_yaml(&fixtures().join("valid"))
}

/// The valid fixture with one case's files laid over it and its `REMOVE` list taken out.
fn invalid(case: &str) -> Files {
    let dir = fixtures().join("invalid").join(case);
    assert!(dir.is_dir(), "no fixture directory {}", dir.display());
    let mut files = valid();
    files.extend(read_yaml(&dir));
    if let Ok(remove) = std::fs::read_to_string(dir.join("REMOVE")) {
        for name in remove.lines().map(str::trim).filter(|l| !l.is_empty()) {
            assert!(
                files.remove(name).is_some(),
                "{case}/REMOVE names `{name}`, which the valid fixture lacks"
            );
        }
    }
    files
}

/// Runs the generator, turning a panic into a test failure that names the input.
fn generate(what: &str, files: &Files) -> Result<String, Vec<codegen::Diagnostic>> {
    match catch_unwind(AssertUnwindSafe(|| codegen::generate(files))) {
        Ok(result) => result,
        Err(_) => panic!("the generator panicked on {what}"),
    }
}

/// Whether a line reads `catalogue/<file>.yaml:LINE:COL: error: <message>`, with a known file and a
/// line and column that start at 1.
fn is_diagnostic_line(line: &str) -> bool {
    let Some(rest) = line.strip_prefix("catalogue/") else {
        return false;
    };
    let mut parts = rest.splitn(4, ':');
    let (Some(file), Some(l), Some(c), Some(message)) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return false;
    };
    let positive = |s: &str| s.parse::<u64>().is_ok_and(|n| n >= 1);
    codegen::FILES.contains(&file)
        && positive(l)
        && positive(c)
        && message
            .strip_prefix(" error: ")
            .is_some_and(|m| !m.trim().is_empty())
}

/// Checks an error result's shape and returns its rendered text.
fn rendered(what: &str, diagnostics: &[codegen::Diagnostic]) -> String {
    assert!(
        !diagnostics.is_empty(),
        "{what}: the generator failed without a diagnostic"
    );
    let text = codegen::diagnostic::render(diagnostics);
    for line in text.lines() {
        assert!(
            is_diagnostic_line(line),
            "{what}: malformed diagnostic line: {line}"
        );
    }
    text
}

/// The diagnostics of one invalid case, checked for shape.
fn diagnostics_of(case: &str) -> String {
    match generate(case, &invalid(case)) {
        Ok(_) => panic!("fixture `{case}` generated code; it should have been rejected"),
        Err(d) => rendered(case, &d),
    }
}

/// One test per invalid fixture, each snapshotting the exact diagnostic text.
macro_rules! cases {
    ($($case:ident: $description:literal;)*) => {
        /// Every fixture directory, so that none is left without a test.
        const CASES: &[&str] = &[$(stringify!($case)),*];

        $(
            #[test]
            fn $case() {
                let text = diagnostics_of(stringify!($case));
                insta::with_settings!({ description => $description, omit_expression => true }, {
                    insta::assert_snapshot!(stringify!($case), text);
                });
            }
        )*
    };
}

cases! {
    yaml_syntax: "drugs.yaml: a flow list that is never closed";
    tab_indentation: "routes.yaml: a key indented with a tab";
    empty_file: "uses.yaml holds only a comment";
    missing_file: "targets.yaml is missing";
    not_utf8: "drugs.yaml: a brand name saved in Latin-1";
    unknown_field: "drugs.yaml: `brand_name` for `brand_names`";
    missing_field: "drugs.yaml: a drug without `class`";
    wrong_type: "drugs.yaml: a number where the list `targets` is due";
    duplicate_key: "drugs.yaml: `class` twice in one drug";
    duplicate_id: "routes.yaml: route `oral` twice";
    folded_name_clash: "drugs.yaml: brand `Velcade` of one drug and alias `VELCADE` of another";
    unknown_drug: "regimens.yaml: a component naming `bortezimib`";
    unknown_use: "regimens.yaml: a regimen naming use `relapsed-or-refactory`";
    unknown_class: "drugs.yaml: a drug naming class `proteasome-inhibiter`";
    unknown_route: "drugs.yaml: a drug naming route `intravenous`, which routes.yaml lacks";
    no_components: "regimens.yaml: `components: []`";
    drug_twice_in_regimen: "regimens.yaml: bortezomib twice in one regimen";
    same_drug_set: "regimens.yaml: two regimens with the same drugs and doses";
    invalid_identifier: "targets.yaml: ids that make no Rust identifier";
    identifier_collision: "targets.yaml: ids `cd-38` and `cd38` both make `Cd38`";
    prerequisite_unknown_drug: "drugs.yaml: a prior exposure naming drug `bortezimib`";
    prerequisite_unknown_class: "regimens.yaml: a prior exposure naming class `imid`";
    prior_lines_negative: "drugs.yaml: `min_prior_lines: -1`";
    prior_lines_absurd: "regimens.yaml: `min_prior_lines: 40`";
    unknown_source: "classes.yaml and page.yaml: citations of sources that sources.yaml lacks";
    malformed_atc: "drugs.yaml: ATC codes of the wrong shape";
    shared_atc: "drugs.yaml: one ATC code given to two drugs";
    malformed_atc_group: "classes.yaml: an ATC group of the wrong shape, and a group claimed by two classes";
    atc_group_disagrees: "classes.yaml: a class claiming the ATC group of a drug of another class";
    rxcui_with_unknown_status: "drugs.yaml: an RxNorm code with `rxcui_status: unknown`";
    keyword_identifier: "routes.yaml and regimens.yaml: an id and an acronym that make the keyword `Self`";
    regimen_identifier_collision: "regimens.yaml: acronyms `RVd` and `R-Vd` both make `RVd`";
    duplicate_drug: "drugs.yaml: generic names `bortezomib` and `Bortezomib` make one id";
    repeated_reference: "drugs.yaml and regimens.yaml: a use, a source and a prior exposure listed twice";
    empty_prerequisites: "regimens.yaml: prerequisites that state no condition";
    max_below_min: "drugs.yaml: `max_prior_lines` below `min_prior_lines`";
    exposure_not_one_kind: "drugs.yaml: prior exposures naming both a drug and a class, and nothing";
    impossible_date: "page.yaml: `reviewed: 2026-02-30`";
    label_without_regulator: "sources.yaml: a label without a regulator, a reference with one";
    targeted_drug_incomplete: "drugs.yaml: a targeted drug with no brand name and no route";
    prerequisites_not_given_alone: "drugs.yaml: prerequisites on a drug that is not given alone";
    page_wording_without_source: "drugs.yaml: `page_wording` without `page_source`";
    rxcui_status_and_sharing: "drugs.yaml: an RxNorm status without a code, and one code on two drugs";
    unresolvable_name: "drugs.yaml: aliases that fold to nothing, hold a `/`, or are too long";
    most_common_with_not_component: "regimens.yaml: `most_common_with` a drug that is not a component";
    use_without_phases: "uses.yaml: `phases: []`";
    wrong_scalar: "drugs.yaml: `given_alone: maybe` and `rxcui: -5`";
    missing_value: "drugs.yaml: `class:` with no value";
    two_documents: "regimens.yaml: a second YAML document after `---`";
    wrong_kind_of_value: "regimens.yaml and page.yaml: a plain value where a mapping is due, a list where text is due";
    unknown_variant: "sources.yaml: `kind: page`";
    many_mistakes: "mistakes in four files, all reported in one run";
    many_parse_errors: "syntax errors in two files and a missing third, all reported in one run";
    route_wording_and_source: "drugs.yaml: a route with both the page's wording and a label, one with neither";
    unpaired_ambiguous: "regimens.yaml: a name marked ambiguous that no other entry shares, one shared but marked on one side only";
    class_parent_problems: "classes.yaml: a child class claiming ATC groups, a grandchild, a class its own parent, an unknown parent";
    approval_date: "drugs.yaml: approval dates `2005-13` and `May 2016`";
    regimen_beyond_page_without_settings: "regimens.yaml: a regimen beyond the page with no settings and the page's uses";
    description_mismatch: "drugs.yaml: a page drug without `description`, a drug beyond the page with one";
    maintenance_not_line_defining: "drugs.yaml: a steroid marked `maintenance`";
    indication_problems: "regimens.yaml: indications without a setting, with a setting and status none, a bad date, lines out of order, a refractoriness naming two things, an unknown source";
}

#[test]
fn every_fixture_has_a_test() {
    let mut dirs: Vec<String> = std::fs::read_dir(fixtures().join("invalid"))
        .expect("tests/fixtures/invalid")
        .map(|e| {
            e.expect("directory entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    dirs.sort();
    let mut cases: Vec<String> = CASES.iter().map(|c| c.to_string()).collect();
    cases.sort();
    assert_eq!(dirs, cases, "fixture directories and test cases differ");
}

#[test]
fn valid_fixture_generates_rust() {
    let code = generate("the valid fixture", &valid())
        .unwrap_or_else(|d| panic!("{}", codegen::diagnostic::render(&d)));
    assert!(code.starts_with(codegen::HEADER));
    syn::parse_file(&code).expect("the generated code parses as Rust");
}

/// Several mistakes in several files are all reported, not only the first.
#[test]
fn all_problems_are_reported_in_one_run() {
    for (case, at_least) in [("many_mistakes", 4), ("many_parse_errors", 3)] {
        let text = diagnostics_of(case);
        let files: std::collections::BTreeSet<&str> =
            text.lines().filter_map(|l| l.split(':').next()).collect();
        assert!(
            text.lines().count() >= at_least,
            "{case}: too few diagnostics:\n{text}"
        );
        assert!(
            files.len() >= 3,
            "{case}: diagnostics from too few files:\n{text}"
        );
    }
}

/// The real catalogue's files, by name.
fn real_catalogue() -> Files {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("catalogue");
    let files = read_yaml(&dir);
    assert_eq!(
        files.len(),
        codegen::FILES.len(),
        "the catalogue has all its files"
    );
    files
}

/// Checks that the generator returns code or well-formed diagnostics for `files`, without panicking,
/// and that each diagnostic points inside its file (or at its start, for a missing file).
fn survives(what: &str, files: &Files) {
    let Err(diagnostics) = generate(what, files) else {
        return;
    };
    rendered(what, &diagnostics);
    for d in &diagnostics {
        let name = d.file.trim_start_matches("catalogue/");
        let lines = files
            .get(name)
            .map_or(1, |bytes| bytes.split(|b| *b == b'\n').count());
        assert!(
            d.line as usize <= lines,
            "{what}: `{d}` points past the end of {name} ({lines} lines)"
        );
    }
}

/// Byte offsets at which to cut `bytes`: `spread` offsets evenly across the file, and inside and
/// right after its first and last multi-byte UTF-8 characters. (The parser is slow in a debug build, so
/// the offsets are few and chosen.)
fn cuts(bytes: &[u8], spread: usize) -> Vec<usize> {
    let len = bytes.len();
    let mut cuts: Vec<usize> = (0..=spread).map(|i| i * len / spread).collect();
    let leads: Vec<usize> = (0..len).filter(|i| bytes[*i] >= 0xC0).collect();
    for lead in [leads.first(), leads.last()].into_iter().flatten() {
        let width = match bytes[*lead] {
            0xF0.. => 4,
            0xE0.. => 3,
            _ => 2,
        };
        cuts.extend([lead + 1, lead + width].into_iter().filter(|c| *c <= len));
    }
    cuts.sort_unstable();
    cuts.dedup();
    cuts
}

/// Every file of the real catalogue cut short at many byte offsets, including in the middle of a
/// UTF-8 character, and every fixture: the generator returns Ok or Err, never panics.
#[test]
fn never_panics_on_truncated_files() {
    let real = real_catalogue();
    for (name, bytes) in &real {
        for cut in cuts(bytes, 10) {
            let mut files = real.clone();
            files.insert(name.clone(), bytes[..cut].to_vec());
            survives(&format!("{name} cut at byte {cut}"), &files);
        }
    }
}

/// Every file of the real catalogue with its lines shuffled (fixed seeds): never a panic.
#[test]
fn never_panics_on_shuffled_lines() {
    let real = real_catalogue();
    for (name, bytes) in &real {
        for seed in 0..2u64 {
            let mut lines: Vec<&[u8]> = bytes.split_inclusive(|b| *b == b'\n').collect();
            lines.shuffle(&mut StdRng::seed_from_u64(seed));
            let mut files = real.clone();
            files.insert(name.clone(), lines.concat());
            survives(
                &format!("{name} with lines shuffled by seed {seed}"),
                &files,
            );
        }
    }
}

/// Every fixture, and each file of the valid fixture cut short: never a panic.
#[test]
fn never_panics_on_fixtures() {
    survives("the valid fixture", &valid());
    for case in CASES {
        survives(case, &invalid(case));
    }
    let valid = valid();
    for (name, bytes) in &valid {
        for cut in cuts(bytes, 10) {
            let mut files = valid.clone();
            files.insert(name.clone(), bytes[..cut].to_vec());
            survives(&format!("fixture {name} cut at byte {cut}"), &files);
        }
    }
}

/// The same catalogue generates byte-identical code, headed by the `@generated` line.
#[test]
fn generation_is_deterministic() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("catalogue");
    let render = |d: Vec<codegen::Diagnostic>| codegen::diagnostic::render(&d);
    let first = codegen::generate_from_dir(&dir).unwrap_or_else(|d| panic!("{}", render(d)));
    let second = codegen::generate_from_dir(&dir).unwrap_or_else(|d| panic!("{}", render(d)));
    assert!(
        first == second,
        "two runs on the same catalogue generated different code"
    );
    assert_eq!(first.lines().next(), Some(codegen::HEADER.trim_end()));
    assert_eq!(
        first.lines().next(),
        Some("// @generated from catalogue/*.yaml by build.rs; do not edit.")
    );
}
