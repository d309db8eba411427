//! Shared by the integration tests: running the crate's examples as a user would.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Stdio};

/// Runs `cargo run --example <name> -- <args>` with `stdin` and returns its stdout; panics with the
/// example's stderr if it fails. The example is built by cargo into this test's own target
/// directory, so the test sees the current code.
pub fn run_example(name: &str, args: &[&str], stdin: &str) -> String {
    let mut child = Command::new(env!("CARGO"))
        .args(["run", "--quiet", "--example", name, "--target-dir"])
        .arg(target_dir())
        .arg("--")
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("cargo runs");
    child
        .stdin
        .take()
        .expect("stdin is piped")
        .write_all(stdin.as_bytes())
        .expect("stdin accepts the input");
    let output = child.wait_with_output().expect("cargo finishes");
    assert!(
        output.status.success(),
        "example {name} {args:?} failed:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("the example writes UTF-8")
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
