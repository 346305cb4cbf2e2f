//! Mechanisms, documents, institutions and the taxonomies recommendations are filed under.

use super::super::registry::Registry;
use super::super::sheet::Schema;
use super::super::types::*;
use super::Resolver;
use super::aliases::PendingAliases;
use super::schema::*;
use super::states::StatesTable;

impl<'r> Resolver<'r> {
    pub(super) fn mechanisms(&mut self) -> (Vec<Mechanism>, Registry) {
        let sheet = self.sheet("mechanisms", &MECHANISMS, true);
        let mut registry = Registry::new("mechanism", "data/mechanisms.csv");
        let mut out = Vec::new();
        let mut pending = PendingAliases::new();
        for cells in sheet.rows() {
            let d = &mut *self.diagnostics;
            let (Some(key), kind, name) = (
                cells.key(d),
                cells
                    .required("kind", d)
                    .and(cells.choice("kind", MechanismKind::ALL, d)),
                cells.required_text("name", d),
            ) else {
                continue;
            };
            if !registry.add(&key, &cells, d) {
                continue;
            }
            pending.add(
                &cells,
                AliasTarget::Mechanism(MechanismId(out.len() as u32)),
            );
            out.push(Mechanism {
                key,
                kind: kind.unwrap_or(MechanismKind::Other),
                acronym: cells.owned("acronym"),
                name,
                url: cells.url("url", d),
                documents: Vec::new(),
                recommendations: Vec::new(),
            });
        }
        self.aliases
            .extend(pending.claim(&mut registry, self.diagnostics));
        (out, registry)
    }

    pub(super) fn documents(
        &mut self,
        mechanisms: &Registry,
        states: &StatesTable,
    ) -> (Vec<Document>, Registry) {
        let sheet = self.sheet("documents", &DOCUMENTS, true);
        let mut registry = Registry::new("document", "data/documents.csv");
        let mut out = Vec::new();
        let mut pending = PendingAliases::new();
        for cells in sheet.rows() {
            let d = &mut *self.diagnostics;
            let key = cells.key(d);
            let symbol = cells.required("symbol", d);
            let mechanism = cells
                .required("mechanism", d)
                .and_then(|m| mechanisms.resolve(m, "mechanism", &cells, d));
            let date = cells.required_date("date", d);
            let cycle = cells.get("cycle").and_then(|raw| {
                raw.parse::<u32>()
                    .ok()
                    .filter(|c| (1..=99).contains(c))
                    .or_else(|| {
                        cells.error(
                            "cycle",
                            d,
                            format!("cycle `{raw}` is not a whole number from 1 to 99"),
                            "write the UPR cycle as 1, 2, 3 or 4",
                        );
                        None
                    })
            });
            let state = match cells.get("state") {
                Some(value) => states.resolve(value, "state", &cells, d),
                None => states.portal_state,
            };
            let broken = key.clone();
            let (Some(key), Some(symbol), Some(mechanism), Some(date)) =
                (key, symbol, mechanism, date)
            else {
                registry.add_broken(broken);
                continue;
            };
            if !registry.add(&key, &cells, d) {
                continue;
            }
            pending.add(&cells, AliasTarget::Document(DocumentId(out.len() as u32)));
            out.push(Document {
                key,
                symbol: symbol.to_string(),
                mechanism: MechanismId(mechanism),
                state,
                date,
                cycle,
                session: cells.owned("session"),
                title: cells.text("title"),
                url: cells.url("url", d),
                recommendations: Vec::new(),
            });
        }
        self.aliases
            .extend(pending.claim(&mut registry, self.diagnostics));
        (out, registry)
    }

    pub(super) fn institutions(&mut self) -> (Vec<Institution>, Registry) {
        let sheet = self.sheet("institutions", &INSTITUTIONS, false);
        let mut registry = Registry::new("institution", "data/institutions.csv");
        let mut out = Vec::new();
        let mut pending = PendingAliases::new();
        for cells in sheet.rows() {
            let d = &mut *self.diagnostics;
            let (Some(key), kind, name) = (
                cells.key(d),
                cells
                    .required("kind", d)
                    .and(cells.choice("kind", InstitutionKind::ALL, d)),
                cells.required_text("name", d),
            ) else {
                continue;
            };
            if !registry.add(&key, &cells, d) {
                continue;
            }
            pending.add(
                &cells,
                AliasTarget::Institution(InstitutionId(out.len() as u32)),
            );
            out.push(Institution {
                key,
                kind: kind.unwrap_or(InstitutionKind::Other),
                acronym: cells.owned("acronym"),
                name,
                url: cells.url("url", d),
                recommendations: Vec::new(),
                actions: Vec::new(),
            });
        }
        self.aliases
            .extend(pending.claim(&mut registry, self.diagnostics));
        (out, registry)
    }

