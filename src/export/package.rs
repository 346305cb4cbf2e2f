//! Writing the exported tables: CSV safe for spreadsheets, JSON, and the Frictionless Data
//! Package that describes them, with sizes and hashes.

use std::io::Write;
use std::path::Path;

use anyhow::{Context, Result};
use serde_json::{Map, Value, json};
use sha2::{Digest, Sha256};

use super::columns::*;
use super::tables::tables;
use super::tables::{DATA_DIR, JSON_FILE, PACKAGE_FILE};
use crate::model::*;
use crate::site::Site;
/// The CSV header of a table: translated fields become `{name}_{lang}` for every language.
pub fn csv_header(table: &ExportTable, languages: &[&str]) -> Vec<String> {
    let mut header = Vec::new();
    for field in table.fields {
        if field.translated {
            header.extend(languages.iter().map(|l| format!("{}_{l}", field.name)));
        } else {
            header.push(field.name.to_string());
        }
    }
    header
}

/// A text cell made safe for spreadsheets: one that starts with `=`, `+`, `-`, `@`, a tab or
/// a carriage return is prefixed with `'` so that it is never run as a formula (OWASP, CSV
/// injection).
pub fn spreadsheet_safe(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_string()
    }
}

pub(super) fn number_text(n: f64) -> String {
    format!("{n}")
}

/// The CSV cells of one row.
pub fn csv_cells(table: &ExportTable, row: Vec<Cell>, languages: &[&str]) -> Vec<String> {
    let mut out = Vec::with_capacity(row.len() + languages.len());
    for (field, cell) in table.fields.iter().zip(row) {
        if field.translated {
            let translations = match cell {
                Cell::Translations(t) => t,
                _ => Text::default(),
            };
            for lang in languages {
                out.push(
                    translations
                        .0
                        .get(*lang)
                        .map(|t| spreadsheet_safe(t))
                        .unwrap_or_default(),
                );
            }
            continue;
        }
        out.push(match cell {
            Cell::Empty => String::new(),
            Cell::Text(t) => spreadsheet_safe(&t),
            Cell::List(values) => spreadsheet_safe(&values.join("|")),
            Cell::Date(date) => date.to_string(),
            Cell::Integer(n) => n.to_string(),
            Cell::Number(n) => number_text(n),
            Cell::Boolean(b) => b.to_string(),
            Cell::Translations(_) => String::new(),
        });
    }
    out
}

/// One row as a JSON object: translations as `{lang: text}`, lists as arrays, empty as null.
pub fn json_row(table: &ExportTable, row: Vec<Cell>) -> Value {
    let mut object = Map::new();
    for (field, cell) in table.fields.iter().zip(row) {
        let value = match cell {
            Cell::Empty => Value::Null,
            Cell::Text(t) => Value::String(t),
            Cell::List(values) => Value::Array(values.into_iter().map(Value::String).collect()),
            Cell::Date(date) => Value::String(date.to_string()),
            Cell::Integer(n) => json!(n),
            Cell::Number(n) => json!(n),
            Cell::Boolean(b) => Value::Bool(b),
            Cell::Translations(t) => translations(&t),
        };
        object.insert(field.name.to_string(), value);
    }
    Value::Object(object)
}

/// A translated text as a JSON object `{lang: text}`.
pub fn translations(text: &Text) -> Value {
    Value::Object(
        text.0
            .iter()
            .map(|(lang, t)| (lang.clone(), Value::String(t.clone())))
            .collect(),
    )
}

/// Counts and hashes what goes through it.
struct Hashing<W: Write> {
    inner: W,
    hasher: Sha256,
    bytes: u64,
}

impl<W: Write> Write for Hashing<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.hasher.update(&buf[..n]);
        self.bytes += n as u64;
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

/// A written file: its path below the site root, size and SHA-256.
#[derive(Debug, Clone)]
pub struct Written {
    pub path: String,
    pub bytes: u64,
    pub sha256: String,
}

