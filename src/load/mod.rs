//! Stage 1: files to raw rows with file and line, nothing interpreted yet.

mod confine;
mod content;
mod csv_table;
mod file_kind;
mod workbook;

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

pub use confine::{ensure_within, walk_within};
pub use content::{RawPage, parse_page};
pub use csv_table::{Row, Table, parse_csv};
pub use workbook::{WORKBOOK_EXTENSIONS, cell_text, number_text, read_workbook};

use crate::diagnostics::{Diagnostics, did_you_mean};

/// Every table Docket reads from `data/`, without the `.csv` extension.
pub const TABLES: &[&str] = &[
    "states",
    "mechanisms",
    "documents",
    "recommendations",
    "institutions",
    "themes",
    "groups",
    "sdg_goals",
    "sdg_targets",
    "clusters",
    "actions",
    "status_updates",
    "indicators",
    "measurements",
    "reporting_calendar",
];

/// A portal's files as read from disk.
#[derive(Debug, Default)]
pub struct RawPortal {
    pub config_source: String,
    /// One entry per table of [`TABLES`] that exists, in [`TABLES`] order: its one file, or
    /// the files of its folder in file-name order.
    pub tables: Vec<(&'static str, Vec<Table>)>,
    pub pages: Vec<RawPage>,
}

impl RawPortal {
    /// The files of a table, or `None` when it has neither a file nor a folder.
    pub fn table(&self, name: &str) -> Option<&[Table]> {
        self.tables
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, t)| t.as_slice())
    }
}

/// Reads `config.toml`, `data/*.csv` (or `data/*/*.csv` for a split table) and `content/**/*.md` under `root`.
/// I/O failures are errors; format problems go to `diagnostics`.
pub fn load_portal(root: &Path, diagnostics: &mut Diagnostics) -> Result<RawPortal> {
    let config_path = root.join(crate::config::CONFIG_FILE);
    ensure_within(root, &config_path)?;
    let config_source = std::fs::read_to_string(&config_path).with_context(|| {
        format!(
            "cannot read {}: is {} a Docket portal?",
            config_path.display(),
            root.display()
        )
    })?;
    let data_dir = root.join("data");
    let mut tables = read_tables(root, diagnostics)?;
    if data_dir.is_dir() {
        for path in sorted_files(&data_dir)? {
            let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
                continue;
            };
            if !is_workbook(name) {
                continue;
            }
            let file = format!("data/{name}");
            for (table, sheet) in read_workbook(&path, &file, TABLES, diagnostics)? {
                match tables.iter().find(|(n, _)| *n == table) {
                    Some((_, other)) => diagnostics.error_with_help(
                        &sheet.file,
                        0,
                        0,
                        format!(
                            "table `{table}` is also in {}",
                            other.first().map_or("data/", |t| t.file.as_str())
                        ),
                        "keep each table in one place: delete the sheet or the other file",
                    ),
                    None => tables.push((table, vec![sheet])),
                }
            }
        }
        report_unknown_tables(&data_dir, diagnostics)?;
    }
    tables.sort_by_key(|(name, _)| TABLES.iter().position(|t| t == name));
    let content_dir = root.join("content");
    let mut pages = Vec::new();
    if content_dir.is_dir() {
        for path in walk_within(root, &content_dir)? {
            let relative = relative_slash_path(&content_dir, &path);
            if !relative.ends_with(".md") {
                continue;
            }
            let file = format!("content/{relative}");
            let bytes =
                std::fs::read(&path).with_context(|| format!("cannot read {}", path.display()))?;
            let Ok(source) = String::from_utf8(bytes) else {
                diagnostics.error_with_help(
                    &file,
                    0,
                    0,
                    "this page is not UTF-8 text",
                    "save it again as UTF-8 (in most editors: Save as…, Encoding: UTF-8)",
                );
                continue;
            };
            if let Some(page) = parse_page(&file, &relative, &source, diagnostics) {
                pages.push(page);
            }
        }
    }
    Ok(RawPortal {
        config_source,
        tables,
        pages,
    })
}

