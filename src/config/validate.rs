//! The checks of config.toml's values that its types cannot express, each reported at
//! the value's line and column.

use std::collections::BTreeMap;
use std::ops::Range;

use serde::Deserialize;
use toml::Spanned;

use crate::diagnostics::Diagnostics;
// Re-exported for callers that still name it here; it lives in `util::text`.
pub use crate::util::text::line_column;
use crate::util::web_url::WebUrl;

use super::*;

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

impl Config {
    pub(super) fn validate(&self, source: &str, diagnostics: &mut Diagnostics) {
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

    /// Line and column of `state = …` in `source`, for a message about its value.
    pub fn state_location(source: &str) -> (u64, u64) {
        let spans: Spans = toml::from_str(source).unwrap_or_default();
        spans
            .state
            .map_or((1, 1), |s| line_column(source, s.span().start))
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
