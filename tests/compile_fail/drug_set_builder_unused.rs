// A drug set's builders return a new set; calling one and dropping the result is a mistake the
// compiler reports (here denied, so that it fails the build).
#![deny(unused_must_use)]

use myeloma::{Drug, DrugSet};

fn main() {
    let set = DrugSet::EMPTY;
    set.with(Drug::Bortezomib);
    let _ = set;
}
