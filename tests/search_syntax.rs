//! Queries that forgive and understand: typos (ranked below what was typed), "did you mean",
//! quoted phrases with and without stop words, `-exclusions` and `OR`. The browser client
//! answers the same (tests/search_js.rs).

mod common;

use std::path::Path;
use std::process::Command;

use docket::Site;
use docket::{LanguageIndex, Query};

/// A small English portal whose texts make every case unambiguous.
fn write_portal(root: &Path) {
    common::write_multilingual_config(root, "https://syntax.example/", "Syntax", &[("en", "ltr")]);
    std::fs::write(
        root.join("data/mechanisms.csv"),
        "id,kind,acronym,name_en\nUPR,upr,UPR,Universal Periodic Review\n",
    )
    .expect("mechanisms");
    std::fs::write(
        root.join("data/documents.csv"),
        "id,symbol,mechanism,date\nA/HRC/1,A/HRC/1,UPR,2023-01-04\n",
    )
    .expect("documents");
    let rows = [
        ("R1", "Improve conditions in all places of detention."),
        (
            "R2",
            "Close detention centres and find other places for migrants.",
        ),
        ("R3", "Prevent torture and ill-treatment in prisons."),
        ("R4", "Investigate every allegation of torture promptly."),
        (
            "R5",
            "Protect the retentions of old records kept by archives, libraries and registries.",
        ),
        ("R6", "End child marriage."),
    ];
    let mut csv = String::from("id,document,text_en\n");
    for (id, text) in rows {
        csv.push_str(&format!("{id},A/HRC/1,\"{text}\"\n"));
    }
    std::fs::write(root.join("data/recommendations.csv"), csv).expect("recommendations");
    docket::write_default_theme(&root.join("themes/default")).expect("theme");
}

fn index() -> (tempfile::TempDir, LanguageIndex) {
    let dir = tempfile::tempdir().expect("temp");
    write_portal(dir.path());
    let portal = docket::load_portal(dir.path(), None).expect("valid portal");
    let site = Site::new(&portal.dataset, &portal.i18n);
    let index = docket::build_search_index(&site, "en");
    (dir, index)
}

fn ids(index: &LanguageIndex, text: &str) -> Vec<String> {
    let query = Query {
        text: text.into(),
        filters: Vec::new(),
    };
    index
        .search(&query)
        .hits
        .iter()
        .map(|h| index.entries[h.entry as usize].id.clone())
        .collect()
}

fn sorted(mut ids: Vec<String>) -> Vec<String> {
    ids.sort();
    ids
}

#[test]
fn misspelt_words_find_what_was_meant() {
    let (_dir, index) = index();
    let torture = sorted(ids(&index, "torture "));
    assert_eq!(torture, ["R3", "R4"]);
    for typo in [
        "totrure", "tortrue ", "torure", "torturre", "tarture", "trotrue",
    ] {
        assert_eq!(sorted(ids(&index, typo)), torture, "{typo}");
    }
    assert_eq!(ids(&index, "mariage"), ["R6"], "one edit");
    assert_eq!(
        ids(&index, "chlid marriage"),
        ["R6"],
        "two words, one misspelt"
    );
    // Words of fewer than three letters are not corrected ("en" is one edit from "end").
    assert!(ids(&index, "en ").is_empty());
    assert_eq!(ids(&index, "enx "), ["R6"]);
}

#[test]
fn corrections_rank_below_the_forms_of_the_word_typed() {
    let (_dir, index) = index();
    // "detentions" is not in the portal: its shortening "detention" (R1, R2) comes first,
    // its correction "retentions" (one edit, R5) after. (While it is being typed, without the
    // space, it reaches what it starts or its shortening, and is not corrected.)
    assert_eq!(sorted(ids(&index, "detentions")), ["R1", "R2"]);
    let found = ids(&index, "detentions ");
    assert_eq!(found.len(), 3, "{found:?}");
    assert_eq!(sorted(found[..2].to_vec()), ["R1", "R2"]);
    assert_eq!(found[2], "R5");
    // A word in the vocabulary is never corrected.
    assert_eq!(ids(&index, "retentions"), ["R5"]);
    // Only the nearest words are corrections: "betention" is one edit from "detention" (R1,
    // R2) and two from "retentions" (R5), which it therefore does not reach.
    assert_eq!(sorted(ids(&index, "betention ")), ["R1", "R2"]);
}

#[test]
fn nothing_found_suggests_the_nearest_words() {
    let (_dir, index) = index();
    let query = |text: &str| Query {
        text: text.into(),
        filters: Vec::new(),
    };
    let results = index.search(&query("zzzture"));
    assert!(results.hits.is_empty());
    assert_eq!(results.suggestion.as_deref(), Some("torture"));
    let results = index.search(&query("\"torture promptly\" zzzzzzzzz"));
    assert_eq!(results.suggestion, None, "no word near enough");
    // Something found: no suggestion.
    assert_eq!(index.search(&query("totrure")).suggestion, None);
}

#[test]
fn phrases_need_their_words_side_by_side_with_stop_words_left_out() {
    let (_dir, index) = index();
    assert_eq!(
        sorted(ids(&index, "places detention")),
        ["R1", "R2"],
        "words anywhere"
    );
    assert_eq!(ids(&index, "\"places of detention\""), ["R1"]);
    assert_eq!(
        ids(&index, "\"places detention\""),
        ["R1"],
        "stop words left out"
    );
    assert_eq!(
        ids(&index, "\"Places   of the detention"),
        ["R1"],
        "unclosed quote"
    );
    assert!(
        ids(&index, "\"detention places\"").is_empty(),
        "order counts"
    );
    assert!(ids(&index, "\"torture prisons\"").is_empty());
    assert_eq!(ids(&index, "\"torture promptly\""), ["R4"]);
    assert_eq!(sorted(ids(&index, "\"torture\"")), ["R3", "R4"]);
    assert!(
        ids(&index, "\"totrure\"").is_empty(),
        "no corrections in a phrase"
    );
    assert!(
        ids(&index, "\"places xyzzy\"").is_empty(),
        "an unknown word"
    );
}

#[test]
fn minus_leaves_out_and_or_finds_either() {
    let (_dir, index) = index();
    assert_eq!(ids(&index, "torture -prisons"), ["R4"]);
    assert_eq!(ids(&index, "torture -\"ill treatment\""), ["R4"]);
    let all = index.entries.len();
    let without = ids(&index, "-torture");
    assert_eq!(without.len(), all - 2);
    assert!(!without.contains(&"R3".to_string()));
    assert_eq!(sorted(ids(&index, "marriage OR retention")), ["R5", "R6"]);
    assert_eq!(
        sorted(ids(&index, "torture OR marriage")),
        ["R3", "R4", "R6"]
    );
    assert_eq!(
        sorted(ids(&index, "torture OR marriage promptly")),
        ["R4"],
        "OR joins its two neighbours only"
    );
    assert_eq!(
        sorted(ids(&index, "torture or marriage")),
        Vec::<String>::new()
    );
}

#[test]
fn docket_search_prints_its_suggestion() {
    let dir = tempfile::tempdir().expect("temp");
    write_portal(dir.path());
    let output = Command::new(env!("CARGO_BIN_EXE_docket"))
        .args(["search", "--root"])
        .arg(dir.path())
        .arg("zzzture")
        .output()
        .expect("runs");
    assert!(output.status.success());
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(text.contains("did you mean: torture"), "{text}");
}
