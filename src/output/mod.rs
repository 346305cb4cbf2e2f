//! Stage 4: templates to files, static assets, and the atomic swap into the output folder.

mod atomic;
mod fetch;
mod fingerprint;
mod ownership;
mod published;
mod templates;

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};

use anyhow::{Context, Result};
use rayon::prelude::*;
use tera::Tera;

pub use atomic::Staging;
#[cfg(test)]
pub use fingerprint::inputs_of;
pub use fingerprint::{Fingerprints, Page, debug_hash};
pub use ownership::{MARKER, prepare_output};
pub use published::{PreviousList, PreviousUrls, URL_LIST, check_previous, url_list};
pub use templates::{load_templates, template_problem};

use crate::emit::{Emitted, Emitter};
use crate::site::{PageRoute, Route, Site, urls};
use crate::theme::Theme;

/// What a build wrote.
#[derive(Debug, Default, Clone)]
pub struct WriteStats {
    /// Pages written per language code (the root and 404 pages count for the default language).
    pub pages_per_language: BTreeMap<String, usize>,
    pub files: usize,
    pub bytes: u64,
    /// Pages rendered by this build: all of them, except in the dev server, which skips
    /// pages whose inputs did not change.
    pub rendered: usize,
}

/// Renders every route into `out_dir`, in parallel. `progress` is called with the number of
/// pages done so far.
pub fn write_pages(
    site: &Site,
    tera: &Tera,
    out_dir: &Path,
    progress: &(dyn Fn(usize, usize) + Sync),
) -> Result<WriteStats> {
    let routes = site.routes();
    let total = routes.len();
    let done = AtomicUsize::new(0);
    let bytes = AtomicUsize::new(0);
    // Directories first, once each, so that writers never ask for a folder twice. Created in
    // parallel (one per page at scale): a parent another thread just made is fine.
    let paths: Vec<String> = routes
        .par_iter()
        .map(|&r| urls::file_of(&site.path(r)))
        .collect();
    let mut dirs: Vec<&str> = paths
        .iter()
        .filter_map(|p| p.rsplit_once('/').map(|(d, _)| d))
        .collect();
    dirs.sort_unstable();
    dirs.dedup();
    dirs.par_iter().try_for_each(|dir| {
        std::fs::create_dir_all(out_dir.join(dir))
            .with_context(|| format!("cannot create {}", out_dir.join(dir).display()))
    })?;
    routes
        .par_iter()
        .zip(paths.par_iter())
        .try_for_each(|(&route, file)| -> Result<()> {
            let written = with_rendered(tera, &site.context(route), file, |html| {
                std::fs::write(out_dir.join(file), html)
                    .with_context(|| format!("cannot write {file}"))?;
                Ok(html.len())
            })?;
            bytes.fetch_add(written, Ordering::Relaxed);
            let n = done.fetch_add(1, Ordering::Relaxed) + 1;
            if n % 256 == 0 || n == total {
                progress(n, total);
            }
            Ok(())
        })?;
    rows_rendered(site)?;
    let mut stats = WriteStats {
        files: total,
        bytes: bytes.into_inner() as u64,
        rendered: total,
        ..WriteStats::default()
    };
    count_languages(site, &routes, &mut stats);
    Ok(stats)
}

/// What [`write_changed_pages`] did.
pub struct ChangedPages {
    pub stats: WriteStats,
    /// The inputs of every page, for the next build.
    pub fingerprints: Fingerprints,
    /// Pages not written because their inputs are those of `previous`: the file already
    /// served is the one this build would write.
    pub unchanged: Vec<String>,
    /// How many of `unchanged` were kept without building their context.
    pub kept: usize,
}

/// Which pages [`write_changed_pages`] may leave out.
pub struct ChangedPageScope<'a> {
    /// Says a page cannot have changed (only ever said when the site has exactly the pages of
    /// the previous build): it is not even given a context.
    pub keep: &'a (dyn Fn(PageRoute) -> bool + Sync),
    /// Pages another step writes ([`write_listed_pages`]): neither written nor counted.
    pub skip: &'a (dyn Fn(PageRoute) -> bool + Sync),
}

