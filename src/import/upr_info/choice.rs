//! Which States under review an import of UPR Info exports takes: those named with
//! `--state` (each must be in at least one of the files), all of them with `--all-states`,
//! or, with neither, the one State the files cover. A State is named by its id, any of its
//! names or an alias of the portal's States table, or as the export spells it.

use std::collections::HashSet;

use super::export::Export;
use crate::diagnostics::did_you_mean;
use crate::import::states::PortalStates;
use crate::import::{Problems, StateSelection};

/// The States taken, by [`PortalStates::key`]; `None` takes every one.
pub(super) struct Wanted(Option<HashSet<String>>);

impl Wanted {
    pub fn takes(&self, key: &str) -> bool {
        self.0.as_ref().is_none_or(|keys| keys.contains(key))
    }
}

/// The States under review of the files, each once, as first spelled, with their keys.
pub(super) fn covered(exports: &[Export], table: &PortalStates) -> Vec<(String, String)> {
    let mut seen = HashSet::new();
    let mut all = Vec::new();
    for state in exports.iter().flat_map(|e| &e.states) {
        let key = table.key(state);
        if seen.insert(key.clone()) {
            all.push((key, state.clone()));
        }
    }
    all
}

/// The States to import; `None` after a fatal problem.
pub(super) fn choose(
    exports: &[Export],
    selection: &StateSelection,
    table: &PortalStates,
    problems: &mut Problems,
) -> Option<Wanted> {
    let covered = covered(exports, table);
    let names: Vec<String> = covered.iter().map(|(_, name)| name.clone()).collect();
    let first = exports.first()?;
    if selection.all {
        return Some(Wanted(None));
    }
    let files: Vec<&str> = exports.iter().map(|e| e.file.as_str()).collect();
    if selection.names.is_empty() {
        if covered.len() <= 1 {
            return Some(Wanted(None));
        }
        problems.fatal.error_with_help(
            &first.file,
            0,
            0,
            format!(
                "{} {} States under review",
                if files.len() == 1 {
                    "this export covers"
                } else {
                    "these exports cover"
                },
                covered.len()
            ),
            format!(
                "choose the States to import with --state NAME (repeat it for several) or take them all with --all-states; they are: {}",
                sample(&names)
            ),
        );
        return None;
    }
    let mut keys = HashSet::new();
    let mut ok = true;
    for name in &selection.names {
        let key = table.key(name);
        if covered.iter().any(|(k, _)| *k == key) {
            keys.insert(key);
            continue;
        }
        ok = false;
        let help = match did_you_mean(name, names.iter().map(String::as_str)) {
            Some(close) => format!(
                "did you mean `{close}`? the exports cover: {}",
                sample(&names)
            ),
            None => format!("the exports cover: {}", sample(&names)),
        };
        problems.fatal.error_with_help(
            &first.file,
            0,
            0,
            format!(
                "no row of {} has `{name}` as State under review",
                files.join(", ")
            ),
            help,
        );
    }
    ok.then_some(Wanted(Some(keys)))
}

/// The first twelve names, and how many more.
fn sample(names: &[String]) -> String {
    let shown: Vec<&str> = names.iter().take(12).map(String::as_str).collect();
    match names.len().saturating_sub(shown.len()) {
        0 => shown.join(", "),
        more => format!("{} and {more} more", shown.join(", ")),
    }
}
