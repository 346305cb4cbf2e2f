//! The UPR matrix: the thematic list of recommendations OHCHR publishes for a State after
//! each review, in Word (`.docx`) or as a spreadsheet (`.xlsx`). One table, one row per
//! recommendation under `Theme: …` heading rows; the header row says which cycle's layout
//! it is (see [`layout`]).

mod docx;
mod layout;
mod member_states;

use std::path::Path;

use anyhow::{Context, Result};
use chrono::NaiveDate;

use super::{AssessmentRef, DocumentRef, MechanismRef, Problems, Record, file_label, sanitise_id};
use crate::import::upr_info::map_response;
use layout::{Layout, MatrixRow};

/// What the matrix does not say about its review, given on the command line.
#[derive(Debug, Clone, Default)]
pub struct MatrixOptions {
    /// The Working Group report's symbol (default: from the `Source of Position` lines).
    pub symbol: Option<String>,
    /// The date of the report (needed when the document is new to the portal).
    pub date: Option<NaiveDate>,
    /// The Working Group session.
    pub session: Option<u32>,
    /// The UPR cycle (default: 4 for the 4th-cycle layout, 2 when themes have codes, else 3).
    pub cycle: Option<u32>,
    /// The date and status of the government status updates the assessment column becomes.
    pub assessment_date: Option<NaiveDate>,
    pub assessment_status: Option<String>,
}

/// A matrix row with where it was.
struct Located {
    line: u64,
    cluster: Option<String>,
    row: MatrixRow,
}

/// Reads one matrix into records, in paragraph order.
pub fn read(
    path: &Path,
    lang: &str,
    options: &MatrixOptions,
    problems: &mut Problems,
) -> Result<Vec<Record>> {
    let file = file_label(path);
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_lowercase();
    let table = match extension.as_str() {
        "docx" => docx::table_rows(path, &file)?,
        "xlsx" | "xlsm" | "xls" | "ods" => workbook_rows(path, &file)?,
        _ => {
            problems.fatal.error_with_help(
                &file,
                0,
                0,
                "unknown kind of UPR matrix",
                "give the matrix as published (.docx), or saved as a spreadsheet (.xlsx)",
            );
            return Ok(Vec::new());
        }
    };
    let Some((layout, rows)) = rows_of(&file, table, problems) else {
        return Ok(Vec::new());
    };
    let theme_codes = rows.iter().any(|r| r.row.theme_codes);
    let cycle = options.cycle.unwrap_or(match layout {
        Layout::Fourth => 4,
        Layout::Earlier if theme_codes => 2,
        Layout::Earlier => 3,
    });
    let Some(document) = document(&file, &rows, cycle, options, problems) else {
        return Ok(Vec::new());
    };
    let assessments = rows.iter().filter(|r| r.row.assessment.is_some()).count();
    let assessed = match (&options.assessment_date, &options.assessment_status) {
        (Some(date), Some(status)) => Some((*date, status.clone())),
        _ if assessments == 0 => None,
        _ => {
            problems.fatal.error_with_help(
                &file,
                0,
                0,
                format!("{assessments} rows have an assessment of implementation; it becomes a government status update, which needs a date and a status"),
                "give --assessment-date YYYY-MM-DD and --assessment-status ID (a status of config.toml)",
            );
            return Ok(Vec::new());
        }
    };
    let mut records = Vec::new();
    for located in rows {
        if let Some(record) = to_record(&file, located, &document, lang, cycle, &assessed, problems)
        {
            records.push(record);
        }
    }
    records.sort_by_key(|r| paragraph_key(r.paragraph.as_deref()));
    Ok(records)
}

/// `118.9` sorts before `118.10`.
fn paragraph_key(paragraph: Option<&str>) -> Vec<u64> {
    paragraph
        .unwrap_or("")
        .split('.')
        .map(|p| p.parse().unwrap_or(u64::MAX))
        .collect()
}

fn workbook_rows(path: &Path, file: &str) -> Result<Vec<Vec<String>>> {
    use calamine::Reader;
    let mut workbook = calamine::open_workbook_auto(path)
        .with_context(|| format!("cannot open the spreadsheet {file}"))?;
    let range = workbook
        .worksheet_range_at(0)
        .with_context(|| format!("{file} has no worksheet"))?
        .with_context(|| format!("cannot read the first worksheet of {file}"))?;
    Ok(range
        .rows()
        .map(|cells| cells.iter().map(|c| c.to_string()).collect())
        .collect())
}

/// The layout and the recommendation rows after the header, each with its cluster; `None`
/// (with a problem) when no row is a matrix header.
fn rows_of(
    file: &str,
    table: Vec<Vec<String>>,
    problems: &mut Problems,
) -> Option<(Layout, Vec<Located>)> {
    let Some((start, layout)) = table
        .iter()
        .enumerate()
        .find_map(|(i, cells)| layout::detect(cells).map(|l| (i, l)))
    else {
        problems.fatal.error_with_help(
            file,
            1,
            0,
            "no header row of a UPR matrix (Recommendation | Position | ... themes ...)",
            "give the thematic list of recommendations as OHCHR publishes it; the header is `Recommendation and recommending State | Position of the State under review | Human rights themes and groups of persons | Relevant SDGs` (4th cycle) or `Recommendation | Position | Full list of themes | Assessment/comments on level of implementation`",
        );
        return None;
    };
    let mut cluster = None;
    let mut rows = Vec::new();
    for (index, cells) in table.into_iter().enumerate().skip(start + 1) {
        if cells.iter().all(|c| c.trim().is_empty()) || layout::detect(&cells).is_some() {
            continue;
        }
        if let Some(name) = layout::theme_heading(&cells) {
            cluster = Some(name);
            continue;
        }
        rows.push(Located {
            line: index as u64 + 1,
            cluster: cluster.clone(),
            row: layout::read_row(layout, &cells),
        });
    }
    Some((layout, rows))
}

