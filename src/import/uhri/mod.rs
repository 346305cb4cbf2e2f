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
use chrono::NaiveDate;

mod countries;
mod json;
mod labels;

pub(crate) use countries::Countries;
pub use labels::IdValues;

use super::known::upr_cycle;
use super::merge::mechanism_for_body;
use super::upr_info::{map_response, parse_session};
use super::{
    DocumentRef, MechanismRef, Problems, Record, SdgRef, cell_value, file_label, sanitise_id,
};
use crate::diagnostics::Diagnostics;
use crate::load::parse_csv;
use crate::model::parse_date;
use crate::model::states::fold;

/// One UHRI annotation, whatever file it came from.
#[derive(Debug, Default, Clone)]
struct UhriRow {
    line: u64,
    /// The texts as (language, text); `None` is the `--lang` language.
    texts: Vec<(Option<String>, String)>,
    /// The keys of a JSON record, for the error when none holds a text.
    keys: Option<Vec<String>>,
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

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
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

/// The field a spreadsheet column or JSON key holds, and whether it gives ids rather than
/// names (`themesIds`, `bodyId`). Letters and digits are compared in lower case (so
/// `AnnotationId` and `annotationId` are one key); the export's "Reccomending" misspelling
/// is accepted.
fn field_of(name: &str) -> Option<(Field, bool)> {
    let key: String = name
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect::<String>()
        .to_lowercase()
        .replace("reccomend", "recommend");
    if let Some(field) = named_field(&key) {
        return Some((field, false));
    }
    let base = key.strip_suffix("ids").or_else(|| key.strip_suffix("id"))?;
    named_field(base)
        .or_else(|| named_field(&format!("{base}s")))
        .filter(|f| takes_ids(*f))
        .map(|f| (f, true))
}

/// A spreadsheet column's field (spreadsheets give names, not ids).
fn sheet_field(header: &str) -> Option<Field> {
    field_of(header)
        .filter(|(_, ids)| !ids)
        .map(|(field, _)| field)
}

fn named_field(key: &str) -> Option<Field> {
    Some(match key {
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

/// Fields a record may give as ids of UHRI's lists instead of names.
fn takes_ids(field: Field) -> bool {
    matches!(
        field,
        Field::Themes
            | Field::Persons
            | Field::Sdgs
            | Field::Body
            | Field::Countries
            | Field::UprStates
    )
}

impl UhriRow {
    fn is_empty(&self, field: Field) -> bool {
        match field {
            Field::Themes => self.themes.is_empty(),
            Field::Persons => self.persons.is_empty(),
            Field::Sdgs => self.sdgs.is_empty(),
            Field::Body => self.body.is_empty(),
            Field::Countries => self.countries.is_empty(),
            Field::UprStates => self.upr_states.is_empty(),
            _ => true,
        }
    }

    fn set(&mut self, field: Field, value: Cell) {
        match field {
            Field::Text => self.texts.push((None, value.scalar())),
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

fn to_record(file: &str, row: UhriRow, lang: &str, problems: &mut Problems) -> Option<Record> {
    let line = row.line;
    if row.texts.is_empty() {
        let found = row.keys.as_deref().unwrap_or_default().join(", ");
        problems.row(
            file,
            line,
            0,
            format!(
                "record {line} has no text: its keys are {found}; expected `Text` (in the --lang language), a `Text` object by language, or language-code keys ({})",
                json::TEXT_LANGUAGES.join(", ")
            ),
        );
        return None;
    }
    let mut report = RowReport {
        file,
        line,
        problems,
        ok: true,
    };
    let (paragraph, texts) = texts_of(&row.texts, lang);
    if texts.iter().all(|(_, text)| text.is_empty()) {
        report.bad("the text is empty".into());
    }
    if row.annotation_id.is_empty() {
        report.bad("the OHCHR annotation id is empty".into());
    }
    let mechanism = mechanism_of(&row, &mut report);
    let document_id = document_id_of(&row, &mut report);
    let date = date_of(&row, &mut report);
    let response = response_of(&row, &mut report);
    let session = parse_session(&row.upr_session);
    if !row.upr_session.is_empty() && session.is_none() {
        report.bad(format!("`{}` is not a UPR session number", row.upr_session));
    }
    let (Some(mechanism), Some(document_id), true) = (mechanism, document_id, report.ok) else {
        return None;
    };
    let cycle = parse_session(&row.upr_cycle).or_else(|| session.and_then(upr_cycle));
    Some(Record {
        file: file.to_string(),
        line,
        source_id: format!("uhri:{}", row.annotation_id),
        id_candidates: id_candidates(&document_id, paragraph.as_deref(), &row.annotation_id),
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
        texts,
        response,
        recommending_states: row.upr_states,
        themes: row.themes,
        groups: row.persons,
        sdg_targets: row.sdgs.iter().filter_map(|s| parse_sdg(s)).collect(),
        sdg_goals: row.sdgs.iter().filter_map(|s| parse_sdg_goal(s)).collect(),
        position_source: None,
        cluster: None,
        assessment: None,
        origin: Default::default(),
    })
}

/// The problems of one record: each is reported at its line, and any makes it not imported.
struct RowReport<'a> {
    file: &'a str,
    line: u64,
    problems: &'a mut Problems,
    ok: bool,
}

impl RowReport<'_> {
    fn bad(&mut self, message: String) {
        self.problems.row(self.file, self.line, 0, message);
        self.ok = false;
    }
}

fn mechanism_of(row: &UhriRow, report: &mut RowReport) -> Option<MechanismRef> {
    if row.body.is_empty() {
        report.bad("the recommending body is empty".into());
        return None;
    }
    let mechanism = mechanism_for_body(&row.body);
    if mechanism.is_none() {
        report.bad(format!(
            "the recommending body `{}` cannot become a mechanism id",
            row.body
        ));
    }
    mechanism
}

fn document_id_of(row: &UhriRow, report: &mut RowReport) -> Option<String> {
    if row.symbol.is_empty() {
        report.bad("the document symbol is empty".into());
        return None;
    }
    let id = sanitise_id(&row.symbol);
    if id.is_none() {
        report.bad(format!(
            "the document symbol `{}` cannot become a document id",
            row.symbol
        ));
    }
    id
}

fn date_of(row: &UhriRow, report: &mut RowReport) -> Option<NaiveDate> {
    parse_date_value(&row.date).unwrap_or_else(|()| {
        report.bad(format!(
            "`{}` is not a date (expected an Excel date or YYYY-MM-DD)",
            row.date
        ));
        None
    })
}

fn response_of(row: &UhriRow, report: &mut RowReport) -> Option<&'static str> {
    if row.upr_position.is_empty() {
        return None;
    }
    let response = map_response(&row.upr_position);
    if response.is_none() {
        report.bad(format!(
            "`{}` is not a UPR position (expected Supported or Noted)",
            row.upr_position
        ));
    }
    response
}

/// `{document}-para.{paragraph}` when the text has a paragraph number, then
/// `UHRI-{annotation id}`.
fn id_candidates(document_id: &str, paragraph: Option<&str>, annotation_id: &str) -> Vec<String> {
    let annotation =
        sanitise_id(annotation_id).unwrap_or_else(|| super::short_hash(annotation_id, 16));
    let paragraph_id = paragraph.and_then(|p| sanitise_id(&format!("{document_id}-para.{p}")));
    paragraph_id
        .into_iter()
        .chain(sanitise_id(&format!("UHRI-{annotation}")))
        .collect()
}

/// The cleaned texts, the `lang` one first, and the paragraph number the first of them
/// starts with.
fn texts_of(
    raw: &[(Option<String>, String)],
    lang: &str,
) -> (Option<String>, Vec<(String, String)>) {
    let mut paragraph = None;
    let mut texts: Vec<(String, String)> = Vec::new();
    for (text_lang, text) in raw {
        let cleaned = super::clean::recommendation(text);
        let text_lang = text_lang.as_deref().unwrap_or(lang);
        if cleaned.text.is_empty() || texts.iter().any(|(l, _)| l == text_lang) {
            continue;
        }
        paragraph = paragraph.or(cleaned.paragraph);
        texts.push((text_lang.to_string(), cleaned.text));
    }
    if let Some(first) = texts.iter().position(|(l, _)| l == lang) {
        texts[..=first].rotate_right(1);
    }
    (paragraph, texts)
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

/// `16 - Peace, justice ...`, `SDG 16` or `Goal 16` as the number of a goal linked as a
/// whole; targets (`16.2`) give `None`.
pub(crate) fn parse_sdg_goal(raw: &str) -> Option<String> {
    let raw = raw.trim();
    let raw = ["Goal ", "goal ", "SDG ", "sdg ", "SDG"]
        .iter()
        .find_map(|p| raw.strip_prefix(p))
        .unwrap_or(raw)
        .trim_start();
    let digits: String = raw.chars().take_while(char::is_ascii_digit).collect();
    let rest = &raw[digits.len()..];
    if rest.starts_with('.') && rest[1..].starts_with(|c: char| c.is_ascii_alphanumeric()) {
        return None;
    }
    let number: u32 = digits.parse().ok()?;
    (1..=17).contains(&number).then(|| number.to_string())
}

/// `16.2 - Protect children ...` as an SDG target; goal-level values give `None`.
pub(crate) fn parse_sdg(raw: &str) -> Option<SdgRef> {
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
        assert_eq!(parse_sdg_goal("16 - Peace"), Some("16".into()));
        assert_eq!(parse_sdg_goal("SDG 5"), Some("5".into()));
        assert_eq!(parse_sdg_goal("16"), Some("16".into()));
        assert_eq!(parse_sdg_goal("16.2 - Protect children"), None);
        assert_eq!(parse_sdg_goal("18 - Nothing"), None);
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
