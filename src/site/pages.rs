//! Context builders, one per kind of page.

use std::sync::Arc;

use serde::Serialize;
use tera::Context;

use super::context::*;
use super::entries::{IndicatorRow, action, indicator, indicator_row, recommendation};
use super::rows::Fragment;
use super::term_pages::{by_date_forward, section_index, term_list_page, term_page};
use super::terms::Term;
use super::urls::{self, Section};
use super::{Listing, PageRoute, RenderedContext, Route, Site};
use crate::model::tracking::Deadline;
use crate::model::*;

const LATEST_UPDATES: usize = 10;

pub fn build(site: &Site, page: PageRoute) -> RenderedContext {
    let lang = site.languages[page.lang as usize].code.as_str();
    let mut context = Context::new();
    context.insert("lang", lang);
    let (template, title) = match page.route {
        Route::Root => {
            context.insert("languages", &language_homes(site));
            ("root.html", site.site_title(lang))
        }
        Route::NotFound | Route::LanguageNotFound => {
            context.insert("languages", &language_homes(site));
            ("404.html", site.i18n.message(lang, "not-found-title", None))
        }
        Route::Home => {
            home(site, lang, &mut context);
            ("home.html", site.site_title(lang))
        }
        Route::Recommendation(id) => (
            "recommendation.html",
            recommendation(site, id, lang, &mut context),
        ),
        Route::Alias(index) => {
            let alias = &site.data.aliases[index.index()];
            let target = site.path(PageRoute {
                lang: page.lang,
                route: site.alias_route(alias.target),
            });
            context.insert("target_url", &site.absolute(&target));
            context.insert("target", &target);
            (
                "redirect.html",
                site.data.alias_target_key(alias.target).id.clone(),
            )
        }
        Route::Action(id) => ("action.html", action(site, id, lang, &mut context)),
        Route::Indicator(id) => ("indicator.html", indicator(site, id, lang, &mut context)),
        Route::SectionIndex(section, n) => {
            section_index_page(site, section, n.get(), lang, &mut context)
        }
        Route::Term(term, n) => (
            "term.html",
            term_page(site, term, n.get(), lang, &mut context),
        ),
        Route::TermList(term, Listing::ByDate, n) => (
            "redirect.html",
            by_date_forward(site, term, n.get(), lang, &mut context),
        ),
        Route::TermList(term, Listing::State(state), n) => (
            "term_list.html",
            term_list_page(site, term, state, n.get(), lang, &mut context),
        ),
        Route::Tracking(tracking_page, n) => {
            super::tracking::build(site, tracking_page, n.get(), lang, &mut context)
        }
        Route::Data => (
            "data.html",
            super::data_page::context(site, lang, &mut context),
        ),
        Route::Search => (
            "search.html",
            super::search_page::page_context(site, lang, &mut context),
        ),
        Route::DraftReport(mechanism, cycle, page) => (
            "draft_report.html",
            super::draft_report::page_context(site, mechanism, cycle, page, lang, &mut context),
        ),
        Route::Content(page) => (
            "page.html",
            content_page(site, page.index(), lang, &mut context),
        ),
    };
    let title = numbered_title(site, page.route, title, lang);
    let base = base(site, page, title, template);
    context.insert("page", &base);
    RenderedContext { template, context }
}

/// A section's index page: the template and the title.
fn section_index_page(
    site: &Site,
    section: Section,
    n: usize,
    lang: &str,
    context: &mut Context,
) -> (&'static str, String) {
    match section {
        Section::Recommendations => {
            let first = urls::section(lang, Section::Recommendations);
            let all = site.recommendations_newest_first();
            list_recommendations(site, all, Fragment::ListRow, &first, n, lang, context);
            (
                "list.html",
                site.i18n
                    .message(lang, Section::Recommendations.message(), None),
            )
        }
        Section::Actions => {
            actions_list(site, n, lang, context);
            (
                "actions.html",
                site.i18n.message(lang, Section::Actions.message(), None),
            )
        }
        Section::Indicators => {
            let items: Vec<IndicatorRow> = (0..site.data.indicators.len() as u32)
                .map(|i| indicator_row(site, IndicatorId(i), lang))
                .collect();
            context.insert("indicators", &items);
            (
                "indicators.html",
                site.i18n.message(lang, Section::Indicators.message(), None),
            )
        }
        _ => {
            section_index(site, section, lang, context);
            (
                "section.html",
                site.i18n.message(lang, section.message(), None),
            )
        }
    }
}

