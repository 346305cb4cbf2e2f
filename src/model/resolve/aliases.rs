//! The `aliases` column of every table with pages: old ids kept alive as redirects.

use super::super::registry::Registry;
use super::super::sheet::Cells;
use super::super::types::{Alias, AliasTarget};
use crate::diagnostics::Diagnostics;

/// Rows whose aliases are claimed once every id of their table is known, so that an alias
/// never takes the URL of a later row's id.
pub(super) struct PendingAliases<'s, 'a> {
    rows: Vec<(Cells<'s, 'a>, AliasTarget)>,
}

impl<'s, 'a> PendingAliases<'s, 'a> {
    pub(super) fn new() -> Self {
        PendingAliases { rows: Vec::new() }
    }

    /// Remembers a row that made it into the table, and what its aliases forward to.
    pub(super) fn add(&mut self, cells: &Cells<'s, 'a>, target: AliasTarget) {
        if cells.get("aliases").is_some() {
            self.rows.push((*cells, target));
        }
    }

    /// Checks every alias against the id rule and the table's slugs; the valid ones.
    pub(super) fn claim(
        self,
        registry: &mut Registry,
        diagnostics: &mut Diagnostics,
    ) -> Vec<Alias> {
        let mut out = Vec::new();
        for (cells, target) in self.rows {
            for raw in cells.multi("aliases") {
                let Some(old) = cells.key_from(raw, "aliases", diagnostics) else {
                    continue;
                };
                if registry.add_alias(&old, &cells, diagnostics) {
                    out.push(Alias { old, target });
                }
            }
        }
        out
    }
}
