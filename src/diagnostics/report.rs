//! Diagnostics as text: for a terminal (source line and caret), as GitHub Actions
//! workflow commands, or as JSON Lines for editors and other tools.

use std::collections::HashMap;
use std::path::Path;

use annotate_snippets::{AnnotationKind, Group, Level, Origin, Renderer, Snippet};

use super::Diagnostic;
use super::source::excerpt;

/// How problems are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// For people: the message, the offending source line with a caret, the help.
    Human {
        /// ANSI colours (only on a terminal, never with NO_COLOR or in CI).
        colour: bool,
    },
    /// One line per problem, `file:line:column: error: message`, and its help on the next.
    Short,
    /// GitHub Actions workflow commands (`::error file=…,line=…,col=…::message`).
    Github,
    /// One JSON object per line per problem.
    Json,
}

/// Whether a problem stops the build.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    Error,
    Warning,
}

impl Severity {
    fn name(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// Renders `problems` of one severity; `root` is the portal folder (source lines are read
/// from it; GitHub and JSON paths are given from the working directory through it).
pub fn render(format: Format, root: &Path, severity: Severity, problems: &[Diagnostic]) -> String {
    let mut out = String::new();
    match format {
        Format::Human { colour } => {
            let renderer = if colour {
                Renderer::styled()
            } else {
                Renderer::plain()
            };
            let mut sources = Sources::new(root);
            for problem in problems {
                out.push_str(&human(&renderer, &mut sources, severity, problem));
                out.push_str("\n\n");
            }
        }
        Format::Short => {
            for problem in problems {
                let line = problem.to_string();
                match severity {
                    Severity::Error => out.push_str(&line),
                    Severity::Warning => {
                        out.push_str(&line.replacen(": error: ", ": warning: ", 1))
                    }
                }
                out.push('\n');
            }
        }
        Format::Github => {
            for problem in problems {
                out.push_str(&github(
                    &path_from_cwd(root, &problem.file),
                    severity,
                    problem,
                ));
                out.push('\n');
            }
        }
        Format::Json => {
            for problem in problems {
                out.push_str(&json(
                    &path_from_cwd(root, &problem.file),
                    severity,
                    problem,
                ));
                out.push('\n');
            }
        }
    }
    out
}

/// Source files read once each; `None` for files that cannot be read as text.
struct Sources<'a> {
    root: &'a Path,
    files: HashMap<String, Option<String>>,
}

impl<'a> Sources<'a> {
    fn new(root: &'a Path) -> Self {
        Sources {
            root,
            files: HashMap::new(),
        }
    }

    fn get(&mut self, file: &str) -> Option<&str> {
        let root = self.root;
        self.files
            .entry(file.to_string())
            .or_insert_with(|| std::fs::read_to_string(root.join(file)).ok())
            .as_deref()
    }
}

fn human(
    renderer: &Renderer,
    sources: &mut Sources,
    severity: Severity,
    problem: &Diagnostic,
) -> String {
    let level = match severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
    };
    let found = sources
        .get(&problem.file)
        .and_then(|source| excerpt(&problem.file, source, problem.line, problem.column));
    let title = level.primary_title(problem.message.as_str());
    let mut group = match &found {
        Some(found) => title.element(
            Snippet::source(found.text.as_str())
                .line_start(problem.line as usize)
                .path(problem.file.as_str())
                .annotation(AnnotationKind::Primary.span(found.span.clone())),
        ),
        None if crate::util::csv::workbook_sheet(&problem.file).is_some() => {
            Group::with_title(title).element(Origin::path(problem.place()))
        }
        None => {
            let mut origin = Origin::path(problem.file.as_str());
            if problem.line > 0 {
                origin = origin.line(problem.line as usize);
                if problem.column > 0 {
                    origin = origin.char_column(problem.column as usize);
                }
            }
            Group::with_title(title).element(origin)
        }
    };
    if let Some(help) = &problem.help {
        group = group.element(Level::HELP.message(help.as_str()));
    }
    renderer.render(&[group])
}

/// `file` (relative to the portal) as seen from the working directory.
fn path_from_cwd(root: &Path, file: &str) -> String {
    let root = root.to_string_lossy().replace('\\', "/");
    let root = root.trim_start_matches("./").trim_end_matches('/');
    if root.is_empty() || root == "." {
        file.to_string()
    } else {
        format!("{root}/{file}")
    }
}

