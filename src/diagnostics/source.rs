//! The source text a diagnostic points at: its line, and the span of its cell or column.

use std::ops::Range;

/// The lines shown under a diagnostic and the part of them it is about.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct Excerpt {
    /// The offending line (a CSV row quoted over several lines keeps all of them).
    pub text: String,
    /// Byte range of the offending cell or character within `text`.
    pub span: Range<usize>,
}

/// The excerpt of `source` at 1-based `line` and `column`: for CSV files the column counts
/// cells, for every other file characters. `None` when the line does not exist.
pub(super) fn excerpt(file: &str, source: &str, line: u64, column: u64) -> Option<Excerpt> {
    let source = source.strip_prefix('\u{feff}').unwrap_or(source);
    let start = line_offset(source, line)?;
    let rest = &source[start..];
    if file.ends_with(".csv") {
        let delimiter = crate::util::csv::sniff_delimiter(source.as_bytes()) as char;
        return Some(csv_excerpt(rest, delimiter, column));
    }
    let text = first_line(rest).to_string();
    let span = if column == 0 {
        0..text.len()
    } else {
        let at = text
            .char_indices()
            .nth(column as usize - 1)
            .map_or(text.len(), |(i, _)| i);
        let width = text[at..].chars().next().map_or(0, char::len_utf8);
        at..at + width
    };
    Some(Excerpt { text, span })
}

/// Byte offset where 1-based `line` starts.
fn line_offset(source: &str, line: u64) -> Option<usize> {
    if line == 0 {
        return None;
    }
    let mut offset = 0;
    for _ in 1..line {
        offset += source[offset..].find('\n')? + 1;
    }
    (offset < source.len()).then_some(offset)
}

fn first_line(text: &str) -> &str {
    let line = text.split('\n').next().unwrap_or("");
    line.strip_suffix('\r').unwrap_or(line)
}

/// The CSV record starting at `rest` and the span of its cell number `column`
/// (the whole record when the column is 0 or beyond the last cell).
fn csv_excerpt(rest: &str, delimiter: char, column: u64) -> Excerpt {
    let mut cells = Vec::new();
    let (mut cell_start, mut quoted, mut end) = (0, false, rest.len());
    for (i, c) in rest.char_indices() {
        match c {
            '"' => quoted = !quoted,
            '\n' if !quoted => {
                end = i;
                break;
            }
            c if c == delimiter && !quoted => {
                cells.push(cell_start..i);
                cell_start = i + 1;
            }
            _ => {}
        }
    }
    let record = rest[..end].strip_suffix('\r').unwrap_or(&rest[..end]);
    cells.push(cell_start..record.len().max(cell_start));
    let text = record.replace("\r\n", "\n");
    let span = match column.checked_sub(1).and_then(|i| cells.get(i as usize)) {
        Some(cell) => {
            // Offsets shift by one for every CR removed before them.
            let shift = |at: usize| at - record[..at].matches("\r\n").count();
            shift(cell.start)..shift(cell.end)
        }
        None => 0..text.len(),
    };
    Excerpt { text, span }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_cell_of_a_csv_column() {
        let source = "id,themes,text_en\nA-1,tortre,\"Do, this\"\n";
        let e = excerpt("data/r.csv", source, 2, 2).unwrap();
        assert_eq!(e.text, "A-1,tortre,\"Do, this\"");
        assert_eq!(&e.text[e.span.clone()], "tortre");
        let e = excerpt("data/r.csv", source, 2, 3).unwrap();
        assert_eq!(&e.text[e.span], "\"Do, this\"");
    }

    #[test]
    fn keeps_a_quoted_record_over_several_lines_and_semicolons() {
        let source = "\u{feff}id;text_en;themes\r\nA;\"two\r\nlines\";x\r\n";
        let e = excerpt("data/r.csv", source, 2, 3).unwrap();
        assert_eq!(e.text, "A;\"two\nlines\";x");
        assert_eq!(&e.text[e.span], "x");
    }

    #[test]
    fn counts_characters_in_other_files() {
        let source = "title = \"x\"\nper_page = «0»\n";
        let e = excerpt("config.toml", source, 2, 13).unwrap();
        assert_eq!(e.text, "per_page = «0»");
        assert_eq!(&e.text[e.span], "0");
        assert!(excerpt("config.toml", source, 9, 1).is_none());
        assert!(excerpt("config.toml", source, 0, 0).is_none());
    }
}
