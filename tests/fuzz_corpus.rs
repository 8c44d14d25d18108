//! Replays every input the fuzzers kept (`fuzz/corpus/`) through the same checks, natively on stable
//! Rust, so that a regression on any of them fails the normal tests.
#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;

fn replay(target: &str, check: fn(&[u8])) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/corpus").join(target);
    let mut count = 0;
    for entry in std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        let path = entry.unwrap().path();
        // A fuzzer running at the same time may replace a file between listing and reading it.
        let Ok(data) = std::fs::read(&path) else { continue };
        let outcome = std::panic::catch_unwind(|| check(&data));
        assert!(outcome.is_ok(), "{} fails its check", path.display());
        count += 1;
    }
    assert!(count > 0, "no corpus for {target}");
}

#[test]
fn scenario_corpus() {
    replay("scenario", plan_widget::checks::scenario);
}

#[test]
fn sheet_corpus() {
    replay("sheet", plan_widget::checks::sheet);
}

#[test]
fn number_corpus() {
    replay("number", plan_widget::checks::number);
}

#[test]
fn fragment_corpus() {
    replay("fragment", plan_widget::checks::fragment);
}
