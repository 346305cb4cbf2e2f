//! UHRI records as JSON: an array (alone or as the first array inside a top-level object,
//! read as a stream), or JSON Lines (one object a line). Keys are matched as spreadsheet
//! columns are; texts come in `Text` (in the `--lang` language), in a `Text` object keyed
//! by language, or under language-code keys (`en`, `fr`, ...).

use std::fmt;
use std::io::{BufRead, BufReader};
use std::path::Path;

use anyhow::{Context, Result};
use serde::de::{DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value};

use super::labels::IdValues;
use super::{Cell, Field, UhriRow, field_of, number_text};
use crate::import::Problems;

/// The six UN languages, accepted as keys holding a record's text in that language.
pub const TEXT_LANGUAGES: [&str; 6] = ["en", "fr", "es", "ar", "ru", "zh"];

/// Reads a `.json` file: the records and the ids they give without labels.
pub fn read_array(
    path: &Path,
    file: &str,
    ids: &mut IdValues,
    problems: &mut Problems,
) -> Result<Vec<UhriRow>> {
    let reader =
        BufReader::new(std::fs::File::open(path).with_context(|| format!("cannot read {file}"))?);
    let mut deserializer = serde_json::Deserializer::from_reader(reader);
    let mut collected = Collected {
        rows: Vec::new(),
        not_objects: Vec::new(),
        count: 0,
        ids,
    };
    let result = Records(&mut collected)
        .deserialize(&mut deserializer)
        .and_then(|()| deserializer.end());
    if let Err(error) = result {
        problems.fatal.error_with_help(
            file,
            error.line() as u64,
            error.column() as u64,
            format!("this is not readable JSON: {error}"),
            "give the JSON file as exported from the Universal Human Rights Index (an array of records), or JSON Lines as .jsonl",
        );
        return Ok(Vec::new());
    }
    for number in collected.not_objects {
        problems.row(file, number, 0, format!("record {number} is not an object"));
    }
    Ok(collected.rows)
}

/// Reads a `.jsonl` file: one record a line; blank lines are skipped, a line that is not a
/// JSON object is a row problem.
pub fn read_lines(
    path: &Path,
    file: &str,
    ids: &mut IdValues,
    problems: &mut Problems,
) -> Result<Vec<UhriRow>> {
    let reader =
        BufReader::new(std::fs::File::open(path).with_context(|| format!("cannot read {file}"))?);
    let mut rows = Vec::new();
    for (index, line) in reader.lines().enumerate() {
        let number = index as u64 + 1;
        let line = line.with_context(|| format!("cannot read {file} line {number}"))?;
        let line = line.trim_start_matches('\u{FEFF}').trim();
        if line.is_empty() {
            continue;
        }
        match serde_json::from_str::<Value>(line) {
            Ok(Value::Object(object)) => rows.push(json_row(number, object, ids)),
            Ok(_) => problems.row(file, number, 1, "this line is not a JSON object"),
            Err(error) => problems.row(
                file,
                number,
                error.column() as u64,
                format!("this line is not readable JSON: {error}"),
            ),
        }
    }
    Ok(rows)
}

struct Collected<'a> {
    rows: Vec<UhriRow>,
    not_objects: Vec<u64>,
    count: u64,
    ids: &'a mut IdValues,
}

impl Collected<'_> {
    fn push(&mut self, value: Value) {
        self.count += 1;
        let Value::Object(object) = value else {
            self.not_objects.push(self.count);
            return;
        };
        self.rows.push(json_row(self.count, object, self.ids));
    }
}

/// The list of records: the top-level array, or the first array inside a top-level object.
struct Records<'a, 'b>(&'a mut Collected<'b>);

