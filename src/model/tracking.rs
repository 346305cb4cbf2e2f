//! The status rule, stale marks, deadlines and reporting states: pure functions of the data
//! and the as-of date, documented in docs/data.md ("How a status is reached").

use chrono::{Datelike, Months, NaiveDate};

use super::types::*;
// The status types live with the other plain data; named here too, where the rule is.
pub use super::types::{Effective, StatusSource};
use crate::config::{Config, StatusDef};

/// Whether a status closes the matter without implementing it (dropped, superseded).
fn closed_unimplemented(def: &StatusDef) -> bool {
    def.closed && !def.implemented
}

/// The assessor's latest update among `updates` (oldest first) dated on or before `at`.
fn latest(
    updates: &[StatusUpdateId],
    all: &[StatusUpdate],
    assessor: Assessor,
    at: Option<NaiveDate>,
) -> Option<StatusUpdateId> {
    updates.iter().rev().copied().find(|u| {
        let update = &all[u.index()];
        update.assessor == assessor && at.is_none_or(|at| update.date <= at)
    })
}

/// The status rule. For one assessor, on the date `at` (or with every update when `None`):
///
/// 1. the assessor's own latest update on the recommendation, if it is at least as recent as
///    the latest of its updates on the recommendation's actions;
/// 2. otherwise, derived from the actions: the least advanced of their latest statuses on the
///    scale, not counting actions closed without implementation unless all of them are;
/// 3. otherwise no status.
pub fn effective_status(
    recommendation: &Recommendation,
    actions: &[Action],
    updates: &[StatusUpdate],
    statuses: &[StatusDef],
    assessor: Assessor,
    at: Option<NaiveDate>,
) -> Option<Effective> {
    let own = latest(&recommendation.updates, updates, assessor, at).map(|u| Effective {
        status: updates[u.index()].status,
        date: updates[u.index()].date,
        source: StatusSource::Reported(u),
    });
    let assessed: Vec<(ActionId, StatusUpdateId)> = recommendation
        .actions
        .iter()
        .filter_map(|&a| latest(&actions[a.index()].updates, updates, assessor, at).map(|u| (a, u)))
        .collect();
    let newest_action_date = assessed.iter().map(|(_, u)| updates[u.index()].date).max();
    let derived = newest_action_date.and_then(|date| {
        let open: Vec<&(ActionId, StatusUpdateId)> = assessed
            .iter()
            .filter(|(_, u)| !closed_unimplemented(&statuses[updates[u.index()].status.index()]))
            .collect();
        let candidates: Vec<&(ActionId, StatusUpdateId)> = if open.is_empty() {
            assessed.iter().collect()
        } else {
            open
        };
        let &&(action, update) = candidates
            .iter()
            .min_by_key(|(a, u)| (updates[u.index()].status, *a))?;
        Some(Effective {
            status: updates[update.index()].status,
            date,
            source: StatusSource::Derived {
                action,
                update,
                actions: assessed.len() as u32,
            },
        })
    });
    match (own, derived) {
        (Some(own), Some(derived)) if derived.date > own.date => Some(derived),
        (Some(own), _) => Some(own),
        (None, derived) => derived,
    }
}

/// True when an assessment dated `date` is older than `months` months on `as_of`.
pub fn is_stale(date: NaiveDate, as_of: NaiveDate, months: u32) -> bool {
    date.checked_add_months(Months::new(months))
        .is_some_and(|limit| limit <= as_of)
}

/// The stale rule: only an assessor's current view (never a history entry) of a matter it
/// does not call closed is marked stale, when it is older than `months` months on `as_of`.
pub fn stale_mark(
    current: bool,
    date: NaiveDate,
    status: &StatusDef,
    as_of: NaiveDate,
    months: u32,
) -> bool {
    current && !status.closed && is_stale(date, as_of, months)
}

/// Where an action stands against its due date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Deadline {
    /// Due before the as-of date and not in a closed status.
    Overdue,
    /// Due on the as-of date or within the next `due_soon_days` days, not closed.
    DueSoon,
    /// Due later.
    OnTrack,
    /// In a closed status according to the government's latest assessment.
    Closed,
    /// No due date.
    Undated,
}

