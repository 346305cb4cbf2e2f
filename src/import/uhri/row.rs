//! One UHRI annotation as read from any export, and the field each column or key holds.

use super::cell_value;

/// One UHRI annotation, whatever file it came from.
#[derive(Debug, Default, Clone)]
pub(super) struct UhriRow {
    pub(super) line: u64,
    /// The texts as (language, text); `None` is the `--lang` language.
    pub(super) texts: Vec<(Option<String>, String)>,
    /// The keys of a JSON record, for the error when none holds a text.
    pub(super) keys: Option<Vec<String>>,
    pub(super) countries: Vec<String>,
    pub(super) body: String,
    pub(super) symbol: String,
    pub(super) themes: Vec<String>,
    pub(super) persons: Vec<String>,
    pub(super) sdgs: Vec<String>,
    pub(super) date: String,
    pub(super) upr_states: Vec<String>,
    pub(super) upr_position: String,
    pub(super) annotation_id: String,
    pub(super) upr_session: String,
    pub(super) upr_cycle: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(super) enum Field {
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
pub(super) fn field_of(name: &str) -> Option<(Field, bool)> {
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
pub(super) fn sheet_field(header: &str) -> Option<Field> {
    field_of(header)
        .filter(|(_, ids)| !ids)
        .map(|(field, _)| field)
}

pub(super) fn named_field(key: &str) -> Option<Field> {
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
pub(super) fn takes_ids(field: Field) -> bool {
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
    pub(super) fn is_empty(&self, field: Field) -> bool {
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

    pub(super) fn set(&mut self, field: Field, value: Cell) {
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
pub(super) enum Cell {
    Text(String),
    List(Vec<String>),
}

impl Cell {
    pub(super) fn scalar(self) -> String {
        match self {
            Cell::Text(text) => text.trim().to_string(),
            Cell::List(values) => values.into_iter().next().unwrap_or_default(),
        }
    }

    /// Multi-value cells hold lines that start with `- `.
    pub(super) fn list(self) -> Vec<String> {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn multi_value_cells_hold_dash_lines() {
        assert_eq!(
            Cell::Text("- Women\n- Girls\n- Women".into()).list(),
            vec!["Women".to_string(), "Girls".to_string()]
        );
        assert_eq!(Cell::Text("Children".into()).list(), vec!["Children"]);
    }
}
