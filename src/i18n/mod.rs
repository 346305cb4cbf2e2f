//! UI strings from the theme's Fluent files, plural rules and locale formats.

mod format;

use std::collections::HashMap;
use std::path::Path;

use anyhow::{Context, Result};
use chrono::{Datelike, NaiveDate};
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use unic_langid::LanguageIdentifier;

pub use format::{format_number, number_style};

use crate::diagnostics::Diagnostics;
use crate::util::text::line_column;

type Bundle = FluentBundle<FluentResource>;

/// The theme's messages for every configured language.
pub struct I18n {
    bundles: HashMap<String, Bundle>,
    fallback: String,
}

impl I18n {
    /// Loads every `{i18n_dir}/{lang}/*.ftl` for each language (files in name order; an id
    /// defined twice is an error). Syntax errors and missing folders go to `diagnostics`,
    /// reported against `label` (the folder as the user sees it).
    pub fn load(
        i18n_dir: &Path,
        label: &str,
        languages: &[&str],
        fallback: &str,
        diagnostics: &mut Diagnostics,
    ) -> Result<I18n> {
        let mut bundles = HashMap::new();
        for &lang in languages {
            let dir = i18n_dir.join(lang);
            if !dir.is_dir() {
                diagnostics.error_with_help(
                    &format!("{label}/{lang}"),
                    0,
                    0,
                    format!("the theme has no messages for `{lang}`"),
                    format!(
                        "copy the folder {label}/en to {label}/{lang} and translate its .ftl files"
                    ),
                );
                continue;
            }
            let mut files: Vec<(String, String)> = Vec::new();
            for path in crate::load::walk(&dir)? {
                if path.extension().and_then(|e| e.to_str()) != Some("ftl") {
                    continue;
                }
                let source = std::fs::read_to_string(&path)
                    .with_context(|| format!("cannot read {}", path.display()))?;
                files.push((
                    format!(
                        "{label}/{lang}/{}",
                        crate::load::relative_slash_path(&dir, &path)
                    ),
                    source,
                ));
            }
            bundles.insert(
                lang.to_string(),
                Self::bundle_from_files(lang, files, diagnostics),
            );
        }
        Ok(I18n {
            bundles,
            fallback: fallback.to_string(),
        })
    }

    /// The messages of a resolved [`Theme`](crate::theme::Theme) in `languages`: the theme's
    /// files, then the portal's `i18n/`, whose messages replace the theme's one by one.
    pub fn from_theme(
        theme: &crate::theme::Theme,
        languages: &[&str],
        fallback: &str,
        diagnostics: &mut Diagnostics,
    ) -> Result<I18n> {
        let mut bundles = HashMap::new();
        for &lang in languages {
            let files = theme.messages(lang)?;
            if files.is_empty() {
                diagnostics.error_with_help(
                    &format!("i18n/{lang}"),
                    0,
                    0,
                    format!("the theme has no messages for `{lang}`"),
                    format!(
                        "add the folder i18n/{lang} to the portal with the theme's .ftl files translated (docket new writes the English ones to start from)"
                    ),
                );
                continue;
            }
            let mut bundle = Self::empty_bundle(lang);
            for (label, source, overriding) in files {
                if overriding {
                    Self::add_overriding_source(&mut bundle, source, &label, diagnostics);
                } else {
                    Self::add_source(&mut bundle, source, &label, diagnostics);
                }
            }
            bundles.insert(lang.to_string(), bundle);
        }
        Ok(I18n {
            bundles,
            fallback: fallback.to_string(),
        })
    }

    /// Builds the messages of one language from several Fluent files.
    pub fn bundle_from_files(
        lang: &str,
        files: Vec<(String, String)>,
        diagnostics: &mut Diagnostics,
    ) -> Bundle {
        let mut bundle = Self::empty_bundle(lang);
        for (file, source) in files {
            Self::add_source(&mut bundle, source, &file, diagnostics);
        }
        bundle
    }

    /// Builds the messages of one language from Fluent source.
    pub fn bundle(lang: &str, source: String, file: &str, diagnostics: &mut Diagnostics) -> Bundle {
        Self::bundle_from_files(lang, vec![(file.to_string(), source)], diagnostics)
    }

