//! Reads one CSV file as saved by Excel or LibreOffice into raw rows with line numbers.

use super::file_kind::{self, RESAVE_HELP};
use crate::diagnostics::Diagnostics;

/// A CSV file: its header and its non-empty rows, cells trimmed, nothing interpreted.
#[derive(Debug, Clone, Default)]
pub struct Table {
    /// Path relative to the portal root, for messages.
    pub file: String,
    /// Column names, trimmed, in file order.
    pub header: Vec<String>,
    pub rows: Vec<Row>,
    /// True when the file is not UTF-8 CSV at all: reported once, no rows read, and no
    /// follow-on problem about this table is reported.
    pub unreadable: bool,
}

/// One data row and the line it starts on.
#[derive(Debug, Clone)]
pub struct Row {
    pub line: u64,
    pub cells: Vec<String>,
}

/// Parses CSV bytes: UTF-8 with or without BOM, `,` or `;` delimiter, CRLF or LF,
/// quoted cells with line breaks. Problems go to `diagnostics`; rows with problems are dropped.
/// A file that is not UTF-8 text gets one problem naming what it is, and no rows.
pub fn parse_csv(file: &str, bytes: &[u8], diagnostics: &mut Diagnostics) -> Table {
    if let Some(what) = file_kind::not_text(bytes) {
        diagnostics.error_with_help(file, 0, 0, what, RESAVE_HELP);
        return unreadable(file);
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    // The csv crate counts a CRLF row's line from before its LF, one too low; LF is exact.
    let normalised;
    let bytes = if bytes.contains(&b'\r') {
        normalised = crlf_to_lf(bytes);
        normalised.as_slice()
    } else {
        bytes
    };
    let mut table = Table {
        file: file.to_string(),
        ..Table::default()
    };
    match read_records(&mut table, bytes, diagnostics) {
        Records::Read => {}
        Records::NotUtf8 => return unreadable(file),
        Records::NoHeader => diagnostics.error_with_help(
            file,
            1,
            1,
            "the file is empty",
            "the first row must name the columns",
        ),
    }
    table
}

/// How reading a file's records ended.
enum Records {
    Read,
    /// A cell is not UTF-8: the whole file is unreadable.
    NotUtf8,
    /// Not even a header row.
    NoHeader,
}

/// Reads the header and the rows of `bytes` (LF line ends, no BOM) into `table`.
fn read_records(table: &mut Table, bytes: &[u8], diagnostics: &mut Diagnostics) -> Records {
    let file = table.file.as_str();
    let delimiter = crate::util::csv::sniff_delimiter(bytes);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(std::io::Cursor::new(bytes));
    let mut record = csv::ByteRecord::new();
    let mut first = true;
    loop {
        match reader.read_byte_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(error) => {
                report_unreadable(file, &error, diagnostics);
                break;
            }
        }
        let line = record.position().map_or(0, |p| p.line());
        let Some((cells, row_ok)) = record_cells(file, line, &record, diagnostics) else {
            return Records::NotUtf8;
        };
        if first {
            first = false;
            check_header(file, line, &cells, diagnostics);
            table.header = cells;
            continue;
        }
        if !row_ok || cells.iter().all(String::is_empty) {
            continue;
        }
        let start = record.position().map_or(0, csv::Position::byte) as usize;
        let end = reader.position().byte() as usize;
        let spans_lines = reader.position().line() > line + 1;
        let broken_quote = spans_lines && quote_is_broken(&bytes[start..end], delimiter);
        let width = table.header.len();
        if !broken_quote && cells.len() == width {
            table.rows.push(Row { line, cells });
            continue;
        }
        match broken_quote {
            true => report_broken_quote(file, line, &cells, diagnostics),
            false => report_cell_count(file, line, cells.len(), width, spans_lines, diagnostics),
        }
        // Read the swallowed rows again on their own, so that none disappears into its
        // neighbour.
        if let Some(next) = spans_lines.then(|| next_line_start(bytes, start)).flatten() {
            let mut position = csv::Position::new();
            position.set_byte(next as u64).set_line(line + 1);
            if reader.seek(position).is_err() {
                break;
            }
        }
    }
    if first {
        Records::NoHeader
    } else {
        Records::Read
    }
}

