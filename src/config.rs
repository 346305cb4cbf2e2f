//! `config.toml`: portal settings, languages and the status scale.

use std::collections::BTreeMap;
use std::ops::Range;

use chrono::NaiveDate;
use serde::Deserialize;
use toml::Spanned;

use crate::diagnostics::Diagnostics;
// Re-exported for callers that still name it here; it lives in `util::text`.
pub use crate::util::text::line_column;
use crate::util::web_url::{HELP_SEPARATOR, WebUrl};

pub const CONFIG_FILE: &str = "config.toml";

/// The whole of `config.toml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// Absolute URL where the portal is published, used for canonical links, hreflang and feeds.
    pub base_url: WebUrl,
    /// Language code of the first language and the fallback for missing translations.
    pub default_language: String,
    /// The day the data describes; `--as-of` and `SOURCE_DATE_EPOCH` override it.
    #[serde(default, deserialize_with = "date_or_string")]
    pub as_of: Option<NaiveDate>,
    /// The State of a single-State portal, a State id such as `PRY` (see docs/data.md,
    /// "States"): the State of every document and recommendation that names none.
    #[serde(default)]
    pub state: Option<String>,
    /// Folder name directly under `themes/` (no `/`, `\\` or `..`).
    #[serde(default = "default_theme", deserialize_with = "theme_name")]
    pub theme: String,
    /// List length before a listing paginates: 1 to 1000.
    #[serde(
        default = "default_per_page",
        deserialize_with = "in_range::<_, _, 1, 1000>"
    )]
    pub per_page: usize,
    /// Portal title per language code.
    pub title: BTreeMap<String, String>,
    /// One line under the title, per language code.
    #[serde(default)]
    pub tagline: BTreeMap<String, String>,
    /// Published languages, in menu order.
    pub languages: Vec<Language>,
    /// The status scale, ordered from start to finish.
    pub statuses: Vec<StatusDef>,
    /// Thresholds for stale statuses, deadlines and the "what changed" page.
    #[serde(default)]
    pub tracking: TrackingConfig,
    /// The licence of the published data, shown on the Data page and in datapackage.json.
    #[serde(default)]
    pub license: Option<License>,
    /// What the portal publishes beyond the data it always shows.
    #[serde(default)]
    pub publish: PublishConfig,
    /// The "submit information" link on every recommendation page.
    #[serde(default)]
    pub contribute: Option<ContributeConfig>,
}

/// `[contribute]` in config.toml: where the NHRI, civil society and anyone else can send
/// information about a recommendation. Exactly one of `email` and `url`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ContributeConfig {
    /// Address that receives submissions; the link opens an e-mail (`mailto:`) whose subject
    /// names the recommendation and whose body holds its page address.
    #[serde(default)]
    pub email: Option<String>,
    /// A web form or a repository's new-issue form; `{id}`, `{title}` and `{url}` are replaced
    /// by the recommendation's id, the start of its text and its page address, percent-encoded.
    #[serde(default)]
    pub url: Option<String>,
    /// How submissions are reviewed, per language code; the theme's sentence when absent.
    #[serde(default)]
    pub review: BTreeMap<String, String>,
}

/// The placeholders a `[contribute] url` may hold.
pub const CONTRIBUTE_PLACEHOLDERS: &[&str] = &["{id}", "{title}", "{url}"];

/// `[publish]` in config.toml.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct PublishConfig {
    /// Show who submitted each status update and action (`submitted_by`) on the pages and in
    /// the open data. Off by default: it often names a person.
    pub submitted_by: bool,
}

/// `[license]` in config.toml.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct License {
    /// SPDX identifier, such as `CC-BY-4.0`.
    pub name: String,
    /// Human-readable title.
    pub title: String,
    /// Where the licence text is published.
    #[serde(default)]
    pub url: Option<WebUrl>,
}

