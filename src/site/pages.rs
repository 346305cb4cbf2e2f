//! Context builders, one per kind of page.

use serde::Serialize;
use tera::Context;

use super::context::*;
use super::entries::{IndicatorRow, action, indicator, indicator_row, recommendation};
use super::terms::Term;
use super::urls::{self, Section};
use super::{PageRoute, RenderedContext, Route, Site};
use crate::model::tracking::Deadline;
use crate::model::*;

/// How many related items a page lists before linking to the full list.
const LATEST_UPDATES: usize = 10;
const EXCERPT_CHARS: usize = 220;

pub fn build(site: &Site, page: PageRoute) -> RenderedContext {
    let lang = site.languages[page.lang as usize].code.as_str();
    let mut context = Context::new();
    context.insert("lang", lang);
    let (template, title) = match page.route {
        Route::Root => {
            let languages: Vec<Alternate> = site
                .languages
                .iter()
                .map(|l| Alternate {
                    lang: l.code.clone(),
                    name: l.name.clone(),
                    dir: l.dir.as_str(),
                    href: urls::home(&l.code),
                    url: site.absolute(&urls::home(&l.code)),
                    current: false,
                })
                .collect();
            context.insert("languages", &languages);
            ("root.html", site.site_title(lang))
        }
        Route::NotFound => ("404.html", site.i18n.message(lang, "not-found-title", None)),
        Route::Home => {
            home(site, lang, &mut context);
            ("home.html", site.site_title(lang))
        }
        Route::Recommendation(id) => (
            "recommendation.html",
            recommendation(site, id, lang, &mut context),
        ),
        Route::Alias(id, _) => {
            let target = urls::entry(
                lang,
                Section::Recommendations,
                &site.data.recommendations[id.index()].key.slug,
            );
            context.insert("target_url", &site.absolute(&target));
            context.insert("target", &target);
            (
                "redirect.html",
                site.data.recommendations[id.index()].key.id.clone(),
            )
        }
        Route::Action(id) => ("action.html", action(site, id, lang, &mut context)),
        Route::Indicator(id) => ("indicator.html", indicator(site, id, lang, &mut context)),
        Route::SectionIndex(Section::Recommendations, n) => {
            let all: Vec<RecommendationId> = (0..site.data.recommendations.len() as u32)
                .map(RecommendationId)
                .collect();
            let first = urls::section(lang, Section::Recommendations);
            list_recommendations(site, &all, &first, n as usize, lang, &mut context);
            (
                "list.html",
                site.i18n
                    .message(lang, Section::Recommendations.message(), None),
            )
        }
        Route::SectionIndex(Section::Actions, n) => {
            actions_list(site, n as usize, lang, &mut context);
            (
                "actions.html",
                site.i18n.message(lang, Section::Actions.message(), None),
            )
        }
        Route::SectionIndex(Section::Indicators, _) => {
            let items: Vec<IndicatorRow> = (0..site.data.indicators.len() as u32)
                .map(|i| indicator_row(site, IndicatorId(i), lang))
                .collect();
            context.insert("indicators", &items);
            (
                "indicators.html",
                site.i18n.message(lang, Section::Indicators.message(), None),
            )
        }
        Route::SectionIndex(section, _) => {
            section_index(site, section, lang, &mut context);
            (
                "section.html",
                site.i18n.message(lang, section.message(), None),
            )
        }
        Route::Term(term, n) => (
            "term.html",
            term_page(site, term, n as usize, lang, &mut context),
        ),
        Route::Tracking(tracking_page) => {
            super::tracking::build(site, tracking_page, lang, &mut context)
        }
        Route::Data => (
            "data.html",
            crate::export::data_page(site, lang, &mut context),
        ),
        Route::Search => (
            "search.html",
            crate::search::page_context(site, lang, &mut context),
        ),
        Route::Content(index) => (
            "page.html",
            content_page(site, index as usize, lang, &mut context),
        ),
    };
    let base = base(site, page, title, template);
    context.insert("page", &base);
    RenderedContext { template, context }
}

