//! Importing for many States: joint recommendations (one UPR Info row per recommending State)
//! merged into one recommendation with a stable id, several States under review in one
//! command (`--state` repeated, `--all-states`, a State missing from one of the files), the
//! summary per State, and UHRI `--country` repeated.

mod common;

use common::{import_options as options, write_input as write};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use docket::{StateSelection, import_uhri, import_upr_info};

const CONFIG: &str = r##"base_url = "https://states.example/"
default_language = "en"
as_of = "2026-06-30"

[title]
en = "Many States"

[[languages]]
code = "en"
name = "English"

[[statuses]]
id = "not-started"
colour = "#b42318"
[statuses.label]
en = "Not started"
"##;

fn empty_portal() -> tempfile::TempDir {
    common::empty_portal(CONFIG)
}

/// A UPR Info export as the database writes it: BOM, CRLF, `;`, quoted line breaks.
fn upr_export(rows: &[String]) -> Vec<u8> {
    let mut out = String::from(
        "\u{feff}SuR;Rgrp;Org;Recommendation;RS;Rgrp;Org;Response;Action;Issue;Session\r\n",
    );
    for row in rows {
        out.push_str(row);
        out.push_str("\r\n");
    }
    out.into_bytes()
}

/// One export row: `text` is written as given (quote it when it holds `;` or a line break).
fn row(state: &str, text: &str, recommending: &str, issue: &str, session: u32) -> String {
    format!("{state};GRULAC;OAS;{text};{recommending};WEOG;;Supported;4;{issue};{session}")
}

/// Rows of a portal table as header-name maps.
fn rows(root: &Path, table: &str) -> Vec<BTreeMap<String, String>> {
    let table = common::read_table(root, table);
    table
        .rows
        .iter()
        .map(|r| {
            table
                .header
                .iter()
                .cloned()
                .zip(r.iter().cloned())
                .collect()
        })
        .collect()
}

fn data_files(root: &Path) -> BTreeMap<String, Vec<u8>> {
    common::read_tree(&root.join("data"))
}

/// Ten recommending States as UPR Info spells them, and their ids.
const TEN_IDS: &str = "CHL|FRA|NOR|JPN|GHA|PER|ESP|CAN|IND|BRA";
const TEN: [&str; 10] = [
    "Chile", "France", "Norway", "Japan", "Ghana", "Peru", "Spain", "Canada", "India", "Brazil",
];

/// A recommendation made by one State, one by two (its second row differing only in
/// spacing) and one by ten (line breaks and doubled spaces in some of its rows).
fn joint_rows() -> Vec<String> {
    let mut out = vec![
        row(
            "Meridia",
            "Adopt a national action plan on business and human rights",
            "Mexico",
            "Business",
            41,
        ),
        row(
            "Meridia",
            "Ratify the Optional Protocol to the Convention against Torture",
            "Chile",
            "Torture",
            41,
        ),
        row(
            "Meridia",
            " Ratify the  Optional Protocol to the Convention against Torture ",
            "Uruguay",
            "International instruments",
            41,
        ),
    ];
    for (i, state) in TEN.iter().enumerate() {
        let text = match i % 3 {
            0 => "Abolish the death penalty in law and in practice".to_string(),
            1 => "\"Abolish the death penalty\r\nin law and in practice\"".to_string(),
            _ => "Abolish  the death penalty in law and in  practice".to_string(),
        };
        out.push(row("Meridia", &text, state, "Death penalty", 41));
    }
    out
}

