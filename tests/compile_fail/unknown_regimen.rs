// One letter too many for VRd: no regimen is called this.
fn main() {
    let _ = myeloma::regimen!("VRdd");
}
