//! A list row is rendered once per recommendation and language, by the theme's
//! `partials/rec_row.html`, and so is a cluster row (`partials/cluster_row.html`, the other
//! members of a cluster on a recommendation's page); a portal can override either like any
//! other template. Each language's menus are built once too and shared by its pages, and
//! rendered once per current item by `partials/main_nav.html` and `partials/footer_nav.html`.

mod common;

use common::*;

const OWN_ROW: &str = "<li class=\"own-row\"><a href=\"{{ page.root }}{{ r.href }}\">{{ r.id }}</a> \
     {{ r.date | date }} {{ t(key=\"status-unreported\") }}</li>\n";

#[test]
fn a_portal_row_template_shows_in_every_list_with_links_from_each_page() {
    let portal = fixture("minimal");
    std::fs::create_dir_all(portal.path().join("templates/partials")).unwrap();
    std::fs::write(
        portal.path().join("templates/partials/rec_row.html"),
        OWN_ROW,
    )
    .unwrap();
    let out = portal.path().join("public");
    build(portal.path(), &out).expect("builds");
    let tree = read_tree(&out);
    // Lists at several depths: all recommendations, its page 2, a term's page, in two
    // languages; each row's link starts from its own page.
    // Three recommendations, two a page; two of them on torture.
    for (page, expected) in [
        ("en/recommendations/index.html", 2),
        ("en/recommendations/page/2/index.html", 1),
        ("en/themes/torture/index.html", 2),
        ("ar/themes/torture/index.html", 2),
    ] {
        let html = std::str::from_utf8(&tree[page]).unwrap();
        let rows = html.matches("<li class=\"own-row\">").count();
        assert_eq!(rows, expected, "{page}");
        assert!(!html.contains('\0'), "{page} has no root mark left");
    }
    let arabic = std::str::from_utf8(&tree["ar/themes/torture/index.html"]).unwrap();
    assert!(
        arabic.contains("href=\"../../../ar/recommendations/"),
        "{arabic}"
    );
    assert!(assert_internal_links_resolve(&tree) > 0);
}

const OWN_CLUSTER_ROW: &str = "<li class=\"own-cluster-row\"><a href=\"{{ page.root }}{{ r.href }}\">\
     {{ r.id }}</a> {{ t(key=\"views-by\", who=\"x\") }}</li>";

#[test]
fn a_portal_cluster_row_template_shows_the_other_members_with_links_from_each_page() {
    let portal = fixture("minimal");
    std::fs::create_dir_all(portal.path().join("templates/partials")).unwrap();
    std::fs::write(
        portal.path().join("templates/partials/cluster_row.html"),
        OWN_CLUSTER_ROW,
    )
    .unwrap();
    let out = portal.path().join("public");
    build(portal.path(), &out).expect("builds");
    let tree = read_tree(&out);
    // UPR4-118.1 and CAT-CO2-14 are the cluster's two members: each page lists the other.
    for (page, other) in [
        ("en/recommendations/upr4-118-1/index.html", "cat-co2-14"),
        ("ar/recommendations/upr4-118-1/index.html", "cat-co2-14"),
        ("en/recommendations/cat-co2-14/index.html", "upr4-118-1"),
    ] {
        let html = std::str::from_utf8(&tree[page]).unwrap();
        assert_eq!(
            html.matches("<li class=\"own-cluster-row\">").count(),
            1,
            "{page}"
        );
        let lang = &page[..2];
        let link = format!("href=\"../../../{lang}/recommendations/{other}/\"");
        assert!(html.contains(&link), "{page}: {html}");
        assert!(!html.contains('\0'), "{page} has no root mark left");
    }
    let alone = std::str::from_utf8(&tree["en/recommendations/upr4-118-2/index.html"]).unwrap();
    assert!(
        !alone.contains("own-cluster-row"),
        "not in a cluster: no cluster rows"
    );
    assert!(assert_internal_links_resolve(&tree) > 0);
}

#[test]
fn a_broken_row_template_fails_check_and_build_at_its_line_and_writes_nothing() {
    let portal = fixture("minimal");
    std::fs::create_dir_all(portal.path().join("templates/partials")).unwrap();
    std::fs::write(
        portal.path().join("templates/partials/rec_row.html"),
        "<li>\n{{ r.no_such_field.deeper }}</li>\n",
    )
    .unwrap();
    let problems = diagnostics_of(docket::check(portal.path(), None));
    assert_eq!(problems[0].file, "templates/partials/rec_row.html");
    assert_eq!(problems[0].line, 2);
    let out = portal.path().join("public");
    let problems = diagnostics_of(build(portal.path(), &out));
    assert_eq!(problems[0].file, "templates/partials/rec_row.html");
    assert!(!out.exists(), "a failed build writes no output folder");
}

/// The main menu of `html`: the `<nav class="main-nav">` element.
fn main_menu(html: &str) -> &str {
    let start = html.find("<nav class=\"main-nav\"").expect("a main menu");
    let end = start + html[start..].find("</nav>").expect("the menu ends");
    &html[start..end]
}

