//! The theme's Tera templates, the portal's overrides, and the template helpers.

use std::borrow::Cow;
use std::fmt::Write;
use std::sync::{Arc, RwLock};

use anyhow::{Result, anyhow};
use fluent_bundle::{FluentArgs, FluentValue};
use rustc_hash::FxHashMap;
use tera::{ErrorKind, Kwargs, State, Tera, Value};

use crate::diagnostics::{Diagnostic, InvalidPortal};

use crate::i18n::{I18n, format_number};
use crate::model::parse_date;
use crate::theme::Theme;

/// Loads the theme's templates (the portal's `templates/` over the theme's, file by file).
pub fn load_templates(theme: &Theme, i18n: Arc<I18n>) -> Result<Tera> {
    let sources = theme.templates()?;
    if sources.is_empty() {
        return Err(anyhow!("the theme has no templates"));
    }
    let mut tera = Tera::new();
    tera.autoescape_on(vec![".html", ".xml"]);
    register_helpers(&mut tera, i18n);
    tera.add_raw_templates(sources)
        .map_err(|e| anyhow::Error::new(e).context("cannot load the templates"))?;
    Ok(tera)
}

/// A template error that Tera can place, as a diagnostic at the template file's line and
/// column (the portal's `templates/` override, the theme folder's or the built-in file).
pub fn template_problem(error: &anyhow::Error, theme: &Theme) -> Option<InvalidPortal> {
    let tera_error = error
        .chain()
        .find_map(|e| e.downcast_ref::<tera::Error>())?;
    let (report, help) = match tera_error.kind() {
        ErrorKind::SyntaxError(report) => (report, "fix the template's syntax (Tera, like Jinja2)"),
        ErrorKind::RenderingError(report) => (
            report,
            "use only the values the page receives (the message lists them); `docket check` \
             renders one page of every kind with the real data",
        ),
        _ => return None,
    };
    let name = report.filename();
    let path = format!("templates/{name}");
    let file = theme.label(&path).unwrap_or(&path).to_string();
    let span = report.span();
    Some(InvalidPortal {
        diagnostics: vec![Diagnostic {
            file,
            line: span.start_line as u64,
            column: span.start_col as u64 + 1,
            message: report.message().to_string(),
            help: Some(help.into()),
        }],
    })
}

fn page_lang(state: &State) -> String {
    state
        .get::<String>("lang")
        .ok()
        .flatten()
        .unwrap_or_default()
}

/// A template value as text: a string as it is, anything else as Tera prints it.
fn text_of(value: &Value) -> Cow<'_, str> {
    match value.as_str() {
        Some(text) => Cow::Borrowed(text),
        None => Cow::Owned(value.to_string()),
    }
}

/// How many formatted messages with arguments `t()` keeps. Most arguments repeat on many
/// pages (the as-of date, assessors' names, due dates); a cap keeps ids and counts that
/// each page has its own of from growing the cache with the portal.
const MESSAGE_CACHE_LIMIT: usize = 20_000;

/// Messages with arguments (`t()`'s, dates), formatted once each: Fluent's formatting costs
/// far more than a look-up, and a message is a function of its language, id and arguments.
/// Kept as template values, which share their text: a page takes one without a copy.
#[derive(Default)]
struct MessageCache {
    formatted: RwLock<FxHashMap<String, Value>>,
}

impl MessageCache {
    /// `message(lang, key, args)`, from the cache when `cache_key` is in it.
    fn get_or_format(&self, cache_key: String, format: impl FnOnce() -> String) -> Value {
        let read = self.formatted.read().unwrap_or_else(|e| e.into_inner());
        if let Some(text) = read.get(&cache_key) {
            return text.clone();
        }
        drop(read);
        let text = Value::from(format());
        let mut write = self.formatted.write().unwrap_or_else(|e| e.into_inner());
        if write.len() < MESSAGE_CACHE_LIMIT {
            write.insert(cache_key, text.clone());
        }
        text
    }
}

/// Messages without arguments, per language and id, as `t()` prints them: looked up
/// without building a key, since every page asks for dozens of them.
#[derive(Default)]
struct PlainMessages {
    by_language: RwLock<FxHashMap<Box<str>, LanguageMessages>>,
}

/// One language's plain messages by id.
type LanguageMessages = FxHashMap<Box<str>, Value>;

impl PlainMessages {
    /// `message(lang, key)`, from the cache when it has it.
    fn get_or_format(&self, lang: &str, key: &str, format: impl FnOnce() -> String) -> Value {
        let read = self.by_language.read().unwrap_or_else(|e| e.into_inner());
        if let Some(text) = read.get(lang).and_then(|messages| messages.get(key)) {
            return text.clone();
        }
        drop(read);
        let text = Value::from(format());
        let mut write = self.by_language.write().unwrap_or_else(|e| e.into_inner());
        let messages = write.entry(lang.into()).or_default();
        if messages.len() < MESSAGE_CACHE_LIMIT {
            messages.insert(key.into(), text.clone());
        }
        text
    }
}