impl Site<'_> {
    fn site_title(&self, lang: &str) -> String {
        let config = &self.data.config;
        config
            .title
            .get(lang)
            .or_else(|| config.title.get(&config.default_language))
            .cloned()
            .unwrap_or_default()
    }

    pub(crate) fn badge(&self, status: StatusId, lang: &str) -> StatusBadge {
        let def = &self.data.config.statuses[status.index()];
        StatusBadge {
            id: def.id.clone(),
            label: self.status_label(status, lang),
            colour: def.colour.clone(),
            implemented: def.implemented,
            closed: def.closed,
            href: self.term_path(lang, Term::Status(status)),
        }
    }

    pub(crate) fn summary(&self, id: RecommendationId, lang: &str) -> RecommendationSummary {
        let d = self.data;
        let r = &d.recommendations[id.index()];
        let document = &d.documents[r.document.index()];
        let mechanism = &d.mechanisms[r.mechanism.index()];
        let mut text = self.localize(&r.text, lang);
        text.text = super::excerpt(&text.text, EXCERPT_CHARS);
        RecommendationSummary {
            id: r.key.id.clone(),
            href: urls::entry(lang, Section::Recommendations, &r.key.slug),
            excerpt: text,
            mechanism: mechanism
                .acronym
                .clone()
                .unwrap_or_else(|| self.localize(&mechanism.name, lang).text),
            symbol: document.symbol.clone(),
            paragraph: r.paragraph.clone(),
            date: r.date.to_string(),
            response: r.response.id(),
            status: d.headline_status(r).map(|s| self.badge(s, lang)),
        }
    }

    pub(crate) fn breakdown(&self, recommendations: &[RecommendationId], lang: &str) -> Breakdown {
        let d = self.data;
        let mut counts = vec![0usize; d.config.statuses.len()];
        let mut nhri_counts = vec![0usize; d.config.statuses.len()];
        let (mut unreported, mut nhri_unreported) = (0, 0);
        for id in recommendations {
            let r = &d.recommendations[id.index()];
            match d.headline_status(r) {
                Some(status) => counts[status.index()] += 1,
                None => unreported += 1,
            }
            match d.status_by(r, Assessor::Nhri) {
                Some(status) => nhri_counts[status.index()] += 1,
                None => nhri_unreported += 1,
            }
        }
        let total = recommendations.len();
        let percent = |n: usize| {
            if total == 0 {
                0
            } else {
                ((n * 100) as f64 / total as f64).round() as u32
            }
        };
        let implemented = counts
            .iter()
            .enumerate()
            .filter(|(i, _)| d.config.statuses[*i].implemented)
            .map(|(_, n)| n)
            .sum();
        Breakdown {
            total,
            steps: counts
                .iter()
                .enumerate()
                .map(|(i, &count)| StatusCount {
                    status: self.badge(StatusId(i as u32), lang),
                    count,
                    percent: percent(count),
                    nhri_count: nhri_counts[i],
                })
                .collect(),
            unreported,
            unreported_percent: percent(unreported),
            nhri_unreported,
            implemented,
        }
    }

    pub(crate) fn assessment(
        &self,
        id: StatusUpdateId,
        lang: &str,
        with_subject: bool,
    ) -> Assessment {
        let d = self.data;
        let update = &d.status_updates[id.index()];
        let (source, source_href) = match (update.institution, &update.organisation) {
            (Some(institution), _) => (
                Some(self.localize(&d.institutions[institution.index()].name, lang)),
                Some(self.term_path(lang, Term::Institution(institution))),
            ),
            (None, Some(organisation)) => (Some(self.plain(organisation.clone(), lang)), None),
            (None, None) => (None, None),
        };
        let narrative_html = (!update.narrative.is_empty()).then(|| {
            let mut narrative = self.localize(&update.narrative, lang);
            narrative.text = super::to_safe_html(&narrative.text);
            narrative
        });
        let subject = with_subject.then(|| match update.subject {
            Subject::Recommendation(r) => {
                let r = &d.recommendations[r.index()];
                let mut label = self.localize(&r.text, lang);
                label.text = format!("{}: {}", r.key.id, super::excerpt(&label.text, 120));
                Link {
                    href: urls::entry(lang, Section::Recommendations, &r.key.slug),
                    label,
                }
            }
            Subject::Action(a) => {
                let a = &d.actions[a.index()];
                let mut label = self.localize(&a.title, lang);
                label.text = format!("{}: {}", a.key.id, label.text);
                Link {
                    href: urls::entry(lang, Section::Actions, &a.key.slug),
                    label,
                }
            }
        });
        Assessment {
            date: update.date.to_string(),
            status: self.badge(update.status, lang),
            assessor: update.assessor.id(),
            source,
            source_href,
            narrative_html,
            evidence: update.evidence.clone(),
            subject,
            stale: crate::model::tracking::is_stale(
                update.date,
                d.as_of,
                d.config.tracking.stale_after_months,
            ),
            derived_from: None,
            derived_actions: 0,
        }
    }

    pub(super) fn term_link(&self, term: Term, lang: &str) -> Link {
        Link {
            href: self.term_path(lang, term),
            label: self.term_name(term, lang),
        }
    }

    /// Each assessor's current status of a recommendation by the status rule, with how it
    /// was reached.
    pub(super) fn effective_assessments(
        &self,
        recommendation: &Recommendation,
        lang: &str,
    ) -> Vec<Assessment> {
        use crate::model::tracking::StatusSource;
        Assessor::ALL
            .iter()
            .filter_map(|(_, who)| recommendation.effective.get(*who))
            .map(|effective| match effective.source {
                StatusSource::Reported(update) => self.assessment(update, lang, false),
                StatusSource::Derived {
                    action,
                    update,
                    actions,
                } => {
                    let mut assessment = self.assessment(update, lang, false);
                    let a = &self.data.actions[action.index()];
                    let mut label = self.localize(&a.title, lang);
                    label.text = format!("{}: {}", a.key.id, label.text);
                    assessment.derived_from = Some(Link {
                        href: urls::entry(lang, Section::Actions, &a.key.slug),
                        label,
                    });
                    assessment.derived_actions = actions;
                    assessment
                }
            })
            .collect()
    }

    pub(super) fn assessments(&self, assessments: &Assessments, lang: &str) -> Vec<Assessment> {
        Assessor::ALL
            .iter()
            .filter_map(|(_, who)| assessments.get(*who))
            .map(|u| self.assessment(u, lang, false))
            .collect()
    }
}

