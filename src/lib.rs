//! Docket: a static site generator for public accountability portals on human rights.
//!
//! Data flows one way: [`load`] (files to raw rows with file:line) → [`model`] (validated
//! graph with typed ids) → [`site`] (routes and page contexts) → the emitters ([`export`],
//! [`search`], [`output`]; see [`emit`]) and the rendered pages → the atomic swap.
//! [`build()`] and [`check()`] run the whole pipeline. Modules use only the ones below them;
//! docs/architecture.md draws the graph.

mod build;
pub mod config;
pub mod diagnostics;
pub mod emit;
pub mod export;
pub mod i18n;
pub mod import;
pub mod load;
pub mod model;
pub mod output;
pub mod publish;
pub mod report;
pub mod scaffold;
pub mod search;
pub mod serve;
pub mod site;
pub mod synth;
pub mod theme;
pub mod translation;
pub mod util;

use util::xml;
pub use util::{slug, web_url};

pub use build::{
    BuildOptions, BuildSummary, CheckSummary, Portal, as_invalid_portal, build, check,
    export_workbook, load as load_portal,
};
pub use diagnostics::{Diagnostic, Diagnostics, InvalidPortal};
