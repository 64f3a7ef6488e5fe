//! Reading a file's bytes as text, by the same rules wherever the core reads
//! one — a model or saved session in the CLI and in the page, a CSV of
//! assessments in either: UTF-8, with or without a byte order mark, or
//! UTF-16 (little- or big-endian) when it starts with its byte order mark, as
//! Windows editors and spreadsheets write "Unicode" text. Anything else is
//! refused, saying where it went wrong: Latin-1 or Windows-1252 cannot be
//! told apart from each other without guessing, and a wrong guess would
//! silently turn "Müller" into another name.
//!
//! The byte order mark stays at the start of the decoded text, as it does
//! for UTF-8: the readers skip one mark, so a text that starts with two (a
//! mark added by two tools in turn) gets the same answer whatever its
//! encoding and wherever it is read.

use crate::validate::{self, Invalid, Problem};
use std::borrow::Cow;

/// Why bytes that announce UTF-16 (or UTF-32) are not text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotUtf16 {
    pub fault: Fault,
    /// Byte offset of the first unit that cannot be read.
    pub offset: usize,
    /// The text read before it, without the byte order mark.
    pub before: String,
}

/// What is wrong with text that announces UTF-16 or UTF-32.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fault {
    /// Half of a surrogate pair without its other half.
    LoneSurrogate,
    /// An odd number of bytes: the last character was cut in half.
    OddLength,
    /// A UTF-32 byte order mark, which the core does not read.
    Utf32,
}

impl NotUtf16 {
    /// What is wrong, without what to do about it (the caller knows what
    /// the file is and says how to save it).
    pub fn describe(&self) -> String {
        use crate::language::say;
        match self.fault {
            Fault::LoneSurrogate => {
                let offset = self.offset.to_string();
                say("encoding.halfCharacter", &[("offset", &offset)], || {
                    format!("not valid UTF-16 text (half a character at byte offset {offset})")
                })
            }
            Fault::OddLength => {
                let count = (self.offset + 1).to_string();
                say("encoding.oddLength", &[("count", &count)], || {
                    format!("UTF-16 text cut short (an odd number of bytes, {count})")
                })
            }
            Fault::Utf32 => say("encoding.utf32", &[], || {
                "UTF-32 text, which cannot be read".to_string()
            }),
        }
    }

    /// The 1-based line and column (in characters) of the fault.
    pub fn place(&self) -> (usize, usize) {
        let line = self.before.matches('\n').count() + 1;
        let column = self
            .before
            .rsplit('\n')
            .next()
            .map_or(0, |l| l.chars().count())
            + 1;
        (line, column)
    }
}

/// The text of bytes that start with a UTF-16 byte order mark (the mark
/// kept as the text's first character); `None` for any other bytes.
pub fn utf16(bytes: &[u8]) -> Option<Result<String, NotUtf16>> {
    let big_endian = match bytes {
        // UTF-32's marks start like UTF-16's: tell them apart first.
        [0xFF, 0xFE, 0, 0, ..] | [0, 0, 0xFE, 0xFF, ..] => {
            return Some(Err(NotUtf16 {
                fault: Fault::Utf32,
                offset: 0,
                before: String::new(),
            }))
        }
        [0xFF, 0xFE, ..] => false,
        [0xFE, 0xFF, ..] => true,
        _ => return None,
    };
    let pairs = bytes.chunks_exact(2);
    let odd = !pairs.remainder().is_empty();
    let units = pairs.map(|pair| {
        let pair = <[u8; 2]>::try_from(pair).unwrap_or_default();
        if big_endian {
            u16::from_be_bytes(pair)
        } else {
            u16::from_le_bytes(pair)
        }
    });
    let mut text = String::with_capacity(bytes.len());
    let mut at = 0;
    for c in char::decode_utf16(units) {
        match c {
            Ok(c) => {
                text.push(c);
                at += 2 * c.len_utf16();
            }
            Err(_) => return Some(Err(fault_at(Fault::LoneSurrogate, at, text))),
        }
    }
    if odd {
        return Some(Err(fault_at(Fault::OddLength, at, text)));
    }
    Some(Ok(text))
}

fn fault_at(fault: Fault, offset: usize, mut before: String) -> NotUtf16 {
    // Places are in the text as the readers see it, after the mark.
    if before.starts_with('\u{feff}') {
        before.remove(0);
    }
    NotUtf16 {
        fault,
        offset,
        before,
    }
}

