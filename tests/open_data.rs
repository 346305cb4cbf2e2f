//! Open data: every table as CSV (safe in spreadsheets) and JSON, a Frictionless data package,
//! the static JSON API and the Data page, all matching the loaded data.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use common::*;
use docket::{Dataset, Subject};
use serde_json::Value;
use sha2::{Digest, Sha256};

struct Built {
    _portal: tempfile::TempDir,
    out: PathBuf,
    data: Dataset,
}

fn build_portal(portal: tempfile::TempDir) -> Built {
    let out = portal.path().join("public");
    build(portal.path(), &out).expect("fixture builds");
    let data = docket::load_portal(portal.path(), None)
        .expect("fixture loads")
        .dataset;
    Built {
        _portal: portal,
        out,
        data,
    }
}

fn built() -> Built {
    build_portal(fixture("minimal"))
}

/// A CSV file of the output as header-name maps.
fn csv_rows(path: &Path) -> (Vec<String>, Vec<BTreeMap<String, String>>) {
    let mut reader = csv::Reader::from_path(path)
        .unwrap_or_else(|e| panic!("{} is readable CSV: {e}", path.display()));
    let header: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_string)
        .collect();
    let rows = reader
        .records()
        .map(|r| {
            let r = r.expect("record");
            header
                .iter()
                .cloned()
                .zip(r.iter().map(str::to_string))
                .collect()
        })
        .collect();
    (header, rows)
}

fn json(path: &Path) -> Value {
    let bytes = std::fs::read(path).unwrap_or_else(|_| panic!("{} exists", path.display()));
    serde_json::from_slice(&bytes).unwrap_or_else(|e| panic!("{} is JSON: {e}", path.display()))
}

/// Every table of the data contract, plus the status scale from config.toml.
fn table_names() -> Vec<&'static str> {
    docket::DATA_TABLES
        .iter()
        .copied()
        .chain(["statuses"])
        .collect()
}

