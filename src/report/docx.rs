//! The report as a Word document (Office Open XML, written directly with the `zip` crate):
//! real heading styles, tables with repeating header rows, the document's language, and
//! right-to-left paragraphs and tables for Arabic.

use std::io::Write;

use anyhow::Result;
use zip::write::SimpleFileOptions;

use crate::site::draft_report::*;
use crate::util::xml::escape as esc;

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
/// A4 with 2 cm margins, in twentieths of a point.
const SECTION: &str = "<w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"1134\" w:right=\"1134\" w:bottom=\"1134\" w:left=\"1134\" w:header=\"709\" w:footer=\"709\" w:gutter=\"0\"/>";
/// Width of the text block, for table grids.
const TEXT_WIDTH: usize = 9638;

/// The `.docx` package's bytes, identical for identical reports.
pub(super) fn write(report: &Report) -> Result<Vec<u8>> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::default());
    let parts = [
        ("[Content_Types].xml", CONTENT_TYPES.to_string()),
        ("_rels/.rels", PACKAGE_RELS.to_string()),
        ("docProps/core.xml", core(report)),
        ("word/_rels/document.xml.rels", DOCUMENT_RELS.to_string()),
        ("word/styles.xml", styles(report)),
        ("word/document.xml", Document::new(report).finish(report)),
    ];
    for (name, body) in parts {
        zip.start_file(name, options)?;
        zip.write_all(body.as_bytes())?;
    }
    Ok(zip.finish()?.into_inner())
}

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>"#;

const PACKAGE_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>"#;

const DOCUMENT_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>"#;

fn core(report: &Report) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>{}</dc:title><dc:language>{}</dc:language></cp:coreProperties>"#,
        esc(&format!("{}: {}", report.title, report.scope)),
        esc(&report.lang)
    )
}

/// Default language and direction, and the styles the document uses.
fn styles(report: &Report) -> String {
    let lang = esc(&report.lang);
    let bidi = if report.rtl {
        format!(" w:bidi=\"{lang}\"")
    } else {
        String::new()
    };
    let heading = |id: &str, name: &str, level: u8, size: u8| {
        format!(
            "<w:style w:type=\"paragraph\" w:styleId=\"{id}\"><w:name w:val=\"{name}\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before=\"240\" w:after=\"120\"/><w:outlineLvl w:val=\"{level}\"/></w:pPr><w:rPr><w:b/><w:bCs/><w:sz w:val=\"{size}\"/><w:szCs w:val=\"{size}\"/></w:rPr></w:style>"
        )
    };
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="{W}"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Calibri" w:hAnsi="Calibri" w:cs="Arial" w:eastAsia="SimSun"/><w:sz w:val="22"/><w:szCs w:val="22"/><w:lang w:val="{lang}" w:eastAsia="{lang}"{bidi}/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="120"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style><w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:spacing w:after="240"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:bCs/><w:sz w:val="36"/><w:szCs w:val="36"/></w:rPr></w:style>{}{}{}<w:style w:type="paragraph" w:styleId="Quote"><w:name w:val="Quote"/><w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:ind w:start="567" w:end="567"/></w:pPr><w:rPr><w:i/><w:iCs/></w:rPr></w:style><w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style><w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:basedOn w:val="TableNormal"/><w:pPr><w:spacing w:after="0"/></w:pPr><w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="767676"/><w:left w:val="single" w:sz="4" w:space="0" w:color="767676"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="767676"/><w:right w:val="single" w:sz="4" w:space="0" w:color="767676"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="767676"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="767676"/></w:tblBorders></w:tblPr></w:style></w:styles>"#,
        heading("Heading1", "heading 1", 0, 32),
        heading("Heading2", "heading 2", 1, 28),
        heading("Heading3", "heading 3", 2, 24),
    )
}

/// `word/document.xml`, built paragraph by paragraph.
struct Document {
    body: String,
    rtl: bool,
}

impl Document {
    fn new(report: &Report) -> Document {
        let l = &report.labels;
        let mut doc = Document {
            body: String::new(),
            rtl: report.rtl,
        };
        doc.paragraph(Some("Title"), &report.title, false);
        doc.paragraph(None, &report.scope, true);
        doc.paragraph(None, &report.as_of, false);
        doc.paragraph(None, &l.draft_notice, false);
        doc.paragraph(Some("Heading1"), &l.summary, false);
        let rows: Vec<Vec<String>> = report
            .summary
            .rows
            .iter()
            .map(|r| {
                vec![
                    r.label.clone(),
                    r.government.to_string(),
                    r.nhri.to_string(),
                    r.civil_society.to_string(),
                ]
            })
            .collect();
        doc.table(
            &[&l.status, &l.government, &l.nhri, &l.civil_society],
            &rows,
        );
        for group in &report.groups {
            doc.paragraph(Some("Heading1"), &group.heading, false);
            for item in &group.items {
                doc.item(item, l);
            }
        }
        doc
    }

