//! A bounded load test over loopback: 20,000 status requests from 64
//! threads through the Rust client; it stops by itself and must see no error.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // helpers of tests fail loudly

mod common;

use scankit_sandbox::Config;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

const REQUESTS: usize = 20_000;
const THREADS: usize = 64;

#[test]
fn twenty_thousand_requests_64_concurrent_no_errors() {
    let sb = common::sandbox(Config::default());
    let base = sb.base_url();
    common::add(
        &base,
        serde_json::json!({"reference": "load", "kind": "id_verification"}),
    );
    let client = common::client(&base);
    let next = Arc::new(AtomicUsize::new(0));
    let errors = Arc::new(AtomicUsize::new(0));
    let started = Instant::now();
    let workers: Vec<_> = (0..THREADS)
        .map(|_| {
            let (client, next, errors) = (client.clone(), next.clone(), errors.clone());
            std::thread::spawn(move || {
                while next.fetch_add(1, Ordering::Relaxed) < REQUESTS {
                    match client.scan_status("load") {
                        Ok(s) if s.status == Some(scankit::retrieval::ScanStatus::Done) => {}
                        _ => {
                            errors.fetch_add(1, Ordering::Relaxed);
                        }
                    }
                    // Bounded in time as well as in count.
                    if started.elapsed() > Duration::from_secs(120) {
                        break;
                    }
                }
            })
        })
        .collect();
    for w in workers {
        w.join().unwrap();
    }
    let elapsed = started.elapsed();
    let done = next.load(Ordering::Relaxed).min(REQUESTS);
    println!(
        "load: {done} requests, {THREADS} concurrent, {:.2} s, {:.0} requests/s, {} errors",
        elapsed.as_secs_f64(),
        done as f64 / elapsed.as_secs_f64(),
        errors.load(Ordering::Relaxed)
    );
    assert_eq!(errors.load(Ordering::Relaxed), 0);
    assert_eq!(done, REQUESTS, "finished within the time bound");
}
