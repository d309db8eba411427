//! Generates the typed catalogue from `catalogue/*.yaml` into `OUT_DIR/catalogue.rs`.
//! A problem in the catalogue fails the build with one `file:line:column: error: ...` line each.

mod codegen;

use std::path::PathBuf;

fn main() {
    println!("cargo::rerun-if-changed=catalogue");
    println!("cargo::rerun-if-changed=codegen");
    println!("cargo::rerun-if-changed=src/text.rs");
    let manifest = PathBuf::from(
        std::env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"),
    );
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
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