#[test]
fn every_table_is_published_as_csv_matching_the_loaded_data() {
    let b = built();
    let d = &b.data;
    let (header, recs) = csv_rows(&b.out.join("data/recommendations.csv"));
    assert_eq!(
        header,
        [
            "id",
            "document",
            "paragraph",
            "date",
            "text_en",
            "text_ar",
            "response",
            "state",
            "recommending_states",
            "themes",
            "groups",
            "sdg_targets",
            "sdg_goals",
            "position_source",
            "lead_institution",
            "partner_institutions",
            "cluster",
            "aliases",
            "mechanism",
            "status",
            "permalink"
        ]
    );
    assert_eq!(recs.len(), d.recommendations.len());
    for (row, r) in recs.iter().zip(&d.recommendations) {
        let ids = |items: Vec<String>| items.join("|");
        assert_eq!(row["id"], r.key.id);
        assert_eq!(row["document"], d.documents[r.document.index()].key.id);
        assert_eq!(row["paragraph"], r.paragraph.clone().unwrap_or_default());
        assert_eq!(row["date"], r.date.to_string());
        for lang in ["en", "ar"] {
            assert_eq!(
                row[&format!("text_{lang}")],
                r.text.0.get(lang).cloned().unwrap_or_default()
            );
        }
        assert_eq!(row["response"], r.response.id());
        let state_ids: Vec<&str> = r
            .recommending_states
            .iter()
            .map(|s| d.states[s.index()].key.id.as_str())
            .collect();
        assert_eq!(row["recommending_states"], state_ids.join("|"));
        assert_eq!(
            row["themes"],
            ids(r
                .themes
                .iter()
                .map(|t| d.themes[t.index()].key.id.clone())
                .collect())
        );
        assert_eq!(
            row["groups"],
            ids(r
                .groups
                .iter()
                .map(|g| d.groups[g.index()].key.id.clone())
                .collect())
        );
        assert_eq!(
            row["sdg_targets"],
            ids(r
                .sdg_targets
                .iter()
                .map(|t| d.sdg_targets[t.index()].key.id.clone())
                .collect())
        );
        assert_eq!(
            row["lead_institution"],
            r.lead_institution
                .map(|i| d.institutions[i.index()].key.id.clone())
                .unwrap_or_default()
        );
        assert_eq!(
            row["cluster"],
            r.cluster
                .map(|c| d.clusters[c.index()].key.id.clone())
                .unwrap_or_default()
        );
        assert_eq!(
            row["aliases"],
            ids(r.aliases.iter().map(|a| a.id.clone()).collect())
        );
        assert_eq!(row["mechanism"], d.mechanisms[r.mechanism.index()].key.id);
        assert_eq!(
            row["status"],
            d.headline_status(r)
                .map(|s| d.config.statuses[s.index()].id.clone())
                .unwrap_or_default()
        );
        assert_eq!(
            row["permalink"],
            format!(
                "https://fixture.example/portal/en/recommendations/{}/",
                r.key.slug
            )
        );
    }
    let (_, updates) = csv_rows(&b.out.join("data/status_updates.csv"));
    assert_eq!(updates.len(), d.status_updates.len());
    for (row, u) in updates.iter().zip(&d.status_updates) {
        assert_eq!(row["id"], u.id.clone().unwrap_or_default());
        assert_eq!(row["date"], u.date.to_string());
        assert_eq!(row["status"], d.config.statuses[u.status.index()].id);
        assert_eq!(row["assessor"], u.assessor.id());
        match u.subject {
            Subject::Recommendation(r) => {
                assert_eq!(row["recommendation"], d.recommendations[r.index()].key.id);
                assert_eq!(row["action"], "");
            }
            Subject::Action(a) => assert_eq!(row["action"], d.actions[a.index()].key.id),
        }
        assert_eq!(
            row["narrative_en"],
            u.narrative.0.get("en").cloned().unwrap_or_default()
        );
        assert_eq!(
            row["evidence"],
            u.evidence
                .iter()
                .map(|e| e.as_str())
                .collect::<Vec<_>>()
                .join("|")
        );
    }
    let counts = [
        ("mechanisms", d.mechanisms.len()),
        ("documents", d.documents.len()),
        ("institutions", d.institutions.len()),
        ("themes", d.themes.len()),
        ("groups", d.groups.len()),
        ("sdg_goals", d.sdg_goals.len()),
        ("sdg_targets", d.sdg_targets.len()),
        ("clusters", d.clusters.len()),
        ("actions", d.actions.len()),
        ("indicators", d.indicators.len()),
        ("reporting_calendar", d.reports.len()),
        ("statuses", d.config.statuses.len()),
    ];
    for (table, count) in counts {
        let (_, rows) = csv_rows(&b.out.join(format!("data/{table}.csv")));
        assert_eq!(rows.len(), count, "{table}");
    }
    let (_, themes) = csv_rows(&b.out.join("data/themes.csv"));
    let theme_rows: Vec<(&str, &str, &str)> = themes
        .iter()
        .map(|t| {
            (
                t["id"].as_str(),
                t["parent"].as_str(),
                t["name_ar"].as_str(),
            )
        })
        .collect();
    assert_eq!(
        theme_rows,
        [
            ("civil", "", "الحقوق المدنية والسياسية"),
            ("torture", "civil", "التعذيب")
        ]
    );
    // The published tables are portal tables again: the contract's columns come first.
    let (header, _) = csv_rows(&b.out.join("data/actions.csv"));
    assert_eq!(header[..3], ["id", "title_en", "title_ar"]);
}

#[test]
fn spreadsheet_formulas_are_defused_in_csv_but_kept_in_json() {
    let portal = fixture("minimal");
    let path = portal.path().join("data/recommendations.csv");
    let source = std::fs::read_to_string(&path).unwrap();
    let source = source.replace(
        "\"Abolish the death penalty, in law and in practice.\"",
        "\"=HYPERLINK(\"\"https://evil.example\"\",\"\"x\"\")\"",
    );
    std::fs::write(&path, source).unwrap();
    let path = portal.path().join("data/status_updates.csv");
    let source = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, source.replace("Consultations began.", "@SUM(1+1)")).unwrap();
    let b = build_portal(portal);
    let (_, recs) = csv_rows(&b.out.join("data/recommendations.csv"));
    assert_eq!(
        recs[1]["text_en"],
        "'=HYPERLINK(\"https://evil.example\",\"x\")"
    );
    assert_eq!(
        recs[0]["text_en"],
        "Ratify the Optional Protocol to the Convention against Torture."
    );
    let (_, updates) = csv_rows(&b.out.join("data/status_updates.csv"));
    assert_eq!(updates[0]["narrative_en"], "'@SUM(1+1)");
    let all = json(&b.out.join("data/docket.json"));
    assert_eq!(
        all["tables"]["recommendations"][1]["text"]["en"],
        "=HYPERLINK(\"https://evil.example\",\"x\")"
    );
    for (path, bytes) in read_tree(&b.out.join("data")) {
        if !path.ends_with(".csv") {
            continue;
        }
        let text = String::from_utf8(bytes).unwrap();
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(text.as_bytes());
        for record in reader.records() {
            for cell in record.unwrap().iter() {
                assert!(
                    !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                    "{path}: `{cell}` would run as a formula"
                );
            }
        }
    }
}

