//! How a failed portal's problems and `check`'s warnings are written: `--format`.

use std::io::IsTerminal;
use std::path::Path;

use docket::{DiagnosticFormat as Format, Severity, render_diagnostics as render};

/// `docket check --format`.
#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum ReportFormat {
    /// The message, the offending line with a caret under the column, the help
    Human,
    /// One line per problem (`file:line:column: error: message`), its help on the next
    Short,
    /// `::error file=…,line=…,col=…::message` workflow commands
    Github,
    /// One JSON object per line: file, line, column, severity, message, help
    Json,
}

impl ReportFormat {
    pub(crate) fn format(self) -> Format {
        match self {
            ReportFormat::Human => Format::Human {
                colour: colour_on_stderr(),
            },
            ReportFormat::Short => Format::Short,
            ReportFormat::Github => Format::Github,
            ReportFormat::Json => Format::Json,
        }
    }
}

/// Colour only on a terminal, never with NO_COLOR (https://no-color.org) or in CI.
fn colour_on_stderr() -> bool {
    std::io::stderr().is_terminal()
        && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        && std::env::var_os("CI").is_none()
}

/// Writes a failed portal's problems: for people on stderr, for machines on stdout.
pub(crate) fn report_problems(root: &Path, format: ReportFormat, problems: &[docket::Diagnostic]) {
    let text = render(format.format(), root, Severity::Error, problems);
    let n = problems.len();
    let summary = format!(
        "{n} problem{} found; nothing was written",
        if n == 1 { "" } else { "s" }
    );
    match format {
        ReportFormat::Human | ReportFormat::Short => eprintln!("{text}{summary}"),
        ReportFormat::Github => println!("{text}{summary}"),
        ReportFormat::Json => {
            print!("{text}");
            eprintln!("{summary}");
        }
    }
}
