//! Back-references and latest assessments, derived once after every table is resolved.

use super::types::*;

/// Fills every `recommendations`, `actions`, `updates`, `children` list and the assessments.
pub fn link_back(dataset: &mut Dataset) {
    link_recommendations(dataset);
    link_documents_and_trees(dataset);
    link_actions_and_indicators(dataset);
    link_updates(dataset);
}

/// What each recommendation is filed under lists it back.
fn link_recommendations(dataset: &mut Dataset) {
    for (index, recommendation) in dataset.recommendations.iter().enumerate() {
        let id = RecommendationId(index as u32);
        dataset.documents[recommendation.document.index()]
            .recommendations
            .push(id);
        dataset.mechanisms[recommendation.mechanism.index()]
            .recommendations
            .push(id);
        for theme in &recommendation.themes {
            dataset.themes[theme.index()].recommendations.push(id);
        }
        for group in &recommendation.groups {
            dataset.groups[group.index()].recommendations.push(id);
        }
        for target in &recommendation.sdg_targets {
            dataset.sdg_targets[target.index()].recommendations.push(id);
        }
        // A goal counts a recommendation once, linked directly or through its targets.
        let goals = recommendation
            .sdg_targets
            .iter()
            .map(|t| dataset.sdg_targets[t.index()].goal)
            .chain(recommendation.sdg_goals.iter().copied());
        for goal in goals {
            let list = &mut dataset.sdg_goals[goal.index()].recommendations;
            if !list.ends_with(&[id]) {
                list.push(id);
            }
        }
        for institution in recommendation
            .lead_institution
            .iter()
            .chain(&recommendation.partner_institutions)
        {
            let list = &mut dataset.institutions[institution.index()].recommendations;
            if list.last() != Some(&id) {
                list.push(id);
            }
        }
        if let Some(cluster) = recommendation.cluster {
            dataset.clusters[cluster.index()].recommendations.push(id);
        }
        if let Some(state) = recommendation.state {
            dataset.states[state.index()].under_review.push(id);
        }
        for state in &recommendation.recommending_states {
            dataset.states[state.index()].recommended.push(id);
        }
    }
}

/// Mechanisms and States list their documents; parents their children.
fn link_documents_and_trees(dataset: &mut Dataset) {
    for (index, document) in dataset.documents.iter().enumerate() {
        dataset.mechanisms[document.mechanism.index()]
            .documents
            .push(DocumentId(index as u32));
        if let Some(state) = document.state {
            dataset.states[state.index()]
                .documents
                .push(DocumentId(index as u32));
        }
    }
    for index in 0..dataset.themes.len() {
        if let Some(parent) = dataset.themes[index].parent {
            dataset.themes[parent.index()]
                .children
                .push(ThemeId(index as u32));
        }
    }
    for (index, target) in dataset.sdg_targets.iter().enumerate() {
        dataset.sdg_goals[target.goal.index()]
            .targets
            .push(SdgTargetId(index as u32));
    }
}

/// Recommendations and institutions list their actions; recommendations and actions their
/// indicators.
fn link_actions_and_indicators(dataset: &mut Dataset) {
    for (index, action) in dataset.actions.iter().enumerate() {
        let id = ActionId(index as u32);
        for recommendation in &action.recommendations {
            dataset.recommendations[recommendation.index()]
                .actions
                .push(id);
        }
        for institution in action
            .lead_institution
            .iter()
            .chain(&action.partner_institutions)
        {
            let list = &mut dataset.institutions[institution.index()].actions;
            if list.last() != Some(&id) {
                list.push(id);
            }
        }
    }
    for (index, indicator) in dataset.indicators.iter().enumerate() {
        let id = IndicatorId(index as u32);
        for recommendation in &indicator.recommendations {
            dataset.recommendations[recommendation.index()]
                .indicators
                .push(id);
        }
        for action in &indicator.actions {
            dataset.actions[action.index()].indicators.push(id);
        }
    }
}

/// Each subject's updates, oldest first, and each assessor's latest.
fn link_updates(dataset: &mut Dataset) {
    // Oldest first; a later row wins a tie, as the secretariat appends corrections.
    let mut order: Vec<usize> = (0..dataset.status_updates.len()).collect();
    order.sort_by_key(|&i| (dataset.status_updates[i].date, i));
    for index in order {
        let update = &dataset.status_updates[index];
        let id = StatusUpdateId(index as u32);
        let (updates, assessments) = match update.subject {
            Subject::Recommendation(r) => {
                let r = &mut dataset.recommendations[r.index()];
                (&mut r.updates, &mut r.assessments)
            }
            Subject::Action(a) => {
                let a = &mut dataset.actions[a.index()];
                (&mut a.updates, &mut a.assessments)
            }
        };
        updates.push(id);
        let slot = match update.assessor {
            Assessor::Government => &mut assessments.government,
            Assessor::Nhri => &mut assessments.nhri,
            Assessor::CivilSociety => &mut assessments.civil_society,
        };
        *slot = Some(id);
    }
}

/// Applies the status rule to every recommendation, for every assessor.
pub fn settle_statuses(dataset: &mut Dataset) {
    let effective: Vec<EffectiveStatuses> = dataset
        .recommendations
        .iter()
        .map(|r| {
            let rule = |assessor| {
                super::tracking::effective_status(
                    r,
                    &dataset.actions,
                    &dataset.status_updates,
                    &dataset.config.statuses,
                    assessor,
                    None,
                )
            };
            EffectiveStatuses {
                government: rule(Assessor::Government),
                nhri: rule(Assessor::Nhri),
                civil_society: rule(Assessor::CivilSociety),
            }
        })
        .collect();
    for (recommendation, effective) in dataset.recommendations.iter_mut().zip(effective) {
        recommendation.effective = effective;
    }
}
