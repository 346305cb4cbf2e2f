//! Data out: everything a build publishes besides the pages, written into the build's
//! staging folder.
//!
//! - `data/{table}.csv`, `data/docket.json`, `data/datapackage.json`: the whole dataset as open
//!   data, described by a Frictionless Data Package ([`tables`]);
//! - `api/v1/...`: a static JSON API, documented in docs/api.md ([`api`]);
//! - `{lang}/feeds/...xml`: Atom feeds of status updates and new recommendations ([`feeds`]);
//! - `sitemap.xml` with hreflang alternates and `robots.txt` ([`sitemap`]);
//! - the "Data" page of every language, which lists the downloads with their sizes.
//!
//! Everything is a pure function of the dataset: the same input gives the same bytes.

pub mod api;
mod columns;
pub mod feeds;
mod package;
pub mod sitemap;
pub mod tables;

use std::path::Path;

use anyhow::{Result, anyhow};
use fluent_bundle::FluentArgs;
use serde::Serialize;
use tera::{Context, Tera};

pub use crate::xml::escape as xml_escape;
pub use feeds::page_feeds;

use crate::site::{FeedLink, PageRoute, Route, Site, urls};

/// What [`write`] wrote.
#[derive(Debug, Clone, Default)]
pub struct ExportStats {
    pub files: usize,
}

/// Writes open data, the API, feeds, sitemap and robots.txt into `out_dir`, then renders the
/// Data pages again with the sizes of the files they list.
pub fn write(site: &Site, tera: &Tera, out_dir: &Path) -> Result<ExportStats> {
    let written = package::write(site, out_dir)?;
    let mut files = written.len();
    files += api::write(site, out_dir)?;
    files += feeds::write(site, out_dir)?;
    files += sitemap::write(site, out_dir, sitemap::MAX_URLS)?.len();
    std::fs::write(out_dir.join("robots.txt"), sitemap::robots(site))
        .map_err(|e| anyhow!("cannot write robots.txt: {e}"))?;
    files += 1;
    for lang in 0..site.language_codes().count() as u16 {
        let page = PageRoute {
            lang,
            route: Route::Data,
        };
        let code = site
            .language_codes()
            .nth(lang as usize)
            .unwrap_or_default()
            .to_string();
        let mut rendered = site.context(page);
        fill_data_page(site, &code, &mut rendered.context, Some(&written));
        let file = urls::file_of(&site.path(page));
        let html = crate::output::render(tera, &rendered, &file)?;
        std::fs::write(out_dir.join(&file), html)
            .map_err(|e| anyhow!("cannot write {file}: {e}"))?;
    }
    Ok(ExportStats { files })
}

/// One file on the Data page.
#[derive(Debug, Clone, Serialize)]
pub struct Download {
    /// Path from the site root.
    pub href: String,
    pub label: String,
    pub format: &'static str,
    pub rows: Option<usize>,
    /// Human-readable size in the page's language, once the file is written.
    pub size: Option<String>,
}

/// The context of the Data page in `lang`; returns the page title.
pub fn data_page(site: &Site, lang: &str, context: &mut Context) -> String {
    fill_data_page(site, lang, context, None);
    site.i18n.message(lang, "data-title", None)
}

fn fill_data_page(
    site: &Site,
    lang: &str,
    context: &mut Context,
    written: Option<&[package::Written]>,
) {
    let size_of = |path: &str| {
        written
            .and_then(|w| w.iter().find(|f| f.path == path))
            .map(|f| human_size(site, lang, f.bytes))
    };
    let msg = |key: &str| site.i18n.message(lang, key, None);
    let mut downloads = Vec::new();
    let json_path = format!("{}/{}", tables::DATA_DIR, tables::JSON_FILE);
    downloads.push(Download {
        size: size_of(&json_path),
        href: json_path,
        label: msg("data-all-json"),
        format: "JSON",
        rows: None,
    });
    let package_path = format!("{}/{}", tables::DATA_DIR, tables::PACKAGE_FILE);
    downloads.push(Download {
        size: size_of(&package_path),
        href: package_path,
        label: msg("data-package"),
        format: "JSON",
        rows: None,
    });
    for table in tables::tables(site) {
        let path = format!("{}/{}.csv", tables::DATA_DIR, table.name);
        downloads.push(Download {
            size: size_of(&path),
            href: path,
            label: msg(&format!("data-table-{}", table.name.replace('_', "-"))),
            format: "CSV",
            rows: Some(table.count),
        });
    }
    context.insert("downloads", &downloads);
    if let Some(license) = &site.data.config.license {
        context.insert(
            "license",
            &serde_json::json!({"name": license.name, "title": license.title, "url": license.url}),
        );
    }
    let first = site
        .data
        .recommendations
        .first()
        .map(api::recommendation_file);
    context.insert(
        "api",
        &serde_json::json!({
            "index": format!("{}/index.json", api::API_DIR),
            "recommendations": format!("{}/recommendations.json", api::API_DIR),
            "example": first,
        }),
    );
    let feeds: Vec<FeedLink> = [feeds::Feed::Updates, feeds::Feed::Recommendations]
        .into_iter()
        .map(|feed| FeedLink {
            href: feeds::feed_path(site, lang, feed),
            title: msg(match feed {
                feeds::Feed::Updates => "data-feed-updates",
                _ => "data-feed-recommendations",
            }),
        })
        .collect();
    context.insert("data_feeds", &feeds);
}

/// `532 B`, `12.4 kB`, `3.1 MB` with the language's number format.
fn human_size(site: &Site, lang: &str, bytes: u64) -> String {
    let (key, value) = if bytes < 1000 {
        ("data-size-bytes", bytes as f64)
    } else if bytes < 1_000_000 {
        ("data-size-kb", (bytes as f64 / 100.0).round() / 10.0)
    } else {
        ("data-size-mb", (bytes as f64 / 100_000.0).round() / 10.0)
    };
    let mut args = FluentArgs::new();
    args.set("size", value);
    site.i18n.message(lang, key, Some(&args))
}
