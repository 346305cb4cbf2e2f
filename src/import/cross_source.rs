//! Finds the row another source (or the portal's own typing) already has for a recommendation:
//! the same document, its symbol compared without case and spaces, and the same paragraph,
//! compared part by part as numbers (`118.09`, `118-9` and `118.9` are one paragraph).

use std::collections::HashMap;

use super::table::EditTable;

/// A document symbol as compared across sources: lower case, no white space
/// (`A/HRC/52/8`, `a/hrc/52/8` and `A/HRC/52/ 8` are one document).
pub(super) fn symbol_key(symbol: &str) -> String {
    symbol
        .chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect()
}

/// A paragraph number as compared across sources: its runs of digits (leading zeros dropped)
/// and of letters, joined by `.` (`19(a)`, `19.a` and `19a` give `19.a`); `None` when it has
/// neither.
pub(super) fn paragraph_key(paragraph: &str) -> Option<String> {
    let mut parts: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut last_digit = None;
    for c in paragraph.chars().flat_map(char::to_lowercase) {
        let digit = c.is_ascii_digit();
        if !c.is_alphanumeric() || last_digit.is_some_and(|d| d != digit) {
            push_part(&mut parts, &mut current);
        }
        if c.is_alphanumeric() {
            current.push(c);
            last_digit = Some(digit);
        } else {
            last_digit = None;
        }
    }
    push_part(&mut parts, &mut current);
    (!parts.is_empty()).then(|| parts.join("."))
}

fn push_part(parts: &mut Vec<String>, current: &mut String) {
    if current.is_empty() {
        return;
    }
    let part = if current.chars().all(|c| c.is_ascii_digit()) {
        let trimmed = current.trim_start_matches('0');
        if trimmed.is_empty() { "0" } else { trimmed }.to_string()
    } else {
        current.clone()
    };
    parts.push(part);
    current.clear();
}

/// The source a `source_id` names (`uhri`, `upr-matrix`, `upr-info`); empty for a row the
/// portal typed.
pub(super) fn source_of(source_id: &str) -> &str {
    source_id.split_once(':').map_or("", |(source, _)| source)
}

/// The existing recommendations by (row of their document, paragraph key).
#[derive(Default)]
pub(super) struct ParagraphIndex {
    rows: HashMap<(usize, String), usize>,
}

impl ParagraphIndex {
    /// Indexes every row of `recommendations` with a paragraph, `document_row` giving the row
    /// of the documents table a `document` cell names.
    pub(super) fn build(
        recommendations: &EditTable,
        document_row: impl Fn(&str) -> Option<usize>,
    ) -> ParagraphIndex {
        let mut index = ParagraphIndex::default();
        for row in 0..recommendations.rows.len() {
            let paragraph = paragraph_key(recommendations.get(row, "paragraph"));
            let document = document_row(recommendations.get(row, "document"));
            if let (Some(paragraph), Some(document)) = (paragraph, document) {
                index.rows.entry((document, paragraph)).or_insert(row);
            }
        }
        index
    }

    /// The row of the recommendation at `paragraph` of the document at `document_row`.
    pub(super) fn find(&self, document_row: usize, paragraph: &str) -> Option<usize> {
        let key = (document_row, paragraph_key(paragraph)?);
        self.rows.get(&key).copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_in_every_numbering_style_are_one_key() {
        for p in ["118.9", "118-9", "118.09", " 118 . 9 ", "118,9"] {
            assert_eq!(paragraph_key(p).as_deref(), Some("118.9"), "{p}");
        }
        for p in ["19(a)", "19.a", "19a", "19 (A)"] {
            assert_eq!(paragraph_key(p).as_deref(), Some("19.a"), "{p}");
        }
        assert_eq!(paragraph_key("118.90"), Some("118.90".into()));
        assert_ne!(paragraph_key("118.9"), paragraph_key("118.90"));
        assert_eq!(paragraph_key("—"), None);
    }

    #[test]
    fn symbols_compare_without_case_and_spaces() {
        assert_eq!(symbol_key("A/HRC/52/8"), symbol_key(" a/hrc/52/ 8"));
        assert_ne!(symbol_key("A/HRC/52/8"), symbol_key("A/HRC/52/9"));
    }

    #[test]
    fn the_source_of_a_row_is_the_prefix_of_its_source_id() {
        assert_eq!(source_of("uhri:0f1e"), "uhri");
        assert_eq!(source_of("upr-matrix:A/HRC/52/8:118.1"), "upr-matrix");
        assert_eq!(source_of(""), "");
    }
}