    pub(super) fn themes(&mut self) -> (Vec<Theme>, Registry) {
        let sheet = self.sheet("themes", &THEMES, false);
        let mut registry = Registry::new("theme", "data/themes.csv");
        let mut rows = Vec::new();
        let mut pending = PendingAliases::new();
        for cells in sheet.rows() {
            let d = &mut *self.diagnostics;
            let (Some(key), name) = (cells.key(d), cells.required_text("name", d)) else {
                continue;
            };
            if registry.add(&key, &cells, d) {
                pending.add(&cells, AliasTarget::Theme(ThemeId(rows.len() as u32)));
                rows.push((key, name, cells));
            }
        }
        let mut themes: Vec<Theme> = Vec::with_capacity(rows.len());
        for (key, name, cells) in &rows {
            let parent = cells
                .get("parent")
                .and_then(|p| registry.resolve(p, "parent", cells, self.diagnostics))
                .map(ThemeId);
            themes.push(Theme {
                key: key.clone(),
                parent,
                children: Vec::new(),
                name: name.clone(),
                recommendations: Vec::new(),
            });
        }
        // A parent chain longer than the number of themes has a cycle.
        for (index, (_, _, cells)) in rows.iter().enumerate() {
            let mut current = themes[index].parent;
            for _ in 0..=themes.len() {
                match current {
                    Some(p) if p.index() == index => {
                        cells.error(
                            "parent",
                            self.diagnostics,
                            format!("theme `{}` is its own ancestor", themes[index].key.id),
                            "themes form a tree: remove the parent that closes the loop",
                        );
                        break;
                    }
                    Some(p) => current = themes[p.index()].parent,
                    None => break,
                }
            }
        }
        self.aliases
            .extend(pending.claim(&mut registry, self.diagnostics));
        (themes, registry)
    }

    pub(super) fn simple_terms(
        &mut self,
        table: &'static str,
        file: &'static str,
        what: &'static str,
        schema: &Schema,
        target: fn(u32) -> AliasTarget,
        id_rule: fn(&str) -> Option<(String, &'static str)>,
    ) -> (Vec<(Key, Text)>, Registry) {
        let sheet = self.sheet(table, schema, false);
        let mut registry = Registry::new(what, file);
        let mut out = Vec::new();
        let mut pending = PendingAliases::new();
        for cells in sheet.rows() {
            let d = &mut *self.diagnostics;
            let (Some(key), name) = (cells.key(d), cells.required_text("name", d)) else {
                continue;
            };
            if let Some((problem, help)) = id_rule(&key.id) {
                cells.error("id", d, problem, help);
                continue;
            }
            if registry.add(&key, &cells, d) {
                pending.add(&cells, target(out.len() as u32));
                out.push((key, name));
            }
        }
        self.aliases
            .extend(pending.claim(&mut registry, self.diagnostics));
        (out, registry)
    }

    pub(super) fn sdg_goals(&mut self) -> (Vec<SdgGoal>, Registry) {
        let (rows, registry) = self.simple_terms(
            "sdg_goals",
            "data/sdg_goals.csv",
            "SDG goal",
            &SDG_GOALS,
            |i| AliasTarget::SdgGoal(SdgGoalId(i)),
            sdg_goal_problem,
        );
        let goals = rows
            .into_iter()
            .map(|(key, name)| SdgGoal {
                key,
                name,
                targets: Vec::new(),
                recommendations: Vec::new(),
            })
            .collect();
        (goals, registry)
    }

    pub(super) fn sdg_targets(&mut self, goals: &Registry) -> (Vec<SdgTarget>, Registry) {
        let sheet = self.sheet("sdg_targets", &SDG_TARGETS, false);
        let mut registry = Registry::new("SDG target", "data/sdg_targets.csv");
        let mut out = Vec::new();
        let mut pending = PendingAliases::new();
        for cells in sheet.rows() {
            let d = &mut *self.diagnostics;
            let key = cells.key(d);
            let goal = cells
                .required("goal", d)
                .and_then(|g| goals.resolve(g, "goal", &cells, d));
            let text = cells.required_text("text", d);
            let broken = key.clone();
            let (Some(key), Some(goal)) = (key, goal) else {
                registry.add_broken(broken);
                continue;
            };
            let goal_id = cells.get("goal").unwrap_or_default();
            if !key.id.starts_with(&format!("{goal_id}.")) {
                cells.error(
                    "id",
                    d,
                    format!("target `{}` does not belong to goal `{goal_id}`", key.id),
                    format!("SDG target ids are `goal.target`, like `{goal_id}.1`"),
                );
                registry.add_broken(Some(key));
                continue;
            }
            if registry.add(&key, &cells, d) {
                pending.add(
                    &cells,
                    AliasTarget::SdgTarget(SdgTargetId(out.len() as u32)),
                );
                out.push(SdgTarget {
                    key,
                    goal: SdgGoalId(goal),
                    text,
                    recommendations: Vec::new(),
                });
            }
        }
        self.aliases
            .extend(pending.claim(&mut registry, self.diagnostics));
        (out, registry)
    }

    pub(super) fn clusters(&mut self) -> (Vec<Cluster>, Registry) {
        let sheet = self.sheet("clusters", &CLUSTERS, false);
        let mut registry = Registry::new("cluster", "data/clusters.csv");
        let mut out = Vec::new();
        let mut pending = PendingAliases::new();
        for cells in sheet.rows() {
            let d = &mut *self.diagnostics;
            let (Some(key), name) = (cells.key(d), cells.required_text("name", d)) else {
                continue;
            };
            if registry.add(&key, &cells, d) {
                pending.add(&cells, AliasTarget::Cluster(ClusterId(out.len() as u32)));
                out.push(Cluster {
                    key,
                    name,
                    description: cells.text("description"),
                    recommendations: Vec::new(),
                });
            }
        }
        self.aliases
            .extend(pending.claim(&mut registry, self.diagnostics));
        (out, registry)
    }
}

/// SDG goals are numbered 1 to 17.
fn sdg_goal_problem(id: &str) -> Option<(String, &'static str)> {
    let in_range = id.parse::<u8>().is_ok_and(|goal| (1..=17).contains(&goal));
    (!in_range).then(|| {
        (
            format!("`{id}` is not an SDG goal: goals are numbered 1 to 17"),
            "use the goal's number, such as 5 for gender equality",
        )
    })
}