/// `[tracking]` in config.toml.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct TrackingConfig {
    /// An assessment older than this many months on the as-of date is marked stale: 1 to 600.
    #[serde(deserialize_with = "in_range::<_, _, 1, 600>")]
    pub stale_after_months: u32,
    /// An open action due within this many days after the as-of date is "due soon": 0 to 3650.
    #[serde(deserialize_with = "in_range::<_, _, 0, 3650>")]
    pub due_soon_days: u32,
    /// The "what changed" page lists status updates from this many days before the as-of
    /// date: 1 to 3650.
    #[serde(deserialize_with = "in_range::<_, _, 1, 3650>")]
    pub changes_days: u32,
}

impl Default for TrackingConfig {
    fn default() -> Self {
        TrackingConfig {
            stale_after_months: 12,
            due_soon_days: 30,
            changes_days: 90,
        }
    }
}

/// One published language.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Language {
    /// BCP 47 code; also the URL prefix and the suffix of translated CSV columns.
    pub code: String,
    /// The language's name in itself, for the language switcher.
    pub name: String,
    /// Text direction.
    #[serde(default)]
    pub dir: TextDirection,
    /// Languages whose theme messages stand in, in order, for those the theme lacks in
    /// this one (the default language always comes last).
    #[serde(default)]
    pub fallback: Vec<String>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TextDirection {
    #[default]
    Ltr,
    Rtl,
}

impl TextDirection {
    pub fn as_str(self) -> &'static str {
        match self {
            TextDirection::Ltr => "ltr",
            TextDirection::Rtl => "rtl",
        }
    }
}

/// One step of the status scale.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StatusDef {
    /// Id used in `status_updates.csv` and in URLs.
    pub id: String,
    /// Label per language code.
    pub label: BTreeMap<String, String>,
    /// CSS colour (`#rgb` or `#rrggbb`) for badges and charts.
    pub colour: String,
    /// Counts as implemented in headline figures.
    #[serde(default)]
    pub implemented: bool,
    /// No further action expected (implemented, or dropped).
    #[serde(default)]
    pub closed: bool,
}

/// Accepts `as_of = 2026-06-30` (a TOML date) and `as_of = "2026-06-30"`.
fn date_or_string<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<NaiveDate>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Raw {
        Text(String),
        Date(toml::value::Datetime),
    }
    let text = match Raw::deserialize(deserializer)? {
        Raw::Text(text) => text,
        Raw::Date(date) => date.to_string(),
    };
    let date = crate::util::dates::parse_date(&text).ok_or_else(|| {
        serde::de::Error::custom(format!(
            "`{text}` is not a date; write as_of = \"YYYY-MM-DD\""
        ))
    })?;
    if !crate::util::dates::in_data_years(date) {
        let years = crate::util::dates::DATA_YEARS;
        return Err(serde::de::Error::custom(format!(
            "as_of `{text}` is outside the years {}–{}{HELP_SEPARATOR}check the year",
            years.start(),
            years.end()
        )));
    }
    Ok(Some(date))
}

