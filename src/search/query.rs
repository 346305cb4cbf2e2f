//! Queries, answered from a [`LanguageIndex`] by the same steps, in the same integer
//! arithmetic, as `themes/default/static/search.js` answers them from the exported files.
//! docs/search.md describes the steps.

use std::collections::{BTreeMap, HashMap};

use unicode_normalization::UnicodeNormalization;

use super::analysis::{is_cjk, surfaces};
use super::index::{LanguageIndex, STOP, is_key_candidate, js_order};

/// At most this many query chunks (words, symbols) count.
pub const MAX_CHUNKS: usize = 10;
/// At most this many clauses (after splitting chunks into surface forms) count.
pub const MAX_CLAUSES: usize = 12;
/// A prefix expands to at most this many terms (the most frequent first).
pub const MAX_EXPANSIONS: usize = 16;
/// Latin, Cyrillic, Arabic... prefixes need this many characters before they expand.
pub const MIN_PREFIX_CHARS: usize = 3;
/// A word not in the vocabulary loses at most this many final characters ...
pub const MAX_TRIM: usize = 3;
/// ... and keeps at least this many.
pub const MIN_STEM_CHARS: usize = 4;
/// Score of an exact key match, per unit of key weight: above any sum of word scores.
pub const KEY_SCORE: u64 = 1 << 24;
/// Multipliers of a term reached by its own surface form and by a prefix.
pub const EXACT_MULTIPLIER: u64 = 4;
pub const PREFIX_MULTIPLIER: u64 = 3;

/// A query: the words typed and the facet values chosen.
#[derive(Debug, Clone, Default)]
pub struct Query {
    pub text: String,
    /// (facet name, value key); several values of one facet mean "any of them".
    pub filters: Vec<(String, String)>,
}

/// One whitespace-separated chunk of a query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chunk {
    /// The chunk in lower case when it may be an id or a symbol.
    pub key: Option<String>,
    /// Its surface forms; with `true` for the word being typed (the query's last word when
    /// the query does not end with a space).
    pub words: Vec<(String, bool)>,
}

/// Splits a query into chunks, as `search.js` does.
pub fn parse(text: &str) -> Vec<Chunk> {
    let normalized: String = text.nfkc().collect();
    let open = normalized.chars().last().is_some_and(|c| c > ' ');
    let chunks: Vec<&str> = normalized
        .split(|c: char| c <= ' ')
        .filter(|c| !c.is_empty())
        .take(MAX_CHUNKS)
        .collect();
    let last_chunk = chunks.len().saturating_sub(1);
    chunks
        .iter()
        .enumerate()
        .map(|(i, chunk)| {
            let lower = chunk.to_ascii_lowercase();
            let words = surfaces(chunk);
            let last_word = words.len().saturating_sub(1);
            Chunk {
                key: is_key_candidate(&lower).then_some(lower),
                words: words
                    .into_iter()
                    .enumerate()
                    .map(|(j, s)| (s, open && i == last_chunk && j == last_word))
                    .collect(),
            }
        })
        .collect()
}

/// A ranked hit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub entry: u32,
    pub score: u64,
}

/// Counts of one facet's values among the results (each facet ignoring its own filter).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FacetCounts {
    pub name: &'static str,
    /// Per value of the facet, in the facet's order.
    pub counts: Vec<u32>,
}

/// What a query found.
#[derive(Debug, Clone)]
pub struct Results {
    /// Every match, best first (ties by entry order). Without words, every entry that passes
    /// the filters, in entry order.
    pub hits: Vec<Hit>,
    pub facets: Vec<FacetCounts>,
    /// Words the index does not know; they were left out of the query.
    pub ignored: Vec<String>,
}

/// How one chunk of the query matches: entry to score.
type Matches = HashMap<u32, u64>;

impl LanguageIndex {
    /// The surface forms starting with `prefix` (a range in JavaScript order).
    fn with_prefix(&self, prefix: &str) -> &[(String, u32)] {
        let start = self
            .vocab
            .partition_point(|(s, _)| js_order(s, prefix).is_lt());
        let len = self.vocab[start..]
            .iter()
            .take_while(|(s, _)| s.starts_with(prefix))
            .count();
        &self.vocab[start..start + len]
    }

    /// The terms a word clause reaches, with their multipliers; `None` for a stop word.
    pub fn expand(&self, surface: &str, prefix: bool) -> Option<Vec<(u32, u64)>> {
        let mut exact: Option<u32> = None;
        let mut others: BTreeMap<u32, ()> = BTreeMap::new();
        let eligible = prefix
            && (surface.chars().count() >= MIN_PREFIX_CHARS
                || surface.chars().next().is_some_and(is_cjk));
        let range = if eligible {
            self.with_prefix(surface)
        } else {
            let start = self
                .vocab
                .partition_point(|(s, _)| js_order(s, surface).is_lt());
            let end = if self.vocab.get(start).is_some_and(|(s, _)| s == surface) {
                start + 1
            } else {
                start
            };
            &self.vocab[start..end]
        };
        let mut stop = false;
        for (s, term) in range {
            if *term == STOP {
                stop |= s == surface;
            } else if s == surface {
                exact = Some(*term);
            } else {
                others.insert(*term, ());
            }
        }
        // An inflection the portal never uses: its longest shortening (by at most MAX_TRIM
        // characters, to at least MIN_STEM_CHARS) that is a surface form or a stem stands in
        // for it; failing that, the longest shortening that starts some surface forms.
        let chars: Vec<char> = surface.chars().collect();
        if stop && exact.is_none() && others.is_empty() {
            return None;
        }
        if exact.is_none() && others.is_empty() && !chars.first().is_some_and(|&c| is_cjk(c)) {
            let shortest = chars.len().saturating_sub(MAX_TRIM).max(MIN_STEM_CHARS);
            let shortenings: Vec<String> = (shortest..chars.len())
                .rev()
                .map(|keep| chars[..keep].iter().collect())
                .collect();
            let whole = shortenings.iter().find_map(|stem| {
                self.with_prefix(stem)
                    .iter()
                    .find(|(s, t)| s == stem && *t != STOP)
                    .map(|(_, t)| *t)
            });
            match whole {
                Some(term) => {
                    others.insert(term, ());
                }
                None => {
                    if let Some(found) = shortenings
                        .iter()
                        .map(|stem| {
                            self.with_prefix(stem)
                                .iter()
                                .filter(|(_, t)| *t != STOP)
                                .map(|(_, t)| (*t, ()))
                                .collect::<Vec<_>>()
                        })
                        .find(|found| !found.is_empty())
                    {
                        others.extend(found);
                    }
                }
            }
        }
        let mut out: Vec<(u32, u64)> = exact.map(|t| (t, EXACT_MULTIPLIER)).into_iter().collect();
        let mut rest: Vec<u32> = others.into_keys().filter(|t| Some(*t) != exact).collect();
        rest.sort_by_key(|&t| (self.terms[t as usize].weight, t));
        out.extend(
            rest.into_iter()
                .take(MAX_EXPANSIONS - out.len())
                .map(|t| (t, PREFIX_MULTIPLIER)),
        );
        Some(out)
    }

