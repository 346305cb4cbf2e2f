//! Facet counts with the filters open: which queries are counted exactly, which from one
//! term's histogram and which are estimated from their terms' histograms, and how close the
//! estimates come on a synthetic portal. docs/search.md, "Counts".

use docket::{LanguageIndex, Query, SearchCounting as Counting, Site};

fn synthetic_index(recommendations: usize) -> LanguageIndex {
    let dir = tempfile::tempdir().expect("temp");
    docket::synth_portal(
        dir.path(),
        &docket::SynthOptions {
            recommendations,
            languages: vec!["en".into()],
            seed: 11,
        },
    )
    .expect("synth");
    let portal = docket::load_portal(dir.path(), None).expect("valid portal");
    let site = Site::new(&portal.dataset, &portal.i18n);
    docket::build_search_index(&site, "en")
}

fn query(text: &str, filters: &[(&str, &str)]) -> Query {
    Query {
        text: text.into(),
        filters: filters
            .iter()
            .map(|(f, v)| (f.to_string(), v.to_string()))
            .collect(),
    }
}

#[test]
fn one_frequent_word_is_precounted_a_filter_counted_from_sets_and_a_rare_word_exactly() {
    let index = synthetic_index(1500);
    let torture = index.search(&query("torture", &[]));
    assert_eq!(torture.counting, Counting::Precounted);
    assert!(torture.estimate.is_none());
    let filtered = index.search(&query("rural areas", &[("mechanism", "M2")]));
    assert_eq!(filtered.counting, Counting::Filtered);
    assert!(filtered.estimate.is_some());
    // An id has no histogram: its few matches are counted from the facet blocks.
    let id = index.search(&query("R12 rights", &[]));
    assert_eq!(id.counting, Counting::Exact);
    let id = index.search(&query("R12", &[("mechanism", "M2")]));
    assert_eq!(id.counting, Counting::Exact);
}

#[test]
fn a_filter_alone_is_counted_exactly_from_the_values_histograms() {
    let index = synthetic_index(1500);
    for filters in [vec![("mechanism", "M2")], vec![("theme", "T5")]] {
        let results = index.search(&query("", &filters));
        assert_eq!(results.counting, Counting::Filtered, "{filters:?}");
        assert!(!results.hits.is_empty());
        let estimate = results.estimate.as_ref().expect("counts");
        assert_eq!(estimate, &results.facets, "{filters:?}");
    }
}

/// With words and a filter, the count is exact and the facet counts estimated: on the
/// facets every entry has (type, status, response) and the filter's own facet, off by at
/// most a quarter of the matches in all (one filter: two filters that go together, such as
/// a mechanism and the type its entries have, are taken as independent and come out worse).
#[test]
fn words_with_filters_are_estimated_close_to_the_exact_counts() {
    let index = synthetic_index(3000);
    let mut checked = 0;
    for (text, filters) in [
        ("rural areas", vec![("mechanism", "M2")]),
        ("human rights", vec![("theme", "T5")]),
        ("rights -rural", vec![("response", "supported")]),
    ] {
        let results = index.search(&query(text, &filters));
        assert_eq!(results.counting, Counting::Filtered, "{text}");
        let estimate = results.estimate.as_ref().expect("an estimate");
        assert!(
            results.hits.len() > 20,
            "{text}: {} matches",
            results.hits.len()
        );
        for (exact, guess) in results.facets.iter().zip(estimate) {
            let filtered = filters.iter().any(|(f, _)| *f == exact.name);
            if !filtered && !["type", "status", "response"].contains(&exact.name) {
                continue;
            }
            let off: u32 = exact
                .counts
                .iter()
                .zip(&guess.counts)
                .map(|(e, g)| e.abs_diff(*g))
                .sum();
            let all: u32 = exact.counts.iter().sum();
            assert!(
                f64::from(off) <= f64::from(all) / 4.0 + 2.0,
                "{text} {filters:?}: {} off by {off} of {all}",
                exact.name
            );
            checked += 1;
        }
    }
    assert!(checked >= 9, "{checked} facets checked");
}

#[test]
fn an_unknown_exclusion_leaves_one_word_precounted() {
    let index = synthetic_index(1500);
    // An exclusion of a word the index does not know is dropped: one word, precounted.
    let results = index.search(&query("rural -zzzz", &[]));
    assert_eq!(
        results.counting,
        Counting::Precounted,
        "an unknown exclusion is dropped"
    );
    let exact = index.search(&query("rural", &[]));
    assert_eq!(exact.counting, Counting::Precounted);
    assert_eq!(results.facets, exact.facets);
}