impl ContributeConfig {
    /// What is wrong with the section: (where, message, help).
    fn problems(
        &self,
        languages: &[&str],
        spans: Option<&Spanned<ContributeSpans>>,
    ) -> Vec<(Option<Range<usize>>, String, String)> {
        let table = spans.map(Spanned::span);
        let inner = spans.map(Spanned::get_ref);
        let email_span = inner.and_then(|c| c.email.as_ref()).map(Spanned::span);
        let url_span = inner.and_then(|c| c.url.as_ref()).map(Spanned::span);
        let mut out = Vec::new();
        match (&self.email, &self.url) {
            (Some(_), Some(_)) | (None, None) => out.push((
                table.clone(),
                "[contribute] needs exactly one of `email` and `url`".into(),
                "email = \"followup@example.org\", or url = \"https://example.org/form?rec={id}\""
                    .into(),
            )),
            _ => {}
        }
        if let Some(email) = &self.email {
            let valid = email.split_once('@').is_some_and(|(user, host)| {
                !user.is_empty() && host.contains('.') && !host.contains('@')
            }) && email
                .chars()
                .all(|c| c.is_alphanumeric() || "@.-_+".contains(c));
            if !valid {
                out.push((
                    email_span.clone(),
                    format!("`{email}` is not an e-mail address"),
                    "write only the address, like email = \"followup@example.org\"".into(),
                ));
            }
        }
        if let Some(url) = &self.url {
            // The one URL rule, applied to the template with its placeholders filled in.
            let filled = CONTRIBUTE_PLACEHOLDERS
                .iter()
                .fold(url.clone(), |u, p| u.replace(p, "x"));
            if let Err(problem) = WebUrl::parse(&filled) {
                out.push((
                    url_span.clone(),
                    format!("the contribute url is not an http(s) address: {problem}"),
                    "for example url = \"https://github.com/org/portal/issues/new?title={id}\""
                        .into(),
                ));
            }
            let mut rest = url.as_str();
            while let Some(start) = rest.find('{') {
                let end = rest[start..]
                    .find('}')
                    .map_or(rest.len(), |e| start + e + 1);
                let placeholder = &rest[start..end];
                if !CONTRIBUTE_PLACEHOLDERS.contains(&placeholder) {
                    out.push((
                        url_span.clone(),
                        format!("`{placeholder}` is not a placeholder of the contribute url"),
                        format!("the url may hold {}", CONTRIBUTE_PLACEHOLDERS.join(", ")),
                    ));
                }
                rest = &rest[end..];
            }
        }
        for code in self.review.keys() {
            if !languages.contains(&code.as_str()) {
                out.push((
                    inner
                        .and_then(|c| c.review.get(code))
                        .map(Spanned::span)
                        .or(table.clone()),
                    format!("[contribute.review] has text for `{code}`, which is not a configured language"),
                    format!("configured languages: {}", languages.join(", ")),
                ));
            }
        }
        out
    }
}

/// A whole number within `MIN..=MAX`; the parser reports anything else at the value.
fn in_range<'de, D, T, const MIN: i64, const MAX: i64>(deserializer: D) -> Result<T, D::Error>
where
    D: serde::Deserializer<'de>,
    T: TryFrom<i64>,
{
    let value = i64::deserialize(deserializer)?;
    if !(MIN..=MAX).contains(&value) {
        return Err(serde::de::Error::custom(format!(
            "{value} is out of range{HELP_SEPARATOR}this setting takes a whole number from {MIN} to {MAX}"
        )));
    }
    T::try_from(value).map_err(|_| serde::de::Error::custom(format!("{value} is out of range")))
}

/// A folder name directly under `themes/`: never a path that could leave the portal.
fn theme_name<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<String, D::Error> {
    let name = String::deserialize(deserializer)?;
    let bad = name.is_empty()
        || name == "."
        || name == ".."
        || name.contains(['/', '\\', ':'])
        || name.chars().any(char::is_control);
    if bad {
        return Err(serde::de::Error::custom(format!(
            "theme `{}` is not a folder name{HELP_SEPARATOR}theme names one folder directly \
             under themes/, such as theme = \"default\"",
            name.escape_debug()
        )));
    }
    Ok(name)
}

fn default_theme() -> String {
    "default".into()
}

fn default_per_page() -> usize {
    50
}

impl Config {
    /// Parses and validates `config.toml`, reporting problems against that file.
    pub fn parse(source: &str, diagnostics: &mut Diagnostics) -> Option<Config> {
        let config: Config = match toml::from_str(source) {
            Ok(config) => config,
            Err(error) => {
                let (line, column) = error
                    .span()
                    .map(|span| line_column(source, span.start))
                    .unwrap_or((0, 0));
                let (message, help) = error.message().split_once(HELP_SEPARATOR).unwrap_or((
                    error.message(),
                    "see docs/data.md, section config.toml, for every setting",
                ));
                diagnostics.error_with_help(CONFIG_FILE, line, column, message, help);
                return None;
            }
        };
        config.validate(source, diagnostics);
        Some(config)
    }

