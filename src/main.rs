//! The `docket` command line: parses arguments and calls the library.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::{Parser, Subcommand};
use docket::{DiagnosticFormat as Format, Severity, WebUrl, render_diagnostics as render};

/// Docket builds public, multilingual, static portals that track what a State has done
/// about the human rights recommendations it received.
#[derive(Parser)]
#[command(name = "docket", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
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
struct BuildArgs {
    /// The portal folder, holding config.toml
    #[arg(long, default_value = ".")]
    root: PathBuf,
    #[command(flatten)]
    output: OutputArgs,
    /// How problems are written (as for `check`)
    #[arg(long, value_enum, default_value_t = ReportFormat::Human)]
    format: ReportFormat,
    /// Overrides base_url from config.toml
    #[arg(long, value_parser = docket::parse_base_url)]
    base_url: Option<WebUrl>,
    /// The day the data describes (YYYY-MM-DD); overrides config.toml and SOURCE_DATE_EPOCH
    #[arg(long, value_parser = docket::parse_data_date)]
    as_of: Option<NaiveDate>,
    /// A previous build's urls.txt, a saved file or the live site's URL
    /// (https://your.site/urls.txt): fail, naming them, if any of its URLs would disappear
    #[arg(long, value_name = "FILE|URL", value_parser = docket::PreviousUrls::parse)]
    previous: Option<docket::PreviousUrls>,
    /// Print the time of each stage (load, validate, layout, each emitter, render, swap)
    /// to stderr
    #[arg(long)]
    timings: bool,
}

#[derive(clap::Args)]
struct CheckArgs {
    /// The portal folder, holding config.toml
    #[arg(long, default_value = ".")]
    root: PathBuf,
    /// How problems are written: for people (stderr), GitHub Actions annotations or
    /// JSON Lines (stdout)
    #[arg(long, value_enum, default_value_t = ReportFormat::Human)]
    format: ReportFormat,
    /// The day the data describes (YYYY-MM-DD)
    #[arg(long, value_parser = docket::parse_data_date)]
    as_of: Option<NaiveDate>,
}

#[derive(clap::Args)]
struct ServeArgs {
    /// The portal folder, holding config.toml
    #[arg(long, default_value = ".")]
    root: PathBuf,
    /// Port to listen on
    #[arg(long, default_value_t = 1111)]
    port: u16,
    /// Address to listen on; other machines can reach the server only if you name one
    /// of this machine's network addresses (or 0.0.0.0)
    #[arg(long, default_value_t = docket::DEFAULT_BIND)]
    bind: std::net::IpAddr,
    #[command(flatten)]
    output: OutputArgs,
    /// The day the data describes (YYYY-MM-DD)
    #[arg(long, value_parser = docket::parse_data_date)]
    as_of: Option<NaiveDate>,
    /// Print the time of each stage of every rebuild (load, validate, row diff, layout,
    /// each emitter, render, sync) to stderr
    #[arg(long)]
    timings: bool,
}

#[derive(clap::Args)]
struct NewArgs {
    /// Folder to create (must not exist or be empty)
    dir: PathBuf,
    /// The portal's languages as BCP 47 codes, the default first (e.g. sl,en)
    #[arg(long, value_delimiter = ',', default_value = "en,fr")]
    languages: Vec<String>,
    /// Tables with their header rows only: no sample rows to mix with a first import
    #[arg(long)]
    empty: bool,
    /// One workbook, data/portal.xlsx (a sheet per table), instead of CSV files
    #[arg(long)]
    workbook: bool,
}

