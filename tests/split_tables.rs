//! A table may be a folder of CSV files, one per institution: read in file-name order, errors
//! at the right file and line, ids unique across files, published as one file per table.

mod common;

use std::path::Path;

use common::*;

const HEADER: &str = "id,date,recommendation,action,status,assessor,institution,organisation,narrative_en,narrative_ar,evidence";

/// Moves the fixture's status updates into `data/status_updates/`: the government's rows in
/// `b-moj.csv`, the others in `a-others.csv` with their columns in another order.
fn split_status_updates(root: &Path) {
    std::fs::remove_file(root.join("data/status_updates.csv")).unwrap();
    let folder = root.join("data/status_updates");
    std::fs::create_dir(&folder).unwrap();
    std::fs::write(
        folder.join("b-moj.csv"),
        format!(
            "{HEADER}\n\
             SU-1,2023-06-30,UPR4-118.1,,not-started,government,MOJ,,Consultations began.,,\n\
             SU-2,2024-06-30,UPR4-118.1,,implemented,government,MOJ,,The Protocol was ratified.,,\n\
             SU-4,2024-10-01,,ACT-1,in-progress,government,MOJ,,Bill in second reading.,,\n"
        ),
    )
    .unwrap();
    std::fs::write(
        folder.join("a-others.csv"),
        "assessor,id,status,date,recommendation,institution,organisation,narrative_en\n\
         nhri,SU-3,in-progress,2024-09-30,UPR4-118.1,NHRI,,The mechanism is not yet funded.\n\
         civil-society,SU-5,not-started,2025-01-15,CAT-CO2-14,,Prison Watch,No investigation opened.\n",
    )
    .unwrap();
    // Not a table file: ignored.
    std::fs::write(folder.join("README.txt"), "one file per institution").unwrap();
}

fn published_ids(out: &Path) -> Vec<String> {
    let mut reader = csv::Reader::from_path(out.join("data/status_updates.csv")).unwrap();
    let id = reader
        .headers()
        .unwrap()
        .iter()
        .position(|h| h == "id")
        .unwrap();
    reader
        .records()
        .map(|r| r.unwrap()[id].to_string())
        .collect()
}

#[test]
fn a_table_split_into_a_folder_loads_every_file_and_is_published_as_one_file() {
    let portal = fixture("minimal");
    split_status_updates(portal.path());
    let out = tempfile::tempdir().unwrap();
    build(portal.path(), out.path()).expect("a split table builds");
    let mut ids = published_ids(out.path());
    ids.sort();
    assert_eq!(ids, ["SU-1", "SU-2", "SU-3", "SU-4", "SU-5"]);
    assert!(!out.path().join("data/status_updates").exists());
    let page = std::fs::read_to_string(out.path().join("en/recommendations/upr4-118-1/index.html"))
        .unwrap();
    assert!(page.contains("The mechanism is not yet funded."));
    assert!(page.contains("The Protocol was ratified."));
}

#[test]
fn a_split_table_builds_the_same_site_as_the_single_file() {
    let whole = fixture("minimal");
    let split = fixture("minimal");
    split_status_updates(split.path());
    let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    build(whole.path(), a.path()).unwrap();
    build(split.path(), b.path()).unwrap();
    let page = "en/recommendations/cat-co2-14/index.html";
    assert_eq!(
        std::fs::read(a.path().join(page)).unwrap(),
        std::fs::read(b.path().join(page)).unwrap()
    );
}

#[test]
fn an_error_in_a_split_table_names_its_file_line_and_column() {
    let portal = fixture("minimal");
    split_status_updates(portal.path());
    let file = portal.path().join("data/status_updates/b-moj.csv");
    let source = std::fs::read_to_string(&file).unwrap();
    std::fs::write(
        &file,
        source.replace("in-progress,government", "in-progres,government"),
    )
    .unwrap();
    let problems = diagnostics_of(docket::check(portal.path(), None));
    let found = problems
        .iter()
        .find(|d| d.file == "data/status_updates/b-moj.csv")
        .unwrap_or_else(|| panic!("{problems:?}"));
    assert_eq!((found.line, found.column), (4, 5));
    assert!(found.to_string().contains("`in-progres`"), "{found}");
}

#[test]
fn a_duplicate_id_across_files_names_both_places() {
    let portal = fixture("minimal");
    split_status_updates(portal.path());
    let file = portal.path().join("data/status_updates/b-moj.csv");
    let source = std::fs::read_to_string(&file).unwrap();
    std::fs::write(&file, source.replace("SU-4,", "SU-5,")).unwrap();
    let problems = diagnostics_of(docket::check(portal.path(), None));
    assert_eq!(problems.len(), 1, "{problems:?}");
    let found = &problems[0];
    assert_eq!(
        (found.file.as_str(), found.line, found.column),
        ("data/status_updates/b-moj.csv", 4, 1)
    );
    let text = found.to_string();
    assert!(text.contains("duplicate status update id `SU-5`"), "{text}");
    assert!(
        text.contains("data/status_updates/a-others.csv line 3"),
        "{text}"
    );
}

#[test]
fn a_table_given_as_a_file_and_a_folder_is_an_error() {
    let portal = fixture("minimal");
    split_status_updates(portal.path());
    std::fs::write(
        portal.path().join("data/status_updates.csv"),
        format!("{HEADER}\n"),
    )
    .unwrap();
    let problems = diagnostics_of(docket::check(portal.path(), None));
    assert!(
        problems.iter().any(|d| d.file == "data/status_updates.csv"
            && d.to_string()
                .contains("both as data/status_updates.csv and as the folder")),
        "{problems:?}"
    );
}

#[test]
fn an_unknown_table_folder_and_a_nested_folder_are_reported() {
    let portal = fixture("minimal");
    split_status_updates(portal.path());
    std::fs::create_dir_all(portal.path().join("data/status_updates/2024")).unwrap();
    std::fs::create_dir(portal.path().join("data/recomendations")).unwrap();
    let problems = diagnostics_of(docket::check(portal.path(), None));
    let text: Vec<String> = problems.iter().map(|d| d.to_string()).collect();
    assert!(
        problems
            .iter()
            .any(|d| d.file == "data/status_updates/2024"),
        "{text:?}"
    );
    assert!(
        problems
            .iter()
            .any(|d| d.file == "data/recomendations/" && d.to_string().contains("recommendations")),
        "{text:?}"
    );
}

#[test]
fn a_new_portal_explains_the_pull_request_workflow_and_following_it_still_checks() {
    let dir = tempfile::tempdir().unwrap();
    let portal = dir.path().join("portal");
    docket::new_portal(&portal).unwrap();
    let owners = std::fs::read_to_string(portal.join("CODEOWNERS")).unwrap();
    assert!(owners.contains("/data/status_updates/moj.csv"), "{owners}");
    let guide = std::fs::read_to_string(portal.join("docs/contributing-data.md")).unwrap();
    for words in [
        "One file per institution",
        "pull request",
        "docket check",
        "CODEOWNERS",
    ] {
        assert!(
            guide.contains(words),
            "the guide does not mention {words:?}"
        );
    }
    // What the guide says: move the table into a folder with one file per institution.
    let single = portal.join("data/status_updates.csv");
    let rows = std::fs::read(&single).unwrap();
    std::fs::create_dir(portal.join("data/status_updates")).unwrap();
    std::fs::write(portal.join("data/status_updates/moj.csv"), rows).unwrap();
    std::fs::remove_file(single).unwrap();
    let summary = docket::check(&portal, None).expect("the split portal is valid");
    assert_eq!(summary.recommendations, 1);
}
