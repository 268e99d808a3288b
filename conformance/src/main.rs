//! `scankit-conformance cases|run|compare`: the cross-platform conformance
//! run of conformance/README.md, kept out of the user's `scankit` command.
//! `cases` turns the fixtures into one case list every platform's runner
//! reads; `run` is the Rust platform's runner; `compare` diffs the
//! platforms' outputs.

use clap::{Args, Parser, Subcommand};
use std::io::{BufRead, BufReader, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

mod cases;
mod compare;
mod run;

#[derive(Parser)]
#[command(
    name = "scankit-conformance",
    version,
    about = "The cross-platform conformance run: cases, the Rust runner, comparison"
)]
struct Cli {
    #[command(subcommand)]
    command: ConformanceCommand,
}

/// A failure to report: one line on stderr, then exit code 2 (bad input or
/// a difference found) or 1 (I/O).
pub struct Failure {
    message: String,
    code: u8,
}

impl Failure {
    /// Bad input, or platforms that differ: exit code 2.
    pub fn input(message: impl std::fmt::Display) -> Self {
        Failure {
            message: message.to_string(),
            code: 2,
        }
    }

    /// Reading or writing failed: exit code 1.
    pub fn io(err: std::io::Error) -> Self {
        Failure {
            message: format!("i/o error: {err}"),
            code: 1,
        }
    }
}

fn main() -> ExitCode {
    match run(Cli::parse().command) {
        Ok(()) => ExitCode::SUCCESS,
        Err(f) => {
            eprintln!("scankit-conformance: {}", f.message);
            ExitCode::from(f.code)
        }
    }
}

#[derive(Subcommand)]
enum ConformanceCommand {
    /// Write the case list (JSON Lines) made from a fixtures directory.
    Cases(CasesArgs),
    /// Run every case through the Rust core; one output line per case.
    Run(RunArgs),
    /// Compare the outputs of several platforms (file stem = platform).
    Compare(CompareArgs),
}

#[derive(Args)]
struct CasesArgs {
    /// The fixtures directory (core/tests/fixtures).
    fixtures: PathBuf,
}

#[derive(Args)]
struct RunArgs {
    /// The case list written by `scankit-conformance cases`.
    cases: PathBuf,
}

#[derive(Args)]
struct CompareArgs {
    /// The case list: every case must be answered by every platform.
    #[arg(long)]
    cases: PathBuf,
    /// One output file per platform, e.g. target/conformance/rust.jsonl.
    #[arg(required = true, num_args = 2..)]
    outputs: Vec<PathBuf>,
}

fn run(cmd: ConformanceCommand) -> Result<(), Failure> {
    match cmd {
        ConformanceCommand::Cases(args) => {
            let cases = cases::from_fixtures(&args.fixtures)?;
            write_lines(cases.iter())
        }
        ConformanceCommand::Run(args) => {
            let cases = read_lines(&args.cases)?;
            write_lines(cases.iter().map(run::answer))
        }
        ConformanceCommand::Compare(args) => compare::compare(&args.cases, &args.outputs),
    }
}

fn write_lines<'a, T: serde::Serialize + 'a>(
    items: impl Iterator<Item = T>,
) -> Result<(), Failure> {
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    for item in items {
        serde_json::to_writer(&mut out, &item)
            .map_err(|e| Failure::io(std::io::Error::other(e)))?;
        out.write_all(b"\n").map_err(Failure::io)?;
    }
    out.flush().map_err(Failure::io)
}

/// Reads a JSON Lines file; a line that is not JSON names the file and line.
fn read_lines(path: &Path) -> Result<Vec<serde_json::Value>, Failure> {
    let file = std::fs::File::open(path)
        .map_err(|e| Failure::input(format!("{}: {e}", path.display())))?;
    let mut values = Vec::new();
    for (n, line) in BufReader::new(file).lines().enumerate() {
        let line = line.map_err(Failure::io)?;
        if line.trim().is_empty() {
            continue;
        }
        let value = serde_json::from_str(&line)
            .map_err(|e| Failure::input(format!("{}:{}: not JSON ({e})", path.display(), n + 1)))?;
        values.push(value);
    }
    Ok(values)
}
