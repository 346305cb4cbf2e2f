//! A workbook in `data/` (`.xlsx` or `.ods`): one sheet per table, named like the CSV files.

use std::path::Path;

use anyhow::{Context, Result};
use calamine::{Data, Reader};

use super::csv_table::{Row, Table, cell_is_clean};
use crate::diagnostics::{Diagnostics, did_you_mean};

/// The extensions of workbooks Docket reads from `data/`.
pub const WORKBOOK_EXTENSIONS: &[&str] = &["xlsx", "ods"];

/// Every sheet of the workbook at `path` named like a table, as raw tables whose rows carry
/// their spreadsheet row number. `file` is the workbook's name for messages
/// (`data/portal.xlsx`); each table's file reads `data/portal.xlsx [recommendations]`.
pub fn read_workbook(
    path: &Path,
    file: &str,
    tables: &[&'static str],
    diagnostics: &mut Diagnostics,
) -> Result<Vec<(&'static str, Table)>> {
    let mut workbook = calamine::open_workbook_auto(path)
        .with_context(|| format!("cannot open the workbook {file}"))?;
    let mut out = Vec::new();
    for sheet in workbook.sheet_names() {
        let name = sheet.trim();
        let Some(&table) = tables.iter().find(|t| **t == name) else {
            let help = match did_you_mean(name, tables.iter().copied()) {
                Some(close) => format!(
                    "did you mean `{close}`? Sheets are named like the tables of docs/data.md"
                ),
                None => format!("name each sheet after a table: {}", tables.join(", ")),
            };
            diagnostics.error_with_help(file, 0, 0, format!("sheet `{name}` is not a table"), help);
            continue;
        };
        let range = workbook
            .worksheet_range(&sheet)
            .with_context(|| format!("cannot read sheet `{name}` of {file}"))?;
        let first_row = range.start().map_or(0, |(row, _)| u64::from(row));
        let mut rows = range.rows().enumerate().map(|(i, cells)| Row {
            line: first_row + i as u64 + 1,
            cells: cells.iter().map(cell_text).collect(),
        });
        let label = format!("{file} [{table}]");
        let Some(header) = rows.next() else {
            diagnostics.error_with_help(
                &label,
                1,
                1,
                "the sheet is empty",
                "the first row must name the columns",
            );
            continue;
        };
        row_is_clean(&header, &label, diagnostics);
        let mut parsed = Table {
            file: label.clone(),
            header: header.cells,
            rows: Vec::new(),
            unreadable: false,
        };
        let width = parsed.header.len();
        for mut row in rows {
            if row.cells.iter().all(String::is_empty) || !row_is_clean(&row, &label, diagnostics) {
                continue;
            }
            row.cells.resize(width, String::new());
            parsed.rows.push(row);
        }
        out.push((table, parsed));
    }
    Ok(out)
}

/// Every cell checked, as in a CSV file; a row with a problem is left out.
fn row_is_clean(row: &Row, label: &str, diagnostics: &mut Diagnostics) -> bool {
    let mut clean = true;
    for (index, text) in row.cells.iter().enumerate() {
        clean &= cell_is_clean(text, label, row.line, index as u64 + 1, diagnostics);
    }
    clean
}

/// Text of a spreadsheet cell: numbers without a needless `.0`, dates as `YYYY-MM-DD`.
pub fn cell_text(cell: &Data) -> String {
    match cell {
        Data::String(s) => s.trim().to_string(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) => number_text(*f),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(dt) if dt.is_datetime() => {
            let (year, month, day, ..) = dt.to_ymd_hms_milli();
            format!("{year:04}-{month:02}-{day:02}")
        }
        Data::DateTime(dt) => number_text(dt.as_f64()),
        // LibreOffice writes a date without time as `2024-03-31` or `2024-03-31T00:00:00`.
        Data::DateTimeIso(s) => s.strip_suffix("T00:00:00").unwrap_or(s).to_string(),
        Data::DurationIso(s) => s.clone(),
        Data::Error(_) | Data::Empty => String::new(),
    }
}

pub fn number_text(f: f64) -> String {
    if f.fract() == 0.0 && f.abs() < 1e15 {
        format!("{}", f as i64)
    } else {
        f.to_string()
    }
}
