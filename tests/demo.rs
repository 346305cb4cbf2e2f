//! The demo portal in this repository: valid, complete, and as rich as the foundation promises.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

use common::*;

fn demo() -> docket::Portal {
    docket::load_portal(&repo_root(), None).expect("the demo portal is valid")
}

#[test]
fn the_demo_portal_has_the_promised_breadth() {
    let data = demo().dataset;
    assert!(data.recommendations.len() >= 150);
    let mechanisms_with_recommendations = data
        .mechanisms
        .iter()
        .filter(|m| !m.recommendations.is_empty())
        .count();
    assert!(mechanisms_with_recommendations >= 8);
    let upr_cycles: std::collections::BTreeSet<u32> = data
        .documents
        .iter()
        .filter(|d| !d.recommendations.is_empty())
        .filter_map(|d| d.cycle)
        .collect();
    assert!(upr_cycles.len() >= 2, "two UPR cycles: {upr_cycles:?}");
    let treaty_bodies = data
        .mechanisms
        .iter()
        .filter(|m| m.kind == docket::MechanismKind::TreatyBody && !m.recommendations.is_empty())
        .count();
    assert!(treaty_bodies >= 5);
    for kind in [
        docket::MechanismKind::SpecialProcedure,
        docket::MechanismKind::Regional,
        docket::MechanismKind::National,
    ] {
        assert!(
            data.mechanisms
                .iter()
                .any(|m| m.kind == kind && !m.recommendations.is_empty()),
            "{kind:?}"
        );
    }
    assert!(data.institutions.len() >= 12);
    assert!(data.themes.len() >= 15);
    assert!(data.actions.len() >= 30);
    assert!(data.status_updates.len() >= 100);
    let disagreements = data
        .recommendations
        .iter()
        .filter(|r| matches!((r.effective.government, r.effective.nhri), (Some(g), Some(n)) if g.status != n.status))
        .count();
    assert!(
        disagreements >= 5,
        "only {disagreements} recommendations where the NHRI disagrees"
    );
    for lang in ["fr", "es", "ar"] {
        let missing = data
            .recommendations
            .iter()
            .filter(|r| !r.text.0.contains_key(lang))
            .count();
        assert!(
            missing > 0 && missing < data.recommendations.len() / 3,
            "{lang}: {missing} missing translations"
        );
    }
    // Russian and Chinese cover part of the data; the rest shows the fallback notice.
    for lang in ["ru", "zh"] {
        let translated = data
            .recommendations
            .iter()
            .filter(|r| r.text.0.contains_key(lang))
            .count();
        assert!(translated >= 30, "{lang}: only {translated} translations");
    }
}

/// The six UN languages, as the demo declares them.
const LANGUAGES: [&str; 6] = ["en", "fr", "es", "ar", "ru", "zh"];
const BASE_URL: &str = "https://rights.meridia.example/";

/// The demo, built once for every test of this file: pages per language and the output files.
struct BuiltDemo {
    pages_per_language: BTreeMap<String, usize>,
    tree: BTreeMap<String, Vec<u8>>,
}

fn built_demo() -> &'static BuiltDemo {
    static BUILT: OnceLock<BuiltDemo> = OnceLock::new();
    BUILT.get_or_init(|| {
        let out = tempfile::tempdir().unwrap();
        let summary = build(&repo_root(), &out.path().join("site")).expect("the demo builds");
        BuiltDemo {
            pages_per_language: summary.stats.pages_per_language,
            tree: read_tree(&out.path().join("site")),
        }
    })
}

fn page<'a>(tree: &'a BTreeMap<String, Vec<u8>>, path: &str) -> &'a str {
    std::str::from_utf8(
        tree.get(path)
            .unwrap_or_else(|| panic!("{path} was not built")),
    )
    .expect("utf-8")
}

#[test]
fn the_demo_builds_every_recommendation_in_every_language_with_working_links() {
    let BuiltDemo {
        pages_per_language,
        tree,
    } = built_demo();
    let data = demo().dataset;
    for lang in LANGUAGES {
        assert!(pages_per_language[lang] > 300, "{lang}");
        for r in &data.recommendations {
            assert!(
                tree.contains_key(&format!("{lang}/recommendations/{}/index.html", r.key.slug)),
                "{lang} {}",
                r.key.id
            );
        }
    }
    let checked = assert_internal_links_resolve(tree);
    assert!(checked > 50_000, "only {checked} links");
}

/// The `hreflang` alternates in a page's head: language code to absolute address.
fn head_alternates(html: &str) -> BTreeMap<String, String> {
    html.lines()
        .filter(|l| l.starts_with("<link rel=\"alternate\" hreflang="))
        .map(|l| {
            let lang = attribute_values(l, "hreflang")[0].to_string();
            (lang, attribute_values(l, "href")[0].to_string())
        })
        .collect()
}

