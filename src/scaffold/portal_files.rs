//! The config, tables and pages of a new portal, for the languages it is made with.

use std::fmt::Write;

use anyhow::{Result, bail};

use super::starter_text::{StarterText, starter_text};

/// Primary subtags of languages written right to left.
const RTL_LANGUAGES: &[&str] = &["ar", "dv", "fa", "he", "ps", "sd", "ug", "ur", "yi"];

/// Lower-cases and checks the codes: at least one, each a BCP 47 tag, none twice.
pub fn checked_languages(codes: &[String]) -> Result<Vec<String>> {
    let mut languages: Vec<String> = Vec::new();
    for code in codes {
        let code = code.trim().to_ascii_lowercase();
        let well_formed = !code.is_empty()
            && code.len() <= 12
            && code.chars().next().is_some_and(|c| c.is_ascii_lowercase())
            && code
                .split('-')
                .all(|part| !part.is_empty() && part.chars().all(|c| c.is_ascii_alphanumeric()));
        if !well_formed {
            bail!("`{code}` is not a language code; give BCP 47 codes such as sl,en or pt-br");
        }
        if languages.contains(&code) {
            bail!("the language `{code}` is given twice in --languages");
        }
        languages.push(code);
    }
    if languages.is_empty() {
        bail!("--languages needs at least one language code, such as sl,en");
    }
    Ok(languages)
}

/// The starting words for each language Docket has them for, and the default language's
/// (English words when Docket has none for it: the config's status labels need one).
fn texts(languages: &[String]) -> Vec<(&str, &'static StarterText)> {
    languages
        .iter()
        .enumerate()
        .filter_map(|(index, code)| {
            let (text, known) = starter_text(code);
            (known || index == 0).then_some((code.as_str(), text))
        })
        .collect()
}

fn toml_string(value: &str) -> String {
    format!("\"{}\"", value.replace('\\', "\\\\").replace('"', "\\\""))
}

pub fn config(languages: &[String]) -> String {
    let texts = texts(languages);
    let mut out = String::from(
        "# Docket portal settings. Every key is documented in docs/data.md of the Docket repository.\n",
    );
    if !starter_text(&languages[0]).1 {
        out.push_str("# Docket has no starting words in this portal's default language: translate the English ones.\n");
    }
    let _ = write!(
        out,
        "base_url = \"https://example.org/\"\ndefault_language = \"{}\"\nas_of = \"2026-01-01\"\ntheme = \"default\"\nper_page = 50\n",
        languages[0]
    );
    for (key, pick) in [
        (
            "title",
            (|t: &StarterText| t.title) as fn(&StarterText) -> &str,
        ),
        ("tagline", |t| t.tagline),
    ] {
        let _ = writeln!(out, "\n[{key}]");
        for (code, text) in &texts {
            let _ = writeln!(out, "{code} = {}", toml_string(pick(text)));
        }
    }
    for code in languages {
        let (text, known) = starter_text(code);
        let name = if known { text.name } else { code.as_str() };
        let primary = code.split('-').next().unwrap_or(code);
        let dir = if RTL_LANGUAGES.contains(&primary) {
            "rtl"
        } else {
            "ltr"
        };
        let _ = write!(
            out,
            "\n[[languages]]\ncode = \"{code}\"\nname = {}\ndir = \"{dir}\"\n",
            toml_string(name)
        );
    }
    let statuses = [
        ("not-started", "#a31b12", ""),
        ("in-progress", "#f08c00", ""),
        (
            "implemented",
            "#1c6b3f",
            "implemented = true\nclosed = true\n",
        ),
    ];
    for (index, (id, colour, flags)) in statuses.iter().enumerate() {
        let _ = write!(
            out,
            "\n[[statuses]]\nid = \"{id}\"\ncolour = \"{colour}\"\n{flags}[statuses.label]\n"
        );
        for (code, text) in &texts {
            let _ = writeln!(out, "{code} = {}", toml_string(text.statuses[index]));
        }
    }
    out
}

fn csv_field(value: &str) -> String {
    if value.contains([',', '"', '\n']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value.to_string()
    }
}

/// A header with `fixed` columns then `prefix_LANG` for each language, and (unless `empty`)
/// one row: `values` then each language's words from `pick` (empty where Docket has none).
fn table(
    languages: &[String],
    empty: bool,
    fixed: &str,
    prefix: &str,
    values: &str,
    pick: fn(&StarterText) -> &str,
) -> String {
    let mut header = fixed.to_string();
    let mut row = values.to_string();
    let texts = texts(languages);
    for code in languages {
        let _ = write!(header, ",{prefix}_{code}");
        let words = texts
            .iter()
            .find(|(known, _)| *known == code)
            .map_or("", |(_, text)| pick(text));
        let _ = write!(row, ",{}", csv_field(words));
    }
    if empty {
        format!("{header}\n")
    } else {
        format!("{header}\n{row}\n")
    }
}

pub fn tables(languages: &[String], empty: bool) -> Vec<(&'static str, String)> {
    let mechanisms = table(
        languages,
        empty,
        "id,kind,acronym,url",
        "name",
        "UPR,upr,UPR,https://www.ohchr.org/en/hr-bodies/upr/upr-main",
        |t| t.mechanism,
    );
    let documents = if empty {
        "id,symbol,mechanism,date,cycle,session,title_en\n".to_string()
    } else {
        "id,symbol,mechanism,date,cycle,session,title_en\nA/HRC/00/1,A/HRC/00/1,UPR,2025-01-15,4,48,Report of the Working Group on the Universal Periodic Review\n".to_string()
    };
    let institutions = table(languages, empty, "id,kind", "name", "MOJ,ministry", |t| {
        t.institution
    });
    let themes = table(languages, empty, "id,parent", "name", "justice,", |t| {
        t.theme
    });
    let recommendations = table(
        languages,
        empty,
        "id,document,paragraph,response,themes,lead_institution",
        "text",
        "UPR4-1.1,A/HRC/00/1,1.1,supported,justice,MOJ",
        |t| t.recommendation,
    );
    let status_updates = if empty {
        "date,recommendation,status,assessor,institution,narrative_en\n".to_string()
    } else {
        "date,recommendation,status,assessor,institution,narrative_en\n2025-06-30,UPR4-1.1,in-progress,government,MOJ,A draft law on judicial appointments was sent to parliament.\n".to_string()
    };
    vec![
        ("mechanisms.csv", mechanisms),
        ("documents.csv", documents),
        ("institutions.csv", institutions),
        ("themes.csv", themes),
        ("recommendations.csv", recommendations),
        ("status_updates.csv", status_updates),
    ]
}

/// An about page in each language Docket has words for, and in the default language.
pub fn about_pages(languages: &[String]) -> Vec<(String, String)> {
    texts(languages)
        .into_iter()
        .map(|(code, text)| {
            (
                format!("about.{code}.md"),
                format!(
                    "+++\ntitle = {}\nweight = 10\n+++\n{}\n",
                    toml_string(text.about_title),
                    text.about_body
                ),
            )
        })
        .collect()
}
