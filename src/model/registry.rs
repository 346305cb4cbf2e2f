//! Id tables: duplicate and slug-collision checks, reference resolution with suggestions.

use rustc_hash::{FxHashMap, FxHashSet};

use super::sheet::Cells;
use super::types::Key;
use crate::diagnostics::{Diagnostics, did_you_mean};

/// The ids of one table, in file order.
pub struct Registry {
    /// What a row is, for messages: "theme", "recommendation".
    pub what: &'static str,
    /// The table's file, for messages about missing tables.
    pub file: &'static str,
    ids: Vec<String>,
    // FxHash: the keys are the portal's own ids, and these maps are looked up for every
    // reference of every row.
    by_id: FxHashMap<String, u32>,
    /// Slug to the id (or alias) that claimed it, the index in `files` of its file, and its line.
    by_slug: FxHashMap<String, (String, u32, u64)>,
    /// The files rows came from, each once (a table split into a folder has several).
    files: Vec<String>,
    /// Ids of rows dropped for another problem: references to them are not reported again.
    broken: FxHashSet<String>,
}

impl Registry {
    pub fn new(what: &'static str, file: &'static str) -> Self {
        Registry {
            what,
            file,
            ids: Vec::new(),
            by_id: FxHashMap::default(),
            by_slug: FxHashMap::default(),
            files: Vec::new(),
            broken: FxHashSet::default(),
        }
    }

    /// Registers a row's key; `false` (and a diagnostic) when the id or its slug is taken.
    pub fn add(&mut self, key: &Key, cells: &Cells, diagnostics: &mut Diagnostics) -> bool {
        if !self.claim_slug(key, "id", cells, diagnostics) {
            return false;
        }
        self.by_id.insert(key.id.clone(), self.ids.len() as u32);
        self.ids.push(key.id.clone());
        true
    }

    /// Reserves the slug of an alias so that no id or other alias can take its URL.
    pub fn add_alias(&mut self, alias: &Key, cells: &Cells, diagnostics: &mut Diagnostics) -> bool {
        self.claim_slug(alias, "aliases", cells, diagnostics)
    }

    fn claim_slug(
        &mut self,
        key: &Key,
        column: &str,
        cells: &Cells,
        diagnostics: &mut Diagnostics,
    ) -> bool {
        if let Some((other, file, line)) = self.by_slug.get(&key.slug) {
            // A table split into a folder: the first use may be in another file.
            let file = &self.files[*file as usize];
            let place = if file == cells.file() {
                format!("line {line}")
            } else {
                format!("{file} line {line}")
            };
            let message = if *other == key.id {
                format!(
                    "duplicate {} id `{}` (first used on {place})",
                    self.what, key.id
                )
            } else {
                format!(
                    "`{}` has the same URL slug `{}` as `{other}` on {place}",
                    key.id, key.slug
                )
            };
            cells.error(column, diagnostics, message, "ids are permanent URLs and must be unique after the slug rule (lower case, `-` for other characters); change one of them");
            return false;
        }
        let file = self.file_index(cells.file());
        self.by_slug
            .insert(key.slug.clone(), (key.id.clone(), file, cells.line()));
        true
    }

    /// The index of `file` in `files`, added when it is not the last one seen (rows come
    /// file by file).
    fn file_index(&mut self, file: &str) -> u32 {
        match self.files.iter().rposition(|f| f == file) {
            Some(index) => index as u32,
            None => {
                self.files.push(file.to_string());
                self.files.len() as u32 - 1
            }
        }
    }

    /// Remembers the id of a row that was reported and dropped, so that its problem is
    /// reported once, not again at every reference.
    pub fn add_broken(&mut self, key: Option<Key>) {
        if let Some(key) = key {
            self.broken.insert(key.id);
        }
    }

    pub fn lookup(&self, id: &str) -> Option<u32> {
        self.by_id.get(id).copied()
    }

    /// Resolves a reference in `column`, reporting unknown ids with a suggestion.
    pub fn resolve(
        &self,
        id: &str,
        column: &str,
        cells: &Cells,
        diagnostics: &mut Diagnostics,
    ) -> Option<u32> {
        if let Some(index) = self.lookup(id) {
            return Some(index);
        }
        if self.broken.contains(id) {
            return None;
        }
        let help = if self.ids.is_empty() {
            format!("{} has no rows; add `{id}` there first", self.file)
        } else if let Some(close) = did_you_mean(id, self.ids.iter().map(String::as_str)) {
            format!("did you mean `{close}`?")
        } else {
            format!(
                "add a row with id `{id}` to {} or correct the reference",
                self.file
            )
        };
        cells.error(
            column,
            diagnostics,
            format!("unknown {} `{id}` in `{column}`", self.what),
            help,
        );
        None
    }

    /// Resolves every value of a multi-value cell, dropping unknown and repeated ones.
    pub fn resolve_all<T: From<u32> + PartialEq>(
        &self,
        ids: &[&str],
        column: &str,
        cells: &Cells,
        diagnostics: &mut Diagnostics,
    ) -> Vec<T> {
        let mut out: Vec<T> = Vec::with_capacity(ids.len());
        for id in ids {
            if let Some(index) = self.resolve(id, column, cells, diagnostics) {
                let value = T::from(index);
                if !out.contains(&value) {
                    out.push(value);
                }
            }
        }
        out
    }
}
