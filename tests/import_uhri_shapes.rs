//! UHRI records in every shape they come in (the classic JSON export, the web service's
//! camelCase records with texts by language and ids instead of names, JSON Lines) import to
//! the same recommendations; what cannot be read is said once, naming what was found.

mod common;

use common::{import_options as options, write_input as write};
use std::path::{Path, PathBuf};

use docket::{ImportOptions, ImportSummary, import_uhri};
use serde_json::{Value, json};

const CONFIG: &str = r##"base_url = "https://shapes.example/"
default_language = "en"
as_of = "2026-06-30"

[title]
en = "Shapes"
es = "Formas"

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
"##;

fn empty_portal() -> tempfile::TempDir {
    common::empty_portal(CONFIG)
}

/// Two annotations as (id, English text, Spanish text, theme id, theme name).
const RECORDS: [(&str, &str, &str, &str, &str); 2] = [
    (
        "a1b2-0001",
        "137.197 Improve the conditions of detention&nbsp;in all prisons",
        "137.197 Mejorar las condiciones de detención en todas las cárceles",
        "12",
        "Conditions of detention",
    ),
    (
        "a1b2-0002",
        "137.198 Ratify the Optional Protocol to the Convention against Torture",
        "137-198 Ratificar el Protocolo Facultativo de la Convención contra la Tortura",
        "14",
        "Torture and other cruel, inhuman or degrading treatment",
    ),
];

/// The classic export: PascalCase keys, the English text in `Text`.
fn classic() -> Vec<Value> {
    RECORDS
        .iter()
        .map(|(id, en, _, _, theme)| {
            json!({
                "AnnotationId": id,
                "Body": "UPR",
                "Symbol": "A/HRC/32/9",
                "PublicationDate": "2016-04-11T00:00:00",
                "Text": en,
                "Themes": [theme],
                "UprSession": ["24"],
                "UprPositions": ["Supported"],
                "UprRecommendingCountry": ["Germany"],
                "Countries": ["Paraguay"],
            })
        })
        .collect()
}

/// The web service's shape: camelCase keys, texts under language codes, themes by id.
fn web_service() -> Vec<Value> {
    RECORDS
        .iter()
        .map(|(id, en, es, theme_id, _)| {
            json!({
                "annotationId": id,
                "body": "UPR",
                "symbol": "A/HRC/32/9",
                "publicationDate": "2016-04-11T00:00:00",
                "en": en,
                "es": es,
                "themesIds": [theme_id.parse::<u32>().unwrap()],
                "uprSession": ["24"],
                "uprPositions": ["Supported"],
                "uprRecommendingCountry": ["Germany"],
                "countries": ["Paraguay"],
            })
        })
        .collect()
}

fn labels() -> Vec<u8> {
    let themes: serde_json::Map<String, Value> = RECORDS
        .iter()
        .map(|(_, _, _, id, name)| (id.to_string(), json!(name)))
        .collect();
    serde_json::to_vec(&json!({ "themesIds": themes })).unwrap()
}

fn jsonl(records: &[Value]) -> Vec<u8> {
    let mut out = String::new();
    for record in records {
        out.push_str(&record.to_string());
        out.push('\n');
    }
    out.into_bytes()
}

/// What a recommendation says: id, paragraph, English and Spanish text, theme names.
type Imported = (String, Option<String>, String, Option<String>, Vec<String>);

fn imported(root: &Path) -> Vec<Imported> {
    let data = docket::load_portal(root, None)
        .expect("the portal loads")
        .dataset;
    data.recommendations
        .iter()
        .map(|r| {
            (
                r.key.id.clone(),
                r.paragraph.clone(),
                r.text.0["en"].clone(),
                r.text.0.get("es").cloned(),
                r.themes
                    .iter()
                    .map(|t| data.themes[t.index()].name.0["en"].clone())
                    .collect(),
            )
        })
        .collect()
}

