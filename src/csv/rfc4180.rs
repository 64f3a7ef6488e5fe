//! A small reader and writer for RFC 4180 CSV: quoted fields, doubled quotes,
//! line breaks inside quotes, CRLF or LF line ends.
//!
//! Hand-written rather than the `csv` crate because the module is compiled to
//! Wasm for the page, where every dependency is paid for in download size, and
//! one table of seven columns needs very little of a general CSV library.

/// One record (line) of a CSV text, with the row number a spreadsheet would
/// show for it (the first record is row 1).
#[derive(Debug, Clone, PartialEq)]
pub struct Record {
    pub row: usize,
    pub fields: Vec<String>,
}

/// Where a CSV text cannot be read, by row and field index (0-based).
#[derive(Debug, Clone, PartialEq)]
pub struct SyntaxError {
    pub row: usize,
    pub field: usize,
    pub message: String,
}

/// The field separators accepted on import, in order of preference. Comma is
/// the standard; spreadsheets in locales with a decimal comma write `;`, and
/// pasting from a spreadsheet gives tabs.
const SEPARATORS: [char; 3] = [',', ';', '\t'];

/// Picks the separator from the first line: the first of `,` `;` tab that
/// appears outside quotes, or `,` when none does (a single column).
pub fn detect_separator(text: &str) -> char {
    let mut in_quotes = false;
    let mut seen = [false; 3];
    for c in text.chars() {
        match c {
            '"' => in_quotes = !in_quotes,
            '\n' | '\r' if !in_quotes => break,
            _ if !in_quotes => {
                if let Some(i) = SEPARATORS.iter().position(|&s| s == c) {
                    seen[i] = true;
                }
            }
            _ => {}
        }
    }
    SEPARATORS
        .iter()
        .zip(seen)
        .find(|(_, s)| *s)
        .map(|(c, _)| *c)
        .unwrap_or(',')
}

/// Reads every record of `text`. A trailing line break does not make an empty
/// last record; empty lines elsewhere come back as records with one empty field
/// so that row numbers keep matching what a spreadsheet shows.
pub fn parse(text: &str, sep: char) -> Result<Vec<Record>, SyntaxError> {
    let mut records = Vec::new();
    let mut fields: Vec<String> = Vec::new();
    let mut field = String::new();
    let mut chars = text.chars().peekable();
    let mut row = 1;
    // Whether anything (a character or a separator) has been read on this record.
    let mut started = false;
    while let Some(c) = chars.next() {
        started = true;
        if c == '"' && field.is_empty() {
            // A quoted field: read to the closing quote; `""` is one quote.
            let start_row = row;
            loop {
                match chars.next() {
                    None => {
                        return Err(SyntaxError {
                            row: start_row,
                            field: fields.len(),
                            message: crate::language::say("csv.unclosed", &[], || {
                                "the quoted field is never closed (a \" is missing)".into()
                            }),
                        })
                    }
                    Some('"') if chars.peek() == Some(&'"') => {
                        chars.next();
                        field.push('"');
                    }
                    Some('"') => break,
                    Some(ch) => field.push(ch),
                }
            }
            match chars.peek() {
                None | Some('\n') | Some('\r') => {}
                Some(&ch) if ch == sep => {}
                Some(_) => {
                    return Err(SyntaxError {
                        row: start_row,
                        field: fields.len(),
                        message: crate::language::say("csv.afterQuote", &[], || {
                            "text follows the closing quote of a quoted field \
                             (a quote inside a quoted field must be doubled)"
                                .into()
                        }),
                    })
                }
            }
            // Multi-line quoted fields still make one record: spreadsheets show
            // them as one row, so the row counter does not advance here. The
            // peek above guarantees the next character ends the field.
            continue;
        }
        if c == sep {
            fields.push(std::mem::take(&mut field));
        } else if c == '\n' || c == '\r' {
            if c == '\r' && chars.peek() == Some(&'\n') {
                chars.next();
            }
            fields.push(std::mem::take(&mut field));
            records.push(Record {
                row,
                fields: std::mem::take(&mut fields),
            });
            row += 1;
            started = false;
        } else {
            field.push(c);
        }
    }
    if started {
        fields.push(field);
        records.push(Record { row, fields });
    }
    Ok(records)
}

