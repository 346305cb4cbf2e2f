//! The tracking layer: the status rule, assessor disagreement, stale marks, deadlines at the
//! as-of boundaries, charts that match their tables, and progress over time worked out by hand.

mod common;

use chrono::NaiveDate;
use common::*;
use docket::{Assessor, Dataset};
use docket::{Deadline, StatusSource};

fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn load(root: &std::path::Path) -> Dataset {
    docket::load_portal(root, None)
        .expect("valid portal")
        .dataset
}

fn recommendation<'a>(data: &'a Dataset, id: &str) -> &'a docket::Recommendation {
    data.recommendations
        .iter()
        .find(|r| r.key.id == id)
        .expect("recommendation")
}

fn status_id(data: &Dataset, effective: Option<docket::Effective>) -> Option<&str> {
    effective.map(|e| data.config.statuses[e.status.index()].id.as_str())
}

fn append(root: &std::path::Path, file: &str, line: &str) {
    let path = root.join(file);
    let mut source = std::fs::read_to_string(&path).unwrap();
    source.push_str(line);
    source.push('\n');
    std::fs::write(path, source).unwrap();
}

#[test]
fn a_newer_action_update_decides_over_an_older_own_update() {
    let portal = fixture("minimal");
    let data = load(portal.path());
    let r = recommendation(&data, "UPR4-118.1");
    // Own: implemented on 2024-06-30; its action ACT-1: in progress on 2024-10-01.
    let government = r.effective.government.unwrap();
    assert_eq!(status_id(&data, Some(government)), Some("in-progress"));
    assert_eq!(government.date, date("2024-10-01"));
    assert!(matches!(
        government.source,
        StatusSource::Derived { actions: 1, .. }
    ));
    // A recommendation with no update of its own takes its actions' status.
    let cat = recommendation(&data, "CAT-CO2-14");
    assert_eq!(
        status_id(&data, cat.effective.government),
        Some("in-progress")
    );
    // One with neither has none.
    assert_eq!(
        recommendation(&data, "UPR4-118.2").effective.government,
        None
    );
}

#[test]
fn an_own_update_at_least_as_recent_as_the_actions_decides() {
    let portal = fixture("minimal");
    append(
        portal.path(),
        "data/status_updates.csv",
        "SU-6,2024-10-01,UPR4-118.1,,implemented,government,MOJ,,Confirmed.,,",
    );
    let data = load(portal.path());
    let government = recommendation(&data, "UPR4-118.1")
        .effective
        .government
        .unwrap();
    assert_eq!(status_id(&data, Some(government)), Some("implemented"));
    assert!(matches!(government.source, StatusSource::Reported(_)));
}

#[test]
fn the_least_advanced_open_action_decides_and_dropped_actions_do_not_count() {
    let portal = fixture("minimal");
    let config = portal.path().join("config.toml");
    let source = std::fs::read_to_string(&config).unwrap();
    std::fs::write(&config, format!("{source}\n[[statuses]]\nid = \"dropped\"\ncolour = \"#475467\"\nclosed = true\n[statuses.label]\nen = \"Dropped\"\n")).unwrap();
    append(
        portal.path(),
        "data/actions.csv",
        "ACT-2,Second action,,,UPR4-118.1,MOJ,,2024-01-01,2025-06-30",
    );
    append(
        portal.path(),
        "data/actions.csv",
        "ACT-3,Third action,,,UPR4-118.1,MOJ,,2024-01-01,2025-06-30",
    );
    append(
        portal.path(),
        "data/status_updates.csv",
        "SU-7,2024-11-01,,ACT-2,dropped,government,MOJ,,,,",
    );
    append(
        portal.path(),
        "data/status_updates.csv",
        "SU-8,2024-11-02,,ACT-3,not-started,government,MOJ,,,,",
    );
    let data = load(portal.path());
    let government = recommendation(&data, "UPR4-118.1")
        .effective
        .government
        .unwrap();
    // ACT-1 in progress, ACT-3 not started, ACT-2 dropped: the least advanced open one wins.
    assert_eq!(status_id(&data, Some(government)), Some("not-started"));
    assert!(matches!(
        government.source,
        StatusSource::Derived { actions: 3, .. }
    ));
    assert_eq!(government.date, date("2024-11-02"));
}

#[test]
fn assessors_are_never_merged_and_disagreement_is_shown_side_by_side() {
    let portal = fixture("minimal");
    let data = load(portal.path());
    let r = recommendation(&data, "UPR4-118.1");
    assert_eq!(
        status_id(&data, r.effective.government),
        Some("in-progress")
    );
    assert_eq!(status_id(&data, r.effective.nhri), Some("in-progress"));
    let cat = recommendation(&data, "CAT-CO2-14");
    assert_eq!(
        status_id(&data, cat.effective.government),
        Some("in-progress")
    );
    assert_eq!(
        status_id(&data, cat.effective.civil_society),
        Some("not-started")
    );
    assert_eq!(cat.effective.get(Assessor::Nhri), None);
    let out = portal.path().join("public");
    build(portal.path(), &out).unwrap();
    let page =
        std::fs::read_to_string(out.join("en/recommendations/cat-co2-14/index.html")).unwrap();
    let side = &page
        [page.find("class=\"assessments-side\"").unwrap()..page.find("id=\"actions\"").unwrap()];
    assert!(
        side.contains("assessor-government") && side.contains("assessor-civil-society"),
        "{side}"
    );
    assert!(side.contains("status-in-progress") && side.contains("status-not-started"));
    assert!(side.contains("Derived from the action"), "{side}");
    // The update shown as a current assessment is not repeated in the history.
    assert!(
        !page.contains("id=\"history\""),
        "CAT-CO2-14 has no earlier update"
    );
}