/// Every table of [`TABLES`] that exists, in [`TABLES`] order. The files are read and
/// parsed in parallel (the largest tables are about the same size), each with its own
/// problems, which are then added in [`TABLES`] order as a reading one by one adds them.
fn read_tables(
    root: &Path,
    diagnostics: &mut Diagnostics,
) -> Result<Vec<(&'static str, Vec<Table>)>> {
    use rayon::prelude::*;
    /// A table's name, its files (when it has any) and the problems found reading them.
    type Read = (&'static str, Option<Vec<Table>>, Diagnostics);
    let read: Vec<Result<Read>> = TABLES
        .par_iter()
        .map(|&name| {
            let mut own = Diagnostics::default();
            read_table(root, name, &mut own).map(|files| (name, files, own))
        })
        .collect();
    let mut tables = Vec::new();
    for result in read {
        let (name, files, own) = result?;
        diagnostics.extend(own);
        if let Some(files) = files {
            tables.push((name, files));
        }
    }
    Ok(tables)
}

/// Reads a table under `root`: `data/{name}.csv`, or every `.csv` file of the folder
/// `data/{name}/` in file-name order (so that each institution can own one file); `None` when
/// neither exists. Both at once is an error: Docket would not know which one holds the truth.
pub fn read_table(
    root: &Path,
    name: &str,
    diagnostics: &mut Diagnostics,
) -> Result<Option<Vec<Table>>> {
    let file = root.join("data").join(format!("{name}.csv"));
    let folder = root.join("data").join(name);
    if folder.is_dir() {
        if file.exists() {
            diagnostics.error_with_help(
                &format!("data/{name}.csv"),
                0,
                0,
                format!("table `{name}` is given both as data/{name}.csv and as the folder data/{name}/"),
                format!("move the rows of data/{name}.csv into a file of data/{name}/ and delete it, or delete the folder"),
            );
            return Ok(Some(Vec::new()));
        }
        ensure_within(root, &folder)?;
        return read_table_folder(root, &folder, name, diagnostics).map(Some);
    }
    if !file.exists() {
        return Ok(None);
    }
    ensure_within(root, &file)?;
    Ok(Some(vec![read_csv_file(
        &file,
        &format!("data/{name}.csv"),
        diagnostics,
    )?]))
}

/// The `.csv` files directly in `data/{name}/`, sorted by file name.
fn read_table_folder(
    root: &Path,
    folder: &Path,
    name: &str,
    diagnostics: &mut Diagnostics,
) -> Result<Vec<Table>> {
    let mut tables = Vec::new();
    for path in sorted_files(folder)? {
        let Some(file_name) = path.file_name().and_then(|n| n.to_str()) else {
            continue;
        };
        let shown = format!("data/{name}/{file_name}");
        if path.is_dir() {
            diagnostics.error_with_help(
                &shown,
                0,
                0,
                "a table's folder may not contain folders",
                format!(
                    "Docket reads only the .csv files directly in data/{name}/; move the files up"
                ),
            );
        } else if file_name.ends_with(".csv") {
            ensure_within(root, &path)?;
            tables.push(read_csv_file(&path, &shown, diagnostics)?);
        }
    }
    Ok(tables)
}

fn read_csv_file(path: &Path, shown: &str, diagnostics: &mut Diagnostics) -> Result<Table> {
    let bytes = std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
    Ok(parse_csv(shown, &bytes, diagnostics))
}

/// Reports every `.csv` file and folder of `data/` that is not one of [`TABLES`].
fn report_unknown_tables(data_dir: &Path, diagnostics: &mut Diagnostics) -> Result<()> {
    for path in sorted_files(data_dir)? {
        let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
            continue;
        };
        let (stem, shown, suffix) = if path.is_dir() {
            (name, format!("data/{name}/"), "/")
        } else if let Some(stem) = name.strip_suffix(".csv") {
            (stem, format!("data/{name}"), ".csv")
        } else {
            continue;
        };
        if TABLES.contains(&stem) {
            continue;
        }
        let help = match did_you_mean(stem, TABLES.iter().copied()) {
            Some(close) => format!(
                "did you mean `{close}{suffix}`? Docket reads only the tables listed in docs/data.md"
            ),
            None => format!("Docket reads only these tables: {}", TABLES.join(", ")),
        };
        diagnostics.error_with_help(&shown, 0, 0, "unknown table", help);
    }
    Ok(())
}

/// A workbook Docket reads, not the lock file Excel (`~$…`) or LibreOffice (`.~lock…#`)
/// keeps beside an open one.
fn is_workbook(name: &str) -> bool {
    !name.starts_with("~$")
        && !name.starts_with(".~lock")
        && WORKBOOK_EXTENSIONS.iter().any(|ext| {
            name.rsplit_once('.')
                .is_some_and(|(_, e)| e.eq_ignore_ascii_case(ext))
        })
}

fn sorted_files(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut entries = std::fs::read_dir(dir)
        .with_context(|| format!("cannot list {}", dir.display()))?
        .map(|entry| entry.map(|e| e.path()))
        .collect::<std::io::Result<Vec<_>>>()
        .with_context(|| format!("cannot list {}", dir.display()))?;
    entries.sort();
    Ok(entries)
}

/// Every file below `dir`, sorted, depth first.
pub fn walk(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for path in sorted_files(dir)? {
        if path.is_dir() {
            files.extend(walk(&path)?);
        } else {
            files.push(path);
        }
    }
    Ok(files)
}

/// `path` relative to `base`, with `/` separators on every platform.
pub fn relative_slash_path(base: &Path, path: &Path) -> String {
    path.strip_prefix(base)
        .unwrap_or(path)
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}
