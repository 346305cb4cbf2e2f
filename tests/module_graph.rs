//! The one-way rule between top-level modules, checked from the source (docs/architecture.md).
//!
//! Reads every file under `src/`, finds the paths that name another top-level module
//! (`crate::x`, `use crate::{a, b::c}`, `super::` climbing to the crate root, items the crate
//! root re-exports), leaves out comments and `#[cfg(test)]` items, and fails on any cycle or
//! if `util` uses anything. Run it with `cargo test --test module_graph`.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

type Graph = BTreeMap<String, BTreeSet<String>>;

/// The module that must use nothing else in the crate.
const LEAF: &str = "util";

#[derive(Debug, Clone, PartialEq)]
enum Token {
    Ident(String),
    Punct(char),
    PathSep,
}

/// Rust source to tokens, without comments, strings, chars or lifetimes.
fn tokens(src: &str) -> Vec<Token> {
    let chars: Vec<char> = src.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        if c == '/' && next == Some('/') {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            i = skip_block_comment(&chars, i);
        } else if c == '"' {
            i = skip_string(&chars, i + 1, 0);
        } else if (c == 'r' || c == 'b') && starts_raw_string(&chars, i) {
            i = skip_raw_string(&chars, i);
        } else if c == '\'' {
            i = skip_char_or_lifetime(&chars, i);
        } else if c == ':' && next == Some(':') {
            out.push(Token::PathSep);
            i += 2;
        } else if c.is_alphabetic() || c == '_' {
            let start = i;
            while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_') {
                i += 1;
            }
            let word: String = chars[start..i].iter().collect();
            // `b"..."` and `c"..."` literals: the prefix is not an identifier.
            if !(matches!(word.as_str(), "b" | "c") && chars.get(i) == Some(&'"')) {
                out.push(Token::Ident(word));
            }
        } else {
            if !c.is_whitespace() {
                out.push(Token::Punct(c));
            }
            i += 1;
        }
    }
    out
}

fn skip_block_comment(chars: &[char], mut i: usize) -> usize {
    let mut depth = 0;
    while i < chars.len() {
        if chars[i] == '/' && chars.get(i + 1) == Some(&'*') {
            depth += 1;
            i += 2;
        } else if chars[i] == '*' && chars.get(i + 1) == Some(&'/') {
            depth -= 1;
            i += 2;
            if depth == 0 {
                return i;
            }
        } else {
            i += 1;
        }
    }
    i
}

/// Skips to after the closing quote of a string whose body starts at `i`, followed by
/// `hashes` `#`s (0 for an ordinary string, which has escapes).
fn skip_string(chars: &[char], mut i: usize, hashes: usize) -> usize {
    while i < chars.len() {
        if hashes == 0 && chars[i] == '\\' {
            i += 2;
            continue;
        }
        if chars[i] == '"' && (0..hashes).all(|k| chars.get(i + 1 + k) == Some(&'#')) {
            return i + 1 + hashes;
        }
        i += 1;
    }
    i
}

fn starts_raw_string(chars: &[char], i: usize) -> bool {
    if i > 0 && (chars[i - 1].is_alphanumeric() || chars[i - 1] == '_') {
        return false;
    }
    let mut j = i;
    if chars[j] == 'b' {
        j += 1;
    }
    if chars.get(j) != Some(&'r') {
        return false;
    }
    j += 1;
    while chars.get(j) == Some(&'#') {
        j += 1;
    }
    chars.get(j) == Some(&'"')
}

fn skip_raw_string(chars: &[char], mut i: usize) -> usize {
    while chars[i] != '#' && chars[i] != '"' {
        i += 1;
    }
    let mut hashes = 0;
    while chars[i] == '#' {
        hashes += 1;
        i += 1;
    }
    skip_string(chars, i + 1, hashes)
}

/// `'a'`, `'\n'`, `'\u{1F600}'` are skipped whole; a lifetime `'a` only its quote.
fn skip_char_or_lifetime(chars: &[char], i: usize) -> usize {
    if chars.get(i + 1) == Some(&'\\') {
        let mut j = i + 2;
        while j < chars.len() && chars[j] != '\'' {
            j += 1;
        }
        return j + 1;
    }
    if chars.get(i + 2) == Some(&'\'') {
        return i + 3;
    }
    i + 1
}

/// The tokens without `#[cfg(test)]` items (a test module, function or `use`).
fn without_test_items(tokens: &[Token]) -> Vec<Token> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if is_cfg_test(&tokens[i..]) {
            i = skip_item(tokens, i + 7);
        } else {
            out.push(tokens[i].clone());
            i += 1;
        }
    }
    out
}

fn is_cfg_test(tokens: &[Token]) -> bool {
    let want = [
        Token::Punct('#'),
        Token::Punct('['),
        Token::Ident("cfg".into()),
        Token::Punct('('),
        Token::Ident("test".into()),
        Token::Punct(')'),
        Token::Punct(']'),
    ];
    tokens.starts_with(&want)
}

