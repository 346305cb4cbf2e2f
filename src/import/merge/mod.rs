//! Merges imported records into the portal's tables: existing rows keep every column the
//! portal filled; only the cells the importer owns change; new rows are appended.
//!
//! `record` is what a reader gives; `index` finds rows by name and counts what changed;
//! `rows` merges one record into its recommendation row; `references` finds or adds the
//! rows a recommendation names (mechanism, document, terms, SDG goals and targets, cluster).

mod index;
mod record;
mod references;
mod rows;

use std::collections::{HashMap, HashSet};

use anyhow::{Context, Result, anyhow};

use crate::config::Config;
use crate::diagnostics::Diagnostics;
use crate::import::cross_source::{ParagraphIndex, symbol_key};
use crate::import::states::PortalStates;
use crate::import::summary::{ImportSummary, StateCounts, TableChanges};
use crate::import::table::{EditTable, write_atomically};
use crate::import::{ImportOptions, Problems};
use crate::load::{RawPortal, Table};
use crate::slug::slugify;

use index::{TermIndex, Tracker, name_key};
pub use record::{AssessmentRef, DocumentRef, MechanismRef, Origin, Record, SdgRef};
pub(super) use references::mechanism_for_body;

/// The tables an import may touch, in `data/` order.
const TABLES: &[&str] = &[
    "mechanisms",
    "documents",
    "recommendations",
    "themes",
    "groups",
    "sdg_goals",
    "sdg_targets",
    "clusters",
    "status_updates",
];

struct Merger<'c> {
    lang: &'c str,
    has_english: bool,
    tables: HashMap<&'static str, EditTable>,
    trackers: HashMap<&'static str, Tracker>,
    mechanisms: TermIndex,
    upr_mechanism: Option<usize>,
    documents_by_slug: HashMap<String, usize>,
    documents_by_symbol: HashMap<String, usize>,
    /// By mechanism slug, session and State key (empty for a document without a State).
    documents_by_session: HashMap<(String, String, String), usize>,
    themes: TermIndex,
    groups: TermIndex,
    goals: TermIndex,
    targets: TermIndex,
    clusters: TermIndex,
    by_source: HashMap<String, usize>,
    /// Recommendations by document and paragraph, to match a record from another source.
    by_paragraph: ParagraphIndex,
    /// Slugs of every recommendation id and alias: new ids must not take one.
    recommendation_slugs: HashSet<String>,
    seen: HashSet<String>,
    duplicates: usize,
    /// The import concerns several States: a session's document is found by its State too,
    /// and new rows get their `state`.
    several_states: bool,
    states: PortalStates,
    /// Rows an earlier importer version wrote for one State of a joint recommendation that
    /// is now merged into another row: kept as they are, said once.
    earlier_rows: Vec<String>,
}

/// A name an earlier import wrote for an id it had no label for (`UHRI theme 12`), and the
/// label an import now gives for that id: a row whose name is still the placeholder takes the
/// label (its id stays); a name a person typed is never changed.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Rename {
    /// `themes`, `groups` or `mechanisms`.
    pub table: &'static str,
    pub placeholder: String,
    pub label: String,
}

/// Applies `renames`, then `records`, to the tables under `options.root`.
pub(super) fn apply(
    options: &ImportOptions,
    config: &Config,
    lang: &str,
    renames: &[Rename],
    records: Vec<Record>,
    mut problems: Problems,
) -> Result<ImportSummary> {
    let mut read_problems = Diagnostics::default();
    let mut tables = HashMap::new();
    for &name in TABLES {
        let static_name: &'static str = name;
        tables.insert(
            static_name,
            EditTable::open(&options.root, static_name, &mut read_problems)?,
        );
    }
    if !read_problems.is_empty() {
        let mut all = Diagnostics::default();
        for mut d in read_problems.sorted() {
            d.help = Some(format!(
                "{}; the import rewrites this table and must read every row of it first (run `docket check`)",
                d.help.unwrap_or_default()
            ));
            all.push(d);
        }
        return Err(super::invalid(all));
    }
    let states = PortalStates::load(&options.root)?;
    let mut merger = Merger::new(config, lang, tables, states);
    for rename in renames {
        merger.rename_placeholder(rename, &mut problems.notes);
    }
    merger.several_states = several_states(&records);
    let mut counts = Counts::default();
    let mut progress = super::progress::Progress::new("Merging", records.len());
    for record in &records {
        progress.step();
        if let Some(merged) = merger.record(record, &mut problems) {
            counts.add(record, merged);
        }
    }
    drop(progress);
    if !problems.rows.is_empty() && !options.skip_invalid {
        return Err(super::invalid(problems.rows));
    }
    drop(records);
    problems.notes.extend(merger.earlier_rows_note());
    let (mut tables, mut trackers, duplicates) = merger.finish();
    let summary_tables: Vec<TableChanges> = TABLES
        .iter()
        .map(|name| trackers.remove(name).expect("tracker").finish())
        .collect();
    // Changed files are prepared first; the tables then go, without a copy, to the check of
    // the merged portal; only when it passes is anything replaced.
    let mut prepared = Vec::new();
    let mut merged = Vec::new();
    for name in TABLES {
        let table = tables.remove(name).expect("table");
        if table.changed && !options.dry_run {
            prepared.push((table.file.clone(), table.path.clone(), table.to_bytes()?));
        }
        if !table.header.is_empty() {
            merged.push((table.name, table.into_table()));
        }
    }
    validate(options, merged)?;
    let mut written = Vec::new();
    for (file, path, bytes) in prepared {
        write_atomically(&path, &bytes)?;
        written.push(file);
    }
    Ok(ImportSummary {
        dry_run: options.dry_run,
        records: counts.records,
        duplicates: duplicates + counts.repeated,
        joint: counts.joint,
        filtered: problems.filtered,
        skipped: problems.rows.sorted(),
        tables: summary_tables,
        states: counts.states,
        written,
        notes: problems.notes,
    })
}

