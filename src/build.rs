//! The pipeline: load, validate, lay out, render, swap in.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use chrono::NaiveDate;

use crate::diagnostics::{Diagnostic, Diagnostics, InvalidPortal};
use crate::emit::{Emitted, Emitter, Unchanged};
use crate::i18n::I18n;
use crate::model::{Dataset, build_dataset};
use crate::output::{self, Staging, WriteStats};
use crate::site::{PageRoute, Route, RowCache, Site};
use crate::theme::Theme;
use crate::{export, search};

/// Settings of one build, from the command line.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    /// The portal folder (holds config.toml).
    pub root: PathBuf,
    /// Where the site goes; replaced as a whole, only when the build succeeds, and only when
    /// Docket wrote it (or `force`).
    pub output: PathBuf,
    /// Replace `output` even when it is not empty and has no Docket marker.
    pub force: bool,
    /// A previous build's `urls.txt` (a file or the live site's URL): the build fails if one
    /// of its URLs would disappear.
    pub previous: Option<output::PreviousUrls>,
    /// Overrides `base_url` from config.toml (for previews and the dev server).
    pub base_url: Option<crate::web_url::WebUrl>,
    /// Overrides the as-of date.
    pub as_of: Option<NaiveDate>,
    /// Show a progress line on stderr (only on a terminal, never in CI).
    pub progress: bool,
    /// Print the time of every stage and emitter to stderr.
    pub timings: bool,
}

/// A loaded, validated portal and its theme's messages.
pub struct Portal {
    pub dataset: Dataset,
    pub i18n: Arc<I18n>,
    /// The built-in theme with the portal's theme folder and overrides over it.
    pub theme: Theme,
    /// Things that work but should be changed (they never fail a build).
    pub warnings: Vec<Diagnostic>,
}

/// Loads and validates everything; every problem is reported at once as [`InvalidPortal`].
pub fn load(root: &Path, as_of: Option<NaiveDate>) -> Result<Portal> {
    load_timed(root, as_of, &mut Timings::off())
}

fn load_timed(root: &Path, as_of: Option<NaiveDate>, timings: &mut Timings) -> Result<Portal> {
    let mut diagnostics = Diagnostics::default();
    let raw = crate::load::load_portal(root, &mut diagnostics)?;
    timings.lap("load");
    let dataset = match build_dataset(&raw, as_of) {
        Ok(dataset) => Some(dataset),
        Err(invalid) => {
            for d in invalid.diagnostics {
                diagnostics.push(d);
            }
            None
        }
    };
    let Some(dataset) = dataset else {
        return Err(diagnostics.into_result().unwrap_err().into());
    };
    let theme_at = crate::config::value_location(&raw.config_source, "theme");
    // The rows are in the dataset now; a large portal's raw cells take long to free.
    drop_in_background(raw);
    let theme = Theme::resolve(root, &dataset.config.theme, theme_at, &mut diagnostics)?;
    let languages: Vec<&str> = dataset.config.language_codes().collect();
    let i18n = I18n::from_theme(
        &theme,
        &languages,
        &dataset.config.default_language,
        &mut diagnostics,
    )?
    .with_languages(&dataset.config.languages);
    let warnings = diagnostics.warnings();
    diagnostics.into_result()?;
    timings.lap("validate");
    Ok(Portal {
        dataset,
        i18n: Arc::new(i18n),
        theme,
        warnings,
    })
}

// Defined with the leaf helpers, so that the model can free its own structures too.
pub(crate) use crate::util::drop_in_background;

/// What a build wrote and how long it took.
#[derive(Debug)]
pub struct BuildSummary {
    /// The pages.
    pub stats: WriteStats,
    /// What each emitter wrote, in the order they ran.
    pub emitted: Vec<(&'static str, Emitted)>,
    pub elapsed: Duration,
    pub output: PathBuf,
    /// Said after the summary (such as theme messages missing in a language).
    pub warnings: Vec<String>,
}

impl std::fmt::Display for BuildSummary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let per_language: Vec<String> = self
            .stats
            .pages_per_language
            .iter()
            .map(|(l, n)| format!("{l} {n}"))
            .collect();
        write!(
            f,
            "Built {} pages ({}) into {} in {:.2}s",
            self.stats.files,
            per_language.join(", "),
            self.output.display(),
            self.elapsed.as_secs_f64()
        )?;
        for warning in &self.warnings {
            write!(f, "\nwarning: {warning}")?;
        }
        Ok(())
    }
}

