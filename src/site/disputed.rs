//! The disputed page: recommendations whose assessors' current views differ, by lead
//! institution, paginated like every list that grows with the data. Disagreement is
//! [`crate::model::EffectiveStatuses::agree`], the one rule.

use serde::Serialize;
use tera::Context;

use super::Site;
use super::context::*;
use super::terms::Term;
use crate::model::*;

#[derive(Serialize)]
struct DisputedGroup {
    /// The lead institution; `None` for recommendations without one (listed last).
    institution: Option<Link>,
    /// The group's recommendations on every page, where it runs over several.
    count: usize,
    /// Those on this page.
    recommendations: Vec<RecommendationSummary>,
}

impl Site<'_> {
    /// Recommendations on which the assessors disagree, in data order.
    pub fn disputed(&self) -> Vec<RecommendationId> {
        (0..self.data.recommendations.len() as u32)
            .map(RecommendationId)
            .filter(|r| !self.data.recommendations[r.index()].effective.agree())
            .collect()
    }
}

/// The `page`-th page (from 1) of the disputed recommendations, grouped by lead institution;
/// a group that runs over a page break is continued under the same heading.
pub(super) fn build(site: &Site, lang: &str, page: usize, context: &mut Context) {
    let d = site.data;
    let mut by_lead: Vec<(Option<InstitutionId>, RecommendationId)> = site
        .disputed()
        .into_iter()
        .map(|r| (d.recommendations[r.index()].lead_institution, r))
        .collect();
    by_lead.sort_by_key(|&(lead, r)| (lead.is_none(), lead, r));
    let per_page = d.config.per_page;
    let mut groups: Vec<DisputedGroup> = Vec::new();
    let mut current: Option<Option<InstitutionId>> = None;
    for (lead, r) in by_lead.iter().skip((page - 1) * per_page).take(per_page) {
        if current != Some(*lead) {
            current = Some(*lead);
            groups.push(DisputedGroup {
                institution: lead.map(|i| site.term_link(Term::Institution(i), lang)),
                count: by_lead.iter().filter(|(l, _)| l == lead).count(),
                recommendations: Vec::new(),
            });
        }
        groups
            .last_mut()
            .expect("a group was pushed")
            .recommendations
            .push(site.summary(*r, lang));
    }
    let first = format!("{lang}/{}/", super::TrackingPage::Disputed.segment());
    context.insert("groups", &groups);
    context.insert("disputed_count", &by_lead.len());
    context.insert(
        "pager",
        &super::pages::pager(&first, page, by_lead.len(), per_page),
    );
}
