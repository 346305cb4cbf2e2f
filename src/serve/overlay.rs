//! The problems panel the dev server shows over every page while the portal does not build.

use std::path::Path;

use fluent_bundle::FluentArgs;

use crate::diagnostics::Diagnostic;
use crate::i18n::I18n;
use crate::util::xml::escape;

/// The language the panel is written in, with its messages.
pub struct PanelLanguage {
    pub i18n: std::sync::Arc<I18n>,
    pub lang: String,
    /// `ltr` or `rtl`.
    pub dir: String,
}

impl PanelLanguage {
    /// English from the default theme, for a portal that has never built in this session.
    pub fn fallback() -> PanelLanguage {
        let source = include_str!("../../themes/default/i18n/en/serve.ftl");
        PanelLanguage {
            i18n: std::sync::Arc::new(I18n::from_sources(&[("en", source)], "en")),
            lang: "en".into(),
            dir: "ltr".into(),
        }
    }
}

/// An accessible `<section>` listing every problem with its place, help and source line.
pub fn panel(problems: &[Diagnostic], root: &Path, language: &PanelLanguage) -> String {
    let message = |key: &str, args: Option<&FluentArgs>| {
        escape(&language.i18n.message(&language.lang, key, args))
    };
    let mut count = FluentArgs::new();
    count.set("count", problems.len());
    let mut html = format!(
        "<section class=\"docket-problems\" role=\"alert\" aria-labelledby=\"docket-problems-title\" lang=\"{}\" dir=\"{}\">\n<h2 id=\"docket-problems-title\">{}</h2>\n<p>{}</p>\n<ol>\n",
        escape(&language.lang),
        escape(&language.dir),
        message("serve-problems-title", Some(&count)),
        message("serve-problems-intro", None),
    );
    for problem in problems {
        html.push_str(&format!(
            "<li><p><code dir=\"ltr\">{}</code> {}</p>\n",
            escape(&place(problem)),
            escape(&problem.message)
        ));
        if let Some(help) = &problem.help {
            html.push_str(&format!(
                "<p>{} {}</p>\n",
                message("serve-problem-help", None),
                escape(help)
            ));
        }
        if let Some(line) = source_line(root, problem) {
            let mut args = FluentArgs::new();
            args.set("line", problem.line);
            args.set("file", problem.file.clone());
            html.push_str(&format!(
                "<p>{}</p>\n<pre dir=\"ltr\"><code>{}</code></pre>\n",
                message("serve-problem-source", Some(&args)),
                escape(&line)
            ));
        }
        html.push_str("</li>\n");
    }
    html.push_str("</ol>\n</section>\n");
    html
}

/// A whole page holding only the panel, for when there is no good build to show.
pub fn page(panel: &str, language: &PanelLanguage) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"{}\" dir=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>Docket</title>\n</head>\n<body>\n<main>\n{panel}</main>\n</body>\n</html>\n",
        escape(&language.lang),
        escape(&language.dir)
    )
}

fn place(problem: &Diagnostic) -> String {
    match (problem.line, problem.column) {
        (0, _) => problem.file.clone(),
        (line, 0) => format!("{}:{line}", problem.file),
        (line, column) => format!("{}:{line}:{column}", problem.file),
    }
}

/// The problem's line of its file, when it names one inside the portal.
fn source_line(root: &Path, problem: &Diagnostic) -> Option<String> {
    let line = usize::try_from(problem.line).ok()?.checked_sub(1)?;
    if problem
        .file
        .split('/')
        .any(|part| part == ".." || part.is_empty())
    {
        return None;
    }
    let text = std::fs::read(root.join(&problem.file)).ok()?;
    let text = String::from_utf8_lossy(&text);
    let found = text.lines().nth(line)?;
    Some(found.chars().take(500).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_panel_names_the_place_help_and_source_line_escaped() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("data")).unwrap();
        std::fs::write(dir.path().join("data/t.csv"), "id,name\n<b>X</b>,y\n").unwrap();
        let problem = Diagnostic {
            file: "data/t.csv".into(),
            line: 2,
            column: 1,
            message: "unknown id `<b>X</b>`".into(),
            help: Some("did you mean `x`?".into()),
        };
        let html = panel(&[problem], dir.path(), &PanelLanguage::fallback());
        assert!(html.contains("role=\"alert\""));
        assert!(
            html.contains(
                "<code dir=\"ltr\">data/t.csv:2:1</code> unknown id `&lt;b&gt;X&lt;/b&gt;`"
            )
        );
        assert!(html.contains("did you mean `x`?"));
        assert!(
            html.contains("<pre dir=\"ltr\"><code>&lt;b&gt;X&lt;/b&gt;,y</code></pre>"),
            "{html}"
        );
        assert!(
            !html.contains("serve-problem"),
            "a message is missing: {html}"
        );
    }
}
