//! Where every page lives. Paths are relative to the site root and end in `/`;
//! templates prefix them with the page's `root` so that links work under any base URL.

/// A section of generated pages, also its URL segment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Section {
    Recommendations,
    Actions,
    Mechanisms,
    Documents,
    Institutions,
    Themes,
    Groups,
    Sdg,
    Clusters,
    Statuses,
    Indicators,
    /// States under review (multi-State portals only).
    States,
    /// States that made recommendations.
    RecommendingStates,
}

impl Section {
    pub fn segment(self) -> &'static str {
        match self {
            Section::Recommendations => "recommendations",
            Section::Actions => "actions",
            Section::Mechanisms => "mechanisms",
            Section::Documents => "documents",
            Section::Institutions => "institutions",
            Section::Themes => "themes",
            Section::Groups => "groups",
            Section::Sdg => "sdg",
            Section::Clusters => "clusters",
            Section::Statuses => "statuses",
            Section::Indicators => "indicators",
            Section::States => "states",
            Section::RecommendingStates => "recommending-states",
        }
    }

    /// The Fluent message naming the section.
    pub fn message(self) -> &'static str {
        match self {
            Section::Recommendations => "section-recommendations",
            Section::Actions => "section-actions",
            Section::Mechanisms => "section-mechanisms",
            Section::Documents => "section-documents",
            Section::Institutions => "section-institutions",
            Section::Themes => "section-themes",
            Section::Groups => "section-groups",
            Section::Sdg => "section-sdg",
            Section::Clusters => "section-clusters",
            Section::Statuses => "section-statuses",
            Section::Indicators => "section-indicators",
            Section::States => "section-states",
            Section::RecommendingStates => "section-recommending-states",
        }
    }
}

pub fn home(lang: &str) -> String {
    format!("{lang}/")
}

pub fn section(lang: &str, section: Section) -> String {
    format!("{lang}/{}/", section.segment())
}

pub fn entry(lang: &str, section: Section, slug: &str) -> String {
    format!("{lang}/{}/{slug}/", section.segment())
}

/// A mechanism's draft follow-up report: `en/mechanisms/upr/report/cycle-4/`, or
/// `en/mechanisms/cat/report/` for its latest document.
pub fn draft_report(lang: &str, mechanism_slug: &str, cycle: Option<u32>) -> String {
    let base = entry(lang, Section::Mechanisms, mechanism_slug);
    match cycle {
        Some(cycle) => format!("{base}report/cycle-{cycle}/"),
        None => format!("{base}report/"),
    }
}

/// Page `n` (1-based) of a paginated listing whose first page is `first`.
pub fn paged(first: &str, n: usize) -> String {
    if n <= 1 {
        first.to_string()
    } else {
        format!("{first}page/{n}/")
    }
}

pub fn content(lang: &str, path: &str) -> String {
    format!("{lang}/{path}/")
}

/// The output file of a page path: `en/x/` is written to `en/x/index.html`.
pub fn file_of(path: &str) -> String {
    if path.is_empty() || path.ends_with('/') {
        format!("{path}index.html")
    } else {
        path.to_string()
    }
}

/// `../` once per directory level of `path`, so that `{root}{other}` reaches `other`.
pub fn root_of(path: &str) -> String {
    "../".repeat(path.matches('/').count())
}

/// The folder of the static JSON API (docs/api.md).
pub const API_DIR: &str = "api/v1";

/// `api/v1/recommendations/{slug}.json`
pub fn api_recommendation_file(r: &crate::model::Recommendation) -> String {
    format!("{API_DIR}/recommendations/{}.json", r.key.slug)
}
