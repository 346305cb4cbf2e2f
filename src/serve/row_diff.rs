//! Which pages and files a rebuild can keep without building them, from the rows that
//! changed since the previous load of the portal.
//!
//! Derived: some rows of recommendations, actions and status updates changed, and nothing else
//! did (every other table, content, config, the as-of date; no row added or removed). A changed
//! update or action counts as a change of the recommendations it is about (their pages show
//! it); an action also changes when an update about it or one of its recommendations changed.
//! Then a page whose context cannot read a changed row is kept as served: another
//! recommendation's page (unless it lists a changed one as a cluster member), an action's page
//! that lists none, a term's pages when the term has none (an institution's, which list actions
//! and the updates it gave, only when no action or update changed), content pages and
//! redirects. Pages that aggregate (home, indexes, tracking, the Data, search and report pages,
//! indicators) are fingerprinted as before. Any other change, or a change of the set of pages,
//! keeps nothing by derivation.

use std::collections::HashSet;

use rayon::prelude::*;

use crate::emit::Unchanged;
use crate::model::{
    ActionId, AliasTarget, ClusterId, Dataset, RecommendationId, StatusId, Subject,
};
use crate::output::debug_hash;
use crate::site::{PageRoute, Route, Site, Term};

/// One load of the portal, row by row, as far as [`KeptPages`] compares it.
pub struct RowHashes {
    recommendations: Vec<u128>,
    actions: Vec<u128>,
    status_updates: Vec<u128>,
    /// Everything else in the dataset, as one hash.
    rest: u128,
}

impl RowHashes {
    pub fn of(data: &Dataset) -> RowHashes {
        RowHashes {
            recommendations: data.recommendations.par_iter().map(debug_hash).collect(),
            actions: data.actions.par_iter().map(debug_hash).collect(),
            status_updates: data.status_updates.par_iter().map(debug_hash).collect(),
            rest: debug_hash(&everything_but_rows(data)),
        }
    }
}

/// Every field of the dataset except the rows hashed one by one. Destructured without `..`,
/// so that a field added to [`Dataset`] cannot be left out of the comparison unnoticed.
fn everything_but_rows(data: &Dataset) -> impl std::fmt::Debug + '_ {
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
        actions: _,
        status_updates: _,
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
        (groups, sdg_goals, sdg_targets, clusters),
        (indicators, reports, pages, home_intro),
        (aliases, states, portal_state, multi_state),
    )
}

/// The pages that cannot have changed between two loads of the portal.
pub struct KeptPages {
    /// By recommendation: its row, or an action or update about it, changed.
    changed: Vec<bool>,
    clusters: HashSet<ClusterId>,
    actions: HashSet<ActionId>,
    /// The changed recommendations' headline statuses, before and after.
    statuses: HashSet<StatusId>,
    /// Some action or status update changed: institutions list both.
    institutions: bool,
}