/// Like [`write_pages`], but renders into `out_dir` only the pages whose template name or
/// context differ from `previous` (rendered with the same templates), and none of those
/// `scope` leaves out.
pub fn write_changed_pages(
    site: &Site,
    tera: &Tera,
    out_dir: &Path,
    previous: &Fingerprints,
    scope: ChangedPageScope<'_>,
) -> Result<ChangedPages> {
    let ChangedPageScope { keep, skip } = scope;
    let mut routes = site.routes();
    routes.retain(|&route| !skip(route));
    let files: Vec<String> = routes
        .par_iter()
        .map(|&route| urls::file_of(&site.path(route)))
        .collect();
    let pages: Vec<(String, fingerprint::Page, Written)> = routes
        .par_iter()
        .zip(files)
        .map(
            |(&route, file)| -> Result<(String, fingerprint::Page, Written)> {
                if keep(route) {
                    if let Some(&page) = previous.get(&file) {
                        return Ok((file, page, Written::Kept));
                    }
                }
                let rendered = site.context(route);
                let inputs = fingerprint::inputs_of(&rendered);
                if let Some(&page) = previous.get(&file).filter(|p| p.inputs == inputs) {
                    return Ok((file, page, Written::SameInputs));
                }
                let target = out_dir.join(&file);
                if let Some(parent) = target.parent() {
                    // Safe in parallel: creating a folder that another page just made is fine.
                    std::fs::create_dir_all(parent)
                        .with_context(|| format!("cannot create {}", parent.display()))?;
                }
                let bytes = with_rendered(tera, &rendered, &file, |html| {
                    std::fs::write(&target, html)
                        .with_context(|| format!("cannot write {file}"))?;
                    Ok(html.len() as u64)
                })?;
                Ok((file, fingerprint::Page { inputs, bytes }, Written::Rendered))
            },
        )
        .collect::<Result<_>>()?;
    rows_rendered(site)?;
    let mut stats = WriteStats {
        files: pages.len(),
        ..WriteStats::default()
    };
    let mut unchanged = Vec::new();
    let mut kept = 0;
    for (file, page, written) in &pages {
        stats.bytes += page.bytes;
        match written {
            Written::Rendered => stats.rendered += 1,
            Written::Kept => {
                kept += 1;
                unchanged.push(file.clone());
            }
            Written::SameInputs => unchanged.push(file.clone()),
        }
    }
    count_languages(site, &routes, &mut stats);
    let fingerprints = pages.into_iter().map(|(f, p, _)| (f, p)).collect();
    Ok(ChangedPages {
        stats,
        fingerprints,
        unchanged,
        kept,
    })
}

/// Renders `routes` into `out_dir`, whatever the previous build had; their files and
/// fingerprints.
pub fn write_listed_pages(
    site: &Site,
    tera: &Tera,
    out_dir: &Path,
    routes: &[PageRoute],
) -> Result<Vec<(String, Page)>> {
    let pages = routes
        .par_iter()
        .map(|&route| -> Result<(String, Page)> {
            let file = urls::file_of(&site.path(route));
            let rendered = site.context(route);
            let target = out_dir.join(&file);
            if let Some(parent) = target.parent() {
                std::fs::create_dir_all(parent)
                    .with_context(|| format!("cannot create {}", parent.display()))?;
            }
            let bytes = with_rendered(tera, &rendered, &file, |html| {
                std::fs::write(&target, html).with_context(|| format!("cannot write {file}"))?;
                Ok(html.len() as u64)
            })?;
            let page = Page {
                inputs: fingerprint::inputs_of(&rendered),
                bytes,
            };
            Ok((file, page))
        })
        .collect::<Result<_>>()?;
    rows_rendered(site)?;
    Ok(pages)
}

/// What became of one page in [`write_changed_pages`].
enum Written {
    Rendered,
    /// Its context was built and fingerprinted, and equals the previous one.
    SameInputs,
    /// Not even given a context: its inputs cannot have changed.
    Kept,
}

fn count_languages(site: &Site, routes: &[PageRoute], stats: &mut WriteStats) {
    for route in routes {
        let lang = site
            .language_codes()
            .nth(route.lang as usize)
            .unwrap_or_default()
            .to_string();
        *stats.pages_per_language.entry(lang).or_default() += 1;
    }
}

/// Fails when a shared fragment's template failed (a list row, a cluster row, a menu): the
/// pages that hold it lack it.
pub(crate) fn rows_rendered(site: &Site) -> Result<()> {
    match site.take_row_error() {
        Some(error) => Err(anyhow::Error::new(error)
            .context("cannot render a recommendation's row, a menu or the language links")),
        None => Ok(()),
    }
}

thread_local! {
    /// Each rendering thread's page buffer: it keeps the capacity of the largest page so
    /// far, so that rendering a page neither allocates nor grows its output.
    static PAGE_BUFFER: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Renders one page's context with its template into this thread's buffer and gives
/// `use_page` its bytes; `file` names the page in errors.
pub(crate) fn with_rendered<R>(
    tera: &Tera,
    rendered: &crate::site::RenderedContext,
    file: &str,
    use_page: impl FnOnce(&[u8]) -> Result<R>,
) -> Result<R> {
    PAGE_BUFFER.with_borrow_mut(|buffer| {
        buffer.clear();
        tera.render_to(rendered.template, &rendered.context, &mut *buffer)
            .map_err(|e| {
                anyhow::Error::new(e)
                    .context(format!("cannot render {file} with {}", rendered.template))
            })?;
        if !crate::i18n::has_fallback_marks(buffer) {
            return use_page(buffer);
        }
        let html = String::from_utf8(std::mem::take(buffer))
            .with_context(|| format!("{file} is not UTF-8"))?;
        let marked = crate::i18n::mark_fallbacks(html);
        let result = use_page(marked.as_bytes());
        *buffer = marked.into_bytes();
        result
    })
}

/// `static/`: the theme's and the portal's static files, and `static/statuses.css`.
pub struct StaticAssets<'a> {
    pub theme: &'a Theme,
}

