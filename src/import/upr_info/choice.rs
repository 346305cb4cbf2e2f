//! Which States under review an import of UPR Info exports takes: those named with
//! `--state` (each must be in at least one of the files), all of them with `--all-states`,
//! or, with neither, the one State the files cover.

use super::export::Export;
use crate::diagnostics::did_you_mean;
use crate::import::{Problems, StateSelection};

/// The States to import; `None` after a fatal problem.
pub(super) fn choose(
    exports: &[Export],
    selection: &StateSelection,
    problems: &mut Problems,
) -> Option<StateSelection> {
    let covered = covered(exports);
    let Some(first) = exports.first() else {
        return Some(StateSelection::all());
    };
    if selection.all {
        return Some(StateSelection::all());
    }
    let files: Vec<&str> = exports.iter().map(|e| e.file.as_str()).collect();
    if selection.names.is_empty() {
        if covered.len() <= 1 {
            return Some(StateSelection::all());
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
                sample(&covered)
            ),
        );
        return None;
    }
    let mut ok = true;
    for name in &selection.names {
        if covered.iter().any(|s| s.eq_ignore_ascii_case(name)) {
            continue;
        }
        ok = false;
        let help = match did_you_mean(name, covered.iter().map(String::as_str)) {
            Some(close) => format!(
                "did you mean `{close}`? the exports cover: {}",
                sample(&covered)
            ),
            None => format!("the exports cover: {}", sample(&covered)),
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
    ok.then(|| selection.clone())
}

/// Every State under review of the files, each once, in the order first seen.
fn covered(exports: &[Export]) -> Vec<String> {
    let mut all: Vec<String> = Vec::new();
    for state in exports.iter().flat_map(|e| &e.states) {
        if !all.iter().any(|s| s.eq_ignore_ascii_case(state)) {
            all.push(state.clone());
        }
    }
    all
}

/// The first twelve names, and how many more.
fn sample(names: &[String]) -> String {
    let shown: Vec<&str> = names.iter().take(12).map(String::as_str).collect();
    match names.len().saturating_sub(shown.len()) {
        0 => shown.join(", "),
        more => format!("{} and {more} more", shown.join(", ")),
    }
}