/// Skips the item starting at `i`: to its `;` or to the `}` closing its first brace.
fn skip_item(tokens: &[Token], mut i: usize) -> usize {
    let mut depth = 0usize;
    while i < tokens.len() {
        match tokens[i] {
            Token::Punct('{') => depth += 1,
            Token::Punct('}') => {
                depth -= 1;
                if depth == 0 {
                    return i + 1;
                }
            }
            Token::Punct(';') if depth == 0 => return i + 1,
            _ => {}
        }
        i += 1;
    }
    i
}

/// The first segment of every path the tokens name from the crate root: `crate::a`,
/// each branch of `crate::{a, b::c}`, and `super::...` climbing from `module` (the file's
/// module path) to the root.
fn root_segments(tokens: &[Token], module: &[String]) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    let ident = |k: usize| match tokens.get(k) {
        Some(Token::Ident(s)) => Some(s.as_str()),
        _ => None,
    };
    for i in 0..tokens.len() {
        let mut j = i;
        let at_root = match ident(i) {
            Some("crate") => {
                j = i + 1;
                true
            }
            Some("super")
                if (i == 0 || tokens[i - 1] != Token::PathSep)
                    && tokens.get(i + 1) == Some(&Token::PathSep) =>
            {
                let mut depth = module.len();
                while ident(j) == Some("super") && tokens.get(j + 1) == Some(&Token::PathSep) {
                    depth = depth.saturating_sub(1);
                    j += 2;
                }
                j -= 1;
                depth == 0
            }
            _ => false,
        };
        if !at_root || tokens.get(j) != Some(&Token::PathSep) {
            continue;
        }
        match tokens.get(j + 1) {
            Some(Token::Ident(name)) => {
                found.insert(name.clone());
            }
            Some(Token::Punct('{')) => found.extend(group_heads(tokens, j + 2)),
            _ => {}
        }
    }
    found.retain(|s| s != "self" && s != "super" && s != "crate");
    found
}

/// The first identifier of each comma-separated branch of a `{...}` group opening before `i`.
fn group_heads(tokens: &[Token], mut i: usize) -> Vec<String> {
    let mut heads = Vec::new();
    let mut depth = 1;
    let mut at_branch_start = true;
    while i < tokens.len() && depth > 0 {
        match &tokens[i] {
            Token::Punct('{') => depth += 1,
            Token::Punct('}') => depth -= 1,
            Token::Punct(',') if depth == 1 => {
                at_branch_start = true;
                i += 1;
                continue;
            }
            Token::Ident(name) if depth == 1 && at_branch_start => heads.push(name.clone()),
            _ => {}
        }
        at_branch_start = false;
        i += 1;
    }
    heads
}

/// What each name the crate root brings in with `use` (or `pub use`) comes from: the name
/// (or its `as` alias) to the top-level module of its path.
fn root_reexports(lib: &[Token]) -> BTreeMap<String, String> {
    let mut names = BTreeMap::new();
    let mut i = 0;
    while i < lib.len() {
        if lib[i] == Token::Ident("use".into()) {
            let end = skip_item(lib, i);
            if let Some(Token::Ident(module)) = lib.get(i + 1) {
                for name in use_leaves(&lib[i + 2..end]) {
                    names.insert(name, module.clone());
                }
            }
            i = end;
        } else {
            i += 1;
        }
    }
    names
}

/// The names a `use` tree binds: the identifier before each `,`, `}` or `;` (the alias when
/// there is an `as`).
fn use_leaves(tree: &[Token]) -> Vec<String> {
    let mut leaves = Vec::new();
    for (k, token) in tree.iter().enumerate() {
        let ends_branch = matches!(tree.get(k + 1), Some(Token::Punct(',' | '}' | ';')) | None);
        if let Token::Ident(name) = token
            && ends_branch
            && name != "self"
        {
            leaves.push(name.clone());
        }
    }
    leaves
}

/// Every `.rs` file under `dir`, sorted.
fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut entries: Vec<_> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("reading {}: {e}", dir.display()))
        .map(|e| e.expect("directory entry").path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            files.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
    files
}

/// `src/site/pages.rs` is `[site, pages]`; `src/model/mod.rs` is `[model]`.
fn module_path(src: &Path, file: &Path) -> Vec<String> {
    let rel = file.strip_prefix(src).expect("file under src");
    let mut parts: Vec<String> = rel
        .iter()
        .map(|p| p.to_string_lossy().trim_end_matches(".rs").to_string())
        .collect();
    if parts.last().is_some_and(|p| p == "mod") {
        parts.pop();
    }
    parts
}

