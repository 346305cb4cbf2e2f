//! `urls.txt`: every page URL of a build, and the check that none of a previous build's
//! URLs disappears (`docket build --previous`).

use std::collections::BTreeSet;
use std::path::PathBuf;

use anyhow::{Context, Result, bail};

use crate::site::{Route, Site};
use crate::web_url::WebUrl;

/// Where `docket build --previous` finds the published URLs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PreviousUrls {
    /// A saved `urls.txt`.
    File(PathBuf),
    /// The live site's `urls.txt` (or the site's address, to which `urls.txt` is added).
    Url(WebUrl),
}

impl PreviousUrls {
    /// An http(s) address is a URL, anything else a file name.
    pub fn parse(raw: &str) -> Result<PreviousUrls, String> {
        let lower = raw.to_ascii_lowercase();
        if !lower.starts_with("http://") && !lower.starts_with("https://") {
            return Ok(PreviousUrls::File(PathBuf::from(raw)));
        }
        let full = if raw.ends_with('/') {
            format!("{raw}{URL_LIST}")
        } else {
            raw.to_string()
        };
        WebUrl::parse(&full)
            .map(PreviousUrls::Url)
            .map_err(|problem| format!("{problem}"))
    }

    /// The list's text, read or fetched; nothing is written either way.
    pub fn read(&self) -> Result<PreviousList> {
        let text = match self {
            PreviousUrls::File(path) => std::fs::read_to_string(path).with_context(|| {
                format!(
                    "cannot read the previous URL list {}; save the live one with \
                     `curl -fsSL https://your.site/urls.txt -o {}`, or give its URL",
                    path.display(),
                    path.display()
                )
            })?,
            PreviousUrls::Url(url) => super::fetch::fetch_url_list(url)?,
        };
        Ok(PreviousList {
            source: self.to_string(),
            text,
        })
    }
}

impl std::fmt::Display for PreviousUrls {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PreviousUrls::File(path) => write!(f, "{}", path.display()),
            PreviousUrls::Url(url) => write!(f, "{url}"),
        }
    }
}

/// A previous build's URL list and where it came from.
pub struct PreviousList {
    /// The file or URL, for messages.
    pub source: String,
    pub text: String,
}

/// The file, at the output root, that lists every page.
pub const URL_LIST: &str = "urls.txt";

/// Every page's path from the base URL (`/`, `/en/themes/torture/`), sorted, one per line.
/// Redirect pages of aliases are listed too: their URLs keep working.
pub fn url_list(site: &Site) -> String {
    let paths: BTreeSet<String> = site
        .routes()
        .into_iter()
        .filter(|page| page.route != Route::NotFound)
        .map(|page| format!("/{}", site.path(page)))
        // Not-found pages (one per language) are no URLs anyone cites.
        .filter(|path| !path.ends_with("/404.html"))
        .collect();
    let mut out = String::with_capacity(paths.len() * 40);
    for path in paths {
        out.push_str(&path);
        out.push('\n');
    }
    out
}

/// The URLs of `previous` (a saved `urls.txt`) that `current` no longer has, in order.
/// Blank lines, lines starting with `#`, later pages of lists (`…/page/3/`) and a term's
/// other lists (`…/by-date/`, `…/states/pry/`), which come and go as lists grow and shrink,
/// are ignored.
pub fn disappeared(previous: &str, current: &str) -> Vec<String> {
    let current: BTreeSet<&str> = current.lines().collect();
    let mut gone: Vec<String> = previous
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#') && !is_list_view(line))
        .filter(|line| !current.contains(line))
        .map(str::to_string)
        .collect();
    gone.sort();
    gone.dedup();
    gone
}

/// Fails, naming each of them, when a URL of the list in `previous` would disappear.
pub fn check_previous(previous: &PreviousList, current: &str) -> Result<()> {
    let gone = disappeared(&previous.text, current);
    if gone.is_empty() {
        return Ok(());
    }
    let mut list = String::new();
    for url in &gone {
        list.push_str(&format!("\n  {url}{}", table_hint(url)));
    }
    bail!(
        "{} published URL{} of {} would disappear:{list}\n\
         help: when an id changes, put the old id in the `aliases` column of its new row \
         (docs/data.md, \"Identifiers and permanent URLs\"): the old URL then redirects to the \
         new page. Nothing was written.",
        gone.len(),
        if gone.len() == 1 { "" } else { "s" },
        previous.source
    )
}

/// A page that exists only while a list is long: `…/page/N/`, a term's `…/by-date/` or
/// `…/states/{state}/`.
fn is_list_view(url: &str) -> bool {
    let segments: Vec<&str> = url.trim_matches('/').split('/').collect();
    // `{lang}/{section}/{term}/by-date`: a term called `by-date` is a term.
    is_later_page(url)
        || matches!(
            segments.as_slice(),
            [_, _, _, "by-date"] | [_, _, _, "states", _]
        )
}

/// `…/page/N/`: the second or later page of a paginated list.
fn is_later_page(url: &str) -> bool {
    let mut parts = url.trim_end_matches('/').rsplit('/');
    let number = parts.next().unwrap_or("");
    parts.next() == Some("page") && !number.is_empty() && number.bytes().all(|b| b.is_ascii_digit())
}

/// Which table's `aliases` column can keep `url` alive.
fn table_hint(url: &str) -> String {
    let section = url.trim_matches('/').split('/').nth(1).unwrap_or("");
    let table = match section {
        "sdg" => "sdg_goals.csv or sdg_targets.csv",
        "recommendations" | "actions" | "mechanisms" | "documents" | "institutions" | "themes"
        | "groups" | "clusters" | "indicators" => section,
        _ => return String::new(),
    };
    let ext = if table.ends_with(".csv") { "" } else { ".csv" };
    format!(" (an id of data/{table}{ext})")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_what_the_previous_build_had_and_this_one_has_not() {
        let previous = "# saved\n/\n/en/themes/torture/\r\n/en/themes/old/\n\n/fr/themes/old/\n/en/themes/old/page/2/\n";
        let current = "/\n/en/themes/torture/\n";
        assert_eq!(
            disappeared(previous, current),
            ["/en/themes/old/", "/fr/themes/old/"]
        );
    }

    #[test]
    fn a_terms_other_lists_may_go_when_its_list_shrinks_to_one_page() {
        let previous = "/en/themes/torture/by-date/\n/en/themes/torture/by-date/page/2/\n\
                        /en/themes/torture/states/pry/\n";
        assert!(disappeared(previous, "/en/themes/torture/\n").is_empty());
        assert_eq!(
            disappeared("/en/themes/by-date/\n", ""),
            ["/en/themes/by-date/"],
            "a term called by-date is a term"
        );
    }

    #[test]
    fn names_the_table_that_can_keep_a_url() {
        assert_eq!(
            table_hint("/en/institutions/moj/"),
            " (an id of data/institutions.csv)"
        );
        assert_eq!(table_hint("/en/about/"), "");
    }
}
