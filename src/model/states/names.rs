//! Names to States: the one matching rule every reader and importer uses.

use rustc_hash::FxHashMap;

use unicode_normalization::UnicodeNormalization;

use super::State;
use crate::diagnostics::did_you_mean;
use crate::model::types::StateId;

/// The matching key of a name: case, accents, punctuation, spacing and a leading "the" do
/// not make another name (`Côte d’Ivoire`, `cote d'ivoire` and `COTE D IVOIRE` are one).
pub fn fold(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut space = false;
    for c in name.nfkd().filter(|c| !is_combining(*c)) {
        if c.is_alphanumeric() {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.extend(c.to_lowercase());
        } else if c != '\'' && c != '\u{2019}' {
            space = true;
        }
    }
    // UNTERM writes the article after the name: `Bahamas (the)`, `Congo (le)`.
    for article in [" the", " le", " la", " les", " l", " el", " los", " las"] {
        if let Some(rest) = out.strip_suffix(article) {
            out.truncate(rest.len());
            break;
        }
    }
    match out.strip_prefix("the ") {
        Some(rest) => rest.to_string(),
        None => out,
    }
}

/// Combining marks (accents once decomposed).
fn is_combining(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

/// Every id, name and alias of a States table, to find a State by any of them.
#[derive(Debug, Clone, Default)]
pub struct StateIndex {
    by_key: FxHashMap<String, StateId>,
    /// English names, ids and aliases as written, for suggestions.
    suggestions: Vec<String>,
}

impl StateIndex {
    /// Ids first, then names, then aliases; the portal's rows win over the built-in ones.
    pub fn new(states: &[State]) -> Self {
        let mut index = StateIndex::default();
        for from_portal in [false, true] {
            let rows = states
                .iter()
                .enumerate()
                .filter(|(_, s)| s.from_portal == from_portal);
            for (i, state) in rows.clone() {
                index.add(&state.key.id, StateId(i as u32), from_portal);
            }
            for (i, state) in rows.clone() {
                for name in state.name.0.values() {
                    index.add(name, StateId(i as u32), from_portal);
                }
            }
            for (i, state) in rows {
                for alias in &state.aliases {
                    index.add(alias, StateId(i as u32), from_portal);
                }
            }
        }
        for state in states {
            index.suggestions.extend(state.name.0.get("en").cloned());
            index.suggestions.extend(state.aliases.iter().cloned());
        }
        index
    }

    fn add(&mut self, name: &str, id: StateId, wins: bool) {
        let key = fold(name);
        if key.is_empty() {
            return;
        }
        if wins {
            self.by_key.insert(key, id);
        } else {
            self.by_key.entry(key).or_insert(id);
        }
    }

    /// The State an id, name or alias names.
    pub fn find(&self, name: &str) -> Option<StateId> {
        self.by_key.get(&fold(name)).copied()
    }

    /// The closest name to an unknown one.
    pub fn suggest(&self, name: &str) -> Option<&str> {
        did_you_mean(name, self.suggestions.iter().map(String::as_str))
    }
}

#[cfg(test)]
mod tests {
    use super::fold;

    #[test]
    fn folding_ignores_case_accents_punctuation_and_a_leading_article() {
        assert_eq!(fold("Côte d’Ivoire"), "cote divoire");
        assert_eq!(fold("COTE D'IVOIRE"), "cote divoire");
        assert_eq!(fold("  The Gambia "), "gambia");
        assert_eq!(fold("Bahamas (the)"), "bahamas");
        assert_eq!(fold("Afghanistan (l')"), "afghanistan");
        assert_eq!(fold("Türkiye"), "turkiye");
        assert_eq!(fold("Guinea-Bissau"), "guinea bissau");
        assert_eq!(fold("فرنسا"), "فرنسا");
    }
}
