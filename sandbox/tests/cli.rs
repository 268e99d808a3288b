//! The `scankit-sandbox` binary: `--port 0` prints the base URL, `--data`
//! seeds scans, and `send-callback` posts a form as the provider does.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // helpers of tests fail loudly

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpListener;
use std::process::{Command, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_scankit-sandbox");

/// Kills the child it holds when dropped, so a failed test leaves nothing running.
struct Child(std::process::Child);

impl Drop for Child {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[test]
fn port_zero_prints_the_base_url_and_data_seeds_scans() {
    let dir = std::env::temp_dir().join(format!("scankit-sandbox-data-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("seed.json"),
        r#"{"reference": "seeded", "kind": "id_verification", "finalStatus": "FAILED"}"#,
    )
    .unwrap();
    let mut child = Child(
        Command::new(BIN)
            .args(["--port", "0", "--token", "t0k", "--secret", "s3c", "--data"])
            .arg(&dir)
            .stdout(Stdio::piped())
            .spawn()
            .unwrap(),
    );
    let mut line = String::new();
    BufReader::new(child.0.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let base = line.trim();
    assert!(base.starts_with("http://127.0.0.1:"), "{base}");
    let c = common::client_with(base, "t0k", "s3c");
    assert_eq!(
        c.scan_status("seeded").unwrap().status,
        Some(scankit::retrieval::ScanStatus::Failed)
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

/// Accepts one request, answers `status`, returns the raw request.
fn receiver(status: u16) -> (String, std::thread::JoinHandle<String>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}/callback", listener.local_addr().unwrap());
    let handle = std::thread::spawn(move || {
        let (mut stream, _) = listener.accept().unwrap();
        let mut reader = BufReader::new(stream.try_clone().unwrap());
        let mut head = String::new();
        let mut length = 0;
        loop {
            let mut line = String::new();
            reader.read_line(&mut line).unwrap();
            if let Some(v) = line.to_ascii_lowercase().strip_prefix("content-length:") {
                length = v.trim().parse().unwrap();
            }
            head.push_str(&line);
            if line == "\r\n" {
                break;
            }
        }
        let mut body = vec![0; length];
        reader.read_exact(&mut body).unwrap();
        let reply =
            format!("HTTP/1.1 {status} X\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        stream.write_all(reply.as_bytes()).unwrap();
        head + &String::from_utf8(body).unwrap()
    });
    (url, handle)
}

fn send(to: &str, fixture: &std::path::Path) -> (bool, String) {
    let out = Command::new(BIN)
        .args(["send-callback", "--to", to, "--fixture"])
        .arg(fixture)
        .output()
        .unwrap();
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).trim().to_owned(),
    )
}

#[test]
fn send_callback_posts_a_form_and_reports_the_status() {
    let fixture =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/approved.form");
    let (url, got) = receiver(200);
    let (ok, printed) = send(&url, &fixture);
    assert!(ok);
    assert_eq!(printed, "200");
    let request = got.join().unwrap();
    assert!(
        request.starts_with("POST /callback HTTP/1.1\r\n"),
        "{request}"
    );
    assert!(request
        .to_ascii_lowercase()
        .contains("content-type: application/x-www-form-urlencoded"));
    let body = request.split("\r\n\r\n").nth(1).unwrap();
    let cb = scankit::parse_callback(body.as_bytes()).unwrap();
    assert_eq!(cb.jumio_id_scan_reference, "sandbox-callback-1");

    // A callback as JSON is sent as the provider's form; a refusal fails the command.
    let json = std::env::temp_dir().join(format!("scankit-callback-{}.json", std::process::id()));
    std::fs::write(&json, cb.to_json()).unwrap();
    let (url, got) = receiver(500);
    let (ok, printed) = send(&url, &json);
    assert!(!ok);
    assert_eq!(printed, "500");
    let request = got.join().unwrap();
    let body = request.split("\r\n\r\n").nth(1).unwrap();
    assert_eq!(scankit::parse_callback(body.as_bytes()).unwrap(), cb);
    std::fs::remove_file(&json).unwrap();
}

#[test]
fn config_debug_hides_secrets() {
    let config = scankit_sandbox::Config {
        secret: "top-secret-1".into(),
        mobicard_secret: "top-secret-2".into(),
        ..Default::default()
    };
    let shown = format!("{config:?}");
    assert!(!shown.contains("top-secret"), "{shown}");
}

#[test]
fn limit_flags_refuse_zero_and_debug_shows_limits() {
    for flag in [
        "--max-connections",
        "--header-timeout-ms",
        "--max-scans",
        "--max-store-bytes",
    ] {
        let out = Command::new(BIN)
            .args(["--port", "0", flag, "0"])
            .output()
            .unwrap();
        assert!(!out.status.success(), "{flag} 0 refused");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(flag), "{flag}: {err}");
    }
    let shown = format!("{:?}", scankit_sandbox::Config::default());
    assert!(shown.contains("max_connections: 256"), "{shown}");
    assert!(shown.contains("header_timeout: 10s"), "{shown}");
}

#[test]
fn a_bad_data_file_is_named_without_quoting_it() {
    let dir = std::env::temp_dir().join(format!("scankit-sandbox-bad-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("bad.json"),
        r#"{"reference": "r", "kind": "credit_card", "failNext": [4111111111111111], "ZEBULON": 1}"#,
    )
    .unwrap();
    let out = Command::new(BIN)
        .args(["--port", "0", "--data"])
        .arg(&dir)
        .output()
        .unwrap();
    std::fs::remove_dir_all(&dir).unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("bad.json: failNext"), "{err}");
    assert!(
        !err.contains("4111111111111111") && !err.contains("ZEBULON"),
        "{err}"
    );
}
