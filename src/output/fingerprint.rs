//! What each page was rendered from, so that the dev server renders again only the pages
//! whose template or context changed. With the same templates, a page's HTML is a function
//! of its template name and its context, so equal fingerprints mean equal files.
//!
//! The hash is xxh3-128, not a cryptographic one: the inputs are the portal's own and two
//! fingerprints are only ever compared within one `docket serve` session.

use std::collections::HashMap;
use std::fmt::Write as _;

use xxhash_rust::xxh3::Xxh3;

use rayon::prelude::*;

use crate::site::{RenderedContext, Site, urls};

/// The fingerprint of every page of one build, by output file.
#[derive(Debug, Default, Clone)]
pub struct Fingerprints {
    by_file: HashMap<String, Page>,
}

/// One page's inputs and what rendering them gave.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Page {
    pub inputs: u128,
    /// The rendered file's size, so that a build that skips the page still counts its bytes.
    pub bytes: u64,
}

impl Fingerprints {
    /// The page last rendered into `file`, if any.
    pub fn get(&self, file: &str) -> Option<&Page> {
        self.by_file.get(file)
    }

    /// Adds pages another step of the same build wrote.
    pub fn extend(&mut self, pages: impl IntoIterator<Item = (String, Page)>) {
        self.by_file.extend(pages);
    }

    /// True when the build had a page at `file`.
    pub fn has(&self, file: &str) -> bool {
        self.by_file.contains_key(file)
    }

    /// True when `site` has exactly the pages of this build, at the same files.
    pub fn has_pages_of(&self, site: &Site) -> bool {
        let routes = site.routes();
        routes.len() == self.by_file.len()
            && routes
                .par_iter()
                .all(|&route| self.has(&urls::file_of(&site.path(route))))
    }
}

impl FromIterator<(String, Page)> for Fingerprints {
    fn from_iter<I: IntoIterator<Item = (String, Page)>>(pages: I) -> Fingerprints {
        Fingerprints {
            by_file: pages.into_iter().collect(),
        }
    }
}

/// The hash of a page's template name and context.
pub fn inputs_of(rendered: &RenderedContext) -> u128 {
    let mut hasher = PieceHasher::default();
    hasher.piece(rendered.template);
    // Tera's context has no iterator, but its Debug output walks every value in key order.
    // Every string arrives as its own piece, and each piece is hashed with its length, so a
    // quote inside a value cannot pass for the end of that value.
    let _ = write!(hasher, "{:?}", rendered.context);
    hasher.finish()
}

/// The hash of a value's `Debug` output, pieces and lengths as in [`inputs_of`]: what the dev
/// server compares rows of two loads of the portal with.
pub fn debug_hash(value: &impl std::fmt::Debug) -> u128 {
    let mut hasher = PieceHasher::default();
    let _ = write!(hasher, "{value:?}");
    hasher.finish()
}

/// Collects the Debug output's many small pieces (each with its length) into a buffer, and
/// hashes the buffer a few kilobytes at a time: much cheaper than hashing each piece.
struct PieceHasher {
    hash: Xxh3,
    buffer: Vec<u8>,
}

const FLUSH_AT: usize = 8 * 1024;

impl Default for PieceHasher {
    fn default() -> PieceHasher {
        PieceHasher {
            hash: Xxh3::new(),
            buffer: Vec::with_capacity(FLUSH_AT + 256),
        }
    }
}

impl PieceHasher {
    fn piece(&mut self, text: &str) {
        self.buffer
            .extend_from_slice(&(text.len() as u32).to_le_bytes());
        self.buffer.extend_from_slice(text.as_bytes());
        if self.buffer.len() >= FLUSH_AT {
            self.hash.update(&self.buffer);
            self.buffer.clear();
        }
    }

    fn finish(mut self) -> u128 {
        self.hash.update(&self.buffer);
        self.hash.digest128()
    }
}

impl std::fmt::Write for PieceHasher {
    fn write_str(&mut self, text: &str) -> std::fmt::Result {
        self.piece(text);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn of(template: &'static str, pairs: &[(&'static str, &str)]) -> u128 {
        let mut context = tera::Context::new();
        for (key, value) in pairs {
            context.insert(*key, value);
        }
        inputs_of(&RenderedContext { template, context })
    }

    #[test]
    fn equal_inputs_give_equal_fingerprints_and_any_change_another() {
        let base = of("page.html", &[("a", "x"), ("b", "y")]);
        assert_eq!(base, of("page.html", &[("b", "y"), ("a", "x")]));
        assert_ne!(base, of("other.html", &[("a", "x"), ("b", "y")]));
        assert_ne!(base, of("page.html", &[("a", "x"), ("b", "z")]));
        assert_ne!(base, of("page.html", &[("a", "x")]));
    }

    #[test]
    fn a_quote_moved_between_values_changes_the_fingerprint() {
        assert_ne!(
            of("page.html", &[("a", "x\", \"b\": \"y"), ("c", "z")]),
            of("page.html", &[("a", "x"), ("b", "y\", \"c\": \"z")]),
        );
        assert_ne!(
            of("page.html", &[("a", "x\"), (String(\"b\"), String(\"y")]),
            of("page.html", &[("a", "x"), ("b", "y")]),
        );
    }
}
