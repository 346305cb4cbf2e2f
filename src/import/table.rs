//! A portal table opened for editing: every row and column kept as it is, cells changed in
//! place, new rows appended, and the file written back atomically in its own CSV dialect.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

use crate::diagnostics::Diagnostics;
use crate::load::{Row, Table, parse_csv};

/// How a CSV file was saved, so that rewriting it keeps what Excel or LibreOffice wrote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Dialect {
    pub delimiter: u8,
    pub bom: bool,
    pub crlf: bool,
}

impl Default for Dialect {
    /// New tables: comma-separated, LF, no byte order mark, like `docket new` writes them.
    fn default() -> Self {
        Dialect {
            delimiter: b',',
            bom: false,
            crlf: false,
        }
    }
}

/// One table of `data/`, in memory.
#[derive(Debug, Clone)]
pub struct EditTable {
    /// Table name without `.csv`, such as `recommendations`.
    pub name: &'static str,
    /// `data/{name}.csv`, for messages.
    pub file: String,
    pub path: PathBuf,
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
    pub dialect: Dialect,
    /// True once a cell, a row or a column was added or changed.
    pub changed: bool,
}

impl EditTable {
    /// Reads `data/{name}.csv` under `root` with the loader's CSV reader, or starts an empty
    /// table when the file does not exist. A file with unreadable rows is reported in
    /// `diagnostics`: an import never rewrites a table it could not read completely.
    pub fn open(root: &Path, name: &'static str, diagnostics: &mut Diagnostics) -> Result<Self> {
        let file = format!("data/{name}.csv");
        let path = root.join(&file);
        if root.join("data").join(name).is_dir() {
            anyhow::bail!(
                "data/{name}/ is a table split into files: an import cannot choose which file to change; import into a copy of the portal with data/{name}.csv and move the new rows into the folder"
            );
        }
        if !path.exists() {
            return Ok(EditTable {
                name,
                file,
                path,
                header: Vec::new(),
                rows: Vec::new(),
                dialect: Dialect::default(),
                changed: false,
            });
        }
        let bytes =
            std::fs::read(&path).with_context(|| format!("cannot read {}", path.display()))?;
        let dialect = sniff_dialect(&bytes);
        let table = parse_csv(&file, &bytes, diagnostics);
        Ok(EditTable {
            name,
            file,
            path,
            header: table.header,
            rows: table.rows.into_iter().map(|r| r.cells).collect(),
            dialect,
            changed: false,
        })
    }

    pub fn column(&self, name: &str) -> Option<usize> {
        self.header.iter().position(|h| h == name)
    }

    /// The column's index, adding it (empty in every row) when it is missing.
    pub fn ensure_column(&mut self, name: &str) -> usize {
        if let Some(index) = self.column(name) {
            return index;
        }
        self.header.push(name.to_string());
        for row in &mut self.rows {
            row.push(String::new());
        }
        self.changed = true;
        self.header.len() - 1
    }

    /// The cell of `row` in column `name`; empty when the column does not exist.
    pub fn get(&self, row: usize, name: &str) -> &str {
        self.column(name)
            .and_then(|c| self.rows[row].get(c))
            .map_or("", String::as_str)
    }

    /// Sets a cell, adding the column when needed. Returns true when the value changed.
    pub fn set(&mut self, row: usize, name: &str, value: &str) -> bool {
        if value.is_empty() && self.column(name).is_none() {
            return false;
        }
        let column = self.ensure_column(name);
        let cell = &mut self.rows[row][column];
        if cell == value {
            return false;
        }
        *cell = value.to_string();
        self.changed = true;
        true
    }

    /// Appends a row from `(column, value)` pairs; other columns stay empty.
    pub fn push(&mut self, cells: &[(&str, &str)]) -> usize {
        for (name, value) in cells {
            if !value.is_empty() {
                self.ensure_column(name);
            }
        }
        let mut row = vec![String::new(); self.header.len()];
        for (name, value) in cells {
            if let Some(column) = self.column(name) {
                row[column] = value.to_string();
            }
        }
        self.rows.push(row);
        self.changed = true;
        self.rows.len() - 1
    }

