//! What the sandbox does with hostile or broken clients: slow heads and
//! bodies, idle connections, more connections than its cap, oversized
//! bodies, a full store, and admin posts whose errors could echo card data.
//! Raw sockets on 127.0.0.1 with short timeouts set here; each test bounds
//! its own time.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // helpers of tests fail loudly

mod common;

use scankit_sandbox::Config;
use serde_json::json;
use std::io::{ErrorKind, Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

const CARD: &str = "4111111111111111";
const NAME: &str = "ZEBULON";

fn ms(n: u64) -> Duration {
    Duration::from_millis(n)
}

fn connect(base: &str) -> TcpStream {
    let stream = TcpStream::connect(base.trim_start_matches("http://")).unwrap();
    stream.set_nodelay(true).unwrap();
    stream
}

/// How a connection ended, from the client's side.
#[derive(Debug)]
struct Ended {
    /// Everything the server sent.
    got: Vec<u8>,
    /// The server closed (EOF or reset), rather than the wait running out.
    closed: bool,
    /// When, from the start of the wait.
    after: Duration,
}

impl Ended {
    fn text(&self) -> String {
        String::from_utf8_lossy(&self.got).into_owned()
    }

    fn status(&self) -> Option<u16> {
        self.text()
            .strip_prefix("HTTP/1.1 ")
            .and_then(|s| s.get(..3))
            .and_then(|s| s.parse().ok())
    }
}

/// Reads until the server closes or `limit` passes.
fn read_until_closed(stream: &mut TcpStream, limit: Duration) -> Ended {
    let started = Instant::now();
    let mut got = Vec::new();
    let mut buf = [0u8; 4096];
    loop {
        let left = limit.saturating_sub(started.elapsed());
        if left.is_zero() {
            return Ended {
                got,
                closed: false,
                after: started.elapsed(),
            };
        }
        stream.set_read_timeout(Some(left)).unwrap();
        match stream.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => got.extend_from_slice(&buf[..n]),
            Err(e) if matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut) => {}
            Err(e) if e.kind() == ErrorKind::Interrupted => {}
            Err(_) => break, // reset: closed all the same
        }
    }
    Ended {
        got,
        closed: true,
        after: started.elapsed(),
    }
}

/// Sends `bytes` one at a time, `every` apart, until the server answers or
/// closes; returns what it sent back and when, from the first byte.
fn trickle(stream: &mut TcpStream, bytes: &[u8], every: Duration, limit: Duration) -> Ended {
    let started = Instant::now();
    for b in bytes {
        if stream.write_all(&[*b]).is_err() {
            break;
        }
        let mut end = read_until_closed(stream, every);
        if end.closed || !end.got.is_empty() {
            let rest = read_until_closed(stream, limit.saturating_sub(started.elapsed()));
            end.got.extend_from_slice(&rest.got);
            end.closed |= rest.closed;
            end.after = started.elapsed();
            return end;
        }
        if started.elapsed() > limit {
            break;
        }
    }
    let mut end = read_until_closed(stream, limit.saturating_sub(started.elapsed()));
    end.after = started.elapsed();
    end
}

/// POSTs a raw admin body; the whole answer, head included.
fn admin(base: &str, body: &str) -> Ended {
    let mut s = connect(base);
    let head = format!(
        "POST /admin/scans HTTP/1.1\r\nHost: sandbox\r\nContent-Type: application/json\r\n\
         Connection: close\r\nContent-Length: {}\r\n\r\n",
        body.len()
    );
    s.write_all(head.as_bytes()).unwrap();
    s.write_all(body.as_bytes()).unwrap();
    read_until_closed(&mut s, Duration::from_secs(5))
}

fn error_code(answer: &Ended) -> String {
    let text = answer.text();
    let body = text.split("\r\n\r\n").nth(1).unwrap_or_default();
    let v: serde_json::Value = serde_json::from_str(body).unwrap_or_default();
    v["error"].as_str().unwrap_or_default().to_owned()
}

#[test]
fn a_slow_head_is_cut_at_the_header_timeout() {
    let sb = common::sandbox(Config {
        header_timeout: ms(600),
        idle_timeout: ms(5_000),
        ..Config::default()
    });
    // A byte every 100 ms: the head would take 8 s.
    let head = format!(
        "GET /admin/health HTTP/1.1\r\nHost: sandbox\r\nX-Slow: {}\r\n\r\n",
        "a".repeat(40)
    );
    let mut s = connect(&sb.base_url());
    let end = trickle(&mut s, head.as_bytes(), ms(100), Duration::from_secs(5));
    assert!(end.closed, "{end:?}");
    assert!(end.got.is_empty(), "no answer to a head never finished");
    assert!(
        (ms(500)..ms(2_000)).contains(&end.after),
        "closed at {:?}",
        end.after
    );

    // A connection that never speaks goes the same way.
    let mut s = connect(&sb.base_url());
    let end = read_until_closed(&mut s, Duration::from_secs(5));
    assert!(end.closed && end.got.is_empty(), "{end:?}");
    assert!(
        end.after < ms(2_000),
        "silent one closed at {:?}",
        end.after
    );
}

