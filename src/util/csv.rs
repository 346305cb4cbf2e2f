//! What the files Excel and LibreOffice save have in common: CSV delimiters, cell names.

/// `;` when the header line has more semicolons than commas outside quotes, else `,`.
pub fn sniff_delimiter(bytes: &[u8]) -> u8 {
    let (mut commas, mut semicolons, mut quoted) = (0usize, 0usize, false);
    for &b in bytes {
        match b {
            b'"' => quoted = !quoted,
            b'\n' if !quoted => break,
            b',' if !quoted => commas += 1,
            b';' if !quoted => semicolons += 1,
            _ => {}
        }
    }
    if semicolons > commas { b';' } else { b',' }
}

/// `A1` notation of a 1-based row and column: `(42, 7)` is `G42`.
pub fn cell_name(row: u64, column: u64) -> String {
    let mut letters = Vec::new();
    let mut n = column;
    while n > 0 {
        let rem = ((n - 1) % 26) as u8;
        letters.push((b'A' + rem) as char);
        n = (n - 1) / 26;
    }
    letters.reverse();
    format!("{}{row}", letters.into_iter().collect::<String>())
}

/// `data/portal.xlsx [recommendations]`: the workbook and sheet of a table read from a
/// workbook, as its file is named in messages.
pub fn workbook_sheet(file: &str) -> Option<(&str, &str)> {
    let (workbook, rest) = file.split_once(" [")?;
    Some((workbook, rest.strip_suffix(']')?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_cells_as_spreadsheets_do() {
        assert_eq!(cell_name(42, 7), "G42");
        assert_eq!(cell_name(1, 26), "Z1");
        assert_eq!(cell_name(3, 27), "AA3");
        assert_eq!(
            workbook_sheet("data/p.xlsx [themes]"),
            Some(("data/p.xlsx", "themes"))
        );
        assert_eq!(workbook_sheet("data/themes.csv"), None);
    }
}
