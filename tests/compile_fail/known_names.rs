// Known names are constants, however they are written.
use myeloma::{drug, regimen, Drug, Regimen};

const VELCADE: Drug = drug!("Velcade");
const DRVD: Regimen = regimen!("d rvd");

fn main() {
    assert_eq!(VELCADE, Drug::Bortezomib);
    assert_eq!(DRVD, Regimen::DRVd);
    assert_eq!(drug!("LEN"), Drug::Lenalidomide);
}
