//! One workbook instead of many CSV files: reading `data/*.xlsx`, `docket export workbook`.

mod common;

use std::process::Command;

use common::*;

/// The fixture with its CSV files replaced by the workbook `docket export workbook` writes.
fn workbook_portal() -> (tempfile::TempDir, tempfile::TempDir) {
    let csv = fixture("minimal");
    let book = fixture("minimal");
    let file = book.path().join("portal.xlsx");
    let output = Command::new(env!("CARGO_BIN_EXE_docket"))
        .args(["export", "workbook"])
        .arg(&file)
        .arg("--root")
        .arg(csv.path())
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(String::from_utf8_lossy(&output.stdout).starts_with("Wrote 11 tables to "));
    std::fs::remove_dir_all(book.path().join("data")).unwrap();
    std::fs::create_dir(book.path().join("data")).unwrap();
    std::fs::rename(&file, book.path().join("data/portal.xlsx")).unwrap();
    (csv, book)
}

#[test]
fn an_exported_workbook_reads_back_as_the_same_tables_and_builds_the_same_site() {
    let (csv, book) = workbook_portal();
    build(csv.path(), &csv.path().join("public")).expect("CSV portal builds");
    build(book.path(), &book.path().join("public")).expect("workbook portal builds");
    assert_eq!(
        std::fs::read_to_string(book.path().join("public/urls.txt")).unwrap(),
        std::fs::read_to_string(csv.path().join("public/urls.txt")).unwrap()
    );
    let page = "public/en/recommendations/upr4-118-1/index.html";
    assert_eq!(
        std::fs::read(book.path().join(page)).unwrap(),
        std::fs::read(csv.path().join(page)).unwrap()
    );
}

#[test]
fn a_problem_in_a_workbook_is_located_by_sheet_and_cell() {
    let csv = fixture("minimal");
    let table = csv.path().join("data/recommendations.csv");
    let text = std::fs::read_to_string(&table).unwrap();
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let themes = reader.headers().unwrap().iter().position(|h| h == "themes");
    let mut rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let mut second: Vec<String> = rows[1].iter().map(str::to_string).collect();
    second[themes.unwrap()] = "civl".into();
    rows[1] = csv::StringRecord::from(second);
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(reader.headers().unwrap()).unwrap();
    for row in &rows {
        writer.write_record(row).unwrap();
    }
    std::fs::write(&table, writer.into_inner().unwrap()).unwrap();
    let book = tempfile::tempdir().unwrap();
    docket::export_workbook(csv.path(), &book.path().join("portal.xlsx")).unwrap();
    std::fs::remove_dir_all(csv.path().join("data")).unwrap();
    std::fs::create_dir(csv.path().join("data")).unwrap();
    std::fs::rename(
        book.path().join("portal.xlsx"),
        csv.path().join("data/portal.xlsx"),
    )
    .unwrap();

    let problems = diagnostics_of(docket::check(csv.path(), None));
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(
        problems[0].to_string(),
        "data/portal.xlsx [recommendations] F3: error: unknown theme `civl` in `themes`\n  help: did you mean `civil`?"
    );
}

#[test]
fn a_control_character_in_a_workbook_cell_is_an_error_at_its_cell() {
    let portal = fixture("minimal");
    let table = portal.path().join("data/recommendations.csv");
    let text = std::fs::read_to_string(&table).unwrap();
    // How Excel stores a control character in a cell's XML (raw, it would be invalid XML).
    let edited = text.replace(
        "\"Abolish the death penalty, in law and in practice.\"",
        "Abolish_x0007_ the death penalty.",
    );
    assert_ne!(edited, text);
    std::fs::write(&table, edited).unwrap();
    let book = tempfile::tempdir().unwrap();
    docket::export_workbook(portal.path(), &book.path().join("portal.xlsx")).unwrap();
    std::fs::remove_dir_all(portal.path().join("data")).unwrap();
    std::fs::create_dir(portal.path().join("data")).unwrap();
    std::fs::rename(
        book.path().join("portal.xlsx"),
        portal.path().join("data/portal.xlsx"),
    )
    .unwrap();

    let problems = diagnostics_of(docket::check(portal.path(), None));
    let shown: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
    assert!(
        shown.iter().any(|p| p.starts_with(
            "data/portal.xlsx [recommendations] M3: error: this cell contains the control character U+0007"
        ) && p.contains("help: delete it")),
        "{shown:#?}"
    );
}

#[test]
fn a_table_both_in_a_workbook_and_a_csv_file_is_an_error() {
    let (_csv, book) = workbook_portal();
    std::fs::write(
        book.path().join("data/groups.csv"),
        "id,name_en\ndetainees,Detainees\n",
    )
    .unwrap();
    let problems = diagnostics_of(docket::check(book.path(), None));
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].file, "data/portal.xlsx [groups]");
    assert_eq!(
        problems[0].message,
        "table `groups` is also in data/groups.csv"
    );
}

#[test]
fn export_workbook_never_replaces_an_existing_file() {
    let portal = fixture("minimal");
    let file = portal.path().join("mine.xlsx");
    std::fs::write(&file, "keep").unwrap();
    let error = docket::export_workbook(portal.path(), &file).unwrap_err();
    assert!(error.to_string().contains("already exists"));
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "keep");
}
