//! Dates as portals write them.

use chrono::{Datelike, NaiveDate};

/// The years a date in data, the as-of date and `SOURCE_DATE_EPOCH` may fall in: wide enough
/// for any record, narrow enough that date arithmetic cannot overflow and typos like 20244
/// cannot go unnoticed.
pub const DATA_YEARS: std::ops::RangeInclusive<i32> = 1900..=2199;

/// True when `date` falls in [`DATA_YEARS`].
pub fn in_data_years(date: NaiveDate) -> bool {
    DATA_YEARS.contains(&date.year())
}

/// A `YYYY-MM-DD` date, exactly ten characters; anything else is `None`.
pub fn parse_date(raw: &str) -> Option<NaiveDate> {
    let bytes = raw.as_bytes();
    if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
        return None;
    }
    NaiveDate::parse_from_str(raw, "%Y-%m-%d").ok()
}
