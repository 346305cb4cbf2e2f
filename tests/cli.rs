//! The `docket` binary: exit codes, messages, and what `docket new` makes.

mod common;

use std::process::Command;

use common::*;

fn docket() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_docket"));
    command.env_remove("SOURCE_DATE_EPOCH").env("CI", "true");
    command
}

#[test]
fn what_docket_new_makes_builds_and_checks() {
    let dir = tempfile::tempdir().unwrap();
    let portal = dir.path().join("portal");
    let status = docket().arg("new").arg(&portal).status().unwrap();
    assert!(status.success());
    assert!(
        !portal.join("themes").exists(),
        "a new portal is built with the built-in theme, not a copy"
    );
    let check = docket()
        .args(["check", "--root"])
        .arg(&portal)
        .output()
        .unwrap();
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stderr)
    );
    let build = docket()
        .args(["build", "--root"])
        .arg(&portal)
        .arg("--output")
        .arg(portal.join("public"))
        .output()
        .unwrap();
    assert!(
        build.status.success(),
        "{}",
        String::from_utf8_lossy(&build.stderr)
    );
    let summary = String::from_utf8_lossy(&build.stdout);
    assert!(
        summary.starts_with("Built ") && summary.contains("en ") && summary.contains("fr "),
        "{summary}"
    );
    assert!(
        portal
            .join("public/en/recommendations/upr4-1-1/index.html")
            .exists()
    );
    assert!(portal.join("public/fr/about/index.html").exists());
}

fn build_new_portal(portal: &std::path::Path, extra: &[&str]) -> String {
    let build = docket()
        .args(["build", "--root"])
        .arg(portal)
        .arg("--output")
        .arg(portal.join("public"))
        .args(extra)
        .output()
        .unwrap();
    assert!(
        build.status.success(),
        "{}",
        String::from_utf8_lossy(&build.stderr)
    );
    String::from_utf8_lossy(&build.stdout).into_owned() + &String::from_utf8_lossy(&build.stderr)
}

#[test]
fn docket_new_with_languages_makes_the_first_the_default_and_falls_back_for_unknown_ones() {
    let dir = tempfile::tempdir().unwrap();
    let portal = dir.path().join("portal");
    let status = docket()
        .arg("new")
        .arg(&portal)
        .args(["--languages", "sl,en,mt"])
        .status()
        .unwrap();
    assert!(status.success());
    let config = std::fs::read_to_string(portal.join("config.toml")).unwrap();
    assert!(config.contains("default_language = \"sl\""), "{config}");
    let output = build_new_portal(&portal, &[]);
    assert!(output.contains("sl ") && output.contains("mt "), "{output}");
    assert!(
        output.contains("the theme lacks messages") && output.contains("mt "),
        "Maltese has no theme messages and is reported: {output}"
    );
    let home = std::fs::read_to_string(portal.join("public/mt/index.html")).unwrap();
    assert!(
        home.contains("lang=\"sl\""),
        "Maltese falls back to the default language, marked"
    );
    let recommendation =
        std::fs::read_to_string(portal.join("public/sl/recommendations/upr4-1-1/index.html"))
            .unwrap();
    assert!(recommendation.contains("Okrepiti neodvisnost sodstva."));
    assert!(portal.join("public/sl/about/index.html").exists());
}

#[test]
fn docket_new_empty_has_only_header_rows_and_builds_at_a_historical_date() {
    let dir = tempfile::tempdir().unwrap();
    let portal = dir.path().join("portal");
    let status = docket()
        .arg("new")
        .arg(&portal)
        .args(["--languages", "es,en", "--empty"])
        .status()
        .unwrap();
    assert!(status.success());
    for entry in std::fs::read_dir(portal.join("data")).unwrap() {
        let path = entry.unwrap().path();
        let table = std::fs::read_to_string(&path).unwrap();
        assert_eq!(table.lines().count(), 1, "{}: {table}", path.display());
    }
    let recommendations = std::fs::read_to_string(portal.join("data/recommendations.csv")).unwrap();
    assert!(recommendations.contains(",text_es,text_en"));
    build_new_portal(&portal, &["--as-of", "2001-01-01"]);
    assert!(portal.join("public/es/index.html").exists());
    assert!(!portal.join("public/es/recommendations/upr4-1-1").exists());
}