#[test]
fn a_slow_body_is_answered_408_at_the_body_timeout() {
    let sb = common::sandbox(Config {
        body_timeout: ms(700),
        ..Config::default()
    });
    let mut s = connect(&sb.base_url());
    s.write_all(
        b"POST /admin/scans HTTP/1.1\r\nHost: sandbox\r\nContent-Type: application/json\r\n\
          Content-Length: 200\r\n\r\n",
    )
    .unwrap();
    let end = trickle(&mut s, &[b' '; 200], ms(100), Duration::from_secs(5));
    assert!(end.closed, "{end:?}");
    // Usually the 408 arrives; a reset may beat it when bytes were still in flight.
    if !end.got.is_empty() {
        assert_eq!(end.status(), Some(408), "{}", end.text());
        assert_eq!(error_code(&end), "body_timeout");
    }
    assert!(
        (ms(600)..ms(2_500)).contains(&end.after),
        "answered at {:?}",
        end.after
    );
}

#[test]
fn an_idle_keep_alive_connection_is_closed_at_the_idle_timeout() {
    // Idle longer than the header timeout: the two are told apart.
    let sb = common::sandbox(Config {
        header_timeout: ms(300),
        idle_timeout: ms(1_200),
        ..Config::default()
    });
    let mut s = connect(&sb.base_url());
    s.write_all(b"GET /admin/health HTTP/1.1\r\nHost: sandbox\r\n\r\n")
        .unwrap();
    let end = read_until_closed(&mut s, Duration::from_secs(5));
    assert!(end.closed, "{end:?}");
    assert_eq!(end.status(), Some(200), "{}", end.text());
    assert!(end.text().ends_with("ok"), "one answer, kept alive");
    assert!(
        (ms(1_000)..ms(2_500)).contains(&end.after),
        "closed at {:?}",
        end.after
    );

    // Within the idle timeout the connection serves a second request.
    let mut s = connect(&sb.base_url());
    for _ in 0..2 {
        s.write_all(b"GET /admin/health HTTP/1.1\r\nHost: sandbox\r\n\r\n")
            .unwrap();
        let mut buf = [0u8; 1024];
        s.set_read_timeout(Some(Duration::from_secs(2))).unwrap();
        let n = s.read(&mut buf).unwrap();
        assert!(buf[..n].starts_with(b"HTTP/1.1 200"));
        std::thread::sleep(ms(600));
    }
}

#[test]
fn a_slow_second_head_on_a_kept_alive_connection_gets_the_header_timeout() {
    let sb = common::sandbox(Config {
        header_timeout: ms(500),
        idle_timeout: Duration::from_secs(4),
        ..Config::default()
    });
    let mut s = connect(&sb.base_url());
    s.write_all(b"GET /admin/health HTTP/1.1\r\nHost: sandbox\r\n\r\n")
        .unwrap();
    let mut buf = [0u8; 1024];
    s.set_read_timeout(Some(Duration::from_secs(2))).unwrap();
    let n = s.read(&mut buf).unwrap();
    assert!(buf[..n].starts_with(b"HTTP/1.1 200"));
    std::thread::sleep(ms(300));
    // Idle allowed 4 s, but once a head starts it has 0.5 s.
    let head = format!(
        "GET /admin/health HTTP/1.1\r\nHost: sandbox\r\nX-Slow: {}\r\n\r\n",
        "a".repeat(40)
    );
    let end = trickle(&mut s, head.as_bytes(), ms(100), Duration::from_secs(6));
    assert!(end.closed && end.got.is_empty(), "{end:?}");
    assert!(
        (ms(400)..ms(2_000)).contains(&end.after),
        "closed {:?} after the head started",
        end.after
    );
}

