//! Card benchmarks: validating a 16-digit number, Luhn alone, and
//! `mask_pans` over a generated ~100 MB log (one card number per ~10 KB)
//! beside a `regex`-crate baseline (a digit-run regex, then the same Luhn and
//! brand checks on each match). `scripts/bench_summary.py` turns the results
//! into rates and the ratio to the baseline.
#![allow(missing_docs, clippy::expect_used, clippy::panic)]

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use regex::Regex;
use scankit::card::{luhn_valid, mask_pans, validate_number, MaskStyle, Masker};
use std::borrow::Cow;
use std::hint::black_box;
use std::time::Duration;

const LOG_BYTES: usize = 100 * 1024 * 1024;
const PAN_EVERY: usize = 10 * 1024;

/// A deterministic log: access-log-like lines full of other numbers
/// (timestamps, ids, durations, addresses), and a card number in one of
/// three layouts about every 10 KB.
fn generate_log() -> String {
    let pans = [
        "4111111111111111",
        "5555 5555 5555 4444",
        "3782-822463-10005",
        "6011000990139424",
    ];
    let mut state = 0x2545_f491_4f6c_dd1du64;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let mut out = String::with_capacity(LOG_BYTES + 512);
    let mut since_pan = 0;
    let mut n = 0u64;
    while out.len() < LOG_BYTES {
        let r = next();
        n += 1;
        let line = if since_pan >= PAN_EVERY {
            since_pan = 0;
            let pan = pans[(r % 4) as usize];
            format!(
                "2026-11-24T13:{:02}:{:02}.{:03}Z INFO payment order={} card={} amount={}.{:02} EUR\n",
                r % 60,
                (r >> 8) % 60,
                (r >> 16) % 1000,
                r % 1_000_000,
                pan,
                (r >> 24) % 500,
                (r >> 32) % 100
            )
        } else {
            format!(
                "2026-11-24T13:{:02}:{:02}.{:03}Z INFO [worker-{}] GET /api/v1/items/{}?page={} status=200 took={}ms ip=10.{}.{}.{} req={:016x} user=user{}@example.com\n",
                r % 60,
                (r >> 8) % 60,
                (r >> 16) % 1000,
                r % 8,
                (r >> 20) % 100_000,
                (r >> 40) % 50,
                (r >> 44) % 900,
                (r >> 48) % 256,
                (r >> 52) % 256,
                (r >> 56) % 256,
                r,
                n % 10_000
            )
        };
        since_pan += line.len();
        out.push_str(&line);
    }
    out
}

/// The baseline: runs of 12 to 19 digits with optional single spaces or
/// dashes, then Luhn and brand as scankit checks them.
fn regex_mask<'a>(re: &Regex, text: &'a str, masker: &Masker) -> Cow<'a, str> {
    re.replace_all(text, |caps: &regex::Captures<'_>| {
        let m = caps.get(0).map_or("", |m| m.as_str());
        let v = validate_number(m);
        if v.luhn_valid && v.brand.is_some_and(|b| b.accepts_length(v.length)) {
            masker.mask(m)
        } else {
            m.to_owned()
        }
    })
}

fn bench_validate(c: &mut Criterion) {
    let mut g = c.benchmark_group("card_validate_16_digits");
    g.throughput(Throughput::Elements(1));
    g.measurement_time(Duration::from_secs(3));
    g.warm_up_time(Duration::from_secs(1));
    g.bench_function("scankit", |b| {
        b.iter(|| validate_number(black_box("5555555555554444")))
    });
    g.finish();

    let mut g = c.benchmark_group("card_luhn_16_digits");
    g.throughput(Throughput::Elements(1));
    g.measurement_time(Duration::from_secs(3));
    g.warm_up_time(Duration::from_secs(1));
    g.bench_function("scankit", |b| {
        b.iter(|| luhn_valid(black_box("4111111111111111")))
    });
    g.finish();
}

fn bench_mask(c: &mut Criterion) {
    let log = generate_log();
    let re = Regex::new(r"\b(?:\d[ -]?){11,18}\d\b").expect("constant regex");
    let masker = Masker::from(MaskStyle::Pci);
    // Sanity, outside the timing: both mask every generated card number.
    let ours = mask_pans(&log, MaskStyle::Pci);
    let theirs = regex_mask(&re, &log, &masker);
    let left =
        |s: &str| s.matches("4111111111111111").count() + s.matches("5555 5555 5555 4444").count();
    assert_eq!(left(&ours), 0, "scankit left a card number");
    assert_eq!(left(&theirs), 0, "baseline left a card number");

    let mut g = c.benchmark_group("mask_pans_100mb_log");
    g.throughput(Throughput::Bytes(log.len() as u64));
    g.sample_size(10);
    g.measurement_time(Duration::from_secs(8));
    g.warm_up_time(Duration::from_secs(1));
    g.bench_function("scankit", |b| {
        b.iter(|| mask_pans(black_box(&log), MaskStyle::Pci).len())
    });
    g.bench_function("regex baseline", |b| {
        b.iter(|| regex_mask(&re, black_box(&log), &masker).len())
    });
    g.finish();
}

criterion_group!(benches, bench_validate, bench_mask);
criterion_main!(benches);
