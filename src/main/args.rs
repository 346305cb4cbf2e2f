//! The command line's arguments: the commands and their flags, as clap parses them (their
//! doc comments are the help text).

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Parser, Subcommand};
use docket::WebUrl;

use crate::problems::ReportFormat;
use crate::subcommands::{ExportWhat, I18nAction, ImportSource};

/// Docket builds public, multilingual, static portals that track what a State has done
/// about the human rights recommendations it received.
#[derive(Parser)]
#[command(name = "docket", version, about, long_about = None)]
pub(crate) struct Cli {
    #[command(subcommand)]
    pub(crate) command: Command,
}

#[derive(Subcommand)]
pub(crate) enum Command {
    /// Build the portal into a folder of static files (all or nothing)
    Build(BuildArgs),
    /// Load and validate everything, report every problem, write nothing
    Check(CheckArgs),
    /// Build the portal, serve it on 127.0.0.1, and rebuild and reload on every change
    Serve(ServeArgs),
    /// Create a small new portal that builds as it is
    New(NewArgs),
    /// The theme's messages for translators: a template per language, and a check
    I18n {
        #[command(subcommand)]
        action: I18nAction,
    },
    /// Import recommendations from UPR Info, the Universal Human Rights Index or a UPR matrix into data/
    Import {
        #[command(subcommand)]
        source: ImportSource,
    },
    /// Search a portal's recommendations, actions and documents, as its search page does
    Search(SearchArgs),
    /// Write the portal's data in another form
    Export {
        #[command(subcommand)]
        what: ExportWhat,
    },
    /// Draft a follow-up report for a mechanism or an institution (.docx, .html or .md)
    Report(ReportArgs),
    /// Write a synthetic portal of any size, for benchmarks
    Synth(SynthArgs),
}

#[derive(clap::Args)]
pub(crate) struct BuildArgs {
    /// The portal folder, holding config.toml
    #[arg(long, default_value = ".")]
    pub(crate) root: PathBuf,
    #[command(flatten)]
    pub(crate) output: OutputArgs,
    /// How problems are written (as for `check`)
    #[arg(long, value_enum, default_value_t = ReportFormat::Human)]
    pub(crate) format: ReportFormat,
    /// Overrides base_url from config.toml
    #[arg(long, value_parser = docket::parse_base_url)]
    pub(crate) base_url: Option<WebUrl>,
    /// The day the data describes (YYYY-MM-DD); overrides config.toml and SOURCE_DATE_EPOCH
    #[arg(long, value_parser = docket::parse_data_date)]
    pub(crate) as_of: Option<NaiveDate>,
    /// A previous build's urls.txt, a saved file or the live site's URL
    /// (https://your.site/urls.txt): fail, naming them, if any of its URLs would disappear
    #[arg(long, value_name = "FILE|URL", value_parser = docket::PreviousUrls::parse)]
    pub(crate) previous: Option<docket::PreviousUrls>,
    /// Print the time of each stage (load, validate, layout, each emitter, render, swap)
    /// to stderr
    #[arg(long)]
    pub(crate) timings: bool,
}

#[derive(clap::Args)]
pub(crate) struct CheckArgs {
    /// The portal folder, holding config.toml
    #[arg(long, default_value = ".")]
    pub(crate) root: PathBuf,
    /// How problems are written: for people (stderr), GitHub Actions annotations or
    /// JSON Lines (stdout)
    #[arg(long, value_enum, default_value_t = ReportFormat::Human)]
    pub(crate) format: ReportFormat,
    /// The day the data describes (YYYY-MM-DD)
    #[arg(long, value_parser = docket::parse_data_date)]
    pub(crate) as_of: Option<NaiveDate>,
}

#[derive(clap::Args)]
pub(crate) struct ServeArgs {
    /// The portal folder, holding config.toml
    #[arg(long, default_value = ".")]
    pub(crate) root: PathBuf,
    /// Port to listen on
    #[arg(long, default_value_t = 1111)]
    pub(crate) port: u16,
    /// Address to listen on; other machines can reach the server only if you name one
    /// of this machine's network addresses (or 0.0.0.0)
    #[arg(long, default_value_t = docket::DEFAULT_BIND)]
    pub(crate) bind: std::net::IpAddr,
    #[command(flatten)]
    pub(crate) output: OutputArgs,
    /// The day the data describes (YYYY-MM-DD)
    #[arg(long, value_parser = docket::parse_data_date)]
    pub(crate) as_of: Option<NaiveDate>,
    /// Print the time of each stage of every rebuild (load, validate, row diff, layout,
    /// each emitter, render, sync) to stderr
    #[arg(long)]
    pub(crate) timings: bool,
}

