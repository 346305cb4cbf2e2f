//! The States table: the built-in rows, then `data/states.csv` adding or overriding rows;
//! and config `state`.

use super::super::registry::Registry;
use super::super::sheet::Cells;
use super::super::states::{self, RegionalGroup, State, StateIndex};
use super::super::types::*;
use super::Resolver;
use super::schema::STATES;
use crate::config::{CONFIG_FILE, Config};
use crate::diagnostics::Diagnostics;

/// The resolved States table and what finds a row by id, name or alias.
pub(super) struct StatesTable {
    pub(super) states: Vec<State>,
    pub(super) index: StateIndex,
    /// Config `state`, resolved.
    pub(super) portal_state: Option<StateId>,
}

impl StatesTable {
    /// Resolves a `state` or `recommending_states` value (an id, name or alias), reporting an
    /// unknown one at its cell with the closest name.
    pub(super) fn resolve(
        &self,
        value: &str,
        column: &str,
        cells: &Cells,
        d: &mut Diagnostics,
    ) -> Option<StateId> {
        if let Some(id) = self.index.find(value) {
            return Some(id);
        }
        let help = match self.index.suggest(value) {
            Some(close) => format!("did you mean `{close}`?"),
            None => "write the State's ISO 3166-1 alpha-3 code (`FRA`) or its name; add a row to data/states.csv for a State the built-in table lacks".to_string(),
        };
        cells.error(
            column,
            d,
            format!("unknown State `{value}` in `{column}`"),
            help,
        );
        None
    }

    /// Every State of a `|`-separated cell, once each, in the order written.
    pub(super) fn resolve_all(
        &self,
        column: &str,
        cells: &Cells,
        d: &mut Diagnostics,
    ) -> Vec<StateId> {
        let mut out: Vec<StateId> = Vec::new();
        for value in cells.multi(column) {
            if let Some(id) = self.resolve(value, column, cells, d) {
                if !out.contains(&id) {
                    out.push(id);
                }
            }
        }
        out
    }
}

impl<'r> Resolver<'r> {
    pub(super) fn states(&mut self) -> StatesTable {
        let mut table: Vec<State> = states::builtin().to_vec();
        let sheet = self.sheet("states", &STATES, false);
        let mut registry = Registry::new("State", "data/states.csv");
        for cells in sheet.rows() {
            let d = &mut *self.diagnostics;
            let Some(key) = cells.key(d) else { continue };
            if let Some(problem) = states::id_problem(&key.id) {
                cells.error("id", d, problem, "see docs/data.md, \"States\"");
                continue;
            }
            if !registry.add(&key, &cells, d) {
                continue;
            }
            let group = cells.choice("group", RegionalGroup::ALL, d);
            let name = cells.text("name");
            match table.iter_mut().find(|s| s.key.id == key.id) {
                Some(state) => {
                    state.name.0.extend(name.0);
                    state.group = group.or(state.group);
                    state
                        .aliases
                        .extend(cells.multi("aliases").into_iter().map(str::to_string));
                    state.from_portal = true;
                }
                None if name.is_empty() => cells.error(
                    "id",
                    d,
                    format!(
                        "`{}` is not in the built-in States table and this row gives it no name",
                        key.id
                    ),
                    "fill in a `name_…` cell in at least one language",
                ),
                None => table.push(State {
                    key,
                    name,
                    group,
                    aliases: cells
                        .multi("aliases")
                        .into_iter()
                        .map(str::to_string)
                        .collect(),
                    from_portal: true,
                    under_review: Vec::new(),
                    recommended: Vec::new(),
                    documents: Vec::new(),
                }),
            }
        }
        let index = StateIndex::new(&table);
        let portal_state = self.config_state(&index);
        StatesTable {
            states: table,
            index,
            portal_state,
        }
    }

    /// Config `state`, which must name a State of the table.
    fn config_state(&mut self, index: &StateIndex) -> Option<StateId> {
        let value = self.config.state.as_deref()?;
        let found = index.find(value);
        if found.is_none() {
            let (line, column) = Config::state_location(&self.raw.config_source);
            let help = match index.suggest(value) {
                Some(close) => format!("did you mean `{close}`? write the State's ISO 3166-1 alpha-3 code, such as `PRY`"),
                None => "write the State's ISO 3166-1 alpha-3 code, such as `PRY`, or add the State to data/states.csv".to_string(),
            };
            self.diagnostics.error_with_help(
                CONFIG_FILE,
                line,
                column,
                format!("`state = \"{value}\"` is not a State of the States table"),
                help,
            );
        }
        found
    }
}
