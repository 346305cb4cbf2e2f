//! UPR Info database exports: `;`-separated, UTF-8 with BOM, CRLF, header
//! `SuR;Rgrp;Org;Recommendation;RS;Rgrp;Org;Response;Action;Issue;Session`.
//!
//! One row is one recommendation made by one State (`RS`) to the State under review (`SuR`)
//! in one UPR Working Group session. `Rgrp` and `Org` (regional group and organisations,
//! once for each State) and `Action` (UPR Info's 1-5 category of the action asked for) are
//! not imported.

use std::path::Path;

use anyhow::{Context, Result};

use super::known::{upr_cycle, upr_session_date};
use super::{
    DocumentRef, MechanismRef, Problems, Record, cell_value, file_label, normalise, short_hash,
};
use crate::diagnostics::Diagnostics;
use crate::load::parse_csv;

/// Columns the importer reads (names compared case-insensitively; the first of a repeated
/// name is the State under review's).
const COLUMNS: [&str; 6] = [
    "SuR",
    "Recommendation",
    "RS",
    "Response",
    "Issue",
    "Session",
];

/// Reads one export. Rows about another State under review than `state` are left out.
pub fn read(path: &Path, state: Option<&str>, problems: &mut Problems) -> Result<Vec<Record>> {
    let file = file_label(path);
    let bytes = std::fs::read(path).with_context(|| format!("cannot read {file}"))?;
    let mut diagnostics = Diagnostics::default();
    let table = parse_csv(&file, &bytes, &mut diagnostics);
    drop(bytes);
    problems.add_csv_problems(diagnostics);
    let mut columns = [0usize; 6];
    let mut missing = Vec::new();
    for (slot, name) in columns.iter_mut().zip(COLUMNS) {
        match table
            .header
            .iter()
            .position(|h| h.eq_ignore_ascii_case(name))
        {
            Some(index) => *slot = index,
            None => missing.push(name),
        }
    }
    if !missing.is_empty() {
        if !table.header.is_empty() {
            problems.fatal.error_with_help(
                &file,
                1,
                0,
                format!(
                    "this is not a UPR Info export: no column {}",
                    missing
                        .iter()
                        .map(|m| format!("`{m}`"))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
                "export the recommendations from the UPR Info database; the header is SuR;Rgrp;Org;Recommendation;RS;Rgrp;Org;Response;Action;Issue;Session",
            );
        }
        return Ok(Vec::new());
    }
    let [sur, text, rs, response, issue, session] = columns;
    let mut states: Vec<&str> = Vec::new();
    for row in &table.rows {
        let name = row.cells[sur].as_str();
        if !name.is_empty() && !states.iter().any(|s| s.eq_ignore_ascii_case(name)) {
            states.push(name);
        }
    }
    let wanted = match state {
        Some(wanted) => {
            if !states.iter().any(|s| s.eq_ignore_ascii_case(wanted.trim())) {
                problems.fatal.error_with_help(
                    &file,
                    0,
                    0,
                    format!("no row has `{wanted}` as State under review"),
                    format!("this export covers: {}", states.join(", ")),
                );
                return Ok(Vec::new());
            }
            Some(wanted.trim())
        }
        None if states.len() > 1 => {
            problems.fatal.error_with_help(
                &file,
                0,
                0,
                format!("this export covers {} States under review", states.len()),
                format!(
                    "choose the portal's State with --state (one of: {})",
                    states.join(", ")
                ),
            );
            return Ok(Vec::new());
        }
        None => None,
    };
    let mut records = Vec::with_capacity(table.rows.len());
    for row in &table.rows {
        let cells = &row.cells;
        let column = |index: usize| index as u64 + 1;
        let state_name = cells[sur].as_str();
        if let Some(wanted) = wanted {
            if !state_name.eq_ignore_ascii_case(wanted) {
                problems.filtered += 1;
                continue;
            }
        }
        let mut ok = true;
        if state_name.is_empty() {
            problems.row(
                &file,
                row.line,
                column(sur),
                "the State under review (`SuR`) is empty",
            );
            ok = false;
        }
        let recommendation = super::clean::text(&cells[text]);
        let recommendation = recommendation.as_str();
        if recommendation.is_empty() {
            problems.row(
                &file,
                row.line,
                column(text),
                "the recommendation text is empty",
            );
            ok = false;
        }
        let response_id = match map_response(&cells[response]) {
            Some(id) => id,
            None => {
                problems.row(
                    &file,
                    row.line,
                    column(response),
                    format!(
                        "`{}` is not a UPR response (expected Supported, Noted, Supported/Noted or Pending)",
                        cells[response]
                    ),
                );
                ok = false;
                ""
            }
        };
        let session_number = parse_session(&cells[session]);
        let dated = session_number.and_then(|s| Some((s, upr_cycle(s)?, upr_session_date(s)?)));
        if dated.is_none() {
            problems.row(
                &file,
                row.line,
                column(session),
                format!(
                    "`{}` is not a UPR session (a number from 1 to 54)",
                    cells[session]
                ),
            );
        }
        let Some((session_number, cycle, date)) = dated.filter(|_| ok) else {
            continue;
        };
        let recommending_state = cell_value(&cells[rs]);
        let key = format!(
            "{}\n{}\n{}",
            normalise(state_name),
            normalise(recommendation),
            normalise(&recommending_state)
        );
        let id = format!("UPR{cycle}-S{session_number}-{}", short_hash(&key, 12));
        let themes: Vec<String> = cells[issue]
            .split(',')
            .map(cell_value)
            .filter(|t| !t.is_empty())
            .fold(Vec::new(), |mut all, t| {
                if !all.contains(&t) {
                    all.push(t);
                }
                all
            });
        records.push(Record {
            file: file.clone(),
            line: row.line,
            source_id: format!("upr-info:{id}"),
            id_candidates: vec![id],
            mechanism: MechanismRef {
                id: "UPR".into(),
                kind: "upr",
                acronym: Some("UPR".into()),
                name: "Universal Periodic Review".into(),
                url: Some("https://www.ohchr.org/en/hr-bodies/upr/upr-main".into()),
            },
            document: DocumentRef {
                id: format!("UPR-S{session_number}"),
                symbol: format!("UPR session {session_number}"),
                date: Some(date),
                cycle: Some(cycle),
                session: Some(session_number.to_string()),
                title: Some(format!(
                    "Universal Periodic Review of {state_name}, session {session_number} (cycle {cycle})"
                )),
                by_session: true,
            },
            paragraph: None,
            texts: vec![("en".into(), recommendation.to_string())],
            response: (!response_id.is_empty()).then_some(response_id),
            recommending_states: if recommending_state.is_empty() {
                Vec::new()
            } else {
                vec![recommending_state]
            },
            themes,
            groups: Vec::new(),
            sdg_targets: Vec::new(),
            sdg_goals: Vec::new(),
            position_source: None,
            cluster: None,
            assessment: None,
        });
    }
    Ok(records)
}

/// The portal's response id for a UPR response as UPR Info or UHRI write it; `""` for an
/// empty cell (no response recorded), `None` when unknown.
pub fn map_response(raw: &str) -> Option<&'static str> {
    let lower = raw.trim().to_lowercase();
    let compact: String = lower
        .chars()
        .filter(|c| c.is_alphanumeric() || *c == '/')
        .collect();
    Some(match compact.as_str() {
        "" | "pending" | "noresponse" | "responsepending" | "none" => "pending",
        "supported" | "accepted" | "accept" | "support" | "acceptedsupported" => "supported",
        "noted" | "rejected" | "reject" | "note" | "notsupported" | "notaccepted" => "noted",
        "supported/noted" | "supportednoted" | "partiallysupported" | "partiallyaccepted"
        | "supportedinpart" | "acceptedinpart" | "partlysupported" => "supported-in-part",
        _ => return None,
    })
}

