//! `config.toml`: portal settings, languages and the status scale.
//!
//! The settings and their parsing here; the checks of their values, reported at their
//! place in the file, in `validate`.

mod validate;

use std::collections::BTreeMap;

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
        format!("{}/", self.base_url.as_str().trim_end_matches('/'))
    }
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