#[test]
fn docket_new_workbook_writes_one_workbook_with_the_csv_tables_and_builds() {
    let dir = tempfile::tempdir().unwrap();
    let (csv, book) = (dir.path().join("csv"), dir.path().join("book"));
    assert!(docket().arg("new").arg(&csv).status().unwrap().success());
    let status = docket()
        .arg("new")
        .arg(&book)
        .arg("--workbook")
        .status()
        .unwrap();
    assert!(status.success());
    let files: Vec<String> = std::fs::read_dir(book.join("data"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(files, ["portal.xlsx"]);
    build_new_portal(&csv, &[]);
    build_new_portal(&book, &[]);
    assert!(
        book.join("public/en/recommendations/upr4-1-1/index.html")
            .exists()
    );
    assert_eq!(
        read_tree(&book.join("public")),
        read_tree(&csv.join("public"))
    );

    let empty = dir.path().join("empty");
    let status = docket()
        .arg("new")
        .arg(&empty)
        .args(["--workbook", "--empty"])
        .status()
        .unwrap();
    assert!(status.success());
    build_new_portal(&empty, &["--as-of", "2001-01-01"]);
    assert!(empty.join("public/en/index.html").exists());
    assert!(!empty.join("public/en/recommendations/upr4-1-1").exists());
    // The sheets keep their header rows: the same export as a new portal with CSV files.
    let (from_book, from_csv) = (dir.path().join("a.xlsx"), dir.path().join("b.xlsx"));
    let csv_empty = dir.path().join("csv-empty");
    let status = docket().arg("new").arg(&csv_empty).arg("--empty").status();
    assert!(status.unwrap().success());
    for (portal, file) in [(&empty, &from_book), (&csv_empty, &from_csv)] {
        docket::export_workbook(portal, file).unwrap();
    }
    assert_eq!(
        std::fs::read(&from_book).unwrap(),
        std::fs::read(&from_csv).unwrap()
    );
}

#[test]
fn the_data_guide_of_a_new_portal_speaks_of_its_workbook_or_its_csv_files() {
    let dir = tempfile::tempdir().unwrap();
    let (csv, book) = (dir.path().join("csv"), dir.path().join("book"));
    assert!(docket().arg("new").arg(&csv).status().unwrap().success());
    let status = docket().arg("new").arg(&book).arg("--workbook").status();
    assert!(status.unwrap().success());
    let guide = |portal: &std::path::Path| {
        std::fs::read_to_string(portal.join("docs/contributing-data.md")).unwrap()
    };
    let (csv_guide, book_guide) = (guide(&csv), guide(&book));
    for words in [
        "data/portal.xlsx",
        "[recommendations] G42",
        "delete the sheet",
    ] {
        assert!(book_guide.contains(words), "{words:?} in {book_guide}");
        assert!(!csv_guide.contains(words), "{words:?} in {csv_guide}");
    }
    assert!(csv_guide.contains("save it as CSV"), "{csv_guide}");
    assert!(!book_guide.contains("Open it in a spreadsheet program and save it as CSV"));
    // Both keep the parts every portal shares.
    for guide in [&csv_guide, &book_guide] {
        for words in [
            "# Contributing data",
            "CODEOWNERS",
            "docket check",
            "[contribute]",
        ] {
            assert!(guide.contains(words), "{words:?} in {guide}");
        }
    }
}

#[test]
fn docket_new_refuses_a_bad_language_code_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let portal = dir.path().join("portal");
    let output = docket()
        .arg("new")
        .arg(&portal)
        .args(["--languages", "sl,en_GB"])
        .output()
        .unwrap();
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("`en_gb` is not a language code"));
    assert!(!portal.exists());
}

