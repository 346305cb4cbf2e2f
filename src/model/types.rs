//! The validated portal: plain data, typed indices instead of string references.

use std::collections::BTreeMap;

use chrono::NaiveDate;

pub use super::states::{RegionalGroup, State};
use crate::config::Config;
use crate::web_url::WebUrl;

macro_rules! index_type {
    ($($(#[$doc:meta])* $name:ident),* $(,)?) => {$(
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub struct $name(pub u32);
        impl $name {
            pub fn index(self) -> usize {
                self.0 as usize
            }
        }
        impl From<u32> for $name {
            fn from(index: u32) -> Self {
                $name(index)
            }
        }
    )*};
}

index_type!(
    /// Position in [`Dataset::mechanisms`].
    MechanismId,
    /// Position in [`Dataset::documents`].
    DocumentId,
    /// Position in [`Dataset::recommendations`].
    RecommendationId,
    /// Position in [`Dataset::institutions`].
    InstitutionId,
    /// Position in [`Dataset::themes`].
    ThemeId,
    /// Position in [`Dataset::groups`].
    GroupId,
    /// Position in [`Dataset::sdg_goals`].
    SdgGoalId,
    /// Position in [`Dataset::sdg_targets`].
    SdgTargetId,
    /// Position in [`Dataset::clusters`].
    ClusterId,
    /// Position in [`Dataset::actions`].
    ActionId,
    /// Position in [`Dataset::status_updates`].
    StatusUpdateId,
    /// Position in [`Dataset::indicators`].
    IndicatorId,
    /// Position in [`Dataset::reports`].
    ReportId,
    /// Position in the config's status scale.
    StatusId,
    /// Position in [`Dataset::states`].
    StateId,
);

/// A text in several languages: language code to text. Translations may be missing.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Text(pub BTreeMap<String, String>);

/// The language rule, the one definition of it: the entry in `lang`, else in `fallback` (the
/// default language), else in the first language that has one, with the language it is
/// actually in. `None` only when `by_lang` is empty.
pub fn in_language<'a, T>(
    by_lang: &'a BTreeMap<String, T>,
    lang: &str,
    fallback: &str,
) -> Option<(&'a str, &'a T)> {
    by_lang
        .get_key_value(lang)
        .or_else(|| by_lang.get_key_value(fallback))
        .or_else(|| by_lang.iter().next())
        .map(|(l, t)| (l.as_str(), t))
}

impl Text {
    /// The text by the language rule ([`in_language`]), with the language it is in.
    pub fn pick<'a>(&'a self, lang: &str, fallback: &str) -> Option<(&'a str, &'a str)> {
        in_language(&self.0, lang, fallback).map(|(l, t)| (l, t.as_str()))
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// Id and URL slug of a row, shared by every table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Key {
    pub id: String,
    pub slug: String,
}

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
    pub fn views(&self) -> Vec<(Assessor, super::tracking::Effective)> {
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

/// A narrative page from `content/`, with its text per language.
#[derive(Debug, Clone)]
pub struct ContentPage {
    /// URL path below the language prefix, such as `about` or `help/faq`.
    pub path: String,
    pub weight: Option<i64>,
    /// Language code to its text.
    pub translations: BTreeMap<String, PageText>,
}

#[derive(Debug, Clone)]
pub struct PageText {
    pub title: String,
    pub description: Option<String>,
    /// Markdown.
    pub body: String,
}

/// Everything a portal publishes, validated and cross-referenced.
#[derive(Debug, Clone)]
pub struct Dataset {
    pub config: Config,
    /// The day the data describes.
    pub as_of: NaiveDate,
    pub mechanisms: Vec<Mechanism>,
    pub documents: Vec<Document>,
    pub recommendations: Vec<Recommendation>,
    pub institutions: Vec<Institution>,
    pub themes: Vec<Theme>,
    pub groups: Vec<Group>,
    pub sdg_goals: Vec<SdgGoal>,
    pub sdg_targets: Vec<SdgTarget>,
    pub clusters: Vec<Cluster>,
    pub actions: Vec<Action>,
    pub status_updates: Vec<StatusUpdate>,
    pub indicators: Vec<Indicator>,
    pub reports: Vec<Report>,
    pub pages: Vec<ContentPage>,
    /// `content/_index.{lang}.md`, shown on the home page.
    pub home_intro: Option<ContentPage>,
    /// Old ids of rows of every table with pages, each kept alive as a redirect.
    pub aliases: Vec<Alias>,
    /// The States table: the built-in rows in id order (a portal's override in place), then
    /// the rows `data/states.csv` adds.
    pub states: Vec<State>,
    /// The portal's State, config `state`.
    pub portal_state: Option<StateId>,
    /// Its recommendations name more than one State under review (see [`Dataset::is_multi_state`]).
    pub multi_state: bool,
}

/// An old id (from an `aliases` column) and the row it now names.
#[derive(Debug, Clone)]
pub struct Alias {
    pub old: Key,
    pub target: AliasTarget,
}

/// A row with a page of its own, which an alias forwards to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AliasTarget {
    Mechanism(MechanismId),
    Document(DocumentId),
    Recommendation(RecommendationId),
    Institution(InstitutionId),
    Theme(ThemeId),
    Group(GroupId),
    SdgGoal(SdgGoalId),
    SdgTarget(SdgTargetId),
    Cluster(ClusterId),
    Action(ActionId),
    Indicator(IndicatorId),
}

