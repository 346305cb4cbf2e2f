//! Feeds, sitemap, robots.txt and citation metadata: valid XML with the right entries.

mod common;

use std::collections::{BTreeMap, BTreeSet};

use common::*;
use quick_xml::events::{BytesStart, Event};

/// An XML element, parsed strictly (end tags checked, entities resolved).
#[derive(Debug, Default, Clone)]
struct Element {
    name: String,
    attrs: BTreeMap<String, String>,
    children: Vec<Element>,
    text: String,
}

impl Element {
    fn all<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Element> + 'a {
        self.children.iter().filter(move |c| c.name == name)
    }

    fn one(&self, name: &str) -> &Element {
        let found: Vec<&Element> = self.children.iter().filter(|c| c.name == name).collect();
        assert_eq!(found.len(), 1, "exactly one <{name}> in <{}>", self.name);
        found[0]
    }

    fn attr(&self, name: &str) -> &str {
        self.attrs
            .get(name)
            .unwrap_or_else(|| panic!("<{}> has no {name}", self.name))
    }
}

fn start(e: &BytesStart, decoder: quick_xml::encoding::Decoder) -> Element {
    let mut element = Element {
        name: String::from_utf8(e.name().as_ref().to_vec()).unwrap(),
        ..Element::default()
    };
    for attr in e.attributes() {
        let attr = attr.expect("well-formed attribute");
        element.attrs.insert(
            String::from_utf8(attr.key.as_ref().to_vec()).unwrap(),
            attr.decode_and_unescape_value(decoder)
                .expect("escaped value")
                .into_owned(),
        );
    }
    element
}

fn parse_xml(source: &str) -> Element {
    let mut reader = quick_xml::Reader::from_str(source);
    let mut stack = vec![Element::default()];
    loop {
        match reader
            .read_event()
            .unwrap_or_else(|e| panic!("invalid XML: {e}\n{source}"))
        {
            Event::Start(e) => stack.push(start(&e, reader.decoder())),
            Event::Empty(e) => {
                let element = start(&e, reader.decoder());
                stack.last_mut().unwrap().children.push(element);
            }
            Event::End(_) => {
                let element = stack.pop().unwrap();
                stack.last_mut().expect("balanced").children.push(element);
            }
            Event::Text(t) => stack
                .last_mut()
                .unwrap()
                .text
                .push_str(&t.decode().unwrap()),
            Event::CData(t) => stack
                .last_mut()
                .unwrap()
                .text
                .push_str(&t.decode().unwrap()),
            Event::GeneralRef(r) => {
                let resolved = if r.is_char_ref() {
                    r.resolve_char_ref()
                        .unwrap()
                        .expect("a character")
                        .to_string()
                } else {
                    match r.decode().unwrap().as_ref() {
                        "amp" => "&".into(),
                        "lt" => "<".into(),
                        "gt" => ">".into(),
                        "quot" => "\"".into(),
                        "apos" => "'".into(),
                        other => panic!("undeclared entity &{other};"),
                    }
                };
                stack.last_mut().unwrap().text.push_str(&resolved);
            }
            Event::Eof => break,
            _ => {}
        }
    }
    assert_eq!(stack.len(), 1, "every element is closed");
    let mut document = stack.pop().unwrap();
    assert_eq!(document.children.len(), 1, "one root element");
    document.children.pop().unwrap()
}

fn built() -> (tempfile::TempDir, BTreeMap<String, Vec<u8>>) {
    let portal = fixture("minimal");
    let output = portal.path().join("public");
    build(portal.path(), &output).expect("fixture builds");
    let tree = read_tree(&output);
    (portal, tree)
}

fn file<'a>(tree: &'a BTreeMap<String, Vec<u8>>, path: &str) -> &'a str {
    std::str::from_utf8(
        tree.get(path)
            .unwrap_or_else(|| panic!("{path} was not built")),
    )
    .expect("utf-8")
}

const BASE: &str = "https://fixture.example/portal/";

