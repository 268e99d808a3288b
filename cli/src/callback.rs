//! `scankit callback parse|decide`.

use crate::Failure;
use clap::{Args, Subcommand};
use scankit::{DocumentCallback, NetverifyCallback};
use std::io::{Read, Write};

#[derive(Subcommand)]
pub enum CallbackCommand {
    /// Read a callback body on stdin and print it as typed JSON.
    Parse(ParseArgs),
    /// Read a Netverify callback body on stdin and print the decision as JSON.
    Decide,
}

#[derive(Args)]
pub struct ParseArgs {
    /// Mask personal data (names, ID numbers, date of birth, address...).
    #[arg(long)]
    redact: bool,
    /// The body is a Document Verification callback.
    #[arg(long)]
    dv: bool,
}

pub fn run(cmd: CallbackCommand) -> Result<(), Failure> {
    let mut body = Vec::new();
    std::io::stdin()
        .lock()
        .read_to_end(&mut body)
        .map_err(Failure::io)?;
    let json = match cmd {
        CallbackCommand::Parse(args) if args.dv => {
            let cb = DocumentCallback::parse(&body).map_err(Failure::input)?;
            let cb = if args.redact { cb.redacted() } else { cb };
            serde_json::to_string_pretty(&cb)
        }
        CallbackCommand::Parse(args) => {
            let cb = NetverifyCallback::parse(&body).map_err(Failure::input)?;
            let cb = if args.redact { cb.redacted() } else { cb };
            serde_json::to_string_pretty(&cb)
        }
        CallbackCommand::Decide => {
            let cb = NetverifyCallback::parse(&body).map_err(Failure::input)?;
            serde_json::to_string_pretty(&cb.decision())
        }
    }
    .map_err(|e| Failure::input(format!("cannot write JSON: {e}")))?;
    let mut out = std::io::stdout().lock();
    writeln!(out, "{json}").map_err(Failure::io)
}
