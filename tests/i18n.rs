//! The theme's UI strings: complete in all six UN languages, plural rules, locale dates.

mod common;

use std::collections::BTreeSet;

use common::{message_ids, repo_root};
use docket::I18n;

const UN_LANGUAGES: &[&str] = &["ar", "zh", "en", "fr", "ru", "es"];

/// Every `.ftl` file of a language, concatenated in name order.
fn source(lang: &str) -> String {
    let dir = repo_root().join("themes/default/i18n").join(lang);
    let files =
        common::walk(&dir).unwrap_or_else(|_| panic!("themes/default/i18n/{lang}/ is missing"));
    files
        .iter()
        .map(|f| std::fs::read_to_string(f).expect("readable"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The `.ftl` file names of a language.
fn file_names(lang: &str) -> BTreeSet<String> {
    let dir = repo_root().join("themes/default/i18n").join(lang);
    common::walk(&dir)
        .expect("folder")
        .iter()
        .map(|f| common::relative_slash_path(&dir, f))
        .collect()
}

fn all_languages() -> I18n {
    let sources: Vec<(String, String)> = UN_LANGUAGES
        .iter()
        .map(|l| (l.to_string(), source(l)))
        .collect();
    let borrowed: Vec<(&str, &str)> = sources
        .iter()
        .map(|(l, s)| (l.as_str(), s.as_str()))
        .collect();
    I18n::from_sources(&borrowed, "en")
}

#[test]
fn every_un_language_has_every_message() {
    let english = message_ids(&source("en"));
    assert!(english.len() > 100);
    for lang in UN_LANGUAGES {
        let ids = message_ids(&source(lang));
        let missing: Vec<_> = english.difference(&ids).collect();
        let extra: Vec<_> = ids.difference(&english).collect();
        assert!(
            missing.is_empty() && extra.is_empty(),
            "{lang}.ftl: missing {missing:?}, unknown {extra:?}"
        );
    }
}

#[test]
fn every_language_has_the_same_message_files() {
    for lang in UN_LANGUAGES {
        assert_eq!(file_names(lang), file_names("en"), "{lang}");
    }
}

#[test]
fn every_message_file_parses_without_errors() {
    for lang in UN_LANGUAGES {
        let mut diagnostics = docket::Diagnostics::default();
        I18n::bundle(lang, source(lang), lang, &mut diagnostics);
        assert!(diagnostics.is_empty(), "{lang}: {diagnostics:?}");
    }
}

#[test]
fn plurals_follow_each_languages_rules() {
    let i18n = all_languages();
    let form = |lang: &str, n: f64| {
        let mut args = fluent_bundle::FluentArgs::new();
        args.set("total", n);
        i18n.message(lang, "breakdown-caption", Some(&args))
    };
    assert_ne!(form("en", 1.0), form("en", 2.0).replace('2', "1"));
    // Russian: 1 (one), 3 (few) and 5 (many) take three different noun forms.
    let ru: BTreeSet<String> = [1.0, 3.0, 5.0]
        .iter()
        .map(|&n| form("ru", n).replace(&n.to_string(), "N"))
        .collect();
    assert_eq!(ru.len(), 3, "{ru:?}");
    // Arabic distinguishes one, two, few (3-10), many (11-99) and other (100).
    let ar: BTreeSet<String> = [1.0, 2.0, 3.0, 11.0, 100.0]
        .iter()
        .map(|&n| form("ar", n).replace(&n.to_string(), "N"))
        .collect();
    assert!(ar.len() >= 4, "{ar:?}");
}

#[test]
fn dates_are_written_the_way_each_language_writes_them() {
    let i18n = all_languages();
    let date = chrono::NaiveDate::from_ymd_opt(2024, 3, 5).unwrap();
    assert_eq!(i18n.format_date("en", date), "5 March 2024");
    assert_eq!(i18n.format_date("fr", date), "5 mars 2024");
    assert_eq!(i18n.format_date("es", date), "5 de marzo de 2024");
    assert_eq!(i18n.format_date("zh", date), "2024年3月5日");
    assert!(i18n.format_date("ru", date).starts_with("5 марта 2024"));
    assert_eq!(i18n.format_date("ar", date), "5 مارس 2024");
}

#[test]
fn numbers_in_messages_use_the_locale_separators() {
    let i18n = all_languages();
    let mut args = fluent_bundle::FluentArgs::new();
    args.set("first", 1);
    args.set("last", 50);
    args.set("total", 12345);
    assert!(
        i18n.message("en", "list-showing", Some(&args))
            .contains("12,345")
    );
    assert!(
        i18n.message("fr", "list-showing", Some(&args))
            .contains("12\u{202F}345")
    );
    assert!(
        i18n.message("es", "list-showing", Some(&args))
            .contains("12.345")
    );
}