#[test]
fn assessments_older_than_the_threshold_are_marked_stale() {
    let portal = fixture("minimal");
    let data = load(portal.path());
    // as_of 2025-12-31, 12 months: 2024-12-31 is the last stale day.
    assert!(docket::is_stale(date("2024-12-31"), data.as_of, 12));
    assert!(!docket::is_stale(date("2025-01-01"), data.as_of, 12));
    let out = portal.path().join("public");
    build(portal.path(), &out).unwrap();
    let rec =
        std::fs::read_to_string(out.join("en/recommendations/upr4-118-1/index.html")).unwrap();
    assert!(
        rec.contains(
            "<span class=\"stale-mark\">Stale:</span> not updated since 30 September 2024."
        ),
        "NHRI's 2024-09-30 update is stale"
    );
    let cat =
        std::fs::read_to_string(out.join("en/recommendations/cat-co2-14/index.html")).unwrap();
    let civil = &cat[cat.find("assessor-civil-society").unwrap()..];
    let civil = &civil[..civil.find("</article>").unwrap()];
    assert!(
        !civil.contains("stale-mark"),
        "the 2025-01-15 update is recent: {civil}"
    );
}

#[test]
fn deadlines_are_exact_at_the_as_of_boundaries() {
    let portal = fixture("minimal");
    let data = load(portal.path());
    let action = data.actions.iter().find(|a| a.key.id == "ACT-1").unwrap();
    let state =
        |as_of: &str| docket::deadline(action, &data.status_updates, &data.config, date(as_of));
    // Due 2024-12-31, in progress, due_soon_days 30.
    assert_eq!(state("2024-11-30"), Deadline::OnTrack);
    assert_eq!(state("2024-12-01"), Deadline::DueSoon);
    assert_eq!(state("2024-12-31"), Deadline::DueSoon);
    assert_eq!(state("2025-01-01"), Deadline::Overdue);
}

#[test]
fn closed_actions_are_never_overdue() {
    let portal = fixture("minimal");
    append(
        portal.path(),
        "data/status_updates.csv",
        "SU-9,2025-02-01,,ACT-1,implemented,government,MOJ,,,,",
    );
    let data = load(portal.path());
    let action = data.actions.iter().find(|a| a.key.id == "ACT-1").unwrap();
    assert_eq!(
        docket::deadline(
            action,
            &data.status_updates,
            &data.config,
            date("2025-12-31")
        ),
        Deadline::Closed
    );
}

#[test]
fn overdue_actions_are_listed_by_institution_on_every_language() {
    let portal = fixture("minimal");
    let out = portal.path().join("public");
    build(portal.path(), &out).unwrap();
    for lang in ["en", "ar"] {
        let page = std::fs::read_to_string(out.join(format!("{lang}/overdue/index.html"))).unwrap();
        assert!(page.contains("institutions/moj/"), "{lang}");
        assert!(page.contains("actions/act-1/"), "{lang}");
        assert!(page.contains("deadline-overdue"), "{lang}");
    }
    let en = std::fs::read_to_string(out.join("en/overdue/index.html")).unwrap();
    assert!(
        en.contains("Overdue by 365 days"),
        "2024-12-31 to 2025-12-31"
    );
    let institution = std::fs::read_to_string(out.join("en/institutions/moj/index.html")).unwrap();
    assert!(institution.contains("id=\"term-overdue\""));
    let mechanism = std::fs::read_to_string(out.join("en/mechanisms/cat/index.html")).unwrap();
    assert!(mechanism.contains("actions/act-1/"));
}

/// `data-value` numbers of the elements matching `marker`, in page order.
fn values_after(html: &str, marker: &str) -> Vec<u64> {
    html.match_indices(marker)
        .map(|(at, _)| {
            let rest = &html[at..];
            let start = rest.find("data-value=\"").unwrap() + 12;
            rest[start..start + rest[start..].find('"').unwrap()]
                .parse()
                .unwrap()
        })
        .collect()
}