/// The review's document: the Working Group report named by `--symbol` or by the `Source of
/// Position` lines (`A/HRC/52/8/Add.1 - Para.3` is about report `A/HRC/52/8`).
fn document(
    file: &str,
    rows: &[Located],
    cycle: u32,
    options: &MatrixOptions,
    problems: &mut Problems,
) -> Option<DocumentRef> {
    let from_rows = rows.iter().find_map(|r| {
        let source = r.row.position_source.as_deref()?;
        let symbol = source.split([' ', '-']).next()?.trim();
        let report = match symbol.rfind("/Add.") {
            Some(at) => &symbol[..at],
            None => symbol,
        };
        (!report.is_empty()).then(|| report.to_string())
    });
    let Some(symbol) = options.symbol.clone().or(from_rows) else {
        problems.fatal.error_with_help(
            file,
            0,
            0,
            "the matrix does not say which Working Group report it follows (no `Source of Position` line)",
            "give the report's symbol with --symbol, such as --symbol A/HRC/52/8",
        );
        return None;
    };
    let Some(id) = sanitise_id(&symbol) else {
        problems.fatal.error(
            file,
            0,
            0,
            format!("`{symbol}` cannot become a document id"),
        );
        return None;
    };
    Some(DocumentRef {
        id,
        title: Some(format!(
            "Report of the Working Group on the Universal Periodic Review ({symbol})"
        )),
        symbol,
        date: options.date,
        cycle: Some(cycle),
        session: options.session.map(|s| s.to_string()),
        by_session: false,
    })
}

fn to_record(
    file: &str,
    located: Located,
    document: &DocumentRef,
    lang: &str,
    cycle: u32,
    assessed: &Option<(NaiveDate, String)>,
    problems: &mut Problems,
) -> Option<Record> {
    let Located { line, cluster, row } = located;
    let (paragraph, response) = paragraph_and_response(file, line, &row, problems)?;
    let id_candidates = [
        format!("UPR{cycle}-{paragraph}"),
        format!("{}-para.{paragraph}", document.id),
    ]
    .iter()
    .filter_map(|id| sanitise_id(id))
    .collect();
    let assessment = match (&row.assessment, assessed) {
        (Some(narrative), Some((date, status))) => Some(AssessmentRef {
            date: *date,
            status: status.clone(),
            narrative: narrative.clone(),
        }),
        _ => None,
    };
    Some(Record {
        file: file.to_string(),
        line,
        source_id: format!("upr-matrix:{}:{paragraph}", document.symbol),
        id_candidates,
        mechanism: upr_mechanism(),
        document: document.clone(),
        paragraph: Some(paragraph),
        texts: vec![(lang.to_string(), row.text)],
        response: Some(response),
        recommending_states: recommending_states(file, line, row.states, problems),
        themes: row.themes,
        groups: row.groups,
        sdg_targets: row.targets,
        sdg_goals: row.goals,
        position_source: row.position_source,
        cluster,
        assessment,
        origin: Default::default(),
    })
}

/// The row's paragraph number and response, or `None` with each problem reported: an empty
/// text, a text that does not start with its paragraph number, a position that is not one.
fn paragraph_and_response(
    file: &str,
    line: u64,
    row: &MatrixRow,
    problems: &mut Problems,
) -> Option<(String, &'static str)> {
    let mut ok = true;
    if row.text.is_empty() {
        problems.row(file, line, 1, "the recommendation's text is empty");
        ok = false;
    }
    if row.paragraph.is_none() && ok {
        problems.row(
            file,
            line,
            1,
            format!(
                "the recommendation does not start with its paragraph number (such as `118.1`): `{}`",
                row.text.chars().take(60).collect::<String>()
            ),
        );
        ok = false;
    }
    let response = map_response(&row.position);
    if response.is_none() {
        problems.row(
            file,
            line,
            2,
            format!(
                "`{}` is not a position (expected Supported or Noted, or nothing)",
                row.position
            ),
        );
        ok = false;
    }
    let paragraph = row.paragraph.clone().filter(|_| ok)?;
    Some((paragraph, response?))
}

fn upr_mechanism() -> MechanismRef {
    MechanismRef {
        id: "UPR".into(),
        kind: "upr",
        acronym: Some("UPR".into()),
        name: "Universal Periodic Review".into(),
        url: Some("https://www.ohchr.org/en/hr-bodies/upr/upr-main".into()),
    }
}

/// Each recommending State under its name in the States table; an unknown name is kept as
/// written, with a note naming the closest State (the portal's `data/states.csv` may know it;
/// if not, validating the merged portal stops the import at that cell).
fn recommending_states(
    file: &str,
    line: u64,
    states: Vec<String>,
    problems: &mut Problems,
) -> Vec<String> {
    states
        .into_iter()
        .map(|name| match member_states::match_state(&name) {
            member_states::Match::Known(state) => state.to_string(),
            member_states::Match::Unknown(close) => {
                let hint = close.map_or(String::new(), |c| format!("; did you mean `{c}`?"));
                problems.notes.push(format!(
                    "{file}:{line}: `{name}` is not a State of the built-in States table{hint} (kept as written)"
                ));
                name
            }
        })
        .collect()
}
