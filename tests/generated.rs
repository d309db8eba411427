//! Snapshots of the generated code, formatted with prettyplease, so that a change to the catalogue
//! or the generator shows up as a reviewable diff.

#[allow(dead_code)]
#[path = "../codegen/mod.rs"]
mod codegen;

use std::path::Path;

fn pretty(code: &str) -> String {
    let file = syn::parse_file(code).expect("the generated code parses as Rust");
    format!("{}{}", codegen::HEADER, prettyplease::unparse(&file))
}

fn generate(dir: &str) -> String {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    match codegen::generate_from_dir(&dir) {
        Ok(code) => code,
        Err(diagnostics) => panic!("{}", codegen::diagnostic::render(&diagnostics)),
    }
}

#[test]
fn generated_code_for_the_catalogue() {
    insta::assert_snapshot!(pretty(&generate("catalogue")));
}

#[test]
fn generated_code_for_the_small_fixture() {
    insta::assert_snapshot!(pretty(&generate("tests/fixtures/valid")));
}
