//! `docket i18n template LANG` and `docket i18n check` (beside `i18n`, which the build uses): what a translator of the theme
//! needs, from the default language's Fluent files.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};

use crate::i18n::message_ids;
use crate::theme::Theme;

/// A message of a Fluent file: its id and its whole source (value, attributes, variants).
struct Message {
    id: String,
    source: String,
}

/// The messages of one language's `.ftl` files (the theme's, then the portal's own
/// `i18n/`), in file-name and file order.
fn messages(theme: &Theme, lang: &str) -> Result<Vec<Message>> {
    let mut out = Vec::new();
    for (_, source, _) in theme.messages(lang)? {
        let mut current: Option<Message> = None;
        for line in source.lines() {
            let starts_message = message_ids(line).into_iter().next();
            let continues = line.starts_with([' ', '\t']) && !line.trim().is_empty();
            match (starts_message, current.as_mut()) {
                (Some(id), _) => {
                    out.extend(current.take());
                    current = Some(Message {
                        id,
                        source: line.to_string(),
                    });
                }
                (None, Some(message)) if continues => {
                    message.source.push('\n');
                    message.source.push_str(line);
                }
                _ => out.extend(current.take()),
            }
        }
        out.extend(current);
    }
    Ok(out)
}

/// Writes, for `lang`, a Fluent file of every message of the default language that `lang`
/// lacks: the source as a comment, the message line commented out for the translator to
/// fill. Writes the portal's own `i18n/{lang}/missing.ftl` unless `output` is given; never
/// replaces a file.
pub fn template(root: &Path, lang: &str, output: Option<&Path>) -> Result<(PathBuf, usize)> {
    let portal = crate::build::load(root, None)?;
    let default = &portal.dataset.config.default_language;
    let have: BTreeSet<String> = messages(&portal.theme, lang)?
        .into_iter()
        .map(|m| m.id)
        .collect();
    let missing: Vec<Message> = messages(&portal.theme, default)?
        .into_iter()
        .filter(|m| !have.contains(&m.id))
        .collect();
    let path = output
        .map(Path::to_path_buf)
        .unwrap_or_else(|| root.join("i18n").join(lang).join("missing.ftl"));
    if path.exists() {
        bail!(
            "{} exists; Docket does not replace it (give --output FILE to write elsewhere)",
            path.display()
        );
    }
    let mut text = format!(
        "# Messages of the theme for `{lang}`, from `{default}` ({} to translate).\n# Under each `# {default}:` comment, remove the `#` before the id and write the translation after `=`.\n# A message left commented out is shown in a fallback language.\n",
        missing.len()
    );
    for message in &missing {
        text.push('\n');
        for line in message.source.lines() {
            text.push_str(&format!("# {default}: {line}\n"));
        }
        text.push_str(&format!("#{} =\n", message.id));
    }
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)
            .with_context(|| format!("cannot create {}", parent.display()))?;
    }
    std::fs::write(&path, text).with_context(|| format!("cannot write {}", path.display()))?;
    Ok((path, missing.len()))
}

/// Per published language: the default language's messages it lacks and the messages it
/// has that the default language does not (unused).
pub fn check(root: &Path) -> Result<Vec<LanguageReport>> {
    let portal = crate::build::load(root, None)?;
    let config = &portal.dataset.config;
    let source: Vec<String> = messages(&portal.theme, &config.default_language)?
        .into_iter()
        .map(|m| m.id)
        .collect();
    let mut reports = Vec::new();
    for lang in config.language_codes() {
        if lang == config.default_language {
            continue;
        }
        let have: Vec<String> = messages(&portal.theme, lang)?
            .into_iter()
            .map(|m| m.id)
            .collect();
        reports.push(LanguageReport {
            lang: lang.to_string(),
            missing: source
                .iter()
                .filter(|id| !have.contains(id))
                .cloned()
                .collect(),
            unused: have
                .iter()
                .filter(|id| !source.contains(id))
                .cloned()
                .collect(),
        });
    }
    Ok(reports)
}

/// What `docket i18n check` found for one language.
#[derive(Debug)]
pub struct LanguageReport {
    pub lang: String,
    pub missing: Vec<String>,
    pub unused: Vec<String>,
}

impl std::fmt::Display for LanguageReport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}: {} missing, {} unused",
            self.lang,
            self.missing.len(),
            self.unused.len()
        )?;
        if !self.missing.is_empty() {
            write!(f, "\n  missing: {}", self.missing.join(", "))?;
        }
        if !self.unused.is_empty() {
            write!(f, "\n  unused: {}", self.unused.join(", "))?;
        }
        Ok(())
    }
}
