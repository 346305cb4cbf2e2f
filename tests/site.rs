//! A built portal: every page exists in every language, links resolve, alternates are complete,
//! builds are deterministic and all-or-nothing.

mod common;

use std::collections::{BTreeMap, BTreeSet};

use common::*;

fn built_fixture() -> (tempfile::TempDir, BTreeMap<String, Vec<u8>>) {
    let portal = fixture("minimal");
    let output = portal.path().join("public");
    build(portal.path(), &output).expect("fixture builds");
    let tree = read_tree(&output);
    (portal, tree)
}

fn html<'a>(tree: &'a BTreeMap<String, Vec<u8>>, path: &str) -> &'a str {
    std::str::from_utf8(
        tree.get(path)
            .unwrap_or_else(|| panic!("{path} was not built")),
    )
    .expect("utf-8")
}

#[test]
fn every_recommendation_has_a_page_in_every_language() {
    let (_portal, tree) = built_fixture();
    for lang in ["en", "ar"] {
        for slug in ["upr4-118-1", "upr4-118-2", "cat-co2-14"] {
            let page = html(&tree, &format!("{lang}/recommendations/{slug}/index.html"));
            assert!(
                page.contains(&format!("<html lang=\"{lang}\"")),
                "{lang}/{slug}"
            );
        }
    }
}

#[test]
fn every_internal_link_resolves() {
    let (_portal, tree) = built_fixture();
    let checked = assert_internal_links_resolve(&tree);
    assert!(checked > 500, "only {checked} links were checked");
}

#[test]
fn not_found_page_links_from_the_base_url_path() {
    let (_portal, tree) = built_fixture();
    let page = html(&tree, "404.html");
    assert!(
        page.contains("href=\"/portal/static/docket.css\""),
        "{page}"
    );
    assert!(page.contains("href=\"/portal/en/\""));
}

#[test]
fn hreflang_sets_are_complete_and_reciprocal() {
    let (_portal, tree) = built_fixture();
    let mut pages_with_alternates = 0;
    for (path, bytes) in &tree {
        if !(path.starts_with("en/") || path.starts_with("ar/")) || !path.ends_with("index.html") {
            continue;
        }
        let page = std::str::from_utf8(bytes).expect("utf-8");
        if page.contains("http-equiv=\"refresh\"") {
            continue;
        }
        let alternates: BTreeSet<(String, String)> = page
            .lines()
            .filter(|l| l.starts_with("<link rel=\"alternate\" hreflang="))
            .map(|l| {
                let values = attribute_values(l, "hreflang");
                let hrefs = attribute_values(l, "href");
                (values[0].to_string(), hrefs[0].to_string())
            })
            .collect();
        let langs: BTreeSet<&str> = alternates.iter().map(|(l, _)| l.as_str()).collect();
        assert_eq!(langs, BTreeSet::from(["ar", "en", "x-default"]), "{path}");
        let own = format!(
            "https://fixture.example/portal/{}",
            path.trim_end_matches("index.html")
        );
        assert!(
            alternates.iter().any(|(_, href)| *href == own),
            "{path} does not list itself"
        );
        for (lang, href) in &alternates {
            let other = href
                .strip_prefix("https://fixture.example/portal/")
                .expect("absolute alternate");
            let other_page = html(&tree, &format!("{other}index.html"));
            assert!(
                other_page.contains(&format!("hreflang=\"{}\" href=\"{own}\"", &path[..2])),
                "{lang} version of {path} does not point back"
            );
        }
        pages_with_alternates += 1;
    }
    assert!(pages_with_alternates > 40);
}

#[test]
fn arabic_pages_are_right_to_left_and_english_left_to_right() {
    let (_portal, tree) = built_fixture();
    assert!(
        html(&tree, "ar/index.html").starts_with("<!doctype html>\n<html lang=\"ar\" dir=\"rtl\">")
    );
    assert!(
        html(&tree, "en/index.html").starts_with("<!doctype html>\n<html lang=\"en\" dir=\"ltr\">")
    );
}

