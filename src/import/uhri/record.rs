//! One UHRI annotation to a [`Record`]: its mechanism, document, date, response, texts and SDGs.

use anyhow::Result;

use chrono::NaiveDate;

use crate::import::known::upr_cycle;
use crate::import::merge::mechanism_for_body;
use crate::import::upr_info::{map_response, parse_session};
use crate::import::{DocumentRef, MechanismRef, Problems, Record, SdgRef, sanitise_id};
use crate::model::parse_date;

use super::row::UhriRow;

pub(super) fn to_record(
    file: &str,
    row: UhriRow,
    lang: &str,
    problems: &mut Problems,
) -> Option<Record> {
    let line = row.line;
    if row.texts.is_empty() {
        let found = row.keys.as_deref().unwrap_or_default().join(", ");
        problems.row(
            file,
            line,
            0,
            format!(
                "record {line} has no text: its keys are {found}; expected `Text` (in the --lang language), a `Text` object by language, or language-code keys ({})",
                super::json::TEXT_LANGUAGES.join(", ")
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
        sanitise_id(annotation_id).unwrap_or_else(|| crate::import::short_hash(annotation_id, 16));
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
        let cleaned = crate::import::clean::recommendation(text);
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
}
