//! Markdown from data and content files to sanitised HTML.

use pulldown_cmark::{Options, Parser, html};

/// Renders Markdown and removes anything unsafe (scripts, styles, event handlers,
/// `javascript:` links) so that data can never inject code into a page.
pub fn to_safe_html(markdown: &str) -> String {
    let options =
        Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_FOOTNOTES;
    let mut unsafe_html = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut unsafe_html, Parser::new_ext(markdown, options));
    ammonia::Builder::default()
        .link_rel(Some("noopener noreferrer"))
        .clean(&unsafe_html)
        .to_string()
}

/// The first `max` characters of plain text, cut at a word boundary, with an ellipsis.
pub fn excerpt(text: &str, max: usize) -> String {
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= max {
        return flat;
    }
    let cut: String = flat.chars().take(max).collect();
    let cut = match cut.rfind(' ') {
        Some(space) if space > max / 2 => &cut[..space],
        _ => cut.as_str(),
    };
    format!("{}…", cut.trim_end_matches([',', ';', ':', '.', ' ']))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_from_data_cannot_inject_script() {
        let html = to_safe_html(
            "Hello <script>alert(1)</script> [x](javascript:alert(1)) <img src=x onerror=alert(1)>",
        );
        assert!(!html.contains("<script"));
        assert!(!html.contains("javascript:"));
        assert!(!html.contains("onerror"));
        assert!(html.contains("Hello"));
    }

    #[test]
    fn excerpt_cuts_at_a_word() {
        assert_eq!(excerpt("short text", 50), "short text");
        assert_eq!(
            excerpt("Ratify the Optional Protocol to the Convention", 20),
            "Ratify the Optional…"
        );
    }
}
