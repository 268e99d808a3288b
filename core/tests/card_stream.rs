//! `PanMaskWriter` writes exactly what `mask_pans` makes of the whole
//! input, however the input is cut into writes, and holds at most
//! `MAX_HELD` bytes between writes.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use proptest::prelude::*;
use scankit::card::{
    find_pans, luhn_check_digit, mask_pans_with, MaskStyle, Masker, PanMaskWriter, MAX_HELD,
};
use std::cell::RefCell;
use std::io::{self, Write};
use std::rc::Rc;

/// Every read size from 1 to 64, then powers of two and primes, and their
/// neighbours, up to 128 KiB.
fn read_sizes() -> Vec<usize> {
    let primes = [
        67, 127, 251, 257, 509, 521, 1021, 1031, 2039, 2053, 4093, 4099, 8191, 8209, 16381, 16411,
        32749, 32771, 65521, 65537, 131071,
    ];
    let mut sizes: Vec<usize> = (1..=64).collect();
    for n in (7..=17).map(|k| 1usize << k).chain(primes) {
        sizes.extend([n - 1, n, n + 1]);
    }
    sizes.retain(|&s| s <= 128 * 1024);
    sizes.sort_unstable();
    sizes.dedup();
    sizes
}

/// `text` written in pieces of `sizes` (over and over), checking the held
/// bound after every write.
fn streamed(text: &[u8], sizes: &[usize], masker: Masker) -> Vec<u8> {
    let mut w = PanMaskWriter::with_masker(Vec::new(), masker);
    let mut rest = text;
    for &size in sizes.iter().cycle() {
        if rest.is_empty() {
            break;
        }
        let (piece, tail) = rest.split_at(size.min(rest.len()));
        w.write_all(piece).unwrap();
        assert!(w.held() <= MAX_HELD, "holds {} bytes", w.held());
        rest = tail;
    }
    w.finish().unwrap()
}

/// Asserts that streaming `text` in writes of each of `sizes` gives the
/// whole-text result. Sizes past the text's length all mean one write: that
/// is tried once.
fn assert_streams_alike(name: &str, text: &str, sizes: &[usize], masker: Masker) -> String {
    let whole = mask_pans_with(text, masker);
    let mut one_write_done = false;
    for &size in sizes {
        if size >= text.len() {
            if one_write_done {
                continue;
            }
            one_write_done = true;
        }
        let out = streamed(text.as_bytes(), &[size], masker);
        if out != whole.as_bytes() {
            let at = out
                .iter()
                .zip(whole.as_bytes())
                .position(|(a, b)| a != b)
                .unwrap_or(out.len().min(whole.len()));
            let from = at.saturating_sub(40);
            panic!(
                "{name}: writes of {size} differ at byte {at}:\n streamed {:?}\n    whole {:?}",
                String::from_utf8_lossy(&out[from..(at + 40).min(out.len())]),
                &whole[from..(at + 40).min(whole.len())],
            );
        }
    }
    whole.into_owned()
}

/// A Luhn-valid number: `payload` and its check digit.
fn luhn(payload: &str) -> String {
    format!("{payload}{}", luhn_check_digit(payload).unwrap())
}

/// `digits` in groups of `size` joined by `sep`.
fn grouped(digits: &str, size: usize, sep: &str) -> String {
    let groups: Vec<&str> = digits
        .as_bytes()
        .chunks(size)
        .map(|g| std::str::from_utf8(g).unwrap())
        .collect();
    groups.join(sep)
}

/// A small deterministic generator (xorshift), for reproducible mixes.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