/// (id, title, updated) of every entry, in order.
fn entries(feed: &Element) -> Vec<(String, String, String)> {
    feed.all("entry")
        .map(|e| {
            (
                e.one("id").text.clone(),
                e.one("title").text.clone(),
                e.one("updated").text.clone(),
            )
        })
        .collect()
}

fn check_atom(feed: &Element, self_path: &str, lang: &str) {
    assert_eq!(feed.name, "feed");
    assert_eq!(feed.attr("xmlns"), "http://www.w3.org/2005/Atom");
    assert_eq!(feed.attr("xml:lang"), lang);
    assert_eq!(feed.one("id").text, format!("{BASE}{self_path}"));
    let links: Vec<&Element> = feed.all("link").collect();
    assert!(
        links
            .iter()
            .any(|l| l.attr("rel") == "self" && l.attr("href") == format!("{BASE}{self_path}"))
    );
    assert!(!feed.one("author").one("name").text.is_empty());
    let ids: Vec<String> = entries(feed).into_iter().map(|e| e.0).collect();
    let unique: BTreeSet<&String> = ids.iter().collect();
    assert_eq!(unique.len(), ids.len(), "entry ids are unique");
    let mut updated: Vec<String> = entries(feed).into_iter().map(|e| e.2).collect();
    if let Some(newest) = updated.first().cloned() {
        assert_eq!(
            feed.one("updated").text,
            newest,
            "the feed is as new as its newest entry"
        );
    }
    let sorted = {
        let mut s = updated.clone();
        s.sort_by(|a, b| b.cmp(a));
        s
    };
    assert_eq!(updated, sorted, "newest first");
    updated.dedup();
    for entry in feed.all("entry") {
        assert!(entry.one("link").attr("href").starts_with(BASE));
        assert!(entry.one("updated").text.ends_with("T00:00:00Z"));
    }
}

fn dataset(portal: &tempfile::TempDir) -> docket::Dataset {
    docket::load_portal(portal.path(), None)
        .expect("fixture loads")
        .dataset
}

/// Entry ids a term feed must hold: its recommendations and their status updates.
fn expected_ids(
    d: &docket::Dataset,
    lang: &str,
    recommendations: &[docket::RecommendationId],
) -> BTreeSet<String> {
    let mut ids = BTreeSet::new();
    for r in recommendations {
        let r = &d.recommendations[r.index()];
        let page = format!("{BASE}{lang}/recommendations/{}/", r.key.slug);
        for u in &r.updates {
            let id = d.status_updates[u.index()]
                .id
                .as_deref()
                .expect("fixture ids");
            ids.insert(format!("{page}#update-{}", docket::slugify(id)));
        }
        ids.insert(page);
    }
    ids
}

#[test]
fn the_updates_feed_lists_every_status_update_newest_first() {
    let (portal, tree) = built();
    let d = dataset(&portal);
    let feed = parse_xml(file(&tree, "en/feeds/updates.xml"));
    check_atom(&feed, "en/feeds/updates.xml", "en");
    let all = entries(&feed);
    assert_eq!(all.len(), d.status_updates.len());
    let newest = d.status_updates.iter().map(|u| u.date).max().unwrap();
    assert_eq!(feed.one("updated").text, format!("{newest}T00:00:00Z"));
    let su4 = feed
        .all("entry")
        .find(|e| e.one("id").text == format!("{BASE}en/actions/act-1/#update-su-4"))
        .expect("the action's update");
    assert_eq!(
        su4.one("title").text,
        "Action ACT-1: In progress (Government)"
    );
    assert_eq!(su4.one("updated").text, "2024-10-01T00:00:00Z");
    assert_eq!(
        su4.one("link").attr("href"),
        format!("{BASE}en/actions/act-1/")
    );
    assert_eq!(su4.one("author").one("name").text, "Ministry of Justice");
    assert_eq!(su4.one("category").attr("term"), "in-progress");
    assert_eq!(su4.one("content").attr("type"), "html");
    assert_eq!(
        su4.one("content").text.trim(),
        "<p>Bill in second reading.</p>"
    );
    let su3 = feed
        .all("entry")
        .find(|e| e.one("id").text == format!("{BASE}en/recommendations/upr4-118-1/#update-su-3"))
        .expect("the NHRI's update");
    assert_eq!(
        su3.one("title").text,
        "Recommendation UPR4-118.1: In progress (National human rights institution)"
    );
    let arabic = parse_xml(file(&tree, "ar/feeds/updates.xml"));
    check_atom(&arabic, "ar/feeds/updates.xml", "ar");
    assert_eq!(arabic.all("entry").count(), d.status_updates.len());
    assert!(arabic.one("title").text.starts_with("متتبع التوصيات"));
    let su2 = arabic
        .all("entry")
        .find(|e| e.one("id").text.ends_with("#update-su-2"))
        .expect("translated update");
    assert_eq!(su2.one("content").attr("xml:lang"), "ar");
}

