//! Image pre-check before upload: format by magic bytes (the spec's
//! supported list), dimensions read from headers without decoding, the
//! spec's 800x600 minimum, and a size limit.
//!
//! A portrait image of 600x800 passes too: the minimum is read as "at
//! least 800 on the long side and 600 on the short side", since phones
//! shoot either way. PDF dimensions are not read (a warning, not an error).

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use serde::Serialize;

/// A format the spec lists as supported.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum ImageFormat {
    /// JPEG.
    Jpeg,
    /// PNG.
    Png,
    /// GIF.
    Gif,
    /// BMP.
    Bmp,
    /// WebP.
    Webp,
    /// TIFF.
    Tiff,
    /// ICO.
    Ico,
    /// HEIC (HEIF with HEVC).
    Heic,
    /// HEIF.
    Heif,
    /// JPEG 2000 (`jp2`).
    Jp2,
    /// JPEG 2000 extended (`jpx`).
    Jpx,
    /// JPEG 2000 compound (`jpm`).
    Jpm,
    /// PDF.
    Pdf,
}

/// Limits of [`precheck_image`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ImageLimits {
    /// Long side minimum (the spec: 800).
    pub min_long_side: u32,
    /// Short side minimum (the spec: 600).
    pub min_short_side: u32,
    /// Largest accepted file, in bytes. The spec gives none; 10 MiB by
    /// default keeps a base64 request body under 14 MiB.
    pub max_bytes: usize,
}

impl Default for ImageLimits {
    fn default() -> Self {
        ImageLimits {
            min_long_side: 800,
            min_short_side: 600,
            max_bytes: 10 * 1024 * 1024,
        }
    }
}

/// Something wrong, or unknown, about an image.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "problem", rename_all = "snake_case")]
#[non_exhaustive]
pub enum ImageProblem {
    /// No bytes.
    Empty,
    /// Not valid base64 (from [`precheck_base64`]).
    NotBase64,
    /// Over the size limit.
    TooLarge {
        /// Size of the image.
        bytes: usize,
        /// The limit.
        limit: usize,
    },
    /// Not one of the supported formats.
    UnsupportedFormat,
    /// Below the minimum resolution.
    TooSmall {
        /// Width read.
        width: u32,
        /// Height read.
        height: u32,
    },
    /// A supported format whose header could not be read (truncated or
    /// corrupt): an error for images, a warning for PDF.
    DimensionsUnknown,
}

/// The outcome of a pre-check.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ImageCheck {
    /// The format found, if supported.
    pub format: Option<ImageFormat>,
    /// Width in pixels, when read.
    pub width: Option<u32>,
    /// Height in pixels, when read.
    pub height: Option<u32>,
    /// Size in bytes.
    pub bytes: usize,
    /// Reasons not to upload.
    pub errors: Vec<ImageProblem>,
    /// Things that could not be checked.
    pub warnings: Vec<ImageProblem>,
}

impl ImageCheck {
    /// Whether the image may be uploaded.
    pub fn is_ok(&self) -> bool {
        self.errors.is_empty()
    }
}

/// The supported format of `bytes`, by magic bytes.
pub fn detect_format(b: &[u8]) -> Option<ImageFormat> {
    let at = |i: usize, m: &[u8]| b.get(i..i + m.len()) == Some(m);
    if at(0, &[0xFF, 0xD8, 0xFF]) {
        return Some(ImageFormat::Jpeg);
    }
    if at(0, b"\x89PNG\r\n\x1a\n") {
        return Some(ImageFormat::Png);
    }
    if at(0, b"GIF87a") || at(0, b"GIF89a") {
        return Some(ImageFormat::Gif);
    }
    if at(0, b"BM") {
        return Some(ImageFormat::Bmp);
    }
    if at(0, b"RIFF") && at(8, b"WEBP") {
        return Some(ImageFormat::Webp);
    }
    if at(0, b"II*\0") || at(0, b"MM\0*") {
        return Some(ImageFormat::Tiff);
    }
    if at(0, &[0, 0, 1, 0]) {
        return Some(ImageFormat::Ico);
    }
    if at(0, b"%PDF-") {
        return Some(ImageFormat::Pdf);
    }
    // JPEG 2000: a signature box, then `ftyp` naming the brand.
    if at(0, b"\0\0\0\x0cjP  \r\n\x87\n") && at(16, b"ftyp") {
        return match b.get(20..24)? {
            b"jp2 " => Some(ImageFormat::Jp2),
            b"jpx " => Some(ImageFormat::Jpx),
            b"jpm " => Some(ImageFormat::Jpm),
            _ => None,
        };
    }
    // ISO base media (HEIF family): `ftyp` with the major brand.
    if at(4, b"ftyp") {
        return match b.get(8..12)? {
            b"heic" | b"heix" | b"hevc" | b"hevx" | b"heim" | b"heis" => Some(ImageFormat::Heic),
            b"mif1" | b"msf1" | b"heif" => Some(ImageFormat::Heif),
            _ => None,
        };
    }
    None
}

