//! What happened to recommendations: statuses per assessor, actions, status updates,
//! indicators and their measurements, and the reporting calendar.

use chrono::NaiveDate;

use super::*;
use crate::web_url::WebUrl;

/// How an assessor's current status of a recommendation was reached.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatusSource {
    /// The assessor's own latest update on the recommendation.
    Reported(StatusUpdateId),
    /// Derived from the assessor's latest updates on the recommendation's actions: the least
    /// advanced of them. `action` and `update` name the one that decided it; `actions` counts
    /// the assessed actions considered.
    Derived {
        action: ActionId,
        update: StatusUpdateId,
        actions: u32,
    },
}

/// An assessor's current status of a recommendation and where it comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Effective {
    pub status: StatusId,
    /// Date of the update that decided it (the latest of the considered updates when derived).
    pub date: NaiveDate,
    pub source: StatusSource,
}

/// The current status per assessor, from the status rule (`model::tracking`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct EffectiveStatuses {
    pub government: Option<Effective>,
    pub nhri: Option<Effective>,
    pub civil_society: Option<Effective>,
}

impl EffectiveStatuses {
    pub fn get(&self, assessor: Assessor) -> Option<Effective> {
        match assessor {
            Assessor::Government => self.government,
            Assessor::Nhri => self.nhri,
            Assessor::CivilSociety => self.civil_society,
        }
    }

    /// The per-assessor view rule, the one every page, list, feed and API file follows: each
    /// assessor that has a current status, in [`Assessor::ALL`] order (government first).
    pub fn views(&self) -> Vec<(Assessor, crate::model::tracking::Effective)> {
        Assessor::ALL
            .iter()
            .filter_map(|&(_, who)| self.get(who).map(|e| (who, e)))
            .collect()
    }

    /// True unless two assessors' current statuses differ: one view, or none, agrees.
    pub fn agree(&self) -> bool {
        statuses_agree(self.views().into_iter().map(|(_, e)| e.status))
    }
}

/// The agreement rule of every view: true unless two of the assessors' statuses differ.
pub fn statuses_agree(statuses: impl IntoIterator<Item = StatusId>) -> bool {
    let mut statuses = statuses.into_iter();
    let first = statuses.next();
    statuses.all(|s| Some(s) == first)
}

#[derive(Debug, Clone)]
pub struct Action {
    pub key: Key,
    pub title: Text,
    /// Markdown.
    pub description: Text,
    pub recommendations: Vec<RecommendationId>,
    pub lead_institution: Option<InstitutionId>,
    pub partner_institutions: Vec<InstitutionId>,
    pub start_date: Option<NaiveDate>,
    pub due_date: Option<NaiveDate>,
    pub indicators: Vec<IndicatorId>,
    /// Status updates about this action, oldest first.
    pub updates: Vec<StatusUpdateId>,
    pub assessments: Assessments,
    pub submission: Submission,
}

/// Who sent a row in and when: when information arrived, apart from the date it describes.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Submission {
    /// The person or office; published only with `[publish] submitted_by = true`.
    pub by: Option<String>,
    pub on: Option<NaiveDate>,
}

/// Who made a status assessment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Assessor {
    Government,
    Nhri,
    CivilSociety,
}

impl Assessor {
    pub const ALL: &[(&'static str, Assessor)] = &[
        ("government", Assessor::Government),
        ("nhri", Assessor::Nhri),
        ("civil-society", Assessor::CivilSociety),
    ];

    pub fn id(self) -> &'static str {
        match self {
            Assessor::Government => "government",
            Assessor::Nhri => "nhri",
            Assessor::CivilSociety => "civil-society",
        }
    }
}

/// What a status update is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Subject {
    Recommendation(RecommendationId),
    Action(ActionId),
}

#[derive(Debug, Clone)]
pub struct StatusUpdate {
    pub id: Option<String>,
    pub date: NaiveDate,
    pub subject: Subject,
    pub status: StatusId,
    pub assessor: Assessor,
    pub institution: Option<InstitutionId>,
    pub organisation: Option<String>,
    /// Markdown.
    pub narrative: Text,
    pub evidence: Vec<WebUrl>,
    pub submission: Submission,
}

/// The latest assessment by each kind of assessor; never merged into one.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Assessments {
    pub government: Option<StatusUpdateId>,
    pub nhri: Option<StatusUpdateId>,
    pub civil_society: Option<StatusUpdateId>,
}

impl Assessments {
    pub fn get(&self, assessor: Assessor) -> Option<StatusUpdateId> {
        match assessor {
            Assessor::Government => self.government,
            Assessor::Nhri => self.nhri,
            Assessor::CivilSociety => self.civil_society,
        }
    }

    /// Each assessor's latest update, in [`Assessor::ALL`] order: an action's views.
    pub fn views(&self) -> Vec<(Assessor, StatusUpdateId)> {
        Assessor::ALL
            .iter()
            .filter_map(|&(_, who)| self.get(who).map(|u| (who, u)))
            .collect()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IndicatorKind {
    Structural,
    Process,
    Outcome,
}

impl IndicatorKind {
    pub const ALL: &[(&'static str, IndicatorKind)] = &[
        ("structural", IndicatorKind::Structural),
        ("process", IndicatorKind::Process),
        ("outcome", IndicatorKind::Outcome),
    ];
}

#[derive(Debug, Clone)]
pub struct Indicator {
    pub key: Key,
    pub kind: IndicatorKind,
    pub name: Text,
    pub unit: Option<String>,
    pub baseline: Option<f64>,
    pub baseline_date: Option<NaiveDate>,
    pub target: Option<f64>,
    pub target_date: Option<NaiveDate>,
    pub recommendations: Vec<RecommendationId>,
    pub actions: Vec<ActionId>,
    /// Oldest first.
    pub measurements: Vec<Measurement>,
}

#[derive(Debug, Clone)]
pub struct Measurement {
    pub date: NaiveDate,
    pub value: f64,
    pub source: Option<String>,
    pub note: Text,
}

/// A report due to a mechanism, from the reporting calendar.
#[derive(Debug, Clone)]
pub struct Report {
    pub key: Key,
    pub mechanism: MechanismId,
    pub title: Text,
    pub due_date: NaiveDate,
    pub submitted_date: Option<NaiveDate>,
    pub document: Option<DocumentId>,
}
