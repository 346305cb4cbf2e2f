//! Recommendations: their document, State under review, recommending States and the
//! taxonomies and institutions they are filed under.

use super::super::registry::Registry;
use super::super::sheet::Cells;
use super::super::types::*;
use super::Resolver;
use super::aliases::PendingAliases;
use super::schema::*;
use super::states::StatesTable;
use crate::diagnostics::Diagnostics;

/// The tables a recommendation refers to.
pub(super) struct RecommendationRefs<'a> {
    pub(super) documents: &'a Registry,
    pub(super) institutions: &'a Registry,
    pub(super) themes: &'a Registry,
    pub(super) groups: &'a Registry,
    pub(super) targets: &'a Registry,
    pub(super) goals: &'a Registry,
    pub(super) clusters: &'a Registry,
    pub(super) states: &'a StatesTable,
}

/// A recommendation's references into the taxonomies and institutions.
struct Filing {
    themes: Vec<ThemeId>,
    groups: Vec<GroupId>,
    sdg_targets: Vec<SdgTargetId>,
    sdg_goals: Vec<SdgGoalId>,
    lead_institution: Option<InstitutionId>,
    partner_institutions: Vec<InstitutionId>,
    cluster: Option<ClusterId>,
}

impl<'r> Resolver<'r> {
    pub(super) fn recommendations(
        &mut self,
        documents: &[Document],
        refs: &RecommendationRefs,
    ) -> (Vec<Recommendation>, Registry) {
        let sheet = self.sheet("recommendations", &RECOMMENDATIONS, true);
        let mut registry = Registry::new("recommendation", "data/recommendations.csv");
        let mut out = Vec::with_capacity(sheet.len());
        let mut pending = PendingAliases::new();
        // Rows that name no State under review: an error only in a multi-State portal.
        let mut stateless: Vec<Cells> = Vec::new();
        // Each row on its own, on every core; the ids' registry goes row by row.
        let read = sheet.read_rows(self.diagnostics, |cells, d| {
            let key = cells.key(d);
            recommendation(cells, key, documents, refs, d)
        });
        for (cells, row) in read {
            let d = &mut *self.diagnostics;
            let row = match row {
                Ok(row) => row,
                Err(broken) => {
                    registry.add_broken(broken);
                    continue;
                }
            };
            if !registry.add(&row.key, &cells, d) {
                continue;
            }
            if row.state.is_none() {
                stateless.push(cells);
            }
            pending.add(
                &cells,
                AliasTarget::Recommendation(RecommendationId(out.len() as u32)),
            );
            out.push(row);
        }
        require_states_when_several(&out, &stateless, self.diagnostics);
        for alias in pending.claim(&mut registry, self.diagnostics) {
            if let AliasTarget::Recommendation(id) = alias.target {
                out[id.index()].aliases.push(alias.old.clone());
            }
            self.aliases.push(alias);
        }
        (out, registry)
    }
}

/// A row of `recommendations` with its `key` (which the caller registers), or, its problems
/// reported, the key of a row that cannot be used (no valid key, or no known document).
fn recommendation(
    cells: &Cells,
    key: Option<Key>,
    documents: &[Document],
    refs: &RecommendationRefs,
    d: &mut Diagnostics,
) -> Result<Recommendation, Option<Key>> {
    let document = cells
        .required("document", d)
        .and_then(|v| refs.documents.resolve(v, "document", cells, d))
        .map(DocumentId);
    let text = cells.required_text("text", d);
    let date = cells.date("date", d);
    let follow_up_due = cells.date("follow_up_due", d);
    let response = cells
        .choice("response", Response::ALL, d)
        .unwrap_or(Response::Pending);
    let filing = filing(cells, refs, d);
    let doc = document.map(|id| &documents[id.index()]);
    let state = state_under_review(cells, doc, refs.states, d);
    let recommending_states = refs.states.resolve_all("recommending_states", cells, d);
    let (Some(document), Some(doc)) = (document, doc) else {
        return Err(key);
    };
    let key = key.ok_or(None)?;
    Ok(Recommendation {
        key,
        document,
        mechanism: doc.mechanism,
        paragraph: cells.owned("paragraph"),
        date: date.unwrap_or(doc.date),
        text,
        response,
        state,
        recommending_states,
        themes: filing.themes,
        groups: filing.groups,
        sdg_targets: filing.sdg_targets,
        sdg_goals: filing.sdg_goals,
        position_source: cells.owned("position_source"),
        lead_institution: filing.lead_institution,
        partner_institutions: filing.partner_institutions,
        cluster: filing.cluster,
        aliases: Vec::new(),
        actions: Vec::new(),
        indicators: Vec::new(),
        updates: Vec::new(),
        assessments: Assessments::default(),
        effective: EffectiveStatuses::default(),
        follow_up_due,
    })
}

/// The themes, groups, SDGs, institutions and cluster of a row.
fn filing(cells: &Cells, refs: &RecommendationRefs, d: &mut Diagnostics) -> Filing {
    fn all<T: From<u32> + PartialEq>(
        registry: &Registry,
        column: &str,
        cells: &Cells,
        d: &mut Diagnostics,
    ) -> Vec<T> {
        registry.resolve_all(&cells.multi(column), column, cells, d)
    }
    Filing {
        themes: all(refs.themes, "themes", cells, d),
        groups: all(refs.groups, "groups", cells, d),
        sdg_targets: all(refs.targets, "sdg_targets", cells, d),
        sdg_goals: all(refs.goals, "sdg_goals", cells, d),
        lead_institution: cells
            .get("lead_institution")
            .and_then(|v| refs.institutions.resolve(v, "lead_institution", cells, d))
            .map(InstitutionId),
        partner_institutions: all(refs.institutions, "partner_institutions", cells, d),
        cluster: cells
            .get("cluster")
            .and_then(|v| refs.clusters.resolve(v, "cluster", cells, d))
            .map(ClusterId),
    }
}

/// The row's `state`, else its document's (which defaults to config `state`); a `state`
/// that contradicts the document's is reported.
fn state_under_review(
    cells: &Cells,
    document: Option<&Document>,
    states: &StatesTable,
    d: &mut Diagnostics,
) -> Option<StateId> {
    let from_document = document.and_then(|doc| doc.state).or(states.portal_state);
    let Some(value) = cells.get("state") else {
        return from_document;
    };
    let own = states.resolve(value, "state", cells, d)?;
    if let (Some(doc), Some(theirs)) = (document, document.and_then(|doc| doc.state)) {
        if theirs != own {
            let name = |id: StateId| states.states[id.index()].id().to_string();
            cells.error(
                "state",
                d,
                format!(
                    "this recommendation is to `{}` but its document `{}` is about `{}`",
                    name(own),
                    doc.key.id,
                    name(theirs)
                ),
                "a recommendation is to the State its document is about: correct one of the two `state` cells",
            );
        }
    }
    Some(own)
}

/// In a portal with several States under review, every recommendation names its own.
fn require_states_when_several(
    recommendations: &[Recommendation],
    stateless: &[Cells],
    d: &mut Diagnostics,
) {
    let mut named = recommendations.iter().filter_map(|r| r.state);
    let first = named.next();
    if !named.any(|s| Some(s) != first) {
        return;
    }
    for cells in stateless {
        cells.error(
            "state",
            d,
            "this portal has recommendations to several States, and this one names none",
            "fill in `state` (a State id such as `PRY`) here or on its document in data/documents.csv",
        );
    }
}