fn create(out_dir: &Path, path: &str) -> Result<Hashing<std::io::BufWriter<std::fs::File>>> {
    let full = out_dir.join(path);
    if let Some(parent) = full.parent() {
        std::fs::create_dir_all(parent)
            .with_context(|| format!("cannot create {}", parent.display()))?;
    }
    let file = std::fs::File::create(&full).with_context(|| format!("cannot write {path}"))?;
    Ok(Hashing {
        inner: std::io::BufWriter::with_capacity(1 << 16, file),
        hasher: Sha256::new(),
        bytes: 0,
    })
}

fn finish(path: String, mut writer: Hashing<std::io::BufWriter<std::fs::File>>) -> Result<Written> {
    writer
        .flush()
        .with_context(|| format!("cannot write {path}"))?;
    let digest = writer.hasher.finalize();
    let sha256 = digest.iter().map(|b| format!("{b:02x}")).collect();
    Ok(Written {
        path,
        bytes: writer.bytes,
        sha256,
    })
}

/// Writes `data/{table}.csv` for every table, `data/docket.json` and `data/datapackage.json`.
/// Returns what was written, the data package first, then the JSON file, then the tables.
pub fn write(site: &Site, out_dir: &Path) -> Result<Vec<Written>> {
    let d = site.data;
    let languages: Vec<&str> = d.config.language_codes().collect();
    let tables = tables(site);
    let mut written = Vec::new();
    for table in &tables {
        let path = format!("{DATA_DIR}/{}.csv", table.name);
        let writer = create(out_dir, &path)?;
        let mut csv = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .from_writer(writer);
        csv.write_record(csv_header(table, &languages))?;
        for i in 0..table.count {
            csv.write_record(csv_cells(table, (table.row)(i), &languages))?;
        }
        let writer = csv
            .into_inner()
            .map_err(|e| anyhow::anyhow!("cannot write {path}: {}", e.error()))?;
        written.push(finish(path, writer)?);
    }
    let json_path = format!("{DATA_DIR}/{JSON_FILE}");
    let mut writer = create(out_dir, &json_path)?;
    writer.write_all(b"{\"portal\":")?;
    serde_json::to_writer(&mut writer, &portal_json(site))?;
    writer.write_all(b",\"tables\":{")?;
    for (n, table) in tables.iter().enumerate() {
        if n > 0 {
            writer.write_all(b",")?;
        }
        serde_json::to_writer(&mut writer, table.name)?;
        writer.write_all(b":[")?;
        for i in 0..table.count {
            if i > 0 {
                writer.write_all(b",")?;
            }
            serde_json::to_writer(&mut writer, &json_row(table, (table.row)(i)))?;
        }
        writer.write_all(b"]")?;
    }
    writer.write_all(b"}}\n")?;
    let json_file = finish(json_path, writer)?;
    let package = datapackage(site, &tables, &written, &json_file, &languages);
    let package_path = format!("{DATA_DIR}/{PACKAGE_FILE}");
    let mut writer = create(out_dir, &package_path)?;
    serde_json::to_writer_pretty(&mut writer, &package)?;
    writer.write_all(b"\n")?;
    let package_file = finish(package_path, writer)?;
    let mut all = vec![package_file, json_file];
    all.append(&mut written);
    Ok(all)
}

/// The portal's settings that explain the data: title, languages, status scale, as-of date.
pub fn portal_json(site: &Site) -> Value {
    let config = &site.data.config;
    json!({
        "title": config.title,
        "tagline": config.tagline,
        "base_url": site.absolute(""),
        "as_of": site.data.as_of.to_string(),
        "default_language": config.default_language,
        "languages": config.languages.iter().map(|l| json!({
            "code": l.code,
            "name": l.name,
            "dir": l.dir.as_str(),
        })).collect::<Vec<_>>(),
    })
}

pub(super) fn kind_name(kind: Kind) -> (&'static str, Option<&'static str>) {
    match kind {
        Kind::String | Kind::List => ("string", None),
        Kind::Date => ("date", None),
        Kind::Integer => ("integer", None),
        Kind::Number => ("number", None),
        Kind::Boolean => ("boolean", None),
        Kind::Uri => ("string", Some("uri")),
    }
}

