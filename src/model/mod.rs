//! Stage 2: the validated, cross-referenced portal.

mod links;
mod registry;
mod resolve;
mod sheet;
pub mod states;
pub mod tracking;
mod types;

pub use crate::util::dates::parse_date;
pub use resolve::build_dataset;
pub use types::*;
