//! The report on the portal: one page per mechanism and cycle (or per mechanism's latest
//! document), in every language, linked from the mechanism's page.

use serde::Serialize;
use tera::Context;

use super::{Scope, body_html, build_report, resolve};
use crate::model::*;
use crate::site::{Section, Site, urls};

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

/// The page's context (`report_html`, the mechanism) and its title.
pub fn page_context(
    site: &Site,
    mechanism: MechanismId,
    cycle: Option<u32>,
    lang: &str,
    context: &mut Context,
) -> String {
    let m = &site.data.mechanisms[mechanism.index()];
    // Every scope of `portal_scopes` has recommendations, so the report exists.
    let html = build_report(site, &scope(site, mechanism, cycle), lang)
        .map(|report| body_html(&report, 1))
        .unwrap_or_default();
    context.insert("report_html", &html);
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
