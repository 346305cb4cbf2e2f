//! `docket import upr-matrix`: the thematic list of recommendations OHCHR publishes after a
//! review, in the layouts of the 4th, 3rd and 2nd cycles, as Word (.docx) or spreadsheet
//! (.xlsx), merged like every import. The fixtures are written in code (tests/common/matrix.rs).

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use common::matrix::{EARLIER, FOURTH, Row, docx, xlsx};
use docket::MatrixOptions;
use docket::{ImportOptions, ImportSummary, import_upr_matrix};

const CONFIG: &str = r##"base_url = "https://matrix.example/"
default_language = "en"
as_of = "2026-06-30"

[title]
en = "Matrix"

[[languages]]
code = "en"
name = "English"

[[statuses]]
id = "not-started"
colour = "#b42318"
[statuses.label]
en = "Not started"

[[statuses]]
id = "in-progress"
colour = "#b54708"
[statuses.label]
en = "In progress"
"##;

/// A 4th-cycle matrix: themes out of paragraph order, nested brackets, a multi-paragraph
/// cell, a `Para.3vv` typo, an empty position, and one row without its paragraph number.
fn fourth_cycle() -> Vec<Row<'static>> {
    vec![
        Row::Theme("Women's rights"),
        Row::Cells([
            "118.10 Adopt a comprehensive law on violence against women (Chile);\nSource of Position: A/HRC/52/8/Add.1 - Para.5",
            "",
            "- Women's rights\n- Gender-based violence\nGroups of Persons:\n- Women",
            "- 5 - GENDER EQUALITY",
        ]),
        Row::Theme("Scope of international obligations"),
        Row::Cells([
            "118.1 Ratify the Optional Protocol to the Convention against Torture (Maldives) (Portugal);\nSource of Position: A/HRC/52/8/Add.1 - Para.3",
            "Supported",
            "- Scope of international obligations\n- Torture and other cruel, inhuman or degrading treatment\nGroups of Persons:\n- Persons deprived of their liberty",
            "- 16 - PEACE, JUSTICE AND STRONG INSTITUTIONS",
        ]),
        Row::Cells([
            "118.2 Continue to cooperate with the treaty bodies,\nand strengthen the national mechanism for reporting and follow-up (Venezuela (Bolivarian Republic of));\nSource of Position: A/HRC/52/8/Add.1 - Para.3vv",
            "Noted",
            "- Scope of international obligations",
            "- 16 - PEACE, JUSTICE AND STRONG INSTITUTIONS\n- 17 - PARTNERSHIPS FOR THE GOALS",
        ]),
        Row::Cells([
            "Abolish the death penalty (France);\nSource of Position: A/HRC/52/8/Add.1 - Para.4",
            "Noted",
            "- Death penalty",
            "- 16 - PEACE, JUSTICE AND STRONG INSTITUTIONS",
        ]),
        Row::Cells([
            "118.9 Guarantee the independence of the judiciary (Sierra Leone);\nSource of Position: A/HRC/52/8/Add.1 - Para.3",
            "Supported",
            "- Administration of justice &amp; fair trial",
            "",
        ]),
    ]
}

fn empty_portal() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("config.toml"), CONFIG).expect("config");
    docket::write_default_theme(&dir.path().join("themes/default")).expect("theme");
    dir
}

fn options(root: &Path, skip_invalid: bool) -> ImportOptions {
    ImportOptions {
        root: root.to_path_buf(),
        dry_run: false,
        skip_invalid,
    }
}

fn review(session: u32) -> MatrixOptions {
    MatrixOptions {
        date: chrono::NaiveDate::from_ymd_opt(2023, 1, 31),
        session: Some(session),
        ..MatrixOptions::default()
    }
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("write");
    path
}

fn rows(root: &Path, table: &str) -> Vec<BTreeMap<String, String>> {
    let parsed = common::read_table(root, table);
    parsed
        .rows
        .into_iter()
        .map(|r| parsed.header.iter().cloned().zip(r).collect())
        .collect()
}

fn import(root: &Path, file: &Path, matrix: &MatrixOptions) -> ImportSummary {
    import_upr_matrix(&options(root, true), &[file.to_path_buf()], "en", matrix)
        .unwrap_or_else(|e| panic!("imports: {e:#}"))
}

