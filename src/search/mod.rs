//! Search: a prebuilt, faceted, multilingual index that the browser queries shard by shard.
//!
//! [`analysis`] turns text into surface forms and terms (tantivy's analysis chain),
//! [`index`] builds the index of one language from the dataset, [`export`] writes it as a
//! manifest and content-hashed shards under `search/{lang}/`, and [`query`] answers queries
//! exactly as `themes/default/static/search.js` does in the browser. docs/search.md
//! describes the format.

pub mod analysis;
pub mod bloom;
pub mod estimate;
pub mod export;
mod facets;
mod histograms;
pub mod index;
pub mod query;
pub mod syntax;
mod typo;

use std::path::{Path, PathBuf};

use anyhow::{Context, Result, anyhow};
use rayon::prelude::*;

pub use estimate::Counting;
pub use facets::FACETS;
pub use index::{Entry, EntryKind, LanguageIndex, Views};
pub use query::{Hit, Query, Results};

use crate::emit::{Emitted, Emitter};
use crate::site::Site;

/// Builds the index of one language.
pub fn build_index(site: &Site, lang: &str) -> LanguageIndex {
    index::build(site, lang)
}

/// Every file of the search index, in every language: (path from the site root, bytes),
/// in a stable order.
pub fn index_files(site: &Site) -> Vec<(String, Vec<u8>)> {
    let languages: Vec<String> = site.language_codes().map(str::to_string).collect();
    languages
        .par_iter()
        .map(|lang| export::export(&build_index(site, lang)))
        .collect::<Vec<_>>()
        .into_iter()
        .flatten()
        .collect()
}

/// `search/{lang}/...`: the search index of every language.
pub struct SearchIndex;

impl Emitter for SearchIndex {
    fn name(&self) -> &'static str {
        "search"
    }

    fn emit(&self, site: &Site, out_dir: &Path) -> Result<Emitted> {
        let (files, bytes) = write_index(site, out_dir)?;
        Ok(Emitted::counted(files, bytes))
    }
}

/// Writes the search index into the site folder; returns the number of files and bytes.
pub fn write_index(site: &Site, out_dir: &Path) -> Result<(usize, u64)> {
    let files = index_files(site);
    let mut dirs: Vec<PathBuf> = files
        .iter()
        .filter_map(|(path, _)| out_dir.join(path).parent().map(Path::to_path_buf))
        .collect();
    dirs.sort();
    dirs.dedup();
    for dir in dirs {
        std::fs::create_dir_all(&dir)
            .with_context(|| format!("cannot create {}", dir.display()))?;
    }
    let bytes = files
        .par_iter()
        .map(|(path, bytes)| {
            std::fs::write(out_dir.join(path), bytes)
                .with_context(|| format!("cannot write {path}"))?;
            Ok(bytes.len() as u64)
        })
        .collect::<Result<Vec<u64>>>()?;
    Ok((files.len(), bytes.iter().sum()))
}

/// `docket search`: what to search.
#[derive(Debug, Clone)]
pub struct SearchOptions {
    /// The index's language; the portal's default when `None`.
    pub lang: Option<String>,
    pub query: Query,
}

/// A search answered from a portal's data, for the command line and tests.
pub struct SearchReport {
    pub lang: String,
    pub index: LanguageIndex,
    pub results: Results,
}

/// Builds the index of one language of a loaded portal and runs the query.
pub fn search_portal(site: &Site, options: &SearchOptions) -> Result<SearchReport> {
    let lang = match &options.lang {
        Some(lang) => {
            if !site.language_codes().any(|l| l == lang) {
                let known: Vec<&str> = site.language_codes().collect();
                return Err(anyhow!(
                    "the portal has no language `{lang}`; it has {}",
                    known.join(", ")
                ));
            }
            lang.clone()
        }
        None => site.data.config.default_language.clone(),
    };
    for (facet, value) in &options.query.filters {
        if !FACETS.contains(&facet.as_str()) {
            return Err(anyhow!(
                "unknown facet `{facet}` in `{facet}={value}`; facets are {}",
                FACETS.join(", ")
            ));
        }
    }
    let index = build_index(site, &lang);
    let results = index.search(&options.query);
    Ok(SearchReport {
        lang,
        index,
        results,
    })
}

impl SearchReport {
    /// The report `docket search` prints: the best `limit` hits and the facet counts.
    pub fn render(&self, limit: usize) -> String {
        let mut out = format!(
            "{} result{} ({})\n",
            self.results.hits.len(),
            if self.results.hits.len() == 1 {
                ""
            } else {
                "s"
            },
            self.lang
        );
        if !self.results.ignored.is_empty() {
            out.push_str(&format!(
                "not in the index, left out: {}\n",
                self.results.ignored.join(", ")
            ));
        }
        if let Some(suggestion) = &self.results.suggestion {
            out.push_str(&format!("did you mean: {suggestion}\n"));
        }
        for (rank, hit) in self.results.hits.iter().take(limit).enumerate() {
            let entry = &self.index.entries[hit.entry as usize];
            out.push_str(&format!(
                "{:>3}. {:<14} {:<24} {}\n",
                rank + 1,
                entry.kind.key(),
                entry.id,
                entry.text
            ));
        }
        if self.results.hits.len() > limit {
            out.push_str(&format!(
                "     … {} more\n",
                self.results.hits.len() - limit
            ));
        }
        for (facet, counts) in self.index.facets.iter().zip(&self.results.facets) {
            let mut values: Vec<(usize, u32)> = counts
                .counts
                .iter()
                .copied()
                .enumerate()
                .filter(|(_, c)| *c > 0)
                .collect();
            if values.is_empty() {
                continue;
            }
            values.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            let shown: Vec<String> = values
                .iter()
                .take(8)
                .map(|(v, c)| format!("{}={c}", facet.values[*v].key))
                .collect();
            let more = if values.len() > 8 {
                format!(" (+{} more)", values.len() - 8)
            } else {
                String::new()
            };
            out.push_str(&format!("  {}: {}{more}\n", facet.name, shown.join(", ")));
        }
        out
    }
}
