//! Merges imported records into the portal's tables: existing rows keep every column the
//! portal filled; only the cells the importer owns change; new rows are appended.

use std::collections::{HashMap, HashSet};

use anyhow::{Context, Result, anyhow};
use chrono::NaiveDate;

use super::cross_source::{ParagraphIndex, source_of, symbol_key};
use super::known::{SDG_GOALS, known_body};
use super::states::PortalStates;
use super::summary::{ImportSummary, StateCounts, TableChanges};
use super::table::{EditTable, write_atomically};
use super::{ImportOptions, Problems, short_hash};
use crate::config::Config;
use crate::diagnostics::Diagnostics;
use crate::load::{RawPortal, Table};
use crate::slug::{id_problem, slugify};

/// One recommendation read from a source, with its references by name.
#[derive(Debug, Clone, PartialEq)]
pub struct Record {
    /// The export file and the row (line, sheet row or JSON record number) it came from.
    pub file: String,
    pub line: u64,
    /// Stable key of the record in its source, kept in `source_id`.
    pub source_id: String,
    /// Ids to give a new row, the first one free wins.
    pub id_candidates: Vec<String>,
    pub mechanism: MechanismRef,
    pub document: DocumentRef,
    pub paragraph: Option<String>,
    /// The text in each language the source gives, as (language code, text); the import's
    /// language first.
    pub texts: Vec<(String, String)>,
    /// `None` when the source says nothing about the response.
    pub response: Option<&'static str>,
    pub recommending_states: Vec<String>,
    pub themes: Vec<String>,
    pub groups: Vec<String>,
    pub sdg_targets: Vec<SdgRef>,
    /// SDG goals linked as a whole, by number (`16`).
    pub sdg_goals: Vec<String>,
    /// Where the State gave its position (`A/HRC/52/8/Add.1 - Para.3`).
    pub position_source: Option<String>,
    /// The name of the cluster the source groups it in (the UPR matrix's `Theme:` rows).
    pub cluster: Option<String>,
    /// The State's own assessment of its implementation, as a status update.
    pub assessment: Option<AssessmentRef>,
    /// The State it concerns and the source rows behind it.
    pub origin: Origin,
}

/// The State a record concerns and how many source rows it stands for.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Origin {
    /// The State under review (or country concerned) as the source names it.
    pub state: Option<String>,
    /// Its id in the portal's States table, when the reader resolved it (written to `state`
    /// in an import about several States).
    pub state_id: Option<String>,
    /// Rows of other recommending States merged into this one (a joint recommendation).
    pub joint_rows: usize,
    /// Rows that repeated this record exactly (the same recommending State) and were merged.
    pub repeated_rows: usize,
    /// Keys an earlier version of the importer gave to the rows merged into this record: a
    /// row imported under one of them is this record.
    pub earlier_source_ids: Vec<String>,
}

