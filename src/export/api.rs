//! The static JSON API, version 1 (docs/api.md): an index, one file per recommendation and
//! action, and one list per term, under `/api/v1/`.

use std::path::Path;

use anyhow::{Context, Result};
use rayon::prelude::*;
use serde_json::{Map, Value, json};

use super::package::{portal_json, translations};
use crate::emit::{Emitted, Unchanged};
use crate::model::*;
use crate::site::{Section, Site, TERM_SECTIONS, Term, urls};
use crate::slug::slugify;

pub use crate::site::urls::{API_DIR, api_recommendation_file as recommendation_file};

/// `api/v1/{section}/{slug}.json`
pub fn term_file(site: &Site, term: Term) -> String {
    format!(
        "{API_DIR}/{}/{}.json",
        term.section().segment(),
        slugify(site.term_slug(term))
    )
}

pub fn action_file(a: &Action) -> String {
    format!("{API_DIR}/actions/{}.json", a.key.slug)
}

fn url(site: &Site, path: &str) -> Value {
    Value::String(site.absolute(path))
}

/// Absolute addresses of a page in every language.
fn pages(site: &Site, path_in: impl Fn(&str) -> String) -> Value {
    Value::Object(
        site.language_codes()
            .map(|lang| {
                (
                    lang.to_string(),
                    Value::String(site.absolute(&path_in(lang))),
                )
            })
            .collect(),
    )
}

fn term_id(site: &Site, term: Term) -> String {
    match term {
        Term::Status(s) => site.data.config.statuses[s.index()].id.clone(),
        Term::Mechanism(id) => site.data.mechanisms[id.index()].key.id.clone(),
        Term::Document(id) => site.data.documents[id.index()].key.id.clone(),
        Term::Institution(id) => site.data.institutions[id.index()].key.id.clone(),
        Term::Theme(id) => site.data.themes[id.index()].key.id.clone(),
        Term::Group(id) => site.data.groups[id.index()].key.id.clone(),
        Term::SdgGoal(id) => site.data.sdg_goals[id.index()].key.id.clone(),
        Term::SdgTarget(id) => site.data.sdg_targets[id.index()].key.id.clone(),
        Term::Cluster(id) => site.data.clusters[id.index()].key.id.clone(),
        Term::State(id) | Term::RecommendingState(id) => {
            site.data.states[id.index()].key.id.clone()
        }
    }
}

/// A State's name in every portal language, by the States table's language rule.
fn state_names(site: &Site, state: StateId) -> Value {
    Value::Object(
        site.language_codes()
            .map(|l| {
                let name = site.data.state_name(state, l).1;
                (l.to_string(), Value::String(name.to_string()))
            })
            .collect(),
    )
}

/// The State under review: `{id, name}`, with `api` in a multi-State portal (which has a
/// file per State).
fn state_under_review(site: &Site, state: StateId) -> Value {
    if site.data.is_multi_state() {
        return term_ref(site, Term::State(state));
    }
    json!({
        "id": site.data.states[state.index()].key.id,
        "name": state_names(site, state),
    })
}

/// A term's name in every language it has.
fn term_names(site: &Site, term: Term) -> Value {
    let d = site.data;
    match term {
        Term::Mechanism(id) => translations(&d.mechanisms[id.index()].name),
        Term::Document(id) => Value::Object(
            site.language_codes()
                .map(|l| {
                    (
                        l.to_string(),
                        Value::String(d.documents[id.index()].symbol.clone()),
                    )
                })
                .collect(),
        ),
        Term::Institution(id) => translations(&d.institutions[id.index()].name),
        Term::Theme(id) => translations(&d.themes[id.index()].name),
        Term::Group(id) => translations(&d.groups[id.index()].name),
        Term::SdgGoal(id) => translations(&d.sdg_goals[id.index()].name),
        Term::SdgTarget(id) => translations(&d.sdg_targets[id.index()].text),
        Term::Cluster(id) => translations(&d.clusters[id.index()].name),
        Term::Status(id) => translations(&Text(d.config.statuses[id.index()].label.clone())),
        Term::State(id) | Term::RecommendingState(id) => state_names(site, id),
    }
}

