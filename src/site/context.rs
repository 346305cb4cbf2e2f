//! The serialisable shapes templates receive. Plain data; every href is site-root-relative.

use serde::Serialize;

/// A text in the language it is really in, with what templates need to mark a fallback.
#[derive(Debug, Clone, Serialize)]
pub struct Localized {
    pub text: String,
    pub lang: String,
    pub dir: &'static str,
    /// True when `lang` is not the page's language: templates add `lang`/`dir` and a notice.
    pub fallback: bool,
    /// ` lang="…" dir="…"` when the text falls back to another language, else empty.
    /// Built from validated config values only, so templates may print it unescaped.
    pub attrs: String,
    /// The name of `lang` in itself, for the fallback notice.
    pub lang_name: String,
}

/// A link to another page.
#[derive(Debug, Clone, Serialize)]
pub struct Link {
    pub href: String,
    pub label: Localized,
}

/// A status of the scale, ready for a badge.
#[derive(Debug, Clone, Serialize)]
pub struct StatusBadge {
    pub id: String,
    pub label: String,
    pub colour: String,
    pub implemented: bool,
    pub closed: bool,
    pub href: String,
}

/// One step of a status breakdown.
#[derive(Debug, Clone, Serialize)]
pub struct StatusCount {
    pub status: StatusBadge,
    pub count: usize,
    /// Share of the total, rounded to a whole percent.
    pub percent: u32,
    /// The same status by the national human rights institution's assessment.
    pub nhri_count: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct Breakdown {
    pub total: usize,
    pub steps: Vec<StatusCount>,
    /// Recommendations without any government assessment.
    pub unreported: usize,
    pub unreported_percent: u32,
    /// Recommendations without any NHRI assessment.
    pub nhri_unreported: usize,
    pub implemented: usize,
}

/// A recommendation as it appears in a list.
#[derive(Debug, Clone, Serialize)]
pub struct RecommendationSummary {
    pub id: String,
    pub href: String,
    pub excerpt: Localized,
    pub mechanism: String,
    pub symbol: String,
    pub paragraph: Option<String>,
    pub date: String,
    /// The State under review, in a multi-State portal.
    pub state: Option<Link>,
    /// The State's response, only for mechanisms that ask for one (the UPR).
    pub response: Option<&'static str>,
    /// The government's current status, which headline counts use.
    pub status: Option<StatusBadge>,
    /// Every assessor's current view, for the headline badge or badges.
    pub views: StatusViews,
    /// The treaty body's follow-up procedure: when the State's information is due.
    pub follow_up_due: Option<String>,
}

/// Every assessor's current status of a recommendation, by the one view rule of
/// [`crate::model::EffectiveStatuses::views`].
#[derive(Debug, Clone, Serialize)]
pub struct StatusViews {
    /// True when the assessors that have a view all give the same status (or only one has).
    pub agree: bool,
    /// Government first; empty when nobody has assessed it.
    pub views: Vec<AssessorView>,
    /// The assessors' short names in the page's language, joined: who agreed.
    pub who: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct AssessorView {
    /// `government`, `nhri` or `civil-society`.
    pub assessor: &'static str,
    /// Its short name in the page's language.
    pub label: String,
    pub status: StatusBadge,
}

/// A status assessment, for histories and the side-by-side view.
#[derive(Debug, Clone, Serialize)]
pub struct Assessment {
    pub date: String,
    pub status: StatusBadge,
    pub assessor: &'static str,
    /// Institution or organisation that made it.
    pub source: Option<Localized>,
    pub source_href: Option<String>,
    /// Sanitised HTML from the Markdown narrative.
    pub narrative_html: Option<Localized>,
    pub evidence: Vec<crate::web_url::WebUrl>,
    /// When the information arrived (`submitted_on`), apart from the date it describes.
    pub submitted_on: Option<String>,
    /// Who sent it in, only when `[publish] submitted_by` is on.
    pub submitted_by: Option<String>,
    /// The recommendation or action it is about, on lists that mix subjects.
    pub subject: Option<Link>,
    /// A current view older than `stale_after_months` on the as-of date, of a matter this
    /// view does not call closed (never set on history entries).
    pub stale: bool,
    /// When a recommendation's status is derived from its actions: the deciding action.
    pub derived_from: Option<Link>,
    /// How many assessed actions the derivation considered.
    pub derived_actions: u32,
}

/// Page navigation for long listings.
#[derive(Debug, Clone, Serialize)]
pub struct Pager {
    pub current: usize,
    pub total_pages: usize,
    pub prev: Option<String>,
    pub next: Option<String>,
    pub first_item: usize,
    pub last_item: usize,
    pub total_items: usize,
    pub pages: Vec<PagerLink>,
}

#[derive(Debug, Clone, Serialize)]
pub struct PagerLink {
    pub number: usize,
    pub href: String,
    pub current: bool,
}

/// The same page in another language.
#[derive(Debug, Clone, Serialize)]
pub struct Alternate {
    pub lang: String,
    pub name: String,
    pub dir: &'static str,
    pub href: String,
    pub url: String,
    pub current: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct NavItem {
    pub href: String,
    pub label: String,
    pub current: bool,
    /// ` lang="…" dir="…"` when the label falls back to another language, else empty.
    pub attrs: String,
}

/// An Atom feed a page announces in its head.
#[derive(Debug, Clone, Serialize)]
pub struct FeedLink {
    /// Path from the site root.
    pub href: String,
    pub title: String,
}

/// Fields every page has.
#[derive(Debug, Clone, Serialize)]
pub struct PageBase {
    pub lang: String,
    pub dir: &'static str,
    /// Prefix that leads from this page to the site root (`../../`).
    pub root: String,
    /// This page's path from the site root.
    pub path: String,
    pub canonical: String,
    pub title: String,
    pub description: Option<String>,
    pub site_title: String,
    pub site_tagline: Option<String>,
    pub as_of: String,
    /// The head's hreflang links to this page in every language and x-default
    /// (`partials/hreflang.html`, rendered once per language).
    pub hreflang_html: String,
    /// The header's language switch (`partials/lang_switch.html`, rendered once per
    /// language).
    pub lang_switch_html: String,
    /// The main menu: [`NavItem`]s, as a template value shared by the pages where the same
    /// item is current.
    pub nav: tera::Value,
    /// The footer menu, as `nav`.
    pub footer_nav: tera::Value,
    /// The main menu as HTML (`partials/main_nav.html`), rendered once per language and
    /// current item.
    pub nav_html: String,
    /// The footer menu as HTML (`partials/footer_nav.html`).
    pub footer_nav_html: String,
    /// Which template renders it.
    pub kind: &'static str,
    pub breadcrumbs: Vec<NavItem>,
    /// Atom feeds of this page (its term's, then the portal's), for `<link rel="alternate">`.
    pub feeds: Vec<FeedLink>,
}
