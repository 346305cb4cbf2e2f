//! Stage 2: raw tables to a validated [`Dataset`], every problem reported at once.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::registry::Registry;
use super::sheet::{Schema, Sheet};
use super::types::*;
use crate::config::Config;
use crate::diagnostics::{Diagnostics, InvalidPortal};
use crate::load::{RawPortal, Table};

/// Validates a loaded portal and resolves every reference.
///
/// `as_of` is the day the data describes (see [`resolve_as_of`]).
pub fn build_dataset(
    raw: &RawPortal,
    as_of_override: Option<NaiveDate>,
) -> Result<Dataset, InvalidPortal> {
    let mut diagnostics = Diagnostics::default();
    let Some(config) = Config::parse(&raw.config_source, &mut diagnostics) else {
        return Err(diagnostics.into_result().unwrap_err());
    };
    let as_of = resolve_as_of(as_of_override, config.as_of);
    let languages: Vec<&str> = config.language_codes().collect();
    let mut resolver = Resolver {
        raw,
        config: &config,
        languages: &languages,
        diagnostics: &mut diagnostics,
    };
    let dataset = resolver.run(as_of);
    diagnostics.into_result()?;
    Ok(dataset)
}

/// The as-of date: the flag, else `as_of` in config.toml, else `SOURCE_DATE_EPOCH`, else today (UTC).
pub fn resolve_as_of(flag: Option<NaiveDate>, config: Option<NaiveDate>) -> NaiveDate {
    flag.or(config)
        .or_else(|| {
            let seconds: i64 = std::env::var("SOURCE_DATE_EPOCH")
                .ok()?
                .trim()
                .parse()
                .ok()?;
            chrono::DateTime::from_timestamp(seconds, 0).map(|t| t.date_naive())
        })
        .unwrap_or_else(|| chrono::Utc::now().date_naive())
}

struct Resolver<'r> {
    raw: &'r RawPortal,
    config: &'r Config,
    languages: &'r [&'r str],
    diagnostics: &'r mut Diagnostics,
}

const MECHANISMS: Schema = Schema {
    columns: &[
        ("id", true),
        ("kind", true),
        ("acronym", false),
        ("url", false),
    ],
    translated: &[("name", true)],
};
const DOCUMENTS: Schema = Schema {
    columns: &[
        ("id", true),
        ("symbol", true),
        ("mechanism", true),
        ("date", true),
        ("cycle", false),
        ("session", false),
        ("url", false),
    ],
    translated: &[("title", false)],
};
const RECOMMENDATIONS: Schema = Schema {
    columns: &[
        ("id", true),
        ("document", true),
        ("paragraph", false),
        ("date", false),
        ("response", false),
        ("recommending_states", false),
        ("themes", false),
        ("groups", false),
        ("sdg_targets", false),
        ("lead_institution", false),
        ("partner_institutions", false),
        ("cluster", false),
        ("aliases", false),
        ("source_id", false),
    ],
    translated: &[("text", true)],
};
const INSTITUTIONS: Schema = Schema {
    columns: &[
        ("id", true),
        ("kind", true),
        ("acronym", false),
        ("url", false),
    ],
    translated: &[("name", true)],
};
const THEMES: Schema = Schema {
    columns: &[("id", true), ("parent", false)],
    translated: &[("name", true)],
};
const GROUPS: Schema = Schema {
    columns: &[("id", true)],
    translated: &[("name", true)],
};
const SDG_GOALS: Schema = Schema {
    columns: &[("id", true)],
    translated: &[("name", true)],
};
const SDG_TARGETS: Schema = Schema {
    columns: &[("id", true), ("goal", true)],
    translated: &[("text", true)],
};
const CLUSTERS: Schema = Schema {
    columns: &[("id", true)],
    translated: &[("name", true), ("description", false)],
};
const ACTIONS: Schema = Schema {
    columns: &[
        ("id", true),
        ("recommendations", false),
        ("lead_institution", false),
        ("partner_institutions", false),
        ("start_date", false),
        ("due_date", false),
    ],
    translated: &[("title", true), ("description", false)],
};
const STATUS_UPDATES: Schema = Schema {
    columns: &[
        ("id", false),
        ("date", true),
        ("recommendation", false),
        ("action", false),
        ("status", true),
        ("assessor", true),
        ("institution", false),
        ("organisation", false),
        ("evidence", false),
    ],
    translated: &[("narrative", false)],
};
const INDICATORS: Schema = Schema {
    columns: &[
        ("id", true),
        ("kind", true),
        ("unit", false),
        ("baseline", false),
        ("baseline_date", false),
        ("target", false),
        ("target_date", false),
        ("recommendations", false),
        ("actions", false),
    ],
    translated: &[("name", true)],
};
const MEASUREMENTS: Schema = Schema {
    columns: &[
        ("indicator", true),
        ("date", true),
        ("value", true),
        ("source", false),
    ],
    translated: &[("note", false)],
};
const REPORTING_CALENDAR: Schema = Schema {
    columns: &[
        ("id", true),
        ("mechanism", true),
        ("due_date", true),
        ("submitted_date", false),
        ("document", false),
    ],
    translated: &[("title", true)],
};

