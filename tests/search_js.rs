//! The browser's search client (run in Node) and the Rust side agree: same hits, same order,
//! same scores, same facet counts, for a fixed set of queries in each language.
//!
//! Skips with a message when `node` is missing, unless DOCKET_REQUIRE_NODE=1 (CI).

#[path = "search_node/agree.rs"]
mod agree;
mod common;

use std::path::Path;

use agree::{Case, compare, node_answers, node_available, rust_answer};
use docket::Site;
use docket::{LanguageIndex, Query};
use serde_json::Value;

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

/// Checks that both sides agree; returns Node's first searches (see `compare`).
fn agree(root: &Path, cases: &[Case]) -> Vec<Value> {
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
    compare(cases, rust, node)
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
        ("en", "rural areas", vec![("mechanism", "M2")]),
        ("en", "rights -rural", vec![("response", "supported")]),
        ("en", "human rights", vec![("theme", "T5"), ("theme", "T6")]),
        (
            "en",
            "",
            vec![("mechanism", "M2"), ("response", "supported")],
        ),
        ("en", "", vec![("mechanism", "M2")]),
        ("en", "-rural", vec![]),
    ];
    let firsts = agree(dir.path(), &cases);
    // A filter on frequent words (or on nothing) is counted from the sets and histograms of
    // its terms and values: no facet block is read.
    for (case, first) in cases.iter().zip(&firsts).skip(12) {
        assert_eq!(first["panel"]["estimated"], true, "{case:?}");
        assert_eq!(first["panel"]["blocks"], 0, "{case:?}: {first}");
        assert_eq!(first["panel"]["exact"], true, "{case:?}: exact total");
    }
    // A query without words lists its first page straight from the sets: the exact count
    // at once, the rest of the list left for "Show more", no postings read.
    let wordless = cases
        .iter()
        .zip(&firsts)
        .filter(|(c, _)| c.1.is_empty() || c.1.starts_with('-'));
    for (case, first) in wordless {
        assert_eq!(first["total"], first["panel"]["total"], "{case:?}: {first}");
        assert_eq!(first["complete"], false, "{case:?}: {first}");
        if case.1.is_empty() {
            assert_eq!(first["postings"], 0, "{case:?}: {first}");
        }
    }
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