    /// Runs a query.
    pub fn search(&self, query: &Query) -> Results {
        let mut ignored = Vec::new();
        let mut matched: Vec<Matches> = Vec::new();
        let mut slots = 0;
        'chunks: for chunk in parse(&query.text) {
            if let Some(postings) = chunk.key.as_ref().and_then(|k| self.keys.get(k)) {
                if slots < MAX_CLAUSES {
                    slots += 1;
                    matched.push(
                        postings
                            .iter()
                            .map(|&(e, w)| (e, u64::from(w) * KEY_SCORE))
                            .collect(),
                    );
                }
                continue;
            }
            for (surface, prefix) in chunk.words {
                if slots >= MAX_CLAUSES {
                    break 'chunks;
                }
                slots += 1;
                let Some(terms) = self.expand(&surface, prefix) else {
                    continue;
                };
                if terms.is_empty() {
                    ignored.push(surface);
                    continue;
                }
                let mut m: Matches = HashMap::new();
                for (term, multiplier) in terms {
                    let data = &self.terms[term as usize];
                    let weight = u64::from(data.weight) * multiplier;
                    for &(entry, impact) in &data.postings {
                        let slot = m.entry(entry).or_insert(0);
                        *slot = (*slot).max(weight * u64::from(impact));
                    }
                }
                matched.push(m);
            }
        }
        let has_words = query.text.chars().any(|c| c > ' ');
        self.finish(query, &matched, has_words, ignored)
    }

    /// Intersects the clauses, applies the filters, counts the facets and ranks.
    fn finish(
        &self,
        query: &Query,
        matched: &[Matches],
        has_words: bool,
        ignored: Vec<String>,
    ) -> Results {
        // Selected values per facet (unknown facets and values are ignored).
        let selected: Vec<Vec<bool>> = self
            .facets
            .iter()
            .map(|facet| {
                let mut chosen = vec![false; facet.values.len()];
                for (name, key) in &query.filters {
                    if name == facet.name {
                        if let Some(v) = facet.values.iter().position(|v| v.key == *key) {
                            chosen[v] = true;
                        }
                    }
                }
                chosen
            })
            .collect();
        let active: Vec<usize> = (0..self.facets.len())
            .filter(|&f| selected[f].iter().any(|&s| s))
            .collect();
        let candidates: Vec<(u32, u64)> = if matched.is_empty() {
            if has_words {
                Vec::new()
            } else {
                (0..self.entries.len() as u32).map(|e| (e, 0)).collect()
            }
        } else {
            let smallest = (0..matched.len())
                .min_by_key(|&i| (matched[i].len(), i))
                .expect("not empty");
            let mut found: Vec<(u32, u64)> = matched[smallest]
                .keys()
                .filter_map(|&e| {
                    let mut score = 0u64;
                    for m in matched {
                        score += m.get(&e)?;
                    }
                    Some((e, score))
                })
                .collect();
            found.sort_unstable();
            found
        };
        let mut counts: Vec<Vec<u32>> = self
            .facets
            .iter()
            .map(|f| vec![0; f.values.len()])
            .collect();
        let mut hits = Vec::new();
        for (entry, score) in candidates {
            let failing: Vec<usize> = active
                .iter()
                .copied()
                .filter(|&f| {
                    !self.facets[f].of_entry[entry as usize]
                        .iter()
                        .any(|&v| selected[f][v as usize])
                })
                .collect();
            match failing.len() {
                0 => {
                    hits.push(Hit { entry, score });
                    for (f, facet) in self.facets.iter().enumerate() {
                        for &v in &facet.of_entry[entry as usize] {
                            counts[f][v as usize] += 1;
                        }
                    }
                }
                1 => {
                    let f = failing[0];
                    for &v in &self.facets[f].of_entry[entry as usize] {
                        counts[f][v as usize] += 1;
                    }
                }
                _ => {}
            }
        }
        hits.sort_by(|a, b| b.score.cmp(&a.score).then(a.entry.cmp(&b.entry)));
        Results {
            hits,
            facets: self
                .facets
                .iter()
                .zip(counts)
                .map(|(facet, counts)| FacetCounts {
                    name: facet.name,
                    counts,
                })
                .collect(),
            ignored,
        }
    }
}
