//! Turns a request target into a path inside the site, or says why it cannot be one.

use percent_encoding::percent_decode_str;

/// Why a request target names no file of the site.
#[derive(Debug, PartialEq, Eq)]
pub enum BadTarget {
    /// Not origin-form (`/path?query`), a `%` not followed by two hex digits, bytes that are
    /// not UTF-8 once decoded, or a control character.
    Malformed,
    /// A `.` or `..` segment, or a backslash: an attempt to leave the output folder.
    Traversal,
}

/// The decoded segments of a request path, each a plain file or folder name.
#[derive(Debug, PartialEq, Eq)]
pub struct SitePath {
    pub segments: Vec<String>,
    /// The path ended with `/` (a folder's index page was asked for).
    pub trailing_slash: bool,
}

/// Decodes `target` (as sent on the request line) once, strictly.
pub fn decode(target: &str) -> Result<SitePath, BadTarget> {
    let path = target.split(['?', '#']).next().unwrap_or_default();
    if !path.starts_with('/') {
        return Err(BadTarget::Malformed);
    }
    if !well_formed_escapes(path) {
        return Err(BadTarget::Malformed);
    }
    let decoded = percent_decode_str(path)
        .decode_utf8()
        .map_err(|_| BadTarget::Malformed)?;
    if decoded.chars().any(char::is_control) {
        return Err(BadTarget::Malformed);
    }
    // Checked after decoding, so `%2e%2e`, `%2f` and `%5c` are caught like their plain forms.
    if decoded.contains('\\') {
        return Err(BadTarget::Traversal);
    }
    let mut segments = Vec::new();
    for segment in decoded.split('/').filter(|s| !s.is_empty()) {
        if segment == "." || segment == ".." || segment.contains(':') {
            return Err(BadTarget::Traversal);
        }
        segments.push(segment.to_string());
    }
    Ok(SitePath {
        segments,
        trailing_slash: decoded.ends_with('/'),
    })
}

/// Every `%` starts an escape of exactly two hex digits.
fn well_formed_escapes(path: &str) -> bool {
    let bytes = path.as_bytes();
    bytes.iter().enumerate().all(|(i, &b)| {
        b != b'%'
            || (bytes.get(i + 1).is_some_and(u8::is_ascii_hexdigit)
                && bytes.get(i + 2).is_some_and(u8::is_ascii_hexdigit))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn segments(target: &str) -> Vec<String> {
        decode(target).expect("a valid target").segments
    }

    #[test]
    fn escapes_are_decoded_once() {
        assert_eq!(segments("/a%20b/c.html?q=1"), ["a b", "c.html"]);
        assert_eq!(segments("/fr/%C3%A9t%C3%A9/"), ["fr", "été"]);
        // Double encoding decodes to a literal `%2e%2e` name, which is not `..`.
        assert_eq!(segments("/%252e%252e/x"), ["%2e%2e", "x"]);
        assert!(decode("/en/").unwrap().trailing_slash);
    }

    #[test]
    fn malformed_escapes_and_bytes_are_refused() {
        for target in [
            "/%aé",
            "/%",
            "/100%",
            "/%zz",
            "/%c3",
            "/%ff",
            "/%00",
            "/a%0d%0ab",
            "*",
        ] {
            assert_eq!(decode(target), Err(BadTarget::Malformed), "{target}");
        }
    }

    #[test]
    fn traversal_in_every_encoding_is_refused() {
        for target in [
            "/../etc/passwd",
            "/a/../../b",
            "/%2e%2e/etc/passwd",
            "/%2E%2E%2Fetc%2Fpasswd",
            "/..%2fetc",
            "/.%2e/x",
            "/..\\etc",
            "/%5c..%5cetc",
            "/./x",
            "/C:/Windows",
        ] {
            assert_eq!(decode(target), Err(BadTarget::Traversal), "{target}");
        }
    }
}