#[test]
fn connections_over_the_cap_wait_and_the_server_serves_once_they_go() {
    const CAP: usize = 8;
    let sb = common::sandbox(Config {
        max_connections: CAP,
        // Long, so only the clients going away can free a slot here.
        header_timeout: Duration::from_secs(20),
        ..Config::default()
    });
    let base = sb.base_url();
    let hogs: Vec<TcpStream> = (0..CAP + 4).map(|_| connect(&base)).collect();
    std::thread::sleep(ms(300));

    // Connected (the kernel's backlog), but not served while the cap is held.
    let mut waiting = connect(&base);
    waiting
        .write_all(b"GET /admin/health HTTP/1.1\r\nHost: sandbox\r\nConnection: close\r\n\r\n")
        .unwrap();
    let early = read_until_closed(&mut waiting, ms(700));
    assert!(!early.closed && early.got.is_empty(), "{early:?}");

    let gone = Instant::now();
    drop(hogs);
    let end = read_until_closed(&mut waiting, Duration::from_secs(5));
    assert_eq!(end.status(), Some(200), "{end:?}");
    assert!(
        gone.elapsed() < Duration::from_secs(3),
        "{:?}",
        gone.elapsed()
    );
    println!("served {:?} after the hogs went", gone.elapsed());

    // And the client library works as before.
    common::add(
        &base,
        json!({"reference": "after", "kind": "id_verification"}),
    );
    assert!(common::client(&base).scan_status("after").is_ok());
}

#[test]
fn at_the_cap_idle_keep_alive_connections_make_room() {
    const CAP: usize = 4;
    let sb = common::sandbox(Config {
        max_connections: CAP,
        idle_timeout: Duration::from_secs(30),
        ..Config::default()
    });
    let base = sb.base_url();
    let mut idle: Vec<TcpStream> = (0..CAP)
        .map(|_| {
            let mut s = connect(&base);
            s.write_all(b"GET /admin/health HTTP/1.1\r\nHost: sandbox\r\n\r\n")
                .unwrap();
            let mut buf = [0u8; 1024];
            s.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
            let n = s.read(&mut buf).unwrap();
            assert!(buf[..n].starts_with(b"HTTP/1.1 200"));
            s
        })
        .collect();

    // A fifth client need not wait the 30 s idle timeout of the four.
    let mut s = connect(&base);
    s.write_all(b"GET /admin/health HTTP/1.1\r\nHost: sandbox\r\nConnection: close\r\n\r\n")
        .unwrap();
    let end = read_until_closed(&mut s, Duration::from_secs(5));
    assert_eq!(end.status(), Some(200), "{end:?}");
    assert!(end.after < Duration::from_secs(2), "{:?}", end.after);
    let closed = idle
        .iter_mut()
        .map(|s| read_until_closed(s, ms(500)).closed)
        .filter(|&c| c)
        .count();
    println!("{closed} of {CAP} idle connections closed to make room");
    assert_eq!(closed, 1, "one idle connection made room, no more");
}

#[test]
fn an_oversized_content_length_is_refused_before_the_body() {
    let sb = common::sandbox(Config::default());
    for (path, code) in [
        ("/api/v1/card_scan", "body_too_large"),
        ("/admin/scans", "scan_too_large"),
    ] {
        let mut s = connect(&sb.base_url());
        // No body follows, and `100 Continue` would invite one: the answer must not wait for it.
        let head = format!(
            "POST {path} HTTP/1.1\r\nHost: sandbox\r\nContent-Type: application/json\r\n\
             Expect: 100-continue\r\nContent-Length: 100000000000\r\n\r\n"
        );
        s.write_all(head.as_bytes()).unwrap();
        let end = read_until_closed(&mut s, Duration::from_secs(5));
        assert_eq!(end.status(), Some(413), "{}", end.text());
        assert_eq!(error_code(&end), code);
        // At once: waiting for a body would take the 30 s body timeout.
        assert!(end.closed && end.after < Duration::from_secs(3), "{end:?}");
        assert!(end
            .text()
            .to_ascii_lowercase()
            .contains("connection: close"));
    }
}

