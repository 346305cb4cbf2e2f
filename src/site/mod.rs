//! Stage 3: every page of the portal as a route, and the context each route renders with.
//!
//! Routes are cheap values; contexts are built on demand, in parallel, by the output stage,
//! so that a 100,000-recommendation portal never holds all pages in memory.

mod charts;
mod context;
mod contribute;
mod data_page;
mod disputed;
pub mod draft_report;
mod entries;
pub(crate) mod feed_links;
mod language_links;
mod markdown;
mod pages;
mod parts;
mod rows;
pub(crate) mod search_page;
mod state_pages;
mod term_lists;
mod term_pages;
mod terms;
mod tracking;
pub mod urls;

use crate::config::TextDirection;
use crate::i18n::I18n;
use crate::model::*;

pub use context::*;
pub use data_page::DataFile;
pub use markdown::{excerpt, to_safe_html};
pub use pages::base_path;
pub use rows::RowCache;
pub use term_lists::Listing;
pub use terms::{TERM_SECTIONS, Term};
pub use tracking::TrackingPage;
pub use urls::Section;

/// One page to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Route {
    /// `/` itself: a language chooser that forwards to the default language.
    Root,
    /// `/404.html`, in the default language.
    NotFound,
    /// `/{lang}/404.html`: what a host serves for a missing page under a language's prefix.
    LanguageNotFound,
    Home,
    Recommendation(RecommendationId),
    /// An old id (position in [`Dataset::aliases`]), forwarding to its row's current page.
    Alias(AliasIndex),
    Action(ActionId),
    Indicator(IndicatorId),
    /// The list of all terms of a section (`/en/themes/`), or of all
    /// recommendations or actions, paginated.
    SectionIndex(Section, PageNumber),
    /// One term's page (`/en/themes/torture/page/2/`).
    Term(Term, PageNumber),
    /// Another list of a term's recommendations (`/en/themes/torture/by-date/page/2/`).
    TermList(Term, Listing, PageNumber),
    Content(ContentPageId),
    /// The search page (`/en/search/`), with its index under `/search/en/`.
    Search,
    /// Pages of the tracking layer: overdue actions, reporting calendar, scorecards, changes,
    /// disputed recommendations; the overdue and disputed ones paginated
    /// (`/en/disputed/page/2/`).
    Tracking(TrackingPage, PageNumber),
    /// The open data page: downloads, API and feeds (`/en/data/`).
    Data,
    /// A mechanism's draft follow-up report: of one cycle, or of its latest document,
    /// paginated (`/en/mechanisms/upr/report/cycle-3/page/2/`).
    DraftReport(MechanismId, Option<u32>, PageNumber),
}

/// Position of an old id in `Dataset::aliases`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AliasIndex(pub u32);

impl AliasIndex {
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// Position of a content page in `Dataset::pages`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ContentPageId(pub u32);

impl ContentPageId {
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// The number of a page of a paginated list, counting from 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PageNumber(u32);

impl PageNumber {
    pub const FIRST: PageNumber = PageNumber(1);

    /// Pages 1 to `count`.
    fn all(count: usize) -> impl Iterator<Item = PageNumber> {
        (1..=count as u32).map(PageNumber)
    }

    pub fn get(self) -> usize {
        self.0 as usize
    }
}

/// A route in one language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PageRoute {
    /// Position in the config's languages.
    pub lang: u16,
    pub route: Route,
}

/// What the output stage renders: a template and its context.
pub struct RenderedContext {
    pub template: &'static str,
    pub context: tera::Context,
}

pub(crate) struct LanguageInfo {
    pub code: String,
    pub name: String,
    pub dir: TextDirection,
}

/// The portal as pages: routes, paths and contexts. Pure: no I/O.
pub struct Site<'a> {
    pub data: &'a Dataset,
    pub i18n: &'a I18n,
    pub(crate) languages: Vec<LanguageInfo>,
    pub(crate) base_url: String,
    /// Recommendations per status of the scale, by the government's latest assessment.
    pub(crate) by_status: Vec<Vec<RecommendationId>>,
    /// Every status update, newest first.
    pub(crate) updates_newest_first: Vec<StatusUpdateId>,
    /// The government's status changes per recommendation, for progress charts.
    pub(crate) timelines: Vec<Vec<(chrono::NaiveDate, Option<StatusId>)>>,
    /// Quarter ends shown by progress charts.
    pub(crate) quarters: Vec<chrono::NaiveDate>,
    /// What the open-data emitter wrote, for the Data page; see [`Site::set_data_files`].
    pub(crate) data_files: Vec<DataFile>,
    /// Terms' lists besides their own pages (newest first).
    pub(crate) term_lists: term_lists::TermLists,
    /// List rows rendered once each; see [`Site::set_templates`].
    pub(crate) rows: Option<rows::Rows<'a>>,
    /// Each language's menus, built on first use.
    pub(crate) menus: Vec<std::sync::OnceLock<pages::Menus>>,
    /// Each language's hreflang alternates and language switch, rendered on first use.
    language_links: Vec<std::sync::OnceLock<language_links::LanguageLinks>>,
    /// The status breakdown of each paginated list of more than one page, by the path of its
    /// first page: every page of the list shows the same one.
    pub(crate) list_breakdowns: pages::ListBreakdowns,
}

