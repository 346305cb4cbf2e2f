//! The injection catalogue (tests/injection/vectors.txt, placed in every text field of
//! tests/fixtures/injection): what a browser cannot check. Exported CSV never starts a
//! formula, feeds and data stay well-formed, and a colour cannot carry CSS.
//! tests/browser/injection.mjs loads every page of the same site in Chromium.

mod common;

use std::path::Path;

use common::*;

fn built_injection_site() -> (tempfile::TempDir, std::path::PathBuf) {
    let portal = fixture("injection");
    let out = portal.path().join("public");
    build(portal.path(), &out).expect("the injection portal builds");
    (portal, out)
}

fn vectors() -> Vec<String> {
    std::fs::read_to_string(repo_root().join("tests/injection/vectors.txt"))
        .unwrap()
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| l.replace("\\n", "\n"))
        .collect()
}

fn files_with_extension(dir: &Path, extension: &str) -> Vec<(String, Vec<u8>)> {
    read_tree(dir)
        .into_iter()
        .filter(|(path, _)| path.ends_with(extension))
        .collect()
}

#[test]
fn the_catalogue_has_at_least_forty_vectors_and_the_fixture_holds_them_all() {
    let vectors = vectors();
    assert!(vectors.len() >= 40, "{} vectors", vectors.len());
    let data: String = read_tree(&repo_root().join("tests/fixtures/injection"))
        .into_values()
        .map(|bytes| String::from_utf8(bytes).unwrap())
        .collect();
    for vector in &vectors {
        // CSV doubles quotes inside quoted cells.
        assert!(
            data.contains(vector.as_str()) || data.contains(&vector.replace('"', "\"\"")),
            "not in the fixture (run tests/injection/make_portal.py): {vector}"
        );
    }
}

#[test]
fn exported_csv_cells_never_start_a_formula() {
    let (_portal, out) = built_injection_site();
    let csv_files = files_with_extension(&out, ".csv");
    assert!(csv_files.len() >= 10, "{} CSV files", csv_files.len());
    let mut defused = 0;
    for (path, bytes) in csv_files {
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(bytes.as_slice());
        for record in reader.records() {
            let record = record.unwrap_or_else(|e| panic!("{path}: {e}"));
            for cell in record.iter() {
                let cell = cell.trim_start_matches('\u{feff}');
                assert!(
                    !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                    "{path}: `{cell}` would run as a formula"
                );
                if cell.starts_with("'=HYPERLINK") || cell.starts_with("'+cmd") {
                    defused += 1;
                }
            }
        }
    }
    assert!(defused > 0, "no formula vector reached the CSV export");
}

#[test]
fn feeds_sitemaps_and_json_stay_well_formed_whatever_the_text() {
    let (_portal, out) = built_injection_site();
    let xml = files_with_extension(&out, ".xml");
    assert!(!xml.is_empty());
    for (path, bytes) in xml {
        let text = String::from_utf8(bytes).unwrap();
        let mut reader = quick_xml::Reader::from_str(&text);
        loop {
            match reader.read_event() {
                Ok(quick_xml::events::Event::Eof) => break,
                Ok(_) => {}
                Err(e) => panic!("{path} is not well-formed XML: {e}"),
            }
        }
        // `]]>` from the data cannot close a CDATA section early or add a script element.
        assert!(!text.contains("<script"), "{path} holds a <script> element");
    }
    let json = files_with_extension(&out, ".json");
    assert!(!json.is_empty());
    for (path, bytes) in json {
        serde_json::from_slice::<serde_json::Value>(&bytes)
            .unwrap_or_else(|e| panic!("{path} is not JSON: {e}"));
    }
}

#[test]
fn a_status_colour_cannot_carry_css() {
    let portal = fixture("injection");
    let out = portal.path().join("public");
    build(portal.path(), &out).unwrap();
    let before = read_tree(&out);
    let config = portal.path().join("config.toml");
    let text = std::fs::read_to_string(&config).unwrap();
    for colour in [
        "#fff;}body{background:url(https://evil.example/c.png)}",
        "red",
        "#b42318</style><script>window.__xss=1</script>",
        "expression(window.__xss=1)",
    ] {
        std::fs::write(
            &config,
            text.replacen("#b42318", &colour.replace('"', "\\\""), 1),
        )
        .unwrap();
        let diagnostics = diagnostics_of(build(portal.path(), &out));
        assert!(
            diagnostics
                .iter()
                .any(|d| d.file == "config.toml" && d.message.contains("colour")),
            "{colour}: {diagnostics:?}"
        );
        assert_eq!(read_tree(&out), before, "{colour}: the output changed");
    }
}

#[test]
fn a_url_field_with_a_script_or_local_scheme_fails_the_build_at_its_cell() {
    let portal = fixture("injection");
    let out = portal.path().join("public");
    build(portal.path(), &out).unwrap();
    let before = read_tree(&out);
    let documents = portal.path().join("data/documents.csv");
    let text = std::fs::read_to_string(&documents).unwrap();
    let valid = "https://EXAMPLE.ORG/UPPER-CASE-HOST";
    assert!(text.contains(valid));
    for url in [
        "javascript:window.__xss=1",
        "JaVaScRiPt:window.__xss=1",
        "data:text/html,<script>window.__xss=1</script>",
        "vbscript:msgbox(1)",
        "file:///etc/passwd",
        "//evil.example/x",
        "http://",
        "https://bank.example@evil.example/",
    ] {
        let quoted = format!("\"{}\"", url.replace('"', "\"\""));
        std::fs::write(&documents, text.replacen(valid, &quoted, 1)).unwrap();
        let diagnostics = diagnostics_of(build(portal.path(), &out));
        assert!(
            diagnostics
                .iter()
                .any(|d| d.file == "data/documents.csv" && d.line > 1 && d.column > 0),
            "{url}: {diagnostics:?}"
        );
        assert_eq!(read_tree(&out), before, "{url}: the output changed");
    }
}