/// `{id, name, api}`: a reference to a term.
fn term_ref(site: &Site, term: Term) -> Value {
    json!({
        "id": term_id(site, term),
        "name": term_names(site, term),
        "api": url(site, &term_file(site, term)),
    })
}

fn status_id(site: &Site, status: StatusId) -> String {
    site.data.config.statuses[status.index()].id.clone()
}

fn update_json(site: &Site, id: StatusUpdateId) -> Value {
    let d = site.data;
    let u = &d.status_updates[id.index()];
    json!({
        "id": u.id,
        "date": u.date.to_string(),
        "status": status_id(site, u.status),
        "assessor": u.assessor.id(),
        "institution": u.institution.map(|i| d.institutions[i.index()].key.id.clone()),
        "organisation": u.organisation,
        "narrative": translations(&u.narrative),
        "evidence": u.evidence,
        "submitted_on": u.submission.on.map(|on| on.to_string()),
        "submitted_by": u.submission.by.as_ref().filter(|_| d.config.publish.submitted_by),
    })
}

fn assessments_json(site: &Site, assessments: &Assessments) -> Value {
    let mut object = Map::new();
    for (name, who) in Assessor::ALL {
        object.insert(
            name.replace('-', "_"),
            assessments
                .get(*who)
                .map_or(Value::Null, |u| update_json(site, u)),
        );
    }
    Value::Object(object)
}

/// The recommendation as `api/v1/recommendations/{slug}.json` serves it.
pub fn recommendation_json(site: &Site, id: RecommendationId) -> Value {
    let d = site.data;
    let r = &d.recommendations[id.index()];
    let document = &d.documents[r.document.index()];
    let last_updated = r
        .updates
        .last()
        .map_or(r.date, |u| d.status_updates[u.index()].date.max(r.date));
    json!({
        "id": r.key.id,
        "slug": r.key.slug,
        "aliases": r.aliases.iter().map(|a| a.id.clone()).collect::<Vec<_>>(),
        "api": url(site, &recommendation_file(r)),
        "pages": pages(site, |lang| urls::entry(lang, Section::Recommendations, &r.key.slug)),
        "text": translations(&r.text),
        "paragraph": r.paragraph,
        "date": r.date.to_string(),
        "response": r.response.id(),
        "state": r.state.map(|s| state_under_review(site, s)),
        // Names, as version 1 always gave them; the references follow.
        "recommending_states": d.state_names(&r.recommending_states, &d.config.default_language),
        "recommending_state_refs": r.recommending_states.iter().map(|&s| term_ref(site, Term::RecommendingState(s))).collect::<Vec<_>>(),
        "mechanism": term_ref(site, Term::Mechanism(r.mechanism)),
        "document": {
            "id": document.key.id,
            "symbol": document.symbol,
            "date": document.date.to_string(),
            "cycle": document.cycle,
            "session": document.session,
            "url": document.url,
            "api": url(site, &term_file(site, Term::Document(r.document))),
        },
        "themes": r.themes.iter().map(|&t| term_ref(site, Term::Theme(t))).collect::<Vec<_>>(),
        "groups": r.groups.iter().map(|&g| term_ref(site, Term::Group(g))).collect::<Vec<_>>(),
        "sdg_targets": r.sdg_targets.iter().map(|&t| term_ref(site, Term::SdgTarget(t))).collect::<Vec<_>>(),
        "sdg_goals": r.sdg_goals.iter().map(|&g| term_ref(site, Term::SdgGoal(g))).collect::<Vec<_>>(),
        "position_source": r.position_source,
        "lead_institution": r.lead_institution.map(|i| term_ref(site, Term::Institution(i))),
        "partner_institutions": r.partner_institutions.iter().map(|&i| term_ref(site, Term::Institution(i))).collect::<Vec<_>>(),
        "cluster": r.cluster.map(|c| term_ref(site, Term::Cluster(c))),
        "actions": r.actions.iter().map(|&a| {
            let action = &d.actions[a.index()];
            json!({"id": action.key.id, "title": translations(&action.title), "api": url(site, &action_file(action))})
        }).collect::<Vec<_>>(),
        "indicators": r.indicators.iter().map(|&i| {
            let indicator = &d.indicators[i.index()];
            json!({"id": indicator.key.id, "name": translations(&indicator.name)})
        }).collect::<Vec<_>>(),
        "status": d.headline_status(r).map(|s| status_id(site, s)),
        "current_statuses": current_statuses_json(site, r),
        "assessments_agree": r.effective.agree(),
        "follow_up_due": r.follow_up_due.map(|x| x.to_string()),
        "assessments": assessments_json(site, &r.assessments),
        "updates": r.updates.iter().map(|&u| update_json(site, u)).collect::<Vec<_>>(),
        "last_updated": last_updated.to_string(),
    })
}

