//! The search index of one language, built from the dataset: entries (recommendations,
//! actions, documents), their terms with quantised BM25 impacts, exact keys (ids and
//! symbols) and facets. Plain data; [`super::export`] turns it into files and
//! [`super::query`] answers queries from it exactly as `search.js` does from the files.

use std::collections::{BTreeMap, HashMap};

use super::analysis::Analyzer;
use super::bloom::Bloom;
use super::facets::{FACETS, facets};
use crate::model::*;
pub use crate::site::search_page::EntryKind;
use crate::site::{Site, excerpt};

/// Characters of text kept for a result's excerpt.
pub const EXCERPT_CHARS: usize = 160;
/// Field boosts: ids and symbols, titles, body text.
const BOOST_SYMBOL: f64 = 3.0;
const BOOST_TITLE: f64 = 2.0;
const BOOST_BODY: f64 = 1.0;
/// BM25 parameters.
const K1: f64 = 1.2;
const B: f64 = 0.75;
/// The term of a stop word in the vocabulary (exported as -1): known, and left out.
pub const STOP: u32 = u32::MAX;
/// Impacts are quantised to 1..=MAX_IMPACT.
pub const MAX_IMPACT: u8 = 15;
/// Key weights: an entry's own id or symbol, and a recommendation's document.
pub const KEY_SELF: u8 = 2;
pub const KEY_DOCUMENT: u8 = 1;

/// One search result as the result list shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub kind: EntryKind,
    pub id: String,
    /// Text or title, shortened to [`EXCERPT_CHARS`].
    pub text: String,
    /// The language `text` is in when it is not the index's language, else empty.
    pub text_lang: String,
    /// Mechanism acronym or name.
    pub mechanism: String,
    /// Document symbol.
    pub symbol: String,
    /// ISO date: a recommendation's date, an action's start, a document's date.
    pub date: String,
    /// Position in the status scale of the government's latest assessment.
    pub status: Option<u32>,
    /// Every assessor's current view of a recommendation by the model's view rule, when an
    /// assessor other than the government has one (else the badge alone says it all).
    pub views: Option<Views>,
    /// The State's response (recommendations).
    pub response: String,
    pub paragraph: String,
}

/// Every assessor's current view, as the result list shows it.
#[derive(Debug, Clone, PartialEq)]
pub enum Views {
    /// The assessors (positions in [`Assessor::ALL`]) agree on the badge's status.
    Agree(Vec<u32>),
    /// They differ: (assessor position, status position) each.
    Differ(Vec<(u32, u32)>),
}

impl Views {
    /// The views of `r`, unless the government's is the only one (or there is none).
    fn of(r: &Recommendation) -> Option<Views> {
        let views = r.effective.views();
        if views.iter().all(|(who, _)| *who == Assessor::Government) {
            return None;
        }
        let position = |who: Assessor| {
            Assessor::ALL
                .iter()
                .position(|(_, a)| *a == who)
                .expect("every assessor is in ALL") as u32
        };
        Some(if r.effective.agree() {
            Views::Agree(views.iter().map(|(who, _)| position(*who)).collect())
        } else {
            Views::Differ(
                views
                    .iter()
                    .map(|(who, e)| (position(*who), e.status.0))
                    .collect(),
            )
        })
    }
}

/// A term: the stemmed form of one or more surface forms.
#[derive(Debug, Clone)]
pub struct TermData {
    /// The stemmed form (only for diagnostics; never published).
    pub stem: String,
    /// Integer inverse document frequency: `max(1, round(10 × ln(1 + (N − df + ½)/(df + ½))))`.
    pub weight: u32,
    /// (entry, impact 1..=15), by entry.
    pub postings: Vec<(u32, u8)>,
}

/// One facet: its values and, for every entry, the values it has.
#[derive(Debug, Clone)]
pub struct Facet {
    /// URL parameter name: `mechanism`, `theme`, ...
    pub name: &'static str,
    pub values: Vec<FacetValue>,
    /// For every entry, the indices of its values, ascending.
    pub of_entry: Vec<Vec<u32>>,
}

