//! `config.toml`: portal settings, languages and the status scale.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::Deserialize;

use crate::diagnostics::Diagnostics;
// Re-exported for callers that still name it here; it lives in `util::text`.
pub use crate::util::text::line_column;

pub const CONFIG_FILE: &str = "config.toml";

/// The whole of `config.toml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// Absolute URL where the portal is published, used for canonical links, hreflang and feeds.
    pub base_url: String,
    /// Language code of the first language and the fallback for missing translations.
    pub default_language: String,
    /// The day the data describes; `--as-of` and `SOURCE_DATE_EPOCH` override it.
    #[serde(default, deserialize_with = "date_or_string")]
    pub as_of: Option<NaiveDate>,
    /// Folder name under `themes/`.
    #[serde(default = "default_theme")]
    pub theme: String,
    /// List length before a listing paginates.
    #[serde(default = "default_per_page")]
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
    pub url: Option<String>,
}

/// `[tracking]` in config.toml.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct TrackingConfig {
    /// An assessment older than this many months on the as-of date is marked stale.
    pub stale_after_months: u32,
    /// An open action due within this many days after the as-of date is "due soon".
    pub due_soon_days: u32,
    /// The "what changed" page lists status updates from this many days before the as-of date.
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
    crate::util::dates::parse_date(&text)
        .map(Some)
        .ok_or_else(|| {
            serde::de::Error::custom(format!(
                "`{text}` is not a date; write as_of = \"YYYY-MM-DD\""
            ))
        })
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
                diagnostics.error_with_help(
                    CONFIG_FILE,
                    line,
                    column,
                    error.message().to_string(),
                    "see docs/data.md, section config.toml, for every setting",
                );
                return None;
            }
        };
        config.validate(source, diagnostics);
        Some(config)
    }

    fn validate(&self, source: &str, diagnostics: &mut Diagnostics) {
        let at = |needle: &str| {
            source
                .find(needle)
                .map(|offset| line_column(source, offset))
                .unwrap_or((1, 1))
        };
        let mut report = |needle: &str, message: String, help: &str| {
            let (line, column) = at(needle);
            diagnostics.error_with_help(CONFIG_FILE, line, column, message, help);
        };
        if self.languages.is_empty() {
            report(
                "languages",
                "no language is configured".into(),
                "add a [[languages]] table with code, name and dir",
            );
        }
        let mut seen = Vec::new();
        for language in &self.languages {
            if !is_language_code(&language.code) {
                report(
                    &format!("\"{}\"", language.code),
                    format!("`{}` is not a language code", language.code),
                    "use a BCP 47 code such as `en`, `fr`, `ar` or `zh-Hans`",
                );
            }
            if seen.contains(&language.code.as_str()) {
                report(
                    &format!("\"{}\"", language.code),
                    format!("language `{}` is declared twice", language.code),
                    "keep one [[languages]] table per language",
                );
            }
            seen.push(&language.code);
        }
        if !seen.contains(&self.default_language.as_str()) {
            report(
                "default_language",
                format!(
                    "default_language `{}` is not one of the configured languages ({})",
                    self.default_language,
                    seen.join(", ")
                ),
                "set default_language to the code of one [[languages]] table",
            );
        }
        let languages_hint = format!("configured languages: {}", seen.join(", "));
        for (table, map) in [("title", &self.title), ("tagline", &self.tagline)] {
            for code in map.keys() {
                if !seen.contains(&code.as_str()) {
                    report(
                        &format!("[{table}]"),
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
                "[title]",
                format!(
                    "the title has no text in the default language `{}`",
                    self.default_language
                ),
                "add it under [title]",
            );
        }
        if !(self.base_url.starts_with("http://") || self.base_url.starts_with("https://")) {
            report(
                "base_url",
                format!(
                    "base_url `{}` is not an absolute http(s) URL",
                    self.base_url
                ),
                "for example base_url = \"https://rights.example.org/\"",
            );
        }
        if self.per_page == 0 {
            report(
                "per_page",
                "per_page must be at least 1".into(),
                "the usual value is 50",
            );
        }
        if self.statuses.is_empty() {
            report(
                "statuses",
                "the status scale is empty".into(),
                "add [[statuses]] tables, one per step, in order",
            );
        }
        let mut status_ids = Vec::new();
        for status in &self.statuses {
            let needle = format!("\"{}\"", status.id);
            if let Some(problem) = crate::slug::id_problem(&status.id) {
                report(
                    &needle,
                    format!("status id: {problem}"),
                    "use ids like `in-progress`",
                );
            }
            if status_ids.contains(&status.id.as_str()) {
                report(
                    &needle,
                    format!("status `{}` is declared twice", status.id),
                    "each status id must be unique",
                );
            }
            status_ids.push(&status.id);
            if !is_css_colour(&status.colour) {
                report(
                    &format!("\"{}\"", status.colour),
                    format!(
                        "colour `{}` of status `{}` is not #rgb or #rrggbb",
                        status.colour, status.id
                    ),
                    "for example colour = \"#067647\"",
                );
            }
            if !status.label.contains_key(&self.default_language) {
                report(
                    &needle,
                    format!(
                        "status `{}` has no label in the default language `{}`",
                        status.id, self.default_language
                    ),
                    "add it under [statuses.label]",
                );
            }
            for code in status.label.keys() {
                if !seen.contains(&code.as_str()) {
                    report(
                        &needle,
                        format!(
                            "status `{}` has a label for `{code}`, which is not a configured language",
                            status.id
                        ),
                        &languages_hint,
                    );
                }
            }
        }
    }

    pub fn language(&self, code: &str) -> Option<&Language> {
        self.languages.iter().find(|l| l.code == code)
    }

    pub fn language_codes(&self) -> impl Iterator<Item = &str> {
        self.languages.iter().map(|l| l.code.as_str())
    }

    pub fn status_index(&self, id: &str) -> Option<usize> {
        self.statuses.iter().position(|s| s.id == id)
    }

    /// The base URL with exactly one trailing slash.
    pub fn base_url(&self) -> String {
        format!("{}/", self.base_url.trim_end_matches('/'))
    }
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