#[test]
fn the_json_file_holds_every_table_with_translations_and_lists() {
    let b = built();
    let d = &b.data;
    let all = json(&b.out.join("data/docket.json"));
    assert_eq!(all["portal"]["as_of"], d.as_of.to_string());
    assert_eq!(all["portal"]["base_url"], "https://fixture.example/portal/");
    let tables = all["tables"].as_object().unwrap();
    assert_eq!(
        tables.keys().map(String::as_str).collect::<BTreeSet<_>>(),
        table_names().into_iter().collect::<BTreeSet<_>>()
    );
    let recs = tables["recommendations"].as_array().unwrap();
    assert_eq!(recs.len(), d.recommendations.len());
    for (json, r) in recs.iter().zip(&d.recommendations) {
        assert_eq!(json["id"], r.key.id.as_str());
        let text: BTreeMap<String, String> = serde_json::from_value(json["text"].clone()).unwrap();
        assert_eq!(text, r.text.0);
        let themes: Vec<String> =
            serde_json::from_value(json["themes"].clone()).unwrap_or_default();
        let expected: Vec<String> = r
            .themes
            .iter()
            .map(|t| d.themes[t.index()].key.id.clone())
            .collect();
        assert_eq!(themes, expected);
        assert_eq!(json["response"], r.response.id());
    }
    assert_eq!(
        tables["status_updates"].as_array().unwrap().len(),
        d.status_updates.len()
    );
    assert_eq!(tables["statuses"][2]["implemented"], true);
    assert_eq!(tables["documents"][1]["cycle"], Value::Null);
    assert_eq!(tables["documents"][0]["cycle"], 4);
}

#[test]
fn built_in_state_names_are_published_in_the_portal_languages_only() {
    // The built-in States table has names in the six UN languages; the fixture portal has
    // two, and its open data, like every other table's, has no text in the other four.
    let b = built();
    let all = json(&b.out.join("data/docket.json"));
    let states = all["tables"]["states"].as_array().unwrap();
    assert!(!states.is_empty());
    for state in states {
        let languages: Vec<&str> = state["name"]
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        assert_eq!(languages, ["ar", "en"], "{state}");
    }
}

#[test]
fn the_data_package_describes_every_file_with_its_size_hash_and_schema() {
    let b = built();
    let package = json(&b.out.join("data/datapackage.json"));
    assert_eq!(package["profile"], "data-package");
    let resources = package["resources"].as_array().unwrap();
    let names: Vec<&str> = resources
        .iter()
        .map(|r| r["name"].as_str().unwrap())
        .collect();
    let mut expected: Vec<&str> = table_names();
    expected.push("docket");
    assert_eq!(names, expected);
    for resource in resources {
        let path = b.out.join("data").join(resource["path"].as_str().unwrap());
        let bytes = std::fs::read(&path).unwrap();
        assert_eq!(resource["bytes"], bytes.len() as u64, "{}", path.display());
        let hash: String = Sha256::digest(&bytes)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        assert_eq!(resource["hash"], format!("sha256:{hash}"));
        if resource["profile"] != "tabular-data-resource" {
            continue;
        }
        let (header, _) = csv_rows(&path);
        let fields: Vec<&str> = resource["schema"]["fields"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["name"].as_str().unwrap())
            .collect();
        assert_eq!(fields, header, "{}", path.display());
        if let Some(key) = resource["schema"]["primaryKey"].as_str() {
            assert!(fields.contains(&key));
        }
        for fk in resource["schema"]["foreignKeys"]
            .as_array()
            .into_iter()
            .flatten()
        {
            assert!(fields.contains(&fk["fields"].as_str().unwrap()));
            let target = fk["reference"]["resource"].as_str().unwrap();
            assert!(target.is_empty() || names.contains(&target), "{target}");
        }
    }
}

/// The file an absolute API address points to in the output.
fn api_file(out: &Path, url: &Value) -> PathBuf {
    let url = url.as_str().expect("a URL");
    out.join(
        url.strip_prefix("https://fixture.example/portal/")
            .unwrap_or_else(|| panic!("{url} is on the portal")),
    )
}

