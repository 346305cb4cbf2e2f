//! Stage 2: the validated, cross-referenced portal.

mod links;
mod registry;
mod resolve;
mod sheet;
pub mod states;
pub mod tracking;
mod types;

pub use crate::util::dates::parse_date;
pub use resolve::{RESERVED_SECTIONS, build_dataset, resolve_as_of};
pub use types::*;
