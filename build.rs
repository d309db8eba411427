//! Generates the typed catalogue from `catalogue/*.yaml` into `OUT_DIR/catalogue.rs`.
//! A problem in the catalogue fails the build with one `file:line:column: error: ...` line each.

mod codegen;

use std::path::PathBuf;

fn main() {
    println!("cargo::rerun-if-changed=catalogue");
    println!("cargo::rerun-if-changed=codegen");
    println!("cargo::rerun-if-changed=src/text.rs");
    println!("cargo::rerun-if-changed=README.md");
    let manifest = PathBuf::from(
        std::env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"),
    );
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    crate_docs(&manifest, &out);
    match codegen::generate_from_dir(&manifest.join("catalogue")) {
        Ok(code) => {
            if let Err(e) = std::fs::write(out.join("catalogue.rs"), code) {
                eprintln!(
                    "error: cannot write {}: {e}",
                    out.join("catalogue.rs").display()
                );
                std::process::exit(1);
            }
        }
        Err(diagnostics) => {
            eprint!("{}", codegen::diagnostic::render(&diagnostics));
            eprintln!(
                "error: the catalogue has {} problem(s); nothing was generated",
                diagnostics.len()
            );
            std::process::exit(1);
        }
    }
}

/// The crate's front page on docs.rs: the README up to the line that ends the crate's
/// documentation, so that the build's costs and the development notes stay in the README only.
fn crate_docs(manifest: &std::path::Path, out: &std::path::Path) {
    const END: &str = "<!-- The crate's documentation (docs.rs) ends here";
    let readme = manifest.join("README.md");
    let text = std::fs::read_to_string(&readme).unwrap_or_else(|e| {
        eprintln!("error: cannot read {}: {e}", readme.display());
        std::process::exit(1);
    });
    let Some(end) = text.find(END) else {
        eprintln!("error: README.md has no line `{END} ...`");
        std::process::exit(1);
    };
    let path = out.join("crate-docs.md");
    if let Err(e) = std::fs::write(&path, &text[..end]) {
        eprintln!("error: cannot write {}: {e}", path.display());
        std::process::exit(1);
    }
}
