//! The theme a portal is built with, in layers: Docket's built-in default theme, then a theme
//! folder under `themes/` if the portal has one, then the portal's own `templates/`,
//! `static/` and `i18n/`. A later layer's file replaces an earlier one of the same name, so a
//! portal holds only what it changes and gets every fix of the built-in theme on upgrade.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::path::Path;

use anyhow::{Context, Result};

use crate::diagnostics::Diagnostics;
use crate::load::{ensure_within, relative_slash_path, walk_within};

/// Every file of `themes/default` in this repository, embedded at compile time (`build.rs`).
pub const BUILT_IN: &[(&str, &[u8])] = include!(concat!(env!("OUT_DIR"), "/default_theme.rs"));

/// The name of the built-in theme in `config.toml`.
pub const DEFAULT_THEME: &str = "default";

/// The folders of a theme, which a portal may also hold at its root to override single files.
const PARTS: &[&str] = &["templates", "static", "i18n"];

/// One file of the resolved theme.
struct ThemeFile {
    bytes: Cow<'static, [u8]>,
    /// Where it came from, for messages: `themes/x/templates/a.html`, `templates/a.html`.
    label: String,
}

/// The theme's files by path inside the theme (`templates/base.html`, `i18n/fr/core.ftl`).
pub struct Theme {
    files: BTreeMap<String, ThemeFile>,
    /// The portal's own `i18n/{lang}/*.ftl`: extra messages, or changed ones, which replace
    /// the theme's message by message (not file by file).
    portal_messages: BTreeMap<String, ThemeFile>,
}

impl Theme {
    /// Resolves the layers for `name` (the `theme` of config.toml) under `root`. A copy of the
    /// default theme in `themes/default` still works; each of its files that differs from
    /// the built-in theme is a warning.
    /// `name_at` is where config.toml sets the theme (line, column), for messages.
    pub fn resolve(
        root: &Path,
        name: &str,
        name_at: (u64, u64),
        diagnostics: &mut Diagnostics,
    ) -> Result<Theme> {
        let mut theme = Theme {
            files: BTreeMap::new(),
            portal_messages: BTreeMap::new(),
        };
        for (path, bytes) in BUILT_IN {
            theme.files.insert(
                path.to_string(),
                ThemeFile {
                    bytes: Cow::Borrowed(bytes),
                    label: format!("(built-in theme)/{path}"),
                },
            );
        }
        let folder = root.join("themes").join(name);
        let folder_label = format!("themes/{name}");
        if folder.is_dir() {
            if name == DEFAULT_THEME {
                warn_about_copy(&theme, root, &folder, &folder_label, diagnostics)?;
            }
            for part in PARTS {
                let dir = folder.join(part);
                if dir.is_dir() {
                    let files = read_part(root, &dir, part, &format!("{folder_label}/{part}"))?;
                    theme.files.extend(files);
                }
            }
        } else if name != DEFAULT_THEME {
            diagnostics.error_with_help(
                crate::config::CONFIG_FILE,
                name_at.0,
                name_at.1,
                format!("theme `{name}` not found at {folder_label}"),
                format!(
                    "set `theme` to a folder under themes/, or to \"{DEFAULT_THEME}\" for Docket's built-in theme"
                ),
            );
        }
        for part in PARTS {
            let dir = root.join(part);
            if !dir.is_dir() {
                continue;
            }
            let files = read_part(root, &dir, part, part)?;
            if *part == "i18n" {
                theme.portal_messages.extend(files);
            } else {
                theme.files.extend(files);
            }
        }
        Ok(theme)
    }

