//! The Data page's context: the downloads the open-data emitter wrote (with their sizes),
//! the API and the feeds.

use fluent_bundle::FluentArgs;
use serde::Serialize;
use tera::Context;

use super::feed_links::{Feed, feed_path};
use super::{FeedLink, Site, urls};

/// One download the open-data emitter wrote, as the Data page lists it.
#[derive(Debug, Clone)]
pub struct DataFile {
    /// Path from the site root.
    pub path: String,
    /// The message that names it.
    pub label_key: String,
    pub format: &'static str,
    /// Rows of a table; `None` for files that are not one table.
    pub rows: Option<usize>,
    pub bytes: u64,
}

/// One file on the Data page.
#[derive(Debug, Clone, Serialize)]
struct Download {
    /// Path from the site root.
    href: String,
    label: String,
    format: &'static str,
    rows: Option<usize>,
    /// Human-readable size in the page's language.
    size: String,
}

/// The context of the Data page in `lang`; returns the page title.
pub(super) fn context(site: &Site, lang: &str, context: &mut Context) -> String {
    let msg = |key: &str| site.i18n.message(lang, key, None);
    let downloads: Vec<Download> = site
        .data_files
        .iter()
        .map(|file| Download {
            href: file.path.clone(),
            label: msg(&file.label_key),
            format: file.format,
            rows: file.rows,
            size: human_size(site, lang, file.bytes),
        })
        .collect();
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
        .map(urls::api_recommendation_file);
    context.insert(
        "api",
        &serde_json::json!({
            "index": format!("{}/index.json", urls::API_DIR),
            "recommendations": format!("{}/recommendations.json", urls::API_DIR),
            "example": first,
        }),
    );
    let feeds: Vec<FeedLink> = [Feed::Updates, Feed::Recommendations]
        .into_iter()
        .map(|feed| FeedLink {
            href: feed_path(site, lang, feed),
            title: msg(match feed {
                Feed::Updates => "data-feed-updates",
                _ => "data-feed-recommendations",
            }),
        })
        .collect();
    context.insert("data_feeds", &feeds);
    msg("data-title")
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
