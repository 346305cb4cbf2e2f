//! Typed, validated access to the cells of a raw CSV table.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use rustc_hash::FxHashMap;

use super::types::{Key, Text};
use crate::diagnostics::{Diagnostics, did_you_mean};
use crate::load::{Row, Table};
use crate::slug::{id_problem, slugify};
use crate::util::dates::{DATA_YEARS, in_data_years, parse_date};
use crate::util::web_url::{URL_HELP, WebUrl};

/// The columns a table accepts.
pub struct Schema {
    /// Plain columns: name and whether required.
    pub columns: &'static [(&'static str, bool)],
    /// Translated columns by prefix (`name` for `name_en`, `name_fr`): prefix and whether
    /// at least one translation is required on every row.
    pub translated: &'static [(&'static str, bool)],
}

/// A table checked against its schema: one part per file (a table split into a folder has
/// several, each with its own header).
pub struct Sheet<'a> {
    parts: Vec<Part<'a>>,
}

/// One file of a [`Sheet`] and where its columns are.
struct Part<'a> {
    table: &'a Table,
    // FxHash: looked up for every cell read; the keys are the schema's column names.
    columns: FxHashMap<&'static str, usize>,
    translated: FxHashMap<&'static str, Vec<(&'a str, usize)>>,
}

impl<'a> Sheet<'a> {
    /// Checks every file's header: unknown columns, missing required ones, undeclared languages.
    pub fn open(
        tables: &'a [Table],
        schema: &Schema,
        languages: &[&str],
        diagnostics: &mut Diagnostics,
    ) -> Sheet<'a> {
        let parts = tables
            .iter()
            .map(|table| Part::open(table, schema, languages, diagnostics))
            .collect();
        Sheet { parts }
    }

    /// Number of data rows over every file.
    pub fn len(&self) -> usize {
        self.parts.iter().map(|p| p.table.rows.len()).sum()
    }

    /// Every row, file by file in file-name order.
    pub fn rows(&self) -> impl Iterator<Item = Cells<'_, 'a>> {
        self.parts
            .iter()
            .flat_map(|part| part.table.rows.iter().map(move |row| Cells { part, row }))
    }

    /// Every row with what `read` makes of it, in row order, read on every core (a large
    /// table's rows take most of the resolver's time). `read` reports to a `Diagnostics`
    /// of its own per run of rows; they all end in `diagnostics`, which sorts them.
    pub fn read_rows<'s, T, F>(
        &'s self,
        diagnostics: &mut Diagnostics,
        read: F,
    ) -> Vec<(Cells<'s, 'a>, T)>
    where
        T: Send,
        F: Fn(&Cells<'s, 'a>, &mut Diagnostics) -> T + Sync,
    {
        use rayon::prelude::*;
        /// Rows per task: enough to outweigh a task's cost, few enough to share the work.
        const ROWS_PER_TASK: usize = 2048;
        let rows: Vec<Cells<'s, 'a>> = self.rows().collect();
        let runs: Vec<(Vec<(Cells<'s, 'a>, T)>, Diagnostics)> = rows
            .par_chunks(ROWS_PER_TASK)
            .map(|run| {
                let mut own = Diagnostics::default();
                let read = run
                    .iter()
                    .map(|cells| (*cells, read(cells, &mut own)))
                    .collect();
                (read, own)
            })
            .collect();
        let mut out = Vec::with_capacity(rows.len());
        for (read, own) in runs {
            out.extend(read);
            diagnostics.extend(own);
        }
        out
    }
}

