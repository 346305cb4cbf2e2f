//! Each kind of bad input is reported at the right file, line and column, all at once.

mod common;

use common::*;

/// Replaces `from` with `to` in one file of a fresh fixture and returns the problems found.
fn problems_after(file: &str, from: &str, to: &str) -> Vec<docket::Diagnostic> {
    let portal = fixture("minimal");
    let path = portal.path().join(file);
    let source = std::fs::read_to_string(&path).unwrap();
    assert!(source.contains(from), "{file} does not contain {from:?}");
    std::fs::write(&path, source.replacen(from, to, 1)).unwrap();
    diagnostics_of(docket::check(portal.path(), None))
}

fn assert_reported(
    problems: &[docket::Diagnostic],
    file: &str,
    line: u64,
    column: u64,
    words: &[&str],
) {
    let found = problems
        .iter()
        .find(|d| d.file == file && d.line == line && d.column == column);
    let Some(found) = found else {
        panic!(
            "no problem reported at {file}:{line}:{column}; got:\n{}",
            problems
                .iter()
                .map(|d| d.to_string())
                .collect::<Vec<_>>()
                .join("\n")
        );
    };
    let text = found.to_string();
    for word in words {
        assert!(text.contains(word), "{text:?} does not mention {word:?}");
    }
}

#[test]
fn the_fixture_itself_is_valid() {
    let portal = fixture("minimal");
    let summary = docket::check(portal.path(), None).expect("valid");
    assert_eq!(summary.recommendations, 3);
}

#[test]
fn unknown_reference_suggests_the_closest_id() {
    let problems = problems_after("data/recommendations.csv", "France,civil,", "France,civl,");
    assert_reported(
        &problems,
        "data/recommendations.csv",
        3,
        6,
        &["unknown theme `civl`", "did you mean `civil`?"],
    );
}

#[test]
fn duplicate_id_names_the_first_line() {
    let problems = problems_after("data/recommendations.csv", "CAT-CO2-14,", "UPR4-118.2,");
    assert_reported(
        &problems,
        "data/recommendations.csv",
        4,
        1,
        &["duplicate recommendation id `UPR4-118.2`", "line 3"],
    );
}

#[test]
fn ids_whose_slugs_collide_are_rejected() {
    let problems = problems_after("data/recommendations.csv", "CAT-CO2-14,", "UPR4-118-2,");
    assert_reported(
        &problems,
        "data/recommendations.csv",
        4,
        1,
        &["same URL slug `upr4-118-2`", "UPR4-118.2"],
    );
}

#[test]
fn an_alias_that_takes_another_recommendations_url_is_rejected() {
    let problems = problems_after("data/recommendations.csv", ",UPR4-118.001,", ",UPR4-118.2,");
    assert_reported(
        &problems,
        "data/recommendations.csv",
        2,
        12,
        &["UPR4-118.2"],
    );
}

#[test]
fn ids_that_would_escape_the_output_folder_are_rejected() {
    let problems = problems_after("data/recommendations.csv", "CAT-CO2-14,", "../../etc,");
    assert_reported(
        &problems,
        "data/recommendations.csv",
        4,
        1,
        &["escape the output folder"],
    );
}

#[test]
fn bad_dates_are_reported_with_the_expected_format() {
    let problems = problems_after(
        "data/status_updates.csv",
        "2024-06-30,UPR4",
        "2024-13-30,UPR4",
    );
    assert_reported(
        &problems,
        "data/status_updates.csv",
        3,
        2,
        &["`2024-13-30`", "YYYY-MM-DD"],
    );
}

#[test]
fn statuses_outside_the_scale_are_rejected() {
    let problems = problems_after(
        "data/status_updates.csv",
        ",implemented,government",
        ",implmented,government",
    );
    assert_reported(
        &problems,
        "data/status_updates.csv",
        3,
        5,
        &["`implmented`", "did you mean `implemented`?"],
    );
}