#[derive(Debug, Clone)]
pub struct FacetValue {
    /// What the URL carries: an id, a status id, a year.
    pub key: String,
    pub label: String,
    /// The label's language when it is not the index's language, else empty.
    pub label_lang: String,
    /// Entries with this value in the whole index.
    pub count: u32,
}

/// The search index of one language.
#[derive(Debug, Clone)]
pub struct LanguageIndex {
    pub lang: String,
    pub entries: Vec<Entry>,
    /// Every surface form with its term ([`STOP`] for stop words), sorted by UTF-16 code
    /// units (JavaScript's order).
    pub vocab: Vec<(String, u32)>,
    pub terms: Vec<TermData>,
    /// The pairs of terms that stand side by side somewhere but have no term of their own
    /// (see [`pair_key`]).
    pub pairs_seen: Bloom,
    /// Exact keys (lower-case ids and symbols) to (entry, weight), by entry.
    pub keys: BTreeMap<String, Vec<(u32, u8)>>,
    pub facets: Vec<Facet>,
    /// Status scale: (id, label in this language).
    pub statuses: Vec<(String, String)>,
    /// Responses: (id, label in this language).
    pub responses: Vec<(String, String)>,
    /// Assessors in [`Assessor::ALL`] order: (id, short label in this language).
    pub assessors: Vec<(String, String)>,
    /// How a result names who agreed: (several agree, one assessed, list separator), with
    /// `{who}` where the names go.
    pub views_messages: (String, String, String),
}

/// Compares strings as JavaScript does: by UTF-16 code units.
pub fn js_order(a: &str, b: &str) -> std::cmp::Ordering {
    a.encode_utf16().cmp(b.encode_utf16())
}

/// True when a query chunk (lower case) may be an id or a symbol: only `a-z 0-9 . _ - /`,
/// at least two characters, and a digit or punctuation among them.
pub fn is_key_candidate(chunk: &str) -> bool {
    chunk.len() >= 2
        && chunk
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b".-_/".contains(&b))
        && chunk
            .bytes()
            .any(|b| b.is_ascii_digit() || b".-_/".contains(&b))
}

/// An entry's text fields: (boost, text).
type Fields = Vec<(f64, String)>;

/// The entries of an index being built, with their text fields and exact keys.
#[derive(Default)]
struct Collected {
    entries: Vec<Entry>,
    fields: Vec<Fields>,
    keys: BTreeMap<String, BTreeMap<u32, u8>>,
}

impl Collected {
    /// The entry the next push makes.
    fn next(&self) -> u32 {
        self.entries.len() as u32
    }

    fn key(&mut self, key: &str, entry: u32, weight: u8) {
        let key = key.to_ascii_lowercase();
        if is_key_candidate(&key) {
            let slot = self.keys.entry(key).or_default().entry(entry).or_insert(0);
            *slot = (*slot).max(weight);
        }
    }

    fn push(&mut self, entry: Entry, fields: Fields) {
        self.entries.push(entry);
        self.fields.push(fields);
    }
}

/// What every entry of `lang` needs to know of the site.
struct Source<'a> {
    site: &'a Site<'a>,
    lang: &'a str,
}