#[test]
fn the_recommendations_feed_escapes_what_the_data_holds() {
    let (_portal, tree) = built();
    let feed = parse_xml(file(&tree, "en/feeds/recommendations.xml"));
    check_atom(&feed, "en/feeds/recommendations.xml", "en");
    let ids: Vec<String> = entries(&feed).into_iter().map(|e| e.0).collect();
    assert_eq!(
        ids,
        [
            format!("{BASE}en/recommendations/upr4-118-2/"),
            format!("{BASE}en/recommendations/upr4-118-1/"),
            format!("{BASE}en/recommendations/cat-co2-14/"),
        ]
    );
    let cat = feed.all("entry").nth(2).unwrap();
    assert!(
        cat.one("summary")
            .text
            .contains("<script>alert(1)</script> escaped")
    );
    assert!(!file(&tree, "en/feeds/recommendations.xml").contains("<script>"));
    let arabic = parse_xml(file(&tree, "ar/feeds/recommendations.xml"));
    let untranslated = arabic.all("entry").next().unwrap();
    assert_eq!(
        untranslated.one("summary").attr("xml:lang"),
        "en",
        "fallback text is marked"
    );
}

#[test]
fn mechanisms_institutions_and_themes_have_their_own_feeds() {
    let (portal, tree) = built();
    let expected = [
        "mechanisms/upr",
        "mechanisms/cat",
        "institutions/moj",
        "institutions/nhri",
        "themes/civil",
        "themes/torture",
    ];
    for lang in ["en", "ar"] {
        let feeds: BTreeSet<String> = tree
            .keys()
            .filter_map(|p| p.strip_prefix(&format!("{lang}/feeds/")))
            .filter_map(|p| p.strip_suffix(".xml"))
            .map(str::to_string)
            .collect();
        let mut all: BTreeSet<String> = expected.iter().map(|s| s.to_string()).collect();
        all.extend(["updates".to_string(), "recommendations".to_string()]);
        assert_eq!(feeds, all, "{lang}");
        for term in expected {
            let path = format!("{lang}/feeds/{term}.xml");
            check_atom(&parse_xml(file(&tree, &path)), &path, lang);
        }
    }
    let d = dataset(&portal);
    let theme = |id: &str| d.themes.iter().find(|t| t.key.id == id).unwrap();
    let torture = parse_xml(file(&tree, "en/feeds/themes/torture.xml"));
    let ids: BTreeSet<String> = entries(&torture).into_iter().map(|e| e.0).collect();
    assert_eq!(
        ids,
        expected_ids(&d, "en", &theme("torture").recommendations)
    );
    assert!(ids.contains(&format!("{BASE}en/recommendations/upr4-118-1/#update-su-3")));
    let civil = parse_xml(file(&tree, "ar/feeds/themes/civil.xml"));
    let ids: BTreeSet<String> = entries(&civil).into_iter().map(|e| e.0).collect();
    assert_eq!(ids, expected_ids(&d, "ar", &theme("civil").recommendations));
    let nhri = parse_xml(file(&tree, "en/feeds/institutions/nhri.xml"));
    let titles: Vec<String> = entries(&nhri).into_iter().map(|e| e.1).collect();
    assert!(titles.contains(
        &"Recommendation UPR4-118.1: In progress (National human rights institution)".to_string()
    ));
    let moj = parse_xml(file(&tree, "en/feeds/institutions/moj.xml"));
    assert!(
        entries(&moj)
            .iter()
            .any(|e| e.0 == format!("{BASE}en/actions/act-1/#update-su-4")),
        "an institution's feed follows its actions"
    );
    let cat_mechanism = d.mechanisms.iter().find(|m| m.key.id == "CAT").unwrap();
    let cat = parse_xml(file(&tree, "en/feeds/mechanisms/cat.xml"));
    let ids: BTreeSet<String> = entries(&cat).into_iter().map(|e| e.0).collect();
    assert_eq!(ids, expected_ids(&d, "en", &cat_mechanism.recommendations));
}