impl<'de> DeserializeSeed<'de> for Records<'_, '_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Records<'_, '_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a list of UHRI records")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while let Some(value) = seq.next_element::<Value>()? {
            self.0.push(value);
        }
        Ok(())
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let mut found = false;
        while map.next_key::<String>()?.is_some() {
            if found {
                map.next_value::<IgnoredAny>()?;
            } else {
                found = map.next_value_seed(MaybeRecords(self.0))?;
            }
        }
        Ok(())
    }
}

/// A value inside the top-level object: records when it is an array, else ignored.
struct MaybeRecords<'a, 'b>(&'a mut Collected<'b>);

impl<'de> DeserializeSeed<'de> for MaybeRecords<'_, '_> {
    type Value = bool;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<bool, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for MaybeRecords<'_, '_> {
    type Value = bool;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<bool, A::Error> {
        Records(self.0).visit_seq(seq)?;
        Ok(true)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<bool, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(false)
    }

    fn visit_str<E>(self, _: &str) -> Result<bool, E> {
        Ok(false)
    }
    fn visit_string<E>(self, _: String) -> Result<bool, E> {
        Ok(false)
    }
    fn visit_bool<E>(self, _: bool) -> Result<bool, E> {
        Ok(false)
    }
    fn visit_i64<E>(self, _: i64) -> Result<bool, E> {
        Ok(false)
    }
    fn visit_u64<E>(self, _: u64) -> Result<bool, E> {
        Ok(false)
    }
    fn visit_f64<E>(self, _: f64) -> Result<bool, E> {
        Ok(false)
    }
    fn visit_unit<E>(self) -> Result<bool, E> {
        Ok(false)
    }
}

/// The language a key names a text in: `en`, `textFr`, `text_es`.
fn text_language(key: &str) -> Option<&'static str> {
    let lower: String = key
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect::<String>()
        .to_lowercase();
    let code = lower.strip_prefix("text").unwrap_or(&lower);
    TEXT_LANGUAGES.iter().find(|l| **l == code).copied()
}

fn json_row(number: u64, object: Map<String, Value>, ids: &mut IdValues) -> UhriRow {
    let mut row = UhriRow {
        line: number,
        keys: Some(object.keys().cloned().collect()),
        ..UhriRow::default()
    };
    let mut given_as_ids = Vec::new();
    for (key, value) in object {
        if let Some(lang) = text_language(&key) {
            if let Some(text) = json_text(value) {
                row.texts.push((Some(lang.to_string()), text));
            }
            continue;
        }
        match field_of(&key) {
            Some((Field::Text, _)) => match value {
                Value::Object(by_language) => {
                    for (lang, text) in by_language {
                        if let Some(text) = json_text(text) {
                            row.texts.push((Some(lang), text));
                        }
                    }
                }
                other => row.texts.push((None, json_text(other).unwrap_or_default())),
            },
            Some((field, true)) => given_as_ids.push((field, key, json_cell(value).list())),
            Some((field, false)) => row.set(field, json_cell(value)),
            None => {}
        }
    }
    // Ids stand in only where the record gives no names for the field.
    for (field, key, values) in given_as_ids {
        if row.is_empty(field) {
            let named = values.iter().map(|id| ids.name(field, &key, id)).collect();
            row.set(field, Cell::List(named));
        }
    }
    row
}

fn json_cell(value: Value) -> Cell {
    match value {
        Value::Array(items) => Cell::List(items.into_iter().filter_map(json_text).collect()),
        other => Cell::Text(json_text(other).unwrap_or_default()),
    }
}

/// A JSON value as text; objects give their name-like field.
pub fn json_text(value: Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s),
        Value::Number(n) => Some(match n.as_f64() {
            Some(f) if n.is_f64() => number_text(f),
            _ => n.to_string(),
        }),
        Value::Bool(b) => Some(b.to_string()),
        Value::Array(items) => items.into_iter().find_map(json_text),
        Value::Object(mut object) => ["Name", "name", "Title", "title", "Text", "text", "Value"]
            .iter()
            .find_map(|k| object.remove(*k))
            .and_then(json_text),
        Value::Null => None,
    }
}