#[test]
fn missing_translation_falls_back_with_its_language_and_a_notice() {
    let (_portal, tree) = built_fixture();
    let page = html(&tree, "ar/recommendations/upr4-118-2/index.html");
    assert!(page.contains("<blockquote class=\"rec-text\" lang=\"en\" dir=\"ltr\"><p>Abolish the death penalty, in law and in practice.</p></blockquote>"), "{page}");
    assert!(page.contains("class=\"fallback-note\""));
    let translated = html(&tree, "ar/recommendations/upr4-118-1/index.html");
    assert!(translated.contains("<blockquote class=\"rec-text\"><p>التصديق على البروتوكول"));
    let method = html(&tree, "ar/method/index.html");
    assert!(method.contains("lang=\"en\" dir=\"ltr\""), "{method}");
}

#[test]
fn data_is_escaped_and_markdown_is_sanitised() {
    let (_portal, tree) = built_fixture();
    let page = html(&tree, "en/recommendations/cat-co2-14/index.html");
    assert!(
        page.contains("&lt;script&gt;alert(1)&lt;&#x2F;script&gt;")
            || page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "{page}"
    );
    // Pages and feeds are markup; JSON and CSV downloads carry the text as data.
    for (path, bytes) in tree
        .iter()
        .filter(|(p, _)| p.ends_with(".html") || p.ends_with(".xml"))
    {
        let text = String::from_utf8_lossy(bytes);
        assert!(
            !text.contains("<script>alert"),
            "{path} carries an injected script"
        );
    }
}

#[test]
fn old_ids_redirect_to_the_current_page() {
    let (_portal, tree) = built_fixture();
    let page = html(&tree, "en/recommendations/upr4-118-001/index.html");
    assert!(page.contains("<meta http-equiv=\"refresh\" content=\"0; url=../../../en/recommendations/upr4-118-1/\">"), "{page}");
    let redirects = html(&tree, "_redirects");
    assert!(
        redirects.contains(
            "/portal/en/recommendations/upr4-118-001/ /portal/en/recommendations/upr4-118-1/ 301"
        ),
        "{redirects}"
    );
}

#[test]
fn term_pages_paginate_long_lists() {
    let (_portal, tree) = built_fixture();
    // per_page = 2 and three recommendations: two pages for the whole list.
    assert!(tree.contains_key("en/recommendations/page/2/index.html"));
    assert!(!tree.contains_key("en/recommendations/page/3/index.html"));
    let first = html(&tree, "en/recommendations/index.html");
    assert!(first.contains("rel=\"next\""));
}

#[test]
fn two_builds_of_the_same_input_are_byte_identical() {
    let portal = fixture("minimal");
    build(portal.path(), &portal.path().join("one")).expect("first build");
    build(portal.path(), &portal.path().join("two")).expect("second build");
    let (one, two) = (
        read_tree(&portal.path().join("one")),
        read_tree(&portal.path().join("two")),
    );
    assert_eq!(
        one.keys().collect::<Vec<_>>(),
        two.keys().collect::<Vec<_>>()
    );
    for (path, bytes) in &one {
        assert!(bytes == &two[path], "{path} differs between builds");
    }
}

#[test]
fn a_failed_build_leaves_the_previous_output_untouched() {
    let portal = fixture("minimal");
    let output = portal.path().join("public");
    build(portal.path(), &output).expect("first build");
    let before = read_tree(&output);
    let recommendations = portal.path().join("data/recommendations.csv");
    let broken = std::fs::read_to_string(&recommendations).unwrap().replace(
        "torture-prevention,UPR4-118.001",
        "no-such-cluster,UPR4-118.001",
    );
    std::fs::write(&recommendations, broken).unwrap();
    assert!(build(portal.path(), &output).is_err());
    assert_eq!(read_tree(&output), before);
    let leftovers: Vec<_> = std::fs::read_dir(portal.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().contains("docket-"))
        .collect();
    assert!(
        leftovers.is_empty(),
        "staging folders left behind: {leftovers:?}"
    );
}