impl Emitter for StaticAssets<'_> {
    fn name(&self) -> &'static str {
        "static"
    }

    fn emit(&self, site: &Site, out_dir: &Path) -> Result<Emitted> {
        let (files, bytes) = copy_static(self.theme, out_dir)?;
        let css = status_css(&site.data.config);
        std::fs::write(out_dir.join("static/statuses.css"), &css)
            .context("cannot write static/statuses.css")?;
        Ok(Emitted::counted(files + 1, bytes + css.len() as u64))
    }
}

/// `_redirects`, when some row has an old id.
pub struct Redirects;

impl Emitter for Redirects {
    fn name(&self) -> &'static str {
        "redirects"
    }

    fn emit(&self, site: &Site, out_dir: &Path) -> Result<Emitted> {
        let redirects = redirects_file(site);
        if redirects.is_empty() {
            return Ok(Emitted::default());
        }
        std::fs::write(out_dir.join("_redirects"), &redirects)
            .context("cannot write _redirects")?;
        Ok(Emitted::counted(1, redirects.len() as u64))
    }
}

/// Writes the theme's `static/` files (the portal's over the theme's) into `out_dir/static/`.
pub fn copy_static(theme: &Theme, out_dir: &Path) -> Result<(usize, u64)> {
    let (mut files, mut bytes) = (0, 0);
    for (name, content) in theme.static_files() {
        let target = out_dir.join("static").join(name);
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent)
                .with_context(|| format!("cannot create {}", parent.display()))?;
        }
        std::fs::write(&target, content)
            .with_context(|| format!("cannot write {}", target.display()))?;
        files += 1;
        bytes += content.len() as u64;
    }
    Ok((files, bytes))
}

/// Netlify-style `_redirects`: old ids (`aliases`) answer with a permanent redirect.
/// Hosts without it still get the HTML redirect pages.
pub fn redirects_file(site: &Site) -> String {
    let mut out = String::new();
    let base = site.base_path();
    for route in site.routes() {
        if let PageRoute {
            route: Route::Alias(index),
            lang,
        } = route
        {
            let from = site.path(route);
            let to = site.path(PageRoute {
                lang,
                route: site.alias_route(site.data.aliases[index.index()].target),
            });
            out.push_str(&format!("{base}{from} {base}{to} 301\n"));
        }
    }
    // Missing pages under a language's prefix get that language's 404 page.
    for lang in site.language_codes() {
        out.push_str(&format!("{base}{lang}/* {base}{lang}/404.html 404\n"));
    }
    out
}

/// `static/statuses.css`: one class per status of the scale, so templates need no inline style.
/// Badge text is white or near-black, whichever contrasts more with the status colour.
pub fn status_css(config: &crate::config::Config) -> String {
    let mut css = String::from("/* Generated by Docket from the status scale in config.toml. */\n");
    for status in &config.statuses {
        let slug = crate::slug::slugify(&status.id);
        let text = badge_text_colour(&status.colour);
        css.push_str(&format!(
            ".status-{slug} {{ --status: {colour}; }}\n.badge.status-{slug}, a.badge.status-{slug}:hover {{ background: {colour}; color: {text}; }}\n.fill.status-{slug} {{ fill: {colour}; }}\n",
            colour = status.colour
        ));
    }
    css
}

/// The relative luminance (WCAG 2.1) of a `#rgb` or `#rrggbb` colour.
fn luminance(colour: &str) -> Option<f64> {
    let hex = colour.strip_prefix('#')?;
    let hex: String = match hex.len() {
        3 => hex.chars().flat_map(|c| [c, c]).collect(),
        6 => hex.to_string(),
        _ => return None,
    };
    let channel = |i: usize| -> Option<f64> {
        let c = f64::from(u8::from_str_radix(hex.get(i..i + 2)?, 16).ok()?) / 255.0;
        Some(if c <= 0.03928 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        })
    };
    Some(0.2126 * channel(0)? + 0.7152 * channel(2)? + 0.0722 * channel(4)?)
}

const DARK_TEXT: &str = "#101828";

fn badge_text_colour(colour: &str) -> &'static str {
    let dark = luminance(DARK_TEXT).expect("a valid colour");
    match luminance(colour) {
        Some(l) if (l + 0.05) / (dark + 0.05) > 1.05 / (l + 0.05) => DARK_TEXT,
        _ => "#ffffff",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn badge_text_takes_the_colour_that_contrasts_more() {
        assert_eq!(badge_text_colour("#5fd39a"), DARK_TEXT);
        assert_eq!(badge_text_colour("#f08c00"), DARK_TEXT);
        assert_eq!(badge_text_colour("#a31b12"), "#ffffff");
        assert_eq!(badge_text_colour("#fff"), DARK_TEXT);
        assert!((luminance("#ffffff").unwrap() - 1.0).abs() < 1e-9);
    }
}