impl Source<'_> {
    fn mechanism_label(&self, m: MechanismId) -> String {
        let mechanism = &self.site.data.mechanisms[m.index()];
        mechanism
            .acronym
            .clone()
            .unwrap_or_else(|| self.site.localize(&mechanism.name, self.lang).text)
    }

    /// The text in the index's language or its fallback: (text, its language when a fallback).
    fn localized(&self, text: &Text) -> (String, String) {
        match text.pick(self.lang, &self.site.data.config.default_language) {
            Some((actual, value)) => (
                value.to_string(),
                if actual == self.lang {
                    String::new()
                } else {
                    actual.to_string()
                },
            ),
            None => (String::new(), String::new()),
        }
    }

    fn recommendation(&self, c: &mut Collected, r: &Recommendation) {
        let d = self.site.data;
        let entry = c.next();
        let document = &d.documents[r.document.index()];
        let (text, text_lang) = self.localized(&r.text);
        let mut symbol = vec![r.key.id.clone(), document.symbol.clone()];
        symbol.extend(r.aliases.iter().map(|a| a.id.clone()));
        symbol.extend(r.paragraph.clone());
        symbol.extend(d.mechanisms[r.mechanism.index()].acronym.clone());
        let mut body = vec![text.clone()];
        body.extend(d.state_names(&r.recommending_states, &d.config.default_language));
        c.key(&r.key.id, entry, KEY_SELF);
        for alias in &r.aliases {
            c.key(&alias.id, entry, KEY_SELF);
        }
        c.key(&document.symbol, entry, KEY_DOCUMENT);
        c.key(&document.key.id, entry, KEY_DOCUMENT);
        let fields = vec![
            (BOOST_SYMBOL, symbol.join(" ")),
            (BOOST_BODY, body.join(" ")),
        ];
        let row = Entry {
            kind: EntryKind::Recommendation,
            id: r.key.id.clone(),
            text: excerpt(&text, EXCERPT_CHARS),
            text_lang,
            mechanism: self.mechanism_label(r.mechanism),
            symbol: document.symbol.clone(),
            date: r.date.to_string(),
            status: None,
            views: Views::of(r),
            response: r.response.id().to_string(),
            paragraph: r.paragraph.clone().unwrap_or_default(),
        };
        c.push(row, fields);
    }

    fn action(&self, c: &mut Collected, a: &Action) {
        let entry = c.next();
        let (title, text_lang) = self.localized(&a.title);
        let (description, _) = self.localized(&a.description);
        let fields = vec![
            (BOOST_SYMBOL, a.key.id.clone()),
            (BOOST_TITLE, title.clone()),
            (BOOST_BODY, description),
        ];
        c.key(&a.key.id, entry, KEY_SELF);
        let row = Entry {
            kind: EntryKind::Action,
            id: a.key.id.clone(),
            text: excerpt(&title, EXCERPT_CHARS),
            text_lang,
            mechanism: String::new(),
            symbol: String::new(),
            date: a.start_date.map(|d| d.to_string()).unwrap_or_default(),
            status: None,
            views: None,
            response: String::new(),
            paragraph: String::new(),
        };
        c.push(row, fields);
    }

    fn document(&self, c: &mut Collected, doc: &Document) {
        let d = self.site.data;
        let entry = c.next();
        let (title, text_lang) = self.localized(&doc.title);
        let mut symbol = vec![doc.symbol.clone(), doc.key.id.clone()];
        symbol.extend(d.mechanisms[doc.mechanism.index()].acronym.clone());
        let fields = vec![
            (BOOST_SYMBOL, symbol.join(" ")),
            (BOOST_TITLE, title.clone()),
        ];
        c.key(&doc.symbol, entry, KEY_SELF);
        c.key(&doc.key.id, entry, KEY_SELF);
        let text = if title.is_empty() {
            doc.symbol.clone()
        } else {
            excerpt(&title, EXCERPT_CHARS)
        };
        let row = Entry {
            kind: EntryKind::Document,
            id: doc.key.id.clone(),
            text,
            text_lang,
            mechanism: self.mechanism_label(doc.mechanism),
            symbol: doc.symbol.clone(),
            date: doc.date.to_string(),
            status: None,
            views: None,
            response: String::new(),
            paragraph: String::new(),
        };
        c.push(row, fields);
    }
}

