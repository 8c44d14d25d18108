//! Engine benchmarks: projecting the Kon Tum sheet and a generated sheet of 1,000 targets, and reading
//! and writing scenarios. Run with `cargo bench`; figures are printed, never asserted.

use criterion::{criterion_group, criterion_main, Criterion};
use plan_widget::engine::{apply_preset, project, Preset};
use plan_widget::scenario::Scenario;
use plan_widget::sheet::Sheet;
use std::hint::black_box;

#[path = "../tests/support/synthetic.rs"]
mod synthetic;

const PUBLISHED: &str = include_str!("../data/scenarios/kontum-published-2022-09-30.json");

fn engine(c: &mut Criterion) {
    let kontum = Sheet::kontum().expect("bundled sheet");
    let published = Scenario::parse(PUBLISHED, &kontum).expect("published scenario");
    c.bench_function("project kontum (published figures)", |b| b.iter(|| project(&kontum, black_box(&published))));
    c.bench_function("required preset + project kontum", |b| {
        b.iter(|| project(&kontum, &apply_preset(&kontum, black_box(&published), Preset::Required)))
    });

    let big_sheet_json = synthetic::sheet_json(1000);
    let big = Sheet::parse(&big_sheet_json).expect("synthetic sheet");
    let big_json = synthetic::scenario_json(1000);
    let big_scenario = Scenario::parse(&big_json, &big).expect("synthetic scenario");
    c.bench_function("project 1,000 targets", |b| b.iter(|| project(&big, black_box(&big_scenario))));

    c.bench_function("parse kontum sheet", |b| b.iter(Sheet::kontum));
    c.bench_function("parse 1,000-target sheet", |b| b.iter(|| Sheet::parse(black_box(&big_sheet_json))));
    c.bench_function("parse published scenario", |b| b.iter(|| Scenario::parse(black_box(PUBLISHED), &kontum)));
    c.bench_function("parse 1,000-input scenario", |b| b.iter(|| Scenario::parse(black_box(&big_json), &big)));
    c.bench_function("encode published scenario", |b| b.iter(|| black_box(&published).to_json_pretty()));
    c.bench_function("encode 1,000-input scenario", |b| b.iter(|| black_box(&big_scenario).to_json_pretty()));
}

criterion_group!(benches, engine);
criterion_main!(benches);
