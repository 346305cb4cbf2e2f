//! Facets of the search index: for every facet value, the entries that carry it, exactly as
//! the browse pages list them.

use std::collections::{BTreeMap, BTreeSet};

use super::index::{Entry, EntryKind, Facet, FacetValue};
use crate::model::*;
pub use crate::site::search_page::FACETS;
use crate::site::{Site, Term, excerpt};

pub(super) fn facets(site: &Site, lang: &str, entries: &[Entry]) -> Vec<Facet> {
    let d = site.data;
    let n = entries.len();
    let recs = d.recommendations.len();
    let actions = d.actions.len();
    let action_entry = |a: usize| (recs + a) as u32;
    let document_entry = |doc: usize| (recs + actions + doc) as u32;
    let localized_label = |text: crate::site::Localized| {
        let lang_attr = if text.fallback {
            text.lang.clone()
        } else {
            String::new()
        };
        (text.text, lang_attr)
    };

    // A facet over terms: entries of each term's recommendations, plus what `extra` adds.
    let term_facet = |name: &'static str,
                      terms: Vec<(Term, String, (String, String))>,
                      extra: &dyn Fn(usize) -> Vec<u32>|
     -> Facet {
        let mut sets: Vec<BTreeSet<u32>> = Vec::new();
        for (term, _, _) in &terms {
            let mut set: BTreeSet<u32> = site
                .term_recommendations(*term)
                .iter()
                .map(|r| r.0)
                .collect();
            set.extend(extra(sets.len()));
            sets.push(set);
        }
        facet_from_sets(
            name,
            n,
            terms
                .into_iter()
                .zip(sets)
                .map(|((_, key, (label, label_lang)), set)| (key, label, label_lang, set))
                .collect(),
        )
    };
    // Recommendation sets per action, for facets an action inherits from what it addresses.
    let inherit = |of_rec: &dyn Fn(&Recommendation) -> Vec<usize>, count: usize| {
        let mut by_value: Vec<Vec<u32>> = vec![Vec::new(); count];
        for (a, action) in d.actions.iter().enumerate() {
            let mut values: BTreeSet<usize> = BTreeSet::new();
            for r in &action.recommendations {
                values.extend(of_rec(&d.recommendations[r.index()]));
            }
            for v in values {
                by_value[v].push(action_entry(a));
            }
        }
        by_value
    };

    let mut out = Vec::new();
    // type
    let mut type_sets = vec![BTreeSet::new(), BTreeSet::new(), BTreeSet::new()];
    for (i, entry) in entries.iter().enumerate() {
        type_sets[entry.kind as usize].insert(i as u32);
    }
    out.push(facet_from_sets(
        "type",
        n,
        EntryKind::ALL
            .iter()
            .zip(type_sets)
            .map(|(kind, set)| {
                (
                    kind.key().to_string(),
                    site.i18n
                        .message(lang, &format!("search-type-{}", kind.key()), None),
                    String::new(),
                    set,
                )
            })
            .collect(),
    ));
    // mechanism
    let by_mechanism = inherit(&|r| vec![r.mechanism.index()], d.mechanisms.len());
    out.push(term_facet(
        "mechanism",
        (0..d.mechanisms.len())
            .map(|m| {
                let mechanism = &d.mechanisms[m];
                let name = site.localize(&mechanism.name, lang);
                let (mut label, label_lang) = localized_label(name);
                if let Some(acronym) = &mechanism.acronym {
                    if *acronym != label {
                        label = format!("{acronym}: {label}");
                    }
                }
                (
                    Term::Mechanism(MechanismId(m as u32)),
                    mechanism.key.id.clone(),
                    (label, label_lang),
                )
            })
            .collect(),
        &|m| {
            let mut extra = by_mechanism[m].clone();
            extra.extend(
                d.mechanisms[m]
                    .documents
                    .iter()
                    .map(|doc| document_entry(doc.index())),
            );
            extra
        },
    ));
    // document
    let by_document = inherit(&|r| vec![r.document.index()], d.documents.len());
    out.push(term_facet(
        "document",
        (0..d.documents.len())
            .map(|doc| {
                (
                    Term::Document(DocumentId(doc as u32)),
                    d.documents[doc].key.id.clone(),
                    (d.documents[doc].symbol.clone(), String::new()),
                )
            })
            .collect(),
        &|doc| {
            let mut extra = by_document[doc].clone();
            extra.push(document_entry(doc));
            extra
        },
    ));
    // status: recommendations by the status pages' rule, actions by their government status
    let mut by_status: Vec<Vec<u32>> = vec![Vec::new(); d.config.statuses.len()];
    for (a, action) in d.actions.iter().enumerate() {
        if let Some(u) = action.assessments.government {
            by_status[d.status_updates[u.index()].status.index()].push(action_entry(a));
        }
    }
    out.push(term_facet(
        "status",
        (0..d.config.statuses.len())
            .map(|s| {
                (
                    Term::Status(StatusId(s as u32)),
                    d.config.statuses[s].id.clone(),
                    (site.status_label(StatusId(s as u32), lang), String::new()),
                )
            })
            .collect(),
        &|s| by_status[s].clone(),
    ));
    // disputed: recommendations whose assessors' current views differ (the disputed pages' rule)
    let disputed: BTreeSet<u32> = (0..recs as u32)
        .filter(|&r| !d.recommendations[r as usize].effective.agree())
        .collect();
    out.push(facet_from_sets(
        "disputed",
        n,
        vec![(
            "yes".to_string(),
            site.i18n.message(lang, "search-disputed-yes", None),
            String::new(),
            disputed,
        )],
    ));
    // response
    let mut response_sets: Vec<BTreeSet<u32>> = vec![BTreeSet::new(); Response::ALL.len()];
    for (i, r) in d.recommendations.iter().enumerate() {
        let position = Response::ALL
            .iter()
            .position(|(_, x)| *x == r.response)
            .unwrap_or(Response::ALL.len() - 1);
        response_sets[position].insert(i as u32);
    }
    out.push(facet_from_sets(
        "response",
        n,
        Response::ALL
            .iter()
            .zip(response_sets)
            .map(|((id, _), set)| {
                (
                    id.to_string(),
                    site.i18n.message(lang, &format!("response-{id}"), None),
                    String::new(),
                    set,
                )
            })
            .collect(),
    ));
    // theme, group, SDG target, institution
    let by_theme = inherit(
        &|r| r.themes.iter().map(|t| t.index()).collect(),
        d.themes.len(),
    );
    out.push(term_facet(
        "theme",
        (0..d.themes.len())
            .map(|t| {
                (
                    Term::Theme(ThemeId(t as u32)),
                    d.themes[t].key.id.clone(),
                    localized_label(site.localize(&d.themes[t].name, lang)),
                )
            })
            .collect(),
        &|t| by_theme[t].clone(),
    ));
    let by_group = inherit(
        &|r| r.groups.iter().map(|g| g.index()).collect(),
        d.groups.len(),
    );
    out.push(term_facet(
        "group",
        (0..d.groups.len())
            .map(|g| {
                (
                    Term::Group(GroupId(g as u32)),
                    d.groups[g].key.id.clone(),
                    localized_label(site.localize(&d.groups[g].name, lang)),
                )
            })
            .collect(),
        &|g| by_group[g].clone(),
    ));
    let by_target = inherit(
        &|r| r.sdg_targets.iter().map(|t| t.index()).collect(),
        d.sdg_targets.len(),
    );
    out.push(term_facet(
        "sdg",
        (0..d.sdg_targets.len())
            .map(|t| {
                let target = &d.sdg_targets[t];
                let (text, label_lang) = localized_label(site.localize(&target.text, lang));
                (
                    Term::SdgTarget(SdgTargetId(t as u32)),
                    target.key.id.clone(),
                    (
                        format!("{}: {}", target.key.id, excerpt(&text, 60)),
                        label_lang,
                    ),
                )
            })
            .collect(),
        &|t| by_target[t].clone(),
    ));
    let mut by_institution: Vec<Vec<u32>> = vec![Vec::new(); d.institutions.len()];
    for (i, institution) in d.institutions.iter().enumerate() {
        by_institution[i].extend(institution.actions.iter().map(|a| action_entry(a.index())));
    }
    out.push(term_facet(
        "institution",
        (0..d.institutions.len())
            .map(|i| {
                (
                    Term::Institution(InstitutionId(i as u32)),
                    d.institutions[i].key.id.clone(),
                    localized_label(site.localize(&d.institutions[i].name, lang)),
                )
            })
            .collect(),
        &|i| by_institution[i].clone(),
    ));
    // year, newest first
    let mut years: BTreeMap<std::cmp::Reverse<String>, BTreeSet<u32>> = BTreeMap::new();
    for (i, entry) in entries.iter().enumerate() {
        if entry.date.len() >= 4 {
            years
                .entry(std::cmp::Reverse(entry.date[..4].to_string()))
                .or_default()
                .insert(i as u32);
        }
    }
    out.push(facet_from_sets(
        "year",
        n,
        years
            .into_iter()
            .map(|(std::cmp::Reverse(year), set)| (year.clone(), year, String::new(), set))
            .collect(),
    ));
    debug_assert_eq!(
        out.iter().map(|f| f.name).collect::<Vec<_>>(),
        FACETS.to_vec()
    );
    out
}

/// A facet from (key, label, label language, entries) per value; values without entries
/// are left out.
fn facet_from_sets(
    name: &'static str,
    entries: usize,
    values: Vec<(String, String, String, BTreeSet<u32>)>,
) -> Facet {
    let mut facet = Facet {
        name,
        values: Vec::new(),
        of_entry: vec![Vec::new(); entries],
    };
    for (key, label, label_lang, set) in values {
        if set.is_empty() {
            continue;
        }
        let value = facet.values.len() as u32;
        for &entry in &set {
            facet.of_entry[entry as usize].push(value);
        }
        facet.values.push(FacetValue {
            key,
            label,
            label_lang,
            count: set.len() as u32,
        });
    }
    facet
}
