//! Pieces every page context is made of: badges, summaries, breakdowns, assessments, links.

use super::Site;
use super::context::*;
use super::terms::Term;
use super::urls::{self, Section};
use crate::model::*;

const EXCERPT_CHARS: usize = 220;

impl Site<'_> {
    /// The portal's title in `lang`, else in the default language.
    pub fn site_title(&self, lang: &str) -> String {
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
            state: self.state_link(r, lang),
            response: self.response_of(r),
            status: d.headline_status(r).map(|s| self.badge(s, lang)),
            views: self.status_views(r, lang),
            follow_up_due: r.follow_up_due.map(|d| d.to_string()),
        }
    }

    /// The link to the page of a recommendation's State under review: only a multi-State
    /// portal shows it (a national portal's every recommendation is to the same State).
    pub(crate) fn state_link(&self, r: &Recommendation, lang: &str) -> Option<Link> {
        let state = r.state.filter(|_| self.data.is_multi_state())?;
        Some(self.term_link(Term::State(state), lang))
    }

    /// The State's response, where the mechanism asks for one.
    pub(crate) fn response_of(&self, r: &Recommendation) -> Option<&'static str> {
        let kind = self.data.mechanisms[r.mechanism.index()].kind;
        kind.asks_for_response().then(|| r.response.id())
    }

    pub(crate) fn status_views(&self, r: &Recommendation, lang: &str) -> StatusViews {
        let views = r
            .effective
            .views()
            .into_iter()
            .map(|(who, e)| (who, e.status));
        self.views_of(views.collect(), lang)
    }

    /// Each assessor's latest view of an action.
    pub(crate) fn action_views(&self, a: &Action, lang: &str) -> StatusViews {
        let d = self.data;
        let views = a.assessments.views().into_iter();
        let views = views.map(|(who, u)| (who, d.status_updates[u.index()].status));
        self.views_of(views.collect(), lang)
    }

    fn views_of(&self, statuses: Vec<(Assessor, StatusId)>, lang: &str) -> StatusViews {
        let agree = crate::model::statuses_agree(statuses.iter().map(|(_, s)| *s));
        let views: Vec<AssessorView> = statuses
            .into_iter()
            .map(|(who, status)| AssessorView {
                assessor: who.id(),
                label: self.assessor_label(who, lang),
                status: self.badge(status, lang),
            })
            .collect();
        let separator = self.i18n.message(lang, "views-list-separator", None);
        StatusViews {
            agree,
            who: views
                .iter()
                .map(|v| v.label.as_str())
                .collect::<Vec<_>>()
                .join(&separator),
            views,
        }
    }

    /// An assessor's short name ("NHRI"), for labelled badges.
    pub(crate) fn assessor_label(&self, who: Assessor, lang: &str) -> String {
        self.i18n
            .message(lang, &format!("assessor-short-{}", who.id()), None)
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
            submitted_on: update.submission.on.map(|on| on.to_string()),
            submitted_by: self.published_submitter(&update.submission),
            subject,
            stale: false,
            derived_from: None,
            derived_actions: 0,
        }
    }

    /// Who submitted a row, when config publishes it.
    pub(super) fn published_submitter(&self, submission: &Submission) -> Option<String> {
        submission
            .by
            .clone()
            .filter(|_| self.data.config.publish.submitted_by)
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
                StatusSource::Reported(update) => self.current_assessment(update, lang),
                StatusSource::Derived {
                    action,
                    update,
                    actions,
                } => {
                    let mut assessment = self.current_assessment(update, lang);
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
            .map(|u| self.current_assessment(u, lang))
            .collect()
    }

    /// An assessor's current view: the only kind of assessment that can be marked stale.
    fn current_assessment(&self, id: StatusUpdateId, lang: &str) -> Assessment {
        let d = self.data;
        let update = &d.status_updates[id.index()];
        let mut assessment = self.assessment(id, lang, false);
        assessment.stale = crate::model::tracking::stale_mark(
            true,
            update.date,
            &d.config.statuses[update.status.index()],
            d.as_of,
            d.config.tracking.stale_after_months,
        );
        assessment
    }
}
