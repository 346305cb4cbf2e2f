//! Queries, answered from a [`LanguageIndex`] by the same steps, in the same integer
//! arithmetic, as `themes/default/static/search.js` answers them from the exported files.
//! docs/search.md describes the steps.

use std::collections::{BTreeMap, HashMap, HashSet};

use super::analysis::is_cjk;
use super::estimate::{self, Counting};
use super::index::{LanguageIndex, STOP, js_order, pair_key};
use super::syntax::{Chunk, parse};
use super::typo;

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
/// Multipliers of a term reached by its own surface form, by a prefix or a shortening, and
/// by a correction with one edit and with two: a typo ranks below what was typed.
pub const EXACT_MULTIPLIER: u64 = 4;
pub const PREFIX_MULTIPLIER: u64 = 3;
pub const TYPO_MULTIPLIERS: [u64; 2] = [2, 1];
/// A misspelt word reaches at most this many corrections, all at the fewest edits any
/// vocabulary word needs (the most frequent first): each costs its postings on the wire.
pub const MAX_CORRECTIONS: usize = 4;

/// A query: the words typed and the facet values chosen.
#[derive(Debug, Clone, Default)]
pub struct Query {
    pub text: String,
    /// (facet name, value key); several values of one facet mean "any of them".
    pub filters: Vec<(String, String)>,
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
    /// Exact counts.
    pub facets: Vec<FacetCounts>,
    /// How the filters panel counts this query; with [`Counting::Estimated`] or
    /// [`Counting::Filtered`], `estimate` holds what it shows.
    pub counting: Counting,
    pub estimate: Option<Vec<FacetCounts>>,
    /// Words the index does not know; they were left out of the query.
    pub ignored: Vec<String>,
    /// When nothing matches: the query with its unknown words replaced by their nearest
    /// vocabulary words, if that finds something ("Did you mean …").
    pub suggestion: Option<String>,
}

/// A query compiled against the vocabulary.
#[derive(Default)]
struct Compiled {
    /// Every clause must match: a key's (entry, score) or terms with their factors.
    clauses: Vec<Clause>,
    /// Entries matching every set of terms of a group are left out.
    exclude: Vec<Vec<Vec<u32>>>,
    ignored: Vec<String>,
    /// Whether the query has anything but exclusions.
    has_words: bool,
}

