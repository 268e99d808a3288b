//! `scankit callback parse|decide`.

use crate::Failure;
use clap::{Args, Subcommand};
use scankit::{CallbackError, DocumentCallback, NetverifyCallback, ParseOptions};
use std::io::{Read, Write};

#[derive(Subcommand)]
pub enum CallbackCommand {
    /// Read a callback body on stdin and print it as typed JSON.
    Parse(ParseArgs),
    /// Read a Netverify callback body on stdin and print the decision as JSON.
    Decide(LimitArgs),
}

#[derive(Args)]
pub struct ParseArgs {
    /// Mask personal data (names, ID numbers, date of birth, address...).
    #[arg(long)]
    redact: bool,
    /// The body is a Document Verification callback.
    #[arg(long)]
    dv: bool,
    #[command(flatten)]
    limit: LimitArgs,
}

#[derive(Args)]
pub struct LimitArgs {
    /// Refuse a body larger than this (body_too_large) without reading
    /// past it.
    #[arg(long, value_name = "BYTES", default_value_t = ParseOptions::default().max_body_bytes)]
    max_body_bytes: usize,
}

impl LimitArgs {
    fn options(&self) -> ParseOptions {
        ParseOptions {
            max_body_bytes: self.max_body_bytes,
            ..ParseOptions::default()
        }
    }
}

pub fn run(cmd: CallbackCommand) -> Result<(), Failure> {
    let limit = match &cmd {
        CallbackCommand::Parse(args) => &args.limit,
        CallbackCommand::Decide(limit) => limit,
    };
    let options = limit.options();
    let body = read_body(std::io::stdin().lock(), options.max_body_bytes)?;
    let json = match cmd {
        CallbackCommand::Parse(args) if args.dv => {
            let cb = DocumentCallback::parse_with(&body, &options).map_err(Failure::input)?;
            let cb = if args.redact { cb.redacted() } else { cb };
            serde_json::to_string_pretty(&cb)
        }
        CallbackCommand::Parse(args) => {
            let cb = NetverifyCallback::parse_with(&body, &options).map_err(Failure::input)?;
            let cb = if args.redact { cb.redacted() } else { cb };
            serde_json::to_string_pretty(&cb)
        }
        CallbackCommand::Decide(_) => {
            let cb = NetverifyCallback::parse_with(&body, &options).map_err(Failure::input)?;
            serde_json::to_string_pretty(&cb.decision())
        }
    }
    .map_err(|e| Failure::input(format!("cannot write JSON: {e}")))?;
    let mut out = std::io::stdout().lock();
    writeln!(out, "{json}").map_err(Failure::io)
}

/// Reads the body, but never more than one byte past `limit`: that byte is
/// enough to know the body is too large, and the rest of a body of any
/// length (`head -c 1G /dev/zero`) is left unread instead of buffered.
fn read_body(input: impl Read, limit: usize) -> Result<Vec<u8>, Failure> {
    let cap = u64::try_from(limit).unwrap_or(u64::MAX).saturating_add(1);
    let mut body = Vec::new();
    input
        .take(cap)
        .read_to_end(&mut body)
        .map_err(Failure::io)?;
    if body.len() > limit {
        // The body's real size is unknown: the error says only that it is
        // over the limit.
        return Err(Failure::input(CallbackError::BodyTooLarge {
            size: None,
            limit,
        }));
    }
    Ok(body)
}