/// Builds the portal into `options.output`, all or nothing.
pub fn build(options: &BuildOptions) -> Result<BuildSummary> {
    let started = Instant::now();
    let mut timings = Timings::new(options.timings);
    // Fetched first: a site that cannot be reached fails the build before any work.
    let previous = options.previous.as_ref().map(|p| p.read()).transpose()?;
    let portal = load_for_timed(options, &mut timings)?;
    let placed = |error| placed_template_error(error, &portal.theme);
    let tera = output::load_templates(&portal.theme, portal.i18n.clone()).map_err(placed)?;
    timings.lap("templates");
    let staging = Staging::new(&options.output, &options.root, options.force)?;
    let show_progress =
        options.progress && std::io::stderr().is_terminal() && std::env::var_os("CI").is_none();
    let progress = |done: usize, total: usize| {
        if show_progress {
            eprint!("\rRendering pages {done}/{total}");
            if done == total {
                eprintln!();
            }
        }
    };
    let (stats, emitted) = write_site_timed(
        &portal,
        &tera,
        previous.as_ref(),
        &staging.dir,
        &mut timings,
        &progress,
    )
    .map_err(placed)?;
    staging.commit()?;
    timings.lap("swap");
    let languages: Vec<&str> = portal.dataset.config.language_codes().collect();
    Ok(BuildSummary {
        stats,
        emitted,
        elapsed: started.elapsed(),
        output: options.output.clone(),
        warnings: portal
            .i18n
            .missing_warning(&languages)
            .into_iter()
            .collect(),
    })
}

/// [`load`] with the command line's overrides applied, timing its stages.
pub fn load_for_timed(options: &BuildOptions, timings: &mut Timings) -> Result<Portal> {
    let mut portal = load_timed(&options.root, options.as_of, timings)?;
    if let Some(base_url) = &options.base_url {
        portal.dataset.config.base_url = base_url.clone();
    }
    Ok(portal)
}