#[test]
fn docket_new_refuses_a_folder_that_is_not_empty() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("keep.txt"), "mine").unwrap();
    let output = docket().arg("new").arg(dir.path()).output().unwrap();
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("not empty"));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("keep.txt")).unwrap(),
        "mine"
    );
}

#[test]
fn check_exits_non_zero_and_prints_every_problem_with_its_place() {
    let portal = fixture("minimal");
    let path = portal.path().join("data/recommendations.csv");
    let source = std::fs::read_to_string(&path)
        .unwrap()
        .replace("France,civil,", "France,civl,")
        .replace("CAT-CO2-14,CAT/C/FIX/CO/2", "CAT-CO2-14,CAT/C/FIX/CO/9");
    std::fs::write(&path, source).unwrap();
    let output = docket()
        .args(["check", "--root"])
        .arg(portal.path())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    let theme_line = std::fs::read_to_string(&path)
        .unwrap()
        .lines()
        .nth(2)
        .unwrap()
        .to_string();
    let caret_at = theme_line.find(",civl,").unwrap() + 1;
    let expected = format!(
        "error: unknown theme `civl` in `themes`\n --> data/recommendations.csv:3:{}\n  |\n3 | {theme_line}\n  | {}^^^^\n",
        caret_at + 1,
        " ".repeat(caret_at)
    );
    assert!(
        stderr.contains(&expected),
        "{stderr}\nexpected:\n{expected}"
    );
    assert!(
        stderr.contains("error: unknown document `CAT/C/FIX/CO/9`"),
        "{stderr}"
    );
    assert!(
        !stderr.contains('\u{1b}'),
        "no colour outside a terminal: {stderr}"
    );
    assert!(
        stderr.contains("2 problems found; nothing was written"),
        "{stderr}"
    );
}

/// The minimal fixture with an unknown theme on line 3, cell 6.
fn portal_with_a_typo() -> tempfile::TempDir {
    let portal = fixture("minimal");
    let path = portal.path().join("data/recommendations.csv");
    let source = std::fs::read_to_string(&path)
        .unwrap()
        .replace("France,civil,", "France,civl,");
    std::fs::write(&path, source).unwrap();
    portal
}

#[test]
fn check_format_github_prints_one_workflow_command_per_problem() {
    let portal = portal_with_a_typo();
    let output = docket()
        .args(["check", "--format", "github", "--root"])
        .arg(portal.path())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&output.stdout);
    let root = portal
        .path()
        .to_string_lossy()
        .replace(':', "%3A")
        .replace(',', "%2C");
    let expected = format!(
        "::error file={root}/data/recommendations.csv,line=3,col=6::unknown theme `civl` in `themes`%0Ahelp: did you mean `civil`?\n"
    );
    assert!(stdout.starts_with(&expected), "{stdout}");
    assert!(
        stdout.ends_with("1 problem found; nothing was written\n"),
        "{stdout}"
    );
}

#[test]
fn check_format_json_prints_one_object_per_line_on_stdout() {
    let portal = portal_with_a_typo();
    let output = docket()
        .args(["check", "--format", "json", "--root"])
        .arg(portal.path())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&output.stdout);
    let lines: Vec<serde_json::Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is one JSON object"))
        .collect();
    assert_eq!(lines.len(), 1, "{stdout}");
    let file = format!("{}/data/recommendations.csv", portal.path().display());
    assert_eq!(
        lines[0],
        serde_json::json!({"file": file, "line": 3, "column": 6, "severity": "error",
            "message": "unknown theme `civl` in `themes`", "help": "did you mean `civil`?"})
    );
    assert!(String::from_utf8_lossy(&output.stderr).contains("1 problem found"));
}

#[test]
fn build_writes_nothing_when_the_data_is_invalid() {
    let portal = fixture("minimal");
    std::fs::write(portal.path().join("data/groups.csv"), "id,name_en\nx,\n").unwrap();
    let output = docket()
        .args(["build", "--root"])
        .arg(portal.path())
        .arg("--output")
        .arg(portal.path().join("public"))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(!portal.path().join("public").exists());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("error: `name` is empty in every language\n --> data/groups.csv:2:3"),
        "{stderr}"
    );
}