/// Every language's home page, for the language chooser and the 404 pages.
fn language_homes(site: &Site) -> Vec<Alternate> {
    site.languages
        .iter()
        .map(|l| Alternate {
            lang: l.code.clone(),
            name: l.name.clone(),
            dir: l.dir.as_str(),
            href: urls::home(&l.code),
            url: site.absolute(&urls::home(&l.code)),
            current: false,
        })
        .collect()
}

/// Page 2, 3... of a list say which page they are, so that every title is distinct.
fn numbered_title(site: &Site, route: Route, title: String, lang: &str) -> String {
    let d = site.data;
    let (number, items) = match route {
        Route::SectionIndex(Section::Recommendations, n) => (n.get(), d.recommendations.len()),
        Route::SectionIndex(Section::Actions, n) => (n.get(), d.actions.len()),
        Route::Term(term, n) => (n.get(), site.term_recommendations(term).len()),
        Route::TermList(term, listing, n) => {
            (n.get(), site.listing_recommendations(term, listing).len())
        }
        Route::Tracking(tracking, n) => (n.get(), site.tracking_items(tracking)),
        _ => return title,
    };
    if number <= 1 {
        return title;
    }
    let total = items.div_ceil(d.config.per_page).max(1);
    let mut args = fluent_bundle::FluentArgs::new();
    args.set("title", title);
    args.set("number", crate::i18n::format_number(number as f64, lang));
    args.set("total", crate::i18n::format_number(total as f64, lang));
    site.i18n.message(lang, "page-numbered", Some(&args))
}

fn base(site: &Site, page: PageRoute, title: String, template: &'static str) -> PageBase {
    let language = &site.languages[page.lang as usize];
    let lang = language.code.as_str();
    let path = site.path(page);
    let not_found = matches!(page.route, Route::NotFound | Route::LanguageNotFound);
    let alternates = if !not_found && page.route != Route::Root {
        alternates(site, page)
    } else {
        Vec::new()
    };
    // The 404 page is served at any depth, so its links start from the base URL's path.
    let root = if not_found {
        base_path(&site.base_url)
    } else {
        urls::root_of(&path)
    };
    let config = &site.data.config;
    let main = menu(site, page.lang as usize, Menu::Main, &path);
    let footer = menu(site, page.lang as usize, Menu::Footer, &path);
    PageBase {
        lang: lang.to_string(),
        dir: language.dir.as_str(),
        canonical: site.absolute(&path),
        nav: main.value.clone(),
        footer_nav: footer.value.clone(),
        nav_html: super::rows::with_root(&main.html, &root),
        footer_nav_html: super::rows::with_root(&footer.html, &root),
        root,
        path,
        title,
        description: config
            .tagline
            .get(lang)
            .or_else(|| config.tagline.get(&config.default_language))
            .cloned(),
        site_title: site.site_title(lang),
        site_tagline: config
            .tagline
            .get(lang)
            .or_else(|| config.tagline.get(&config.default_language))
            .cloned(),
        as_of: site.data.as_of.to_string(),
        x_default: alternates
            .iter()
            .find(|a| a.lang == config.default_language)
            .map(|a| a.url.clone()),
        alternates,
        kind: template.trim_end_matches(".html"),
        breadcrumbs: Vec::new(),
        feeds: super::feed_links::page_feeds(site, page),
    }
}

/// The same page in every language.
fn alternates(site: &Site, page: PageRoute) -> Vec<Alternate> {
    (0..site.languages.len() as u16)
        .map(|l| {
            let other = &site.languages[l as usize];
            let other_path = site.path(PageRoute {
                lang: l,
                route: page.route,
            });
            Alternate {
                lang: other.code.clone(),
                name: other.name.clone(),
                dir: other.dir.as_str(),
                url: site.absolute(&other_path),
                href: other_path,
                current: l == page.lang,
            }
        })
        .collect()
}

/// A language's main and footer menus: the same on every page of the language but for which
/// item is current, so they are built once per language, and made into a template value
/// once per item that is current.
pub(crate) struct Menus {
    main: Vec<NavItem>,
    footer: Vec<NavItem>,
    home: String,
    /// Each menu rendered, by the one item current in it (or none).
    rendered: std::sync::Mutex<RenderedMenus>,
}

type RenderedMenus = rustc_hash::FxHashMap<(Menu, Option<usize>), Arc<RenderedMenu>>;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Menu {
    Main,
    Footer,
}

