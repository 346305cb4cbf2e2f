//! Term lists at scale: compact rows, newest first, per-State lists with plain links where a
//! term's list runs over several pages, the former newest-first copies forwarding to the
//! list, and a bound on the bytes of a full list page.

mod common;

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use common::*;
use docket::Dataset;

/// A 600-recommendation synthetic portal in English and Arabic, 5 recommendations a page so
/// that its largest themes are long lists (more than 10 pages), its documents (and so its recommendations) about
/// three States under review, built once for this file.
fn synthetic() -> &'static (Dataset, PathBuf) {
    static SITE: OnceLock<(Dataset, PathBuf)> = OnceLock::new();
    SITE.get_or_init(|| {
        let base = Path::new(env!("CARGO_TARGET_TMPDIR")).join("term-lists");
        let _ = std::fs::remove_dir_all(&base);
        let root = base.join("portal");
        docket::synth_portal(
            &root,
            &docket::SynthOptions {
                recommendations: 600,
                languages: vec!["en".into(), "ar".into()],
                seed: 7,
            },
        )
        .expect("synthetic portal");
        let config = root.join("config.toml");
        let source = std::fs::read_to_string(&config).unwrap();
        std::fs::write(&config, format!("per_page = 5\n{source}")).unwrap();
        let documents = root.join("data/documents.csv");
        let source = std::fs::read_to_string(&documents).unwrap();
        let with_states: Vec<String> = source
            .lines()
            .enumerate()
            .map(|(i, line)| match i {
                0 => format!("{line},state"),
                _ => format!("{line},{}", STATES[i % STATES.len()]),
            })
            .collect();
        std::fs::write(&documents, with_states.join("\n") + "\n").unwrap();
        let out = base.join("public");
        build(&root, &out).expect("the synthetic portal builds");
        let data = docket::load_portal(&root, None).expect("valid").dataset;
        (data, out)
    })
}

const STATES: [&str; 3] = ["PRY", "URY", "ARG"];

