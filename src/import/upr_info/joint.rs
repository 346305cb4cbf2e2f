//! Rows of an export turned into recommendations: UPR Info writes a joint recommendation
//! once per recommending State, so rows of one session and State under review whose texts
//! are the same (after cleaning and normalising) become one recommendation with several
//! recommending States.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::export::{Export, ExportRow};
use super::{map_response, parse_session};
use crate::import::known::{upr_cycle, upr_session_date};
use crate::import::states::PortalStates;
use crate::import::{
    DocumentRef, MechanismRef, Origin, Problems, Record, cell_value, normalise, sanitise_id,
    short_hash,
};

/// A row that can be imported.
pub(super) struct Row {
    line: u64,
    /// The State under review as the export spells it, and its id in the States table.
    state: String,
    state_id: Option<String>,
    text: String,
    /// The recommending State as the export spells it, and its id (empty when the cell is).
    recommending_name: String,
    recommending: String,
    response: &'static str,
    themes: Vec<String>,
    session: u32,
    cycle: u32,
    date: NaiveDate,
}

/// The row checked and cleaned; `None` (with row problems) when it cannot be imported.
/// The State under review must be in the States table when the import covers `several`.
pub(super) fn parse(
    export: &Export,
    row: &ExportRow,
    table: &PortalStates,
    several: bool,
    problems: &mut Problems,
) -> Option<Row> {
    let file = &export.file;
    let columns = &export.columns;
    let mut ok = true;
    let state = row.state.trim();
    let state_id = table.id(state).map(str::to_string);
    if state.is_empty() {
        problems.row(
            file,
            row.line,
            columns.state,
            "the State under review (`SuR`) is empty",
        );
        ok = false;
    } else if several && state_id.is_none() {
        let (message, help) = table.unknown(state);
        unknown_state(problems, file, row.line, columns.state, message, help);
        ok = false;
    }
    let recommending_name = cell_value(&row.recommending);
    let recommending = match table.id(&recommending_name) {
        Some(id) => id.to_string(),
        None if recommending_name.is_empty() => String::new(),
        None => {
            let (message, help) = table.unknown(&recommending_name);
            unknown_state(
                problems,
                file,
                row.line,
                columns.recommending,
                message,
                help,
            );
            ok = false;
            String::new()
        }
    };
    let text = crate::import::clean::text(&row.text);
    if text.is_empty() {
        problems.row(
            file,
            row.line,
            columns.text,
            "the recommendation text is empty",
        );
        ok = false;
    }
    let response = map_response(&row.response);
    if response.is_none() {
        problems.row(
            file,
            row.line,
            columns.response,
            format!(
                "`{}` is not a UPR response (expected Supported, Noted, Supported/Noted or Pending)",
                row.response
            ),
        );
    }
    let session = parse_session(&row.session);
    let dated = session.and_then(|s| Some((s, upr_cycle(s)?, upr_session_date(s)?)));
    if dated.is_none() {
        problems.row(
            file,
            row.line,
            columns.session,
            format!(
                "`{}` is not a UPR session (a number from 1 to 54)",
                row.session
            ),
        );
    }
    let (session, cycle, date) = dated.filter(|_| ok)?;
    Some(Row {
        line: row.line,
        state: state.to_string(),
        state_id,
        text,
        recommending_name,
        recommending,
        response: response?,
        themes: themes(&row.issues),
        session,
        cycle,
        date,
    })
}

/// A State the table does not know: a row problem, with the closest name.
fn unknown_state(
    problems: &mut Problems,
    file: &str,
    line: u64,
    column: u64,
    message: String,
    help: String,
) {
    problems.rows.error_with_help(
        file,
        line,
        column,
        message,
        format!("{help}; or pass --skip-invalid to import the other rows"),
    );
}

/// The `Issue` cell's comma-separated issues, each once.
fn themes(issues: &str) -> Vec<String> {
    let mut all: Vec<String> = Vec::new();
    for theme in issues.split(',').map(cell_value) {
        if !theme.is_empty() && !all.contains(&theme) {
            all.push(theme);
        }
    }
    all
}

