//! Narrative pages from `content/`.

use std::collections::BTreeMap;

use super::super::types::*;
use super::Resolver;
use super::schema::RESERVED_SECTIONS;

impl<'r> Resolver<'r> {
    pub(super) fn pages(&mut self) -> (Vec<ContentPage>, Option<ContentPage>) {
        let mut by_path: BTreeMap<String, ContentPage> = BTreeMap::new();
        let mut first_file: BTreeMap<String, String> = BTreeMap::new();
        for page in &self.raw.pages {
            if !self.languages.contains(&page.lang.as_str()) {
                self.diagnostics.error_with_help(
                    &page.file,
                    0,
                    0,
                    format!("`{}` is not a configured language", page.lang),
                    format!(
                        "name content files `{}.{{lang}}.md` with one of: {}",
                        page.path,
                        self.languages.join(", ")
                    ),
                );
                continue;
            }
            let valid_path = page.path == "_index"
                || page.path.split('/').all(|segment| {
                    !segment.is_empty()
                        && segment
                            .chars()
                            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
                });
            if !valid_path {
                self.diagnostics.error_with_help(&page.file, 0, 0, format!("`{}` cannot be a page URL", page.path), "content file names use lower-case letters, digits and `-` only, like `about.en.md`");
                continue;
            }
            let section = page.path.split('/').next().unwrap_or_default();
            if RESERVED_SECTIONS.contains(&section) {
                self.diagnostics.error_with_help(
                    &page.file,
                    0,
                    0,
                    format!("`{section}` is a generated section of the portal"),
                    "choose another file name for this page",
                );
                continue;
            }
            let entry = by_path
                .entry(page.path.clone())
                .or_insert_with(|| ContentPage {
                    path: page.path.clone(),
                    weight: None,
                    translations: BTreeMap::new(),
                });
            first_file
                .entry(page.path.clone())
                .or_insert_with(|| page.file.clone());
            if page.front.weight.is_some() {
                entry.weight = entry.weight.or(page.front.weight);
            }
            entry.translations.insert(
                page.lang.clone(),
                PageText {
                    title: page.front.title.clone(),
                    description: page.front.description.clone(),
                    body: page.body.clone(),
                },
            );
        }
        let home_intro = by_path.remove("_index");
        (by_path.into_values().collect(), home_intro)
    }
}