#[test]
fn every_chart_shows_the_numbers_of_its_table() {
    let portal = fixture("minimal");
    let out = portal.path().join("public");
    build(portal.path(), &out).unwrap();
    let mut charts = 0;
    for (path, bytes) in read_tree(&out) {
        if !path.ends_with(".html") {
            continue;
        }
        let html = String::from_utf8(bytes).unwrap();
        if let Some(start) = html.find("<svg class=\"chart chart-distribution\"") {
            let svg = &html[start..start + html[start..].find("</svg>").unwrap()];
            let table = &html[html.find("<table class=\"breakdown\"").unwrap()..];
            let table = &table[..table.find("</table>").unwrap()];
            assert_eq!(
                values_after(svg, "class=\"segment\""),
                values_after(table, "<td class=\"num\" data-value"),
                "{path}"
            );
            charts += 1;
        }
        if let Some(start) = html.find("<svg class=\"chart chart-progress\"") {
            let svg = &html[start..start + html[start..].find("</svg>").unwrap()];
            let table = &html[html.find("<table class=\"progress-table\"").unwrap()..];
            let table = &table[..table.find("</table>").unwrap()];
            // The SVG draws period by period, series by series: the table's row order.
            assert_eq!(
                values_after(svg, "data-period"),
                values_after(table, "<td class=\"num\" data-value"),
                "{path}"
            );
            charts += 1;
        }
    }
    assert!(charts > 20, "only {charts} charts checked");
}

#[test]
fn progress_over_time_matches_the_figures_worked_out_by_hand() {
    let portal = fixture("minimal");
    let out = portal.path().join("public");
    build(portal.path(), &out).unwrap();
    let html = std::fs::read_to_string(out.join("en/index.html")).unwrap();
    let table = &html[html.find("<table class=\"progress-table\"").unwrap()..];
    let table = &table[..table.find("</table>").unwrap()];
    let rows: Vec<(String, Vec<u64>)> = table
        .split("<tr><th scope=\"row\">")
        .skip(1)
        .map(|row| {
            let label = row[row.find('>').unwrap() + 1..row.find("</time>").unwrap()].to_string();
            (label, values_after(row, "<td class=\"num\" data-value"))
        })
        .collect();
    // Columns: not started, in progress, implemented, no status. Three recommendations.
    // UPR4-118.1: not started 2023-06-30, implemented 2024-06-30, then in progress from its
    // action's update of 2024-10-01. CAT-CO2-14: in progress from the same action update.
    let expected: Vec<(&str, [u64; 4])> = vec![
        ("Q2 2023", [1, 0, 0, 2]),
        ("Q3 2023", [1, 0, 0, 2]),
        ("Q4 2023", [1, 0, 0, 2]),
        ("Q1 2024", [1, 0, 0, 2]),
        ("Q2 2024", [0, 0, 1, 2]),
        ("Q3 2024", [0, 0, 1, 2]),
        ("Q4 2024", [0, 2, 0, 1]),
        ("Q1 2025", [0, 2, 0, 1]),
        ("Q2 2025", [0, 2, 0, 1]),
        ("Q3 2025", [0, 2, 0, 1]),
        ("Q4 2025", [0, 2, 0, 1]),
    ];
    let expected: Vec<(String, Vec<u64>)> = expected
        .into_iter()
        .map(|(l, c)| (l.to_string(), c.to_vec()))
        .collect();
    assert_eq!(rows, expected);
}

#[test]
fn reports_are_on_time_late_overdue_or_upcoming() {
    let portal = fixture("minimal");
    std::fs::write(
        portal.path().join("data/reporting_calendar.csv"),
        "id,mechanism,title_en,due_date,submitted_date\nR1,CAT,First,2024-01-31,2024-01-31\nR2,CAT,Second,2024-06-30,2024-07-01\nR3,UPR,Third,2025-12-30,\nR4,UPR,Fourth,2025-12-31,\n",
    )
    .unwrap();
    let out = portal.path().join("public");
    build(portal.path(), &out).unwrap();
    let page = std::fs::read_to_string(out.join("en/reporting/index.html")).unwrap();
    let marker = "class=\"report-state report-";
    let states: Vec<&str> = page
        .match_indices(marker)
        .map(|(at, _)| {
            let rest = &page[at + marker.len()..];
            &rest[..rest.find('"').unwrap()]
        })
        .collect();
    // Grouped by mechanism in data order (UPR, then CAT), each by due date.
    assert_eq!(states, ["overdue", "upcoming", "on-time", "late"]);
}

#[test]
fn what_changed_lists_recent_updates_newest_first_with_the_previous_status() {
    let portal = fixture("minimal");
    let out = portal.path().join("public");
    // 90 days before 2025-03-01 is 2024-12-01: the updates of 2025-01-15 only.
    docket::build(&docket::BuildOptions {
        root: portal.path().to_path_buf(),
        output: out.clone(),
        base_url: None,
        force: false,
        as_of: Some(date("2025-03-01")),
        progress: false,
        previous: None,
        timings: false,
    })
    .unwrap();
    let page = std::fs::read_to_string(out.join("en/changes/index.html")).unwrap();
    assert!(page.contains("1 update"), "{page}");
    assert!(page.contains("recommendations/cat-co2-14/"));
    assert!(!page.contains("actions/act-1/\""));
}
