//! State facets of the search index: "State under review" in a multi-State portal only, and
//! "recommending State", with localised names and exact counts. docs/search.md, "What is
//! indexed".

mod common;

use docket::{LanguageIndex, Query, Site};

fn index_of(fixture: &str, lang: &str) -> (LanguageIndex, docket::Dataset) {
    let dir = common::fixture(fixture);
    let portal = docket::load_portal(dir.path(), None).expect("valid portal");
    let site = Site::new(&portal.dataset, &portal.i18n);
    let index = docket::build_search_index(&site, lang);
    (index, portal.dataset.clone())
}

fn ids(index: &LanguageIndex, filters: &[(&str, &str)]) -> Vec<String> {
    let query = Query {
        text: String::new(),
        filters: filters
            .iter()
            .map(|(f, v)| (f.to_string(), v.to_string()))
            .collect(),
    };
    let mut ids: Vec<String> = index
        .search(&query)
        .hits
        .iter()
        .map(|h| index.entries[h.entry as usize].id.clone())
        .collect();
    ids.sort();
    ids
}

/// (key, label, label's language, count) of every value of a facet.
fn values(index: &LanguageIndex, name: &str) -> Vec<(String, String, String, u32)> {
    let facet = index
        .facets
        .iter()
        .find(|f| f.name == name)
        .unwrap_or_else(|| panic!("no facet {name}"));
    facet
        .values
        .iter()
        .map(|v| {
            (
                v.key.clone(),
                v.label.clone(),
                v.label_lang.clone(),
                v.count,
            )
        })
        .collect()
}

fn value(index: &LanguageIndex, name: &str, key: &str) -> (String, String, String, u32) {
    values(index, name)
        .into_iter()
        .find(|v| v.0 == key)
        .unwrap_or_else(|| panic!("no value {key} of {name}"))
}

#[test]
fn a_multi_state_portal_has_a_state_under_review_facet_with_exact_counts() {
    let (index, d) = index_of("multi_state", "en");
    assert!(d.is_multi_state());
    // Every State under review is a value, counting its recommendations and documents.
    let mut seen = 0;
    for s in d.states_under_review() {
        let row = &d.states[s.index()];
        let expected = row.under_review.len() + row.documents.len();
        let count = value(&index, "state", &row.key.id).3;
        assert_eq!(count as usize, expected, "{}", row.key.id);
        seen += 1;
        let found = ids(&index, &[("state", &row.key.id)]);
        assert_eq!(found.len(), expected, "{}: {found:?}", row.key.id);
    }
    assert!(seen >= 2, "{seen} States under review");
    let chile = ids(&index, &[("state", "CHL"), ("type", "recommendation")]);
    assert_eq!(chile, ["CHL2-1", "CHL3-1", "CHL3-2"]);
}

#[test]
fn recommending_states_are_a_facet_by_id_whatever_name_the_data_used() {
    let (index, _) = index_of("multi_state", "en");
    // "France" and "FRA" in the data are one State.
    assert_eq!(
        ids(&index, &[("recommending", "FRA")]),
        ["CHL3-1", "PRY3-1", "PRY3-3"]
    );
    assert_eq!(ids(&index, &[("recommending", "XMD")]), ["CHL3-2"]);
    let france = value(&index, "recommending", "FRA");
    assert_eq!((france.1.as_str(), france.3), ("France", 3));
    // Two filters of one facet mean either.
    assert_eq!(
        ids(&index, &[("recommending", "BRA"), ("recommending", "JPN")]),
        ["PRY3-2", "PRY3-3"]
    );
}

#[test]
fn state_names_are_localised_and_marked_when_they_fall_back() {
    let (index, _) = index_of("multi_state", "ar");
    let meridia = value(&index, "recommending", "XMD");
    assert_eq!(
        (meridia.1.as_str(), meridia.2.as_str()),
        ("جمهورية ميريديا", "")
    );
    // A name the table lacks in Arabic falls back, and says in which language.
    let brazil = value(&index, "recommending", "BRA");
    assert!(!brazil.2.is_empty() || brazil.1 != "Brazil", "{brazil:?}");
    let (sl, _) = index_of("multi_state", "sl");
    assert_eq!(value(&sl, "state", "CHL").1, "Čile");
}

#[test]
fn a_single_state_portal_has_no_state_under_review_values() {
    let (index, d) = index_of("minimal", "en");
    assert!(!d.is_multi_state());
    assert!(values(&index, "state").is_empty());
}
