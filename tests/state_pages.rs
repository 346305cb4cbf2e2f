//! The pages of States: one per State under review and a States index (multi-State portals
//! only), one per recommending State (every portal), localised names marked with `lang`
//! where they fall back, and the State in lists, feeds and the API.

mod common;

use std::collections::BTreeMap;

use common::*;

type Tree = BTreeMap<String, Vec<u8>>;

fn built(name: &str) -> (tempfile::TempDir, Tree) {
    let portal = fixture(name);
    let output = portal.path().join("public");
    build(portal.path(), &output).unwrap_or_else(|e| panic!("{name} builds: {e:#}"));
    let tree = read_tree(&output);
    (portal, tree)
}

fn page<'a>(tree: &'a Tree, path: &str) -> &'a str {
    std::str::from_utf8(
        tree.get(path)
            .unwrap_or_else(|| panic!("{path} was not built")),
    )
    .expect("utf-8")
}

fn json(tree: &Tree, path: &str) -> serde_json::Value {
    serde_json::from_slice(tree.get(path).unwrap_or_else(|| panic!("{path}"))).expect("json")
}

/// The rows of the States index: name and the two counts.
fn index_rows(html: &str) -> Vec<(String, String, String)> {
    html.split("<tr class=\"depth-0\">")
        .skip(1)
        .map(|row| {
            let name = row
                .split("/\">")
                .nth(1)
                .unwrap()
                .split("</a>")
                .next()
                .unwrap();
            let nums: Vec<&str> = row
                .split("<td class=\"num\">")
                .skip(1)
                .map(|c| c.split("</td>").next().unwrap())
                .collect();
            (name.to_string(), nums[0].to_string(), nums[1].to_string())
        })
        .collect()
}

/// The ids a page lists, in order: the compact rows of paginated lists (`<ol class="rows">`,
/// each `<li><a href=…>ID`) and the fuller cards of other lists (`<a class="rec-id" …>ID`).
fn listed(html: &str) -> Vec<String> {
    let link_text = |s: &str| {
        s.split('>')
            .nth(1)
            .unwrap()
            .split('<')
            .next()
            .unwrap()
            .to_string()
    };
    let cards = html
        .split("<a class=\"rec-id\" href=\"")
        .skip(1)
        .map(link_text);
    let rows = html
        .split("<ol class=\"rows\">")
        .skip(1)
        .flat_map(|list| {
            list.split("</ol>")
                .next()
                .unwrap()
                .split("<li><a href=\"")
                .skip(1)
        })
        .map(link_text);
    cards.chain(rows).collect()
}

#[test]
fn a_multi_state_portal_has_a_page_per_state_under_review_with_counts_equal_to_the_data() {
    let (portal, tree) = built("multi_state");
    let data = docket::load_portal(portal.path(), None).unwrap().dataset;
    let index = page(&tree, "en/states/index.html");
    assert_eq!(
        index_rows(index),
        [
            ("Chile".to_string(), "3".to_string(), "1".to_string()),
            ("Paraguay".to_string(), "3".to_string(), "0".to_string()),
            (
                "Republic of Meridia".to_string(),
                "1".to_string(),
                "0".to_string()
            ),
        ]
    );
    for state in ["CHL", "PRY", "XMD"] {
        let mut expected: Vec<String> = data
            .recommendations
            .iter()
            .filter(|r| {
                r.state
                    .is_some_and(|s| data.states[s.index()].key.id == state)
            })
            .map(|r| r.key.id.clone())
            .collect();
        expected.sort();
        for lang in ["en", "ar", "sl"] {
            let path = format!("{lang}/states/{}/index.html", state.to_lowercase());
            let mut shown = listed(page(&tree, &path));
            shown.sort();
            assert_eq!(shown, expected, "{path}");
        }
    }
    let chile = page(&tree, "en/states/chl/index.html");
    assert!(
        chile.contains("<dt>UN regional group</dt><dd>Latin American and Caribbean Group</dd>")
    );
    assert!(chile.contains("<dt>Recommendations of UPR cycle 2</dt><dd>1</dd>"));
    assert!(chile.contains("<dt>Recommendations of UPR cycle 3</dt><dd>2</dd>"));
    assert!(chile.contains("documents/a-hrc-41-6/") && chile.contains("documents/a-hrc-26-5/"));
    // The status breakdown shows every assessor's view, as other term pages do.
    let paraguay = page(&tree, "en/states/pry/index.html");
    assert!(paraguay.contains("<th scope=\"col\" class=\"num\">Government</th>"));
    assert!(paraguay.contains("<th scope=\"col\" class=\"num\">NHRI</th>"));
    assert!(paraguay.contains("href=\"../../../en/recommending-states/pry/\""));
    // The State is in the navigation and beside each recommendation of a list.
    assert!(page(&tree, "en/index.html").contains("href=\"../en/states/\""));
    assert!(
        page(&tree, "en/recommendations/index.html")
            .contains("href=\"../../en/states/pry/\">Paraguay</a>")
    );
}