    /// Files under `part/` as (path inside `part`, bytes, label), in name order.
    fn part<'a>(&'a self, part: &'a str) -> impl Iterator<Item = (&'a str, &'a [u8], &'a str)> {
        let prefix = format!("{part}/");
        self.files.iter().filter_map(move |(path, file)| {
            path.strip_prefix(prefix.as_str())
                .map(|rest| (rest, file.bytes.as_ref(), file.label.as_str()))
        })
    }

    /// Where the file at `path` inside the theme came from (`templates/base.html` may be the
    /// portal's `templates/base.html` or `(built-in theme)/templates/base.html`).
    pub fn label(&self, path: &str) -> Option<&str> {
        self.files.get(path).map(|f| f.label.as_str())
    }

    /// The content of the file at `path` inside the theme (`static/docket.css`).
    pub fn file(&self, path: &str) -> Option<&[u8]> {
        self.files.get(path).map(|f| f.bytes.as_ref())
    }

    /// The Tera templates as (name, source).
    pub fn templates(&self) -> Result<Vec<(String, String)>> {
        self.part("templates")
            .map(|(name, bytes, label)| {
                let source = std::str::from_utf8(bytes)
                    .with_context(|| format!("{label} is not UTF-8 text"))?;
                Ok((name.to_string(), source.to_string()))
            })
            .collect()
    }

    /// The files to publish under `static/`, as (path inside `static/`, bytes).
    pub fn static_files(&self) -> impl Iterator<Item = (&str, &[u8])> {
        self.part("static").map(|(name, bytes, _)| (name, bytes))
    }

    /// The Fluent files of `lang` as (label, source, whether its messages replace the
    /// theme's): the theme's files, then the portal's.
    pub fn messages(&self, lang: &str) -> Result<Vec<(String, String, bool)>> {
        let prefix = format!("i18n/{lang}/");
        let mut out = Vec::new();
        for (files, portal) in [(&self.files, false), (&self.portal_messages, true)] {
            for (path, file) in files {
                if !path.starts_with(&prefix) || !path.ends_with(".ftl") {
                    continue;
                }
                let source = std::str::from_utf8(&file.bytes)
                    .with_context(|| format!("{} is not UTF-8 text", file.label))?;
                out.push((file.label.clone(), source.to_string(), portal));
            }
        }
        Ok(out)
    }
}

/// The files below `dir` as (`part/relative path`, file labelled `label/relative path`).
fn read_part(root: &Path, dir: &Path, part: &str, label: &str) -> Result<Vec<(String, ThemeFile)>> {
    let mut out = Vec::new();
    // Never through a symbolic link out of the portal.
    ensure_within(root, dir)?;
    for path in walk_within(root, dir)? {
        let relative = relative_slash_path(dir, &path);
        let bytes =
            std::fs::read(&path).with_context(|| format!("cannot read {}", path.display()))?;
        out.push((
            format!("{part}/{relative}"),
            ThemeFile {
                bytes: Cow::Owned(bytes),
                label: format!("{label}/{relative}"),
            },
        ));
    }
    Ok(out)
}

/// One warning per file of an old copy of the default theme that differs from the built-in
/// theme. An identical copy is left alone: it is what the built-in theme is (this repository
/// itself holds the theme's source there).
fn warn_about_copy(
    built_in: &Theme,
    root: &Path,
    folder: &Path,
    label: &str,
    diagnostics: &mut Diagnostics,
) -> Result<()> {
    for part in PARTS {
        let dir = folder.join(part);
        if !dir.is_dir() {
            continue;
        }
        for path in walk_within(root, &dir)? {
            let relative = format!("{part}/{}", relative_slash_path(&dir, &path));
            let bytes =
                std::fs::read(&path).with_context(|| format!("cannot read {}", path.display()))?;
            let same = built_in
                .files
                .get(&relative)
                .is_some_and(|f| f.bytes.as_ref() == bytes.as_slice());
            if same {
                continue;
            }
            diagnostics.warning(
                &format!("{label}/{relative}"),
                0,
                0,
                "this copied theme file differs from Docket's built-in theme, so the portal does not get the theme's fixes",
                format!(
                    "keep your change as {relative} at the portal root (it overrides the built-in file), then delete {label}/"
                ),
            );
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::BUILT_IN;
    use crate::test_common::{read_tree, repo_root};

    #[test]
    fn the_embedded_theme_matches_the_theme_folder() {
        let on_disk: BTreeMap<String, Vec<u8>> = read_tree(&repo_root().join("themes/default"));
        let embedded: BTreeMap<String, Vec<u8>> = BUILT_IN
            .iter()
            .map(|(name, source)| (name.to_string(), source.to_vec()))
            .collect();
        assert_eq!(
            on_disk.keys().collect::<Vec<_>>(),
            embedded.keys().collect::<Vec<_>>(),
            "rebuild: the embedded file list is stale"
        );
        for (name, bytes) in &on_disk {
            assert!(
                bytes == &embedded[name],
                "{name} differs from its embedded copy"
            );
        }
    }
}
