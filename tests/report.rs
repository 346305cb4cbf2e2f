//! `docket report`: the draft follow-up report holds every recommendation of its scope exactly
//! once with each assessor's status, and its DOCX, HTML and Markdown are well formed.

mod common;

use std::collections::BTreeMap;
use std::io::Read;
use std::path::Path;

use common::*;
use docket::{
    DraftReport as Report, ReportOptions, ReportScope as Scope, build_report, write_report,
};

fn demo() -> docket::Portal {
    docket::load_portal(&repo_root(), None).expect("the demo loads")
}

fn report(portal: &docket::Portal, scope: &Scope, lang: &str) -> Report {
    let site = docket::Site::new(&portal.dataset, &portal.i18n);
    build_report(&site, scope, lang).expect("a report")
}

fn upr4() -> Scope {
    Scope::Mechanism {
        id: "UPR".into(),
        cycle: Some(4),
    }
}

/// Recommendation id to the number of times the report lists it.
fn listed(report: &Report) -> BTreeMap<String, usize> {
    let mut ids = BTreeMap::new();
    for item in report.groups.iter().flat_map(|g| &g.items) {
        *ids.entry(item.id.clone()).or_default() += 1;
    }
    ids
}

/// Ids of the demo's recommendations that `keep` selects, from the dataset itself.
fn expected(portal: &docket::Portal, keep: impl Fn(&docket::Document) -> bool) -> Vec<String> {
    let d = &portal.dataset;
    d.recommendations
        .iter()
        .filter(|r| keep(&d.documents[r.document.index()]))
        .map(|r| r.key.id.clone())
        .collect()
}

/// Checks that each item shows the statuses the dataset holds, the government's first.
fn assert_statuses(portal: &docket::Portal, report: &Report) {
    let d = &portal.dataset;
    for item in report.groups.iter().flat_map(|g| &g.items) {
        let r = d
            .recommendations
            .iter()
            .find(|r| r.key.id == item.id)
            .unwrap();
        let assessed: Vec<&str> = docket::Assessor::ALL
            .iter()
            .filter(|(_, who)| r.effective.get(*who).is_some())
            .map(|(id, _)| *id)
            .collect();
        assert_eq!(item.assessments.len(), assessed.len(), "{}", item.id);
        if assessed.first() == Some(&"government") {
            assert_eq!(
                item.assessments[0].assessor,
                "Government (the State's account)"
            );
        }
        for (line, who) in item.assessments.iter().zip(&assessed) {
            let effective = r
                .effective
                .get(
                    docket::Assessor::ALL
                        .iter()
                        .find(|(id, _)| id == who)
                        .unwrap()
                        .1,
                )
                .unwrap();
            let label = &d.config.statuses[effective.status.index()].label["en"];
            assert_eq!(&line.status, label, "{} by {who}", item.id);
        }
    }
}

#[test]
fn the_upr_cycle_4_report_lists_every_recommendation_of_the_cycle_once_with_its_statuses() {
    let portal = demo();
    let report = report(&portal, &upr4(), "en");
    let mut want = expected(&portal, |doc| {
        doc.cycle == Some(4) && portal.dataset.mechanisms[doc.mechanism.index()].key.id == "UPR"
    });
    want.sort();
    assert!(want.len() > 10, "the demo has a UPR cycle 4");
    let got = listed(&report);
    assert_eq!(got.keys().cloned().collect::<Vec<_>>(), want);
    assert!(got.values().all(|&n| n == 1), "{got:?}");
    assert_statuses(&portal, &report);
    let total = report.summary.rows.last().unwrap();
    assert_eq!((total.government, total.nhri), (want.len(), want.len()));
    assert!(report.groups.len() > 1, "grouped by cluster or theme");
}

