//! The States: who is under review and who recommends. A table of 195 States is built in
//! (`default_states.csv`, written by `scripts/default_states.py`); a portal's
//! `data/states.csv` adds or overrides rows.

mod builtin;
mod names;

pub use builtin::{builtin, resolve, suggest};
pub use names::{StateIndex, fold};

use super::types::{DocumentId, Key, RecommendationId, Text};

/// A UN regional group, as the General Assembly's elections count them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum RegionalGroup {
    African,
    AsiaPacific,
    EasternEuropean,
    LatinAmericanCaribbean,
    WesternEuropeanOther,
}

impl RegionalGroup {
    pub const ALL: &[(&'static str, RegionalGroup)] = &[
        ("african", RegionalGroup::African),
        ("asia-pacific", RegionalGroup::AsiaPacific),
        ("eastern-european", RegionalGroup::EasternEuropean),
        (
            "latin-american-caribbean",
            RegionalGroup::LatinAmericanCaribbean,
        ),
        (
            "western-european-other",
            RegionalGroup::WesternEuropeanOther,
        ),
    ];

    pub fn id(self) -> &'static str {
        Self::ALL
            .iter()
            .find(|(_, g)| *g == self)
            .map_or("", |(id, _)| id)
    }
}

/// A State: under review, recommending, or both.
#[derive(Debug, Clone)]
pub struct State {
    /// `id` is the ISO 3166-1 alpha-3 code (`PRY`; `XAA`-`XZZ` for entities without one),
    /// `slug` its lower case (`pry`).
    pub key: Key,
    /// The State's name per language; never empty.
    pub name: Text,
    pub group: Option<RegionalGroup>,
    /// Other names that resolve to this State (old names, other spellings).
    pub aliases: Vec<String>,
    /// The row is the portal's own (added or overriding in `data/states.csv`).
    pub from_portal: bool,
    /// Recommendations made to this State, in recommendation order.
    pub under_review: Vec<RecommendationId>,
    /// Recommendations this State made (alone or jointly), in recommendation order.
    pub recommended: Vec<RecommendationId>,
    /// Documents about this State, in document order.
    pub documents: Vec<DocumentId>,
}

impl State {
    /// The name to show on a page in `lang`, with the language it is really in: `lang`, else
    /// its primary subtag (`zh` for `zh-Hans`), else the portal's default language, else
    /// English, else any.
    pub fn name_in<'a>(&'a self, lang: &'a str, default: &'a str) -> (&'a str, &'a str) {
        let names = &self.name.0;
        let primary = |code: &'a str| code.split('-').next().unwrap_or(code);
        // A name in the primary language (`zh`) is the name in the page's (`zh-Hans`).
        let exact = |code: &'a str| names.get(code).map(|n| (code, n.as_str()));
        let within = |code: &'a str| names.get(primary(code)).map(|n| (code, n.as_str()));
        exact(lang)
            .or_else(|| within(lang))
            .or_else(|| exact(default))
            .or_else(|| within(default))
            .or_else(|| exact("en"))
            .or_else(|| names.iter().next().map(|(l, n)| (l.as_str(), n.as_str())))
            .unwrap_or(("en", self.key.id.as_str()))
    }

    /// The State's id, `PRY`.
    pub fn id(&self) -> &str {
        &self.key.id
    }
}

/// The State id rule: three upper-case letters (ISO 3166-1 alpha-3, or `XAA`-`XZZ`, the
/// range ISO leaves to users, for an entity without a code). The problem, if any.
pub fn id_problem(id: &str) -> Option<String> {
    if id.len() == 3 && id.bytes().all(|b| b.is_ascii_uppercase()) {
        return None;
    }
    if id.len() == 3 && id.bytes().all(|b| b.is_ascii_alphabetic()) {
        return Some(format!(
            "State ids are upper case: write `{}`",
            id.to_ascii_uppercase()
        ));
    }
    Some(format!(
        "`{id}` is not a State id: ids are ISO 3166-1 alpha-3 codes such as `PRY`, or `XAA`-`XZZ` for an entity without one"
    ))
}
