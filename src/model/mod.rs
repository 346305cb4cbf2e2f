//! Stage 2: the validated, cross-referenced portal.

mod links;
mod registry;
mod resolve;
mod sheet;
pub mod tracking;
mod types;

pub use resolve::{RESERVED_SECTIONS, build_dataset, resolve_as_of};
pub use sheet::parse_date;
pub use types::*;
