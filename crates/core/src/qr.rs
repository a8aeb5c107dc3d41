//! A QR code as a small SVG text, made on the device with no network.
//!
//! Called by the app's visit page ("Besuchsmodus"), which shows the handover link
//! ([`crate::handover::handover_link`]) as a QR code, and by the family page, which can show the
//! same link for a partner's phone. The SVG has no width or height: the app sizes it with CSS.

use qrcodegen::{QrCode, QrCodeEcc};
use thiserror::Error;

/// Light modules around the code, as the QR standard asks (4 on every side).
pub const QUIET_ZONE: i32 = 4;

/// Why a text cannot become a QR code.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum QrError {
    /// The text does not fit into the largest QR code (version 40) at error-correction level M.
    #[error("Der Text ist zu lang für einen QR-Code ({0} Bytes).")]
    TooLong(usize),
}

/// The QR code of `text` as SVG: error correction at least M, the smallest version that fits,
/// a white background with a quiet zone of 4 modules, and one `<path>` for the dark modules.
///
/// The encoder raises the error-correction level above M when that fits in the same version
/// (more robust at no extra size).
pub fn qr_svg(text: &str) -> Result<String, QrError> {
    let code =
        QrCode::encode_text(text, QrCodeEcc::Medium).map_err(|_| QrError::TooLong(text.len()))?;
    let side = code.size() + 2 * QUIET_ZONE;
    let mut path = String::new();
    for run in dark_runs(code.size(), |x, y| code.get_module(x, y)) {
        path.push_str(&format!(
            "M{} {}h{}v1h-{}z",
            run.x + QUIET_ZONE,
            run.y + QUIET_ZONE,
            run.len,
            run.len
        ));
    }
    Ok(format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {side} {side}\" \
         shape-rendering=\"crispEdges\">\
         <rect width=\"{side}\" height=\"{side}\" fill=\"#fff\"/>\
         <path d=\"{path}\" fill=\"#000\"/></svg>"
    ))
}

/// A horizontal run of dark modules: `len` modules from (`x`, `y`) to the right.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Run {
    x: i32,
    y: i32,
    len: i32,
}

/// The dark modules of a `size` × `size` matrix as maximal horizontal runs, row by row.
fn dark_runs(size: i32, dark: impl Fn(i32, i32) -> bool) -> Vec<Run> {
    let mut runs = Vec::new();
    for y in 0..size {
        let mut x = 0;
        while x < size {
            if dark(x, y) {
                let start = x;
                while x < size && dark(x, y) {
                    x += 1;
                }
                runs.push(Run {
                    x: start,
                    y,
                    len: x - start,
                });
            } else {
                x += 1;
            }
        }
    }
    runs
}

#[cfg(test)]
mod tests {
    use super::*;

    const LINK: &str = "https://kekiz.example/?ort=05978024&geboren=2026-05";

    /// Reads the runs back out of the SVG's one path: "M{x} {y}h{w}v1h-{w}z" repeated.
    fn runs_in(svg: &str) -> Vec<Run> {
        let start = svg.find(" d=\"").expect("path data") + 4;
        let data = &svg[start..start + svg[start..].find('"').expect("closing quote")];
        data.split_terminator('z')
            .map(|part| {
                let part = part.strip_prefix('M').expect("M");
                let (x, rest) = part.split_once(' ').expect("x y");
                let (y, rest) = rest.split_once('h').expect("h");
                let (w, back) = rest.split_once("v1h-").expect("v1h-");
                assert_eq!(w, back, "the run closes on itself");
                Run {
                    x: x.parse().expect("x"),
                    y: y.parse().expect("y"),
                    len: w.parse().expect("w"),
                }
            })
            .collect()
    }

    #[test]
    fn runs_merge_neighbours_in_a_row() {
        let rows = ["##.#", "....", "####", ".#.."];
        let dark = |x: i32, y: i32| rows[y as usize].as_bytes()[x as usize] == b'#';
        assert_eq!(
            dark_runs(4, dark),
            vec![
                Run { x: 0, y: 0, len: 2 },
                Run { x: 3, y: 0, len: 1 },
                Run { x: 0, y: 2, len: 4 },
                Run { x: 1, y: 3, len: 1 },
            ]
        );
        assert_eq!(dark_runs(0, |_, _| true), vec![]);
    }

    #[test]
    fn the_svg_is_well_formed_with_one_path_and_a_quiet_zone() {
        let svg = qr_svg(LINK).expect("fits");
        let code = QrCode::encode_text(LINK, QrCodeEcc::Medium).expect("fits");
        let side = code.size() + 8;
        assert!(svg.starts_with(&format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {side} {side}\" shape-rendering=\"crispEdges\">"
        )));
        assert!(svg.ends_with("\" fill=\"#000\"/></svg>"));
        assert_eq!(svg.matches("<path").count(), 1);
        assert_eq!(svg.matches("<rect").count(), 1);
        assert_eq!(svg.matches("<svg").count(), 1);
        assert!(svg.contains(&format!(
            "<rect width=\"{side}\" height=\"{side}\" fill=\"#fff\"/>"
        )));
        assert!(!svg.contains(" width=\"100") && !svg.contains("<svg width"));
        // Error correction at least M.
        assert!(code.error_correction_level() >= QrCodeEcc::Medium);
    }

    #[test]
    fn the_path_draws_exactly_the_dark_modules() {
        for text in [LINK, "", "A", &"ä".repeat(300)] {
            let svg = qr_svg(text).expect("fits");
            let code = QrCode::encode_text(text, QrCodeEcc::Medium).expect("fits");
            let size = code.size();
            let mut drawn = vec![false; (size * size) as usize];
            for run in runs_in(&svg) {
                // Inside the code, never in the quiet zone.
                assert!(run.x >= QUIET_ZONE && run.y >= QUIET_ZONE && run.len >= 1);
                assert!(run.x + run.len <= size + QUIET_ZONE && run.y < size + QUIET_ZONE);
                for dx in 0..run.len {
                    let cell = &mut drawn[((run.y - 4) * size + run.x - 4 + dx) as usize];
                    assert!(!*cell, "drawn twice");
                    *cell = true;
                }
            }
            let mut dark = 0;
            for y in 0..size {
                for x in 0..size {
                    assert_eq!(drawn[(y * size + x) as usize], code.get_module(x, y));
                    dark += usize::from(code.get_module(x, y));
                }
            }
            assert_eq!(drawn.iter().filter(|&&d| d).count(), dark);
        }
    }

    #[test]
    fn a_typical_handover_link_is_small() {
        let svg = qr_svg(LINK).expect("fits");
        let code = QrCode::encode_text(LINK, QrCodeEcc::Medium).expect("fits");
        println!(
            "version {}, {} modules, ECC {:?}, SVG {} bytes",
            code.version().value(),
            code.size(),
            code.error_correction_level(),
            svg.len()
        );
        assert!(svg.len() < 8_000, "{} bytes", svg.len());
    }

    #[test]
    fn too_long_text_is_an_error() {
        let text = "x".repeat(3_000);
        assert_eq!(qr_svg(&text), Err(QrError::TooLong(3_000)));
        assert_eq!(
            QrError::TooLong(3_000).to_string(),
            "Der Text ist zu lang für einen QR-Code (3000 Bytes)."
        );
    }
}
