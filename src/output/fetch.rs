//! `docket build --previous URL`: the live site's `urls.txt`, over http(s).

use std::time::Duration;

use anyhow::Result;

use crate::web_url::WebUrl;

/// The whole request, from connecting to the last byte, may take this long.
const TIMEOUT: Duration = Duration::from_secs(30);
/// A URL list is a few megabytes even for 100,000 recommendations in six languages.
const MAX_BYTES: u64 = 64 * 1024 * 1024;

/// Fetches the URL list at `url`; the error names the URL and what went wrong: no answer, an
/// answer other than 2xx, a body too large, or one that is no URL list.
pub fn fetch_url_list(url: &WebUrl) -> Result<String> {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(TIMEOUT))
        .http_status_as_error(false)
        .build()
        .into();
    let failed = |what: String| {
        anyhow::anyhow!(
            "cannot fetch the previous URL list {url}: {what}\n\
             help: give the published site's urls.txt (each build writes it at the site's root), \
             or a saved copy: --previous FILE"
        )
    };
    let mut response = agent
        .get(url.as_str())
        .call()
        .map_err(|e| failed(e.to_string()))?;
    let status = response.status();
    if !status.is_success() {
        return Err(failed(format!("the server answered {status}")));
    }
    let text = response
        .body_mut()
        .with_config()
        .limit(MAX_BYTES)
        .read_to_string()
        .map_err(|e| match e {
            ureq::Error::BodyExceedsLimit(_) => {
                failed(format!("it is larger than {} MB", MAX_BYTES / 1024 / 1024))
            }
            other => failed(other.to_string()),
        })?;
    if let Some((line, bad)) = not_a_url_list(&text) {
        return Err(failed(format!(
            "this is not a urls.txt: line {line} is `{}`, not a path such as /en/",
            bad.chars().take(60).collect::<String>()
        )));
    }
    Ok(text)
}

/// The first line (counting from 1) that no `urls.txt` has: each line is blank, a `#`
/// comment, or a path from the site's root without spaces or markup.
fn not_a_url_list(text: &str) -> Option<(usize, &str)> {
    text.lines().enumerate().find_map(|(index, line)| {
        let line = line.trim();
        let fine = line.is_empty()
            || line.starts_with('#')
            || line.starts_with('/')
                && !line.contains(|c: char| c.is_whitespace() || "<>\"".contains(c));
        (!fine).then_some((index + 1, line))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_of_html_is_no_url_list_and_a_url_list_is() {
        assert_eq!(not_a_url_list("/\n# saved\n\n/en/\r\n"), None);
        assert_eq!(
            not_a_url_list("/\n<!doctype html>\n"),
            Some((2, "<!doctype html>"))
        );
        assert_eq!(not_a_url_list("/en/ /fr/\n"), Some((1, "/en/ /fr/")));
    }
}
