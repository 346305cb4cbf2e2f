//! The "submit information" link of a recommendation page, from `[contribute]` in config.toml:
//! a plain link (no JavaScript) that carries the recommendation's id, text and address.

use serde::Serialize;

use super::Site;
use super::context::Localized;
use crate::config::ContributeConfig;
use crate::model::*;

/// Characters of the subject line taken from the recommendation's text.
const TITLE_CHARS: usize = 100;

/// What a recommendation page shows under "Submit information".
#[derive(Debug, Clone, Serialize)]
pub struct ContributeLink {
    /// `mailto:` or http(s), every value from the data percent-encoded.
    pub href: String,
    pub by_email: bool,
    /// The portal's own words on how submissions are reviewed; the theme's when `None`.
    pub review: Option<Localized>,
}

/// The link for recommendation `r` whose page is at `page_url`, when config has `[contribute]`.
pub(super) fn link(
    site: &Site,
    r: &Recommendation,
    lang: &str,
    page_url: &str,
) -> Option<ContributeLink> {
    let config = site.data.config.contribute.as_ref()?;
    let title = super::excerpt(&site.localize(&r.text, lang).text, TITLE_CHARS);
    Some(ContributeLink {
        href: href(config, &r.key.id, &title, page_url)?,
        by_email: config.email.is_some(),
        review: (!config.review.is_empty())
            .then(|| site.localize(&Text(config.review.clone()), lang)),
    })
}

/// The link's address: a `mailto:` with subject and body, or the URL template filled in.
fn href(config: &ContributeConfig, id: &str, title: &str, page_url: &str) -> Option<String> {
    if let Some(email) = &config.email {
        return Some(format!(
            "mailto:{email}?subject={}&body={}",
            percent_encode(&format!("{id}: {title}")),
            percent_encode(page_url)
        ));
    }
    let template = config.url.as_ref()?;
    // One pass, so that a value holding `{url}` is never replaced again.
    let mut out = String::with_capacity(template.len() + page_url.len());
    let mut rest = template.as_str();
    while let Some(start) = rest.find('{') {
        out.push_str(&rest[..start]);
        let after = &rest[start..];
        let (value, len) = if after.starts_with("{id}") {
            (id, 4)
        } else if after.starts_with("{title}") {
            (title, 7)
        } else if after.starts_with("{url}") {
            (page_url, 5)
        } else {
            out.push('{');
            rest = &after[1..];
            continue;
        };
        out.push_str(&percent_encode(value));
        rest = &after[len..];
    }
    out.push_str(rest);
    Some(out)
}

/// RFC 3986 percent-encoding of everything but the unreserved characters.
fn percent_encode(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for byte in value.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(email: Option<&str>, url: Option<&str>) -> ContributeConfig {
        ContributeConfig {
            email: email.map(str::to_string),
            url: url.map(str::to_string),
            review: Default::default(),
        }
    }

    #[test]
    fn a_url_template_gets_each_value_percent_encoded_once() {
        let c = config(
            None,
            Some("https://f.example/new?t={id}&b={title}%20{url}&x={other}"),
        );
        let href = href(
            &c,
            "UPR4-1.2",
            "Ratify & {url} <now>",
            "https://p.example/en/r/a/",
        )
        .unwrap();
        assert_eq!(
            href,
            "https://f.example/new?t=UPR4-1.2&b=Ratify%20%26%20%7Burl%7D%20%3Cnow%3E%20https%3A%2F%2Fp.example%2Fen%2Fr%2Fa%2F&x={other}"
        );
    }

    #[test]
    fn an_email_link_names_the_recommendation_in_its_subject() {
        let c = config(Some("followup@gov.example"), None);
        let href = href(&c, "CAT-14", "Investigate", "https://p.example/x/").unwrap();
        assert_eq!(
            href,
            "mailto:followup@gov.example?subject=CAT-14%3A%20Investigate&body=https%3A%2F%2Fp.example%2Fx%2F"
        );
    }

    #[test]
    fn non_ascii_text_is_encoded_as_utf8() {
        assert_eq!(percent_encode("é ع"), "%C3%A9%20%D8%B9");
    }
}