impl<'a> Part<'a> {
    fn open(
        table: &'a Table,
        schema: &Schema,
        languages: &[&str],
        diagnostics: &mut Diagnostics,
    ) -> Part<'a> {
        let mut columns = FxHashMap::default();
        let mut translated: FxHashMap<&'static str, Vec<(&'a str, usize)>> = FxHashMap::default();
        let mut known: Vec<String> = schema.columns.iter().map(|(c, _)| c.to_string()).collect();
        for (prefix, _) in schema.translated {
            known.extend(languages.iter().map(|l| format!("{prefix}_{l}")));
        }
        for (index, name) in table.header.iter().enumerate() {
            if name.is_empty() {
                continue;
            }
            let column = index as u64 + 1;
            if let Some(&(plain, _)) = schema.columns.iter().find(|(c, _)| c == name) {
                if columns.insert(plain, index).is_some() {
                    diagnostics.error_with_help(
                        &table.file,
                        1,
                        column,
                        format!("column `{name}` appears twice"),
                        "delete one of the two columns",
                    );
                }
                continue;
            }
            let as_translation = schema.translated.iter().find_map(|&(prefix, _)| {
                name.strip_prefix(prefix)
                    .and_then(|rest| rest.strip_prefix('_'))
                    .map(|lang| (prefix, lang))
            });
            match as_translation {
                Some((prefix, lang)) if languages.contains(&lang) => {
                    translated.entry(prefix).or_default().push((lang, index));
                }
                Some((_, lang)) => diagnostics.error_with_help(
                    &table.file,
                    1,
                    column,
                    format!("column `{name}` is for language `{lang}`, which config.toml does not declare"),
                    format!("declared languages: {}; add `{lang}` to [[languages]] or rename the column", languages.join(", ")),
                ),
                None => {
                    let help = match did_you_mean(name, known.iter().map(String::as_str)) {
                        Some(close) => format!("did you mean `{close}`?"),
                        None => format!("this table takes: {}", known.join(", ")),
                    };
                    diagnostics.error_with_help(&table.file, 1, column, format!("unknown column `{name}`"), help);
                }
            }
        }
        report_missing_columns(table, schema, &columns, &translated, languages, diagnostics);
        for entries in translated.values_mut() {
            entries.sort();
        }
        Part {
            table,
            columns,
            translated,
        }
    }
}

/// The required plain columns, and a translated column in at least one language, that a
/// file's header lacks.
fn report_missing_columns(
    table: &Table,
    schema: &Schema,
    columns: &FxHashMap<&'static str, usize>,
    translated: &FxHashMap<&'static str, Vec<(&str, usize)>>,
    languages: &[&str],
    diagnostics: &mut Diagnostics,
) {
    for &(name, required) in schema.columns {
        if required && !columns.contains_key(name) {
            diagnostics.error_with_help(
                &table.file,
                1,
                1,
                format!("required column `{name}` is missing"),
                format!("add a column named `{name}` to the header row"),
            );
        }
    }
    for &(prefix, required) in schema.translated {
        if required && !translated.contains_key(prefix) {
            diagnostics.error_with_help(
                &table.file,
                1,
                1,
                format!(
                    "no `{prefix}_…` column: this table needs `{prefix}` in at least one language"
                ),
                format!(
                    "add a column such as `{prefix}_{}`",
                    languages.first().copied().unwrap_or("en")
                ),
            );
        }
    }
}

/// One row of a [`Sheet`].
#[derive(Clone, Copy)]
pub struct Cells<'s, 'a> {
    part: &'s Part<'a>,
    pub row: &'a Row,
}

