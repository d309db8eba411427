//! `drug!` and `regimen!` check their literal at compile time: an unknown name is a compile error
//! whose message names the literal, and a known one is a constant.

#[test]
fn name_literals_are_checked_at_compile_time() {
    let cases = trybuild::TestCases::new();
    cases.compile_fail("unknown_drug.rs");
    cases.compile_fail("unknown_regimen.rs");
    cases.compile_fail("drug_set_builder_unused.rs");
    cases.pass("known_names.rs");
}
