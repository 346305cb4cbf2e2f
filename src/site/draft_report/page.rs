//! The report on the portal: one page per mechanism and cycle (or per mechanism's latest
//! document), in every language, linked from the mechanism's page.

use serde::Serialize;
use tera::Context;

use super::{Scope, body_html, build_report_part, resolve};
use crate::model::*;
use crate::site::{PageNumber, Section, Site, urls};

/// Every (mechanism, cycle) that gets a report page: each cycle of a mechanism that has
/// cycles, else the mechanism once (its latest document with recommendations).
pub fn portal_scopes(data: &Dataset) -> Vec<(MechanismId, Option<u32>)> {
    let mut out = Vec::new();
    for (index, mechanism) in data.mechanisms.iter().enumerate() {
        let id = MechanismId(index as u32);
        let documents: Vec<&Document> = mechanism
            .documents
            .iter()
            .map(|d| &data.documents[d.index()])
            .filter(|d| !d.recommendations.is_empty())
            .collect();
        if documents.is_empty() {
            continue;
        }
        let mut cycles: Vec<u32> = documents.iter().filter_map(|d| d.cycle).collect();
        cycles.sort_unstable();
        cycles.dedup();
        if cycles.is_empty() {
            out.push((id, None));
        } else {
            out.extend(cycles.into_iter().map(|c| (id, Some(c))));
        }
    }
    out
}

/// How many recommendations the report of a portal scope covers: its pages hold
/// `per_page` each, so that a whole UPR cycle of many States is not one page of megabytes.
pub(crate) fn item_count(site: &Site, mechanism: MechanismId, cycle: Option<u32>) -> usize {
    let lang = &site.data.config.default_language;
    resolve(site, &scope(site, mechanism, cycle), lang).map_or(0, |r| r.recommendations.len())
}

fn scope(site: &Site, mechanism: MechanismId, cycle: Option<u32>) -> Scope {
    Scope::Mechanism {
        id: site.data.mechanisms[mechanism.index()].key.id.clone(),
        cycle,
    }
}

/// What a link to the page says: "Universal Periodic Review, cycle 4".
pub fn page_label(site: &Site, mechanism: MechanismId, cycle: Option<u32>, lang: &str) -> String {
    resolve(site, &scope(site, mechanism, cycle), lang)
        .map(|r| r.description)
        .unwrap_or_default()
}

#[derive(Serialize)]
struct MechanismLink {
    href: String,
    name: String,
}

/// The page's context (`report_html`, the mechanism, the pager) and its title.
pub fn page_context(
    site: &Site,
    mechanism: MechanismId,
    cycle: Option<u32>,
    page: PageNumber,
    lang: &str,
    context: &mut Context,
) -> String {
    let m = &site.data.mechanisms[mechanism.index()];
    let per_page = site.data.config.per_page;
    let first = (page.get() - 1) * per_page;
    // Every scope of `portal_scopes` has recommendations, so the report exists.
    let html = build_report_part(
        site,
        &scope(site, mechanism, cycle),
        lang,
        first..first + per_page,
    )
    .map(|report| body_html(&report, 1))
    .unwrap_or_default();
    context.insert("report_html", &html);
    context.insert(
        "pager",
        &crate::site::pages::pager(
            &urls::draft_report(lang, &m.key.slug, cycle),
            page.get(),
            item_count(site, mechanism, cycle),
            per_page,
        ),
    );
    context.insert(
        "mechanism",
        &MechanismLink {
            href: urls::entry(lang, Section::Mechanisms, &m.key.slug),
            name: site.localize(&m.name, lang).text,
        },
    );
    let mut args = fluent_bundle::FluentArgs::new();
    args.set("scope", page_label(site, mechanism, cycle, lang));
    site.i18n.message(lang, "draft-page-title", Some(&args))
}
