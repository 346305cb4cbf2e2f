//! The order of every list of recommendations, newest first, and a term's per-State lists
//! where its own list runs long.
//!
//! Every paginated list of recommendations (`/en/recommendations/`, `/en/themes/torture/`)
//! shows them newest first; recommendations of one day keep their data order (a document's
//! paragraphs). Where a term's list is long (more than [`LONG_LIST_PAGES`] pages) and spans
//! several States under review, a reader can also page through one State's recommendations
//! (`/en/themes/torture/states/pry/`), with plain links. A shorter list is a few clicks from
//! end to end, so it gets none: each extra list repeats rows, and at a whole-UPR scale those
//! rows are most of a portal's bytes. A long list's newest-first copy (`…/by-date/`), from
//! when the default order was the data's, is now the list itself: its pages forward to the
//! term's own pages, so that no published URL breaks. A State's
//! list that holds every recommendation to that State (the UPR's, in a UPR-only portal) is
//! the State's own page: its link goes there and no copy is written. In the same way, a
//! term whose list is every recommendation of the portal (the UPR's, in a UPR-only portal)
//! shows only the first page of it, with a pager into the Recommendations list.

use std::collections::{HashMap, HashSet};

use super::Site;
use super::terms::Term;
use crate::model::*;

/// A term's list gets the other orders and the per-State lists when it runs over more than
/// this many pages (README.md, "What Docket is"): a shorter list is a few clicks end to end.
pub(crate) const LONG_LIST_PAGES: usize = 10;

/// Which of a term's recommendations a list page shows, besides the term's own page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Listing {
    /// Every recommendation of the term, newest first (`by-date/`): the term's own list,
    /// whose pages these forward to.
    ByDate,
    /// The term's recommendations to one State under review, newest first (`states/pry/`).
    State(StateId),
}

impl Listing {
    /// The folder of this list under the term's page.
    fn segment(self, data: &Dataset) -> String {
        match self {
            Listing::ByDate => "by-date/".into(),
            Listing::State(id) => format!("states/{}/", data.states[id.index()].key.slug),
        }
    }
}

/// The lists computed once per build.
#[derive(Default)]
pub(crate) struct TermLists {
    /// Every recommendation, newest first: the Recommendations list.
    newest_first: Vec<RecommendationId>,
    /// Each term's recommendations, newest first.
    terms: HashMap<Term, Vec<RecommendationId>>,
    /// Terms whose list is every recommendation of the portal, over more than one page (the
    /// UPR's, in a UPR-only portal): see [`Site::term_list_is_all`].
    all: Vec<Term>,
    /// Terms whose list is long, and so had a newest-first copy (`by-date/`).
    long: HashSet<Term>,
    /// Per long term that spans several States, each State's recommendations, in State
    /// order.
    by_state: HashMap<Term, Vec<(StateId, Vec<RecommendationId>)>>,
}

impl TermLists {
    pub(crate) fn new(site: &Site) -> TermLists {
        let d = site.data;
        let mut newest_first: Vec<RecommendationId> = (0..d.recommendations.len() as u32)
            .map(RecommendationId)
            .collect();
        // Stable: recommendations of one day keep their data order.
        newest_first.sort_by(|a, b| {
            d.recommendations[b.index()]
                .date
                .cmp(&d.recommendations[a.index()].date)
        });
        let mut rank = vec![0u32; newest_first.len()];
        for (position, id) in newest_first.iter().enumerate() {
            rank[id.index()] = position as u32;
        }
        let mut lists = TermLists {
            newest_first,
            ..TermLists::default()
        };
        for section in super::terms::TERM_SECTIONS {
            for term in site.terms(*section) {
                let ids = site.term_recommendations(term);
                let mut sorted = ids.to_vec();
                sorted.sort_by_key(|id| rank[id.index()]);
                if ids.len() == d.recommendations.len() && ids.len() > d.config.per_page {
                    lists.all.push(term);
                }
                if ids.len() > d.config.per_page * LONG_LIST_PAGES {
                    lists.long.insert(term);
                    let states = split_by_state(d, &sorted);
                    if states.len() > 1 {
                        lists.by_state.insert(term, states);
                    }
                }
                lists.terms.insert(term, sorted);
            }
        }
        lists
    }
}

/// The recommendations of each State under review among `ids`, in State order, each in the
/// order of `ids`; those with no State are in none.
fn split_by_state(d: &Dataset, ids: &[RecommendationId]) -> Vec<(StateId, Vec<RecommendationId>)> {
    let mut by_state: std::collections::BTreeMap<StateId, Vec<RecommendationId>> =
        Default::default();
    for &id in ids {
        if let Some(state) = d.recommendations[id.index()].state {
            by_state.entry(state).or_default().push(id);
        }
    }
    by_state.into_iter().collect()
}

impl Site<'_> {
    /// Every recommendation, newest first: the Recommendations list's order.
    pub(crate) fn recommendations_newest_first(&self) -> &[RecommendationId] {
        &self.term_lists.newest_first
    }

    /// A term's recommendations in the order its pages list them: newest first.
    pub(crate) fn term_list(&self, term: Term) -> &[RecommendationId] {
        self.term_lists.terms.get(&term).map_or(&[], Vec::as_slice)
    }

    /// Whether a term's list is every recommendation of the portal, and so the
    /// Recommendations list (`/en/recommendations/`): the term's page shows the first
    /// page of it with a pager into that list, and writes no copy of the others.
    pub(crate) fn term_list_is_all(&self, term: Term) -> bool {
        self.term_lists.all.contains(&term)
    }

    /// The term's lists besides its own page, in the order of the sort/filter nav.
    pub(crate) fn listings(&self, term: Term) -> Vec<Listing> {
        let mut listings = Vec::new();
        if self.term_lists.long.contains(&term) {
            listings.push(Listing::ByDate);
        }
        if let Some(states) = self.term_lists.by_state.get(&term) {
            listings.extend(states.iter().map(|(state, _)| Listing::State(*state)));
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
            Listing::ByDate => self.term_list(term),
            Listing::State(state) => self
                .term_lists
                .by_state
                .get(&term)
                .and_then(|states| states.iter().find(|(s, _)| *s == state))
                .map_or(&[], |(_, ids)| ids.as_slice()),
        }
    }

    /// Whether a State's list of `term` is every recommendation to that State, and so the
    /// State's own page: that list gets no pages of its own.
    pub(crate) fn listing_is_state_page(&self, term: Term, listing: Listing) -> bool {
        match listing {
            Listing::ByDate => false,
            Listing::State(state) => {
                self.listing_recommendations(term, listing).len()
                    == self.data.states[state.index()].under_review.len()
            }
        }
    }

    /// The first page of a list: `en/themes/torture/by-date/`, or the State's own page for a
    /// State's list that is all of its recommendations.
    pub(crate) fn listing_path(&self, lang: &str, term: Term, listing: Listing) -> String {
        if let Listing::State(state) = listing
            && self.listing_is_state_page(term, listing)
        {
            return self.term_path(lang, Term::State(state));
        }
        format!(
            "{}{}",
            self.term_path(lang, term),
            listing.segment(self.data)
        )
    }
}