/// Numbers the finder takes, in every way they are written, and digits
/// that look like them but are not numbers.
fn fragments() -> Vec<String> {
    let visa19 = luhn("411111111111111111");
    assert_eq!(visa19.len(), 19);
    let mut out: Vec<String> = vec![
        "4111111111111111".to_owned(),
        "4111 1111 1111 1111".to_owned(),
        "4111-1111-1111-1111".to_owned(),
        "378282246310005".to_owned(),
        "3782 822463 10005".to_owned(),
        "5555555555554444".to_owned(),
        "30569309025904".to_owned(),
        grouped(&visa19, 4, " "),
        grouped(&visa19, 4, "-"),
        grouped(&visa19, 1, " "),
        visa19.clone(),
        "6634688829 4111 1111 1111 1111".to_owned(),
        "378290990983695 1 888888888888 1 1".to_owned(),
        "4007 4007 4007 4007 4007 4007".to_owned(),
        "1234.4111111111111111".to_owned(),
        "4111111111111111.5".to_owned(),
        "4111 1111 1111 1111.".to_owned(),
        "12345 67890".to_owned(),
        "4111 1111 1111 1112".to_owned(),
        "41111111111111111111".to_owned(),
    ];
    out.push("4 ".repeat(30));
    out
}

/// A text of `len` bytes mixing numbers, digits, separators, words and
/// non-ASCII characters, with or without line breaks.
fn mix(seed: u64, len: usize, lines: bool) -> String {
    let mut rng = Rng(seed);
    let numbers = fragments();
    let glue = [
        " ", "-", ".", "  ", " - ", "x", "card=", "é", "•", "٣", "５", "\t", ", ", ":",
    ];
    let mut s = String::new();
    while s.len() < len {
        match rng.below(6) {
            0 | 1 => s.push_str(&numbers[rng.below(numbers.len())]),
            2 => {
                let n = 1 + rng.below(24);
                (0..n).for_each(|_| s.push(char::from(b'0' + rng.below(10) as u8)));
            }
            3 if lines => s.push('\n'),
            _ => s.push_str(rng.pick(&glue)),
        }
    }
    s
}

/// The styles and mask characters, one per input, in turn.
fn masker(i: usize) -> Masker {
    let style = MaskStyle::ALL[i % MaskStyle::ALL.len()];
    if i % 4 == 3 {
        Masker::new(style, '•')
    } else {
        Masker::from(style)
    }
}

#[test]
fn the_head_of_a_long_number_is_masked_the_same_whatever_its_length() {
    // The streaming writer relies on this to write a long region's head.
    for style in MaskStyle::ALL {
        let fixed = style.shown(MaskStyle::SHOWN_FIXED_FROM);
        for len in MaskStyle::SHOWN_FIXED_FROM..=10_000 {
            assert_eq!(style.shown(len), fixed, "{style} at {len} digits");
        }
    }
}

#[test]
fn the_held_bound_is_reached() {
    // A 15-digit number in single-digit groups is a region too short to
    // write before it ends, 29 bytes long. Digits after it cannot make it
    // longer (a group of 60 is no part of a number), but decide nothing
    // either, so the scan stops 38 bytes from the end, at its last digit.
    let text = format!(
        "x {} {}",
        grouped("378282246310005", 1, " "),
        "1".repeat(60)
    );
    let mut w = PanMaskWriter::new(Vec::new(), MaskStyle::Pci);
    let mut most = 0;
    for b in text.as_bytes() {
        w.write_all(&[*b]).unwrap();
        most = most.max(w.held());
    }
    assert_eq!(most, MAX_HELD);
}

/// A writer whose output can be read while it is in use.
#[derive(Clone, Default)]
struct Shared(Rc<RefCell<Vec<u8>>>);

