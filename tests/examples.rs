//! The examples' output, snapshot-tested: what a user sees when running the README's commands.

mod common;

use std::ffi::OsStr;
use std::io::Write as _;
use std::process::Stdio;

use common::{example_command, run_example, run_example_bytes, transcript};

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
    // Unresolved names say why in `kind`: BVd and LMWH mean more than one entry, the bracketed
    // brand names another drug, the misspellings name none.
    let column = "Velcade\nVRd\nd rvd\ndara, len, dex\nVelcade/Revlimid/dex\nlow-dose dexamethasone\nbortezimib\nlenadiomide\nL01FC01\n\nRevlimid + Pomalyst\nBVd\nLMWH\nbortezomib (Revlimid)\nNexpovio\n";
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

// ---------------------------------------------------------------------------------------------
// Bad input: the examples refuse bad usage with exit code 2, keep going through bad lines, and end
// quietly when their reader goes away.
// ---------------------------------------------------------------------------------------------

/// `$ example args...` and its transcript, for each command line.
fn transcripts(name: &str, cases: &[&[&str]]) -> String {
    let mut text = String::new();
    for args in cases {
        let os: Vec<&OsStr> = args.iter().map(OsStr::new).collect();
        let output = run_example_bytes(name, &os, b"");
        text.push_str(&format!(
            "$ {}\n{}\n",
            command_line(name, &os),
            transcript(&output)
        ));
    }
    text
}

/// The command line as a shell would take it: an empty argument or one with spaces in quotes.
fn command_line(name: &str, args: &[&OsStr]) -> String {
    let mut line = name.to_owned();
    for arg in args {
        let arg = arg.to_string_lossy();
        if arg.is_empty() || arg.contains(' ') {
            line.push_str(&format!(" '{arg}'"));
        } else {
            line.push_str(&format!(" {arg}"));
        }
    }
    line
}

/// Runs the example with its stdout already closed, as `example | head` does once `head` has read
/// enough: it must end with exit code 0 and nothing on stderr (no panic on the broken pipe).
fn closed_pipe(name: &str, args: &[&str], stdin: &[u8]) {
    let os: Vec<&OsStr> = args.iter().map(OsStr::new).collect();
    let mut child = example_command(name, &os)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("cargo runs");
    drop(child.stdout.take());
    let mut input = child.stdin.take().expect("stdin is piped");
    let stdin = stdin.to_vec();
    let writer = std::thread::spawn(move || input.write_all(&stdin));
    let output = child.wait_with_output().expect("cargo finishes");
    let _ = writer.join(); // The example stops reading once its output is gone.
    assert_eq!(
        (
            output.status.code(),
            String::from_utf8_lossy(&output.stderr).as_ref()
        ),
        (Some(0), ""),
        "{name} {args:?} with its stdout closed"
    );
}

#[test]
fn lookup_help_and_bad_usage() {
    insta::assert_snapshot!(transcripts(
        "lookup",
        &[
            &["--help"],
            &["--frobnicate", "velcade"],
            &["--strict", "--strict", "velcade"],
            &["-x"],
        ]
    ));
}

#[test]
fn lookup_exit_codes() {
    // 0 whatever resolves without --strict; with it, 1 as soon as one name does not resolve.
    // After `--`, a name that starts with - is a name.
    insta::assert_snapshot!(transcripts(
        "lookup",
        &[
            &["velcade", "bortezimib"],
            &["--strict", "velcade", "VRd"],
            &["--strict", "velcade", "bortezimib", "frobnicillin"],
            &["--", "--strict"],
        ]
    ));
}

#[test]
fn lookup_regimens_are_written_as_the_eligibility_example_writes_them() {
    // Both examples write a regimen's drugs the same way: as the page does (low-dose dexamethasone),
    // joined by ` + `.
    let lookup = run_example("lookup", &["RVd"], "");
    assert_eq!(
        lookup,
        "\"RVd\" -> regimen RVd (lenalidomide + bortezomib + low-dose dexamethasone)\n"
    );
    let eligibility = run_example("eligibility", &[], "");
    assert!(
        eligibility.contains("\nRVd (lenalidomide + bortezomib + low-dose dexamethasone)\n"),
        "{eligibility}"
    );
}

#[test]
fn lookup_batch_keeps_going_through_lines_that_are_not_utf8() {
    // Line 2 is Latin-1 (`bortézomib`), line 4 has a stray byte: each is read with U+FFFD, reported
    // on stderr with its line number and marked in the input_note column; the other lines resolve.
    let input = b"Velcade\nbort\xe9zomib\nVRd\r\nvel\xffcade\n\nlen\tdex\nfrobnicillin";
    let output = run_example_bytes("lookup", &[], input);
    let text = transcript(&output);
    assert_eq!(output.status.code(), Some(0), "{text}");
    assert_eq!(
        String::from_utf8_lossy(&output.stdout).lines().count(),
        8,
        "one row per input line plus a header: {text}"
    );
    insta::assert_snapshot!(text);
}

#[test]
fn lookup_batch_strict() {
    // A blank line is `empty`, not unresolved; frobnicillin (no such drug) is, so --strict exits 1.
    let output = run_example_bytes(
        "lookup",
        &[OsStr::new("--strict")],
        b"VRd\n\nfrobnicillin\n",
    );
    insta::assert_snapshot!(transcript(&output));
}

#[cfg(unix)]
#[test]
fn non_utf8_arguments_do_not_panic() {
    use std::os::unix::ffi::OsStrExt;
    let bad = OsStr::from_bytes(b"vel\xffcade");
    let mut text = String::new();
    for (name, args) in [
        ("lookup", vec![OsStr::new("velcade"), bad]),
        ("lookup", vec![OsStr::new("--strict"), bad]),
        ("eligibility", vec![OsStr::new("--exposed"), bad]),
        ("eligibility", vec![bad]),
        ("catalogue", vec![bad]),
    ] {
        let output = run_example_bytes(name, &args, b"");
        text.push_str(&format!(
            "$ {}\n{}\n",
            command_line(name, &args),
            transcript(&output)
        ));
    }
    insta::assert_snapshot!(text);
}

#[test]
fn catalogue_help_and_bad_usage() {
    insta::assert_snapshot!(transcripts(
        "catalogue",
        &[&["--help"], &["--yaml"], &["--json", "--markdown"]]
    ));
}

#[test]
fn eligibility_help_and_bad_usage() {
    insta::assert_snapshot!(transcripts(
        "eligibility",
        &[
            &["--help"],
            &["--exposed", ""],
            &["--exposed="],
            &["--refractory", " , "],
            &["--exposed", "len,,bort"],
            &["--progressed", "--progressed"],
            &["--progressed=yes"],
            &["--progressed="],
            &["--exposed", "--progressed"],
        ]
    ));
}

#[test]
fn closed_pipes_end_quietly() {
    let many_names = "Velcade\nbortezimib\nd rvd\n".repeat(20_000);
    closed_pipe("lookup", &[], many_names.as_bytes());
    closed_pipe("lookup", &["velcade", "VRd"], b"");
    closed_pipe("catalogue", &[], b"");
    closed_pipe("catalogue", &["--json"], b"");
    closed_pipe("eligibility", &["--prior-lines", "2"], b"");
}
