//! One `docket serve` session: the first build, then a rebuild after every change, each
//! published to the open pages.

use std::path::Path;
use std::time::Instant;

use anyhow::Result;
use tera::Tera;

use super::live::Live;
use super::overlay::{self, PanelLanguage};
use super::row_diff::{KeptPages, RowHashes};
use super::sync::{Served, Synced};
use crate::build::{self, BuildOptions, Timings};
use crate::emit::Unchanged;
use crate::output::{self, Staging};
use crate::site::RowCache;

pub struct Session {
    options: BuildOptions,
    /// Loaded once and kept while only data and content change.
    templates: Option<Tera>,
    /// What each served page was rendered from, while `templates` are the ones that rendered
    /// it: pages whose inputs are the same are not rendered again.
    fingerprints: Option<output::Fingerprints>,
    /// The data the served pages were built from, to tell which rows the next load changed.
    loaded: Option<Loaded>,
    /// The list rows the served pages hold, rendered with `templates`.
    rows: Option<RowCache>,
    /// `None` until the first good build is in the output folder.
    served: Option<Served>,
    /// The served Data pages' files: [`build::write_later`] writes them.
    later_pages: Vec<String>,
    language: PanelLanguage,
}

/// One load of the portal and its rows' hashes.
struct Loaded {
    portal: build::Portal,
    rows: RowHashes,
}

/// What a successful (re)build did.
struct Rebuilt {
    /// `None` for the first build, which replaced the folder as a whole.
    synced: Option<Synced>,
    pages: usize,
    /// Pages rendered; the others had the inputs of the pages already served.
    rendered: usize,
    /// Pages not even given a context, because no row they show changed.
    kept: usize,
    /// The search index, the open data and the Data pages are still the previous build's:
    /// [`Session::sync_later`] brings them.
    search_later: bool,
}

impl Session {
    pub fn new(options: BuildOptions) -> Session {
        Session {
            options,
            templates: None,
            fingerprints: None,
            loaded: None,
            rows: None,
            served: None,
            later_pages: Vec::new(),
            language: PanelLanguage::fallback(),
        }
    }

    /// True once a good build is being served.
    pub fn has_built(&self) -> bool {
        self.served.is_some()
    }

    /// Builds after `changed` (portal-relative paths; empty for the first build), tells the
    /// open pages, and prints one line. Fails only on what the browser cannot show: an
    /// output folder Docket may not replace, or I/O.
    pub fn rebuild(&mut self, changed: &[String], live: &Live) -> Result<()> {
        let started = Instant::now();
        let what = describe(changed);
        let keep_templates = !changed.is_empty()
            && changed
                .iter()
                .all(|p| p.starts_with("data/") || p.starts_with("content/"));
        if !keep_templates {
            self.templates = None;
            self.fingerprints = None;
            self.loaded = None;
            self.rows = None;
        }
        match self.build() {
            Ok(mut rebuilt) => {
                live.publish(None, None);
                let served_in = started.elapsed().as_secs_f64();
                if rebuilt.search_later {
                    let search = self.sync_later();
                    let synced = rebuilt.synced.as_mut();
                    match (search, synced) {
                        (Ok(search), Some(synced)) => synced.add(search),
                        (Err(error), _) => eprintln!("error: {error:#}"),
                        _ => {}
                    }
                }
                let rewritten = match &rebuilt.synced {
                    Some(synced) => format!(
                        "{} files rewritten, {} removed",
                        synced.rewritten.len(),
                        synced.removed
                    ),
                    None => format!("into {}", self.options.output.display()),
                };
                let time = if rebuilt.search_later {
                    format!(
                        "pages served after {served_in:.2}s, the search index after {:.2}s",
                        started.elapsed().as_secs_f64()
                    )
                } else {
                    format!("{served_in:.2}s")
                };
                println!(
                    "{what}: rendered {} of {} pages ({} unseen: no row they show changed); {rewritten}; {time}",
                    rebuilt.rendered, rebuilt.pages, rebuilt.kept,
                );
                Ok(())
            }
            Err(error) => {
                let Some(invalid) = build::as_invalid_portal(&error) else {
                    if self.served.is_none() {
                        return Err(error);
                    }
                    eprintln!("error: {error:#}");
                    return Ok(());
                };
                let panel =
                    overlay::panel(&invalid.diagnostics, &self.options.root, &self.language);
                let fallback = self
                    .served
                    .is_none()
                    .then(|| overlay::page(&panel, &self.language));
                live.publish(Some(panel), fallback);
                eprintln!("{invalid}");
                let count = invalid.diagnostics.len();
                println!(
                    "{what}: {count} {}, shown on every open page; the last good build is still served",
                    if count == 1 { "problem" } else { "problems" }
                );
                Ok(())
            }
        }
    }

