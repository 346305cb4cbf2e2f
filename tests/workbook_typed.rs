//! Workbooks as Excel and LibreOffice save them: dates as dates, numbers as numbers, booleans
//! as booleans. They load as the text of the same CSV cells would: the site is the same.

mod common;

use std::io::Write;
use std::path::Path;

use chrono::NaiveDate;
use common::*;
use zip::write::SimpleFileOptions;

type Tables = Vec<(String, Vec<String>, Vec<Vec<String>>)>;

/// Every CSV file of the portal's `data/`: table name, header, rows.
fn csv_tables(root: &Path) -> Tables {
    let mut files: Vec<_> = std::fs::read_dir(root.join("data"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    files
        .iter()
        .map(|path| {
            let mut reader = csv::Reader::from_path(path).unwrap();
            let header = reader
                .headers()
                .unwrap()
                .iter()
                .map(str::to_string)
                .collect();
            let rows = reader
                .records()
                .map(|r| r.unwrap().iter().map(str::to_string).collect())
                .collect();
            let name = path.file_stem().unwrap().to_string_lossy().into_owned();
            (name, header, rows)
        })
        .collect()
}

/// `G42`: a cell's name in A1 notation.
fn cell_name(row: usize, column: usize) -> String {
    let (mut letters, mut n) = (Vec::new(), column);
    while n > 0 {
        letters.push(b'A' + ((n - 1) % 26) as u8);
        n = (n - 1) / 26;
    }
    letters.reverse();
    format!("{}{row}", String::from_utf8(letters).unwrap())
}

/// How a spreadsheet program would type a cell it was given as text.
enum Typed {
    Date(NaiveDate),
    Number(f64),
    Bool(bool),
    Text(String),
}

fn typed(text: &str) -> Typed {
    if let Ok(date) = NaiveDate::parse_from_str(text, "%Y-%m-%d") {
        return Typed::Date(date);
    }
    if let Ok(b) = text.parse::<bool>() {
        return Typed::Bool(b);
    }
    match text.parse::<f64>() {
        // Only where the number reads back as the same text (`16.10` would not).
        Ok(n) if n.to_string() == text => Typed::Number(n),
        _ => Typed::Text(text.to_string()),
    }
}

/// How many cells of each type a writer wrote.
#[derive(Debug, Default)]
struct Kinds {
    dates: usize,
    numbers: usize,
    booleans: usize,
}

impl Kinds {
    fn count(&mut self, value: &Typed) {
        match value {
            Typed::Date(_) => self.dates += 1,
            Typed::Number(_) => self.numbers += 1,
            Typed::Bool(_) => self.booleans += 1,
            Typed::Text(_) => {}
        }
    }
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// An `.xlsx` as Excel writes it: a date is a serial number with a date format (style 1).
fn write_xlsx(path: &Path, tables: &Tables) -> Kinds {
    let mut kinds = Kinds::default();
    let mut parts = vec![
        (
            "[Content_Types].xml".to_string(),
            xlsx_content_types(tables.len()),
        ),
        ("_rels/.rels".to_string(), XLSX_ROOT_RELS.to_string()),
        ("xl/styles.xml".to_string(), XLSX_STYLES.to_string()),
        ("xl/workbook.xml".to_string(), xlsx_workbook(tables)),
        (
            "xl/_rels/workbook.xml.rels".to_string(),
            xlsx_rels(tables.len()),
        ),
    ];
    for (index, (_, header, rows)) in tables.iter().enumerate() {
        let mut xml = String::from(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#,
        );
        for (r, cells) in std::iter::once(header).chain(rows).enumerate() {
            xml.push_str(&format!(r#"<row r="{}">"#, r + 1));
            for (c, text) in cells.iter().enumerate() {
                if text.is_empty() {
                    continue;
                }
                let at = cell_name(r + 1, c + 1);
                let value = typed(text);
                kinds.count(&value);
                let cell = match value {
                    Typed::Date(date) => {
                        let epoch = NaiveDate::from_ymd_opt(1899, 12, 30).unwrap();
                        let serial = (date - epoch).num_days();
                        format!(r#"<c r="{at}" s="1"><v>{serial}</v></c>"#)
                    }
                    Typed::Number(n) => format!(r#"<c r="{at}"><v>{n}</v></c>"#),
                    Typed::Bool(b) => format!(r#"<c r="{at}" t="b"><v>{}</v></c>"#, u8::from(b)),
                    Typed::Text(t) => format!(
                        r#"<c r="{at}" t="inlineStr"><is><t xml:space="preserve">{}</t></is></c>"#,
                        escape(&t)
                    ),
                };
                xml.push_str(&cell);
            }
            xml.push_str("</row>");
        }
        xml.push_str("</sheetData></worksheet>");
        parts.push((format!("xl/worksheets/sheet{}.xml", index + 1), xml));
    }
    write_zip(path, &parts);
    kinds
}

const XLSX_ROOT_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#;

/// Style 0 is General; style 1 is Excel's built-in short date (number format 14).
const XLSX_STYLES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" xfId="0"/><xf numFmtId="14" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>"#;

fn xlsx_content_types(sheets: usize) -> String {
    let mut xml = String::from(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>"#,
    );
    for i in 1..=sheets {
        xml.push_str(&format!(r#"<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#));
    }
    xml + "</Types>"
}

fn xlsx_workbook(tables: &Tables) -> String {
    let mut xml = String::from(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>"#,
    );
    for (i, (name, ..)) in tables.iter().enumerate() {
        let n = i + 1;
        xml.push_str(&format!(
            r#"<sheet name="{name}" sheetId="{n}" r:id="rId{n}"/>"#
        ));
    }
    xml + "</sheets></workbook>"
}

fn xlsx_rels(sheets: usize) -> String {
    let mut xml = String::from(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#,
    );
    for i in 1..=sheets {
        xml.push_str(&format!(r#"<Relationship Id="rId{i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet{i}.xml"/>"#));
    }
    let styles = sheets + 1;
    xml.push_str(&format!(r#"<Relationship Id="rId{styles}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>"#));
    xml + "</Relationships>"
}

/// An `.ods` as LibreOffice writes it: typed cells carry their value in attributes.
fn write_ods(path: &Path, tables: &Tables) -> Kinds {
    let mut kinds = Kinds::default();
    let mut body = String::from(
        r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.3"><office:body><office:spreadsheet>"#,
    );
    for (name, header, rows) in tables {
        body.push_str(&format!(r#"<table:table table:name="{name}">"#));
        for cells in std::iter::once(header).chain(rows) {
            body.push_str("<table:table-row>");
            for text in cells {
                let value = typed(text);
                if !text.is_empty() {
                    kinds.count(&value);
                }
                let cell = match value {
                    _ if text.is_empty() => "<table:table-cell/>".to_string(),
                    Typed::Date(date) => format!(
                        r#"<table:table-cell office:value-type="date" office:date-value="{date}"><text:p>{}</text:p></table:table-cell>"#,
                        date.format("%d/%m/%Y")
                    ),
                    Typed::Number(n) => format!(
                        r#"<table:table-cell office:value-type="float" office:value="{n}"><text:p>{n}</text:p></table:table-cell>"#
                    ),
                    Typed::Bool(b) => format!(
                        r#"<table:table-cell office:value-type="boolean" office:boolean-value="{b}"><text:p>{}</text:p></table:table-cell>"#,
                        if b { "TRUE" } else { "FALSE" }
                    ),
                    Typed::Text(t) => format!(
                        r#"<table:table-cell office:value-type="string"><text:p>{}</text:p></table:table-cell>"#,
                        escape(&t)
                    ),
                };
                body.push_str(&cell);
            }
            body.push_str("</table:table-row>");
        }
        body.push_str("</table:table>");
    }
    body.push_str("</office:spreadsheet></office:body></office:document-content>");
    let parts = vec![
        (
            "mimetype".to_string(),
            "application/vnd.oasis.opendocument.spreadsheet".to_string(),
        ),
        (
            "META-INF/manifest.xml".to_string(),
            r#"<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#.to_string(),
        ),
        ("content.xml".to_string(), body),
    ];
    write_zip(path, &parts);
    kinds
}

fn write_zip(path: &Path, parts: &[(String, String)]) {
    let mut zip = zip::ZipWriter::new(std::fs::File::create(path).unwrap());
    let options = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (name, body) in parts {
        zip.start_file(name.as_str(), options).unwrap();
        zip.write_all(body.as_bytes()).unwrap();
    }
    zip.finish().unwrap();
}

/// The fixture with a boolean cell, and the same portal with its `data/` replaced by
/// a typed workbook that `write` makes; both built.
fn csv_and_typed_workbook(
    workbook: &str,
    write: fn(&Path, &Tables) -> Kinds,
) -> (tempfile::TempDir, tempfile::TempDir) {
    let csv = fixture("minimal");
    // A boolean in a text column (an acronym a spreadsheet would read as TRUE).
    let file = csv.path().join("data/institutions.csv");
    let institutions = std::fs::read_to_string(&file).unwrap();
    assert!(institutions.contains("NHRI,nhri,,"));
    std::fs::write(
        &file,
        institutions.replace("NHRI,nhri,,", "NHRI,nhri,true,"),
    )
    .unwrap();
    let tables = csv_tables(csv.path());
    let book = fixture("minimal");
    std::fs::remove_dir_all(book.path().join("data")).unwrap();
    std::fs::create_dir(book.path().join("data")).unwrap();
    let kinds = write(&book.path().join("data").join(workbook), &tables);
    assert!(
        kinds.dates >= 5 && kinds.numbers >= 5 && kinds.booleans == 1,
        "{kinds:?}"
    );
    (csv, book)
}

fn assert_loads_and_builds_as_the_csv_files(csv: &Path, book: &Path) {
    build(csv, &csv.join("public")).expect("the CSV portal builds");
    build(book, &book.join("public")).expect("the workbook portal builds");
    assert_eq!(
        read_tree(&book.join("public")),
        read_tree(&csv.join("public"))
    );
}

#[test]
fn typed_excel_cells_load_as_the_csv_text_and_build_the_same_site() {
    let (csv, book) = csv_and_typed_workbook("portal.xlsx", write_xlsx);
    assert_loads_and_builds_as_the_csv_files(csv.path(), book.path());
}

#[test]
fn typed_libreoffice_cells_load_as_the_csv_text_and_build_the_same_site() {
    let (csv, book) = csv_and_typed_workbook("portal.ods", write_ods);
    assert_loads_and_builds_as_the_csv_files(csv.path(), book.path());
}
