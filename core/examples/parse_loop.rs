//! Parses the spec's approved callback N times: a steady loop for profilers
//! (`valgrind --tool=callgrind target/release/examples/parse_loop 2000`
//! counts instructions, which stay put on a busy machine; criterion's
//! timings in `make bench` are the figures to report).

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let body = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/callbacks/netverify/spec-approved.form"
    ))?;
    let n: u32 = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(100_000);
    let start = std::time::Instant::now();
    for _ in 0..n {
        scankit::parse_callback(std::hint::black_box(&body))?;
    }
    let elapsed = start.elapsed();
    println!(
        "{n} parses in {elapsed:?}: {:.0} ns each",
        elapsed.as_nanos() as f64 / f64::from(n)
    );
    Ok(())
}