    fn empty_bundle(lang: &str) -> Bundle {
        let langid: LanguageIdentifier = lang.parse().unwrap_or_default();
        let mut bundle = Bundle::new_concurrent(vec![langid]);
        // Markup-free plain text; <bdi> in templates isolates data where it matters.
        bundle.set_use_isolating(false);
        bundle.set_formatter(Some(number_formatter(lang)));
        bundle
    }

    fn add_source(bundle: &mut Bundle, source: String, file: &str, diagnostics: &mut Diagnostics) {
        let resource = Self::parse_source(source, file, diagnostics);
        if let Err(errors) = bundle.add_resource(resource) {
            for error in errors {
                diagnostics.error(file, 0, 0, format!("Fluent: {error}"));
            }
        }
    }

    /// A portal's own messages: a message the theme also has is replaced, not an error.
    fn add_overriding_source(
        bundle: &mut Bundle,
        source: String,
        file: &str,
        diagnostics: &mut Diagnostics,
    ) {
        bundle.add_resource_overriding(Self::parse_source(source, file, diagnostics));
    }

    fn parse_source(source: String, file: &str, diagnostics: &mut Diagnostics) -> FluentResource {
        match FluentResource::try_new(source) {
            Ok(resource) => resource,
            Err((resource, errors)) => {
                for error in errors {
                    let (line, column) = line_column(resource.source(), error.pos.start);
                    diagnostics.error_with_help(
                        file,
                        line,
                        column,
                        format!("Fluent syntax: {}", error.kind),
                        "see https://projectfluent.org/fluent/guide/ for the syntax",
                    );
                }
                resource
            }
        }
    }

    /// For tests and `docket new`: messages from strings.
    pub fn from_sources(sources: &[(&str, &str)], fallback: &str) -> I18n {
        let mut diagnostics = Diagnostics::default();
        let bundles = sources
            .iter()
            .map(|(lang, source)| {
                (
                    lang.to_string(),
                    Self::bundle(lang, source.to_string(), lang, &mut diagnostics),
                )
            })
            .collect();
        I18n {
            bundles,
            fallback: fallback.to_string(),
        }
    }

    /// The message `key` in `lang`, else in the fallback language, else the key itself
    /// (so that a missing string is visible, never a crash).
    pub fn message(&self, lang: &str, key: &str, args: Option<&FluentArgs>) -> String {
        for code in [lang, self.fallback.as_str()] {
            let Some(bundle) = self.bundles.get(code) else {
                continue;
            };
            let Some(pattern) = bundle.get_message(key).and_then(|m| m.value()) else {
                continue;
            };
            let mut errors = Vec::new();
            return bundle
                .format_pattern(pattern, args, &mut errors)
                .into_owned();
        }
        key.to_string()
    }

    /// Whether a message exists in `lang` itself (used by tests that check translations).
    pub fn has_message(&self, lang: &str, key: &str) -> bool {
        self.bundles.get(lang).is_some_and(|b| b.has_message(key))
    }

    /// A date as the language writes it, from the `date-format` and `month-N` messages.
    pub fn format_date(&self, lang: &str, date: NaiveDate) -> String {
        let month = self.message(lang, &format!("month-{}", date.month()), None);
        let mut args = FluentArgs::new();
        args.set("day", FluentValue::from(date.day()));
        args.set("month", FluentValue::from(month));
        args.set("monthnum", FluentValue::from(date.month()));
        args.set("year", FluentValue::String(date.year().to_string().into()));
        self.message(lang, "date-format", Some(&args))
    }
}

fn number_formatter(
    lang: &str,
) -> fn(&FluentValue, &intl_memoizer::concurrent::IntlLangMemoizer) -> Option<String> {
    macro_rules! formatter {
        ($code:literal) => {{
            fn f(
                value: &FluentValue,
                _: &intl_memoizer::concurrent::IntlLangMemoizer,
            ) -> Option<String> {
                match value {
                    FluentValue::Number(n) => Some(format_number(n.value, $code)),
                    _ => None,
                }
            }
            f
        }};
    }
    match number_style(lang) {
        s if s == number_style("fr") => formatter!("fr"),
        s if s == number_style("ru") => formatter!("ru"),
        s if s == number_style("es") => formatter!("es"),
        s if s == number_style("de") => formatter!("de"),
        _ => formatter!("en"),
    }
}
