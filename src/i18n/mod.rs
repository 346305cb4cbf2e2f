//! UI strings from the theme's Fluent files, plural rules and locale formats.

mod format;

// Keys are language codes and the theme's message ids, looked up on every page: a fast hasher.
use rustc_hash::FxHashMap as HashMap;

use anyhow::Result;
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
    /// Per language, the languages tried after it (before `fallback`).
    chains: HashMap<String, Vec<String>>,
    /// Per language, the message ids its files define, in file order.
    ids: HashMap<String, Vec<String>>,
    /// Text direction per language code, for marking fallback strings.
    dirs: HashMap<String, &'static str>,
    /// Per language, every message formatted without arguments, once: pages ask for the
    /// same labels thousands of times. See [`I18n::with_languages`].
    plain: HashMap<String, HashMap<String, (String, String)>>,
}

/// Marks around a message shown in another language than the page's:
/// `START lang DIR dir OPEN text END`, turned into a `<span lang dir>` (or dropped where
/// markup cannot go) by [`mark_fallbacks`].
const START: char = '\u{E000}';
const DIR: char = '\u{E003}';
const OPEN: char = '\u{E001}';
const END: char = '\u{E002}';

impl I18n {
    /// Sets each language's fallback chain and text direction (from config.toml).
    pub fn with_languages(mut self, languages: &[crate::config::Language]) -> I18n {
        for language in languages {
            self.chains
                .insert(language.code.clone(), language.fallback.clone());
            self.dirs
                .insert(language.code.clone(), language.dir.as_str());
        }
        self.plain = self.format_plain();
        self
    }

    /// Every message of the theme formatted without arguments, per language, as
    /// [`I18n::lookup`] finds it (after the fallback chains are known).
    fn format_plain(&self) -> HashMap<String, HashMap<String, (String, String)>> {
        let mut ids: Vec<&str> = self.ids.values().flatten().map(String::as_str).collect();
        ids.sort_unstable();
        ids.dedup();
        self.bundles
            .keys()
            .map(|lang| {
                let messages = ids
                    .iter()
                    .filter_map(|&id| {
                        let (code, text) = self.lookup_uncached(lang, id, None)?;
                        Some((id.to_string(), (code.to_string(), text)))
                    })
                    .collect();
                (lang.clone(), messages)
            })
            .collect()
    }

    /// The ids of the default language's messages that `lang` does not define.
    pub fn missing(&self, lang: &str) -> Vec<&str> {
        let Some(bundle) = self.bundles.get(lang) else {
            return Vec::new();
        };
        self.ids
            .get(&self.fallback)
            .into_iter()
            .flatten()
            .filter(|id| !bundle.has_message(id))
            .map(String::as_str)
            .collect()
    }

