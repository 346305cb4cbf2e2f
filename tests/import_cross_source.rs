//! One recommendation imported from several sources (the UPR matrix, UHRI) or typed by the
//! portal is one row: a later source is matched by document symbol and paragraph, fills what
//! the row lacks and adds its States and themes; ids and the texts a row has stay.

mod common;

use common::import_options as options;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use common::matrix::{FOURTH, Row, docx};
use docket::MatrixOptions;
use docket::{ImportSummary, import_uhri, import_upr_matrix};
use serde_json::json;

const CONFIG: &str = r##"base_url = "https://cross.example/"
default_language = "en"
as_of = "2026-06-30"

[title]
en = "Cross"

[[languages]]
code = "en"
name = "English"

[[statuses]]
id = "not-started"
colour = "#b42318"
[statuses.label]
en = "Not started"
"##;

fn portal() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("config.toml"), CONFIG).expect("config");
    dir
}

/// Paragraphs 118.1 and 118.9 of A/HRC/52/8, and 118.10 with no position.
fn matrix(root: &Path) -> PathBuf {
    let rows = [
        Row::Theme("Scope of international obligations"),
        Row::Cells([
            "118.1 Ratify the Optional Protocol to the Convention against Torture (Maldives) (Portugal);\nSource of Position: A/HRC/52/8/Add.1 - Para.3",
            "Supported",
            "- Scope of international obligations",
            "- 16 - PEACE, JUSTICE AND STRONG INSTITUTIONS",
        ]),
        Row::Cells([
            "118.9 Guarantee the independence of the judiciary (Sierra Leone);\nSource of Position: A/HRC/52/8/Add.1 - Para.3",
            "Supported",
            "- Administration of justice and fair trial",
            "",
        ]),
        Row::Cells([
            "118.10 Adopt a comprehensive law on violence against women (Chile);\nSource of Position: A/HRC/52/8/Add.1 - Para.5",
            "",
            "- Women's rights",
            "",
        ]),
    ];
    let path = root.join("matrix.docx");
    std::fs::write(&path, docx(FOURTH, &rows)).expect("matrix");
    path
}

/// UHRI's records of 118.1 and 118.9 (numbered `118-9`, the symbol in lower case), and 118.50.
fn uhri(root: &Path) -> PathBuf {
    let record = |id: &str, symbol: &str, text: &str, theme: &str, state: &str| {
        json!({
            "AnnotationId": id,
            "Body": "UPR",
            "Symbol": symbol,
            "PublicationDate": "2023-01-31T00:00:00",
            "Text": text,
            "Themes": [theme],
            "Sdgs": ["16.3 - Promote the rule of law at the national and international levels"],
            "UprSession": ["41"],
            "UprPositions": ["Supported"],
            "UprRecommendingCountry": [state],
            "Countries": ["Meridia"],
        })
    };
    let records = json!([
        record(
            "u-1",
            "A/HRC/52/8",
            "118.1 Ratify the Optional Protocol to the Convention against Torture.",
            "Conditions of detention",
            "Denmark"
        ),
        record(
            "u-9",
            "a/hrc/52/8",
            "118-9 Guarantee the independence of the judiciary.",
            "Administration of justice and fair trial",
            "Sierra Leone"
        ),
        record(
            "u-50",
            "A/HRC/52/8",
            "118.50 Protect human rights defenders.",
            "Human rights defenders",
            "Norway"
        ),
    ]);
    let path = root.join("uhri.json");
    std::fs::write(&path, serde_json::to_vec(&records).unwrap()).expect("uhri");
    path
}

fn review() -> MatrixOptions {
    MatrixOptions {
        date: chrono::NaiveDate::from_ymd_opt(2023, 1, 31),
        session: Some(41),
        ..MatrixOptions::default()
    }
}

fn import_matrix(root: &Path) -> ImportSummary {
    import_upr_matrix(&options(root), &[matrix(root)], "en", &review())
        .unwrap_or_else(|e| panic!("matrix imports: {e:#}"))
}

fn import_index(root: &Path) -> ImportSummary {
    import_uhri(&options(root), &[uhri(root)], None, "en", None)
        .unwrap_or_else(|e| panic!("UHRI imports: {e:#}"))
}

/// The recommendations by paragraph.
fn recommendations(root: &Path) -> BTreeMap<String, BTreeMap<String, String>> {
    let parsed = common::read_table(root, "recommendations");
    parsed
        .rows
        .into_iter()
        .map(|r| {
            let row: BTreeMap<String, String> = parsed.header.iter().cloned().zip(r).collect();
            (row["paragraph"].clone(), row)
        })
        .collect()
}

