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

use std::fmt;
use std::io::BufReader;
use std::path::Path;

use anyhow::{Context, Result};
use calamine::Reader;

use crate::load::{cell_text, number_text};
use chrono::NaiveDate;
use serde::de::{DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value};

use super::known::upr_cycle;
use super::merge::mechanism_for_body;
use super::upr_info::{map_response, parse_session};
use super::{DocumentRef, Problems, Record, SdgRef, cell_value, file_label, sanitise_id};
use crate::diagnostics::Diagnostics;
use crate::load::parse_csv;
use crate::model::parse_date;

/// One UHRI annotation, whatever file it came from.
#[derive(Debug, Default, Clone)]
struct UhriRow {
    line: u64,
    text: String,
    countries: Vec<String>,
    body: String,
    symbol: String,
    themes: Vec<String>,
    persons: Vec<String>,
    sdgs: Vec<String>,
    date: String,
    upr_states: Vec<String>,
    upr_position: String,
    annotation_id: String,
    upr_session: String,
    upr_cycle: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Text,
    Countries,
    Body,
    Symbol,
    Themes,
    Persons,
    Sdgs,
    Date,
    UprStates,
    UprPosition,
    AnnotationId,
    UprSession,
    UprCycle,
}

/// The field a spreadsheet column or JSON key holds (letters and digits compared in lower
/// case; the export's "Reccomending" misspelling accepted).
fn field_of(name: &str) -> Option<Field> {
    let key: String = name
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect::<String>()
        .to_lowercase()
        .replace("reccomend", "recommend");
    Some(match key.as_str() {
        "text" => Field::Text,
        "countriesconcerned" | "countries" => Field::Countries,
        "recommendingbody" | "body" => Field::Body,
        "documentsymbol" | "symbol" => Field::Symbol,
        "themes" => Field::Themes,
        "affectedpersons" => Field::Persons,
        "sdgs" => Field::Sdgs,
        "documentpublicationdate" | "publicationdate" => Field::Date,
        "uprrecommendingstates" | "uprrecommendingcountry" | "uprrecommendingcountries" => {
            Field::UprStates
        }
        "uprposition" | "uprpositions" => Field::UprPosition,
        "ohchrannotationid" | "annotationid" => Field::AnnotationId,
        "uprsession" => Field::UprSession,
        "uprcycle" => Field::UprCycle,
        _ => return None,
    })
}

impl UhriRow {
    fn set(&mut self, field: Field, value: Cell) {
        match field {
            Field::Text => self.text = value.scalar(),
            Field::Countries => self.countries = value.list(),
            Field::Body => self.body = value.scalar(),
            Field::Symbol => self.symbol = value.scalar(),
            Field::Themes => self.themes = value.list(),
            Field::Persons => self.persons = value.list(),
            Field::Sdgs => self.sdgs = value.list(),
            Field::Date => self.date = value.scalar(),
            Field::UprStates => self.upr_states = value.list(),
            Field::UprPosition => self.upr_position = value.scalar(),
            Field::AnnotationId => self.annotation_id = value.scalar(),
            Field::UprSession => self.upr_session = value.scalar(),
            Field::UprCycle => self.upr_cycle = value.scalar(),
        }
    }
}

/// A cell of a spreadsheet or a JSON value.
enum Cell {
    Text(String),
    List(Vec<String>),
}

impl Cell {
    fn scalar(self) -> String {
        match self {
            Cell::Text(text) => text.trim().to_string(),
            Cell::List(values) => values.into_iter().next().unwrap_or_default(),
        }
    }

    /// Multi-value cells hold lines that start with `- `.
    fn list(self) -> Vec<String> {
        let values = match self {
            Cell::Text(text) => text
                .lines()
                .map(|line| {
                    let line = line.trim();
                    line.strip_prefix("- ")
                        .or_else(|| line.strip_prefix('-'))
                        .unwrap_or(line)
                        .trim()
                        .to_string()
                })
                .collect(),
            Cell::List(values) => values,
        };
        let mut out: Vec<String> = Vec::new();
        for value in values {
            let value = cell_value(&value);
            if !value.is_empty() && !out.contains(&value) {
                out.push(value);
            }
        }
        out
    }
}