/// Builds the index of `lang`.
pub fn build(site: &Site, lang: &str) -> LanguageIndex {
    let d = site.data;
    let source = Source { site, lang };
    let mut c = Collected::default();
    for r in &d.recommendations {
        source.recommendation(&mut c, r);
    }
    for a in &d.actions {
        source.action(&mut c, a);
    }
    for doc in &d.documents {
        source.document(&mut c, doc);
    }
    let Collected {
        mut entries,
        fields,
        keys,
    } = c;

    let (vocab, terms, pairs_seen) = invert(lang, &fields);
    let keys = keys
        .into_iter()
        .map(|(k, postings)| (k, postings.into_iter().collect()))
        .collect();
    let facets = facets(site, lang, &entries);
    // The badge shows the status the status facet (and the status pages) file it under.
    let status_facet = &facets[FACETS.iter().position(|f| *f == "status").expect("status")];
    for (entry, values) in entries.iter_mut().zip(&status_facet.of_entry) {
        entry.status = values.first().and_then(|&v| {
            let key = &status_facet.values[v as usize].key;
            d.config
                .statuses
                .iter()
                .position(|s| s.id == *key)
                .map(|p| p as u32)
        });
    }
    LanguageIndex {
        lang: lang.to_string(),
        entries,
        vocab,
        terms,
        pairs_seen,
        keys,
        facets,
        statuses: d
            .config
            .statuses
            .iter()
            .enumerate()
            .map(|(i, s)| (s.id.clone(), site.status_label(StatusId(i as u32), lang)))
            .collect(),
        responses: Response::ALL
            .iter()
            .map(|(id, _)| {
                (
                    id.to_string(),
                    site.i18n.message(lang, &format!("response-{id}"), None),
                )
            })
            .collect(),
        assessors: Assessor::ALL
            .iter()
            .map(|&(id, who)| (id.to_string(), site.assessor_label(who, lang)))
            .collect(),
        views_messages: (
            views_message(site, lang, "views-agree"),
            views_message(site, lang, "views-by"),
            site.i18n.message(lang, "views-list-separator", None),
        ),
    }
}

/// A `{ $who }` message with `{who}` left in for the result list to fill.
fn views_message(site: &Site, lang: &str, key: &str) -> String {
    let mut args = fluent_bundle::FluentArgs::new();
    args.set("who", "{who}");
    site.i18n.message(lang, key, Some(&args))
}

/// Every entry's terms, before the terms have their final ids.
struct Analysed {
    /// Surface form to its stem's provisional index (None: a stop word or too long).
    surface_terms: HashMap<String, Option<u32>>,
    /// The stems, by provisional index.
    stems: Vec<String>,
    /// Per entry: (provisional term, weighted tf), and the entry's length in tokens.
    per_entry: Vec<(Vec<(u32, f64)>, f64)>,
    /// Per entry: (pair of provisional terms side by side, weighted tf), for phrases.
    pairs_of_entry: Vec<Vec<((u32, u32), f64)>>,
}

fn analyse(lang: &str, fields: &[Fields]) -> Analysed {
    let mut analyzer = Analyzer::new(lang);
    let mut a = Analysed {
        surface_terms: HashMap::new(),
        stems: Vec::new(),
        per_entry: Vec::with_capacity(fields.len()),
        pairs_of_entry: Vec::with_capacity(fields.len()),
    };
    let mut stem_index: HashMap<String, u32> = HashMap::new();
    for entry_fields in fields {
        let mut tf: HashMap<u32, f64> = HashMap::new();
        let mut pair_tf: HashMap<(u32, u32), f64> = HashMap::new();
        let mut length = 0.0;
        for (boost, text) in entry_fields {
            let mut found: Vec<String> = Vec::new();
            analyzer.each_surface(text, |s| found.push(s.to_string()));
            // Stop words are skipped, not breaks: "places of detention" pairs place, detent.
            let mut previous: Option<u32> = None;
            for surface in found {
                length += 1.0;
                let term = match a.surface_terms.get(&surface) {
                    Some(term) => *term,
                    None => {
                        let term = analyzer.term(&surface).map(|stem| {
                            let next = a.stems.len() as u32;
                            *stem_index.entry(stem.clone()).or_insert_with(|| {
                                a.stems.push(stem);
                                next
                            })
                        });
                        a.surface_terms.insert(surface, term);
                        term
                    }
                };
                if let Some(term) = term {
                    *tf.entry(term).or_insert(0.0) += boost;
                    if let Some(before) = previous {
                        *pair_tf.entry((before, term)).or_insert(0.0) += boost;
                    }
                    previous = Some(term);
                }
            }
        }
        let mut tf: Vec<(u32, f64)> = tf.into_iter().collect();
        tf.sort_by_key(|(t, _)| *t);
        a.per_entry.push((tf, length));
        let mut pair_tf: Vec<((u32, u32), f64)> = pair_tf.into_iter().collect();
        pair_tf.sort_by_key(|(p, _)| *p);
        a.pairs_of_entry.push(pair_tf);
    }
    a
}