/// Section names that content pages may not use, since generated pages live there.
pub const RESERVED_SECTIONS: &[&str] = &[
    "recommendations",
    "mechanisms",
    "documents",
    "institutions",
    "themes",
    "groups",
    "sdg",
    "clusters",
    "actions",
    "indicators",
    "statuses",
    "search",
    "data",
    "api",
    "static",
    "feeds",
    "overdue",
    "reporting",
    "scorecards",
    "changes",
];

impl<'r> Resolver<'r> {
    fn sheet(&mut self, name: &str, schema: &Schema, required: bool) -> Sheet<'r> {
        match self.raw.table(name) {
            Some(table) => Sheet::open(table, schema, self.languages, self.diagnostics),
            None => {
                if required {
                    self.diagnostics.error_with_help(
                        &format!("data/{name}.csv"),
                        0,
                        0,
                        "this table is required but the file does not exist",
                        "see docs/data.md for its columns; `docket new` creates a portal with every required table",
                    );
                }
                Sheet::open(
                    empty_table(),
                    schema,
                    self.languages,
                    &mut Diagnostics::default(),
                )
            }
        }
    }

    fn run(&mut self, as_of: NaiveDate) -> Dataset {
        let (mechanisms, mechanism_ids) = self.mechanisms();
        let (documents, document_ids) = self.documents(&mechanism_ids);
        let (institutions, institution_ids) = self.institutions();
        let (themes, theme_ids) = self.themes();
        let (groups, group_ids) =
            self.simple_terms("groups", "data/groups.csv", "affected group", &GROUPS);
        let (sdg_goals, goal_ids) = self.sdg_goals();
        let (sdg_targets, target_ids) = self.sdg_targets(&goal_ids);
        let (clusters, cluster_ids) = self.clusters();
        let refs = RecommendationRefs {
            documents: &document_ids,
            institutions: &institution_ids,
            themes: &theme_ids,
            groups: &group_ids,
            targets: &target_ids,
            clusters: &cluster_ids,
        };
        let (recommendations, recommendation_ids) = self.recommendations(&documents, &refs);
        let (actions, action_ids) = self.actions(&recommendation_ids, &institution_ids);
        let status_updates =
            self.status_updates(as_of, &recommendation_ids, &action_ids, &institution_ids);
        let indicators = self.indicators(&recommendation_ids, &action_ids);
        let reports = self.reports(&mechanism_ids, &document_ids);
        let (pages, home_intro) = self.pages();

        let mut dataset = Dataset {
            config: self.config.clone(),
            as_of,
            mechanisms,
            documents,
            recommendations,
            institutions,
            themes,
            groups: groups
                .into_iter()
                .map(|(key, name)| Group {
                    key,
                    name,
                    recommendations: Vec::new(),
                })
                .collect(),
            sdg_goals,
            sdg_targets,
            clusters,
            actions,
            status_updates,
            indicators,
            reports,
            pages,
            home_intro,
        };
        super::links::link_back(&mut dataset);
        super::links::settle_statuses(&mut dataset);
        dataset
    }

    fn mechanisms(&mut self) -> (Vec<Mechanism>, Registry) {
        let sheet = self.sheet("mechanisms", &MECHANISMS, true);
        let mut registry = Registry::new("mechanism", "data/mechanisms.csv");
        let mut out = Vec::new();
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
            out.push(Mechanism {
                key,
                kind: kind.unwrap_or(MechanismKind::Other),
                acronym: cells.owned("acronym"),
                name,
                url: cells.owned("url"),
                documents: Vec::new(),
                recommendations: Vec::new(),
            });
        }
        (out, registry)
    }

    fn documents(&mut self, mechanisms: &Registry) -> (Vec<Document>, Registry) {
        let sheet = self.sheet("documents", &DOCUMENTS, true);
        let mut registry = Registry::new("document", "data/documents.csv");
        let mut out = Vec::new();
        for cells in sheet.rows() {
            let d = &mut *self.diagnostics;
            let key = cells.key(d);
            let symbol = cells.required("symbol", d);
            let mechanism = cells
                .required("mechanism", d)
                .and_then(|m| mechanisms.resolve(m, "mechanism", &cells, d));
            let date = cells.required_date("date", d);
            let cycle = cells.get("cycle").and_then(|raw| {
                raw.parse::<u32>().ok().or_else(|| {
                    cells.error(
                        "cycle",
                        d,
                        format!("cycle `{raw}` is not a whole number"),
                        "write the UPR cycle as 1, 2, 3 or 4",
                    );
                    None
                })
            });
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
            out.push(Document {
                key,
                symbol: symbol.to_string(),
                mechanism: MechanismId(mechanism),
                date,
                cycle,
                session: cells.owned("session"),
                title: cells.text("title"),
                url: cells.owned("url"),
                recommendations: Vec::new(),
            });
        }
        (out, registry)
    }

    fn institutions(&mut self) -> (Vec<Institution>, Registry) {
        let sheet = self.sheet("institutions", &INSTITUTIONS, false);
        let mut registry = Registry::new("institution", "data/institutions.csv");
        let mut out = Vec::new();
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
            out.push(Institution {
                key,
                kind: kind.unwrap_or(InstitutionKind::Other),
                acronym: cells.owned("acronym"),
                name,
                url: cells.owned("url"),
                recommendations: Vec::new(),
                actions: Vec::new(),
            });
        }
        (out, registry)
    }

    fn themes(&mut self) -> (Vec<Theme>, Registry) {
        let sheet = self.sheet("themes", &THEMES, false);
        let mut registry = Registry::new("theme", "data/themes.csv");
        let mut rows = Vec::new();
        for cells in sheet.rows() {
            let d = &mut *self.diagnostics;
            let (Some(key), name) = (cells.key(d), cells.required_text("name", d)) else {
                continue;
            };
            if registry.add(&key, &cells, d) {
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
        (themes, registry)
    }

    fn simple_terms(
        &mut self,
        table: &'static str,
        file: &'static str,
        what: &'static str,
        schema: &Schema,
    ) -> (Vec<(Key, Text)>, Registry) {
        let sheet = self.sheet(table, schema, false);
        let mut registry = Registry::new(what, file);
        let mut out = Vec::new();
        for cells in sheet.rows() {
            let d = &mut *self.diagnostics;
            let (Some(key), name) = (cells.key(d), cells.required_text("name", d)) else {
                continue;
            };
            if registry.add(&key, &cells, d) {
                out.push((key, name));
            }
        }
        (out, registry)
    }

    fn sdg_goals(&mut self) -> (Vec<SdgGoal>, Registry) {
        let (rows, registry) =
            self.simple_terms("sdg_goals", "data/sdg_goals.csv", "SDG goal", &SDG_GOALS);
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

    fn sdg_targets(&mut self, goals: &Registry) -> (Vec<SdgTarget>, Registry) {
        let sheet = self.sheet("sdg_targets", &SDG_TARGETS, false);
        let mut registry = Registry::new("SDG target", "data/sdg_targets.csv");
        let mut out = Vec::new();
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
                out.push(SdgTarget {
                    key,
                    goal: SdgGoalId(goal),
                    text,
                    recommendations: Vec::new(),
                });
            }
        }
        (out, registry)
    }

    fn clusters(&mut self) -> (Vec<Cluster>, Registry) {
        let sheet = self.sheet("clusters", &CLUSTERS, false);
        let mut registry = Registry::new("cluster", "data/clusters.csv");
        let mut out = Vec::new();
        for cells in sheet.rows() {
            let d = &mut *self.diagnostics;
            let (Some(key), name) = (cells.key(d), cells.required_text("name", d)) else {
                continue;
            };
            if registry.add(&key, &cells, d) {
                out.push(Cluster {
                    key,
                    name,
                    description: cells.text("description"),
                    recommendations: Vec::new(),
                });
            }
        }
        (out, registry)
    }
}

