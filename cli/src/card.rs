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
    let mut input = BufReader::new(std::io::stdin().lock());
    let mut out = BufWriter::new(std::io::stdout().lock());
    let mut raw = Vec::new();
    let mut number = 0u64;
    loop {
        raw.clear();
        if input.read_until(b'\n', &mut raw).map_err(Failure::io)? == 0 {
            break;
        }
        number += 1;
        let line = raw.strip_suffix(b"\n").unwrap_or(&raw);
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        let answer = if line.len() > MAX_LINE {
            Err("line too long")
        } else {
            std::str::from_utf8(line)
                .map_err(|_| "not UTF-8")
                .and_then(&judge)
        };
        let value = answer.unwrap_or_else(|e| json!({"error": e, "line": number}));
        writeln!(out, "{value}").map_err(Failure::io)?;
        // Answer at once when no more input is waiting (interactive use).
        if input.buffer().is_empty() {
            out.flush().map_err(Failure::io)?;
        }
    }
    out.flush().map_err(Failure::io)
}
