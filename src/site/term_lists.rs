//! A term's other lists of recommendations: newest first, where its own list runs long.
//!
//! A term's own page (`/en/themes/torture/`) lists its recommendations in data order. Where
//! that list runs over more than one page, a reader can also page through it newest first
//! (`/en/themes/torture/by-date/`), with plain links. A one-page list already shows every date
//! at once, so it gets no second order: each extra order repeats every row of the list, and
//! at a whole-UPR scale those rows are most of a portal's bytes.

use std::collections::HashMap;

use super::Site;
use super::terms::Term;
use crate::model::*;

/// Which of a term's recommendations a list page shows, in which order, besides the term's
/// own page (data order).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Listing {
    /// Every recommendation of the term, newest first (`by-date/`).
    ByDate,
}

impl Listing {
    /// The folder of this list under the term's page.
    fn segment(self) -> &'static str {
        match self {
            Listing::ByDate => "by-date/",
        }
    }

    /// The Fluent message of its link in the sort/filter nav.
    pub(super) fn message(self) -> &'static str {
        match self {
            Listing::ByDate => "list-order-newest",
        }
    }
}

/// The orders computed once per build, for the terms that have them.
#[derive(Default)]
pub(crate) struct TermLists {
    by_date: HashMap<Term, Vec<RecommendationId>>,
}

impl TermLists {
    pub(crate) fn new(site: &Site) -> TermLists {
        let d = site.data;
        let mut by_date = HashMap::new();
        for section in super::terms::TERM_SECTIONS {
            for term in site.terms(*section) {
                let ids = site.term_recommendations(term);
                if ids.len() <= d.config.per_page {
                    continue;
                }
                let mut sorted = ids.to_vec();
                // Stable: recommendations of one day keep their data order.
                sorted.sort_by(|a, b| {
                    d.recommendations[b.index()]
                        .date
                        .cmp(&d.recommendations[a.index()].date)
                });
                by_date.insert(term, sorted);
            }
        }
        TermLists { by_date }
    }
}

impl Site<'_> {
    /// The term's lists besides its own page, in the order of the sort/filter nav.
    pub(crate) fn listings(&self, term: Term) -> Vec<Listing> {
        let mut listings = Vec::new();
        if self.term_lists.by_date.contains_key(&term) {
            listings.push(Listing::ByDate);
        }
        listings
    }

    /// The recommendations a list shows, in its order.
    pub(crate) fn listing_recommendations(
        &self,
        term: Term,
        listing: Listing,
    ) -> &[RecommendationId] {
        match listing {
            Listing::ByDate => self
                .term_lists
                .by_date
                .get(&term)
                .map_or(&[], Vec::as_slice),
        }
    }

    /// The first page of a list: `en/themes/torture/by-date/`.
    pub(crate) fn listing_path(&self, lang: &str, term: Term, listing: Listing) -> String {
        format!("{}{}", self.term_path(lang, term), listing.segment())
    }
}
