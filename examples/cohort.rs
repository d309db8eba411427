//! Writes a synthetic myeloma cohort as the `history` example's input CSV.
//!
//! ```sh
//! cargo run --release --example cohort --features history -- 10000 > cohort.csv
//! cargo run --release --example history --features history -- cohort.csv > lines.csv
//! ```
//!
//! The first argument is the number of people (default 1000), the second the seed (default 11).
//! The generator lives in `benches/support/cohort.rs`, shared with the benchmark.

#[path = "../benches/support/cohort.rs"]
mod cohort;

use std::io::{self, BufWriter, Write};

fn main() -> io::Result<()> {
    let mut args = std::env::args().skip(1);
    let people = args.next().and_then(|a| a.parse().ok()).unwrap_or(1000);
    let seed = args.next().and_then(|a| a.parse().ok()).unwrap_or(11);
    let mut out = BufWriter::new(io::stdout().lock());
    writeln!(out, "person_id,kind,name,start_date,end_date,days_supply")?;
    for (id, record) in cohort::cohort(people, seed) {
        let (kind, name, date, supply) = cohort::csv_fields(&record);
        let supply = supply.map(|s| s.to_string()).unwrap_or_default();
        writeln!(out, "P{id:07},{kind},{name},{date},,{supply}")?;
    }
    out.flush()
}
