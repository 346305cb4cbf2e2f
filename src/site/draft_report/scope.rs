//! Which recommendations a report covers: a UPR cycle, a treaty body's latest concluding
//! observations, or what one institution leads or partners on.

use anyhow::{Result, bail};

use crate::model::*;
use crate::site::Site;

/// What `docket report` was asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    /// A mechanism's recommendations: of one cycle (the UPR), else of its latest document
    /// with recommendations (a treaty body's latest concluding observations); the latest
    /// cycle when the mechanism has cycles and none is given.
    Mechanism { id: String, cycle: Option<u32> },
    /// What an institution leads or partners on, over every mechanism.
    Institution(String),
}

/// The recommendations of a scope, in data order, and a line saying what they are.
pub struct Resolved {
    pub recommendations: Vec<RecommendationId>,
    pub description: String,
}

pub fn resolve(site: &Site, scope: &Scope, lang: &str) -> Result<Resolved> {
    let d = site.data;
    match scope {
        Scope::Mechanism { id, cycle } => mechanism(site, id, *cycle, lang),
        Scope::Institution(id) => {
            let Some(institution) = d.institutions.iter().find(|i| i.key.id == *id) else {
                bail!(
                    "no institution `{id}` in data/institutions; its ids are {}",
                    list(d.institutions.iter().map(|i| i.key.id.as_str()))
                );
            };
            Ok(Resolved {
                recommendations: institution.recommendations.clone(),
                description: site.localize(&institution.name, lang).text,
            })
        }
    }
}

fn mechanism(site: &Site, id: &str, cycle: Option<u32>, lang: &str) -> Result<Resolved> {
    let d = site.data;
    let Some(mechanism) = d.mechanisms.iter().find(|m| {
        m.key.id.eq_ignore_ascii_case(id)
            || m.acronym
                .as_deref()
                .is_some_and(|a| a.eq_ignore_ascii_case(id))
    }) else {
        bail!(
            "no mechanism `{id}` in data/mechanisms; its ids are {}",
            list(d.mechanisms.iter().map(|m| m.key.id.as_str()))
        );
    };
    let name = site.localize(&mechanism.name, lang).text;
    let of_mechanism: Vec<&Document> = mechanism
        .documents
        .iter()
        .map(|doc| &d.documents[doc.index()])
        .filter(|doc| !doc.recommendations.is_empty())
        .collect();
    let mut cycles: Vec<u32> = of_mechanism.iter().filter_map(|doc| doc.cycle).collect();
    cycles.sort_unstable();
    cycles.dedup();
    let cycle = cycle.or(cycles.last().copied());
    let recommendations: Vec<RecommendationId> = match cycle {
        Some(cycle) => {
            if !cycles.contains(&cycle) {
                bail!(
                    "{} has no recommendations in cycle {cycle}; cycles with recommendations: {}",
                    mechanism.key.id,
                    if cycles.is_empty() {
                        "none".to_string()
                    } else {
                        list(cycles.iter().map(u32::to_string))
                    }
                );
            }
            mechanism
                .recommendations
                .iter()
                .copied()
                .filter(|r| {
                    d.documents[d.recommendations[r.index()].document.index()].cycle == Some(cycle)
                })
                .collect()
        }
        None => {
            let Some(latest) = of_mechanism.iter().max_by_key(|doc| doc.date) else {
                bail!(
                    "{} has no recommendations in data/recommendations",
                    mechanism.key.id
                );
            };
            latest.recommendations.clone()
        }
    };
    let description = match cycle {
        Some(cycle) => {
            let mut args = fluent_bundle::FluentArgs::new();
            args.set("mechanism", name);
            args.set("cycle", cycle);
            site.i18n.message(lang, "draft-scope-cycle", Some(&args))
        }
        None => {
            let doc = &d.documents[d.recommendations[recommendations[0].index()]
                .document
                .index()];
            format!("{name}, {}", doc.symbol)
        }
    };
    Ok(Resolved {
        recommendations,
        description,
    })
}

fn list<S: AsRef<str>>(items: impl Iterator<Item = S>) -> String {
    items
        .map(|s| s.as_ref().to_string())
        .collect::<Vec<_>>()
        .join(", ")
}
