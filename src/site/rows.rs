//! Fragments of recommendations repeated across pages, rendered once per language.
//!
//! A recommendation appears in many paginated lists (all recommendations, its mechanism,
//! document, themes, groups, goals, status, by-date and per-State lists), and on the pages of
//! the other members of its cluster. Its row is the same HTML on every one of them but for
//! the prefix that leads to the site root, so the theme's partial renders it once, with a mark
//! where that prefix goes, and each page puts in its own prefix and inserts the HTML.

use std::sync::{Arc, Mutex, OnceLock};

use serde::Serialize;
use tera::{Context, Tera};

use super::Site;
use crate::model::RecommendationId;

/// A fragment of a recommendation that pages repeat, each from its own theme partial.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Fragment {
    /// Its row in a paginated list; `partials/rec_rows.html` lists the rows it made.
    ListRow,
    /// Its row in a list of one State's recommendations (a State's page, one of its
    /// documents, a term's list for that State): the same row without the State, which the
    /// page names once.
    ListRowOfOneState,
    /// Its line among the other members of its cluster, on a recommendation's page.
    ClusterRow,
}

impl Fragment {
    const ALL: [Fragment; 3] = [
        Fragment::ListRow,
        Fragment::ListRowOfOneState,
        Fragment::ClusterRow,
    ];

    fn template(self) -> &'static str {
        match self {
            Fragment::ListRow | Fragment::ListRowOfOneState => "partials/rec_row.html",
            Fragment::ClusterRow => "partials/cluster_row.html",
        }
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// Stands for the page's root prefix (`../../`) in a rendered fragment. The loader refuses
/// control characters in data, so a fragment holds it only where the template printed the
/// root.
const ROOT_MARK: &str = "\u{0}";
/// [`ROOT_MARK`] as a `char`, to search for it with memchr.
const ROOT_MARK_CHAR: char = '\u{0}';
const _: () = assert!(ROOT_MARK.len() == 1 && ROOT_MARK.as_bytes()[0] == ROOT_MARK_CHAR as u8);

/// `html` with the page's `root` prefix in place of each [`ROOT_MARK`].
pub(crate) fn with_root(html: &str, root: &str) -> String {
    let mut parts = html.split(ROOT_MARK_CHAR);
    let mut out = String::with_capacity(html.len() + 8 * root.len());
    out.push_str(parts.next().unwrap_or_default());
    for part in parts {
        out.push_str(root);
        out.push_str(part);
    }
    out
}

/// The fragments rendered so far, per fragment, language and recommendation, and the first
/// error.
pub(crate) struct Rows<'a> {
    tera: &'a Tera,
    languages: usize,
    recommendations: usize,
    /// Shared with the [`RowCache`] the dev server keeps for its next rebuild.
    cells: Arc<Vec<OnceLock<Box<str>>>>,
    error: Mutex<Option<tera::Error>>,
}

/// The fragments one build rendered, kept by the dev server so that its next rebuild renders
/// again only those of the recommendations whose rows changed ([`Site::reuse_rows`]).
pub struct RowCache {
    languages: usize,
    recommendations: usize,
    cells: Arc<Vec<OnceLock<Box<str>>>>,
}

/// What a fragment's template receives as `page`: only what is the same on every page.
#[derive(Serialize)]
struct RowPage<'a> {
    root: &'static str,
    lang: &'a str,
}

impl RowPage<'_> {
    /// What a fragment's template sees besides its value: the language, and `page.root` as
    /// the mark each page replaces with its own prefix.
    fn context(lang: &str) -> Context {
        let mut context = Context::new();
        context.insert("lang", lang);
        context.insert(
            "page",
            &RowPage {
                root: ROOT_MARK,
                lang,
            },
        );
        context
    }
}

