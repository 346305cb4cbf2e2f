//! Upgrades reach every portal: the built-in theme, a portal's overrides, old theme copies.

mod common;

use std::process::Command;

use common::*;

/// A file of the built-in theme (the embedded copy is the theme folder: a unit test of
/// `theme` proves it).
fn built_in(path: &str) -> Vec<u8> {
    let file = repo_root().join("themes/default").join(path);
    std::fs::read(&file).unwrap_or_else(|e| panic!("the built-in theme has no {path}: {e}"))
}

#[test]
fn a_portal_without_a_theme_folder_is_built_with_the_built_in_theme() {
    let portal = fixture("minimal");
    assert!(!portal.path().join("themes").exists());
    let out = portal.path().join("public");
    build(portal.path(), &out).expect("builds");
    assert_eq!(
        std::fs::read(out.join("static/docket.css")).unwrap(),
        built_in("static/docket.css")
    );
    let not_found = std::fs::read_to_string(out.join("404.html")).unwrap();
    assert!(not_found.contains("Page not found"), "{not_found}");
}

#[test]
fn a_portal_changes_one_message_and_keeps_every_other() {
    let portal = fixture("minimal");
    std::fs::create_dir_all(portal.path().join("i18n/en")).unwrap();
    std::fs::write(
        portal.path().join("i18n/en/ours.ftl"),
        "not-found-title = This page has moved or never was\n",
    )
    .unwrap();
    let out = portal.path().join("public");
    build(portal.path(), &out).expect("builds");
    let not_found = std::fs::read_to_string(out.join("404.html")).unwrap();
    assert!(not_found.contains("This page has moved or never was"));
    assert!(!not_found.contains("Page not found"));
    let home = std::fs::read_to_string(out.join("en/index.html")).unwrap();
    assert!(
        !home.contains("section-recommendations"),
        "other messages still resolve"
    );
}

#[test]
fn an_old_copy_of_the_default_theme_keeps_working_and_check_names_each_changed_file() {
    let portal = fixture("minimal");
    let copy = portal.path().join("themes/default");
    docket::write_default_theme(&copy).unwrap();
    let template = copy.join("templates/404.html");
    let changed =
        std::fs::read_to_string(&template)
            .unwrap()
            .replacen("<h1", "<p>Our own 404</p><h1", 1);
    std::fs::write(&template, changed).unwrap();

    let summary = docket::check(portal.path(), None).expect("still valid");
    let files: Vec<&str> = summary.warnings.iter().map(|w| w.file.as_str()).collect();
    assert_eq!(files, ["themes/default/templates/404.html"]);
    let help = summary.warnings[0].help.as_deref().unwrap();
    assert!(
        help.contains("templates/404.html at the portal root")
            && help.contains("delete themes/default/"),
        "{help}"
    );

    let out = portal.path().join("public");
    build(portal.path(), &out).expect("builds");
    assert!(
        std::fs::read_to_string(out.join("404.html"))
            .unwrap()
            .contains("Our own 404")
    );

    let github = Command::new(env!("CARGO_BIN_EXE_docket"))
        .env("CI", "true")
        .args(["check", "--format", "github", "--root"])
        .arg(portal.path())
        .output()
        .unwrap();
    assert!(github.status.success());
    let stdout = String::from_utf8_lossy(&github.stdout);
    assert!(
        stdout
            .lines()
            .next()
            .unwrap()
            .starts_with("::warning file=")
            && stdout.contains("themes/default/templates/404.html::this copied theme file differs"),
        "{stdout}"
    );
}

#[test]
fn an_unchanged_copy_of_the_default_theme_gives_no_warning() {
    let portal = fixture("minimal");
    docket::write_default_theme(&portal.path().join("themes/default")).unwrap();
    let summary = docket::check(portal.path(), None).expect("valid");
    assert!(summary.warnings.is_empty(), "{:?}", summary.warnings);
}

#[test]
fn a_theme_named_in_config_must_exist() {
    let portal = fixture("minimal");
    let config = portal.path().join("config.toml");
    let source = std::fs::read_to_string(&config)
        .unwrap()
        .replace("theme = \"default\"", "theme = \"ours\"");
    std::fs::write(&config, source).unwrap();
    let problems = diagnostics_of(docket::check(portal.path(), None));
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].file, "config.toml");
    assert!(
        problems[0]
            .message
            .contains("theme `ours` not found at themes/ours")
    );
}