#[test]
fn a_fourth_cycle_matrix_imports_positions_themes_groups_goals_states_and_sources() {
    let portal = empty_portal();
    let root = portal.path();
    let file = write(root, "matrix.docx", &docx(FOURTH, &fourth_cycle()));

    let error = import_upr_matrix(
        &options(root, false),
        std::slice::from_ref(&file),
        "en",
        &review(41),
    )
    .expect_err("the row without a paragraph number stops the import");
    let shown = format!("{error:#}");
    assert!(shown.contains("matrix.docx:"), "{shown}");
    assert!(
        shown.contains("does not start with its paragraph number"),
        "{shown}"
    );
    assert!(shown.contains("Abolish the death penalty"), "{shown}");
    assert!(!root.join("data").exists(), "nothing written");

    let summary = import(root, &file, &review(41));
    assert_eq!(
        (summary.records, summary.skipped.len()),
        (4, 1),
        "{summary}"
    );
    let recs = rows(root, "recommendations");
    let got: Vec<(&str, &str, &str, &str)> = recs
        .iter()
        .map(|r| {
            (
                r["id"].as_str(),
                r["paragraph"].as_str(),
                r["response"].as_str(),
                r["recommending_states"].as_str(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("UPR4-118.1", "118.1", "supported", "Maldives|Portugal"),
            (
                "UPR4-118.2",
                "118.2",
                "noted",
                "Venezuela (Bolivarian Republic of)"
            ),
            ("UPR4-118.9", "118.9", "supported", "Sierra Leone"),
            ("UPR4-118.10", "118.10", "pending", "Chile"),
        ],
        "paragraph order, nested brackets, an empty position is pending"
    );
    assert_eq!(
        recs[1]["text_en"],
        "Continue to cooperate with the treaty bodies,\nand strengthen the national mechanism for reporting and follow-up",
        "a multi-paragraph cell keeps its paragraphs"
    );
    assert_eq!(recs[0]["position_source"], "A/HRC/52/8/Add.1 - Para.3");
    assert_eq!(
        recs[1]["position_source"], "A/HRC/52/8/Add.1 - Para.3vv",
        "kept as written"
    );
    assert_eq!(
        recs[0]["themes"],
        "scope-of-international-obligations|torture-and-other-cruel-inhuman-or-degrading-treatment"
    );
    assert_eq!(recs[0]["groups"], "persons-deprived-of-their-liberty");
    assert_eq!(recs[0]["sdg_goals"], "16");
    assert_eq!(recs[1]["sdg_goals"], "16|17");
    assert_eq!(recs[3]["sdg_goals"], "5");
    assert_eq!(recs[0]["cluster"], "scope-of-international-obligations");
    assert_eq!(recs[3]["cluster"], "women-s-rights");
    let documents = rows(root, "documents");
    assert_eq!(documents.len(), 1);
    let d = &documents[0];
    assert_eq!(
        (
            d["id"].as_str(),
            d["symbol"].as_str(),
            d["date"].as_str(),
            d["cycle"].as_str(),
            d["session"].as_str(),
            d["mechanism"].as_str()
        ),
        ("A/HRC/52/8", "A/HRC/52/8", "2023-01-31", "4", "41", "UPR")
    );
    let theme_names: Vec<String> = rows(root, "themes")
        .into_iter()
        .map(|t| t["name_en"].clone())
        .collect();
    assert!(
        theme_names.contains(&"Administration of justice & fair trial".to_string()),
        "{theme_names:?}"
    );

    let out = tempfile::tempdir().expect("out");
    common::build(root, out.path()).expect("the imported portal builds");
    let goal = std::fs::read_to_string(out.path().join("en/sdg/16/index.html")).expect("goal");
    assert!(goal.contains("UPR4-118.1") && goal.contains("UPR4-118.2"));

    let before = common::read_tree(&root.join("data"));
    let again = import(root, &file, &review(41));
    assert!(
        again.written.is_empty(),
        "a second import changes nothing: {again}"
    );
    assert_eq!(common::read_tree(&root.join("data")), before);
}

#[test]
fn the_spreadsheet_of_a_matrix_imports_as_its_word_document() {
    let from_docx = empty_portal();
    let file = write(from_docx.path(), "m.docx", &docx(FOURTH, &fourth_cycle()));
    import(from_docx.path(), &file, &review(41));
    let from_xlsx = empty_portal();
    let file = write(from_xlsx.path(), "m.xlsx", &xlsx(FOURTH, &fourth_cycle()));
    let summary = import(from_xlsx.path(), &file, &review(41));
    assert_eq!(summary.records, 4);
    assert_eq!(
        common::read_tree(&from_docx.path().join("data")),
        common::read_tree(&from_xlsx.path().join("data"))
    );
}

fn third_cycle() -> Vec<Row<'static>> {
    vec![
        Row::Theme("Acceptance of international norms"),
        Row::Cells([
            "120.1 Consider ratifying the International Convention for the Protection of All Persons from Enforced Disappearance (Ghana) (Uruguay);\nSource of Position: A/HRC/37/10/Add.1 - Para. 3",
            "Supported",
            "- Acceptance of international norms\n- Enforced disappearances\nSDGs:\n- 16 - peace, justice and strong institutions\nAffected persons:\n- general",
            "A bill to ratify the Convention went to Parliament in 2019.",
        ]),
        Row::Cells([
            "120.2 Establish a national preventive mechanism (Denmark);\nSource of Position: A/HRC/37/10/Add.1 - Para. 4",
            "Noted",
            "- Torture and other cruel, inhuman or degrading treatment\nAffected persons:\n- persons deprived of their liberty",
            "",
        ]),
    ]
}

#[test]
fn a_third_cycle_assessment_becomes_a_dated_government_status_update() {
    let portal = empty_portal();
    let root = portal.path();
    let file = write(root, "matrix.docx", &docx(EARLIER, &third_cycle()));
    let error = import_upr_matrix(
        &options(root, false),
        std::slice::from_ref(&file),
        "en",
        &review(27),
    )
    .expect_err("an assessment needs a date and a status");
    let shown = format!("{error:#}");
    assert!(shown.contains("1 rows have an assessment"), "{shown}");
    assert!(shown.contains("--assessment-date"), "{shown}");

    let matrix = MatrixOptions {
        assessment_date: chrono::NaiveDate::from_ymd_opt(2022, 6, 30),
        assessment_status: Some("in-progress".into()),
        ..review(27)
    };
    let summary = import(root, &file, &matrix);
    assert_eq!(summary.records, 2, "{summary}");
    let recs = rows(root, "recommendations");
    assert_eq!(recs[0]["id"], "UPR3-120.1");
    assert_eq!(recs[0]["recommending_states"], "Ghana|Uruguay");
    assert_eq!(recs[0]["sdg_goals"], "16");
    assert_eq!(recs[0]["groups"], "general");
    assert_eq!(recs[1]["groups"], "persons-deprived-of-their-liberty");
    assert_eq!(recs[0]["position_source"], "A/HRC/37/10/Add.1 - Para. 3");
    let updates = rows(root, "status_updates");
    assert_eq!(updates.len(), 1);
    let u = &updates[0];
    assert_eq!(
        (
            u["recommendation"].as_str(),
            u["date"].as_str(),
            u["status"].as_str(),
            u["assessor"].as_str(),
            u["narrative_en"].as_str()
        ),
        (
            "UPR3-120.1",
            "2022-06-30",
            "in-progress",
            "government",
            "A bill to ratify the Convention went to Parliament in 2019."
        )
    );
    assert_eq!(rows(root, "documents")[0]["cycle"], "3");
    let again = import(root, &file, &matrix);
    assert!(again.written.is_empty(), "{again}");
}

#[test]
fn a_second_cycle_matrix_with_theme_codes_imports_names_and_cycle_two() {
    let portal = empty_portal();
    let root = portal.path();
    let rows_2nd = vec![
        Row::Theme("A12 Acceptance of international norms"),
        Row::Cells([
            "98.1 Ratify the Optional Protocol to the Convention against Torture (Estonia);\nSource of position: A/HRC/23/5/Add.1 - Para. 2",
            "Supported",
            "A12 Acceptance of international norms\nD25 Prohibition of torture and cruel, inhuman or degrading treatment\nAffected persons:\n- persons deprived of their liberty",
            "",
        ]),
    ];
    let file = write(root, "matrix.docx", &docx(EARLIER, &rows_2nd));
    let summary = import(root, &file, &review(16));
    assert_eq!(
        (summary.records, summary.skipped.len()),
        (1, 0),
        "{summary}"
    );
    let recs = rows(root, "recommendations");
    assert_eq!(recs[0]["id"], "UPR2-98.1");
    assert_eq!(
        recs[0]["themes"],
        "acceptance-of-international-norms|prohibition-of-torture-and-cruel-inhuman-or-degrading-treatment"
    );
    assert_eq!(recs[0]["cluster"], "acceptance-of-international-norms");
    assert_eq!(recs[0]["position_source"], "A/HRC/23/5/Add.1 - Para. 2");
    let document = &rows(root, "documents")[0];
    assert_eq!(
        (document["id"].as_str(), document["cycle"].as_str()),
        ("A/HRC/23/5", "2")
    );
}

#[test]
fn a_file_that_is_not_a_matrix_is_refused_naming_the_headers_expected() {
    let portal = empty_portal();
    let root = portal.path();
    let file = write(
        root,
        "other.docx",
        &docx(["Name", "Date", "Place", "Notes"], &[]),
    );
    let error = import_upr_matrix(&options(root, true), &[file], "en", &review(41))
        .expect_err("not a matrix");
    let shown = format!("{error:#}");
    assert!(shown.contains("no header row of a UPR matrix"), "{shown}");
    assert!(shown.contains("Relevant SDGs"), "{shown}");
}

#[test]
fn recommending_states_take_the_table_names_and_unknown_names_stop_the_import_unless_states_csv_knows_them()
 {
    let portal = empty_portal();
    let root = portal.path();
    let rows = vec![
        Row::Theme("Scope of international obligations"),
        Row::Cells([
            "118.1 Ratify the Optional Protocol to the Convention against Torture (Cote d\u{2019}Ivoire) (Turkey) (Venezuela (Bolivarian Republic of));\nSource of Position: A/HRC/52/8/Add.1 - Para.3",
            "Supported",
            "- Scope of international obligations",
            "",
        ]),
        Row::Cells([
            "118.2 Abolish the death penalty (Portgual) (Atlantis) (Côte d’Ivoire);\nSource of Position: A/HRC/52/8/Add.1 - Para.4",
            "Noted",
            "- Death penalty",
            "",
        ]),
    ];
    let file = write(root, "matrix.docx", &docx(FOURTH, &rows));
    let error = import_upr_matrix(
        &options(root, true),
        std::slice::from_ref(&file),
        "en",
        &review(41),
    )
    .expect_err("unknown States make the merged portal invalid");
    let shown = format!("{error:#}");
    assert!(
        shown.contains("unknown State `Portgual` in `recommending_states`")
            && shown.contains("did you mean `Portugal`?"),
        "{shown}"
    );
    assert!(shown.contains("unknown State `Atlantis`"), "{shown}");
    assert!(
        !root.join("data/recommendations.csv").exists(),
        "nothing was written"
    );

    // The portal's own table knows both: a new entity and another spelling of Portugal.
    std::fs::create_dir_all(root.join("data")).expect("data");
    std::fs::write(
        root.join("data/states.csv"),
        "id,name_en,aliases\nXAT,Atlantis,\nPRT,,Portgual\n",
    )
    .expect("states.csv");
    let summary = import(root, &file, &review(41));
    assert_eq!(summary.records, 2, "{summary}");
    let recs = rows_of_table(root);
    assert_eq!(
        recs,
        vec![
            "Côte d'Ivoire|Türkiye|Venezuela (Bolivarian Republic of)".to_string(),
            "Portgual|Atlantis|Côte d'Ivoire".to_string(),
        ],
        "a spelling that differs only in accents, apostrophes or case, or a former name, takes the table's name; an unknown one is kept as written"
    );
    let shown = summary.to_string();
    assert!(
        shown.contains(
            "`Portgual` is not a State of the built-in States table; did you mean `Portugal`?"
        ),
        "{shown}"
    );
    assert!(
        shown.contains("`Atlantis` is not a State of the built-in States table")
            && shown.contains("matrix.docx:"),
        "{shown}"
    );
}

fn rows_of_table(root: &Path) -> Vec<String> {
    rows(root, "recommendations")
        .into_iter()
        .map(|r| r["recommending_states"].clone())
        .collect()
}