impl Deadline {
    pub fn id(self) -> &'static str {
        match self {
            Deadline::Overdue => "overdue",
            Deadline::DueSoon => "due-soon",
            Deadline::OnTrack => "on-track",
            Deadline::Closed => "closed",
            Deadline::Undated => "undated",
        }
    }
}

/// An action's deadline state on `as_of`, by the government's latest assessment.
pub fn deadline(
    action: &Action,
    updates: &[StatusUpdate],
    config: &Config,
    as_of: NaiveDate,
) -> Deadline {
    let closed = action
        .assessments
        .government
        .is_some_and(|u| config.statuses[updates[u.index()].status.index()].closed);
    match action.due_date {
        _ if closed => Deadline::Closed,
        None => Deadline::Undated,
        Some(due) if due < as_of => Deadline::Overdue,
        Some(due) if (due - as_of).num_days() <= i64::from(config.tracking.due_soon_days) => {
            Deadline::DueSoon
        }
        Some(_) => Deadline::OnTrack,
    }
}

/// Where a report to a mechanism stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum ReportState {
    /// Not submitted and past its due date.
    Overdue,
    /// Not submitted, due on or after the as-of date.
    Upcoming,
    /// Submitted after its due date.
    Late,
    /// Submitted on or before its due date.
    OnTime,
}

impl ReportState {
    pub fn id(self) -> &'static str {
        match self {
            ReportState::Overdue => "overdue",
            ReportState::Upcoming => "upcoming",
            ReportState::Late => "late",
            ReportState::OnTime => "on-time",
        }
    }
}

pub fn report_state(report: &Report, as_of: NaiveDate) -> ReportState {
    match report.submitted_date {
        Some(submitted) if submitted <= report.due_date => ReportState::OnTime,
        Some(_) => ReportState::Late,
        None if report.due_date < as_of => ReportState::Overdue,
        None => ReportState::Upcoming,
    }
}

/// The last day of the quarter containing `date`.
pub fn quarter_end(date: NaiveDate) -> NaiveDate {
    let last_month = (date.month0() / 3) * 3 + 3;
    let (year, next_month) = if last_month == 12 {
        (date.year() + 1, 1)
    } else {
        (date.year(), last_month + 1)
    };
    NaiveDate::from_ymd_opt(year, next_month, 1)
        .and_then(|d| d.pred_opt())
        .unwrap_or(NaiveDate::MAX)
}

/// Quarter ends from the quarter of `first` to the quarter of `last`, inclusive.
pub fn quarters(first: NaiveDate, last: NaiveDate) -> Vec<NaiveDate> {
    let mut out = Vec::new();
    let mut q = quarter_end(first);
    let end = quarter_end(last);
    while q <= end {
        out.push(q);
        q = quarter_end(q.succ_opt().expect("date after a quarter end"));
    }
    out
}

/// The dates on which an assessor's status of a recommendation can change, oldest first.
pub fn change_dates(
    recommendation: &Recommendation,
    actions: &[Action],
    updates: &[StatusUpdate],
    assessor: Assessor,
) -> Vec<NaiveDate> {
    let mut dates: Vec<NaiveDate> = recommendation
        .updates
        .iter()
        .chain(
            recommendation
                .actions
                .iter()
                .flat_map(|a| actions[a.index()].updates.iter()),
        )
        .map(|u| &updates[u.index()])
        .filter(|u| u.assessor == assessor)
        .map(|u| u.date)
        .collect();
    dates.sort_unstable();
    dates.dedup();
    dates
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn stale_exactly_at_the_limit() {
        assert!(!is_stale(date("2025-07-01"), date("2026-06-30"), 12));
        assert!(is_stale(date("2025-06-30"), date("2026-06-30"), 12));
        assert!(is_stale(date("2024-01-31"), date("2024-02-29"), 1));
    }

    #[test]
    fn quarters_cover_both_ends() {
        assert_eq!(quarter_end(date("2024-02-10")), date("2024-03-31"));
        assert_eq!(quarter_end(date("2024-12-31")), date("2024-12-31"));
        assert_eq!(
            quarters(date("2023-11-05"), date("2024-04-01")),
            vec![date("2023-12-31"), date("2024-03-31"), date("2024-06-30")]
        );
    }
}
