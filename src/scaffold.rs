//! `docket new`: a small portal that builds as it is, with Docket's built-in theme.

use std::path::Path;

use anyhow::{Context, Result, bail};

mod contributing;
mod portal_files;
mod starter_text;

/// Writes a copy of the built-in theme into `dir`: a starting point for a theme of one's own
/// (a portal needs none: it is built with the built-in theme).
pub fn write_default_theme(dir: &Path) -> Result<()> {
    for (name, source) in crate::theme::BUILT_IN {
        let path = dir.join(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)
                .with_context(|| format!("cannot create {}", parent.display()))?;
        }
        std::fs::write(&path, source)
            .with_context(|| format!("cannot write {}", path.display()))?;
    }
    Ok(())
}

/// The default language must have every message of the theme (it is the last fallback):
/// when the built-in theme has none in it, the English ones are copied to the portal's
/// `i18n/{lang}/` for a translator to replace.
fn write_default_language_messages(dir: &Path, lang: &str) -> Result<()> {
    let has = |lang: &str| {
        let prefix = format!("i18n/{lang}/");
        crate::theme::BUILT_IN
            .iter()
            .any(|(name, _)| name.starts_with(&prefix))
    };
    if has(lang) {
        return Ok(());
    }
    let target = dir.join("i18n").join(lang);
    std::fs::create_dir_all(&target)
        .with_context(|| format!("cannot create {}", target.display()))?;
    for (name, source) in crate::theme::BUILT_IN {
        let Some(file) = name.strip_prefix("i18n/en/") else {
            continue;
        };
        let mut text = format!(
            "# The theme's English messages, standing in for `{lang}`, this portal's default language: translate each value.\n"
        )
        .into_bytes();
        text.extend_from_slice(source);
        let path = target.join(file);
        std::fs::write(&path, text).with_context(|| format!("cannot write {}", path.display()))?;
    }
    Ok(())
}

/// What `docket new` makes beyond the folder itself.
#[derive(Debug, Clone)]
pub struct NewPortalOptions {
    /// Language codes (BCP 47); the first is the default language.
    pub languages: Vec<String>,
    /// Write tables with their header rows only, no sample rows.
    pub empty: bool,
    /// One workbook, `data/portal.xlsx` (a sheet per table), instead of CSV files.
    pub workbook: bool,
}

impl Default for NewPortalOptions {
    fn default() -> Self {
        NewPortalOptions {
            languages: vec!["en".to_string(), "fr".to_string()],
            empty: false,
            workbook: false,
        }
    }
}

/// Creates a new portal in `dir`, which must not exist or be empty, in English and French
/// with a sample row in every table.
pub fn new_portal(dir: &Path) -> Result<()> {
    new_portal_with(dir, &NewPortalOptions::default())
}

/// `data/portal.xlsx`: the starter tables (CSV text) as one sheet each.
fn write_workbook(data: &Path, tables: &[(&'static str, String)]) -> Result<()> {
    let mut diagnostics = crate::Diagnostics::default();
    let parsed: Vec<(&str, crate::load::Table)> = tables
        .iter()
        .map(|(name, body)| {
            let table = name.trim_end_matches(".csv");
            (
                table,
                crate::load::parse_csv(name, body.as_bytes(), &mut diagnostics),
            )
        })
        .collect();
    diagnostics
        .into_result()
        .context("the starter tables do not parse")?;
    let sheets: Vec<(&str, &crate::load::Table)> = parsed.iter().map(|(n, t)| (*n, t)).collect();
    crate::export::write_workbook(&data.join("portal.xlsx"), &sheets)
}

/// Creates a new portal in `dir`, which must not exist or be empty.
pub fn new_portal_with(dir: &Path, options: &NewPortalOptions) -> Result<()> {
    let languages = portal_files::checked_languages(&options.languages)?;
    if dir.exists()
        && std::fs::read_dir(dir)
            .with_context(|| format!("cannot read {}", dir.display()))?
            .next()
            .is_some()
    {
        bail!(
            "{} already exists and is not empty; choose a new folder",
            dir.display()
        );
    }
    std::fs::create_dir_all(dir.join("data"))
        .with_context(|| format!("cannot create {}", dir.display()))?;
    std::fs::create_dir_all(dir.join("content"))?;
    std::fs::write(dir.join("config.toml"), portal_files::config(&languages))?;
    let tables = portal_files::tables(&languages, options.empty);
    if options.workbook {
        write_workbook(&dir.join("data"), &tables)?;
    } else {
        for (name, body) in tables {
            std::fs::write(dir.join("data").join(name), body)?;
        }
    }
    for (name, body) in portal_files::about_pages(&languages) {
        std::fs::write(dir.join("content").join(name), body)?;
    }
    write_default_language_messages(dir, &languages[0])?;
    contributing::write_guide(dir, options.workbook)?;
    let codes: Vec<&str> = languages.iter().map(String::as_str).collect();
    crate::publish::write_hosting_files(dir, &codes)
}
