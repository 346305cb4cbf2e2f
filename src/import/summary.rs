//! What an import did (or, in a dry run, would do), as returned and as printed.

use std::fmt;

use crate::diagnostics::Diagnostic;

/// What an import changed in one table.
#[derive(Debug, Clone, Default)]
pub struct TableChanges {
    pub file: String,
    /// Ids of new rows, in order.
    pub added: Vec<String>,
    /// Ids of existing rows whose importer-owned cells changed.
    pub updated: Vec<String>,
    /// Existing rows the import matched and left as they were.
    pub unchanged: usize,
}

/// What an import did for one State under review (or country concerned).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StateCounts {
    /// As the source names it.
    pub state: String,
    /// Recommendations imported (added, updated or unchanged).
    pub records: usize,
    pub added: usize,
    pub updated: usize,
    pub unchanged: usize,
    /// Source rows of further recommending States merged into its joint recommendations.
    pub joint: usize,
}

/// What an import did (or, in a dry run, would do).
#[derive(Debug, Clone, Default)]
pub struct ImportSummary {
    pub dry_run: bool,
    /// Records read from the files and imported.
    pub records: usize,
    /// Records whose key repeated an earlier record of the same import (merged into it).
    pub duplicates: usize,
    /// Source rows of further recommending States merged into joint recommendations.
    pub joint: usize,
    /// Rows left out because they concern another State or country.
    pub filtered: usize,
    /// Rows that could not be imported and were skipped (`--skip-invalid`).
    pub skipped: Vec<Diagnostic>,
    /// Changes per table, in `data/` table order; tables without changes included.
    pub tables: Vec<TableChanges>,
    /// Counts per State under review (or country concerned), in the order first seen;
    /// printed when there are several.
    pub states: Vec<StateCounts>,
    /// Files written (none in a dry run or when nothing changed).
    pub written: Vec<String>,
    /// Things the reader reports once for the whole import (ids without labels, texts in
    /// languages the portal does not publish).
    pub notes: Vec<String>,
}

impl ImportSummary {
    pub fn table(&self, name: &str) -> Option<&TableChanges> {
        let file = format!("data/{name}.csv");
        self.tables.iter().find(|t| t.file == file)
    }

    /// The counts for the State (or country) named as the source names it, any case.
    pub fn state(&self, name: &str) -> Option<&StateCounts> {
        self.states
            .iter()
            .find(|s| s.state.eq_ignore_ascii_case(name))
    }

    /// `Imported 3 records (2 rows merged into joint recommendations); ...`
    fn headline(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut merged = Vec::new();
        if self.joint > 0 {
            merged.push(format!(
                "{} {} of further recommending States merged into joint recommendations",
                self.joint,
                rows(self.joint)
            ));
        }
        if self.duplicates > 0 {
            merged.push(format!("{} repeated rows merged", self.duplicates));
        }
        writeln!(
            f,
            "{} {} record{}{}{}",
            if self.dry_run {
                "Would import"
            } else {
                "Imported"
            },
            self.records,
            if self.records == 1 { "" } else { "s" },
            if merged.is_empty() {
                String::new()
            } else {
                format!(" ({})", merged.join(", "))
            },
            if self.filtered > 0 {
                format!("; {} rows about other States left out", self.filtered)
            } else {
                String::new()
            },
        )
    }

    fn tables(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for table in &self.tables {
            if table.added.is_empty() && table.updated.is_empty() && table.unchanged == 0 {
                continue;
            }
            write!(
                f,
                "  {}: {} added, {} updated, {} unchanged",
                table.file,
                table.added.len(),
                table.updated.len(),
                table.unchanged
            )?;
            if !table.added.is_empty() {
                write!(f, "\n    added: {}", list(&table.added))?;
            }
            if !table.updated.is_empty() {
                write!(f, "\n    updated: {}", list(&table.updated))?;
            }
            writeln!(f)?;
        }
        Ok(())
    }

    /// One line per State, only when the import covered several.
    fn per_state(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.states.len() < 2 {
            return Ok(());
        }
        writeln!(f, "By State ({}):", self.states.len())?;
        for s in &self.states {
            write!(
                f,
                "  {}: {} record{}, {} added, {} updated, {} unchanged",
                s.state,
                s.records,
                if s.records == 1 { "" } else { "s" },
                s.added,
                s.updated,
                s.unchanged
            )?;
            if s.joint > 0 {
                write!(f, ", {} joint {} merged", s.joint, rows(s.joint))?;
            }
            writeln!(f)?;
        }
        Ok(())
    }
}

fn rows(count: usize) -> &'static str {
    if count == 1 { "row" } else { "rows" }
}

/// The first five ids, and how many more.
fn list(ids: &[String]) -> String {
    let shown: Vec<&str> = ids.iter().take(5).map(String::as_str).collect();
    let more = ids.len().saturating_sub(shown.len());
    if more > 0 {
        format!("{} and {more} more", shown.join(", "))
    } else {
        shown.join(", ")
    }
}

impl fmt::Display for ImportSummary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.headline(f)?;
        self.tables(f)?;
        self.per_state(f)?;
        for note in &self.notes {
            writeln!(f, "Note: {note}")?;
        }
        if !self.skipped.is_empty() {
            writeln!(f, "Skipped {} invalid rows:", self.skipped.len())?;
            for d in &self.skipped {
                writeln!(f, "  {d}")?;
            }
        }
        if self.dry_run {
            write!(f, "Dry run: nothing was written.")
        } else if self.written.is_empty() {
            write!(f, "Nothing changed.")
        } else {
            write!(f, "Wrote {}.", self.written.join(", "))
        }
    }
}