/// The recommendations of the rows added so far, joint ones merged.
pub(super) struct Joint {
    records: Vec<Record>,
    by_id: HashMap<String, usize>,
    /// Documents are told apart by State (the import covers several).
    several_states: bool,
}

impl Joint {
    pub fn new(several_states: bool) -> Joint {
        Joint {
            records: Vec::new(),
            by_id: HashMap::new(),
            several_states,
        }
    }

    pub fn add(&mut self, file: &str, row: Row) {
        let id = recommendation_id(&row);
        let earlier = earlier_source_id(&row);
        let Some(&index) = self.by_id.get(&id) else {
            self.by_id.insert(id.clone(), self.records.len());
            let record = self.record(file, id, earlier, row);
            self.records.push(record);
            return;
        };
        let record = &mut self.records[index];
        let origin = &mut record.origin;
        if !row.recommending.is_empty() && !record.recommending_states.contains(&row.recommending) {
            record.recommending_states.push(row.recommending);
            origin.joint_rows += 1;
            origin.earlier_source_ids.push(earlier);
        } else {
            origin.repeated_rows += 1;
        }
        for theme in row.themes {
            if !record.themes.contains(&theme) {
                record.themes.push(theme);
            }
        }
    }

    pub fn into_records(self) -> Vec<Record> {
        self.records
    }

    fn record(&self, file: &str, id: String, earlier: String, row: Row) -> Record {
        Record {
            file: file.to_string(),
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
            document: self.document(&row),
            paragraph: None,
            texts: vec![("en".into(), row.text)],
            response: Some(row.response),
            recommending_states: if row.recommending.is_empty() {
                Vec::new()
            } else {
                vec![row.recommending]
            },
            themes: row.themes,
            groups: Vec::new(),
            sdg_targets: Vec::new(),
            sdg_goals: Vec::new(),
            position_source: None,
            cluster: None,
            assessment: None,
            origin: Origin {
                state: Some(row.state),
                state_id: row.state_id,
                joint_rows: 0,
                repeated_rows: 0,
                earlier_source_ids: vec![earlier],
            },
        }
    }

    /// The session's document; in an import about several States, each State's own.
    fn document(&self, row: &Row) -> DocumentRef {
        let (session, state) = (row.session, &row.state);
        let state_id = row.state_id.as_deref().and_then(sanitise_id);
        let (id, symbol) = match state_id.filter(|_| self.several_states) {
            Some(state_id) => (
                format!("UPR-S{session}-{state_id}"),
                format!("UPR session {session}, {state}"),
            ),
            None => (format!("UPR-S{session}"), format!("UPR session {session}")),
        };
        DocumentRef {
            id,
            symbol,
            date: Some(row.date),
            cycle: Some(row.cycle),
            session: Some(session.to_string()),
            title: Some(format!(
                "Universal Periodic Review of {state}, session {session} (cycle {})",
                row.cycle
            )),
            by_session: true,
        }
    }
}

/// `UPR{cycle}-S{session}-{hash}`: the hash of the normalised State under review and text
/// (docs/data.md, "Importing"), the same for every recommending State of a joint
/// recommendation and for a newer export that adds one.
fn recommendation_id(row: &Row) -> String {
    let key = format!("{}\n{}", normalise(&row.state), normalise(&row.text));
    format!("UPR{}-S{}-{}", row.cycle, row.session, short_hash(&key, 12))
}

/// The key importers before joint merging gave the row: the recommending State was part of
/// the hash.
fn earlier_source_id(row: &Row) -> String {
    let key = format!(
        "{}\n{}\n{}",
        normalise(&row.state),
        normalise(&row.text),
        normalise(&row.recommending_name)
    );
    format!(
        "upr-info:UPR{}-S{}-{}",
        row.cycle,
        row.session,
        short_hash(&key, 12)
    )
}
