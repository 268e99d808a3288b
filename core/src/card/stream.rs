//! Masking card numbers in a stream of any size.

use super::find::{decided_before, RegionScan};
use super::mask::{MaskStyle, Masker};
use std::io::{self, Write};

/// The most input a [`PanMaskWriter`] holds between writes, in bytes.
///
/// Every start before the last `LOOKAHEAD - 1` = 38 bytes is decided (see
/// `find::decided_before`), so the scan stops within them. Behind that the
/// writer holds: outside a region, the two bytes a start looks back at;
/// inside a region of fewer than 16 digits, all of it (at most 15 digits
/// and 14 separators, reaching past the scan position, so starting at most
/// 28 bytes before it); inside a longer one, its last four digits and the
/// separators between them, as the rest is written (see
/// [`MaskStyle::SHOWN_FIXED_FROM`]). So 38 + 28 = 66, reached by a 15-digit
/// number in single-digit groups followed by digits.
#[doc(hidden)]
pub const MAX_HELD: usize = 66;

/// Input is taken in pieces of at most this many bytes, so that a large
/// write does not make the held buffer large.
const PIECE: usize = 16 * 1024;

/// A `Write` adapter that masks card numbers in everything written through
/// it, for inputs of any size: it writes exactly what
/// [`mask_pans`](super::mask_pans) makes of the whole input, however the
/// input is cut into writes.
///
/// Each write passes on at once all that the rest of the input cannot
/// change: everything up to a line break, a letter or any other byte no
/// number runs through, and all but the last 38 bytes of a long run of
/// digits and separators. What it holds, at most [`MAX_HELD`] bytes, is
/// that tail, with an unfinished number it starts or the last digits of a
/// long one. Call [`PanMaskWriter::finish`] at the end to write the tail.
/// Bytes need not be UTF-8.
pub struct PanMaskWriter<W: Write> {
    inner: W,
    masker: Masker,
    /// The input not yet written, after a few bytes already written that
    /// the scan still reads (a start looks two bytes back).
    held: Vec<u8>,
    /// How many bytes at the start of `held` are written.
    written: usize,
    /// Where finding regions in `held` goes on.
    scan: RegionScan,
    /// How many digits of the open region are written (masked), when it
    /// was long enough to write before its end.
    region_digits_written: usize,
}

impl<W: Write> PanMaskWriter<W> {
    /// Masks in `style` into `inner`.
    pub fn new(inner: W, style: MaskStyle) -> Self {
        Self::with_masker(inner, Masker::from(style))
    }

    /// Masks with `masker` into `inner`.
    pub fn with_masker(inner: W, masker: Masker) -> Self {
        PanMaskWriter {
            inner,
            masker,
            held: Vec::new(),
            written: 0,
            scan: RegionScan::default(),
            region_digits_written: 0,
        }
    }

    /// Masks and writes what is still held, flushes, and returns the inner writer.
    pub fn finish(mut self) -> io::Result<W> {
        // The input ends here: every start is decided, and all is written.
        self.pass_on(self.held.len())?;
        self.inner.flush()?;
        Ok(self.inner)
    }

    /// How many bytes of input are held, at most [`MAX_HELD`] after a write.
    #[doc(hidden)]
    pub fn held(&self) -> usize {
        self.held.len()
    }

    /// Finds the regions in `held` as far as `limit` (the starts before it
    /// are decided), writes all that can no longer change, and drops what
    /// is written and no longer read.
    fn pass_on(&mut self, limit: usize) -> io::Result<()> {
        while let Some((start, end)) = self.scan.next_before(&self.held, limit) {
            self.write_region(start, end)?;
        }
        match self.scan.open() {
            // No region starts before the scan position.
            None => self.write_plain(self.scan.pos())?,
            Some((start, end)) => self.write_region_head(start, end)?,
        }
        // Keep the two bytes before the scan position: a start looks back.
        let drop = self.written.min(self.scan.pos().saturating_sub(2));
        self.held.drain(..drop);
        self.written -= drop;
        self.scan.shift(drop);
        Ok(())
    }

    /// Writes the held bytes up to `to` as they are.
    fn write_plain(&mut self, to: usize) -> io::Result<()> {
        if to > self.written {
            self.inner
                .write_all(self.held.get(self.written..to).unwrap_or(&[]))?;
            self.written = to;
        }
        Ok(())
    }

    /// Where the unwritten part of the region starting at `start` begins,
    /// and how many of its digits come before that, after writing the bytes
    /// before the region.
    fn region_rest(&mut self, start: usize) -> io::Result<(usize, usize)> {
        if self.region_digits_written > 0 {
            return Ok((self.written, self.region_digits_written));
        }
        self.write_plain(start)?;
        Ok((start, 0))
    }

    /// Writes the region `start..end` masked (its head may be written).
    fn write_region(&mut self, start: usize, end: usize) -> io::Result<()> {
        let (from, seen) = self.region_rest(start)?;
        let rest = self.held.get(from..end).unwrap_or(&[]);
        let len = seen + digits(rest);
        let mut out = Vec::with_capacity(rest.len() + 8);
        self.masker.mask_part(rest, seen, len, &mut out);
        self.inner.write_all(&out)?;
        self.written = end;
        self.region_digits_written = 0;
        Ok(())
    }

    /// Writes what can be written of the unfinished region `start..end`:
    /// once it has [`MaskStyle::SHOWN_FIXED_FROM`] digits, which of them are
    /// shown no longer depends on its length, except for the last few.
    fn write_region_head(&mut self, start: usize, end: usize) -> io::Result<()> {
        let (from, seen) = self.region_rest(start)?;
        let rest = self.held.get(from..end).unwrap_or(&[]);
        let known = seen + digits(rest);
        if known < MaskStyle::SHOWN_FIXED_FROM {
            return Ok(());
        }
        // Only the last few digits may still turn out to be shown.
        let (_, last) = self.masker.style.shown(known);
        let settled = known.saturating_sub(last);
        let Some(cut) = rest
            .iter()
            .enumerate()
            .filter(|(_, c)| c.is_ascii_digit())
            .nth(settled.saturating_sub(seen))
            .map(|(i, _)| i)
        else {
            return Ok(());
        };
        let head = rest.get(..cut).unwrap_or(&[]);
        let mut out = Vec::with_capacity(head.len() + 8);
        self.masker.mask_part(head, seen, known, &mut out);
        self.inner.write_all(&out)?;
        self.written = from + cut;
        self.region_digits_written = settled;
        Ok(())
    }
}

fn digits(bytes: &[u8]) -> usize {
    bytes.iter().filter(|c| c.is_ascii_digit()).count()
}

impl<W: Write> Write for PanMaskWriter<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        for piece in buf.chunks(PIECE) {
            self.held.extend_from_slice(piece);
            self.pass_on(decided_before(&self.held))?;
        }
        Ok(buf.len())
    }

    /// Flushes the inner writer. Each write has already passed on all it
    /// could; input that may continue a number stays held.
    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

/// Copies `reader` to `writer` with every card number masked, in chunks.
pub fn mask_pans_stream<R: io::Read, W: Write>(
    mut reader: R,
    writer: W,
    masker: Masker,
) -> io::Result<W> {
    let mut w = PanMaskWriter::with_masker(writer, masker);
    let mut buf = vec![0u8; 64 * 1024];
    loop {
        let n = match reader.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        w.write_all(buf.get(..n).unwrap_or(&[]))?;
    }
    w.finish()
}
