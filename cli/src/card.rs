//! `scankit card check|expiry`: one input per line on stdin, one JSON object
//! per line on stdout. A line that is not UTF-8, too long, or holds
//! characters that cannot be part of the value gives `{"error": ...,
//! "line": n}` on its line; the stream goes on. Error text never quotes the
//! input (it may be a card number).

use crate::Failure;
use clap::{Args, Subcommand};
use scankit::card::{validate_expiry_with, validate_number, YearMonth};
use serde_json::{json, Value};
use std::io::{BufRead, BufReader, BufWriter, Write};

/// Longest line read as a value; longer ones are errors.
const MAX_LINE: usize = 256;

#[derive(Subcommand)]
pub enum CardCommand {
    /// Validate one card number per line:
    /// {"brand", "candidates", "potentially_valid", "valid", "luhn_valid"}.
    Check,
    /// Validate one expiry date per line (MM/YY, MM/YYYY, MMYY, M/YY...):
    /// {"potentially_valid", "valid", "month", "year"}.
    Expiry(ExpiryArgs),
}

#[derive(Args)]
pub struct ExpiryArgs {
    /// The date to check against, YYYY-MM-DD (default: today, UTC).
    #[arg(long, value_name = "YYYY-MM-DD")]
    today: Option<String>,
    /// How many years ahead an expiry may be.
    #[arg(long, default_value_t = scankit::card::expiry::DEFAULT_MAX_YEARS_AHEAD)]
    max_years: u16,
}

pub fn run(cmd: CardCommand) -> Result<(), Failure> {
    match cmd {
        CardCommand::Check => each_line(check_line),
        CardCommand::Expiry(args) => {
            let today = match args.today {
                Some(s) => parse_today(&s)?,
                None => time::OffsetDateTime::now_utc().date().into(),
            };
            each_line(|line| expiry_line(line, today, args.max_years))
        }
    }
}

fn parse_today(s: &str) -> Result<YearMonth, Failure> {
    let format = time::macros::format_description!("[year]-[month]-[day]");
    time::Date::parse(s, format)
        .map(YearMonth::from)
        .map_err(|_| Failure::input("--today: expected a date YYYY-MM-DD"))
}

fn check_line(line: &str) -> Result<Value, &'static str> {
    if !line
        .chars()
        .all(|c| c.is_ascii_digit() || c == '-' || c.is_whitespace())
    {
        return Err("holds characters other than digits, spaces and dashes");
    }
    let v = validate_number(line);
    Ok(json!({
        "brand": v.brand.map(|b| b.id()),
        "candidates": v.candidates.iter().map(|b| b.id()).collect::<Vec<_>>(),
        "potentially_valid": v.potentially_valid,
        "valid": v.valid,
        "luhn_valid": v.luhn_valid,
    }))
}

fn expiry_line(line: &str, today: YearMonth, max_years: u16) -> Result<Value, &'static str> {
    if !line
        .chars()
        .all(|c| c.is_ascii_digit() || c == '/' || c == '-' || c.is_whitespace())
    {
        return Err("holds characters other than digits, spaces, '/' and '-'");
    }
    let v = validate_expiry_with(line, today, max_years);
    Ok(json!({
        "potentially_valid": v.potentially_valid,
        "valid": v.valid,
        "month": v.month,
        "year": v.year,
    }))
}

/// Runs `judge` on each line of stdin (without its line ending) and writes
/// its answer, or an error object, as one JSON line.
fn each_line(judge: impl Fn(&str) -> Result<Value, &'static str>) -> Result<(), Failure> {
    let mut input = BufReader::with_capacity(CHUNK, std::io::stdin().lock());
    let mut out = BufWriter::new(std::io::stdout().lock());
    let mut raw = Vec::with_capacity(KEEP);
    let mut number = 0u64;
    loop {
        let answer = match next_line(&mut input, &mut raw).map_err(Failure::io)? {
            Line::End => break,
            Line::TooLong => Err("line too long"),
            Line::Kept => {
                let line = raw.strip_suffix(b"\r").unwrap_or(&raw);
                if line.len() > MAX_LINE {
                    Err("line too long")
                } else {
                    std::str::from_utf8(line)
                        .map_err(|_| "not UTF-8")
                        .and_then(&judge)
                }
            }
        };
        number += 1;
        let value = answer.unwrap_or_else(|e| json!({"error": e, "line": number}));
        writeln!(out, "{value}").map_err(Failure::io)?;
        // Answer at once when no more input is waiting (interactive use).
        if input.buffer().is_empty() {
            out.flush().map_err(Failure::io)?;
        }
    }
    out.flush().map_err(Failure::io)
}

/// How much of stdin is read at a time.
const CHUNK: usize = 64 * 1024;

/// Bytes of a line kept for judging: `MAX_LINE` and a `\r` before the `\n`.
const KEEP: usize = MAX_LINE + 1;

/// What [`next_line`] found.
enum Line {
    /// No more input.
    End,
    /// A line (without its `\n`) is in the buffer.
    Kept,
    /// A line longer than [`KEEP`]; it was skipped up to its `\n`, unkept.
    TooLong,
}

/// Reads the next line into `line` (without its `\n`), keeping at most
/// [`KEEP`] bytes: a longer line is read through in chunks to its end and
/// dropped, so one line without a newline in a 1 GiB input costs a chunk of
/// memory, not a gigabyte, and the lines after it are still answered.
fn next_line(input: &mut impl BufRead, line: &mut Vec<u8>) -> std::io::Result<Line> {
    line.clear();
    let mut seen = false;
    let mut too_long = false;
    loop {
        let chunk = match input.fill_buf() {
            Ok(chunk) => chunk,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if chunk.is_empty() {
            break;
        }
        seen = true;
        let (part, used, ends) = match memchr::memchr(b'\n', chunk) {
            Some(at) => (&chunk[..at], at + 1, true),
            None => (chunk, chunk.len(), false),
        };
        if !too_long {
            if line.len() + part.len() > KEEP {
                too_long = true;
                line.clear();
            } else {
                line.extend_from_slice(part);
            }
        }
        input.consume(used);
        if ends {
            break;
        }
    }
    Ok(match (seen, too_long) {
        (false, _) => Line::End,
        (true, true) => Line::TooLong,
        (true, false) => Line::Kept,
    })
}