    fn item(&mut self, item: &Item, l: &Labels) {
        self.paragraph(Some("Heading2"), &item.id, false);
        self.foreign_paragraph(Some("Quote"), &item.text, item.text_lang.as_ref());
        self.paragraph(None, &format!("{}: {}", l.source, item.source), false);
        self.paragraph(None, &format!("{}: {}", l.response, item.response), false);
        self.paragraph(None, &item.url, false);
        self.paragraph(Some("Heading3"), &l.assessments, false);
        if item.assessments.is_empty() {
            self.paragraph(None, &l.not_assessed, false);
        }
        for a in &item.assessments {
            let by = if a.by.is_empty() {
                String::new()
            } else {
                format!(" ({})", a.by)
            };
            self.paragraph(
                None,
                &format!("{}{by}: {}, {}", a.assessor, a.status, a.date),
                true,
            );
            if !a.narrative.is_empty() {
                self.foreign_paragraph(None, &a.narrative, a.narrative_lang.as_ref());
            }
        }
        self.paragraph(Some("Heading3"), &l.actions, false);
        if item.actions.is_empty() {
            self.paragraph(None, &l.no_actions, false);
        } else {
            let rows: Vec<Vec<String>> = item
                .actions
                .iter()
                .map(|a| {
                    vec![
                        format!("{} {}", a.id, a.title),
                        a.institutions.clone(),
                        a.dates.clone(),
                        a.status.clone(),
                    ]
                })
                .collect();
            self.table(&[&l.action, &l.institutions, &l.dates, &l.status], &rows);
        }
        if !item.indicators.is_empty() {
            self.paragraph(Some("Heading3"), &l.indicators, false);
            let rows: Vec<Vec<String>> = item
                .indicators
                .iter()
                .map(|i| vec![i.name.clone(), i.latest.clone(), i.target.clone()])
                .collect();
            self.table(&[&l.indicator, &l.latest_value, &l.target], &rows);
        }
    }

    fn paragraph(&mut self, style: Option<&str>, text: &str, bold: bool) {
        self.body.push_str(&self.paragraph_xml(style, text, bold));
    }

    /// A paragraph whose text may be in another language than the document's (a missing
    /// translation): its runs carry that language and direction.
    fn foreign_paragraph(
        &mut self,
        style: Option<&str>,
        text: &str,
        other: Option<&OtherLanguage>,
    ) {
        let Some(other) = other else {
            return self.paragraph(style, text, false);
        };
        let style = style
            .map(|s| format!("<w:pStyle w:val=\"{s}\"/>"))
            .unwrap_or_default();
        let (bidi, rtl) = if other.rtl {
            ("<w:bidi/>", "<w:rtl/>")
        } else {
            ("", "")
        };
        let lang = esc(&other.lang);
        let lang = if other.rtl {
            format!("<w:lang w:bidi=\"{lang}\"/>")
        } else {
            format!("<w:lang w:val=\"{lang}\"/>")
        };
        self.body.push_str(&format!(
            "<w:p><w:pPr>{style}{bidi}</w:pPr><w:r><w:rPr>{rtl}{lang}</w:rPr><w:t xml:space=\"preserve\">{}</w:t></w:r></w:p>",
            esc(text)
        ));
    }

    fn paragraph_xml(&self, style: Option<&str>, text: &str, bold: bool) -> String {
        let style = style
            .map(|s| format!("<w:pStyle w:val=\"{s}\"/>"))
            .unwrap_or_default();
        let bidi = if self.rtl { "<w:bidi/>" } else { "" };
        let mut run = String::new();
        if bold {
            run.push_str("<w:b/><w:bCs/>");
        }
        if self.rtl {
            run.push_str("<w:rtl/>");
        }
        format!(
            "<w:p><w:pPr>{style}{bidi}</w:pPr><w:r><w:rPr>{run}</w:rPr><w:t xml:space=\"preserve\">{}</w:t></w:r></w:p>",
            esc(text)
        )
    }

    /// A full-width table whose first row repeats on every page.
    fn table(&mut self, head: &[&String], rows: &[Vec<String>]) {
        let columns = head.len();
        let width = TEXT_WIDTH / columns;
        let mut xml = format!(
            "<w:tbl><w:tblPr><w:tblStyle w:val=\"TableGrid\"/><w:tblW w:w=\"5000\" w:type=\"pct\"/>{}<w:tblLook w:val=\"04A0\" w:firstRow=\"1\" w:lastRow=\"0\" w:firstColumn=\"1\" w:lastColumn=\"0\" w:noHBand=\"0\" w:noVBand=\"1\"/></w:tblPr><w:tblGrid>",
            if self.rtl { "<w:bidiVisual/>" } else { "" }
        );
        for _ in 0..columns {
            xml.push_str(&format!("<w:gridCol w:w=\"{width}\"/>"));
        }
        xml.push_str("</w:tblGrid>");
        xml.push_str("<w:tr><w:trPr><w:tblHeader/></w:trPr>");
        for cell in head {
            xml.push_str(&self.cell(cell, width, true));
        }
        xml.push_str("</w:tr>");
        for row in rows {
            xml.push_str("<w:tr>");
            for cell in row {
                xml.push_str(&self.cell(cell, width, false));
            }
            xml.push_str("</w:tr>");
        }
        xml.push_str("</w:tbl>");
        self.body.push_str(&xml);
        // Word needs a paragraph between two tables and after the last one.
        self.body.push_str("<w:p/>");
    }

    fn cell(&self, text: &str, width: usize, bold: bool) -> String {
        format!(
            "<w:tc><w:tcPr><w:tcW w:w=\"{width}\" w:type=\"dxa\"/></w:tcPr>{}</w:tc>",
            self.paragraph_xml(None, text, bold)
        )
    }

    fn finish(self, report: &Report) -> String {
        let bidi = if report.rtl { "<w:bidi/>" } else { "" };
        format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document xmlns:w=\"{W}\"><w:body>{}<w:sectPr>{SECTION}{bidi}</w:sectPr></w:body></w:document>",
            self.body
        )
    }
}