#[test]
fn a_template_error_also_leaves_the_previous_output_untouched() {
    let portal = fixture("minimal");
    let output = portal.path().join("public");
    build(portal.path(), &output).expect("first build");
    let before = read_tree(&output);
    std::fs::create_dir_all(portal.path().join("templates")).unwrap();
    std::fs::write(portal.path().join("templates/recommendation.html"), "{% extends \"base.html\" %}{% block content %}{{ rec.no_such_field.deeper }}{% endblock content %}").unwrap();
    let error = build(portal.path(), &output).expect_err("rendering fails");
    assert!(
        format!("{error:#}").contains("recommendation.html"),
        "{error:#}"
    );
    assert_eq!(read_tree(&output), before);
}

#[test]
fn portal_templates_and_static_files_override_the_theme() {
    let portal = fixture("minimal");
    std::fs::create_dir_all(portal.path().join("templates")).unwrap();
    std::fs::create_dir_all(portal.path().join("static")).unwrap();
    std::fs::write(
        portal.path().join("templates/404.html"),
        "{% extends \"base.html\" %}{% block content %}<h1>Custom 404</h1>{% endblock content %}",
    )
    .unwrap();
    std::fs::write(portal.path().join("static/extra.css"), "body{}").unwrap();
    let output = portal.path().join("public");
    build(portal.path(), &output).expect("build");
    assert!(
        std::fs::read_to_string(output.join("404.html"))
            .unwrap()
            .contains("Custom 404")
    );
    assert!(output.join("static/extra.css").exists());
    assert!(output.join("static/docket.css").exists());
}

#[test]
fn the_data_licence_from_config_reaches_the_data_page_and_the_data_package() {
    let portal = fixture("minimal");
    let config = portal.path().join("config.toml");
    let source = std::fs::read_to_string(&config).unwrap();
    let with_licence = source.replacen(
        "[title]",
        "[license]\nname = \"CC-BY-4.0\"\ntitle = \"Creative Commons Attribution 4.0\"\nurl = \"https://creativecommons.org/licenses/by/4.0/\"\n\n[title]",
        1,
    );
    std::fs::write(&config, with_licence).unwrap();
    let output = portal.path().join("public");
    build(portal.path(), &output).expect("build");
    let page = std::fs::read_to_string(output.join("en/data/index.html")).unwrap();
    assert!(
        page.contains("rel=\"license noopener noreferrer\">Creative Commons Attribution 4.0</a>"),
        "{page}"
    );
    let package: serde_json::Value =
        serde_json::from_slice(&std::fs::read(output.join("data/datapackage.json")).unwrap())
            .unwrap();
    assert_eq!(package["licenses"][0]["name"], "CC-BY-4.0");
}

#[test]
#[cfg(target_os = "linux")]
fn a_killed_builds_staging_folder_is_cleared_by_the_next_build() {
    let portal = fixture("minimal");
    // No process has this id: pids stop well below it.
    let abandoned = portal.path().join(".public.docket-staging-4000000000");
    std::fs::create_dir_all(abandoned.join("en")).unwrap();
    build(portal.path(), &portal.path().join("public")).expect("build");
    assert!(!abandoned.exists());
}

#[test]
fn a_page_carries_one_copy_of_the_main_menu_and_a_recommendation_no_empty_or_repeated_block() {
    let (_portal, tree) = built_fixture();
    for lang in ["en", "ar"] {
        let page = html(
            &tree,
            &format!("{lang}/recommendations/upr4-118-2/index.html"),
        );
        assert_eq!(page.matches("<nav class=\"main-nav\"").count(), 1, "{lang}");
        let menu_link = format!("href=\"../../../{lang}/actions/\"");
        assert_eq!(page.matches(&menu_link).count(), 1, "{lang}: one menu");
        let header = &page[..page.find("</header>").unwrap()];
        assert!(header.contains("<details class=\"wrap menu\">"), "{lang}");
        // UPR4-118.2 has a response and no assessment.
        assert!(
            !page.contains("id=\"assessments\""),
            "{lang}: no empty section"
        );
        assert_eq!(page.matches("class=\"response\"").count(), 1, "{lang}");
    }
    let english = html(&tree, "en/recommendations/upr4-118-2/index.html");
    assert_eq!(english.matches("Noted").count(), 1, "the response once");
    let assessed = html(&tree, "en/recommendations/upr4-118-1/index.html");
    assert!(assessed.contains("id=\"assessments\""), "assessments shown");
}