    /// The file as it will be written.
    pub fn to_bytes(&self) -> Result<Vec<u8>> {
        let mut out = Vec::new();
        if self.dialect.bom {
            out.extend_from_slice(b"\xEF\xBB\xBF");
        }
        let terminator = if self.dialect.crlf {
            csv::Terminator::CRLF
        } else {
            csv::Terminator::Any(b'\n')
        };
        let mut writer = csv::WriterBuilder::new()
            .delimiter(self.dialect.delimiter)
            .terminator(terminator)
            .from_writer(out);
        writer.write_record(&self.header)?;
        for row in &self.rows {
            writer.write_record(row)?;
        }
        writer
            .into_inner()
            .map_err(|e| anyhow::anyhow!("cannot write {}: {}", self.file, e.error()))
    }

    /// The table as the loader would read it back (line numbers counted without multi-line
    /// cells), for validating the merged portal before anything is written.
    pub fn into_table(self) -> Table {
        Table {
            file: self.file,
            header: self.header,
            rows: self
                .rows
                .into_iter()
                .enumerate()
                .map(|(i, cells)| Row {
                    line: i as u64 + 2,
                    cells,
                })
                .collect(),
            unreadable: false,
        }
    }
}

/// Writes `bytes` to `path` through a temporary file in the same folder and a rename, so that
/// a reader never sees half a file.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("table.csv");
    let temp = dir.join(format!(".{name}.docket-import-{}.tmp", std::process::id()));
    std::fs::write(&temp, bytes).with_context(|| format!("cannot write {}", temp.display()))?;
    std::fs::rename(&temp, path).with_context(|| {
        let _ = std::fs::remove_file(&temp);
        format!("cannot replace {}", path.display())
    })
}

/// Byte order mark, line ends and delimiter of a CSV file (the delimiter as the loader
/// detects it: `;` when the header has more semicolons than commas outside quotes).
pub fn sniff_dialect(bytes: &[u8]) -> Dialect {
    let bom = bytes.starts_with(b"\xEF\xBB\xBF");
    let body = if bom { &bytes[3..] } else { bytes };
    let (mut commas, mut semicolons, mut quoted) = (0usize, 0usize, false);
    let mut crlf = false;
    for (i, &b) in body.iter().enumerate() {
        match b {
            b'"' => quoted = !quoted,
            b'\n' if !quoted => {
                crlf = i > 0 && body[i - 1] == b'\r';
                break;
            }
            b',' if !quoted => commas += 1,
            b';' if !quoted => semicolons += 1,
            _ => {}
        }
    }
    Dialect {
        delimiter: if semicolons > commas { b';' } else { b',' },
        bom,
        crlf,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_import_refuses_to_edit_a_table_split_into_a_folder() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("data/themes")).unwrap();
        std::fs::write(dir.path().join("data/themes/a.csv"), "id,name_en\nA,a\n").unwrap();
        let error = EditTable::open(dir.path(), "themes", &mut Diagnostics::default())
            .expect_err("an import cannot choose the file of a split table");
        assert!(error.to_string().contains("data/themes/"), "{error}");
    }

    #[test]
    fn rewriting_keeps_the_dialect_columns_and_rows() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("data")).unwrap();
        let original = "\u{feff}id;name_en;mine\r\nA;\"two\r\nlines\";keep\r\nB;b;\r\n";
        std::fs::write(dir.path().join("data/themes.csv"), original).unwrap();
        let mut d = Diagnostics::default();
        let mut table = EditTable::open(dir.path(), "themes", &mut d).unwrap();
        assert!(d.is_empty());
        assert_eq!(
            table.dialect,
            Dialect {
                delimiter: b';',
                bom: true,
                crlf: true
            }
        );
        let bytes = String::from_utf8(table.to_bytes().unwrap()).unwrap();
        assert_eq!(
            bytes,
            "\u{feff}id;name_en;mine\r\nA;\"two\nlines\";keep\r\nB;b;\r\n"
        );
        assert!(!table.set(1, "name_en", "b"));
        assert!(table.set(1, "parent", "A"));
        table.push(&[("id", "C"), ("name_en", "c; d")]);
        let bytes = String::from_utf8(table.to_bytes().unwrap()).unwrap();
        assert_eq!(
            bytes,
            "\u{feff}id;name_en;mine;parent\r\nA;\"two\nlines\";keep;\r\nB;b;;A\r\nC;\"c; d\";;\r\n"
        );
    }
}