#[test]
fn the_cat_report_covers_its_latest_concluding_observations() {
    let portal = demo();
    let report = report(
        &portal,
        &Scope::Mechanism {
            id: "CAT".into(),
            cycle: None,
        },
        "en",
    );
    let want = expected(&portal, |doc| doc.symbol == "CAT/C/MRD/CO/2");
    assert!(!want.is_empty());
    let got = listed(&report);
    let mut want_sorted = want.clone();
    want_sorted.sort();
    assert_eq!(got.keys().cloned().collect::<Vec<_>>(), want_sorted);
    assert!(got.values().all(|&n| n == 1));
    assert!(report.scope.contains("CAT/C/MRD/CO/2"), "{}", report.scope);
    assert_statuses(&portal, &report);
}

#[test]
fn the_cat_report_puts_the_recommendations_flagged_for_follow_up_first() {
    let portal = demo();
    let report = report(
        &portal,
        &Scope::Mechanism {
            id: "CAT".into(),
            cycle: None,
        },
        "en",
    );
    let flagged: Vec<String> = portal
        .dataset
        .recommendations
        .iter()
        .filter(|r| {
            r.follow_up_due.is_some()
                && portal.dataset.documents[r.document.index()].symbol == "CAT/C/MRD/CO/2"
        })
        .map(|r| r.key.id.clone())
        .collect();
    assert!(!flagged.is_empty(), "the demo flags CAT recommendations");
    let first = &report.groups[0];
    assert!(first.heading.contains("follow-up"), "{}", first.heading);
    let mut got: Vec<String> = first.items.iter().map(|i| i.id.clone()).collect();
    got.sort();
    let mut want = flagged;
    want.sort();
    assert_eq!(got, want, "exactly the flagged recommendations come first");
    assert!(
        report.groups[1..]
            .iter()
            .all(|g| !g.heading.contains("follow-up")),
        "one follow-up group"
    );
}

#[test]
fn an_institution_report_covers_what_it_leads_or_partners_on() {
    let portal = demo();
    let d = &portal.dataset;
    let institution = &d
        .institutions
        .iter()
        .max_by_key(|i| i.recommendations.len())
        .unwrap();
    let report = report(
        &portal,
        &Scope::Institution(institution.key.id.clone()),
        "en",
    );
    let got = listed(&report);
    assert_eq!(got.len(), institution.recommendations.len());
    assert!(got.values().all(|&n| n == 1));
}

fn write(scope: Scope, lang: Option<&str>, file: &str) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let output = dir.path().join(file);
    write_report(&ReportOptions {
        root: repo_root(),
        scope,
        lang: lang.map(str::to_string),
        as_of: None,
        output: output.clone(),
    })
    .expect("the report is written");
    (dir, output)
}

/// Every part of a DOCX package, parsed as XML.
fn docx_parts(path: &Path) -> BTreeMap<String, String> {
    let file = std::fs::File::open(path).unwrap();
    let mut archive = zip::ZipArchive::new(file).expect("a zip package");
    let mut parts = BTreeMap::new();
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i).unwrap();
        let mut text = String::new();
        entry.read_to_string(&mut text).unwrap();
        let mut reader = quick_xml::Reader::from_str(&text);
        loop {
            match reader.read_event() {
                Ok(quick_xml::events::Event::Eof) => break,
                Ok(_) => {}
                Err(error) => panic!("{} is not well-formed XML: {error}", entry.name()),
            }
        }
        parts.insert(entry.name().to_string(), text);
    }
    parts
}

