//! The theme's Tera templates, the portal's overrides, and the template helpers.

use std::sync::Arc;

use anyhow::{Result, anyhow};
use fluent_bundle::{FluentArgs, FluentValue};
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

/// `t(key=…, …args)`, `value | date`, `value | num`.
pub fn register_helpers(tera: &mut Tera, i18n: Arc<I18n>) {
    let messages = i18n.clone();
    tera.register_function(
        "t",
        move |kwargs: Kwargs, state: &State| -> tera::TeraResult<String> {
            let key: String = kwargs.must_get("key")?;
            let lang = match kwargs.get::<String>("lang")? {
                Some(lang) => lang,
                None => page_lang(state),
            };
            let mut args = FluentArgs::new();
            for (name, value) in kwargs.iter() {
                let Some(name) = name.as_str() else { continue };
                if name == "key" || name == "lang" {
                    continue;
                }
                if let Some(n) = value.as_f64() {
                    args.set(name.to_string(), FluentValue::from(n));
                } else if let Some(s) = value.as_str() {
                    args.set(name.to_string(), FluentValue::from(s.to_string()));
                } else {
                    args.set(name.to_string(), FluentValue::from(value.to_string()));
                }
            }
            Ok(messages.message_marked(&lang, &key, Some(&args)))
        },
    );
    let dates = i18n.clone();
    tera.register_filter(
        "date",
        move |value: &str, _: Kwargs, state: &State| -> String {
            match parse_date(value) {
                Some(date) => dates.format_date(&page_lang(state), date),
                None => value.to_string(),
            }
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