/// Analyses every field and builds the vocabulary and the postings with BM25 impacts.
fn invert(lang: &str, fields: &[Fields]) -> (Vec<(String, u32)>, Vec<TermData>, Bloom) {
    let Analysed {
        surface_terms,
        stems,
        per_entry,
        pairs_of_entry,
    } = analyse(lang, fields);

    let (mut vocab, final_id) = vocabulary(&surface_terms, &stems);
    let mut terms: Vec<TermData> = (0..stems.len())
        .map(|_| TermData {
            stem: String::new(),
            weight: 0,
            postings: Vec::new(),
        })
        .collect();
    for (provisional, stem) in stems.into_iter().enumerate() {
        terms[final_id[provisional] as usize].stem = stem;
    }
    let (pairs, unlisted) =
        pairs_worth_keeping(&per_entry, &pairs_of_entry, &final_id, terms.len());
    let unlisted: Vec<String> = unlisted.iter().map(|&(a, b)| pair_key(a, b)).collect();
    let pairs_seen = Bloom::new(&unlisted);
    let pair_term: HashMap<(u32, u32), u32> = pairs
        .iter()
        .enumerate()
        .map(|(i, &pair)| (pair, (terms.len() + i) as u32))
        .collect();
    let mut pair_rows: Vec<(String, u32)> = pairs
        .iter()
        .map(|&(a, b)| (pair_key(a, b), pair_term[&(a, b)]))
        .collect();
    pair_rows.sort_by(|x, y| js_order(&x.0, &y.0));
    terms.extend(pairs.iter().map(|(a, b)| TermData {
        stem: format!("{a}+{b}"),
        weight: 0,
        postings: Vec::new(),
    }));
    // Pair keys start with U+0001, before every surface form.
    pair_rows.append(&mut vocab);
    let vocab = pair_rows;

    score(
        &mut terms,
        &per_entry,
        &pairs_of_entry,
        &final_id,
        &pair_term,
    );
    (vocab, terms, pairs_seen)
}

/// The vocabulary sorted in JavaScript order, its terms renumbered (`final_id`, by
/// provisional index): final ids follow each term's first surface form, so that the terms
/// of a prefix sit together in the postings. Stop words stay in the vocabulary, marked, so
/// that a query can leave them out.
fn vocabulary(
    surface_terms: &HashMap<String, Option<u32>>,
    stems: &[String],
) -> (Vec<(String, u32)>, Vec<u32>) {
    let mut vocab: Vec<(String, u32)> = surface_terms
        .iter()
        .map(|(s, t)| (s.clone(), t.unwrap_or(STOP)))
        .collect();
    // A stem is also a way to write its term (Arabic words without their article, for one),
    // unless it is already a surface form of its own.
    for (provisional, stem) in stems.iter().enumerate() {
        if !surface_terms.contains_key(stem) && super::analysis::surfaces(stem) == [stem.as_str()] {
            vocab.push((stem.clone(), provisional as u32));
        }
    }
    vocab.sort_by(|a, b| js_order(&a.0, &b.0));
    let mut final_id: Vec<Option<u32>> = vec![None; stems.len()];
    let mut next = 0;
    for (_, provisional) in &vocab {
        if *provisional != STOP && final_id[*provisional as usize].is_none() {
            final_id[*provisional as usize] = Some(next);
            next += 1;
        }
    }
    let final_id: Vec<u32> = final_id
        .into_iter()
        .map(|id| id.expect("every stem has a surface form"))
        .collect();
    for (_, term) in vocab.iter_mut() {
        if *term != STOP {
            *term = final_id[*term as usize];
        }
    }
    (vocab, final_id)
}