/// A government status update a source gives with the recommendation.
#[derive(Debug, Clone, PartialEq)]
pub struct AssessmentRef {
    pub date: NaiveDate,
    /// A status id of config.toml.
    pub status: String,
    pub narrative: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct MechanismRef {
    /// Id for a new row.
    pub id: String,
    pub kind: &'static str,
    pub acronym: Option<String>,
    pub name: String,
    pub url: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct DocumentRef {
    /// Id for a new row.
    pub id: String,
    pub symbol: String,
    pub date: Option<NaiveDate>,
    pub cycle: Option<u32>,
    pub session: Option<String>,
    pub title: Option<String>,
    /// Also match an existing document of the same mechanism and session (UPR Info exports
    /// name no document, only the session).
    pub by_session: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SdgRef {
    /// `16.2`
    pub target: String,
    /// `16`
    pub goal: String,
    pub text: Option<String>,
}

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

/// Looks up rows of a term table by the slug of their id or by any of their names.
#[derive(Default)]
struct TermIndex {
    by_slug: HashMap<String, usize>,
    by_name: HashMap<String, usize>,
}

impl TermIndex {
    fn build(table: &EditTable, name_prefix: &str) -> TermIndex {
        let mut index = TermIndex::default();
        let id = table.column("id");
        let names: Vec<usize> = table
            .header
            .iter()
            .enumerate()
            .filter(|(_, h)| {
                h.strip_prefix(name_prefix)
                    .is_some_and(|rest| rest.starts_with('_'))
            })
            .map(|(i, _)| i)
            .collect();
        for (row, cells) in table.rows.iter().enumerate() {
            index.add(
                row,
                id.map_or("", |c| cells[c].as_str()),
                names.iter().map(|&c| cells[c].as_str()),
            );
        }
        index
    }

    fn add<'a>(&mut self, row: usize, id: &str, names: impl Iterator<Item = &'a str>) {
        if !id.is_empty() {
            self.by_slug.entry(slugify(id)).or_insert(row);
        }
        for name in names.filter(|n| !n.is_empty()) {
            self.by_name.entry(name_key(name)).or_insert(row);
        }
    }

    fn find(&self, name: &str) -> Option<usize> {
        self.by_name
            .get(&name_key(name))
            .or_else(|| self.by_slug.get(&slugify(name)))
            .copied()
    }
}

fn name_key(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

struct Tracker {
    changes: TableChanges,
    new_rows: HashSet<usize>,
    updated_rows: HashSet<usize>,
    matched_rows: HashSet<usize>,
}

impl Tracker {
    fn new(name: &str) -> Tracker {
        Tracker {
            changes: TableChanges {
                file: format!("data/{name}.csv"),
                ..TableChanges::default()
            },
            new_rows: HashSet::new(),
            updated_rows: HashSet::new(),
            matched_rows: HashSet::new(),
        }
    }

    fn added(&mut self, row: usize, id: &str) {
        self.new_rows.insert(row);
        self.changes.added.push(id.to_string());
    }

    fn touched(&mut self, row: usize, id: &str, changed: bool) {
        if self.new_rows.contains(&row) {
            return;
        }
        self.matched_rows.insert(row);
        if changed && self.updated_rows.insert(row) {
            self.changes.updated.push(id.to_string());
        }
    }

    fn finish(mut self) -> TableChanges {
        self.changes.unchanged = self.matched_rows.len() - self.updated_rows.len();
        self.changes
    }
}

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

    /// Merges one record; `None` (with a row problem) when it cannot be imported.
    fn record(&mut self, record: &Record, problems: &mut Problems) -> Option<Merged> {
        let existing = self.by_source.get(&record.source_id).copied();
        let found = existing
            .or_else(|| self.earlier_row(record))
            .map(|row| (row, Refresh::Overwrite))
            .or_else(|| {
                let row = self.other_source_row(record)?;
                Some((row, Refresh::FillEmpty))
            });
        let Some((row, refresh)) = found else {
            return self.add(record, problems).then_some(Merged::Added);
        };
        let rekeyed = existing.is_none() && refresh == Refresh::Overwrite;
        let repeated = !self.seen.insert(record.source_id.clone());
        let changed = self.update(row, record, rekeyed, refresh);
        Some(if repeated {
            self.duplicates += 1;
            Merged::Repeated
        } else if changed {
            Merged::Updated
        } else {
            Merged::Unchanged
        })
    }

    /// The id, mechanism and document of a new row; `None` (with a row problem) when one of
    /// them cannot be had.
    fn placement(
        &mut self,
        record: &Record,
        problems: &mut Problems,
    ) -> Option<(String, String, String)> {
        let id = record.id_candidates.iter().find(|id| {
            id_problem(id).is_none() && !self.recommendation_slugs.contains(&slugify(id))
        });
        let Some(id) = id.cloned() else {
            problems.row(
                &record.file,
                record.line,
                0,
                format!(
                    "no free id for this record: {} already taken by another recommendation",
                    record.id_candidates.join(", ")
                ),
            );
            return None;
        };
        let Some(mechanism) = self.mechanism(&record.mechanism) else {
            problems.row(
                &record.file,
                record.line,
                0,
                format!("`{}` cannot become a mechanism id", record.mechanism.name),
            );
            return None;
        };
        let origin = &record.origin;
        let state = origin.state_id.as_deref().or(origin.state.as_deref());
        let state_cell = self.state_to_write(record);
        match self.document(&record.document, &mechanism, state, state_cell.as_deref()) {
            Ok(document) => Some((id, mechanism, document)),
            Err(message) => {
                problems.row(&record.file, record.line, 0, message);
                None
            }
        }
    }

    /// Appends a new row for the record; false (with a row problem) when it cannot be.
    fn add(&mut self, record: &Record, problems: &mut Problems) -> bool {
        let Some((id, _mechanism, document)) = self.placement(record, problems) else {
            return false;
        };
        let themes = self.terms("themes", &record.themes).join("|");
        let groups = self.terms("groups", &record.groups).join("|");
        let targets: Vec<String> = record
            .sdg_targets
            .iter()
            .filter_map(|t| self.sdg_target(t))
            .collect();
        let targets = targets.join("|");
        let goals = self.sdg_goals(&record.sdg_goals).join("|");
        let text_columns: Vec<(String, &str)> = record
            .texts
            .iter()
            .map(|(lang, text)| (format!("text_{lang}"), text.as_str()))
            .collect();
        let recommending = record.recommending_states.join("|");
        let cluster = record.cluster.as_deref().and_then(|c| self.cluster(c));
        let state = self.state_to_write(record).unwrap_or_default();
        let mut cells: Vec<(&str, &str)> = vec![
            ("id", &id),
            ("document", &document),
            ("paragraph", record.paragraph.as_deref().unwrap_or("")),
        ];
        cells.extend(text_columns.iter().map(|(c, t)| (c.as_str(), *t)));
        cells.extend([
            ("response", record.response.unwrap_or("")),
            ("recommending_states", &recommending),
            ("themes", &themes),
            ("groups", &groups),
            ("sdg_targets", &targets),
            ("sdg_goals", &goals),
            (
                "position_source",
                record.position_source.as_deref().unwrap_or(""),
            ),
            ("source_id", &record.source_id),
            ("cluster", cluster.as_deref().unwrap_or("")),
            ("state", &state),
        ]);
        let row = self.table("recommendations").push(&cells);
        self.tracker("recommendations").added(row, &id);
        self.assessment(&id, record);
        self.by_source.insert(record.source_id.clone(), row);
        self.seen.insert(record.source_id.clone());
        self.recommendation_slugs.insert(slugify(&id));
        true
    }

    /// Renames the row still named `rename.placeholder` (in the import's language) to the
    /// label, unless another row already has that name (said in a note).
    fn rename_placeholder(&mut self, rename: &Rename, notes: &mut Vec<String>) {
        let table = rename.table;
        let column = format!("name_{}", self.lang);
        let index = self.term_index(table);
        let Some(row) = index.find(&rename.placeholder) else {
            return;
        };
        if self.tables[table].get(row, &column) != rename.placeholder {
            return;
        }
        let id = self.tables[table].get(row, "id").to_string();
        if let Some(other) = index.find(&rename.label).filter(|&other| other != row) {
            notes.push(format!(
                "`{}` ({table} `{id}`) keeps its name: `{}` is already the name of `{}`; merge the two by hand",
                rename.placeholder,
                rename.label,
                self.tables[table].get(other, "id")
            ));
            return;
        }
        let changed = self.table(table).set(row, &column, &rename.label);
        self.term_index_mut(table)
            .add(row, &id, [rename.label.as_str()].into_iter());
        self.tracker(table).touched(row, &id, changed);
    }

    fn term_index(&self, table: &str) -> &TermIndex {
        match table {
            "themes" => &self.themes,
            "groups" => &self.groups,
            _ => &self.mechanisms,
        }
    }

    fn term_index_mut(&mut self, table: &str) -> &mut TermIndex {
        match table {
            "themes" => &mut self.themes,
            "groups" => &mut self.groups,
            _ => &mut self.mechanisms,
        }
    }

    /// The existing row of the record's document and paragraph, when another source (or the
    /// portal itself) wrote it: two records of one source with different keys stay two rows.
    fn other_source_row(&self, record: &Record) -> Option<usize> {
        let paragraph = record.paragraph.as_deref()?;
        let document = self
            .documents_by_slug
            .get(&slugify(&record.document.id))
            .or_else(|| {
                self.documents_by_symbol
                    .get(&symbol_key(&record.document.symbol))
            })
            .copied()?;
        let row = self.by_paragraph.find(document, paragraph)?;
        let theirs = source_of(self.tables["recommendations"].get(row, "source_id"));
        (theirs != source_of(&record.source_id)).then_some(row)
    }

    /// Updates the importer-owned cells of an existing row: the texts in the languages the
    /// source gives, the response, paragraph and recommending States the source gives, and the
    /// themes, groups and SDG targets it adds (those the portal set stay). A row of another
    /// source gets only the single values it lacks (`Refresh::FillEmpty`).
    /// Whether a cell changed (`rekeyed`: the row got the record's `source_id` just now).
    fn update(&mut self, row: usize, record: &Record, rekeyed: bool, refresh: Refresh) -> bool {
        let themes = self.terms("themes", &record.themes);
        let groups = self.terms("groups", &record.groups);
        let targets: Vec<String> = record
            .sdg_targets
            .iter()
            .filter_map(|t| self.sdg_target(t))
            .collect();
        let goals = self.sdg_goals(&record.sdg_goals);
        let recommending = (!record.recommending_states.is_empty()).then(|| {
            let existing = self.tables["recommendations"].get(row, "recommending_states");
            union_by(existing, &record.recommending_states, |v| {
                self.states.key(v)
            })
        });
        let state = self
            .state_to_write(record)
            .filter(|_| self.tables["recommendations"].get(row, "state").is_empty());
        let table = self.table("recommendations");
        let mut changed = rekeyed;
        if let Some(state) = state {
            changed |= table.set(row, "state", &state);
        }
        let mut single = |column: &str, value: &str| {
            let current = table.get(row, column);
            let open = current.is_empty() || (column == "response" && current == "pending");
            if refresh == Refresh::Overwrite || open {
                changed |= table.set(row, column, value);
            }
        };
        for (lang, text) in &record.texts {
            single(&format!("text_{lang}"), text);
        }
        if let Some(response) = record.response {
            single("response", response);
        }
        if let Some(paragraph) = &record.paragraph {
            single("paragraph", paragraph);
        }
        if let Some(source) = &record.position_source {
            single("position_source", source);
        }
        if let Some(merged) = recommending {
            changed |= table.set(row, "recommending_states", &merged);
        }
        for (column, values) in [
            ("themes", themes),
            ("groups", groups),
            ("sdg_targets", targets),
            ("sdg_goals", goals),
        ] {
            if !values.is_empty() {
                let merged = union(table.get(row, column), &values);
                changed |= table.set(row, column, &merged);
            }
        }
        // The portal may have moved the recommendation to another cluster: that stays.
        if let Some(name) = &record.cluster {
            if self.tables["recommendations"]
                .get(row, "cluster")
                .is_empty()
            {
                if let Some(cluster) = self.cluster(name) {
                    changed |= self.table("recommendations").set(row, "cluster", &cluster);
                }
            }
        }
        let id = self.tables["recommendations"].get(row, "id").to_string();
        self.tracker("recommendations").touched(row, &id, changed);
        self.assessment(&id, record);
        changed
    }

    /// The id of the cluster named, creating it when missing.
    fn cluster(&mut self, name: &str) -> Option<String> {
        if let Some(row) = self.clusters.find(name) {
            let id = self.tables["clusters"].get(row, "id").to_string();
            self.tracker("clusters").touched(row, &id, false);
            return Some(id);
        }
        let mut id = slugify(name);
        if id_problem(&id).is_some() {
            id = format!("cluster-{}", short_hash(&super::normalise(name), 8));
        }
        let name_column = format!("name_{}", self.lang);
        let row = self
            .table("clusters")
            .push(&[("id", &id), (&name_column, name)]);
        self.clusters.add(row, &id, [name].into_iter());
        self.tracker("clusters").added(row, &id);
        Some(id)
    }

    /// Adds (or updates the narrative of) the government status update the record gives;
    /// its id is the recommendation's id, `-assessment-` and the date.
    fn assessment(&mut self, recommendation: &str, record: &Record) {
        let Some(assessment) = &record.assessment else {
            return;
        };
        let date = assessment.date.to_string();
        let Some(id) = super::sanitise_id(&format!("{recommendation}-assessment-{date}")) else {
            return;
        };
        let narrative_column = format!("narrative_{}", self.lang);
        let table = self.table("status_updates");
        let existing = (0..table.rows.len()).find(|&row| table.get(row, "id") == id);
        match existing {
            Some(row) => {
                let changed = table.set(row, &narrative_column, &assessment.narrative);
                self.tracker("status_updates").touched(row, &id, changed);
            }
            None => {
                let row = table.push(&[
                    ("id", &id),
                    ("date", &date),
                    ("recommendation", recommendation),
                    ("status", &assessment.status),
                    ("assessor", "government"),
                    (&narrative_column, &assessment.narrative),
                ]);
                self.tracker("status_updates").added(row, &id);
            }
        }
    }

    /// The id of the record's mechanism, creating the row when the portal has none.
    fn mechanism(&mut self, mechanism: &MechanismRef) -> Option<String> {
        let existing = if mechanism.kind == "upr" {
            self.upr_mechanism
        } else {
            None
        }
        .or_else(|| self.mechanisms.find(&mechanism.id))
        .or_else(|| self.mechanisms.find(&mechanism.name))
        .or_else(|| {
            mechanism
                .acronym
                .as_deref()
                .and_then(|a| self.mechanisms.find(a))
        });
        if let Some(row) = existing {
            let table = self.table("mechanisms");
            let id = table.get(row, "id").to_string();
            self.tracker("mechanisms").touched(row, &id, false);
            return Some(id);
        }
        id_problem(&mechanism.id).is_none().then_some(())?;
        let name_column = format!("name_{}", self.lang);
        let row = self.table("mechanisms").push(&[
            ("id", &mechanism.id),
            ("kind", mechanism.kind),
            ("acronym", mechanism.acronym.as_deref().unwrap_or("")),
            (&name_column, &mechanism.name),
            ("url", mechanism.url.as_deref().unwrap_or("")),
        ]);
        self.mechanisms
            .add(row, &mechanism.id, [mechanism.name.as_str()].into_iter());
        if let Some(acronym) = &mechanism.acronym {
            self.mechanisms
                .by_name
                .entry(name_key(acronym))
                .or_insert(row);
        }
        if mechanism.kind == "upr" {
            self.upr_mechanism = Some(row);
        }
        self.tracker("mechanisms").added(row, &mechanism.id);
        Some(mechanism.id.clone())
    }

    /// A session's document is the one of the record's State; in an import about one State,
    /// also a document without a State (a single-State portal's).
    fn session_document(
        &self,
        document: &DocumentRef,
        mechanism: &str,
        state: Option<&str>,
    ) -> Option<usize> {
        let session = document.session.clone().filter(|_| document.by_session)?;
        let key = (
            slugify(mechanism),
            session,
            self.states.key(state.unwrap_or("")),
        );
        if let Some(&row) = self.documents_by_session.get(&key) {
            return Some(row);
        }
        if self.several_states {
            return None;
        }
        let (mechanism, session, _) = key;
        self.documents_by_session
            .get(&(mechanism, session, String::new()))
            .copied()
    }

    /// The id of the record's document, creating the row (with `state_cell` as its `state`)
    /// when the portal has none.
    fn document(
        &mut self,
        document: &DocumentRef,
        mechanism: &str,
        state: Option<&str>,
        state_cell: Option<&str>,
    ) -> Result<String, String> {
        let existing = self
            .documents_by_slug
            .get(&slugify(&document.id))
            .or_else(|| self.documents_by_symbol.get(&symbol_key(&document.symbol)))
            .copied()
            .or_else(|| self.session_document(document, mechanism, state));
        if let Some(row) = existing {
            let id = self.table("documents").get(row, "id").to_string();
            self.tracker("documents").touched(row, &id, false);
            return Ok(id);
        }
        if let Some(problem) = id_problem(&document.id) {
            return Err(format!(
                "document `{}` cannot get an id: {problem}",
                document.symbol
            ));
        }
        let Some(date) = document.date else {
            return Err(format!(
                "document `{}` is new to the portal and the export gives no date for it",
                document.symbol
            ));
        };
        let title_column = format!("title_{}", self.lang);
        let date = date.to_string();
        let cycle = document.cycle.map(|c| c.to_string()).unwrap_or_default();
        let row = self.table("documents").push(&[
            ("id", &document.id),
            ("symbol", &document.symbol),
            ("mechanism", mechanism),
            ("date", &date),
            ("cycle", &cycle),
            ("session", document.session.as_deref().unwrap_or("")),
            ("state", state_cell.unwrap_or("")),
            (&title_column, document.title.as_deref().unwrap_or("")),
        ]);
        self.documents_by_slug.insert(slugify(&document.id), row);
        self.documents_by_symbol
            .insert(symbol_key(&document.symbol), row);
        if let Some(session) = &document.session {
            self.documents_by_session
                .entry((
                    slugify(mechanism),
                    session.clone(),
                    self.states.key(state.unwrap_or("")),
                ))
                .or_insert(row);
        }
        self.tracker("documents").added(row, &document.id);
        Ok(document.id.clone())
    }

    /// Ids of the themes or groups named, creating the missing ones.
    fn terms(&mut self, table: &'static str, names: &[String]) -> Vec<String> {
        let mut ids: Vec<String> = Vec::new();
        for name in names {
            let index = if table == "themes" {
                &self.themes
            } else {
                &self.groups
            };
            let id = match index.find(name) {
                Some(row) => {
                    let id = self.tables[table].get(row, "id").to_string();
                    self.tracker(table).touched(row, &id, false);
                    id
                }
                None => {
                    let mut id = slugify(name);
                    if id_problem(&id).is_some() {
                        let prefix = if table == "themes" { "theme" } else { "group" };
                        id = format!("{prefix}-{}", short_hash(&super::normalise(name), 8));
                    }
                    let name_column = format!("name_{}", self.lang);
                    let row = self.table(table).push(&[("id", &id), (&name_column, name)]);
                    let index = if table == "themes" {
                        &mut self.themes
                    } else {
                        &mut self.groups
                    };
                    index.add(row, &id, [name.as_str()].into_iter());
                    self.tracker(table).added(row, &id);
                    id
                }
            };
            if !ids.contains(&id) {
                ids.push(id);
            }
        }
        ids
    }

    /// Ids of the SDG goals numbered, each once, creating the missing ones.
    fn sdg_goals(&mut self, numbers: &[String]) -> Vec<String> {
        let mut ids: Vec<String> = Vec::new();
        for id in numbers.iter().filter_map(|n| self.sdg_goal(n)) {
            if !ids.contains(&id) {
                ids.push(id);
            }
        }
        ids
    }

    /// The id of SDG goal `number` (`1` to `17`), creating it when missing.
    fn sdg_goal(&mut self, number: &str) -> Option<String> {
        if let Some(row) = self.goals.by_slug.get(&slugify(number)).copied() {
            let id = self.tables["sdg_goals"].get(row, "id").to_string();
            self.tracker("sdg_goals").touched(row, &id, false);
            return Some(id);
        }
        let index: usize = number.parse().ok()?;
        let english = SDG_GOALS.get(index.checked_sub(1)?)?;
        let id = index.to_string();
        let (column, name) = if self.has_english {
            ("name_en".to_string(), english.to_string())
        } else {
            (format!("name_{}", self.lang), format!("SDG {index}"))
        };
        let row = self
            .table("sdg_goals")
            .push(&[("id", &id), (&column, &name)]);
        self.goals.add(row, &id, std::iter::empty::<&str>());
        self.tracker("sdg_goals").added(row, &id);
        Some(id)
    }

    /// The id of an SDG target, creating it (and its goal) when missing.
    fn sdg_target(&mut self, target: &SdgRef) -> Option<String> {
        if let Some(row) = self.targets.by_slug.get(&slugify(&target.target)).copied() {
            let id = self.tables["sdg_targets"].get(row, "id").to_string();
            self.tracker("sdg_targets").touched(row, &id, false);
            return Some(id);
        }
        if id_problem(&target.target).is_some() || id_problem(&target.goal).is_some() {
            return None;
        }
        let goal = self.sdg_goal(&target.goal)?;
        let text_column = format!("text_{}", self.lang);
        let text = target.text.clone().unwrap_or_else(|| target.target.clone());
        let row = self.table("sdg_targets").push(&[
            ("id", &target.target),
            ("goal", &goal),
            (&text_column, &text),
        ]);
        self.targets
            .add(row, &target.target, std::iter::empty::<&str>());
        self.tracker("sdg_targets").added(row, &target.target);
        Some(target.target.clone())
    }
}

/// How an update treats the single-valued cells (texts, response, paragraph, position source)
/// of the row it updates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Refresh {
    /// The row came from this source: its values are the source's latest.
    Overwrite,
    /// The row came from another source or the portal: only empty cells are filled.
    FillEmpty,
}

/// `existing` (a `|` cell) with the values of `incoming` it lacks appended.
fn union(existing: &str, incoming: &[String]) -> String {
    union_by(existing, incoming, str::to_string)
}

/// [`union`], two values being the same when their `key`s are (a State's id and its name).
fn union_by(existing: &str, incoming: &[String], key: impl Fn(&str) -> String) -> String {
    let mut values: Vec<String> = existing
        .split('|')
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .map(str::to_string)
        .collect();
    let mut keys: Vec<String> = values.iter().map(|v| key(v)).collect();
    for value in incoming {
        let value_key = key(value);
        if !keys.contains(&value_key) {
            values.push(value.clone());
            keys.push(value_key);
        }
    }
    values.join("|")
}

/// Used by readers: the known mechanism for a body's name, or a new one.
pub(super) fn mechanism_for_body(body: &str) -> Option<MechanismRef> {
    let body = body.trim();
    if let Some(known) = known_body(body) {
        return Some(MechanismRef {
            id: known.acronym.to_string(),
            kind: known.kind,
            acronym: Some(known.acronym.to_string()),
            name: known.name.to_string(),
            url: Some(known.url.to_string()),
        });
    }
    let kind = if super::known::is_special_procedure(body) {
        "special-procedure"
    } else {
        "other"
    };
    let id = super::sanitise_id(&slugify(body))?;
    Some(MechanismRef {
        id,
        kind,
        acronym: None,
        name: body.to_string(),
        url: None,
    })
}
