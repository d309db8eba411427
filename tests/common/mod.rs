//! Shared by the integration tests: running the crate's examples as a user would.

use std::ffi::OsStr;
use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

/// Runs `cargo run --example <name> -- <args>` with `stdin` and returns its stdout; panics with the
/// example's stderr if it fails. The example is built by cargo into this test's own target
/// directory, so the test sees the current code.
pub fn run_example(name: &str, args: &[&str], stdin: &str) -> String {
    let args: Vec<&OsStr> = args.iter().map(OsStr::new).collect();
    let output = run_example_bytes(name, &args, stdin.as_bytes());
    assert!(
        output.status.success(),
        "example {name} {args:?} failed:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("the example writes UTF-8")
}

/// The `cargo run --example <name>` command line, built into this test's own target directory.
#[allow(dead_code)] // Not every test file that includes this module uses each function.
pub fn example_command(name: &str, args: &[&OsStr]) -> Command {
    let mut command = Command::new(env!("CARGO"));
    command
        .args(["run", "--quiet", "--example", name, "--target-dir"])
        .arg(target_dir())
        .arg("--")
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"));
    command
}

/// Runs an example with any arguments (not necessarily UTF-8) and any bytes on stdin, whatever its
/// exit status: for the tests of bad input.
#[allow(dead_code)] // Not every test file that includes this module uses each function.
pub fn run_example_bytes(name: &str, args: &[&OsStr], stdin: &[u8]) -> Output {
    let mut child = example_command(name, args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("cargo runs");
    let mut input = child.stdin.take().expect("stdin is piped");
    let stdin = stdin.to_vec();
    // Written from a thread, so that a large input cannot block on a full pipe while the example
    // waits for its output to be read.
    let writer = std::thread::spawn(move || input.write_all(&stdin));
    let output = child.wait_with_output().expect("cargo finishes");
    match writer.join().expect("the writer thread finishes") {
        // The example may stop reading early: on a usage error, or when its reader went away.
        Err(error) if error.kind() == std::io::ErrorKind::BrokenPipe => {}
        written => written.expect("stdin accepts the input"),
    }
    output
}

/// An example's exit code, stdout and stderr, as one text for a snapshot.
#[allow(dead_code)] // Not every test file that includes this module uses each function.
pub fn transcript(output: &Output) -> String {
    format!(
        "exit code: {:?}\n--- stdout\n{}--- stderr\n{}",
        output.status.code(),
        String::from_utf8(output.stdout.clone()).expect("the example writes UTF-8 to stdout"),
        String::from_utf8(output.stderr.clone()).expect("the example writes UTF-8 to stderr"),
    )
}

/// The target directory this test binary was built in (`<target>/<profile>/deps/<test>`).
fn target_dir() -> PathBuf {
    let exe = std::env::current_exe().expect("the test knows its own path");
    exe.ancestors()
        .nth(3)
        .map(PathBuf::from)
        .expect("test binaries live in <target>/<profile>/deps")
}

/// Runs `cargo run --example <name> <cargo_args> -- <args>` and returns its exit status, stdout
/// and stderr, whether it succeeded or not.
#[allow(dead_code)] // Not every test binary that shares this module runs examples this way.
pub fn run_example_output(
    name: &str,
    cargo_args: &[&str],
    args: &[&str],
) -> (bool, String, String) {
    let output = Command::new(env!("CARGO"))
        .args(["run", "--quiet", "--example", name, "--target-dir"])
        .arg(target_dir())
        .args(cargo_args)
        .arg("--")
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::null())
        .output()
        .expect("cargo runs");
    (
        output.status.success(),
        String::from_utf8(output.stdout).expect("the example writes UTF-8"),
        String::from_utf8(output.stderr).expect("the example writes UTF-8"),
    )
}
