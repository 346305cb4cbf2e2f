//! Synthetic portals of any size, for benchmarks: same shape as real data, deterministic.

use std::fmt::Write as _;
use std::path::Path;

use anyhow::{Context, Result};

/// Size of a synthetic portal.
#[derive(Debug, Clone)]
pub struct SynthOptions {
    pub recommendations: usize,
    /// Language codes; the first is the default. `ar` is written right to left.
    pub languages: Vec<String>,
    pub seed: u64,
}

/// A small deterministic generator (SplitMix64), so corpora are identical across runs.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const VERBS: &[&str] = &[
    "Adopt",
    "Strengthen",
    "Ensure",
    "Establish",
    "Guarantee",
    "Continue",
    "Take measures to",
    "Consider",
    "Ratify",
    "Implement",
];
const OBJECTS: &[&str] = &[
    "a national action plan on human rights",
    "the independence of the judiciary",
    "access to justice for indigenous peoples",
    "the prohibition of torture in places of detention",
    "birth registration in rural areas",
    "inclusive education for children with disabilities",
    "protection for human rights defenders and journalists",
    "the participation of women in public life",
    "access to safe drinking water and sanitation",
    "social protection floors for older persons",
];
const TAILS: &[&str] = &[
    "in line with international standards",
    "with adequate budget and monitoring",
    "in consultation with civil society",
    "and report on progress in the next review",
    "paying particular attention to rural areas",
];
const WORDS_FR: &[&str] = &[
    "garantir",
    "renforcer",
    "la",
    "protection",
    "des",
    "droits",
    "de",
    "l'enfant",
    "justice",
    "accès",
    "éducation",
    "égalité",
];
const WORDS_ES: &[&str] = &[
    "garantizar",
    "fortalecer",
    "la",
    "protección",
    "de",
    "los",
    "derechos",
    "niñez",
    "justicia",
    "acceso",
    "educación",
    "igualdad",
];
const WORDS_AR: &[&str] = &[
    "تعزيز",
    "حماية",
    "حقوق",
    "الإنسان",
    "ضمان",
    "الوصول",
    "إلى",
    "العدالة",
    "التعليم",
    "المساواة",
    "الطفل",
    "المرأة",
];

fn sentence(rng: &mut Rng, lang: &str) -> String {
    match lang {
        "fr" | "es" | "ar" => {
            let words = match lang {
                "fr" => WORDS_FR,
                "es" => WORDS_ES,
                _ => WORDS_AR,
            };
            let n = 12 + rng.below(16);
            (0..n)
                .map(|_| rng.pick(words))
                .collect::<Vec<_>>()
                .join(" ")
        }
        _ => format!(
            "{} {} {}.",
            rng.pick(VERBS),
            rng.pick(OBJECTS),
            rng.pick(TAILS)
        ),
    }
}

fn csv_cell(value: &str) -> String {
    if value.contains([',', '"', '\n']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value.to_string()
    }
}

fn header(columns: &[&str], translated: &[&str], languages: &[String]) -> String {
    let mut all: Vec<String> = columns.iter().map(|c| c.to_string()).collect();
    for prefix in translated {
        all.extend(languages.iter().map(|l| format!("{prefix}_{l}")));
    }
    all.join(",") + "\n"
}

/// The status scale of a synthetic portal: id, colour, implemented, closed.
const STATUSES: [(&str, &str, bool, bool); 4] = [
    ("not-started", "#b42318", false, false),
    ("in-progress", "#93370d", false, false),
    ("partially-implemented", "#175cd3", false, false),
    ("implemented", "#067647", true, true),
];

/// How many rows of each table a synthetic portal of `n` recommendations has.
struct Sizes {
    recommendations: usize,
    mechanisms: usize,
    documents: usize,
    institutions: usize,
    themes: usize,
    groups: usize,
    clusters: usize,
}

impl Sizes {
    fn of(n: usize) -> Sizes {
        Sizes {
            recommendations: n,
            mechanisms: 10,
            documents: (n / 40).max(10),
            institutions: 15,
            themes: 24,
            groups: 10,
            clusters: (n / 25).max(1),
        }
    }
}

