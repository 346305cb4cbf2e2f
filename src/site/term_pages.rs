//! Term pages (a mechanism, a theme, a status...) and the index of each section.

use serde::Serialize;
use tera::Context;

use super::Site;
use super::context::*;
use super::pages::{ActionRow, action_row, list_recommendations};
use super::terms::Term;
use super::urls::{self, Section};
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
        reports: Vec::new(),
        see_also: Vec::new(),
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
            details.reports = super::draft_report::portal_scopes(d)
                .into_iter()
                .filter(|(mechanism, _)| *mechanism == id)
                .map(|(_, cycle)| Link {
                    href: super::urls::draft_report(lang, &m.key.slug, cycle),
                    label: site.plain(super::draft_report::page_label(site, id, cycle, lang), lang),
                })
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
        Term::State(id) => super::state_pages::state_details(site, id, lang, &mut details),
        Term::RecommendingState(id) => {
            super::state_pages::recommending_details(site, id, lang, &mut details)
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
