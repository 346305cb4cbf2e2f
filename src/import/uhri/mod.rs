//! Universal Human Rights Index exports: the spreadsheet (`.xlsx`, also `.xls`, `.ods`), the
//! same table saved as CSV, and the JSON export.
//!
//! Spreadsheet columns: Text, Countries Concerned, Reccomending Body (or Recommending Body),
//! Document Symbol, Themes, Affected Persons, Sdgs, Document Publication Date (an Excel date
//! serial or an ISO date), UPR Reccomending States, UPR Position, Type, OHCHR Annotation Id,
//! UPR Session, Regions Concerned, Recommending Regions, Date of publication on UHRI.
//! Multi-value cells hold one value per line, each starting with `- `. The JSON export holds
//! objects with the fields AffectedPersons[], AnnotationId, AnnotationType, Body, Countries[],
//! PublicationDate, Sdgs[], Symbol, Text, Themes[], UprCycle, UprPositions[],
//! UprRecommendingCountry[], UprSession[].

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use calamine::Reader;

use crate::load::{cell_text, number_text};
mod countries;
mod json;
mod labels;
mod record;
mod row;

pub(crate) use countries::Countries;
pub use labels::IdValues;

use super::{Problems, Record, cell_value, file_label};
use crate::diagnostics::Diagnostics;
use crate::load::parse_csv;
use crate::model::states::fold;
use record::to_record;
pub(crate) use record::{parse_sdg, parse_sdg_goal};
use row::{Cell, Field, UhriRow, field_of, sheet_field, takes_ids};

/// Reads one export, chosen by its extension. Rows that concern none of the countries
/// chosen are left out; `lang` is the language of texts given without one; ids given
/// instead of names are looked up in (or noted by) `ids`.
pub fn read(
    path: &Path,
    countries: &mut Countries,
    lang: &str,
    ids: &mut IdValues,
    problems: &mut Problems,
) -> Result<Vec<Record>> {
    let file = file_label(path);
    let rows = read_rows(path, &file, ids, problems)?;
    let mut records = Vec::with_capacity(rows.len());
    for row in rows {
        let Some(country) = countries.pick(&row.countries) else {
            problems.filtered += 1;
            continue;
        };
        if let Some(mut record) = to_record(&file, row, lang, problems) {
            record.origin.state_id = country.as_deref().and_then(|c| countries.state_id(c));
            record.origin.state = country;
            records.push(record);
        }
    }
    Ok(records)
}

/// Reads several exports as one: a country named with `--country` needs to be in one of
/// them only. In an import about several States, each record's country must be a State of
/// the States table (its id is written to `state`).
pub fn read_all(
    paths: &[PathBuf],
    countries: &mut Countries,
    lang: &str,
    ids: &mut IdValues,
    problems: &mut Problems,
) -> Result<Vec<Record>> {
    let mut records = Vec::new();
    for path in paths {
        records.extend(read(path, countries, lang, ids, problems)?);
    }
    let files: Vec<String> = paths.iter().map(|p| file_label(p)).collect();
    countries.report_missing(&files, problems);
    let mut states = records.iter().filter_map(|r| r.origin.state.as_deref());
    let first = states.next().map(fold);
    if !states.any(|s| Some(fold(s)) != first) {
        return Ok(records);
    }
    records.retain(|record| {
        let Some(country) = record.origin.state.as_deref() else {
            return true;
        };
        if record.origin.state_id.is_some() {
            return true;
        }
        let (message, help) = countries.unknown(country);
        let help = format!("{help}; or pass --skip-invalid to import the other rows");
        let (file, line) = (&record.file, record.line);
        problems.rows.error_with_help(file, line, 0, message, help);
        false
    });
    Ok(records)
}

