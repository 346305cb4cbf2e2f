//! `sitemap.xml` listing every page, split into a sitemap index and numbered sitemaps when
//! it would pass the protocol's limits, and `robots.txt`. The language alternates are in each
//! page's `<head>` (`hreflang` links), which search engines read as they would the
//! sitemap's; repeated here they were four fifths of the sitemap's bytes.

use std::path::Path;

use anyhow::{Context, Result};

use crate::site::{PageRoute, Route, Site};
use crate::xml::escape;

/// URLs one sitemap file may list (sitemaps.org).
pub const MAX_URLS: usize = 50_000;
/// Bytes one sitemap file may have (50 MiB, with room for the closing tag).
pub const MAX_BYTES: usize = 50 * 1024 * 1024 - 1024;

const URLSET_OPEN: &str = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";
const URLSET_CLOSE: &str = "</urlset>\n";

/// Pages a sitemap lists: every page except the language chooser, redirects and the 404 page.
fn listed(route: Route) -> bool {
    !matches!(
        route,
        Route::Root
            | Route::NotFound
            | Route::LanguageNotFound
            | Route::Alias(..)
            | Route::TermList(_, crate::site::Listing::ByDate, _)
    )
}

/// The day a page's content last changed, where the data says.
fn lastmod(site: &Site, route: Route) -> Option<chrono::NaiveDate> {
    let d = site.data;
    match route {
        Route::Recommendation(id) => {
            let r = &d.recommendations[id.index()];
            Some(
                r.updates
                    .iter()
                    .map(|u| d.status_updates[u.index()].date)
                    .fold(r.date, |a, b| a.max(b)),
            )
        }
        Route::Action(id) => d.actions[id.index()]
            .updates
            .iter()
            .map(|u| d.status_updates[u.index()].date)
            .max(),
        _ => None,
    }
}

fn url_entry(site: &Site, page: PageRoute) -> String {
    let mut out = String::with_capacity(128);
    out.push_str("<url><loc>");
    out.push_str(&escape(&site.absolute(&site.path(page))));
    out.push_str("</loc>");
    if let Some(date) = lastmod(site, page.route) {
        out.push_str(&format!("<lastmod>{date}</lastmod>"));
    }
    out.push_str("</url>\n");
    out
}

/// Writes `sitemap.xml` (and `sitemap-N.xml` when split); returns the files written.
pub fn write(site: &Site, out_dir: &Path, max_urls: usize) -> Result<Vec<String>> {
    let mut chunks: Vec<String> = Vec::new();
    let mut current = String::from(URLSET_OPEN);
    let mut in_current = 0;
    for page in site.routes().into_iter().filter(|p| listed(p.route)) {
        let entry = url_entry(site, page);
        if in_current > 0
            && (in_current >= max_urls
                || current.len() + entry.len() + URLSET_CLOSE.len() > MAX_BYTES)
        {
            current.push_str(URLSET_CLOSE);
            chunks.push(std::mem::replace(&mut current, String::from(URLSET_OPEN)));
            in_current = 0;
        }
        current.push_str(&entry);
        in_current += 1;
    }
    current.push_str(URLSET_CLOSE);
    chunks.push(current);
    let mut written = Vec::new();
    if chunks.len() == 1 {
        std::fs::write(out_dir.join("sitemap.xml"), &chunks[0])
            .context("cannot write sitemap.xml")?;
        written.push("sitemap.xml".to_string());
        return Ok(written);
    }
    let mut index = String::from(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for (n, chunk) in chunks.iter().enumerate() {
        let name = format!("sitemap-{}.xml", n + 1);
        std::fs::write(out_dir.join(&name), chunk)
            .with_context(|| format!("cannot write {name}"))?;
        index.push_str(&format!(
            "<sitemap><loc>{}</loc></sitemap>\n",
            escape(&site.absolute(&name))
        ));
        written.push(name);
    }
    index.push_str("</sitemapindex>\n");
    std::fs::write(out_dir.join("sitemap.xml"), index).context("cannot write sitemap.xml")?;
    written.push("sitemap.xml".to_string());
    Ok(written)
}

/// `robots.txt`: everything may be crawled; the sitemap is announced.
pub fn robots(site: &Site) -> String {
    format!(
        "User-agent: *\nAllow: /\n\nSitemap: {}\n",
        site.absolute("sitemap.xml")
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_common::fixture;

    /// The text of every `<loc>` of an XML file.
    fn locs(path: &Path) -> Vec<String> {
        let xml = std::fs::read_to_string(path).expect("written");
        xml.split("<loc>")
            .skip(1)
            .map(|rest| rest.split("</loc>").next().unwrap_or("").to_string())
            .collect()
    }

    #[test]
    fn a_large_sitemap_is_split_under_a_sitemap_index() {
        let portal = fixture("minimal");
        let loaded = crate::build::load(portal.path(), None).expect("loads");
        let site = Site::new(&loaded.dataset, &loaded.i18n);
        let whole = tempfile::tempdir().unwrap();
        write(&site, whole.path(), MAX_URLS).unwrap();
        let expected = locs(&whole.path().join("sitemap.xml"));
        assert!(expected.len() > 7, "{expected:?}");
        let split = tempfile::tempdir().unwrap();
        let written = write(&site, split.path(), 7).unwrap();
        let parts = expected.len().div_ceil(7);
        assert_eq!(written.len(), parts + 1);
        let index = std::fs::read_to_string(split.path().join("sitemap.xml")).unwrap();
        assert!(index.contains("<sitemapindex"), "{index}");
        let base = loaded.dataset.config.base_url.as_str();
        let mut found = Vec::new();
        for (n, loc) in locs(&split.path().join("sitemap.xml")).iter().enumerate() {
            assert_eq!(*loc, format!("{base}sitemap-{}.xml", n + 1));
            let part = split.path().join(loc.strip_prefix(base).unwrap());
            let text = std::fs::read_to_string(&part).unwrap();
            assert!(text.contains("<urlset"), "{text}");
            let urls = locs(&part);
            assert!(urls.len() <= 7);
            found.extend(urls);
        }
        assert_eq!(found, expected);
    }
}
