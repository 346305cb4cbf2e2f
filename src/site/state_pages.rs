//! What a State's term page adds: its regional group, documents and recommendations by
//! cycle (a State under review), or the States it recommended to (a recommending State).

use std::collections::BTreeMap;

use super::Site;
use super::context::Link;
use super::term_pages::TermDetails;
use super::terms::Term;
use crate::i18n::format_number;
use crate::model::*;

/// A State under review: its group, its documents, and how many recommendations each UPR
/// cycle (and every other mechanism) made to it.
pub(super) fn state_details(site: &Site, id: StateId, lang: &str, details: &mut TermDetails) {
    let d = site.data;
    let state = &d.states[id.index()];
    group_fact(site, state, lang, details);
    details.documents = state
        .documents
        .iter()
        .map(|doc| site.term_link(Term::Document(*doc), lang))
        .collect();
    // Cycle number, or `None` for mechanisms without cycles.
    let mut by_cycle: BTreeMap<Option<u32>, usize> = BTreeMap::new();
    for r in &state.under_review {
        let r = &d.recommendations[r.index()];
        *by_cycle
            .entry(d.documents[r.document.index()].cycle)
            .or_default() += 1;
    }
    let mut cycles: Vec<(Option<u32>, usize)> = by_cycle.into_iter().collect();
    // Cycles in order, the others last.
    let others_first = cycles.first().is_some_and(|(c, _)| c.is_none());
    cycles.rotate_left(usize::from(others_first));
    for (cycle, count) in cycles {
        let label = match cycle {
            Some(cycle) => {
                let mut args = fluent_bundle::FluentArgs::new();
                args.set("cycle", cycle);
                site.i18n.message(lang, "state-cycle-count", Some(&args))
            }
            None => site.i18n.message(lang, "state-other-count", None),
        };
        details
            .facts
            .push((label, format_number(count as f64, lang)));
    }
    if !state.recommended.is_empty() {
        details.see_also.push(Link {
            href: site.term_path(lang, Term::RecommendingState(id)),
            label: site.plain(site.i18n.message(lang, "state-made", None), lang),
        });
    }
}

/// A recommending State: its group, how many States it recommended to, and (when it is
/// also under review in this portal) the page of the recommendations made to it.
pub(super) fn recommending_details(
    site: &Site,
    id: StateId,
    lang: &str,
    details: &mut TermDetails,
) {
    let d = site.data;
    let state = &d.states[id.index()];
    group_fact(site, state, lang, details);
    if d.is_multi_state() {
        let mut to: Vec<StateId> = state
            .recommended
            .iter()
            .filter_map(|r| d.recommendations[r.index()].state)
            .collect();
        to.sort();
        to.dedup();
        details.facts.push((
            site.i18n.message(lang, "state-recommended-to", None),
            format_number(to.len() as f64, lang),
        ));
        if !state.under_review.is_empty() {
            details.see_also.push(Link {
                href: site.term_path(lang, Term::State(id)),
                label: site.plain(site.i18n.message(lang, "state-received", None), lang),
            });
        }
    }
}

fn group_fact(site: &Site, state: &State, lang: &str, details: &mut TermDetails) {
    details.id = state.key.id.clone();
    if let Some(group) = state.group {
        details.facts.push((
            site.i18n.message(lang, "state-group", None),
            site.i18n
                .message(lang, &format!("state-group-{}", group.id()), None),
        ));
    }
}
