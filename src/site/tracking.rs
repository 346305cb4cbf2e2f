//! The tracking layer's pages and dashboards: overdue actions, the reporting calendar,
//! institution scorecards, recent changes, status distributions and progress over time.

use chrono::{Datelike, NaiveDate};
use serde::Serialize;
use tera::Context;

use super::Site;
use super::charts::{self, Series};
use super::context::*;
use super::pages::{ActionRow, action_row};
use super::terms::Term;
use crate::model::tracking::{self, Deadline, ReportState};
use crate::model::*;

/// Most quarters a progress chart shows (the latest ones).
const MAX_QUARTERS: usize = 40;

/// The tracking pages, one of each per language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TrackingPage {
    Overdue,
    Reporting,
    Scorecards,
    Changes,
    /// Recommendations whose assessors disagree.
    Disputed,
}

impl TrackingPage {
    pub fn segment(self) -> &'static str {
        match self {
            TrackingPage::Overdue => "overdue",
            TrackingPage::Reporting => "reporting",
            TrackingPage::Scorecards => "scorecards",
            TrackingPage::Changes => "changes",
            TrackingPage::Disputed => "disputed",
        }
    }

    pub fn message(self) -> &'static str {
        match self {
            TrackingPage::Overdue => "tracking-overdue-title",
            TrackingPage::Reporting => "tracking-reporting-title",
            TrackingPage::Scorecards => "tracking-scorecards-title",
            TrackingPage::Changes => "tracking-changes-title",
            TrackingPage::Disputed => "disputed-title",
        }
    }
}

/// The government's status over time, per recommendation: `(date, status)` changes, oldest first.
pub(super) fn government_timelines(data: &Dataset) -> Vec<Vec<(NaiveDate, Option<StatusId>)>> {
    data.recommendations
        .iter()
        .map(|r| {
            tracking::change_dates(r, &data.actions, &data.status_updates, Assessor::Government)
                .into_iter()
                .map(|date| {
                    let status = tracking::effective_status(
                        r,
                        &data.actions,
                        &data.status_updates,
                        &data.config.statuses,
                        Assessor::Government,
                        Some(date),
                    );
                    (date, status.map(|e| e.status))
                })
                .collect()
        })
        .collect()
}

/// Quarter ends from the first status update to the as-of date, at most [`MAX_QUARTERS`].
pub(super) fn progress_quarters(data: &Dataset) -> Vec<NaiveDate> {
    let Some(first) = data.status_updates.iter().map(|u| u.date).min() else {
        return Vec::new();
    };
    let mut quarters = tracking::quarters(first, data.as_of);
    if quarters.len() > MAX_QUARTERS {
        quarters.drain(..quarters.len() - MAX_QUARTERS);
    }
    quarters
}

