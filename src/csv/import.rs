//! Reading a CSV into a model's assessments: its header, its rows, the
//! model they make validated, from text or from a file's bytes.

use super::lookup::Lookup;
use super::place::place;
use super::problem::{CsvInvalid, CsvProblem, Listed};
use super::row::Row;
use super::{rfc4180, COLUMNS, REQUIRED};
use crate::language::say;
use crate::model::{Assessment, Model};
use crate::validate::wording::escape;

/// Replaces `model`'s assessments with those of `text` and validates the
/// result with [`crate::validate::validate`]. Every problem is reported at
/// once, by row and column; the model passed in is never changed.
pub fn import_csv(model: &Model, text: &str) -> Result<Model, CsvInvalid> {
    let mut problems = Vec::new();
    let fail = |problems: Vec<CsvProblem>| Err(CsvInvalid::new(problems));
    if text.len() > crate::validate::MAX_BYTES {
        return Err(too_large(text.len() as u64));
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let sep = rfc4180::detect_separator(text);
    let records = match rfc4180::parse(text, sep) {
        Ok(r) => r,
        Err(e) => {
            // Name the column when the header has been read far enough.
            let header = rfc4180::parse(text.lines().next().unwrap_or(""), sep)
                .ok()
                .and_then(|r| r.into_iter().next());
            let column = header.and_then(|h| h.fields.get(e.field).map(|c| escape(c.trim())));
            return fail(vec![CsvProblem {
                row: Some(e.row),
                column,
                message: e.message,
            }]);
        }
    };
    let mut records = records.into_iter();
    let Some(header) = records.next() else {
        return fail(vec![CsvProblem {
            row: None,
            column: None,
            message: {
                let columns = COLUMNS.join(",");
                say("csv.emptyFile", &[("columns", &columns)], || {
                    format!("the file is empty; its first row must name the columns ({columns})")
                })
            },
        }]);
    };

    // Column positions, by name.
    let mut index: [Option<usize>; 7] = [None; 7];
    for (pos, name) in header.fields.iter().enumerate() {
        let name = name.trim();
        match COLUMNS.iter().position(|c| c.eq_ignore_ascii_case(name)) {
            Some(k) if index[k].is_some() => problems.push(CsvProblem {
                row: Some(1),
                column: Some(COLUMNS[k].into()),
                message: say("csv.columnTwice", &[], || "the column appears twice".into()),
            }),
            Some(k) => index[k] = Some(pos),
            None if name.is_empty() => problems.push(CsvProblem {
                row: Some(1),
                column: None,
                message: {
                    let n = (pos + 1).to_string();
                    say("csv.columnNoName", &[("n", &n)], || {
                        format!("column {n} has no name")
                    })
                },
            }),
            // A name from the file, kept escaped and short like any text of
            // the file a message repeats.
            None => problems.push(CsvProblem {
                row: Some(1),
                column: Some(escape(name)),
                message: {
                    let known = COLUMNS.join(", ");
                    say("csv.unknownColumn", &[("known", &known)], || {
                        format!("unknown column (known: {known})")
                    })
                },
            }),
        }
    }
    for req in REQUIRED {
        let k = COLUMNS.iter().position(|c| *c == req).unwrap_or(0);
        if index[k].is_none() {
            problems.push(CsvProblem {
                row: Some(1),
                column: Some(req.into()),
                message: say("csv.missingColumn", &[], || {
                    "this required column is missing from the header row".into()
                }),
            });
        }
    }
    if !problems.is_empty() {
        return fail(problems);
    }
    let width = header.fields.len();

    let fw = &model.framework;
    let (themes, players, units) = (
        Lookup::new(&fw.themes),
        Lookup::new(&fw.players),
        Lookup::new(&model.units),
    );
    let mut assessments = Vec::new();
    // The spreadsheet row of each assessment, to place validation problems.
    let mut rows = Vec::new();
    let mut listed = Listed::default();
    for rec in records {
        if rec.fields.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        if assessments.len() + listed.problems.len() + listed.more >= crate::validate::MAX_ITEMS {
            listed.push(&|| CsvProblem {
                row: Some(rec.row),
                column: None,
                message: say(
                    "csv.tooManyRows",
                    &[(
                        "limit",
                        &crate::validate::wording::Count(crate::validate::MAX_ITEMS as u64)
                            .to_string(),
                    )],
                    || {
                        format!(
                            "too many rows (at most {} assessments)",
                            crate::validate::MAX_ITEMS
                        )
                    },
                ),
            });
            break;
        }
        if rec.fields.len() != width {
            listed.push(&|| CsvProblem {
                row: Some(rec.row),
                column: None,
                message: {
                    let (count, width) = (rec.fields.len().to_string(), width.to_string());
                    say("csv.fieldCount", &[("count", &count), ("width", &width)], || {
                        format!("{count} fields where the header has {width} (a note with a comma must be in double quotes)")
                    })
                },
            });
            continue;
        }
        let mut row = Row {
            rec: &rec,
            index: &index,
            problems: &mut listed,
            bad: false,
        };
        // Columns by their position in `COLUMNS`.
        let theme = row.id(0, &themes, true);
        let player = row.id(1, &players, true);
        let unit = row.id(2, &units, false);
        let current = row.num(3, true);
        let target = row.num(4, false);
        let weight = row.num(5, false);
        let note = row.cell(6).filter(|n| !n.is_empty()).map(str::to_string);
        if row.bad {
            continue;
        }
        if let (Some(theme), Some(player), Some(current)) = (theme, player, current) {
            assessments.push(Assessment {
                theme,
                player,
                unit,
                current,
                target,
                weight: weight.unwrap_or(1.0),
                note,
            });
            rows.push(rec.row);
        }
    }
    // A header alone (a truncated spreadsheet export) would remove every
    // score: a file with a problem changes nothing, and this is one.
    if assessments.is_empty() && listed.is_empty() {
        return fail(vec![CsvProblem {
            row: None,
            column: None,
            message: say("csv.noRows", &[], || {
                "the file holds no assessment, only its header row; importing it would remove every score".into()
            }),
        }]);
    }

    // The rows that were read are checked as a model even when others
    // were not, so that every problem is reported at once: a score off the
    // scale or a duplicate cell is not left for a second run.
    let mut out = model.clone();
    out.assessments = assessments;
    let (found, more) = crate::validate::validate_within(&out);
    let Listed {
        mut problems,
        more: unlisted,
    } = listed;
    problems.extend(found.into_iter().map(|p| place(&p.path, p.message, &rows)));
    if problems.is_empty() {
        return Ok(out);
    }
    // By row, as a spreadsheet user reads them; problems of no row last.
    crate::order::sort_by_key(&mut problems, |p| p.row.unwrap_or(usize::MAX));
    let mut invalid = CsvInvalid::new(problems);
    invalid.more += more + unlisted;
    Err(invalid)
}

/// Like [`import_csv`], from the file's bytes: text that is not UTF-8 (a CSV
/// saved in a legacy spreadsheet encoding) is refused with the row of the
/// first bad byte, instead of importing garbled accents.
pub fn import_csv_bytes(model: &Model, bytes: &[u8]) -> Result<Model, CsvInvalid> {
    // UTF-16 with its mark (a spreadsheet's "Unicode text") reads as a model
    // file does: the decoding rules are crate::encoding's everywhere.
    match crate::encoding::utf16(bytes) {
        Some(Ok(text)) => return import_csv(model, &text),
        Some(Err(e)) => {
            return Err(CsvInvalid::new(vec![CsvProblem {
                row: Some(row_after(&e.before)),
                column: None,
                message: {
                    let what = e.describe();
                    say("csv.saveUtf8", &[("what", &what)], || {
                        format!("{what}; save the file as \"CSV UTF-8\"")
                    })
                },
            }]))
        }
        None => {}
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => import_csv(model, text),
        Err(e) => {
            let valid = bytes.get(..e.valid_up_to()).unwrap_or_default();
            let before = std::str::from_utf8(valid).unwrap_or_default();
            let before = before.strip_prefix('\u{feff}').unwrap_or(before);
            // The records read so far; the bad byte is in the last, or starts
            // the next when the text before it ends a line.
            let sep = rfc4180::detect_separator(before);
            let row = match rfc4180::parse(before, sep) {
                Ok(recs) if before.ends_with(['\n', '\r']) || recs.is_empty() => recs.len() + 1,
                Ok(recs) => recs.len(),
                Err(_) => before.matches('\n').count() + 1,
            };
            Err(CsvInvalid::new(vec![CsvProblem {
                row: Some(row),
                column: None,
                message: {
                    let byte = (e.valid_up_to() + 1).to_string();
                    say("csv.notUtf8", &[("byte", &byte)], || {
                        format!("not UTF-8 text (byte {byte} cannot be read); save the file as \"CSV UTF-8\"")
                    })
                },
            }]))
        }
    }
}

/// The row of a CSV in which a character that cannot be read sits, given
/// the text before it: the records read so far, the last of which it is
/// in, or it starts the next when the text before it ends a line.
fn row_after(before: &str) -> usize {
    let before = before.strip_prefix('\u{feff}').unwrap_or(before);
    let sep = rfc4180::detect_separator(before);
    match rfc4180::parse(before, sep) {
        Ok(recs) if before.ends_with(['\n', '\r']) || recs.is_empty() => recs.len() + 1,
        Ok(recs) => recs.len(),
        Err(_) => before.matches('\n').count() + 1,
    }
}

/// The problem of a file of `len` bytes, over the size limit.
fn too_large(len: u64) -> CsvInvalid {
    CsvInvalid::new(vec![CsvProblem {
        row: None,
        column: None,
        message: crate::validate::size_message("the file", len),
    }])
}
