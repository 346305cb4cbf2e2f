//! The follow-up of recommendations: actions, status updates, indicators, reports.

use chrono::NaiveDate;

use super::super::registry::Registry;
use super::super::sheet::Cells;
use super::super::types::*;
use super::Resolver;
use super::aliases::PendingAliases;
use super::schema::*;
use crate::diagnostics::Diagnostics;

impl<'r> Resolver<'r> {
    pub(super) fn actions(
        &mut self,
        as_of: NaiveDate,
        recommendations: &Registry,
        institutions: &Registry,
    ) -> (Vec<Action>, Registry) {
        let sheet = self.sheet("actions", &ACTIONS, false);
        let mut registry = Registry::new("action", "data/actions.csv");
        let mut out = Vec::new();
        let mut pending = PendingAliases::new();
        for cells in sheet.rows() {
            let d = &mut *self.diagnostics;
            let key = cells.key(d);
            let title = cells.required_text("title", d);
            let linked = recommendations.resolve_all(
                &cells.multi("recommendations"),
                "recommendations",
                &cells,
                d,
            );
            let lead_institution = cells
                .get("lead_institution")
                .and_then(|v| institutions.resolve(v, "lead_institution", &cells, d))
                .map(InstitutionId);
            let partner_institutions = institutions.resolve_all(
                &cells.multi("partner_institutions"),
                "partner_institutions",
                &cells,
                d,
            );
            let start_date = cells.date("start_date", d);
            let due_date = cells.date("due_date", d);
            if let (Some(start), Some(due)) = (start_date, due_date) {
                if due < start {
                    cells.error(
                        "due_date",
                        d,
                        format!("due date {due} is before the start date {start}"),
                        "check the two dates; the due date is when the action should be finished",
                    );
                }
            }
            let Some(key) = key else { continue };
            if !registry.add(&key, &cells, d) {
                continue;
            }
            pending.add(&cells, AliasTarget::Action(ActionId(out.len() as u32)));
            out.push(Action {
                key,
                title,
                description: cells.text("description"),
                recommendations: linked,
                lead_institution,
                partner_institutions,
                start_date,
                due_date,
                indicators: Vec::new(),
                updates: Vec::new(),
                assessments: Assessments::default(),
                submission: submission(&cells, as_of, d),
            });
        }
        self.aliases
            .extend(pending.claim(&mut registry, self.diagnostics));
        (out, registry)
    }

    pub(super) fn status_updates(
        &mut self,
        as_of: NaiveDate,
        refs: &UpdateRefs,
    ) -> Vec<StatusUpdate> {
        let sheet = self.sheet("status_updates", &STATUS_UPDATES, false);
        let status_ids: Vec<&str> = self.config.statuses.iter().map(|s| s.id.as_str()).collect();
        let config = self.config;
        // Each row on its own, on every core; only the ids' registry goes row by row.
        let read = sheet.read_rows(self.diagnostics, |cells, d| {
            let key = cells.get("id").and_then(|id| cells.key_from(id, "id", d));
            (
                key,
                status_update(cells, as_of, config, &status_ids, refs, d),
            )
        });
        let mut out = Vec::with_capacity(read.len());
        let mut seen_ids = Registry::new("status update", "data/status_updates.csv");
        for (cells, (key, update)) in read {
            if let Some(key) = key {
                seen_ids.add(&key, &cells, self.diagnostics);
            }
            out.extend(update);
        }
        crate::util::drop_in_background(seen_ids);
        out
    }

    pub(super) fn indicators(
        &mut self,
        recommendations: &Registry,
        actions: &Registry,
    ) -> Vec<Indicator> {
        let sheet = self.sheet("indicators", &INDICATORS, false);
        let mut registry = Registry::new("indicator", "data/indicators.csv");
        let mut out = Vec::new();
        let mut pending = PendingAliases::new();
        for cells in sheet.rows() {
            let d = &mut *self.diagnostics;
            let key = cells.key(d);
            let kind = cells
                .required("kind", d)
                .and(cells.choice("kind", IndicatorKind::ALL, d));
            let name = cells.required_text("name", d);
            let linked_recommendations = recommendations.resolve_all(
                &cells.multi("recommendations"),
                "recommendations",
                &cells,
                d,
            );
            let linked_actions = actions.resolve_all(&cells.multi("actions"), "actions", &cells, d);
            let broken = key.clone();
            let (Some(key), Some(kind)) = (key, kind) else {
                registry.add_broken(broken);
                continue;
            };
            if !registry.add(&key, &cells, d) {
                continue;
            }
            pending.add(
                &cells,
                AliasTarget::Indicator(IndicatorId(out.len() as u32)),
            );
            out.push(Indicator {
                key,
                kind,
                name,
                unit: cells.owned("unit"),
                baseline: cells.number("baseline", d),
                baseline_date: cells.date("baseline_date", d),
                target: cells.number("target", d),
                target_date: cells.date("target_date", d),
                recommendations: linked_recommendations,
                actions: linked_actions,
                measurements: Vec::new(),
            });
        }
        self.aliases
            .extend(pending.claim(&mut registry, self.diagnostics));
        let sheet = self.sheet("measurements", &MEASUREMENTS, false);
        for cells in sheet.rows() {
            let d = &mut *self.diagnostics;
            let indicator = cells
                .required("indicator", d)
                .and_then(|v| registry.resolve(v, "indicator", &cells, d));
            let date = cells.required_date("date", d);
            let value = cells.required("value", d).and(cells.number("value", d));
            let (Some(indicator), Some(date), Some(value)) = (indicator, date, value) else {
                continue;
            };
            out[indicator as usize].measurements.push(Measurement {
                date,
                value,
                source: cells.owned("source"),
                note: cells.text("note"),
            });
        }
        for indicator in &mut out {
            indicator.measurements.sort_by_key(|m| m.date);
        }
        out
    }

