//! Parsing the spec's approved Netverify callback, beside a naive baseline
//! (serde_urlencoded into a map, serde_json::Value for the JSON fields).
//! `scripts/bench_summary.py` turns the results into callbacks/s, MB/s and ratios.
#![allow(missing_docs)]

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::hint::black_box;

#[path = "common/naive.rs"]
mod naive_baseline;

use naive_baseline::naive;

fn bench(c: &mut Criterion) {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/callbacks/netverify/spec-approved.form"
    );
    let body = std::fs::read(path).unwrap_or_default();
    assert!(scankit::parse_callback(&body).is_ok(), "fixture must parse");
    let mut group = c.benchmark_group("parse_approved_callback");
    group.throughput(Throughput::Bytes(body.len() as u64));
    group.bench_function("scankit", |b| {
        b.iter(|| scankit::parse_callback(black_box(&body)))
    });
    group.bench_function("naive serde_urlencoded+serde_json", |b| {
        b.iter(|| naive(black_box(&body)))
    });
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().measurement_time(std::time::Duration::from_secs(4));
    targets = bench
}
criterion_main!(benches);
