//! Ids that UHRI web-service records give instead of names (`themesIds`, `bodyId`,
//! `sdgsIds`, ...): named from a labels file given with `--labels`, else kept as
//! `UHRI theme 12`-style names and reported once.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;

use anyhow::{Context, Result, bail};
use serde_json::Value;

use super::json::json_text;
use super::{Field, field_of};
use crate::import::merge::Rename;

/// Labels by field and id, and the ids met without a label (by the key that gave them).
#[derive(Debug, Default)]
pub struct IdValues {
    labels: HashMap<Field, HashMap<String, String>>,
    unlabelled: BTreeMap<String, BTreeSet<String>>,
}

impl IdValues {
    /// Reads a labels file: a JSON object whose keys name fields as records do (`themes`,
    /// `themesIds`, `bodyId`, ...) and whose values map ids to labels, either as an object
    /// (`{"12": "Torture"}`) or as a list of objects with `id` and `name` (or `label`).
    pub fn load(path: &Path) -> Result<IdValues> {
        let file = path.display();
        let bytes = std::fs::read(path).with_context(|| format!("cannot read {file}"))?;
        let value: Value = serde_json::from_slice(&bytes).with_context(|| {
            format!("{file} is not readable JSON (expected an object of labels by field, see docs/data.md)")
        })?;
        let Value::Object(fields) = value else {
            bail!(
                "{file}: expected a JSON object such as {{\"themesIds\": {{\"12\": \"Torture\"}}}}"
            );
        };
        let mut labels: HashMap<Field, HashMap<String, String>> = HashMap::new();
        for (key, values) in fields {
            let Some((field, _)) = field_of(&key).filter(|(f, _)| super::takes_ids(*f)) else {
                bail!(
                    "{file}: `{key}` is not a field given by id (expected one of themesIds, affectedPersonsIds, sdgsIds, bodyId, countriesIds, uprRecommendingCountryIds)"
                );
            };
            let entry = labels.entry(field).or_default();
            match values {
                Value::Object(map) => {
                    for (id, label) in map {
                        if let Some(label) = json_text(label) {
                            entry.insert(id, label);
                        }
                    }
                }
                Value::Array(items) => {
                    for item in items {
                        let Value::Object(mut item) = item else {
                            bail!(
                                "{file}: `{key}` lists something that is not an object with id and name"
                            );
                        };
                        let id = ["id", "Id", "ID"].iter().find_map(|k| item.remove(*k));
                        let label = ["name", "Name", "label", "Label", "title", "Title"]
                            .iter()
                            .find_map(|k| item.remove(*k));
                        if let (Some(id), Some(label)) =
                            (id.and_then(json_text), label.and_then(json_text))
                        {
                            entry.insert(id, label);
                        }
                    }
                }
                _ => bail!("{file}: `{key}` must map ids to labels"),
            }
        }
        Ok(IdValues {
            labels,
            unlabelled: BTreeMap::new(),
        })
    }

    /// The name to import for `id` of `field`, given under `key`.
    pub(super) fn name(&mut self, field: Field, key: &str, id: &str) -> String {
        let id = id.trim();
        if let Some(label) = self.labels.get(&field).and_then(|l| l.get(id)) {
            return label.clone();
        }
        // SDG ids are the goal or target numbers themselves.
        if field == Field::Sdgs
            && id.split('.').all(|p| !p.is_empty())
            && id.starts_with(|c: char| c.is_ascii_digit())
        {
            return id.to_string();
        }
        self.unlabelled
            .entry(key.to_string())
            .or_default()
            .insert(id.to_string());
        format!("{} {id}", placeholder(field))
    }

    /// For each label of a field kept in a table (themes, groups, bodies), the placeholder
    /// an import without it wrote, to be renamed (see `Rename`); in a stable order.
    pub(crate) fn renames(&self) -> Vec<Rename> {
        let mut renames: Vec<Rename> = Vec::new();
        for (field, labels) in &self.labels {
            let table = match field {
                Field::Themes => "themes",
                Field::Persons => "groups",
                Field::Body => "mechanisms",
                _ => continue,
            };
            renames.extend(labels.iter().map(|(id, label)| Rename {
                table,
                placeholder: format!("{} {}", placeholder(*field), id.trim()),
                label: label.clone(),
            }));
        }
        renames.sort_by(|a, b| (a.table, &a.placeholder).cmp(&(b.table, &b.placeholder)));
        renames
    }

    /// The note for the summary when ids had no label.
    pub fn note(&self) -> Option<String> {
        if self.unlabelled.is_empty() {
            return None;
        }
        let keys: Vec<String> = self
            .unlabelled
            .iter()
            .map(|(key, ids)| {
                let shown: Vec<&str> = ids.iter().take(5).map(String::as_str).collect();
                let more = if ids.len() > 5 { ", ..." } else { "" };
                format!("{key} ({} ids: {}{more})", ids.len(), shown.join(", "))
            })
            .collect();
        Some(format!(
            "ids without labels were kept as names such as `UHRI theme 12`: {}; import again with their labels, --labels FILE.json (see docs/data.md), to rename them",
            keys.join("; ")
        ))
    }
}

fn placeholder(field: Field) -> &'static str {
    match field {
        Field::Themes => "UHRI theme",
        Field::Persons => "UHRI group",
        Field::Body => "UHRI body",
        Field::Countries => "UHRI country",
        Field::UprStates => "UHRI State",
        _ => "UHRI",
    }
}
