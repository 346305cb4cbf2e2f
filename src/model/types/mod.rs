//! The validated portal: plain data, typed indices instead of string references.
//!
//! `recommendations`: mechanisms, documents, recommendations and the terms that file them;
//! `follow_up`: statuses, actions, status updates, indicators and reports.

mod follow_up;
mod recommendations;

use std::collections::BTreeMap;

use chrono::NaiveDate;

pub use super::states::{RegionalGroup, State};
use crate::config::Config;
pub use follow_up::*;
pub use recommendations::*;

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