impl Write for Shared {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

#[test]
fn a_line_is_passed_on_as_soon_as_it_ends() {
    // For `tail -f | scankit mask`: a finished line never waits for the next.
    let out = Shared::default();
    let pci = Masker::from(MaskStyle::Pci);
    let mut w = PanMaskWriter::with_masker(out.clone(), pci);
    let mut want = String::new();
    for line in [
        "card 4111 1111 1111 1111\n",
        "amount 12.50 ref 4111-1111-1111-1111\n",
        "\n",
        "4007 4007 4007 4007 4007 1\n",
        "ends in a space \n",
    ] {
        w.write_all(line.as_bytes()).unwrap();
        w.flush().unwrap();
        want.push_str(&mask_pans_with(line, pci));
        assert_eq!(String::from_utf8(out.0.borrow().clone()).unwrap(), want);
    }
    // An unfinished line: what follows may still make a number of its end.
    w.write_all(b"x 12 4111 1111 1111 1111").unwrap();
    assert_eq!(out.0.borrow().len(), want.len() + "x ".len());
    w.finish().unwrap();
    want.push_str("x 12 4111 11** **** 1111");
    assert_eq!(String::from_utf8(out.0.borrow().clone()).unwrap(), want);
}

#[test]
fn every_read_size_over_short_and_mixed_inputs() {
    let sizes = read_sizes();
    assert!(sizes.len() > 120, "{} sizes", sizes.len());
    let visa19 = luhn("411111111111111111");
    let mut inputs: Vec<(String, String)> = vec![
        ("empty".into(), String::new()),
        ("a line break".into(), "\n".into()),
        ("one digit".into(), "4".into()),
        ("no line break".into(), "card 4111 1111 1111 1111".into()),
        // The finder reads up to 38 bytes past a start: a 19-digit number
        // in single-digit groups is 37 bytes, then `.5` makes it decimal.
        (
            "decimal after 37 bytes".into(),
            format!("a {}.5 b", grouped(&visa19, 1, " ")),
        ),
        (
            "group after 37 bytes".into(),
            format!("a {} 5 b", grouped(&visa19, 1, " ")),
        ),
        (
            "no line break after 37 bytes".into(),
            format!("a {}.", grouped(&visa19, 1, " ")),
        ),
        (
            "decimal before".into(),
            "x 0.4111111111111111 y 12.4111 1111 1111 1111".into(),
        ),
        // Deciding a start reads two bytes before it, which a write may
        // have passed on long before.
        (
            "decimal in a long chain".into(),
            format!("{}0.4111111111111111{}", "1 ".repeat(30), " 1".repeat(30)),
        ),
        (
            "long runs".into(),
            format!("{} 4111 1111 1111 1111 {}", "7".repeat(38), "9".repeat(40)),
        ),
        (
            "a run of 200 digits".into(),
            format!("4{}", "1".repeat(199)),
        ),
        (
            "single digits".into(),
            "1 ".repeat(300) + "4111111111111111\n",
        ),
        ("a long region".into(), "4007 ".repeat(80) + "400"),
        ("a long region, dashes".into(), "4007-".repeat(80) + "4007."),
        (
            "regions back to back".into(),
            "4111 1111 1111 1111 ".repeat(40),
        ),
    ];
    // Lines of every length up to 40 bytes, then longer, cutting numbers
    // anywhere.
    let pattern = "4111 1111 1111 1111 4111-1111-1111-1111 ".repeat(50);
    let lines: Vec<&str> = (0..=40)
        .chain([64, 100, 257, 1000, 2000])
        .map(|n| &pattern[..n])
        .collect();
    inputs.push(("lines of 0 to 2000 bytes".into(), lines.join("\n")));
    for f in fragments() {
        inputs.push((format!("{f:?} alone"), f.clone()));
        inputs.push((format!("{f:?} on a line"), format!("x {f}\n")));
    }
    for seed in 1..=2 {
        inputs.push((format!("mix {seed}"), mix(seed, 3000, seed == 1)));
    }
    for (i, (name, text)) in inputs.iter().enumerate() {
        assert_streams_alike(name, text, &sizes, masker(i));
    }
}

#[test]
fn every_read_size_over_numbers_at_16_and_64_kib_boundaries() {
    // 136 KiB on one line: words, with a number around every 4 KiB offset,
    // the offset falling at a different place in each.
    let numbers = fragments();
    let mut text = String::new();
    let mut k = 0;
    while text.len() < 136 * 1024 {
        let number = &numbers[k % numbers.len()];
        let boundary = (k + 1) * 4096;
        let start = boundary.saturating_sub(k % (number.len() + 1));
        while text.len() < start.saturating_sub(1) {
            text.push_str(["lorem ", "ipsum ", "x ", "42 "][text.len() % 4]);
        }
        text.truncate(start.saturating_sub(1));
        text.push(' ');
        text.push_str(number);
        text.push(' ');
        k += 1;
    }
    assert!(k > 30);
    assert_streams_alike("numbers at boundaries", &text, &read_sizes(), masker(0));
}

#[test]
fn long_lines_of_numbers() {
    // Space- and dash-separated numbers, and one region of overlapping
    // numbers, each longer than two 64 KiB reads and with no line break.
    let sizes = [65536, 131071];
    let long = 136 * 1024;
    let lines = [
        ("spaces", "4111 1111 1111 1111 "),
        ("dashes", "4111-1111-1111-1111-"),
        ("one region", "4007 "),
    ];
    for (i, (name, unit)) in lines.into_iter().enumerate() {
        let text = unit.repeat(long / unit.len());
        let pci = Masker::from(MaskStyle::Pci);
        let out = assert_streams_alike(name, &text, &sizes, pci);
        if i < 2 {
            assert_eq!(out.matches("4111").count(), text.len() / unit.len());
        } else {
            // One number: its first 6 and last 4 digits show.
            assert!(out.starts_with("4007 40** ****"));
            assert!(out.ends_with("**** 4007 "));
            assert_eq!(out.matches("4007").count(), 2);
        }
    }
}

#[test]
fn one_mebibyte_lines() {
    let sizes = [65536, 131071];
    let mib = 1 << 20;
    let words = "4111 1111 1111 1111 lorem ipsum dolor sit amet, consectetur 12345 678 \
                 adipiscing elit 5555-5555-5555-4444 sed do eiusmod tempor 20.4111 ";
    let lines = [
        ("numbers and words", words.repeat(mib / words.len())),
        ("digit groups", "12345 67890 ".repeat(mib / 12)),
        ("one run of digits", "4".repeat(mib)),
    ];
    for (i, (name, text)) in lines.iter().enumerate() {
        assert!(text.len() > mib - 200);
        assert_streams_alike(name, text, &sizes, masker(i));
    }
}

/// A planted number: brand prefix, random digits, check digit.
fn planted() -> impl Strategy<Value = String> {
    let prefixes = prop_oneof![
        Just(("4111", 16)),
        Just(("4111", 19)),
        Just(("5555", 16)),
        Just(("3782", 15)),
        Just(("6011", 16)),
        Just(("3530", 16)),
    ];
    (prefixes, "[0-9]{16}", 0..4usize).prop_map(|((prefix, len), body, format)| {
        let digits = luhn(&format!("{prefix}{}", &body[..len - prefix.len() - 1]));
        match format {
            0 => digits,
            1 => grouped(&digits, 4, " "),
            2 => grouped(&digits, 4, "-"),
            _ => grouped(&digits, 1, " "),
        }
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn random_text_with_planted_numbers_in_random_writes(
        parts in prop::collection::vec(
            prop_oneof![
                "[a-z =:.,\n-]{0,12}",
                "[0-9]{1,24}",
                "[0-9 .-]{0,40}",
                "[é•٣５ ]{1,3}",
                planted().prop_map(|n| format!(";{n};")),
            ],
            0..40,
        ),
        sizes in prop::collection::vec(1usize..100, 1..12),
        which in 0usize..8,
    ) {
        let text = parts.concat();
        let masker = masker(which);
        let whole = mask_pans_with(&text, masker);
        let out = streamed(text.as_bytes(), &sizes, masker);
        prop_assert_eq!(String::from_utf8(out).unwrap(), whole.as_ref());
        // Set apart by `;`, every planted number is found and masked.
        for part in parts.iter().filter(|p| p.starts_with(';')) {
            let number = part.trim_matches(';');
            prop_assert_eq!(find_pans(number).len(), 1, "{} is a number", number);
            prop_assert!(!whole.contains(number), "{} survived", number);
        }
    }
}
