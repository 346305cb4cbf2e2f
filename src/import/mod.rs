//! `docket import`: recommendations the UN already publishes, merged into the portal's tables.
//!
//! Three sources: UPR Info database exports ([`upr_info`]), Universal Human Rights Index
//! exports ([`uhri`]: spreadsheet, CSV or JSON) and the UPR matrix ([`upr_matrix`]: Word or
//! spreadsheet). Every text goes through [`clean`]. Each reader turns its rows into [`Record`]s;
//! [`merge`] then updates the tables in `data/` so that importing is idempotent and never
//! loses what the portal added itself. Nothing is written unless every table reads back as a
//! valid portal; `dry_run` stops just before writing. The id rules are in docs/data.md,
//! "Importing".

pub mod clean;
mod cross_source;
mod known;
mod merge;
mod progress;
pub(crate) mod states;
mod summary;
mod table;
pub mod uhri;
pub mod upr_info;
pub mod upr_matrix;

use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use sha2::{Digest, Sha256};

use crate::diagnostics::{Diagnostic, Diagnostics, InvalidPortal};

pub use merge::{AssessmentRef, DocumentRef, MechanismRef, Origin, Record, SdgRef};
pub use summary::ImportSummary;

/// Settings shared by every import.
#[derive(Debug, Clone)]
pub struct ImportOptions {
    /// The portal folder (holds config.toml and data/).
    pub root: PathBuf,
    /// Report what would change and write nothing.
    pub dry_run: bool,
    /// Skip rows that cannot be imported (each is still reported) instead of stopping.
    pub skip_invalid: bool,
}

/// Which States under review (UPR Info) or countries concerned (UHRI) an import takes:
/// `--state`/`--country` (repeatable) or `--all-states`/`--all-countries`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StateSelection {
    /// The names given, compared without regard to case or surrounding spaces.
    pub names: Vec<String>,
    /// Every State or country the files cover.
    pub all: bool,
}

impl StateSelection {
    /// Every State or country of the files.
    pub fn all() -> StateSelection {
        StateSelection {
            names: Vec::new(),
            all: true,
        }
    }

    /// These States or countries.
    pub fn named<S: AsRef<str>>(names: &[S]) -> StateSelection {
        StateSelection {
            names: names
                .iter()
                .map(|n| n.as_ref().trim().to_string())
                .collect(),
            all: false,
        }
    }

    /// From the command line's repeated `--state NAME` (or `--country`) and `--all-states`
    /// (or `--all-countries`).
    pub fn from_flags(names: &[String], all: bool) -> StateSelection {
        if all {
            StateSelection::all()
        } else {
            StateSelection::named(names)
        }
    }
}

impl From<Option<&str>> for StateSelection {
    /// One name, or none (the importer's default).
    fn from(name: Option<&str>) -> StateSelection {
        StateSelection::named(name.as_slice())
    }
}

/// Problems found while reading a source: whole-file problems always stop the import; row
/// problems stop it unless `--skip-invalid` was given.
#[derive(Debug, Default)]
pub struct Problems {
    pub fatal: Diagnostics,
    pub rows: Diagnostics,
    /// Rows left out on purpose (another State or country), per file.
    pub filtered: usize,
    /// Said once in the summary (see [`ImportSummary::notes`]).
    pub notes: Vec<String>,
}

impl Problems {
    /// A row that cannot be imported, at `file:line`.
    pub fn row(&mut self, file: &str, line: u64, column: u64, message: impl Into<String>) {
        self.rows.error_with_help(
            file,
            line,
            column,
            message,
            "correct the row in the export, or pass --skip-invalid to import the other rows",
        );
    }

    /// Splits the CSV reader's diagnostics: a row with the wrong number of cells, an unclosed
    /// quote or a control character is a row problem; anything else (a file that is not
    /// UTF-8 CSV, for one) means the file cannot be read.
    fn add_csv_problems(&mut self, diagnostics: Diagnostics) {
        for d in diagnostics.sorted() {
            if d.line > 1
                && (d.message.starts_with("this row has")
                    || d.message.contains("is never closed")
                    || d.message.starts_with("this cell contains"))
            {
                self.rows.push(Diagnostic {
                    help: Some(
                        "correct the row in the export, or pass --skip-invalid to import the other rows"
                            .into(),
                    ),
                    ..d
                });
            } else {
                self.fatal.push(d);
            }
        }
    }
}