    fn build(&mut self) -> Result<Rebuilt> {
        let (root, output) = (&self.options.root, &self.options.output);
        let mut timings = Timings::new(self.options.timings);
        let timings = &mut timings;
        let portal = build::load_for_timed(&self.options, timings)?;
        let templates = match self.templates.take() {
            Some(templates) => templates,
            None => {
                self.fingerprints = None;
                self.rows = None;
                output::load_templates(&portal.theme, portal.i18n.clone())?
            }
        };
        let staging = Staging::new(output, root, self.options.force)?;
        let previous = self.fingerprints.take().unwrap_or_default();
        let rows = RowHashes::of(&portal.dataset);
        let kept = self.loaded.take().and_then(|old| {
            KeptPages::between(&old.portal.dataset, &old.rows, &portal.dataset, &rows)
        });
        timings.lap("row diff");
        let unchanged = kept.as_ref().map(|k| k as &dyn Unchanged);
        let written = build::write_changed_site(
            &portal,
            &templates,
            &staging.dir,
            &previous,
            unchanged,
            self.rows.take(),
            timings,
        );
        self.templates = Some(templates);
        let mut written = written?;
        self.rows = written.rows.take();
        let search_later = self.served.is_some();
        let mut first_later = None;
        let synced = match &mut self.served {
            Some(served) => {
                // The pages first: the served search index, open data and Data pages stay
                // until `sync_later`.
                let mut unchanged = written.unchanged;
                let later_pages = &self.later_pages;
                unchanged.extend(served.files_where(|file| is_later(file, later_pages)));
                match served.sync(&staging.dir, output, &unchanged) {
                    Ok(synced) => Some(synced),
                    Err(error) => {
                        // Some files may have moved: learn the folder again, render all next
                        // time.
                        self.served = Some(Served::of_folder(output)?);
                        return Err(error);
                    }
                }
            }
            None => {
                // The first build replaces the folder as a whole, so it holds the search
                // index and the open data too: there are none served yet to follow.
                if let Some(templates) = &self.templates {
                    first_later = Some(build::write_later(&portal, templates, &staging.dir)?);
                }
                staging.commit()?;
                self.served = Some(Served::of_folder(output)?);
                None
            }
        };
        timings.lap("sync");
        let mut fingerprints = written.fingerprints;
        if let Some(later) = first_later {
            self.later_pages = later.pages.iter().map(|(file, _)| file.clone()).collect();
            fingerprints.extend(later.pages);
        }
        self.fingerprints = Some(fingerprints);
        self.language = panel_language(&portal);
        self.loaded = Some(Loaded { portal, rows });
        Ok(Rebuilt {
            synced,
            pages: written.stats.files,
            rendered: written.stats.rendered,
            kept: written.kept,
            search_later,
        })
    }

    /// Writes the search index, the open data and the Data pages of the last load and moves
    /// the files that changed into the served folder, removing those it no longer has.
    fn sync_later(&mut self) -> Result<Synced> {
        let (Some(loaded), Some(templates), Some(served)) =
            (&self.loaded, &self.templates, &mut self.served)
        else {
            anyhow::bail!("the search index has no build to follow");
        };
        let (root, output) = (&self.options.root, &self.options.output);
        let staging = Staging::new(output, root, self.options.force)?;
        let later = build::write_later(&loaded.portal, templates, &staging.dir)?;
        let later_pages = &self.later_pages;
        let others = served.files_where(|file| !is_later(file, later_pages));
        match served.sync(&staging.dir, output, &others) {
            Ok(synced) => {
                self.later_pages = later.pages.iter().map(|(file, _)| file.clone()).collect();
                if let Some(fingerprints) = &mut self.fingerprints {
                    fingerprints.extend(later.pages);
                }
                Ok(synced)
            }
            Err(error) => {
                self.served = Some(Served::of_folder(output)?);
                Err(error)
            }
        }
    }

    pub fn output(&self) -> &Path {
        &self.options.output
    }
}

/// Where the search index and the open data live in the site.
const LATER_DIRS: [&str; 2] = ["search/", "data/"];

/// True for a served file [`build::write_later`] writes: the search index, the open data, and
/// `later_pages` (the Data pages it wrote last).
fn is_later(file: &str, later_pages: &[String]) -> bool {
    LATER_DIRS.iter().any(|dir| file.starts_with(dir)) || later_pages.iter().any(|p| p == file)
}

/// The problems panel speaks the portal's default language.
fn panel_language(portal: &build::Portal) -> PanelLanguage {
    let config = &portal.dataset.config;
    PanelLanguage {
        i18n: portal.i18n.clone(),
        lang: config.default_language.clone(),
        dir: config
            .languages
            .iter()
            .find(|l| l.code == config.default_language)
            .map_or("ltr", |l| l.dir.as_str())
            .to_string(),
    }
}

/// "data/recommendations.csv changed", "3 files changed", or "First build".
fn describe(changed: &[String]) -> String {
    match changed {
        [] => "First build".to_string(),
        [one] => format!("{one} changed"),
        [first, rest @ ..] => format!("{first} and {} more changed", rest.len()),
    }
}