#[test]
fn joint_rows_of_one_two_and_ten_recommending_states_become_one_recommendation_each() {
    let portal = empty_portal();
    let root = portal.path();
    let export = write(root, "export.csv", &upr_export(&joint_rows()));
    let summary = import_upr_info(&options(root), &[export], None).expect("imports");
    assert_eq!(summary.records, 3);
    assert_eq!(summary.joint, 1 + 9, "{summary}");
    assert_eq!(summary.table("recommendations").unwrap().added.len(), 3);
    assert!(
        summary
            .to_string()
            .contains("(10 rows of further recommending States merged into joint recommendations)"),
        "{summary}"
    );
    let recs = rows(root, "recommendations");
    let states: Vec<&str> = recs
        .iter()
        .map(|r| r["recommending_states"].as_str())
        .collect();
    assert_eq!(
        states,
        ["MEX", "CHL|URY", TEN_IDS],
        "recommending States by id, in the export's row order"
    );
    assert_eq!(
        recs[1]["text_en"], "Ratify the Optional Protocol to the Convention against Torture",
        "the first row's text, cleaned"
    );
    assert_eq!(recs[1]["themes"], "torture|international-instruments");
    let data = docket::load_portal(root, None).expect("valid").dataset;
    assert_eq!(data.recommendations.len(), 3);
    assert_eq!(data.recommendations[2].recommending_states.len(), 10);
}

#[test]
fn importing_again_changes_no_byte_and_keeps_every_id() {
    let portal = empty_portal();
    let root = portal.path();
    let export = write(root, "export.csv", &upr_export(&joint_rows()));
    import_upr_info(&options(root), std::slice::from_ref(&export), None).expect("first");
    let before = data_files(root);
    let ids: Vec<String> = rows(root, "recommendations")
        .iter()
        .map(|r| r["id"].clone())
        .collect();
    // The same rows in another order give the same ids.
    let mut shuffled = joint_rows();
    shuffled.reverse();
    let again = write(root, "again.csv", &upr_export(&shuffled));
    let summary = import_upr_info(&options(root), &[export, again], None).expect("again");
    let changes = summary.table("recommendations").unwrap();
    assert_eq!(
        (
            changes.added.len(),
            changes.updated.len(),
            changes.unchanged
        ),
        (0, 0, 3)
    );
    assert!(summary.written.is_empty(), "{summary}");
    assert_eq!(data_files(root), before, "byte-identical tables");
    let after: Vec<String> = rows(root, "recommendations")
        .iter()
        .map(|r| r["id"].clone())
        .collect();
    assert_eq!(after, ids);
}

#[test]
fn a_newer_export_adding_a_recommending_state_updates_the_recommendation() {
    let portal = empty_portal();
    let root = portal.path();
    let mut first_rows = joint_rows();
    first_rows.truncate(3);
    let first = write(root, "first.csv", &upr_export(&first_rows));
    import_upr_info(&options(root), &[first], None).expect("first");
    let before = rows(root, "recommendations");
    let mut newer_rows = first_rows.clone();
    newer_rows.push(row(
        "Meridia",
        "Ratify the Optional Protocol to the Convention against Torture.",
        "Portugal",
        "Torture",
        41,
    ));
    let newer = write(root, "newer.csv", &upr_export(&newer_rows));
    let summary = import_upr_info(&options(root), &[newer], None).expect("newer");
    let changes = summary.table("recommendations").unwrap();
    assert_eq!(changes.added.len(), 0, "never a duplicate");
    assert_eq!(changes.updated, [before[1]["id"].clone()]);
    let after = rows(root, "recommendations");
    assert_eq!(after.len(), 2);
    assert_eq!(after[1]["id"], before[1]["id"], "the id stays");
    assert_eq!(after[1]["recommending_states"], "CHL|URY|PRT");
}

