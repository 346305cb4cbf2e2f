//! Which pages a rebuild can keep without building their context, from the rows that changed
//! since the previous load of the portal.
//!
//! Only the commonest edit is derived: some recommendation rows changed, and nothing else did
//! (every other table, content, config, the as-of date). Then a page whose context cannot read
//! a changed row is kept as served: another recommendation's page (unless it lists a changed
//! one as a cluster member), an action's page that lists none, a term's pages when the term has
//! none, content pages and redirects. Pages that aggregate (home, indexes, tracking, the Data,
//! search and report pages, indicators) are fingerprinted as before. Any other change, or a
//! change of the set of pages, keeps nothing by derivation.

use std::collections::HashSet;

use rayon::prelude::*;

use crate::emit::Unchanged;
use crate::model::{ActionId, AliasTarget, ClusterId, Dataset, RecommendationId, StatusId};
use crate::output::debug_hash;
use crate::site::{PageRoute, Route, Site, Term};

/// One load of the portal, row by row, as far as [`KeptPages`] compares it.
pub struct RowHashes {
    recommendations: Vec<u128>,
    /// Everything else in the dataset, as one hash.
    rest: u128,
}

impl RowHashes {
    pub fn of(data: &Dataset) -> RowHashes {
        RowHashes {
            recommendations: data.recommendations.par_iter().map(debug_hash).collect(),
            rest: debug_hash(&everything_but_recommendations(data)),
        }
    }
}

/// Every field of the dataset except the recommendations. Destructured without `..`, so that
/// a field added to [`Dataset`] cannot be left out of the comparison unnoticed.
fn everything_but_recommendations(data: &Dataset) -> impl std::fmt::Debug + '_ {
    let Dataset {
        config,
        as_of,
        mechanisms,
        documents,
        recommendations: _,
        institutions,
        themes,
        groups,
        sdg_goals,
        sdg_targets,
        clusters,
        actions,
        status_updates,
        indicators,
        reports,
        pages,
        home_intro,
        aliases,
        states,
        portal_state,
        multi_state,
    } = data;
    (
        (config, as_of, mechanisms, documents, institutions, themes),
        (groups, sdg_goals, sdg_targets, clusters, actions),
        (status_updates, indicators, reports, pages, home_intro),
        (aliases, states, portal_state, multi_state),
    )
}

/// The pages that cannot have changed between two loads of the portal.
pub struct KeptPages {
    changed: Vec<bool>,
    clusters: HashSet<ClusterId>,
    actions: HashSet<ActionId>,
    /// The changed recommendations' headline statuses, before and after.
    statuses: HashSet<StatusId>,
}

impl KeptPages {
    /// `None` when the derivation does not cover the change: every page is then fingerprinted.
    pub fn between(
        old: &Dataset,
        old_rows: &RowHashes,
        new: &Dataset,
        new_rows: &RowHashes,
    ) -> Option<KeptPages> {
        if old_rows.rest != new_rows.rest
            || old_rows.recommendations.len() != new_rows.recommendations.len()
        {
            return None;
        }
        let changed: Vec<bool> = old_rows
            .recommendations
            .iter()
            .zip(&new_rows.recommendations)
            .map(|(a, b)| a != b)
            .collect();
        let mut kept = KeptPages {
            changed,
            clusters: HashSet::new(),
            actions: HashSet::new(),
            statuses: HashSet::new(),
        };
        for index in (0..kept.changed.len()).filter(|&i| kept.changed[i]) {
            for data in [old, new] {
                let r = &data.recommendations[index];
                kept.clusters.extend(r.cluster);
                kept.actions.extend(r.actions.iter().copied());
                kept.statuses.extend(data.headline_status(r));
            }
        }
        Some(kept)
    }

    fn is_changed(&self, id: RecommendationId) -> bool {
        self.changed[id.index()]
    }
}

impl Unchanged for KeptPages {
    fn recommendation(&self, id: RecommendationId) -> bool {
        !self.is_changed(id)
    }