/// A menu with its current item set, for the pages where that item is current.
struct RenderedMenu {
    /// The items, as a template value (`page.nav`).
    value: tera::Value,
    /// Its theme partial's HTML, with the mark of the root prefix.
    html: Box<str>,
}

impl Menus {
    fn items(&self, menu: Menu) -> &[NavItem] {
        match menu {
            Menu::Main => &self.main,
            Menu::Footer => &self.footer,
        }
    }

    fn template(menu: Menu) -> &'static str {
        match menu {
            Menu::Main => "partials/main_nav.html",
            Menu::Footer => "partials/footer_nav.html",
        }
    }

    /// An item is current when the page at `path` is it (home) or below it.
    fn is_current(&self, item: &NavItem, path: &str) -> bool {
        if item.href == self.home {
            path == item.href
        } else {
            path.starts_with(&item.href)
        }
    }
}

/// The menus of the language at `lang_index` in `site.languages`.
fn menus<'s>(site: &'s Site, lang_index: usize) -> &'s Menus {
    site.menus[lang_index].get_or_init(|| {
        let lang = site.languages[lang_index].code.as_str();
        Menus {
            main: main_nav(site, lang),
            footer: footer_nav(site, lang),
            home: urls::home(lang),
            rendered: Default::default(),
        }
    })
}

/// The `menu` of the language at `lang_index` for the page at `path`, with its current item.
fn menu(site: &Site, lang_index: usize, menu: Menu, path: &str) -> Arc<RenderedMenu> {
    let menus = menus(site, lang_index);
    let items = menus.items(menu);
    let mut current = (0..items.len()).filter(|&i| menus.is_current(&items[i], path));
    let first = current.next();
    let render = || {
        let with_current: Vec<NavItem> = items
            .iter()
            .map(|item| NavItem {
                current: menus.is_current(item, path),
                ..item.clone()
            })
            .collect();
        let value = tera::Value::from_serializable(&with_current);
        let lang = site.languages[lang_index].code.as_str();
        let html = site.render_shared(Menus::template(menu), lang, "nav", &value);
        Arc::new(RenderedMenu { value, html })
    };
    if current.next().is_some() {
        // Nested items current at once: too rare to keep.
        return render();
    }
    let mut rendered = menus.rendered.lock().unwrap_or_else(|e| e.into_inner());
    rendered.entry((menu, first)).or_insert_with(render).clone()
}

/// A menu link, not current; see [`with_current`].
fn nav_item(href: String, label: String) -> NavItem {
    NavItem {
        href,
        label,
        current: false,
        attrs: String::new(),
    }
}

/// Home, the main sections that have entries, search, and the content pages with a weight.
fn main_nav(site: &Site, lang: &str) -> Vec<NavItem> {
    let mut nav = vec![nav_item(
        urls::home(lang),
        site.i18n.message(lang, "nav-home", None),
    )];
    for section in [
        Section::Recommendations,
        Section::States,
        Section::Actions,
        Section::Mechanisms,
        Section::Themes,
        Section::Institutions,
        Section::Sdg,
    ] {
        if section == Section::Actions && site.data.actions.is_empty()
            || section != Section::Recommendations
                && section != Section::Actions
                && site.terms(section).is_empty()
        {
            continue;
        }
        nav.push(nav_item(
            urls::section(lang, section),
            site.i18n.message(lang, section.message(), None),
        ));
    }
    nav.push(nav_item(
        super::search_page::page_path(lang),
        site.i18n.message(lang, "nav-search", None),
    ));
    let mut content: Vec<&ContentPage> = site
        .data
        .pages
        .iter()
        .filter(|p| p.weight.is_some())
        .collect();
    content.sort_by_key(|p| (p.weight, p.path.clone()));
    for page in content {
        let title = site_page_title(site, page, lang);
        let mut link = nav_item(urls::content(lang, &page.path), title.text);
        link.attrs = title.attrs;
        nav.push(link);
    }
    nav
}

