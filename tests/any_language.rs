//! A portal may publish any BCP 47 language: where the theme has no messages for it, pages
//! show them from a fallback chain (config, then the default language), each marked with
//! its real `lang` and `dir`, and the build warns once with the number missing.

mod common;

use std::path::Path;

fn add_languages(root: &Path, entries: &str) {
    let path = root.join("config.toml");
    let config = std::fs::read_to_string(&path).expect("config");
    let (head, tail) = config.split_once("[[statuses]]").expect("statuses");
    std::fs::write(&path, format!("{head}{entries}\n[[statuses]]{tail}")).expect("write");
}

fn count(html: &str, needle: &str) -> usize {
    html.matches(needle).count()
}

#[test]
fn a_slovenian_portal_builds_with_english_fallbacks_marked_and_one_warning() {
    let portal = common::fixture("minimal");
    let root = portal.path();
    add_languages(
        root,
        "[[languages]]\ncode = \"sl\"\nname = \"Slovenščina\"\n",
    );
    let out = tempfile::tempdir().expect("out");
    let summary = common::build(root, out.path()).expect("a Slovenian portal builds");

    assert_eq!(summary.warnings.len(), 1, "{summary}");
    let warning = &summary.warnings[0];
    let missing = common::message_ids(
        &std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default/i18n/en"))
            .unwrap()
            .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
            .collect::<String>(),
    )
    .len();
    assert!(warning.contains(&format!("sl {missing}")), "{warning}");
    assert!(
        !warning.contains("ar "),
        "Arabic has its messages: {warning}"
    );
    assert_eq!(summary.to_string().matches("warning:").count(), 1);

    let home = std::fs::read_to_string(out.path().join("sl/index.html")).expect("sl home");
    assert!(home.contains("<html lang=\"sl\""), "the page is Slovenian");
    assert!(
        count(&home, "<span lang=\"en\" dir=\"ltr\">") > 5,
        "fallback strings are marked English"
    );
    let title = &home[home.find("<title>").unwrap()..home.find("</title>").unwrap()];
    assert!(!title.contains("<span"), "no markup in the title: {title}");

    let tree = common::read_tree(out.path());
    for (name, bytes) in &tree {
        let text = String::from_utf8_lossy(bytes);
        assert!(
            !text.contains(['\u{E000}', '\u{E001}', '\u{E002}', '\u{E003}']),
            "{name} keeps no fallback mark"
        );
    }
    let english = std::fs::read_to_string(out.path().join("en/index.html")).unwrap();
    assert_eq!(
        count(&english, "<span lang="),
        0,
        "English pages need no marks"
    );
    let arabic = std::fs::read_to_string(out.path().join("ar/index.html")).unwrap();
    assert_eq!(
        count(&arabic, "<span lang=\"en\""),
        0,
        "Arabic has every message"
    );
}

#[test]
fn a_fallback_chain_from_config_comes_before_the_default_language() {
    let portal = common::fixture("minimal");
    let root = portal.path();
    add_languages(
        root,
        "[[languages]]\ncode = \"ar-MA\"\nname = \"الدارجة\"\ndir = \"rtl\"\nfallback = [\"ar\"]\n",
    );
    let out = tempfile::tempdir().expect("out");
    let summary = common::build(root, out.path()).expect("builds");
    assert_eq!(summary.warnings.len(), 1, "{summary}");
    let home = std::fs::read_to_string(out.path().join("ar-MA/index.html")).expect("home");
    assert!(home.contains("<html lang=\"ar-MA\" dir=\"rtl\""));
    assert!(count(&home, "<span lang=\"ar\" dir=\"rtl\">") > 5);
    assert_eq!(
        count(&home, "<span lang=\"en\""),
        0,
        "Arabic stands in first"
    );
}

#[test]
fn an_i18n_template_lists_every_missing_message_and_once_translated_they_replace_the_fallbacks() {
    let portal = common::fixture("minimal");
    let root = portal.path();
    add_languages(
        root,
        "[[languages]]\ncode = \"sl\"\nname = \"Slovenščina\"\n",
    );
    let (path, count) = docket::translation_template(root, "sl", None).expect("template");
    assert_eq!(path, root.join("i18n/sl/missing.ftl"));
    let template = std::fs::read_to_string(&path).expect("written");
    assert!(template.contains("# en: nav-home = "), "source as comment");
    assert!(template.contains("\n#nav-home =\n"), "line to fill");
    assert_eq!(
        template.matches("\n#").count() - template.matches("\n# ").count(),
        count
    );
    assert!(
        docket::translation_template(root, "sl", None).is_err(),
        "an existing file is never replaced"
    );

    let reports = docket::check_translations(root).expect("check");
    let sl = reports.iter().find(|r| r.lang == "sl").expect("sl");
    assert_eq!(sl.missing.len(), count);
    let ar = reports.iter().find(|r| r.lang == "ar").expect("ar");
    assert!(ar.missing.is_empty() && ar.unused.is_empty(), "{ar}");

    // A translator fills one message: it is no longer missing, and the page uses it unmarked.
    let filled = template.replace("\n#nav-home =\n", "\nnav-home = Domov\n");
    std::fs::write(&path, filled + "\nnot-in-english = Nekaj\n").unwrap();
    let reports = docket::check_translations(root).expect("check");
    let sl = reports.iter().find(|r| r.lang == "sl").expect("sl");
    assert_eq!(sl.missing.len(), count - 1);
    assert_eq!(sl.unused, ["not-in-english"]);
    let out = tempfile::tempdir().expect("out");
    common::build(root, out.path()).expect("builds");
    let home = std::fs::read_to_string(out.path().join("sl/index.html")).unwrap();
    assert!(home.contains("Domov"), "the translation is used");
}
