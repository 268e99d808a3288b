//! The main job, end to end, against `scankit-sandbox` standing in for the
//! provider:
//!
//! 1. a callback receiver accepts POSTs only from allowed source addresses
//!    (the spec's callback IPs, plus loopback for the demo), answers 200 at
//!    once and processes afterwards, as the provider asks;
//! 2. the sandbox sends it a callback; the receiver parses it and decides;
//! 3. the full scan is retrieved through the Retrieval API, polling on the
//!    spec's schedule (scaled from seconds to milliseconds for the demo);
//! 4. the decision and the redacted result are printed.
//!
//! `callback-demo <sandbox-url> <scankit-sandbox binary> <callback .form>`

use scankit::client::{RetrievalClient, WaitOptions};
use scankit::retrieval::poll::RECOMMENDED_SECONDS;
use scankit::retrieval::{BaseUrls, Credentials, PollSchedule, RequestBuilder, UserAgent};
use scankit::{Allowlist, NetverifyCallback};
use std::error::Error;
use std::io::Read;
use std::process::Command;
use std::sync::mpsc;
use std::time::Duration;

/// Callbacks are small; a larger body is refused before it is read whole.
const MAX_BODY: u64 = 64 * 1024;

fn main() -> Result<(), Box<dyn Error>> {
    let args: Vec<String> = std::env::args().collect();
    let [_, sandbox, sandbox_bin, fixture] = args.as_slice() else {
        return Err(
            "usage: callback-demo <sandbox-url> <scankit-sandbox binary> <callback .form>".into(),
        );
    };

    let inbox = start_receiver()?;
    let receiver_url = inbox.url.clone();
    println!("receiver listening at {receiver_url}");

    // The provider knows the scan the callback is about: seed the sandbox with it.
    let body = std::fs::read(fixture)?;
    let reference = NetverifyCallback::parse(&body)?.jumio_id_scan_reference;
    let scan = serde_json::json!({
        "reference": reference,
        "kind": "id_verification",
        "readyAfterMs": 300,
    });
    ureq::post(&format!("{sandbox}/admin/scans"))
        .header("Content-Type", "application/json")
        .send(scan.to_string())?;

    // The provider sends the callback.
    let sent = Command::new(sandbox_bin)
        .args(["send-callback", "--to", &receiver_url, "--fixture", fixture])
        .output()?;
    println!(
        "sandbox sent the callback; the receiver answered {}",
        String::from_utf8_lossy(&sent.stdout).trim()
    );
    if !sent.status.success() {
        return Err(format!(
            "send-callback failed: {}",
            String::from_utf8_lossy(&sent.stderr)
        )
        .into());
    }

    // Processing happens after the 200, off the request path.
    let body = inbox.bodies.recv_timeout(Duration::from_secs(10))?;
    let callback = NetverifyCallback::parse(&body)?;
    let decision = callback.decision();
    println!("decision: {} ({})", decision.outcome, decision.reason);
    println!("redacted callback: {}", callback.redacted().to_json());

    let client = RetrievalClient::new(RequestBuilder::new(
        Credentials::new("sandbox-token", "sandbox-secret")?,
        UserAgent::new("ScanKit Demo/1.0.0")?,
        BaseUrls::single(sandbox)?,
    ));
    let demo_speed = RECOMMENDED_SECONDS
        .iter()
        .map(|s| Duration::from_millis(*s));
    let status = client.wait_for_scan(
        &reference,
        WaitOptions {
            schedule: PollSchedule::custom(demo_speed),
            ..WaitOptions::default()
        },
    )?;
    println!(
        "retrieval: status {} after polling on the spec's schedule (in ms)",
        status.status.map(|s| s.to_string()).unwrap_or_default()
    );
    let mut details = client.scan_details(&reference)?;
    details.document = details.document.map(|d| d.redacted());
    details.transaction = details.transaction.map(|t| t.redacted());
    println!(
        "redacted scan details: {}",
        serde_json::to_string(&details)?
    );
    Ok(())
}

struct Inbox {
    url: String,
    bodies: mpsc::Receiver<Vec<u8>>,
}

/// Serves POST /callback on 127.0.0.1 from a thread; bodies go to the inbox.
fn start_receiver() -> Result<Inbox, Box<dyn Error>> {
    let server = tiny_http::Server::http("127.0.0.1:0").map_err(|e| e.to_string())?;
    let port = server
        .server_addr()
        .to_ip()
        .ok_or("receiver has no IP address")?
        .port();
    let allowed = Allowlist::default().with_loopback();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for mut request in server.incoming_requests() {
            let from_allowed = request
                .remote_addr()
                .is_some_and(|a| allowed.is_allowed(a.ip()));
            if !from_allowed {
                let _ = request.respond(tiny_http::Response::empty(403));
                continue;
            }
            let mut body = Vec::new();
            let read = request
                .as_reader()
                .take(MAX_BODY + 1)
                .read_to_end(&mut body);
            if read.is_err() || body.len() as u64 > MAX_BODY {
                let _ = request.respond(tiny_http::Response::empty(413));
                continue;
            }
            // Answer at once; the work happens after.
            let _ = request.respond(tiny_http::Response::empty(200));
            if tx.send(body).is_err() {
                return;
            }
        }
    });
    Ok(Inbox {
        url: format!("http://127.0.0.1:{port}/callback"),
        bodies: rx,
    })
}