/// A record's cells as text, and whether they are all usable; `None` when a cell is not
/// UTF-8 (the whole file is then unreadable).
fn record_cells(
    file: &str,
    line: u64,
    record: &csv::ByteRecord,
    diagnostics: &mut Diagnostics,
) -> Option<(Vec<String>, bool)> {
    // One check of the whole record instead of one per cell (SIMD: most portals' text is
    // not ASCII); the cell that is not UTF-8 is looked for only when the record is not.
    let Ok(all) = simdutf8::basic::from_utf8(record.as_slice()) else {
        return cells_not_utf8(file, line, record, diagnostics);
    };
    // Most records hold no byte that may start a control character: their cells need no
    // scan of their own.
    let clean = !may_hold_control(all);
    let mut cells = Vec::with_capacity(record.len());
    let mut row_ok = true;
    for index in 0..record.len() {
        let column = index as u64 + 1;
        let text = record.range(index).and_then(|r| all.get(r));
        let Some(text) = text else {
            return cells_not_utf8(file, line, record, diagnostics);
        };
        if !clean && !cell_is_clean(text, file, line, column, diagnostics) {
            row_ok = false;
        }
        cells.push(normalise_cell(text));
    }
    Some((cells, row_ok))
}

/// Reports the first cell of `record` that is not UTF-8 text (and control characters in the
/// cells before it, as a cell-by-cell reading does).
fn cells_not_utf8(
    file: &str,
    line: u64,
    record: &csv::ByteRecord,
    diagnostics: &mut Diagnostics,
) -> Option<(Vec<String>, bool)> {
    for (index, raw) in record.iter().enumerate() {
        let column = index as u64 + 1;
        match std::str::from_utf8(raw) {
            Ok(text) => {
                cell_is_clean(text, file, line, column, diagnostics);
            }
            Err(_) => {
                let what = file_kind::legacy_encoding(raw);
                diagnostics.error_with_help(file, line, column, what, RESAVE_HELP);
                return None;
            }
        }
    }
    None
}

/// Every column of the header row needs a name.
fn check_header(file: &str, line: u64, cells: &[String], diagnostics: &mut Diagnostics) {
    for (index, name) in cells.iter().enumerate() {
        if name.is_empty() {
            diagnostics.error_with_help(
                file,
                line,
                index as u64 + 1,
                format!("column {} has no name in the header row", index + 1),
                "name the column or delete it (and its cells) from the sheet",
            );
        }
    }
}

fn report_unreadable(file: &str, error: &csv::Error, diagnostics: &mut Diagnostics) {
    let line = error.position().map_or(0, |p| p.line());
    diagnostics.error_with_help(
        file,
        line,
        0,
        format!("this is not readable CSV: {error}"),
        "save the sheet again as CSV (UTF-8), comma- or semicolon-separated",
    );
}

fn report_broken_quote(file: &str, line: u64, cells: &[String], diagnostics: &mut Diagnostics) {
    let column = cells.iter().position(|c| c.contains('\n')).unwrap_or(0) as u64 + 1;
    diagnostics.error_with_help(
        file,
        line,
        column,
        "a `\"` opened in this row is never closed, so the row runs into the lines after it",
        "close the quote; the lines after it were read as rows of their own",
    );
}

fn report_cell_count(
    file: &str,
    line: u64,
    cells: usize,
    width: usize,
    spans_lines: bool,
    diagnostics: &mut Diagnostics,
) {
    let help = if spans_lines {
        "a `\"` opened in this row is never closed, so the row ran into the lines after it; \
         close the quote (the following lines were read as rows of their own)"
    } else {
        "a cell that contains the delimiter or a line break must be quoted: \"like, this\""
    };
    diagnostics.error_with_help(
        file,
        line,
        cells.min(width) as u64 + 1,
        format!("this row has {cells} cells but the header has {width}"),
        help,
    );
}

