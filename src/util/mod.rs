//! Leaf helpers with one job each, used across the pipeline. Nothing here depends on any
//! other module of the crate, so every stage may use them without forming a cycle.

pub mod csv;
pub mod dates;
pub mod slug;
pub mod text;
pub mod web_url;
pub(crate) mod xml;

/// Frees `value` on a thread of its own: a large portal's millions of small allocations
/// take a tenth of a second or more to free, which `check` need not wait for (and the
/// `docket` command, which exits right after, never does).
pub(crate) fn drop_in_background<T: Send + 'static>(value: T) {
    // When no thread can be started, `spawn` drops the closure, and `value` with it, here.
    let _ = std::thread::Builder::new().spawn(move || drop(value));
}
