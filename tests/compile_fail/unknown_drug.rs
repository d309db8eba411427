// One letter short of a brand name: no drug is called this.
fn main() {
    let _ = myeloma::drug!("Velcad");
}
