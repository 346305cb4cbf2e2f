//! The whole dataset as open data: one CSV file per table, one JSON file, and a Frictionless
//! Data Package (`datapackage.json`) describing both.

use super::columns::*;

use crate::model::*;
use crate::site::{Section, Site, urls};

/// Folder of the open data files, below the site root.
pub const DATA_DIR: &str = "data";
/// The whole dataset in one JSON file.
pub const JSON_FILE: &str = "docket.json";
pub const PACKAGE_FILE: &str = "datapackage.json";
/// Every exported table, in a fixed order.
pub fn tables<'a>(site: &'a Site<'a>) -> Vec<ExportTable<'a>> {
    vec![
        states(site),
        mechanisms(site),
        documents(site),
        recommendations(site),
        institutions(site),
        themes(site),
        groups(site),
        sdg_goals(site),
        sdg_targets(site),
        clusters(site),
        actions(site),
        status_updates(site),
        indicators(site),
        measurements(site),
        reporting_calendar(site),
        statuses(site),
    ]
}

/// A status's id in the scale of config.toml.
fn status_id(d: &Dataset, s: StatusId) -> String {
    d.config.statuses[s.index()].id.clone()
}

fn recommendation_key(r: &Recommendation) -> &Key {
    &r.key
}

fn action_key(a: &Action) -> &Key {
    &a.key
}

fn institution_key(i: &Institution) -> &Key {
    &i.key
}

fn state_key(s: &State) -> &Key {
    &s.key
}

/// The States the portal's recommendations and documents name.
fn states<'a>(site: &'a Site<'a>) -> ExportTable<'a> {
    let d = site.data;
    let states = d.states_in_use();
    ExportTable {
        name: "states",
        title: "States",
        fields: STATES,
        primary_key: Some("id"),
        foreign_keys: &[],
        count: states.len(),
        row: Box::new(move |i| {
            let state = &d.states[states[i].index()];
            // The built-in table names every State in the six UN languages; like every
            // other table, this one holds the portal's languages only.
            let names = state
                .name
                .0
                .iter()
                .filter(|(lang, _)| site.language_codes().any(|code| code == lang.as_str()))
                .map(|(lang, name)| (lang.clone(), name.clone()))
                .collect();
            vec![
                text(&state.key.id),
                Cell::Translations(Text(names)),
                opt(state.group.map(RegionalGroup::id)),
            ]
        }),
    }
}

fn mechanisms<'a>(site: &'a Site<'a>) -> ExportTable<'a> {
    let d = site.data;
    ExportTable {
        name: "mechanisms",
        title: "Mechanisms",
        fields: MECHANISMS,
        primary_key: Some("id"),
        foreign_keys: &[],
        count: d.mechanisms.len(),
        row: Box::new(move |i| {
            let m = &d.mechanisms[i];
            vec![
                text(&m.key.id),
                text(choice_id(MechanismKind::ALL, m.kind)),
                opt(m.acronym.as_ref()),
                Cell::Translations(m.name.clone()),
                opt(m.url.as_ref()),
            ]
        }),
    }
}

fn documents<'a>(site: &'a Site<'a>) -> ExportTable<'a> {
    let d = site.data;
    ExportTable {
        name: "documents",
        title: "Documents",
        fields: DOCUMENTS,
        primary_key: Some("id"),
        foreign_keys: &[("mechanism", "mechanisms", "id"), ("state", "states", "id")],
        count: d.documents.len(),
        row: Box::new(move |i| {
            let doc = &d.documents[i];
            vec![
                text(&doc.key.id),
                text(&doc.symbol),
                text(&d.mechanisms[doc.mechanism.index()].key.id),
                Cell::Date(doc.date),
                doc.cycle.map_or(Cell::Empty, |c| Cell::Integer(c.into())),
                opt(doc.session.as_ref()),
                opt(doc.state.map(|s| &d.states[s.index()].key.id)),
                Cell::Translations(doc.title.clone()),
                opt(doc.url.as_ref()),
            ]
        }),
    }
}