fn recommendation_summary(site: &Site, id: RecommendationId) -> Value {
    let d = site.data;
    let r = &d.recommendations[id.index()];
    json!({
        "id": r.key.id,
        "api": url(site, &recommendation_file(r)),
        "mechanism": d.mechanisms[r.mechanism.index()].key.id,
        "document": d.documents[r.document.index()].key.id,
        "state": r.state.map(|s| d.states[s.index()].key.id.clone()),
        "date": r.date.to_string(),
        "response": r.response.id(),
        "status": d.headline_status(r).map(|s| status_id(site, s)),
        "current_statuses": current_statuses_json(site, r),
        "assessments_agree": r.effective.agree(),
    })
}

/// Each assessor's current status by the status rule (`null` where it has none).
fn current_statuses_json(site: &Site, r: &Recommendation) -> Value {
    let mut object = Map::new();
    for (name, who) in Assessor::ALL {
        object.insert(
            name.replace('-', "_"),
            r.effective
                .get(*who)
                .map_or(Value::Null, |e| Value::from(status_id(site, e.status))),
        );
    }
    Value::Object(object)
}

pub fn action_json(site: &Site, id: ActionId) -> Value {
    let d = site.data;
    let a = &d.actions[id.index()];
    json!({
        "id": a.key.id,
        "slug": a.key.slug,
        "api": url(site, &action_file(a)),
        "pages": pages(site, |lang| urls::entry(lang, Section::Actions, &a.key.slug)),
        "title": translations(&a.title),
        "description": translations(&a.description),
        "recommendations": a.recommendations.iter().map(|&r| {
            let rec = &d.recommendations[r.index()];
            json!({"id": rec.key.id, "api": url(site, &recommendation_file(rec))})
        }).collect::<Vec<_>>(),
        "lead_institution": a.lead_institution.map(|i| term_ref(site, Term::Institution(i))),
        "partner_institutions": a.partner_institutions.iter().map(|&i| term_ref(site, Term::Institution(i))).collect::<Vec<_>>(),
        "start_date": a.start_date.map(|x| x.to_string()),
        "due_date": a.due_date.map(|x| x.to_string()),
        "assessments": assessments_json(site, &a.assessments),
        "updates": a.updates.iter().map(|&u| update_json(site, u)).collect::<Vec<_>>(),
    })
}

/// A term and the recommendations filed under it.
pub fn term_json(site: &Site, term: Term) -> Value {
    let d = site.data;
    let recommendations = site.term_recommendations(term);
    let first_page = |lang: &str| site.term_path(lang, term);
    let mut object = Map::new();
    object.insert("section".into(), json!(term.section().segment()));
    object.insert("id".into(), json!(term_id(site, term)));
    object.insert("slug".into(), json!(slugify(site.term_slug(term))));
    object.insert("name".into(), term_names(site, term));
    object.insert("api".into(), url(site, &term_file(site, term)));
    object.insert("pages".into(), pages(site, first_page));
    let details = term_details(site, term);
    if let Value::Object(details) = details {
        object.extend(details);
    }
    object.insert("count".into(), json!(recommendations.len()));
    object.insert(
        "recommendations".into(),
        Value::Array(
            recommendations
                .iter()
                .map(|&r| {
                    let rec = &d.recommendations[r.index()];
                    json!({"id": rec.key.id, "api": url(site, &recommendation_file(rec))})
                })
                .collect(),
        ),
    );
    Value::Object(object)
}

