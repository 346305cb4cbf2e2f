//! `docket import`: UPR Info and UHRI exports merged into the portal's tables, idempotently,
//! keeping what the portal added, reporting bad rows with file and line.

mod common;

use common::{import_options as options, write_input as write};
use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;
use std::path::Path;
use std::process::Command;

use docket::{ImportSummary, import_uhri, import_upr_info};

const CONFIG: &str = r##"base_url = "https://import.example/"
default_language = "en"
as_of = "2026-06-30"

[title]
en = "Import Tracker"
es = "Seguimiento"

[[languages]]
code = "en"
name = "English"

[[languages]]
code = "es"
name = "Español"

[[statuses]]
id = "not-started"
colour = "#b42318"
[statuses.label]
en = "Not started"

[[statuses]]
id = "implemented"
colour = "#067647"
implemented = true
closed = true
[statuses.label]
en = "Implemented"
"##;

/// An empty portal: config.toml and the default theme, no data yet.
fn empty_portal() -> tempfile::TempDir {
    common::empty_portal(CONFIG)
}

/// Every file of `data/`, name to bytes.
fn data_files(root: &Path) -> BTreeMap<String, Vec<u8>> {
    common::read_tree(&root.join("data"))
}

/// Rewrites a portal table the way a secretariat would in a spreadsheet (`;`, CRLF, BOM).
fn edit_table(
    root: &Path,
    table: &str,
    edit: impl FnOnce(&mut Vec<String>, &mut Vec<Vec<String>>),
) {
    let path = root.join(format!("data/{table}.csv"));
    let parsed = common::read_table(root, table);
    let mut header = parsed.header;
    let mut rows = parsed.rows;
    edit(&mut header, &mut rows);
    let mut writer = csv::WriterBuilder::new()
        .delimiter(b';')
        .terminator(csv::Terminator::CRLF)
        .from_writer(b"\xEF\xBB\xBF".to_vec());
    writer.write_record(&header).unwrap();
    for row in rows {
        writer.write_record(&row).unwrap();
    }
    std::fs::write(path, writer.into_inner().unwrap()).unwrap();
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

fn load(root: &Path) -> docket::Dataset {
    docket::load_portal(root, None)
        .unwrap_or_else(|e| panic!("the portal is valid after the import: {e:#}"))
        .dataset
}

const UPR_HEADER: &str = "SuR;Rgrp;Org;Recommendation;RS;Rgrp;Org;Response;Action;Issue;Session";

/// A UPR Info export exactly as the database writes it: BOM, CRLF, `;`, quoted line breaks.
fn upr_export(rows: &[&str]) -> Vec<u8> {
    let mut out = String::from("\u{feff}");
    out.push_str(UPR_HEADER);
    out.push_str("\r\n");
    for row in rows {
        out.push_str(row);
        out.push_str("\r\n");
    }
    out.into_bytes()
}

const ROW_A: &str = "Meridia;GRULAC;OAS;Ratify the Optional Protocol to the Convention against Torture ;Chile;GRULAC;OAS;Supported;5;Torture and other CID treatment,International instruments;41";
const ROW_B: &str = "Meridia;GRULAC;OAS;\"Abolish the death penalty;\r\nin law and in practice\";France;WEOG;EU;Noted;4;Death penalty;41";
const ROW_C: &str = "Meridia;GRULAC;OAS;\"Adopt a law on \"\"human rights defenders\"\"\";Norway;WEOG;;Supported/Noted;3;Human rights defenders;27";

#[test]
fn upr_info_export_imports_into_an_empty_portal_that_then_builds() {
    let portal = empty_portal();
    let export = write(
        portal.path(),
        "export.csv",
        &upr_export(&[ROW_A, ROW_B, ROW_C]),
    );
    let summary = import_upr_info(&options(portal.path()), &[export], None).expect("imports");
    assert_eq!(summary.records, 3);
    assert_eq!(summary.table("recommendations").unwrap().added.len(), 3);
    assert_eq!(
        summary.table("documents").unwrap().added,
        ["UPR-S41", "UPR-S27"]
    );
    assert_eq!(summary.table("mechanisms").unwrap().added, ["UPR"]);
    assert_eq!(summary.table("themes").unwrap().added.len(), 4);
    let data = load(portal.path());
    assert_eq!(data.recommendations.len(), 3);
    let b = &data.recommendations[1];
    assert_eq!(
        b.text.0["en"],
        "Abolish the death penalty;\nin law and in practice"
    );
    assert_eq!(b.response.id(), "noted");
    assert_eq!(data.state_names(&b.recommending_states, "en"), ["France"]);
    assert!(b.key.id.starts_with("UPR4-S41-") && b.key.id.len() == "UPR4-S41-".len() + 12);
    let c = &data.recommendations[2];
    assert_eq!(c.text.0["en"], "Adopt a law on \"human rights defenders\"");
    assert_eq!(c.response.id(), "supported-in-part");
    let documents: Vec<(String, Option<u32>, Option<String>, String)> = data
        .documents
        .iter()
        .map(|d| {
            (
                d.key.id.clone(),
                d.cycle,
                d.session.clone(),
                d.date.to_string(),
            )
        })
        .collect();
    assert_eq!(
        documents,
        [
            (
                "UPR-S41".into(),
                Some(4),
                Some("41".into()),
                "2022-11-01".into()
            ),
            (
                "UPR-S27".into(),
                Some(3),
                Some("27".into()),
                "2017-05-01".into()
            ),
        ]
    );
    let themes: Vec<&str> = data.themes.iter().map(|t| t.key.id.as_str()).collect();
    assert_eq!(
        themes,
        [
            "torture-and-other-cid-treatment",
            "international-instruments",
            "death-penalty",
            "human-rights-defenders"
        ]
    );
    let output = portal.path().join("public");
    common::build(portal.path(), &output).expect("the imported portal builds");
    assert!(
        output
            .join("en/recommendations")
            .join(&b.key.slug)
            .join("index.html")
            .exists()
    );
}

#[test]
fn the_id_rule_is_the_documented_hash() {
    use sha2::{Digest, Sha256};
    let portal = empty_portal();
    let export = write(portal.path(), "export.csv", &upr_export(&[ROW_A]));
    import_upr_info(&options(portal.path()), &[export], None).expect("imports");
    // docs/data.md, "Importing": SHA-256 of the normalised State under review and text, one
    // per line (not the recommending State: a joint recommendation has one id); the first 12
    // hexadecimal digits.
    let key = "meridia\nratify the optional protocol to the convention against torture";
    let hex: String = Sha256::digest(key.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    let expected = format!("UPR4-S41-{}", &hex[..12]);
    let recs = rows(portal.path(), "recommendations");
    assert_eq!(recs[0]["id"], expected);
    assert_eq!(recs[0]["source_id"], format!("upr-info:{expected}"));
}

#[test]
fn a_newer_export_merges_and_keeps_what_the_portal_added() {
    let portal = empty_portal();
    let root = portal.path();
    let first = write(root, "first.csv", &upr_export(&[ROW_A, ROW_B]));
    import_upr_info(&options(root), &[first], None).expect("first import");
    // The portal adds its own work: an institution, a cluster, an action, a status update,
    // a lead institution and an extra theme on a recommendation, and a recommendation of
    // its own between the imported ones.
    let recs = rows(root, "recommendations");
    let (a, b) = (recs[0]["id"].clone(), recs[1]["id"].clone());
    std::fs::write(
        root.join("data/institutions.csv"),
        "id,kind,name_en\nMOJ,ministry,Ministry of Justice\n",
    )
    .unwrap();
    std::fs::write(
        root.join("data/clusters.csv"),
        "id,name_en\ntorture,Torture prevention\n",
    )
    .unwrap();
    std::fs::write(
        root.join("data/actions.csv"),
        format!("id,title_en,recommendations,lead_institution\nACT-1,Draft the NPM bill,{a},MOJ\n"),
    )
    .unwrap();
    std::fs::write(
        root.join("data/status_updates.csv"),
        format!("date,recommendation,status,assessor,institution\n2025-01-10,{a},not-started,government,MOJ\n"),
    )
    .unwrap();
    let themes = std::fs::read_to_string(root.join("data/themes.csv")).unwrap();
    std::fs::write(
        root.join("data/themes.csv"),
        format!("{themes}prisons,Prisons\n"),
    )
    .unwrap();
    edit_table(root, "recommendations", |header, rows| {
        assert_eq!(
            header.join(","),
            "id,document,text_en,response,recommending_states,themes,source_id"
        );
        header.extend(["lead_institution".to_string(), "cluster".to_string()]);
        rows[0][5].push_str("|prisons");
        rows[0].extend(["MOJ".to_string(), "torture".to_string()]);
        rows[1].extend([String::new(), String::new()]);
        let own = [
            "OWN-1",
            "UPR-S41",
            "A recommendation the portal typed itself",
            "supported",
        ];
        let mut own: Vec<String> = own.iter().map(|c| c.to_string()).collect();
        own.resize(header.len(), String::new());
        rows.insert(1, own);
    });
    load(root);
    let kept: BTreeMap<String, Vec<u8>> = data_files(root)
        .into_iter()
        .filter(|(name, _)| {
            [
                "actions.csv",
                "status_updates.csv",
                "institutions.csv",
                "clusters.csv",
            ]
            .contains(&name.as_str())
        })
        .collect();

    // The newer export: A's text changed only in punctuation and spacing, B's response
    // changed, and C is new.
    let newer_a = ROW_A.replace(
        "Ratify the Optional Protocol to the Convention against Torture ",
        "Ratify the  Optional Protocol to the Convention against Torture.",
    );
    let newer_b = ROW_B.replace(";Noted;", ";Supported;");
    let second = write(
        root,
        "second.csv",
        &upr_export(&[&newer_a, &newer_b, ROW_C]),
    );

    let mut dry = options(root);
    dry.dry_run = true;
    let before = data_files(root);
    let preview = import_upr_info(&dry, std::slice::from_ref(&second), None).expect("dry run");
    assert!(preview.dry_run && preview.written.is_empty());
    assert_eq!(data_files(root), before, "a dry run writes nothing");
    let shown = preview.to_string();
    assert!(
        shown.contains("data/recommendations.csv: 1 added, 2 updated, 0 unchanged"),
        "{shown}"
    );
    assert!(shown.contains("Dry run: nothing was written."), "{shown}");

    let summary = import_upr_info(&options(root), &[second], None).expect("second import");
    let changes = summary.table("recommendations").unwrap();
    assert_eq!((changes.added.len(), changes.updated.len()), (1, 2));
    assert_eq!(changes.updated, [a.clone(), b.clone()]);

    let recs = rows(root, "recommendations");
    let ids: Vec<&str> = recs.iter().map(|r| r["id"].as_str()).collect();
    assert_eq!(
        ids[..3],
        [a.as_str(), "OWN-1", b.as_str()],
        "rows keep their order"
    );
    assert_eq!(recs.len(), 4);
    assert_eq!(
        recs[0]["text_en"], "Ratify the Optional Protocol to the Convention against Torture.",
        "the text is cleaned: space runs collapsed"
    );
    assert_eq!(recs[0]["lead_institution"], "MOJ");
    assert_eq!(recs[0]["cluster"], "torture");
    assert_eq!(
        recs[0]["themes"],
        "torture-and-other-cid-treatment|international-instruments|prisons"
    );
    assert_eq!(
        recs[1]["text_en"],
        "A recommendation the portal typed itself"
    );
    assert_eq!(recs[2]["response"], "supported");
    for (name, bytes) in &kept {
        assert_eq!(
            &data_files(root)[name],
            bytes,
            "{name} is the portal's own and untouched"
        );
    }
    let data = load(root);
    assert_eq!(data.actions.len(), 1);
    assert_eq!(data.status_updates.len(), 1);
    assert_eq!(data.recommendations.len(), 4);
}

#[test]
fn bad_rows_are_reported_with_file_and_line_and_skipped_only_when_asked() {
    let portal = empty_portal();
    let root = portal.path();
    let bad_session = "Meridia;GRULAC;OAS;Adopt a plan;Chile;GRULAC;OAS;Supported;5;Other;99";
    let bad_response = "Meridia;GRULAC;OAS;Adopt a law;Peru;GRULAC;OAS;Perhaps;5;Other;41";
    let export = write(
        root,
        "export.csv",
        &upr_export(&[ROW_A, bad_session, ROW_B, bad_response]),
    );
    let error = import_upr_info(&options(root), std::slice::from_ref(&export), None)
        .expect_err("bad rows stop the import");
    let invalid = docket::as_invalid_portal(&error).expect("row problems");
    let places: Vec<(u64, &str)> = invalid
        .diagnostics
        .iter()
        .map(|d| (d.line, d.message.as_str()))
        .collect();
    assert_eq!(places.len(), 2, "{places:?}");
    assert_eq!(places[0].0, 3);
    assert!(places[0].1.contains("`99` is not a UPR session"));
    assert_eq!(places[1].0, 6, "line of the row after a quoted line break");
    assert!(places[1].1.contains("`Perhaps`"));
    assert!(invalid.diagnostics[0].file.ends_with("export.csv"));
    assert!(!root.join("data").exists(), "nothing was written");

    let mut skip = options(root);
    skip.skip_invalid = true;
    let summary = import_upr_info(&skip, &[export], None).expect("imports the rest");
    assert_eq!(summary.records, 2);
    assert_eq!(summary.skipped.len(), 2);
    assert!(summary.to_string().contains("Skipped 2 invalid rows"));
    assert_eq!(rows(root, "recommendations").len(), 2);
}

#[test]
fn an_export_about_several_states_needs_state() {
    let portal = empty_portal();
    let root = portal.path();
    let other = ROW_C.replace("Meridia;", "Utopia;");
    let export = write(root, "export.csv", &upr_export(&[ROW_A, &other, ROW_B]));
    let error = import_upr_info(&options(root), std::slice::from_ref(&export), None)
        .expect_err("ambiguous");
    assert!(format!("{error}").contains("--state"), "{error}");
    let summary = import_upr_info(&options(root), &[export], Some("meridia")).expect("one State");
    assert_eq!((summary.records, summary.filtered), (2, 1));
}

#[test]
fn the_command_line_imports_and_reports() {
    let portal = empty_portal();
    let root = portal.path();
    let export = write(root, "export.csv", &upr_export(&[ROW_A]));
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_docket"))
            .args(["import", "upr-info"])
            .arg(&export)
            .arg("--root")
            .arg(root)
            .args(args)
            .output()
            .expect("runs")
    };
    let dry = run(&["--dry-run"]);
    assert!(dry.status.success());
    let out = String::from_utf8_lossy(&dry.stdout);
    assert!(out.contains("Would import 1 record"), "{out}");
    assert!(!root.join("data").exists());
    let real = run(&[]);
    assert!(real.status.success());
    assert!(String::from_utf8_lossy(&real.stdout).contains("Wrote data/mechanisms.csv"));
    let bad = write(root, "bad.csv", b"id;text\n1;x\n");
    let failed = Command::new(env!("CARGO_BIN_EXE_docket"))
        .args(["import", "upr-info"])
        .arg(&bad)
        .arg("--root")
        .arg(root)
        .output()
        .expect("runs");
    assert_eq!(failed.status.code(), Some(1));
    let err = String::from_utf8_lossy(&failed.stderr);
    assert!(
        err.contains("error: this is not a UPR Info export")
            && err.contains("bad.csv:1:1\n  |\n1 | id;text\n"),
        "{err}"
    );
}

#[test]
#[ignore = "needs ../shared/data"]
fn paraguay_sample_imports_with_the_right_counts_and_a_second_import_changes_nothing() {
    let shared = std::env::var("DOCKET_SHARED_DATA").unwrap_or_else(|_| {
        panic!("set DOCKET_SHARED_DATA to the shared data folder (../shared/data) to run this test")
    });
    let export = Path::new(&shared).join("upr-info/paraguay-upr-info-export.csv");
    assert!(export.exists(), "{} is missing", export.display());
    let portal = empty_portal();
    let root = portal.path();
    let summary = import_upr_info(
        &options(root),
        std::slice::from_ref(&export),
        Some("Paraguay"),
    )
    .expect("imports");
    // 337 rows; joint recommendations (5 made by 2 States, 1 by 3, 2 by 5) are one each.
    assert_eq!(summary.records, 322);
    assert_eq!(summary.joint, 15);
    assert_eq!(summary.duplicates, 0);
    assert!(summary.skipped.is_empty());
    assert_eq!(summary.table("recommendations").unwrap().added.len(), 322);
    assert_eq!(
        summary.table("documents").unwrap().added,
        ["UPR-S10", "UPR-S24"]
    );
    assert_eq!(summary.table("themes").unwrap().added.len(), 45);

    let data = load(root);
    assert_eq!(data.recommendations.len(), 322);
    let mut by_count: BTreeMap<usize, usize> = BTreeMap::new();
    for r in &data.recommendations {
        *by_count.entry(r.recommending_states.len()).or_default() += 1;
    }
    assert_eq!(by_count, BTreeMap::from([(1, 314), (2, 5), (3, 1), (5, 2)]));
    let mut responses: BTreeMap<&str, usize> = BTreeMap::new();
    for r in &data.recommendations {
        *responses.entry(r.response.id()).or_default() += 1;
    }
    assert_eq!(
        responses,
        BTreeMap::from([("noted", 6), ("supported", 316)])
    );
    let per_document: Vec<(String, Option<u32>, usize)> = data
        .documents
        .iter()
        .map(|d| (d.session.clone().unwrap(), d.cycle, d.recommendations.len()))
        .collect();
    assert_eq!(
        per_document,
        [("10".into(), Some(1), 124), ("24".into(), Some(2), 198)]
    );
    assert_eq!(data.themes.len(), 45);
    let theme = |id: &str| {
        data.themes
            .iter()
            .find(|t| t.key.id == id)
            .unwrap_or_else(|| panic!("theme {id}"))
    };
    assert_eq!(theme("rights-of-the-child").recommendations.len(), 74);
    assert_eq!(theme("women-s-rights").recommendations.len(), 68);
    assert_eq!(theme("environment").recommendations.len(), 1);
    assert_eq!(theme("women-s-rights").name.0["en"], "Women's rights");
    let links: usize = data.recommendations.iter().map(|r| r.themes.len()).sum();
    assert_eq!(
        links, 532,
        "issue links (one row names up to several issues; a joint recommendation's once)"
    );
    let states: BTreeSet<_> = data
        .recommendations
        .iter()
        .flat_map(|r| r.recommending_states.iter().copied())
        .collect();
    assert_eq!(states.len(), 78);
    let ids: BTreeSet<&str> = data
        .recommendations
        .iter()
        .map(|r| r.key.id.as_str())
        .collect();
    assert_eq!(ids.len(), 322, "every recommendation has its own id");

    let before = data_files(root);
    let again = import_upr_info(&options(root), &[export], Some("Paraguay")).expect("again");
    let changes = again.table("recommendations").unwrap();
    assert_eq!(
        (
            changes.added.len(),
            changes.updated.len(),
            changes.unchanged
        ),
        (0, 0, 322)
    );
    assert!(again.written.is_empty());
    assert_eq!(data_files(root), before, "a second import changes nothing");
}

// ---------------------------------------------------------------------------------------
// UHRI: the same records as a spreadsheet, a CSV file and a JSON file.

/// One UHRI annotation as the tests write it in every format.
struct Annotation {
    text: &'static str,
    countries: &'static [&'static str],
    body: &'static str,
    symbol: &'static str,
    themes: &'static [&'static str],
    persons: &'static [&'static str],
    sdgs: &'static [&'static str],
    /// Excel serial and ISO form of the same day.
    date: (u32, &'static str),
    upr_states: &'static [&'static str],
    upr_position: &'static str,
    annotation_id: &'static str,
    upr_session: Option<u32>,
}