fn recommendations<'a>(site: &'a Site<'a>) -> ExportTable<'a> {
    let d = site.data;
    let default = d.config.default_language.clone();
    ExportTable {
        name: "recommendations",
        title: "Recommendations",
        fields: RECOMMENDATIONS,
        primary_key: Some("id"),
        foreign_keys: &[
            ("document", "documents", "id"),
            ("state", "states", "id"),
            ("lead_institution", "institutions", "id"),
            ("cluster", "clusters", "id"),
            ("mechanism", "mechanisms", "id"),
            ("status", "statuses", "id"),
        ],
        count: d.recommendations.len(),
        row: Box::new(move |i| {
            let r = &d.recommendations[i];
            vec![
                text(&r.key.id),
                text(&d.documents[r.document.index()].key.id),
                opt(r.paragraph.as_ref()),
                Cell::Date(r.date),
                Cell::Translations(r.text.clone()),
                text(r.response.id()),
                opt(r.state.map(|s| &d.states[s.index()].key.id)),
                key_ids(
                    &d.states,
                    r.recommending_states.iter().map(|s| s.index()),
                    state_key,
                ),
                key_ids(&d.themes, r.themes.iter().map(|t| t.index()), |t| &t.key),
                key_ids(&d.groups, r.groups.iter().map(|g| g.index()), |g| &g.key),
                key_ids(
                    &d.sdg_targets,
                    r.sdg_targets.iter().map(|t| t.index()),
                    |t| &t.key,
                ),
                key_ids(&d.sdg_goals, r.sdg_goals.iter().map(|g| g.index()), |g| {
                    &g.key
                }),
                opt(r.position_source.as_ref()),
                opt(r
                    .lead_institution
                    .map(|l| &d.institutions[l.index()].key.id)),
                key_ids(
                    &d.institutions,
                    r.partner_institutions.iter().map(|p| p.index()),
                    institution_key,
                ),
                opt(r.cluster.map(|c| &d.clusters[c.index()].key.id)),
                if r.aliases.is_empty() {
                    Cell::Empty
                } else {
                    Cell::List(r.aliases.iter().map(|a| a.id.clone()).collect())
                },
                text(&d.mechanisms[r.mechanism.index()].key.id),
                opt(d.headline_status(r).map(|s| status_id(d, s))),
                text(&site.absolute(&urls::entry(
                    &default,
                    Section::Recommendations,
                    &r.key.slug,
                ))),
            ]
        }),
    }
}

fn institutions<'a>(site: &'a Site<'a>) -> ExportTable<'a> {
    let d = site.data;
    ExportTable {
        name: "institutions",
        title: "Institutions",
        fields: INSTITUTIONS,
        primary_key: Some("id"),
        foreign_keys: &[],
        count: d.institutions.len(),
        row: Box::new(move |i| {
            let inst = &d.institutions[i];
            vec![
                text(&inst.key.id),
                text(choice_id(InstitutionKind::ALL, inst.kind)),
                opt(inst.acronym.as_ref()),
                Cell::Translations(inst.name.clone()),
                opt(inst.url.as_ref()),
            ]
        }),
    }
}

fn themes<'a>(site: &'a Site<'a>) -> ExportTable<'a> {
    let d = site.data;
    ExportTable {
        name: "themes",
        title: "Themes",
        fields: THEMES,
        primary_key: Some("id"),
        foreign_keys: &[("parent", "", "id")],
        count: d.themes.len(),
        row: Box::new(move |i| {
            let theme = &d.themes[i];
            vec![
                text(&theme.key.id),
                opt(theme.parent.map(|p| &d.themes[p.index()].key.id)),
                Cell::Translations(theme.name.clone()),
            ]
        }),
    }
}

fn groups<'a>(site: &'a Site<'a>) -> ExportTable<'a> {
    let d = site.data;
    ExportTable {
        name: "groups",
        title: "Affected groups",
        fields: GROUPS,
        primary_key: Some("id"),
        foreign_keys: &[],
        count: d.groups.len(),
        row: Box::new(move |i| {
            let group = &d.groups[i];
            vec![text(&group.key.id), Cell::Translations(group.name.clone())]
        }),
    }
}

