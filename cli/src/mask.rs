//! `scankit mask`: copies stdin to stdout with every card number masked,
//! streaming (input of any size; only an unfinished tail is held).

use crate::Failure;
use clap::{Args, ValueEnum};
use scankit::card::{MaskStyle, Masker, PanMaskWriter};
use std::io::{BufWriter, Read, Write};

#[derive(Args)]
pub struct MaskArgs {
    /// How to mask: jumio (first 6, last 4, 'x'), mobicard (first 4, last
    /// 4, '*'), pci (first 6, last 4, '*'), pci8 (first 8 from 16 digits),
    /// last4, jumio-account (last 2).
    #[arg(long, value_enum, default_value_t = Style::Pci)]
    style: Style,
    /// The character shown for each hidden digit (default: the style's own);
    /// not a digit or other numeric character.
    #[arg(long)]
    mask_char: Option<char>,
}

#[derive(Clone, Copy, ValueEnum)]
enum Style {
    Jumio,
    Mobicard,
    Pci,
    Pci8,
    Last4,
    JumioAccount,
}

impl From<Style> for MaskStyle {
    fn from(s: Style) -> Self {
        match s {
            Style::Jumio => MaskStyle::Jumio,
            Style::Mobicard => MaskStyle::Mobicard,
            Style::Pci => MaskStyle::Pci,
            Style::Pci8 => MaskStyle::Pci8,
            Style::Last4 => MaskStyle::Last4,
            Style::JumioAccount => MaskStyle::JumioAccount,
        }
    }
}

pub fn run(args: MaskArgs) -> Result<(), Failure> {
    let style = MaskStyle::from(args.style);
    let masker = Masker::try_new(style, args.mask_char.unwrap_or(style.default_mask_char()))
        .map_err(|_| {
            Failure::input(
                "--mask-char: a digit or other numeric character would look like card data",
            )
        })?;
    let mut input = std::io::stdin().lock();
    let mut out = PanMaskWriter::with_masker(BufWriter::new(std::io::stdout().lock()), masker);
    let mut buf = vec![0u8; 64 * 1024];
    loop {
        let n = match input.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(Failure::io(e)),
        };
        out.write_all(buf.get(..n).unwrap_or(&[]))
            .map_err(Failure::io)?;
        // Pass on what is safe to pass at once, for `tail -f | scankit mask`.
        out.flush().map_err(Failure::io)?;
    }
    out.finish().map_err(Failure::io)?;
    Ok(())
}
