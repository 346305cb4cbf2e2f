//! Shared helpers: fixture portals in temporary folders, builds, and reading the output.

#![allow(dead_code)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use tempfile::TempDir;

pub mod matrix;
pub mod sdg;

/// A portal holding only `config` and a copy of the default theme, for an import to fill.
pub fn empty_portal(config: &str) -> TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("config.toml"), config).expect("config");
    docket::write_default_theme(&dir.path().join("themes/default")).expect("theme");
    dir
}

/// Import options that write the tables and stop at the first invalid row.
pub fn import_options(root: &Path) -> docket::ImportOptions {
    docket::ImportOptions {
        root: root.to_path_buf(),
        dry_run: false,
        skip_invalid: false,
    }
}

/// Writes an input file (an export, a labels file) into `dir` and returns its path.
pub fn write_input(dir: &Path, name: &str, content: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, content).expect("write input");
    path
}

pub fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Copies `tests/fixtures/{name}` into a temporary folder (built with the built-in theme).
pub fn fixture(name: &str) -> TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    copy_dir(&repo_root().join("tests/fixtures").join(name), dir.path());
    dir
}

pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("create");
    for entry in std::fs::read_dir(from).expect("read fixture") {
        let entry = entry.expect("entry");
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("copy");
        }
    }
}

pub fn build(root: &Path, output: &Path) -> anyhow::Result<docket::BuildSummary> {
    docket::build(&docket::BuildOptions {
        root: root.to_path_buf(),
        output: output.to_path_buf(),
        base_url: None,
        force: false,
        as_of: None,
        progress: false,
        previous: None,
        timings: false,
    })
}

/// Every file under `dir`, sorted by path.
pub fn walk(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    let mut folders = vec![dir.to_path_buf()];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder)? {
            let path = entry?.path();
            if path.is_dir() {
                folders.push(path);
            } else {
                files.push(path);
            }
        }
    }
    files.sort();
    Ok(files)
}

/// `path` relative to `base`, with `/` between components.
pub fn relative_slash_path(base: &Path, path: &Path) -> String {
    let relative = path.strip_prefix(base).unwrap_or(path);
    let parts: Vec<String> = relative
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    parts.join("/")
}

/// Every file under `dir`, relative path to bytes.
pub fn read_tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut files = BTreeMap::new();
    for path in walk(dir).expect("walk") {
        files.insert(
            relative_slash_path(dir, &path),
            std::fs::read(&path).expect("read"),
        );
    }
    files
}

/// The diagnostics of a build or check that must fail on invalid data.
pub fn diagnostics_of(result: anyhow::Result<impl std::fmt::Debug>) -> Vec<docket::Diagnostic> {
    let error = result.expect_err("the portal should be invalid");
    match docket::as_invalid_portal(&error) {
        Some(invalid) => invalid.diagnostics.clone(),
        None => panic!("expected data problems, got: {error:#}"),
    }
}

/// Values of `attr="…"` in an HTML page, in order.
pub fn attribute_values<'a>(html: &'a str, attr: &str) -> Vec<&'a str> {
    let needle = format!(" {attr}=\"");
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find(&needle) {
        let after = &rest[start + needle.len()..];
        let end = after.find('"').expect("closing quote");
        out.push(&after[..end]);
        rest = &after[end..];
    }
    out
}

/// Resolves `href` found on the page at `page_path` to a file of the site, if it is internal.
pub fn resolve_link(page_path: &str, href: &str) -> Option<String> {
    if href.starts_with("http://")
        || href.starts_with("https://")
        || href.starts_with("mailto:")
        || href.starts_with('#')
    {
        return None;
    }
    let href = href.split('#').next().unwrap_or_default();
    let mut parts: Vec<&str> = page_path.split('/').collect();
    parts.pop();
    for segment in href.split('/') {
        match segment {
            "" | "." => {}
            ".." => {
                assert!(
                    parts.pop().is_some(),
                    "{href} on {page_path} climbs above the site root"
                );
            }
            other => parts.push(other),
        }
    }
    let joined = parts.join("/");
    Some(if href.ends_with('/') || joined.is_empty() {
        format!(
            "{joined}{}index.html",
            if joined.is_empty() { "" } else { "/" }
        )
    } else {
        joined
    })
}

/// Checks every `href` and `src` of every HTML page of a built site; returns how many.
pub fn assert_internal_links_resolve(tree: &BTreeMap<String, Vec<u8>>) -> usize {
    let mut checked = 0;
    for (path, bytes) in tree {
        // 404 pages are served at any depth: their links start from the site root.
        if !path.ends_with(".html") || path == "404.html" || path.ends_with("/404.html") {
            continue;
        }
        let page = std::str::from_utf8(bytes).expect("utf-8");
        for attr in ["href", "src"] {
            for link in attribute_values(page, attr) {
                if let Some(target) = resolve_link(path, link) {
                    assert!(
                        tree.contains_key(&target),
                        "{path} links to {link}, which resolves to the missing {target}"
                    );
                    checked += 1;
                }
            }
        }
    }
    checked
}

/// Writes `config.toml` (English default, one status) for `languages` as (code, dir), and
/// creates `data/`: the start of a portal that a test fills with its own tables.
pub fn write_multilingual_config(
    root: &Path,
    base_url: &str,
    title: &str,
    languages: &[(&str, &str)],
) {
    let mut config = format!(
        "base_url = \"{base_url}\"\ndefault_language = \"en\"\nas_of = \"2026-06-30\"\n\n[title]\nen = \"{title}\"\n"
    );
    for (code, dir) in languages {
        config.push_str(&format!(
            "\n[[languages]]\ncode = \"{code}\"\nname = \"{code}\"\ndir = \"{dir}\"\n"
        ));
    }
    config.push_str(
        "\n[[statuses]]\nid = \"open\"\ncolour = \"#b42318\"\n[statuses.label]\nen = \"Open\"\n",
    );
    std::fs::create_dir_all(root.join("data")).expect("data");
    std::fs::write(root.join("config.toml"), config).expect("config");
}

/// A data table as written to disk: its header and its rows, cells trimmed (`,` or `;`
/// delimiter, with or without BOM), read with the `csv` crate rather than Docket's reader.
pub struct CsvTable {
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

/// Reads `data/{table}.csv` of the portal at `root`.
pub fn read_table(root: &Path, table: &str) -> CsvTable {
    let path = root.join(format!("data/{table}.csv"));
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    let first_line = bytes.split(|&b| b == b'\n').next().unwrap_or_default();
    let count = |d: u8| first_line.iter().filter(|&&b| b == d).count();
    let delimiter = if count(b';') > count(b',') {
        b';'
    } else {
        b','
    };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes);
    let mut records = reader.records().map(|r| {
        r.expect("a CSV record")
            .iter()
            .map(|c| c.trim().to_string())
            .collect::<Vec<String>>()
    });
    let header = records.next().unwrap_or_default();
    let rows = records
        .filter(|r| r.iter().any(|c| !c.is_empty()))
        .collect();
    CsvTable { header, rows }
}

/// The message ids of Fluent source: the lines that start with a lower-case letter and hold
/// `=`.
pub fn message_ids(source: &str) -> std::collections::BTreeSet<String> {
    source
        .lines()
        .filter(|l| l.chars().next().is_some_and(|c| c.is_ascii_lowercase()))
        .filter_map(|l| l.split_once('=').map(|(id, _)| id.trim().to_string()))
        .collect()
}
