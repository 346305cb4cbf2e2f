//! The report as HTML: a fragment for the portal's report page, and a standalone document
//! with the portal's styles that prints on A4.

use std::fmt::Write;

use super::model::*;
use crate::util::xml::escape as esc;

/// Print settings added to the theme's styles in the standalone document.
const PRINT_CSS: &str = "@page { size: A4; margin: 2cm 1.8cm; }
body { max-width: 48rem; margin: 0 auto; padding: 1rem; }
.draft-report table { border-collapse: collapse; width: 100%; margin-block: 0.5rem 1rem; }
.draft-report th, .draft-report td { border: 1px solid #767676; padding: 0.25rem 0.5rem; text-align: start; vertical-align: top; }
.draft-report td.n { text-align: end; }
@media print { .draft-report h3 { break-after: avoid; } .draft-report tr { break-inside: avoid; } thead { display: table-header-group; } a { color: inherit; } }";

/// A whole HTML document: language and direction set, the theme's CSS inlined.
pub fn standalone_html(report: &Report, css: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\" dir=\"{dir}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{title}</title>\n<style>\n{css}\n{PRINT_CSS}\n</style>\n</head>\n<body>\n<main>\n{body}</main>\n</body>\n</html>\n",
        lang = esc(&report.lang),
        dir = if report.rtl { "rtl" } else { "ltr" },
        title = esc(&format!("{}: {}", report.title, report.scope)),
        css = css.replace("</", "<\\/"),
        body = body_html(report, 1),
    )
}

/// The report as an `<article>`; its title is a heading of `level` (1 standalone, 2 on a page).
pub fn body_html(report: &Report, level: u8) -> String {
    let l = &report.labels;
    let h = |n: u8| (level + n - 1).min(6);
    let mut out = String::from("<article class=\"draft-report\">\n");
    let _ = writeln!(out, "<h{0}>{1}</h{0}>", h(1), esc(&report.title));
    let _ = writeln!(
        out,
        "<p class=\"kicker\"><strong>{}</strong></p>",
        esc(&report.scope)
    );
    let _ = writeln!(
        out,
        "<p>{}</p>\n<p class=\"hint\">{}</p>",
        esc(&report.as_of),
        esc(&l.draft_notice)
    );
    if !report.summary.rows.is_empty() {
        write_summary(&mut out, report, h(2));
    }
    for group in &report.groups {
        let _ = writeln!(
            out,
            "<section>\n<h{0}>{1}</h{0}>",
            h(2),
            esc(&group.heading)
        );
        for item in &group.items {
            write_item(&mut out, item, l, h(3));
        }
        out.push_str("</section>\n");
    }
    out.push_str("</article>\n");
    out
}

fn write_summary(out: &mut String, report: &Report, level: u8) {
    let l = &report.labels;
    let _ = writeln!(out, "<section>\n<h{0}>{1}</h{0}>", level, esc(&l.summary));
    out.push_str("<table>\n<thead><tr>");
    for head in [&l.status, &l.government, &l.nhri, &l.civil_society] {
        let _ = write!(out, "<th scope=\"col\">{}</th>", esc(head));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for row in &report.summary.rows {
        let _ = writeln!(
            out,
            "<tr><th scope=\"row\">{}</th><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td></tr>",
            esc(&row.label),
            row.government,
            row.nhri,
            row.civil_society
        );
    }
    out.push_str("</tbody>\n</table>\n</section>\n");
}

fn write_item(out: &mut String, item: &Item, l: &Labels, level: u8) {
    let sub = (level + 1).min(6);
    let _ = writeln!(
        out,
        "<section class=\"draft-item\">\n<h{level}><a href=\"{}\">{}</a></h{level}>",
        esc(&item.url),
        esc(&item.id)
    );
    let _ = writeln!(
        out,
        "<blockquote><p{}>{}</p></blockquote>",
        lang_attrs(item.text_lang.as_ref()),
        esc(&item.text)
    );
    let _ = writeln!(
        out,
        "<dl class=\"facts\"><div><dt>{}</dt><dd>{}</dd></div><div><dt>{}</dt><dd>{}</dd></div></dl>",
        esc(&l.source),
        esc(&item.source),
        esc(&l.response),
        esc(&item.response)
    );
    let _ = writeln!(out, "<h{sub}>{}</h{sub}>", esc(&l.assessments));
    if item.assessments.is_empty() {
        let _ = writeln!(out, "<p>{}</p>", esc(&l.not_assessed));
    }
    for a in &item.assessments {
        let by = if a.by.is_empty() {
            String::new()
        } else {
            format!(" ({})", esc(&a.by))
        };
        let _ = write!(
            out,
            "<p><strong>{}</strong>{by}: {}, {}",
            esc(&a.assessor),
            esc(&a.status),
            esc(&a.date)
        );
        if !a.narrative.is_empty() {
            let _ = write!(
                out,
                "<br><span{}>{}</span>",
                lang_attrs(a.narrative_lang.as_ref()),
                esc(&a.narrative)
            );
        }
        out.push_str("</p>\n");
    }
    let _ = writeln!(out, "<h{sub}>{}</h{sub}>", esc(&l.actions));
    if item.actions.is_empty() {
        let _ = writeln!(out, "<p>{}</p>", esc(&l.no_actions));
    } else {
        table(
            out,
            &[&l.action, &l.institutions, &l.dates, &l.status],
            item.actions.iter().map(|a| {
                vec![
                    format!("{} {}", a.id, a.title),
                    a.institutions.clone(),
                    a.dates.clone(),
                    a.status.clone(),
                ]
            }),
        );
    }
    if !item.indicators.is_empty() {
        let _ = writeln!(out, "<h{sub}>{}</h{sub}>", esc(&l.indicators));
        table(
            out,
            &[&l.indicator, &l.latest_value, &l.target],
            item.indicators
                .iter()
                .map(|i| vec![i.name.clone(), i.latest.clone(), i.target.clone()]),
        );
    }
    out.push_str("</section>\n");
}

/// ` lang="…" dir="…"` for a text in another language than the report's.
fn lang_attrs(other: Option<&OtherLanguage>) -> String {
    other.map_or_else(String::new, |o| {
        format!(
            " lang=\"{}\" dir=\"{}\"",
            esc(&o.lang),
            if o.rtl { "rtl" } else { "ltr" }
        )
    })
}

fn table(out: &mut String, head: &[&String], rows: impl Iterator<Item = Vec<String>>) {
    out.push_str("<table>\n<thead><tr>");
    for cell in head {
        let _ = write!(out, "<th scope=\"col\">{}</th>", esc(cell));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for row in rows {
        out.push_str("<tr>");
        for cell in row {
            let _ = write!(out, "<td>{}</td>", esc(&cell));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
}