#[test]
fn as_of_comes_from_the_flag_then_config_then_source_date_epoch() {
    let portal = fixture("minimal");
    let config = portal.path().join("config.toml");
    let source = std::fs::read_to_string(&config)
        .unwrap()
        .replace("as_of = \"2025-12-31\"\n", "");
    std::fs::write(&config, source).unwrap();
    let out = portal.path().join("public");
    // 1767225600 is 2026-01-01T00:00:00Z.
    let status = docket()
        .env("SOURCE_DATE_EPOCH", "1767225600")
        .args(["build", "--root"])
        .arg(portal.path())
        .arg("--output")
        .arg(&out)
        .status()
        .unwrap();
    assert!(status.success());
    assert!(
        std::fs::read_to_string(out.join("en/index.html"))
            .unwrap()
            .contains("Data as of 1 January 2026.")
    );
    let status = docket()
        .env("SOURCE_DATE_EPOCH", "1767225600")
        .args(["build", "--as-of", "2025-02-03", "--root"])
        .arg(portal.path())
        .arg("--output")
        .arg(&out)
        .status()
        .unwrap();
    assert!(status.success());
    assert!(
        std::fs::read_to_string(out.join("en/index.html"))
            .unwrap()
            .contains("Data as of 3 February 2025.")
    );
}

#[test]
fn a_bad_as_of_flag_is_refused_with_the_format() {
    let output = docket()
        .args(["build", "--as-of", "31/12/2025"])
        .output()
        .unwrap();
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("YYYY-MM-DD"));
}

#[test]
fn every_command_has_help() {
    for command in ["build", "check", "serve", "new", "synth"] {
        let output = docket().args([command, "--help"]).output().unwrap();
        assert!(output.status.success(), "{command} --help");
        assert!(
            String::from_utf8_lossy(&output.stdout).contains("Usage: docket"),
            "{command}"
        );
    }
}

#[test]
fn serve_answers_pages_and_404() {
    use std::io::{Read, Write};
    let portal = fixture("minimal");
    let out = portal.path().join("public");
    build(portal.path(), &out).unwrap();
    let listener = docket::bind_listener(docket::DEFAULT_BIND, 0).unwrap();
    let address = listener.local_addr().unwrap();
    let dir = out.clone();
    std::thread::spawn(move || docket::serve_folder(&dir, listener));
    let get = |path: &str| {
        let mut stream = std::net::TcpStream::connect(address).unwrap();
        write!(stream, "GET {path} HTTP/1.1\r\nHost: x\r\n\r\n").unwrap();
        let mut response = String::new();
        stream.read_to_string(&mut response).unwrap();
        response
    };
    assert!(get("/en/").starts_with("HTTP/1.1 200 OK"));
    assert!(get("/en").starts_with("HTTP/1.1 301"));
    let missing = get("/en/nothing-here/");
    assert!(missing.starts_with("HTTP/1.1 404"));
    assert!(missing.contains("<h1>Page not found</h1>"), "{missing}");
}

#[test]
fn build_writes_into_public_inside_the_portal_by_default_not_the_current_folder() {
    let portal = fixture("minimal");
    let elsewhere = tempfile::tempdir().unwrap();
    let build = docket()
        .current_dir(elsewhere.path())
        .args(["build", "--root"])
        .arg(portal.path())
        .output()
        .unwrap();
    assert!(
        build.status.success(),
        "{}",
        String::from_utf8_lossy(&build.stderr)
    );
    assert!(portal.path().join("public/en/index.html").is_file());
    assert!(
        portal
            .path()
            .join("public")
            .join(docket::OUTPUT_MARKER)
            .is_file()
    );
    assert_eq!(std::fs::read_dir(elsewhere.path()).unwrap().count(), 0);
}