struct RecommendationRefs<'a> {
    documents: &'a Registry,
    institutions: &'a Registry,
    themes: &'a Registry,
    groups: &'a Registry,
    targets: &'a Registry,
    clusters: &'a Registry,
}

impl<'r> Resolver<'r> {
    fn recommendations(
        &mut self,
        documents: &[Document],
        refs: &RecommendationRefs,
    ) -> (Vec<Recommendation>, Registry) {
        let sheet = self.sheet("recommendations", &RECOMMENDATIONS, true);
        let mut registry = Registry::new("recommendation", "data/recommendations.csv");
        let mut out = Vec::with_capacity(sheet.table.rows.len());
        let mut aliases_to_claim = Vec::new();
        for cells in sheet.rows() {
            let d = &mut *self.diagnostics;
            let key = cells.key(d);
            let document = cells
                .required("document", d)
                .and_then(|v| refs.documents.resolve(v, "document", &cells, d))
                .map(DocumentId);
            let text = cells.required_text("text", d);
            let date = cells.date("date", d);
            let response = cells
                .choice("response", Response::ALL, d)
                .unwrap_or(Response::Pending);
            let themes = refs
                .themes
                .resolve_all(&cells.multi("themes"), "themes", &cells, d);
            let groups = refs
                .groups
                .resolve_all(&cells.multi("groups"), "groups", &cells, d);
            let sdg_targets =
                refs.targets
                    .resolve_all(&cells.multi("sdg_targets"), "sdg_targets", &cells, d);
            let lead_institution = cells
                .get("lead_institution")
                .and_then(|v| refs.institutions.resolve(v, "lead_institution", &cells, d))
                .map(InstitutionId);
            let partner_institutions = refs.institutions.resolve_all(
                &cells.multi("partner_institutions"),
                "partner_institutions",
                &cells,
                d,
            );
            let cluster = cells
                .get("cluster")
                .and_then(|v| refs.clusters.resolve(v, "cluster", &cells, d))
                .map(ClusterId);
            let aliases: Vec<Key> = cells
                .multi("aliases")
                .into_iter()
                .filter_map(|a| cells.key_from(a, "aliases", d))
                .collect();
            let broken = key.clone();
            let (Some(key), Some(document)) = (key, document) else {
                registry.add_broken(broken);
                continue;
            };
            if !registry.add(&key, &cells, d) {
                continue;
            }
            let doc = &documents[document.index()];
            aliases_to_claim.push((aliases.clone(), cells.row));
            out.push(Recommendation {
                key,
                document,
                mechanism: doc.mechanism,
                paragraph: cells.owned("paragraph"),
                date: date.unwrap_or(doc.date),
                text,
                response,
                recommending_states: cells
                    .multi("recommending_states")
                    .into_iter()
                    .map(str::to_string)
                    .collect(),
                themes,
                groups,
                sdg_targets,
                lead_institution,
                partner_institutions,
                cluster,
                aliases,
                actions: Vec::new(),
                indicators: Vec::new(),
                updates: Vec::new(),
                assessments: Assessments::default(),
                effective: EffectiveStatuses::default(),
            });
        }
        // Aliases are claimed after every id so that an alias never shadows a later id.
        for (aliases, row) in aliases_to_claim {
            let cells = sheet
                .rows()
                .find(|c| std::ptr::eq(c.row, row))
                .expect("row of this sheet");
            for alias in &aliases {
                registry.add_alias(alias, &cells, self.diagnostics);
            }
        }
        (out, registry)
    }