fn base(site: &Site, page: PageRoute, title: String, template: &'static str) -> PageBase {
    let language = &site.languages[page.lang as usize];
    let lang = language.code.as_str();
    let path = site.path(page);
    let localized_route = !matches!(page.route, Route::Root | Route::NotFound);
    let alternates = if localized_route {
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
    } else {
        Vec::new()
    };
    // The 404 page is served at any depth, so its links start from the base URL's path.
    let root = if page.route == Route::NotFound {
        base_path(&site.base_url)
    } else {
        urls::root_of(&path)
    };
    let nav_item = |href: String, label: String| {
        let current = if href == urls::home(lang) {
            path == href
        } else {
            path.starts_with(&href)
        };
        NavItem {
            href,
            label,
            current,
            attrs: String::new(),
        }
    };
    let mut nav = vec![nav_item(
        urls::home(lang),
        site.i18n.message(lang, "nav-home", None),
    )];
    for section in [
        Section::Recommendations,
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
        crate::search::page_path(lang),
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
        let mut item = nav_item(urls::content(lang, &page.path), title.text);
        item.attrs = title.attrs;
        nav.push(item);
    }
    let mut footer_nav: Vec<NavItem> = site
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
    ] {
        let present = if section == Section::Indicators {
            !site.data.indicators.is_empty()
        } else {
            !site.terms(section).is_empty()
        };
        if present {
            footer_nav.push(nav_item(
                urls::section(lang, section),
                site.i18n.message(lang, section.message(), None),
            ));
        }
    }
    footer_nav.push(nav_item(
        format!("{lang}/data/"),
        site.i18n.message(lang, "data-title", None),
    ));
    let config = &site.data.config;
    PageBase {
        lang: lang.to_string(),
        dir: language.dir.as_str(),
        canonical: site.absolute(&path),
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
        nav,
        footer_nav,
        kind: template.trim_end_matches(".html"),
        breadcrumbs: Vec::new(),
        feeds: crate::export::page_feeds(site, page),
    }
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
    let (actual, text) = page
        .translations
        .get_key_value(lang)
        .or_else(|| page.translations.get_key_value(default))
        .or_else(|| page.translations.iter().next())
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
    if let Some(intro) = &d.home_intro {
        context.insert("intro", &page_body(site, intro, lang));
    }
}

