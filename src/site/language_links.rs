//! A page's links to itself in every language (the head's hreflang alternates and the
//! header's language switch), rendered once per language.
//!
//! The same page's paths in the other languages differ from its own only in their first
//! segment (`en/themes/water/`, `fr/themes/water/`), so the theme's partials render once per
//! language with marks where the page's root prefix and the rest of its path go, and each
//! page puts in its own (before, every page built its alternates and looped over them).

use serde::Serialize;

use super::context::Alternate;
use super::rows::ROOT_MARK_CHAR;
use super::{PageRoute, Route, Site};

/// Stands for the page's path after its language segment in the rendered partials. The
/// loader refuses control characters in data, so the partials hold it only where they
/// printed an alternate's address.
const PATH_MARK: char = '\u{1}';

/// A language's two partials, with the marks of the root prefix and the path.
pub(crate) struct LanguageLinks {
    /// `partials/hreflang.html`.
    head: Box<str>,
    /// `partials/lang_switch.html`.
    switch: Box<str>,
}

/// What the partials receive as `links`.
#[derive(Serialize)]
struct LinksValue {
    alternates: Vec<Alternate>,
    /// The default language's alternate (hreflang x-default).
    x_default: Option<String>,
    /// The direction of the page's language.
    dir: &'static str,
}

/// A page's hreflang alternates and language switch, as HTML.
pub(crate) struct PageLanguageLinks {
    pub head: String,
    pub switch: String,
}

/// The language links of `page`, whose path is `path` and root prefix `root`. Empty for the
/// pages that are in no language (the root and the 404 pages).
pub(crate) fn for_page(site: &Site, page: PageRoute, path: &str, root: &str) -> PageLanguageLinks {
    let lang = site.languages[page.lang as usize].code.as_str();
    let rest = path
        .strip_prefix(lang)
        .and_then(|rest| rest.strip_prefix('/'));
    let in_no_language = matches!(
        page.route,
        Route::Root | Route::NotFound | Route::LanguageNotFound
    );
    let (Some(rest), false) = (rest, in_no_language) else {
        return PageLanguageLinks {
            head: String::new(),
            switch: String::new(),
        };
    };
    let links = language_links(site, page.lang as usize);
    PageLanguageLinks {
        head: fill(&links.head, root, rest),
        switch: fill(&links.switch, root, rest),
    }
}

/// The partials of the language at `lang_index`, rendered on first use.
fn language_links<'s>(site: &'s Site, lang_index: usize) -> &'s LanguageLinks {
    site.language_links[lang_index].get_or_init(|| {
        let language = &site.languages[lang_index];
        let lang = language.code.as_str();
        let alternates: Vec<Alternate> = site
            .languages
            .iter()
            .enumerate()
            .map(|(other_index, other)| {
                let href = format!("{}/{PATH_MARK}", other.code);
                Alternate {
                    lang: other.code.clone(),
                    name: other.name.clone(),
                    dir: other.dir.as_str(),
                    url: site.absolute(&href),
                    href,
                    current: other_index == lang_index,
                }
            })
            .collect();
        let default = &site.data.config.default_language;
        let value = tera::Value::from_serializable(&LinksValue {
            x_default: alternates
                .iter()
                .find(|a| &a.lang == default)
                .map(|a| a.url.clone()),
            alternates,
            dir: language.dir.as_str(),
        });
        LanguageLinks {
            head: site.render_shared("partials/hreflang.html", lang, "links", &value),
            switch: site.render_shared("partials/lang_switch.html", lang, "links", &value),
        }
    })
}

/// `html` with `root` in place of each root mark and `rest`, escaped as the template would
/// have escaped it, in place of each path mark.
fn fill(html: &str, root: &str, rest: &str) -> String {
    let mut escaped = Vec::with_capacity(rest.len());
    tera::escape_html(rest, &mut escaped).expect("writing into a Vec cannot fail");
    let escaped = String::from_utf8(escaped).expect("escaping keeps UTF-8");
    let mut out = String::with_capacity(html.len() + 8 * (root.len() + escaped.len()));
    let mut parts = html.split([ROOT_MARK_CHAR, PATH_MARK]);
    let mut at = 0;
    if let Some(first) = parts.next() {
        out.push_str(first);
        at = first.len();
    }
    for part in parts {
        // The mark that ended the previous part is the byte at `at` (both are one byte).
        out.push_str(if html.as_bytes()[at] == PATH_MARK as u8 {
            &escaped
        } else {
            root
        });
        out.push_str(part);
        at += 1 + part.len();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fill_puts_the_root_and_the_escaped_path_where_their_marks_are() {
        let html = "<a href=\"\u{0}fr/\u{1}\">fr</a><link href=\"https://x/fr/\u{1}\">";
        assert_eq!(
            fill(html, "../../", "themes/a&b/"),
            "<a href=\"../../fr/themes/a&amp;b/\">fr</a><link href=\"https://x/fr/themes/a&amp;b/\">"
        );
        assert_eq!(fill("no marks", "../", "x/"), "no marks");
    }
}
