//! Terms: the things recommendations are filed under (mechanisms, themes, statuses, ...).

use super::Site;
use super::context::Localized;
use super::urls::{self, Section};
use crate::model::*;

/// One term of one taxonomy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Term {
    Mechanism(MechanismId),
    Document(DocumentId),
    Institution(InstitutionId),
    Theme(ThemeId),
    Group(GroupId),
    SdgGoal(SdgGoalId),
    SdgTarget(SdgTargetId),
    Cluster(ClusterId),
    Status(StatusId),
    /// A State under review: the recommendations made to it.
    State(StateId),
    /// A recommending State: the recommendations it made.
    RecommendingState(StateId),
}

/// Sections whose pages are terms, in navigation order.
pub const TERM_SECTIONS: &[Section] = &[
    Section::Mechanisms,
    Section::Documents,
    Section::Institutions,
    Section::Themes,
    Section::Groups,
    Section::Sdg,
    Section::Clusters,
    Section::Statuses,
    Section::States,
    Section::RecommendingStates,
];

impl Term {
    pub fn section(self) -> Section {
        match self {
            Term::Mechanism(_) => Section::Mechanisms,
            Term::Document(_) => Section::Documents,
            Term::Institution(_) => Section::Institutions,
            Term::Theme(_) => Section::Themes,
            Term::Group(_) => Section::Groups,
            Term::SdgGoal(_) | Term::SdgTarget(_) => Section::Sdg,
            Term::Cluster(_) => Section::Clusters,
            Term::Status(_) => Section::Statuses,
            Term::State(_) => Section::States,
            Term::RecommendingState(_) => Section::RecommendingStates,
        }
    }
}