/// Reads one export, chosen by its extension. Rows that do not concern `country` (when
/// given) are left out.
pub fn read(path: &Path, country: Option<&str>, problems: &mut Problems) -> Result<Vec<Record>> {
    let file = file_label(path);
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_lowercase();
    let rows = match extension.as_str() {
        "xlsx" | "xlsm" | "xlsb" | "xls" | "ods" => read_workbook(path, &file, problems)?,
        "csv" | "txt" => {
            let bytes = std::fs::read(path).with_context(|| format!("cannot read {file}"))?;
            let mut diagnostics = Diagnostics::default();
            let table = parse_csv(&file, &bytes, &mut diagnostics);
            problems.add_csv_problems(diagnostics);
            let rows = table.rows.into_iter().map(|r| (r.line, r.cells));
            read_sheet(&file, &table.header, 1, 0, rows, problems)
        }
        "json" => read_json(path, &file, problems)?,
        _ => {
            problems.fatal.error_with_help(
                &file,
                0,
                0,
                "unknown kind of UHRI export",
                "give the .xlsx, .csv or .json file exported from the Universal Human Rights Index",
            );
            Vec::new()
        }
    };
    let mut records = Vec::with_capacity(rows.len());
    for row in rows {
        if let Some(country) = country {
            let wanted = country.trim();
            if !row.countries.iter().any(|c| c.eq_ignore_ascii_case(wanted)) {
                problems.filtered += 1;
                continue;
            }
        }
        if let Some(record) = to_record(&file, row, problems) {
            records.push(record);
        }
    }
    Ok(records)
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
                let fields: Vec<Option<Field>> = cells.iter().map(|c| field_of(c)).collect();
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
    let fields: Vec<Option<Field>> = header.iter().map(|h| field_of(h)).collect();
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

fn read_json(path: &Path, file: &str, problems: &mut Problems) -> Result<Vec<UhriRow>> {
    let reader =
        BufReader::new(std::fs::File::open(path).with_context(|| format!("cannot read {file}"))?);
    let mut deserializer = serde_json::Deserializer::from_reader(reader);
    let mut collected = Collected::default();
    let result = Records(&mut collected)
        .deserialize(&mut deserializer)
        .and_then(|()| deserializer.end());
    if let Err(error) = result {
        problems.fatal.error_with_help(
            file,
            error.line() as u64,
            error.column() as u64,
            format!("this is not readable JSON: {error}"),
            "give the JSON file as exported from the Universal Human Rights Index",
        );
        return Ok(Vec::new());
    }
    for number in collected.not_objects {
        problems.row(file, number, 0, format!("record {number} is not an object"));
    }
    Ok(collected.rows)
}

#[derive(Default)]
struct Collected {
    rows: Vec<UhriRow>,
    not_objects: Vec<u64>,
    count: u64,
}

impl Collected {
    fn push(&mut self, value: Value) {
        self.count += 1;
        let Value::Object(object) = value else {
            self.not_objects.push(self.count);
            return;
        };
        self.rows.push(json_row(self.count, object));
    }
}

/// The list of records: the top-level array, or the first array inside a top-level object.
struct Records<'a>(&'a mut Collected);

impl<'de> DeserializeSeed<'de> for Records<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Records<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a list of UHRI records")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while let Some(value) = seq.next_element::<Value>()? {
            self.0.push(value);
        }
        Ok(())
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let mut found = false;
        while map.next_key::<String>()?.is_some() {
            if found {
                map.next_value::<IgnoredAny>()?;
            } else {
                found = map.next_value_seed(MaybeRecords(self.0))?;
            }
        }
        Ok(())
    }
}

/// A value inside the top-level object: records when it is an array, else ignored.
struct MaybeRecords<'a>(&'a mut Collected);

impl<'de> DeserializeSeed<'de> for MaybeRecords<'_> {
    type Value = bool;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<bool, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for MaybeRecords<'_> {
    type Value = bool;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<bool, A::Error> {
        Records(self.0).visit_seq(seq)?;
        Ok(true)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<bool, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(false)
    }

    fn visit_str<E>(self, _: &str) -> Result<bool, E> {
        Ok(false)
    }
    fn visit_string<E>(self, _: String) -> Result<bool, E> {
        Ok(false)
    }
    fn visit_bool<E>(self, _: bool) -> Result<bool, E> {
        Ok(false)
    }
    fn visit_i64<E>(self, _: i64) -> Result<bool, E> {
        Ok(false)
    }
    fn visit_u64<E>(self, _: u64) -> Result<bool, E> {
        Ok(false)
    }
    fn visit_f64<E>(self, _: f64) -> Result<bool, E> {
        Ok(false)
    }
    fn visit_unit<E>(self) -> Result<bool, E> {
        Ok(false)
    }
}

fn json_row(number: u64, object: Map<String, Value>) -> UhriRow {
    let mut row = UhriRow {
        line: number,
        ..UhriRow::default()
    };
    for (key, value) in object {
        if let Some(field) = field_of(&key) {
            row.set(field, json_cell(value));
        }
    }
    row
}