/// The rows of one export, read as its extension says.
fn read_rows(
    path: &Path,
    file: &str,
    ids: &mut IdValues,
    problems: &mut Problems,
) -> Result<Vec<UhriRow>> {
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_lowercase();
    Ok(match extension.as_str() {
        "xlsx" | "xlsm" | "xlsb" | "xls" | "ods" => read_workbook(path, file, problems)?,
        "csv" | "txt" => {
            let bytes = std::fs::read(path).with_context(|| format!("cannot read {file}"))?;
            let mut diagnostics = Diagnostics::default();
            let table = parse_csv(file, &bytes, &mut diagnostics);
            problems.add_csv_problems(diagnostics);
            let rows = table.rows.into_iter().map(|r| (r.line, r.cells));
            read_sheet(file, &table.header, 1, 0, rows, problems)
        }
        "json" => json::read_array(path, file, ids, problems)?,
        "jsonl" | "ndjson" => json::read_lines(path, file, ids, problems)?,
        _ => {
            problems.fatal.error_with_help(
                file,
                0,
                0,
                "unknown kind of UHRI export",
                "give the .xlsx, .csv, .json or .jsonl file exported from the Universal Human Rights Index",
            );
            Vec::new()
        }
    })
}

fn read_workbook(path: &Path, file: &str, problems: &mut Problems) -> Result<Vec<UhriRow>> {
    let mut workbook = calamine::open_workbook_auto(path)
        .with_context(|| format!("cannot open the spreadsheet {file}"))?;
    let Some(range) = workbook.worksheet_range_at(0) else {
        problems
            .fatal
            .error(file, 0, 0, "the spreadsheet has no worksheet");
        return Ok(Vec::new());
    };
    let range = range.with_context(|| format!("cannot read the first worksheet of {file}"))?;
    let (first_row, first_column) = range.start().unwrap_or((0, 0));
    let mut rows = range.rows().enumerate().map(|(i, cells)| {
        (
            u64::from(first_row) + i as u64 + 1,
            cells.iter().map(cell_text).collect::<Vec<String>>(),
        )
    });
    // The header is the first row naming the text and the document symbol (exports may put
    // a title above it).
    let mut skipped = 0;
    let header = loop {
        match rows.next() {
            Some((line, cells)) => {
                let fields: Vec<Option<Field>> = cells.iter().map(|c| sheet_field(c)).collect();
                if fields.contains(&Some(Field::Text)) && fields.contains(&Some(Field::Symbol)) {
                    break Some((line, cells));
                }
                skipped += 1;
                if skipped > 20 {
                    break None;
                }
            }
            None => break None,
        }
    };
    let Some((header_line, header)) = header else {
        problems.fatal.error_with_help(
            file,
            1,
            0,
            "no header row with the columns Text and Document Symbol in the first worksheet",
            "export the recommendations from the Universal Human Rights Index as a spreadsheet",
        );
        return Ok(Vec::new());
    };
    Ok(read_sheet(
        file,
        &header,
        header_line,
        u64::from(first_column),
        rows,
        problems,
    ))
}

fn read_sheet(
    file: &str,
    header: &[String],
    header_line: u64,
    first_column: u64,
    rows: impl Iterator<Item = (u64, Vec<String>)>,
    problems: &mut Problems,
) -> Vec<UhriRow> {
    let fields: Vec<Option<Field>> = header.iter().map(|h| sheet_field(h)).collect();
    let required = [
        (Field::Text, "Text"),
        (Field::Body, "Recommending Body"),
        (Field::Symbol, "Document Symbol"),
        (Field::AnnotationId, "OHCHR Annotation Id"),
    ];
    let missing: Vec<&str> = required
        .iter()
        .filter(|(f, _)| !fields.contains(&Some(*f)))
        .map(|(_, name)| *name)
        .collect();
    if !missing.is_empty() {
        problems.fatal.error_with_help(
            file,
            header_line,
            first_column + 1,
            format!("this is not a UHRI export: no column {}", missing.join(", ")),
            "export the recommendations from the Universal Human Rights Index; see docs/data.md, \"Importing\"",
        );
        return Vec::new();
    }
    let mut out = Vec::new();
    for (line, cells) in rows {
        if cells.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let mut row = UhriRow {
            line,
            ..UhriRow::default()
        };
        for (field, cell) in fields.iter().zip(cells) {
            if let Some(field) = field {
                row.set(*field, Cell::Text(cell));
            }
        }
        out.push(row);
    }
    out
}