fn sdg_goals<'a>(site: &'a Site<'a>) -> ExportTable<'a> {
    let d = site.data;
    ExportTable {
        name: "sdg_goals",
        title: "SDG goals",
        fields: SDG_GOALS,
        primary_key: Some("id"),
        foreign_keys: &[],
        count: d.sdg_goals.len(),
        row: Box::new(move |i| {
            let goal = &d.sdg_goals[i];
            vec![text(&goal.key.id), Cell::Translations(goal.name.clone())]
        }),
    }
}

fn sdg_targets<'a>(site: &'a Site<'a>) -> ExportTable<'a> {
    let d = site.data;
    ExportTable {
        name: "sdg_targets",
        title: "SDG targets",
        fields: SDG_TARGETS,
        primary_key: Some("id"),
        foreign_keys: &[("goal", "sdg_goals", "id")],
        count: d.sdg_targets.len(),
        row: Box::new(move |i| {
            let target = &d.sdg_targets[i];
            vec![
                text(&target.key.id),
                text(&d.sdg_goals[target.goal.index()].key.id),
                Cell::Translations(target.text.clone()),
            ]
        }),
    }
}

fn clusters<'a>(site: &'a Site<'a>) -> ExportTable<'a> {
    let d = site.data;
    ExportTable {
        name: "clusters",
        title: "Clusters",
        fields: CLUSTERS,
        primary_key: Some("id"),
        foreign_keys: &[],
        count: d.clusters.len(),
        row: Box::new(move |i| {
            let cluster = &d.clusters[i];
            vec![
                text(&cluster.key.id),
                Cell::Translations(cluster.name.clone()),
                Cell::Translations(cluster.description.clone()),
            ]
        }),
    }
}

fn actions<'a>(site: &'a Site<'a>) -> ExportTable<'a> {
    let d = site.data;
    let default = d.config.default_language.clone();
    let publish_by = d.config.publish.submitted_by;
    ExportTable {
        name: "actions",
        title: "Actions",
        fields: submission_fields(ACTIONS, publish_by),
        primary_key: Some("id"),
        foreign_keys: &[
            ("lead_institution", "institutions", "id"),
            ("status", "statuses", "id"),
        ],
        count: d.actions.len(),
        row: Box::new(move |i| {
            let a = &d.actions[i];
            let mut row = vec![
                text(&a.key.id),
                Cell::Translations(a.title.clone()),
                Cell::Translations(a.description.clone()),
                key_ids(
                    &d.recommendations,
                    a.recommendations.iter().map(|r| r.index()),
                    recommendation_key,
                ),
                opt(a
                    .lead_institution
                    .map(|l| &d.institutions[l.index()].key.id)),
                key_ids(
                    &d.institutions,
                    a.partner_institutions.iter().map(|p| p.index()),
                    institution_key,
                ),
                opt_date(a.start_date),
                opt_date(a.due_date),
                opt(a
                    .assessments
                    .government
                    .map(|u| status_id(d, d.status_updates[u.index()].status))),
                text(&site.absolute(&urls::entry(&default, Section::Actions, &a.key.slug))),
            ];
            submission_cells(&mut row, &a.submission, publish_by);
            row
        }),
    }
}

fn status_updates<'a>(site: &'a Site<'a>) -> ExportTable<'a> {
    let d = site.data;
    let publish_by = d.config.publish.submitted_by;
    ExportTable {
        name: "status_updates",
        title: "Status updates",
        fields: submission_fields(STATUS_UPDATES, publish_by),
        primary_key: None,
        foreign_keys: &[
            ("recommendation", "recommendations", "id"),
            ("action", "actions", "id"),
            ("status", "statuses", "id"),
            ("institution", "institutions", "id"),
        ],
        count: d.status_updates.len(),
        row: Box::new(move |i| {
            let u = &d.status_updates[i];
            let (recommendation, action) = match u.subject {
                Subject::Recommendation(r) => {
                    (text(&d.recommendations[r.index()].key.id), Cell::Empty)
                }
                Subject::Action(a) => (Cell::Empty, text(&d.actions[a.index()].key.id)),
            };
            let mut row = vec![
                opt(u.id.as_ref()),
                Cell::Date(u.date),
                recommendation,
                action,
                text(&status_id(d, u.status)),
                text(u.assessor.id()),
                opt(u.institution.map(|i| &d.institutions[i.index()].key.id)),
                opt(u.organisation.as_ref()),
                Cell::Translations(u.narrative.clone()),
                if u.evidence.is_empty() {
                    Cell::Empty
                } else {
                    Cell::List(u.evidence.iter().map(ToString::to_string).collect())
                },
            ];
            submission_cells(&mut row, &u.submission, publish_by);
            row
        }),
    }
}

