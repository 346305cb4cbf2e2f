//! Facet counts of a query of several words, estimated from the histograms of its terms so
//! that the filters panel costs a few small files instead of whole posting lists and every
//! facet block. `search.js` estimates with the same rule and the same arithmetic.
//! docs/search.md, "Counts".

use super::histograms;
use super::index::LanguageIndex;

/// How the filters panel counts the values of a query.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Counting {
    /// From the matches themselves (whole posting lists and facet blocks).
    Exact,
    /// One clause reaching one term with a histogram, no exclusion: its histogram, exact.
    Precounted,
    /// From the histograms of the clauses' terms (see [`estimate`]).
    Estimated,
}

/// How a query is counted: `clauses` per clause its terms (`None` for an id or symbol),
/// `exclude` its exclusion groups, `filtered` whether a filter is set, `has_words` whether
/// it has more than exclusions.
pub fn counting(
    index: &LanguageIndex,
    clauses: &[Option<Vec<u32>>],
    exclude: &[Vec<Vec<u32>>],
    filtered: bool,
    has_words: bool,
) -> Counting {
    let informed = |terms: &Vec<u32>| terms.iter().any(|&t| histograms::has_histogram(index, t));
    let exact = filtered
        || (has_words && clauses.is_empty())
        || !clauses.iter().all(|c| c.as_ref().is_some_and(informed));
    if exact {
        Counting::Exact
    } else if clauses.len() == 1
        && clauses[0].as_ref().is_some_and(|t| t.len() == 1)
        && exclude.is_empty()
    {
        Counting::Precounted
    } else {
        Counting::Estimated
    }
}

/// Per facet, per value: `w`, the value's entries × for each clause the share of them that
/// the clause's terms with a histogram reach (their histograms summed, at most all of them)
/// × for each exclusion of one set of terms the share they do not reach; then scaled by
/// `total` (the exact number of matches) over `W`, the same product for the whole index
/// (the terms' entries for the histograms): `w × total / W`, rounded half up, at most the
/// value's entries. Clauses are taken as independent within a value; the scale corrects
/// for words that go together. Only for [`Counting::Estimated`] queries.
pub fn estimate(
    index: &LanguageIndex,
    clauses: &[Option<Vec<u32>>],
    exclude: &[Vec<Vec<u32>>],
    total: u32,
) -> Vec<Vec<u32>> {
    let summed = |terms: &[u32]| -> Vec<Vec<u32>> {
        let mut sum: Vec<Vec<u32>> = index
            .facets
            .iter()
            .map(|f| vec![0; f.values.len()])
            .collect();
        for &t in terms
            .iter()
            .filter(|&&t| histograms::has_histogram(index, t))
        {
            for (f, counts) in histograms::of_term(index, t).into_iter().enumerate() {
                for (v, c) in counts.into_iter().enumerate() {
                    sum[f][v] += c;
                }
            }
        }
        sum
    };
    let reached: Vec<Vec<Vec<u32>>> = clauses.iter().flatten().map(|t| summed(t)).collect();
    let left_out: Vec<Vec<Vec<u32>>> = exclude
        .iter()
        .filter(|group| group.len() == 1)
        .map(|group| summed(&group[0]))
        .collect();
    // Every entry has exactly one type: a histogram's type counts sum to its entries.
    let type_facet = index.facets.iter().position(|f| f.name == "type");
    let entries_of = |h: &Vec<Vec<u32>>| type_facet.map_or(0, |f| h[f].iter().sum::<u32>());
    let whole_reached: Vec<u32> = reached.iter().map(entries_of).collect();
    let whole_left_out: Vec<u32> = left_out.iter().map(entries_of).collect();
    let whole = share(index.entries.len() as u32, &whole_reached, &whole_left_out);
    index
        .facets
        .iter()
        .enumerate()
        .map(|(f, facet)| {
            facet
                .values
                .iter()
                .enumerate()
                .map(|(v, value)| {
                    let of = |h: &Vec<Vec<u32>>| h[f][v];
                    let w = share(
                        value.count,
                        &reached.iter().map(of).collect::<Vec<_>>(),
                        &left_out.iter().map(of).collect::<Vec<_>>(),
                    );
                    let scaled = if whole > 0.0 {
                        (w * f64::from(total) / whole + 0.5).floor()
                    } else {
                        0.0
                    };
                    (scaled as u32).min(value.count).min(total)
                })
                .collect()
        })
        .collect()
}

/// `all` × Π min(r, all)/all × Π (all − min(x, all))/all, in this order (search.js too).
fn share(all: u32, reached: &[u32], left_out: &[u32]) -> f64 {
    let whole = f64::from(all);
    let mut c = whole;
    for &r in reached {
        c *= f64::from(r.min(all)) / whole;
    }
    for &x in left_out {
        c *= f64::from(all - x.min(all)) / whole;
    }
    c
}
