//! The columns of every exported table, with their Frictionless types and descriptions.

use chrono::NaiveDate;

use crate::model::*;

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

pub(super) const fn field(name: &'static str, kind: Kind, description: &'static str) -> Field {
    Field {
        name,
        kind,
        required: false,
        translated: false,
        description,
    }
}

pub(super) const fn required(name: &'static str, kind: Kind, description: &'static str) -> Field {
    Field {
        name,
        kind,
        required: true,
        translated: false,
        description,
    }
}

pub(super) const fn translated(name: &'static str, description: &'static str) -> Field {
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

pub(super) fn text(value: &str) -> Cell {
    Cell::Text(value.to_string())
}

pub(super) fn opt<T: ToString>(value: Option<T>) -> Cell {
    value.map_or(Cell::Empty, |v| Cell::Text(v.to_string()))
}

pub(super) fn opt_date(value: Option<NaiveDate>) -> Cell {
    value.map_or(Cell::Empty, Cell::Date)
}

/// A table's fields without the trailing `submitted_by` unless config publishes it.
pub(super) fn submission_fields(fields: &'static [Field], publish_by: bool) -> &'static [Field] {
    debug_assert_eq!(fields.last().map(|f| f.name), Some("submitted_by"));
    &fields[..fields.len() - usize::from(!publish_by)]
}

/// The trailing `submitted_on` and, when published, `submitted_by` cells of a row.
pub(super) fn submission_cells(row: &mut Vec<Cell>, submission: &Submission, publish_by: bool) {
    row.push(opt_date(submission.on));
    if publish_by {
        row.push(opt(submission.by.as_ref()));
    }
}

pub(super) fn opt_number(value: Option<f64>) -> Cell {
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

pub(super) fn key_ids<T>(
    items: &[T],
    ids: impl IntoIterator<Item = usize>,
    key: fn(&T) -> &Key,
) -> Cell {
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

pub(super) const MECHANISMS: &[Field] = &[
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
pub(super) const DOCUMENTS: &[Field] = &[
    required("id", Kind::String, "Permanent identifier"),
    required("symbol", Kind::String, "Official document symbol"),
    required("mechanism", Kind::String, "Mechanism id"),
    required("date", Kind::Date, "Date of the document"),
    field("cycle", Kind::Integer, "UPR cycle"),
    field("session", Kind::String, "Session"),
    field(
        "state",
        Kind::String,
        "Id of the State the document is about",
    ),
    translated("title", "Title"),
    field("url", Kind::Uri, "Official copy"),
];
pub(super) const RECOMMENDATIONS: &[Field] = &[
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
    field("state", Kind::String, "Id of the State under review"),
    field(
        "recommending_states",
        Kind::List,
        "Recommending State ids (UPR; several for a joint recommendation), separated by |",
    ),
    field("themes", Kind::List, "Theme ids, separated by |"),
    field("groups", Kind::List, "Affected group ids, separated by |"),
    field("sdg_targets", Kind::List, "SDG target ids, separated by |"),
    field(
        "sdg_goals",
        Kind::List,
        "SDG goal ids linked as a whole, separated by |",
    ),
    field(
        "position_source",
        Kind::String,
        "Where the State gave its position, such as A/HRC/52/8/Add.1 - Para.3",
    ),
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
pub(super) const INSTITUTIONS: &[Field] = &[
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
pub(super) const THEMES: &[Field] = &[
    required("id", Kind::String, "Permanent identifier"),
    field("parent", Kind::String, "Parent theme id"),
    translated("name", "Name"),
];
pub(super) const STATES: &[Field] = &[
    required(
        "id",
        Kind::String,
        "ISO 3166-1 alpha-3 code (XAA-XZZ for an entity without one)",
    ),
    translated("name", "Name"),
    field(
        "group",
        Kind::String,
        "UN regional group: african, asia-pacific, eastern-european, latin-american-caribbean or western-european-other",
    ),
];
pub(super) const GROUPS: &[Field] = &[
    required("id", Kind::String, "Permanent identifier"),
    translated("name", "Name"),
];
pub(super) const SDG_GOALS: &[Field] = &[
    required("id", Kind::String, "Goal number"),
    translated("name", "Name"),
];
pub(super) const SDG_TARGETS: &[Field] = &[
    required("id", Kind::String, "Target number, goal.target"),
    required("goal", Kind::String, "Goal id"),
    translated("text", "Text of the target"),
];
pub(super) const CLUSTERS: &[Field] = &[
    required("id", Kind::String, "Permanent identifier"),
    translated("name", "Name"),
    translated("description", "Description"),
];
pub(super) const ACTIONS: &[Field] = &[
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
    field("submitted_on", Kind::Date, "When the row was submitted"),
    field("submitted_by", Kind::String, "Who submitted the row"),
];
pub(super) const STATUS_UPDATES: &[Field] = &[
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
    field("submitted_on", Kind::Date, "When the update was submitted"),
    field("submitted_by", Kind::String, "Who submitted the update"),
];
pub(super) const INDICATORS: &[Field] = &[
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
pub(super) const MEASUREMENTS: &[Field] = &[
    required("indicator", Kind::String, "Indicator id"),
    required("date", Kind::Date, "Date of the measurement"),
    required("value", Kind::Number, "Value"),
    field("source", Kind::String, "Source"),
    translated("note", "Note"),
];
pub(super) const REPORTING_CALENDAR: &[Field] = &[
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
pub(super) const STATUSES: &[Field] = &[
    required("id", Kind::String, "Status id"),
    translated("label", "Label"),
    required("colour", Kind::String, "Colour"),
    required("implemented", Kind::Boolean, "Counts as implemented"),
    required("closed", Kind::Boolean, "No further action expected"),
];