fn import(root: &Path, file: PathBuf, labels: Option<&Path>) -> ImportSummary {
    import_uhri(&options(root), &[file], None, "en", labels)
        .unwrap_or_else(|e| panic!("imports: {e:#}"))
}

#[test]
fn web_service_json_and_json_lines_import_to_the_same_records_as_the_classic_export() {
    let classic_portal = empty_portal();
    let root = classic_portal.path();
    let file = write(
        root,
        "classic.json",
        &serde_json::to_vec(&classic()).unwrap(),
    );
    import(root, file, None);
    let expected = imported(root);
    assert_eq!(expected.len(), 2);
    assert_eq!(expected[0].0, "A/HRC/32/9-para.137.197");
    assert_eq!(
        expected[0].2, "Improve the conditions of detention in all prisons",
        "entity decoded, number moved to paragraph"
    );
    assert_eq!(expected[0].3, None);

    for (name, bytes) in [
        (
            "service.json",
            serde_json::to_vec_pretty(&web_service()).unwrap(),
        ),
        ("service.jsonl", jsonl(&web_service())),
    ] {
        let portal = empty_portal();
        let root = portal.path();
        let labels_file = write(root, "labels.json", &labels());
        let file = write(root, name, &bytes);
        let summary = import(root, file, Some(&labels_file));
        assert!(summary.notes.is_empty(), "{name}: {summary}");
        let got = imported(root);
        for (got, want) in got.iter().zip(&expected) {
            assert_eq!(
                (&got.0, &got.1, &got.2, &got.4),
                (&want.0, &want.1, &want.2, &want.4),
                "{name}"
            );
        }
        let spanish: Vec<Option<&str>> = got.iter().map(|r| r.3.as_deref()).collect();
        assert_eq!(
            spanish,
            [
                Some("Mejorar las condiciones de detención en todas las cárceles"),
                Some("Ratificar el Protocolo Facultativo de la Convención contra la Tortura"),
            ],
            "{name}: both languages imported at once, paragraph styles cleaned"
        );
    }
}

#[test]
fn ids_without_labels_are_kept_and_reported_once() {
    let portal = empty_portal();
    let root = portal.path();
    let file = write(root, "service.jsonl", &jsonl(&web_service()));
    let summary = import(root, file, None);
    assert_eq!(summary.records, 2);
    assert_eq!(summary.notes.len(), 1, "{summary}");
    let note = &summary.notes[0];
    assert!(note.contains("themesIds (2 ids: 12, 14)"), "{note}");
    assert!(note.contains("--labels"), "{note}");
    let shown = summary.to_string();
    assert_eq!(shown.matches("ids without labels").count(), 1, "{shown}");
    let themes: Vec<Vec<String>> = imported(root).into_iter().map(|r| r.4).collect();
    assert_eq!(themes, [["UHRI theme 12"], ["UHRI theme 14"]]);
}

#[test]
fn a_record_without_a_recognised_text_gets_one_error_naming_its_keys() {
    let portal = empty_portal();
    let root = portal.path();
    let mut records = web_service();
    let record = records[1].as_object_mut().unwrap();
    record.remove("en");
    record.remove("es");
    record.insert("recommendation".into(), json!("Ratify the Protocol"));
    let file = write(root, "service.json", &serde_json::to_vec(&records).unwrap());
    let error = import_uhri(
        &options(root),
        std::slice::from_ref(&file),
        None,
        "en",
        None,
    )
    .expect_err("a record without text stops the import");
    let shown = format!("{error:#}");
    assert_eq!(shown.matches("error").count(), 1, "one error: {shown}");
    assert!(shown.contains("service.json:2"), "{shown}");
    assert!(shown.contains("record 2 has no text"), "{shown}");
    assert!(shown.contains("annotationId"), "keys found: {shown}");
    assert!(shown.contains("recommendation"), "keys found: {shown}");
    assert!(
        shown.contains("`Text`") && shown.contains("en, fr, es, ar, ru, zh"),
        "{shown}"
    );
    assert!(!root.join("data").exists(), "nothing written");

    let skipping = ImportOptions {
        skip_invalid: true,
        ..options(root)
    };
    let summary = import_uhri(&skipping, &[file], None, "en", None).expect("skips the record");
    assert_eq!((summary.records, summary.skipped.len()), (1, 1));
}

