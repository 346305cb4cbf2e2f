//! The States: the built-in table, a portal's `data/states.csv`, `state` on documents and
//! recommendations, recommending States by id or name, and the multi-State rule.

mod common;

use common::*;
use docket::{Dataset, Recommendation, State, StateId};

fn load(root: &std::path::Path) -> Dataset {
    docket::load_portal(root, None)
        .unwrap_or_else(|e| panic!("loads: {e:#}"))
        .dataset
}

fn ids(d: &Dataset, states: &[StateId]) -> Vec<String> {
    states
        .iter()
        .map(|s| d.states[s.index()].key.id.clone())
        .collect()
}

fn state<'a>(d: &'a Dataset, id: &str) -> &'a State {
    d.states
        .iter()
        .find(|s| s.key.id == id)
        .unwrap_or_else(|| panic!("state {id}"))
}

fn rec<'a>(d: &'a Dataset, id: &str) -> &'a Recommendation {
    d.recommendations.iter().find(|r| r.key.id == id).unwrap()
}

/// Replaces `from` with `to` in one file of a fresh multi-State fixture; the problems found.
fn problems_after(file: &str, from: &str, to: &str) -> Vec<docket::Diagnostic> {
    let portal = fixture("multi_state");
    let path = portal.path().join(file);
    let source = std::fs::read_to_string(&path).unwrap();
    assert!(source.contains(from), "{file} does not contain {from:?}");
    std::fs::write(&path, source.replacen(from, to, 1)).unwrap();
    diagnostics_of(docket::check(portal.path(), None))
}

fn reported(problems: &[docket::Diagnostic], file: &str, line: u64, column: u64) -> String {
    problems
        .iter()
        .find(|d| d.file == file && d.line == line && d.column == column)
        .map(|d| d.to_string())
        .unwrap_or_else(|| {
            let all: Vec<String> = problems.iter().map(|d| d.to_string()).collect();
            panic!(
                "nothing at {file}:{line}:{column}; got:\n{}",
                all.join("\n")
            )
        })
}

#[test]
fn states_under_review_come_from_each_recommendation_or_its_document() {
    let portal = fixture("multi_state");
    let d = load(portal.path());
    assert!(d.is_multi_state());
    let under_review: Vec<String> = ids(&d, &d.states_under_review().collect::<Vec<_>>());
    assert_eq!(under_review, ["CHL", "PRY", "XMD"]);
    for (id, recommendations, documents) in [("PRY", 3, 1), ("CHL", 3, 2), ("XMD", 1, 1)] {
        let s = state(&d, id);
        assert_eq!(s.under_review.len(), recommendations, "{id}");
        assert_eq!(s.documents.len(), documents, "{id}");
        let counted = d
            .recommendations
            .iter()
            .filter(|r| r.state.is_some_and(|st| d.states[st.index()].key.id == id))
            .count();
        assert_eq!(counted, recommendations, "{id}");
    }
    // The document says `Chile`: a name resolves like an id.
    assert_eq!(ids(&d, &[rec(&d, "CHL3-1").state.unwrap()]), ["CHL"]);
}

#[test]
fn recommending_states_resolve_by_id_name_or_alias_and_joint_ones_keep_every_state() {
    let portal = fixture("multi_state");
    let d = load(portal.path());
    assert_eq!(ids(&d, &rec(&d, "PRY3-1").recommending_states), ["FRA"]);
    assert_eq!(
        ids(&d, &rec(&d, "PRY3-2").recommending_states),
        ["BRA", "CAN"]
    );
    assert_eq!(
        ids(&d, &rec(&d, "PRY3-3").recommending_states),
        [
            "FRA", "DEU", "ESP", "ITA", "PRT", "TUR", "GBR", "USA", "JPN", "VAT"
        ]
    );
    assert_eq!(ids(&d, &rec(&d, "CHL3-2").recommending_states), ["XMD"]);
    assert_eq!(state(&d, "FRA").recommended.len(), 3);
    assert_eq!(state(&d, "PRY").recommended.len(), 2);
    // Names are the table's, not as written.
    assert_eq!(d.state_name(state_id(&d, "TUR"), "en"), ("en", "Türkiye"));
    assert_eq!(d.state_name(state_id(&d, "TUR"), "ar"), ("ar", "تركيا"));
}

fn state_id(d: &Dataset, id: &str) -> StateId {
    StateId(d.states.iter().position(|s| s.key.id == id).unwrap() as u32)
}

#[test]
fn a_portal_states_csv_adds_states_and_overrides_names_and_aliases_of_built_in_ones() {
    let portal = fixture("multi_state");
    let d = load(portal.path());
    let meridia = state(&d, "XMD");
    assert!(meridia.from_portal);
    assert_eq!(meridia.name_in("ar", "en"), ("ar", "جمهورية ميريديا"));
    assert_eq!(meridia.name_in("sl", "en"), ("en", "Republic of Meridia"));
    let chile = state(&d, "CHL");
    assert_eq!(chile.name_in("sl", "en"), ("sl", "Čile"));
    assert_eq!(
        chile.name_in("en", "en"),
        ("en", "Chile"),
        "built-in names kept"
    );
    assert!(chile.aliases.iter().any(|a| a == "Chili"));
    assert_eq!(d.states.len(), 196, "the 195 built-in States and Meridia");
}