#[test]
fn the_menu_shared_by_a_language_s_pages_marks_the_current_section_of_each_page() {
    let portal = fixture("minimal");
    let out = portal.path().join("public");
    build(portal.path(), &out).expect("builds");
    let tree = read_tree(&out);
    for (page, current) in [
        ("en/index.html", "../en/\""),
        (
            "en/recommendations/upr4-118-1/index.html",
            "../../../en/recommendations/\"",
        ),
        (
            "ar/recommendations/upr4-118-1/index.html",
            "../../../ar/recommendations/\"",
        ),
        ("ar/themes/torture/index.html", "../../../ar/themes/\""),
    ] {
        let menu = main_menu(std::str::from_utf8(&tree[page]).unwrap());
        assert_eq!(
            menu.matches("aria-current=\"page\"").count(),
            1,
            "{page}: {menu}"
        );
        let marked = format!("{current} aria-current=\"page\"");
        assert!(menu.contains(&marked), "{page}: {menu}");
        let lang = &page[..2];
        let other = if lang == "en" { "/ar/" } else { "/en/" };
        assert!(
            !menu.contains(other),
            "{page}'s menu is its own language's: {menu}"
        );
    }
}

const OWN_MENU: &str = "<ul class=\"own-menu\">{% for item in nav %}<li><a href=\"{{ page.root }}\
     {{ item.href }}\"{% if item.current %} class=\"here\"{% endif %}>{{ item.label }}</a></li>\
     {% endfor %}</ul>";

#[test]
fn a_portal_menu_template_shows_on_every_page_with_links_from_each_page() {
    let portal = fixture("minimal");
    std::fs::create_dir_all(portal.path().join("templates/partials")).unwrap();
    std::fs::write(
        portal.path().join("templates/partials/main_nav.html"),
        OWN_MENU,
    )
    .unwrap();
    let out = portal.path().join("public");
    build(portal.path(), &out).expect("builds");
    let tree = read_tree(&out);
    // Pages at several depths, in two languages, with and without a current item: the menu
    // rendered once per language and current item carries each page's own root prefix.
    for (page, current) in [
        ("en/index.html", Some("../en/\"")),
        (
            "en/recommendations/upr4-118-1/index.html",
            Some("../../../en/recommendations/\""),
        ),
        (
            "ar/recommendations/upr4-118-1/index.html",
            Some("../../../ar/recommendations/\""),
        ),
        (
            "ar/themes/torture/index.html",
            Some("../../../ar/themes/\""),
        ),
        ("en/data/index.html", None),
    ] {
        let html = std::str::from_utf8(&tree[page]).unwrap();
        let menu = main_menu(html);
        assert!(menu.contains("<ul class=\"own-menu\">"), "{page}: {menu}");
        assert!(!html.contains('\0'), "{page} has no root mark left");
        let here = menu.matches(" class=\"here\"").count();
        match current {
            Some(current) => {
                assert_eq!(here, 1, "{page}: {menu}");
                assert!(
                    menu.contains(&format!("{current} class=\"here\"")),
                    "{page}: {menu}"
                );
            }
            None => assert_eq!(here, 0, "{page}: {menu}"),
        }
    }
    assert!(assert_internal_links_resolve(&tree) > 0);
}

#[test]
fn a_broken_menu_template_fails_check_and_build_at_its_line_and_writes_nothing() {
    let portal = fixture("minimal");
    std::fs::create_dir_all(portal.path().join("templates/partials")).unwrap();
    std::fs::write(
        portal.path().join("templates/partials/footer_nav.html"),
        "<ul>\n{{ nav.no_such_field.deeper }}</ul>",
    )
    .unwrap();
    let problems = diagnostics_of(docket::check(portal.path(), None));
    assert_eq!(problems[0].file, "templates/partials/footer_nav.html");
    assert_eq!(problems[0].line, 2);
    let out = portal.path().join("public");
    let problems = diagnostics_of(build(portal.path(), &out));
    assert_eq!(problems[0].file, "templates/partials/footer_nav.html");
    assert!(!out.exists(), "a failed build writes no output folder");
}

#[test]
fn the_footer_menu_is_on_the_pages_people_arrive_at_not_on_recommendation_pages_or_later_pages() {
    let portal = fixture("minimal");
    let out = portal.path().join("public");
    build(portal.path(), &out).expect("builds");
    let tree = read_tree(&out);
    let html = |path: &str| std::str::from_utf8(&tree[path]).unwrap().to_string();
    for lang in ["en", "ar"] {
        let footer = |path: &str| html(&format!("{lang}/{path}")).contains("<footer");
        let footer_menu = |path: &str| {
            let page = html(&format!("{lang}/{path}"));
            let footer = page.split("<footer").nth(1).unwrap().to_string();
            footer.contains("<nav aria-label=")
        };
        for path in [
            "index.html",
            "recommendations/index.html",
            "themes/torture/index.html",
        ] {
            assert!(footer_menu(path), "{lang}/{path} has the footer menu");
        }
        // A recommendation's page: the main menu marks its section and the site title
        // leads home, so neither breadcrumbs nor the footer menu repeat them.
        let rec = "recommendations/upr4-118-1/index.html";
        assert!(footer(rec) && !footer_menu(rec), "{lang}/{rec}");
        assert!(!html(&format!("{lang}/{rec}")).contains("class=\"breadcrumbs\""));
        assert!(html(&format!("{lang}/{rec}")).contains("aria-current=\"page\""));
        let later = "recommendations/page/2/index.html";
        assert!(footer(later) && !footer_menu(later), "{lang}/{later}");
    }
}