impl<'s, 'a> Cells<'s, 'a> {
    pub fn file(&self) -> &'a str {
        &self.part.table.file
    }

    pub fn line(&self) -> u64 {
        self.row.line
    }

    /// 1-based column number of a named column (1 when the column is absent).
    pub fn column(&self, name: &str) -> u64 {
        self.part.columns.get(name).map_or(1, |&i| i as u64 + 1)
    }

    pub fn error(
        &self,
        column: &str,
        diagnostics: &mut Diagnostics,
        message: impl Into<String>,
        help: impl Into<String>,
    ) {
        diagnostics.error_with_help(self.file(), self.line(), self.column(column), message, help);
    }

    /// The cell, or `None` when the column is absent or the cell empty.
    pub fn get(&self, name: &str) -> Option<&'a str> {
        let index = *self.part.columns.get(name)?;
        let cell = self.row.cells.get(index)?.as_str();
        (!cell.is_empty()).then_some(cell)
    }

    pub fn owned(&self, name: &str) -> Option<String> {
        self.get(name).map(str::to_string)
    }

    /// A required cell; reports it when empty.
    pub fn required(&self, name: &str, diagnostics: &mut Diagnostics) -> Option<&'a str> {
        let value = self.get(name);
        if value.is_none() && self.part.columns.contains_key(name) {
            self.error(
                name,
                diagnostics,
                format!("`{name}` is empty but required"),
                "fill in this cell",
            );
        }
        value
    }

    /// The row's id and slug, checked against the id rule.
    pub fn key(&self, diagnostics: &mut Diagnostics) -> Option<Key> {
        let id = self.required("id", diagnostics)?;
        self.key_from(id, "id", diagnostics)
    }

    pub fn key_from(&self, id: &str, column: &str, diagnostics: &mut Diagnostics) -> Option<Key> {
        if let Some(problem) = id_problem(id) {
            self.error(
                column,
                diagnostics,
                problem,
                "see docs/data.md, \"Identifiers and permanent URLs\"",
            );
            return None;
        }
        Some(Key {
            id: id.to_string(),
            slug: slugify(id),
        })
    }

    /// A date in a data cell, in the years [`DATA_YEARS`].
    pub fn date(&self, name: &str, diagnostics: &mut Diagnostics) -> Option<NaiveDate> {
        let raw = self.get(name)?;
        let date = parse_date(raw);
        if let Some(date) = date.filter(|&d| !in_data_years(d)) {
            self.error(
                name,
                diagnostics,
                format!(
                    "`{raw}` in `{name}` is outside the years {}–{}",
                    DATA_YEARS.start(),
                    DATA_YEARS.end()
                ),
                format!("check the year of {date}; dates are written YYYY-MM-DD"),
            );
            return None;
        }
        date.or_else(|| {
            self.error(
                name,
                diagnostics,
                format!("`{raw}` in `{name}` is not a valid date"),
                "write dates as YYYY-MM-DD, for example 2024-03-31",
            );
            None
        })
    }

    pub fn required_date(&self, name: &str, diagnostics: &mut Diagnostics) -> Option<NaiveDate> {
        self.required(name, diagnostics)?;
        self.date(name, diagnostics)
    }

    pub fn number(&self, name: &str, diagnostics: &mut Diagnostics) -> Option<f64> {
        let raw = self.get(name)?;
        match raw.parse::<f64>() {
            Ok(n) if n.is_finite() => Some(n),
            _ => {
                self.error(
                    name,
                    diagnostics,
                    format!("`{raw}` in `{name}` is not a number"),
                    "write numbers with a dot for decimals and no thousands separator, like 1234.5",
                );
                None
            }
        }
    }

    /// A web address, reported at its cell when it is not an absolute http(s) URL.
    pub fn url(&self, name: &str, diagnostics: &mut Diagnostics) -> Option<WebUrl> {
        self.web_url(name, self.get(name)?, diagnostics)
    }

    /// Every web address of a `|`-separated cell; the bad ones are reported.
    pub fn urls(&self, name: &str, diagnostics: &mut Diagnostics) -> Vec<WebUrl> {
        self.multi(name)
            .into_iter()
            .filter_map(|raw| self.web_url(name, raw, diagnostics))
            .collect()
    }

    fn web_url(&self, name: &str, raw: &str, diagnostics: &mut Diagnostics) -> Option<WebUrl> {
        WebUrl::parse(raw)
            .map_err(|problem| {
                self.error(name, diagnostics, format!("`{name}`: {problem}"), URL_HELP);
            })
            .ok()
    }

    /// Values of a multi-value cell, split on `|` and trimmed.
    pub fn multi(&self, name: &str) -> Vec<&'a str> {
        self.get(name)
            .map(|cell| {
                cell.split('|')
                    .map(str::trim)
                    .filter(|v| !v.is_empty())
                    .collect()
            })
            .unwrap_or_default()
    }

    /// A value from a closed list, reported with the accepted values when unknown.
    pub fn choice<T: Copy>(
        &self,
        name: &str,
        options: &[(&str, T)],
        diagnostics: &mut Diagnostics,
    ) -> Option<T> {
        let raw = self.get(name)?;
        // Most cells are written as the list writes them: those need no normalising copy.
        let as_written = !raw
            .bytes()
            .any(|b| !b.is_ascii_graphic() || b.is_ascii_uppercase() || b == b'_');
        let normalised = match as_written {
            true => std::borrow::Cow::Borrowed(raw),
            false => raw.trim().to_lowercase().replace([' ', '_'], "-").into(),
        };
        if let Some((_, value)) = options.iter().find(|(id, _)| *id == normalised) {
            return Some(*value);
        }
        let names: Vec<&str> = options.iter().map(|(id, _)| *id).collect();
        let help = match did_you_mean(raw, names.iter().copied()) {
            Some(close) => format!("did you mean `{close}`? accepted: {}", names.join(", ")),
            None => format!("accepted: {}", names.join(", ")),
        };
        self.error(
            name,
            diagnostics,
            format!("`{raw}` is not a valid `{name}`"),
            help,
        );
        None
    }

    /// Every translation of a translated field.
    pub fn text(&self, prefix: &str) -> Text {
        let mut map = BTreeMap::new();
        if let Some(entries) = self.part.translated.get(prefix) {
            for &(lang, index) in entries {
                if let Some(cell) = self.row.cells.get(index).filter(|c| !c.is_empty()) {
                    map.insert(lang.to_string(), cell.clone());
                }
            }
        }
        Text(map)
    }

    /// A translated field that must have at least one translation.
    pub fn required_text(&self, prefix: &str, diagnostics: &mut Diagnostics) -> Text {
        let text = self.text(prefix);
        if text.is_empty() {
            if let Some(entries) = self.part.translated.get(prefix) {
                let column = entries.first().map_or(1, |&(_, i)| i as u64 + 1);
                diagnostics.error_with_help(
                    self.file(),
                    self.line(),
                    column,
                    format!("`{prefix}` is empty in every language"),
                    format!("fill in at least one `{prefix}_…` cell"),
                );
            }
        }
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_read_on_every_core_keep_their_order_and_every_problem() {
        // More rows than one task reads, with bad dates in the first and in a later run.
        let mut csv = String::from("id,date\n");
        for n in 0..5000 {
            let date = if n == 7 || n == 4321 {
                "soon"
            } else {
                "2024-01-31"
            };
            csv.push_str(&format!("R-{n},{date}\n"));
        }
        let mut d = Diagnostics::default();
        let tables = [crate::load::parse_csv("data/t.csv", csv.as_bytes(), &mut d)];
        let schema = Schema {
            columns: &[("id", true), ("date", false)],
            translated: &[],
        };
        let sheet = Sheet::open(&tables, &schema, &["en"], &mut d);
        let read = sheet.read_rows(&mut d, |cells, d| {
            (cells.get("id").map(str::to_string), cells.date("date", d))
        });
        let ids: Vec<String> = read.iter().filter_map(|(_, (id, _))| id.clone()).collect();
        let expected: Vec<String> = (0..5000).map(|n| format!("R-{n}")).collect();
        assert_eq!(ids, expected);
        assert!(
            read.iter()
                .all(|(cells, (id, _))| cells.get("id") == id.as_deref())
        );
        let at: Vec<(u64, u64)> = d.sorted().iter().map(|p| (p.line, p.column)).collect();
        assert_eq!(at, [(9, 2), (4323, 2)]);
    }
}
