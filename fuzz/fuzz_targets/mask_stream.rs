#![no_main]
//! Fuzz target `mask_stream`: the invariants are in core/tests/fuzz_checks.

#[path = "../../core/tests/fuzz_checks/mod.rs"]
mod fuzz_checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| fuzz_checks::mask_stream(data));
