//! The commands that have commands of their own: `docket i18n`, `docket export`,
//! `docket import` and their flags.

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::Subcommand;

#[derive(Subcommand)]
pub(crate) enum I18nAction {
    /// Write a Fluent file of every message the theme lacks in LANG, the source as comments
    Template {
        /// The language to translate into (BCP 47 code)
        lang: String,
        /// The portal folder, holding config.toml
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Where to write (default: i18n/LANG/missing.ftl in the portal; never replaced)
        #[arg(long)]
        output: Option<PathBuf>,
    },
    /// List the messages missing and unused in each published language
    Check {
        /// The portal folder, holding config.toml
        #[arg(long, default_value = ".")]
        root: PathBuf,
    },
}

#[derive(Subcommand)]
pub(crate) enum ExportWhat {
    /// Every table of data/ as one sheet of a new .xlsx workbook, cells as they are
    Workbook {
        /// The workbook to create (must not exist)
        file: PathBuf,
        /// The portal folder, holding config.toml
        #[arg(long, default_value = ".")]
        root: PathBuf,
    },
}

#[derive(Subcommand)]
pub(crate) enum ImportSource {
    /// UPR Info database exports (`;`-separated CSV, as downloaded)
    UprInfo {
        /// Export files
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// A State under review to import, as the exports name it (repeat for several;
        /// needed when the exports cover several)
        #[arg(long)]
        state: Vec<String>,
        /// Import every State under review the exports cover
        #[arg(long, conflicts_with = "state")]
        all_states: bool,
        #[command(flatten)]
        common: ImportArgs,
    },
    /// Universal Human Rights Index exports (.xlsx, .csv, .json or .jsonl)
    Uhri {
        /// Export files
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Import only the recommendations concerning this country (repeat for several)
        #[arg(long)]
        country: Vec<String>,
        /// Import the recommendations concerning every country (the default)
        #[arg(long, conflicts_with = "country")]
        all_countries: bool,
        /// The language of texts the export gives without naming their language
        #[arg(long, default_value = "en")]
        lang: String,
        /// A JSON file of labels for ids the export gives instead of names (themesIds, bodyId...)
        #[arg(long)]
        labels: Option<PathBuf>,
        #[command(flatten)]
        common: ImportArgs,
    },
    /// The UPR matrix OHCHR publishes after a review (.docx, or saved as .xlsx)
    UprMatrix {
        /// Matrix files
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// The language of the matrix's texts
        #[arg(long, default_value = "en")]
        lang: String,
        #[command(flatten)]
        matrix: MatrixArgs,
        #[command(flatten)]
        common: ImportArgs,
    },
}

#[derive(clap::Args)]
pub(crate) struct MatrixArgs {
    /// The symbol of the Working Group report (default: from the `Source of Position` lines)
    #[arg(long)]
    pub(crate) symbol: Option<String>,
    /// The report's date (YYYY-MM-DD), needed when the portal does not have it yet
    #[arg(long, value_parser = docket::parse_data_date)]
    pub(crate) date: Option<NaiveDate>,
    /// The Working Group session
    #[arg(long)]
    pub(crate) session: Option<u32>,
    /// The UPR cycle (default: from the layout)
    #[arg(long)]
    pub(crate) cycle: Option<u32>,
    /// The date of the government status updates made from the assessment column
    #[arg(long, value_parser = docket::parse_data_date)]
    pub(crate) assessment_date: Option<NaiveDate>,
    /// Their status id (from config.toml)
    #[arg(long)]
    pub(crate) assessment_status: Option<String>,
}

impl MatrixArgs {
    pub(crate) fn options(&self) -> docket::MatrixOptions {
        docket::MatrixOptions {
            symbol: self.symbol.clone(),
            date: self.date,
            session: self.session,
            cycle: self.cycle,
            assessment_date: self.assessment_date,
            assessment_status: self.assessment_status.clone(),
        }
    }
}

#[derive(clap::Args)]
pub(crate) struct ImportArgs {
    /// The portal folder, holding config.toml
    #[arg(long, default_value = ".")]
    pub(crate) root: PathBuf,
    /// Show what would change and write nothing
    #[arg(long)]
    pub(crate) dry_run: bool,
    /// Skip rows that cannot be imported (each is reported) instead of stopping
    #[arg(long)]
    pub(crate) skip_invalid: bool,
}

impl ImportArgs {
    pub(crate) fn options(&self) -> docket::ImportOptions {
        docket::ImportOptions {
            root: self.root.clone(),
            dry_run: self.dry_run,
            skip_invalid: self.skip_invalid,
        }
    }
}
