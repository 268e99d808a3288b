//! `scankit`: the command line for pipelines. Reads stdin, writes JSON to
//! stdout; bad input gives one line on stderr and exit code 2.

use clap::{Parser, Subcommand};
use std::process::ExitCode;

mod callback;
mod card;
mod mask;

#[derive(Parser)]
#[command(
    name = "scankit",
    version,
    about = "Parse, decide and redact identity-verification and card-scan results"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Jumio Netverify and Document Verification callbacks.
    #[command(subcommand)]
    Callback(callback::CallbackCommand),
    /// Card numbers and expiry dates, one per line: JSON verdicts.
    #[command(subcommand)]
    Card(card::CardCommand),
    /// Copy stdin to stdout with every card number masked.
    Mask(mask::MaskArgs),
}

/// A failure to report: one line on stderr, then this exit code.
pub struct Failure {
    /// The line to print (never a personal value).
    pub message: String,
    /// 2 for bad input, 1 for I/O trouble.
    pub code: u8,
}

impl Failure {
    /// Bad input: exit code 2.
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
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Callback(cmd) => callback::run(cmd),
        Command::Card(cmd) => card::run(cmd),
        Command::Mask(args) => mask::run(args),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(f) => {
            eprintln!("scankit: {}", f.message);
            ExitCode::from(f.code)
        }
    }
}