#[test]
fn recommending_states_have_pages_listing_the_recommendations_they_made_joint_ones_included() {
    let (_portal, tree) = built("multi_state");
    let mut france = listed(page(&tree, "en/recommending-states/fra/index.html"));
    france.sort();
    assert_eq!(france, ["CHL3-1", "PRY3-1", "PRY3-3"]);
    assert_eq!(
        listed(page(&tree, "en/recommending-states/vat/index.html")),
        ["PRY3-3"]
    );
    let france_page = page(&tree, "en/recommending-states/fra/index.html");
    assert!(france_page.contains("<dt>States it made recommendations to</dt><dd>2</dd>"));
    let joint = page(&tree, "en/recommendations/pry3-3/index.html");
    assert_eq!(
        joint
            .matches("href=\"../../../en/recommending-states/")
            .count(),
        10,
        "the ten recommending States (a recommendation's page has no footer menu)"
    );
    assert!(joint.contains(
        "<dt>State under review</dt><dd><a href=\"../../../en/states/pry/\">Paraguay</a>"
    ));
    assert!(joint.contains("<meta name=\"DC.coverage\" content=\"Paraguay\">"));
}

#[test]
fn state_names_are_localised_and_marked_with_their_language_when_they_fall_back() {
    let (_portal, tree) = built("multi_state");
    let arabic = page(&tree, "ar/recommendations/pry3-3/index.html");
    assert!(arabic.contains("recommending-states/fra/\">فرنسا</a>"));
    assert!(arabic.contains("recommending-states/tur/\">تركيا</a>"));
    // Slovenian: the table has no Slovenian names (but the portal gives Chile one).
    let slovenian = page(&tree, "sl/recommendations/chl3-2/index.html");
    assert!(
        slovenian
            .contains("recommending-states/xmd/\" lang=\"en\" dir=\"ltr\">Republic of Meridia</a>")
    );
    assert!(
        slovenian.contains("states/chl/\">Čile</a>"),
        "the portal's own name, unmarked"
    );
    let index = page(&tree, "sl/recommending-states/index.html");
    assert!(index.contains("/fra/\" lang=\"en\" dir=\"ltr\">France</a>"));
}

#[test]
fn the_state_is_in_the_api_feeds_and_open_data_of_a_multi_state_portal() {
    let (_portal, tree) = built("multi_state");
    let rec = json(&tree, "api/v1/recommendations/pry3-3.json");
    assert_eq!(rec["state"]["id"], "PRY");
    assert_eq!(rec["state"]["name"]["ar"], "باراغواي");
    assert_eq!(
        rec["recommending_states"][5], "Türkiye",
        "names, as version 1 gave them"
    );
    let ids: Vec<&str> = rec["recommending_state_refs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        ids,
        [
            "FRA", "DEU", "ESP", "ITA", "PRT", "TUR", "GBR", "USA", "JPN", "VAT"
        ]
    );
    let chile = json(&tree, "api/v1/states/chl.json");
    assert_eq!(chile["count"], 3);
    assert_eq!(chile["group"], "latin-american-caribbean");
    let index = json(&tree, "api/v1/index.json");
    assert_eq!(index["sections"]["states"].as_array().unwrap().len(), 3);
    let feed = page(&tree, "en/feeds/states/pry.xml");
    assert_eq!(
        feed.matches("<entry>").count(),
        3 + 2,
        "3 recommendations, 2 updates"
    );
    assert!(
        page(&tree, "en/feeds/recommendations.xml")
            .contains("<category term=\"state:XMD\" label=\"Republic of Meridia\"/>")
    );
    let csv = page(&tree, "data/recommendations.csv");
    assert!(
        csv.contains(",noted,PRY,FRA|DEU|ESP|ITA|PRT|TUR|GBR|USA|JPN|VAT,"),
        "{csv}"
    );
    let states = page(&tree, "data/states.csv");
    assert!(states.starts_with("id,name_en,name_ar,name_sl,group\r\n"));
    assert!(states.contains("XMD,Republic of Meridia,جمهورية ميريديا,,\r\n"));
}