impl KeptPages {
    /// `None` when the derivation does not cover the change: every page is then fingerprinted.
    pub fn between(
        old: &Dataset,
        old_rows: &RowHashes,
        new: &Dataset,
        new_rows: &RowHashes,
    ) -> Option<KeptPages> {
        let differ = |a: &[u128], b: &[u128]| -> Option<Vec<usize>> {
            (a.len() == b.len()).then(|| (0..a.len()).filter(|&i| a[i] != b[i]).collect())
        };
        if old_rows.rest != new_rows.rest {
            return None;
        }
        let recommendations = differ(&old_rows.recommendations, &new_rows.recommendations)?;
        let actions = differ(&old_rows.actions, &new_rows.actions)?;
        let updates = differ(&old_rows.status_updates, &new_rows.status_updates)?;
        let mut kept = KeptPages {
            changed: vec![false; new.recommendations.len()],
            clusters: HashSet::new(),
            actions: HashSet::new(),
            statuses: HashSet::new(),
            institutions: !actions.is_empty() || !updates.is_empty(),
        };
        for data in [old, new] {
            for &index in &recommendations {
                kept.changed[index] = true;
            }
            for &index in &actions {
                kept.actions.insert(ActionId(index as u32));
                for r in &data.actions[index].recommendations {
                    kept.changed[r.index()] = true;
                }
            }
            for &index in &updates {
                match data.status_updates[index].subject {
                    Subject::Recommendation(r) => kept.changed[r.index()] = true,
                    Subject::Action(a) => {
                        kept.actions.insert(a);
                    }
                }
            }
        }
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
            Term::Institution(_) if self.institutions => false,
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

    /// The demo portal of this repository in a scratch folder, with the cell `column` of the
    /// row `id` (its first cell) of `data/{table}.csv` set to `value`.
    fn demo_with(table: &str, id: &str, column: &str, value: &str) -> tempfile::TempDir {
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
        let csv = dir.path().join(format!("data/{table}.csv"));
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
        assert!(found, "no row {id} in {table}");
        dir
    }

    fn demo_loaded() -> Portal {
        load(Path::new(env!("CARGO_MANIFEST_DIR")), None).expect("the demo portal loads")
    }

    /// Every page the derivation keeps has the same template and context in both loads;
    /// returns how many pages it kept, or `None` when it kept none by derivation.
    fn kept_pages_are_unchanged(
        old: &Portal,
        (table, id, column, value): (&str, &str, &str, &str),
    ) -> Option<usize> {
        let edited = demo_with(table, id, column, value);
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
        let edit = ("recommendations", "UPR3-110.1", "text_en", "Ratify it all.");
        let kept = kept_pages_are_unchanged(&old, edit);
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
            let kept = kept_pages_are_unchanged(&old, ("recommendations", id, column, value));
            eprintln!("{column} of {id}: {kept:?} pages kept");
        }
    }

    #[test]
    fn pages_kept_after_status_update_and_action_edits_are_those_a_fresh_build_gives() {
        let old = demo_loaded();
        for edit in [
            // About a recommendation: its narrative, its status, its date.
            (
                "status_updates",
                "SU-0002",
                "narrative_en",
                "Submitted at last.",
            ),
            ("status_updates", "SU-0002", "status", "implemented"),
            ("status_updates", "SU-0002", "date", "2019-01-02"),
            // About an action, and given by another institution.
            ("status_updates", "SU-0001", "narrative_en", "Submitted."),
            ("status_updates", "SU-0001", "institution", "MOJ"),
            // An action's title, dates and recommendations.
            ("actions", "ACT-2018-01", "title_en", "Submit the bill"),
            ("actions", "ACT-2018-01", "due_date", "2030-12-31"),
            ("actions", "ACT-2018-01", "recommendations", "UPR3-110.2"),
        ] {
            let kept = kept_pages_are_unchanged(&old, edit);
            eprintln!("{edit:?}: {kept:?} pages kept");
            if edit.2 != "recommendations" && edit.2 != "institution" {
                assert!(matches!(kept, Some(k) if k > 0), "{edit:?}: {kept:?}");
            }
        }
    }

    #[test]
    fn a_row_removed_or_a_change_outside_the_derived_tables_keeps_nothing_by_derivation() {
        let old = demo_loaded();
        let mut other = old.dataset.clone();
        other.themes.pop();
        let (a, b) = (RowHashes::of(&old.dataset), RowHashes::of(&other));
        assert!(KeptPages::between(&old.dataset, &a, &other, &b).is_none());
        let mut fewer = old.dataset.clone();
        fewer.recommendations.pop();
        let c = RowHashes::of(&fewer);
        assert!(KeptPages::between(&old.dataset, &a, &fewer, &c).is_none());
        let mut no_update = old.dataset.clone();
        no_update.status_updates.pop();
        let d = RowHashes::of(&no_update);
        assert!(KeptPages::between(&old.dataset, &a, &no_update, &d).is_none());
    }
}
