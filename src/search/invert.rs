//! From the text fields of every entry to the index's vocabulary, its terms' postings with
//! quantised BM25 impacts, and the pairs of terms side by side that phrases need.

use std::collections::HashMap;

use super::analysis::Analyzer;
use super::bloom::Bloom;
use super::index::{Fields, MAX_IMPACT, STOP, TermData, js_order, pair_key};

/// BM25 parameters.
const K1: f64 = 1.2;
const B: f64 = 0.75;

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
pub(super) fn invert(lang: &str, fields: &[Fields]) -> (Vec<(String, u32)>, Vec<TermData>, Bloom) {
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
