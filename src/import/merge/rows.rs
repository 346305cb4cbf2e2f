//! Merging one record into its recommendation row: found by source, by an earlier row, or
//! by document and paragraph from another source; added when new.

use crate::import::Problems;
use crate::import::cross_source::{source_of, symbol_key};
use crate::slug::{id_problem, slugify};

use super::*;

impl Merger<'_> {
    /// Merges one record; `None` (with a row problem) when it cannot be imported.
    pub(super) fn record(&mut self, record: &Record, problems: &mut Problems) -> Option<Merged> {
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
    pub(super) fn placement(
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
    pub(super) fn add(&mut self, record: &Record, problems: &mut Problems) -> bool {
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
    pub(super) fn rename_placeholder(&mut self, rename: &Rename, notes: &mut Vec<String>) {
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

    pub(super) fn term_index(&self, table: &str) -> &TermIndex {
        match table {
            "themes" => &self.themes,
            "groups" => &self.groups,
            _ => &self.mechanisms,
        }
    }

    pub(super) fn term_index_mut(&mut self, table: &str) -> &mut TermIndex {
        match table {
            "themes" => &mut self.themes,
            "groups" => &mut self.groups,
            _ => &mut self.mechanisms,
        }
    }

    /// The existing row of the record's document and paragraph, when another source (or the
    /// portal itself) wrote it: two records of one source with different keys stay two rows.
    pub(super) fn other_source_row(&self, record: &Record) -> Option<usize> {
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
    pub(super) fn update(
        &mut self,
        row: usize,
        record: &Record,
        rekeyed: bool,
        refresh: Refresh,
    ) -> bool {
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
}

/// How an update treats the single-valued cells (texts, response, paragraph, position source)
/// of the row it updates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Refresh {
    /// The row came from this source: its values are the source's latest.
    Overwrite,
    /// The row came from another source or the portal: only empty cells are filled.
    FillEmpty,
}

/// `existing` (a `|` cell) with the values of `incoming` it lacks appended.
pub(super) fn union(existing: &str, incoming: &[String]) -> String {
    union_by(existing, incoming, str::to_string)
}

/// [`union`], two values being the same when their `key`s are (a State's id and its name).
pub(super) fn union_by(
    existing: &str,
    incoming: &[String],
    key: impl Fn(&str) -> String,
) -> String {
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