#[test]
fn pages_announce_the_feeds_they_follow() {
    let (_portal, tree) = built();
    let links = |path: &str| -> Vec<String> {
        file(&tree, path)
            .lines()
            .filter(|l| l.starts_with("<link rel=\"alternate\" type=\"application/atom+xml\""))
            .map(|l| attribute_values(l, "href")[0].to_string())
            .collect()
    };
    assert_eq!(
        links("en/index.html"),
        ["../en/feeds/updates.xml", "../en/feeds/recommendations.xml"]
    );
    assert_eq!(
        links("ar/themes/torture/index.html"),
        [
            "../../../ar/feeds/themes/torture.xml",
            "../../../ar/feeds/updates.xml",
            "../../../ar/feeds/recommendations.xml"
        ]
    );
    assert_eq!(
        links("en/institutions/moj/index.html")[0],
        "../../../en/feeds/institutions/moj.xml"
    );
    assert_eq!(
        links("en/mechanisms/upr/index.html")[0],
        "../../../en/feeds/mechanisms/upr.xml"
    );
    assert_eq!(
        links("en/groups/detainees/index.html").len(),
        2,
        "groups have no feed of their own"
    );
    let page = file(&tree, "en/themes/torture/index.html");
    assert!(page.contains("title=\"Fixture Tracker: Torture\""));
}

#[test]
fn the_sitemap_lists_every_page_once_and_each_page_names_its_language_alternates() {
    let (_portal, tree) = built();
    let sitemap = parse_xml(file(&tree, "sitemap.xml"));
    assert_eq!(sitemap.name, "urlset");
    assert_eq!(
        sitemap.attr("xmlns"),
        "http://www.sitemaps.org/schemas/sitemap/0.9"
    );
    let mut listed = BTreeSet::new();
    for url in sitemap.all("url") {
        let loc = url.one("loc").text.clone();
        assert_eq!(
            url.all("xhtml:link").count(),
            0,
            "{loc}: alternates in the page only"
        );
        let path = loc.strip_prefix(BASE).expect("absolute");
        let page = file(&tree, &format!("{path}index.html"));
        let alternates: BTreeMap<String, String> = page
            .lines()
            .filter(|l| l.starts_with("<link rel=\"alternate\" hreflang="))
            .map(|l| {
                (
                    attribute_values(l, "hreflang")[0].to_string(),
                    attribute_values(l, "href")[0].to_string(),
                )
            })
            .collect();
        assert_eq!(
            alternates.keys().map(String::as_str).collect::<Vec<_>>(),
            ["ar", "en", "x-default"],
            "{loc}"
        );
        assert!(alternates.values().any(|h| *h == loc), "{loc} lists itself");
        for href in alternates.values() {
            let path = href.strip_prefix(BASE).expect("absolute");
            assert!(
                tree.contains_key(&format!("{path}index.html")),
                "{href} exists"
            );
        }
        assert!(listed.insert(loc.clone()), "{loc} listed twice");
    }
    let pages: BTreeSet<String> = tree
        .iter()
        .filter(|(path, bytes)| {
            path.ends_with("index.html")
                && path.as_str() != "index.html"
                && !std::str::from_utf8(bytes)
                    .unwrap()
                    .contains("http-equiv=\"refresh\"")
        })
        .map(|(path, _)| format!("{BASE}{}", path.trim_end_matches("index.html")))
        .collect();
    assert_eq!(
        listed, pages,
        "every page but the language chooser, redirects and 404"
    );
    let rec = sitemap
        .all("url")
        .find(|u| u.one("loc").text == format!("{BASE}en/recommendations/upr4-118-1/"))
        .expect("listed");
    assert_eq!(rec.one("lastmod").text, "2024-09-30");
    let robots = file(&tree, "robots.txt");
    assert!(robots.contains("User-agent: *"));
    assert!(
        robots
            .lines()
            .any(|l| l == format!("Sitemap: {BASE}sitemap.xml"))
    );
}