fn page_body(site: &Site, page: &ContentPage, lang: &str) -> Localized {
    let default = &site.data.config.default_language;
    let (actual, text) = page
        .translations
        .get_key_value(lang)
        .or_else(|| page.translations.get_key_value(default))
        .or_else(|| page.translations.iter().next())
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

fn pager(first: &str, current: usize, total_items: usize, per_page: usize) -> Pager {
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

fn list_recommendations(
    site: &Site,
    ids: &[RecommendationId],
    first: &str,
    page: usize,
    lang: &str,
    context: &mut Context,
) {
    let per_page = site.data.config.per_page;
    let start = (page - 1) * per_page;
    let items: Vec<RecommendationSummary> = ids
        .iter()
        .skip(start)
        .take(per_page)
        .map(|&id| site.summary(id, lang))
        .collect();
    context.insert("recommendations", &items);
    context.insert("pager", &pager(first, page, ids.len(), per_page));
    context.insert("breakdown", &site.breakdown(ids, lang));
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

#[derive(Serialize)]
struct TermRow {
    link: Link,
    count: usize,
    depth: usize,
    implemented: usize,
}

fn section_index(site: &Site, section: Section, lang: &str, context: &mut Context) {
    let d = site.data;
    let mut terms = site.terms(section);
    let depth_of = |term: Term| match term {
        Term::Theme(mut id) => {
            let mut depth = 0;
            while let Some(parent) = d.themes[id.index()].parent {
                depth += 1;
                id = parent;
                if depth > d.themes.len() {
                    break;
                }
            }
            depth
        }
        Term::SdgTarget(_) => 1,
        _ => 0,
    };
    // Trees read top-down: every child right after its parent.
    if section == Section::Themes || section == Section::Sdg {
        let mut ordered = Vec::with_capacity(terms.len());
        let roots: Vec<Term> = terms
            .iter()
            .copied()
            .filter(|t| depth_of(*t) == 0)
            .collect();
        fn push_with_children(site: &Site, term: Term, out: &mut Vec<Term>) {
            out.push(term);
            let children: Vec<Term> = match term {
                Term::Theme(id) => site.data.themes[id.index()]
                    .children
                    .iter()
                    .map(|c| Term::Theme(*c))
                    .collect(),
                Term::SdgGoal(id) => site.data.sdg_goals[id.index()]
                    .targets
                    .iter()
                    .map(|t| Term::SdgTarget(*t))
                    .collect(),
                _ => Vec::new(),
            };
            for child in children {
                push_with_children(site, child, out);
            }
        }
        for root in roots {
            push_with_children(site, root, &mut ordered);
        }
        terms = ordered;
    }
    let rows: Vec<TermRow> = terms
        .into_iter()
        .map(|term| {
            let recommendations = site.term_recommendations(term);
            TermRow {
                link: site.term_link(term, lang),
                count: recommendations.len(),
                depth: depth_of(term),
                implemented: site.breakdown(recommendations, lang).implemented,
            }
        })
        .collect();
    context.insert("terms", &rows);
    context.insert("section", section.segment());
    if section == Section::Statuses {
        let all: Vec<RecommendationId> = (0..d.recommendations.len() as u32)
            .map(RecommendationId)
            .collect();
        context.insert("breakdown", &site.breakdown(&all, lang));
    }
}

#[derive(Serialize)]
struct TermDetails {
    kind: &'static str,
    id: String,
    name: Localized,
    description: Option<Localized>,
    url: Option<String>,
    facts: Vec<(String, String)>,
    parent: Option<Link>,
    children: Vec<Link>,
    documents: Vec<Link>,
    actions: Vec<ActionRow>,
}

fn term_page(site: &Site, term: Term, page: usize, lang: &str, context: &mut Context) -> String {
    let d = site.data;
    let name = site.term_name(term, lang);
    let mut details = TermDetails {
        kind: term.section().segment(),
        id: site.term_slug(term).to_string(),
        name: name.clone(),
        description: None,
        url: None,
        facts: Vec::new(),
        parent: None,
        children: Vec::new(),
        documents: Vec::new(),
        actions: Vec::new(),
    };
    let msg = |key: &str| site.i18n.message(lang, key, None);
    match term {
        Term::Mechanism(id) => {
            let m = &d.mechanisms[id.index()];
            details.url = m.url.clone();
            details.facts.push((
                msg("mechanism-kind"),
                msg(&format!("mechanism-kind-{}", mechanism_kind_id(m.kind))),
            ));
            details.documents = m
                .documents
                .iter()
                .map(|doc| site.term_link(Term::Document(*doc), lang))
                .collect();
        }
        Term::Document(id) => {
            let doc = &d.documents[id.index()];
            details.url = doc.url.clone();
            if !doc.title.is_empty() {
                details.description = Some(site.localize(&doc.title, lang));
            }
            details.parent = Some(site.term_link(Term::Mechanism(doc.mechanism), lang));
            details
                .facts
                .push((msg("document-date"), site.i18n.format_date(lang, doc.date)));
            if let Some(cycle) = doc.cycle {
                details
                    .facts
                    .push((msg("document-cycle"), cycle.to_string()));
            }
            if let Some(session) = &doc.session {
                details
                    .facts
                    .push((msg("document-session"), session.clone()));
            }
        }
        Term::Institution(id) => {
            let institution = &d.institutions[id.index()];
            details.url = institution.url.clone();
            details.facts.push((
                msg("institution-kind"),
                msg(&format!(
                    "institution-kind-{}",
                    institution_kind_id(institution.kind)
                )),
            ));
            details.actions = institution
                .actions
                .iter()
                .map(|a| action_row(site, *a, lang))
                .collect();
        }
        Term::Theme(id) => {
            let theme = &d.themes[id.index()];
            details.parent = theme.parent.map(|p| site.term_link(Term::Theme(p), lang));
            details.children = theme
                .children
                .iter()
                .map(|c| site.term_link(Term::Theme(*c), lang))
                .collect();
        }
        Term::SdgGoal(id) => {
            details.children = d.sdg_goals[id.index()]
                .targets
                .iter()
                .map(|t| site.term_link(Term::SdgTarget(*t), lang))
                .collect();
        }
        Term::SdgTarget(id) => {
            let target = &d.sdg_targets[id.index()];
            details.description = Some(site.localize(&target.text, lang));
            details.parent = Some(site.term_link(Term::SdgGoal(target.goal), lang));
        }
        Term::Cluster(id) => {
            let cluster = &d.clusters[id.index()];
            if !cluster.description.is_empty() {
                details.description = Some(site.localize(&cluster.description, lang));
            }
        }
        Term::Group(_) | Term::Status(_) => {}
    }
    if let Term::Status(id) = term {
        context.insert("status", &site.badge(id, lang));
    }
    let first = site.term_path(lang, term);
    list_recommendations(
        site,
        site.term_recommendations(term),
        &first,
        page,
        lang,
        context,
    );
    if page == 1 {
        let recommendations = site.term_recommendations(term);
        let breakdown = site.breakdown(recommendations, lang);
        context.insert(
            "distribution",
            &site.distribution("status-chart", &breakdown, lang),
        );
        // Progress over time where it answers a question people ask: by body, ministry,
        // theme, goal and group (documents, clusters and statuses keep the distribution).
        let with_progress = matches!(
            term,
            Term::Mechanism(_)
                | Term::Institution(_)
                | Term::Theme(_)
                | Term::SdgGoal(_)
                | Term::SdgTarget(_)
                | Term::Group(_)
        );
        if with_progress {
            context.insert(
                "progress",
                &site.progress("progress-chart", recommendations, lang),
            );
        }
        let related_actions: Vec<ActionId> = match term {
            Term::Institution(id) => {
                context.insert("scorecard", &site.scorecard(id, lang));
                d.institutions[id.index()].actions.clone()
            }
            _ => recommendations
                .iter()
                .flat_map(|r| d.recommendations[r.index()].actions.iter().copied())
                .collect(),
        };
        context.insert(
            "overdue_actions",
            &site.actions_with(related_actions.iter().copied(), Deadline::Overdue, lang),
        );
        context.insert(
            "due_soon_actions",
            &site.actions_with(related_actions.into_iter(), Deadline::DueSoon, lang),
        );
    }
    context.insert("term", &details);
    context.insert("section_title", &msg(term.section().message()));
    context.insert("section_href", &urls::section(lang, term.section()));
    if page > 1 {
        let mut args = fluent_bundle::FluentArgs::new();
        args.set("number", page);
        format!(
            "{} ({})",
            name.text,
            site.i18n.message(lang, "page-number", Some(&args))
        )
    } else {
        name.text
    }
}

pub(crate) fn mechanism_kind_id(kind: MechanismKind) -> &'static str {
    MechanismKind::ALL
        .iter()
        .find(|(_, k)| *k == kind)
        .map_or("other", |(id, _)| id)
}

pub(crate) fn institution_kind_id(kind: InstitutionKind) -> &'static str {
    InstitutionKind::ALL
        .iter()
        .find(|(_, k)| *k == kind)
        .map_or("other", |(id, _)| id)
}