#[test]
fn texts_in_languages_the_portal_does_not_publish_are_left_out_and_said_once() {
    let portal = empty_portal();
    let root = portal.path();
    let mut records = web_service();
    for record in &mut records {
        record
            .as_object_mut()
            .unwrap()
            .insert("zh".into(), json!("改善所有监狱的拘留条件"));
    }
    let labels_file = write(root, "labels.json", &labels());
    let file = write(root, "service.json", &serde_json::to_vec(&records).unwrap());
    let summary = import(root, file, Some(&labels_file));
    assert_eq!(summary.records, 2);
    assert_eq!(summary.notes.len(), 1, "{summary}");
    assert!(
        summary.notes[0].starts_with("texts in zh were left out"),
        "{summary}"
    );
}

/// The themes table as (id, English name).
fn theme_rows(root: &Path) -> Vec<(String, String)> {
    let parsed = common::read_table(root, "themes");
    let column = |name: &str| parsed.header.iter().position(|h| h == name).unwrap();
    let (id, name) = (column("id"), column("name_en"));
    parsed
        .rows
        .into_iter()
        .map(|r| (r[id].clone(), r[name].clone()))
        .collect()
}

#[test]
fn labels_on_a_later_import_rename_the_placeholders_but_never_a_name_a_person_typed() {
    let portal = empty_portal();
    let root = portal.path();
    let file = write(root, "service.jsonl", &jsonl(&web_service()));
    import(root, file.clone(), None);
    assert_eq!(
        theme_rows(root),
        [
            ("uhri-theme-12".to_string(), "UHRI theme 12".to_string()),
            ("uhri-theme-14".to_string(), "UHRI theme 14".to_string()),
        ]
    );
    // Someone names theme 14 by hand before the labels arrive.
    let themes = root.join("data/themes.csv");
    let typed = std::fs::read_to_string(&themes)
        .unwrap()
        .replace("UHRI theme 14", "Torture (our wording)");
    std::fs::write(&themes, typed).unwrap();

    let labels = write(root, "labels.json", &labels());
    let summary = import(root, file.clone(), Some(&labels));
    let rows = theme_rows(root);
    assert_eq!(
        rows[0],
        (
            "uhri-theme-12".to_string(),
            "Conditions of detention".to_string()
        ),
        "the placeholder takes the label and keeps its id: {summary}"
    );
    assert_eq!(
        rows[1],
        (
            "uhri-theme-14".to_string(),
            "Torture (our wording)".to_string()
        ),
        "the typed name stays"
    );
    assert_eq!(
        rows.iter()
            .filter(|(_, n)| n == "Conditions of detention")
            .count(),
        1,
        "no second theme for the renamed one: {rows:?}"
    );
    assert!(
        summary
            .table("themes")
            .unwrap()
            .updated
            .contains(&"uhri-theme-12".to_string()),
        "{summary}"
    );
    let themes: Vec<Vec<String>> = imported(root).into_iter().map(|r| r.4).collect();
    assert_eq!(themes[0], ["Conditions of detention"]);
    assert_eq!(
        themes[1],
        [
            "Torture (our wording)",
            "Torture and other cruel, inhuman or degrading treatment"
        ],
        "beside a typed name, the label is a theme of its own"
    );

    let before = data_files(root);
    let again = import(root, file, Some(&labels));
    assert!(again.written.is_empty(), "{again}");
    assert_eq!(data_files(root), before);
}

/// Every file of data/, with its bytes.
fn data_files(root: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut files: Vec<(PathBuf, Vec<u8>)> = std::fs::read_dir(root.join("data"))
        .unwrap()
        .map(|e| {
            let path = e.unwrap().path();
            let bytes = std::fs::read(&path).unwrap();
            (path, bytes)
        })
        .collect();
    files.sort();
    files
}