    fn actions(
        &mut self,
        recommendations: &Registry,
        institutions: &Registry,
    ) -> (Vec<Action>, Registry) {
        let sheet = self.sheet("actions", &ACTIONS, false);
        let mut registry = Registry::new("action", "data/actions.csv");
        let mut out = Vec::new();
        for cells in sheet.rows() {
            let d = &mut *self.diagnostics;
            let key = cells.key(d);
            let title = cells.required_text("title", d);
            let linked = recommendations.resolve_all(
                &cells.multi("recommendations"),
                "recommendations",
                &cells,
                d,
            );
            let lead_institution = cells
                .get("lead_institution")
                .and_then(|v| institutions.resolve(v, "lead_institution", &cells, d))
                .map(InstitutionId);
            let partner_institutions = institutions.resolve_all(
                &cells.multi("partner_institutions"),
                "partner_institutions",
                &cells,
                d,
            );
            let start_date = cells.date("start_date", d);
            let due_date = cells.date("due_date", d);
            if let (Some(start), Some(due)) = (start_date, due_date) {
                if due < start {
                    cells.error(
                        "due_date",
                        d,
                        format!("due date {due} is before the start date {start}"),
                        "check the two dates; the due date is when the action should be finished",
                    );
                }
            }
            let Some(key) = key else { continue };
            if !registry.add(&key, &cells, d) {
                continue;
            }
            out.push(Action {
                key,
                title,
                description: cells.text("description"),
                recommendations: linked,
                lead_institution,
                partner_institutions,
                start_date,
                due_date,
                indicators: Vec::new(),
                updates: Vec::new(),
                assessments: Assessments::default(),
            });
        }
        (out, registry)
    }