#[derive(clap::Args)]
struct SearchArgs {
    /// Words, a document symbol or an identifier (a query not ending in a space
    /// completes its last word, as when typing)
    query: String,
    /// The portal folder, holding config.toml
    #[arg(long, default_value = ".")]
    root: PathBuf,
    /// The index's language (default: the portal's default language)
    #[arg(long)]
    lang: Option<String>,
    /// Keep only results with this facet value, as NAME=VALUE (repeatable)
    #[arg(long = "facet", value_parser = parse_facet)]
    facets: Vec<(String, String)>,
    /// How many results to list
    #[arg(long, default_value_t = 10)]
    limit: usize,
    /// The day the data describes (YYYY-MM-DD)
    #[arg(long, value_parser = docket::parse_data_date)]
    as_of: Option<NaiveDate>,
}

#[derive(clap::Args)]
struct ReportArgs {
    /// The mechanism's id or acronym, such as UPR or CAT
    #[arg(
        long,
        required_unless_present = "institution",
        conflicts_with = "institution"
    )]
    mechanism: Option<String>,
    /// The UPR cycle (default: the mechanism's latest cycle, else its latest document)
    #[arg(long, requires = "mechanism")]
    cycle: Option<u32>,
    /// An institution's id: what it leads or partners on
    #[arg(long)]
    institution: Option<String>,
    /// The report's language (default: the portal's default language)
    #[arg(long)]
    lang: Option<String>,
    /// The day the data describes (YYYY-MM-DD)
    #[arg(long, value_parser = docket::parse_data_date)]
    as_of: Option<NaiveDate>,
    /// The file to write: FILE.docx, FILE.html or FILE.md
    #[arg(long)]
    output: PathBuf,
    /// The portal folder, holding config.toml
    #[arg(long, default_value = ".")]
    root: PathBuf,
}

#[derive(clap::Args)]
struct SynthArgs {
    /// Folder to create
    dir: PathBuf,
    /// Number of recommendations
    #[arg(long, default_value_t = 1000)]
    recommendations: usize,
    /// Comma-separated language codes; the first is the default
    #[arg(long, default_value = "en,fr,es,ar")]
    languages: String,
    /// Seed of the deterministic generator
    #[arg(long, default_value_t = 1)]
    seed: u64,
}

#[derive(Subcommand)]
enum I18nAction {
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
enum ExportWhat {
    /// Every table of data/ as one sheet of a new .xlsx workbook, cells as they are
    Workbook {
        /// The workbook to create (must not exist)
        file: PathBuf,
        /// The portal folder, holding config.toml
        #[arg(long, default_value = ".")]
        root: PathBuf,
    },
}

/// `docket check --format`.
#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum ReportFormat {
    /// The message, the offending line with a caret under the column, the help
    Human,
    /// One line per problem (`file:line:column: error: message`), its help on the next
    Short,
    /// `::error file=…,line=…,col=…::message` workflow commands
    Github,
    /// One JSON object per line: file, line, column, severity, message, help
    Json,
}

impl ReportFormat {
    fn format(self) -> Format {
        match self {
            ReportFormat::Human => Format::Human {
                colour: colour_on_stderr(),
            },
            ReportFormat::Short => Format::Short,
            ReportFormat::Github => Format::Github,
            ReportFormat::Json => Format::Json,
        }
    }
}

/// Colour only on a terminal, never with NO_COLOR (https://no-color.org) or in CI.
fn colour_on_stderr() -> bool {
    std::io::stderr().is_terminal()
        && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        && std::env::var_os("CI").is_none()
}