/// Postings with BM25 impacts (terms by final id, pairs kept by their term) and the terms'
/// integer idf weights.
fn score(
    terms: &mut [TermData],
    per_entry: &[(Vec<(u32, f64)>, f64)],
    pairs_of_entry: &[Vec<((u32, u32), f64)>],
    final_id: &[u32],
    pair_term: &HashMap<(u32, u32), u32>,
) {
    let n = per_entry.len() as f64;
    let average = if per_entry.is_empty() {
        1.0
    } else {
        (per_entry.iter().map(|(_, l)| l).sum::<f64>() / n).max(1.0)
    };
    for (entry, (tf, length)) in per_entry.iter().enumerate() {
        let norm = K1 * (1.0 - B + B * length / average);
        for (provisional, tf) in tf {
            let level = impact(*tf, norm);
            terms[final_id[*provisional as usize] as usize]
                .postings
                .push((entry as u32, level));
        }
        for ((a, b), tf) in &pairs_of_entry[entry] {
            let level = impact(*tf, norm);
            let pair = (final_id[*a as usize], final_id[*b as usize]);
            if let Some(&term) = pair_term.get(&pair) {
                terms[term as usize].postings.push((entry as u32, level));
            }
        }
    }
    for term in terms.iter_mut() {
        let df = term.postings.len() as f64;
        let idf = (1.0 + (n - df + 0.5) / (df + 0.5)).ln();
        term.weight = ((idf * 10.0).round() as u32).max(1);
    }
}

/// Two terms side by side, first then second.
type TermPair = (u32, u32);

/// The pairs of terms side by side (final ids) that a phrase needs: those where some entry
/// has both terms but not side by side in that order. For any other pair, the entries with
/// both terms are exactly the entries with the pair, so a phrase query uses the terms; those
/// come second (for the Bloom filter of pairs seen).
fn pairs_worth_keeping(
    per_entry: &[(Vec<(u32, f64)>, f64)],
    pairs_of_entry: &[Vec<((u32, u32), f64)>],
    final_id: &[u32],
    term_count: usize,
) -> (Vec<TermPair>, Vec<TermPair>) {
    let mut entries_of_term: Vec<Vec<u32>> = vec![Vec::new(); term_count];
    for (entry, (tf, _)) in per_entry.iter().enumerate() {
        for (provisional, _) in tf {
            entries_of_term[final_id[*provisional as usize] as usize].push(entry as u32);
        }
    }
    let mut side_by_side: HashMap<(u32, u32), u32> = HashMap::new();
    for pairs in pairs_of_entry {
        for ((a, b), _) in pairs {
            *side_by_side
                .entry((final_id[*a as usize], final_id[*b as usize]))
                .or_insert(0) += 1;
        }
    }
    let (mut kept, mut unlisted): (Vec<_>, Vec<_>) =
        side_by_side.into_iter().partition(|&((a, b), adjacent)| {
            let (short, long) = {
                let (x, y) = (&entries_of_term[a as usize], &entries_of_term[b as usize]);
                if x.len() <= y.len() { (x, y) } else { (y, x) }
            };
            let both = short
                .iter()
                .filter(|e| long.binary_search(e).is_ok())
                .count();
            both as u32 > adjacent
        });
    kept.sort_unstable();
    unlisted.sort_unstable();
    let firsts = |pairs: Vec<((u32, u32), u32)>| pairs.into_iter().map(|(p, _)| p).collect();
    (firsts(kept), firsts(unlisted))
}

/// BM25's saturated term frequency, quantised to 1..=MAX_IMPACT.
fn impact(tf: f64, norm: f64) -> u8 {
    let saturated = tf * (K1 + 1.0) / (tf + norm);
    (saturated / (K1 + 1.0) * f64::from(MAX_IMPACT))
        .round()
        .clamp(1.0, f64::from(MAX_IMPACT)) as u8
}

/// The vocabulary key of two terms side by side (a phrase's pair): U+0001, the first term,
/// a space, the second, in decimal. No surface form starts with a control character.
pub fn pair_key(first: u32, second: u32) -> String {
    format!("\u{1}{first} {second}")
}
