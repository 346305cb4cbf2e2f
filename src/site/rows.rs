//! Each recommendation's list row, rendered once per language.
//!
//! A recommendation appears in many paginated lists (all recommendations, its mechanism,
//! document, themes, groups, goals, status, by-date and per-State lists). Its row is the same
//! HTML in every one of them but for the prefix that leads to the site root, so the theme's
//! `partials/rec_row.html` renders it once, with a mark where that prefix goes, and each list
//! page puts in its own prefix and inserts the rows as HTML.

use std::sync::{Mutex, OnceLock};

use serde::Serialize;
use tera::{Context, Tera};

use super::Site;
use crate::model::RecommendationId;

/// The template of one row; `partials/rec_rows.html` lists the rows it made.
const ROW_TEMPLATE: &str = "partials/rec_row.html";

/// Stands for the page's root prefix (`../../`) in a rendered row. The loader refuses
/// control characters in data, so a row holds it only where the template printed the root.
const ROOT_MARK: &str = "\u{0}";

/// The rows rendered so far, per language and recommendation, and the first error.
pub(crate) struct Rows<'a> {
    tera: &'a Tera,
    recommendations: usize,
    cells: Vec<OnceLock<Box<str>>>,
    error: Mutex<Option<tera::Error>>,
}

/// What a row template receives as `page`: only what is the same on every list.
#[derive(Serialize)]
struct RowPage<'a> {
    root: &'static str,
    lang: &'a str,
}

impl<'a> Rows<'a> {
    pub(crate) fn new(tera: &'a Tera, languages: usize, recommendations: usize) -> Rows<'a> {
        Rows {
            tera,
            recommendations,
            cells: (0..languages * recommendations)
                .map(|_| OnceLock::new())
                .collect(),
            error: Mutex::new(None),
        }
    }
}

impl Site<'_> {
    /// The row of `id` in `lang` for a page whose root prefix is `root`. Empty, with the
    /// error kept for [`Site::take_row_error`], when the template fails.
    pub(crate) fn row(&self, id: RecommendationId, lang: &str, root: &str) -> String {
        let rows = self
            .rows
            .as_ref()
            .expect("Site::set_templates before rendering list pages");
        let lang_index = self
            .languages
            .iter()
            .position(|l| l.code == lang)
            .unwrap_or(0);
        let cell = &rows.cells[lang_index * rows.recommendations + id.index()];
        cell.get_or_init(|| self.render_row(rows, id, lang))
            .replace(ROOT_MARK, root)
    }

    fn render_row(&self, rows: &Rows, id: RecommendationId, lang: &str) -> Box<str> {
        let mut context = Context::new();
        context.insert("lang", lang);
        context.insert(
            "page",
            &RowPage {
                root: ROOT_MARK,
                lang,
            },
        );
        context.insert("r", &self.summary(id, lang));
        match rows.tera.render(ROW_TEMPLATE, &context) {
            Ok(html) => html.into_boxed_str(),
            Err(error) => {
                let mut first = rows.error.lock().unwrap_or_else(|e| e.into_inner());
                first.get_or_insert(error);
                Box::default()
            }
        }
    }

    /// The first error of the row template since the last call, if any.
    pub fn take_row_error(&self) -> Option<tera::Error> {
        let rows = self.rows.as_ref()?;
        rows.error.lock().unwrap_or_else(|e| e.into_inner()).take()
    }
}
