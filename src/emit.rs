//! Emitters: everything a build writes besides the pages (open data, API, feeds, sitemap,
//! search index, static assets, redirects). Each takes the laid-out site and says what it
//! wrote, so that the build runs them in one loop and reports each.

use std::path::Path;

use anyhow::Result;

use crate::model::{ActionId, RecommendationId};
use crate::site::{DataFile, PageRoute, Site, Term};

/// One kind of file a build publishes besides the pages.
pub trait Emitter: Sync {
    /// A short name, shown by `docket build --timings`.
    fn name(&self) -> &'static str;
    /// True when pages show something of what this emitter wrote (its
    /// [`Emitted::data_files`]): it then runs before the pages render, the others alongside.
    fn pages_show_its_files(&self) -> bool {
        false
    }
    /// Writes into `out_dir` (the build's staging folder); returns what it wrote.
    fn emit(&self, site: &Site, out_dir: &Path) -> Result<Emitted>;
    /// The dev server's [`Emitter::emit`]: may leave out of `out_dir` the files that
    /// `unchanged` shows are the ones already served, naming them in [`Emitted::kept`].
    fn emit_changed(
        &self,
        site: &Site,
        out_dir: &Path,
        unchanged: &dyn Unchanged,
    ) -> Result<Emitted> {
        let _ = unchanged;
        self.emit(site, out_dir)
    }
}

/// What a dev-server rebuild knows did not change since the build it follows: asked only
/// when the new site has exactly the pages of that build.
pub trait Unchanged: Sync {
    /// True when recommendation `id`'s row is the one the previous build had, and so are the
    /// status updates and actions about it (its list rows, rendered from all three, are too).
    fn recommendation(&self, id: RecommendationId) -> bool;
    /// True when nothing action `id`'s files show (its row, its recommendations) changed.
    fn action(&self, id: ActionId) -> bool;
    /// True when none of the recommendations `term` lists (in `site`, the new load) changed.
    fn term(&self, site: &Site, term: Term) -> bool;
    /// True when `page` of `site` (the new load) cannot differ from the page served.
    fn page(&self, site: &Site, page: PageRoute) -> bool;
}

/// What one emitter wrote.
#[derive(Debug, Default, Clone)]
pub struct Emitted {
    /// Files written (not those in `kept`).
    pub files: usize,
    pub bytes: u64,
    /// The downloads the Data page lists (only an emitter whose
    /// [`Emitter::pages_show_its_files`] has any).
    pub data_files: Vec<DataFile>,
    /// Files of this build left out of the folder because the served ones are right
    /// (only [`Emitter::emit_changed`] keeps any).
    pub kept: Vec<String>,
}

impl Emitted {
    /// `files` files of `bytes` bytes in all, none of them a download of the Data page.
    pub fn counted(files: usize, bytes: u64) -> Emitted {
        Emitted {
            files,
            bytes,
            ..Emitted::default()
        }
    }
}