/// True when a quoted cell of this raw record is never closed (the record ends inside it)
/// or goes on after its closing quote (`"a"b`): both mean a quote swallowed a line break.
fn quote_is_broken(raw: &[u8], delimiter: u8) -> bool {
    let (mut quoted, mut cell_start, mut i) = (false, true, 0);
    while let Some(&b) = raw.get(i) {
        if quoted {
            if b == b'"' {
                if raw.get(i + 1) == Some(&b'"') {
                    i += 2;
                    continue;
                }
                quoted = false;
                if raw
                    .get(i + 1)
                    .is_some_and(|&n| n != delimiter && n != b'\n')
                {
                    return true;
                }
            }
        } else {
            quoted = b == b'"' && cell_start;
            cell_start = b == delimiter || b == b'\n';
        }
        i += 1;
    }
    quoted
}

/// The byte offset of the line after the one `offset` is on.
fn next_line_start(bytes: &[u8], offset: usize) -> Option<usize> {
    let newline = bytes.get(offset..)?.iter().position(|&b| b == b'\n')?;
    Some(offset + newline + 1).filter(|&next| next < bytes.len())
}

fn unreadable(file: &str) -> Table {
    Table {
        file: file.to_string(),
        unreadable: true,
        ..Table::default()
    }
}

/// False, with a problem at the cell, when `text` holds a control character (a CSV or a
/// workbook cell alike).
pub(super) fn cell_is_clean(
    text: &str,
    file: &str,
    line: u64,
    column: u64,
    diagnostics: &mut Diagnostics,
) -> bool {
    if !may_hold_control(text) {
        return true;
    }
    let Some(c) = text.chars().find(|&c| is_forbidden_control(c)) else {
        return true;
    };
    diagnostics.error_with_help(
        file,
        line,
        column,
        format!(
            "this cell contains the control character U+{:04X}",
            c as u32
        ),
        CONTROL_CHARACTER_HELP,
    );
    false
}

/// False when `text` holds no byte that may start a control character: every one is below
/// U+0020, U+007F, or U+0080..U+009F (UTF-8 0xC2 0x80..), so most text needs no decoding.
fn may_hold_control(text: &str) -> bool {
    // Whole chunks folded without an early exit, which the compiler turns into SIMD.
    let suspect = |b: u8| (b < 0x20) | (b == 0x7F) | (b == 0xC2);
    let mut chunks = text.as_bytes().chunks_exact(64);
    let found = chunks
        .by_ref()
        .any(|chunk| chunk.iter().fold(false, |acc, &b| acc | suspect(b)));
    found || chunks.remainder().iter().any(|&b| suspect(b))
}

/// What to do about a control character, in a cell or a page alike.
pub(super) const CONTROL_CHARACTER_HELP: &str = "delete it: control characters (other than tab \
     and line breaks) are invisible leftovers of a copy from another program";

/// NUL, the other C0 and C1 controls and DEL; tab and line breaks are text.
pub(super) fn is_forbidden_control(c: char) -> bool {
    c.is_control() && !matches!(c, '\t' | '\n' | '\r')
}

fn normalise_cell(text: &str) -> String {
    text.trim().to_string()
}

