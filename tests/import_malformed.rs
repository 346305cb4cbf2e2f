//! Imports on malformed rows: an unclosed quote, a stray delimiter or a wrong field count is
//! reported at its line and never merged into its neighbour; `--skip-invalid` skips and lists
//! it; `data/` stays byte-identical on every failed or dry-run import.

mod common;

use std::path::Path;

use docket::{ImportOptions, import_upr_info};

const HEADER: &str = "SuR;Rgrp;Org;Recommendation;RS;Rgrp;Org;Response;Action;Issue;Session";
const GOOD_A: &str = "Meridia;GRULAC;OAS;Ratify the Optional Protocol on children;Chile;GRULAC;OAS;Supported;5;Children;41";
/// Its quote is never closed: a lenient reader would swallow the next lines into this cell.
const UNCLOSED: &str =
    "Meridia;GRULAC;OAS;\"Adopt a plan on housing;Peru;GRULAC;OAS;Supported;5;Housing;41";
/// A valid row whose own quotes would close the one left open above.
const GOOD_QUOTED: &str = "Meridia;GRULAC;OAS;\"Adopt a law on \"\"defenders\"\"\";Norway;WEOG;;Supported;3;Human rights defenders;41";
const STRAY_DELIMITER: &str =
    "Meridia;GRULAC;OAS;Protect journalists;;Spain;WEOG;EU;Supported;3;Freedom of expression;41";
const TOO_FEW: &str = "Meridia;GRULAC;OAS;Ensure water;Fiji;Supported;41";
const GOOD_D: &str = "Meridia;GRULAC;OAS;Guarantee free primary education;Kenya;African Group;AU;Supported;4;Education;41";

fn export(dir: &Path) -> std::path::PathBuf {
    let rows = [
        GOOD_A,
        UNCLOSED,
        GOOD_QUOTED,
        STRAY_DELIMITER,
        TOO_FEW,
        GOOD_D,
    ];
    let mut text = format!("{HEADER}\r\n");
    for row in rows {
        text.push_str(row);
        text.push_str("\r\n");
    }
    let path = dir.join("export.csv");
    std::fs::write(&path, text).unwrap();
    path
}

fn options(root: &Path, dry_run: bool, skip_invalid: bool) -> ImportOptions {
    ImportOptions {
        root: root.to_path_buf(),
        dry_run,
        skip_invalid,
    }
}

fn data(root: &Path) -> std::collections::BTreeMap<String, Vec<u8>> {
    common::read_tree(&root.join("data"))
}

#[test]
fn malformed_rows_are_reported_at_their_line_and_never_joined_to_a_neighbour() {
    let portal = common::fixture("minimal");
    let root = portal.path();
    let file = export(root);
    let before = data(root);

    let error = import_upr_info(
        &options(root, false, false),
        std::slice::from_ref(&file),
        None,
    )
    .expect_err("malformed rows stop the import");
    let invalid = docket::as_invalid_portal(&error).expect("row problems");
    let lines: Vec<u64> = invalid.diagnostics.iter().map(|d| d.line).collect();
    assert_eq!(lines, [3, 5, 6], "{:#?}", invalid.diagnostics);
    assert!(invalid.diagnostics[0].message.contains("never closed"));
    assert!(invalid.diagnostics[1].message.contains("12 cells"));
    assert!(invalid.diagnostics[2].message.contains("7 cells"));
    assert_eq!(data(root), before, "a failed import leaves data/ as it was");

    let dry = import_upr_info(
        &options(root, true, true),
        std::slice::from_ref(&file),
        None,
    )
    .expect("a dry run with --skip-invalid reports");
    assert_eq!(dry.skipped.len(), 3);
    assert_eq!(data(root), before, "a dry run leaves data/ as it was");

    let summary = import_upr_info(&options(root, false, true), &[file], None)
        .expect("--skip-invalid imports the other rows");
    assert_eq!(summary.records, 3, "{summary}");
    let skipped: Vec<u64> = summary.skipped.iter().map(|d| d.line).collect();
    assert_eq!(skipped, [3, 5, 6]);
    assert!(
        summary.to_string().contains("Skipped 3 invalid rows"),
        "{summary}"
    );
    let recommendations = std::fs::read_to_string(root.join("data/recommendations.csv")).unwrap();
    assert!(recommendations.contains("Adopt a law on \"\"defenders\"\""));
    assert!(recommendations.contains("Guarantee free primary education"));
    assert!(
        !recommendations.contains("housing") && !recommendations.contains("journalists"),
        "a skipped row's text ended up in another row"
    );
}