/// What each emitter wrote, in the order they ran.
pub type EmittedFiles = Vec<(&'static str, Emitted)>;

/// What [`write_changed_site`] wrote.
pub struct ChangedSite {
    pub stats: WriteStats,
    /// Every page's inputs, for the next rebuild.
    pub fingerprints: output::Fingerprints,
    /// Files left out of `dir` because they are those of the previous build: pages and
    /// emitters' files.
    pub unchanged: Vec<String>,
    /// How many of `unchanged` were kept without building their context.
    pub kept: usize,
    /// The list rows this build rendered or kept, for the next rebuild.
    pub rows: Option<RowCache>,
}

/// The build's files for the dev server but the search index, the open data and the Data
/// pages, which list the open data's sizes ([`write_later`] writes them): only the pages
/// whose inputs differ from
/// `previous` (the pages of the last build, rendered with the same `tera`). When the site has
/// exactly the pages of `previous`, what `unchanged` names is taken as served without even
/// building it: pages without a context, emitters' files without writing them, and the list
/// rows in `rows` (the previous build's) of the recommendations it says are unchanged.
pub fn write_changed_site(
    portal: &Portal,
    tera: &tera::Tera,
    dir: &Path,
    previous: &output::Fingerprints,
    unchanged: Option<&dyn Unchanged>,
    rows: Option<RowCache>,
    timings: &mut Timings,
) -> Result<ChangedSite> {
    let mut pages = None;
    let mut kept_files = Vec::new();
    let mut rows_after = None;
    let scope = Scope {
        previous: None,
        unchanged: |site: &Site| unchanged.filter(|_| previous.has_pages_of(site)),
        later: true,
        rows,
    };
    let (_, emitted) = write_site_with(portal, tera, dir, timings, scope, |site, unchanged| {
        let keep = |route| unchanged.is_some_and(|u| u.page(site, route));
        let scope = output::ChangedPageScope {
            keep: &keep,
            skip: &is_written_later,
        };
        let changed = output::write_changed_pages(site, tera, dir, previous, scope)?;
        let stats = changed.stats.clone();
        pages = Some(changed);
        rows_after = site.row_cache();
        Ok(stats)
    })?;
    for (_, mut report) in emitted {
        kept_files.append(&mut report.kept);
    }
    let mut pages = pages.context("the pages were not written")?;
    let kept = pages.kept;
    pages.unchanged.append(&mut kept_files);
    Ok(ChangedSite {
        stats: pages.stats,
        fingerprints: pages.fingerprints,
        unchanged: pages.unchanged,
        kept,
        rows: rows_after,
    })
}

/// Pages [`write_changed_site`] leaves to [`write_later`]: the Data pages list the sizes of
/// the open-data files, which it does not write.
fn is_written_later(route: PageRoute) -> bool {
    route.route == Route::Data
}

/// The emitters [`write_later`] runs and [`write_changed_site`] leaves out, in the order of a
/// full build: the search index sees no open-data files, the Data pages see them all.
const EMITTED_LATER: [&dyn Emitter; 2] = [&search::SearchIndex, &export::OpenData];

/// What [`write_later`] wrote besides the open data and the search index.
pub struct WrittenLater {
    /// The Data pages' files and fingerprints, for the next rebuild.
    pub pages: Vec<(String, output::Page)>,
}

/// The open data, the Data pages and the search index of `portal` into `dir`: what
/// [`write_changed_site`] leaves out, so that the dev server can serve the other pages first.
pub fn write_later(portal: &Portal, tera: &tera::Tera, dir: &Path) -> Result<WrittenLater> {
    let mut site = Site::new(&portal.dataset, &portal.i18n);
    site.set_templates(tera);
    let mut data_files = Vec::new();
    for emitter in EMITTED_LATER {
        let mut report = emitter
            .emit(&site, dir)
            .with_context(|| format!("cannot write the {} files", emitter.name()))?;
        data_files.append(&mut report.data_files);
    }
    site.set_data_files(data_files);
    let routes: Vec<PageRoute> = site
        .routes()
        .into_iter()
        .filter(|&r| is_written_later(r))
        .collect();
    let pages = output::write_listed_pages(&site, tera, dir, &routes)?;
    Ok(WrittenLater { pages })
}

fn write_site_timed(
    portal: &Portal,
    tera: &tera::Tera,
    previous: Option<&output::PreviousList>,
    dir: &Path,
    timings: &mut Timings,
    progress: &(dyn Fn(usize, usize) + Sync),
) -> Result<(WriteStats, EmittedFiles)> {
    let scope = Scope {
        previous,
        unchanged: |_: &Site| None,
        later: false,
        rows: None,
    };
    write_site_with(portal, tera, dir, timings, scope, |site, _| {
        output::write_pages(site, tera, dir, progress)
    })
}

/// Lays out the site, runs the emitters into `dir`, then `write_pages`. `unchanged` says, of
/// the laid-out site, what the emitters and `write_pages` may take as already served.
fn write_site_with<'u>(
    portal: &Portal,
    tera: &tera::Tera,
    dir: &Path,
    timings: &mut Timings,
    scope: Scope<'_, impl FnOnce(&Site) -> Option<&'u dyn Unchanged>>,
    write_pages: impl FnOnce(&Site, Option<&'u dyn Unchanged>) -> Result<WriteStats> + Send,
) -> Result<(WriteStats, EmittedFiles)> {
    let Scope {
        previous,
        unchanged,
        later,
        rows,
    } = scope;
    let mut site = Site::new(&portal.dataset, &portal.i18n);
    site.set_templates(tera);
    timings.lap("layout");
    let url_list = output::url_list(&site);
    if let Some(previous) = previous {
        output::check_previous(previous, &url_list)?;
    }
    let unchanged = unchanged(&site);
    if let (Some(unchanged), Some(rows)) = (unchanged, rows) {
        site.reuse_rows(rows, |id| unchanged.recommendation(id));
    }
    let static_assets = output::StaticAssets {
        theme: &portal.theme,
    };
    let emitters: [&dyn Emitter; 7] = [
        &export::OpenData,
        &export::Api,
        &export::Feeds,
        &export::Sitemap,
        &search::SearchIndex,
        &static_assets,
        &output::Redirects,
    ];
    let emitters: Vec<&dyn Emitter> = emitters
        .into_iter()
        .filter(|e| !later || !EMITTED_LATER.iter().any(|l| l.name() == e.name()))
        .collect();
    // What the pages show of an emitter's files (the Data page lists the downloads) must be
    // known before they render; the other emitters run alongside the pages.
    let (first, rest): (Vec<&dyn Emitter>, Vec<&dyn Emitter>) =
        emitters.iter().partition(|e| e.pages_show_its_files());
    let mut reports = Vec::new();
    let mut data_files = Vec::new();
    for emitter in first {
        let (mut report, took) = emit_timed(emitter, &site, dir, unchanged)?;
        timings.stage(emitter.name(), took, &report);
        data_files.append(&mut report.data_files);
        reports.push((emitter.name(), report));
    }
    site.set_data_files(data_files);
    let site = &site;
    let (emitted_rest, pages) = rayon::join(
        || -> Result<Vec<(&'static str, Timed<Emitted>)>> {
            rest.iter()
                .map(|&e| Ok((e.name(), emit_timed(e, site, dir, unchanged)?)))
                .collect()
        },
        || -> Result<Timed<WriteStats>> {
            let started = Instant::now();
            Ok((write_pages(site, unchanged)?, started.elapsed()))
        },
    );
    for (name, (report, took)) in emitted_rest? {
        timings.stage(name, took, &report);
        reports.push((name, report));
    }
    let (stats, rendered) = pages?;
    // Reported in the order of `emitters`, whichever ran first.
    let mut emitted = Vec::new();
    for name in emitters.iter().map(|e| e.name()) {
        if let Some(at) = reports.iter().position(|(n, _)| *n == name) {
            emitted.push(reports.remove(at));
        }
    }
    timings.stage(
        "render",
        rendered,
        &Emitted::counted(stats.files, stats.bytes),
    );
    timings.lap("emit+pages");
    std::fs::write(dir.join(output::URL_LIST), url_list).context("cannot write urls.txt")?;
    Ok((stats, emitted))
}

/// A result and how long it took.
type Timed<T> = (T, Duration);

/// Runs one emitter into `dir` (only what `unchanged` does not cover, when given).
fn emit_timed(
    emitter: &dyn Emitter,
    site: &Site,
    dir: &Path,
    unchanged: Option<&dyn Unchanged>,
) -> Result<Timed<Emitted>> {
    let started = Instant::now();
    let report = match unchanged {
        Some(unchanged) => emitter.emit_changed(site, dir, unchanged),
        None => emitter.emit(site, dir),
    };
    let report = report.with_context(|| format!("cannot write the {} files", emitter.name()))?;
    Ok((report, started.elapsed()))
}

/// What [`write_site_with`] checks and may leave out.
struct Scope<'p, U> {
    /// A previous build's URLs, none of which may disappear.
    previous: Option<&'p output::PreviousList>,
    /// Says, of the laid-out site, what the emitters and pages may take as already served.
    unchanged: U,
    /// Whether to leave the search index and the open data to [`write_later`].
    later: bool,
    /// A previous build's list rows, reused where `unchanged` says a recommendation is.
    rows: Option<RowCache>,
}

