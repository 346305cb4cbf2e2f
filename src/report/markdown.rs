//! The report as Markdown (CommonMark with pipe tables), every text from the data escaped.

use std::fmt::Write;

use crate::site::draft_report::*;

pub(super) fn write(report: &Report) -> String {
    let l = &report.labels;
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", esc(&report.title));
    let _ = writeln!(out, "**{}**\n", esc(&report.scope));
    let _ = writeln!(out, "{}\n", esc(&report.as_of));
    let _ = writeln!(out, "*{}*\n", esc(&l.draft_notice));
    let _ = writeln!(out, "## {}\n", esc(&l.summary));
    table_row(
        &mut out,
        &[&l.status, &l.government, &l.nhri, &l.civil_society],
    );
    out.push_str("|---|---:|---:|---:|\n");
    for row in &report.summary.rows {
        let cells = [row.government, row.nhri, row.civil_society].map(|n| n.to_string());
        table_row(&mut out, &[&row.label, &cells[0], &cells[1], &cells[2]]);
    }
    for group in &report.groups {
        let _ = writeln!(out, "\n## {}", esc(&group.heading));
        for item in &group.items {
            write_item(&mut out, item, l);
        }
    }
    out
}

fn write_item(out: &mut String, item: &Item, l: &Labels) {
    let _ = writeln!(out, "\n### {}\n", esc(&item.id));
    let _ = writeln!(out, "> {}\n", esc(&item.text));
    let _ = writeln!(out, "- {}: {}", esc(&l.source), esc(&item.source));
    let _ = writeln!(out, "- {}: {}", esc(&l.response), esc(&item.response));
    let _ = writeln!(
        out,
        "- {}: <{}>",
        esc(&l.page),
        item.url.replace('>', "%3E")
    );
    let _ = writeln!(out, "\n#### {}\n", esc(&l.assessments));
    for a in &item.assessments {
        let by = if a.by.is_empty() {
            String::new()
        } else {
            format!(" ({})", esc(&a.by))
        };
        let _ = writeln!(
            out,
            "- **{}**{by}: {}, {}",
            esc(&a.assessor),
            esc(&a.status),
            esc(&a.date)
        );
        if !a.narrative.is_empty() {
            let _ = writeln!(out, "  {}", esc(&a.narrative));
        }
    }
    if item.assessments.is_empty() {
        let _ = writeln!(out, "- {}", esc(&l.not_assessed));
    }
    let _ = writeln!(out, "\n#### {}\n", esc(&l.actions));
    if item.actions.is_empty() {
        let _ = writeln!(out, "{}", esc(&l.no_actions));
    } else {
        table_row(out, &[&l.action, &l.institutions, &l.dates, &l.status]);
        out.push_str("|---|---|---|---|\n");
        for a in &item.actions {
            let action = format!("{} {}", a.id, a.title);
            table_row(out, &[&action, &a.institutions, &a.dates, &a.status]);
        }
    }
    if !item.indicators.is_empty() {
        let _ = writeln!(out, "\n#### {}\n", esc(&l.indicators));
        table_row(out, &[&l.indicator, &l.latest_value, &l.target]);
        out.push_str("|---|---|---|\n");
        for i in &item.indicators {
            table_row(out, &[&i.name, &i.latest, &i.target]);
        }
    }
}

fn table_row(out: &mut String, cells: &[&String]) {
    out.push('|');
    for cell in cells {
        let _ = write!(out, " {} |", esc(cell).replace('\n', " "));
    }
    out.push('\n');
}

/// Backslash-escapes every character Markdown could read as inline markup or HTML, and a
/// leading character that could start a block.
fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, c) in text.chars().enumerate() {
        if "\\`*_[]<>|~&".contains(c) || (i == 0 && "#+-=".contains(c)) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn markup_and_html_from_data_are_escaped() {
        assert_eq!(
            super::esc("<b>*x*</b> | 1."),
            "\\<b\\>\\*x\\*\\</b\\> \\| 1."
        );
        assert_eq!(super::esc("# UPR4-1"), "\\# UPR4-1");
    }
}