#[test]
fn an_unknown_recommending_state_is_reported_at_its_cell_with_a_did_you_mean() {
    let problems = problems_after(
        "data/recommendations.csv",
        ",France,Ratify",
        ",Frence,Ratify",
    );
    let text = reported(&problems, "data/recommendations.csv", 2, 6);
    assert!(
        text.contains("unknown State `Frence` in `recommending_states`"),
        "{text}"
    );
    assert!(text.contains("did you mean `France`?"), "{text}");
    let problems = problems_after("data/recommendations.csv", "|Japan|", "|Atlantis|");
    let text = reported(&problems, "data/recommendations.csv", 4, 6);
    assert!(
        text.contains("data/states.csv"),
        "the help says where to add it: {text}"
    );
}

#[test]
fn a_multi_state_portal_requires_every_recommendation_to_name_its_state() {
    let problems = problems_after(
        "data/documents.csv",
        ",CAT,2022-05-20,,,XMD,",
        ",CAT,2022-05-20,,,,",
    );
    let text = reported(&problems, "data/recommendations.csv", 8, 5);
    assert!(text.contains("several States"), "{text}");
    assert!(text.contains("fill in `state`"), "{text}");
}

#[test]
fn a_recommendation_to_another_state_than_its_document_is_reported() {
    let problems = problems_after(
        "data/recommendations.csv",
        "supported,PRY,",
        "supported,CHL,",
    );
    let text = reported(&problems, "data/recommendations.csv", 3, 5);
    assert!(
        text.contains("its document `A/HRC/48/9` is about `PRY`"),
        "{text}"
    );
}

#[test]
fn bad_state_ids_and_groups_in_states_csv_are_reported() {
    let problems = problems_after("data/states.csv", "XMD,Republic", "xmd,Republic");
    assert!(reported(&problems, "data/states.csv", 2, 1).contains("write `XMD`"));
    let problems = problems_after("data/states.csv", "XMD,Republic", "XM1,Republic");
    assert!(reported(&problems, "data/states.csv", 2, 1).contains("ISO 3166-1 alpha-3"));
    let problems = problems_after(
        "data/states.csv",
        "Čile,,",
        "Čile,latin-american-carribean,",
    );
    assert!(
        reported(&problems, "data/states.csv", 3, 5)
            .contains("did you mean `latin-american-caribbean`?")
    );
    let problems = problems_after(
        "data/states.csv",
        "XMD,Republic of Meridia,جمهورية ميريديا,",
        "XMD,,,",
    );
    assert!(reported(&problems, "data/states.csv", 2, 1).contains("gives it no name"));
}

#[test]
fn config_state_is_the_state_of_a_single_state_portal_and_must_be_in_the_table() {
    let portal = fixture("minimal");
    let config = portal.path().join("config.toml");
    let source = std::fs::read_to_string(&config).unwrap();
    std::fs::write(
        &config,
        source.replacen("theme =", "state = \"PRY\"\ntheme =", 1),
    )
    .unwrap();
    let d = load(portal.path());
    assert!(!d.is_multi_state());
    let pry = state_id(&d, "PRY");
    assert_eq!(d.portal_state, Some(pry));
    assert!(d.recommendations.iter().all(|r| r.state == Some(pry)));
    assert!(d.documents.iter().all(|doc| doc.state == Some(pry)));

    std::fs::write(
        &config,
        source.replacen("theme =", "state = \"Paragauy\"\ntheme =", 1),
    )
    .unwrap();
    let problems = diagnostics_of(docket::check(portal.path(), None));
    let text = reported(&problems, "config.toml", 4, 9);
    assert!(text.contains("did you mean `Paraguay`?"), "{text}");
}

#[test]
fn the_single_state_demo_is_not_a_multi_state_portal() {
    let d = load(&repo_root());
    assert!(!d.is_multi_state());
    assert!(d.recommendations.iter().all(|r| r.state.is_none()));
}

#[test]
fn without_states_csv_a_state_only_the_portal_knows_is_unknown() {
    let portal = fixture("multi_state");
    let root = portal.path();
    std::fs::remove_file(root.join("data/states.csv")).unwrap();
    let problems = diagnostics_of(docket::check(root, None));
    assert!(
        problems
            .iter()
            .any(|p| p.to_string().contains("unknown State `Meridia`")),
        "without the table Meridia is unknown"
    );
}

#[test]
fn a_states_sheet_in_a_workbook_is_read_like_states_csv() {
    let portal = fixture("multi_state");
    let root = portal.path();
    let book = tempfile::tempdir().unwrap();
    docket::export_workbook(root, &book.path().join("portal.xlsx")).unwrap();
    std::fs::remove_dir_all(root.join("data")).unwrap();
    std::fs::create_dir(root.join("data")).unwrap();
    std::fs::rename(
        book.path().join("portal.xlsx"),
        root.join("data/portal.xlsx"),
    )
    .unwrap();
    let d = load(root);
    assert_eq!(state(&d, "XMD").name_in("ar", "en").1, "جمهورية ميريديا");
    assert_eq!(state(&d, "CHL").name_in("sl", "en").1, "Čile");
    assert_eq!(ids(&d, &rec(&d, "CHL3-2").recommending_states), ["XMD"]);
}
