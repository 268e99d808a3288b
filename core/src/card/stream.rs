//! Masking card numbers in a stream of any size.

use super::find::Regions;
use super::mask::{MaskStyle, Masker};
use std::io::{self, Write};

/// Digits of the shortest number found; the forced cut keeps a few times
/// this much back.
const MIN_DIGITS: usize = 12;

/// Writes `bytes` to `w` with every card number masked.
fn write_masked<W: Write>(bytes: &[u8], masker: &Masker, w: &mut W) -> io::Result<()> {
    let mut last = 0;
    let mut buf = Vec::with_capacity(64);
    for (start, end) in Regions::new(bytes) {
        w.write_all(bytes.get(last..start).unwrap_or(&[]))?;
        buf.clear();
        masker.mask_span(bytes.get(start..end).unwrap_or(&[]), &mut buf);
        w.write_all(&buf)?;
        last = end;
    }
    w.write_all(bytes.get(last..).unwrap_or(&[]))
}

/// Pending input past which the streaming masker cuts even where a number
/// could straddle the cut (only in 64 KiB without two non-digits in a row).
const MAX_CARRY: usize = 64 * 1024;

/// A `Write` adapter that masks card numbers in everything written through
/// it, for inputs of any size.
///
/// Input is held only until a point where no number can straddle (between
/// two non-digits, or after a byte that is not a digit, space, dash or
/// dot); everything before it is masked and written on at once. So only the
/// unfinished tail of the input is ever held, and it is held once. Call
/// [`PanMaskWriter::finish`] at the end to write that tail. Bytes need not
/// be UTF-8.
pub struct PanMaskWriter<W: Write> {
    inner: W,
    masker: Masker,
    pending: Vec<u8>,
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
            pending: Vec::new(),
        }
    }

    /// Masks and writes what is still held, flushes, and returns the inner writer.
    pub fn finish(mut self) -> io::Result<W> {
        write_masked(&self.pending, &self.masker, &mut self.inner)?;
        self.pending.clear();
        self.inner.flush()?;
        Ok(self.inner)
    }

    fn drain_safe_prefix(&mut self) -> io::Result<()> {
        let cut = match safe_cut(&self.pending) {
            Some(c) => c,
            None if self.pending.len() > MAX_CARRY => self.pending.len() - MIN_DIGITS * 4,
            None => return Ok(()),
        };
        let (head, _) = self.pending.split_at(cut);
        write_masked(head, &self.masker, &mut self.inner)?;
        self.pending.drain(..cut);
        Ok(())
    }
}

/// The last offset where the text can be cut without changing what is
/// found on either side.
fn safe_cut(b: &[u8]) -> Option<usize> {
    (1..b.len()).rev().find(|&p| {
        let before = b.get(p - 1).copied().unwrap_or(b'0');
        let after = b.get(p).copied().unwrap_or(b'0');
        !before.is_ascii_digit()
            && (!after.is_ascii_digit() || !matches!(before, b' ' | b'-' | b'.'))
    })
}

impl<W: Write> Write for PanMaskWriter<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.pending.extend_from_slice(buf);
        self.drain_safe_prefix()?;
        Ok(buf.len())
    }

    /// Flushes the inner writer; input that may continue a number stays held.
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
