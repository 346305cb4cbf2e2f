//! Docket: a static site generator for public accountability portals on human rights.
//!
//! Data flows one way: `load` (files to raw rows with file:line) → `model` (validated
//! graph with typed ids) → `site` (routes and page contexts) → the emitters (`export`,
//! `search`, `output`; see `emit`) and the rendered pages → the atomic swap.
//! [`build()`] and [`check()`] run the whole pipeline. Modules use only the ones below them;
//! docs/architecture.md draws the graph.
//!
//! Every module is private: the library's surface is the `pub use` list below, what the
//! `docket` command, the tests and a third-party tool need ("Library API" in
//! docs/architecture.md; `tests/public_api.rs` keeps the two in step).

// Lets code moved from `tests/` into unit tests keep its `docket::` paths.
extern crate self as docket;

mod build;
mod check;
mod cli;
mod config;
mod diagnostics;
mod emit;
mod export;
mod i18n;
mod import;
mod load;
mod model;
mod output;
mod publish;
mod report;
mod scaffold;
mod search;
mod serve;
mod site;
mod synth;
mod theme;
mod translation;
mod util;

#[cfg(test)]
mod fuzz;
/// The integration tests' helpers, shared with the unit tests that need a fixture portal.
#[cfg(test)]
#[path = "../tests/common/mod.rs"]
mod test_common;

use util::{slug, web_url, xml};

// Building, checking and loading a portal.
pub use build::{
    BuildOptions, BuildSummary, Portal, as_invalid_portal, build, export_workbook,
    load as load_portal,
};
pub use check::{CheckSummary, check};
// Problems, each with its file, line and column.
pub use diagnostics::{
    Diagnostic, Diagnostics, Format as DiagnosticFormat, InvalidPortal, Severity,
    render as render_diagnostics,
};
// config.toml as plain data.
pub use config::{
    Config, ContributeConfig, Language, License, PublishConfig, StatusDef, TextDirection,
    TrackingConfig,
};
// The validated portal as plain data, with the rules that read it.
pub use model::tracking::{Deadline, deadline, is_stale};
pub use model::{
    Action, ActionId, Alias, AliasTarget, Assessments, Assessor, Cluster, ClusterId, ContentPage,
    Dataset, Document, DocumentId, Effective, EffectiveStatuses, Group, GroupId, Indicator,
    IndicatorId, IndicatorKind, Institution, InstitutionId, InstitutionKind, Key, Measurement,
    Mechanism, MechanismId, MechanismKind, PageText, Recommendation, RecommendationId,
    RegionalGroup, Report as DueReport, ReportId, Response, SdgGoal, SdgGoalId, SdgTarget,
    SdgTargetId, State, StateId, StatusId, StatusSource, StatusUpdate, StatusUpdateId, Subject,
    Submission, Text, Theme, ThemeId, statuses_agree,
};
// Importing from UPR Info, the Universal Human Rights Index and UPR matrices.
pub use import::upr_matrix::MatrixOptions;
pub use import::{
    ImportOptions, ImportSummary, StateSelection, import_uhri, import_upr_info, import_upr_matrix,
};
// Searching, as the built search page does.
pub use search::{
    Counting as SearchCounting, Entry as SearchEntry, EntryKind, Hit as SearchHit, LanguageIndex,
    Query, Results, SearchOptions, SearchReport, Views, build_index as build_search_index,
    search_portal,
};
pub use site::Site;
// Follow-up reports.
pub use report::{
    Report as DraftReport, ReportOptions, Scope as ReportScope, build_report, write_report,
};
// New portals, translations, serving, hosting files, synthetic portals for benchmarks.
pub use cli::{
    ServeOptions, parse_base_url, parse_data_date, parse_language_list, report_scope,
    search_folder, serve_at,
};
pub use i18n::I18n;
pub use load::{Row as DataRow, TABLES as DATA_TABLES, Table as DataTable};
pub use output::MARKER as OUTPUT_MARKER;
pub use output::PreviousUrls;
pub use publish::{GITHUB_WORKFLOW, NetlifyDocket, netlify_toml};
pub use scaffold::{NewPortalOptions, new_portal, new_portal_with, write_default_theme};
pub use serve::{DEFAULT_BIND, bind as bind_listener, serve as serve_folder, serve_portal};
pub use synth::{SynthOptions, generate as synth_portal};
pub use translation::{
    LanguageReport, check as check_translations, template as translation_template,
};
pub use util::slug::slugify;
pub use util::web_url::{UrlProblem, WebUrl};