/// One workflow command, escaped as GitHub's toolkit does (`escapeData`, `escapeProperty`).
fn github(file: &str, severity: Severity, problem: &Diagnostic) -> String {
    if let Some((workbook, _)) = crate::util::csv::workbook_sheet(file) {
        // A workbook has no lines to point at: the cell goes into the message.
        let message = format!("{}: {}", problem.place(), problem.message);
        let located = Diagnostic {
            file: workbook.to_string(),
            line: 0,
            column: 0,
            message,
            help: problem.help.clone(),
        };
        return github(workbook, severity, &located);
    }
    let mut properties = vec![format!("file={}", escape_property(file))];
    if problem.line > 0 {
        properties.push(format!("line={}", problem.line));
        if problem.column > 0 {
            properties.push(format!("col={}", problem.column));
        }
    }
    let mut message = problem.message.clone();
    if let Some(help) = &problem.help {
        message.push_str("\nhelp: ");
        message.push_str(help);
    }
    format!(
        "::{} {}::{}",
        severity.name(),
        properties.join(","),
        escape_data(&message)
    )
}

fn escape_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

fn json(file: &str, severity: Severity, problem: &Diagnostic) -> String {
    let known = |n: u64| (n > 0).then_some(n);
    serde_json::json!({
        "file": file,
        "line": known(problem.line),
        "column": known(problem.column),
        "severity": severity.name(),
        "message": problem.message,
        "help": problem.help,
    })
    .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problem(message: &str, help: Option<&str>) -> Diagnostic {
        Diagnostic {
            file: "data/recommendations.csv".into(),
            line: 42,
            column: 7,
            message: message.into(),
            help: help.map(Into::into),
        }
    }

    #[test]
    fn github_escapes_data_and_properties_as_the_toolkit_does() {
        let p = Diagnostic {
            file: "data/a,b:c%.csv".into(),
            ..problem("100% wrong:\r\nsee, here", Some("fix it"))
        };
        assert_eq!(
            github(&p.file, Severity::Error, &p),
            "::error file=data/a%2Cb%3Ac%25.csv,line=42,col=7::100%25 wrong:%0D%0Asee, here%0Ahelp: fix it"
        );
    }

    #[test]
    fn github_leaves_out_an_unknown_line_and_column() {
        let p = Diagnostic {
            line: 0,
            column: 0,
            ..problem("unknown table", None)
        };
        assert_eq!(
            github("site/data/x.csv", Severity::Warning, &p),
            "::warning file=site/data/x.csv::unknown table"
        );
    }

    #[test]
    fn json_has_every_field_with_null_for_what_is_unknown() {
        let p = Diagnostic {
            column: 0,
            ..problem("bad \"quote\"", None)
        };
        let value: serde_json::Value =
            serde_json::from_str(&json("data/recommendations.csv", Severity::Error, &p)).unwrap();
        assert_eq!(
            value,
            serde_json::json!({"file": "data/recommendations.csv", "line": 42, "column": null,
                "severity": "error", "message": "bad \"quote\"", "help": null})
        );
    }

    #[test]
    fn paths_are_given_from_the_working_directory() {
        assert_eq!(path_from_cwd(Path::new("."), "data/x.csv"), "data/x.csv");
        assert_eq!(
            path_from_cwd(Path::new("./site/"), "data/x.csv"),
            "site/data/x.csv"
        );
    }

    #[test]
    fn human_shows_the_line_with_a_caret_under_the_cell() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("data")).unwrap();
        std::fs::write(
            dir.path().join("data/recommendations.csv"),
            "id,themes\nA-1,tortre\n",
        )
        .unwrap();
        let p = Diagnostic {
            line: 2,
            column: 2,
            ..problem("unknown theme `tortre`", Some("did you mean `torture`?"))
        };
        let text = render(
            Format::Human { colour: false },
            dir.path(),
            Severity::Error,
            &[p],
        );
        let expected = "error: unknown theme `tortre`\n --> data/recommendations.csv:2:5\n  |\n2 | A-1,tortre\n  |     ^^^^^^\n  |\n  = help: did you mean `torture`?\n\n";
        assert_eq!(text, expected, "{text}");
        assert!(!text.contains('\u{1b}'), "no colour when not asked");
    }
}