const ANNOTATIONS: &[Annotation] = &[
    Annotation {
        text: "137.197 Improve the conditions of detention in all prisons",
        countries: &["Paraguay"],
        body: "UPR",
        symbol: "A/HRC/32/9",
        themes: &[
            "Conditions of detention",
            "Administration of justice & fair trial",
        ],
        persons: &["Persons deprived of their liberty"],
        sdgs: &["16.3 - Promote the rule of law at the national and international levels"],
        date: (42471, "2016-04-11"),
        upr_states: &["Germany"],
        upr_position: "Supported",
        annotation_id: "0f1e2d3c-0001",
        upr_session: Some(24),
    },
    Annotation {
        text: "4.The Committee recommends that the State party strengthen its data collection system",
        countries: &["Paraguay"],
        body: "Committee on the Rights of the Child",
        symbol: "CRC/C/PRY/CO/4-6",
        themes: &["Rights of the Child", "Data collection"],
        persons: &["Children", "Girls"],
        sdgs: &[
            "16.2 - End abuse, exploitation, trafficking and all forms of violence against children",
            "17.18 - Increase the availability of reliable data",
        ],
        date: (44621, "2022-03-01"),
        upr_states: &[],
        upr_position: "",
        annotation_id: "0f1e2d3c-0002",
        upr_session: None,
    },
    Annotation {
        text: "12. (a) Adopt legislation on free, prior and informed consent",
        countries: &["Paraguay", "Bolivia (Plurinational State of)"],
        body: "Special Rapporteur on the rights of indigenous peoples",
        symbol: "A/HRC/30/41/Add.1",
        themes: &["Indigenous peoples"],
        persons: &["Indigenous peoples"],
        sdgs: &[],
        date: (42247, "2015-08-31"),
        upr_states: &[],
        upr_position: "",
        annotation_id: "0f1e2d3c-0003",
        upr_session: None,
    },
    Annotation {
        text: "21. The Committee recommends that the State party adopt a national action plan",
        countries: &["Bolivia (Plurinational State of)"],
        body: "CERD",
        symbol: "CERD/C/BOL/CO/21-24",
        themes: &["Racial discrimination"],
        persons: &[],
        sdgs: &["10.3 - Ensure equal opportunity"],
        date: (43087, "2017-12-18"),
        upr_states: &[],
        upr_position: "",
        annotation_id: "0f1e2d3c-0004",
        upr_session: None,
    },
];

