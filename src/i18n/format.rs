//! Locale number formats (CLDR separators and minimum grouping) for the UN languages and
//! their neighbours. Dates are formatted through the theme's Fluent messages instead.

/// Separators of one locale.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NumberStyle {
    pub group: &'static str,
    pub decimal: &'static str,
    /// Fewest integer digits that get a group separator (CLDR minimumGroupingDigits + 3).
    pub min_digits: usize,
}

pub fn number_style(lang: &str) -> NumberStyle {
    let primary = lang.split('-').next().unwrap_or(lang);
    match primary {
        "fr" => NumberStyle {
            group: "\u{202F}",
            decimal: ",",
            min_digits: 4,
        },
        "ru" | "uk" | "cs" | "sv" | "nb" | "fi" => NumberStyle {
            group: "\u{A0}",
            decimal: ",",
            min_digits: 4,
        },
        "es" | "pl" => NumberStyle {
            group: ".",
            decimal: ",",
            min_digits: 5,
        },
        "pt" | "de" | "it" | "nl" | "id" | "tr" => NumberStyle {
            group: ".",
            decimal: ",",
            min_digits: 4,
        },
        _ => NumberStyle {
            group: ",",
            decimal: ".",
            min_digits: 4,
        },
    }
}

/// Formats a number with at most two decimals, trailing zeros removed.
pub fn format_number(value: f64, lang: &str) -> String {
    let style = number_style(lang);
    let negative = value < 0.0;
    let rounded = (value.abs() * 100.0).round() as u128;
    let (integer, fraction) = (rounded / 100, rounded % 100);
    let digits = integer.to_string();
    let mut out = String::with_capacity(digits.len() + 8);
    if negative && rounded > 0 {
        out.push('-');
    }
    if digits.len() >= style.min_digits {
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 {
                out.push_str(style.group);
            }
            out.push(c);
        }
    } else {
        out.push_str(&digits);
    }
    if fraction > 0 {
        out.push_str(style.decimal);
        let fraction = format!("{fraction:02}");
        out.push_str(fraction.trim_end_matches('0'));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_thousands_the_way_each_locale_writes_them() {
        assert_eq!(format_number(1234567.0, "en"), "1,234,567");
        assert_eq!(format_number(1234.5, "fr"), "1\u{202F}234,5");
        assert_eq!(format_number(1234.0, "es"), "1234");
        assert_eq!(format_number(12345.0, "es"), "12.345");
        assert_eq!(format_number(1234.0, "ru"), "1\u{A0}234");
        assert_eq!(format_number(61.25, "ar"), "61.25");
        assert_eq!(format_number(-3.0, "zh"), "-3");
        assert_eq!(format_number(999.0, "en"), "999");
    }
}