#[test]
fn a_chunked_body_is_cut_at_the_limit() {
    let sb = common::sandbox(Config {
        max_body_bytes: 1024,
        ..Config::default()
    });
    let chunk = format!("320\r\n{}\r\n", "x".repeat(0x320)); // 800 bytes
    let head =
        "POST /api/v1/card_scan HTTP/1.1\r\nHost: sandbox\r\nContent-Type: application/json\r\n\
                Transfer-Encoding: chunked\r\n\r\n";

    let mut s = connect(&sb.base_url());
    s.write_all(head.as_bytes()).unwrap();
    s.write_all(chunk.as_bytes()).unwrap();
    s.write_all(chunk.as_bytes()).unwrap(); // 1,600 bytes: over; no last chunk sent
    let end = read_until_closed(&mut s, Duration::from_secs(5));
    assert_eq!(end.status(), Some(413), "{}", end.text());
    assert_eq!(error_code(&end), "body_too_large");
    assert!(end.closed && end.after < Duration::from_secs(2), "{end:?}");

    // Under the limit, the same kind of body reaches the endpoint.
    let mut s = connect(&sb.base_url());
    s.write_all(head.as_bytes()).unwrap();
    s.write_all(b"2\r\n{}\r\n0\r\n\r\n").unwrap();
    let mut buf = [0u8; 4096];
    s.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
    let n = s.read(&mut buf).unwrap();
    let text = String::from_utf8_lossy(&buf[..n]);
    assert!(text.starts_with("HTTP/1.1 200"), "{text}");
    assert!(
        text.contains(r#""status_code":"400""#),
        "the endpoint's own answer: {text}"
    );
}

#[test]
fn the_admin_store_is_capped_in_count() {
    let sb = common::sandbox(Config {
        max_scans: 3,
        ..Config::default()
    });
    let base = sb.base_url();
    let add = |r: &str| {
        admin(
            &base,
            &json!({"reference": r, "kind": "id_verification"}).to_string(),
        )
    };
    for r in ["a", "b", "c"] {
        assert_eq!(add(r).status(), Some(201));
    }
    let full = add("d");
    assert_eq!(full.status(), Some(507), "{}", full.text());
    assert_eq!(error_code(&full), "store_full");
    assert!(
        full.text().contains("maximum of 3 scans"),
        "{}",
        full.text()
    );
    // Replacing a scan takes no more room; deleting one makes room.
    assert_eq!(add("a").status(), Some(201));
    assert_eq!(common::client(&base).delete_scan("b").unwrap(), 200);
    assert_eq!(add("d").status(), Some(201));
    assert_eq!(add("e").status(), Some(507));
}

#[test]
fn the_admin_store_is_capped_in_size() {
    let sb = common::sandbox(Config {
        max_scan_bytes: 2048,
        max_store_bytes: 5000,
        ..Config::default()
    });
    let base = sb.base_url();
    let scan = |r: &str, pad: usize| {
        json!({"reference": r, "kind": "id_verification", "data": {"pad": "x".repeat(pad)}})
            .to_string()
    };
    let big = admin(&base, &scan("big", 3000));
    assert_eq!(big.status(), Some(413), "{}", big.text());
    assert_eq!(error_code(&big), "scan_too_large");
    assert!(big.text().contains("at most 2048 bytes"), "{}", big.text());

    // Each about 1,400 bytes of data: three fit in 5,000, a fourth does not.
    for r in ["s1", "s2", "s3"] {
        assert_eq!(admin(&base, &scan(r, 1400)).status(), Some(201));
    }
    let over = admin(&base, &scan("s4", 1400));
    assert_eq!(over.status(), Some(507), "{}", over.text());
    assert_eq!(error_code(&over), "store_full");
    assert!(over.text().contains("5000 bytes"), "{}", over.text());
    // The stored scans still answer.
    let details = common::client(&base).scan_details("s2").unwrap();
    assert!(details.scan_reference.is_some_and(|r| r == "s2"));
}

#[test]
fn admin_errors_never_echo_posted_values() {
    let sb = common::sandbox(Config {
        max_scan_bytes: 4096,
        max_scans: 1,
        ..Config::default()
    });
    let base = sb.base_url();
    assert_eq!(
        admin(&base, r#"{"reference": "first", "kind": "document"}"#).status(),
        Some(201)
    );
    let c = CARD;
    let n = NAME;
    let cases: Vec<(String, u16)> = vec![
        (
            format!(r#"{{"reference": "{c} {n}", "kind": "id_verification"}}"#),
            400,
        ),
        (format!(r#"{{"reference": "r", "kind": "{n}{c}"}}"#), 400),
        (
            format!(r#"{{"reference": "r", "kind": "credit_card", "{n}{c}": 1}}"#),
            400,
        ),
        (
            format!(r#"{{"reference": "r", "kind": "credit_card", "readyAfterMs": "{c} {n}"}}"#),
            400,
        ),
        (
            format!(r#"{{"reference": "r", "kind": "credit_card", "failNext": [{c}]}}"#),
            400,
        ),
        (
            format!(r#"{{"reference": "r", "kind": "credit_card", "failNext": ["{n}"]}}"#),
            400,
        ),
        (
            format!(r#"{{"reference": "r", "kind": "credit_card", "finalStatus": {c}}}"#),
            400,
        ),
        (
            format!(r#"{{"reference": "r", "kind": "credit_card", "data": ["{c}", "{n}"]}}"#),
            400,
        ),
        (format!(r#"{{"reference": {c}, "kind": "{n}"}}"#), 400),
        (
            format!(r#"{{"data": {{"cardNumber": "{c}", "name": "{n}"}}}}"#),
            400,
        ),
        (
            format!(r#"{{"reference": "r", "data": {{"cardNumber": "{c}" "{n}"}}}}"#),
            400,
        ),
        (format!(r#"{{"reference": "{c}{n}"#), 400),
        (format!(r#"["{c}", "{n}"]"#), 400),
        (format!("{c} {n}"), 400),
        (
            format!(r#"{{"reference": "r\u0000{c}{n}", "kind": "document"}}"#),
            400,
        ),
        // Well formed, but the store is full.
        (
            format!(
                r#"{{"reference": "r", "kind": "credit_card", "data": {{"cardNumber": "{c}", "cardHolder": "{n}"}}}}"#
            ),
            507,
        ),
        // Too large.
        (
            format!(
                r#"{{"reference": "r", "kind": "credit_card", "data": {{"cardNumber": "{c}", "cardHolder": "{n}", "pad": "{}"}}}}"#,
                "x".repeat(5000)
            ),
            413,
        ),
    ];
    for (body, status) in cases {
        let answer = admin(&base, &body);
        let text = answer.text();
        assert_eq!(answer.status(), Some(status), "{body}: {text}");
        assert!(
            !text.contains(CARD) && !text.contains(NAME),
            "{body}: {text}"
        );
        assert!(!error_code(&answer).is_empty(), "typed: {text}");
    }
}

#[test]
fn zero_limits_are_refused() {
    for config in [
        Config {
            max_connections: 0,
            ..Config::default()
        },
        Config {
            header_timeout: Duration::ZERO,
            ..Config::default()
        },
        Config {
            max_scans: 0,
            ..Config::default()
        },
    ] {
        let e = scankit_sandbox::spawn(config).unwrap_err();
        assert!(e.to_string().contains("must be more than zero"), "{e}");
    }
}

/// CPU seconds a process has used (Linux: utime + stime in clock ticks).
fn cpu_seconds(pid: u32) -> f64 {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap();
    // Fields after the command name, which is in parentheses and may hold spaces.
    let rest = &stat[stat.rfind(')').unwrap() + 2..];
    let fields: Vec<&str> = rest.split(' ').collect();
    let ticks: f64 = fields[11].parse::<f64>().unwrap() + fields[12].parse::<f64>().unwrap();
    ticks / 100.0
}

#[test]
fn under_a_64_descriptor_limit_the_server_neither_dies_nor_spins() {
    use std::io::BufRead;
    use std::process::{Command, Stdio};
    if Command::new("prlimit").arg("--version").output().is_err() {
        println!("skipped: no prlimit");
        return;
    }
    struct Child(std::process::Child);
    impl Drop for Child {
        fn drop(&mut self) {
            let _ = self.0.kill();
            let _ = self.0.wait();
        }
    }
    let mut child = Child(
        Command::new("prlimit")
            .args(["--nofile=64:64", "--"])
            .arg(env!("CARGO_BIN_EXE_scankit-sandbox"))
            // Long: only the clients going away frees descriptors here.
            .args(["--port", "0", "--header-timeout-ms", "30000"])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap(),
    );
    let mut line = String::new();
    std::io::BufReader::new(child.0.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let base = line.trim().to_owned();
    assert!(base.starts_with("http://127.0.0.1:"), "{base}");
    let pid = child.0.id();

    // More connections than descriptors: accept fails with EMFILE.
    let hogs: Vec<TcpStream> = (0..100).map(|_| connect(&base)).collect();
    std::thread::sleep(ms(500));
    let before = cpu_seconds(pid);
    std::thread::sleep(Duration::from_secs(1));
    let spent = cpu_seconds(pid) - before;
    assert!(spent < 0.3, "{spent} CPU seconds in one second of EMFILE");
    assert!(child.0.try_wait().unwrap().is_none(), "still running");

    drop(hogs);
    let gone = Instant::now();
    let mut s = connect(&base);
    s.write_all(b"GET /admin/health HTTP/1.1\r\nHost: sandbox\r\nConnection: close\r\n\r\n")
        .unwrap();
    let end = read_until_closed(&mut s, Duration::from_secs(10));
    assert_eq!(end.status(), Some(200), "{end:?}");
    println!(
        "EMFILE: {spent:.2} CPU s per s; served {:?} after the hogs went",
        gone.elapsed()
    );

    let _ = child.0.kill();
    let mut err = String::new();
    child
        .0
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut err)
        .unwrap();
    assert!(err.contains("accept:"), "EMFILE was reached: {err}");
    assert_eq!(err.matches("accept:").count(), 1, "said once: {err}");
}
