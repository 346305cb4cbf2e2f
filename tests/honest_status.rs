//! Telling the truth at a glance, on the demo portal: every assessor's view where they differ,
//! stale marks only on current views of open matters, responses only where a mechanism asks
//! for one, and treaty bodies' follow-up dates shown and on the reporting calendar.

mod common;

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use common::*;
use docket::{Dataset, Recommendation};

/// The demo portal, loaded and built once for every test of this file.
fn demo() -> &'static (Dataset, PathBuf) {
    static DEMO: OnceLock<(Dataset, PathBuf)> = OnceLock::new();
    DEMO.get_or_init(|| {
        let out = Path::new(env!("CARGO_TARGET_TMPDIR")).join("honest-status-demo");
        // This file's own folder: a run of an older Docket may have left it without a marker.
        let _ = std::fs::remove_dir_all(&out);
        build(&repo_root(), &out).expect("the demo portal builds");
        let data = docket::load_portal(&repo_root(), None)
            .expect("valid demo")
            .dataset;
        (data, out)
    })
}

fn page(path: &str) -> String {
    std::fs::read_to_string(demo().1.join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn rec_page(r: &Recommendation) -> String {
    page(&format!("en/recommendations/{}/index.html", r.key.slug))
}

/// The labelled badges a view shows: `NHRI:` followed by the status label, per assessor.
/// A headline's badges link to their status page (`a`); a paginated list's rows show them as
/// plain `span`s, because those links would repeat on every row of a long list.
fn expected_views(data: &Dataset, r: &Recommendation, badge: &str) -> Vec<String> {
    let short = |who: docket::Assessor| match who {
        docket::Assessor::Government => "Government",
        docket::Assessor::Nhri => "NHRI",
        docket::Assessor::CivilSociety => "Civil society",
    };
    r.effective
        .views()
        .into_iter()
        .map(|(who, e)| {
            let def = &data.config.statuses[e.status.index()];
            format!(
                "<span class=\"view-who\">{}:</span> <{badge} class=\"badge status-{}\"",
                short(who),
                def.id
            )
        })
        .collect()
}

/// The recommendations in the order of the Recommendations list: newest first, recommendations
/// of one day in data order.
fn newest_first(data: &docket::Dataset) -> Vec<&Recommendation> {
    let mut all: Vec<&Recommendation> = data.recommendations.iter().collect();
    all.sort_by_key(|r| std::cmp::Reverse(r.date));
    all
}

fn list_item<'a>(html: &'a str, r: &Recommendation) -> &'a str {
    let anchor = format!(">{}</a>", r.key.id);
    let start = html
        .find(&anchor)
        .unwrap_or_else(|| panic!("{} listed", r.key.id));
    let item = &html[start..];
    &item[..item.find("</li>").expect("end of the list item")]
}

#[test]
fn headline_and_lists_show_every_view_of_each_disagreeing_demo_recommendation() {
    let (data, _) = demo();
    let disputed: Vec<&Recommendation> = data
        .recommendations
        .iter()
        .filter(|r| !r.effective.agree())
        .collect();
    assert!(
        disputed.len() >= 20,
        "the demo has disputed recommendations"
    );
    let per_page = data.config.per_page;
    let disputed_page = page("en/disputed/index.html");
    for r in &disputed {
        let html = rec_page(r);
        let lead = &html[html.find("<p class=\"lead-status\">").expect("headline")..];
        let lead = &lead[..lead.find("</p>").unwrap()];
        assert!(lead.contains("views-differ"), "{}: {lead}", r.key.id);
        for view in expected_views(data, r, "a") {
            assert!(lead.contains(&view), "{} headline lacks {view}", r.key.id);
        }
        let index = newest_first(data)
            .iter()
            .position(|x| x.key == r.key)
            .unwrap();
        let list_page = index / per_page + 1;
        let list = if list_page == 1 {
            page("en/recommendations/index.html")
        } else {
            page(&format!("en/recommendations/page/{list_page}/index.html"))
        };
        let item = list_item(&list, r);
        for view in expected_views(data, r, "span") {
            assert!(item.contains(&view), "{} list item lacks {view}", r.key.id);
        }
        let item = list_item(&disputed_page, r);
        assert!(
            item.contains("views-differ"),
            "{} on the disputed page",
            r.key.id
        );
    }
    // Agreeing recommendations never reach the disputed page and show one badge.
    for r in data.recommendations.iter().filter(|r| r.effective.agree()) {
        assert!(
            !disputed_page.contains(&format!(">{}</a>", r.key.id)),
            "{} agrees",
            r.key.id
        );
    }
}

#[test]
fn agreeing_assessors_share_one_badge_that_names_them() {
    let (data, _) = demo();
    let both = data
        .recommendations
        .iter()
        .find(|r| r.effective.agree() && r.effective.views().len() >= 2)
        .expect("a recommendation two assessors agree on");
    let html = rec_page(both);
    let lead = &html[html.find("<p class=\"lead-status\">").unwrap()..];
    let lead = &lead[..lead.find("</p>").unwrap()];
    assert_eq!(lead.matches("class=\"badge ").count(), 1, "{lead}");
    assert!(lead.contains("agreed by Government, NHRI"), "{lead}");
}