/// CRLF and a lone CR (old Mac files) both become LF: the csv crate ends a record at a lone
/// CR but counts only LFs as lines.
fn crlf_to_lf(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len());
    let mut iter = bytes.iter().peekable();
    while let Some(&b) = iter.next() {
        if b == b'\r' {
            if iter.peek() != Some(&&b'\n') {
                out.push(b'\n');
            }
            continue;
        }
        out.push(b);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_excel_semicolon_export_with_bom_crlf_and_multiline_cells() {
        let bytes = "\u{feff}id;text_en\r\nA-1;\"two\r\nlines; quoted \"\"here\"\"\"\r\n;\r\nB-2; spaced \r\n".as_bytes();
        let mut d = Diagnostics::default();
        let table = parse_csv("t.csv", bytes, &mut d);
        assert!(d.is_empty(), "{d:?}");
        assert_eq!(table.header, ["id", "text_en"]);
        assert_eq!(table.rows.len(), 2);
        assert_eq!(table.rows[0].cells[1], "two\nlines; quoted \"here\"");
        assert_eq!(table.rows[0].line, 2);
        assert_eq!(table.rows[1].line, 5);
        assert_eq!(table.rows[1].cells[1], "spaced");
    }

    #[test]
    fn counts_lines_ended_by_a_lone_carriage_return() {
        let mut d = Diagnostics::default();
        let table = parse_csv("t.csv", b"id,name_en\rA,x\rB,y\r", &mut d);
        assert!(d.is_empty(), "{d:?}");
        let lines: Vec<u64> = table.rows.iter().map(|r| r.line).collect();
        assert_eq!(lines, [2, 3]);
    }

    #[test]
    fn reports_a_row_with_the_wrong_number_of_cells_at_its_line() {
        let mut d = Diagnostics::default();
        let table = parse_csv("t.csv", b"id,name_en\nA,x\nB,y,z\n", &mut d);
        assert_eq!(table.rows.len(), 1);
        let problems = d.sorted();
        assert_eq!(problems.len(), 1);
        assert_eq!((problems[0].line, problems[0].column), (3, 3));
    }

    #[test]
    fn an_unclosed_quote_is_reported_and_the_rows_after_it_are_kept() {
        let mut d = Diagnostics::default();
        let table = parse_csv(
            "t.csv",
            b"id,name_en,note\nA,\"unclosed,x\nB,b,ok\nC,c,\"quoted, fine\"\nD,d,ok\n",
            &mut d,
        );
        let problems = d.sorted();
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(problems[0].line, 2);
        assert!(problems[0].message.contains("never closed"));
        let ids: Vec<(&str, u64)> = table
            .rows
            .iter()
            .map(|r| (r.cells[0].as_str(), r.line))
            .collect();
        assert_eq!(ids, [("B", 3), ("C", 4), ("D", 5)]);

        let mut d = Diagnostics::default();
        let table = parse_csv("t.csv", b"id,name_en,note\nA,a,\"open\nB,b,ok\n", &mut d);
        assert_eq!(
            d.sorted()
                .iter()
                .map(|p| (p.line, p.column))
                .collect::<Vec<_>>(),
            [(2, 3)]
        );
        assert_eq!(table.rows.len(), 1);
        assert_eq!(table.rows[0].cells, ["B", "b", "ok"]);
    }

    #[test]
    fn reports_a_latin1_file_once_at_its_first_bad_cell() {
        let mut d = Diagnostics::default();
        let table = parse_csv("t.csv", b"id,name_en\nA,caf\xe9\nB,na\xefve\n", &mut d);
        let problems = d.sorted();
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!((problems[0].line, problems[0].column), (2, 2));
        assert!(problems[0].message.contains("Latin-1/Windows-1252"));
        assert!(table.unreadable && table.rows.is_empty());
    }

    #[test]
    fn reports_a_workbook_saved_as_csv_once_and_reads_nothing() {
        let mut d = Diagnostics::default();
        let table = parse_csv(
            "t.csv",
            b"PK\x03\x04\x14\x00xl/workbook.xml\x00\x01",
            &mut d,
        );
        let problems = d.sorted();
        assert_eq!(problems.len(), 1);
        assert!(problems[0].message.contains(".xlsx"));
        assert!(problems[0].help.as_deref().unwrap().contains("CSV UTF-8"));
        assert!(table.unreadable && table.header.is_empty());
    }

    #[test]
    fn reports_control_characters_at_their_cell_but_keeps_tabs_and_line_breaks() {
        let mut d = Diagnostics::default();
        let table = parse_csv(
            "t.csv",
            b"id,text_en\nA,\"tab\there\nand a line\"\nB,nul\x00here\nC,esc\x1bhere\n",
            &mut d,
        );
        let problems = d.sorted();
        let at: Vec<_> = problems.iter().map(|p| (p.line, p.column)).collect();
        assert_eq!(at, [(4, 2), (5, 2)], "{problems:?}");
        assert!(problems[0].message.contains("U+0000"));
        assert_eq!(table.rows.len(), 1);
        assert_eq!(table.rows[0].cells[1], "tab\there\nand a line");
    }
}
