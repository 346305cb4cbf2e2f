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

/// The terms with a histogram, ascending, and each one's file: per facet (manifest order),
/// `[value, count, value, count, …]` for the values with a count, as JSON.
pub fn files(index: &LanguageIndex) -> (Vec<u32>, Vec<Vec<u8>>) {
    let terms: Vec<u32> = (0..index.terms.len() as u32)
        .filter(|&t| has_histogram(index, t))
        .collect();
    let files = terms
        .iter()
        .map(|&t| {
            let histogram: Vec<Vec<u32>> = index
                .facets
                .iter()
                .map(|facet| {
                    let mut counts = vec![0u32; facet.values.len()];
                    for &(entry, _) in &index.terms[t as usize].postings {
                        for &v in &facet.of_entry[entry as usize] {
                            counts[v as usize] += 1;
                        }
                    }
                    counts
                        .iter()
                        .enumerate()
                        .filter(|(_, c)| **c > 0)
                        .flat_map(|(v, c)| [v as u32, *c])
                        .collect()
                })
                .collect();
            serde_json::to_vec(&histogram).expect("serialisable")
        })
        .collect();
    (terms, files)
}