/// Writes one field, quoting it when it holds the separator, a quote or a line
/// break, or begins or ends with a space (which some readers trim). Control
/// characters other than tab and line breaks are written as U+FFFD.
pub fn write_field(out: &mut String, value: &str) {
    let needs_quotes = value.contains([',', '"', '\n', '\r', ';', '\t'])
        || value.starts_with(' ')
        || value.ends_with(' ');
    if needs_quotes {
        out.push('"');
    }
    for c in value.chars() {
        match c {
            '"' => out.push_str("\"\""),
            // a file someone prints to a terminal must not drive it
            c if crate::export::stray_control(c) => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    if needs_quotes {
        out.push('"');
    }
}

/// Writes a record of fields separated by commas and ended by CRLF.
pub fn write_record(out: &mut String, fields: &[&str]) {
    for (i, f) in fields.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        write_field(out, f);
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(text: &str) -> Vec<Vec<String>> {
        parse(text, ',')
            .unwrap()
            .into_iter()
            .map(|r| r.fields)
            .collect()
    }

    #[test]
    fn plain_and_quoted_fields() {
        assert_eq!(
            rows("a,b,c\r\n1,\"x, y\",\"say \"\"hi\"\"\"\r\n"),
            vec![vec!["a", "b", "c"], vec!["1", "x, y", "say \"hi\""]]
        );
    }

    #[test]
    fn line_breaks_inside_quotes_stay_in_one_record() {
        let recs = parse("a,b\n\"one\ntwo\",3\nx,y", ',').unwrap();
        assert_eq!(recs.len(), 3);
        assert_eq!(recs[1].fields, vec!["one\ntwo", "3"]);
        assert_eq!((recs[1].row, recs[2].row), (2, 3));
    }

    #[test]
    fn empty_fields_and_missing_final_newline() {
        assert_eq!(rows("a,,\"\",d"), vec![vec!["a", "", "", "d"]]);
        assert_eq!(rows("\"\"\n\"\",x\n"), vec![vec![""], vec!["", "x"]]);
        assert_eq!(rows(""), Vec::<Vec<String>>::new());
        assert_eq!(rows("a\n\nb\n"), vec![vec!["a"], vec![""], vec!["b"]]);
    }

    #[test]
    fn bare_cr_ends_a_record() {
        assert_eq!(rows("a\rb\r"), vec![vec!["a"], vec!["b"]]);
    }

    #[test]
    fn unclosed_quote_names_its_row_and_field() {
        let e = parse("a,b\n1,\"open\n2,3\n", ',').unwrap_err();
        assert_eq!((e.row, e.field), (2, 1));
        assert!(e.message.contains("never closed"), "{}", e.message);
    }

    #[test]
    fn text_after_closing_quote_is_an_error() {
        let e = parse("a,b\n1,\"x\"y\n", ',').unwrap_err();
        assert_eq!((e.row, e.field), (2, 1));
        assert!(e.message.contains("closing quote"));
    }

    #[test]
    fn quotes_inside_unquoted_fields_are_kept_literally() {
        assert_eq!(rows("5\" screen,b"), vec![vec!["5\" screen", "b"]]);
    }

    #[test]
    fn separator_detection() {
        assert_eq!(detect_separator("theme,player\n"), ',');
        assert_eq!(detect_separator("theme;player;note\n1,5;x"), ';');
        assert_eq!(detect_separator("theme\tplayer\n"), '\t');
        assert_eq!(detect_separator("\"a;b\",c\n"), ',');
        assert_eq!(detect_separator("theme\n"), ',');
        assert_eq!(rows_with("a;\"b;c\"\n", ';'), vec![vec!["a", "b;c"]]);
    }

    fn rows_with(text: &str, sep: char) -> Vec<Vec<String>> {
        parse(text, sep)
            .unwrap()
            .into_iter()
            .map(|r| r.fields)
            .collect()
    }

    #[test]
    fn writer_quotes_only_what_needs_it_and_round_trips() {
        let mut out = String::new();
        write_record(
            &mut out,
            &["plain", "a,b", "q\"q", "line\nbreak", " pad", ""],
        );
        assert_eq!(
            out,
            "plain,\"a,b\",\"q\"\"q\",\"line\nbreak\",\" pad\",\r\n"
        );
        assert_eq!(
            rows(&out),
            vec![vec!["plain", "a,b", "q\"q", "line\nbreak", " pad", ""]]
        );
    }
}
