//! Precomputed counts for frequent terms: how many entries have the term (exact totals
//! without reading the whole posting list) and, per facet value, how many of those have the
//! value (facet counts of a one-word query without reading postings or facet blocks).
//! docs/search.md, "Counts".

use super::index::LanguageIndex;

/// Terms in at least this many entries get a histogram (and their count in the vocabulary).
pub const MIN_ENTRIES: usize = 64;

/// True when the term has a histogram.
pub fn has_histogram(index: &LanguageIndex, term: u32) -> bool {
    index.terms[term as usize].postings.len() >= MIN_ENTRIES
}

/// Per facet (manifest order), per value, how many of the term's entries have the value.
pub fn of_term(index: &LanguageIndex, term: u32) -> Vec<Vec<u32>> {
    index
        .facets
        .iter()
        .map(|facet| {
            let mut counts = vec![0u32; facet.values.len()];
            for &(entry, _) in &index.terms[term as usize].postings {
                for &v in &facet.of_entry[entry as usize] {
                    counts[v as usize] += 1;
                }
            }
            counts
        })
        .collect()
}

/// The terms with a histogram, ascending, and each one's file: per facet (manifest order),
/// `[value, count, value, count, …]` for the values with a count, as JSON.
pub fn files(index: &LanguageIndex) -> (Vec<u32>, Vec<Vec<u8>>) {
    let terms: Vec<u32> = (0..index.terms.len() as u32)
        .filter(|&t| has_histogram(index, t))
        .collect();
    let files = terms
        .iter()
        .map(|&t| sparse_json(&of_term(index, t)))
        .collect();
    (terms, files)
}

/// The entries of each term with a histogram (in the order of [`files`]), as sets
/// ([`super::export::encode_set`]): what an estimated query intersects for its exact count.
pub fn sets(index: &LanguageIndex) -> Vec<Vec<u8>> {
    (0..index.terms.len() as u32)
        .filter(|&t| has_histogram(index, t))
        .map(|t| {
            let entries: Vec<u32> = index.terms[t as usize]
                .postings
                .iter()
                .map(|&(e, _)| e)
                .collect();
            super::export::encode_set(&entries)
        })
        .collect()
}

/// Per facet (manifest order), per value, its entries, ascending.
pub fn value_members(index: &LanguageIndex) -> Vec<Vec<Vec<u32>>> {
    index
        .facets
        .iter()
        .map(|facet| {
            let mut members: Vec<Vec<u32>> = vec![Vec::new(); facet.values.len()];
            for (entry, values) in facet.of_entry.iter().enumerate() {
                for &v in values {
                    members[v as usize].push(entry as u32);
                }
            }
            members
        })
        .collect()
}

/// Per facet, per value, how many of `entries` have the value.
pub fn of_entries(index: &LanguageIndex, entries: &[u32]) -> Vec<Vec<u32>> {
    index
        .facets
        .iter()
        .map(|facet| {
            let mut counts = vec![0u32; facet.values.len()];
            for &entry in entries {
                for &v in &facet.of_entry[entry as usize] {
                    counts[v as usize] += 1;
                }
            }
            counts
        })
        .collect()
}

/// Per facet value (facets in manifest order, each facet's values in order): its entries
/// as a set and its histogram (as [`files`] writes a term's). What a query with a filter
/// reads instead of whole posting lists and every facet block.
pub fn value_files(index: &LanguageIndex) -> (Vec<Vec<u8>>, Vec<Vec<u8>>) {
    let members: Vec<Vec<u32>> = value_members(index).into_iter().flatten().collect();
    let sets = members
        .iter()
        .map(|m| super::export::encode_set(m))
        .collect();
    let histograms = members
        .iter()
        .map(|m| sparse_json(&of_entries(index, m)))
        .collect();
    (sets, histograms)
}

/// Per facet `[value, count, …]` for the values with a count, as JSON.
fn sparse_json(dense: &[Vec<u32>]) -> Vec<u8> {
    let sparse: Vec<Vec<u32>> = dense
        .iter()
        .map(|counts| {
            counts
                .iter()
                .enumerate()
                .filter(|(_, c)| **c > 0)
                .flat_map(|(v, c)| [v as u32, *c])
                .collect()
        })
        .collect();
    serde_json::to_vec(&sparse).expect("serialisable")
}
