//! Term pages (a mechanism, a theme, a status...) and the index of each section.

use serde::Serialize;
use tera::Context;

use super::context::*;
use super::pages::{ActionRow, action_row, list_recommendations, pager};
use super::rows::Fragment;
use super::terms::Term;
use super::urls::{self, Section};
use super::{Listing, Site};
use crate::model::tracking::Deadline;
use crate::model::*;

#[derive(Serialize)]
struct TermRow {
    link: Link,
    count: usize,
    depth: usize,
    implemented: usize,
}

pub(super) fn section_index(site: &Site, section: Section, lang: &str, context: &mut Context) {
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
    let mut rows: Vec<TermRow> = terms
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
    if matches!(section, Section::States | Section::RecommendingStates) {
        // By name in the page's language, not by id (`DEU` is Germany).
        rows.sort_by(|a, b| a.link.label.text.cmp(&b.link.label.text));
    }
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
pub(super) struct TermDetails {
    pub(super) kind: &'static str,
    pub(super) id: String,
    pub(super) name: Localized,
    pub(super) description: Option<Localized>,
    pub(super) url: Option<crate::web_url::WebUrl>,
    pub(super) facts: Vec<(String, String)>,
    pub(super) parent: Option<Link>,
    pub(super) children: Vec<Link>,
    pub(super) documents: Vec<Link>,
    pub(super) actions: Vec<ActionRow>,
    /// A mechanism's draft follow-up report pages, one per cycle (or one).
    pub(super) reports: Vec<Link>,
    /// Other pages about the same thing (a State's page as recommending State).
    pub(super) see_also: Vec<Link>,
}

pub(super) fn term_page(
    site: &Site,
    term: Term,
    page: usize,
    lang: &str,
    context: &mut Context,
) -> String {
    if let Term::Status(id) = term {
        context.insert("status", &site.badge(id, lang));
    }
    let first = site.term_path(lang, term);
    let ids = site.term_list(term);
    list_recommendations(site, ids, list_row(site, term), &first, page, lang, context);
    if site.term_list_is_all(term) {
        let all = urls::section(lang, Section::Recommendations);
        let per_page = site.data.config.per_page;
        context.insert("pager", &pager(&all, page, ids.len(), per_page));
    }
    if page == 1 {
        first_page_figures(site, term, lang, context);
    }
    context.insert("list_views", &list_views(site, term, None, page, lang));
    let details = term_details(site, term, lang);
    let title = details.name.text.clone();
    context.insert("term", &details);
    insert_section(site, term, lang, context);
    // Page 2, 3... get their number from `numbered_title`.
    title
}

/// One State's list of a term (`states/pry/`): the list and the filter nav only; the term's
/// figures stay on its own first page.
pub(super) fn term_list_page(
    site: &Site,
    term: Term,
    state: StateId,
    page: usize,
    lang: &str,
    context: &mut Context,
) -> String {
    let listing = Listing::State(state);
    let first = site.listing_path(lang, term, listing);
    list_recommendations(
        site,
        site.listing_recommendations(term, listing),
        Fragment::ListRowOfOneState,
        &first,
        page,
        lang,
        context,
    );
    context.insert(
        "list_views",
        &list_views(site, term, Some(listing), page, lang),
    );
    let name = site.term_name(term, lang);
    context.insert("term_link", &site.term_link(term, lang));
    insert_section(site, term, lang, context);
    let mut args = fluent_bundle::FluentArgs::new();
    args.set("title", name.text);
    // Its rows leave the State out: the page names it once, with a link to its page.
    let state = site.term_link(Term::State(state), lang);
    args.set("state", state.label.text.clone());
    context.insert("state", &state);
    site.i18n.message(lang, "list-title-state", Some(&args))
}

/// A page of a term's former newest-first copy (`by-date/page/2/`), now the term's own list:
/// it forwards to the same page of that list. Gives the redirect's target and the title.
pub(super) fn by_date_forward(
    site: &Site,
    term: Term,
    page: usize,
    lang: &str,
    context: &mut Context,
) -> String {
    let first = if site.term_list_is_all(term) && page > 1 {
        urls::section(lang, Section::Recommendations)
    } else {
        site.term_path(lang, term)
    };
    let target = urls::paged(&first, page);
    context.insert("target_url", &site.absolute(&target));
    context.insert("target", &target);
    context.insert("list_moved", &true);
    site.term_name(term, lang).text
}

/// The rows of a term's list: without the State where the term is about one State under
/// review (its page, or one of its documents whose every recommendation is to it), which
/// the page names once.
fn list_row(site: &Site, term: Term) -> Fragment {
    let d = site.data;
    // A single-State portal's rows show no State: one kind of row, rendered once.
    let one_state = d.is_multi_state()
        && match term {
            Term::State(_) => true,
            Term::Document(id) => {
                let document = &d.documents[id.index()];
                document.state.is_some()
                    && site
                        .term_recommendations(term)
                        .iter()
                        .all(|r| d.recommendations[r.index()].state == document.state)
            }
            _ => false,
        };
    if one_state {
        Fragment::ListRowOfOneState
    } else {
        Fragment::ListRow
    }
}

fn insert_section(site: &Site, term: Term, lang: &str, context: &mut Context) {
    let section = term.section();
    context.insert(
        "section_title",
        &site.i18n.message(lang, section.message(), None),
    );
    context.insert("section_href", &urls::section(lang, section));
}

/// One link of the filter nav of a term's lists.
#[derive(Serialize)]
struct ListView {
    href: String,
    label: Localized,
    /// The recommendations of the State's list.
    count: usize,
    current: bool,
}

/// The filter nav of a long term's lists where it spans several States: each State's list
/// on the term's first page (a whole-UPR theme has 193, too many to repeat on every page),
/// and on a State's list, that State and the way back to all of them.
#[derive(Serialize)]
struct ListViews {
    states: Vec<ListView>,
    /// On a State's list: the first page of the term's own list, which links every State.
    all_states: Option<String>,
}

fn list_views(
    site: &Site,
    term: Term,
    current: Option<Listing>,
    page: usize,
    lang: &str,
) -> Option<ListViews> {
    let on_state_list = current.is_some();
    if !on_state_list && page > 1 {
        return None;
    }
    let mut views = ListViews {
        states: Vec::new(),
        all_states: on_state_list.then(|| site.term_path(lang, term)),
    };
    for listing in site.listings(term) {
        let here = current == Some(listing);
        if let Listing::State(state) = listing
            && (here || !on_state_list)
        {
            views.states.push(ListView {
                href: site.listing_path(lang, term, listing),
                label: site.localize(&site.data.states[state.index()].name, lang),
                count: site.listing_recommendations(term, listing).len(),
                current: here,
            });
        }
    }
    (!views.states.is_empty()).then_some(views)
}

/// The status distribution, progress and due actions of a term's first page.
fn first_page_figures(site: &Site, term: Term, lang: &str, context: &mut Context) {
    let d = site.data;
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

/// What the page says about the term itself, above its list.
fn term_details(site: &Site, term: Term, lang: &str) -> TermDetails {
    let d = site.data;
    let mut details = TermDetails {
        kind: term.section().segment(),
        id: site.term_slug(term).to_string(),
        name: site.term_name(term, lang),
        description: None,
        url: None,
        facts: Vec::new(),
        parent: None,
        children: Vec::new(),
        documents: Vec::new(),
        actions: Vec::new(),
        reports: Vec::new(),
        see_also: Vec::new(),
    };
    match term {
        Term::Mechanism(id) => mechanism_details(site, id, lang, &mut details),
        Term::Document(id) => document_details(site, id, lang, &mut details),
        Term::Institution(id) => institution_details(site, id, lang, &mut details),
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
        Term::State(id) => super::state_pages::state_details(site, id, lang, &mut details),
        Term::RecommendingState(id) => {
            super::state_pages::recommending_details(site, id, lang, &mut details)
        }
        Term::Group(_) | Term::Status(_) => {}
    }
    details
}

fn mechanism_details(site: &Site, id: MechanismId, lang: &str, details: &mut TermDetails) {
    let d = site.data;
    let m = &d.mechanisms[id.index()];
    let msg = |key: &str| site.i18n.message(lang, key, None);
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
    details.reports = super::draft_report::portal_scopes(d)
        .into_iter()
        .filter(|(mechanism, _)| *mechanism == id)
        .map(|(_, cycle)| Link {
            href: super::urls::draft_report(lang, &m.key.slug, cycle),
            label: site.plain(super::draft_report::page_label(site, id, cycle, lang), lang),
        })
        .collect();
}

fn document_details(site: &Site, id: DocumentId, lang: &str, details: &mut TermDetails) {
    let doc = &site.data.documents[id.index()];
    let msg = |key: &str| site.i18n.message(lang, key, None);
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

fn institution_details(site: &Site, id: InstitutionId, lang: &str, details: &mut TermDetails) {
    let institution = &site.data.institutions[id.index()];
    details.url = institution.url.clone();
    details.facts.push((
        site.i18n.message(lang, "institution-kind", None),
        site.i18n.message(
            lang,
            &format!("institution-kind-{}", institution_kind_id(institution.kind)),
            None,
        ),
    ));
    details.actions = institution
        .actions
        .iter()
        .map(|a| action_row(site, *a, lang))
        .collect();
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