/// `24`, `24.0`, `Session 24` or `UPR 24` as a session number.
pub fn parse_session(raw: &str) -> Option<u32> {
    let trimmed = raw.trim();
    let trimmed = trimmed.strip_suffix(".0").unwrap_or(trimmed);
    let digits: String = trimmed
        .chars()
        .skip_while(|c| !c.is_ascii_digit())
        .take_while(char::is_ascii_digit)
        .collect();
    let rest_ok = trimmed
        .chars()
        .skip_while(|c| !c.is_ascii_digit())
        .skip_while(char::is_ascii_digit)
        .all(char::is_whitespace);
    if digits.is_empty() || !rest_ok {
        return None;
    }
    digits.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn responses_map_to_the_portal_scale() {
        assert_eq!(map_response("Supported"), Some("supported"));
        assert_eq!(map_response(" noted "), Some("noted"));
        assert_eq!(map_response("Supported/Noted"), Some("supported-in-part"));
        assert_eq!(map_response(""), Some("pending"));
        assert_eq!(map_response("maybe"), None);
    }

    #[test]
    fn sessions_are_read_from_common_spellings() {
        assert_eq!(parse_session("24"), Some(24));
        assert_eq!(parse_session("24.0"), Some(24));
        assert_eq!(parse_session("Session 10"), Some(10));
        assert_eq!(parse_session("10th"), None);
        assert_eq!(parse_session(""), None);
    }
}