enum Clause {
    Key(Matches),
    /// (term, weight × multiplier): an entry scores the best factor × impact over them.
    Terms(Vec<(u32, u64)>),
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
    /// With `typos`, a word not in the vocabulary also reaches its corrections (when it is
    /// being typed, only if it reaches nothing else).
    pub fn expand(&self, surface: &str, prefix: bool, typos: bool) -> Option<Vec<(u32, u64)>> {
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
            others.extend(self.shortened(&chars).into_iter().map(|t| (t, ())));
        }
        let mut out: Vec<(u32, u64)> = exact.map(|t| (t, EXACT_MULTIPLIER)).into_iter().collect();
        let mut rest: Vec<u32> = others.into_keys().filter(|t| Some(*t) != exact).collect();
        rest.sort_by_key(|&t| (self.terms[t as usize].weight, t));
        out.extend(rest.into_iter().map(|t| (t, PREFIX_MULTIPLIER)));
        if typos && exact.is_none() && (!eligible || out.is_empty()) {
            let nearest = self.corrections(&chars, typo::max_edits(&chars));
            for (term, edits) in nearest.into_iter().take(MAX_CORRECTIONS) {
                if !out.iter().any(|&(t, _)| t == term) {
                    out.push((term, TYPO_MULTIPLIERS[edits - 1]));
                }
            }
        }
        out.truncate(MAX_EXPANSIONS);
        Some(out)
    }

    /// The terms a word never seen stands for by its shortenings (see [`Self::expand`]).
    fn shortened(&self, chars: &[char]) -> Vec<u32> {
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
        if let Some(term) = whole {
            return vec![term];
        }
        shortenings
            .iter()
            .map(|stem| {
                self.with_prefix(stem)
                    .iter()
                    .filter(|(_, t)| *t != STOP)
                    .map(|(_, t)| *t)
                    .collect::<Vec<_>>()
            })
            .find(|found| !found.is_empty())
            .unwrap_or_default()
    }

    /// The vocabulary words nearest to `word`, within `max` edits: (term, edits ≥ 1, its
    /// surface), all at the same (fewest) edits, the most frequent (lowest weight) first, then
    /// by term; one per term. Nearest only, so that the client can stop at the first number
    /// of edits that finds a word (search.js `corrections`).
    fn corrections_with_surfaces(&self, word: &[char], max: usize) -> Vec<(u32, usize, &str)> {
        if max == 0 {
            return Vec::new();
        }
        let mut best: HashMap<u32, (usize, &str)> = HashMap::new();
        for (surface, term) in &self.vocab {
            if *term == STOP || !typo::correctable(surface) {
                continue;
            }
            let other: Vec<char> = surface.chars().collect();
            if let Some(edits) = typo::distance(word, &other, max).filter(|&e| e > 0) {
                let slot = best.entry(*term).or_insert((edits, surface));
                if edits < slot.0 {
                    *slot = (edits, surface);
                }
            }
        }
        let mut found: Vec<(u32, usize, &str)> =
            best.into_iter().map(|(t, (e, s))| (t, e, s)).collect();
        found.sort_by_key(|&(t, e, _)| (e, self.terms[t as usize].weight, t));
        let fewest = found.first().map_or(0, |&(_, e, _)| e);
        found.retain(|&(_, e, _)| e == fewest);
        found
    }

    fn corrections(&self, word: &[char], max: usize) -> Vec<(u32, usize)> {
        self.corrections_with_surfaces(word, max)
            .into_iter()
            .map(|(t, e, _)| (t, e))
            .collect()
    }

    /// The clauses of a phrase: side by side pairs of its words' terms (stop words left out)
    /// where the index has the pair, else both terms when the pair is seen somewhere (then
    /// every entry with both has them side by side); one word is its term. A word the index
    /// does not know, or a pair never seen, makes a clause no entry matches.
    fn phrase(&self, words: &[(String, bool)]) -> Vec<Vec<(u32, u64)>> {
        let mut terms = Vec::new();
        for (surface, _) in words {
            match self.expand(surface, false, false) {
                None => {}
                Some(found) => match found.first() {
                    Some(&(term, _)) => terms.push(term),
                    None => return vec![Vec::new()],
                },
            }
        }
        let single = |t: u32| {
            vec![(
                t,
                u64::from(self.terms[t as usize].weight) * EXACT_MULTIPLIER,
            )]
        };
        if terms.len() == 1 {
            return vec![single(terms[0])];
        }
        let mut clauses = Vec::new();
        for pair in terms.windows(2) {
            let key = pair_key(pair[0], pair[1]);
            let start = self
                .vocab
                .partition_point(|(s, _)| js_order(s, &key).is_lt());
            match self.vocab.get(start).filter(|(s, _)| *s == key) {
                Some(&(_, term)) => clauses.push(single(term)),
                None if self.pairs_seen.contains(&key) => {
                    clauses.push(single(pair[0]));
                    clauses.push(single(pair[1]));
                }
                // The two words never stand side by side.
                None => return vec![Vec::new()],
            }
        }
        clauses
    }

    /// The sets of terms an exclusion chunk leaves out (entries in every set).
    fn exclusion(&self, chunk: &Chunk) -> Vec<Vec<u32>> {
        if chunk.phrase {
            self.phrase(&chunk.words)
                .into_iter()
                .map(|cl| cl.into_iter().map(|(t, _)| t).collect())
                .collect()
        } else {
            chunk
                .words
                .iter()
                .filter_map(|(s, _)| self.expand(s, false, false))
                .map(|terms| terms.into_iter().map(|(t, _)| t).collect())
                .collect()
        }
    }

    /// Compiles the chunks of a query into clauses and exclusions.
    fn compile(&self, chunks: &[Chunk]) -> Compiled {
        let mut c = Compiled::default();
        let mut slots = 0;
        // The clause of the previous chunk's last word, which an `OR` joins.
        let mut joinable: Option<usize> = None;
        for chunk in chunks {
            if slots >= MAX_CLAUSES {
                break;
            }
            let previous = joinable.take();
            if chunk.exclude {
                slots += 1;
                let group = self.exclusion(chunk);
                if !group.is_empty() && group.iter().all(|set| !set.is_empty()) {
                    c.exclude.push(group);
                }
                continue;
            }
            c.has_words = true;
            if let Some(postings) = chunk.key.as_ref().and_then(|k| self.keys.get(k)) {
                slots += 1;
                let key = postings
                    .iter()
                    .map(|&(e, w)| (e, u64::from(w) * KEY_SCORE))
                    .collect();
                c.clauses.push(Clause::Key(key));
                continue;
            }
            if chunk.phrase {
                for clause in self.phrase(&chunk.words) {
                    if slots < MAX_CLAUSES {
                        slots += 1;
                        c.clauses.push(Clause::Terms(clause));
                    }
                }
                continue;
            }
            for (j, (surface, prefix)) in chunk.words.iter().enumerate() {
                if slots >= MAX_CLAUSES {
                    break;
                }
                slots += 1;
                let Some(terms) = self.expand(surface, *prefix, true) else {
                    continue;
                };
                if terms.is_empty() {
                    c.ignored.push(surface.clone());
                    continue;
                }
                let weighted: Vec<(u32, u64)> = terms
                    .into_iter()
                    .map(|(t, m)| (t, u64::from(self.terms[t as usize].weight) * m))
                    .collect();
                match previous.filter(|_| chunk.or && j == 0) {
                    Some(at) => {
                        if let Clause::Terms(terms) = &mut c.clauses[at] {
                            terms.extend(weighted);
                        }
                        joinable = Some(at);
                    }
                    None => {
                        c.clauses.push(Clause::Terms(weighted));
                        joinable = Some(c.clauses.len() - 1);
                    }
                }
            }
        }
        c
    }

    /// Runs a query.
    pub fn search(&self, query: &Query) -> Results {
        let chunks = parse(&query.text);
        let mut results = self.run(query, &chunks);
        if results.hits.is_empty() {
            results.suggestion = self.suggest(&chunks).filter(|text| {
                let again = Query {
                    text: text.clone(),
                    filters: query.filters.clone(),
                };
                !self.run(&again, &parse(text)).hits.is_empty()
            });
        }
        results
    }

    fn run(&self, query: &Query, chunks: &[Chunk]) -> Results {
        let compiled = self.compile(chunks);
        let matched: Vec<Matches> = compiled
            .clauses
            .iter()
            .map(|clause| match clause {
                Clause::Key(m) => m.clone(),
                Clause::Terms(terms) => self.term_matches(terms),
            })
            .collect();
        let mut excluded: HashSet<u32> = HashSet::new();
        for group in &compiled.exclude {
            let sets: Vec<HashSet<u32>> = group
                .iter()
                .map(|set| {
                    set.iter()
                        .flat_map(|&t| self.terms[t as usize].postings.iter().map(|p| p.0))
                        .collect()
                })
                .collect();
            excluded.extend(
                sets[0]
                    .iter()
                    .filter(|e| sets.iter().all(|s| s.contains(e))),
            );
        }
        let selected = self.selected_values(query);
        let shape: Vec<Option<Vec<u32>>> = compiled
            .clauses
            .iter()
            .map(|clause| match clause {
                Clause::Key(_) => None,
                Clause::Terms(terms) => Some(terms.iter().map(|&(t, _)| t).collect()),
            })
            .collect();
        let filtered = selected.iter().flatten().any(|&s| s);
        let counting = estimate::counting(
            self,
            &shape,
            &compiled.exclude,
            filtered,
            compiled.has_words,
        );
        let (mut results, totals) = self.finish(&selected, &matched, &excluded, compiled.has_words);
        results.ignored = compiled.ignored;
        results.counting = counting;
        if matches!(counting, Counting::Estimated | Counting::Filtered) {
            let filters = estimate::filters(self, &selected);
            let counts = estimate::estimate(self, &shape, &compiled.exclude, &filters, &totals);
            results.estimate = Some(self.facet_counts(counts));
        }
        results
    }

    /// Per facet, per value, whether a filter chooses it (unknown facets and values are
    /// ignored).
    fn selected_values(&self, query: &Query) -> Vec<Vec<bool>> {
        self.facets
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
            .collect()
    }

    fn facet_counts(&self, counts: Vec<Vec<u32>>) -> Vec<FacetCounts> {
        self.facets
            .iter()
            .zip(counts)
            .map(|(facet, counts)| FacetCounts {
                name: facet.name,
                counts,
            })
            .collect()
    }

    /// The entries in every clause with their summed scores, by entry; without clauses,
    /// every entry (or none when the query's words all were left out).
    fn candidates(&self, matched: &[Matches], has_words: bool) -> Vec<(u32, u64)> {
        if matched.is_empty() {
            return if has_words {
                Vec::new()
            } else {
                (0..self.entries.len() as u32).map(|e| (e, 0)).collect()
            };
        }
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
    }

    fn term_matches(&self, terms: &[(u32, u64)]) -> Matches {
        let mut m: Matches = HashMap::new();
        for &(term, factor) in terms {
            for &(entry, impact) in &self.terms[term as usize].postings {
                let slot = m.entry(entry).or_insert(0);
                *slot = (*slot).max(factor * u64::from(impact));
            }
        }
        m
    }

    /// "Did you mean": the query with every word that is neither in the vocabulary nor a
    /// stop word replaced by its nearest vocabulary word (one edit more than a typo may
    /// have); `None` when no word changes.
    fn suggest(&self, chunks: &[Chunk]) -> Option<String> {
        let mut changed = false;
        let mut parts = Vec::new();
        for chunk in chunks {
            let mut words = Vec::new();
            for (surface, _) in &chunk.words {
                let known = self
                    .expand(surface, false, false)
                    .is_none_or(|terms| terms.first().is_some_and(|t| t.1 == EXACT_MULTIPLIER));
                let chars: Vec<char> = surface.chars().collect();
                let max = typo::max_edits(&chars);
                let nearest = (!known && max > 0)
                    .then(|| self.corrections_with_surfaces(&chars, max + 1))
                    .and_then(|found| found.first().map(|f| f.2.to_string()));
                match nearest {
                    Some(word) => {
                        changed = true;
                        words.push(word);
                    }
                    None => words.push(surface.clone()),
                }
            }
            let text = match &chunk.key {
                Some(key) if self.keys.contains_key(key) => key.clone(),
                _ => words.join(" "),
            };
            let text = if chunk.phrase {
                format!("\"{text}\"")
            } else {
                text
            };
            let sign = if chunk.exclude { "-" } else { "" };
            let or = if chunk.or { "OR " } else { "" };
            parts.push(format!("{or}{sign}{text}"));
        }
        changed.then(|| parts.join(" "))
    }

    /// Intersects the clauses, applies the filters, counts the facets and ranks; with, per
    /// facet, the matches that pass every filter but its own.
    fn finish(
        &self,
        selected: &[Vec<bool>],
        matched: &[Matches],
        excluded: &HashSet<u32>,
        has_words: bool,
    ) -> (Results, Vec<u32>) {
        let active: Vec<usize> = (0..self.facets.len())
            .filter(|&f| selected[f].iter().any(|&s| s))
            .collect();
        let candidates = self.candidates(matched, has_words);
        let mut counts: Vec<Vec<u32>> = self
            .facets
            .iter()
            .map(|f| vec![0; f.values.len()])
            .collect();
        let mut hits = Vec::new();
        let mut failing_only = vec![0u32; self.facets.len()];
        for (entry, score) in candidates {
            if excluded.contains(&entry) {
                continue;
            }
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
                    failing_only[f] += 1;
                    for &v in &self.facets[f].of_entry[entry as usize] {
                        counts[f][v as usize] += 1;
                    }
                }
                _ => {}
            }
        }
        hits.sort_by(|a, b| b.score.cmp(&a.score).then(a.entry.cmp(&b.entry)));
        let totals = failing_only.iter().map(|n| n + hits.len() as u32).collect();
        let results = Results {
            hits,
            facets: self.facet_counts(counts),
            counting: Counting::Exact,
            estimate: None,
            ignored: Vec::new(),
            suggestion: None,
        };
        (results, totals)
    }
}
