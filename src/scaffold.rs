//! `docket new`: a small portal that builds as it is, with the default theme.

use std::path::Path;

use anyhow::{Context, Result, bail};

mod contributing;

/// Every file of `themes/default`, embedded at compile time (see `build.rs`) so that
/// `docket new` and `docket synth` work anywhere.
pub const DEFAULT_THEME: &[(&str, &str)] = include!(concat!(env!("OUT_DIR"), "/default_theme.rs"));

/// Writes the default theme into `dir`.
pub fn write_default_theme(dir: &Path) -> Result<()> {
    for (name, source) in DEFAULT_THEME {
        let path = dir.join(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)
                .with_context(|| format!("cannot create {}", parent.display()))?;
        }
        std::fs::write(&path, source)
            .with_context(|| format!("cannot write {}", path.display()))?;
    }
    Ok(())
}

const CONFIG: &str = r##"# Docket portal settings. Every key is documented in docs/data.md of the Docket repository.
base_url = "https://example.org/"
default_language = "en"
as_of = "2026-01-01"
theme = "default"
per_page = 50

[title]
en = "Human Rights Recommendations Tracker"
fr = "Suivi des recommandations relatives aux droits humains"

[tagline]
en = "What the State has done about the recommendations it received"
fr = "Ce que l'État a fait des recommandations reçues"

[[languages]]
code = "en"
name = "English"
dir = "ltr"

[[languages]]
code = "fr"
name = "Français"
dir = "ltr"

[[statuses]]
id = "not-started"
colour = "#a31b12"
[statuses.label]
en = "Not started"
fr = "Pas commencé"

[[statuses]]
id = "in-progress"
colour = "#f08c00"
[statuses.label]
en = "In progress"
fr = "En cours"

[[statuses]]
id = "implemented"
colour = "#1c6b3f"
implemented = true
closed = true
[statuses.label]
en = "Implemented"
fr = "Mise en œuvre"
"##;

const TABLES: &[(&str, &str)] = &[
    (
        "mechanisms.csv",
        "id,kind,acronym,name_en,name_fr,url\nUPR,upr,UPR,Universal Periodic Review,Examen périodique universel,https://www.ohchr.org/en/hr-bodies/upr/upr-main\n",
    ),
    (
        "documents.csv",
        "id,symbol,mechanism,date,cycle,session,title_en\nA/HRC/00/1,A/HRC/00/1,UPR,2025-01-15,4,48,Report of the Working Group on the Universal Periodic Review\n",
    ),
    (
        "institutions.csv",
        "id,kind,name_en,name_fr\nMOJ,ministry,Ministry of Justice,Ministère de la Justice\n",
    ),
    (
        "themes.csv",
        "id,parent,name_en,name_fr\njustice,,Administration of justice,Administration de la justice\n",
    ),
    (
        "recommendations.csv",
        "id,document,paragraph,response,themes,lead_institution,text_en,text_fr\nUPR4-1.1,A/HRC/00/1,1.1,supported,justice,MOJ,Strengthen the independence of the judiciary.,Renforcer l'indépendance du pouvoir judiciaire.\n",
    ),
    (
        "status_updates.csv",
        "date,recommendation,status,assessor,institution,narrative_en\n2025-06-30,UPR4-1.1,in-progress,government,MOJ,A draft law on judicial appointments was sent to parliament.\n",
    ),
];

const ABOUT_EN: &str = "+++\ntitle = \"About\"\nweight = 10\n+++\nThis portal publishes the recommendations the State received from human rights mechanisms and what has been done about each of them.\n";
const ABOUT_FR: &str = "+++\ntitle = \"À propos\"\nweight = 10\n+++\nCe portail publie les recommandations reçues par l'État et ce qui a été fait pour chacune d'elles.\n";

/// Creates a new portal in `dir`, which must not exist or be empty.
pub fn new_portal(dir: &Path) -> Result<()> {
    if dir.exists()
        && std::fs::read_dir(dir)
            .with_context(|| format!("cannot read {}", dir.display()))?
            .next()
            .is_some()
    {
        bail!(
            "{} already exists and is not empty; choose a new folder",
            dir.display()
        );
    }
    std::fs::create_dir_all(dir.join("data"))
        .with_context(|| format!("cannot create {}", dir.display()))?;
    std::fs::create_dir_all(dir.join("content"))?;
    std::fs::write(dir.join("config.toml"), CONFIG)?;
    for (name, body) in TABLES {
        std::fs::write(dir.join("data").join(name), body)?;
    }
    std::fs::write(dir.join("content/about.en.md"), ABOUT_EN)?;
    std::fs::write(dir.join("content/about.fr.md"), ABOUT_FR)?;
    contributing::write_guide(dir)?;
    write_default_theme(&dir.join("themes/default"))
}
