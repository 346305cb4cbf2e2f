//! The whole dataset as open data: one CSV file per table, one JSON file, and a Frictionless
//! Data Package (`datapackage.json`) describing both.

use std::io::Write;
use std::path::Path;

use anyhow::{Context, Result};
use chrono::NaiveDate;
use serde_json::{Map, Value, json};
use sha2::{Digest, Sha256};

use crate::model::*;
use crate::site::{Section, Site, urls};

/// Folder of the open data files, below the site root.
pub const DATA_DIR: &str = "data";
/// The whole dataset in one JSON file.
pub const JSON_FILE: &str = "docket.json";
pub const PACKAGE_FILE: &str = "datapackage.json";

/// Types of a column, as Frictionless Table Schema names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    String,
    /// Several values separated by `|` (a JSON array in docket.json).
    List,
    Date,
    Integer,
    Number,
    Boolean,
    Uri,
}

/// One column of a table (a translated column becomes one CSV column per language).
#[derive(Debug, Clone, Copy)]
pub struct Field {
    pub name: &'static str,
    pub kind: Kind,
    pub required: bool,
    pub translated: bool,
    pub description: &'static str,
}

const fn field(name: &'static str, kind: Kind, description: &'static str) -> Field {
    Field {
        name,
        kind,
        required: false,
        translated: false,
        description,
    }
}

const fn required(name: &'static str, kind: Kind, description: &'static str) -> Field {
    Field {
        name,
        kind,
        required: true,
        translated: false,
        description,
    }
}

const fn translated(name: &'static str, description: &'static str) -> Field {
    Field {
        name,
        kind: Kind::String,
        required: false,
        translated: true,
        description,
    }
}

/// A cell of an exported table.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    List(Vec<String>),
    Date(NaiveDate),
    Integer(i64),
    Number(f64),
    Boolean(bool),
    Translations(Text),
}

fn text(value: &str) -> Cell {
    Cell::Text(value.to_string())
}

fn opt<T: ToString>(value: Option<T>) -> Cell {
    value.map_or(Cell::Empty, |v| Cell::Text(v.to_string()))
}

fn opt_date(value: Option<NaiveDate>) -> Cell {
    value.map_or(Cell::Empty, Cell::Date)
}

fn opt_number(value: Option<f64>) -> Cell {
    value.map_or(Cell::Empty, Cell::Number)
}

/// A table to export: its schema and a function giving row `i`, so that rows are built one at
/// a time while writing and a large portal is never held twice in memory.
pub struct ExportTable<'a> {
    pub name: &'static str,
    pub title: &'static str,
    pub fields: &'static [Field],
    pub primary_key: Option<&'static str>,
    /// (field, resource, field of that resource); `""` as resource means this table.
    pub foreign_keys: &'static [(&'static str, &'static str, &'static str)],
    pub count: usize,
    pub row: Box<dyn Fn(usize) -> Vec<Cell> + Sync + 'a>,
}

fn key_ids<T>(items: &[T], ids: impl IntoIterator<Item = usize>, key: fn(&T) -> &Key) -> Cell {
    let ids: Vec<String> = ids.into_iter().map(|i| key(&items[i]).id.clone()).collect();
    if ids.is_empty() {
        Cell::Empty
    } else {
        Cell::List(ids)
    }
}