    pub(super) fn reports(&mut self, mechanisms: &Registry, documents: &Registry) -> Vec<Report> {
        let sheet = self.sheet("reporting_calendar", &REPORTING_CALENDAR, false);
        let mut registry = Registry::new("report", "data/reporting_calendar.csv");
        let mut out = Vec::new();
        for cells in sheet.rows() {
            let d = &mut *self.diagnostics;
            let key = cells.key(d);
            let mechanism = cells
                .required("mechanism", d)
                .and_then(|v| mechanisms.resolve(v, "mechanism", &cells, d));
            let title = cells.required_text("title", d);
            let due_date = cells.required_date("due_date", d);
            let submitted_date = cells.date("submitted_date", d);
            let document = cells
                .get("document")
                .and_then(|v| documents.resolve(v, "document", &cells, d))
                .map(DocumentId);
            let broken = key.clone();
            let (Some(key), Some(mechanism), Some(due_date)) = (key, mechanism, due_date) else {
                registry.add_broken(broken);
                continue;
            };
            if registry.add(&key, &cells, d) {
                out.push(Report {
                    key,
                    mechanism: MechanismId(mechanism),
                    title,
                    due_date,
                    submitted_date,
                    document,
                });
            }
        }
        out
    }
}

/// The tables a status update refers to.
pub(super) struct UpdateRefs<'a> {
    pub(super) recommendations: &'a Registry,
    pub(super) actions: &'a Registry,
    pub(super) institutions: &'a Registry,
}

/// A row of `status_updates`, or `None` (its problems reported) when it cannot be used.
fn status_update(
    cells: &Cells,
    as_of: NaiveDate,
    config: &crate::config::Config,
    status_ids: &[&str],
    refs: &UpdateRefs,
    d: &mut Diagnostics,
) -> Option<StatusUpdate> {
    let date = cells.required_date("date", d);
    if let Some(date) = date.filter(|date| *date > as_of) {
        cells.error(
            "date",
            d,
            format!("this update is dated {date}, after the as-of date {as_of}"),
            "correct the date, or build with a later --as-of",
        );
    }
    let subject = update_subject(cells, refs.recommendations, refs.actions, d);
    let status = update_status(cells, config, status_ids, d);
    let assessor = cells
        .required("assessor", d)
        .and(cells.choice("assessor", Assessor::ALL, d));
    let institution = cells
        .get("institution")
        .and_then(|v| refs.institutions.resolve(v, "institution", cells, d))
        .map(InstitutionId);
    let evidence = cells.urls("evidence", d);
    let (Some(date), Some(subject), Some(status), Some(assessor)) =
        (date, subject, status, assessor)
    else {
        return None;
    };
    Some(StatusUpdate {
        id: cells.owned("id"),
        date,
        subject,
        status,
        assessor,
        institution,
        organisation: cells.owned("organisation"),
        narrative: cells.text("narrative"),
        evidence,
        submission: submission(cells, as_of, d),
    })
}

/// What a status update is about: a recommendation or an action, exactly one.
fn update_subject(
    cells: &Cells,
    recommendations: &Registry,
    actions: &Registry,
    d: &mut crate::diagnostics::Diagnostics,
) -> Option<Subject> {
    match (cells.get("recommendation"), cells.get("action")) {
        (Some(r), None) => recommendations
            .resolve(r, "recommendation", cells, d)
            .map(|i| Subject::Recommendation(RecommendationId(i))),
        (None, Some(a)) => actions
            .resolve(a, "action", cells, d)
            .map(|i| Subject::Action(ActionId(i))),
        (Some(_), Some(_)) => {
            cells.error(
                "action",
                d,
                "this update names both a recommendation and an action",
                "an update is about one thing: split it into two rows",
            );
            None
        }
        (None, None) => {
            cells.error(
                "recommendation",
                d,
                "this update names neither a recommendation nor an action",
                "fill in `recommendation` or `action`",
            );
            None
        }
    }
}

/// The update's status, one of the scale in config.toml.
fn update_status(
    cells: &Cells,
    config: &crate::config::Config,
    status_ids: &[&str],
    d: &mut crate::diagnostics::Diagnostics,
) -> Option<StatusId> {
    cells
        .required("status", d)
        .and_then(|raw| match config.status_index(raw) {
            Some(i) => Some(StatusId(i as u32)),
            None => {
                let help = match crate::diagnostics::did_you_mean(raw, status_ids.iter().copied()) {
                    Some(close) => format!(
                        "did you mean `{close}`? the scale in config.toml is: {}",
                        status_ids.join(", ")
                    ),
                    None => format!("the scale in config.toml is: {}", status_ids.join(", ")),
                };
                cells.error(
                    "status",
                    d,
                    format!("`{raw}` is not a status of the scale"),
                    help,
                );
                None
            }
        })
}

/// The `submitted_by` and `submitted_on` cells of a row; a submission cannot postdate the data.
fn submission(
    cells: &Cells,
    as_of: NaiveDate,
    d: &mut crate::diagnostics::Diagnostics,
) -> Submission {
    let on = cells.date("submitted_on", d);
    if let Some(on) = on.filter(|on| *on > as_of) {
        cells.error(
            "submitted_on",
            d,
            format!("this row was submitted on {on}, after the as-of date {as_of}"),
            "correct the date, or build with a later --as-of",
        );
    }
    Submission {
        by: cells.owned("submitted_by"),
        on,
    }
}
