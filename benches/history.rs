//! Lines of therapy over a synthetic cohort, against a lower bound measured in the same run.
//!
//! ```sh
//! cargo bench --bench history --features history
//! HISTORY_BENCH_PEOPLE=100000 cargo bench --bench history --features history   # the issue's size
//! ```
//!
//! The cohort comes from `support/cohort.rs` with a fixed seed: rows grouped by person, each
//! person's rows shuffled, about 110 rows a person (100,000 people make about 11 million rows).
//! - `history/derive`: `by_person` over the rows in memory, deriving every person's lines.
//! - `history/sort_baseline`: sorting a copy of the same rows by person and date, the least any
//!   derivation must do (the copy is made outside the timing).
//!
//! Criterion reports both in rows per second. At the end a summary prints the median of each
//! and their ratio; the issue's target is a ratio of at most 3.

#[path = "support/cohort.rs"]
mod cohort;

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{BatchSize, Criterion, Throughput};
use myeloma::history::{by_person, Date, Params, Record};

fn people() -> u32 {
    std::env::var("HISTORY_BENCH_PEOPLE")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(20_000)
}

fn date(record: &Record) -> Date {
    match *record {
        Record::Exposure(e) => e.start,
        Record::Procedure(p) => p.date,
        Record::Progression(d) | Record::Diagnosis(d) => d,
    }
}

fn derive(rows: &[(u32, Record)]) -> usize {
    by_person(rows.iter().copied(), Params::default())
        .map(|r| r.map_or(0, |(_, lines)| lines.lines.len()))
        .sum()
}

fn sort(mut rows: Vec<(u32, Record)>) -> usize {
    rows.sort_unstable_by_key(|(person, record)| (*person, date(record)));
    rows.len()
}

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

fn main() {
    let people = people();
    let rows = cohort::cohort(people, 11);
    eprintln!("cohort: {people} people, {} rows", rows.len());

    let mut c = Criterion::default()
        .sample_size(10)
        .measurement_time(Duration::from_secs(5))
        .configure_from_args();
    let mut group = c.benchmark_group("history");
    group.throughput(Throughput::Elements(rows.len() as u64));
    group.bench_function("derive", |b| b.iter(|| black_box(derive(black_box(&rows)))));
    group.bench_function("sort_baseline", |b| {
        b.iter_batched(
            || rows.clone(),
            |copy| black_box(sort(copy)),
            BatchSize::LargeInput,
        )
    });
    group.finish();
    c.final_summary();

    // The same two, timed directly for the summary line.
    let (mut d, mut s) = (Vec::new(), Vec::new());
    for _ in 0..3 {
        let start = Instant::now();
        black_box(derive(&rows));
        d.push(start.elapsed());
        let copy = rows.clone();
        let start = Instant::now();
        black_box(sort(copy));
        s.push(start.elapsed());
    }
    let (d, s) = (median(d), median(s));
    let per_second = |t: Duration| rows.len() as f64 / t.as_secs_f64();
    println!(
        "summary: derive {:.1} M rows/s, sort baseline {:.1} M rows/s, derive / sort = {:.2} (target: at most 3)",
        per_second(d) / 1e6,
        per_second(s) / 1e6,
        d.as_secs_f64() / s.as_secs_f64()
    );
}
