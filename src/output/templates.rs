//! The theme's Tera templates, the portal's overrides, and the template helpers.

use std::path::Path;
use std::sync::Arc;

use anyhow::{Context, Result, anyhow};
use fluent_bundle::{FluentArgs, FluentValue};
use tera::{ErrorKind, Kwargs, State, Tera, Value};

use crate::diagnostics::{Diagnostic, InvalidPortal};

use crate::i18n::{I18n, format_number};
use crate::load::{relative_slash_path, walk_within};
use crate::model::parse_date;

/// Loads `{theme_dir}/templates/**` then `{root}/templates/**`: a portal file with the
/// same name replaces the theme's.
pub fn load_templates(theme_dir: &Path, portal_root: &Path, i18n: Arc<I18n>) -> Result<Tera> {
    let mut sources: Vec<(String, String)> = Vec::new();
    for dir in [theme_dir.join("templates"), portal_root.join("templates")] {
        if !dir.is_dir() {
            continue;
        }
        for path in walk_within(portal_root, &dir)? {
            let name = relative_slash_path(&dir, &path);
            let source = std::fs::read_to_string(&path)
                .with_context(|| format!("cannot read template {}", path.display()))?;
            sources.retain(|(existing, _)| *existing != name);
            sources.push((name, source));
        }
    }
    if sources.is_empty() {
        return Err(anyhow!(
            "no templates found in {}",
            theme_dir.join("templates").display()
        ));
    }
    let mut tera = Tera::new();
    tera.autoescape_on(vec![".html", ".xml"]);
    register_helpers(&mut tera, i18n);
    tera.add_raw_templates(sources)
        .map_err(|e| anyhow::Error::new(e).context("cannot load the templates"))?;
    Ok(tera)
}

/// A template error that Tera can place, as a diagnostic at the template file's line and
/// column (the portal's `templates/` override when there is one, else the theme's file).
pub fn template_problem(
    error: &anyhow::Error,
    theme_dir: &Path,
    portal_root: &Path,
) -> Option<InvalidPortal> {
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
    let file = if portal_root.join("templates").join(name).is_file() {
        format!("templates/{name}")
    } else {
        relative_slash_path(portal_root, &theme_dir.join("templates").join(name))
    };
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

/// Tera errors nest their cause; show the whole chain.
pub fn render_error(error: &tera::Error) -> String {
    let mut message = error.to_string();
    let mut source = std::error::Error::source(error);
    while let Some(cause) = source {
        message.push_str(&format!(": {cause}"));
        source = cause.source();
    }
    message
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
