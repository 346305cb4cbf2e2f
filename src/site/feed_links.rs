//! The feeds a page links to, and where each feed lives; the `export` emitter writes them.

use fluent_bundle::FluentArgs;

use super::{FeedLink, PageRoute, Route, Site, Term};
use crate::slug::slugify;

/// Which feed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Feed {
    Updates,
    Recommendations,
    Term(Term),
}

/// The feed's path from the site root.
pub fn feed_path(site: &Site, lang: &str, feed: Feed) -> String {
    match feed {
        Feed::Updates => format!("{lang}/feeds/updates.xml"),
        Feed::Recommendations => format!("{lang}/feeds/recommendations.xml"),
        Feed::Term(term) => format!(
            "{lang}/feeds/{}/{}.xml",
            term.section().segment(),
            slugify(site.term_slug(term))
        ),
    }
}

fn has_own_feed(term: Term) -> bool {
    matches!(
        term,
        Term::Mechanism(_) | Term::Institution(_) | Term::Theme(_) | Term::State(_)
    )
}

pub(crate) fn feed_title(site: &Site, lang: &str, feed: Feed) -> String {
    let mut args = FluentArgs::new();
    args.set("site", site.site_title(lang));
    match feed {
        Feed::Updates => site.i18n.message(lang, "feed-updates-title", Some(&args)),
        Feed::Recommendations => site
            .i18n
            .message(lang, "feed-recommendations-title", Some(&args)),
        Feed::Term(term) => {
            args.set("name", site.term_name(term, lang).text);
            site.i18n.message(lang, "feed-term-title", Some(&args))
        }
    }
}

/// The feeds a page announces: its term's feed (mechanism, institution and theme pages),
/// then the portal's updates and new recommendations, in the page's language. A
/// recommendation's or action's page announces none: the home page, the lists and the Data
/// page do, and those pages are most of the site's bytes.
pub fn page_feeds(site: &Site, page: PageRoute) -> Vec<FeedLink> {
    if matches!(page.route, Route::Recommendation(_) | Route::Action(_)) {
        return Vec::new();
    }
    let Some(lang) = site.language_codes().nth(page.lang as usize) else {
        return Vec::new();
    };
    let mut feeds = Vec::new();
    if let Route::Term(term, _) = page.route {
        if has_own_feed(term) {
            feeds.push(Feed::Term(term));
        }
    }
    feeds.extend([Feed::Updates, Feed::Recommendations]);
    feeds
        .into_iter()
        .map(|feed| FeedLink {
            href: feed_path(site, lang, feed),
            title: feed_title(site, lang, feed),
        })
        .collect()
}