    fn action(&self, id: ActionId) -> bool {
        !self.actions.contains(&id)
    }

    fn term(&self, site: &Site, term: Term) -> bool {
        match term {
            Term::Status(status) => !self.statuses.contains(&status),
            _ => !site
                .term_recommendations(term)
                .iter()
                .any(|&id| self.is_changed(id)),
        }
    }

    fn page(&self, site: &Site, page: PageRoute) -> bool {
        match page.route {
            Route::Recommendation(id) => {
                let cluster = site.data.recommendations[id.index()].cluster;
                !self.is_changed(id) && cluster.is_none_or(|c| !self.clusters.contains(&c))
            }
            Route::Alias(index) => match site.data.aliases[index.index()].target {
                AliasTarget::Recommendation(id) => !self.is_changed(id),
                _ => true,
            },
            Route::Action(id) => self.action(id),
            Route::Term(term, _) | Route::TermList(term, _, _) => self.term(site, term),
            Route::Content(_) => true,
            _ => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::build::{Portal, load};
    use crate::output::inputs_of;

    /// The demo portal of this repository in a scratch folder, with `edit` applied to the
    /// cell `column` of the recommendation `id`.
    fn demo_with(id: &str, column: &str, value: &str) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        let demo = Path::new(env!("CARGO_MANIFEST_DIR"));
        std::fs::copy(demo.join("config.toml"), dir.path().join("config.toml")).unwrap();
        for folder in ["data", "content"] {
            std::fs::create_dir_all(dir.path().join(folder)).unwrap();
            for entry in std::fs::read_dir(demo.join(folder)).unwrap() {
                let path = entry.unwrap().path();
                let target = dir.path().join(folder).join(path.file_name().unwrap());
                std::fs::copy(&path, target).unwrap();
            }
        }
        let csv = dir.path().join("data/recommendations.csv");
        let mut reader = ::csv::Reader::from_path(&csv).unwrap();
        let header = reader.headers().unwrap().clone();
        let at = header.iter().position(|h| h == column).expect("a column");
        let rows: Vec<::csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        let mut writer = ::csv::Writer::from_path(&csv).unwrap();
        writer.write_record(&header).unwrap();
        let mut found = false;
        for row in rows {
            let mut cells: Vec<String> = row.iter().map(str::to_string).collect();
            if cells[0] == id {
                cells[at] = value.to_string();
                found = true;
            }
            writer.write_record(&cells).unwrap();
        }
        writer.flush().unwrap();
        assert!(found, "no recommendation {id}");
        dir
    }

    fn demo_loaded() -> Portal {
        load(Path::new(env!("CARGO_MANIFEST_DIR")), None).expect("the demo portal loads")
    }

    /// Every page the derivation keeps has the same template and context in both loads;
    /// returns how many pages it kept, or `None` when it kept none by derivation.
    fn kept_pages_are_unchanged(
        old: &Portal,
        id: &str,
        column: &str,
        value: &str,
    ) -> Option<usize> {
        let edited = demo_with(id, column, value);
        let new = load(edited.path(), None).expect("the edited portal loads");
        let (old_rows, new_rows) = (RowHashes::of(&old.dataset), RowHashes::of(&new.dataset));
        let kept = KeptPages::between(&old.dataset, &old_rows, &new.dataset, &new_rows)?;
        // List pages insert rows the templates render.
        let tera = crate::output::load_templates(&new.theme, new.i18n.clone()).unwrap();
        let (mut old_site, mut new_site) = (
            Site::new(&old.dataset, &old.i18n),
            Site::new(&new.dataset, &new.i18n),
        );
        old_site.set_templates(&tera);
        new_site.set_templates(&tera);
        let routes = new_site.routes();
        let paths = |site: &Site, routes: &[PageRoute]| -> Vec<String> {
            routes.iter().map(|&r| site.path(r)).collect()
        };
        if paths(&old_site, &old_site.routes()) != paths(&new_site, &routes) {
            return Some(0); // Other pages: the output stage keeps none.
        }
        // Which rows a page reads does not depend on its language: one language is enough.
        let kept_routes: Vec<PageRoute> = routes
            .into_iter()
            .filter(|&r| r.lang == 0 && kept.page(&new_site, r))
            .collect();
        kept_routes.par_iter().for_each(|&route| {
            assert_eq!(
                inputs_of(&old_site.context(route)),
                inputs_of(&new_site.context(route)),
                "{column} of {id} changed, yet {} was kept",
                new_site.path(route)
            );
        });
        emitted_files_kept_are_unchanged(&old_site, &new_site, &kept, &format!("{column} of {id}"));
        Some(kept_routes.len())
    }

    /// Every API file and feed the emitters leave out as kept is, byte for byte, in the old
    /// site's output what the new site's output has.
    fn emitted_files_kept_are_unchanged(old: &Site, new: &Site, kept: &KeptPages, edit: &str) {
        let dirs = [(); 3].map(|_| tempfile::tempdir().unwrap());
        let [old_dir, new_dir, changed_dir] = [0, 1, 2].map(|i| dirs[i].path());
        for (site, dir, unchanged) in [
            (old, old_dir, None),
            (new, new_dir, None),
            (new, changed_dir, Some(kept as &dyn Unchanged)),
        ] {
            let api = crate::export::api::write(site, dir, unchanged).unwrap();
            let feeds = crate::export::feeds::write(site, dir, unchanged).unwrap();
            if unchanged.is_none() {
                continue;
            }
            assert!(!api.kept.is_empty() && !feeds.kept.is_empty(), "{edit}");
            for file in api.kept.iter().chain(&feeds.kept) {
                assert!(!dir.join(file).exists(), "{edit}: {file} kept, yet written");
                assert_eq!(
                    std::fs::read(old_dir.join(file)).unwrap(),
                    std::fs::read(new_dir.join(file)).unwrap(),
                    "{edit} changed {file}, yet it was kept"
                );
            }
        }
    }

    #[test]
    fn a_changed_text_keeps_only_pages_that_do_not_show_it() {
        let old = demo_loaded();
        let kept = kept_pages_are_unchanged(&old, "UPR3-110.1", "text_en", "Ratify it all.");
        let site = Site::new(&old.dataset, &old.i18n);
        let total = site.routes().iter().filter(|r| r.lang == 0).count();
        assert!(
            matches!(kept, Some(k) if k > total / 2),
            "{kept:?} of {total}"
        );
    }

    #[test]
    fn pages_kept_after_other_recommendation_edits_are_those_a_fresh_build_gives() {
        let old = demo_loaded();
        // Response (status), cluster member, follow-up date, a term's membership, a date.
        for (id, column, value) in [
            ("UPR3-110.2", "response", "supported"),
            ("UPR3-110.1", "text_fr", "Tout ratifier."),
            ("UPR3-110.2", "follow_up_due", "2027-01-31"),
            ("UPR3-110.2", "themes", "torture"),
            ("UPR3-110.1", "paragraph", "110.99"),
            ("UPR3-110.1", "lead_institution", "MOJ"),
        ] {
            let kept = kept_pages_are_unchanged(&old, id, column, value);
            eprintln!("{column} of {id}: {kept:?} pages kept");
        }
    }

    #[test]
    fn a_change_outside_the_recommendations_keeps_nothing_by_derivation() {
        let old = demo_loaded();
        let mut other = old.dataset.clone();
        other.actions.pop();
        let (a, b) = (RowHashes::of(&old.dataset), RowHashes::of(&other));
        assert!(KeptPages::between(&old.dataset, &a, &other, &b).is_none());
        let mut fewer = old.dataset.clone();
        fewer.recommendations.pop();
        let c = RowHashes::of(&fewer);
        assert!(KeptPages::between(&old.dataset, &a, &fewer, &c).is_none());
    }
}