#[derive(clap::Args)]
pub(crate) struct NewArgs {
    /// Folder to create (must not exist or be empty)
    pub(crate) dir: PathBuf,
    /// The portal's languages as BCP 47 codes, the default first (e.g. sl,en)
    #[arg(long, value_delimiter = ',', default_value = "en,fr")]
    pub(crate) languages: Vec<String>,
    /// Tables with their header rows only: no sample rows to mix with a first import
    #[arg(long)]
    pub(crate) empty: bool,
    /// One workbook, data/portal.xlsx (a sheet per table), instead of CSV files
    #[arg(long)]
    pub(crate) workbook: bool,
}

#[derive(clap::Args)]
pub(crate) struct SearchArgs {
    /// Words, a document symbol or an identifier (a query not ending in a space
    /// completes its last word, as when typing)
    pub(crate) query: String,
    /// The portal folder, holding config.toml
    #[arg(long, default_value = ".")]
    pub(crate) root: PathBuf,
    /// The index's language (default: the portal's default language)
    #[arg(long)]
    pub(crate) lang: Option<String>,
    /// Keep only results with this facet value, as NAME=VALUE (repeatable)
    #[arg(long = "facet", value_parser = parse_facet)]
    pub(crate) facets: Vec<(String, String)>,
    /// How many results to list
    #[arg(long, default_value_t = 10)]
    pub(crate) limit: usize,
    /// The day the data describes (YYYY-MM-DD)
    #[arg(long, value_parser = docket::parse_data_date)]
    pub(crate) as_of: Option<NaiveDate>,
}

#[derive(clap::Args)]
pub(crate) struct ReportArgs {
    /// The mechanism's id or acronym, such as UPR or CAT
    #[arg(
        long,
        required_unless_present = "institution",
        conflicts_with = "institution"
    )]
    pub(crate) mechanism: Option<String>,
    /// The UPR cycle (default: the mechanism's latest cycle, else its latest document)
    #[arg(long, requires = "mechanism")]
    pub(crate) cycle: Option<u32>,
    /// An institution's id: what it leads or partners on
    #[arg(long)]
    pub(crate) institution: Option<String>,
    /// The report's language (default: the portal's default language)
    #[arg(long)]
    pub(crate) lang: Option<String>,
    /// The day the data describes (YYYY-MM-DD)
    #[arg(long, value_parser = docket::parse_data_date)]
    pub(crate) as_of: Option<NaiveDate>,
    /// The file to write: FILE.docx, FILE.html or FILE.md
    #[arg(long)]
    pub(crate) output: PathBuf,
    /// The portal folder, holding config.toml
    #[arg(long, default_value = ".")]
    pub(crate) root: PathBuf,
}

#[derive(clap::Args)]
pub(crate) struct SynthArgs {
    /// Folder to create
    pub(crate) dir: PathBuf,
    /// Number of recommendations
    #[arg(long, default_value_t = 1000)]
    pub(crate) recommendations: usize,
    /// Comma-separated language codes; the first is the default
    #[arg(long, default_value = "en,fr,es,ar")]
    pub(crate) languages: String,
    /// Seed of the deterministic generator
    #[arg(long, default_value_t = 1)]
    pub(crate) seed: u64,
}

#[derive(clap::Args)]
pub(crate) struct OutputArgs {
    /// Where to write the site (default: public/ inside --root); replaced only when the
    /// build succeeds, and only if Docket wrote it
    #[arg(long)]
    pub(crate) output: Option<PathBuf>,
    /// Replace --output even if it is not empty and Docket did not write it
    #[arg(long)]
    pub(crate) force: bool,
}

impl OutputArgs {
    pub(crate) fn folder(&self, root: &std::path::Path) -> PathBuf {
        self.output.clone().unwrap_or_else(|| root.join("public"))
    }
}

/// A `--facet NAME=VALUE` value.
fn parse_facet(raw: &str) -> Result<(String, String), String> {
    match raw.split_once('=') {
        Some((name, value)) if !name.is_empty() && !value.is_empty() => {
            Ok((name.trim().to_string(), value.trim().to_string()))
        }
        _ => Err(format!("`{raw}` is not NAME=VALUE, such as mechanism=CAT")),
    }
}