/// What merging one record did to its recommendation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Merged {
    Added,
    Updated,
    Unchanged,
    /// A record already merged in this import (the same key).
    Repeated,
}

/// Records imported, per State and in all.
#[derive(Default)]
struct Counts {
    records: usize,
    joint: usize,
    repeated: usize,
    states: Vec<StateCounts>,
}

impl Counts {
    fn add(&mut self, record: &Record, merged: Merged) {
        self.records += 1;
        self.joint += record.origin.joint_rows;
        self.repeated += record.origin.repeated_rows;
        let Some(state) = record.origin.state.as_deref() else {
            return;
        };
        let index = match self.states.iter().position(|s| s.state == state) {
            Some(index) => index,
            None => {
                self.states.push(StateCounts {
                    state: state.to_string(),
                    ..StateCounts::default()
                });
                self.states.len() - 1
            }
        };
        let counts = &mut self.states[index];
        counts.joint += record.origin.joint_rows;
        match merged {
            Merged::Added => counts.added += 1,
            Merged::Updated => counts.updated += 1,
            Merged::Unchanged => counts.unchanged += 1,
            Merged::Repeated => return,
        }
        counts.records += 1;
    }
}

/// Whether the records concern more than one State (documents are then told apart by State).
fn several_states(records: &[Record]) -> bool {
    let mut first: Option<&str> = None;
    for state in records.iter().filter_map(|r| r.origin.state.as_deref()) {
        match first {
            None => first = Some(state),
            Some(seen) if !seen.eq_ignore_ascii_case(state) => return true,
            Some(_) => {}
        }
    }
    false
}

