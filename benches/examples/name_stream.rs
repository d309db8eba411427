//! Writes the resolve benchmark's query stream, one name a line, repeated to N lines (default
//! 1,000,000): the file the README times the `lookup` example on.
//!
//! `cargo run --release -p myeloma-bench --example name_stream -- 1000000 > names.txt`

#[path = "../support/names.rs"]
mod names;
#[allow(dead_code)] // Only the name stream is used here.
#[path = "../support/queries.rs"]
mod queries;

use std::io::{self, BufWriter, Write};

fn main() -> io::Result<()> {
    let lines: usize = match std::env::args().nth(1) {
        Some(n) => n.parse().map_err(|e| io::Error::other(format!("N: {e}")))?,
        None => 1_000_000,
    };
    let stream = queries::name_stream(1);
    let mut out = BufWriter::new(io::stdout().lock());
    for name in stream.iter().cycle().take(lines) {
        writeln!(out, "{name}")?;
    }
    out.flush()
}