impl<'a> Rows<'a> {
    pub(crate) fn new(tera: &'a Tera, languages: usize, recommendations: usize) -> Rows<'a> {
        Rows {
            tera,
            languages,
            recommendations,
            cells: Arc::new(
                (0..Fragment::ALL.len() * languages * recommendations)
                    .map(|_| OnceLock::new())
                    .collect(),
            ),
            error: Mutex::new(None),
        }
    }

    /// `template` with `context`; empty, with the error kept, when it fails.
    fn render(&self, template: &str, context: &Context) -> Box<str> {
        match self.tera.render(template, context) {
            Ok(html) => html.into_boxed_str(),
            Err(error) => {
                let mut first = self.error.lock().unwrap_or_else(|e| e.into_inner());
                first.get_or_insert(error);
                Box::default()
            }
        }
    }

    fn cell(
        &self,
        fragment: Fragment,
        lang_index: usize,
        id: RecommendationId,
    ) -> &OnceLock<Box<str>> {
        let per_fragment = self.languages * self.recommendations;
        &self.cells
            [fragment.index() * per_fragment + lang_index * self.recommendations + id.index()]
    }
}

impl Site<'_> {
    /// The fragments rendered so far, to be given to the next build's [`Site::reuse_rows`].
    pub fn row_cache(&self) -> Option<RowCache> {
        let rows = self.rows.as_ref()?;
        Some(RowCache {
            languages: rows.languages,
            recommendations: rows.recommendations,
            cells: Arc::clone(&rows.cells),
        })
    }

    /// Takes the fragments of `cache` (a previous build's, rendered with the same templates
    /// and messages) for every recommendation `unchanged` says everything its rows show is the
    /// same as in that build; the others render again. Does nothing when the cache is of
    /// another shape or still shared with a live site.
    pub fn reuse_rows(&mut self, cache: RowCache, unchanged: impl Fn(RecommendationId) -> bool) {
        let Some(rows) = self.rows.as_mut() else {
            return;
        };
        let RowCache {
            languages,
            recommendations,
            mut cells,
        } = cache;
        if (languages, recommendations) != (rows.languages, rows.recommendations) {
            return;
        }
        let Some(slots) = Arc::get_mut(&mut cells) else {
            return;
        };
        for (index, slot) in slots.iter_mut().enumerate() {
            if !unchanged(RecommendationId((index % recommendations) as u32)) {
                slot.take();
            }
        }
        rows.cells = cells;
    }

    /// The `fragment` of `id` in `lang` for a page whose root prefix is `root`. Empty, with
    /// the error kept for [`Site::take_row_error`], when the template fails.
    pub(crate) fn fragment(
        &self,
        fragment: Fragment,
        id: RecommendationId,
        lang: &str,
        root: &str,
    ) -> String {
        let rows = self
            .rows
            .as_ref()
            .expect("Site::set_templates before rendering pages");
        let lang_index = self
            .languages
            .iter()
            .position(|l| l.code == lang)
            .unwrap_or(0);
        let html = rows
            .cell(fragment, lang_index, id)
            .get_or_init(|| self.render_fragment(rows, fragment, id, lang));
        with_root(html, root)
    }

    /// The theme's `template` rendered for `lang` with `name` set to `value`, with the mark
    /// of the root prefix where the template printed it, for [`with_root`]: what is the same
    /// on many pages but for that prefix (a language's menus). Empty, with the error kept
    /// for [`Site::take_row_error`], when the template fails.
    pub(crate) fn render_shared(
        &self,
        template: &str,
        lang: &str,
        name: &'static str,
        value: &tera::Value,
    ) -> Box<str> {
        let rows = self
            .rows
            .as_ref()
            .expect("Site::set_templates before rendering pages");
        let mut context = RowPage::context(lang);
        context.insert_value(name, value.clone());
        rows.render(template, &context)
    }

    fn render_fragment(
        &self,
        rows: &Rows,
        fragment: Fragment,
        id: RecommendationId,
        lang: &str,
    ) -> Box<str> {
        let mut context = RowPage::context(lang);
        let mut summary = self.summary(id, lang);
        if fragment == Fragment::ListRowOfOneState {
            summary.state = None;
        }
        context.insert("r", &summary);
        rows.render(fragment.template(), &context)
    }

    /// The first error of a fragment's template since the last call, if any.
    pub fn take_row_error(&self) -> Option<tera::Error> {
        let rows = self.rows.as_ref()?;
        rows.error.lock().unwrap_or_else(|e| e.into_inner()).take()
    }
}