#[test]
fn rows_imported_one_per_recommending_state_are_found_again() {
    let portal = empty_portal();
    let root = portal.path();
    // Two rows of one joint recommendation as importers before joint merging wrote them:
    // ids hashed from State under review, text and recommending State.
    let old_id = |rs: &str| {
        use sha2::{Digest, Sha256};
        let key = format!(
            "meridia\nratify the optional protocol to the convention against torture\n{rs}"
        );
        let hex: String = Sha256::digest(key.as_bytes())
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        format!("UPR4-S41-{}", &hex[..12])
    };
    let (chile, uruguay) = (old_id("chile"), old_id("uruguay"));
    std::fs::create_dir_all(root.join("data")).unwrap();
    std::fs::write(
        root.join("data/mechanisms.csv"),
        "id,kind,acronym,name_en\nUPR,upr,UPR,Universal Periodic Review\n",
    )
    .unwrap();
    std::fs::write(
        root.join("data/documents.csv"),
        "id,symbol,mechanism,date,cycle,session\nUPR-S41,UPR session 41,UPR,2022-11-01,4,41\n",
    )
    .unwrap();
    let text = "Ratify the Optional Protocol to the Convention against Torture";
    std::fs::write(
        root.join("data/recommendations.csv"),
        format!(
            "id,document,text_en,response,recommending_states,source_id\n\
             {chile},UPR-S41,{text},supported,Chile,upr-info:{chile}\n\
             {uruguay},UPR-S41,{text},supported,Uruguay,upr-info:{uruguay}\n"
        ),
    )
    .unwrap();
    let mut export_rows = joint_rows();
    export_rows.truncate(3);
    let export = write(root, "export.csv", &upr_export(&export_rows[1..]));
    let summary = import_upr_info(&options(root), &[export], None).expect("imports");
    let changes = summary.table("recommendations").unwrap();
    assert_eq!(
        (changes.added.len(), changes.updated.clone()),
        (0, vec![chile.clone()])
    );
    assert!(
        summary.notes.iter().any(|n| n.contains(&uruguay)),
        "the other earlier row is named: {summary}"
    );
    let recs = rows(root, "recommendations");
    assert_eq!(recs.len(), 2, "nothing deleted");
    assert_eq!(
        recs[0]["recommending_states"], "Chile|URY",
        "Chile is CHL: only Uruguay is added"
    );
    assert!(recs[0]["source_id"].starts_with("upr-info:UPR4-S41-"));
    assert_ne!(recs[0]["source_id"], format!("upr-info:{chile}"));
    let again = write(root, "again.csv", &upr_export(&export_rows[1..]));
    let before = data_files(root);
    import_upr_info(&options(root), &[again], None).expect("again");
    assert_eq!(data_files(root), before, "then stable");
}

/// Two files: the first about Meridia and Utopia, the second about Meridia and Arcadia
/// (fictional States, in the portal's States table).
fn two_files(root: &Path) -> Vec<PathBuf> {
    std::fs::create_dir_all(root.join("data")).unwrap();
    std::fs::write(
        root.join("data/states.csv"),
        "id,name_en,aliases\nXMD,Meridia,Republic of Meridia\nXUT,Utopia,\nXAR,Arcadia,\n",
    )
    .unwrap();
    let first = upr_export(&[
        row(
            "Meridia",
            "Adopt a law on human rights defenders",
            "Chile",
            "Defenders",
            41,
        ),
        row(
            "Utopia",
            "Adopt a law on human rights defenders",
            "Chile",
            "Defenders",
            41,
        ),
        row(
            "Utopia",
            "Ratify the Convention on Migrant Workers",
            "Peru",
            "Migrants",
            27,
        ),
    ]);
    let second = upr_export(&[
        row(
            "Meridia",
            "Abolish the death penalty",
            "France",
            "Death penalty",
            27,
        ),
        row(
            "Arcadia",
            "Abolish the death penalty",
            "France",
            "Death penalty",
            27,
        ),
    ]);
    vec![
        write(root, "first.csv", &first),
        write(root, "second.csv", &second),
    ]
}

