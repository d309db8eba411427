//! The generated catalogue: enums and `const` tables written by `build.rs` from `catalogue/*.yaml`.
//!
//! This module only includes the generated file; the behaviour around it lives in the modules
//! named for what they do.

include!(concat!(env!("OUT_DIR"), "/catalogue.rs"));