/// The tracking pages, the other sections that have entries, and the Data page.
fn footer_nav(site: &Site, lang: &str) -> Vec<NavItem> {
    let mut nav: Vec<NavItem> = site
        .tracking_pages()
        .into_iter()
        .map(|p| {
            nav_item(
                format!("{lang}/{}/", p.segment()),
                site.i18n.message(lang, p.message(), None),
            )
        })
        .collect();
    for section in [
        Section::Documents,
        Section::Groups,
        Section::Clusters,
        Section::Statuses,
        Section::Indicators,
        Section::RecommendingStates,
    ] {
        let present = if section == Section::Indicators {
            !site.data.indicators.is_empty()
        } else if section == Section::RecommendingStates {
            // A national portal links its recommending States from its recommendations.
            site.data.is_multi_state()
        } else {
            !site.terms(section).is_empty()
        };
        if present {
            nav.push(nav_item(
                urls::section(lang, section),
                site.i18n.message(lang, section.message(), None),
            ));
        }
    }
    nav.push(nav_item(
        format!("{lang}/data/"),
        site.i18n.message(lang, "data-title", None),
    ));
    nav
}

/// `/` or `/portal/` from `https://host/portal/`.
pub fn base_path(base_url: &str) -> String {
    let after_scheme = base_url
        .split_once("://")
        .map_or(base_url, |(_, rest)| rest);
    match after_scheme.find('/') {
        Some(slash) => after_scheme[slash..].to_string(),
        None => "/".into(),
    }
}

fn site_page_title(site: &Site, page: &ContentPage, lang: &str) -> Localized {
    let default = &site.data.config.default_language;
    let (actual, text) = in_language(&page.translations, lang, default)
        .expect("a content page has at least one translation");
    site.localized(text.title.clone(), actual, lang)
}

#[derive(Serialize)]
struct MechanismRow {
    link: Link,
    acronym: Option<String>,
    count: usize,
    breakdown: Breakdown,
}

fn home(site: &Site, lang: &str, context: &mut Context) {
    let d = site.data;
    let all: Vec<RecommendationId> = (0..d.recommendations.len() as u32)
        .map(RecommendationId)
        .collect();
    let breakdown = site.breakdown(&all, lang);
    context.insert(
        "distribution",
        &site.distribution("status-chart", &breakdown, lang),
    );
    context.insert("progress", &site.progress("progress-chart", &all, lang));
    context.insert("breakdown", &breakdown);
    let tracking_links: Vec<NavItem> = site
        .tracking_pages()
        .into_iter()
        .map(|p| NavItem {
            attrs: String::new(),
            href: format!("{lang}/{}/", p.segment()),
            label: site.i18n.message(lang, p.message(), None),
            current: false,
        })
        .collect();
    context.insert("tracking_links", &tracking_links);
    let overdue = (0..d.actions.len() as u32)
        .filter(|a| site.deadline(ActionId(*a)) == Deadline::Overdue)
        .count();
    context.insert("overdue_count", &overdue);
    let mechanisms: Vec<MechanismRow> = (0..d.mechanisms.len() as u32)
        .map(|i| {
            let term = Term::Mechanism(MechanismId(i));
            let recommendations = site.term_recommendations(term);
            MechanismRow {
                link: site.term_link(term, lang),
                acronym: d.mechanisms[i as usize].acronym.clone(),
                count: recommendations.len(),
                breakdown: site.breakdown(recommendations, lang),
            }
        })
        .filter(|row| row.count > 0)
        .collect();
    context.insert("mechanisms", &mechanisms);
    context.insert("action_count", &d.actions.len());
    let latest: Vec<Assessment> = site
        .updates_newest_first
        .iter()
        .take(LATEST_UPDATES)
        .map(|&u| site.assessment(u, lang, true))
        .collect();
    context.insert("latest", &latest);
    let assessed = |who: Assessor| {
        let n = d
            .recommendations
            .iter()
            .filter(|r| r.effective.get(who).is_some())
            .count();
        crate::i18n::format_number(n as f64, lang)
    };
    context.insert(
        "currency",
        &[
            assessed(Assessor::Government),
            assessed(Assessor::Nhri),
            assessed(Assessor::CivilSociety),
        ],
    );
    if let Some(intro) = &d.home_intro {
        context.insert("intro", &page_body(site, intro, lang));
    }
}

fn page_body(site: &Site, page: &ContentPage, lang: &str) -> Localized {
    let default = &site.data.config.default_language;
    let (actual, text) = in_language(&page.translations, lang, default)
        .expect("a content page has at least one translation");
    site.localized(super::to_safe_html(&text.body), actual, lang)
}

fn content_page(site: &Site, index: usize, lang: &str, context: &mut Context) -> String {
    let page = &site.data.pages[index];
    let body = page_body(site, page, lang);
    let title = &page.translations[&body.lang].title;
    context.insert("title_lang", &body.lang);
    context.insert("body", &body);
    title.clone()
}