#[test]
fn missing_required_column_is_reported_on_the_header() {
    let problems = problems_after(
        "data/documents.csv",
        "id,symbol,mechanism,date",
        "id,symbol,mechanism,when",
    );
    assert_reported(
        &problems,
        "data/documents.csv",
        1,
        1,
        &["required column `date` is missing"],
    );
    assert_reported(
        &problems,
        "data/documents.csv",
        1,
        4,
        &["unknown column `when`"],
    );
}

#[test]
fn unknown_column_suggests_the_intended_one() {
    let problems = problems_after("data/recommendations.csv", ",sdg_targets,", ",sdg_target,");
    assert_reported(
        &problems,
        "data/recommendations.csv",
        1,
        8,
        &["unknown column `sdg_target`", "did you mean `sdg_targets`?"],
    );
}

#[test]
fn columns_for_undeclared_languages_are_rejected() {
    let problems = problems_after("data/mechanisms.csv", "name_ar", "name_fr");
    assert_reported(
        &problems,
        "data/mechanisms.csv",
        1,
        5,
        &["`fr`", "config.toml does not declare"],
    );
}

#[test]
fn malformed_rows_are_reported_at_their_line() {
    let problems = problems_after("data/institutions.csv", "NHRI,nhri,,", "NHRI,nhri,,extra,");
    assert_reported(
        &problems,
        "data/institutions.csv",
        3,
        6,
        &["6 cells but the header has 5"],
    );
}

#[test]
fn invalid_utf8_is_reported_at_its_cell() {
    let portal = fixture("minimal");
    let path = portal.path().join("data/groups.csv");
    let mut bytes = std::fs::read(&path).unwrap();
    bytes.extend_from_slice(b"elderly,Older persons \xe9,\n");
    std::fs::write(&path, bytes).unwrap();
    let problems = diagnostics_of(docket::check(portal.path(), None));
    assert_reported(&problems, "data/groups.csv", 3, 2, &["UTF-8"]);
}

#[test]
fn every_problem_is_reported_at_once() {
    let portal = fixture("minimal");
    let recommendations = portal.path().join("data/recommendations.csv");
    let source = std::fs::read_to_string(&recommendations)
        .unwrap()
        .replace("France,civil,", "France,civl,")
        .replace(",supported,Chile", ",maybe,Chile");
    std::fs::write(&recommendations, source).unwrap();
    let updates = portal.path().join("data/status_updates.csv");
    let source = std::fs::read_to_string(&updates)
        .unwrap()
        .replace(",nhri,NHRI,", ",ombudsman,NHRI,");
    std::fs::write(&updates, source).unwrap();
    let problems = diagnostics_of(docket::check(portal.path(), None));
    assert_reported(&problems, "data/recommendations.csv", 3, 6, &["civl"]);
    assert_reported(
        &problems,
        "data/recommendations.csv",
        2,
        4,
        &["`maybe` is not a valid `response`", "supported-in-part"],
    );
    assert_reported(&problems, "data/status_updates.csv", 4, 6, &["`ombudsman`"]);
}

#[test]
fn config_errors_point_into_config_toml() {
    let problems = problems_after(
        "config.toml",
        "per_page = 2",
        "per_page = 2\ncolour_scheme = \"dark\"",
    );
    assert!(
        problems
            .iter()
            .any(|d| d.file == "config.toml" && d.line == 6 && d.message.contains("colour_scheme")),
        "{problems:?}"
    );
}

#[test]
fn content_in_an_undeclared_language_is_rejected() {
    let portal = fixture("minimal");
    std::fs::write(
        portal.path().join("content/about.de.md"),
        "+++\ntitle = \"Über\"\n+++\nText\n",
    )
    .unwrap();
    let problems = diagnostics_of(docket::check(portal.path(), None));
    assert_reported(
        &problems,
        "content/about.de.md",
        0,
        0,
        &["`de` is not a configured language"],
    );
}

#[test]
fn updates_dated_after_the_as_of_date_are_rejected() {
    let problems = problems_after(
        "data/status_updates.csv",
        "2025-01-15,CAT",
        "2026-01-15,CAT",
    );
    assert_reported(
        &problems,
        "data/status_updates.csv",
        6,
        2,
        &["after the as-of date 2025-12-31"],
    );
}