fn json_cell(value: Value) -> Cell {
    match value {
        Value::Array(items) => Cell::List(items.into_iter().filter_map(json_text).collect()),
        other => Cell::Text(json_text(other).unwrap_or_default()),
    }
}

/// A JSON value as text; objects give their name-like field.
fn json_text(value: Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s),
        Value::Number(n) => Some(match n.as_f64() {
            Some(f) if n.is_f64() => number_text(f),
            _ => n.to_string(),
        }),
        Value::Bool(b) => Some(b.to_string()),
        Value::Array(items) => items.into_iter().find_map(json_text),
        Value::Object(mut object) => ["Name", "name", "Title", "title", "Text", "text", "Value"]
            .iter()
            .find_map(|k| object.remove(*k))
            .and_then(json_text),
        Value::Null => None,
    }
}

fn to_record(file: &str, row: UhriRow, problems: &mut Problems) -> Option<Record> {
    let line = row.line;
    let mut ok = true;
    let mut bad = |message: String| {
        problems.row(file, line, 0, message);
        ok = false;
    };
    let (paragraph, text) = split_paragraph(&row.text);
    if text.is_empty() {
        bad("the text is empty".into());
    }
    if row.annotation_id.is_empty() {
        bad("the OHCHR annotation id is empty".into());
    }
    let mechanism = if row.body.is_empty() {
        bad("the recommending body is empty".into());
        None
    } else {
        let mechanism = mechanism_for_body(&row.body);
        if mechanism.is_none() {
            bad(format!(
                "the recommending body `{}` cannot become a mechanism id",
                row.body
            ));
        }
        mechanism
    };
    let document_id = if row.symbol.is_empty() {
        bad("the document symbol is empty".into());
        None
    } else {
        let id = sanitise_id(&row.symbol);
        if id.is_none() {
            bad(format!(
                "the document symbol `{}` cannot become a document id",
                row.symbol
            ));
        }
        id
    };
    let date = match parse_date_value(&row.date) {
        Ok(date) => date,
        Err(()) => {
            bad(format!(
                "`{}` is not a date (expected an Excel date or YYYY-MM-DD)",
                row.date
            ));
            None
        }
    };
    let response = if row.upr_position.is_empty() {
        None
    } else {
        let response = map_response(&row.upr_position);
        if response.is_none() {
            bad(format!(
                "`{}` is not a UPR position (expected Supported or Noted)",
                row.upr_position
            ));
        }
        response
    };
    let session = parse_session(&row.upr_session);
    if !row.upr_session.is_empty() && session.is_none() {
        bad(format!("`{}` is not a UPR session number", row.upr_session));
    }
    let (Some(mechanism), Some(document_id)) = (mechanism, document_id) else {
        return None;
    };
    if !ok {
        return None;
    }
    let cycle = parse_session(&row.upr_cycle).or_else(|| session.and_then(upr_cycle));
    let annotation = sanitise_id(&row.annotation_id)
        .unwrap_or_else(|| super::short_hash(&row.annotation_id, 16));
    let mut id_candidates = Vec::new();
    if let Some(paragraph) = &paragraph {
        if let Some(id) = sanitise_id(&format!("{document_id}-para.{paragraph}")) {
            id_candidates.push(id);
        }
    }
    if let Some(id) = sanitise_id(&format!("UHRI-{annotation}")) {
        id_candidates.push(id);
    }
    let sdg_targets = row.sdgs.iter().filter_map(|s| parse_sdg(s)).collect();
    Some(Record {
        file: file.to_string(),
        line,
        source_id: format!("uhri:{}", row.annotation_id),
        id_candidates,
        mechanism,
        document: DocumentRef {
            id: document_id,
            symbol: row.symbol.clone(),
            date,
            cycle,
            session: session.map(|s| s.to_string()),
            title: None,
            by_session: false,
        },
        paragraph,
        text: text.to_string(),
        response,
        recommending_states: row.upr_states,
        themes: row.themes,
        groups: row.persons,
        sdg_targets,
    })
}

/// Splits the paragraph number off the start of a text: `137.197 Improve ...` gives
/// `137.197`, `4.The Committee ...` gives `4`.
pub fn split_paragraph(text: &str) -> (Option<String>, &str) {
    let text = text.trim();
    let bytes = text.as_bytes();
    let mut end = 0;
    while end < bytes.len()
        && (bytes[end].is_ascii_digit()
            || (bytes[end] == b'.'
                && end > 0
                && bytes.get(end + 1).is_some_and(u8::is_ascii_digit)))
    {
        end += 1;
    }
    if end == 0 {
        return (None, text);
    }
    let rest = &text[end..];
    let rest = rest.strip_prefix('.').unwrap_or(rest);
    // A number glued to a word that is not a sentence ("2030Agenda") is not a paragraph.
    if rest.starts_with(|c: char| c.is_alphanumeric()) && !text[end..].starts_with('.') {
        return (None, text);
    }
    (Some(text[..end].to_string()), rest.trim_start())
}

