//! UPR matrix fixtures written in code: a .docx (or .xlsx) is a zip of XML.

use std::io::Write;

pub const FOURTH: [&str; 4] = [
    "Recommendation and recommending State",
    "Position of the State under review",
    "Human rights themes and groups of persons",
    "Relevant SDGs",
];
pub const EARLIER: [&str; 4] = [
    "Recommendation",
    "Position",
    "Full list of themes",
    "Assessment/comments on level of implementation",
];

/// A matrix row: a `Theme:` heading (one cell across the table) or four cells, each cell's
/// lines its paragraphs.
pub enum Row<'a> {
    Theme(&'a str),
    Cells([&'a str; 4]),
}

pub fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

pub fn cell_xml(text: &str, span: Option<usize>) -> String {
    let span = span.map_or(String::new(), |n| format!("<w:gridSpan w:val=\"{n}\"/>"));
    let paragraphs: String = text
        .split('\n')
        .map(|p| {
            format!(
                "<w:p><w:r><w:t xml:space=\"preserve\">{}</w:t></w:r></w:p>",
                escape(p)
            )
        })
        .collect();
    format!("<w:tc><w:tcPr>{span}</w:tcPr>{paragraphs}</w:tc>")
}

pub fn zip(files: &[(&str, String)]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, content) in files {
        zip.start_file(*name, options).expect("zip entry");
        zip.write_all(content.as_bytes()).expect("zip write");
    }
    zip.finish().expect("zip").into_inner()
}

/// A Word document with a title paragraph and the matrix as its one table.
pub fn docx(header: [&str; 4], rows: &[Row]) -> Vec<u8> {
    let mut table = String::from("<w:tbl><w:tr>");
    for h in header {
        table.push_str(&cell_xml(h, None));
    }
    table.push_str("</w:tr>");
    for row in rows {
        table.push_str("<w:tr>");
        match row {
            Row::Theme(name) => table.push_str(&cell_xml(&format!("Theme: {name}"), Some(4))),
            Row::Cells(cells) => {
                for c in cells {
                    table.push_str(&cell_xml(c, None));
                }
            }
        }
        table.push_str("</w:tr>");
    }
    table.push_str("</w:tbl>");
    let document = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>Meridia: thematic list of recommendations</w:t></w:r></w:p>{table}<w:p/></w:body></w:document>"
    );
    zip(&[
        (
            "[Content_Types].xml",
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>".into(),
        ),
        (
            "_rels/.rels",
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>".into(),
        ),
        ("word/document.xml", document),
    ])
}

/// The same matrix saved as a spreadsheet (inline strings, one worksheet).
pub fn xlsx(header: [&str; 4], rows: &[Row]) -> Vec<u8> {
    let mut sheet = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>",
    );
    let all: Vec<[String; 4]> = std::iter::once(header.map(str::to_string))
        .chain(rows.iter().map(|row| match row {
            Row::Theme(name) => [
                format!("Theme: {name}"),
                String::new(),
                String::new(),
                String::new(),
            ],
            Row::Cells(cells) => cells.map(str::to_string),
        }))
        .collect();
    for (r, cells) in all.iter().enumerate() {
        sheet.push_str(&format!("<row r=\"{}\">", r + 1));
        for (c, text) in cells.iter().enumerate().filter(|(_, t)| !t.is_empty()) {
            sheet.push_str(&format!(
                "<c r=\"{}{}\" t=\"inlineStr\"><is><t xml:space=\"preserve\">{}</t></is></c>",
                (b'A' + c as u8) as char,
                r + 1,
                escape(text)
            ));
        }
        sheet.push_str("</row>");
    }
    sheet.push_str("</sheetData></worksheet>");
    zip(&[
        (
            "[Content_Types].xml",
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/><Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/></Types>".into(),
        ),
        (
            "_rels/.rels",
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>".into(),
        ),
        (
            "xl/workbook.xml",
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet name=\"Matrix\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>".into(),
        ),
        (
            "xl/_rels/workbook.xml.rels",
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>".into(),
        ),
        ("xl/worksheets/sheet1.xml", sheet),
    ])
}