pub(super) fn pager(first: &str, current: usize, total_items: usize, per_page: usize) -> Pager {
    let total_pages = total_items.div_ceil(per_page).max(1);
    Pager {
        current,
        total_pages,
        prev: (current > 1).then(|| urls::paged(first, current - 1)),
        next: (current < total_pages).then(|| urls::paged(first, current + 1)),
        first_item: if total_items == 0 {
            0
        } else {
            (current - 1) * per_page + 1
        },
        last_item: (current * per_page).min(total_items),
        total_items,
        pages: (1..=total_pages)
            .filter(|&n| n == 1 || n == total_pages || n.abs_diff(current) <= 2)
            .map(|n| PagerLink {
                number: n,
                href: urls::paged(first, n),
                current: n == current,
            })
            .collect(),
    }
}

/// One page of the list `ids`, whose rows are `row` fragments.
pub(super) fn list_recommendations(
    site: &Site,
    ids: &[RecommendationId],
    row: Fragment,
    first: &str,
    page: usize,
    lang: &str,
    context: &mut Context,
) {
    let per_page = site.data.config.per_page;
    let start = (page - 1) * per_page;
    let root = urls::root_of(&urls::paged(first, page));
    let rows: Vec<String> = ids
        .iter()
        .skip(start)
        .take(per_page)
        .map(|&id| site.fragment(row, id, lang, &root))
        .collect();
    context.insert("rows", &rows);
    context.insert("pager", &pager(first, page, ids.len(), per_page));
    context.insert_value("breakdown", list_breakdown(site, ids, first, lang));
}

/// The status breakdowns of long lists, by the path of their first page.
pub(crate) type ListBreakdowns = std::sync::Mutex<rustc_hash::FxHashMap<String, tera::Value>>;

/// The breakdown of the list `ids` whose first page is at `first`: counted once for all its
/// pages, which would otherwise each count the whole list.
fn list_breakdown(site: &Site, ids: &[RecommendationId], first: &str, lang: &str) -> tera::Value {
    let count = || tera::Value::from_serializable(&site.breakdown(ids, lang));
    if ids.len() <= site.data.config.per_page {
        return count();
    }
    let cached = site
        .list_breakdowns
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .get(first)
        .cloned();
    if let Some(breakdown) = cached {
        return breakdown;
    }
    let breakdown = count();
    site.list_breakdowns
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .insert(first.to_string(), breakdown.clone());
    breakdown
}

#[derive(Serialize)]
pub(super) struct ActionRow {
    pub id: String,
    pub href: String,
    pub title: Localized,
    lead: Option<Link>,
    start_date: Option<String>,
    due_date: Option<String>,
    status: Option<StatusBadge>,
    recommendation_count: usize,
    /// `overdue`, `due-soon`, `on-track`, `closed` or `undated` on the as-of date.
    pub deadline: &'static str,
    /// Days past the due date, for overdue actions.
    days_overdue: Option<i64>,
}

pub(super) fn action_row(site: &Site, id: ActionId, lang: &str) -> ActionRow {
    let d = site.data;
    let a = &d.actions[id.index()];
    ActionRow {
        id: a.key.id.clone(),
        href: urls::entry(lang, Section::Actions, &a.key.slug),
        title: site.localize(&a.title, lang),
        lead: a
            .lead_institution
            .map(|i| site.term_link(Term::Institution(i), lang)),
        start_date: a.start_date.map(|d| d.to_string()),
        due_date: a.due_date.map(|d| d.to_string()),
        status: a
            .assessments
            .government
            .map(|u| site.badge(d.status_updates[u.index()].status, lang)),
        recommendation_count: a.recommendations.len(),
        deadline: site.deadline(id).id(),
        days_overdue: a
            .due_date
            .filter(|due| *due < d.as_of)
            .map(|due| (d.as_of - due).num_days()),
    }
}

fn actions_list(site: &Site, page: usize, lang: &str, context: &mut Context) {
    let per_page = site.data.config.per_page;
    let total = site.data.actions.len();
    let items: Vec<ActionRow> = (0..total as u32)
        .skip((page - 1) * per_page)
        .take(per_page)
        .map(|i| action_row(site, ActionId(i), lang))
        .collect();
    context.insert("actions", &items);
    context.insert(
        "pager",
        &pager(
            &urls::section(lang, Section::Actions),
            page,
            total,
            per_page,
        ),
    );
}
