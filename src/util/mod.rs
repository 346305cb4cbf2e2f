//! Leaf helpers with one job each, used across the pipeline. Nothing here depends on any
//! other module of the crate, so every stage may use them without forming a cycle.

pub mod csv;
pub mod dates;
pub mod slug;
pub mod text;
pub mod web_url;
pub(crate) mod xml;