    fn validate(&self, source: &str, diagnostics: &mut Diagnostics) {
        // Same document, already parsed once: only the spans are new.
        let spans: Spans = toml::from_str(source).unwrap_or_default();
        let mut report = |span: Option<Range<usize>>, message: String, help: &str| {
            let (line, column) = span.map_or((1, 1), |span| line_column(source, span.start));
            diagnostics.error_with_help(CONFIG_FILE, line, column, message, help);
        };
        let seen = self.validate_languages(&spans, &mut report);
        let languages_hint = format!("configured languages: {}", seen.join(", "));
        for (table, map, map_spans) in [
            ("title", &self.title, &spans.title),
            ("tagline", &self.tagline, &spans.tagline),
        ] {
            for code in map.keys() {
                if !seen.contains(&code.as_str()) {
                    report(
                        map_spans.get(code).map(Spanned::span),
                        format!(
                            "{table} has text for `{code}`, which is not a configured language"
                        ),
                        &languages_hint,
                    );
                }
            }
        }
        if !self.title.contains_key(&self.default_language) {
            report(
                spans.title.values().next().map(Spanned::span),
                format!(
                    "the title has no text in the default language `{}`",
                    self.default_language
                ),
                "add it under [title]",
            );
        }
        if self.base_url.as_str().contains(['?', '#']) {
            report(
                spans.base_url.as_ref().map(Spanned::span),
                format!(
                    "base_url `{}` has a query or fragment, which page links cannot follow",
                    self.base_url
                ),
                "end base_url with the folder the site is published in, like https://rights.example.org/",
            );
        }
        if let Some(contribute) = &self.contribute {
            for (span, message, help) in contribute.problems(&seen, spans.contribute.as_ref()) {
                report(span, message, &help);
            }
        }
        self.validate_statuses(&spans.statuses, &seen, &languages_hint, &mut report);
    }

    /// Each language code is a BCP 47 code, declared once, and the default is one of them;
    /// returns the codes.
    fn validate_languages(
        &self,
        spans: &Spans,
        report: &mut impl FnMut(Option<Range<usize>>, String, &str),
    ) -> Vec<&str> {
        let languages_span = spans.languages.as_ref().map(Spanned::span);
        if self.languages.is_empty() {
            report(
                languages_span.clone(),
                "no language is configured".into(),
                "add a [[languages]] table with code, name and dir",
            );
        }
        let language_spans: &[CodeSpan] = spans.languages.as_ref().map_or(&[], |l| l.get_ref());
        let code_span = |i: usize| {
            language_spans
                .get(i)
                .map(|l| l.code.span())
                .or(languages_span.clone())
        };
        let mut seen = Vec::new();
        for (i, language) in self.languages.iter().enumerate() {
            if !is_language_code(&language.code) {
                report(
                    code_span(i),
                    format!("`{}` is not a language code", language.code),
                    "use a BCP 47 code such as `en`, `fr`, `ar` or `zh-Hans`",
                );
            }
            if seen.contains(&language.code.as_str()) {
                report(
                    code_span(i),
                    format!("language `{}` is declared twice", language.code),
                    "keep one [[languages]] table per language",
                );
            }
            seen.push(&language.code);
        }
        if !seen.contains(&self.default_language.as_str()) {
            report(
                spans.default_language.as_ref().map(Spanned::span),
                format!(
                    "default_language `{}` is not one of the configured languages ({})",
                    self.default_language,
                    seen.join(", ")
                ),
                "set default_language to the code of one [[languages]] table",
            );
        }
        seen
    }

    fn validate_statuses(
        &self,
        spans: &[StatusSpans],
        seen: &[&str],
        languages_hint: &str,
        report: &mut impl FnMut(Option<Range<usize>>, String, &str),
    ) {
        if self.statuses.is_empty() {
            report(
                None,
                "the status scale is empty".into(),
                "add [[statuses]] tables, one per step, in order",
            );
        }
        let mut status_ids = Vec::new();
        for (i, status) in self.statuses.iter().enumerate() {
            let here = spans.get(i);
            let id_span = here.map(|s| s.id.span());
            if let Some(problem) = crate::slug::id_problem(&status.id) {
                report(
                    id_span.clone(),
                    format!("status id: {problem}"),
                    "use ids like `in-progress`",
                );
            }
            if status_ids.contains(&status.id.as_str()) {
                report(
                    id_span.clone(),
                    format!("status `{}` is declared twice", status.id),
                    "each status id must be unique",
                );
            }
            status_ids.push(&status.id);
            if !is_css_colour(&status.colour) {
                report(
                    here.map(|s| s.colour.span()),
                    format!(
                        "colour `{}` of status `{}` is not #rgb or #rrggbb",
                        status.colour, status.id
                    ),
                    "for example colour = \"#067647\"",
                );
            }
            if !status.label.contains_key(&self.default_language) {
                report(
                    id_span.clone(),
                    format!(
                        "status `{}` has no label in the default language `{}`",
                        status.id, self.default_language
                    ),
                    "add it under [statuses.label]",
                );
            }
            for code in status.label.keys() {
                if !seen.contains(&code.as_str()) {
                    let label_span = here.and_then(|s| s.label.get(code)).map(Spanned::span);
                    report(
                        label_span.or(id_span.clone()),
                        format!(
                            "status `{}` has a label for `{code}`, which is not a configured language",
                            status.id
                        ),
                        languages_hint,
                    );
                }
            }
        }
    }