/// One period of a progress chart and its table row.
#[derive(Debug, Clone, Serialize)]
pub struct ProgressRow {
    pub label: String,
    pub end: String,
    /// Per status of the scale, then the unreported count.
    pub counts: Vec<usize>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Progress {
    pub svg: String,
    pub rows: Vec<ProgressRow>,
    pub series: Vec<StatusBadge>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Distribution {
    pub svg: String,
}

impl Site<'_> {
    fn chart_series(&self, lang: &str) -> Vec<Series> {
        let mut series: Vec<Series> = (0..self.data.config.statuses.len())
            .map(|i| {
                let badge = self.badge(StatusId(i as u32), lang);
                Series {
                    class: format!("status-{}", crate::slug::slugify(&badge.id)),
                    label: badge.label,
                    pattern: i,
                }
            })
            .collect();
        series.push(Series {
            class: "fill-none".into(),
            label: self.i18n.message(lang, "status-unreported", None),
            pattern: 0,
        });
        series
    }

    /// The status distribution of `recommendations` as a chart (the table is the breakdown).
    pub(super) fn distribution(&self, id: &str, breakdown: &Breakdown, lang: &str) -> Distribution {
        let mut counts: Vec<usize> = breakdown.steps.iter().map(|s| s.count).collect();
        counts.push(breakdown.unreported);
        let mut args = fluent_bundle::FluentArgs::new();
        args.set("total", breakdown.total);
        let title = self.i18n.message(lang, "breakdown-caption", Some(&args));
        Distribution {
            svg: charts::distribution(
                id,
                &title,
                &self.chart_series(lang),
                &counts,
                self.dir_of(lang) == "rtl",
            ),
        }
    }

    /// Share of `recommendations` in each status by quarter, by the government's assessment.
    pub(super) fn progress(
        &self,
        id: &str,
        recommendations: &[RecommendationId],
        lang: &str,
    ) -> Option<Progress> {
        if self.quarters.is_empty() || recommendations.is_empty() {
            return None;
        }
        let statuses = self.data.config.statuses.len();
        let mut rows: Vec<Vec<usize>> = vec![vec![0; statuses + 1]; self.quarters.len()];
        for r in recommendations {
            let timeline = &self.timelines[r.index()];
            for (q, end) in self.quarters.iter().enumerate() {
                let known = timeline.partition_point(|(date, _)| date <= end);
                match known.checked_sub(1).and_then(|i| timeline[i].1) {
                    Some(status) => rows[q][status.index()] += 1,
                    None => rows[q][statuses] += 1,
                }
            }
        }
        let labels: Vec<String> = self
            .quarters
            .iter()
            .map(|q| self.quarter_label(*q, lang))
            .collect();
        let title = self.i18n.message(lang, "progress-caption", None);
        let svg = charts::stacked_columns(
            id,
            &title,
            &self.chart_series(lang),
            &labels,
            &rows,
            self.dir_of(lang) == "rtl",
        );
        let series = (0..statuses)
            .map(|i| self.badge(StatusId(i as u32), lang))
            .collect();
        let rows = labels
            .into_iter()
            .zip(&self.quarters)
            .zip(rows)
            .map(|((label, end), counts)| ProgressRow {
                label,
                end: end.to_string(),
                counts,
            })
            .collect();
        Some(Progress { svg, rows, series })
    }

    fn quarter_label(&self, end: NaiveDate, lang: &str) -> String {
        let mut args = fluent_bundle::FluentArgs::new();
        args.set("quarter", end.month().div_ceil(3));
        args.set("year", end.year().to_string());
        self.i18n.message(lang, "quarter-label", Some(&args))
    }

    pub(super) fn deadline(&self, action: ActionId) -> Deadline {
        tracking::deadline(
            &self.data.actions[action.index()],
            &self.data.status_updates,
            &self.data.config,
            self.data.as_of,
        )
    }

    /// Actions of `institution` (lead or partner) or linked to `recommendations`, by deadline.
    pub(super) fn actions_with(
        &self,
        actions: impl Iterator<Item = ActionId>,
        wanted: Deadline,
        lang: &str,
    ) -> Vec<ActionRow> {
        let mut ids: Vec<ActionId> = actions.filter(|a| self.deadline(*a) == wanted).collect();
        ids.sort_by_key(|a| (self.data.actions[a.index()].due_date, *a));
        ids.dedup();
        ids.into_iter().map(|a| action_row(self, a, lang)).collect()
    }

    pub(super) fn tracking_pages(&self) -> Vec<TrackingPage> {
        let mut pages = vec![
            TrackingPage::Overdue,
            TrackingPage::Scorecards,
            TrackingPage::Changes,
            TrackingPage::Disputed,
        ];
        if !self.data.reports.is_empty()
            || self
                .data
                .recommendations
                .iter()
                .any(|r| r.follow_up_due.is_some())
        {
            pages.insert(1, TrackingPage::Reporting);
        }
        if self.data.institutions.is_empty() {
            pages.retain(|p| *p != TrackingPage::Scorecards);
        }
        pages
    }

    /// How many items a tracking page lists over its pages: the overdue actions, the
    /// disputed recommendations; 0 for the pages that are one page whatever the data.
    pub(super) fn tracking_items(&self, page: TrackingPage) -> usize {
        match page {
            TrackingPage::Overdue => overdue_actions(self).len(),
            TrackingPage::Disputed => self.disputed().len(),
            TrackingPage::Reporting | TrackingPage::Scorecards | TrackingPage::Changes => 0,
        }
    }

    /// An institution's scorecard.
    pub(super) fn scorecard(&self, id: InstitutionId, lang: &str) -> Scorecard {
        let d = self.data;
        let institution = &d.institutions[id.index()];
        let mut implemented = 0;
        let mut in_progress = 0;
        let mut unreported = 0;
        for r in &institution.recommendations {
            match d.headline_status(&d.recommendations[r.index()]) {
                Some(s) if d.config.statuses[s.index()].implemented => implemented += 1,
                Some(s) if !d.config.statuses[s.index()].closed => in_progress += 1,
                Some(_) => {}
                None => unreported += 1,
            }
        }
        let overdue_actions = institution
            .actions
            .iter()
            .filter(|a| self.deadline(**a) == Deadline::Overdue)
            .count();
        let last_update = institution
            .recommendations
            .iter()
            .flat_map(|r| d.recommendations[r.index()].updates.iter())
            .chain(
                institution
                    .actions
                    .iter()
                    .flat_map(|a| d.actions[a.index()].updates.iter()),
            )
            .map(|u| d.status_updates[u.index()].date)
            .max();
        Scorecard {
            link: Link {
                href: self.term_path(lang, Term::Institution(id)),
                label: self.localize(&institution.name, lang),
            },
            assigned: institution.recommendations.len(),
            implemented,
            in_progress,
            unreported,
            actions: institution.actions.len(),
            overdue_actions,
            last_update: last_update.map(|d| d.to_string()),
            days_since_update: last_update.map(|date| (d.as_of - date).num_days()),
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Scorecard {
    pub link: Link,
    pub assigned: usize,
    pub implemented: usize,
    pub in_progress: usize,
    pub unreported: usize,
    pub actions: usize,
    pub overdue_actions: usize,
    pub last_update: Option<String>,
    pub days_since_update: Option<i64>,
}

#[derive(Serialize)]
struct OverdueGroup {
    institution: Option<Link>,
    /// The group's overdue actions on every page, where it runs over several.
    count: usize,
    /// Those on this page.
    actions: Vec<ActionRow>,
}

#[derive(Serialize)]
struct ReportRow {
    title: Localized,
    due_date: String,
    submitted_date: Option<String>,
    state: &'static str,
    document: Option<Link>,
}

/// A recommendation selected for a treaty body's follow-up procedure, on the calendar.
#[derive(Serialize)]
struct FollowUpRow {
    recommendation: RecommendationSummary,
    due_date: String,
    /// `past-due` or `upcoming` on the as-of date.
    state: &'static str,
}

/// Every recommendation with a follow-up due date, soonest first.
fn follow_ups(site: &Site, lang: &str) -> Vec<FollowUpRow> {
    let d = site.data;
    let mut due: Vec<(NaiveDate, RecommendationId)> = d
        .recommendations
        .iter()
        .enumerate()
        .filter_map(|(i, r)| r.follow_up_due.map(|due| (due, RecommendationId(i as u32))))
        .collect();
    due.sort();
    due.into_iter()
        .map(|(date, r)| FollowUpRow {
            recommendation: site.summary(r, lang),
            due_date: date.to_string(),
            state: if date < d.as_of {
                "past-due"
            } else {
                "upcoming"
            },
        })
        .collect()
}

#[derive(Serialize)]
struct MechanismReports {
    mechanism: Link,
    reports: Vec<ReportRow>,
}

#[derive(Serialize)]
struct Change {
    update: Assessment,
    previous: Option<StatusBadge>,
}

/// The context of a tracking page; `number` counts the pages (from 1) of the paginated ones
/// (see [`Site::tracking_items`]).
pub(super) fn build(
    site: &Site,
    page: TrackingPage,
    number: usize,
    lang: &str,
    context: &mut Context,
) -> (&'static str, String) {
    let title = site.i18n.message(lang, page.message(), None);
    let template = match page {
        TrackingPage::Overdue => {
            overdue_page(site, lang, number, context);
            "overdue.html"
        }
        TrackingPage::Reporting => {
            reporting_page(site, lang, context);
            "reporting.html"
        }
        TrackingPage::Disputed => {
            super::disputed::build(site, lang, number, context);
            "disputed.html"
        }
        TrackingPage::Scorecards => {
            scorecards_page(site, lang, context);
            "scorecards.html"
        }
        TrackingPage::Changes => {
            changes_page(site, lang, context);
            "changes.html"
        }
    };
    (template, title)
}

/// The overdue actions, sorted by lead institution (none last), then due date.
fn overdue_actions(site: &Site) -> Vec<(Option<InstitutionId>, ActionId)> {
    let d = site.data;
    let mut by_lead: Vec<(Option<InstitutionId>, ActionId)> = (0..d.actions.len() as u32)
        .map(ActionId)
        .filter(|a| site.deadline(*a) == Deadline::Overdue)
        .map(|a| (d.actions[a.index()].lead_institution, a))
        .collect();
    by_lead.sort_by_key(|(lead, a)| (lead.is_none(), *lead, d.actions[a.index()].due_date, *a));
    by_lead
}

/// The `page`-th page (from 1) of the overdue actions grouped by lead institution (a group
/// that runs over a page break is continued under the same heading); the first page then
/// lists those due soon.
fn overdue_page(site: &Site, lang: &str, page: usize, context: &mut Context) {
    let d = site.data;
    let per_page = d.config.per_page;
    let by_lead = overdue_actions(site);
    let mut groups: Vec<OverdueGroup> = Vec::new();
    for &(lead, action) in by_lead.iter().skip((page - 1) * per_page).take(per_page) {
        if groups.last().is_none_or(|g: &OverdueGroup| {
            g.institution.as_ref().map(|l| &l.href)
                != lead
                    .map(|i| site.term_path(lang, Term::Institution(i)))
                    .as_ref()
        }) {
            groups.push(OverdueGroup {
                institution: lead.map(|i| site.term_link(Term::Institution(i), lang)),
                count: by_lead.iter().filter(|(l, _)| *l == lead).count(),
                actions: Vec::new(),
            });
        }
        groups
            .last_mut()
            .expect("a group was pushed")
            .actions
            .push(action_row(site, action, lang));
    }
    let first = format!("{lang}/{}/", TrackingPage::Overdue.segment());
    context.insert("groups", &groups);
    context.insert("overdue_count", &by_lead.len());
    context.insert(
        "pager",
        &super::pages::pager(&first, page, by_lead.len(), per_page),
    );
    let due_soon = if page == 1 {
        site.actions_with(
            (0..d.actions.len() as u32).map(ActionId),
            Deadline::DueSoon,
            lang,
        )
    } else {
        Vec::new()
    };
    context.insert("due_soon", &due_soon);
    context.insert("due_soon_days", &d.config.tracking.due_soon_days);
}

/// Reports to each mechanism with their state, counts per state, treaty-body follow-ups.
fn reporting_page(site: &Site, lang: &str, context: &mut Context) {
    let d = site.data;
    let mut by_mechanism: Vec<MechanismReports> = Vec::new();
    let mut reports: Vec<&Report> = d.reports.iter().collect();
    reports.sort_by_key(|r| (r.mechanism, r.due_date));
    let mut counts = [0usize; 4];
    for report in reports {
        let state = tracking::report_state(report, d.as_of);
        counts[state as usize] += 1;
        let mechanism = site.term_link(Term::Mechanism(report.mechanism), lang);
        if by_mechanism
            .last()
            .is_none_or(|m| m.mechanism.href != mechanism.href)
        {
            by_mechanism.push(MechanismReports {
                mechanism,
                reports: Vec::new(),
            });
        }
        by_mechanism
            .last_mut()
            .expect("pushed")
            .reports
            .push(ReportRow {
                title: site.localize(&report.title, lang),
                due_date: report.due_date.to_string(),
                submitted_date: report.submitted_date.map(|d| d.to_string()),
                state: state.id(),
                document: report
                    .document
                    .map(|doc| site.term_link(Term::Document(doc), lang)),
            });
    }
    let summary: Vec<(&str, usize)> = [
        ReportState::Overdue,
        ReportState::Upcoming,
        ReportState::Late,
        ReportState::OnTime,
    ]
    .iter()
    .map(|s| (s.id(), counts[*s as usize]))
    .collect();
    context.insert("mechanisms", &by_mechanism);
    context.insert("summary", &summary);
    context.insert("follow_ups", &follow_ups(site, lang));
}

/// Each institution that leads or partners on something: its scorecard.
fn scorecards_page(site: &Site, lang: &str, context: &mut Context) {
    let d = site.data;
    let cards: Vec<Scorecard> = (0..d.institutions.len() as u32)
        .map(|i| site.scorecard(InstitutionId(i), lang))
        .filter(|c| c.assigned > 0 || c.actions > 0)
        .collect();
    context.insert("scorecards", &cards);
}

/// The status updates of the last `changes_days`, each with the assessor's previous status.
fn changes_page(site: &Site, lang: &str, context: &mut Context) {
    let d = site.data;
    let since = d
        .as_of
        .checked_sub_days(chrono::Days::new(u64::from(d.config.tracking.changes_days)))
        .unwrap_or(chrono::NaiveDate::MIN);
    let changes: Vec<Change> = site
        .updates_newest_first
        .iter()
        .take_while(|u| d.status_updates[u.index()].date > since)
        .map(|&u| {
            let update = &d.status_updates[u.index()];
            let earlier = match update.subject {
                Subject::Recommendation(r) => &d.recommendations[r.index()].updates,
                Subject::Action(a) => &d.actions[a.index()].updates,
            };
            let previous = earlier
                .iter()
                .take_while(|e| **e != u)
                .filter(|e| d.status_updates[e.index()].assessor == update.assessor)
                .last()
                .map(|e| site.badge(d.status_updates[e.index()].status, lang));
            Change {
                update: site.assessment(u, lang, true),
                previous,
            }
        })
        .collect();
    context.insert("changes", &changes);
    context.insert("since", &since.to_string());
}