/// The text of a model or saved session given as bytes (a file, standard
/// input, a file dropped on the page): UTF-8 as [`validate::decode`] reads
/// it, or UTF-16 with its byte order mark. Refuses anything else, and more
/// than [`validate::MAX_BYTES`] bytes, with the place of the problem.
pub fn decode(bytes: &[u8]) -> Result<Cow<'_, str>, Invalid> {
    // The size limit is on the file's bytes, whatever their encoding: a
    // model's, or an exported page's (the model in it is held to a model's
    // when it is read, crate::opened::model_text).
    if let Some(message) = crate::opened::over_limit(bytes, bytes.len() as u64) {
        return Err(Invalid::new(vec![crate::validate::Problem::new(
            String::new(),
            message,
        )]));
    }
    if let Some(what) = binary_kind(bytes) {
        let what = crate::language::noun(what);
        let message = crate::language::say_template(
            "problem.notAModel",
            &[("what", &what)],
            "this file is {what}, not a model: open the model's JSON or text, the self-contained HTML page, or a CSV of assessments",
        );
        return Err(refused(message, (1, 1)));
    }
    let text = match utf16(bytes) {
        None => Cow::Borrowed(validate::decode_utf8(bytes)?),
        Some(Ok(text)) => Cow::Owned(text),
        Some(Err(e)) => {
            let message = format!("{}; save the model as UTF-8", e.describe());
            return Err(refused(message, e.place()));
        }
    };
    // The readers skip one mark; a second would read as a stray character
    // before the JSON, so say what it is.
    if text.starts_with("\u{feff}\u{feff}") {
        return Err(refused(
            "two byte order marks (U+FEFF) at the start; remove one (a model may start with one at most)".into(),
            (1, 1),
        ));
    }
    Ok(text)
}

/// Like [`decode`], the byte order mark dropped: the text as the readers
/// see it, for hosts that hand it to a JSON reader of their own (the page's
/// `JSON.parse` does not skip a mark).
pub fn decode_unmarked(bytes: &[u8]) -> Result<String, Invalid> {
    let text = decode(bytes)?;
    Ok(text.strip_prefix('\u{feff}').unwrap_or(&text).to_string())
}

/// What a file is, by the signature its first bytes carry, when it is one a
/// user may pick by mistake: a picture the page exported, a spreadsheet (an
/// Excel file is a zip archive), a PDF. Their bytes are no text, and "not
/// UTF-8" would send the user to re-save an image as text.
fn binary_kind(bytes: &[u8]) -> Option<&'static str> {
    const SIGNATURES: [(&[u8], &str); 6] = [
        (b"\x89PNG", "a PNG image"),
        (b"\xFF\xD8\xFF", "a JPEG image"),
        (b"GIF8", "a GIF image"),
        (b"%PDF", "a PDF document"),
        (
            b"PK\x03\x04",
            "a zip archive (an Excel or Word file is one)",
        ),
        (
            b"\xD0\xCF\x11\xE0",
            "an old Office document (Excel or Word)",
        ),
    ];
    SIGNATURES
        .iter()
        .find(|(signature, _)| bytes.starts_with(signature))
        .map(|(_, what)| *what)
}