impl<'a> Site<'a> {
    pub fn new(data: &'a Dataset, i18n: &'a I18n) -> Site<'a> {
        let languages = data
            .config
            .languages
            .iter()
            .map(|l| LanguageInfo {
                code: l.code.clone(),
                name: l.name.clone(),
                dir: l.dir,
            })
            .collect();
        let mut by_status = vec![Vec::new(); data.config.statuses.len()];
        for (index, recommendation) in data.recommendations.iter().enumerate() {
            if let Some(status) = data.headline_status(recommendation) {
                by_status[status.index()].push(RecommendationId(index as u32));
            }
        }
        let mut updates_newest_first: Vec<StatusUpdateId> = (0..data.status_updates.len() as u32)
            .map(StatusUpdateId)
            .collect();
        updates_newest_first.sort_by(|a, b| {
            let (ua, ub) = (
                &data.status_updates[a.index()],
                &data.status_updates[b.index()],
            );
            ub.date.cmp(&ua.date).then(b.cmp(a))
        });
        let mut site = Site {
            data,
            i18n,
            languages,
            base_url: data.config.base_url(),
            by_status,
            updates_newest_first,
            timelines: tracking::government_timelines(data),
            quarters: tracking::progress_quarters(data),
            data_files: Vec::new(),
            term_lists: term_lists::TermLists::default(),
            rows: None,
            menus: data
                .config
                .languages
                .iter()
                .map(|_| Default::default())
                .collect(),
            language_links: data
                .config
                .languages
                .iter()
                .map(|_| Default::default())
                .collect(),
            list_breakdowns: Default::default(),
        };
        site.term_lists = term_lists::TermLists::new(&site);
        site
    }

    /// Gives the Data page the files the open-data emitter wrote, so that it renders once,
    /// with their sizes. Until then it lists no downloads.
    pub fn set_data_files(&mut self, files: Vec<DataFile>) {
        self.data_files = files;
    }

    /// Gives list pages the theme's templates, which render each recommendation's row once
    /// per language (on first use). Contexts of list pages need them.
    pub fn set_templates(&mut self, tera: &'a tera::Tera) {
        let count = self.data.recommendations.len();
        self.rows = Some(rows::Rows::new(tera, self.languages.len(), count));
    }

    pub fn language_codes(&self) -> impl Iterator<Item = &str> {
        self.languages.iter().map(|l| l.code.as_str())
    }

    /// Every page of the portal, in a stable order.
    pub fn routes(&self) -> Vec<PageRoute> {
        let data = self.data;
        let per_page = data.config.per_page;
        let pages_for = |n: usize| PageNumber::all(n.div_ceil(per_page).max(1));
        let mut language_neutral = Vec::new();
        language_neutral.push(Route::Home);
        for section in [Section::Recommendations, Section::Actions] {
            let count = if section == Section::Recommendations {
                data.recommendations.len()
            } else {
                data.actions.len()
            };
            if count > 0 || section == Section::Recommendations {
                language_neutral.extend(pages_for(count).map(|p| Route::SectionIndex(section, p)));
            }
        }
        for index in 0..data.recommendations.len() {
            let id = RecommendationId(index as u32);
            language_neutral.push(Route::Recommendation(id));
        }
        language_neutral
            .extend((0..data.aliases.len() as u32).map(|a| Route::Alias(AliasIndex(a))));
        language_neutral.extend((0..data.actions.len() as u32).map(|i| Route::Action(ActionId(i))));
        language_neutral
            .extend((0..data.indicators.len() as u32).map(|i| Route::Indicator(IndicatorId(i))));
        for section in terms::TERM_SECTIONS {
            let terms = self.terms(*section);
            if terms.is_empty() {
                continue;
            }
            language_neutral.push(Route::SectionIndex(*section, PageNumber::FIRST));
            for term in terms {
                let count = self.term_recommendations(term).len();
                if self.term_list_is_all(term) {
                    // Its later pages are the Recommendations list's.
                    language_neutral.push(Route::Term(term, PageNumber::FIRST));
                } else {
                    language_neutral.extend(pages_for(count).map(|p| Route::Term(term, p)));
                }
                for listing in self.listings(term) {
                    if self.listing_is_state_page(term, listing) {
                        continue;
                    }
                    let count = self.listing_recommendations(term, listing).len();
                    language_neutral
                        .extend(pages_for(count).map(|p| Route::TermList(term, listing, p)));
                }
            }
        }
        if !data.indicators.is_empty() {
            language_neutral.push(Route::SectionIndex(Section::Indicators, PageNumber::FIRST));
        }
        language_neutral
            .extend((0..data.pages.len() as u32).map(|i| Route::Content(ContentPageId(i))));
        language_neutral.push(Route::Search);
        for tracking in self.tracking_pages() {
            let count = self.tracking_items(tracking);
            language_neutral.extend(pages_for(count).map(|p| Route::Tracking(tracking, p)));
        }
        language_neutral.push(Route::Data);
        for (m, cycle) in draft_report::portal_scopes(data) {
            let count = draft_report::item_count(self, m, cycle);
            language_neutral.extend(pages_for(count).map(|p| Route::DraftReport(m, cycle, p)));
        }
        language_neutral.push(Route::LanguageNotFound);

        let mut routes = vec![
            PageRoute {
                lang: self.default_lang_index(),
                route: Route::Root,
            },
            PageRoute {
                lang: self.default_lang_index(),
                route: Route::NotFound,
            },
        ];
        for lang in 0..self.languages.len() as u16 {
            routes.extend(
                language_neutral
                    .iter()
                    .map(|&route| PageRoute { lang, route }),
            );
        }
        routes
    }

    pub(crate) fn default_lang_index(&self) -> u16 {
        self.languages
            .iter()
            .position(|l| l.code == self.data.config.default_language)
            .unwrap_or(0) as u16
    }

    /// The page's path from the site root: `en/recommendations/upr4-1/`, or a file name.
    pub fn path(&self, page: PageRoute) -> String {
        let lang = self.languages[page.lang as usize].code.as_str();
        let data = self.data;
        match page.route {
            Route::Root => String::new(),
            Route::NotFound => "404.html".into(),
            Route::LanguageNotFound => format!("{lang}/404.html"),
            Route::Home => urls::home(lang),
            Route::Recommendation(id) => urls::entry(
                lang,
                Section::Recommendations,
                &data.recommendations[id.index()].key.slug,
            ),
            Route::Alias(index) => {
                let alias = &data.aliases[index.index()];
                let section = match self.alias_route(alias.target) {
                    Route::Term(term, _) => term.section(),
                    Route::Action(_) => Section::Actions,
                    Route::Indicator(_) => Section::Indicators,
                    _ => Section::Recommendations,
                };
                urls::entry(lang, section, &alias.old.slug)
            }
            Route::Action(id) => {
                urls::entry(lang, Section::Actions, &data.actions[id.index()].key.slug)
            }
            Route::Indicator(id) => urls::entry(
                lang,
                Section::Indicators,
                &data.indicators[id.index()].key.slug,
            ),
            Route::SectionIndex(section, page) => {
                urls::paged(&urls::section(lang, section), page.get())
            }
            Route::Term(term, page) => urls::paged(&self.term_path(lang, term), page.get()),
            Route::TermList(term, listing, page) => {
                urls::paged(&self.listing_path(lang, term, listing), page.get())
            }
            Route::Content(page) => urls::content(lang, &data.pages[page.index()].path),
            Route::Search => search_page::page_path(lang),
            Route::Tracking(tracking, page) => {
                urls::paged(&format!("{lang}/{}/", tracking.segment()), page.get())
            }
            Route::Data => format!("{lang}/data/"),
            Route::DraftReport(m, cycle, page) => urls::paged(
                &urls::draft_report(lang, &data.mechanisms[m.index()].key.slug, cycle),
                page.get(),
            ),
        }
    }

    /// The page an alias forwards to.
    pub fn alias_route(&self, target: AliasTarget) -> Route {
        match target {
            AliasTarget::Recommendation(id) => Route::Recommendation(id),
            AliasTarget::Action(id) => Route::Action(id),
            AliasTarget::Indicator(id) => Route::Indicator(id),
            AliasTarget::Mechanism(id) => Route::Term(Term::Mechanism(id), PageNumber::FIRST),
            AliasTarget::Document(id) => Route::Term(Term::Document(id), PageNumber::FIRST),
            AliasTarget::Institution(id) => Route::Term(Term::Institution(id), PageNumber::FIRST),
            AliasTarget::Theme(id) => Route::Term(Term::Theme(id), PageNumber::FIRST),
            AliasTarget::Group(id) => Route::Term(Term::Group(id), PageNumber::FIRST),
            AliasTarget::SdgGoal(id) => Route::Term(Term::SdgGoal(id), PageNumber::FIRST),
            AliasTarget::SdgTarget(id) => Route::Term(Term::SdgTarget(id), PageNumber::FIRST),
            AliasTarget::Cluster(id) => Route::Term(Term::Cluster(id), PageNumber::FIRST),
        }
    }

    /// The path part of the base URL (`/` or `/portal/`), for files read by the web server.
    pub fn base_path(&self) -> String {
        base_path(&self.base_url)
    }

    /// Absolute URL of a path, for canonical links, hreflang, feeds and citations.
    pub fn absolute(&self, path: &str) -> String {
        format!("{}{path}", self.base_url)
    }

    /// The context of one page, ready for its template.
    pub fn context(&self, page: PageRoute) -> RenderedContext {
        pages::build(self, page)
    }
}
