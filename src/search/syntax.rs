//! Query syntax: words, `"quoted phrases"`, `-exclusions` and `OR`, split into chunks
//! exactly as `parse` in `search.js` does. docs/search.md, "Query syntax".

use unicode_normalization::UnicodeNormalization;

use super::analysis::surfaces;
use super::index::is_key_candidate;

/// At most this many query chunks (words, phrases, symbols) count.
pub const MAX_CHUNKS: usize = 10;

/// One chunk of a query: a whitespace-separated word or symbol, or a quoted phrase.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chunk {
    /// The chunk in lower case when it may be an id or a symbol (never for a phrase).
    pub key: Option<String>,
    /// Its surface forms; with `true` for the word being typed (the query's last word when
    /// the query does not end with a space, a quote or an exclusion).
    pub words: Vec<(String, bool)>,
    /// Written in double quotes: its words must stand side by side.
    pub phrase: bool,
    /// Written with a leading `-`: entries that match it are left out.
    pub exclude: bool,
    /// Written after `OR`: an alternative to the chunk before.
    pub or: bool,
}

/// Splits a query into chunks: `"…"` is one phrase (an unclosed quote runs to the end), a
/// `-` before a word or a phrase excludes it, `OR` (in capitals) after a chunk makes it and
/// the next one alternatives; anything else up to a space (U+0020 or below) or a quote is a chunk.
pub fn parse(text: &str) -> Vec<Chunk> {
    let chars: Vec<char> = text.nfkc().collect();
    let open = chars.last().is_some_and(|&c| c > ' ' && c != '"');
    let mut chunks: Vec<Chunk> = Vec::new();
    let mut or = false;
    let mut i = 0;
    while i < chars.len() && chunks.len() < MAX_CHUNKS {
        if chars[i] <= ' ' {
            i += 1;
            continue;
        }
        let exclude = chars[i] == '-' && chars.get(i + 1).is_some_and(|&c| c > ' ');
        if exclude {
            i += 1;
        }
        let phrase = chars[i] == '"';
        let start = if phrase { i + 1 } else { i };
        let mut end = start;
        while end < chars.len() && chars[end] != '"' && (phrase || chars[end] > ' ') {
            end += 1;
        }
        let raw: String = chars[start..end].iter().collect();
        i = if phrase { end + 1 } else { end };
        // `OR` first in the query is just a word.
        if !phrase && !exclude && raw == "OR" && !chunks.is_empty() {
            or = true;
            continue;
        }
        let lower = raw.to_ascii_lowercase();
        let typing = open && !phrase && !exclude && end == chars.len();
        let words = surfaces(&raw);
        let last = words.len().saturating_sub(1);
        chunks.push(Chunk {
            key: (!phrase && is_key_candidate(&lower)).then_some(lower),
            words: words
                .into_iter()
                .enumerate()
                .map(|(j, s)| (s, typing && j == last))
                .collect(),
            phrase,
            exclude,
            or: std::mem::take(&mut or),
        });
    }
    chunks
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shape(text: &str) -> Vec<(String, bool, bool, bool)> {
        parse(text)
            .into_iter()
            .map(|c| {
                let words: Vec<String> = c.words.iter().map(|w| w.0.clone()).collect();
                (words.join("+"), c.phrase, c.exclude, c.or)
            })
            .collect()
    }

    #[test]
    fn quotes_minus_and_or_make_phrases_exclusions_and_alternatives() {
        assert_eq!(
            shape(r#"torture -death "places of detention" prison OR jail"#),
            vec![
                ("torture".into(), false, false, false),
                ("death".into(), false, true, false),
                ("places+of+detention".into(), true, false, false),
                ("prison".into(), false, false, false),
                ("jail".into(), false, false, true),
            ]
        );
        // An unclosed quote runs to the end; a lone minus is no exclusion; "or" is a word.
        assert_eq!(
            shape(r#"- or "child marriage"#),
            vec![
                ("".into(), false, false, false),
                ("or".into(), false, false, false),
                ("child+marriage".into(), true, false, false),
            ]
        );
        assert_eq!(
            shape("OR torture"),
            vec![
                ("or".into(), false, false, false),
                ("torture".into(), false, false, false),
            ]
        );
    }

    #[test]
    fn only_a_plain_last_word_is_being_typed() {
        assert_eq!(parse("tort")[0].words, vec![("tort".to_string(), true)]);
        assert_eq!(parse("tort ")[0].words, vec![("tort".to_string(), false)]);
        assert!(!parse("\"tort\"")[0].words[0].1);
        assert!(!parse("-tort")[0].words[0].1);
        assert_eq!(
            parse("UPR4-118.001")[0].key.as_deref(),
            Some("upr4-118.001")
        );
        assert_eq!(parse("\"A/HRC/1\"")[0].key, None);
    }
}
