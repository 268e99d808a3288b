//! The fast JSON writer of the callback models.

use serde::Serialize;

/// A member name as [`JsonWriter::raw_key`] takes it: `member!("idType")`
/// is `,"idType":`.
macro_rules! member {
    ($name:expr) => {
        concat!(",\"", $name, "\":")
    };
}
pub(crate) use member;

/// A value [`JsonWriter`] writes exactly as its derived `Serialize` does
/// through `serde_json::to_string`.
pub(crate) trait WriteJson {
    fn write_json(&self, w: &mut JsonWriter);
}

impl WriteJson for String {
    fn write_json(&self, w: &mut JsonWriter) {
        w.string(self);
    }
}

impl WriteJson for bool {
    fn write_json(&self, w: &mut JsonWriter) {
        w.raw(if *self { "true" } else { "false" });
    }
}

impl<T: WriteJson> WriteJson for Vec<T> {
    fn write_json(&self, w: &mut JsonWriter) {
        w.out.push(b'[');
        for (i, item) in self.iter().enumerate() {
            if i > 0 {
                w.out.push(b',');
            }
            item.write_json(w);
        }
        w.out.push(b']');
    }
}

impl WriteJson for indexmap::IndexMap<String, String> {
    fn write_json(&self, w: &mut JsonWriter) {
        w.begin();
        for (k, v) in self {
            w.key(k);
            w.string(v);
        }
        w.end();
    }
}

/// Compact JSON of the callback models, byte for byte what `serde_json`
/// writes for their derived `Serialize` (the models' tests compare the two).
/// Written by hand because serde_json's many small writes each cost a call
/// at the page module's opt-level `z`, which made `to_json` most of a
/// callback's parsing time in wasm.
pub(crate) struct JsonWriter {
    /// Only ever given whole `str`s and ASCII: always UTF-8.
    out: Vec<u8>,
    /// Whether the object being written has a member yet (a comma is due).
    comma: bool,
}

impl JsonWriter {
    pub(crate) fn with_capacity(n: usize) -> Self {
        JsonWriter {
            out: Vec::with_capacity(n),
            comma: false,
        }
    }

    fn raw(&mut self, text: &str) {
        self.out.extend_from_slice(text.as_bytes());
    }

    pub(crate) fn begin(&mut self) {
        self.out.push(b'{');
        self.comma = false;
    }

    pub(crate) fn end(&mut self) {
        self.out.push(b'}');
        self.comma = true;
    }

    /// A member name that needs no escaping, given with the comma before it,
    /// quoted and with its colon (`,"idType":`, see [`member!`]), so that it
    /// is one copy.
    pub(crate) fn raw_key(&mut self, member: &str) {
        let member = if self.comma {
            member
        } else {
            member.get(1..).unwrap_or_default()
        };
        self.raw(member);
        self.comma = true;
    }

    /// A member name from data (escaped as needed).
    pub(crate) fn key(&mut self, name: &str) {
        if self.comma {
            self.out.push(b',');
        }
        self.string(name);
        self.out.push(b':');
        self.comma = true;
    }

    /// A member, if present.
    pub(crate) fn field<T: WriteJson>(&mut self, member: &str, value: &Option<T>) {
        if let Some(v) = value {
            self.raw_key(member);
            v.write_json(self);
        }
    }

    /// Members serde flattens into the object (`extra`).
    pub(crate) fn flatten(&mut self, extra: &crate::callback::models::ExtraJson) {
        for (k, v) in extra {
            self.key(k);
            self.serde(v);
        }
    }

    /// A value written by serde_json itself (rare shapes: kept exact, not fast).
    pub(crate) fn serde<T: Serialize + ?Sized>(&mut self, value: &T) {
        // Writing to a Vec cannot fail; models serialize infallibly.
        let _ = serde_json::to_writer(&mut self.out, value);
    }

    /// A JSON string, escaped as serde_json escapes it.
    pub(crate) fn string(&mut self, s: &str) {
        self.out.push(b'"');
        if needs_escape(s.as_bytes()) {
            self.escaped(s);
        } else {
            self.raw(s);
        }
        self.out.push(b'"');
    }

    fn escaped(&mut self, s: &str) {
        const HEX: &[u8; 16] = b"0123456789abcdef";
        let mut start = 0;
        for (i, b) in s.bytes().enumerate() {
            let short = match b {
                b'"' => "\\\"",
                b'\\' => "\\\\",
                b'\n' => "\\n",
                b'\r' => "\\r",
                b'\t' => "\\t",
                0x08 => "\\b",
                0x0c => "\\f",
                0..=0x1f => "",
                _ => continue,
            };
            // Escaped bytes are ASCII: both ends are character boundaries.
            self.raw(s.get(start..i).unwrap_or_default());
            if short.is_empty() {
                self.raw("\\u00");
                self.out.push(HEX[usize::from(b >> 4)]);
                self.out.push(HEX[usize::from(b & 15)]);
            } else {
                self.raw(short);
            }
            start = i + 1;
        }
        self.raw(s.get(start..).unwrap_or_default());
    }

    pub(crate) fn finish(self) -> String {
        String::from_utf8(self.out).unwrap_or_default()
    }
}

/// Whether any byte is a quote, a backslash or a control character, eight
/// bytes at a time (most values need no escaping at all).
fn needs_escape(bytes: &[u8]) -> bool {
    const LO: u64 = 0x0101_0101_0101_0101;
    const HI: u64 = 0x8080_8080_8080_8080;
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        let Ok(chunk) = <[u8; 8]>::try_from(chunk) else {
            break;
        };
        let w = u64::from_le_bytes(chunk);
        let quote = w ^ (LO * u64::from(b'"'));
        let backslash = w ^ (LO * u64::from(b'\\'));
        // A zero byte in `x` (SWAR), or a byte below 0x20 in `w`.
        let zero = |x: u64| x.wrapping_sub(LO) & !x;
        if (zero(quote) | zero(backslash) | w.wrapping_sub(LO * 0x20) & !w) & HI != 0 {
            return true;
        }
    }
    chunks
        .remainder()
        .iter()
        .any(|&b| b < 0x20 || b == b'"' || b == b'\\')
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    #[test]
    fn strings_are_escaped_as_serde_json_escapes_them() {
        let specials = [
            '"', '\\', '\n', '\r', '\t', '\u{8}', '\u{c}', '\u{0}', '\u{1f}', '\u{7f}', 'é', '/',
        ];
        // Every position in and around the eight-byte chunks.
        for len in 0..26 {
            for at in 0..len {
                for c in specials {
                    let s: String = (0..len).map(|i| if i == at { c } else { 'a' }).collect();
                    let mut w = JsonWriter::with_capacity(0);
                    w.string(&s);
                    assert_eq!(
                        w.finish(),
                        serde_json::to_string(&s).unwrap_or_default(),
                        "{s:?}"
                    );
                }
            }
        }
    }
}