#[test]
fn build_and_serve_refuse_to_replace_a_folder_docket_did_not_write() {
    let portal = fixture("minimal");
    let foreign = portal.path().join("my-thesis");
    std::fs::create_dir(&foreign).unwrap();
    std::fs::write(foreign.join("chapter1.docx"), "years of work").unwrap();
    let before = read_tree(&foreign);
    for command in [&["build"][..], &["serve", "--port", "0"]] {
        let refused = docket()
            .args(command)
            .arg("--root")
            .arg(portal.path())
            .arg("--output")
            .arg(&foreign)
            .output()
            .unwrap();
        assert_eq!(refused.status.code(), Some(1), "{command:?}");
        let message = String::from_utf8_lossy(&refused.stderr);
        assert!(
            message.contains("refusing to replace")
                && message.contains("Docket did not write it")
                && message.contains("--force"),
            "{message}"
        );
        assert_eq!(
            read_tree(&foreign),
            before,
            "{command:?} touched the folder"
        );
    }
    let forced = docket()
        .args(["build", "--force", "--root"])
        .arg(portal.path())
        .arg("--output")
        .arg(&foreign)
        .output()
        .unwrap();
    assert!(
        forced.status.success(),
        "{}",
        String::from_utf8_lossy(&forced.stderr)
    );
    assert!(foreign.join("en/index.html").is_file());
    // Now marked as Docket's, it is replaced without --force.
    let again = docket()
        .args(["build", "--root"])
        .arg(portal.path())
        .arg("--output")
        .arg(&foreign)
        .output()
        .unwrap();
    assert!(
        again.status.success(),
        "{}",
        String::from_utf8_lossy(&again.stderr)
    );
}

#[test]
fn build_never_replaces_the_portal_folder_itself() {
    let portal = fixture("minimal");
    let before = read_tree(portal.path());
    for output in [portal.path().to_path_buf(), portal.path().join("..")] {
        let refused = docket()
            .args(["build", "--force", "--root"])
            .arg(portal.path())
            .arg("--output")
            .arg(&output)
            .output()
            .unwrap();
        assert_eq!(refused.status.code(), Some(1));
        assert!(String::from_utf8_lossy(&refused.stderr).contains("holds the portal itself"));
    }
    assert_eq!(read_tree(portal.path()), before);
}

#[test]
fn build_with_timings_names_every_stage_and_writes_the_same_bytes() {
    let portal = fixture("minimal");
    let build = |output: &std::path::Path, timings: bool| {
        let mut command = docket();
        command
            .args(["build", "--as-of", "2026-06-30", "--root"])
            .arg(portal.path())
            .arg("--output")
            .arg(output);
        if timings {
            command.arg("--timings");
        }
        let run = command.output().unwrap();
        assert!(
            run.status.success(),
            "{}",
            String::from_utf8_lossy(&run.stderr)
        );
        String::from_utf8(run.stderr).unwrap()
    };
    let out = tempfile::tempdir().unwrap();
    let plain = build(&out.path().join("plain"), false);
    let timed = build(&out.path().join("timed"), true);
    assert!(!plain.contains("timing:"), "{plain}");
    for stage in [
        "load",
        "validate",
        "templates",
        "layout",
        "open data",
        "api",
        "feeds",
        "sitemap",
        "search",
        "static",
        "redirects",
        "render",
        "swap",
    ] {
        assert!(
            timed
                .lines()
                .any(|l| l.starts_with(&format!("timing: {stage} "))),
            "no `{stage}` line in:\n{timed}"
        );
    }
    let plain_files = read_tree(&out.path().join("plain"));
    let timed_files = read_tree(&out.path().join("timed"));
    assert!(plain_files.len() > 10);
    assert_eq!(
        plain_files.keys().collect::<Vec<_>>(),
        timed_files.keys().collect::<Vec<_>>()
    );
    for (path, bytes) in &plain_files {
        assert!(timed_files[path] == *bytes, "{path} differs");
    }
}