    pub fn language(&self, code: &str) -> Option<&Language> {
        self.languages.iter().find(|l| l.code == code)
    }

    /// Line and column of `state = …` in `source`, for a message about its value.
    pub fn state_location(source: &str) -> (u64, u64) {
        let spans: Spans = toml::from_str(source).unwrap_or_default();
        spans
            .state
            .map_or((1, 1), |s| line_column(source, s.span().start))
    }

    pub fn language_codes(&self) -> impl Iterator<Item = &str> {
        self.languages.iter().map(|l| l.code.as_str())
    }

    pub fn status_index(&self, id: &str) -> Option<usize> {
        self.statuses.iter().position(|s| s.id == id)
    }

    /// The base URL with exactly one trailing slash.
    pub fn base_url(&self) -> String {
        format!("{}/", self.base_url.as_str().trim_end_matches('/'))
    }
}

/// Where the values that [`Config::validate`] checks are in the file, from the parser's spans.
#[derive(Debug, Default, Deserialize)]
struct Spans {
    #[serde(default)]
    base_url: Option<Spanned<String>>,
    #[serde(default)]
    state: Option<Spanned<String>>,
    #[serde(default)]
    languages: Option<Spanned<Vec<CodeSpan>>>,
    #[serde(default)]
    default_language: Option<Spanned<String>>,
    #[serde(default)]
    title: BTreeMap<String, Spanned<String>>,
    #[serde(default)]
    tagline: BTreeMap<String, Spanned<String>>,
    #[serde(default)]
    statuses: Vec<StatusSpans>,
    #[serde(default)]
    contribute: Option<Spanned<ContributeSpans>>,
}

/// Where the values of `[contribute]` are.
#[derive(Debug, Default, Deserialize)]
struct ContributeSpans {
    #[serde(default)]
    email: Option<Spanned<String>>,
    #[serde(default)]
    url: Option<Spanned<String>>,
    #[serde(default)]
    review: BTreeMap<String, Spanned<String>>,
}

#[derive(Debug, Deserialize)]
struct CodeSpan {
    code: Spanned<String>,
}

#[derive(Debug, Deserialize)]
struct StatusSpans {
    id: Spanned<String>,
    colour: Spanned<String>,
    #[serde(default)]
    label: BTreeMap<String, Spanned<String>>,
}

fn is_language_code(code: &str) -> bool {
    !code.is_empty()
        && code.len() <= 12
        && code
            .split('-')
            .all(|part| !part.is_empty() && part.chars().all(|c| c.is_ascii_alphanumeric()))
        && code.chars().next().is_some_and(|c| c.is_ascii_lowercase())
}

fn is_css_colour(colour: &str) -> bool {
    colour
        .strip_prefix('#')
        .is_some_and(|hex| matches!(hex.len(), 3 | 6) && hex.chars().all(|c| c.is_ascii_hexdigit()))
}

/// 1-based line and column of a top-level setting's value in config.toml, or (1, 1).
pub fn value_location(source: &str, key: &str) -> (u64, u64) {
    toml::from_str::<BTreeMap<String, Spanned<toml::Value>>>(source)
        .ok()
        .and_then(|table| {
            table
                .get(key)
                .map(|value| line_column(source, value.span().start))
        })
        .unwrap_or((1, 1))
}