    fn status_updates(
        &mut self,
        as_of: NaiveDate,
        recommendations: &Registry,
        actions: &Registry,
        institutions: &Registry,
    ) -> Vec<StatusUpdate> {
        let sheet = self.sheet("status_updates", &STATUS_UPDATES, false);
        let status_ids: Vec<&str> = self.config.statuses.iter().map(|s| s.id.as_str()).collect();
        let mut out = Vec::new();
        let mut seen_ids = Registry::new("status update", "data/status_updates.csv");
        for cells in sheet.rows() {
            let d = &mut *self.diagnostics;
            if let Some(key) = cells.get("id").and_then(|id| cells.key_from(id, "id", d)) {
                seen_ids.add(&key, &cells, d);
            }
            let date = cells.required_date("date", d);
            if let Some(date) = date.filter(|date| *date > as_of) {
                cells.error(
                    "date",
                    d,
                    format!("this update is dated {date}, after the as-of date {as_of}"),
                    "correct the date, or build with a later --as-of",
                );
            }
            let subject = match (cells.get("recommendation"), cells.get("action")) {
                (Some(r), None) => recommendations
                    .resolve(r, "recommendation", &cells, d)
                    .map(|i| Subject::Recommendation(RecommendationId(i))),
                (None, Some(a)) => actions
                    .resolve(a, "action", &cells, d)
                    .map(|i| Subject::Action(ActionId(i))),
                (Some(_), Some(_)) => {
                    cells.error(
                        "action",
                        d,
                        "this update names both a recommendation and an action",
                        "an update is about one thing: split it into two rows",
                    );
                    None
                }
                (None, None) => {
                    cells.error(
                        "recommendation",
                        d,
                        "this update names neither a recommendation nor an action",
                        "fill in `recommendation` or `action`",
                    );
                    None
                }
            };
            let status =
                cells
                    .required("status", d)
                    .and_then(|raw| match self.config.status_index(raw) {
                        Some(i) => Some(StatusId(i as u32)),
                        None => {
                            let help = match crate::diagnostics::did_you_mean(
                                raw,
                                status_ids.iter().copied(),
                            ) {
                                Some(close) => format!(
                                    "did you mean `{close}`? the scale in config.toml is: {}",
                                    status_ids.join(", ")
                                ),
                                None => format!(
                                    "the scale in config.toml is: {}",
                                    status_ids.join(", ")
                                ),
                            };
                            cells.error(
                                "status",
                                d,
                                format!("`{raw}` is not a status of the scale"),
                                help,
                            );
                            None
                        }
                    });
            let assessor =
                cells
                    .required("assessor", d)
                    .and(cells.choice("assessor", Assessor::ALL, d));
            let institution = cells
                .get("institution")
                .and_then(|v| institutions.resolve(v, "institution", &cells, d))
                .map(InstitutionId);
            let evidence: Vec<String> = cells
                .multi("evidence")
                .into_iter()
                .map(str::to_string)
                .collect();
            for url in &evidence {
                if !(url.starts_with("https://") || url.starts_with("http://")) {
                    cells.error(
                        "evidence",
                        d,
                        format!("evidence `{url}` is not a web address"),
                        "evidence links start with https:// (separate several with |)",
                    );
                }
            }
            let (Some(date), Some(subject), Some(status), Some(assessor)) =
                (date, subject, status, assessor)
            else {
                continue;
            };
            out.push(StatusUpdate {
                id: cells.owned("id"),
                date,
                subject,
                status,
                assessor,
                institution,
                organisation: cells.owned("organisation"),
                narrative: cells.text("narrative"),
                evidence,
            });
        }
        out
    }