#[test]
fn a_state_missing_from_one_of_two_files_is_taken_from_the_other() {
    let portal = empty_portal();
    let root = portal.path();
    let files = two_files(root);
    let summary = import_upr_info(
        &options(root),
        &files,
        StateSelection::named(&["utopia", "Arcadia"]),
    )
    .expect("Utopia is in the first file only, Arcadia in the second only");
    assert_eq!((summary.records, summary.filtered), (3, 2));
    assert_eq!(summary.state("Utopia").map(|s| s.added), Some(2));
    assert_eq!(summary.state("Arcadia").map(|s| s.added), Some(1));

    let error = import_upr_info(&options(root), &files, StateSelection::named(&["Utopa"]))
        .expect_err("in no file");
    let invalid = docket::as_invalid_portal(&error).expect("a diagnostic");
    let d = &invalid.diagnostics[0];
    assert!(
        d.message.contains("first.csv") && d.message.contains("second.csv"),
        "names the files: {}",
        d.message
    );
    assert!(
        d.help
            .as_deref()
            .unwrap_or("")
            .contains("did you mean `Utopia`?"),
        "{d:?}"
    );
}

#[test]
fn all_states_imports_every_state_with_its_own_documents_and_counts() {
    let portal = empty_portal();
    let root = portal.path();
    let files = two_files(root);
    let error = import_upr_info(&options(root), &files, None).expect_err("several States");
    assert!(
        format!("{error:#}").contains("these exports cover 3 States under review")
            && format!("{error:#}").contains("--all-states"),
        "{error:#}"
    );
    let summary = import_upr_info(&options(root), &files, StateSelection::all()).expect("all");
    assert_eq!(summary.records, 5);
    let per_state: Vec<(&str, usize)> = summary
        .states
        .iter()
        .map(|s| (s.state.as_str(), s.added))
        .collect();
    assert_eq!(per_state, [("Meridia", 2), ("Utopia", 2), ("Arcadia", 1)]);
    let shown = summary.to_string();
    assert!(shown.contains("By State (3):"), "{shown}");
    assert!(
        shown.contains("  Utopia: 2 records, 2 added, 0 updated, 0 unchanged"),
        "{shown}"
    );
    let documents: Vec<(String, String)> = rows(root, "documents")
        .into_iter()
        .map(|d| (d["id"].clone(), d["symbol"].clone()))
        .collect();
    assert_eq!(
        documents.len(),
        5,
        "one per State and session: {documents:?}"
    );
    assert!(documents.contains(&("UPR-S41-XUT".into(), "UPR session 41, Utopia".into())));
    let document_states: Vec<String> = rows(root, "documents")
        .into_iter()
        .map(|d| d["state"].clone())
        .collect();
    assert_eq!(document_states, ["XMD", "XUT", "XUT", "XMD", "XAR"]);
    let states: Vec<String> = rows(root, "recommendations")
        .into_iter()
        .map(|r| r["state"].clone())
        .collect();
    assert_eq!(states, ["XMD", "XUT", "XUT", "XMD", "XAR"]);
    let data = docket::load_portal(root, None).expect("valid").dataset;
    let titles: Vec<&str> = data
        .documents
        .iter()
        .map(|d| d.title.0["en"].as_str())
        .collect();
    assert!(titles.contains(&"Universal Periodic Review of Arcadia, session 27 (cycle 3)"));

    let again = import_upr_info(&options(root), &files, StateSelection::all()).expect("again");
    assert!(again.written.is_empty(), "{again}");
    assert_eq!(again.state("Utopia").map(|s| s.unchanged), Some(2));
}

#[test]
fn the_command_line_takes_repeated_states_and_shows_no_progress_off_a_terminal() {
    let portal = empty_portal();
    let root = portal.path();
    let files = two_files(root);
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_docket"))
            .args(["import", "upr-info"])
            .args(&files)
            .arg("--root")
            .arg(root)
            .args(args)
            .output()
            .expect("runs")
    };
    let both = run(&["--state", "Utopia", "--state", "Meridia", "--dry-run"]);
    assert!(
        both.status.success(),
        "{}",
        String::from_utf8_lossy(&both.stderr)
    );
    let out = String::from_utf8_lossy(&both.stdout);
    assert!(out.contains("Would import 4 records"), "{out}");
    assert!(out.contains("  Meridia: 2 records, 2 added"), "{out}");
    assert!(
        both.stderr.is_empty(),
        "no progress line when stderr is not a terminal"
    );
    let clash = run(&["--state", "Utopia", "--all-states"]);
    assert_eq!(
        clash.status.code(),
        Some(2),
        "--state and --all-states exclude each other"
    );
    let all = run(&["--all-states"]);
    assert!(all.status.success());
    assert!(String::from_utf8_lossy(&all.stdout).contains("Imported 5 records"));
}

