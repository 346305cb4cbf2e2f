//! A portal of the 169 SDG targets in the six UN languages, from `../shared/data/sdg/`
//! (the folder in DOCKET_SHARED_DATA): real parallel text for search tests.

use std::path::Path;

use super::write_multilingual_config;

/// (portal code, folder under sdg/, direction).
pub const LANGUAGES: [(&str, &str, &str); 6] = [
    ("en", "en", "ltr"),
    ("fr", "fr", "ltr"),
    ("es", "es", "ltr"),
    ("ru", "ru", "ltr"),
    ("ar", "ar", "rtl"),
    ("zh", "zh-Hans", "ltr"),
];

/// Writes the portal: one recommendation `SDG-{goal}.{target}` per target.
pub fn write_portal(root: &Path) {
    let shared = std::env::var("DOCKET_SHARED_DATA").expect("DOCKET_SHARED_DATA is set");
    let languages = LANGUAGES;
    let mut targets: std::collections::BTreeMap<String, Vec<String>> = Default::default();
    for (i, (_, folder, _)) in languages.iter().enumerate() {
        let path = Path::new(&shared).join(format!("sdg/{folder}/global_targets.yml"));
        let text = std::fs::read_to_string(&path).expect("global_targets.yml");
        for (key, value) in parse_simple_yaml(&text) {
            let Some(id) = key.strip_suffix("-title") else {
                continue;
            };
            let slot = targets.entry(id.replacen('-', ".", 1)).or_default();
            slot.resize(languages.len(), String::new());
            slot[i] = value;
        }
    }
    assert_eq!(targets.len(), 169);
    let codes: Vec<(&str, &str)> = languages
        .iter()
        .map(|(code, _, dir)| (*code, *dir))
        .collect();
    write_multilingual_config(root, "https://sdg.example/", "SDG targets", &codes);
    std::fs::write(
        root.join("data/mechanisms.csv"),
        "id,kind,name_en\nSDG,other,Sustainable Development Goals\n",
    )
    .expect("mechanisms");
    std::fs::write(
        root.join("data/documents.csv"),
        "id,symbol,mechanism,date\nA/RES/70/1,A/RES/70/1,SDG,2015-09-25\n",
    )
    .expect("documents");
    let cell = |s: &str| format!("\"{}\"", s.replace('"', "\"\""));
    let mut recs = String::from("id,document");
    for (code, _, _) in languages {
        recs.push_str(&format!(",text_{code}"));
    }
    recs.push('\n');
    for (id, texts) in &targets {
        recs.push_str(&format!("SDG-{id},A/RES/70/1"));
        for text in texts {
            recs.push(',');
            recs.push_str(&cell(text));
        }
        recs.push('\n');
    }
    std::fs::write(root.join("data/recommendations.csv"), recs).expect("recommendations");
    docket::write_default_theme(&root.join("themes/default")).expect("theme");
}

/// `key: value` lines with folded continuation lines and '…' or "…" quoting: the shape of
/// the Open SDG translation files.
fn parse_simple_yaml(text: &str) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    for line in text.lines() {
        if line.starts_with(' ') {
            if let Some(last) = out.last_mut() {
                last.1.push(' ');
                last.1.push_str(line.trim());
            }
        } else if let Some((key, value)) = line.split_once(':') {
            out.push((key.trim().to_string(), value.trim().to_string()));
        }
    }
    for (_, value) in &mut out {
        let v = value.trim();
        *value = if v.len() >= 2 && v.starts_with('\'') && v.ends_with('\'') {
            v[1..v.len() - 1].replace("''", "'")
        } else if v.len() >= 2 && v.starts_with('"') && v.ends_with('"') {
            v[1..v.len() - 1].replace("\\\"", "\"")
        } else {
            v.to_string()
        };
    }
    out
}