/// Writes a complete portal (config, data, content; built with the built-in theme) into `dir`.
pub fn generate(dir: &Path, options: &SynthOptions) -> Result<()> {
    let langs = &options.languages;
    let mut rng = Rng(options.seed);
    std::fs::create_dir_all(dir.join("data"))
        .with_context(|| format!("cannot create {}", dir.display()))?;
    std::fs::create_dir_all(dir.join("content"))?;
    std::fs::write(dir.join("config.toml"), config_toml(langs))?;
    let sizes = Sizes::of(options.recommendations);
    let write = |name: &str, body: String| {
        std::fs::write(dir.join("data").join(name), body)
            .with_context(|| format!("cannot write {name}"))
    };
    for (name, body) in vocabularies(&sizes, langs) {
        write(name, body)?;
    }
    write(
        "recommendations.csv",
        recommendations_csv(&sizes, langs, &mut rng),
    )?;
    write("actions.csv", actions_csv(&sizes, langs, &mut rng))?;
    write(
        "status_updates.csv",
        status_updates_csv(&sizes, langs, &mut rng),
    )?;
    for l in langs {
        std::fs::write(
            dir.join("content").join(format!("about.{l}.md")),
            format!(
                "+++\ntitle = \"About ({l})\"\nweight = 10\n+++\nA synthetic portal for benchmarks.\n"
            ),
        )?;
    }
    Ok(())
}

fn config_toml(langs: &[String]) -> String {
    let mut config = String::from("base_url = \"https://synthetic.example/\"\n");
    let _ = writeln!(
        config,
        "default_language = \"{}\"\nas_of = \"2026-06-30\"\n\n[title]",
        langs[0]
    );
    for l in langs {
        let _ = writeln!(config, "{l} = \"Synthetic portal ({l})\"");
    }
    for l in langs {
        let dir_attr = if l == "ar" { "rtl" } else { "ltr" };
        let _ = writeln!(
            config,
            "\n[[languages]]\ncode = \"{l}\"\nname = \"{l}\"\ndir = \"{dir_attr}\""
        );
    }
    for (id, colour, implemented, closed) in STATUSES {
        let _ = writeln!(
            config,
            "\n[[statuses]]\nid = \"{id}\"\ncolour = \"{colour}\"\nimplemented = {implemented}\nclosed = {closed}\n[statuses.label]"
        );
        for l in langs {
            let _ = writeln!(config, "{l} = \"{id} ({l})\"");
        }
    }
    config
}

/// `count` rows `{prefix}{i}`, then `extra(i)`, then a name per language.
fn named_rows(
    prefix: &str,
    count: usize,
    langs: &[String],
    extra: &dyn Fn(usize) -> Vec<String>,
) -> String {
    let mut body = String::new();
    for i in 0..count {
        let mut cells = vec![format!("{prefix}{i}")];
        cells.extend(extra(i));
        for l in langs {
            cells.push(csv_cell(&format!("{prefix} {i} ({l})")));
        }
        body.push_str(&cells.join(","));
        body.push('\n');
    }
    body
}

/// The tables recommendations refer to: (file name, contents).
fn vocabularies(sizes: &Sizes, langs: &[String]) -> Vec<(&'static str, String)> {
    let kinds = [
        "upr",
        "treaty-body",
        "treaty-body",
        "treaty-body",
        "treaty-body",
        "treaty-body",
        "special-procedure",
        "regional",
        "national",
        "other",
    ];
    let mechanisms = header(&["id", "kind"], &["name"], langs)
        + &named_rows("M", sizes.mechanisms, langs, &|i| {
            vec![kinds[i].to_string()]
        });
    let mut documents = header(&["id", "symbol", "mechanism", "date"], &[], langs);
    for i in 0..sizes.documents {
        let _ = writeln!(
            documents,
            "D{i},X/{i}/CO/{},M{},20{:02}-{:02}-15",
            i % 7,
            i % sizes.mechanisms,
            10 + i % 16,
            1 + i % 12
        );
    }
    let institutions = header(&["id", "kind"], &["name"], langs)
        + &named_rows("I", sizes.institutions, langs, &|_| vec!["ministry".into()]);
    let parent = |i: usize| {
        vec![if i >= 4 {
            format!("T{}", i % 4)
        } else {
            String::new()
        }]
    };
    let themes = header(&["id", "parent"], &["name"], langs)
        + &named_rows("T", sizes.themes, langs, &parent);
    let groups =
        header(&["id"], &["name"], langs) + &named_rows("G", sizes.groups, langs, &|_| vec![]);
    let (goals, targets) = sdgs(langs);
    let clusters =
        header(&["id"], &["name"], langs) + &named_rows("C", sizes.clusters, langs, &|_| vec![]);
    vec![
        ("mechanisms.csv", mechanisms),
        ("documents.csv", documents),
        ("institutions.csv", institutions),
        ("themes.csv", themes),
        ("groups.csv", groups),
        ("sdg_goals.csv", goals),
        ("sdg_targets.csv", targets),
        ("clusters.csv", clusters),
    ]
}

