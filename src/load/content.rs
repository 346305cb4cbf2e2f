//! Markdown pages under `content/` with TOML front matter.

use serde::Deserialize;

use super::csv_table::{CONTROL_CHARACTER_HELP, is_forbidden_control};
use crate::diagnostics::Diagnostics;
use crate::util::text::line_column;

/// One `content/{path}.{lang}.md` file, parsed but not yet checked against the config.
#[derive(Debug, Clone)]
pub struct RawPage {
    /// Path relative to the portal root, for messages.
    pub file: String,
    /// `about` for `content/about.en.md`, `help/faq` for `content/help/faq.fr.md`.
    pub path: String,
    /// The language suffix of the file name.
    pub lang: String,
    pub front: FrontMatter,
    /// Markdown after the front matter.
    pub body: String,
}

/// The TOML between the `+++` lines.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FrontMatter {
    /// Page title, also the link text in the navigation.
    pub title: String,
    /// Short summary for search engines and link previews.
    #[serde(default)]
    pub description: Option<String>,
    /// Navigation order; pages without a weight stay out of the navigation.
    #[serde(default)]
    pub weight: Option<i64>,
}

/// Splits `stem.lang.md` into `(stem, lang)`.
pub fn split_page_name(relative: &str) -> Option<(&str, &str)> {
    let without_ext = relative.strip_suffix(".md")?;
    let (stem, lang) = without_ext.rsplit_once('.')?;
    Some((stem, lang))
}

/// Reports the first control character (other than tab and line breaks) of a page.
fn has_control_character(file: &str, source: &str, diagnostics: &mut Diagnostics) -> bool {
    let Some(offset) = source.find(is_forbidden_control) else {
        return false;
    };
    let (line, column) = line_column(source, offset);
    let c = source[offset..].chars().next().unwrap_or_default();
    diagnostics.error_with_help(
        file,
        line,
        column,
        format!(
            "this page contains the control character U+{:04X}",
            c as u32
        ),
        CONTROL_CHARACTER_HELP,
    );
    true
}

pub fn parse_page(
    file: &str,
    relative: &str,
    source: &str,
    diagnostics: &mut Diagnostics,
) -> Option<RawPage> {
    let Some((path, lang)) = split_page_name(relative) else {
        diagnostics.error_with_help(
            file,
            0,
            0,
            "a content file needs a language in its name",
            "name it like `about.en.md`: the page path, a dot, the language code, `.md`",
        );
        return None;
    };
    let source = source.strip_prefix('\u{feff}').unwrap_or(source);
    if has_control_character(file, source, diagnostics) {
        return None;
    }
    let Some(rest) = source
        .strip_prefix("+++")
        .and_then(|r| r.strip_prefix('\n').or_else(|| r.strip_prefix("\r\n")))
    else {
        diagnostics.error_with_help(
            file,
            1,
            1,
            "the page does not start with `+++` front matter",
            "start the file with\n+++\ntitle = \"...\"\n+++",
        );
        return None;
    };
    let Some(end) = rest.find("\n+++") else {
        diagnostics.error_with_help(
            file,
            1,
            1,
            "the front matter is not closed",
            "add a line `+++` after the front matter",
        );
        return None;
    };
    let front_source = &rest[..end + 1];
    let body = rest[end + 4..].trim_start_matches(['\r', '\n']).to_string();
    let front: FrontMatter = match toml::from_str(front_source) {
        Ok(front) => front,
        Err(error) => {
            let (line, column) = error
                .span()
                .map_or((0, 0), |s| line_column(front_source, s.start));
            diagnostics.error_with_help(
                file,
                line + 1,
                column,
                error.message().to_string(),
                "front matter takes `title` (required), `description` and `weight`",
            );
            return None;
        }
    };
    Some(RawPage {
        file: file.to_string(),
        path: path.to_string(),
        lang: lang.to_string(),
        front,
        body,
    })
}
