//! The States table as the portal has it (the built-in table with the rows of
//! `data/states.csv`), so that importers write a State's id for whatever spelling a source
//! uses (`Macedonia FYR`, `Laos`, `Palestine`).

use std::path::Path;

use anyhow::Result;

use crate::diagnostics::Diagnostics;
use crate::model::states::{State, StateIndex, builtin, fold};
use crate::model::{Key, Text};

/// Finds a State's id by its id, any of its names or an alias.
pub(crate) struct PortalStates {
    table: Vec<State>,
    index: StateIndex,
}

impl PortalStates {
    /// The built-in table alone.
    #[cfg(test)]
    pub fn builtin() -> PortalStates {
        let table = builtin().to_vec();
        let index = StateIndex::new(&table);
        PortalStates { table, index }
    }

    /// The built-in table with the portal's own rows. A `data/states.csv` that cannot be read
    /// adds nothing here: the check of the merged portal reports its problems.
    pub fn load(root: &Path) -> Result<PortalStates> {
        let mut table: Vec<State> = builtin().to_vec();
        let mut ignored = Diagnostics::default();
        for file in crate::load::read_table(root, "states", &mut ignored)?.unwrap_or_default() {
            let column = |name: &str| file.header.iter().position(|h| h == name);
            let Some(id) = column("id") else { continue };
            let aliases = column("aliases");
            let names: Vec<(String, usize)> = file
                .header
                .iter()
                .enumerate()
                .filter_map(|(i, h)| Some((h.strip_prefix("name_")?.to_string(), i)))
                .collect();
            for row in &file.rows {
                add_row(&mut table, &row.cells, id, &names, aliases);
            }
        }
        let index = StateIndex::new(&table);
        Ok(PortalStates { table, index })
    }

    /// The id of the State `name` names (`PRY` for `Paraguay`, `paraguay` or `PRY`).
    pub fn id(&self, name: &str) -> Option<&str> {
        let found = self.index.find(name)?;
        self.table.get(found.index()).map(|s| s.key.id.as_str())
    }

    /// What two spellings of one State share: its id, or for a State the table does not
    /// know, its name folded (case, accents and punctuation aside).
    pub fn key(&self, name: &str) -> String {
        match self.id(name) {
            Some(id) => id.to_string(),
            None => fold(name),
        }
    }

    /// The closest name of the table to one it does not have.
    pub fn suggest(&self, name: &str) -> Option<&str> {
        self.index.suggest(name)
    }

    /// What to say about a name that is not in the table.
    pub fn unknown(&self, name: &str) -> (String, String) {
        let message = format!("`{name}` is not a State of the States table");
        let help = match self.index.suggest(name) {
            Some(close) => format!(
                "did you mean `{close}`? Otherwise add the State (or this spelling as an alias) to data/states.csv (docs/data.md, \"States\")"
            ),
            None => "add the State (or this spelling as an alias) to data/states.csv (docs/data.md, \"States\")".to_string(),
        };
        (message, help)
    }
}

/// One row of `data/states.csv`: a new State, or names and aliases for a built-in one.
fn add_row(
    table: &mut Vec<State>,
    cells: &[String],
    id: usize,
    names: &[(String, usize)],
    aliases: Option<usize>,
) {
    let id = cells[id].trim();
    if id.is_empty() {
        return;
    }
    let names: Vec<(String, String)> = names
        .iter()
        .filter(|(_, i)| !cells[*i].trim().is_empty())
        .map(|(lang, i)| (lang.clone(), cells[*i].trim().to_string()))
        .collect();
    let aliases: Vec<String> = aliases
        .map(|i| cells[i].split('|').map(str::trim).filter(|a| !a.is_empty()))
        .into_iter()
        .flatten()
        .map(str::to_string)
        .collect();
    match table.iter_mut().find(|s| s.key.id == id) {
        Some(state) => {
            state.name.0.extend(names);
            state.aliases.extend(aliases);
            state.from_portal = true;
        }
        None => table.push(State {
            key: Key {
                id: id.to_string(),
                slug: id.to_lowercase(),
            },
            name: Text(names.into_iter().collect()),
            group: None,
            aliases,
            from_portal: true,
            under_review: Vec::new(),
            recommended: Vec::new(),
            documents: Vec::new(),
        }),
    }
}