fn indicators<'a>(site: &'a Site<'a>) -> ExportTable<'a> {
    let d = site.data;
    ExportTable {
        name: "indicators",
        title: "Indicators",
        fields: INDICATORS,
        primary_key: Some("id"),
        foreign_keys: &[],
        count: d.indicators.len(),
        row: Box::new(move |i| {
            let ind = &d.indicators[i];
            vec![
                text(&ind.key.id),
                text(choice_id(IndicatorKind::ALL, ind.kind)),
                Cell::Translations(ind.name.clone()),
                opt(ind.unit.as_ref()),
                opt_number(ind.baseline),
                opt_date(ind.baseline_date),
                opt_number(ind.target),
                opt_date(ind.target_date),
                key_ids(
                    &d.recommendations,
                    ind.recommendations.iter().map(|r| r.index()),
                    recommendation_key,
                ),
                key_ids(
                    &d.actions,
                    ind.actions.iter().map(|a| a.index()),
                    action_key,
                ),
            ]
        }),
    }
}

fn measurements<'a>(site: &'a Site<'a>) -> ExportTable<'a> {
    let d = site.data;
    let measurements: Vec<(usize, usize)> = d
        .indicators
        .iter()
        .enumerate()
        .flat_map(|(i, indicator)| (0..indicator.measurements.len()).map(move |m| (i, m)))
        .collect();
    ExportTable {
        name: "measurements",
        title: "Measurements",
        fields: MEASUREMENTS,
        primary_key: None,
        foreign_keys: &[("indicator", "indicators", "id")],
        count: measurements.len(),
        row: Box::new(move |i| {
            let (indicator, m) = measurements[i];
            let ind = &d.indicators[indicator];
            let m = &ind.measurements[m];
            vec![
                text(&ind.key.id),
                Cell::Date(m.date),
                Cell::Number(m.value),
                opt(m.source.as_ref()),
                Cell::Translations(m.note.clone()),
            ]
        }),
    }
}

fn reporting_calendar<'a>(site: &'a Site<'a>) -> ExportTable<'a> {
    let d = site.data;
    ExportTable {
        name: "reporting_calendar",
        title: "Reporting calendar",
        fields: REPORTING_CALENDAR,
        primary_key: Some("id"),
        foreign_keys: &[
            ("mechanism", "mechanisms", "id"),
            ("document", "documents", "id"),
        ],
        count: d.reports.len(),
        row: Box::new(move |i| {
            let report = &d.reports[i];
            vec![
                text(&report.key.id),
                text(&d.mechanisms[report.mechanism.index()].key.id),
                Cell::Translations(report.title.clone()),
                Cell::Date(report.due_date),
                opt_date(report.submitted_date),
                opt(report.document.map(|doc| &d.documents[doc.index()].key.id)),
            ]
        }),
    }
}

fn statuses<'a>(site: &'a Site<'a>) -> ExportTable<'a> {
    let d = site.data;
    ExportTable {
        name: "statuses",
        title: "Status scale",
        fields: STATUSES,
        primary_key: Some("id"),
        foreign_keys: &[],
        count: d.config.statuses.len(),
        row: Box::new(move |i| {
            let status = &d.config.statuses[i];
            vec![
                text(&status.id),
                Cell::Translations(Text(status.label.clone())),
                text(&status.colour),
                Cell::Boolean(status.implemented),
                Cell::Boolean(status.closed),
            ]
        }),
    }
}
