//! What the `docket` command needs beyond parsing its arguments: the value rules of its
//! flags, so that another front end reads them the same way.

use std::net::IpAddr;
use std::path::{Path, PathBuf};

use anyhow::{Result, anyhow, bail};
use chrono::NaiveDate;

use crate::build::BuildOptions;
use crate::report::Scope;
use crate::search::{SearchOptions, SearchReport};
use crate::site::Site;
use crate::util::dates::{DATA_YEARS, in_data_years, parse_date};
use crate::util::web_url::{URL_HELP, WebUrl};

/// A `--as-of`/`--date` value: YYYY-MM-DD within the years data may describe.
pub fn parse_data_date(raw: &str) -> Result<NaiveDate, String> {
    parse_date(raw)
        .filter(|&date| in_data_years(date))
        .ok_or_else(|| {
            format!(
                "`{raw}` is not a date from {} to {}; write YYYY-MM-DD",
                DATA_YEARS.start(),
                DATA_YEARS.end()
            )
        })
}

/// A `--base-url` value: an absolute http(s) folder address without query or fragment.
pub fn parse_base_url(raw: &str) -> Result<WebUrl, String> {
    let url = WebUrl::parse(raw).map_err(|problem| format!("{problem}\n  help: {URL_HELP}"))?;
    if raw.contains(['?', '#']) {
        return Err(format!(
            "`{raw}` has a query or fragment\n  help: give the folder the site is published in, \
             like https://rights.example.org/"
        ));
    }
    Ok(url)
}

/// `docket serve`: where the portal is, where to build it, where to listen.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// The portal folder, holding config.toml.
    pub root: PathBuf,
    /// The folder to build into and serve.
    pub output: PathBuf,
    /// Replace `output` even if Docket did not write it.
    pub force: bool,
    /// The day the data describes.
    pub as_of: Option<NaiveDate>,
    /// The address to listen on.
    pub bind: IpAddr,
    /// The port to listen on (0: any free port).
    pub port: u16,
    /// Print the time of each stage of every rebuild to stderr.
    pub timings: bool,
}

/// Binds, builds with the served address as base URL, serves and rebuilds on every change
/// until the process ends; `ready` gets the folder and the address once pages are answered.
pub fn serve_at(options: ServeOptions, ready: impl FnOnce(&Path, &WebUrl)) -> Result<()> {
    let listener = crate::serve::bind(options.bind, options.port)?;
    let address = listener.local_addr()?;
    let base_url = WebUrl::parse(&format!("http://{address}/"))
        .map_err(|problem| anyhow!("cannot serve at {address}: {problem}"))?;
    let build = BuildOptions {
        output: options.output.clone(),
        force: options.force,
        root: options.root,
        base_url: Some(base_url.clone()),
        as_of: options.as_of,
        progress: false,
        previous: None,
        timings: options.timings,
    };
    crate::serve::serve_portal(build, listener, || ready(&options.output, &base_url))
}

/// `docket search`: loads the portal under `root` and answers the query as its search page.
pub fn search_folder(
    root: &Path,
    as_of: Option<NaiveDate>,
    options: &SearchOptions,
) -> Result<SearchReport> {
    let portal = crate::build::load(root, as_of)?;
    let site = Site::new(&portal.dataset, &portal.i18n);
    crate::search::search_portal(&site, options)
}

/// `docket report --mechanism ID [--cycle N]` or `--institution ID`: the report's scope.
pub fn report_scope(
    mechanism: Option<String>,
    cycle: Option<u32>,
    institution: Option<String>,
) -> Result<Scope> {
    match (mechanism, institution) {
        (Some(id), _) => Ok(Scope::Mechanism { id, cycle }),
        (None, Some(id)) => Ok(Scope::Institution(id)),
        (None, None) => bail!("name a --mechanism or an --institution"),
    }
}

/// A comma-separated list of language codes, blanks dropped: `en, fr,` is `[en, fr]`.
pub fn parse_language_list(raw: &str) -> Vec<String> {
    raw.split(',')
        .map(|l| l.trim().to_string())
        .filter(|l| !l.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_report_names_a_mechanism_or_an_institution() {
        let upr = report_scope(Some("UPR".into()), Some(4), None).unwrap();
        assert!(matches!(upr, Scope::Mechanism { id, cycle: Some(4) } if id == "UPR"));
        let nhri = report_scope(None, None, Some("nhri".into())).unwrap();
        assert!(matches!(nhri, Scope::Institution(id) if id == "nhri"));
        let neither = report_scope(None, None, None).unwrap_err();
        assert_eq!(
            neither.to_string(),
            "name a --mechanism or an --institution"
        );
    }

    #[test]
    fn a_language_list_drops_blanks_and_spaces() {
        assert_eq!(parse_language_list(" en, fr,,ar "), ["en", "fr", "ar"]);
        assert!(parse_language_list(",").is_empty());
    }

    #[test]
    fn dates_outside_the_data_years_and_urls_with_a_query_are_refused() {
        assert!(parse_data_date("2025-02-30").is_err());
        assert!(
            parse_data_date("1850-01-01")
                .unwrap_err()
                .contains("1900 to 2199")
        );
        assert!(parse_data_date("2025-02-28").is_ok());
        assert!(
            parse_base_url("https://example.org/?a=1")
                .unwrap_err()
                .contains("query")
        );
        assert!(parse_base_url("https://example.org/rights/").is_ok());
    }
}
