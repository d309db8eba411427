//! The generator behind `build.rs`: catalogue YAML -> parse -> validate -> emit -> Rust source.
//!
//! Only [`generate_from_dir`] touches the file system; everything else is a pure function of the
//! files' bytes, so tests feed it fixtures directly.

pub mod diagnostic;
pub mod emit;
pub mod model;
pub mod parse;
pub mod phf;
// Shared with the library so that the build and the resolver fold and hash names the same way;
// the library uses parts that the generator does not.
#[allow(dead_code)]
#[path = "../src/text.rs"]
pub mod text;
pub mod validate;

use std::collections::BTreeMap;
use std::path::Path;

pub use diagnostic::Diagnostic;

/// The catalogue's files, each holding one kind of entry.
pub const FILES: [&str; 8] = [
    "page.yaml",
    "sources.yaml",
    "classes.yaml",
    "targets.yaml",
    "routes.yaml",
    "uses.yaml",
    "drugs.yaml",
    "regimens.yaml",
];

/// The first line of the generated file.
pub const HEADER: &str = "// @generated from catalogue/*.yaml by build.rs; do not edit.\n";

/// Reads the catalogue from `dir` and generates the Rust source, or every problem found.
pub fn generate_from_dir(dir: &Path) -> Result<String, Vec<Diagnostic>> {
    let files = FILES
        .iter()
        .filter_map(|name| {
            std::fs::read(dir.join(name))
                .ok()
                .map(|bytes| (name.to_string(), bytes))
        })
        .collect();
    generate(&files)
}

/// Generates the Rust source from the catalogue files' contents, keyed by file name. A file missing
/// from the map is reported as missing.
pub fn generate(files: &BTreeMap<String, Vec<u8>>) -> Result<String, Vec<Diagnostic>> {
    let catalogue = parse::catalogue(files).map_err(|d| d.into_sorted())?;
    let checked = validate::check(&catalogue).map_err(|d| d.into_sorted())?;
    Ok(format!("{HEADER}{}\n", emit::catalogue(&checked)))
}
