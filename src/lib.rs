//! Docket: a static site generator for public accountability portals on human rights.
//!
//! Data flows one way: [`load`] (files to raw rows with file:line) → [`model`] (validated
//! graph with typed ids) → [`site`] (routes and page contexts) → [`output`] (templates,
//! assets, atomic write). [`build()`] and [`check()`] run the whole pipeline.

mod build;
pub mod config;
pub mod diagnostics;
pub mod export;
pub mod i18n;
pub mod import;
pub mod load;
pub mod model;
pub mod output;
pub mod publish;
pub mod scaffold;
pub mod search;
pub mod serve;
pub mod site;
pub mod slug;
pub mod synth;
pub mod theme;
mod xml;

pub use build::{
    BuildOptions, BuildSummary, CheckSummary, Portal, as_invalid_portal, build, check,
    load as load_portal,
};
pub use diagnostics::{Diagnostic, Diagnostics, InvalidPortal};
