//! The search page's context, and the vocabulary it shares with the index the
//! `search` emitter writes: the facets and the kinds of entries (docs/search.md).

use serde::Serialize;

use super::{Section, Site, urls};

/// The facets, in the order the search page shows them.
pub const FACETS: &[&str] = &[
    "type",
    "mechanism",
    "document",
    "state",
    "recommending",
    "status",
    "disputed",
    "response",
    "theme",
    "group",
    "sdg",
    "institution",
    "year",
];

/// What a search result is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum EntryKind {
    Recommendation,
    Action,
    Document,
}

impl EntryKind {
    pub const ALL: [EntryKind; 3] = [
        EntryKind::Recommendation,
        EntryKind::Action,
        EntryKind::Document,
    ];

    /// The value of the `type` facet and the name used in messages.
    pub fn key(self) -> &'static str {
        match self {
            EntryKind::Recommendation => "recommendation",
            EntryKind::Action => "action",
            EntryKind::Document => "document",
        }
    }

    /// The one-letter code in the document table.
    pub fn code(self) -> &'static str {
        match self {
            EntryKind::Recommendation => "r",
            EntryKind::Action => "a",
            EntryKind::Document => "d",
        }
    }

    /// The site section its pages live in.
    pub fn section(self) -> &'static str {
        match self {
            EntryKind::Recommendation => "recommendations",
            EntryKind::Action => "actions",
            EntryKind::Document => "documents",
        }
    }
}

/// A facet as the search page lists it.
#[derive(Serialize)]
struct PageFacet {
    name: &'static str,
    label: String,
}

#[derive(Serialize)]
struct BrowseLink {
    href: String,
    label: String,
}

#[derive(Serialize)]
struct SearchPage {
    /// The manifest, from the site root.
    index: String,
    facets: Vec<PageFacet>,
    browse: Vec<BrowseLink>,
    /// `{"r": "Recommendation", ...}` for the result list.
    types: String,
    /// Language code to text direction, for results shown in another language.
    dirs: String,
}

/// The context of the search page of `lang`; returns the page title.
pub fn page_context(site: &Site, lang: &str, context: &mut tera::Context) -> String {
    let msg = |key: &str| site.i18n.message(lang, key, None);
    let facets = FACETS
        .iter()
        .map(|name| PageFacet {
            name,
            label: msg(&format!("search-facet-{name}")),
        })
        .collect();
    let mut browse = vec![BrowseLink {
        href: urls::section(lang, Section::Recommendations),
        label: msg(Section::Recommendations.message()),
    }];
    if !site.data.actions.is_empty() {
        browse.push(BrowseLink {
            href: urls::section(lang, Section::Actions),
            label: msg(Section::Actions.message()),
        });
    }
    for section in [
        Section::Mechanisms,
        Section::Documents,
        Section::Themes,
        Section::Groups,
        Section::Sdg,
        Section::Institutions,
        Section::Statuses,
    ] {
        if !site.terms(section).is_empty() {
            browse.push(BrowseLink {
                href: urls::section(lang, section),
                label: msg(section.message()),
            });
        }
    }
    let types: serde_json::Map<String, serde_json::Value> = EntryKind::ALL
        .iter()
        .map(|k| {
            (
                k.code().to_string(),
                msg(&format!("search-type-{}", k.key())).into(),
            )
        })
        .collect();
    let dirs: serde_json::Map<String, serde_json::Value> = site
        .language_codes()
        .map(|l| (l.to_string(), site.dir_of(l).into()))
        .collect();
    context.insert(
        "search",
        &SearchPage {
            index: format!("search/{lang}/manifest.json"),
            facets,
            browse,
            types: serde_json::Value::Object(types).to_string(),
            dirs: serde_json::Value::Object(dirs).to_string(),
        },
    );
    msg("search-title")
}

/// The search page's path: `{lang}/search/`.
pub fn page_path(lang: &str) -> String {
    format!("{lang}/search/")
}
