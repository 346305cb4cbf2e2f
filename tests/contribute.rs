//! `[contribute]`: a "submit information" link on every recommendation page that carries the
//! recommendation's id, text and address, percent-encoded and HTML-escaped, with no JavaScript.

mod common;

use std::path::Path;

use common::*;

fn with_contribute(root: &Path, section: &str) {
    let path = root.join("config.toml");
    let config = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, format!("{config}\n[contribute]\n{section}\n")).unwrap();
}

fn built_page(section: &str, page: &str) -> String {
    let portal = fixture("minimal");
    with_contribute(portal.path(), section);
    let out = tempfile::tempdir().unwrap();
    build(portal.path(), out.path()).unwrap();
    std::fs::read_to_string(out.path().join(page)).unwrap()
}

/// The `href` of the page's contribute link, as written in the HTML.
fn contribute_href(html: &str) -> String {
    let start = html
        .find("class=\"contribute-link\" href=\"")
        .expect("a contribute link");
    let rest = &html[start + "class=\"contribute-link\" href=\"".len()..];
    rest[..rest.find('"').unwrap()].to_string()
}

fn unescape_html(text: &str) -> String {
    text.replace("&#x2F;", "/")
        .replace("&quot;", "\"")
        .replace("&#x27;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

#[test]
fn a_url_template_link_carries_the_id_text_and_page_address_encoded_and_escaped() {
    let html = built_page(
        "url = \"https://forms.example/new?rec={id}&title={title}&page={url}\"",
        "en/recommendations/cat-co2-14/index.html",
    );
    let raw = contribute_href(&html);
    assert!(
        !raw.contains('<') && !raw.contains("&t"),
        "not escaped: {raw}"
    );
    let href = unescape_html(&raw);
    assert_eq!(
        href,
        "https://forms.example/new?rec=CAT-CO2-14\
         &title=Ensure%20that%20all%20allegations%20of%20torture%20are%20investigated%20promptly%2C%20with%20%3Cscript%3Ealert%281%29%3C%2Fscript%3E%E2%80%A6\
         &page=https%3A%2F%2Ffixture.example%2Fportal%2Fen%2Frecommendations%2Fcat-co2-14%2F"
    );
    assert!(html.contains("The secretariat reviews every submission"));
    assert!(
        !html.contains("<script>alert"),
        "the text is escaped on the page"
    );
}

#[test]
fn an_email_link_opens_a_mail_about_the_recommendation_in_every_language() {
    let section = "email = \"followup@justice.example\"";
    let html = built_page(section, "en/recommendations/upr4-118-1/index.html");
    let href = unescape_html(&contribute_href(&html));
    assert!(
        href.starts_with(
            "mailto:followup@justice.example?subject=UPR4-118.1%3A%20Ratify%20the%20Optional"
        ),
        "{href}"
    );
    assert!(href.ends_with(
        "&body=https%3A%2F%2Ffixture.example%2Fportal%2Fen%2Frecommendations%2Fupr4-118-1%2F"
    ));
    assert!(html.contains("Send information by e-mail"));
    let arabic = built_page(section, "ar/recommendations/upr4-118-1/index.html");
    let href = unescape_html(&contribute_href(&arabic));
    assert!(
        href.contains("%D8%A7%D9%84%D8%AA%D8%B5%D8%AF%D9%8A%D9%82"),
        "Arabic subject: {href}"
    );
    assert!(href.ends_with("%2Far%2Frecommendations%2Fupr4-118-1%2F"));
    assert!(arabic.contains("تقديم معلومات"));
}

#[test]
fn the_portal_can_say_in_its_own_words_how_submissions_are_reviewed() {
    let html = built_page(
        "email = \"followup@justice.example\"\n[contribute.review]\nen = \"The NMRF meets monthly & reviews <all> submissions.\"",
        "en/recommendations/upr4-118-1/index.html",
    );
    assert!(html.contains("The NMRF meets monthly &amp; reviews &lt;all&gt; submissions."));
    assert!(!html.contains("The secretariat reviews every submission"));
}

#[test]
fn without_contribute_there_is_no_link() {
    let portal = fixture("minimal");
    let out = tempfile::tempdir().unwrap();
    build(portal.path(), out.path()).unwrap();
    let html = std::fs::read_to_string(out.path().join("en/recommendations/upr4-118-1/index.html"))
        .unwrap();
    assert!(!html.contains("contribute-link"));
}

#[test]
fn a_contribute_section_that_cannot_work_is_an_error() {
    for (section, words) in [
        ("", "exactly one of `email` and `url`"),
        (
            "email = \"a@b.example\"\nurl = \"https://x.example/\"",
            "exactly one",
        ),
        ("email = \"a@b.example?cc=x\"", "is not an e-mail address"),
        ("url = \"javascript:alert(1)\"", "not an http(s) address"),
        (
            "url = \"https://x.example/?r={rec}\"",
            "`{rec}` is not a placeholder",
        ),
        (
            "email = \"a@b.example\"\n[contribute.review]\nde = \"x\"",
            "`de`",
        ),
    ] {
        let portal = fixture("minimal");
        with_contribute(portal.path(), section);
        let problems = diagnostics_of(docket::check(portal.path(), None));
        assert!(
            problems
                .iter()
                .any(|d| d.file == "config.toml" && d.message.contains(words)),
            "{section:?}: {problems:?}"
        );
    }
}
