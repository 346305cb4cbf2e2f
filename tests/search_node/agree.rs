//! What the search agreement tests share: a query case, the Rust side's answer, the Node
//! client's answers (tests/search_node/run.js) and their comparison. Included with `#[path]`
//! by tests/search_js.rs and by the unit tests of src/search/ (which cut posting lists into
//! tiny segments); the includer's module has `LanguageIndex` and `Query` in scope.

use std::path::Path;
use std::process::Command;

use serde_json::{Value, json};

use super::{LanguageIndex, Query};

/// (language, query, filters as (facet, value)).
pub type Case<'a> = (&'a str, &'a str, Vec<(&'a str, &'a str)>);

pub fn node_available() -> bool {
    let found = Command::new("node")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        assert!(
            std::env::var("DOCKET_REQUIRE_NODE").as_deref() != Ok("1"),
            "node is required (DOCKET_REQUIRE_NODE=1) but was not found"
        );
        eprintln!("SKIPPED: node is not installed; the search client agreement test did not run");
    }
    found
}

pub fn rust_answer(index: &LanguageIndex, (_, q, filters): &Case) -> Value {
    let results = index.search(&Query {
        text: q.to_string(),
        filters: filters
            .iter()
            .map(|(f, v)| (f.to_string(), v.to_string()))
            .collect(),
    });
    let top: Vec<Value> = results
        .hits
        .iter()
        .take(10)
        .map(|h| {
            let e = &index.entries[h.entry as usize];
            json!([e.kind.code(), e.id, h.score])
        })
        .collect();
    let counts: Vec<Value> = results.facets.iter().map(|f| json!(f.counts)).collect();
    // What the filters panel shows: the estimate when there is one.
    let shown: Vec<Value> = results
        .estimate
        .as_ref()
        .unwrap_or(&results.facets)
        .iter()
        .map(|f| json!(f.counts))
        .collect();
    json!({
        "total": results.hits.len(),
        "top": top,
        "counts": counts,
        "shown": shown,
        "estimated": results.estimate.is_some(),
        "ignored": results.ignored,
        "suggestion": results.suggestion,
    })
}

pub fn node_answers(site: &Path, cases: &[Case]) -> Vec<Value> {
    let file = tempfile::NamedTempFile::new().expect("temp");
    let json_cases: Vec<Value> = cases
        .iter()
        .map(|(lang, q, filters)| json!({ "lang": lang, "q": q, "filters": filters }))
        .collect();
    std::fs::write(
        file.path(),
        serde_json::to_string(&json_cases).expect("json"),
    )
    .expect("write");
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/search_node/run.js");
    let output = Command::new("node")
        .arg(&script)
        .arg(site)
        .arg(file.path())
        .output()
        .expect("node runs");
    assert!(
        output.status.success(),
        "node failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).expect("node prints JSON")
}

/// Node's answers equal Rust's, and the first search, which stops reading postings as soon as
/// its 10 best are certain, shows the same 10 as the full one. Returns Node's `first` answers.
pub fn compare(cases: &[Case], rust: Vec<Value>, mut node: Vec<Value>) -> Vec<Value> {
    assert_eq!(rust.len(), node.len());
    let mut firsts = Vec::new();
    for ((case, r), n) in cases.iter().zip(rust).zip(&mut node) {
        let mut r = r;
        let shown = r
            .as_object_mut()
            .and_then(|r| r.remove("shown").zip(r.remove("estimated")))
            .expect("shown counts");
        let first = n
            .as_object_mut()
            .and_then(|n| n.remove("first"))
            .expect("a first answer");
        assert_eq!(r, *n, "{case:?}\nrust: {r}\nnode: {n}");
        assert_eq!(first["top"], r["top"], "first search of {case:?}: {first}");
        assert_eq!(
            first["wrong"],
            json!([]),
            "first search of {case:?}: {first}"
        );
        let panel = &first["panel"];
        assert_eq!(
            panel["counts"], shown.0,
            "facet counts of {case:?}: {panel}"
        );
        assert_eq!(panel["estimated"], shown.1, "estimated or not: {case:?}");
        if panel["exact"] == json!(true) {
            assert_eq!(panel["total"], r["total"], "exact count of {case:?}");
        }
        if first["complete"] == json!(true) {
            assert_eq!(first["total"], r["total"], "{case:?}");
        } else {
            assert!(first["total"].as_u64() <= r["total"].as_u64(), "{case:?}");
        }
        firsts.push(first);
    }
    firsts
}