/// Imports UPR Info database exports
/// (`docket import upr-info FILE... [--state NAME]... [--all-states]`).
pub fn import_upr_info(
    options: &ImportOptions,
    files: &[PathBuf],
    states: impl Into<StateSelection>,
) -> Result<ImportSummary> {
    let states = states.into();
    run(
        options,
        "en",
        "UPR Info exports are in English",
        &[],
        |problems| {
            let table = states::PortalStates::load(&options.root)?;
            upr_info::read_all(files, &states, &table, problems)
        },
    )
}

/// Imports Universal Human Rights Index exports
/// (`docket import uhri FILE.xlsx|FILE.csv|FILE.json|FILE.jsonl [--country NAME]... [--all-countries] [--lang CODE] [--labels FILE]`).
/// `lang` is the language of texts the export gives without naming one; `labels` names the
/// ids some exports give instead of names.
pub fn import_uhri(
    options: &ImportOptions,
    files: &[PathBuf],
    countries: impl Into<StateSelection>,
    lang: &str,
    labels: Option<&Path>,
) -> Result<ImportSummary> {
    let countries = countries.into();
    let mut ids = match labels {
        Some(path) => uhri::IdValues::load(path)?,
        None => uhri::IdValues::default(),
    };
    let renames = ids.renames();
    run(
        options,
        lang,
        "the texts of a UHRI export are in the language it was exported in (--lang)",
        &renames,
        |problems| {
            let table = states::PortalStates::load(&options.root)?;
            let mut chosen = uhri::Countries::new(&countries, &table);
            let records = uhri::read_all(files, &mut chosen, lang, &mut ids, problems)?;
            problems.notes.extend(ids.note());
            Ok(records)
        },
    )
}

/// Imports UPR matrices (`docket import upr-matrix FILE.docx|FILE.xlsx [--lang CODE] ...`):
/// the thematic list of recommendations OHCHR publishes after each review.
pub fn import_upr_matrix(
    options: &ImportOptions,
    files: &[PathBuf],
    lang: &str,
    matrix: &upr_matrix::MatrixOptions,
) -> Result<ImportSummary> {
    run(
        options,
        lang,
        "the matrix's texts are in the language it was published in (--lang)",
        &[],
        |problems| {
            let mut records = Vec::new();
            for file in files {
                records.extend(upr_matrix::read(file, lang, matrix, problems)?);
            }
            Ok(records)
        },
    )
}

fn run(
    options: &ImportOptions,
    lang: &str,
    why_lang: &str,
    renames: &[merge::Rename],
    read: impl FnOnce(&mut Problems) -> Result<Vec<Record>>,
) -> Result<ImportSummary> {
    let config_path = options.root.join(crate::config::CONFIG_FILE);
    let config_source = std::fs::read_to_string(&config_path).with_context(|| {
        format!(
            "cannot read {}: is {} a Docket portal?",
            config_path.display(),
            options.root.display()
        )
    })?;
    let mut diagnostics = Diagnostics::default();
    let Some(config) = crate::config::Config::parse(&config_source, &mut diagnostics) else {
        return Err(diagnostics.into_result().unwrap_err().into());
    };
    diagnostics.into_result()?;
    let languages: Vec<String> = config.language_codes().map(str::to_string).collect();
    if !languages.iter().any(|l| l == lang) {
        bail!(
            "the portal does not publish `{lang}` ({why_lang}); add it to [[languages]] in config.toml (declared: {})",
            languages.join(", ")
        );
    }
    let mut problems = Problems::default();
    let mut records = read(&mut problems)?;
    keep_published_texts(&mut records, &languages, &mut problems);
    if !problems.fatal.is_empty() {
        let mut all = problems.fatal;
        all.extend(problems.rows);
        return Err(all.into_result().unwrap_err().into());
    }
    merge::apply(options, &config, lang, renames, records, problems)
}

