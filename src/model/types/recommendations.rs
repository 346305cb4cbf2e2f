//! Mechanisms, documents, recommendations, institutions and the terms that file them.

use chrono::NaiveDate;

use super::*;
use crate::web_url::WebUrl;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum MechanismKind {
    Upr,
    TreatyBody,
    SpecialProcedure,
    Regional,
    National,
    Other,
}

impl MechanismKind {
    pub const ALL: &[(&'static str, MechanismKind)] = &[
        ("upr", MechanismKind::Upr),
        ("treaty-body", MechanismKind::TreatyBody),
        ("special-procedure", MechanismKind::SpecialProcedure),
        ("regional", MechanismKind::Regional),
        ("national", MechanismKind::National),
        ("other", MechanismKind::Other),
    ];

    /// Whether the State answers this kind of mechanism's recommendations with a response
    /// (supported, supported in part, noted): only the Universal Periodic Review asks for one.
    pub fn asks_for_response(self) -> bool {
        self == MechanismKind::Upr
    }
}

#[derive(Debug, Clone)]
pub struct Mechanism {
    pub key: Key,
    pub kind: MechanismKind,
    pub acronym: Option<String>,
    pub name: Text,
    pub url: Option<WebUrl>,
    pub documents: Vec<DocumentId>,
    pub recommendations: Vec<RecommendationId>,
}

#[derive(Debug, Clone)]
pub struct Document {
    pub key: Key,
    pub symbol: String,
    pub mechanism: MechanismId,
    /// The State the document is about (its `state` cell, else config `state`).
    pub state: Option<StateId>,
    pub date: NaiveDate,
    pub cycle: Option<u32>,
    pub session: Option<String>,
    pub title: Text,
    pub url: Option<WebUrl>,
    pub recommendations: Vec<RecommendationId>,
}

/// The State's response to a recommendation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Response {
    Supported,
    SupportedInPart,
    Noted,
    Pending,
}

impl Response {
    pub const ALL: &[(&'static str, Response)] = &[
        ("supported", Response::Supported),
        ("supported-in-part", Response::SupportedInPart),
        ("noted", Response::Noted),
        ("pending", Response::Pending),
    ];

    pub fn id(self) -> &'static str {
        Self::ALL
            .iter()
            .find(|(_, r)| *r == self)
            .map_or("pending", |(id, _)| id)
    }
}

#[derive(Debug, Clone)]
pub struct Recommendation {
    pub key: Key,
    pub document: DocumentId,
    /// The document's mechanism, kept here because every listing needs it.
    pub mechanism: MechanismId,
    pub paragraph: Option<String>,
    pub date: NaiveDate,
    pub text: Text,
    pub response: Response,
    /// The State under review: its `state` cell, else its document's, else config `state`.
    pub state: Option<StateId>,
    /// The States that made it, one for a recommendation by one State, several for a joint one.
    pub recommending_states: Vec<StateId>,
    pub themes: Vec<ThemeId>,
    pub groups: Vec<GroupId>,
    pub sdg_targets: Vec<SdgTargetId>,
    /// Goals linked as a whole (sources such as the UPR matrix name goals, not targets).
    pub sdg_goals: Vec<SdgGoalId>,
    /// Where the State gave its position (`A/HRC/52/8/Add.1 - Para.3`).
    pub position_source: Option<String>,
    pub lead_institution: Option<InstitutionId>,
    pub partner_institutions: Vec<InstitutionId>,
    pub cluster: Option<ClusterId>,
    /// Earlier ids whose URLs redirect here.
    pub aliases: Vec<Key>,
    pub actions: Vec<ActionId>,
    pub indicators: Vec<IndicatorId>,
    /// Status updates about this recommendation, oldest first.
    pub updates: Vec<StatusUpdateId>,
    /// Each assessor's latest update on the recommendation itself.
    pub assessments: Assessments,
    /// Each assessor's current status by the status rule (own updates and actions).
    pub effective: EffectiveStatuses,
    /// Treaty bodies' follow-up procedure: the date the State's follow-up information on this
    /// recommendation is due, when the mechanism selected it for follow-up.
    pub follow_up_due: Option<NaiveDate>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum InstitutionKind {
    Ministry,
    Agency,
    Parliament,
    Judiciary,
    Nhri,
    LocalGovernment,
    CivilSociety,
    Other,
}

impl InstitutionKind {
    pub const ALL: &[(&'static str, InstitutionKind)] = &[
        ("ministry", InstitutionKind::Ministry),
        ("agency", InstitutionKind::Agency),
        ("parliament", InstitutionKind::Parliament),
        ("judiciary", InstitutionKind::Judiciary),
        ("nhri", InstitutionKind::Nhri),
        ("local-government", InstitutionKind::LocalGovernment),
        ("civil-society", InstitutionKind::CivilSociety),
        ("other", InstitutionKind::Other),
    ];
}

#[derive(Debug, Clone)]
pub struct Institution {
    pub key: Key,
    pub kind: InstitutionKind,
    pub acronym: Option<String>,
    pub name: Text,
    pub url: Option<WebUrl>,
    /// Recommendations it leads or partners on, in recommendation order.
    pub recommendations: Vec<RecommendationId>,
    pub actions: Vec<ActionId>,
}

#[derive(Debug, Clone)]
pub struct Theme {
    pub key: Key,
    pub parent: Option<ThemeId>,
    pub children: Vec<ThemeId>,
    pub name: Text,
    pub recommendations: Vec<RecommendationId>,
}

#[derive(Debug, Clone)]
pub struct Group {
    pub key: Key,
    pub name: Text,
    pub recommendations: Vec<RecommendationId>,
}

#[derive(Debug, Clone)]
pub struct SdgGoal {
    pub key: Key,
    pub name: Text,
    pub targets: Vec<SdgTargetId>,
    /// Recommendations linked to any of its targets.
    pub recommendations: Vec<RecommendationId>,
}

#[derive(Debug, Clone)]
pub struct SdgTarget {
    pub key: Key,
    pub goal: SdgGoalId,
    pub text: Text,
    pub recommendations: Vec<RecommendationId>,
}

#[derive(Debug, Clone)]
pub struct Cluster {
    pub key: Key,
    pub name: Text,
    pub description: Text,
    pub recommendations: Vec<RecommendationId>,
}
