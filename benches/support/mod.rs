//! What the benchmark is built from: the catalogue's names, the query streams and the strum baseline.

pub mod estimates;
pub mod names;
pub mod queries;
#[rustfmt::skip] // Generated; benches/tests/strum_names.rs compares it byte for byte.
pub mod strum_names;