#[test]
fn a_single_state_portal_has_no_state_pages_but_links_its_recommending_states() {
    let (portal, tree) = built("minimal");
    assert!(
        !tree.keys().any(|p| p.contains("/states/")),
        "no State pages"
    );
    for folder in ["en/feeds/states", "ar/feeds/states", "api/v1/states"] {
        let path = portal.path().join("public").join(folder);
        assert!(!path.exists(), "no empty {folder} folder");
    }
    assert!(
        !tree.keys().any(|p| p.contains("feeds/states")),
        "no State feeds"
    );
    let home = page(&tree, "en/index.html");
    assert!(!home.contains("states/"), "no States in the navigation");
    let rec = page(&tree, "en/recommendations/upr4-118-1/index.html");
    assert!(rec.contains("<a href=\"../../../en/recommending-states/chl/\">Chile</a>, <a href=\"../../../en/recommending-states/prt/\">Portugal</a>"));
    assert!(!rec.contains("State under review"));
    assert!(!rec.contains("DC.coverage"));
    assert!(
        rec.contains(
            "<meta name=\"citation_language\" content=\"en\">\n<meta name=\"description\""
        ),
        "no blank line where a multi-State portal names the State"
    );
    assert_eq!(
        listed(page(&tree, "ar/recommending-states/prt/index.html")),
        ["UPR4-118.1"]
    );
    assert!(
        page(&tree, "ar/recommendations/upr4-118-2/index.html")
            .contains("recommending-states/fra/\">فرنسا</a>")
    );
}

/// The `id="by-state"` block of a term's first page: its links to the States' lists.
fn by_state_links(html: &str) -> Vec<String> {
    let block = &html[html.find("id=\"by-state\"").expect("a by-State block")..];
    let block = &block[..block.find("</ul>").expect("a list of States")];
    block
        .split("<a href=\"")
        .skip(1)
        .map(|a| a.split('"').next().unwrap().to_string())
        .collect()
}

#[test]
fn a_states_list_that_is_all_its_recommendations_links_to_the_states_page_instead_of_a_copy() {
    let (_portal, tree) = built("long_state_lists");
    // The UPR holds every recommendation to Paraguay and to Chile: both lists are the States'
    // own pages, and the mechanism gets no per-State copies.
    let upr = page(&tree, "en/mechanisms/upr/index.html");
    assert_eq!(
        by_state_links(upr),
        ["../../../en/states/chl/", "../../../en/states/pry/"]
    );
    assert!(
        !tree
            .keys()
            .any(|p| p.starts_with("en/mechanisms/upr/states/")),
        "no copy of a State's page under the mechanism"
    );
    // The theme holds all six to Chile but only six of Paraguay's eight: Chile's list is its
    // page, Paraguay's is a list of its own with exactly those six.
    let torture = page(&tree, "en/themes/torture/index.html");
    assert_eq!(
        by_state_links(torture),
        [
            "../../../en/states/chl/",
            "../../../en/themes/torture/states/pry/"
        ]
    );
    assert!(
        !tree
            .keys()
            .any(|p| p.starts_with("en/themes/torture/states/chl/"))
    );
    let mut pry = Vec::new();
    for n in 1..=7 {
        let path = match n {
            1 => "en/themes/torture/states/pry/index.html".to_string(),
            n => format!("en/themes/torture/states/pry/page/{n}/index.html"),
        };
        match tree.get(&path) {
            Some(_) => pry.extend(listed(page(&tree, &path))),
            None => break,
        }
    }
    assert_eq!(
        pry,
        (1..=6).map(|i| format!("PRY3-{i}")).collect::<Vec<_>>()
    );
    // The State's page it links to lists every recommendation to Chile.
    let mut chl = Vec::new();
    for n in 1..=7 {
        let path = match n {
            1 => "en/states/chl/index.html".to_string(),
            n => format!("en/states/chl/page/{n}/index.html"),
        };
        match tree.get(&path) {
            Some(_) => chl.extend(listed(page(&tree, &path))),
            None => break,
        }
    }
    assert_eq!(
        chl,
        (1..=6).map(|i| format!("CHL3-{i}")).collect::<Vec<_>>()
    );
}

/// The HTML of a page's compact rows (`<ol class="rows">`), one string per row.
fn rows(html: &str) -> Vec<&str> {
    html.split("<ol class=\"rows\">")
        .skip(1)
        .flat_map(|list| list.split("</ol>").next().unwrap().split("<li>").skip(1))
        .collect()
}

#[test]
fn rows_of_a_list_about_one_state_leave_the_state_out_and_other_lists_name_it() {
    let (_portal, tree) = built("multi_state");
    for lang in ["en", "ar"] {
        // A State's page and one of its documents: every row is to that State, which the
        // page names in its heading.
        for path in ["states/pry/index.html", "documents/a-hrc-41-6/index.html"] {
            let path = format!("{lang}/{path}");
            let shown = rows(page(&tree, &path));
            assert!(!shown.is_empty(), "{path} lists its recommendations");
            for row in shown {
                assert!(!row.contains("/states/"), "{path}: no State in {row}");
            }
        }
        // The list of every recommendation names each row's State.
        let path = format!("{lang}/recommendations/index.html");
        let shown = rows(page(&tree, &path));
        assert_eq!(shown.len(), 7, "{path}");
        for row in shown {
            assert!(
                row.contains(&format!("href=\"../../{lang}/states/")),
                "{path}: the State in {row}"
            );
        }
    }
}