#[test]
fn the_docx_is_a_valid_office_open_xml_package_with_headings_and_header_rows() {
    let (_dir, path) = write(upr4(), None, "upr4.docx");
    let parts = docx_parts(&path);
    for name in [
        "[Content_Types].xml",
        "_rels/.rels",
        "word/document.xml",
        "word/styles.xml",
        "word/_rels/document.xml.rels",
    ] {
        assert!(parts.contains_key(name), "missing {name}");
    }
    assert!(parts["[Content_Types].xml"].contains(
        "PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\""
    ));
    assert!(parts["_rels/.rels"].contains("Target=\"word/document.xml\""));
    let document = &parts["word/document.xml"];
    assert!(document.contains("<w:pStyle w:val=\"Heading1\"/>"));
    assert!(document.contains("<w:tblHeader/>"));
    assert!(parts["word/styles.xml"].contains("w:styleId=\"Heading2\""));
    assert!(parts["word/styles.xml"].contains("<w:lang w:val=\"en\""));
    let portal = demo();
    for id in listed(&report(&portal, &upr4(), "en")).keys() {
        let heading = format!(
            "<w:pStyle w:val=\"Heading2\"/></w:pPr><w:r><w:rPr></w:rPr><w:t xml:space=\"preserve\">{id}</w:t>"
        );
        assert_eq!(document.matches(&heading).count(), 1, "{id}");
    }
    assert!(
        !document.contains("w:bidi"),
        "an English report is left to right"
    );
    let (_again, second) = write(upr4(), None, "again.docx");
    assert_eq!(
        std::fs::read(&path).unwrap(),
        std::fs::read(second).unwrap(),
        "deterministic"
    );
}

#[test]
fn an_arabic_report_is_right_to_left_in_docx_and_html() {
    let (_dir, path) = write(upr4(), Some("ar"), "upr4-ar.docx");
    let parts = docx_parts(&path);
    assert!(
        parts["word/styles.xml"].contains("<w:lang w:val=\"ar\" w:eastAsia=\"ar\" w:bidi=\"ar\"/>")
    );
    let document = &parts["word/document.xml"];
    assert!(document.contains("<w:pPr><w:pStyle w:val=\"Title\"/><w:bidi/></w:pPr>"));
    assert!(document.contains("<w:bidiVisual/>"));
    assert!(document.contains("<w:rtl/>"));
    assert!(
        document.contains("<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/>"),
        "A4"
    );
    assert!(document.contains("مشروع تقرير المتابعة"));
    assert!(
        document.contains("<w:rPr><w:lang w:val=\"en\"/></w:rPr>"),
        "an English narrative in the Arabic report is marked English and left to right"
    );
    let (_html_dir, html) = write(upr4(), Some("ar"), "upr4-ar.html");
    let html = std::fs::read_to_string(html).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"ar\" dir=\"rtl\">"));
    assert!(html.contains("@page { size: A4"));
    assert!(!html.contains("<script"));
}

#[test]
fn the_markdown_and_html_reports_hold_every_recommendation_once_in_french() {
    let portal = demo();
    let ids: Vec<String> = listed(&report(&portal, &upr4(), "fr"))
        .into_keys()
        .collect();
    let (_dir, md) = write(upr4(), Some("fr"), "upr4.md");
    let md = std::fs::read_to_string(md).unwrap();
    assert!(md.starts_with("# Projet de rapport de suivi\n"));
    let (_dir2, html) = write(upr4(), Some("fr"), "upr4.html");
    let html = std::fs::read_to_string(html).unwrap();
    for id in &ids {
        assert_eq!(
            md.matches(&format!("\n### {id}\n")).count(),
            1,
            "{id} in Markdown"
        );
        assert_eq!(
            html.matches(&format!("\">{id}</a></h3>")).count(),
            1,
            "{id} in HTML"
        );
    }
    assert!(html.contains("<th scope=\"col\">Gouvernement (position de l&apos;État)</th>"));
}

#[test]
fn a_report_that_cannot_be_made_says_why_and_writes_nothing() {
    for (scope, file, words) in [
        (
            Scope::Mechanism {
                id: "XYZ".into(),
                cycle: None,
            },
            "r.md",
            "no mechanism `XYZ`",
        ),
        (
            Scope::Mechanism {
                id: "UPR".into(),
                cycle: Some(9),
            },
            "r.md",
            "cycles with recommendations: 3, 4",
        ),
        (
            Scope::Institution("NOPE".into()),
            "r.md",
            "no institution `NOPE`",
        ),
        (upr4(), "r.pdf", "FILE.docx, FILE.html or FILE.md"),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let output = dir.path().join(file);
        let error = write_report(&ReportOptions {
            root: repo_root(),
            scope,
            lang: None,
            as_of: None,
            output: output.clone(),
        })
        .expect_err("no report");
        assert!(format!("{error:#}").contains(words), "{error:#}");
        assert_eq!(
            std::fs::read_dir(dir.path()).unwrap().count(),
            0,
            "nothing written"
        );
    }
}

