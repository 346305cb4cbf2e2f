//! Reads one CSV file as saved by Excel or LibreOffice into raw rows with line numbers.

use crate::diagnostics::Diagnostics;

/// A CSV file: its header and its non-empty rows, cells trimmed, nothing interpreted.
#[derive(Debug, Clone, Default)]
pub struct Table {
    /// Path relative to the portal root, for messages.
    pub file: String,
    /// Column names, trimmed, in file order.
    pub header: Vec<String>,
    pub rows: Vec<Row>,
}

/// One data row and the line it starts on.
#[derive(Debug, Clone)]
pub struct Row {
    pub line: u64,
    pub cells: Vec<String>,
}

impl Table {
    /// 0-based index of a column by name.
    pub fn column(&self, name: &str) -> Option<usize> {
        self.header.iter().position(|h| h == name)
    }
}

/// Parses CSV bytes: UTF-8 with or without BOM, `,` or `;` delimiter, CRLF or LF,
/// quoted cells with line breaks. Problems go to `diagnostics`; rows with problems are dropped.
pub fn parse_csv(file: &str, bytes: &[u8], diagnostics: &mut Diagnostics) -> Table {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    // The csv crate counts a CRLF row's line from before its LF, one too low; LF is exact.
    let normalised;
    let bytes = if bytes.contains(&b'\r') {
        normalised = crlf_to_lf(bytes);
        normalised.as_slice()
    } else {
        bytes
    };
    let delimiter = crate::util::csv::sniff_delimiter(bytes);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes);
    let mut table = Table {
        file: file.to_string(),
        ..Table::default()
    };
    let mut record = csv::ByteRecord::new();
    let mut first = true;
    loop {
        match reader.read_byte_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(error) => {
                let line = error.position().map_or(0, |p| p.line());
                diagnostics.error_with_help(
                    file,
                    line,
                    0,
                    format!("this is not readable CSV: {error}"),
                    "save the sheet again as CSV (UTF-8), comma- or semicolon-separated",
                );
                break;
            }
        }
        let line = record.position().map_or(0, |p| p.line());
        let mut cells = Vec::with_capacity(record.len());
        let mut row_ok = true;
        for (index, raw) in record.iter().enumerate() {
            match std::str::from_utf8(raw) {
                Ok(text) => cells.push(normalise_cell(text)),
                Err(_) => {
                    diagnostics.error_with_help(
                        file,
                        line,
                        index as u64 + 1,
                        "this cell is not valid UTF-8 text",
                        "save the file as \"CSV UTF-8\" (Excel) or choose the UTF-8 character set (LibreOffice)",
                    );
                    row_ok = false;
                }
            }
        }
        if first {
            first = false;
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
            table.header = cells;
            continue;
        }
        if !row_ok || cells.iter().all(String::is_empty) {
            continue;
        }
        if cells.len() != table.header.len() {
            diagnostics.error_with_help(
                file,
                line,
                cells.len().min(table.header.len()) as u64 + 1,
                format!(
                    "this row has {} cells but the header has {}",
                    cells.len(),
                    table.header.len()
                ),
                "a cell that contains the delimiter or a line break must be quoted: \"like, this\"",
            );
            continue;
        }
        table.rows.push(Row { line, cells });
    }
    if first {
        diagnostics.error_with_help(
            file,
            1,
            1,
            "the file is empty",
            "the first row must name the columns",
        );
    }
    table
}

fn normalise_cell(text: &str) -> String {
    text.trim().to_string()
}

fn crlf_to_lf(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len());
    let mut iter = bytes.iter().peekable();
    while let Some(&b) = iter.next() {
        if b == b'\r' && iter.peek() == Some(&&b'\n') {
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
    fn reports_a_row_with_the_wrong_number_of_cells_at_its_line() {
        let mut d = Diagnostics::default();
        let table = parse_csv("t.csv", b"id,name_en\nA,x\nB,y,z\n", &mut d);
        assert_eq!(table.rows.len(), 1);
        let problems = d.sorted();
        assert_eq!(problems.len(), 1);
        assert_eq!((problems[0].line, problems[0].column), (3, 3));
    }

    #[test]
    fn reports_invalid_utf8_at_its_cell() {
        let mut d = Diagnostics::default();
        parse_csv("t.csv", b"id,name_en\nA,caf\xe9\n", &mut d);
        let problems = d.sorted();
        assert_eq!((problems[0].line, problems[0].column), (2, 2));
        assert!(problems[0].message.contains("UTF-8"));
    }
}