/// A JSON Lines UHRI export: (annotation id, text, countries concerned).
fn uhri_export(records: &[(&str, &str, &[&str])]) -> Vec<u8> {
    let mut out = String::new();
    for (id, text, countries) in records {
        let line = serde_json::json!({
            "AnnotationId": id,
            "Body": "CERD",
            "Symbol": format!("CERD/C/{id}"),
            "PublicationDate": "2022-03-01",
            "Text": text,
            "Countries": countries,
            "Themes": ["Racial discrimination"],
        });
        out.push_str(&line.to_string());
        out.push('\n');
    }
    out.into_bytes()
}

#[test]
fn uhri_takes_repeated_countries_and_counts_each() {
    let portal = empty_portal();
    let root = portal.path();
    let export = write(
        root,
        "uhri.jsonl",
        &uhri_export(&[
            (
                "a-1",
                "Adopt a national action plan against racism",
                &["Paraguay"],
            ),
            (
                "a-2",
                "Collect data on people of African descent",
                &["Bolivia (Plurinational State of)"],
            ),
            (
                "a-3",
                "Recognise the Afro-Paraguayan people",
                &["Paraguay", "Bolivia (Plurinational State of)"],
            ),
            (
                "a-4",
                "Strengthen the national human rights institution",
                &["Peru"],
            ),
        ]),
    );
    let summary = import_uhri(
        &options(root),
        std::slice::from_ref(&export),
        StateSelection::named(&["paraguay", "Bolivia (Plurinational State of)"]),
        "en",
        None,
    )
    .expect("imports");
    assert_eq!((summary.records, summary.filtered), (3, 1));
    let per_country: Vec<(&str, usize)> = summary
        .states
        .iter()
        .map(|s| (s.state.as_str(), s.records))
        .collect();
    assert_eq!(
        per_country,
        [("Paraguay", 2), ("Bolivia (Plurinational State of)", 1)],
        "a record concerning both is counted under the first chosen"
    );
    let all =
        import_uhri(&options(root), &[export], StateSelection::all(), "en", None).expect("all");
    assert_eq!((all.records, all.filtered), (4, 0));
    assert_eq!(all.table("recommendations").unwrap().added.len(), 1);
    assert_eq!(all.state("Peru").map(|s| s.added), Some(1));
}

#[test]
fn states_are_chosen_by_id_or_any_name_and_unknown_ones_are_row_problems() {
    let portal = empty_portal();
    let root = portal.path();
    let files = two_files(root);
    let summary = import_upr_info(
        &options(root),
        &files,
        StateSelection::named(&["XUT", "republic of meridia"]),
    )
    .expect("an id and an alias of the portal's States table");
    assert_eq!((summary.records, summary.filtered), (4, 1));

    let export = write(
        root,
        "typo.csv",
        &upr_export(&[
            row("Meridia", "Adopt a law on torture", "Frnace", "Torture", 41),
            row("Meridia", "Adopt a law on asylum", "Laos", "Migrants", 41),
        ]),
    );
    let error = import_upr_info(&options(root), std::slice::from_ref(&export), None)
        .expect_err("an unknown recommending State");
    let invalid = docket::as_invalid_portal(&error).expect("a row problem");
    assert_eq!(invalid.diagnostics.len(), 1, "{:?}", invalid.diagnostics);
    let d = &invalid.diagnostics[0];
    assert_eq!((d.line, d.column), (2, 5), "the RS cell");
    assert!(
        d.message.contains("`Frnace` is not a State"),
        "{}",
        d.message
    );
    assert!(
        d.help
            .as_deref()
            .unwrap_or("")
            .contains("did you mean `France`?"),
        "{d:?}"
    );
    let mut skip = options(root);
    skip.skip_invalid = true;
    let summary = import_upr_info(&skip, &[export], None).expect("the other row");
    assert_eq!(summary.records, 1);
    let recs = rows(root, "recommendations");
    assert_eq!(
        recs.last().unwrap()["recommending_states"],
        "LAO",
        "UPR Info's spelling `Laos` is an alias"
    );
}

