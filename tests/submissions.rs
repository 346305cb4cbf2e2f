//! `submitted_by` and `submitted_on` on status updates and actions: when information arrived
//! is shown; who sent it is published only when config says so.

mod common;

use std::path::Path;

use common::*;

const SUBMITTER: &str = "Focal point Ana Ruiz";

/// Adds the two columns to the fixture: SU-3 (the NHRI's) and ACT-1 were submitted.
fn with_submissions(root: &Path) {
    let path = root.join("data/status_updates.csv");
    let source = std::fs::read_to_string(&path).unwrap();
    let mut lines: Vec<String> = source.lines().map(str::to_string).collect();
    lines[0].push_str(",submitted_by,submitted_on");
    for line in lines.iter_mut().skip(1) {
        if line.starts_with("SU-3,") {
            line.push_str(&format!(",{SUBMITTER},2024-10-14"));
        } else {
            line.push_str(",,");
        }
    }
    std::fs::write(&path, lines.join("\n") + "\n").unwrap();
    let path = root.join("data/actions.csv");
    let source = std::fs::read_to_string(&path).unwrap();
    let mut lines: Vec<String> = source.lines().map(str::to_string).collect();
    lines[0].push_str(",submitted_by,submitted_on");
    lines[1].push_str(&format!(",{SUBMITTER},2023-03-05"));
    std::fs::write(&path, lines.join("\n") + "\n").unwrap();
}

fn publish_submitters(root: &Path) {
    let path = root.join("config.toml");
    let mut config = std::fs::read_to_string(&path).unwrap();
    config = config.replacen(
        "per_page = 2\n",
        "per_page = 2\n\n[publish]\nsubmitted_by = true\n",
        1,
    );
    std::fs::write(&path, config).unwrap();
}

fn page(out: &Path, path: &str) -> String {
    std::fs::read_to_string(out.join(path)).unwrap()
}

#[test]
fn the_history_shows_when_information_arrived_but_not_who_sent_it_by_default() {
    let portal = fixture("minimal");
    with_submissions(portal.path());
    let out = tempfile::tempdir().unwrap();
    build(portal.path(), out.path()).unwrap();
    let rec = page(out.path(), "en/recommendations/upr4-118-1/index.html");
    assert!(
        rec.contains("Received <time datetime=\"2024-10-14\">"),
        "no received date"
    );
    let action = page(out.path(), "en/actions/act-1/index.html");
    assert!(action.contains("datetime=\"2023-03-05\""));
    for (path, bytes) in read_tree(out.path()) {
        let text = String::from_utf8_lossy(&bytes);
        assert!(!text.contains("Ana Ruiz"), "{path} publishes the submitter");
    }
    let csv = page(out.path(), "data/status_updates.csv");
    assert!(
        csv.lines().next().unwrap().ends_with(",submitted_on"),
        "{csv}"
    );
    assert!(csv.contains("2024-10-14"));
}

#[test]
fn config_can_publish_who_submitted_each_row() {
    let portal = fixture("minimal");
    with_submissions(portal.path());
    publish_submitters(portal.path());
    let out = tempfile::tempdir().unwrap();
    build(portal.path(), out.path()).unwrap();
    let rec = page(out.path(), "en/recommendations/upr4-118-1/index.html");
    assert!(
        rec.contains(&format!("Submitted by {SUBMITTER}")),
        "no submitter"
    );
    let action = page(out.path(), "en/actions/act-1/index.html");
    assert!(action.contains(SUBMITTER));
    let csv = page(out.path(), "data/status_updates.csv");
    assert!(
        csv.lines()
            .next()
            .unwrap()
            .ends_with(",submitted_on,submitted_by")
    );
    assert!(csv.contains(&format!("2024-10-14,{SUBMITTER}")), "{csv}");
    let package = page(out.path(), "data/datapackage.json");
    assert!(package.contains("\"submitted_by\""));
}

#[test]
fn a_submission_after_the_as_of_date_is_an_error() {
    let portal = fixture("minimal");
    with_submissions(portal.path());
    let path = portal.path().join("data/status_updates.csv");
    let source = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, source.replace("2024-10-14", "2026-02-01")).unwrap();
    let problems = diagnostics_of(docket::check(portal.path(), None));
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(
        (
            problems[0].file.as_str(),
            problems[0].line,
            problems[0].column
        ),
        ("data/status_updates.csv", 4, 13)
    );
    assert!(problems[0].message.contains("after the as-of date"));
}

#[test]
fn an_unknown_publish_setting_is_an_error() {
    let portal = fixture("minimal");
    let path = portal.path().join("config.toml");
    let config = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, format!("{config}\n[publish]\nsubmitter = true\n")).unwrap();
    let problems = diagnostics_of(docket::check(portal.path(), None));
    assert!(
        problems
            .iter()
            .any(|d| d.file == "config.toml" && d.message.contains("submitter")),
        "{problems:?}"
    );
}