#[test]
fn a_uhri_import_after_the_matrix_updates_the_matrix_rows_instead_of_duplicating_them() {
    let portal = portal();
    let root = portal.path();
    import_matrix(root);
    let summary = import_index(root);
    let recs = recommendations(root);
    let paragraphs: Vec<&str> = recs.keys().map(String::as_str).collect();
    assert_eq!(
        paragraphs,
        ["118.1", "118.10", "118.50", "118.9"],
        "{summary}"
    );
    let table = summary.table("recommendations").expect("table");
    assert_eq!(table.added, ["A/HRC/52/8-para.118.50"], "{summary}");
    assert_eq!(table.updated, ["UPR4-118.1", "UPR4-118.9"], "{summary}");

    let opcat = &recs["118.1"];
    assert_eq!(opcat["id"], "UPR4-118.1", "the id stays");
    assert_eq!(opcat["source_id"], "upr-matrix:A/HRC/52/8:118.1");
    assert_eq!(
        opcat["text_en"], "Ratify the Optional Protocol to the Convention against Torture",
        "a text the row has is not replaced by another source's"
    );
    assert_eq!(opcat["recommending_states"], "Maldives|Portugal|Denmark");
    assert_eq!(
        opcat["themes"],
        "scope-of-international-obligations|conditions-of-detention"
    );
    assert_eq!(opcat["sdg_targets"], "16.3", "an empty field is filled");
    assert_eq!(opcat["position_source"], "A/HRC/52/8/Add.1 - Para.3");
    assert_eq!(recs["118.9"]["recommending_states"], "Sierra Leone");

    let before = common::read_tree(&root.join("data"));
    assert!(
        import_index(root).written.is_empty(),
        "UHRI again changes nothing"
    );
    assert!(
        import_matrix(root).written.is_empty(),
        "the matrix again changes nothing"
    );
    assert_eq!(common::read_tree(&root.join("data")), before);
}

#[test]
fn a_matrix_import_after_uhri_fills_positions_and_clusters_and_keeps_the_uhri_ids() {
    let portal = portal();
    let root = portal.path();
    import_index(root);
    let summary = import_matrix(root);
    let recs = recommendations(root);
    assert_eq!(recs.len(), 4, "{summary}");
    let table = summary.table("recommendations").expect("table");
    assert_eq!(table.added, ["UPR4-118.10"], "{summary}");

    let opcat = &recs["118.1"];
    assert_eq!(
        opcat["id"], "A/HRC/52/8-para.118.1",
        "the first import's id stays"
    );
    assert_eq!(opcat["source_id"], "uhri:u-1");
    assert_eq!(
        opcat["text_en"],
        "Ratify the Optional Protocol to the Convention against Torture."
    );
    assert_eq!(opcat["position_source"], "A/HRC/52/8/Add.1 - Para.3");
    assert_eq!(opcat["cluster"], "scope-of-international-obligations");
    assert_eq!(opcat["recommending_states"], "Denmark|Maldives|Portugal");
    assert_eq!(recs["118.9"]["source_id"], "uhri:u-9");
    assert_eq!(recs["118.10"]["response"], "pending");

    let before = common::read_tree(&root.join("data"));
    assert!(import_matrix(root).written.is_empty());
    assert!(import_index(root).written.is_empty());
    assert_eq!(common::read_tree(&root.join("data")), before);
}

#[test]
fn a_row_the_portal_typed_is_matched_and_keeps_its_own_cells_on_every_import() {
    let portal = portal();
    let root = portal.path();
    let data = root.join("data");
    std::fs::create_dir(&data).unwrap();
    std::fs::write(
        data.join("mechanisms.csv"),
        "id,kind,name_en\nUPR,upr,Universal Periodic Review\n",
    )
    .unwrap();
    std::fs::write(
        data.join("documents.csv"),
        "id,symbol,mechanism,date,cycle,session\nWG-2023,A/HRC/52/8,UPR,2023-01-31,4,41\n",
    )
    .unwrap();
    std::fs::write(
        data.join("recommendations.csv"),
        "id,document,paragraph,text_en,response\nMER-7,WG-2023,118.01,Ratify OPCAT,pending\n",
    )
    .unwrap();
    let summary = import_matrix(root);
    let recs = recommendations(root);
    assert_eq!(recs.len(), 3, "{summary}");
    let typed = &recs["118.01"];
    assert_eq!(typed["id"], "MER-7");
    assert_eq!(typed["text_en"], "Ratify OPCAT", "the portal's text stays");
    assert_eq!(
        typed["response"], "supported",
        "a pending response is filled"
    );
    assert_eq!(typed["recommending_states"], "Maldives|Portugal");
    assert_eq!(
        typed["source_id"], "",
        "matched by paragraph on every import"
    );
    assert_eq!(recs["118.9"]["document"], "WG-2023");

    let before = common::read_tree(&data);
    assert!(import_matrix(root).written.is_empty());
    assert_eq!(common::read_tree(&data), before);
}