/// Width and height from the header.
fn dimensions(format: ImageFormat, b: &[u8]) -> Option<(u32, u32)> {
    match format {
        ImageFormat::Pdf => None,
        ImageFormat::Jp2 | ImageFormat::Jpx | ImageFormat::Jpm => jp2_dimensions(b),
        _ => {
            let size = imagesize::blob_size(b).ok()?;
            Some((
                u32::try_from(size.width).ok()?,
                u32::try_from(size.height).ok()?,
            ))
        }
    }
}

/// The image header box (`ihdr`) of a JPEG 2000 file: height, then width.
fn jp2_dimensions(b: &[u8]) -> Option<(u32, u32)> {
    let head = b.get(..b.len().min(64 * 1024))?;
    let pos = head.windows(4).position(|w| w == b"ihdr")?;
    let be = |i: usize| -> Option<u32> {
        let s = b.get(i..i + 4)?;
        Some(u32::from_be_bytes([
            *s.first()?,
            *s.get(1)?,
            *s.get(2)?,
            *s.get(3)?,
        ]))
    };
    let height = be(pos + 4)?;
    let width = be(pos + 8)?;
    Some((width, height))
}

/// Checks an image before upload (see the module docs).
pub fn precheck_image(bytes: &[u8], limits: &ImageLimits) -> ImageCheck {
    let mut check = ImageCheck {
        format: None,
        width: None,
        height: None,
        bytes: bytes.len(),
        errors: Vec::new(),
        warnings: Vec::new(),
    };
    if bytes.is_empty() {
        check.errors.push(ImageProblem::Empty);
        return check;
    }
    if bytes.len() > limits.max_bytes {
        check.errors.push(ImageProblem::TooLarge {
            bytes: bytes.len(),
            limit: limits.max_bytes,
        });
    }
    let Some(format) = detect_format(bytes) else {
        check.errors.push(ImageProblem::UnsupportedFormat);
        return check;
    };
    check.format = Some(format);
    match dimensions(format, bytes) {
        Some((w, h)) => {
            check.width = Some(w);
            check.height = Some(h);
            let (long, short) = (w.max(h), w.min(h));
            if long < limits.min_long_side || short < limits.min_short_side {
                check.errors.push(ImageProblem::TooSmall {
                    width: w,
                    height: h,
                });
            }
        }
        None if format == ImageFormat::Pdf => check.warnings.push(ImageProblem::DimensionsUnknown),
        None => check.errors.push(ImageProblem::DimensionsUnknown),
    }
    check
}

/// [`precheck_image`] on a base64 string (method 2's
/// `mobicard_scan_card_photo_base64_string`); a `data:` URL prefix is
/// accepted.
pub fn precheck_base64(b64: &str, limits: &ImageLimits) -> ImageCheck {
    let data = b64.split_once(";base64,").map_or(b64, |(_, d)| d).trim();
    match STANDARD.decode(data) {
        Ok(bytes) => precheck_image(&bytes, limits),
        Err(_) => ImageCheck {
            format: None,
            width: None,
            height: None,
            bytes: 0,
            errors: vec![ImageProblem::NotBase64],
            warnings: Vec::new(),
        },
    }
}