/// Checks the portal as it would be after the import with every data check of `docket check`
/// (the merged tables, and the other tables as they are on disk), so that an import never
/// leaves a portal that does not build.
fn validate(options: &ImportOptions, merged: Vec<(&'static str, Table)>) -> Result<()> {
    let mut tables: Vec<(&'static str, Vec<Table>)> =
        merged.into_iter().map(|(n, t)| (n, vec![t])).collect();
    let mut diagnostics = Diagnostics::default();
    let config_path = options.root.join(crate::config::CONFIG_FILE);
    let config_source = std::fs::read_to_string(&config_path)
        .with_context(|| format!("cannot read {}", config_path.display()))?;
    for &name in crate::load::TABLES {
        if tables.iter().any(|(n, _)| *n == name) {
            continue;
        }
        if let Some(files) = crate::load::read_table(&options.root, name, &mut diagnostics)? {
            tables.push((name, files));
        }
    }
    let raw = RawPortal {
        config_source,
        tables,
        pages: Vec::new(),
    };
    if let Err(invalid) = crate::model::build_dataset(&raw, None) {
        for d in invalid.diagnostics {
            diagnostics.push(d);
        }
    }
    if diagnostics.is_empty() {
        return Ok(());
    }
    let problems = diagnostics.sorted();
    let mut message =
        String::from("after this import the portal would not be valid, so nothing was written:\n");
    for d in &problems {
        message.push_str(&format!("{d}\n"));
    }
    message.push_str("(line numbers are those the merged tables would have; fix the portal with `docket check` first if these problems were there before)");
    Err(anyhow!(message))
}

impl<'c> Merger<'c> {
    fn new(
        config: &Config,
        lang: &'c str,
        tables: HashMap<&'static str, EditTable>,
        states: PortalStates,
    ) -> Self {
        let mechanisms_table = &tables["mechanisms"];
        let mut mechanisms = TermIndex::build(mechanisms_table, "name");
        if let Some(acronym) = mechanisms_table.column("acronym") {
            for (row, cells) in mechanisms_table.rows.iter().enumerate() {
                if !cells[acronym].is_empty() {
                    mechanisms
                        .by_name
                        .entry(name_key(&cells[acronym]))
                        .or_insert(row);
                }
            }
        }
        let upr_mechanism = (0..mechanisms_table.rows.len()).find(|&row| {
            mechanisms_table
                .get(row, "kind")
                .eq_ignore_ascii_case("upr")
        });
        let documents = &tables["documents"];
        // A document without a State is the portal's (config `state`).
        let portal_state = config.state.as_deref().unwrap_or("");
        let mut documents_by_slug = HashMap::new();
        let mut documents_by_symbol = HashMap::new();
        let mut documents_by_session = HashMap::new();
        for row in 0..documents.rows.len() {
            documents_by_slug
                .entry(slugify(documents.get(row, "id")))
                .or_insert(row);
            documents_by_symbol
                .entry(symbol_key(documents.get(row, "symbol")))
                .or_insert(row);
            let session = documents.get(row, "session");
            if !session.is_empty() {
                documents_by_session
                    .entry((
                        slugify(documents.get(row, "mechanism")),
                        session.to_string(),
                        states.key(match documents.get(row, "state") {
                            "" => portal_state,
                            state => state,
                        }),
                    ))
                    .or_insert(row);
            }
        }
        let recommendations = &tables["recommendations"];
        let mut by_source = HashMap::new();
        let mut recommendation_slugs = HashSet::new();
        for row in 0..recommendations.rows.len() {
            let source = recommendations.get(row, "source_id");
            if !source.is_empty() {
                by_source.entry(source.to_string()).or_insert(row);
            }
            recommendation_slugs.insert(slugify(recommendations.get(row, "id")));
            for alias in recommendations.get(row, "aliases").split('|') {
                if !alias.trim().is_empty() {
                    recommendation_slugs.insert(slugify(alias));
                }
            }
        }
        let trackers = TABLES
            .iter()
            .map(|&name| (name, Tracker::new(name)))
            .collect();
        Merger {
            lang,
            has_english: config.language_codes().any(|l| l == "en"),
            themes: TermIndex::build(&tables["themes"], "name"),
            groups: TermIndex::build(&tables["groups"], "name"),
            goals: TermIndex::build(&tables["sdg_goals"], "name"),
            targets: TermIndex::build(&tables["sdg_targets"], "text"),
            clusters: TermIndex::build(&tables["clusters"], "name"),
            mechanisms,
            upr_mechanism,
            by_paragraph: ParagraphIndex::build(recommendations, |document| {
                documents_by_slug.get(&slugify(document)).copied()
            }),
            documents_by_slug,
            documents_by_symbol,
            documents_by_session,
            by_source,
            recommendation_slugs,
            tables,
            trackers,
            seen: HashSet::new(),
            duplicates: 0,
            several_states: false,
            states,
            earlier_rows: Vec::new(),
        }
    }

    /// The row an earlier importer version wrote for this record, re-keyed to the record's
    /// `source_id` so that later imports find it directly; the other rows it merges are noted.
    fn earlier_row(&mut self, record: &Record) -> Option<usize> {
        let mut found: Option<usize> = None;
        for key in &record.origin.earlier_source_ids {
            let Some(&row) = self.by_source.get(key) else {
                continue;
            };
            if found.is_none() {
                found = Some(row);
            } else if found != Some(row) {
                let id = self.tables["recommendations"].get(row, "id").to_string();
                self.earlier_rows.push(id);
            }
        }
        let row = found?;
        self.table("recommendations")
            .set(row, "source_id", &record.source_id);
        self.by_source.insert(record.source_id.clone(), row);
        Some(row)
    }

    /// The record's State id for a `state` cell: written in an import about several States
    /// or when the table has the column already (a single-State portal stays as it was).
    fn state_to_write(&self, record: &Record) -> Option<String> {
        let has_column = self.tables["recommendations"].column("state").is_some();
        record
            .origin
            .state_id
            .clone()
            .filter(|_| self.several_states || has_column)
    }

    fn earlier_rows_note(&self) -> Option<String> {
        if self.earlier_rows.is_empty() {
            return None;
        }
        Some(format!(
            "{} recommendations imported one per recommending State before joint recommendations were merged now repeat another recommendation and were left as they were ({}); delete them once their actions and status updates are moved",
            self.earlier_rows.len(),
            self.earlier_rows.join(", ")
        ))
    }

    /// The tables and what changed; the indexes are dropped.
    fn finish(
        self,
    ) -> (
        HashMap<&'static str, EditTable>,
        HashMap<&'static str, Tracker>,
        usize,
    ) {
        (self.tables, self.trackers, self.duplicates)
    }

    fn table(&mut self, name: &'static str) -> &mut EditTable {
        self.tables.get_mut(name).expect("opened table")
    }

    fn tracker(&mut self, name: &'static str) -> &mut Tracker {
        self.trackers.get_mut(name).expect("tracker")
    }
}