/// What a term's JSON says besides its name, pages and recommendations.
fn term_details(site: &Site, term: Term) -> Value {
    let d = site.data;
    match term {
        Term::Mechanism(id) => {
            let m = &d.mechanisms[id.index()];
            json!({
                "kind": super::columns::choice_id(MechanismKind::ALL, m.kind),
                "acronym": m.acronym,
                "url": m.url,
                "documents": m.documents.iter().map(|&doc| term_ref(site, Term::Document(doc))).collect::<Vec<_>>(),
            })
        }
        Term::Document(id) => {
            let doc = &d.documents[id.index()];
            json!({
                "symbol": doc.symbol,
                "mechanism": term_ref(site, Term::Mechanism(doc.mechanism)),
                "date": doc.date.to_string(),
                "cycle": doc.cycle,
                "session": doc.session,
                "title": translations(&doc.title),
                "url": doc.url,
            })
        }
        Term::Institution(id) => {
            let inst = &d.institutions[id.index()];
            json!({
                "kind": super::columns::choice_id(InstitutionKind::ALL, inst.kind),
                "acronym": inst.acronym,
                "url": inst.url,
                "actions": inst.actions.iter().map(|&a| {
                    let action = &d.actions[a.index()];
                    json!({"id": action.key.id, "api": url(site, &action_file(action))})
                }).collect::<Vec<_>>(),
            })
        }
        Term::Theme(id) => {
            let theme = &d.themes[id.index()];
            json!({
                "parent": theme.parent.map(|p| term_ref(site, Term::Theme(p))),
                "children": theme.children.iter().map(|&c| term_ref(site, Term::Theme(c))).collect::<Vec<_>>(),
            })
        }
        Term::SdgGoal(id) => json!({
            "targets": d.sdg_goals[id.index()].targets.iter().map(|&t| term_ref(site, Term::SdgTarget(t))).collect::<Vec<_>>(),
        }),
        Term::SdgTarget(id) => json!({
            "goal": term_ref(site, Term::SdgGoal(d.sdg_targets[id.index()].goal)),
        }),
        Term::Cluster(id) => json!({
            "description": translations(&d.clusters[id.index()].description),
        }),
        Term::Status(id) => {
            let status = &d.config.statuses[id.index()];
            json!({
                "colour": status.colour,
                "implemented": status.implemented,
                "closed": status.closed,
            })
        }
        Term::State(id) => {
            let state = &d.states[id.index()];
            json!({
                "group": state.group.map(RegionalGroup::id),
                "documents": state.documents.iter().map(|&doc| term_ref(site, Term::Document(doc))).collect::<Vec<_>>(),
            })
        }
        Term::RecommendingState(id) => json!({
            "group": d.states[id.index()].group.map(RegionalGroup::id),
        }),
        Term::Group(_) => json!({}),
    }
}

/// `api/v1/index.json`: what the API holds and where.
pub fn index_json(site: &Site) -> Value {
    let d = site.data;
    let mut sections = Map::new();
    for &section in TERM_SECTIONS {
        let terms: Vec<Value> = site
            .terms(section)
            .into_iter()
            .map(|term| {
                json!({
                    "id": term_id(site, term),
                    "name": term_names(site, term),
                    "count": site.term_recommendations(term).len(),
                    "api": url(site, &term_file(site, term)),
                })
            })
            .collect();
        sections.insert(section.segment().to_string(), Value::Array(terms));
    }
    json!({
        "api_version": 1,
        "portal": portal_json(site),
        "counts": {
            "recommendations": d.recommendations.len(),
            "actions": d.actions.len(),
            "status_updates": d.status_updates.len(),
        },
        "recommendations": url(site, &format!("{API_DIR}/recommendations.json")),
        "recommendation": site.absolute(&format!("{API_DIR}/recommendations/{{slug}}.json")),
        "actions": url(site, &format!("{API_DIR}/actions.json")),
        "action": site.absolute(&format!("{API_DIR}/actions/{{slug}}.json")),
        "data_package": url(site, &format!("{}/{}", super::tables::DATA_DIR, super::tables::PACKAGE_FILE)),
        "sections": sections,
    })
}

fn write_json(out_dir: &Path, path: &str, value: &Value) -> Result<u64> {
    let mut bytes = serde_json::to_vec(value)?;
    bytes.push(b'\n');
    std::fs::write(out_dir.join(path), &bytes).with_context(|| format!("cannot write {path}"))?;
    Ok(bytes.len() as u64)
}

