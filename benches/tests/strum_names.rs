//! The strum baseline of `benches/resolve.rs` is generated from the catalogue API: these tests keep
//! `benches/support/strum_names.rs` in step with the catalogue and check that it resolves every name
//! to the same entry as the catalogue does.

#[path = "../support/names.rs"]
mod names;
#[path = "../support/strum_names.rs"]
#[rustfmt::skip]
mod strum_names;

use strum::VariantArray as _;

use names::{catalogue_names, normalise};
use strum_names::StrumName;

/// Regenerate the file with `UPDATE_STRUM_NAMES=1 cargo test -p myeloma-bench --test strum_names`.
#[test]
fn strum_names_file_is_current() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/support/strum_names.rs");
    let generated = names::strum_names_source();
    if std::env::var_os("UPDATE_STRUM_NAMES").is_some() {
        std::fs::write(path, &generated).unwrap();
    }
    let committed = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        committed == generated,
        "benches/support/strum_names.rs is stale; regenerate it with \
         `UPDATE_STRUM_NAMES=1 cargo test -p myeloma-bench --test strum_names`"
    );
}

#[test]
fn strum_names_resolve_like_the_catalogue() {
    let names = catalogue_names();
    assert_eq!(StrumName::VARIANTS.len(), names.len());
    for (name, therapy) in names {
        let folded = normalise(name);
        let parsed: StrumName = folded.to_uppercase().parse().unwrap();
        assert_eq!(parsed.therapy(), therapy, "{name}");
    }
}
