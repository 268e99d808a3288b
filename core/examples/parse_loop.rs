//! Parses the spec's approved callback N times with scankit, or with the
//! naive baseline of the criterion bench (`naive` as second argument): a
//! steady loop for profilers and CPU-time measurements on a busy machine
//! (`/usr/bin/time -f %U`, or `valgrind --tool=callgrind`, which counts
//! instructions). Criterion's timings in `make bench` are the figures to
//! report on a quiet machine.

#[path = "../benches/common/naive.rs"]
mod naive_baseline;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let body = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/callbacks/netverify/spec-approved.form"
    ))?;
    let mut args = std::env::args().skip(1);
    let n: u32 = args.next().and_then(|s| s.parse().ok()).unwrap_or(100_000);
    let naive = args.next().as_deref() == Some("naive");
    let start = std::time::Instant::now();
    for _ in 0..n {
        let body = std::hint::black_box(&body);
        if naive {
            std::hint::black_box(naive_baseline::naive(body));
        } else {
            std::hint::black_box(scankit::parse_callback(body)?);
        }
    }
    let elapsed = start.elapsed();
    println!(
        "{} {n} parses in {elapsed:?}: {:.0} ns each (wall clock)",
        if naive { "naive" } else { "scankit" },
        elapsed.as_nanos() as f64 / f64::from(n)
    );
    Ok(())
}