/// The Frictionless Data Package: one tabular data resource per CSV file, with its schema.
pub(super) fn datapackage(
    site: &Site,
    tables: &[ExportTable],
    csv_files: &[Written],
    json_file: &Written,
    languages: &[&str],
) -> Value {
    let config = &site.data.config;
    let title = config
        .title
        .get(&config.default_language)
        .cloned()
        .unwrap_or_default();
    let mut resources = Vec::new();
    for (table, file) in tables.iter().zip(csv_files) {
        resources.push(json!({
            "profile": "tabular-data-resource",
            "name": table.name,
            "title": table.title,
            "path": file.path.strip_prefix(&format!("{DATA_DIR}/")).unwrap_or(&file.path),
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "bytes": file.bytes,
            "hash": format!("sha256:{}", file.sha256),
            "dialect": {"delimiter": ",", "lineTerminator": "\r\n", "quoteChar": "\"", "doubleQuote": true, "header": true},
            "schema": table_schema(table, languages),
        }));
    }
    resources.push(json!({
        "profile": "data-resource",
        "name": "docket",
        "title": "Every table in one JSON file",
        "path": JSON_FILE,
        "format": "json",
        "mediatype": "application/json",
        "encoding": "utf-8",
        "bytes": json_file.bytes,
        "hash": format!("sha256:{}", json_file.sha256),
    }));
    let name = {
        let slug = crate::slug::slugify(&title);
        if slug.is_empty() {
            "docket-portal".to_string()
        } else {
            slug
        }
    };
    json!({
        "profile": "data-package",
        "name": name,
        "title": title,
        "description": config.tagline.get(&config.default_language),
        "homepage": site.absolute(""),
        "created": format!("{}T00:00:00Z", site.data.as_of),
        "version": site.data.as_of.to_string(),
        "keywords": ["human rights", "recommendations", "follow-up"],
        "licenses": config.license.iter().map(|l| json!({"name": l.name, "title": l.title, "path": l.url})).collect::<Vec<_>>(),
        "resources": resources,
    })
}

/// A table's fields as Table Schema fields: one per language for translated ones.
fn schema_fields(table: &ExportTable, languages: &[&str]) -> Vec<Value> {
    let mut fields = Vec::new();
    for field in table.fields {
        let (kind, format) = kind_name(field.kind);
        let names: Vec<(String, String)> = if field.translated {
            languages
                .iter()
                .map(|l| {
                    (
                        format!("{}_{l}", field.name),
                        format!("{} ({l})", field.description),
                    )
                })
                .collect()
        } else {
            vec![(field.name.to_string(), field.description.to_string())]
        };
        for (name, description) in names {
            let mut object = Map::new();
            object.insert("name".into(), Value::String(name));
            object.insert("type".into(), Value::String(kind.into()));
            if let Some(format) = format {
                object.insert("format".into(), Value::String(format.into()));
            }
            object.insert("description".into(), Value::String(description));
            if field.required {
                object.insert("constraints".into(), json!({"required": true}));
            }
            fields.push(Value::Object(object));
        }
    }
    fields
}

/// A table's Table Schema: its fields, missing values, primary and foreign keys.
fn table_schema(table: &ExportTable, languages: &[&str]) -> Value {
    let fields = schema_fields(table, languages);
    let mut schema = Map::new();
    schema.insert("fields".into(), Value::Array(fields));
    schema.insert("missingValues".into(), json!([""]));
    if let Some(key) = table.primary_key {
        schema.insert("primaryKey".into(), json!(key));
    }
    if !table.foreign_keys.is_empty() {
        schema.insert(
            "foreignKeys".into(),
            Value::Array(
                table
                    .foreign_keys
                    .iter()
                    .map(|(field, resource, target)| {
                        json!({"fields": field, "reference": {"resource": resource, "fields": target}})
                    })
                    .collect(),
            ),
        );
    }
    Value::Object(schema)
}