fn page(path: &str) -> String {
    std::fs::read_to_string(synthetic().1.join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The recommendation ids of a list page's rows, in order.
fn row_ids(html: &str) -> Vec<String> {
    let list = &html[html.find("<ol class=\"rows\">").expect("a list of rows")..];
    let list = &list[..list.find("</ol>").unwrap()];
    list.split("<li><a href=\"")
        .skip(1)
        .map(|row| {
            let id = &row[row.find("\">").unwrap() + 2..];
            id[..id.find("</a>").unwrap()].to_string()
        })
        .collect()
}

/// Every row of a paginated list, following its pages from `first` (`en/themes/t0/`).
fn all_rows(first: &str) -> Vec<String> {
    let mut ids = row_ids(&page(&format!("{first}index.html")));
    let mut n = 2;
    while synthetic()
        .1
        .join(format!("{first}page/{n}/index.html"))
        .exists()
    {
        ids.extend(row_ids(&page(&format!("{first}page/{n}/index.html"))));
        n += 1;
    }
    ids
}

/// The synthetic portal's largest theme, a long list: more than 10 pages.
fn big_theme() -> &'static docket::Theme {
    let (data, _) = synthetic();
    let theme = data
        .themes
        .iter()
        .max_by_key(|t| t.recommendations.len())
        .unwrap();
    assert!(
        theme.recommendations.len() > 10 * data.config.per_page,
        "a theme of more than ten pages"
    );
    theme
}

/// The ids of `ids` (recommendations in data order) newest first, those of one day in data
/// order.
fn newest_first(data: &Dataset, ids: &[docket::RecommendationId]) -> Vec<String> {
    let mut sorted: Vec<&docket::Recommendation> = ids
        .iter()
        .map(|r| &data.recommendations[r.index()])
        .collect();
    sorted.sort_by_key(|r| std::cmp::Reverse(r.date));
    sorted.into_iter().map(|r| r.key.id.clone()).collect()
}

#[test]
fn a_terms_own_pages_list_every_recommendation_newest_first() {
    let (data, _) = synthetic();
    let theme = big_theme();
    let expected = newest_first(data, &theme.recommendations);
    let in_data_order: Vec<&String> = theme
        .recommendations
        .iter()
        .map(|r| &data.recommendations[r.index()].key.id)
        .collect();
    assert_ne!(
        expected.iter().collect::<Vec<_>>(),
        in_data_order,
        "the data order is not the date order here"
    );
    for lang in ["en", "ar"] {
        let ids = all_rows(&format!("{lang}/themes/{}/", theme.key.slug));
        assert_eq!(ids, expected, "{lang}: every row once, newest first");
    }
    let html = page(&format!("en/themes/{}/page/2/index.html", theme.key.slug));
    assert!(html.contains(" · Newest first</p>"), "the order is said");
    let arabic = page(&format!("ar/themes/{}/index.html", theme.key.slug));
    assert!(arabic.contains(" · الأحدث أولاً</p>"), "and translated");
    let all = page("en/recommendations/page/2/index.html");
    let every: Vec<docket::RecommendationId> = (0..data.recommendations.len() as u32)
        .map(docket::RecommendationId)
        .collect();
    assert_eq!(
        row_ids(&all),
        newest_first(data, &every)[data.config.per_page..2 * data.config.per_page],
        "the Recommendations list too"
    );
}

/// The newest-first copy a long list had (`by-date/`) is the list itself now: each of its
/// pages forwards to the same page of the term's own list, so published links keep working.
#[test]
fn by_date_pages_forward_to_the_same_page_of_the_terms_list() {
    let (_, out) = synthetic();
    let slug = &big_theme().key.slug;
    let mut forwarded = 0;
    for lang in ["en", "ar"] {
        for n in 1.. {
            let (from, to) = match n {
                1 => (
                    format!("{lang}/themes/{slug}/by-date/index.html"),
                    format!("{lang}/themes/{slug}/index.html"),
                ),
                n => (
                    format!("{lang}/themes/{slug}/by-date/page/{n}/index.html"),
                    format!("{lang}/themes/{slug}/page/{n}/index.html"),
                ),
            };
            if !out.join(&to).exists() {
                assert!(!out.join(&from).exists(), "{from}: no page beyond the list");
                break;
            }
            let html = page(&from);
            assert!(html.contains("<meta name=\"robots\" content=\"noindex\">"));
            let marker = "content=\"0; url=";
            let refresh = &html[html.find(marker).expect("a redirect") + marker.len()..];
            let target = &refresh[..refresh.find('"').unwrap()];
            assert_eq!(resolve_link(&from, target).as_deref(), Some(to.as_str()));
            assert!(
                !html.contains("<ol class=\"rows\">"),
                "{from}: no copy of the rows"
            );
            assert!(!html.contains("<script"), "{from}: no script");
            if lang == "en" {
                assert!(
                    html.contains("This list now shows the newest first"),
                    "{from}"
                );
            }
            forwarded += 1;
        }
    }
    assert!(
        forwarded > 20,
        "every page of a long list, in both languages"
    );
    let sitemap = std::fs::read_to_string(out.join("sitemap.xml")).unwrap();
    assert!(
        !sitemap.contains("/by-date/"),
        "redirects are not in the sitemap"
    );
}

#[test]
fn a_term_of_ten_pages_or_fewer_has_no_second_order() {
    let (data, out) = synthetic();
    let per_page = data.config.per_page;
    let themes = data
        .themes
        .iter()
        .map(|t| ("themes", &t.key, t.recommendations.len()));
    let clusters = data
        .clusters
        .iter()
        .map(|c| ("clusters", &c.key, c.recommendations.len()));
    let mut several_pages = 0;
    for (section, key, count) in themes.chain(clusters) {
        if count == 0 || count > 10 * per_page {
            continue;
        }
        several_pages += usize::from(count > per_page);
        let html = page(&format!("en/{section}/{}/index.html", key.slug));
        assert!(html.contains("<ol class=\"rows\">"), "its list");
        assert!(!html.contains("class=\"list-views\""), "no sort nav");
        for list in ["by-date", "states"] {
            assert!(
                !out.join(format!("en/{section}/{}/{list}", key.slug))
                    .exists()
            );
        }
    }
    assert!(several_pages > 0, "a term of two to ten pages was checked");
}

#[test]
fn a_full_page_of_a_term_list_stays_small() {
    let (data, out) = synthetic();
    let theme = big_theme();
    // Arabic letters take two bytes each in UTF-8.
    for (lang, bound) in [("en", 480), ("ar", 640)] {
        {
            let first = format!("{lang}/themes/{}/", theme.key.slug);
            let html = page(&format!("{first}page/2/index.html"));
            let rows = row_ids(&html).len();
            assert_eq!(rows, data.config.per_page, "{first}: a full page");
            // About 650 bytes a row in English before the compact rows, 330 to 420 now
            // (disputed rows carry a badge per assessor), averaged over every page of the
            // list. The bound leaves room for longer labels, not for a heavier row.
            let (mut bytes, mut all_rows) = (0, 0);
            for n in 1.. {
                let path = match n {
                    1 => format!("{first}index.html"),
                    n => format!("{first}page/{n}/index.html"),
                };
                if !out.join(&path).exists() {
                    break;
                }
                let html = page(&path);
                let list = &html[html.find("<ol class=\"rows\">").unwrap()..];
                bytes += list.find("</ol>").unwrap();
                all_rows += row_ids(&html).len();
            }
            assert!(
                bytes / all_rows < bound,
                "{first}: {bytes} bytes for {all_rows} rows"
            );
            assert!(
                html.len() < 7_000 + bound * rows,
                "{first}: {} bytes",
                html.len()
            );
        }
    }
}

/// The rows of a State's list, and the link and count the term's first page gives it.
#[test]
fn state_lists_show_exactly_that_states_recommendations_with_their_counts() {
    let (data, out) = synthetic();
    let theme = big_theme();
    let slug = &theme.key.slug;
    let first = page(&format!("en/themes/{slug}/index.html"));
    let later = page(&format!("en/themes/{slug}/page/2/index.html"));
    assert!(
        !later.contains("id=\"by-state\""),
        "State links on the first page only"
    );
    let mut listed = 0;
    for code in STATES {
        let state = data.states.iter().position(|s| s.key.id == code).unwrap();
        let of_state: Vec<docket::RecommendationId> = theme
            .recommendations
            .iter()
            .copied()
            .filter(|r| data.recommendations[r.index()].state.map(|s| s.index()) == Some(state))
            .collect();
        let expected = newest_first(data, &of_state);
        assert!(
            !expected.is_empty(),
            "{code} has recommendations on the theme"
        );
        let state_slug = code.to_lowercase();
        let list = format!("en/themes/{slug}/states/{state_slug}/");
        for lang in ["en", "ar"] {
            let list = list.replacen("en/", &format!("{lang}/"), 1);
            assert_eq!(
                all_rows(&list),
                expected,
                "{lang}: {code}'s rows, newest first"
            );
        }
        let name = data.states[state].name_in("en", "en").1;
        let link = format!(
            "<a href=\"../../../en/themes/{slug}/states/{state_slug}/\">{name}</a> <small>{}</small>",
            expected.len()
        );
        assert!(first.contains(&link), "{code}: {link}");
        let html = page(&format!("{list}index.html"));
        assert!(
            html.contains(&format!("of {} · Newest first</p>", expected.len())),
            "{code}: the count"
        );
        assert!(
            html.contains(&format!("aria-current=\"page\">{name}</a>")),
            "{code}: the current State"
        );
        assert!(
            html.contains(&format!(
                "<a href=\"../../../../../en/themes/{slug}/#by-state\">All States</a>"
            )),
            "{code}: the way back"
        );
        assert!(html.contains(&format!("<title>{}: {name}", theme_name(theme))));
        // The page names its State once, with a link to the State's page; its rows do not.
        assert!(
            html.contains(&format!(
                "<p class=\"list-state\">State under review: \
                 <a href=\"../../../../../en/states/{state_slug}/\">{name}</a></p>"
            )),
            "{code}: the State named once"
        );
        let rows = html.split("<ol class=\"rows\">").nth(1).unwrap();
        let rows = rows.split("</ol>").next().unwrap();
        assert!(!rows.contains("/states/"), "{code}: no State in the rows");
        listed += expected.len();
    }
    assert_eq!(
        listed,
        theme.recommendations.len(),
        "every row in one State's list"
    );
    let small = data
        .clusters
        .iter()
        .find(|c| {
            c.recommendations.len() > data.config.per_page
                && c.recommendations.len() <= 10 * data.config.per_page
        })
        .expect("a cluster of two to ten pages");
    assert!(
        !out.join(format!("en/clusters/{}/states", small.key.slug))
            .exists()
    );
}

fn theme_name(theme: &docket::Theme) -> &str {
    theme.name.0.get("en").map(String::as_str).unwrap()
}

#[test]
fn a_terms_documents_are_listed_on_its_first_page_only() {
    let (data, out) = synthetic();
    let mechanism = &data.mechanisms[0];
    let first = format!("en/mechanisms/{}/", mechanism.key.slug);
    assert!(
        out.join(format!("{first}page/2/index.html")).exists(),
        "two pages or more"
    );
    assert!(page(&format!("{first}index.html")).contains("<h2 id=\"documents\">"));
    let later = page(&format!("{first}page/2/index.html"));
    assert!(!later.contains("<h2 id=\"documents\">"), "not repeated");
    assert!(!later.contains("<h2 id=\"draft-reports\">"), "not repeated");
}

/// Every page of a paginated list from its first (`en/disputed/`): `page/2/`, `page/3/`...
/// until one is missing, and the last page's number.
fn pages_of(first: &str) -> (Vec<String>, usize) {
    let out = &synthetic().1;
    let mut pages = vec![page(&format!("{first}index.html"))];
    while out
        .join(format!("{first}page/{}/index.html", pages.len() + 1))
        .exists()
    {
        pages.push(page(&format!("{first}page/{}/index.html", pages.len() + 1)));
    }
    let count = pages.len();
    (pages, count)
}

#[test]
fn the_disputed_and_overdue_pages_are_paginated_and_list_each_item_once() {
    let (data, _) = synthetic();
    let per_page = data.config.per_page;
    let disputed: Vec<String> = data
        .recommendations
        .iter()
        .filter(|r| !r.effective.agree())
        .map(|r| r.key.id.clone())
        .collect();
    assert!(disputed.len() > 2 * per_page, "several pages of disputes");
    let (pages, count) = pages_of("en/disputed/");
    assert_eq!(count, disputed.len().div_ceil(per_page));
    let mut listed = Vec::new();
    for html in &pages {
        let ids: Vec<String> = html
            .split("<a class=\"rec-id\" href=\"")
            .skip(1)
            .map(|a| {
                a.split('>')
                    .nth(1)
                    .unwrap()
                    .split('<')
                    .next()
                    .unwrap()
                    .to_string()
            })
            .collect();
        assert!(ids.len() <= per_page, "at most a page of rows");
        listed.extend(ids);
        assert!(
            html.contains("<nav class=\"pager\""),
            "a pager on every page"
        );
    }
    listed.sort();
    let mut expected = disputed;
    expected.sort();
    assert_eq!(listed, expected, "each disputed recommendation once");
    assert!(pages[1].contains("<title>Where the assessors disagree (page 2 of"));

    let overdue: Vec<&str> = data
        .actions
        .iter()
        .filter(|a| {
            docket::deadline(a, &data.status_updates, &data.config, data.as_of)
                == docket::Deadline::Overdue
        })
        .map(|a| a.key.id.as_str())
        .collect();
    assert!(
        overdue.len() > per_page,
        "more than a page of overdue actions"
    );
    let (pages, count) = pages_of("ar/overdue/");
    assert_eq!(count, overdue.len().div_ceil(per_page));
    let rows: usize = pages
        .iter()
        .map(|html| {
            let overdue = html.split("<h2 id=\"due-soon\"").next().unwrap();
            overdue.matches("<tr>\n<td><a href=").count()
        })
        .sum();
    assert_eq!(rows, overdue.len(), "each overdue action once");
    assert!(
        pages[0].contains("id=\"due-soon\""),
        "due soon on the first page"
    );
    assert!(!pages[1].contains("id=\"due-soon\""));
}
