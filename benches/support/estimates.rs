//! Reads back what criterion measured in this process, for a bench's closing summary line.

use std::path::PathBuf;
use std::time::SystemTime;

/// Where criterion writes its estimates, by its own rules.
fn criterion_dir() -> PathBuf {
    if let Some(home) = std::env::var_os("CRITERION_HOME") {
        PathBuf::from(home)
    } else if let Some(target) = std::env::var_os("CARGO_TARGET_DIR") {
        PathBuf::from(target).join("criterion")
    } else {
        // The workspace's target directory, one level up from this member.
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("..")
            .join("target")
            .join("criterion")
    }
}

/// The median time per element (query, line), in nanoseconds, of benchmark `id` when this process
/// measured it (its estimates were written after `started`); `None` otherwise.
pub fn median_per_element(id: &str, elements: usize, started: SystemTime) -> Option<f64> {
    let path = criterion_dir().join(id).join("new").join("estimates.json");
    let fresh = std::fs::metadata(&path).and_then(|m| m.modified()).ok()? >= started;
    let estimates: serde_json::Value = serde_json::from_slice(&std::fs::read(&path).ok()?).ok()?;
    let median = estimates["median"]["point_estimate"].as_f64()?;
    fresh.then_some(median / elements as f64)
}
