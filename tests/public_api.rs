//! The library's public surface is the curated list of docs/architecture.md ("Library API"):
//! every module private, every public item a `pub use` of `src/lib.rs` named in that list.

use std::collections::BTreeSet;
use std::path::Path;

fn read(relative: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(relative))
        .unwrap_or_else(|e| panic!("{relative}: {e}"))
}

/// Source without `//` comments (lib.rs has no block comments or `//` in strings).
fn code(source: &str) -> String {
    source
        .lines()
        .map(|line| line.split("//").next().unwrap_or(""))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The names one `use` tree binds: the last identifier before each `,`, `}` or the end (the
/// alias after `as`), `self` excepted.
fn bound_names(tree: &str) -> Vec<String> {
    let spaced = tree.replace(['{', '}', ','], " , ");
    let mut names = Vec::new();
    for part in spaced.split(" , ") {
        let words: Vec<&str> = part.split_whitespace().collect();
        let Some(last) = words.last() else { continue };
        let name = last.rsplit("::").next().unwrap_or(last);
        if !name.is_empty() && name != "self" {
            names.push(name.to_string());
        }
    }
    names
}

/// Every name `src/lib.rs` re-exports.
fn reexported(lib: &str) -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    for statement in lib.split(';') {
        let statement = statement.trim();
        if let Some(tree) = statement.strip_prefix("pub use ") {
            for name in bound_names(tree) {
                assert!(names.insert(name.clone()), "`{name}` is re-exported twice");
            }
        }
    }
    names
}

/// The names in backticks on the list lines of the "Library API" section.
fn documented(architecture: &str) -> BTreeSet<String> {
    let section = architecture
        .split("\n## Library API\n")
        .nth(1)
        .expect("docs/architecture.md has a `## Library API` section");
    let section = section.split("\n## ").next().unwrap_or(section);
    let mut names = BTreeSet::new();
    for line in section.lines().filter(|l| l.starts_with("- ")) {
        for (i, quoted) in line.split('`').enumerate() {
            if i % 2 == 1 {
                assert!(
                    names.insert(quoted.to_string()),
                    "`{quoted}` is listed twice"
                );
            }
        }
    }
    names
}

#[test]
fn the_public_surface_is_the_documented_list() {
    let lib = reexported(&code(&read("src/lib.rs")));
    let docs = documented(&read("docs/architecture.md"));
    let undocumented: Vec<_> = lib.difference(&docs).collect();
    let missing: Vec<_> = docs.difference(&lib).collect();
    assert!(
        undocumented.is_empty() && missing.is_empty(),
        "re-exported but not in docs/architecture.md's Library API: {undocumented:?}; \
         listed there but not re-exported by src/lib.rs: {missing:?}"
    );
}

#[test]
fn every_module_is_private_and_lib_rs_defines_nothing_public() {
    let lib = code(&read("src/lib.rs"));
    for line in lib.lines().map(str::trim) {
        let public = line.starts_with("pub ") && !line.starts_with("pub use ");
        assert!(
            !public,
            "src/lib.rs: `{line}`: make it private and re-export what is needed"
        );
    }
}

#[test]
fn the_reader_finds_aliases_groups_and_nested_paths() {
    let lib = "pub use a::{B, c as d, e::{F, self}};\nmod x;\npub use g::H;";
    let names: Vec<String> = reexported(lib).into_iter().collect();
    assert_eq!(names, ["B", "F", "H", "d"]);
    let docs = "x\n## Library API\n\ntext `not`\n- **G**: `a`, `b`\n## Next\n- `c`\n";
    assert_eq!(documented(docs).into_iter().collect::<Vec<_>>(), ["a", "b"]);
}