#[test]
fn every_demo_page_lists_all_six_languages_and_x_default_reciprocally() {
    let tree = &built_demo().tree;
    let expected: BTreeSet<String> = LANGUAGES
        .iter()
        .map(|l| l.to_string())
        .chain(["x-default".to_string()])
        .collect();
    let mut checked = 0;
    for (path, bytes) in tree {
        let Some(lang) = LANGUAGES
            .iter()
            .find(|l| path.starts_with(&format!("{l}/")))
        else {
            continue;
        };
        let html = std::str::from_utf8(bytes).expect("utf-8");
        if !path.ends_with("index.html") || html.contains("http-equiv=\"refresh\"") {
            continue;
        }
        let alternates = head_alternates(html);
        let langs: BTreeSet<String> = alternates.keys().cloned().collect();
        assert_eq!(langs, expected, "{path}");
        let own = format!("{BASE_URL}{}", path.trim_end_matches("index.html"));
        assert_eq!(alternates[*lang], own, "{path} does not list itself");
        assert_eq!(alternates["x-default"], alternates["en"], "{path}");
        for other in LANGUAGES {
            let rel = alternates[other].strip_prefix(BASE_URL).expect("absolute");
            let back = head_alternates(page(tree, &format!("{rel}index.html")));
            assert_eq!(back.get(*lang), Some(&own), "{other} version of {path}");
        }
        checked += 1;
    }
    assert!(checked > 6 * 300, "only {checked} pages");
}

#[test]
fn the_demo_language_menu_links_each_page_to_its_six_versions() {
    let tree = &built_demo().tree;
    let html = page(tree, "zh/recommendations/upr3-110-1/index.html");
    let start = html
        .find("<nav class=\"lang-switch\"")
        .expect("language menu");
    let menu = &html[start..start + html[start..].find("</nav>").unwrap()];
    for (lang, name) in [
        ("en", "English"),
        ("fr", "Français"),
        ("es", "Español"),
        ("ar", "العربية"),
        ("ru", "Русский"),
        ("zh", "中文"),
    ] {
        let href = format!("../../../{lang}/recommendations/upr3-110-1/");
        assert!(
            menu.contains(&format!(
                "href=\"{href}\" hreflang=\"{lang}\" lang=\"{lang}\""
            )),
            "{lang}: {menu}"
        );
        assert!(menu.contains(&format!(">{name}</a>")), "{name}: {menu}");
        assert!(tree.contains_key(&format!("{lang}/recommendations/upr3-110-1/index.html")));
    }
    assert!(menu.contains("aria-current=\"page\">中文</a>"), "{menu}");
}

#[test]
fn the_demo_sitemap_lists_every_address_and_each_page_names_six_alternates_and_x_default() {
    let tree = &built_demo().tree;
    let sitemap = page(tree, "sitemap.xml");
    let mut urls = 0;
    for entry in sitemap.split("<url>").skip(1) {
        let loc = entry
            .split("<loc>")
            .nth(1)
            .unwrap()
            .split("</loc>")
            .next()
            .unwrap();
        let path = loc.strip_prefix(BASE_URL).expect("absolute");
        let html = page(tree, &format!("{path}index.html"));
        let head = &html[..html.find("</head>").expect("a head")];
        let alternates: BTreeSet<&str> = attribute_values(head, "hreflang").into_iter().collect();
        assert_eq!(
            alternates,
            BTreeSet::from(["ar", "en", "es", "fr", "ru", "x-default", "zh"]),
            "{loc}"
        );
        urls += 1;
    }
    assert!(urls > 6 * 300, "only {urls} addresses");
}

#[test]
fn russian_and_chinese_pages_show_their_translations_and_mark_the_fallbacks() {
    let tree = &built_demo().tree;
    let ru = page(tree, "ru/recommendations/upr3-110-1/index.html");
    assert!(ru.contains("<html lang=\"ru\" dir=\"ltr\">"));
    assert!(
        ru.contains("<blockquote class=\"rec-text\"><p>Ратифицировать Факультативный протокол"),
        "{ru}"
    );
    let zh = page(tree, "zh/recommendations/upr4-118-32/index.html");
    assert!(zh.contains("<blockquote class=\"rec-text\"><p>保障受里奥克拉罗河流域采矿污染影响的社区获得安全饮用水"), "{zh}");
    let untranslated = page(tree, "zh/recommendations/upr3-110-30/index.html");
    assert!(untranslated.contains("<blockquote class=\"rec-text\" lang=\"en\" dir=\"ltr\">"));
    assert!(untranslated.contains("class=\"fallback-note\""));
    let home = page(tree, "zh/index.html");
    assert!(home.contains("梅里迪亚人权追踪"), "{home}");
    assert!(home.contains("本门户就每一项建议说明国家作出了什么承诺"));
    let about = page(tree, "ru/about/index.html");
    assert!(
        about.contains("<h1>О портале</h1>") || about.contains(">О портале</h1>"),
        "{about}"
    );
    assert!(about.contains("Выполнена частично"));
}
