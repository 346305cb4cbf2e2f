//! Finding a term table's rows by name, and counting what an import changed in a table.

use std::collections::{HashMap, HashSet};

use crate::import::summary::TableChanges;
use crate::import::table::EditTable;
use crate::slug::slugify;

/// Looks up rows of a term table by the slug of their id or by any of their names.
#[derive(Default)]
pub(super) struct TermIndex {
    pub(super) by_slug: HashMap<String, usize>,
    pub(super) by_name: HashMap<String, usize>,
}

impl TermIndex {
    pub(super) fn build(table: &EditTable, name_prefix: &str) -> TermIndex {
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

    pub(super) fn add<'a>(&mut self, row: usize, id: &str, names: impl Iterator<Item = &'a str>) {
        if !id.is_empty() {
            self.by_slug.entry(slugify(id)).or_insert(row);
        }
        for name in names.filter(|n| !n.is_empty()) {
            self.by_name.entry(name_key(name)).or_insert(row);
        }
    }

    pub(super) fn find(&self, name: &str) -> Option<usize> {
        self.by_name
            .get(&name_key(name))
            .or_else(|| self.by_slug.get(&slugify(name)))
            .copied()
    }
}

pub(super) fn name_key(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

pub(super) struct Tracker {
    pub(super) changes: TableChanges,
    pub(super) new_rows: HashSet<usize>,
    pub(super) updated_rows: HashSet<usize>,
    pub(super) matched_rows: HashSet<usize>,
}

impl Tracker {
    pub(super) fn new(name: &str) -> Tracker {
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

    pub(super) fn added(&mut self, row: usize, id: &str) {
        self.new_rows.insert(row);
        self.changes.added.push(id.to_string());
    }

    pub(super) fn touched(&mut self, row: usize, id: &str, changed: bool) {
        if self.new_rows.contains(&row) {
            return;
        }
        self.matched_rows.insert(row);
        if changed && self.updated_rows.insert(row) {
            self.changes.updated.push(id.to_string());
        }
    }

    pub(super) fn finish(mut self) -> TableChanges {
        self.changes.unchanged = self.matched_rows.len() - self.updated_rows.len();
        self.changes
    }
}