#[derive(Subcommand)]
enum ImportSource {
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
struct MatrixArgs {
    /// The symbol of the Working Group report (default: from the `Source of Position` lines)
    #[arg(long)]
    symbol: Option<String>,
    /// The report's date (YYYY-MM-DD), needed when the portal does not have it yet
    #[arg(long, value_parser = docket::parse_data_date)]
    date: Option<NaiveDate>,
    /// The Working Group session
    #[arg(long)]
    session: Option<u32>,
    /// The UPR cycle (default: from the layout)
    #[arg(long)]
    cycle: Option<u32>,
    /// The date of the government status updates made from the assessment column
    #[arg(long, value_parser = docket::parse_data_date)]
    assessment_date: Option<NaiveDate>,
    /// Their status id (from config.toml)
    #[arg(long)]
    assessment_status: Option<String>,
}

impl MatrixArgs {
    fn options(&self) -> docket::MatrixOptions {
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
struct OutputArgs {
    /// Where to write the site (default: public/ inside --root); replaced only when the
    /// build succeeds, and only if Docket wrote it
    #[arg(long)]
    output: Option<PathBuf>,
    /// Replace --output even if it is not empty and Docket did not write it
    #[arg(long)]
    force: bool,
}

impl OutputArgs {
    fn folder(&self, root: &std::path::Path) -> PathBuf {
        self.output.clone().unwrap_or_else(|| root.join("public"))
    }
}

#[derive(clap::Args)]
struct ImportArgs {
    /// The portal folder, holding config.toml
    #[arg(long, default_value = ".")]
    root: PathBuf,
    /// Show what would change and write nothing
    #[arg(long)]
    dry_run: bool,
    /// Skip rows that cannot be imported (each is reported) instead of stopping
    #[arg(long)]
    skip_invalid: bool,
}

impl ImportArgs {
    fn options(&self) -> docket::ImportOptions {
        docket::ImportOptions {
            root: self.root.clone(),
            dry_run: self.dry_run,
            skip_invalid: self.skip_invalid,
        }
    }
}

fn parse_facet(raw: &str) -> Result<(String, String), String> {
    match raw.split_once('=') {
        Some((name, value)) if !name.is_empty() && !value.is_empty() => {
            Ok((name.trim().to_string(), value.trim().to_string()))
        }
        _ => Err(format!("`{raw}` is not NAME=VALUE, such as mechanism=CAT")),
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let (root, format) = match &cli.command {
        Command::Check(args) => (args.root.clone(), args.format),
        Command::Build(args) => (args.root.clone(), args.format),
        Command::Serve(args) => (args.root.clone(), ReportFormat::Human),
        Command::Search(args) => (args.root.clone(), ReportFormat::Human),
        _ => (PathBuf::from("."), ReportFormat::Human),
    };
    match run(cli.command) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            match docket::as_invalid_portal(&error) {
                Some(invalid) => report_problems(&root, format, &invalid.diagnostics),
                None => eprintln!("error: {error:#}"),
            }
            ExitCode::FAILURE
        }
    }
}

/// Writes a failed portal's problems: for people on stderr, for machines on stdout.
fn report_problems(root: &Path, format: ReportFormat, problems: &[docket::Diagnostic]) {
    let text = render(format.format(), root, Severity::Error, problems);
    let n = problems.len();
    let summary = format!(
        "{n} problem{} found; nothing was written",
        if n == 1 { "" } else { "s" }
    );
    match format {
        ReportFormat::Human | ReportFormat::Short => eprintln!("{text}{summary}"),
        ReportFormat::Github => println!("{text}{summary}"),
        ReportFormat::Json => {
            print!("{text}");
            eprintln!("{summary}");
        }
    }
}

fn run(command: Command) -> anyhow::Result<()> {
    match command {
        Command::Build(args) => build(args)?,
        Command::Check(args) => check(&args.root, args.format, args.as_of)?,
        Command::Serve(args) => serve(args)?,
        Command::New(NewArgs {
            dir,
            languages,
            empty,
            workbook,
        }) => {
            let options = docket::NewPortalOptions {
                languages,
                empty,
                workbook,
            };
            docket::new_portal_with(&dir, &options)?;
            let dir = dir.display();
            println!("Created a new portal in {dir}. Next: docket build --root {dir}");
        }
        Command::I18n { action } => i18n(action)?,
        Command::Import { source } => println!("{}", import(source)?),
        Command::Search(args) => {
            let query = docket::Query {
                text: args.query,
                filters: args.facets,
            };
            let options = docket::SearchOptions {
                lang: args.lang,
                query,
            };
            let report = docket::search_folder(&args.root, args.as_of, &options)?;
            print!("{}", report.render(args.limit));
        }
        Command::Export {
            what: ExportWhat::Workbook { file, root },
        } => {
            let written = docket::export_workbook(&root, &file)?;
            println!("Wrote {written} tables to {}", file.display());
        }
        Command::Report(args) => report(args)?,
        Command::Synth(args) => {
            let options = docket::SynthOptions {
                recommendations: args.recommendations,
                languages: docket::parse_language_list(&args.languages),
                seed: args.seed,
            };
            docket::synth_portal(&args.dir, &options)?;
            println!(
                "Wrote a synthetic portal with {} recommendations to {}",
                args.recommendations,
                args.dir.display()
            );
        }
    }
    Ok(())
}

fn build(args: BuildArgs) -> anyhow::Result<()> {
    let summary = docket::build(&docket::BuildOptions {
        output: args.output.folder(&args.root),
        force: args.output.force,
        root: args.root,
        base_url: args.base_url,
        as_of: args.as_of,
        progress: true,
        previous: args.previous,
        timings: args.timings,
    })?;
    println!("{summary}");
    Ok(())
}

fn serve(args: ServeArgs) -> anyhow::Result<()> {
    let options = docket::ServeOptions {
        output: args.output.folder(&args.root),
        force: args.output.force,
        root: args.root,
        as_of: args.as_of,
        bind: args.bind,
        port: args.port,
        timings: args.timings,
    };
    docket::serve_at(options, |folder, url| {
        println!(
            "Serving {} at {url}; rebuilding when a file changes (Ctrl+C to stop)",
            folder.display()
        );
    })
}

fn report(args: ReportArgs) -> anyhow::Result<()> {
    let options = docket::ReportOptions {
        scope: docket::report_scope(args.mechanism, args.cycle, args.institution)?,
        root: args.root,
        lang: args.lang,
        as_of: args.as_of,
        output: args.output,
    };
    let count = docket::write_report(&options)?;
    let file = options.output.display();
    println!("Wrote a draft report on {count} recommendations to {file}");
    Ok(())
}

/// `docket check`: warnings where the format puts them, then the summary.
fn check(root: &Path, format: ReportFormat, as_of: Option<NaiveDate>) -> anyhow::Result<()> {
    let summary = docket::check(root, as_of)?;
    let warnings = render(format.format(), root, Severity::Warning, &summary.warnings);
    match format {
        ReportFormat::Human | ReportFormat::Short => eprint!("{warnings}"),
        ReportFormat::Github | ReportFormat::Json => print!("{warnings}"),
    }
    // JSON Lines on stdout stay machine-readable: the summary goes to stderr.
    if format == ReportFormat::Json {
        eprintln!("{summary}");
    } else {
        println!("{summary}");
    }
    Ok(())
}

fn i18n(action: I18nAction) -> anyhow::Result<()> {
    match action {
        I18nAction::Template { lang, root, output } => {
            let (path, count) = docket::translation_template(&root, &lang, output.as_deref())?;
            println!("Wrote {count} messages to translate to {}", path.display());
        }
        I18nAction::Check { root } => {
            for report in docket::check_translations(&root)? {
                println!("{report}");
            }
        }
    }
    Ok(())
}

fn import(source: ImportSource) -> anyhow::Result<docket::ImportSummary> {
    match source {
        ImportSource::UprInfo {
            files,
            state,
            all_states,
            common,
        } => docket::import_upr_info(
            &common.options(),
            &files,
            docket::StateSelection::from_flags(&state, all_states),
        ),
        ImportSource::Uhri {
            files,
            country,
            all_countries,
            lang,
            labels,
            common,
        } => docket::import_uhri(
            &common.options(),
            &files,
            docket::StateSelection::from_flags(&country, all_countries),
            &lang,
            labels.as_deref(),
        ),
        ImportSource::UprMatrix {
            files,
            lang,
            matrix,
            common,
        } => docket::import_upr_matrix(&common.options(), &files, &lang, &matrix.options()),
    }
}
