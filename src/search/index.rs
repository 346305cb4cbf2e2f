//! The search index of one language, built from the dataset: entries (recommendations,
//! actions, documents), their terms with quantised BM25 impacts, exact keys (ids and
//! symbols) and facets. Plain data; [`super::export`] turns it into files and
//! [`super::query`] answers queries from it exactly as `search.js` does from the files;
//! [`super::invert`] turns the entries' text into terms and postings.

use std::collections::BTreeMap;

use super::bloom::Bloom;
use super::facets::{FACETS, facets};
use super::invert::invert;
use crate::model::*;
pub use crate::site::search_page::EntryKind;
use crate::site::{Site, excerpt};

/// Characters of text kept for a result's excerpt.
pub const EXCERPT_CHARS: usize = 160;
/// Field boosts: ids and symbols, titles, body text.
const BOOST_SYMBOL: f64 = 3.0;
const BOOST_TITLE: f64 = 2.0;
const BOOST_BODY: f64 = 1.0;
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
pub(super) type Fields = Vec<(f64, String)>;

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

/// The vocabulary key of two terms side by side (a phrase's pair): U+0001, the first term,
/// a space, the second, in decimal. No surface form starts with a control character.
pub fn pair_key(first: u32, second: u32) -> String {
    format!("\u{1}{first} {second}")
}