/// True when `kwargs` has message arguments besides `key` and `lang`.
fn has_message_args(kwargs: &Kwargs) -> bool {
    kwargs
        .iter()
        .any(|(name, _)| name.as_str().is_none_or(|n| n != "key" && n != "lang"))
}

/// The message's arguments (all of `kwargs` but `key` and `lang`), and the cache key of
/// `lang`, `key` and those arguments: each part with its length, so no two differ only in
/// where one part ends.
fn message_args<'k>(kwargs: &'k Kwargs, lang: &str, key: &str) -> (FluentArgs<'k>, String) {
    let mut args = FluentArgs::new();
    let mut cache_key = format!("{}:{lang}{}:{key}", lang.len(), key.len());
    for (name, value) in kwargs.iter() {
        let Some(name) = name.as_str() else { continue };
        if name == "key" || name == "lang" {
            continue;
        }
        let (kind, fluent) = if let Some(n) = value.as_f64() {
            ('n', FluentValue::from(n))
        } else {
            ('s', FluentValue::from(text_of(value).into_owned()))
        };
        let text = text_of(value);
        let _ = write!(
            cache_key,
            "{}:{name}{kind}{}:{text}",
            name.len(),
            text.len()
        );
        args.set(name.to_string(), fluent);
    }
    (args, cache_key)
}

/// `t(key=…, …args)`, `value | date`, `value | num`.
pub fn register_helpers(tera: &mut Tera, i18n: Arc<I18n>) {
    let messages = i18n.clone();
    let cache = MessageCache::default();
    let plain = PlainMessages::default();
    tera.register_function(
        "t",
        move |kwargs: Kwargs, state: &State| -> tera::TeraResult<Value> {
            let key_value: &Value = kwargs.must_get("key")?;
            let key = text_of(key_value);
            let page_lang;
            let lang = match kwargs.get::<&Value>("lang")? {
                Some(lang) => text_of(lang),
                None => {
                    page_lang = state.get::<Value>("lang").ok().flatten();
                    page_lang.as_ref().map(text_of).unwrap_or_default()
                }
            };
            if !has_message_args(&kwargs) {
                return Ok(
                    plain.get_or_format(&lang, &key, || messages.message_marked(&lang, &key, None))
                );
            }
            let (args, cache_key) = message_args(&kwargs, &lang, &key);
            if args.iter().next().is_none() {
                return Ok(Value::from(messages.message_marked(&lang, &key, None)));
            }
            Ok(cache.get_or_format(cache_key, || {
                messages.message_marked(&lang, &key, Some(&args))
            }))
        },
    );
    let dates = i18n.clone();
    let formatted_dates = MessageCache::default();
    tera.register_filter(
        "date",
        move |value: &str, _: Kwargs, state: &State| -> Value {
            let Some(date) = parse_date(value) else {
                return Value::from(value);
            };
            let lang = page_lang(state);
            formatted_dates
                .get_or_format(format!("{lang}:{date}"), || dates.format_date(&lang, date))
        },
    );
    tera.register_filter(
        "num",
        move |value: Value, _: Kwargs, state: &State| -> String {
            match value.as_f64() {
                Some(n) => format_number(n, &page_lang(state)),
                None => value.to_string(),
            }
        },
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(tera: &mut Tera, template: &str, lang: &str) -> String {
        tera.add_raw_template("t.html", template).unwrap();
        let mut context = tera::Context::new();
        context.insert("lang", lang);
        tera.render("t.html", &context).unwrap()
    }

    #[test]
    fn cached_messages_with_arguments_are_formatted_for_their_own_arguments_and_language() {
        let i18n = I18n::from_sources(
            &[
                (
                    "en",
                    "items = {$n} items of {$who}\nmonth-1 = January\ndate-format = {$day} {$month} {$year}\n",
                ),
                (
                    "fr",
                    "items = {$n} éléments de {$who}\nmonth-1 = janvier\ndate-format = {$day} {$month} {$year}\n",
                ),
            ],
            "en",
        );
        let mut tera = Tera::new();
        register_helpers(&mut tera, Arc::new(i18n));
        let template = "{{ t(key=\"items\", n=1, who=\"a\") }}|{{ t(key=\"items\", n=2, who=\"a\") }}|\
             {{ t(key=\"items\", n=1, who=\"a\") }}|{{ t(key=\"items\", n=1, who=\"b\") }}|\
             {{ t(key=\"items\", n=\"1\", who=\"a\") }}|{{ \"2026-01-05\" | date }}";
        let english = render(&mut tera, template, "en");
        assert_eq!(
            english,
            "1 items of a|2 items of a|1 items of a|1 items of b|1 items of a|5 January 2026"
        );
        // The same messages and date in another language are that language's, not the
        // cached English ones.
        let french = render(&mut tera, template, "fr");
        assert_eq!(
            french,
            "1 éléments de a|2 éléments de a|1 éléments de a|1 éléments de b|1 éléments de a|\
             5 janvier 2026"
        );
    }
}