    fn indicators(&mut self, recommendations: &Registry, actions: &Registry) -> Vec<Indicator> {
        let sheet = self.sheet("indicators", &INDICATORS, false);
        let mut registry = Registry::new("indicator", "data/indicators.csv");
        let mut out = Vec::new();
        for cells in sheet.rows() {
            let d = &mut *self.diagnostics;
            let key = cells.key(d);
            let kind = cells
                .required("kind", d)
                .and(cells.choice("kind", IndicatorKind::ALL, d));
            let name = cells.required_text("name", d);
            let linked_recommendations = recommendations.resolve_all(
                &cells.multi("recommendations"),
                "recommendations",
                &cells,
                d,
            );
            let linked_actions = actions.resolve_all(&cells.multi("actions"), "actions", &cells, d);
            let broken = key.clone();
            let (Some(key), Some(kind)) = (key, kind) else {
                registry.add_broken(broken);
                continue;
            };
            if !registry.add(&key, &cells, d) {
                continue;
            }
            out.push(Indicator {
                key,
                kind,
                name,
                unit: cells.owned("unit"),
                baseline: cells.number("baseline", d),
                baseline_date: cells.date("baseline_date", d),
                target: cells.number("target", d),
                target_date: cells.date("target_date", d),
                recommendations: linked_recommendations,
                actions: linked_actions,
                measurements: Vec::new(),
            });
        }
        let sheet = self.sheet("measurements", &MEASUREMENTS, false);
        for cells in sheet.rows() {
            let d = &mut *self.diagnostics;
            let indicator = cells
                .required("indicator", d)
                .and_then(|v| registry.resolve(v, "indicator", &cells, d));
            let date = cells.required_date("date", d);
            let value = cells.required("value", d).and(cells.number("value", d));
            let (Some(indicator), Some(date), Some(value)) = (indicator, date, value) else {
                continue;
            };
            out[indicator as usize].measurements.push(Measurement {
                date,
                value,
                source: cells.owned("source"),
                note: cells.text("note"),
            });
        }
        for indicator in &mut out {
            indicator.measurements.sort_by_key(|m| m.date);
        }
        out
    }