/// Drops the texts in languages the portal does not publish (said once); a record left
/// with no text is a row problem.
fn keep_published_texts(records: &mut Vec<Record>, languages: &[String], problems: &mut Problems) {
    let mut dropped: Vec<String> = Vec::new();
    records.retain_mut(|record| {
        let before: Vec<String> = record.texts.iter().map(|(l, _)| l.clone()).collect();
        record.texts.retain(|(lang, _)| languages.contains(lang));
        for lang in before {
            if !languages.contains(&lang) && !dropped.contains(&lang) {
                dropped.push(lang);
            }
        }
        if record.texts.is_empty() {
            problems.row(
                &record.file,
                record.line,
                0,
                format!(
                    "no text in a language the portal publishes ({})",
                    languages.join(", ")
                ),
            );
        }
        !record.texts.is_empty()
    });
    if !dropped.is_empty() {
        dropped.sort();
        problems.notes.push(format!(
            "texts in {} were left out: the portal does not publish these languages (add them to [[languages]] in config.toml to import them)",
            dropped.join(", ")
        ));
    }
}

/// Text reduced to what identifies it: lower case, letters and digits only, words separated
/// by one space. Punctuation, quotes and spacing changes leave it unchanged.
pub fn normalise(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    for c in text.chars() {
        if c.is_alphanumeric() {
            if pending_space && !out.is_empty() {
                out.push(' ');
            }
            pending_space = false;
            out.extend(c.to_lowercase());
        } else {
            pending_space = true;
        }
    }
    out
}

/// The first `digits` hexadecimal digits of the SHA-256 of `text` (UTF-8).
pub fn short_hash(text: &str, digits: usize) -> String {
    let digest = Sha256::digest(text.as_bytes());
    let mut hex = String::with_capacity(64);
    for byte in digest.iter() {
        hex.push_str(&format!("{byte:02x}"));
    }
    hex.truncate(digits);
    hex
}

/// `raw` turned into a valid id (docs/data.md): characters outside `A-Za-z0-9._-/` become
/// `-`, runs of `.` become one, leading `/`, `.` and `-` are removed. `None` when nothing
/// usable is left.
pub fn sanitise_id(raw: &str) -> Option<String> {
    let mut id = String::with_capacity(raw.len());
    for c in raw.trim().chars() {
        let c = if c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-' | '/') {
            c
        } else {
            '-'
        };
        if c == '.' && id.ends_with('.') {
            continue;
        }
        if c == '-' && id.ends_with('-') {
            continue;
        }
        id.push(c);
    }
    let id = id
        .trim_start_matches(['/', '.', '-'])
        .trim_end_matches(['/', '-'])
        .to_string();
    let id: String = id.chars().take(crate::slug::MAX_ID_LEN).collect();
    let id = id.trim_end_matches(['/', '-', '.']).to_string();
    crate::slug::id_problem(&id).is_none().then_some(id)
}

/// A value that may go into a multi-value cell (`|` separates values there), cleaned.
pub(crate) fn cell_value(raw: &str) -> String {
    clean::line(raw).replace('|', "/")
}

/// The display name of a file given on the command line, for messages.
pub(crate) fn file_label(path: &Path) -> String {
    path.display().to_string()
}

/// The error returned when row problems stop an import.
pub(crate) fn invalid(diagnostics: Diagnostics) -> anyhow::Error {
    match diagnostics.into_result() {
        Ok(()) => anyhow::anyhow!("import failed"),
        Err(InvalidPortal { diagnostics }) => InvalidPortal { diagnostics }.into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalising_ignores_case_punctuation_and_spacing() {
        assert_eq!(
            normalise("  Expand the coverage of programmes, such as \"Tekoporã\" "),
            "expand the coverage of programmes such as tekoporã"
        );
        assert_eq!(
            normalise("Continue to consolidate the Network."),
            normalise("continue  to consolidate the network")
        );
    }

    #[test]
    fn hashes_are_sha256_prefixes() {
        assert_eq!(short_hash("abc", 12), "ba7816bf8f01");
    }

    #[test]
    fn sanitised_ids_follow_the_id_rule() {
        assert_eq!(
            sanitise_id("CRC/C/PRY/CO/4-6").as_deref(),
            Some("CRC/C/PRY/CO/4-6")
        );
        assert_eq!(
            sanitise_id("A/HRC/WG.6/10/L.3").as_deref(),
            Some("A/HRC/WG.6/10/L.3")
        );
        assert_eq!(sanitise_id(" /x (2020)..y ").as_deref(), Some("x-2020-.y"));
        assert_eq!(sanitise_id("***"), None);
    }
}
