//! Problems found in a portal's files, reported all at once with file, line and column.
//!
//! [`report`] renders them for people (source line and caret), GitHub Actions and tools.

mod report;
mod source;

use std::fmt;

pub use report::{Format, Severity, render};

/// One problem in one place of one file.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Diagnostic {
    /// Path relative to the portal root, with `/` separators.
    pub file: String,
    /// 1-based line; 0 when the problem concerns the whole file.
    pub line: u64,
    /// 1-based column (the cell's position in its row for CSV); 0 when unknown.
    pub column: u64,
    /// What is wrong and what was expected.
    pub message: String,
    /// How to fix it, when there is something useful to say.
    pub help: Option<String>,
}

impl Diagnostic {
    /// Where the problem is, for people: `data/x.csv:42:7`, or `data/portal.xlsx
    /// [recommendations] G42` for a table read from a workbook.
    pub fn place(&self) -> String {
        if crate::util::csv::workbook_sheet(&self.file).is_some() && self.line > 0 {
            return if self.column > 0 {
                format!(
                    "{} {}",
                    self.file,
                    crate::util::csv::cell_name(self.line, self.column)
                )
            } else {
                format!("{} row {}", self.file, self.line)
            };
        }
        let mut place = self.file.clone();
        if self.line > 0 {
            place.push_str(&format!(":{}", self.line));
            if self.column > 0 {
                place.push_str(&format!(":{}", self.column));
            }
        }
        place
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: error: {}", self.place(), self.message)?;
        if let Some(help) = &self.help {
            write!(f, "\n  help: {help}")?;
        }
        Ok(())
    }
}

/// Every problem found in a portal; an error when not empty. Warnings (things that work
/// but should be changed) are kept apart and never fail a build.
#[derive(Debug, Default, Clone)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
    warnings: Vec<Diagnostic>,
}

impl Diagnostics {
    /// Records something that works but should be changed; it does not fail the build.
    pub fn warning(
        &mut self,
        file: &str,
        line: u64,
        column: u64,
        message: impl Into<String>,
        help: impl Into<String>,
    ) {
        self.warnings.push(Diagnostic {
            file: file.to_string(),
            line,
            column,
            message: message.into(),
            help: Some(help.into()),
        });
    }

    /// The warnings in file, line and column order.
    pub fn warnings(&self) -> Vec<Diagnostic> {
        let mut warnings = self.warnings.clone();
        warnings.sort();
        warnings.dedup();
        warnings
    }

    pub fn push(&mut self, diagnostic: Diagnostic) {
        self.items.push(diagnostic);
    }

    /// Records a problem at `file:line:column`.
    pub fn error(&mut self, file: &str, line: u64, column: u64, message: impl Into<String>) {
        self.push(Diagnostic {
            file: file.to_string(),
            line,
            column,
            message: message.into(),
            help: None,
        });
    }

    /// Records a problem with a suggestion on how to fix it.
    pub fn error_with_help(
        &mut self,
        file: &str,
        line: u64,
        column: u64,
        message: impl Into<String>,
        help: impl Into<String>,
    ) {
        self.push(Diagnostic {
            file: file.to_string(),
            line,
            column,
            message: message.into(),
            help: Some(help.into()),
        });
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    pub fn len(&self) -> usize {
        self.items.len()
    }

    pub fn extend(&mut self, other: Diagnostics) {
        self.items.extend(other.items);
        self.warnings.extend(other.warnings);
    }

    /// The problems in file, line and column order, for stable output.
    pub fn sorted(mut self) -> Vec<Diagnostic> {
        self.items.sort();
        self.items.dedup();
        self.items
    }

    pub fn iter(&self) -> impl Iterator<Item = &Diagnostic> {
        self.items.iter()
    }

    /// `Ok(())` when nothing was found, otherwise the whole list as an error.
    pub fn into_result(self) -> Result<(), InvalidPortal> {
        if self.is_empty() {
            Ok(())
        } else {
            Err(InvalidPortal {
                diagnostics: self.sorted(),
            })
        }
    }
}

/// The error a build or check returns when the portal's data has problems.
#[derive(Debug)]
pub struct InvalidPortal {
    pub diagnostics: Vec<Diagnostic>,
}

impl fmt::Display for InvalidPortal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for diagnostic in &self.diagnostics {
            writeln!(f, "{diagnostic}")?;
        }
        let n = self.diagnostics.len();
        write!(
            f,
            "{n} problem{} found; nothing was written",
            if n == 1 { "" } else { "s" }
        )
    }
}

impl std::error::Error for InvalidPortal {}

/// The closest candidate to `wanted`, if it is close enough to be a likely typo.
pub fn did_you_mean<'a>(
    wanted: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let wanted_lower = wanted.to_lowercase();
    let mut best: Option<(usize, &str)> = None;
    for candidate in candidates {
        let distance = levenshtein(&wanted_lower, &candidate.to_lowercase());
        let limit = (wanted.chars().count().max(candidate.chars().count()) / 3).max(1);
        if distance <= limit
            && best.is_none_or(|(d, c)| distance < d || (distance == d && candidate < c))
        {
            best = Some((distance, candidate));
        }
    }
    best.map(|(_, c)| c)
}

fn levenshtein(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    let mut current = vec![0; b.len() + 1];
    for (i, ca) in a.chars().enumerate() {
        current[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(ca != *cb);
            current[j + 1] = substitution.min(previous[j + 1] + 1).min(current[j] + 1);
        }
        std::mem::swap(&mut previous, &mut current);
    }
    previous[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_the_closest_id_for_a_typo() {
        let ids = ["torture", "detention", "education"];
        assert_eq!(did_you_mean("tortre", ids), Some("torture"));
        assert_eq!(did_you_mean("Detention", ids), Some("detention"));
        assert_eq!(did_you_mean("housing", ids), None);
    }

    #[test]
    fn diagnostic_reads_file_line_column() {
        let d = Diagnostic {
            file: "data/recommendations.csv".into(),
            line: 42,
            column: 7,
            message: "unknown theme `tortre`".into(),
            help: Some("did you mean `torture`?".into()),
        };
        assert_eq!(
            d.to_string(),
            "data/recommendations.csv:42:7: error: unknown theme `tortre`\n  help: did you mean `torture`?"
        );
    }
}
