//! Emitters: everything a build writes besides the pages (open data, API, feeds, sitemap,
//! search index, static assets, redirects). Each takes the laid-out site and says what it
//! wrote, so that the build runs them in one loop and reports each.

use std::path::Path;

use anyhow::Result;

use crate::site::{DataFile, Site};

/// One kind of file a build publishes besides the pages.
pub trait Emitter: Sync {
    /// A short name, shown by `docket build --timings`.
    fn name(&self) -> &'static str;
    /// Writes into `out_dir` (the build's staging folder); returns what it wrote.
    fn emit(&self, site: &Site, out_dir: &Path) -> Result<Emitted>;
}

/// What one emitter wrote.
#[derive(Debug, Default, Clone)]
pub struct Emitted {
    pub files: usize,
    pub bytes: u64,
    /// The downloads the Data page lists (only the open-data emitter has any).
    pub data_files: Vec<DataFile>,
}

impl Emitted {
    /// `files` files of `bytes` bytes in all, none of them a download of the Data page.
    pub fn counted(files: usize, bytes: u64) -> Emitted {
        Emitted {
            files,
            bytes,
            data_files: Vec::new(),
        }
    }
}