impl Dataset {
    /// The current key of the row an alias forwards to.
    pub fn alias_target_key(&self, target: AliasTarget) -> &Key {
        match target {
            AliasTarget::Mechanism(id) => &self.mechanisms[id.index()].key,
            AliasTarget::Document(id) => &self.documents[id.index()].key,
            AliasTarget::Recommendation(id) => &self.recommendations[id.index()].key,
            AliasTarget::Institution(id) => &self.institutions[id.index()].key,
            AliasTarget::Theme(id) => &self.themes[id.index()].key,
            AliasTarget::Group(id) => &self.groups[id.index()].key,
            AliasTarget::SdgGoal(id) => &self.sdg_goals[id.index()].key,
            AliasTarget::SdgTarget(id) => &self.sdg_targets[id.index()].key,
            AliasTarget::Cluster(id) => &self.clusters[id.index()].key,
            AliasTarget::Action(id) => &self.actions[id.index()].key,
            AliasTarget::Indicator(id) => &self.indicators[id.index()].key,
        }
    }

    /// The States under review, in table order: those with at least one recommendation.
    pub fn states_under_review(&self) -> impl Iterator<Item = StateId> + '_ {
        self.states
            .iter()
            .enumerate()
            .filter(|(_, s)| !s.under_review.is_empty())
            .map(|(i, _)| StateId(i as u32))
    }

    /// The States the portal's data names (under review, recommending, a document's, config
    /// `state`) or its `data/states.csv` lists: the rows it publishes.
    pub fn states_in_use(&self) -> Vec<StateId> {
        self.states
            .iter()
            .enumerate()
            .filter(|&(i, s)| {
                s.from_portal
                    || !s.under_review.is_empty()
                    || !s.recommended.is_empty()
                    || !s.documents.is_empty()
                    || self.portal_state == Some(StateId(i as u32))
            })
            .map(|(i, _)| StateId(i as u32))
            .collect()
    }

    /// A portal is multi-State when its recommendations name more than one State under
    /// review; only then does it show the State of each recommendation and the States pages.
    pub fn is_multi_state(&self) -> bool {
        self.multi_state
    }

    /// A State's name on a page in `lang`, with the language it is in.
    pub fn state_name<'a>(&'a self, state: StateId, lang: &'a str) -> (&'a str, &'a str) {
        self.states[state.index()].name_in(lang, &self.config.default_language)
    }

    /// The names of States in `lang` (each by [`State::name_in`]), in the order given.
    pub fn state_names(&self, states: &[StateId], lang: &str) -> Vec<String> {
        states
            .iter()
            .map(|&s| self.state_name(s, lang).1.to_string())
            .collect()
    }

    /// The government's current status of a recommendation, which headline figures count.
    pub fn headline_status(&self, recommendation: &Recommendation) -> Option<StatusId> {
        recommendation.effective.government.map(|e| e.status)
    }

    /// A recommendation's current status by one assessor.
    pub fn status_by(
        &self,
        recommendation: &Recommendation,
        assessor: Assessor,
    ) -> Option<StatusId> {
        recommendation.effective.get(assessor).map(|e| e.status)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
        pairs
            .iter()
            .map(|(l, t)| (l.to_string(), t.to_string()))
            .collect()
    }

    #[test]
    fn language_rule_prefers_the_language_then_the_default_then_the_first() {
        let all = texts(&[("ar", "a"), ("en", "e"), ("fr", "f")]);
        assert_eq!(in_language(&all, "fr", "en").map(|(l, _)| l), Some("fr"));
        assert_eq!(in_language(&all, "es", "en").map(|(l, _)| l), Some("en"));
        let no_default = texts(&[("fr", "f"), ("ar", "a")]);
        assert_eq!(
            in_language(&no_default, "es", "en").map(|(l, _)| l),
            Some("ar")
        );
        assert_eq!(
            in_language(&texts(&[]), "es", "en"),
            None::<(&str, &String)>
        );
    }
}