#[test]
fn a_uhri_import_about_several_countries_writes_each_records_state_and_documents_state() {
    let portal = empty_portal();
    let root = portal.path();
    let export = write(
        root,
        "uhri.jsonl",
        &uhri_export(&[
            ("b-1", "Adopt a national action plan", &["Paraguay"]),
            ("b-2", "Collect disaggregated data", &["Bolivia"]),
            (
                "b-3",
                "Recognise the Afro-Paraguayan people",
                &["Paraguay", "Peru"],
            ),
        ]),
    );
    import_uhri(&options(root), &[export], StateSelection::all(), "en", None).expect("imports");
    let states: Vec<String> = rows(root, "recommendations")
        .into_iter()
        .map(|r| r["state"].clone())
        .collect();
    assert_eq!(states, ["PRY", "BOL", "PRY"], "the first country concerned");
    let document_states: Vec<(String, String)> = rows(root, "documents")
        .into_iter()
        .map(|d| (d["id"].clone(), d["state"].clone()))
        .collect();
    assert_eq!(
        document_states,
        [
            ("CERD/C/b-1".into(), "PRY".into()),
            ("CERD/C/b-2".into(), "BOL".into()),
            ("CERD/C/b-3".into(), "PRY".into())
        ]
    );
    let data = docket::load_portal(root, None)
        .expect("a valid portal")
        .dataset;
    let under_review: Vec<(&str, usize)> = data
        .states
        .iter()
        .filter(|s| !s.under_review.is_empty())
        .map(|s| (s.key.id.as_str(), s.under_review.len()))
        .collect();
    assert_eq!(
        under_review,
        [("BOL", 1), ("PRY", 2)],
        "a multi-State portal"
    );
}

#[test]
fn a_uhri_country_of_no_record_is_an_error_naming_every_file_and_the_closest_state() {
    let portal = empty_portal();
    let root = portal.path();
    let first = write(
        root,
        "first.jsonl",
        &uhri_export(&[("c-1", "Adopt a plan", &["Paraguay"])]),
    );
    let second = write(
        root,
        "second.jsonl",
        &uhri_export(&[("c-2", "Collect data", &["Peru"])]),
    );
    let before = common::read_tree(root);
    let files = [first, second];
    let error = import_uhri(
        &options(root),
        &files,
        StateSelection::named(&["Peru", "Paragay"]),
        "en",
        None,
    )
    .expect_err("Paragay is in no file");
    let invalid = docket::as_invalid_portal(&error).expect("a diagnostic");
    assert_eq!(invalid.diagnostics.len(), 1, "{:?}", invalid.diagnostics);
    let d = &invalid.diagnostics[0];
    assert!(
        d.message.contains("first.jsonl")
            && d.message.contains("second.jsonl")
            && d.message.contains("`Paragay`"),
        "names the files and the country: {}",
        d.message
    );
    let help = d.help.as_deref().unwrap_or("");
    assert!(help.contains("did you mean `Paraguay`?"), "{help}");
    assert!(help.contains("they concern: Paraguay, Peru"), "{help}");
    assert_eq!(common::read_tree(root), before, "nothing written");

    let error = import_uhri(
        &options(root),
        &files[1..],
        StateSelection::named(&["Paraguay"]),
        "en",
        None,
    )
    .expect_err("a State of the table that the file does not concern");
    let invalid = docket::as_invalid_portal(&error).expect("a diagnostic");
    let d = &invalid.diagnostics[0];
    assert!(d.message.contains("concerns `Paraguay`"), "{}", d.message);
    assert_eq!(d.help.as_deref(), Some("they concern: Peru"));
}
