//! `docket export workbook FILE.xlsx`: the portal's tables, one sheet each, as they are in
//! `data/` (every cell as text, so that reading the workbook back gives the same data).

use std::io::Write;
use std::path::Path;

use anyhow::{Context, Result, bail};
use zip::write::SimpleFileOptions;

use crate::load::Table;
use crate::util::csv::cell_name;
use crate::util::xml::escape;

/// Writes `tables` (name and table, in order) into a new `.xlsx` at `path`.
pub fn write_workbook(path: &Path, tables: &[(&str, &Table)]) -> Result<()> {
    if tables.is_empty() {
        bail!("the portal has no tables to export");
    }
    let file =
        std::fs::File::create(path).with_context(|| format!("cannot create {}", path.display()))?;
    let mut zip = zip::ZipWriter::new(file);
    let options = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    let mut parts = vec![
        (
            "[Content_Types].xml".to_string(),
            content_types(tables.len()),
        ),
        ("_rels/.rels".to_string(), ROOT_RELS.to_string()),
        ("xl/workbook.xml".to_string(), workbook_xml(tables)),
        (
            "xl/_rels/workbook.xml.rels".to_string(),
            workbook_rels(tables.len()),
        ),
    ];
    for (index, (_, table)) in tables.iter().enumerate() {
        parts.push((
            format!("xl/worksheets/sheet{}.xml", index + 1),
            sheet_xml(table),
        ));
    }
    for (name, body) in parts {
        zip.start_file(name.as_str(), options)
            .with_context(|| format!("cannot write {}", path.display()))?;
        zip.write_all(body.as_bytes())
            .with_context(|| format!("cannot write {}", path.display()))?;
    }
    zip.finish()
        .with_context(|| format!("cannot write {}", path.display()))?;
    Ok(())
}

const ROOT_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#;

fn content_types(sheets: usize) -> String {
    let mut xml = String::from(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>"#,
    );
    for i in 1..=sheets {
        xml.push_str(&format!(r#"<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#));
    }
    xml.push_str("</Types>");
    xml
}

fn workbook_xml(tables: &[(&str, &Table)]) -> String {
    let mut xml = String::from(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>"#,
    );
    for (index, (name, _)) in tables.iter().enumerate() {
        let n = index + 1;
        xml.push_str(&format!(
            r#"<sheet name="{}" sheetId="{n}" r:id="rId{n}"/>"#,
            escape(name)
        ));
    }
    xml.push_str("</sheets></workbook>");
    xml
}

fn workbook_rels(sheets: usize) -> String {
    let mut xml = String::from(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#,
    );
    for i in 1..=sheets {
        xml.push_str(&format!(r#"<Relationship Id="rId{i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet{i}.xml"/>"#));
    }
    xml.push_str("</Relationships>");
    xml
}

/// The header, then every row, each cell an inline string.
fn sheet_xml(table: &Table) -> String {
    let mut xml = String::from(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#,
    );
    let rows = std::iter::once(&table.header).chain(table.rows.iter().map(|r| &r.cells));
    for (index, cells) in rows.enumerate() {
        let row = index as u64 + 1;
        xml.push_str(&format!(r#"<row r="{row}">"#));
        for (column, text) in cells.iter().enumerate() {
            if text.is_empty() {
                continue;
            }
            xml.push_str(&format!(
                r#"<c r="{}" t="inlineStr"><is><t xml:space="preserve">{}</t></is></c>"#,
                cell_name(row, column as u64 + 1),
                escape(text)
            ));
        }
        xml.push_str("</row>");
    }
    xml.push_str("</sheetData></worksheet>");
    xml
}

#[cfg(test)]
mod tests {
    use crate::test_common::fixture;

    /// Every table of the raw portal: name, header, rows.
    fn raw_tables(root: &std::path::Path) -> Vec<(String, Vec<String>, Vec<Vec<String>>)> {
        let mut diagnostics = crate::Diagnostics::default();
        let raw = crate::load::load_portal(root, &mut diagnostics).expect("loads");
        assert!(diagnostics.is_empty(), "{:?}", diagnostics.sorted());
        raw.tables
            .iter()
            .map(|(name, parts)| {
                assert_eq!(parts.len(), 1, "one file per table in the fixture");
                let t = &parts[0];
                let rows = t.rows.iter().map(|r| r.cells.clone()).collect();
                (name.to_string(), t.header.clone(), rows)
            })
            .collect()
    }

    #[test]
    fn an_exported_workbook_reads_back_as_the_same_tables() {
        let csv = fixture("minimal");
        let book = fixture("minimal");
        let file = book.path().join("portal.xlsx");
        assert_eq!(
            crate::export_workbook(csv.path(), &file).expect("exports"),
            11
        );
        std::fs::remove_dir_all(book.path().join("data")).unwrap();
        std::fs::create_dir(book.path().join("data")).unwrap();
        std::fs::rename(&file, book.path().join("data/portal.xlsx")).unwrap();
        assert_eq!(raw_tables(book.path()), raw_tables(csv.path()));
    }
}
