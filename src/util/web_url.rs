//! The one type every URL from data, config or the command line takes before it is published.
//!
//! A [`WebUrl`] is an absolute `http://` or `https://` address with a host and nothing a
//! browser could read as script, markup or a second attribute. Templates, feeds, the sitemap,
//! `robots.txt` and `_redirects` only ever receive its string form, so a `javascript:` link
//! from a spreadsheet cannot reach a page.

use std::fmt;

use serde::{Deserialize, Serialize};

/// What to write instead, shown under every URL problem.
pub const URL_HELP: &str = "write an absolute web address such as https://example.org/report.pdf; \
     only http:// and https:// links are published";

/// Separates a problem from its help in a parser's one-string error; split again by the
/// code that turns the error into a diagnostic.
pub const HELP_SEPARATOR: &str = "\n  help: ";

/// An absolute http(s) URL, checked by [`WebUrl::parse`].
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct WebUrl(String);

/// Why a text is not a [`WebUrl`]: one sentence, quoting the offending part.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UrlProblem(pub String);

impl fmt::Display for UrlProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl WebUrl {
    /// Accepts `http://host[:port][/path][?query][#fragment]` (scheme in any case) and
    /// nothing else.
    pub fn parse(raw: &str) -> Result<WebUrl, UrlProblem> {
        let shown = printable(raw);
        if let Some(c) = raw.chars().find(|&c| is_invisible(c)) {
            return Err(UrlProblem(format!(
                "`{shown}` contains the invisible character U+{:04X}",
                c as u32
            )));
        }
        if let Some(c) = raw.chars().find(|&c| is_forbidden(c)) {
            let what = if c.is_whitespace() {
                "a space".to_string()
            } else {
                format!("`{c}`")
            };
            return Err(UrlProblem(format!(
                "`{shown}` contains {what}, which a web address cannot hold unencoded (a space is %20)"
            )));
        }
        let Some((scheme, rest)) = raw.split_once("://") else {
            return Err(match raw.split_once(':') {
                Some((scheme, _)) if !scheme.contains('/') && !scheme.is_empty() => UrlProblem(
                    format!("`{shown}` is a `{scheme}:` link, which is never published"),
                ),
                _ => UrlProblem(format!("`{shown}` is not an absolute web address")),
            });
        };
        if !(scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https")) {
            return Err(UrlProblem(format!(
                "`{shown}` is a `{scheme}:` link, which is never published"
            )));
        }
        let authority_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
        check_authority(&rest[..authority_end])
            .map_err(|why| UrlProblem(format!("`{shown}` {why}")))?;
        Ok(WebUrl(raw.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for WebUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl AsRef<str> for WebUrl {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl Serialize for WebUrl {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

/// In config files: the parser reports a bad URL at the value's exact span.
impl<'de> Deserialize<'de> for WebUrl {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let raw = String::deserialize(deserializer)?;
        WebUrl::parse(&raw).map_err(|problem| {
            serde::de::Error::custom(format!("{problem}{HELP_SEPARATOR}{URL_HELP}"))
        })
    }
}

/// Host and optional port; no user name (`https://bank.example@evil.example/` misleads).
fn check_authority(authority: &str) -> Result<(), String> {
    if authority.is_empty() {
        return Err("has no host name after the scheme".into());
    }
    if authority.contains('@') {
        return Err("contains a user name before `@`, which hides the real host".into());
    }
    let (host, port) = match authority.strip_prefix('[') {
        Some(v6) => {
            let (address, after) = v6.split_once(']').ok_or("has an unclosed `[`")?;
            if address.is_empty()
                || !address
                    .chars()
                    .all(|c| c.is_ascii_hexdigit() || c == ':' || c == '.')
            {
                return Err("has a malformed IPv6 host".into());
            }
            (address, after.strip_prefix(':'))
        }
        None => match authority.rsplit_once(':') {
            Some((host, port)) => (host, Some(port)),
            None => (authority, None),
        },
    };
    if let Some(port) = port {
        if port.is_empty()
            || port.len() > 5
            || !port.bytes().all(|b| b.is_ascii_digit())
            || port.parse::<u32>().is_ok_and(|p| p > 65535)
        {
            return Err(format!("has `{port}` where a port number should be"));
        }
    }
    if !authority.starts_with('[') {
        let labels = host.strip_suffix('.').unwrap_or(host);
        let valid = !labels.is_empty()
            && labels.split('.').all(|label| {
                !label.is_empty() && label.chars().all(|c| c.is_alphanumeric() || c == '-')
            });
        if !valid {
            return Err(format!(
                "has `{host}` where a host name such as example.org should be"
            ));
        }
    }
    Ok(())
}

/// Characters never allowed unencoded: spaces, quotes, markup and the `|` list separator.
fn is_forbidden(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '"' | '\'' | '<' | '>' | '`' | '\\' | '{' | '}' | '|' | '^'
        )
}

/// Control and format characters: they hide a scheme (`java\tscript:`) or reorder text.
fn is_invisible(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{00AD}' | '\u{061C}' | '\u{180E}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
}

/// The text with control characters shown as escapes, for messages.
fn printable(raw: &str) -> String {
    raw.chars()
        .flat_map(|c| {
            if is_invisible(c) {
                c.escape_unicode().collect::<Vec<_>>()
            } else {
                vec![c]
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_absolute_http_and_https_addresses() {
        for ok in [
            "https://example.org",
            "https://example.org/",
            "HTTPS://Example.org/a/b?c=d&e=f#g",
            "http://localhost:1111/",
            "https://[2001:db8::1]:8443/x",
            "https://www.ohchr.org/en/hr-bodies/upr/ma-index",
            "https://bücher.example/ä%20b",
            "https://example.org./path",
        ] {
            assert!(WebUrl::parse(ok).is_ok(), "{ok} should be accepted");
        }
    }

    #[test]
    fn rejects_script_data_and_other_schemes_however_written() {
        for bad in [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            "java\tscript:alert(1)",
            "java\nscript:alert(1)",
            "\u{1}javascript:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "vbscript:msgbox",
            "file:///etc/passwd",
            "ftp://example.org/",
            "mailto:someone@example.org",
            "//evil.example/",
            "/relative/path",
            "example.org",
            "http://",
            "https:///path",
            "https://exa mple.org/",
            "https://example.org/a b",
            "https://example.org/\"onmouseover=\"alert(1)",
            "https://example.org/'x",
            "https://example.org/<script>",
            "https://example.org/>",
            "https://example.org/`",
            "https://user@evil.example/",
            "https://example.org:99999/",
            "https://example.org:ab/",
            "https://exa_mple.org/",
            "https://example.org/\u{202E}fdp.exe",
            "https://example.org/\u{0}",
            "",
        ] {
            assert!(WebUrl::parse(bad).is_err(), "{bad:?} should be refused");
        }
    }

    #[test]
    fn names_the_scheme_it_refuses_and_shows_hidden_characters() {
        let problem = WebUrl::parse("JaVaScRiPt:alert(1)").unwrap_err();
        assert!(problem.0.contains("`JaVaScRiPt:` link"), "{problem}");
        let problem = WebUrl::parse("java\tscript:x").unwrap_err();
        assert!(problem.0.contains("U+0009"), "{problem}");
        assert!(problem.0.contains("\\u{9}"), "{problem}");
    }

    #[test]
    fn serialises_as_its_plain_string() {
        let url = WebUrl::parse("https://example.org/a?b=c").unwrap();
        assert_eq!(
            serde_json::to_string(&url).unwrap(),
            "\"https://example.org/a?b=c\""
        );
    }
}
