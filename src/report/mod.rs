//! `docket report`: a draft follow-up report for a mechanism (a UPR cycle, a treaty body's
//! latest concluding observations) or for an institution, written to a file as Markdown, HTML
//! (printable on A4) or DOCX. The report itself, a plain [`Report`], and its HTML are laid out
//! by `site::draft_report`, which the portal's report pages use too.

mod docx;
mod markdown;

use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use chrono::NaiveDate;

pub use crate::site::draft_report::*;

use crate::site::Site;

/// The file formats `docket report` writes, chosen by the output's extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Markdown,
    Html,
    Docx,
}

impl Format {
    pub fn of(path: &Path) -> Result<Format> {
        match path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_lowercase)
            .as_deref()
        {
            Some("md") => Ok(Format::Markdown),
            Some("html" | "htm") => Ok(Format::Html),
            Some("docx") => Ok(Format::Docx),
            _ => bail!(
                "cannot tell the format of {}: name the output FILE.docx, FILE.html or FILE.md",
                path.display()
            ),
        }
    }
}

/// Settings of `docket report`, from the command line.
#[derive(Debug, Clone)]
pub struct ReportOptions {
    pub root: PathBuf,
    pub scope: Scope,
    /// The report's language; the portal's default language when `None`.
    pub lang: Option<String>,
    pub as_of: Option<NaiveDate>,
    pub output: PathBuf,
}

/// Loads the portal, builds the report and writes it (all or nothing); returns how many
/// recommendations it covers.
pub fn write_report(options: &ReportOptions) -> Result<usize> {
    let format = Format::of(&options.output)?;
    let portal = crate::build::load(&options.root, options.as_of)?;
    let site = Site::new(&portal.dataset, &portal.i18n);
    let lang = match &options.lang {
        Some(lang) if site.data.config.language(lang).is_some() => lang.clone(),
        Some(lang) => bail!(
            "`{lang}` is not a language of this portal; its languages are {}",
            site.data
                .config
                .language_codes()
                .collect::<Vec<_>>()
                .join(", ")
        ),
        None => site.data.config.default_language.clone(),
    };
    let report = build_report(&site, &options.scope, &lang)?;
    let count = report.groups.iter().map(|g| g.items.len()).sum();
    let bytes = match format {
        Format::Markdown => markdown::write(&report).into_bytes(),
        Format::Html => {
            let css = portal
                .theme
                .file("static/docket.css")
                .map(|bytes| String::from_utf8_lossy(bytes).into_owned())
                .unwrap_or_default();
            standalone_html(&report, &css).into_bytes()
        }
        Format::Docx => docx::write(&report)?,
    };
    write_atomically(&options.output, &bytes)?;
    Ok(count)
}

/// Writes through a temporary file in the same folder so that a failure leaves no half file.
fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("report");
    let temp = dir.join(format!(".{name}.docket-report-{}.tmp", std::process::id()));
    std::fs::write(&temp, bytes).with_context(|| format!("cannot write {}", temp.display()))?;
    std::fs::rename(&temp, path).with_context(|| {
        let _ = std::fs::remove_file(&temp);
        format!("cannot write {}", path.display())
    })
}
