//! The browser's search client (run in Node) and the Rust side agree: same hits, same order,
//! same scores, same facet counts, for a fixed set of queries in each language.
//!
//! Skips with a message when `node` is missing, unless DOCKET_REQUIRE_NODE=1 (CI).

mod common;

use std::path::Path;
use std::process::Command;

use docket::Site;
use docket::{LanguageIndex, Query};
use serde_json::{Value, json};

/// (language, query, filters as (facet, value)).
type Case<'a> = (&'a str, &'a str, Vec<(&'a str, &'a str)>);

fn node_available() -> bool {
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

/// What the Rust side answers, in the shape tests/search_node/run.js prints.
fn rust_answers(root: &Path, cases: &[Case]) -> Vec<Value> {
    let portal = docket::load_portal(root, None).expect("valid portal");
    let site = Site::new(&portal.dataset, &portal.i18n);
    let mut indexes = std::collections::BTreeMap::new();
    cases
        .iter()
        .map(|case| {
            let index = indexes
                .entry(case.0.to_string())
                .or_insert_with(|| docket::build_search_index(&site, case.0));
            rust_answer(index, case)
        })
        .collect()
}

fn rust_answer(index: &LanguageIndex, (_, q, filters): &Case) -> Value {
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

fn node_answers(site: &Path, cases: &[Case]) -> Vec<Value> {
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
    let script = common::repo_root().join("tests/search_node/run.js");
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

fn agree(root: &Path, cases: &[Case]) {
    let out = tempfile::tempdir().expect("temp");
    let site = out.path().join("site");
    common::build(root, &site).expect("build");
    let node = node_answers(&site, cases);
    let rust = rust_answers(root, cases);
    // The cases are not vacuous.
    let with_hits = rust
        .iter()
        .filter(|r| r["total"].as_u64() > Some(0))
        .count();
    assert!(
        with_hits * 4 >= cases.len() * 3,
        "{with_hits} of {}",
        cases.len()
    );
    compare(cases, rust, node);
}

/// Node's answers equal Rust's, and the first search, which stops reading postings as soon as
/// its 10 best are certain, shows the same 10 as the full one. Returns Node's `first` answers.
fn compare(cases: &[Case], rust: Vec<Value>, mut node: Vec<Value>) -> Vec<Value> {
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

#[test]
fn node_and_rust_agree_on_the_fixture() {
    if !node_available() {
        return;
    }
    let dir = common::fixture("minimal");
    let cases = vec![
        ("en", "torture", vec![]),
        ("en", "tortures ", vec![]),
        ("en", "tort", vec![]),
        ("en", "Torture", vec![("mechanism", "CAT")]),
        ("en", "A/HRC/52/11", vec![]),
        ("en", "cat/c/fix/co/2 ", vec![]),
        ("en", "UPR4-118.001", vec![]),
        ("en", "death penalty xyzzy", vec![]),
        (
            "en",
            "",
            vec![("type", "recommendation"), ("response", "noted")],
        ),
        (
            "en",
            "protocol",
            vec![("theme", "torture"), ("theme", "civil")],
        ),
        ("ar", "التعذيب", vec![]),
        ("ar", "التَّعْذِيب ", vec![]),
        ("ar", "الإختياري", vec![]),
        ("ar", "تعذ", vec![("mechanism", "UPR")]),
    ];
    agree(dir.path(), &cases);
}

/// The State facets: filters by State under review and by recommending State (any name the
/// data used), their counts, in English and Arabic.
#[test]
fn node_and_rust_agree_on_the_state_facets_of_a_multi_state_portal() {
    if !node_available() {
        return;
    }
    let dir = common::fixture("multi_state");
    let cases = vec![
        ("en", "", vec![("state", "CHL")]),
        ("en", "", vec![("recommending", "FRA")]),
        (
            "en",
            "rights",
            vec![("recommending", "FRA"), ("recommending", "PRY")],
        ),
        ("en", "", vec![("state", "PRY"), ("recommending", "BRA")]),
        ("en", "torture", vec![]),
        ("ar", "", vec![("recommending", "XMD")]),
        ("ar", "", vec![("state", "XMD")]),
        ("en", "penalty", vec![("state", "PRY")]),
    ];
    agree(dir.path(), &cases);
}

#[test]
fn node_and_rust_agree_in_six_languages() {
    if !node_available() {
        return;
    }
    let dir = tempfile::tempdir().expect("temp");
    write_six_language_portal(dir.path());
    let cases = vec![
        ("en", "torture", vec![]),
        ("en", "child marriage", vec![]),
        ("en", "prev", vec![]),
        ("fr", "torture", vec![]),
        ("fr", "mariages enfants", vec![]),
        ("fr", "éducation", vec![]),
        ("fr", "education ", vec![]),
        ("es", "tortura", vec![]),
        ("es", "matrimonio infantil", vec![("mechanism", "UPR")]),
        ("ru", "пыток", vec![]),
        ("ru", "пытки ", vec![]),
        ("ru", "детских браков", vec![]),
        ("ru", "образ", vec![]),
        ("ar", "التعذيب", vec![]),
        ("ar", "زواج الأطفال", vec![]),
        ("ar", "التَّعليم", vec![]),
        ("zh", "酷刑", vec![]),
        ("zh", "童婚", vec![]),
        ("zh", "教", vec![]),
        ("zh", "防止酷刑", vec![("theme", "torture")]),
        ("zh", "A/HRC/52/11", vec![]),
    ];
    agree(dir.path(), &cases);
}

#[test]
fn node_and_rust_agree_on_the_disputed_filter_of_the_demo() {
    if !node_available() {
        return;
    }
    let disputed = ("disputed", "yes");
    let cases = vec![
        ("en", "", vec![disputed]),
        ("en", "torture", vec![disputed]),
        ("en", "", vec![disputed, ("mechanism", "UPR")]),
        ("en", "", vec![disputed, ("status", "implemented")]),
        ("fr", "", vec![disputed]),
        ("fr", "torture", vec![disputed]),
        ("es", "", vec![disputed]),
        ("ar", "", vec![disputed]),
    ];
    agree(&common::repo_root(), &cases);
}

#[test]
fn node_and_rust_agree_on_a_synthetic_portal() {
    if !node_available() {
        return;
    }
    let dir = tempfile::tempdir().expect("temp");
    docket::synth_portal(
        dir.path(),
        &docket::SynthOptions {
            recommendations: 600,
            languages: vec!["en".into(), "fr".into(), "es".into(), "ar".into()],
            seed: 3,
        },
    )
    .expect("synth");
    let cases = vec![
        ("en", "torture", vec![]),
        ("en", "judiciary independence", vec![]),
        ("en", "rur", vec![("response", "supported")]),
        ("en", "X/12/CO/5", vec![]),
        ("en", "R1234", vec![]),
        ("en", "", vec![("mechanism", "M3"), ("theme", "T5")]),
        ("fr", "droits de l'enfant", vec![]),
        ("fr", "just", vec![("theme", "T6")]),
        ("es", "derechos niñez", vec![]),
        ("es", "educ", vec![]),
        ("ar", "حقوق الإنسان", vec![]),
        ("ar", "المساواة", vec![("group", "G2")]),
    ];
    agree(dir.path(), &cases);
}

#[test]
fn node_and_rust_agree_on_typos_phrases_exclusions_and_or_in_six_languages() {
    if !node_available() {
        return;
    }
    let dir = tempfile::tempdir().expect("temp");
    write_six_language_portal(dir.path());
    let cases = vec![
        ("en", "totrure", vec![]),
        ("en", "torure ", vec![]),
        ("en", "chlid mariage", vec![]),
        ("en", "\"places of detention\"", vec![]),
        ("en", "\"detention places\"", vec![]),
        ("en", "torture -detention", vec![]),
        ("en", "-torture", vec![]),
        ("en", "torture OR marriage", vec![]),
        ("en", "OR torture", vec![]),
        ("en", "qqqqqq", vec![]),
        ("en", "zzzture", vec![]),
        ("en", "detentoins ", vec![]),
        ("en", "\"torture promptly\" OR marriage", vec![]),
        ("fr", "tortrue", vec![]),
        ("fr", "\"lieux de détention\"", vec![]),
        ("fr", "torture -détention", vec![]),
        ("fr", "torture OR mariages", vec![]),
        ("es", "tortrua", vec![]),
        ("es", "\"lugares de detención\"", vec![]),
        ("es", "tortura -detención", vec![]),
        ("es", "tortura OR matrimonio", vec![]),
        ("ru", "пыткии", vec![]),
        ("ru", "\"местах лишения свободы\"", vec![]),
        ("ru", "пытки -свободы", vec![]),
        ("ru", "пытки OR браков", vec![]),
        ("ar", "التعذبي", vec![]),
        ("ar", "\"أماكن الاحتجاز\"", vec![]),
        ("ar", "التعذيب -الاحتجاز", vec![]),
        ("ar", "التعذيب OR زواج", vec![]),
        ("zh", "\"防止酷刑\"", vec![]),
        ("zh", "酷刑 -拘留", vec![]),
        ("zh", "酷刑 OR 童婚", vec![]),
    ];
    agree(dir.path(), &cases);
}

/// A small portal with texts in the six UN languages.
fn write_six_language_portal(root: &Path) {
    let langs = [
        ("en", "ltr"),
        ("fr", "ltr"),
        ("es", "ltr"),
        ("ru", "ltr"),
        ("ar", "rtl"),
        ("zh", "ltr"),
    ];
    common::write_multilingual_config(root, "https://un6.example/", "Six languages", &langs);
    std::fs::write(
        root.join("data/mechanisms.csv"),
        "id,kind,acronym,name_en\nUPR,upr,UPR,Universal Periodic Review\nCAT,treaty-body,CAT,Committee against Torture\n",
    )
    .expect("mechanisms");
    std::fs::write(
        root.join("data/documents.csv"),
        "id,symbol,mechanism,date\nA/HRC/52/11,A/HRC/52/11,UPR,2023-01-04\nCAT/C/X/CO/2,CAT/C/X/CO/2,CAT,2022-05-20\n",
    )
    .expect("documents");
    std::fs::write(
        root.join("data/themes.csv"),
        "id,name_en\ntorture,Torture\nchildren,Children\n",
    )
    .expect("themes");
    let rows = [
        (
            "UPR-1",
            "A/HRC/52/11",
            "torture",
            [
                "Prevent torture in all places of detention.",
                "Prévenir la torture dans tous les lieux de détention.",
                "Prevenir la tortura en todos los lugares de detención.",
                "Предотвращать пытки во всех местах лишения свободы.",
                "منع التعذيب في جميع أماكن الاحتجاز.",
                "在所有拘留场所防止酷刑。",
            ],
        ),
        (
            "UPR-2",
            "A/HRC/52/11",
            "children",
            [
                "End child marriage and early marriages.",
                "Mettre fin aux mariages d'enfants et aux mariages précoces.",
                "Poner fin al matrimonio infantil y al matrimonio precoz.",
                "Покончить с практикой детских и ранних браков.",
                "إنهاء زواج الأطفال والزواج المبكر.",
                "消除童婚和早婚。",
            ],
        ),
        (
            "UPR-3",
            "A/HRC/52/11",
            "children",
            [
                "Guarantee inclusive education for every child.",
                "Garantir une éducation inclusive pour chaque enfant.",
                "Garantizar una educación inclusiva para cada niño.",
                "Гарантировать инклюзивное образование каждому ребенку.",
                "ضمان التعليم الشامل لكل طفل.",
                "保障每个儿童的全纳教育。",
            ],
        ),
        (
            "CAT-14",
            "CAT/C/X/CO/2",
            "torture",
            [
                "Investigate every allegation of torture promptly.",
                "Enquêter sans délai sur toute allégation de torture.",
                "Investigar con prontitud toda denuncia de tortura.",
                "Незамедлительно расследовать каждое заявление о пытках.",
                "التحقيق الفوري في كل ادعاء بالتعذيب.",
                "迅速调查每一项酷刑指控。",
            ],
        ),
    ];
    let mut csv = String::from("id,document,themes");
    for (code, _) in langs {
        csv.push_str(&format!(",text_{code}"));
    }
    csv.push('\n');
    for (id, document, theme, texts) in rows {
        csv.push_str(&format!("{id},{document},{theme}"));
        for text in texts {
            csv.push_str(&format!(",\"{text}\""));
        }
        csv.push('\n');
    }
    std::fs::write(root.join("data/recommendations.csv"), csv).expect("recommendations");
    docket::write_default_theme(&root.join("themes/default")).expect("theme");
}

/// Posting lists cut into tiny segments: the first search of a frequent word reads only its
/// first segments and still shows the same 10 best as reading everything, for one word, for
/// several, for prefixes and with symbols.
#[test]
fn first_search_reads_less_and_finds_the_same_best() {
    if !node_available() {
        return;
    }
    let dir = tempfile::tempdir().expect("temp");
    docket::synth_portal(
        dir.path(),
        &docket::SynthOptions {
            recommendations: 800,
            languages: vec!["en".into(), "fr".into()],
            seed: 5,
        },
    )
    .expect("synth");
    let out = tempfile::tempdir().expect("temp");
    let site = out.path().join("site");
    common::build(dir.path(), &site).expect("build");
    // The index cut into segments of 48 bytes, then 96, 192, ...: as built (the synthetic
    // texts are all of one length, so nearly all impacts are alike and ties are many) and
    // with impacts spread over every level.
    for spread in [false, true] {
        let portal = docket::load_portal(dir.path(), None).expect("valid portal");
        let pages = Site::new(&portal.dataset, &portal.i18n);
        let layout = docket::SearchLayout {
            first_segment_bytes: 48,
        };
        let mut indexes = std::collections::BTreeMap::new();
        for lang in ["en", "fr"] {
            std::fs::remove_dir_all(site.join("search").join(lang)).expect("remove");
            let mut index = docket::build_search_index(&pages, lang);
            for (t, term) in index.terms.iter_mut().enumerate().filter(|_| spread) {
                for (entry, impact) in &mut term.postings {
                    let mix = (u64::from(*entry) * 2_654_435_761 + t as u64 * 40_503) >> 11;
                    *impact = 1 + (mix % 15) as u8;
                }
            }
            for (path, bytes) in docket::search_index_files(&index, &layout) {
                let file = site.join(path);
                std::fs::create_dir_all(file.parent().expect("parent")).expect("dir");
                std::fs::write(file, bytes).expect("write");
            }
            indexes.insert(lang, index);
        }
        let cases = vec![
            ("en", "torture", vec![]),
            ("en", "rights", vec![]),
            ("en", "rural areas", vec![]),
            ("en", "judiciary independence", vec![]),
            ("en", "women rights", vec![]),
            ("en", "children education", vec![]),
            ("en", "national human rights", vec![]),
            ("en", "tort", vec![]),
            ("en", "rights r", vec![]),
            ("en", "X/12/CO/5 rights", vec![]),
            ("en", "R123 rights", vec![]),
            ("en", "rural", vec![("mechanism", "M2")]),
            ("fr", "droits de l'enfant", vec![]),
            ("fr", "droits", vec![]),
            ("fr", "just", vec![]),
            ("fr", "protection des droits", vec![]),
            ("en", "\"human rights\"", vec![]),
            ("en", "\"national human rights\" -rural", vec![]),
            ("en", "rights -children", vec![]),
            ("en", "rural OR children", vec![]),
            ("en", "rigths", vec![]),
            ("en", "childern educaton", vec![]),
            ("fr", "droits OR enfant", vec![]),
        ];
        // And every pair of the 24 most frequent words, whole and the second being typed.
        let en = &indexes["en"];
        let mut frequent: Vec<&(String, u32)> = en
            .vocab
            .iter()
            .filter(|(surface, term)| {
                *term != u32::MAX
                    && surface.len() > 3
                    && surface.chars().all(|c| c.is_ascii_lowercase())
            })
            .collect();
        frequent.sort_by_key(|(surface, term)| {
            (
                std::cmp::Reverse(en.terms[*term as usize].postings.len()),
                surface.clone(),
            )
        });
        frequent.dedup_by_key(|(_, term)| *term);
        let words: Vec<String> = frequent.iter().take(24).map(|(s, _)| s.clone()).collect();
        let mut pairs = Vec::new();
        for (i, a) in words.iter().enumerate() {
            for b in &words[i + 1..] {
                pairs.push(format!("{a} {b}"));
                pairs.push(format!("{a} {}", &b[..3]));
            }
        }
        let cases: Vec<Case> = cases
            .into_iter()
            .chain(pairs.iter().map(|q| ("en", q.as_str(), vec![])))
            .collect();
        let node = node_answers(&site, &cases);
        let rust = cases
            .iter()
            .map(|case| rust_answer(&indexes[case.0], case))
            .collect();
        let firsts = compare(&cases, rust, node);
        let early: Vec<_> = cases
            .iter()
            .zip(&firsts)
            .filter(|(_, f)| f["complete"] == json!(false))
            .collect();
        assert!(
            early.len() >= 60,
            "only {} first searches stopped early: {firsts:?}",
            early.len()
        );
        for (case, first) in early {
            assert!(
                first["postings"].as_u64() < first["all_postings"].as_u64(),
                "{case:?} read every postings file: {first}"
            );
        }
        // One frequent word with the filters open: exact count and facet counts from its
        // histogram, no facet block read, postings read only as far as the 10 best need.
        let precounted = firsts
            .iter()
            .filter(|f| {
                let panel = &f["panel"];
                panel["exact"] == json!(true)
                    && panel["complete"] == json!(false)
                    && panel["blocks"] == json!(0)
            })
            .count();
        assert!(precounted >= 5, "{precounted} searches used histograms");
        // Several frequent words with the filters open: facet counts estimated from their
        // histograms, the count exact from their sets, no facet block read.
        let estimated = firsts
            .iter()
            .filter(|f| {
                let panel = &f["panel"];
                panel["estimated"] == json!(true)
                    && panel["exact"] == json!(true)
                    && panel["blocks"] == json!(0)
            })
            .count();
        assert!(
            estimated >= 200,
            "{estimated} searches estimated their counts"
        );
        // An exclusion reads the sets of its frequent terms, never their postings.
        let excluding: Vec<_> = cases
            .iter()
            .zip(&firsts)
            .filter(|(_, f)| f["excluded_frequent"].as_u64() > Some(0))
            .collect();
        assert!(excluding.len() >= 2, "{excluding:?}");
        for (case, first) in excluding {
            assert_eq!(first["excluded_segments"], json!(0), "{case:?}: {first}");
        }
        // With a filter the first search reads everything, to count exactly.
        assert_eq!(firsts[11]["complete"], json!(true));
    }
}
