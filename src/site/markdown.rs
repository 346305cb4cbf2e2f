//! Markdown from data and content files to sanitised HTML.

use std::collections::HashSet;
use std::sync::LazyLock;

use pulldown_cmark::{Event, LinkType, Options, Parser, Tag, TagEnd, html};

/// Renders Markdown and removes anything unsafe (scripts, styles, event handlers,
/// `javascript:` links) so that data can never inject code into a page. Images from
/// another host become links, so that reading a page requests nothing from other sites.
pub fn to_safe_html(markdown: &str) -> String {
    let options =
        Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_FOOTNOTES;
    let mut unsafe_html = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(
        &mut unsafe_html,
        Parser::new_ext(markdown, options).map(remote_image_as_link()),
    );
    SANITISER.clean(&unsafe_html).to_string()
}

/// What [`to_safe_html`] keeps, set up once: building it is a fair part of cleaning a
/// short text.
static SANITISER: LazyLock<ammonia::Builder<'static>> = LazyLock::new(|| {
    let mut builder = ammonia::Builder::default();
    builder
        .link_rel(Some("noopener noreferrer"))
        .url_schemes(HashSet::from(["http", "https", "mailto"]))
        .attribute_filter(|element, attribute, value| {
            let loads = matches!((element, attribute), ("img", "src" | "srcset"));
            (!(loads && is_absolute(value))).then_some(value.into())
        });
    builder
});

/// Turns `![alt](https://elsewhere/x.png)` into a link whose text is the alt text.
fn remote_image_as_link() -> impl FnMut(Event<'_>) -> Event<'_> {
    let mut open_remote = Vec::new();
    move |event| match event {
        Event::Start(Tag::Image {
            dest_url,
            title,
            id,
            link_type,
        }) => {
            let remote = is_absolute(&dest_url);
            open_remote.push(remote);
            if remote {
                Event::Start(Tag::Link {
                    link_type: LinkType::Inline,
                    dest_url,
                    title,
                    id,
                })
            } else {
                Event::Start(Tag::Image {
                    dest_url,
                    title,
                    id,
                    link_type,
                })
            }
        }
        Event::End(TagEnd::Image) if open_remote.pop() == Some(true) => Event::End(TagEnd::Link),
        other => other,
    }
}

/// True for any URL with a scheme or a host (`https:`, `data:`, `//cdn`): not this site's file.
fn is_absolute(url: &str) -> bool {
    let url = url.trim_start();
    matches!(url.as_bytes(), [b'\\', ..] | [b'/', b'/' | b'\\', ..])
        || url
            .split_once(':')
            .is_some_and(|(scheme, _)| !scheme.contains(['/', '?', '#']))
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
    fn images_from_other_hosts_become_links_with_their_alt_text() {
        let html = to_safe_html(
            "![Map of Meridia](https://tracker.example/pixel.png \"t\") and ![local](map.png)",
        );
        assert!(!html.contains("<img src=\"https:"), "{html}");
        assert!(
            html.contains("<a href=\"https://tracker.example/pixel.png\" title=\"t\" rel=\"noopener noreferrer\">Map of Meridia</a>"),
            "{html}"
        );
        assert!(
            html.contains("<img src=\"map.png\" alt=\"local\">"),
            "{html}"
        );
    }

    #[test]
    fn raw_html_images_from_other_hosts_load_nothing() {
        for markdown in [
            "<img src=\"https://tracker.example/p.png\">",
            "<img src=\"//tracker.example/p.png\">",
            "<img srcset=\"https://tracker.example/p.png 2x\">",
            "<img src=\"data:image/png;base64,AAAA\">",
        ] {
            let html = to_safe_html(markdown);
            assert!(
                !html.contains("tracker.example") && !html.contains("data:"),
                "{html}"
            );
        }
    }

    #[test]
    fn only_web_and_mail_links_survive() {
        let html = to_safe_html("[a](ftp://x.example/) [b](tel:123) [c](https://ok.example/)");
        assert!(!html.contains("ftp:") && !html.contains("tel:"), "{html}");
        assert!(html.contains("https://ok.example/"), "{html}");
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