impl Site<'_> {
    /// Every term of a section, in data order (SDG: goals, then targets).
    pub fn terms(&self, section: Section) -> Vec<Term> {
        let d = self.data;
        let ids = |n: usize| 0..n as u32;
        match section {
            Section::Mechanisms => ids(d.mechanisms.len())
                .map(|i| Term::Mechanism(MechanismId(i)))
                .collect(),
            Section::Documents => ids(d.documents.len())
                .map(|i| Term::Document(DocumentId(i)))
                .collect(),
            Section::Institutions => ids(d.institutions.len())
                .map(|i| Term::Institution(InstitutionId(i)))
                .collect(),
            Section::Themes => ids(d.themes.len())
                .map(|i| Term::Theme(ThemeId(i)))
                .collect(),
            Section::Groups => ids(d.groups.len())
                .map(|i| Term::Group(GroupId(i)))
                .collect(),
            Section::Sdg => ids(d.sdg_goals.len())
                .map(|i| Term::SdgGoal(SdgGoalId(i)))
                .chain(ids(d.sdg_targets.len()).map(|i| Term::SdgTarget(SdgTargetId(i))))
                .collect(),
            Section::Clusters => ids(d.clusters.len())
                .map(|i| Term::Cluster(ClusterId(i)))
                .collect(),
            Section::Statuses => ids(d.config.statuses.len())
                .map(|i| Term::Status(StatusId(i)))
                .collect(),
            // A single-State portal has no page per State under review.
            Section::States if d.is_multi_state() => {
                d.states_under_review().map(Term::State).collect()
            }
            Section::States => Vec::new(),
            Section::RecommendingStates => ids(d.states.len())
                .filter(|&i| !d.states[i as usize].recommended.is_empty())
                .map(|i| Term::RecommendingState(StateId(i)))
                .collect(),
            Section::Recommendations | Section::Actions | Section::Indicators => Vec::new(),
        }
    }

    pub fn term_recommendations(&self, term: Term) -> &[RecommendationId] {
        let d = self.data;
        match term {
            Term::Mechanism(id) => &d.mechanisms[id.index()].recommendations,
            Term::Document(id) => &d.documents[id.index()].recommendations,
            Term::Institution(id) => &d.institutions[id.index()].recommendations,
            Term::Theme(id) => &d.themes[id.index()].recommendations,
            Term::Group(id) => &d.groups[id.index()].recommendations,
            Term::SdgGoal(id) => &d.sdg_goals[id.index()].recommendations,
            Term::SdgTarget(id) => &d.sdg_targets[id.index()].recommendations,
            Term::Cluster(id) => &d.clusters[id.index()].recommendations,
            Term::Status(id) => &self.by_status[id.index()],
            Term::State(id) => &d.states[id.index()].under_review,
            Term::RecommendingState(id) => &d.states[id.index()].recommended,
        }
    }

    pub fn term_slug(&self, term: Term) -> &str {
        let d = self.data;
        match term {
            Term::Mechanism(id) => &d.mechanisms[id.index()].key.slug,
            Term::Document(id) => &d.documents[id.index()].key.slug,
            Term::Institution(id) => &d.institutions[id.index()].key.slug,
            Term::Theme(id) => &d.themes[id.index()].key.slug,
            Term::Group(id) => &d.groups[id.index()].key.slug,
            Term::SdgGoal(id) => &d.sdg_goals[id.index()].key.slug,
            Term::SdgTarget(id) => &d.sdg_targets[id.index()].key.slug,
            Term::Cluster(id) => &d.clusters[id.index()].key.slug,
            Term::Status(id) => &d.config.statuses[id.index()].id,
            Term::State(id) | Term::RecommendingState(id) => &d.states[id.index()].key.slug,
        }
    }

    pub fn term_path(&self, lang: &str, term: Term) -> String {
        urls::entry(
            lang,
            term.section(),
            &crate::slug::slugify(self.term_slug(term)),
        )
    }

    /// The term's display name in `lang` (with fallback).
    pub fn term_name(&self, term: Term, lang: &str) -> Localized {
        let d = self.data;
        match term {
            Term::Mechanism(id) => {
                let m = &d.mechanisms[id.index()];
                self.localize(&m.name, lang)
            }
            Term::Document(id) => self.plain(d.documents[id.index()].symbol.clone(), lang),
            Term::Institution(id) => self.localize(&d.institutions[id.index()].name, lang),
            Term::Theme(id) => self.localize(&d.themes[id.index()].name, lang),
            Term::Group(id) => self.localize(&d.groups[id.index()].name, lang),
            Term::SdgGoal(id) => {
                let goal = &d.sdg_goals[id.index()];
                let mut name = self.localize(&goal.name, lang);
                name.text = format!(
                    "{} {}: {}",
                    self.i18n.message(lang, "sdg-goal", None),
                    goal.key.id,
                    name.text
                );
                name
            }
            Term::SdgTarget(id) => {
                let target = &d.sdg_targets[id.index()];
                let mut text = self.localize(&target.text, lang);
                text.text = format!(
                    "{} {}: {}",
                    self.i18n.message(lang, "sdg-target", None),
                    target.key.id,
                    super::excerpt(&text.text, 140)
                );
                text
            }
            Term::Cluster(id) => self.localize(&d.clusters[id.index()].name, lang),
            Term::Status(id) => self.plain(self.status_label(id, lang), lang),
            Term::State(id) | Term::RecommendingState(id) => self.state_name(id, lang),
        }
    }

    /// A State's name in `lang` by the table's language rule, marked when it falls back.
    pub fn state_name(&self, state: StateId, lang: &str) -> Localized {
        let (actual, name) = self.data.state_name(state, lang);
        self.localized(name.to_string(), actual, lang)
    }

    /// Text in `lang`, else the default language, else any; marked when it falls back.
    pub fn localize(&self, text: &Text, lang: &str) -> Localized {
        match text.pick(lang, &self.data.config.default_language) {
            Some((actual, value)) => self.localized(value.to_string(), actual, lang),
            None => self.plain(String::new(), lang),
        }
    }

    /// `text`, written in `actual`, shown on a page in `page_lang`.
    pub fn localized(&self, text: String, actual: &str, page_lang: &str) -> Localized {
        let fallback = actual != page_lang;
        let dir = self.dir_of(actual);
        let language = self.languages.iter().find(|l| l.code == actual);
        Localized {
            text,
            lang: actual.to_string(),
            dir,
            fallback,
            attrs: if fallback {
                format!(" lang=\"{actual}\" dir=\"{dir}\"")
            } else {
                String::new()
            },
            lang_name: language.map_or_else(|| actual.to_string(), |l| l.name.clone()),
        }
    }

    /// Text that needs no translation (symbols, ids, labels already in `lang`).
    pub fn plain(&self, text: String, lang: &str) -> Localized {
        self.localized(text, lang, lang)
    }

    pub fn dir_of(&self, lang: &str) -> &'static str {
        self.languages
            .iter()
            .find(|l| l.code == lang)
            .map_or("ltr", |l| l.dir.as_str())
    }

    pub fn status_label(&self, id: StatusId, lang: &str) -> String {
        let status = &self.data.config.statuses[id.index()];
        status
            .label
            .get(lang)
            .or_else(|| status.label.get(&self.data.config.default_language))
            .cloned()
            .unwrap_or_else(|| status.id.clone())
    }
}
