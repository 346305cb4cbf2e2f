//! Stage 2: raw tables to a validated [`Dataset`], every problem reported at once.

use chrono::NaiveDate;

mod aliases;
mod content;
mod follow_up;
mod recommendations;
mod schema;
mod states;
mod terms;

use super::sheet::{Schema, Sheet};
use super::types::*;
use crate::config::Config;
use crate::diagnostics::{Diagnostics, InvalidPortal};
use crate::load::RawPortal;
use follow_up::UpdateRefs;
use recommendations::RecommendationRefs;
use schema::*;

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
    if raw
        .tables
        .iter()
        .flat_map(|(_, files)| files)
        .any(|table| table.unreadable)
    {
        // The loader reported what the file is; references into it would only add noise.
        return Err(diagnostics.into_result().err().unwrap_or(InvalidPortal {
            diagnostics: Vec::new(),
        }));
    }
    let as_of = resolve_as_of(as_of_override, config.as_of);
    let languages: Vec<&str> = config.language_codes().collect();
    let mut resolver = Resolver {
        raw,
        config: &config,
        languages: &languages,
        diagnostics: &mut diagnostics,
        aliases: Vec::new(),
    };
    let dataset = resolver.run(as_of);
    diagnostics.into_result()?;
    Ok(dataset)
}

/// The as-of date: the flag, else `as_of` in config.toml, else `SOURCE_DATE_EPOCH` (when it
/// falls in the data years), else today (UTC).
pub fn resolve_as_of(flag: Option<NaiveDate>, config: Option<NaiveDate>) -> NaiveDate {
    flag.or(config)
        .or_else(|| {
            let seconds: i64 = std::env::var("SOURCE_DATE_EPOCH")
                .ok()?
                .trim()
                .parse()
                .ok()?;
            chrono::DateTime::from_timestamp(seconds, 0)
                .map(|t| t.date_naive())
                .filter(|&date| crate::util::dates::in_data_years(date))
        })
        .unwrap_or_else(|| chrono::Utc::now().date_naive())
}

struct Resolver<'r> {
    raw: &'r RawPortal,
    config: &'r Config,
    languages: &'r [&'r str],
    diagnostics: &'r mut Diagnostics,
    /// Aliases of every table, gathered as each table is resolved.
    aliases: Vec<Alias>,
}

impl<'r> Resolver<'r> {
    fn sheet(&mut self, name: &str, schema: &Schema, required: bool) -> Sheet<'r> {
        match self.raw.table(name) {
            Some(tables) => Sheet::open(tables, schema, self.languages, self.diagnostics),
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
                Sheet::open(&[], schema, self.languages, self.diagnostics)
            }
        }
    }

    fn run(&mut self, as_of: NaiveDate) -> Dataset {
        let states = self.states();
        let (mechanisms, mechanism_ids) = self.mechanisms();
        let (documents, document_ids) = self.documents(&mechanism_ids, &states);
        let (institutions, institution_ids) = self.institutions();
        let (themes, theme_ids) = self.themes();
        let (groups, group_ids) = self.simple_terms(
            "groups",
            "data/groups.csv",
            "affected group",
            &GROUPS,
            |i| AliasTarget::Group(GroupId(i)),
            |_| None,
        );
        let (sdg_goals, goal_ids) = self.sdg_goals();
        let (sdg_targets, target_ids) = self.sdg_targets(&goal_ids);
        let (clusters, cluster_ids) = self.clusters();
        let refs = RecommendationRefs {
            documents: &document_ids,
            institutions: &institution_ids,
            themes: &theme_ids,
            groups: &group_ids,
            targets: &target_ids,
            goals: &goal_ids,
            clusters: &cluster_ids,
            states: &states,
        };
        let (recommendations, recommendation_ids) = self.recommendations(&documents, &refs);
        let (actions, action_ids) = self.actions(as_of, &recommendation_ids, &institution_ids);
        let update_refs = UpdateRefs {
            recommendations: &recommendation_ids,
            actions: &action_ids,
            institutions: &institution_ids,
        };
        let status_updates = self.status_updates(as_of, &update_refs);
        let indicators = self.indicators(&recommendation_ids, &action_ids);
        let reports = self.reports(&mechanism_ids, &document_ids);
        let (pages, home_intro) = self.pages();
        // The id registries are done with; at 100,000 rows they take long to free.
        crate::util::drop_in_background((
            mechanism_ids,
            document_ids,
            institution_ids,
            theme_ids,
            group_ids,
            goal_ids,
            target_ids,
            cluster_ids,
            recommendation_ids,
            action_ids,
        ));

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
            aliases: std::mem::take(&mut self.aliases),
            portal_state: states.portal_state,
            states: states.states,
            multi_state: false,
        };
        super::links::link_back(&mut dataset);
        let several = dataset.states_under_review().nth(1).is_some();
        dataset.multi_state = several;
        super::links::settle_statuses(&mut dataset);
        dataset
    }
}