fn refused(message: String, (line, column): (usize, usize)) -> Invalid {
    Invalid::new(vec![Problem {
        path: String::new(),
        message,
        line: Some(line),
        column: Some(column),
    }])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::Session;

    fn le(text: &str) -> Vec<u8> {
        let mut out = vec![0xFF, 0xFE];
        out.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
        out
    }

    fn be(text: &str) -> Vec<u8> {
        let mut out = vec![0xFE, 0xFF];
        out.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
        out
    }

    const MODEL: &str =
        r#"{"schema": "workforce-ecosystem/v1", "name": "Société Générale Müller 😀"}"#;

    #[test]
    fn utf8_and_both_utf16_orders_read_the_same_model() {
        let mut with_bom = "\u{feff}".as_bytes().to_vec();
        with_bom.extend(MODEL.as_bytes());
        for bytes in [MODEL.as_bytes().to_vec(), with_bom, le(MODEL), be(MODEL)] {
            let text = decode(&bytes).unwrap();
            let model = validate::parse_model(&text).unwrap();
            assert_eq!(model.name, "Société Générale Müller 😀");
            assert_eq!(
                Session::from_text(&text).unwrap().baseline().name,
                model.name
            );
        }
        // the mark is kept for the readers to skip
        assert!(decode(&le(MODEL)).unwrap().starts_with('\u{feff}'));
        assert!(matches!(decode(MODEL.as_bytes()), Ok(Cow::Borrowed(_))));
    }

    #[test]
    fn unmarked_text_drops_the_one_mark() {
        for bytes in [
            le(MODEL),
            be(MODEL),
            format!("\u{feff}{MODEL}").into_bytes(),
        ] {
            assert_eq!(decode_unmarked(&bytes).unwrap(), MODEL);
        }
        assert_eq!(decode_unmarked(MODEL.as_bytes()).unwrap(), MODEL);
        assert!(decode_unmarked(format!("\u{feff}\u{feff}{MODEL}").as_bytes()).is_err());
    }

    #[test]
    fn latin1_is_refused_where_it_goes_wrong() {
        // "Société" in Latin-1: é is the single byte 0xE9
        let bytes = b"{\"schema\": \"workforce-ecosystem/v1\",\n \"name\": \"Soci\xe9t\xe9\"}";
        let err = decode(bytes).unwrap_err();
        assert_eq!(err.problems.len(), 1);
        let p = &err.problems[0];
        assert_eq!(
            p.message,
            "not UTF-8 text (bad byte at offset 51); save the model as UTF-8"
        );
        assert_eq!((p.line, p.column), (Some(2), Some(15)));
    }

    #[test]
    fn damaged_utf16_is_refused_with_its_place() {
        // a lone high surrogate on the second line
        let mut bytes = le("{\n\"name\": \"ab");
        bytes.extend([0x3D, 0xD8]);
        bytes.extend(le("x\"}").split_off(2));
        let err = decode(&bytes).unwrap_err();
        let p = &err.problems[0];
        assert_eq!(
            p.message,
            "not valid UTF-16 text (half a character at byte offset 28); save the model as UTF-8"
        );
        assert_eq!((p.line, p.column), (Some(2), Some(12)));

        let mut cut = be("{\"name\"");
        cut.push(0x00);
        let p = &decode(&cut).unwrap_err().problems[0];
        assert_eq!(
            p.message,
            "UTF-16 text cut short (an odd number of bytes, 17); save the model as UTF-8"
        );
        assert_eq!((p.line, p.column), (Some(1), Some(8)));
    }

    #[test]
    fn utf32_is_refused_not_misread_as_utf16() {
        for bytes in [&[0xFF, 0xFE, 0, 0, b'{', 0, 0, 0][..], &[0, 0, 0xFE, 0xFF]] {
            let p = &decode(bytes).unwrap_err().problems[0];
            assert_eq!(
                p.message,
                "UTF-32 text, which cannot be read; save the model as UTF-8"
            );
        }
    }

    #[test]
    fn two_byte_order_marks_get_the_same_answer_in_every_encoding() {
        let twice = format!("\u{feff}\u{feff}{MODEL}");
        for bytes in [twice.as_bytes().to_vec(), le(&twice), be(&twice)] {
            let p = &decode(&bytes).unwrap_err().problems[0];
            assert_eq!(
                p.message,
                "two byte order marks (U+FEFF) at the start; remove one (a model may start with one at most)"
            );
            assert_eq!((p.line, p.column), (Some(1), Some(1)));
        }
        // Text read directly (a saved session, a link) skips one mark, as
        // the model reader does: the second is refused, not skipped too.
        assert!(Session::from_text(&twice).is_err());
        assert!(validate::parse_model(&twice).is_err());
        assert!(Session::from_text(&twice[3..]).is_ok());
    }

    #[test]
    fn the_size_limit_is_on_the_bytes() {
        let mut bytes = vec![0xFF, 0xFE];
        bytes.resize(validate::MAX_BYTES + 1, 0x20);
        let p = &decode(&bytes).unwrap_err().problems[0];
        assert!(p.message.contains("limit"), "{}", p.message);
    }

    #[test]
    fn a_utf16_csv_imports_as_its_utf8_twin_does() {
        let model = crate::framework::sample();
        let csv = crate::csv::export_csv(&model);
        let from_utf8 = crate::csv::import_csv_bytes(&model, csv.as_bytes()).unwrap();
        // export_csv starts with a mark; encode_utf16 keeps it, so skip ours
        let utf16: Vec<u8> = csv
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect::<Vec<u8>>();
        assert_eq!(utf16.get(..2), Some(&[0xFF, 0xFE][..]));
        assert_eq!(
            crate::csv::import_csv_bytes(&model, &utf16).unwrap(),
            from_utf8
        );
        // half a character on the third line: row 3
        let mut bad = le("theme,player,current\nintegration,hr,1\nleadership,it,");
        bad.extend([0x00, 0xDC]);
        let err = crate::csv::import_csv_bytes(&model, &bad).unwrap_err();
        assert_eq!(err.problems[0].row, Some(3));
        assert!(
            err.problems[0].message.starts_with("not valid UTF-16 text")
                && err.problems[0]
                    .message
                    .ends_with("save the file as \"CSV UTF-8\""),
            "{}",
            err.problems[0].message
        );
    }

    #[test]
    fn other_bytes_are_not_utf16() {
        assert_eq!(utf16(b"{}"), None);
        assert_eq!(utf16(&[0xFF]), None);
        assert_eq!(utf16(&[0xFF, 0xFE]), Some(Ok("\u{feff}".to_string())));
    }

    #[test]
    fn a_picture_or_a_spreadsheet_is_named_for_what_it_is() {
        let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
        let err = decode(png).unwrap_err();
        assert_eq!(
            err.problems[0].message,
            "this file is a PNG image, not a model: open the model's JSON or text, \
             the self-contained HTML page, or a CSV of assessments"
        );
        let xlsx = b"PK\x03\x04\x14\0\x06\0";
        assert!(decode(xlsx).unwrap_err().problems[0]
            .message
            .contains("an Excel or Word file"));
        crate::language::in_french(|| {
            let err = decode(png).unwrap_err();
            assert!(err.problems[0]
                .message
                .starts_with("ce fichier est une image PNG, pas un modèle"));
        });
    }
}
