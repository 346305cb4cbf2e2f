//! The draft follow-up report as plain data ([`Report`]), which recommendations it covers
//! ([`Scope`]), its HTML, and the portal's report pages. `docket report` writes the same
//! report to a file (see the `report` module).

mod html;
mod model;
mod page;
mod scope;

use std::ops::Range;

use anyhow::Result;

pub use html::{body_html, standalone_html};
pub use model::*;
pub(crate) use page::{item_count, page_context};
pub use page::{page_label, portal_scopes};
pub use scope::{Scope, resolve};

use super::Site;
use model::{OtherHeadings, date_text, groups, message, summary};

/// The report on `scope` in `lang`.
pub fn build_report(site: &Site, scope: &Scope, lang: &str) -> Result<Report> {
    build_report_part(site, scope, lang, 0..usize::MAX)
}

/// The report with only the items at positions `items` (in the report's order): one page of
/// the portal's paginated report. The summary counts every item, and is left empty after the
/// first page.
pub(crate) fn build_report_part(
    site: &Site,
    scope: &Scope,
    lang: &str,
    items: Range<usize>,
) -> Result<Report> {
    let resolved = resolve(site, scope, lang)?;
    let m = |key: &str| message(site, lang, key);
    let labels = Labels {
        draft_notice: m("draft-notice"),
        summary: m("draft-summary"),
        status: m("draft-status"),
        government: m("draft-assessor-government"),
        nhri: m("draft-assessor-nhri"),
        civil_society: m("draft-assessor-civil-society"),
        not_assessed: m("draft-not-assessed"),
        total: m("draft-total"),
        source: m("draft-source"),
        response: m("draft-response"),
        actions: m("draft-actions"),
        action: m("draft-action"),
        institutions: m("draft-institutions"),
        dates: m("draft-dates"),
        assessments: m("draft-assessments"),
        indicators: m("draft-indicators"),
        indicator: m("draft-indicator"),
        latest_value: m("draft-latest-value"),
        target: m("draft-target"),
        no_actions: m("draft-no-actions"),
        page: m("draft-page"),
    };
    let mut args = fluent_bundle::FluentArgs::new();
    args.set("date", date_text(site, lang, site.data.as_of));
    Ok(Report {
        lang: lang.to_string(),
        rtl: site.dir_of(lang) == "rtl",
        title: m("draft-title"),
        scope: resolved.description,
        as_of: site.i18n.message(lang, "draft-as-of", Some(&args)),
        summary: if items.start == 0 {
            summary(site, &resolved.recommendations, lang, &labels)
        } else {
            Summary { rows: Vec::new() }
        },
        groups: groups(
            site,
            &resolved.recommendations,
            lang,
            &OtherHeadings {
                follow_up: m("draft-follow-up"),
                other: m("draft-other"),
            },
            items,
        ),
        labels,
    })
}
