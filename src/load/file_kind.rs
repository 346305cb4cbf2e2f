//! Recognises files saved under a `.csv` name that are not UTF-8 CSV, so that they get one
//! clear message (what they are, how to re-save them) instead of a cascade of cell errors.

/// How to re-save a sheet so Docket can read it.
pub const RESAVE_HELP: &str = "open it in your spreadsheet program and save it again as \
     \"CSV UTF-8 (comma delimited)\" (Excel) or as Text CSV with character set \"Unicode (UTF-8)\" \
     (LibreOffice)";

/// What a file that is not UTF-8 text is, when it can be told from its first bytes.
pub fn not_text(bytes: &[u8]) -> Option<String> {
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        return Some(
            "this file is UTF-16 \"Unicode text\" (with a byte order mark), not UTF-8".into(),
        );
    }
    if let Some(kind) = binary_signature(bytes) {
        return Some(format!(
            "this is {kind} saved under a .csv name, not a CSV file"
        ));
    }
    let head = &bytes[..bytes.len().min(4096)];
    let nul_at = |parity: usize| {
        head.iter()
            .enumerate()
            .filter(|&(i, &b)| i % 2 == parity && b == 0)
            .count()
    };
    let pairs = head.len() / 2;
    if pairs >= 2 && (nul_at(1) * 10 >= pairs * 8 || nul_at(0) * 10 >= pairs * 8) {
        return Some(
            "this file is UTF-16 \"Unicode text\" (without a byte order mark), not UTF-8".into(),
        );
    }
    let binary = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r'))
        .count();
    if head.len() >= 16 && binary * 10 > head.len() {
        return Some("this is a binary file saved under a .csv name, not a CSV file".into());
    }
    None
}

fn binary_signature(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(b"PK\x03\x04") {
        let head = &bytes[..bytes.len().min(4096)];
        let has = |needle: &[u8]| head.windows(needle.len()).any(|w| w == needle);
        return Some(if has(b"opendocument.spreadsheet") {
            "an OpenDocument spreadsheet (.ods)"
        } else if has(b"xl/") || has(b"[Content_Types].xml") {
            "an Excel workbook (.xlsx)"
        } else {
            "a zip archive"
        });
    }
    [
        (&b"\xD0\xCF\x11\xE0"[..], "an old Excel workbook (.xls)"),
        (b"%PDF", "a PDF document"),
        (b"\x89PNG", "a PNG image"),
        (b"\xFF\xD8\xFF", "a JPEG image"),
        (b"GIF8", "a GIF image"),
        (b"\x1F\x8B", "a gzip archive"),
    ]
    .into_iter()
    .find(|(magic, _)| bytes.starts_with(magic))
    .map(|(_, kind)| kind)
}

/// The message for a cell that is not UTF-8: the file was saved in a legacy encoding.
pub fn legacy_encoding(raw: &[u8]) -> String {
    let bad = std::str::from_utf8(raw)
        .err()
        .map_or(0, |e| e.valid_up_to());
    let byte = raw.get(bad).copied().unwrap_or(0);
    format!(
        "this file is not UTF-8: it looks like Latin-1/Windows-1252 text (byte 0x{byte:02X} here \
         would be `{}` in Windows-1252)",
        windows_1252(byte)
    )
}

/// One byte of Windows-1252 as the character it stands for.
fn windows_1252(byte: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž',
        '\u{8F}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9D}',
        'ž', 'Ÿ',
    ];
    match byte {
        0x80..=0x9F => HIGH[usize::from(byte - 0x80)],
        _ => char::from(byte),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_utf16_with_and_without_bom() {
        let utf16: Vec<u8> = "id,name_en\nA,x\n"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        assert!(
            not_text(&utf16)
                .unwrap()
                .contains("without a byte order mark")
        );
        let mut with_bom = b"\xFF\xFE".to_vec();
        with_bom.extend(&utf16);
        assert!(
            not_text(&with_bom)
                .unwrap()
                .contains("UTF-16 \"Unicode text\" (with")
        );
    }

    #[test]
    fn names_workbooks_and_other_binaries() {
        let xlsx = b"PK\x03\x04\x14\x00\x06\x00[Content_Types].xml";
        assert!(not_text(xlsx).unwrap().contains(".xlsx"));
        let ods = b"PK\x03\x04\x00\x00mimetypeapplication/vnd.oasis.opendocument.spreadsheet";
        assert!(not_text(ods).unwrap().contains(".ods"));
        assert!(not_text(b"%PDF-1.7\n").unwrap().contains("PDF"));
        assert!(not_text(&[1u8, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 14, 15, 16, 17]).is_some());
    }

    #[test]
    fn leaves_text_alone_even_with_a_stray_nul() {
        assert_eq!(not_text(b"id,name_en\nA,x\0y\nB,z\n"), None);
        assert_eq!(not_text("id,name_fr\nA,café\n".as_bytes()), None);
    }

    #[test]
    fn shows_what_a_latin1_byte_was_meant_to_be() {
        assert!(legacy_encoding(b"caf\xe9").contains("`é`"));
        assert!(legacy_encoding(b"\x93quoted\x94").contains("`“`"));
    }
}