/// The graph of the library's top-level modules, read from `src`.
fn crate_graph(src: &Path) -> Graph {
    let read = |p: &Path| fs::read_to_string(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
    let lib = tokens(&read(&src.join("lib.rs")));
    let reexports = root_reexports(&lib);
    let mut graph = Graph::new();
    for file in rust_files(src) {
        let module = module_path(src, &file);
        let Some(top) = module.first().cloned() else {
            continue;
        };
        if top == "lib" || top == "main" {
            continue;
        }
        let code = without_test_items(&tokens(&read(&file)));
        let uses = graph.entry(top.clone()).or_default();
        for name in root_segments(&code, &module) {
            let target = reexports.get(&name).cloned().unwrap_or(name);
            if target != top {
                uses.insert(target);
            }
        }
    }
    // Names that are not modules (macros exported at the root, say) are not edges.
    let modules: BTreeSet<String> = graph.keys().cloned().collect();
    for uses in graph.values_mut() {
        uses.retain(|m| modules.contains(m));
    }
    graph
}

/// A cycle in the graph as `a -> b -> a`, if there is one.
fn find_cycle(graph: &Graph) -> Option<Vec<String>> {
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        Open,
        Done,
    }
    fn visit(
        graph: &Graph,
        node: &str,
        marks: &mut BTreeMap<String, Mark>,
        stack: &mut Vec<String>,
    ) -> Option<Vec<String>> {
        match marks.get(node) {
            Some(Mark::Done) => return None,
            Some(Mark::Open) => {
                let from = stack
                    .iter()
                    .position(|n| n == node)
                    .expect("open node on stack");
                let mut cycle = stack[from..].to_vec();
                cycle.push(node.to_string());
                return Some(cycle);
            }
            None => {}
        }
        marks.insert(node.to_string(), Mark::Open);
        stack.push(node.to_string());
        for next in graph.get(node).into_iter().flatten() {
            if let Some(cycle) = visit(graph, next, marks, stack) {
                return Some(cycle);
            }
        }
        stack.pop();
        marks.insert(node.to_string(), Mark::Done);
        None
    }
    let mut marks = BTreeMap::new();
    graph
        .keys()
        .find_map(|node| visit(graph, node, &mut marks, &mut Vec::new()))
}

fn describe(graph: &Graph) -> String {
    graph
        .iter()
        .map(|(m, uses)| {
            let uses: Vec<&str> = uses.iter().map(String::as_str).collect();
            format!("{m:<12}-> {}\n", uses.join(" "))
        })
        .collect()
}

fn src_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

#[test]
fn top_level_modules_have_no_cycle() {
    let graph = crate_graph(&src_dir());
    eprintln!("{}", describe(&graph));
    if let Some(cycle) = find_cycle(&graph) {
        panic!(
            "modules use each other in a cycle: {}\nthe graph:\n{}",
            cycle.join(" -> "),
            describe(&graph)
        );
    }
}

#[test]
fn util_uses_no_other_module() {
    let graph = crate_graph(&src_dir());
    let uses = graph.get(LEAF).expect("src/util exists");
    assert!(uses.is_empty(), "{LEAF} must be a leaf but uses: {uses:?}");
}

#[test]
fn graph_sees_the_pipeline_edges() {
    // The reader finds real edges, so an empty graph cannot pass the checks above.
    let graph = crate_graph(&src_dir());
    for (from, to) in [("site", "model"), ("model", "load"), ("export", "emit")] {
        assert!(
            graph[from].contains(to),
            "{from} -> {to} missing:\n{}",
            describe(&graph)
        );
    }
}

fn fake(edges: &[(&str, &str)]) -> Graph {
    let mut graph = Graph::new();
    for (a, b) in edges {
        graph
            .entry(a.to_string())
            .or_default()
            .insert(b.to_string());
        graph.entry(b.to_string()).or_default();
    }
    graph
}

#[test]
fn cycle_finder_names_a_three_module_cycle() {
    let graph = fake(&[("a", "b"), ("b", "c"), ("c", "a"), ("c", "d")]);
    assert_eq!(find_cycle(&graph).unwrap(), ["a", "b", "c", "a"]);
}

#[test]
fn cycle_finder_accepts_a_diamond() {
    let graph = fake(&[("a", "b"), ("a", "c"), ("b", "d"), ("c", "d")]);
    assert_eq!(find_cycle(&graph), None);
}

#[test]
fn reader_resolves_groups_super_and_reexports_and_skips_comments_and_tests() {
    let code = r##"
        use crate::{model::Id, site, self};
        // use crate::commented;
        /* crate::blocked */
        const S: &str = "crate::in_string";
        const R: &str = r#"crate::in_raw"#;
        fn f<'a>(x: &'a str) -> char { let _ = crate::export::tables::run(); 'c' }
        use super::super::load::Table;
        use super::sibling;
        #[cfg(test)]
        mod tests { use crate::search; }
    "##;
    let found = root_segments(
        &without_test_items(&tokens(code)),
        &["output".into(), "x".into()],
    );
    let want: BTreeSet<String> = ["model", "site", "export", "load"].map(String::from).into();
    assert_eq!(found, want);

    let lib = tokens("pub use util::slug; pub use build::{Portal, load as load_portal};");
    let names = root_reexports(&lib);
    assert_eq!(names["slug"], "util");
    assert_eq!(names["load_portal"], "build");
    assert_eq!(names["Portal"], "build");
}
