//! The built-in States table: the 193 UN Member States and the two observer States.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use super::names::StateIndex;
use super::{RegionalGroup, State};
use crate::model::types::{Key, StateId, Text};

/// Written by `scripts/default_states.py` from UNTERM and UN M49 names (see docs/data.md).
const DEFAULT_STATES: &str = include_str!("default_states.csv");

struct Builtin {
    states: Vec<State>,
    index: StateIndex,
}

static BUILTIN: LazyLock<Builtin> = LazyLock::new(|| {
    let states = parse(DEFAULT_STATES);
    let index = StateIndex::new(&states);
    Builtin { states, index }
});

/// The built-in table, in id order.
pub fn builtin() -> &'static [State] {
    &BUILTIN.states
}

/// The built-in State an id, name or alias names, ignoring case, accents, punctuation and
/// spacing: what importers call to turn a source's spelling into an id.
pub fn resolve(name: &str) -> Option<StateId> {
    BUILTIN.index.find(name)
}

/// The closest built-in State name to an unknown one, for a did-you-mean.
pub fn suggest(name: &str) -> Option<&'static str> {
    BUILTIN.index.suggest(name)
}

/// Parses the built-in CSV (the same columns as a portal's `data/states.csv`).
fn parse(source: &str) -> Vec<State> {
    let mut reader = csv::Reader::from_reader(source.as_bytes());
    let header = reader.headers().expect("built-in states header").clone();
    reader
        .records()
        .map(|record| {
            let record = record.expect("built-in states row");
            let mut names = BTreeMap::new();
            let mut group = None;
            let mut aliases = Vec::new();
            for (column, cell) in header.iter().zip(record.iter()) {
                if let Some(lang) = column.strip_prefix("name_") {
                    names.insert(lang.to_string(), cell.to_string());
                } else if column == "group" {
                    group = RegionalGroup::ALL
                        .iter()
                        .find(|(id, _)| *id == cell)
                        .map(|(_, g)| *g);
                } else if column == "aliases" {
                    aliases = cell
                        .split('|')
                        .filter(|a| !a.is_empty())
                        .map(str::to_string)
                        .collect();
                }
            }
            let id = record[0].to_string();
            State {
                key: Key {
                    slug: id.to_ascii_lowercase(),
                    id,
                },
                name: Text(names),
                group,
                aliases,
                from_portal: false,
                under_review: Vec::new(),
                recommended: Vec::new(),
                documents: Vec::new(),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id_of(name: &str) -> Option<&'static str> {
        resolve(name).map(|id| builtin()[id.index()].id())
    }

    #[test]
    fn the_table_holds_the_member_states_and_the_two_observer_states_once_each() {
        let states = builtin();
        assert_eq!(states.len(), 195);
        let ids: std::collections::BTreeSet<&str> = states.iter().map(State::id).collect();
        assert_eq!(ids.len(), 195);
        assert!(ids.contains("VAT") && ids.contains("PSE"));
        assert!(!ids.contains("COK") && !ids.contains("NIU"));
        for state in states {
            assert!(
                super::super::id_problem(state.id()).is_none(),
                "{}",
                state.id()
            );
            for lang in ["en", "fr", "es", "ar", "ru", "zh"] {
                let name = state.name.0.get(lang).map(String::as_str).unwrap_or("");
                assert!(!name.is_empty(), "{} has no {lang} name", state.id());
                let marked =
                    name.contains('*') || name.ends_with("(the)") || name.ends_with("(l')");
                assert!(!marked, "{} {lang}: {name}", state.id());
            }
        }
        let member_groups = states.iter().filter(|s| s.group.is_some()).count();
        assert_eq!(
            member_groups, 194,
            "every State but the Holy See has a group"
        );
    }

    #[test]
    fn every_name_and_alias_resolves_to_its_own_state_and_no_other() {
        for (index, state) in builtin().iter().enumerate() {
            let names = state.name.0.values().chain(&state.aliases);
            for name in names.chain(std::iter::once(&state.key.id)) {
                assert_eq!(resolve(name), Some(StateId(index as u32)), "{name}");
            }
        }
    }

    #[test]
    fn spellings_of_other_sources_resolve_ignoring_case_accents_and_spacing() {
        let cases = [
            ("Côte d’Ivoire", "CIV"),
            ("turkey", "TUR"),
            ("Venezuela  (Bolivarian Republic of)", "VEN"),
            ("Macedonia FYR", "MKD"),
            ("the Netherlands", "NLD"),
            ("Netherlands (Kingdom of the)", "NLD"),
            ("Viet Nam", "VNM"),
            ("Vietnam", "VNM"),
            ("DPRK", "PRK"),
            ("Republic of Korea", "KOR"),
            ("United States", "USA"),
            ("UK", "GBR"),
            ("Holy See", "VAT"),
            ("Palestine", "PSE"),
            ("pry", "PRY"),
            ("Bahamas (the)", "BHS"),
            ("Cape Verde", "CPV"),
            ("Swaziland", "SWZ"),
        ];
        for (name, id) in cases {
            assert_eq!(id_of(name), Some(id), "{name}");
        }
        assert_eq!(id_of("Atlantis"), None);
        assert_eq!(suggest("Portgual"), Some("Portugal"));
    }

    /// Every spelling of the States under review and recommending States of the real UPR
    /// Info export resolves to a State of the built-in table.
    #[test]
    #[ignore = "needs DOCKET_SHARED_DATA"]
    fn every_state_of_the_upr_info_export_resolves() {
        let dir = std::env::var("DOCKET_SHARED_DATA").expect("DOCKET_SHARED_DATA");
        let path = std::path::Path::new(&dir).join("upr-info/paraguay-upr-info-export.csv");
        let text = std::fs::read_to_string(path).expect("export");
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(b';')
            .from_reader(text.trim_start_matches('\u{feff}').as_bytes());
        let mut names = std::collections::BTreeSet::new();
        for row in reader.records() {
            let row = row.expect("row");
            names.insert(row[0].to_string());
            names.insert(row[4].to_string());
        }
        assert!(names.len() > 70, "{}", names.len());
        let unknown: Vec<&String> = names.iter().filter(|n| resolve(n).is_none()).collect();
        assert!(unknown.is_empty(), "{unknown:?}");
    }

    #[test]
    fn names_are_localised_in_the_six_un_languages() {
        let fra = &builtin()[resolve("FRA").unwrap().index()];
        assert_eq!(fra.name_in("ar", "en"), ("ar", "فرنسا"));
        assert_eq!(fra.name_in("zh-Hans", "en"), ("zh-Hans", "法国"));
        assert_eq!(fra.name_in("sl", "en"), ("en", "France"));
        assert_eq!(fra.name_in("sl", "sl"), ("en", "France"));
        let bol = &builtin()[resolve("BOL").unwrap().index()];
        assert_eq!(
            bol.name_in("en", "en").1,
            "Bolivia (Plurinational State of)"
        );
    }
}
