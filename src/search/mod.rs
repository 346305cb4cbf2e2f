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
mod invert;
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

/// What the search agreement tests share with tests/search_js.rs.
#[cfg(test)]
#[path = "../../tests/search_node/agree.rs"]
mod search_agree;

/// The first search reads posting lists only as far as its best results need: checked with
/// the lists cut into tiny segments ([`Layout`]), against the Rust side, with the browser
/// client run in Node (tests/search_node/run.js). Skips when `node` is missing, unless
/// DOCKET_REQUIRE_NODE=1.
#[cfg(test)]
mod first_search_tests {
    use serde_json::json;

    use super::export::{Layout, export_with};
    use super::index;
    use super::search_agree::{Case, compare, node_answers, node_available, rust_answer};
    use crate::site::Site;

    /// Posting lists cut into tiny segments: the first search of a frequent word reads only its
    /// first segments and still shows the same 10 best as reading everything, for one word, for
    /// several, for prefixes and with symbols.
    #[test]
    fn first_search_reads_less_and_finds_the_same_best() {
        if !node_available() {
            return;
        }
        let dir = tempfile::tempdir().expect("temp");
        crate::synth::generate(
            dir.path(),
            &crate::synth::SynthOptions {
                recommendations: 800,
                languages: vec!["en".into(), "fr".into()],
                seed: 5,
            },
        )
        .expect("synth");
        let out = tempfile::tempdir().expect("temp");
        let site = out.path().join("site");
        crate::build(&crate::BuildOptions {
            root: dir.path().to_path_buf(),
            output: site.clone(),
            base_url: None,
            force: false,
            as_of: None,
            progress: false,
            previous: None,
            timings: false,
        })
        .expect("build");
        // The index cut into segments of 48 bytes, then 96, 192, ...: as built (the synthetic
        // texts are all of one length, so nearly all impacts are alike and ties are many) and
        // with impacts spread over every level.
        for spread in [false, true] {
            let portal = crate::build::load(dir.path(), None).expect("valid portal");
            let pages = Site::new(&portal.dataset, &portal.i18n);
            let layout = Layout {
                first_segment_bytes: 48,
            };
            let mut indexes = std::collections::BTreeMap::new();
            for lang in ["en", "fr"] {
                std::fs::remove_dir_all(site.join("search").join(lang)).expect("remove");
                let mut index = index::build(&pages, lang);
                for (t, term) in index.terms.iter_mut().enumerate().filter(|_| spread) {
                    for (entry, impact) in &mut term.postings {
                        let mix = (u64::from(*entry) * 2_654_435_761 + t as u64 * 40_503) >> 11;
                        *impact = 1 + (mix % 15) as u8;
                    }
                }
                for (path, bytes) in export_with(&index, &layout) {
                    let file = site.join(path);
                    std::fs::create_dir_all(file.parent().expect("parent")).expect("dir");
                    std::fs::write(file, bytes).expect("write");
                }
                indexes.insert(lang, index);
            }
            let cases = vec![
                ("en", "torture", vec![]),
                ("en", "rights", vec![]),
                ("en", "rural areas", vec![]),
                ("en", "judiciary independence", vec![]),
                ("en", "women rights", vec![]),
                ("en", "children education", vec![]),
                ("en", "national human rights", vec![]),
                ("en", "tort", vec![]),
                ("en", "rights r", vec![]),
                ("en", "X/12/CO/5 rights", vec![]),
                ("en", "R123 rights", vec![]),
                ("en", "rural", vec![("mechanism", "M2")]),
                ("fr", "droits de l'enfant", vec![]),
                ("fr", "droits", vec![]),
                ("fr", "just", vec![]),
                ("fr", "protection des droits", vec![]),
                ("en", "\"human rights\"", vec![]),
                ("en", "\"national human rights\" -rural", vec![]),
                ("en", "rights -children", vec![]),
                ("en", "rural OR children", vec![]),
                ("en", "rigths", vec![]),
                ("en", "childern educaton", vec![]),
                ("fr", "droits OR enfant", vec![]),
            ];
            // And every pair of the 24 most frequent words, whole and the second being typed.
            let en = &indexes["en"];
            let mut frequent: Vec<&(String, u32)> = en
                .vocab
                .iter()
                .filter(|(surface, term)| {
                    *term != u32::MAX
                        && surface.len() > 3
                        && surface.chars().all(|c| c.is_ascii_lowercase())
                })
                .collect();
            frequent.sort_by_key(|(surface, term)| {
                (
                    std::cmp::Reverse(en.terms[*term as usize].postings.len()),
                    surface.clone(),
                )
            });
            frequent.dedup_by_key(|(_, term)| *term);
            let words: Vec<String> = frequent.iter().take(24).map(|(s, _)| s.clone()).collect();
            let mut pairs = Vec::new();
            for (i, a) in words.iter().enumerate() {
                for b in &words[i + 1..] {
                    pairs.push(format!("{a} {b}"));
                    pairs.push(format!("{a} {}", &b[..3]));
                }
            }
            let cases: Vec<Case> = cases
                .into_iter()
                .chain(pairs.iter().map(|q| ("en", q.as_str(), vec![])))
                .collect();
            let node = node_answers(&site, &cases);
            let rust = cases
                .iter()
                .map(|case| rust_answer(&indexes[case.0], case))
                .collect();
            let firsts = compare(&cases, rust, node);
            let early: Vec<_> = cases
                .iter()
                .zip(&firsts)
                .filter(|(_, f)| f["complete"] == json!(false))
                .collect();
            assert!(
                early.len() >= 60,
                "only {} first searches stopped early: {firsts:?}",
                early.len()
            );
            for (case, first) in early {
                assert!(
                    first["postings"].as_u64() < first["all_postings"].as_u64(),
                    "{case:?} read every postings file: {first}"
                );
            }
            // One frequent word with the filters open: exact count and facet counts from its
            // histogram, no facet block read, postings read only as far as the 10 best need.
            let precounted = firsts
                .iter()
                .filter(|f| {
                    let panel = &f["panel"];
                    panel["exact"] == json!(true)
                        && panel["complete"] == json!(false)
                        && panel["blocks"] == json!(0)
                })
                .count();
            assert!(precounted >= 5, "{precounted} searches used histograms");
            // Several frequent words with the filters open: facet counts estimated from their
            // histograms, the count exact from their sets, no facet block read.
            let estimated = firsts
                .iter()
                .filter(|f| {
                    let panel = &f["panel"];
                    panel["estimated"] == json!(true)
                        && panel["exact"] == json!(true)
                        && panel["blocks"] == json!(0)
                })
                .count();
            assert!(
                estimated >= 200,
                "{estimated} searches estimated their counts"
            );
            // An exclusion reads the sets of its frequent terms, never their postings.
            let excluding: Vec<_> = cases
                .iter()
                .zip(&firsts)
                .filter(|(_, f)| f["excluded_frequent"].as_u64() > Some(0))
                .collect();
            assert!(excluding.len() >= 2, "{excluding:?}");
            for (case, first) in excluding {
                assert_eq!(first["excluded_segments"], json!(0), "{case:?}: {first}");
            }
            // A frequent word with a filter: the count exact from the sets of the word and
            // the value, facet counts from their histograms, no facet block read.
            let panel = &firsts[11]["panel"];
            assert_eq!(panel["exact"], json!(true), "{}", firsts[11]);
            assert_eq!(panel["estimated"], json!(true), "{}", firsts[11]);
            assert_eq!(panel["blocks"], json!(0), "{}", firsts[11]);
        }
    }
}