/// A template error Tera can place becomes a diagnostic at the template's file:line:column.
pub(crate) fn placed_template_error(error: anyhow::Error, theme: &Theme) -> anyhow::Error {
    match output::template_problem(&error, theme) {
        Some(invalid) => invalid.into(),
        None => error,
    }
}

/// `--timings`: the time since the previous stage, printed to stderr as each stage ends.
pub struct Timings {
    enabled: bool,
    last: Instant,
}

impl Timings {
    pub fn new(enabled: bool) -> Timings {
        Timings {
            enabled,
            last: Instant::now(),
        }
    }

    fn off() -> Timings {
        Timings::new(false)
    }

    pub fn lap(&mut self, stage: &str) {
        self.lap_with(stage, "");
    }

    fn lap_with(&mut self, stage: &str, detail: &str) {
        let now = Instant::now();
        self.print(stage, now - self.last, detail);
        self.last = now;
    }

    /// A stage that ran alongside others and took `took` by itself (the next lap still
    /// counts from the previous one).
    fn stage(&self, stage: &str, took: Duration, emitted: &Emitted) {
        let detail = format!("  {} files, {} bytes", emitted.files, emitted.bytes);
        self.print(stage, took, &detail);
    }

    fn print(&self, stage: &str, took: Duration, detail: &str) {
        if self.enabled {
            let seconds = took.as_secs_f64();
            eprintln!("timing: {stage:<10} {seconds:>8.3}s{detail}");
        }
    }
}

/// True when `error` is a data problem (already formatted for the user) rather than I/O.
pub fn as_invalid_portal(error: &anyhow::Error) -> Option<&InvalidPortal> {
    error.downcast_ref::<InvalidPortal>()
}

/// `docket export workbook`: writes every table of `data/` into a new workbook at `file`;
/// the number of tables. Refuses a data folder with problems (rows would be lost) and an
/// existing file (Docket never replaces what it did not write).
pub fn export_workbook(root: &Path, file: &Path) -> Result<usize> {
    if file.exists() {
        anyhow::bail!("{} already exists; choose a new file name", file.display());
    }
    let mut diagnostics = Diagnostics::default();
    let raw = crate::load::load_portal(root, &mut diagnostics)?;
    diagnostics.into_result()?;
    let mut merged = Vec::new();
    for (name, parts) in &raw.tables {
        let mut table = parts.first().cloned().unwrap_or_default();
        for part in parts.iter().skip(1) {
            if part.header != table.header {
                anyhow::bail!(
                    "{} and {} have different columns; a sheet has one header row",
                    table.file,
                    part.file
                );
            }
            table.rows.extend(part.rows.iter().cloned());
        }
        merged.push((*name, table));
    }
    let tables: Vec<(&str, &crate::load::Table)> = merged.iter().map(|(n, t)| (*n, t)).collect();
    crate::export::write_workbook(file, &tables)?;
    Ok(tables.len())
}