    /// The one warning of a build whose theme lacks messages in some languages.
    pub fn missing_warning(&self, languages: &[&str]) -> Option<String> {
        let counts: Vec<String> = languages
            .iter()
            .filter(|&&l| l != self.fallback)
            .filter_map(|&l| {
                let n = self.missing(l).len();
                (n > 0).then(|| format!("{l} {n}"))
            })
            .collect();
        (!counts.is_empty()).then(|| {
            format!(
                "the theme lacks messages (shown in a fallback language, marked with its lang): {}; write them with `docket i18n template LANG`",
                counts.join(", ")
            )
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
        let mut bundles = HashMap::default();
        let mut ids = HashMap::default();
        for &lang in languages {
            let files = theme.messages(lang)?;
            if files.is_empty() && lang != fallback {
                // Another language's messages stand in (see `message`); only the default
                // language must have its own.
                bundles.insert(lang.to_string(), Self::empty_bundle(lang));
                continue;
            }
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
            let mut defined: Vec<String> = Vec::new();
            let mut bundle = Self::empty_bundle(lang);
            for (label, source, overriding) in files {
                for id in message_ids(&source) {
                    if !defined.contains(&id) {
                        defined.push(id);
                    }
                }
                if overriding {
                    Self::add_overriding_source(&mut bundle, source, &label, diagnostics);
                } else {
                    Self::add_source(&mut bundle, source, &label, diagnostics);
                }
            }
            ids.insert(lang.to_string(), defined);
            bundles.insert(lang.to_string(), bundle);
        }
        Ok(I18n {
            bundles,
            fallback: fallback.to_string(),
            chains: HashMap::default(),
            ids,
            dirs: HashMap::default(),
            plain: HashMap::default(),
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
            chains: HashMap::default(),
            ids: HashMap::default(),
            dirs: HashMap::default(),
            plain: HashMap::default(),
        }
    }

    /// The message `key` in `lang`, else in the fallback language, else the key itself
    /// (so that a missing string is visible, never a crash).
    pub fn message(&self, lang: &str, key: &str, args: Option<&FluentArgs>) -> String {
        match self.lookup(lang, key, args) {
            Some((_, text)) => text,
            None => key.to_string(),
        }
    }

    /// As [`I18n::message`], with a message from another language than `lang` marked for
    /// [`mark_fallbacks`] (templates' `t()`).
    pub fn message_marked(&self, lang: &str, key: &str, args: Option<&FluentArgs>) -> String {
        match self.lookup(lang, key, args) {
            Some((code, text)) if code != lang => {
                let dir = self.dirs.get(code).copied().unwrap_or("ltr");
                format!("{START}{code}{DIR}{dir}{OPEN}{text}{END}")
            }
            Some((_, text)) => text,
            None => key.to_string(),
        }
    }

    /// The message and the language it was found in: `lang`, its chain, the default.
    fn lookup<'a>(
        &'a self,
        lang: &'a str,
        key: &str,
        args: Option<&FluentArgs>,
    ) -> Option<(&'a str, String)> {
        if args.is_none_or(|a| a.iter().next().is_none()) {
            if let Some((code, text)) = self.plain.get(lang).and_then(|m| m.get(key)) {
                return Some((code.as_str(), text.clone()));
            }
        }
        self.lookup_uncached(lang, key, args)
    }

    fn lookup_uncached<'a>(
        &'a self,
        lang: &'a str,
        key: &str,
        args: Option<&FluentArgs>,
    ) -> Option<(&'a str, String)> {
        let chain = self.chains.get(lang).into_iter().flatten();
        let codes = std::iter::once(lang)
            .chain(chain.map(String::as_str))
            .chain(std::iter::once(self.fallback.as_str()));
        for code in codes {
            let Some(bundle) = self.bundles.get(code) else {
                continue;
            };
            let Some(pattern) = bundle.get_message(key).and_then(|m| m.value()) else {
                continue;
            };
            let mut errors = Vec::new();
            return Some((
                code,
                bundle
                    .format_pattern(pattern, args, &mut errors)
                    .into_owned(),
            ));
        }
        None
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

/// The ids of the messages a Fluent source defines (lines `id = …` at the start of a line;
/// terms `-id` are not messages).
pub fn message_ids(source: &str) -> Vec<String> {
    source
        .lines()
        .filter_map(|line| {
            let (id, _) = line.split_once('=')?;
            let id = id.trim_end();
            let valid = id.starts_with(|c: char| c.is_ascii_alphabetic())
                && id
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
            valid.then(|| id.to_string())
        })
        .collect()
}

/// True when rendered `html` holds a mark of [`I18n::message_marked`], which
/// [`mark_fallbacks`] must turn into markup.
pub fn has_fallback_marks(html: &[u8]) -> bool {
    let mut start = [0; 4];
    let start = START.encode_utf8(&mut start).as_bytes();
    // The mark's first byte is rare in text (it leads only U+E000-U+EFFF): a page without
    // it is cleared by one memchr.
    html.contains(&start[0])
        && html
            .iter()
            .enumerate()
            .any(|(i, &b)| b == start[0] && html[i..].starts_with(start))
}

/// Turns the marks of [`I18n::message_marked`] into `<span lang=… dir=…>` in text, and
/// drops them inside tags and in elements that hold only text (`title`, `option`,
/// `textarea`, `script`, `style`).
pub fn mark_fallbacks(html: String) -> String {
    if !html.contains(START) {
        return html;
    }
    let mut out = String::with_capacity(html.len() + 256);
    let mut tag: Option<String> = None;
    let mut text_only = false;
    let mut opened: Vec<bool> = Vec::new();
    let mut chars = html.chars();
    while let Some(c) = chars.next() {
        match c {
            START => {
                let code: String = chars.by_ref().take_while(|&c| c != DIR).collect();
                let dir: String = chars.by_ref().take_while(|&c| c != OPEN).collect();
                let markup = tag.is_none() && !text_only;
                if markup {
                    out.push_str(&format!("<span lang=\"{code}\" dir=\"{dir}\">"));
                }
                opened.push(markup);
            }
            END => {
                if opened.pop() == Some(true) {
                    out.push_str("</span>");
                }
            }
            '<' if tag.is_none() => {
                tag = Some(String::new());
                out.push(c);
            }
            '>' if tag.is_some() => {
                let inside = tag.take().unwrap_or_default();
                let closing = inside.starts_with('/');
                let name: String = inside
                    .trim_start_matches('/')
                    .chars()
                    .take_while(char::is_ascii_alphanumeric)
                    .collect::<String>()
                    .to_ascii_lowercase();
                if matches!(
                    name.as_str(),
                    "title" | "option" | "textarea" | "script" | "style"
                ) {
                    text_only = !closing;
                }
                out.push(c);
            }
            _ => {
                if let Some(inside) = tag.as_mut() {
                    inside.push(c);
                }
                out.push(c);
            }
        }
    }
    out
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::{Language, TextDirection};

    fn language(code: &str, fallback: &[&str]) -> Language {
        Language {
            code: code.into(),
            name: code.into(),
            dir: TextDirection::Ltr,
            fallback: fallback.iter().map(|f| f.to_string()).collect(),
        }
    }

    #[test]
    fn messages_without_arguments_come_from_the_cache_as_fluent_formats_them() {
        let sources = [
            (
                "en",
                "home = Home\nonly-en = English only\ngreet = Hello { $who }\n",
            ),
            ("fr", "home = Accueil\ngreet = Bonjour { $who }\n"),
            ("pt", "home = Início\n"),
        ];
        let mut i18n = I18n::from_sources(&sources, "en");
        for (lang, source) in sources {
            i18n.ids.insert(lang.into(), message_ids(source));
        }
        let i18n = i18n.with_languages(&[
            language("en", &[]),
            language("fr", &[]),
            language("pt", &["fr"]),
        ]);
        assert_eq!(i18n.plain["pt"]["home"], ("pt".into(), "Início".into()));
        assert_eq!(i18n.message("pt", "home", None), "Início");
        assert_eq!(i18n.message("pt", "only-en", None), "English only");
        let marked = i18n.message_marked("pt", "greet", Some(&FluentArgs::new()));
        assert_eq!(
            marked,
            "\u{E000}fr\u{E003}ltr\u{E001}Bonjour {$who}\u{E002}"
        );
        let mut args = FluentArgs::new();
        args.set("who", "Ana");
        assert_eq!(i18n.message("pt", "greet", Some(&args)), "Bonjour Ana");
        assert_eq!(
            i18n.message("pt", "no-such-message", None),
            "no-such-message"
        );
    }
}
