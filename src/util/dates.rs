//! Dates as portals write them.

use chrono::NaiveDate;

/// A `YYYY-MM-DD` date, exactly ten characters; anything else is `None`.
pub fn parse_date(raw: &str) -> Option<NaiveDate> {
    let bytes = raw.as_bytes();
    if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
        return None;
    }
    NaiveDate::parse_from_str(raw, "%Y-%m-%d").ok()
}
