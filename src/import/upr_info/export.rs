//! One UPR Info export file: its header checked and the cells the importer reads kept.

use std::path::Path;

use anyhow::{Context, Result};

use crate::diagnostics::Diagnostics;
use crate::import::{Problems, file_label};
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

/// The cells of one row the importer reads, in [`COLUMNS`] order.
pub(super) struct ExportRow {
    pub line: u64,
    pub state: String,
    pub text: String,
    pub recommending: String,
    pub response: String,
    pub issues: String,
    pub session: String,
}

/// The 1-based column of each cell, for messages.
pub(super) struct Columns {
    pub state: u64,
    pub text: u64,
    pub recommending: u64,
    pub response: u64,
    pub session: u64,
}

pub(super) struct Export {
    pub file: String,
    pub columns: Columns,
    pub rows: Vec<ExportRow>,
    /// The States under review of its rows as first written, each once (any case).
    pub states: Vec<String>,
}

impl Export {
    /// Reads the export at `path`; a file that is not an export is a fatal problem and gives
    /// an export without rows.
    pub fn open(path: &Path, problems: &mut Problems) -> Result<Export> {
        let file = file_label(path);
        let bytes = std::fs::read(path).with_context(|| format!("cannot read {file}"))?;
        let mut diagnostics = Diagnostics::default();
        let table = parse_csv(&file, &bytes, &mut diagnostics);
        drop(bytes);
        problems.add_csv_problems(diagnostics);
        let Some(index) = column_indexes(&file, &table.header, problems) else {
            return Ok(Export {
                file,
                columns: Columns {
                    state: 0,
                    text: 0,
                    recommending: 0,
                    response: 0,
                    session: 0,
                },
                rows: Vec::new(),
                states: Vec::new(),
            });
        };
        let [sur, text, rs, response, issue, session] = index;
        let mut states: Vec<String> = Vec::new();
        let rows: Vec<ExportRow> = table
            .rows
            .into_iter()
            .map(|row| {
                let mut cells = row.cells;
                let mut take = |i: usize| std::mem::take(&mut cells[i]);
                let row = ExportRow {
                    line: row.line,
                    state: take(sur),
                    text: take(text),
                    recommending: take(rs),
                    response: take(response),
                    issues: take(issue),
                    session: take(session),
                };
                let name = row.state.trim();
                if !name.is_empty() && !states.iter().any(|s| s.eq_ignore_ascii_case(name)) {
                    states.push(name.to_string());
                }
                row
            })
            .collect();
        let column = |index: usize| index as u64 + 1;
        Ok(Export {
            file,
            columns: Columns {
                state: column(sur),
                text: column(text),
                recommending: column(rs),
                response: column(response),
                session: column(session),
            },
            rows,
            states,
        })
    }
}

/// Where each of [`COLUMNS`] is; `None` (with a fatal problem unless the file is empty)
/// when one is missing.
fn column_indexes(file: &str, header: &[String], problems: &mut Problems) -> Option<[usize; 6]> {
    let mut columns = [0usize; 6];
    let mut missing = Vec::new();
    for (slot, name) in columns.iter_mut().zip(COLUMNS) {
        match header.iter().position(|h| h.eq_ignore_ascii_case(name)) {
            Some(index) => *slot = index,
            None => missing.push(name),
        }
    }
    if missing.is_empty() {
        return Some(columns);
    }
    if !header.is_empty() {
        problems.fatal.error_with_help(
            file,
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
    None
}
