//! Fuzzes `plan_widget::checks::fragment`: see src/checks.rs for what must hold.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| plan_widget::checks::fragment(data));
