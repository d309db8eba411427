//! The examples' output, snapshot-tested: what a user sees when running the README's commands.

mod common;

use common::run_example;

#[test]
fn catalogue_overview() {
    insta::assert_snapshot!(run_example("catalogue", &[], ""));
}

#[test]
fn catalogue_json() {
    let text = run_example("catalogue", &["--json"], "");
    let json: serde_json::Value = serde_json::from_str(&text).expect("the export is valid JSON");
    for key in ["version", "classes", "routes", "uses", "drugs", "regimens"] {
        assert!(json.get(key).is_some(), "missing top-level key {key}");
    }
    insta::assert_snapshot!(text);
}

#[test]
fn catalogue_markdown() {
    insta::assert_snapshot!(run_example("catalogue", &["--markdown"], ""));
}

#[test]
fn lookup_arguments() {
    let out = run_example(
        "lookup",
        &[
            "velcade",
            "D-RVd",
            "len/bort/dex",
            "dara-len-dex",
            "Isa–Kd",
            "VELCADE",
            "lenadiomide",
            "L01XX32",
            "dara + pom",
            "melphalan",
        ],
        "",
    );
    insta::assert_snapshot!(out);
}

#[test]
fn lookup_batch_tsv() {
    let column = "Velcade\nVRd\nd rvd\ndara, len, dex\nVelcade/Revlimid/dex\nlow-dose dexamethasone\nbortezimib\nlenadiomide\nL01FC01\n\nRevlimid + Pomalyst\n";
    let out = run_example("lookup", &[], column);
    assert_eq!(
        out.lines().count(),
        column.lines().count() + 1,
        "one row per input plus a header"
    );
    insta::assert_snapshot!(out);
}

#[cfg(feature = "history")]
#[test]
fn history_csv() {
    let (ok, out, err) = common::run_example_output(
        "history",
        &["--features", "history"],
        &["tests/fixtures/history/small.csv"],
    );
    assert!(ok, "{err}");
    assert_eq!(
        err.trim(),
        "rows: 38, people: 3, lines of therapy: 5, bad rows: 0"
    );
    insta::assert_snapshot!(out);
}

#[cfg(feature = "history")]
#[test]
fn history_bad_rows_are_reported_with_their_line_and_the_run_goes_on() {
    let (ok, out, err) = common::run_example_output(
        "history",
        &["--features", "history"],
        &["tests/fixtures/history/bad_rows.csv"],
    );
    assert!(!ok, "bad rows make the exit status 1");
    insta::assert_snapshot!(format!("{out}\n--- stderr ---\n{err}"));
}

#[cfg(feature = "history")]
#[test]
fn history_svg_timeline() {
    let (ok, out, err) = common::run_example_output(
        "history",
        &["--features", "history"],
        &["tests/fixtures/history/small.csv", "--svg", "P001"],
    );
    assert!(ok, "{err}");
    assert!(out.starts_with("<svg"));
    let shown = std::fs::read_to_string("docs/history-timeline-P001.svg").unwrap_or_default();
    assert_eq!(
        shown, out,
        "the README's picture is this output (regenerate it with the command in the README)"
    );
    insta::assert_snapshot!(out);
}

#[cfg(feature = "history")]
#[test]
fn history_stops_on_input_not_grouped_by_person() {
    let (ok, out, err) = common::run_example_output(
        "history",
        &["--features", "history"],
        &["tests/fixtures/history/ungrouped.csv"],
    );
    assert!(!ok);
    assert_eq!(
        out.lines().count(),
        3,
        "the header and the lines of A and B: {out}"
    );
    assert_eq!(
        err.trim(),
        "error: the rows of person A are not together: they appear again after another person's (group the input by person)"
    );
}

#[cfg(feature = "history")]
#[test]
fn history_can_set_aside_drugs_outside_the_catalogue_and_count_them() {
    let (ok, _, err) = common::run_example_output(
        "history",
        &["--features", "history"],
        &[
            "tests/fixtures/history/bad_rows.csv",
            "--set-aside-unknown-drugs",
        ],
    );
    assert!(!ok, "the other bad rows still fail the run");
    assert!(!err.contains("bortezimib"), "{err}");
    assert!(err.contains("bad rows: 3 (reported above)"), "{err}");
    assert!(
        err.ends_with(
            "set aside: 1 rows naming drugs outside the catalogue (--set-aside-unknown-drugs)\n"
        ),
        "{err}"
    );
}