const SHEET_HEADER: [&str; 16] = [
    "Text",
    "Countries Concerned",
    "Reccomending Body",
    "Document Symbol",
    "Themes",
    "Affected Persons",
    "Sdgs",
    "Document Publication Date",
    "UPR Reccomending States",
    "UPR Position",
    "Type",
    "OHCHR Annotation Id",
    "UPR Session",
    "Regions Concerned",
    "Recommending Regions",
    "Date of publication on UHRI",
];

fn dashes(values: &[&str]) -> String {
    values
        .iter()
        .map(|v| format!("- {v}"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// A cell of the spreadsheet: text, or a number (dates as Excel serials).
enum SheetCell {
    Text(String),
    Number(f64),
    Empty,
}

fn sheet_rows(dates_as_serials: bool) -> Vec<Vec<SheetCell>> {
    let mut out = vec![
        SHEET_HEADER
            .iter()
            .map(|h| SheetCell::Text(h.to_string()))
            .collect(),
    ];
    for a in ANNOTATIONS {
        let text = |s: String| {
            if s.is_empty() {
                SheetCell::Empty
            } else {
                SheetCell::Text(s)
            }
        };
        out.push(vec![
            text(a.text.to_string()),
            text(dashes(a.countries)),
            text(a.body.to_string()),
            text(a.symbol.to_string()),
            text(dashes(a.themes)),
            text(dashes(a.persons)),
            text(dashes(a.sdgs)),
            if dates_as_serials {
                SheetCell::Number(a.date.0.into())
            } else {
                text(a.date.1.to_string())
            },
            text(dashes(a.upr_states)),
            text(a.upr_position.to_string()),
            text("Recommendation".into()),
            text(a.annotation_id.to_string()),
            a.upr_session
                .map_or(SheetCell::Empty, |s| SheetCell::Number(s.into())),
            text("- Latin American and Caribbean States".into()),
            SheetCell::Empty,
            text("2023-01-31".into()),
        ]);
    }
    out
}

fn xml_escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn column_name(index: usize) -> String {
    let mut name = String::new();
    let mut n = index + 1;
    while n > 0 {
        let rem = (n - 1) % 26;
        name.insert(0, (b'A' + rem as u8) as char);
        n = (n - 1) / 26;
    }
    name
}

/// A minimal .xlsx (Office Open XML) with one worksheet of inline strings and numbers, with a
/// title row above the header as UHRI exports have.
fn xlsx() -> Vec<u8> {
    use zip::write::SimpleFileOptions;
    let mut sheet = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>",
    );
    sheet.push_str("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Universal Human Rights Index: search results</t></is></c></row>");
    for (r, row) in sheet_rows(true).iter().enumerate() {
        let line = r + 2;
        sheet.push_str(&format!("<row r=\"{line}\">"));
        for (c, cell) in row.iter().enumerate() {
            let reference = format!("{}{line}", column_name(c));
            match cell {
                SheetCell::Text(t) => sheet.push_str(&format!(
                    "<c r=\"{reference}\" t=\"inlineStr\"><is><t xml:space=\"preserve\">{}</t></is></c>",
                    xml_escape(t)
                )),
                SheetCell::Number(n) => {
                    sheet.push_str(&format!("<c r=\"{reference}\"><v>{n}</v></c>"))
                }
                SheetCell::Empty => {}
            }
        }
        sheet.push_str("</row>");
    }
    sheet.push_str("</sheetData></worksheet>");
    let files = [
        (
            "[Content_Types].xml",
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/><Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/></Types>".to_string(),
        ),
        (
            "_rels/.rels",
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>".to_string(),
        ),
        (
            "xl/workbook.xml",
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet name=\"Recommendations\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>".to_string(),
        ),
        (
            "xl/_rels/workbook.xml.rels",
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>".to_string(),
        ),
        ("xl/worksheets/sheet1.xml", sheet),
    ];
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (name, content) in files {
        zip.start_file(name, options).expect("zip entry");
        zip.write_all(content.as_bytes()).expect("zip write");
    }
    zip.finish().expect("zip").into_inner()
}

/// The same table as a CSV file (comma-separated, quoted multi-line cells, ISO dates).
fn uhri_csv() -> Vec<u8> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    for row in sheet_rows(false) {
        writer
            .write_record(row.iter().map(|c| match c {
                SheetCell::Text(t) => t.clone(),
                SheetCell::Number(n) => format!("{n}"),
                SheetCell::Empty => String::new(),
            }))
            .expect("csv");
    }
    writer.into_inner().expect("csv")
}

/// The JSON export: objects with list fields.
fn uhri_json() -> Vec<u8> {
    let records: Vec<serde_json::Value> = ANNOTATIONS
        .iter()
        .map(|a| {
            serde_json::json!({
                "AffectedPersons": a.persons,
                "AnnotationId": a.annotation_id,
                "AnnotationType": "Recommendation",
                "Body": a.body,
                "Countries": a.countries,
                "PublicationDate": format!("{}T00:00:00", a.date.1),
                "Sdgs": a.sdgs,
                "Symbol": a.symbol,
                "Text": a.text,
                "Themes": a.themes,
                "UprCycle": a.upr_session.map(|_| 2),
                "UprPositions": if a.upr_position.is_empty() { vec![] } else { vec![a.upr_position] },
                "UprRecommendingCountry": a.upr_states,
                "UprSession": a.upr_session.map(|s| vec![s.to_string()]).unwrap_or_default(),
            })
        })
        .collect();
    serde_json::to_vec_pretty(&records).expect("json")
}

fn import_uhri_file(name: &str, bytes: &[u8]) -> (tempfile::TempDir, ImportSummary) {
    let portal = empty_portal();
    let file = write(portal.path(), name, bytes);
    let summary = import_uhri(
        &options(portal.path()),
        &[file],
        Some("paraguay"),
        "en",
        None,
    )
    .unwrap_or_else(|e| panic!("{name} imports: {e:#}"));
    (portal, summary)
}

#[test]
fn uhri_spreadsheet_csv_and_json_exports_import_to_the_same_records() {
    let (xlsx_portal, xlsx_summary) = import_uhri_file("uhri.xlsx", &xlsx());
    let (csv_portal, _) = import_uhri_file("uhri.csv", &uhri_csv());
    let (json_portal, _) = import_uhri_file("uhri.json", &uhri_json());
    assert_eq!((xlsx_summary.records, xlsx_summary.filtered), (3, 1));
    let tables = data_files(xlsx_portal.path());
    assert_eq!(
        tables.keys().map(String::as_str).collect::<Vec<_>>(),
        [
            "documents.csv",
            "groups.csv",
            "mechanisms.csv",
            "recommendations.csv",
            "sdg_goals.csv",
            "sdg_targets.csv",
            "themes.csv"
        ]
    );
    assert_eq!(
        tables,
        data_files(csv_portal.path()),
        "CSV export gives the same tables"
    );
    assert_eq!(
        tables,
        data_files(json_portal.path()),
        "JSON export gives the same tables"
    );

    let data = load(xlsx_portal.path());
    let recs: Vec<(&str, Option<&str>, &str, &str)> = data
        .recommendations
        .iter()
        .map(|r| {
            (
                r.key.id.as_str(),
                r.paragraph.as_deref(),
                r.text.0["en"].as_str(),
                r.response.id(),
            )
        })
        .collect();
    assert_eq!(
        recs,
        [
            (
                "A/HRC/32/9-para.137.197",
                Some("137.197"),
                "Improve the conditions of detention in all prisons",
                "supported"
            ),
            (
                "CRC/C/PRY/CO/4-6-para.4",
                Some("4"),
                "The Committee recommends that the State party strengthen its data collection system",
                "pending"
            ),
            (
                "A/HRC/30/41/Add.1-para.12",
                Some("12"),
                "(a) Adopt legislation on free, prior and informed consent",
                "pending"
            ),
        ]
    );
    let upr = &data.recommendations[0];
    assert_eq!(
        data.state_names(&upr.recommending_states, "en"),
        ["Germany"]
    );
    let doc = &data.documents[upr.document.index()];
    assert_eq!(
        (
            doc.symbol.as_str(),
            doc.date.to_string(),
            doc.cycle,
            doc.session.as_deref()
        ),
        ("A/HRC/32/9", "2016-04-11".to_string(), Some(2), Some("24"))
    );
    let mechanisms: Vec<(&str, docket::MechanismKind, &str)> = data
        .mechanisms
        .iter()
        .map(|m| (m.key.id.as_str(), m.kind, m.name.0["en"].as_str()))
        .collect();
    use docket::MechanismKind::*;
    assert_eq!(
        mechanisms,
        [
            ("UPR", Upr, "Universal Periodic Review"),
            ("CRC", TreatyBody, "Committee on the Rights of the Child"),
            (
                "special-rapporteur-on-the-rights-of-indigenous-peoples",
                SpecialProcedure,
                "Special Rapporteur on the rights of indigenous peoples"
            ),
        ]
    );
    let crc = &data.recommendations[1];
    let targets: Vec<&str> = crc
        .sdg_targets
        .iter()
        .map(|t| data.sdg_targets[t.index()].key.id.as_str())
        .collect();
    assert_eq!(targets, ["16.2", "17.18"]);
    let goals: Vec<(&str, &str)> = data
        .sdg_goals
        .iter()
        .map(|g| (g.key.id.as_str(), g.name.0["en"].as_str()))
        .collect();
    assert_eq!(
        goals,
        [
            ("16", "Peace, justice and strong institutions"),
            ("17", "Partnerships for the goals")
        ]
    );
    let groups: Vec<&str> = crc
        .groups
        .iter()
        .map(|g| data.groups[g.index()].key.id.as_str())
        .collect();
    assert_eq!(groups, ["children", "girls"]);
    let theme_names: Vec<&str> = data
        .themes
        .iter()
        .map(|t| t.name.0["en"].as_str())
        .collect();
    assert!(theme_names.contains(&"Administration of justice & fair trial"));
    let source_ids: Vec<String> = rows(xlsx_portal.path(), "recommendations")
        .into_iter()
        .map(|r| r["source_id"].clone())
        .collect();
    assert_eq!(
        source_ids,
        [
            "uhri:0f1e2d3c-0001",
            "uhri:0f1e2d3c-0002",
            "uhri:0f1e2d3c-0003"
        ]
    );

    // Importing another format of the same export into the same portal changes nothing.
    let before = data_files(xlsx_portal.path());
    let json = write(xlsx_portal.path(), "again.json", &uhri_json());
    let again = import_uhri(
        &options(xlsx_portal.path()),
        &[json],
        Some("Paraguay"),
        "en",
        None,
    )
    .expect("again");
    assert!(again.written.is_empty(), "{again}");
    assert_eq!(data_files(xlsx_portal.path()), before);
}

#[test]
fn uhri_maps_bodies_and_terms_onto_what_the_portal_already_has() {
    let portal = empty_portal();
    let root = portal.path();
    std::fs::create_dir_all(root.join("data")).unwrap();
    std::fs::write(
        root.join("data/mechanisms.csv"),
        "id,kind,acronym,name_en\nUN-CRC,treaty-body,CRC,Committee on the Rights of the Child\nUPR,upr,UPR,Universal Periodic Review\n",
    )
    .unwrap();
    std::fs::write(
        root.join("data/themes.csv"),
        "id,name_en,name_es\nchildren,Rights of the Child,Derechos del niño\n",
    )
    .unwrap();
    std::fs::write(
        root.join("data/documents.csv"),
        "id,symbol,mechanism,date\n",
    )
    .unwrap();
    std::fs::write(
        root.join("data/recommendations.csv"),
        "id,document,text_en\n",
    )
    .unwrap();
    let file = write(root, "uhri.json", &uhri_json());
    import_uhri(&options(root), &[file], Some("Paraguay"), "en", None).expect("imports");
    let data = load(root);
    assert_eq!(
        data.mechanisms.len(),
        3,
        "CRC and UPR matched, the rapporteur added"
    );
    let crc = &data.recommendations[1];
    assert_eq!(data.mechanisms[crc.mechanism.index()].key.id, "UN-CRC");
    let themes: Vec<&str> = crc
        .themes
        .iter()
        .map(|t| data.themes[t.index()].key.id.as_str())
        .collect();
    assert_eq!(themes, ["children", "data-collection"]);
    assert_eq!(
        data.themes[0].name.0["es"], "Derechos del niño",
        "the portal's translations stay"
    );
}

#[test]
fn uhri_rows_without_an_annotation_id_are_reported() {
    let portal = empty_portal();
    let mut records: Vec<serde_json::Value> = serde_json::from_slice(&uhri_json()).unwrap();
    records[1]["AnnotationId"] = serde_json::Value::String(String::new());
    let file = write(
        portal.path(),
        "uhri.json",
        &serde_json::to_vec(&records).unwrap(),
    );
    let error =
        import_uhri(&options(portal.path()), &[file], None, "en", None).expect_err("bad row");
    let invalid = docket::as_invalid_portal(&error).expect("row problem");
    assert_eq!(invalid.diagnostics.len(), 1);
    assert_eq!(
        invalid.diagnostics[0].line, 2,
        "the record's position in the list"
    );
    assert!(invalid.diagnostics[0].message.contains("annotation id"));
}
