//! The rows of the tables of a Word document (`.docx`: a zip holding `word/document.xml`):
//! every `w:tr` of every `w:tbl`, in document order, each cell's paragraphs joined by line
//! breaks. Tables nested in a cell add their text to that cell.

use std::io::Read;
use std::path::Path;

use anyhow::{Context, Result, anyhow};
use quick_xml::events::Event;

/// Reads the table rows of the document at `path`.
pub fn table_rows(path: &Path, file: &str) -> Result<Vec<Vec<String>>> {
    let archive = std::fs::File::open(path).with_context(|| format!("cannot read {file}"))?;
    let mut archive = zip::ZipArchive::new(archive)
        .map_err(|e| anyhow!("{file} is not a Word document (.docx): {e}"))?;
    let mut xml = String::new();
    archive
        .by_name("word/document.xml")
        .map_err(|_| anyhow!("{file} is not a Word document: it has no word/document.xml"))?
        .read_to_string(&mut xml)
        .with_context(|| format!("cannot read the text of {file}"))?;
    rows_of(&xml).with_context(|| format!("cannot read the tables of {file}"))
}

/// The table rows of a `word/document.xml`.
pub fn rows_of(xml: &str) -> Result<Vec<Vec<String>>> {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut row: Option<Vec<String>> = None;
    let mut cell: Option<String> = None;
    let mut table_depth = 0usize;
    let mut in_text = false;
    loop {
        match reader.read_event()? {
            Event::Start(e) => match e.name().as_ref() {
                b"w:tbl" => table_depth += 1,
                b"w:tr" if table_depth == 1 => row = Some(Vec::new()),
                b"w:tc" if table_depth == 1 => cell = Some(String::new()),
                b"w:t" => in_text = true,
                _ => {}
            },
            Event::Empty(e) => {
                if let Some(cell) = cell.as_mut() {
                    match e.name().as_ref() {
                        b"w:br" | b"w:cr" => cell.push('\n'),
                        b"w:tab" => cell.push('\t'),
                        _ => {}
                    }
                }
            }
            Event::End(e) => match e.name().as_ref() {
                b"w:tbl" => table_depth = table_depth.saturating_sub(1),
                b"w:tr" if table_depth == 1 => rows.extend(row.take()),
                b"w:tc" if table_depth == 1 => {
                    if let (Some(row), Some(cell)) = (row.as_mut(), cell.take()) {
                        row.push(cell.trim_end_matches('\n').to_string());
                    }
                }
                b"w:p" => {
                    if let Some(cell) = cell.as_mut() {
                        cell.push('\n');
                    }
                }
                b"w:t" => in_text = false,
                _ => {}
            },
            Event::Text(t) if in_text => {
                if let Some(cell) = cell.as_mut() {
                    cell.push_str(&t.decode()?);
                }
            }
            Event::GeneralRef(r) if in_text => {
                if let Some(cell) = cell.as_mut() {
                    let text = match r.resolve_char_ref()? {
                        Some(c) => c.to_string(),
                        None => match r.decode()?.as_ref() {
                            "amp" => "&".into(),
                            "lt" => "<".into(),
                            "gt" => ">".into(),
                            "quot" => "\"".into(),
                            "apos" => "'".into(),
                            other => format!("&{other};"),
                        },
                    };
                    cell.push_str(&text);
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_hold_cells_with_their_paragraphs_and_breaks() {
        let xml = r#"<w:document xmlns:w="w"><w:body><w:p><w:r><w:t>Title</w:t></w:r></w:p>
<w:tbl><w:tr><w:tc><w:p><w:r><w:t>A &amp; B</w:t></w:r></w:p><w:p><w:r><w:t xml:space="preserve">second </w:t></w:r><w:r><w:t>line</w:t><w:br/><w:t>third</w:t></w:r></w:p></w:tc>
<w:tc><w:p/></w:tc></w:tr>
<w:tr><w:tc><w:tbl><w:tr><w:tc><w:p><w:r><w:t>inner</w:t></w:r></w:p></w:tc></w:tr></w:tbl><w:p/></w:tc></w:tr></w:tbl></w:body></w:document>"#;
        assert_eq!(
            rows_of(xml).unwrap(),
            vec![
                vec!["A & B\nsecond line\nthird".to_string(), String::new()],
                vec!["inner".to_string()]
            ]
        );
    }
}
