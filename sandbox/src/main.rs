//! The `scankit-sandbox` command: serves the sandbox and prints its base
//! URL on stdout, or sends a callback.

use clap::{Parser, Subcommand};
use scankit_sandbox::{bind, callback, defaults, serve, Config, ScanSpec};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

#[derive(Parser)]
#[command(
    name = "scankit-sandbox",
    version,
    about = "A local stand-in for the provider's Retrieval APIs"
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    /// Port on 127.0.0.1 (0: any free port).
    #[arg(long, default_value_t = 0)]
    port: u16,
    /// A directory of scans to serve: one JSON file per scan, as POSTed to /admin/scans.
    #[arg(long)]
    data: Option<PathBuf>,
    /// Basic auth user-id (API token) to require.
    #[arg(long, default_value = "sandbox-token")]
    token: String,
    /// Basic auth password (API secret) to require.
    #[arg(long, default_value = "sandbox-secret", env = "SCANKIT_SANDBOX_SECRET")]
    secret: String,
    /// Answer maskhint=unmasked instead of 403.
    #[arg(long)]
    allow_unmasked: bool,
    /// Milliseconds after it is added until a scan is ready (PENDING and 404 before).
    #[arg(long, default_value_t = 0)]
    ready_after_ms: u64,
    /// Requests per second over which the API answers 429 (0: no limit).
    #[arg(long, default_value_t = 0)]
    rate_limit: u32,
    /// MobiCard api key the card_scan token must carry.
    #[arg(long, default_value = "sandbox-mobicard-key")]
    mobicard_api_key: String,
    /// MobiCard secret key the card_scan token must be signed with.
    #[arg(
        long,
        default_value = "sandbox-mobicard-secret",
        env = "SCANKIT_SANDBOX_MOBICARD_SECRET"
    )]
    mobicard_secret: String,
    /// Milliseconds a request head may take, from the connection's start (or
    /// its first byte on a kept-alive connection); then the connection closes.
    #[arg(long, default_value_t = defaults::HEADER_TIMEOUT_MS, value_parser = clap::value_parser!(u64).range(1..))]
    header_timeout_ms: u64,
    /// Milliseconds a request body may take after its head (then 408).
    #[arg(long, default_value_t = defaults::BODY_TIMEOUT_MS, value_parser = clap::value_parser!(u64).range(1..))]
    body_timeout_ms: u64,
    /// Milliseconds an idle keep-alive connection stays open.
    #[arg(long, default_value_t = defaults::IDLE_TIMEOUT_MS, value_parser = clap::value_parser!(u64).range(1..))]
    idle_timeout_ms: u64,
    /// Connections served at once; more wait until one closes (an idle one is closed for them).
    #[arg(long, default_value_t = defaults::MAX_CONNECTIONS, value_parser = positive)]
    max_connections: usize,
    /// Bytes of a request body (over it: 413).
    #[arg(long, default_value_t = defaults::MAX_BODY_BYTES, value_parser = positive)]
    max_body_bytes: usize,
    /// Scans held at once (more: 507).
    #[arg(long, default_value_t = defaults::MAX_SCANS, value_parser = positive)]
    max_scans: usize,
    /// Bytes of one POST /admin/scans body (over it: 413).
    #[arg(long, default_value_t = defaults::MAX_SCAN_BYTES, value_parser = positive)]
    max_scan_bytes: usize,
    /// Bytes of all stored scans' data, as compact JSON (over it: 507).
    #[arg(long, default_value_t = defaults::MAX_STORE_BYTES, value_parser = positive)]
    max_store_bytes: usize,
}

/// A count or size of at least 1: zero would refuse everything.
fn positive(s: &str) -> Result<usize, String> {
    match s.parse::<usize>() {
        Ok(0) => Err("must be at least 1".into()),
        Ok(n) => Ok(n),
        Err(e) => Err(e.to_string()),
    }
}

#[derive(Subcommand)]
enum Command {
    /// POST a callback body to a URL as the provider does (form-urlencoded).
    SendCallback {
        /// Where to POST.
        #[arg(long)]
        to: String,
        /// A `.form` body, or a callback as JSON.
        #[arg(long)]
        fixture: PathBuf,
    },
}

fn load(dir: &PathBuf) -> Result<Vec<ScanSpec>, String> {
    let mut specs = Vec::new();
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
    {
        let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
        // Errors name the field, never the value: the file may hold card numbers.
        specs.push(
            ScanSpec::from_json(text.as_bytes()).map_err(|e| format!("{}: {e}", path.display()))?,
        );
    }
    Ok(specs)
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    if let Some(Command::SendCallback { to, fixture }) = &cli.command {
        return match callback::form_body(fixture).and_then(|body| callback::send(to, &body)) {
            Ok(status) => {
                println!("{status}");
                if (200..300).contains(&status) {
                    ExitCode::SUCCESS
                } else {
                    ExitCode::FAILURE
                }
            }
            Err(e) => {
                eprintln!("send-callback: {e}");
                ExitCode::FAILURE
            }
        };
    }
    let scans = match cli.data.as_ref().map(load).transpose() {
        Ok(s) => s.unwrap_or_default(),
        Err(e) => {
            eprintln!("--data: {e}");
            return ExitCode::FAILURE;
        }
    };
    let config = Config {
        port: cli.port,
        token: cli.token,
        secret: cli.secret,
        allow_unmasked: cli.allow_unmasked,
        ready_after: Duration::from_millis(cli.ready_after_ms),
        rate_limit: cli.rate_limit,
        scans,
        mobicard_api_key: cli.mobicard_api_key,
        mobicard_secret: cli.mobicard_secret,
        header_timeout: Duration::from_millis(cli.header_timeout_ms),
        body_timeout: Duration::from_millis(cli.body_timeout_ms),
        idle_timeout: Duration::from_millis(cli.idle_timeout_ms),
        max_connections: cli.max_connections,
        max_body_bytes: cli.max_body_bytes,
        max_scans: cli.max_scans,
        max_scan_bytes: cli.max_scan_bytes,
        max_store_bytes: cli.max_store_bytes,
    };
    let runtime = match tokio::runtime::Runtime::new() {
        Ok(r) => r,
        Err(e) => {
            eprintln!("runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    let result = runtime.block_on(async move {
        let listener = bind(config.port).await?;
        println!("http://{}", listener.local_addr()?);
        std::io::stdout().flush()?;
        serve(listener, config).await
    });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("scankit-sandbox: {e}");
            ExitCode::FAILURE
        }
    }
}
