//! The rows a recommendation names: its mechanism, document, terms, SDG goals and targets
//! and cluster, found by name or added.

use anyhow::Result;

use crate::import::cross_source::symbol_key;
use crate::import::known::{SDG_GOALS, known_body};
use crate::import::short_hash;
use crate::slug::{id_problem, slugify};

use super::*;

impl Merger<'_> {
    /// The id of the cluster named, creating it when missing.
    pub(super) fn cluster(&mut self, name: &str) -> Option<String> {
        if let Some(row) = self.clusters.find(name) {
            let id = self.tables["clusters"].get(row, "id").to_string();
            self.tracker("clusters").touched(row, &id, false);
            return Some(id);
        }
        let mut id = slugify(name);
        if id_problem(&id).is_some() {
            id = format!("cluster-{}", short_hash(&crate::import::normalise(name), 8));
        }
        let name_column = format!("name_{}", self.lang);
        let row = self
            .table("clusters")
            .push(&[("id", &id), (&name_column, name)]);
        self.clusters.add(row, &id, [name].into_iter());
        self.tracker("clusters").added(row, &id);
        Some(id)
    }

    /// Adds (or updates the narrative of) the government status update the record gives;
    /// its id is the recommendation's id, `-assessment-` and the date.
    pub(super) fn assessment(&mut self, recommendation: &str, record: &Record) {
        let Some(assessment) = &record.assessment else {
            return;
        };
        let date = assessment.date.to_string();
        let Some(id) = crate::import::sanitise_id(&format!("{recommendation}-assessment-{date}"))
        else {
            return;
        };
        let narrative_column = format!("narrative_{}", self.lang);
        let table = self.table("status_updates");
        let existing = (0..table.rows.len()).find(|&row| table.get(row, "id") == id);
        match existing {
            Some(row) => {
                let changed = table.set(row, &narrative_column, &assessment.narrative);
                self.tracker("status_updates").touched(row, &id, changed);
            }
            None => {
                let row = table.push(&[
                    ("id", &id),
                    ("date", &date),
                    ("recommendation", recommendation),
                    ("status", &assessment.status),
                    ("assessor", "government"),
                    (&narrative_column, &assessment.narrative),
                ]);
                self.tracker("status_updates").added(row, &id);
            }
        }
    }

    /// The id of the record's mechanism, creating the row when the portal has none.
    pub(super) fn mechanism(&mut self, mechanism: &MechanismRef) -> Option<String> {
        let existing = if mechanism.kind == "upr" {
            self.upr_mechanism
        } else {
            None
        }
        .or_else(|| self.mechanisms.find(&mechanism.id))
        .or_else(|| self.mechanisms.find(&mechanism.name))
        .or_else(|| {
            mechanism
                .acronym
                .as_deref()
                .and_then(|a| self.mechanisms.find(a))
        });
        if let Some(row) = existing {
            let table = self.table("mechanisms");
            let id = table.get(row, "id").to_string();
            self.tracker("mechanisms").touched(row, &id, false);
            return Some(id);
        }
        id_problem(&mechanism.id).is_none().then_some(())?;
        let name_column = format!("name_{}", self.lang);
        let row = self.table("mechanisms").push(&[
            ("id", &mechanism.id),
            ("kind", mechanism.kind),
            ("acronym", mechanism.acronym.as_deref().unwrap_or("")),
            (&name_column, &mechanism.name),
            ("url", mechanism.url.as_deref().unwrap_or("")),
        ]);
        self.mechanisms
            .add(row, &mechanism.id, [mechanism.name.as_str()].into_iter());
        if let Some(acronym) = &mechanism.acronym {
            self.mechanisms
                .by_name
                .entry(name_key(acronym))
                .or_insert(row);
        }
        if mechanism.kind == "upr" {
            self.upr_mechanism = Some(row);
        }
        self.tracker("mechanisms").added(row, &mechanism.id);
        Some(mechanism.id.clone())
    }

    /// A session's document is the one of the record's State; in an import about one State,
    /// also a document without a State (a single-State portal's).
    pub(super) fn session_document(
        &self,
        document: &DocumentRef,
        mechanism: &str,
        state: Option<&str>,
    ) -> Option<usize> {
        let session = document.session.clone().filter(|_| document.by_session)?;
        let key = (
            slugify(mechanism),
            session,
            self.states.key(state.unwrap_or("")),
        );
        if let Some(&row) = self.documents_by_session.get(&key) {
            return Some(row);
        }
        if self.several_states {
            return None;
        }
        let (mechanism, session, _) = key;
        self.documents_by_session
            .get(&(mechanism, session, String::new()))
            .copied()
    }

    /// The id of the record's document, creating the row (with `state_cell` as its `state`)
    /// when the portal has none.
    pub(super) fn document(
        &mut self,
        document: &DocumentRef,
        mechanism: &str,
        state: Option<&str>,
        state_cell: Option<&str>,
    ) -> Result<String, String> {
        let existing = self
            .documents_by_slug
            .get(&slugify(&document.id))
            .or_else(|| self.documents_by_symbol.get(&symbol_key(&document.symbol)))
            .copied()
            .or_else(|| self.session_document(document, mechanism, state));
        if let Some(row) = existing {
            let id = self.table("documents").get(row, "id").to_string();
            self.tracker("documents").touched(row, &id, false);
            return Ok(id);
        }
        if let Some(problem) = id_problem(&document.id) {
            return Err(format!(
                "document `{}` cannot get an id: {problem}",
                document.symbol
            ));
        }
        let Some(date) = document.date else {
            return Err(format!(
                "document `{}` is new to the portal and the export gives no date for it",
                document.symbol
            ));
        };
        let title_column = format!("title_{}", self.lang);
        let date = date.to_string();
        let cycle = document.cycle.map(|c| c.to_string()).unwrap_or_default();
        let row = self.table("documents").push(&[
            ("id", &document.id),
            ("symbol", &document.symbol),
            ("mechanism", mechanism),
            ("date", &date),
            ("cycle", &cycle),
            ("session", document.session.as_deref().unwrap_or("")),
            ("state", state_cell.unwrap_or("")),
            (&title_column, document.title.as_deref().unwrap_or("")),
        ]);
        self.documents_by_slug.insert(slugify(&document.id), row);
        self.documents_by_symbol
            .insert(symbol_key(&document.symbol), row);
        if let Some(session) = &document.session {
            self.documents_by_session
                .entry((
                    slugify(mechanism),
                    session.clone(),
                    self.states.key(state.unwrap_or("")),
                ))
                .or_insert(row);
        }
        self.tracker("documents").added(row, &document.id);
        Ok(document.id.clone())
    }

    /// Ids of the themes or groups named, creating the missing ones.
    pub(super) fn terms(&mut self, table: &'static str, names: &[String]) -> Vec<String> {
        let mut ids: Vec<String> = Vec::new();
        for name in names {
            let index = if table == "themes" {
                &self.themes
            } else {
                &self.groups
            };
            let id = match index.find(name) {
                Some(row) => {
                    let id = self.tables[table].get(row, "id").to_string();
                    self.tracker(table).touched(row, &id, false);
                    id
                }
                None => {
                    let mut id = slugify(name);
                    if id_problem(&id).is_some() {
                        let prefix = if table == "themes" { "theme" } else { "group" };
                        id = format!(
                            "{prefix}-{}",
                            short_hash(&crate::import::normalise(name), 8)
                        );
                    }
                    let name_column = format!("name_{}", self.lang);
                    let row = self.table(table).push(&[("id", &id), (&name_column, name)]);
                    let index = if table == "themes" {
                        &mut self.themes
                    } else {
                        &mut self.groups
                    };
                    index.add(row, &id, [name.as_str()].into_iter());
                    self.tracker(table).added(row, &id);
                    id
                }
            };
            if !ids.contains(&id) {
                ids.push(id);
            }
        }
        ids
    }

    /// Ids of the SDG goals numbered, each once, creating the missing ones.
    pub(super) fn sdg_goals(&mut self, numbers: &[String]) -> Vec<String> {
        let mut ids: Vec<String> = Vec::new();
        for id in numbers.iter().filter_map(|n| self.sdg_goal(n)) {
            if !ids.contains(&id) {
                ids.push(id);
            }
        }
        ids
    }

    /// The id of SDG goal `number` (`1` to `17`), creating it when missing.
    pub(super) fn sdg_goal(&mut self, number: &str) -> Option<String> {
        if let Some(row) = self.goals.by_slug.get(&slugify(number)).copied() {
            let id = self.tables["sdg_goals"].get(row, "id").to_string();
            self.tracker("sdg_goals").touched(row, &id, false);
            return Some(id);
        }
        let index: usize = number.parse().ok()?;
        let english = SDG_GOALS.get(index.checked_sub(1)?)?;
        let id = index.to_string();
        let (column, name) = if self.has_english {
            ("name_en".to_string(), english.to_string())
        } else {
            (format!("name_{}", self.lang), format!("SDG {index}"))
        };
        let row = self
            .table("sdg_goals")
            .push(&[("id", &id), (&column, &name)]);
        self.goals.add(row, &id, std::iter::empty::<&str>());
        self.tracker("sdg_goals").added(row, &id);
        Some(id)
    }

    /// The id of an SDG target, creating it (and its goal) when missing.
    pub(super) fn sdg_target(&mut self, target: &SdgRef) -> Option<String> {
        if let Some(row) = self.targets.by_slug.get(&slugify(&target.target)).copied() {
            let id = self.tables["sdg_targets"].get(row, "id").to_string();
            self.tracker("sdg_targets").touched(row, &id, false);
            return Some(id);
        }
        if id_problem(&target.target).is_some() || id_problem(&target.goal).is_some() {
            return None;
        }
        let goal = self.sdg_goal(&target.goal)?;
        let text_column = format!("text_{}", self.lang);
        let text = target.text.clone().unwrap_or_else(|| target.target.clone());
        let row = self.table("sdg_targets").push(&[
            ("id", &target.target),
            ("goal", &goal),
            (&text_column, &text),
        ]);
        self.targets
            .add(row, &target.target, std::iter::empty::<&str>());
        self.tracker("sdg_targets").added(row, &target.target);
        Some(target.target.clone())
    }
}

/// Used by readers: the known mechanism for a body's name, or a new one.
pub(in crate::import) fn mechanism_for_body(body: &str) -> Option<MechanismRef> {
    let body = body.trim();
    if let Some(known) = known_body(body) {
        return Some(MechanismRef {
            id: known.acronym.to_string(),
            kind: known.kind,
            acronym: Some(known.acronym.to_string()),
            name: known.name.to_string(),
            url: Some(known.url.to_string()),
        });
    }
    let kind = if crate::import::known::is_special_procedure(body) {
        "special-procedure"
    } else {
        "other"
    };
    let id = crate::import::sanitise_id(&slugify(body))?;
    Some(MechanismRef {
        id,
        kind,
        acronym: None,
        name: body.to_string(),
        url: None,
    })
}
