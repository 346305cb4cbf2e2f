//! Which countries concerned a UHRI import takes (`--country`, repeatable, or
//! `--all-countries`), and the State id each record is written under. A country is named by
//! its id, any of its names or an alias of the portal's States table, or as the export
//! spells it; one named that no file concerns is an error, as for UPR Info's `--state`.

use std::collections::HashSet;

use crate::import::states::PortalStates;
use crate::import::{Problems, StateSelection};

/// The selection, matched by [`PortalStates::key`], and what the files held.
pub(crate) struct Countries<'a> {
    selection: &'a StateSelection,
    table: &'a PortalStates,
    /// The key of each name of the selection, and whether a record concerned it.
    chosen: Vec<(String, bool)>,
    /// Every country the files concern, each once, as first spelled (for the error).
    covered: Vec<String>,
    covered_keys: HashSet<String>,
}

impl<'a> Countries<'a> {
    pub fn new(selection: &'a StateSelection, table: &'a PortalStates) -> Countries<'a> {
        let chosen = selection
            .names
            .iter()
            .map(|name| (table.key(name), false))
            .collect();
        Countries {
            selection,
            table,
            chosen,
            covered: Vec::new(),
            covered_keys: HashSet::new(),
        }
    }

    /// The country a record concerning `countries` is counted under (the first one chosen),
    /// `Some(None)` for a record concerning none when no name was given, `None` when the
    /// record is left out.
    pub fn pick(&mut self, countries: &[String]) -> Option<Option<String>> {
        let mut picked = None;
        for country in countries {
            let key = self.table.key(country);
            if self.covered_keys.insert(key.clone()) {
                self.covered.push(country.clone());
            }
            let taken = self.take(&key);
            if taken && picked.is_none() {
                picked = Some(country.clone());
            }
        }
        match picked {
            Some(country) => Some(Some(country)),
            None if self.takes_all() && countries.is_empty() => Some(None),
            None => None,
        }
    }

    /// The id of the State `country` names, if the States table has it.
    pub fn state_id(&self, country: &str) -> Option<String> {
        self.table.id(country).map(str::to_string)
    }

    /// What to say about a country concerned that the States table does not know.
    pub fn unknown(&self, country: &str) -> (String, String) {
        self.table.unknown(country)
    }

    fn takes_all(&self) -> bool {
        self.selection.all || self.selection.names.is_empty()
    }

    /// Whether the country of `key` is chosen; marks the names it answers.
    fn take(&mut self, key: &str) -> bool {
        if self.takes_all() {
            return true;
        }
        let mut taken = false;
        for (chosen, found) in &mut self.chosen {
            if chosen == key {
                *found = true;
                taken = true;
            }
        }
        taken
    }

    /// A fatal problem for each `--country` no record of `files` concerns.
    pub fn report_missing(&self, files: &[String], problems: &mut Problems) {
        let Some(first) = files.first() else { return };
        let names: Vec<&str> = self.covered.iter().map(String::as_str).collect();
        let missing = self.selection.names.iter().zip(&self.chosen);
        for (name, _) in missing.filter(|(_, (_, found))| !found) {
            let covered = match names.is_empty() {
                true => "they concern no country".to_string(),
                false => format!("they concern: {}", sample(&names)),
            };
            let help = match self.table.id(name) {
                Some(_) => covered,
                None => match self.table.suggest(name) {
                    Some(close) => format!(
                        "`{name}` is not a State of the States table: did you mean `{close}`? {covered}"
                    ),
                    None => format!("`{name}` is not a State of the States table; {covered}"),
                },
            };
            problems.fatal.error_with_help(
                first,
                0,
                0,
                format!(
                    "no record of {} concerns `{name}` (--country)",
                    files.join(", ")
                ),
                help,
            );
        }
    }
}

/// The first twelve names, and how many more.
fn sample(names: &[&str]) -> String {
    let shown = &names[..names.len().min(12)];
    match names.len() - shown.len() {
        0 => shown.join(", "),
        more => format!("{} and {more} more", shown.join(", ")),
    }
}