#[test]
fn the_api_serves_every_recommendation_and_one_list_per_term() {
    let b = built();
    let d = &b.data;
    let index = json(&b.out.join("api/v1/index.json"));
    assert_eq!(index["api_version"], 1);
    assert_eq!(index["counts"]["recommendations"], d.recommendations.len());
    let sections = index["sections"].as_object().unwrap();
    assert_eq!(
        sections.keys().map(String::as_str).collect::<BTreeSet<_>>(),
        BTreeSet::from([
            "clusters",
            "documents",
            "groups",
            "institutions",
            "mechanisms",
            "recommending-states",
            "sdg",
            "states",
            "statuses",
            "themes"
        ])
    );
    for terms in sections.values() {
        for term in terms.as_array().unwrap() {
            let list = json(&api_file(&b.out, &term["api"]));
            assert_eq!(list["id"], term["id"]);
            assert_eq!(list["count"], term["count"]);
            assert_eq!(
                list["recommendations"].as_array().unwrap().len(),
                term["count"].as_u64().unwrap() as usize
            );
        }
    }
    let all = json(&api_file(&b.out, &index["recommendations"]));
    assert_eq!(all.as_array().unwrap().len(), d.recommendations.len());
    for (summary, r) in all.as_array().unwrap().iter().zip(&d.recommendations) {
        let full = json(&api_file(&b.out, &summary["api"]));
        assert_eq!(full["id"], r.key.id.as_str());
        assert_eq!(
            summary["api"],
            format!(
                "https://fixture.example/portal/api/v1/recommendations/{}.json",
                r.key.slug
            )
        );
        let text: BTreeMap<String, String> = serde_json::from_value(full["text"].clone()).unwrap();
        assert_eq!(text, r.text.0);
        assert_eq!(full["updates"].as_array().unwrap().len(), r.updates.len());
        assert_eq!(
            full["document"]["id"],
            d.documents[r.document.index()].key.id.as_str()
        );
        assert_eq!(
            full["pages"]["ar"],
            format!(
                "https://fixture.example/portal/ar/recommendations/{}/",
                r.key.slug
            )
        );
    }
    let torture = json(&b.out.join("api/v1/themes/torture.json"));
    let ids: Vec<&str> = torture["recommendations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["UPR4-118.1", "CAT-CO2-14"]);
    assert_eq!(torture["parent"]["id"], "civil");
    let rec = json(&b.out.join("api/v1/recommendations/upr4-118-1.json"));
    let first = &d.recommendations[0];
    let status = d
        .headline_status(first)
        .map(|s| d.config.statuses[s.index()].id.clone());
    assert_eq!(rec["status"], serde_json::json!(status));
    assert_eq!(rec["assessments"]["government"]["status"], "implemented");
    assert_eq!(rec["assessments"]["nhri"]["status"], "in-progress");
    assert_eq!(rec["aliases"][0], "UPR4-118.001");
    assert_eq!(rec["actions"][0]["id"], "ACT-1");
    let action = json(&api_file(&b.out, &rec["actions"][0]["api"]));
    assert_eq!(action["updates"][0]["status"], "in-progress");
}

#[test]
fn the_data_page_lists_every_download_with_its_size_in_every_language() {
    let b = built();
    for lang in ["en", "ar"] {
        let page = std::fs::read_to_string(b.out.join(format!("{lang}/data/index.html")))
            .expect("data page");
        let hrefs = attribute_values(&page, "href");
        for table in table_names() {
            let href = format!("../../data/{table}.csv");
            assert!(hrefs.contains(&href.as_str()), "{lang}: no link to {href}");
        }
        for file in [
            "data/docket.json",
            "data/datapackage.json",
            "api/v1/index.json",
        ] {
            assert!(
                hrefs.contains(&format!("../../{file}").as_str()),
                "{lang}: {file}"
            );
        }
        assert!(hrefs.contains(&format!("../../{lang}/feeds/updates.xml").as_str()));
        let sizes = page.matches("<td class=\"num\">–</td>").count();
        assert_eq!(
            sizes, 2,
            "{lang}: only the two JSON files have no row count"
        );
        let home = std::fs::read_to_string(b.out.join(format!("{lang}/index.html"))).unwrap();
        assert!(
            home.contains(&format!("href=\"../{lang}/data/\"")),
            "{lang}: the footer links the Data page"
        );
    }
    let en = std::fs::read_to_string(b.out.join("en/data/index.html")).unwrap();
    assert!(en.contains("<h1>Open data</h1>"));
    assert!(
        en.contains(" kB</td>") || en.contains(" B</td>"),
        "sizes are shown"
    );
    let ar = std::fs::read_to_string(b.out.join("ar/data/index.html")).unwrap();
    assert!(ar.contains("<h1>البيانات المفتوحة</h1>"));
}

#[test]
fn every_table_on_the_data_page_is_named_in_the_page_language() {
    let b = built();
    for (lang, states) in [("en", ">States</a>"), ("ar", ">الدول</a>")] {
        let page = std::fs::read_to_string(b.out.join(format!("{lang}/data/index.html")))
            .expect("data page");
        assert!(
            !page.contains(">data-table-"),
            "{lang}: a table is shown by its message id"
        );
        assert!(page.contains(states), "{lang}: the States table's name");
    }
}
