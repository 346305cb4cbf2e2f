//! `docket check`: everything a build validates, and one page of each kind rendered in
//! memory, so that `check` fails wherever `build` would; nothing is written.

use std::collections::HashMap;
use std::mem::{Discriminant, discriminant};
use std::path::Path;

use anyhow::Result;
use chrono::NaiveDate;
use rayon::prelude::*;
use tera::Tera;

use crate::build::{load, placed_template_error};
use crate::diagnostics::Diagnostic;
use crate::output;
use crate::site::{Listing, PageNumber, PageRoute, Route, Section, Site, Term, TrackingPage, urls};
use crate::util::drop_in_background;

/// What `docket check` found in a valid portal.
#[derive(Debug)]
pub struct CheckSummary {
    pub recommendations: usize,
    pub actions: usize,
    pub status_updates: usize,
    pub pages: usize,
    /// Things that work but should be changed.
    pub warnings: Vec<Diagnostic>,
}

/// Validates data, content, messages and templates; writes nothing.
pub fn check(root: &Path, as_of: Option<NaiveDate>) -> Result<CheckSummary> {
    let portal = load(root, as_of)?;
    let placed = |error| placed_template_error(error, &portal.theme);
    let tera = output::load_templates(&portal.theme, portal.i18n.clone()).map_err(placed)?;
    let mut site = Site::new(&portal.dataset, &portal.i18n);
    site.set_templates(&tera);
    let routes = site.routes();
    render_samples(&site, &tera, &routes).map_err(placed)?;
    let summary = CheckSummary {
        recommendations: portal.dataset.recommendations.len(),
        actions: portal.dataset.actions.len(),
        status_updates: portal.dataset.status_updates.len(),
        pages: routes.len(),
        warnings: portal.warnings.clone(),
    };
    drop(site);
    drop_in_background((portal, tera, routes));
    Ok(summary)
}

impl std::fmt::Display for CheckSummary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "OK: {} recommendations, {} actions, {} status updates; {} pages would be built",
            self.recommendations, self.actions, self.status_updates, self.pages
        )
    }
}

/// Renders, in memory, one page of every kind in every language (every template a build
/// uses, with real data). Returns how many pages it rendered.
///
/// A template error shows on any page of its kind, so each kind is sampled with its
/// smallest real instance (see [`cost`]): the term with the fewest recommendations (but at
/// least one), or a later page of a term's list, rather than the first term's first page,
/// which at 100,000 recommendations may count them all. Pages that
/// summarise the whole portal (tracking pages, section indexes, the home page) cost the
/// same in every language, so they are rendered once per text direction (both layouts,
/// every row with real data) rather than once per language.
fn render_samples(site: &Site, tera: &Tera, routes: &[PageRoute]) -> Result<usize> {
    let samples = pick_samples(site, routes);
    samples.par_iter().try_for_each(|&page| {
        let file = urls::file_of(&site.path(page));
        output::with_rendered(tera, &site.context(page), &file, |_| Ok(()))
    })?;
    output::rows_rendered(site)?;
    Ok(samples.len())
}

/// The route of least [`cost`] of each [`SampleKey`], the earliest of equals, in the order
/// the keys first appear among `routes`.
fn pick_samples(site: &Site, routes: &[PageRoute]) -> Vec<PageRoute> {
    let mut slots: HashMap<SampleKey, usize> = HashMap::new();
    let mut picked: Vec<(usize, PageRoute)> = Vec::new();
    for &page in routes {
        let cost = cost(site, page.route);
        for key in sample_keys(site, page).into_iter().flatten() {
            match slots.get(&key) {
                Some(&slot) if picked[slot].0 <= cost => {}
                Some(&slot) => picked[slot] = (cost, page),
                None => {
                    slots.insert(key, picked.len());
                    picked.push((cost, page));
                }
            }
        }
    }
    let mut samples: Vec<PageRoute> = picked.into_iter().map(|(_, page)| page).collect();
    // One route can be the sample of two keys.
    let mut seen = Vec::new();
    samples.retain(|page| {
        let new = !seen.contains(page);
        seen.push(*page);
        new
    });
    samples
}

/// Pages with the same key need only one sample: the language (or, for a page that
/// summarises the whole portal, its text direction) and the kind of route.
#[derive(Debug, PartialEq, Eq, Hash)]
struct SampleKey {
    /// The language's position, or for a whole-portal page the first language of its
    /// text direction.
    scope: usize,
    kind: RouteKind,
}

/// Routes that share a template and a shape of context share a kind.
#[derive(Debug, PartialEq, Eq, Hash)]
enum RouteKind {
    Index(Section),
    Term(Discriminant<Term>),
    /// The first page of any term: the only one with the term's figures (status
    /// distribution, progress, due actions), which a term of each kind sampled on a later
    /// page would leave out.
    TermFigures,
    /// A term's other lists: by date (a forward) and per State have templates of their own.
    TermList(Discriminant<Listing>),
    Tracking(Discriminant<TrackingPage>),
    Other(Discriminant<Route>),
}

/// The keys `page` can be the sample of: its kind's, and for a term's first page also
/// [`RouteKind::TermFigures`].
fn sample_keys(site: &Site, page: PageRoute) -> [Option<SampleKey>; 2] {
    let lang = usize::from(page.lang);
    let whole_portal = matches!(
        page.route,
        Route::Tracking(..) | Route::SectionIndex(..) | Route::Home
    );
    let scope = if whole_portal {
        let dir = site.languages[lang].dir;
        site.languages
            .iter()
            .position(|l| l.dir == dir)
            .unwrap_or(lang)
    } else {
        lang
    };
    let kind = match page.route {
        Route::SectionIndex(section, _) => RouteKind::Index(section),
        Route::Term(term, _) => RouteKind::Term(discriminant(&term)),
        Route::TermList(_, listing, _) => RouteKind::TermList(discriminant(&listing)),
        Route::Tracking(tracking, _) => RouteKind::Tracking(discriminant(&tracking)),
        other => RouteKind::Other(discriminant(&other)),
    };
    let figures = matches!(page.route, Route::Term(_, PageNumber::FIRST)).then_some(SampleKey {
        scope,
        kind: RouteKind::TermFigures,
    });
    [Some(SampleKey { scope, kind }), figures]
}

/// How much of the portal a page goes through: a term's first page all the term's
/// recommendations (its figures count them), a later page or another list of a term the
/// rows it shows; an empty list last (its list markup would go unrendered); other pages 0,
/// so that the first of their kind is the sample.
fn cost(site: &Site, route: Route) -> usize {
    let (count, figures) = match route {
        Route::Term(term, page) => (
            site.term_recommendations(term).len(),
            page == PageNumber::FIRST,
        ),
        Route::TermList(term, listing, _) => {
            (site.listing_recommendations(term, listing).len(), false)
        }
        _ => return 0,
    };
    match (count, figures) {
        (0, _) => usize::MAX,
        (_, true) => count,
        (_, false) => count.min(site.data.config.per_page),
    }
}