#[test]
fn the_portal_has_a_report_page_per_mechanism_and_cycle_linked_from_the_mechanism_in_every_language()
 {
    let portal = fixture("minimal");
    let out = tempfile::tempdir().unwrap();
    build(portal.path(), out.path()).unwrap();
    for (lang, dir) in [("en", "ltr"), ("ar", "rtl")] {
        let upr =
            std::fs::read_to_string(out.path().join(format!("{lang}/mechanisms/upr/index.html")))
                .unwrap();
        assert!(
            upr.contains(&format!(
                "href=\"../../../{lang}/mechanisms/upr/report/cycle-4/\""
            )),
            "{lang}: no link"
        );
        let page = std::fs::read_to_string(
            out.path()
                .join(format!("{lang}/mechanisms/upr/report/cycle-4/index.html")),
        )
        .unwrap();
        assert!(
            page.contains(&format!("<html lang=\"{lang}\" dir=\"{dir}\"")),
            "{lang}"
        );
        for id in ["UPR4-118.1", "UPR4-118.2"] {
            assert_eq!(
                page.matches(&format!(">{id}</a></h3>")).count(),
                1,
                "{lang}: {id}"
            );
        }
        assert!(
            !page.contains("CAT-CO2-14</a></h3>"),
            "only the cycle's recommendations"
        );
        let cat = std::fs::read_to_string(
            out.path()
                .join(format!("{lang}/mechanisms/cat/report/index.html")),
        )
        .unwrap();
        assert_eq!(cat.matches(">CAT-CO2-14</a></h3>").count(), 1);
        assert!(!cat.contains("<script>alert"), "data is escaped");
    }
    let arabic = std::fs::read_to_string(
        out.path()
            .join("ar/mechanisms/upr/report/cycle-4/index.html"),
    )
    .unwrap();
    assert!(
        arabic.contains("<span lang=\"en\" dir=\"ltr\">The mechanism is not yet funded.</span>"),
        "an English narrative on an Arabic page is marked as English"
    );
    let tree = read_tree(out.path());
    assert!(assert_internal_links_resolve(&tree) > 0);
}

#[test]
fn a_report_longer_than_a_page_is_split_into_pages_listing_each_recommendation_once() {
    let portal = fixture("minimal");
    let config = portal.path().join("config.toml");
    let text = std::fs::read_to_string(&config).unwrap();
    std::fs::write(&config, text.replace("per_page = 2", "per_page = 1")).unwrap();
    let out = tempfile::tempdir().unwrap();
    build(portal.path(), out.path()).unwrap();
    let read = |path: &str| std::fs::read_to_string(out.path().join(path)).unwrap();
    let first = read("en/mechanisms/upr/report/cycle-4/index.html");
    let second = read("en/mechanisms/upr/report/cycle-4/page/2/index.html");
    assert!(
        !out.path()
            .join("en/mechanisms/upr/report/cycle-4/page/3")
            .exists(),
        "two recommendations, one a page"
    );
    for id in ["UPR4-118.1", "UPR4-118.2"] {
        let heading = format!(">{id}</a></h3>");
        assert_eq!(
            first.matches(&heading).count() + second.matches(&heading).count(),
            1,
            "{id} is on exactly one page"
        );
    }
    assert!(
        first.contains("<h2>Summary</h2>"),
        "the summary opens the report"
    );
    assert!(!second.contains("<h2>Summary</h2>"), "and is not repeated");
    assert!(
        first.contains(
            "href=\"../../../../../en/mechanisms/upr/report/cycle-4/page/2/\" rel=\"next\""
        )
    );
    assert!(second.contains("Showing 2–2 of 2"));
    let tree = read_tree(out.path());
    assert!(assert_internal_links_resolve(&tree) > 0);
}