/// Writes every file of the API; with `unchanged` (the dev server), leaves out the files of
/// recommendations, actions and terms it says did not change, and names them as kept.
pub fn write(site: &Site, out_dir: &Path, unchanged: Option<&dyn Unchanged>) -> Result<Emitted> {
    let d = site.data;
    let mut dirs = vec![
        API_DIR.to_string(),
        format!("{API_DIR}/recommendations"),
        format!("{API_DIR}/actions"),
    ];
    // A section without terms (no States under review in a single-State portal) gets no folder.
    dirs.extend(
        TERM_SECTIONS
            .iter()
            .filter(|&&s| !site.terms(s).is_empty())
            .map(|s| format!("{API_DIR}/{}", s.segment())),
    );
    for dir in &dirs {
        std::fs::create_dir_all(out_dir.join(dir))
            .with_context(|| format!("cannot create {dir}"))?;
    }
    let mut index = serde_json::to_vec_pretty(&index_json(site))?;
    index.push(b'\n');
    let mut bytes = index.len() as u64;
    std::fs::write(out_dir.join(format!("{API_DIR}/index.json")), index)
        .context("cannot write the API index")?;
    let all: Vec<Value> = (0..d.recommendations.len() as u32)
        .map(|i| recommendation_summary(site, RecommendationId(i)))
        .collect();
    bytes += write_json(
        out_dir,
        &format!("{API_DIR}/recommendations.json"),
        &Value::Array(all),
    )?;
    let actions: Vec<Value> = d
        .actions
        .iter()
        .map(|a| json!({"id": a.key.id, "title": translations(&a.title), "api": url(site, &action_file(a))}))
        .collect();
    bytes += write_json(
        out_dir,
        &format!("{API_DIR}/actions.json"),
        &Value::Array(actions),
    )?;
    let mut files: Vec<ApiFile> = (0..d.recommendations.len() as u32)
        .map(|i| ApiFile::Recommendation(RecommendationId(i)))
        .collect();
    files.extend((0..d.actions.len() as u32).map(|i| ApiFile::Action(ActionId(i))));
    files.extend(
        TERM_SECTIONS
            .iter()
            .flat_map(|&s| site.terms(s))
            .map(ApiFile::Term),
    );
    let written: Vec<(String, Option<u64>)> = files
        .par_iter()
        .map(|&file| -> Result<(String, Option<u64>)> {
            let path = file.path(site);
            if unchanged.is_some_and(|u| file.is_unchanged(site, u)) {
                return Ok((path, None));
            }
            let size = write_json(out_dir, &path, &file.json(site))?;
            Ok((path, Some(size)))
        })
        .collect::<Result<_>>()?;
    let mut emitted = Emitted::counted(3, bytes);
    for (path, size) in written {
        match size {
            Some(size) => {
                emitted.files += 1;
                emitted.bytes += size;
            }
            None => emitted.kept.push(path),
        }
    }
    Ok(emitted)
}

/// One file of the API about one row.
#[derive(Clone, Copy)]
enum ApiFile {
    Recommendation(RecommendationId),
    Action(ActionId),
    Term(Term),
}

impl ApiFile {
    fn path(self, site: &Site) -> String {
        let d = site.data;
        match self {
            ApiFile::Recommendation(id) => recommendation_file(&d.recommendations[id.index()]),
            ApiFile::Action(id) => action_file(&d.actions[id.index()]),
            ApiFile::Term(term) => term_file(site, term),
        }
    }

    fn json(self, site: &Site) -> Value {
        match self {
            ApiFile::Recommendation(id) => recommendation_json(site, id),
            ApiFile::Action(id) => action_json(site, id),
            ApiFile::Term(term) => term_json(site, term),
        }
    }

    /// A recommendation's file shows its own row only; an action's and a term's, the rows
    /// of their recommendations.
    fn is_unchanged(self, site: &Site, unchanged: &dyn Unchanged) -> bool {
        match self {
            ApiFile::Recommendation(id) => unchanged.recommendation(id),
            ApiFile::Action(id) => unchanged.action(id),
            ApiFile::Term(term) => unchanged.term(site, term),
        }
    }
}