#[test]
fn recommendation_and_action_pages_carry_citation_metadata() {
    let (_portal, tree) = built();
    let meta = |page: &str, key: &str| -> Vec<String> {
        let needle = format!("=\"{key}\" content=\"");
        file(&tree, page)
            .lines()
            .filter(|l| l.starts_with("<meta ") && l.contains(&needle))
            .map(|l| {
                let after = &l[l.find(&needle).unwrap() + needle.len()..];
                after[..after.find('"').unwrap()].to_string()
            })
            .collect()
    };
    let page = "en/recommendations/upr4-118-1/index.html";
    let permalink = format!("{BASE}en/recommendations/upr4-118-1/");
    assert_eq!(meta(page, "citation_title"), ["Recommendation UPR4-118.1"]);
    assert_eq!(meta(page, "citation_publisher"), ["Fixture Tracker"]);
    assert_eq!(
        meta(page, "citation_public_url"),
        std::slice::from_ref(&permalink)
    );
    assert_eq!(meta(page, "citation_publication_date"), ["2024/09/30"]);
    assert_eq!(meta(page, "citation_language"), ["en"]);
    // Each fact once: no Dublin Core or second date repeating the Highwire tags (the other
    // languages are the page's hreflang alternates).
    for repeated in [
        "citation_online_date",
        "DC.identifier",
        "DC.date",
        "DC.title",
    ] {
        assert!(meta(page, repeated).is_empty(), "{repeated}");
    }
    // Link previews read the title and the description: no OpenGraph tag repeats them.
    assert!(!file(&tree, page).contains("property=\"og:"));
    assert_eq!(
        meta(page, "description"),
        ["Ratify the Optional Protocol to the Convention against Torture."]
    );
    let html = file(&tree, page);
    assert!(html.contains(&format!("<a href=\"{permalink}\">{permalink}</a>")));
    assert!(html.contains("Last updated 30 September 2024."));

    let page = "ar/actions/act-1/index.html";
    let permalink = format!("{BASE}ar/actions/act-1/");
    assert_eq!(
        meta(page, "citation_public_url"),
        std::slice::from_ref(&permalink)
    );
    assert_eq!(meta(page, "citation_publication_date"), ["2024/10/01"]);
    assert_eq!(meta(page, "citation_language"), ["ar"]);
    assert_eq!(
        meta(page, "description"),
        ["صياغة مشروع قانون الآلية الوقائية"]
    );
    assert!(!file(&tree, page).contains("property=\"og:"));
    let html = file(&tree, page);
    assert!(html.contains(&format!("<a href=\"{permalink}\">{permalink}</a>")));
    assert!(
        html.contains("2024"),
        "the citation carries the last update"
    );
    let cite = html
        .lines()
        .find(|l| l.starts_with("<p class=\"citation\">"))
        .expect("citation line");
    assert!(cite.contains("آخر تحديث"), "{cite}");
}
