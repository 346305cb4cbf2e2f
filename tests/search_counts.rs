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
fn one_frequent_word_is_precounted_and_a_filter_or_a_rare_word_counts_exactly() {
    let index = synthetic_index(1500);
    let torture = index.search(&query("torture", &[]));
    assert_eq!(torture.counting, Counting::Precounted);
    assert!(torture.estimate.is_none());
    let filtered = index.search(&query("rural areas", &[("mechanism", "M2")]));
    assert_eq!(filtered.counting, Counting::Exact);
    assert!(filtered.estimate.is_none());
    // An id has no histogram: its few matches are counted from the facet blocks.
    let id = index.search(&query("R12 rights", &[]));
    assert_eq!(id.counting, Counting::Exact);
}

#[test]
fn several_frequent_words_are_estimated_close_to_the_exact_counts() {
    let index = synthetic_index(3000);
    let type_facet = index
        .facets
        .iter()
        .position(|f| f.name == "type")
        .expect("type");
    let mut checked = 0;
    for text in [
        "rural areas",
        "human rights",
        "rights -rural",
        "rural OR children rights",
    ] {
        let results = index.search(&query(text, &[]));
        assert_eq!(results.counting, Counting::Estimated, "{text}");
        let estimate = results.estimate.as_ref().expect("an estimate");
        // Recommendations among the matches: the estimate within a quarter of the truth.
        let exact = results.facets[type_facet].counts[0] as f64;
        let guess = estimate[type_facet].counts[0] as f64;
        assert!(exact > 100.0, "{text}: {exact} matches");
        assert!(
            (guess - exact).abs() <= exact / 4.0,
            "{text}: estimated {guess}, exact {exact}"
        );
        // Per mechanism, off by at most a quarter of the matches in all.
        let mechanism = index
            .facets
            .iter()
            .position(|f| f.name == "mechanism")
            .expect("mechanism");
        let off: u32 = results.facets[mechanism]
            .counts
            .iter()
            .zip(&estimate[mechanism].counts)
            .map(|(e, g)| e.abs_diff(*g))
            .sum();
        assert!(
            f64::from(off) <= exact / 4.0,
            "{text}: mechanisms off by {off} in all"
        );
        // Never above a value's entries.
        for (facet, counts) in index.facets.iter().zip(estimate) {
            for (value, &count) in facet.values.iter().zip(&counts.counts) {
                assert!(count <= value.count, "{text}: {} {}", facet.name, value.key);
            }
        }
        checked += 1;
    }
    assert_eq!(checked, 4);
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
