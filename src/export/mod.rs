//! Data out: everything a build publishes besides the pages, written into the build's
//! staging folder.
//!
//! - `data/{table}.csv`, `data/docket.json`, `data/datapackage.json`: the whole dataset as open
//!   data, described by a Frictionless Data Package ([`tables`]);
//! - `api/v1/...`: a static JSON API, documented in docs/api.md ([`api`]);
//! - `{lang}/feeds/...xml`: Atom feeds of status updates and new recommendations ([`feeds`]);
//! - `sitemap.xml` with hreflang alternates and `robots.txt` ([`sitemap`]);
//!
//! Each is an [`Emitter`]; the Data page that lists the downloads is rendered with the
//! pages, from what [`OpenData`] wrote. Everything is a pure function of the dataset: the
//! same input gives the same bytes.

pub mod api;
mod columns;
pub mod feeds;
mod package;
pub mod sitemap;
pub mod tables;
mod workbook;

pub use workbook::write_workbook;

use std::path::Path;

use anyhow::{Context, Result};

use crate::emit::{Emitted, Emitter, Unchanged};
use crate::site::{DataFile, Site};

/// `data/`: the tables as CSV, the whole dataset as JSON and the Data Package that describes
/// them; tells the Data page what it wrote.
pub struct OpenData;

impl Emitter for OpenData {
    fn name(&self) -> &'static str {
        "open data"
    }

    fn pages_show_its_files(&self) -> bool {
        true
    }

    fn emit(&self, site: &Site, out_dir: &Path) -> Result<Emitted> {
        let written = package::write(site, out_dir)?;
        let bytes_of = |path: &str| {
            written
                .iter()
                .find(|f| f.path == path)
                .map_or(0, |f| f.bytes)
        };
        let mut downloads = Vec::new();
        for (file, label_key) in [
            (tables::JSON_FILE, "data-all-json"),
            (tables::PACKAGE_FILE, "data-package"),
        ] {
            let path = format!("{}/{file}", tables::DATA_DIR);
            downloads.push(DataFile {
                bytes: bytes_of(&path),
                path,
                label_key: label_key.to_string(),
                format: "JSON",
                rows: None,
            });
        }
        for table in tables::tables(site) {
            let path = format!("{}/{}.csv", tables::DATA_DIR, table.name);
            downloads.push(DataFile {
                bytes: bytes_of(&path),
                path,
                label_key: format!("data-table-{}", table.name.replace('_', "-")),
                format: "CSV",
                rows: Some(table.count),
            });
        }
        Ok(Emitted {
            files: written.len(),
            bytes: written.iter().map(|f| f.bytes).sum(),
            data_files: downloads,
            kept: Vec::new(),
        })
    }
}

/// `api/v1/...`: the static JSON API.
pub struct Api;

impl Emitter for Api {
    fn name(&self) -> &'static str {
        "api"
    }

    fn emit(&self, site: &Site, out_dir: &Path) -> Result<Emitted> {
        api::write(site, out_dir, None)
    }

    fn emit_changed(
        &self,
        site: &Site,
        out_dir: &Path,
        unchanged: &dyn Unchanged,
    ) -> Result<Emitted> {
        api::write(site, out_dir, Some(unchanged))
    }
}

/// `{lang}/feeds/...xml`: the Atom feeds.
pub struct Feeds;

impl Emitter for Feeds {
    fn name(&self) -> &'static str {
        "feeds"
    }

    fn emit(&self, site: &Site, out_dir: &Path) -> Result<Emitted> {
        feeds::write(site, out_dir, None)
    }

    fn emit_changed(
        &self,
        site: &Site,
        out_dir: &Path,
        unchanged: &dyn Unchanged,
    ) -> Result<Emitted> {
        feeds::write(site, out_dir, Some(unchanged))
    }
}

/// `sitemap.xml` (split when large) and `robots.txt`.
pub struct Sitemap;

impl Emitter for Sitemap {
    fn name(&self) -> &'static str {
        "sitemap"
    }

    fn emit(&self, site: &Site, out_dir: &Path) -> Result<Emitted> {
        let mut written = sitemap::write(site, out_dir, sitemap::MAX_URLS)?;
        std::fs::write(out_dir.join("robots.txt"), sitemap::robots(site))
            .context("cannot write robots.txt")?;
        written.push("robots.txt".to_string());
        let mut bytes = 0;
        for file in &written {
            bytes += std::fs::metadata(out_dir.join(file))
                .with_context(|| format!("cannot read the size of {file}"))?
                .len();
        }
        Ok(Emitted::counted(written.len(), bytes))
    }
}