/// A date cell: an Excel date serial, `YYYY-MM-DD` (optionally followed by a time), or
/// `/Date(milliseconds)/`. Empty is `Ok(None)`.
fn parse_date_value(raw: &str) -> Result<Option<NaiveDate>, ()> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Ok(None);
    }
    if let Some(ms) = raw
        .strip_prefix("/Date(")
        .and_then(|r| r.strip_suffix(")/"))
    {
        let ms: i64 = ms
            .split(['+', '-'])
            .next()
            .unwrap_or("")
            .parse()
            .map_err(|_| ())?;
        return chrono::DateTime::from_timestamp_millis(ms)
            .map(|t| Some(t.date_naive()))
            .ok_or(());
    }
    if raw.len() >= 10 && raw.is_char_boundary(10) {
        if let Some(date) = parse_date(&raw[..10]) {
            return Ok(Some(date));
        }
    }
    let serial: f64 = raw.parse().map_err(|_| ())?;
    if !(1.0..2_958_466.0).contains(&serial) {
        return Err(());
    }
    let epoch = NaiveDate::from_ymd_opt(1899, 12, 30).expect("valid date");
    epoch
        .checked_add_days(chrono::Days::new(serial.floor() as u64))
        .map(Some)
        .ok_or(())
}

/// `16.2 - Protect children ...` as an SDG target; goal-level values give `None`.
fn parse_sdg(raw: &str) -> Option<SdgRef> {
    let raw = raw.trim();
    let raw = ["Target ", "target ", "SDG ", "sdg "]
        .iter()
        .find_map(|p| raw.strip_prefix(p))
        .unwrap_or(raw);
    let code: String = raw
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == '.' || c.is_ascii_lowercase())
        .collect();
    let code = code.trim_end_matches('.');
    let (goal, target) = code.split_once('.')?;
    let number: u32 = goal.parse().ok()?;
    if !(1..=17).contains(&number) || target.is_empty() || target.contains('.') {
        return None;
    }
    let text = raw[code.len()..]
        .trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '-' | '–' | ':' | '.'))
        .trim();
    Some(SdgRef {
        target: format!("{number}.{target}"),
        goal: number.to_string(),
        text: (!text.is_empty()).then(|| text.to_string()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraph_numbers_are_split_off_the_text() {
        assert_eq!(
            split_paragraph("137.197 Improve the prisons"),
            (Some("137.197".into()), "Improve the prisons")
        );
        assert_eq!(
            split_paragraph("4.The Committee recommends"),
            (Some("4".into()), "The Committee recommends")
        );
        assert_eq!(
            split_paragraph("12. (a) Adopt"),
            (Some("12".into()), "(a) Adopt")
        );
        assert_eq!(split_paragraph("Adopt a law"), (None, "Adopt a law"));
    }

    #[test]
    fn dates_come_as_excel_serials_iso_or_json_dates() {
        let day = NaiveDate::from_ymd_opt(2023, 2, 28);
        assert_eq!(parse_date_value("44985"), Ok(day));
        assert_eq!(parse_date_value("44985.0"), Ok(day));
        assert_eq!(parse_date_value("2023-02-28"), Ok(day));
        assert_eq!(parse_date_value("2023-02-28T00:00:00"), Ok(day));
        assert_eq!(parse_date_value("/Date(1677542400000)/"), Ok(day));
        assert_eq!(parse_date_value(""), Ok(None));
        assert_eq!(parse_date_value("last year"), Err(()));
    }

    #[test]
    fn sdg_values_name_targets() {
        assert_eq!(
            parse_sdg("16.2 - Protect children from abuse"),
            Some(SdgRef {
                target: "16.2".into(),
                goal: "16".into(),
                text: Some("Protect children from abuse".into())
            })
        );
        assert_eq!(
            parse_sdg("5.a - Reforms").map(|t| t.target),
            Some("5.a".into())
        );
        assert_eq!(parse_sdg("16 - Peace"), None);
    }

    #[test]
    fn multi_value_cells_hold_dash_lines() {
        assert_eq!(
            Cell::Text("- Women\n- Girls\n- Women".into()).list(),
            vec!["Women".to_string(), "Girls".to_string()]
        );
        assert_eq!(Cell::Text("Children".into()).list(), vec!["Children"]);
    }
}