#[test]
fn stale_marks_appear_only_on_current_views_of_open_matters() {
    let (data, out) = demo();
    let mut stale_seen = 0;
    for lang in ["en", "ar"] {
        for section in ["recommendations", "actions"] {
            for entry in std::fs::read_dir(out.join(lang).join(section)).unwrap() {
                let path = entry.unwrap().path().join("index.html");
                let Ok(html) = std::fs::read_to_string(&path) else {
                    continue;
                };
                if let Some(history) = html.find("<ol class=\"timeline\"") {
                    let history = &html[history..];
                    let history = &history[..history.find("</ol>").unwrap()];
                    assert!(!history.contains("stale-mark"), "history of {path:?}");
                }
                for article in html.split("<article class=\"assessment").skip(1) {
                    let article = &article[..article.find("</article>").unwrap()];
                    if !article.contains("stale-mark") {
                        continue;
                    }
                    stale_seen += 1;
                    for closed in data.config.statuses.iter().filter(|s| s.closed) {
                        assert!(
                            !article.contains(&format!("badge status-{}\"", closed.id)),
                            "a closed view is never stale: {path:?}"
                        );
                    }
                }
            }
        }
    }
    assert!(stale_seen > 0, "the demo has stale current views");
}

#[test]
fn only_upr_recommendations_show_the_states_response() {
    let (data, _) = demo();
    let mut checked = [0, 0];
    for r in &data.recommendations {
        let html = rec_page(r);
        let upr = data.mechanisms[r.mechanism.index()].kind == docket::MechanismKind::Upr;
        assert_eq!(
            html.contains("class=\"response\""),
            upr,
            "{}: a response line only for the UPR",
            r.key.id
        );
        assert!(!html.contains("Response pending") || upr, "{}", r.key.id);
        checked[usize::from(upr)] += 1;
    }
    assert!(checked[0] > 0 && checked[1] > 0);
    let list = page("en/recommendations/page/2/index.html");
    let non_upr = newest_first(data)
        .into_iter()
        .skip(data.config.per_page)
        .take(data.config.per_page)
        .find(|r| data.mechanisms[r.mechanism.index()].kind != docket::MechanismKind::Upr)
        .expect("a treaty body recommendation on page 2");
    assert!(!list_item(&list, non_upr).contains("class=\"response\""));
}

#[test]
fn follow_up_due_dates_are_shown_and_on_the_reporting_calendar() {
    let (data, _) = demo();
    let flagged: Vec<&Recommendation> = data
        .recommendations
        .iter()
        .filter(|r| r.follow_up_due.is_some())
        .collect();
    assert!(flagged.len() >= 3);
    let calendar = page("en/reporting/index.html");
    assert!(calendar.contains(&format!(
        "{} recommendations selected for follow-up",
        flagged.len()
    )));
    for r in flagged {
        assert_eq!(
            data.mechanisms[r.mechanism.index()].kind,
            docket::MechanismKind::TreatyBody
        );
        let html = rec_page(r);
        assert!(html.contains("Follow-up information due"), "{}", r.key.id);
        assert!(
            calendar.contains(&format!(">{}</a>", r.key.id)),
            "{}",
            r.key.id
        );
    }
}

#[test]
fn the_api_and_feeds_say_whether_the_assessors_agree() {
    let (data, out) = demo();
    let disputed = data
        .recommendations
        .iter()
        .find(|r| !r.effective.agree())
        .expect("a disputed recommendation");
    let json: serde_json::Value = serde_json::from_str(&page(&format!(
        "api/v1/recommendations/{}.json",
        disputed.key.slug
    )))
    .unwrap();
    assert_eq!(json["assessments_agree"], false);
    assert!(json["current_statuses"]["government"].is_string());
    let all: serde_json::Value =
        serde_json::from_str(&page("api/v1/recommendations.json")).unwrap();
    let rows = all.as_array().or_else(|| all["recommendations"].as_array());
    let agreeing = rows
        .expect("a list of recommendations")
        .iter()
        .filter(|row| row["assessments_agree"] == true)
        .count();
    assert_eq!(
        agreeing,
        data.recommendations
            .iter()
            .filter(|r| r.effective.agree())
            .count()
    );
    let feed = std::fs::read_to_string(out.join("en/feeds/updates.xml")).unwrap();
    assert!(feed.contains("<category term=\"disputed\" label=\"Where the assessors disagree\"/>"));
    assert!(feed.contains("<category term=\"nhri:"));
}

#[test]
fn an_action_headline_shows_each_assessors_latest_view_when_they_differ() {
    let (data, _) = demo();
    let status_of = |u: docket::StatusUpdateId| data.status_updates[u.index()].status;
    let mut differing = 0;
    for a in &data.actions {
        let views = a.assessments.views();
        let html = page(&format!("en/actions/{}/index.html", a.key.slug));
        let lead = &html[html.find("<p class=\"lead-status\">").expect("headline")..];
        let lead = &lead[..lead.find("</p>").unwrap()];
        let agree = docket::statuses_agree(views.iter().map(|&(_, u)| status_of(u)));
        assert_eq!(
            lead.contains("views-differ"),
            !agree,
            "{}: {lead}",
            a.key.id
        );
        if !agree {
            differing += 1;
            for (_, u) in views {
                let id = &data.config.statuses[status_of(u).index()].id;
                assert!(
                    lead.contains(&format!("badge status-{id}\"")),
                    "{}",
                    a.key.id
                );
            }
        }
    }
    assert!(
        differing > 0,
        "the demo has an action its assessors disagree on"
    );
}
