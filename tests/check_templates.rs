//! `docket check` renders one page of each kind, not every page: a template error on any kind
//! of page (and in any partial a page uses) must still fail it, at the template's line.

mod common;

use std::path::Path;

use common::{copy_dir, fixture, relative_slash_path, repo_root, walk};

/// The demo portal (every kind of page: terms and their by-date and per-State lists, tracking
/// pages, draft reports, indicators, content pages, old ids, an Arabic layout).
fn demo_portal() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = repo_root();
    std::fs::copy(root.join("config.toml"), dir.path().join("config.toml")).expect("config");
    for folder in ["data", "content"] {
        copy_dir(&root.join(folder), &dir.path().join(folder));
    }
    dir
}

/// `source` with an expression that fails to render on its second line of output code: in
/// the block a page fills, or at the top of a template that extends nothing.
fn broken(source: &str) -> (String, usize) {
    const BAD: &str = "{{ no_such_variable.deeper }}";
    let at = match source.find("{% block content %}") {
        Some(start) if source.contains("{% extends") => start + "{% block content %}".len(),
        _ => 0,
    };
    let line = source[..at].matches('\n').count() + 1;
    (format!("{}{BAD}{}", &source[..at], &source[at..]), line)
}

fn templates(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = walk(dir)
        .expect("the theme's templates")
        .iter()
        .map(|path| relative_slash_path(dir, path))
        .filter(|name| name.ends_with(".html"))
        .collect();
    names.sort();
    names
}

/// A problem's file and line.
type Place = (String, u64);

/// The templates of `names` whose broken copy in `portal`'s `templates/` folder `check` does
/// not report at the broken line, with what it reported instead.
fn unreported(portal: &Path, names: &[String]) -> Vec<(Place, Vec<Place>)> {
    let theme = repo_root().join("themes/default/templates");
    let mut unreported = Vec::new();
    for name in names {
        let source = std::fs::read_to_string(theme.join(name)).unwrap();
        let (source, line) = broken(&source);
        let file = portal.join("templates").join(name);
        std::fs::create_dir_all(file.parent().unwrap()).unwrap();
        std::fs::write(&file, source).unwrap();
        let result = docket::check(portal, None);
        std::fs::remove_file(&file).unwrap();
        let problems: Vec<Place> = match &result {
            Ok(_) => Vec::new(),
            Err(error) => match docket::as_invalid_portal(error) {
                Some(invalid) => invalid
                    .diagnostics
                    .iter()
                    .map(|p| (p.file.clone(), p.line))
                    .collect(),
                None => vec![(format!("{error:#}"), 0)],
            },
        };
        let expected = (format!("templates/{name}"), line as u64);
        if !problems.contains(&expected) {
            unreported.push((expected, problems));
        }
    }
    unreported
}

#[test]
fn a_broken_template_of_any_page_kind_fails_check_at_its_line() {
    // The demo has no term long enough for a by-date or per-State list; that fixture has.
    const LISTS: &str = "term_list.html";
    let portal = demo_portal();
    let names = templates(&repo_root().join("themes/default/templates"));
    assert!(
        names.len() > 30,
        "every page template and partial: {names:?}"
    );
    let (lists, others): (Vec<String>, Vec<String>) =
        names.into_iter().partition(|name| name == LISTS);
    assert_eq!(lists, [LISTS]);
    assert_eq!(unreported(portal.path(), &others), []);
    docket::check(portal.path(), None).expect("the demo is valid again");
    let long_lists = fixture("long_state_lists");
    assert_eq!(unreported(long_lists.path(), &lists), []);
}