pub(super) fn choice_id<T: PartialEq + Copy>(all: &[(&'static str, T)], value: T) -> &'static str {
    all.iter()
        .find(|(_, v)| *v == value)
        .map_or("other", |(id, _)| id)
}

const MECHANISMS: &[Field] = &[
    required("id", Kind::String, "Permanent identifier"),
    required(
        "kind",
        Kind::String,
        "upr, treaty-body, special-procedure, regional, national or other",
    ),
    field("acronym", Kind::String, "Acronym"),
    translated("name", "Name"),
    field("url", Kind::Uri, "Official website"),
];
const DOCUMENTS: &[Field] = &[
    required("id", Kind::String, "Permanent identifier"),
    required("symbol", Kind::String, "Official document symbol"),
    required("mechanism", Kind::String, "Mechanism id"),
    required("date", Kind::Date, "Date of the document"),
    field("cycle", Kind::Integer, "UPR cycle"),
    field("session", Kind::String, "Session"),
    translated("title", "Title"),
    field("url", Kind::Uri, "Official copy"),
];
const RECOMMENDATIONS: &[Field] = &[
    required("id", Kind::String, "Permanent identifier"),
    required("document", Kind::String, "Document id"),
    field("paragraph", Kind::String, "Paragraph in the document"),
    required(
        "date",
        Kind::Date,
        "Date of the recommendation (the document's date unless given)",
    ),
    translated("text", "Text of the recommendation"),
    required(
        "response",
        Kind::String,
        "The State's response: supported, supported-in-part, noted or pending",
    ),
    field(
        "recommending_states",
        Kind::List,
        "Recommending States (UPR), separated by |",
    ),
    field("themes", Kind::List, "Theme ids, separated by |"),
    field("groups", Kind::List, "Affected group ids, separated by |"),
    field("sdg_targets", Kind::List, "SDG target ids, separated by |"),
    field("lead_institution", Kind::String, "Lead institution id"),
    field(
        "partner_institutions",
        Kind::List,
        "Partner institution ids, separated by |",
    ),
    field("cluster", Kind::String, "Cluster id"),
    field(
        "aliases",
        Kind::List,
        "Earlier ids that redirect here, separated by |",
    ),
    required(
        "mechanism",
        Kind::String,
        "Mechanism id (derived from the document)",
    ),
    field(
        "status",
        Kind::String,
        "Current status by the government's assessment (derived), a status id",
    ),
    required(
        "permalink",
        Kind::Uri,
        "Permanent address of the recommendation's page in the default language",
    ),
];
const INSTITUTIONS: &[Field] = &[
    required("id", Kind::String, "Permanent identifier"),
    required(
        "kind",
        Kind::String,
        "ministry, agency, parliament, judiciary, nhri, local-government, civil-society or other",
    ),
    field("acronym", Kind::String, "Acronym"),
    translated("name", "Name"),
    field("url", Kind::Uri, "Website"),
];
const THEMES: &[Field] = &[
    required("id", Kind::String, "Permanent identifier"),
    field("parent", Kind::String, "Parent theme id"),
    translated("name", "Name"),
];
const GROUPS: &[Field] = &[
    required("id", Kind::String, "Permanent identifier"),
    translated("name", "Name"),
];
const SDG_GOALS: &[Field] = &[
    required("id", Kind::String, "Goal number"),
    translated("name", "Name"),
];
const SDG_TARGETS: &[Field] = &[
    required("id", Kind::String, "Target number, goal.target"),
    required("goal", Kind::String, "Goal id"),
    translated("text", "Text of the target"),
];
const CLUSTERS: &[Field] = &[
    required("id", Kind::String, "Permanent identifier"),
    translated("name", "Name"),
    translated("description", "Description"),
];
const ACTIONS: &[Field] = &[
    required("id", Kind::String, "Permanent identifier"),
    translated("title", "Title"),
    translated("description", "Description (Markdown)"),
    field(
        "recommendations",
        Kind::List,
        "Recommendation ids, separated by |",
    ),
    field("lead_institution", Kind::String, "Lead institution id"),
    field(
        "partner_institutions",
        Kind::List,
        "Partner institution ids, separated by |",
    ),
    field("start_date", Kind::Date, "Start date"),
    field("due_date", Kind::Date, "Due date"),
    field(
        "status",
        Kind::String,
        "Latest status by the government's assessment (derived), a status id",
    ),
    required(
        "permalink",
        Kind::Uri,
        "Permanent address of the action's page in the default language",
    ),
];
const STATUS_UPDATES: &[Field] = &[
    field("id", Kind::String, "Identifier, when given"),
    required("date", Kind::Date, "Date of the assessment"),
    field(
        "recommendation",
        Kind::String,
        "Recommendation id (or else action)",
    ),
    field("action", Kind::String, "Action id (or else recommendation)"),
    required("status", Kind::String, "Status id"),
    required(
        "assessor",
        Kind::String,
        "government, nhri or civil-society",
    ),
    field(
        "institution",
        Kind::String,
        "Institution id that made the assessment",
    ),
    field(
        "organisation",
        Kind::String,
        "Organisation that made the assessment",
    ),
    translated("narrative", "Narrative (Markdown)"),
    field("evidence", Kind::List, "Evidence links, separated by |"),
];
const INDICATORS: &[Field] = &[
    required("id", Kind::String, "Permanent identifier"),
    required("kind", Kind::String, "structural, process or outcome"),
    translated("name", "Name"),
    field("unit", Kind::String, "Unit"),
    field("baseline", Kind::Number, "Baseline value"),
    field("baseline_date", Kind::Date, "Date of the baseline"),
    field("target", Kind::Number, "Target value"),
    field("target_date", Kind::Date, "Date of the target"),
    field(
        "recommendations",
        Kind::List,
        "Recommendation ids, separated by |",
    ),
    field("actions", Kind::List, "Action ids, separated by |"),
];
const MEASUREMENTS: &[Field] = &[
    required("indicator", Kind::String, "Indicator id"),
    required("date", Kind::Date, "Date of the measurement"),
    required("value", Kind::Number, "Value"),
    field("source", Kind::String, "Source"),
    translated("note", "Note"),
];
const REPORTING_CALENDAR: &[Field] = &[
    required("id", Kind::String, "Permanent identifier"),
    required("mechanism", Kind::String, "Mechanism id"),
    translated("title", "Title"),
    required("due_date", Kind::Date, "Due date"),
    field("submitted_date", Kind::Date, "Date submitted"),
    field(
        "document",
        Kind::String,
        "Document id of the report once published",
    ),
];
const STATUSES: &[Field] = &[
    required("id", Kind::String, "Status id"),
    translated("label", "Label"),
    required("colour", Kind::String, "Colour"),
    required("implemented", Kind::Boolean, "Counts as implemented"),
    required("closed", Kind::Boolean, "No further action expected"),
];

/// Every exported table, in a fixed order.
pub fn tables<'a>(site: &'a Site<'a>) -> Vec<ExportTable<'a>> {
    let d = site.data;
    let default = d.config.default_language.clone();
    let measurements: Vec<(usize, usize)> = d
        .indicators
        .iter()
        .enumerate()
        .flat_map(|(i, indicator)| (0..indicator.measurements.len()).map(move |m| (i, m)))
        .collect();
    let status_id = move |s: StatusId| d.config.statuses[s.index()].id.clone();
    let recommendation_key: fn(&Recommendation) -> &Key = |r| &r.key;
    let action_key: fn(&Action) -> &Key = |a| &a.key;
    let institution_key: fn(&Institution) -> &Key = |i| &i.key;
    let default_for_recs = default.clone();
    vec![
        ExportTable {
            name: "mechanisms",
            title: "Mechanisms",
            fields: MECHANISMS,
            primary_key: Some("id"),
            foreign_keys: &[],
            count: d.mechanisms.len(),
            row: Box::new(move |i| {
                let m = &d.mechanisms[i];
                vec![
                    text(&m.key.id),
                    text(choice_id(MechanismKind::ALL, m.kind)),
                    opt(m.acronym.as_ref()),
                    Cell::Translations(m.name.clone()),
                    opt(m.url.as_ref()),
                ]
            }),
        },
        ExportTable {
            name: "documents",
            title: "Documents",
            fields: DOCUMENTS,
            primary_key: Some("id"),
            foreign_keys: &[("mechanism", "mechanisms", "id")],
            count: d.documents.len(),
            row: Box::new(move |i| {
                let doc = &d.documents[i];
                vec![
                    text(&doc.key.id),
                    text(&doc.symbol),
                    text(&d.mechanisms[doc.mechanism.index()].key.id),
                    Cell::Date(doc.date),
                    doc.cycle.map_or(Cell::Empty, |c| Cell::Integer(c.into())),
                    opt(doc.session.as_ref()),
                    Cell::Translations(doc.title.clone()),
                    opt(doc.url.as_ref()),
                ]
            }),
        },
        ExportTable {
            name: "recommendations",
            title: "Recommendations",
            fields: RECOMMENDATIONS,
            primary_key: Some("id"),
            foreign_keys: &[
                ("document", "documents", "id"),
                ("lead_institution", "institutions", "id"),
                ("cluster", "clusters", "id"),
                ("mechanism", "mechanisms", "id"),
                ("status", "statuses", "id"),
            ],
            count: d.recommendations.len(),
            row: Box::new(move |i| {
                let r = &d.recommendations[i];
                vec![
                    text(&r.key.id),
                    text(&d.documents[r.document.index()].key.id),
                    opt(r.paragraph.as_ref()),
                    Cell::Date(r.date),
                    Cell::Translations(r.text.clone()),
                    text(r.response.id()),
                    if r.recommending_states.is_empty() {
                        Cell::Empty
                    } else {
                        Cell::List(r.recommending_states.clone())
                    },
                    key_ids(&d.themes, r.themes.iter().map(|t| t.index()), |t| &t.key),
                    key_ids(&d.groups, r.groups.iter().map(|g| g.index()), |g| &g.key),
                    key_ids(
                        &d.sdg_targets,
                        r.sdg_targets.iter().map(|t| t.index()),
                        |t| &t.key,
                    ),
                    opt(r
                        .lead_institution
                        .map(|l| &d.institutions[l.index()].key.id)),
                    key_ids(
                        &d.institutions,
                        r.partner_institutions.iter().map(|p| p.index()),
                        institution_key,
                    ),
                    opt(r.cluster.map(|c| &d.clusters[c.index()].key.id)),
                    if r.aliases.is_empty() {
                        Cell::Empty
                    } else {
                        Cell::List(r.aliases.iter().map(|a| a.id.clone()).collect())
                    },
                    text(&d.mechanisms[r.mechanism.index()].key.id),
                    opt(d.headline_status(r).map(status_id)),
                    text(&site.absolute(&urls::entry(
                        &default_for_recs,
                        Section::Recommendations,
                        &r.key.slug,
                    ))),
                ]
            }),
        },
        ExportTable {
            name: "institutions",
            title: "Institutions",
            fields: INSTITUTIONS,
            primary_key: Some("id"),
            foreign_keys: &[],
            count: d.institutions.len(),
            row: Box::new(move |i| {
                let inst = &d.institutions[i];
                vec![
                    text(&inst.key.id),
                    text(choice_id(InstitutionKind::ALL, inst.kind)),
                    opt(inst.acronym.as_ref()),
                    Cell::Translations(inst.name.clone()),
                    opt(inst.url.as_ref()),
                ]
            }),
        },
        ExportTable {
            name: "themes",
            title: "Themes",
            fields: THEMES,
            primary_key: Some("id"),
            foreign_keys: &[("parent", "", "id")],
            count: d.themes.len(),
            row: Box::new(move |i| {
                let theme = &d.themes[i];
                vec![
                    text(&theme.key.id),
                    opt(theme.parent.map(|p| &d.themes[p.index()].key.id)),
                    Cell::Translations(theme.name.clone()),
                ]
            }),
        },
        ExportTable {
            name: "groups",
            title: "Affected groups",
            fields: GROUPS,
            primary_key: Some("id"),
            foreign_keys: &[],
            count: d.groups.len(),
            row: Box::new(move |i| {
                let group = &d.groups[i];
                vec![text(&group.key.id), Cell::Translations(group.name.clone())]
            }),
        },
        ExportTable {
            name: "sdg_goals",
            title: "SDG goals",
            fields: SDG_GOALS,
            primary_key: Some("id"),
            foreign_keys: &[],
            count: d.sdg_goals.len(),
            row: Box::new(move |i| {
                let goal = &d.sdg_goals[i];
                vec![text(&goal.key.id), Cell::Translations(goal.name.clone())]
            }),
        },
        ExportTable {
            name: "sdg_targets",
            title: "SDG targets",
            fields: SDG_TARGETS,
            primary_key: Some("id"),
            foreign_keys: &[("goal", "sdg_goals", "id")],
            count: d.sdg_targets.len(),
            row: Box::new(move |i| {
                let target = &d.sdg_targets[i];
                vec![
                    text(&target.key.id),
                    text(&d.sdg_goals[target.goal.index()].key.id),
                    Cell::Translations(target.text.clone()),
                ]
            }),
        },
        ExportTable {
            name: "clusters",
            title: "Clusters",
            fields: CLUSTERS,
            primary_key: Some("id"),
            foreign_keys: &[],
            count: d.clusters.len(),
            row: Box::new(move |i| {
                let cluster = &d.clusters[i];
                vec![
                    text(&cluster.key.id),
                    Cell::Translations(cluster.name.clone()),
                    Cell::Translations(cluster.description.clone()),
                ]
            }),
        },
        ExportTable {
            name: "actions",
            title: "Actions",
            fields: ACTIONS,
            primary_key: Some("id"),
            foreign_keys: &[
                ("lead_institution", "institutions", "id"),
                ("status", "statuses", "id"),
            ],
            count: d.actions.len(),
            row: Box::new(move |i| {
                let a = &d.actions[i];
                vec![
                    text(&a.key.id),
                    Cell::Translations(a.title.clone()),
                    Cell::Translations(a.description.clone()),
                    key_ids(
                        &d.recommendations,
                        a.recommendations.iter().map(|r| r.index()),
                        recommendation_key,
                    ),
                    opt(a
                        .lead_institution
                        .map(|l| &d.institutions[l.index()].key.id)),
                    key_ids(
                        &d.institutions,
                        a.partner_institutions.iter().map(|p| p.index()),
                        institution_key,
                    ),
                    opt_date(a.start_date),
                    opt_date(a.due_date),
                    opt(a
                        .assessments
                        .government
                        .map(|u| status_id(d.status_updates[u.index()].status))),
                    text(&site.absolute(&urls::entry(&default, Section::Actions, &a.key.slug))),
                ]
            }),
        },
        ExportTable {
            name: "status_updates",
            title: "Status updates",
            fields: STATUS_UPDATES,
            primary_key: None,
            foreign_keys: &[
                ("recommendation", "recommendations", "id"),
                ("action", "actions", "id"),
                ("status", "statuses", "id"),
                ("institution", "institutions", "id"),
            ],
            count: d.status_updates.len(),
            row: Box::new(move |i| {
                let u = &d.status_updates[i];
                let (recommendation, action) = match u.subject {
                    Subject::Recommendation(r) => {
                        (text(&d.recommendations[r.index()].key.id), Cell::Empty)
                    }
                    Subject::Action(a) => (Cell::Empty, text(&d.actions[a.index()].key.id)),
                };
                vec![
                    opt(u.id.as_ref()),
                    Cell::Date(u.date),
                    recommendation,
                    action,
                    text(&status_id(u.status)),
                    text(u.assessor.id()),
                    opt(u.institution.map(|i| &d.institutions[i.index()].key.id)),
                    opt(u.organisation.as_ref()),
                    Cell::Translations(u.narrative.clone()),
                    if u.evidence.is_empty() {
                        Cell::Empty
                    } else {
                        Cell::List(u.evidence.clone())
                    },
                ]
            }),
        },
        ExportTable {
            name: "indicators",
            title: "Indicators",
            fields: INDICATORS,
            primary_key: Some("id"),
            foreign_keys: &[],
            count: d.indicators.len(),
            row: Box::new(move |i| {
                let ind = &d.indicators[i];
                vec![
                    text(&ind.key.id),
                    text(choice_id(IndicatorKind::ALL, ind.kind)),
                    Cell::Translations(ind.name.clone()),
                    opt(ind.unit.as_ref()),
                    opt_number(ind.baseline),
                    opt_date(ind.baseline_date),
                    opt_number(ind.target),
                    opt_date(ind.target_date),
                    key_ids(
                        &d.recommendations,
                        ind.recommendations.iter().map(|r| r.index()),
                        recommendation_key,
                    ),
                    key_ids(
                        &d.actions,
                        ind.actions.iter().map(|a| a.index()),
                        action_key,
                    ),
                ]
            }),
        },
        ExportTable {
            name: "measurements",
            title: "Measurements",
            fields: MEASUREMENTS,
            primary_key: None,
            foreign_keys: &[("indicator", "indicators", "id")],
            count: measurements.len(),
            row: Box::new(move |i| {
                let (indicator, m) = measurements[i];
                let ind = &d.indicators[indicator];
                let m = &ind.measurements[m];
                vec![
                    text(&ind.key.id),
                    Cell::Date(m.date),
                    Cell::Number(m.value),
                    opt(m.source.as_ref()),
                    Cell::Translations(m.note.clone()),
                ]
            }),
        },
        ExportTable {
            name: "reporting_calendar",
            title: "Reporting calendar",
            fields: REPORTING_CALENDAR,
            primary_key: Some("id"),
            foreign_keys: &[
                ("mechanism", "mechanisms", "id"),
                ("document", "documents", "id"),
            ],
            count: d.reports.len(),
            row: Box::new(move |i| {
                let report = &d.reports[i];
                vec![
                    text(&report.key.id),
                    text(&d.mechanisms[report.mechanism.index()].key.id),
                    Cell::Translations(report.title.clone()),
                    Cell::Date(report.due_date),
                    opt_date(report.submitted_date),
                    opt(report.document.map(|doc| &d.documents[doc.index()].key.id)),
                ]
            }),
        },
        ExportTable {
            name: "statuses",
            title: "Status scale",
            fields: STATUSES,
            primary_key: Some("id"),
            foreign_keys: &[],
            count: d.config.statuses.len(),
            row: Box::new(move |i| {
                let status = &d.config.statuses[i];
                vec![
                    text(&status.id),
                    Cell::Translations(Text(status.label.clone())),
                    text(&status.colour),
                    Cell::Boolean(status.implemented),
                    Cell::Boolean(status.closed),
                ]
            }),
        },
    ]
}

/// The CSV header of a table: translated fields become `{name}_{lang}` for every language.
pub fn csv_header(table: &ExportTable, languages: &[&str]) -> Vec<String> {
    let mut header = Vec::new();
    for field in table.fields {
        if field.translated {
            header.extend(languages.iter().map(|l| format!("{}_{l}", field.name)));
        } else {
            header.push(field.name.to_string());
        }
    }
    header
}

/// A text cell made safe for spreadsheets: one that starts with `=`, `+`, `-`, `@`, a tab or
/// a carriage return is prefixed with `'` so that it is never run as a formula (OWASP, CSV
/// injection).
pub fn spreadsheet_safe(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_string()
    }
}

fn number_text(n: f64) -> String {
    format!("{n}")
}

/// The CSV cells of one row.
pub fn csv_cells(table: &ExportTable, row: Vec<Cell>, languages: &[&str]) -> Vec<String> {
    let mut out = Vec::with_capacity(row.len() + languages.len());
    for (field, cell) in table.fields.iter().zip(row) {
        if field.translated {
            let translations = match cell {
                Cell::Translations(t) => t,
                _ => Text::default(),
            };
            for lang in languages {
                out.push(
                    translations
                        .0
                        .get(*lang)
                        .map(|t| spreadsheet_safe(t))
                        .unwrap_or_default(),
                );
            }
            continue;
        }
        out.push(match cell {
            Cell::Empty => String::new(),
            Cell::Text(t) => spreadsheet_safe(&t),
            Cell::List(values) => spreadsheet_safe(&values.join("|")),
            Cell::Date(date) => date.to_string(),
            Cell::Integer(n) => n.to_string(),
            Cell::Number(n) => number_text(n),
            Cell::Boolean(b) => b.to_string(),
            Cell::Translations(_) => String::new(),
        });
    }
    out
}

/// One row as a JSON object: translations as `{lang: text}`, lists as arrays, empty as null.
pub fn json_row(table: &ExportTable, row: Vec<Cell>) -> Value {
    let mut object = Map::new();
    for (field, cell) in table.fields.iter().zip(row) {
        let value = match cell {
            Cell::Empty => Value::Null,
            Cell::Text(t) => Value::String(t),
            Cell::List(values) => Value::Array(values.into_iter().map(Value::String).collect()),
            Cell::Date(date) => Value::String(date.to_string()),
            Cell::Integer(n) => json!(n),
            Cell::Number(n) => json!(n),
            Cell::Boolean(b) => Value::Bool(b),
            Cell::Translations(t) => translations(&t),
        };
        object.insert(field.name.to_string(), value);
    }
    Value::Object(object)
}

/// A translated text as a JSON object `{lang: text}`.
pub fn translations(text: &Text) -> Value {
    Value::Object(
        text.0
            .iter()
            .map(|(lang, t)| (lang.clone(), Value::String(t.clone())))
            .collect(),
    )
}

/// Counts and hashes what goes through it.
struct Hashing<W: Write> {
    inner: W,
    hasher: Sha256,
    bytes: u64,
}

impl<W: Write> Write for Hashing<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.hasher.update(&buf[..n]);
        self.bytes += n as u64;
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

/// A written file: its path below the site root, size and SHA-256.
#[derive(Debug, Clone)]
pub struct Written {
    pub path: String,
    pub bytes: u64,
    pub sha256: String,
    /// Rows, for tables.
    pub rows: Option<usize>,
}

fn create(out_dir: &Path, path: &str) -> Result<Hashing<std::io::BufWriter<std::fs::File>>> {
    let full = out_dir.join(path);
    if let Some(parent) = full.parent() {
        std::fs::create_dir_all(parent)
            .with_context(|| format!("cannot create {}", parent.display()))?;
    }
    let file = std::fs::File::create(&full).with_context(|| format!("cannot write {path}"))?;
    Ok(Hashing {
        inner: std::io::BufWriter::with_capacity(1 << 16, file),
        hasher: Sha256::new(),
        bytes: 0,
    })
}

fn finish(
    path: String,
    mut writer: Hashing<std::io::BufWriter<std::fs::File>>,
    rows: Option<usize>,
) -> Result<Written> {
    writer
        .flush()
        .with_context(|| format!("cannot write {path}"))?;
    let digest = writer.hasher.finalize();
    let sha256 = digest.iter().map(|b| format!("{b:02x}")).collect();
    Ok(Written {
        path,
        bytes: writer.bytes,
        sha256,
        rows,
    })
}

/// Writes `data/{table}.csv` for every table, `data/docket.json` and `data/datapackage.json`.
/// Returns what was written, the data package first, then the JSON file, then the tables.
pub fn write(site: &Site, out_dir: &Path) -> Result<Vec<Written>> {
    let d = site.data;
    let languages: Vec<&str> = d.config.language_codes().collect();
    let tables = tables(site);
    let mut written = Vec::new();
    for table in &tables {
        let path = format!("{DATA_DIR}/{}.csv", table.name);
        let writer = create(out_dir, &path)?;
        let mut csv = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .from_writer(writer);
        csv.write_record(csv_header(table, &languages))?;
        for i in 0..table.count {
            csv.write_record(csv_cells(table, (table.row)(i), &languages))?;
        }
        let writer = csv
            .into_inner()
            .map_err(|e| anyhow::anyhow!("cannot write {path}: {}", e.error()))?;
        written.push(finish(path, writer, Some(table.count))?);
    }
    let json_path = format!("{DATA_DIR}/{JSON_FILE}");
    let mut writer = create(out_dir, &json_path)?;
    writer.write_all(b"{\"portal\":")?;
    serde_json::to_writer(&mut writer, &portal_json(site))?;
    writer.write_all(b",\"tables\":{")?;
    for (n, table) in tables.iter().enumerate() {
        if n > 0 {
            writer.write_all(b",")?;
        }
        serde_json::to_writer(&mut writer, table.name)?;
        writer.write_all(b":[")?;
        for i in 0..table.count {
            if i > 0 {
                writer.write_all(b",")?;
            }
            serde_json::to_writer(&mut writer, &json_row(table, (table.row)(i)))?;
        }
        writer.write_all(b"]")?;
    }
    writer.write_all(b"}}\n")?;
    let json_file = finish(json_path, writer, None)?;
    let package = datapackage(site, &tables, &written, &json_file, &languages);
    let package_path = format!("{DATA_DIR}/{PACKAGE_FILE}");
    let mut writer = create(out_dir, &package_path)?;
    serde_json::to_writer_pretty(&mut writer, &package)?;
    writer.write_all(b"\n")?;
    let package_file = finish(package_path, writer, None)?;
    let mut all = vec![package_file, json_file];
    all.append(&mut written);
    Ok(all)
}

/// The portal's settings that explain the data: title, languages, status scale, as-of date.
pub fn portal_json(site: &Site) -> Value {
    let config = &site.data.config;
    json!({
        "title": config.title,
        "tagline": config.tagline,
        "base_url": site.absolute(""),
        "as_of": site.data.as_of.to_string(),
        "default_language": config.default_language,
        "languages": config.languages.iter().map(|l| json!({
            "code": l.code,
            "name": l.name,
            "dir": l.dir.as_str(),
        })).collect::<Vec<_>>(),
    })
}

fn kind_name(kind: Kind) -> (&'static str, Option<&'static str>) {
    match kind {
        Kind::String | Kind::List => ("string", None),
        Kind::Date => ("date", None),
        Kind::Integer => ("integer", None),
        Kind::Number => ("number", None),
        Kind::Boolean => ("boolean", None),
        Kind::Uri => ("string", Some("uri")),
    }
}

/// The Frictionless Data Package: one tabular data resource per CSV file, with its schema.
fn datapackage(
    site: &Site,
    tables: &[ExportTable],
    csv_files: &[Written],
    json_file: &Written,
    languages: &[&str],
) -> Value {
    let config = &site.data.config;
    let title = config
        .title
        .get(&config.default_language)
        .cloned()
        .unwrap_or_default();
    let mut resources = Vec::new();
    for (table, file) in tables.iter().zip(csv_files) {
        let mut fields = Vec::new();
        for field in table.fields {
            let (kind, format) = kind_name(field.kind);
            let names: Vec<(String, String)> = if field.translated {
                languages
                    .iter()
                    .map(|l| {
                        (
                            format!("{}_{l}", field.name),
                            format!("{} ({l})", field.description),
                        )
                    })
                    .collect()
            } else {
                vec![(field.name.to_string(), field.description.to_string())]
            };
            for (name, description) in names {
                let mut object = Map::new();
                object.insert("name".into(), Value::String(name));
                object.insert("type".into(), Value::String(kind.into()));
                if let Some(format) = format {
                    object.insert("format".into(), Value::String(format.into()));
                }
                object.insert("description".into(), Value::String(description));
                if field.required {
                    object.insert("constraints".into(), json!({"required": true}));
                }
                fields.push(Value::Object(object));
            }
        }
        let mut schema = Map::new();
        schema.insert("fields".into(), Value::Array(fields));
        schema.insert("missingValues".into(), json!([""]));
        if let Some(key) = table.primary_key {
            schema.insert("primaryKey".into(), json!(key));
        }
        if !table.foreign_keys.is_empty() {
            schema.insert(
                "foreignKeys".into(),
                Value::Array(
                    table
                        .foreign_keys
                        .iter()
                        .map(|(field, resource, target)| {
                            json!({"fields": field, "reference": {"resource": resource, "fields": target}})
                        })
                        .collect(),
                ),
            );
        }
        resources.push(json!({
            "profile": "tabular-data-resource",
            "name": table.name,
            "title": table.title,
            "path": file.path.strip_prefix(&format!("{DATA_DIR}/")).unwrap_or(&file.path),
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "bytes": file.bytes,
            "hash": format!("sha256:{}", file.sha256),
            "dialect": {"delimiter": ",", "lineTerminator": "\r\n", "quoteChar": "\"", "doubleQuote": true, "header": true},
            "schema": Value::Object(schema),
        }));
    }
    resources.push(json!({
        "profile": "data-resource",
        "name": "docket",
        "title": "Every table in one JSON file",
        "path": JSON_FILE,
        "format": "json",
        "mediatype": "application/json",
        "encoding": "utf-8",
        "bytes": json_file.bytes,
        "hash": format!("sha256:{}", json_file.sha256),
    }));
    let name = {
        let slug = crate::slug::slugify(&title);
        if slug.is_empty() {
            "docket-portal".to_string()
        } else {
            slug
        }
    };
    json!({
        "profile": "data-package",
        "name": name,
        "title": title,
        "description": config.tagline.get(&config.default_language),
        "homepage": site.absolute(""),
        "created": format!("{}T00:00:00Z", site.data.as_of),
        "version": site.data.as_of.to_string(),
        "keywords": ["human rights", "recommendations", "follow-up"],
        "resources": resources,
    })
}