/// The 17 goals and three targets of each: (sdg_goals.csv, sdg_targets.csv).
fn sdgs(langs: &[String]) -> (String, String) {
    let mut goals = header(&["id"], &["name"], langs);
    let mut targets = header(&["id", "goal"], &["text"], langs);
    for g in 1..=17 {
        let mut cells = vec![g.to_string()];
        cells.extend(langs.iter().map(|l| format!("Goal {g} ({l})")));
        goals.push_str(&(cells.join(",") + "\n"));
        for t in 1..=3 {
            let mut cells = vec![format!("{g}.{t}"), g.to_string()];
            cells.extend(langs.iter().map(|l| format!("Target {g}.{t} ({l})")));
            targets.push_str(&(cells.join(",") + "\n"));
        }
    }
    (goals, targets)
}

/// recommendations.csv: each on one document, two themes, a group, a target, institutions.
fn recommendations_csv(sizes: &Sizes, langs: &[String], rng: &mut Rng) -> String {
    let n = sizes.recommendations;
    let mut body = header(
        &[
            "id",
            "document",
            "paragraph",
            "response",
            "themes",
            "groups",
            "sdg_targets",
            "lead_institution",
            "partner_institutions",
            "cluster",
        ],
        &["text"],
        langs,
    );
    let responses = [
        "supported",
        "supported",
        "supported-in-part",
        "noted",
        "pending",
    ];
    for i in 0..n {
        let document = rng.below(sizes.documents);
        let mut cells = vec![
            format!("R{i}"),
            format!("D{document}"),
            format!("{}.{}", 100 + document % 50, i % 300),
            rng.pick(&responses).to_string(),
            format!(
                "T{}|T{}",
                rng.below(sizes.themes),
                4 + rng.below(sizes.themes - 4)
            ),
            format!("G{}", rng.below(sizes.groups)),
            format!("{}.{}", 1 + rng.below(17), 1 + rng.below(3)),
            format!("I{}", rng.below(sizes.institutions)),
            format!("I{}", rng.below(sizes.institutions)),
            format!("C{}", rng.below(sizes.clusters)),
        ];
        if cells[4].split('|').next() == cells[4].split('|').nth(1) {
            cells[4] = format!("T{}", rng.below(sizes.themes));
        }
        for l in langs {
            cells.push(csv_cell(&sentence(rng, l)));
        }
        body.push_str(&(cells.join(",") + "\n"));
    }
    body
}

/// actions.csv: one action per five recommendations, each on two of them.
fn actions_csv(sizes: &Sizes, langs: &[String], rng: &mut Rng) -> String {
    let n = sizes.recommendations;
    let actions = (n / 5).max(1);
    let mut body = header(
        &[
            "id",
            "recommendations",
            "lead_institution",
            "start_date",
            "due_date",
        ],
        &["title"],
        langs,
    );
    for i in 0..actions {
        let mut cells = vec![
            format!("A{i}"),
            format!("R{}|R{}", rng.below(n), (i * 5) % n),
            format!("I{}", rng.below(sizes.institutions)),
            format!("20{:02}-01-01", 18 + i % 6),
            format!("20{:02}-12-31", 24 + i % 4),
        ];
        if cells[1].split('|').next() == cells[1].split('|').nth(1) {
            cells[1] = format!("R{}", (i * 5) % n);
        }
        for l in langs {
            cells.push(csv_cell(&format!("Action {i} ({l})")));
        }
        body.push_str(&(cells.join(",") + "\n"));
    }
    body
}

/// status_updates.csv: three updates per two recommendations, by any assessor.
fn status_updates_csv(sizes: &Sizes, langs: &[String], rng: &mut Rng) -> String {
    let n = sizes.recommendations;
    let mut body = header(
        &[
            "date",
            "recommendation",
            "status",
            "assessor",
            "institution",
        ],
        &["narrative"],
        langs,
    );
    let assessors = ["government", "government", "nhri", "civil-society"];
    for i in 0..(n * 3 / 2) {
        let mut cells = vec![
            format!(
                "20{:02}-{:02}-{:02}",
                19 + rng.below(7),
                1 + rng.below(12),
                1 + rng.below(28)
            ),
            format!("R{}", rng.below(n)),
            STATUSES[rng.below(STATUSES.len())].0.to_string(),
            rng.pick(&assessors).to_string(),
            format!("I{}", i % sizes.institutions),
        ];
        for l in langs {
            cells.push(csv_cell(&sentence(rng, l)));
        }
        body.push_str(&(cells.join(",") + "\n"));
    }
    body
}
