//! UPR Info database exports: `;`-separated, UTF-8 with BOM, CRLF, header
//! `SuR;Rgrp;Org;Recommendation;RS;Rgrp;Org;Response;Action;Issue;Session`.
//!
//! One row is one recommendation made by one State (`RS`) to the State under review (`SuR`)
//! in one UPR Working Group session; a joint recommendation is one row per recommending
//! State, merged here into one record ([`joint`]). `Rgrp` and `Org` (regional group and organisations,
//! once for each State) and `Action` (UPR Info's 1-5 category of the action asked for) are
//! not imported.

mod choice;
mod export;
mod joint;

use std::path::PathBuf;

use anyhow::Result;

use super::progress::Progress;
use super::states::PortalStates;
use super::{Problems, Record, StateSelection};
use export::Export;
use joint::Joint;

/// Reads several exports as one: a State named with `--state` needs to be in one of them
/// only, and the rows of a joint recommendation merge across files.
pub fn read_all(
    paths: &[PathBuf],
    states: &StateSelection,
    table: &PortalStates,
    problems: &mut Problems,
) -> Result<Vec<Record>> {
    let mut exports = Vec::with_capacity(paths.len());
    for path in paths {
        exports.push(Export::open(path, problems)?);
    }
    let Some(wanted) = choice::choose(&exports, states, table, problems) else {
        return Ok(Vec::new());
    };
    let several = choice::covered(&exports, table)
        .iter()
        .filter(|(key, _)| wanted.takes(key))
        .count()
        > 1;
    let mut joint = Joint::new(several);
    let total = exports.iter().map(|e| e.rows.len()).sum();
    let mut progress = Progress::new("Reading rows", total);
    for export in &exports {
        for row in &export.rows {
            progress.step();
            if !wanted.takes(&table.key(row.state.trim())) {
                problems.filtered += 1;
                continue;
            }
            if let Some(parsed) = joint::parse(export, row, table, several, problems) {
                joint.add(&export.file, parsed);
            }
        }
    }
    Ok(joint.into_records())
}

/// The portal's response id for a UPR response as UPR Info or UHRI write it; `""` for an
/// empty cell (no response recorded), `None` when unknown.
pub fn map_response(raw: &str) -> Option<&'static str> {
    let lower = raw.trim().to_lowercase();
    let compact: String = lower
        .chars()
        .filter(|c| c.is_alphanumeric() || *c == '/')
        .collect();
    Some(match compact.as_str() {
        "" | "pending" | "noresponse" | "responsepending" | "none" => "pending",
        "supported" | "accepted" | "accept" | "support" | "acceptedsupported" => "supported",
        "noted" | "rejected" | "reject" | "note" | "notsupported" | "notaccepted" => "noted",
        "supported/noted" | "supportednoted" | "partiallysupported" | "partiallyaccepted"
        | "supportedinpart" | "acceptedinpart" | "partlysupported" => "supported-in-part",
        _ => return None,
    })
}

/// `24`, `24.0`, `Session 24` or `UPR 24` as a session number.
pub fn parse_session(raw: &str) -> Option<u32> {
    let trimmed = raw.trim();
    let trimmed = trimmed.strip_suffix(".0").unwrap_or(trimmed);
    let digits: String = trimmed
        .chars()
        .skip_while(|c| !c.is_ascii_digit())
        .take_while(char::is_ascii_digit)
        .collect();
    let rest_ok = trimmed
        .chars()
        .skip_while(|c| !c.is_ascii_digit())
        .skip_while(char::is_ascii_digit)
        .all(char::is_whitespace);
    if digits.is_empty() || !rest_ok {
        return None;
    }
    digits.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn responses_map_to_the_portal_scale() {
        assert_eq!(map_response("Supported"), Some("supported"));
        assert_eq!(map_response(" noted "), Some("noted"));
        assert_eq!(map_response("Supported/Noted"), Some("supported-in-part"));
        assert_eq!(map_response(""), Some("pending"));
        assert_eq!(map_response("maybe"), None);
    }

    #[test]
    fn sessions_are_read_from_common_spellings() {
        assert_eq!(parse_session("24"), Some(24));
        assert_eq!(parse_session("24.0"), Some(24));
        assert_eq!(parse_session("Session 10"), Some(10));
        assert_eq!(parse_session("10th"), None);
        assert_eq!(parse_session(""), None);
    }
}
