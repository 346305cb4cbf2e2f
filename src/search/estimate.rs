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
    /// A filter set, every clause words reaching a term with a histogram (or no clause):
    /// the count exact from the terms' and the chosen values' sets, facet counts estimated
    /// from their histograms (see [`estimate`]).
    Filtered,
}

/// The filter of one facet, for [`estimate`]: its chosen values' histograms summed and their
/// entries summed (an entry with two chosen values counts twice in both, so that one scales
/// the other; exact for one value).
pub struct Filter {
    pub facet: usize,
    pub histogram: Vec<Vec<u32>>,
    pub entries: u32,
}

/// The filters of a query: per facet with a chosen value (`selected`, per facet per value).
pub fn filters(index: &LanguageIndex, selected: &[Vec<bool>]) -> Vec<Filter> {
    let members = histograms::value_members(index);
    selected
        .iter()
        .enumerate()
        .filter(|(_, chosen)| chosen.iter().any(|&c| c))
        .map(|(f, chosen)| {
            let entries: Vec<u32> = chosen
                .iter()
                .enumerate()
                .filter(|(_, c)| **c)
                .flat_map(|(v, _)| members[f][v].iter().copied())
                .collect();
            let histogram = histograms::of_entries(index, &entries);
            Filter {
                facet: f,
                histogram,
                entries: entries.len() as u32,
            }
        })
        .collect()
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
    let exact = (has_words && clauses.is_empty())
        || !clauses.iter().all(|c| c.as_ref().is_some_and(informed));
    if exact {
        Counting::Exact
    } else if filtered {
        Counting::Filtered
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
/// × for each filter of another facet the share of them it keeps × for each exclusion of
/// one set of terms the share they do not reach; then scaled by the exact number of matches
/// that facet counts (`totals`, per facet: the matches passing every filter but its own)
/// over `W`, the same product for the whole index (the terms' and the filters' entries):
/// `w × total / W`, rounded half up, at most the value's entries and the total. Clauses and
/// filters are taken as independent within a value; the scale corrects for words that go
/// together. Only for [`Counting::Estimated`] and [`Counting::Filtered`] queries.
pub fn estimate(
    index: &LanguageIndex,
    clauses: &[Option<Vec<u32>>],
    exclude: &[Vec<Vec<u32>>],
    filters: &[Filter],
    totals: &[u32],
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
    let whole_left_out: Vec<u32> = left_out.iter().map(entries_of).collect();
    index
        .facets
        .iter()
        .enumerate()
        .map(|(f, facet)| {
            // The clauses, then the filters of the other facets, in facet order.
            let kept: Vec<&Filter> = filters.iter().filter(|x| x.facet != f).collect();
            let mut whole_reached: Vec<u32> = reached.iter().map(entries_of).collect();
            whole_reached.extend(kept.iter().map(|x| x.entries));
            let whole = share(index.entries.len() as u32, &whole_reached, &whole_left_out);
            let total = totals[f];
            facet
                .values
                .iter()
                .enumerate()
                .map(|(v, value)| {
                    let of = |h: &Vec<Vec<u32>>| h[f][v];
                    let mut by: Vec<u32> = reached.iter().map(of).collect();
                    by.extend(kept.iter().map(|x| x.histogram[f][v]));
                    let w = share(
                        value.count,
                        &by,
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