    fn reports(&mut self, mechanisms: &Registry, documents: &Registry) -> Vec<Report> {
        let sheet = self.sheet("reporting_calendar", &REPORTING_CALENDAR, false);
        let mut registry = Registry::new("report", "data/reporting_calendar.csv");
        let mut out = Vec::new();
        for cells in sheet.rows() {
            let d = &mut *self.diagnostics;
            let key = cells.key(d);
            let mechanism = cells
                .required("mechanism", d)
                .and_then(|v| mechanisms.resolve(v, "mechanism", &cells, d));
            let title = cells.required_text("title", d);
            let due_date = cells.required_date("due_date", d);
            let submitted_date = cells.date("submitted_date", d);
            let document = cells
                .get("document")
                .and_then(|v| documents.resolve(v, "document", &cells, d))
                .map(DocumentId);
            let broken = key.clone();
            let (Some(key), Some(mechanism), Some(due_date)) = (key, mechanism, due_date) else {
                registry.add_broken(broken);
                continue;
            };
            if registry.add(&key, &cells, d) {
                out.push(Report {
                    key,
                    mechanism: MechanismId(mechanism),
                    title,
                    due_date,
                    submitted_date,
                    document,
                });
            }
        }
        out
    }

    fn pages(&mut self) -> (Vec<ContentPage>, Option<ContentPage>) {
        let mut by_path: BTreeMap<String, ContentPage> = BTreeMap::new();
        let mut first_file: BTreeMap<String, String> = BTreeMap::new();
        for page in &self.raw.pages {
            if !self.languages.contains(&page.lang.as_str()) {
                self.diagnostics.error_with_help(
                    &page.file,
                    0,
                    0,
                    format!("`{}` is not a configured language", page.lang),
                    format!(
                        "name content files `{}.{{lang}}.md` with one of: {}",
                        page.path,
                        self.languages.join(", ")
                    ),
                );
                continue;
            }
            let valid_path = page.path == "_index"
                || page.path.split('/').all(|segment| {
                    !segment.is_empty()
                        && segment
                            .chars()
                            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
                });
            if !valid_path {
                self.diagnostics.error_with_help(&page.file, 0, 0, format!("`{}` cannot be a page URL", page.path), "content file names use lower-case letters, digits and `-` only, like `about.en.md`");
                continue;
            }
            let section = page.path.split('/').next().unwrap_or_default();
            if RESERVED_SECTIONS.contains(&section) {
                self.diagnostics.error_with_help(
                    &page.file,
                    0,
                    0,
                    format!("`{section}` is a generated section of the portal"),
                    "choose another file name for this page",
                );
                continue;
            }
            let entry = by_path
                .entry(page.path.clone())
                .or_insert_with(|| ContentPage {
                    path: page.path.clone(),
                    weight: None,
                    translations: BTreeMap::new(),
                });
            first_file
                .entry(page.path.clone())
                .or_insert_with(|| page.file.clone());
            if page.front.weight.is_some() {
                entry.weight = entry.weight.or(page.front.weight);
            }
            entry.translations.insert(
                page.lang.clone(),
                PageText {
                    title: page.front.title.clone(),
                    description: page.front.description.clone(),
                    body: page.body.clone(),
                },
            );
        }
        let home_intro = by_path.remove("_index");
        (by_path.into_values().collect(), home_intro)
    }
}

/// Stands in for an optional table that does not exist.
fn empty_table() -> &'static Table {
    static EMPTY: std::sync::OnceLock<Table> = std::sync::OnceLock::new();
    EMPTY.get_or_init(Table::default)
}
