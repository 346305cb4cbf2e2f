//! The `docket` command line: parses arguments and calls the library.

use std::path::PathBuf;
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::{Parser, Subcommand};

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
    Build {
        /// The portal folder, holding config.toml
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Where to write the site; replaced only when the build succeeds
        #[arg(long, default_value = "public")]
        output: PathBuf,
        /// Overrides base_url from config.toml
        #[arg(long)]
        base_url: Option<String>,
        /// The day the data describes (YYYY-MM-DD); overrides config.toml and SOURCE_DATE_EPOCH
        #[arg(long, value_parser = parse_date)]
        as_of: Option<NaiveDate>,
    },
    /// Load and validate everything, report every problem, write nothing
    Check {
        /// The portal folder, holding config.toml
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// The day the data describes (YYYY-MM-DD)
        #[arg(long, value_parser = parse_date)]
        as_of: Option<NaiveDate>,
    },
    /// Build the portal and serve it on 127.0.0.1
    Serve {
        /// The portal folder, holding config.toml
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Port to listen on
        #[arg(long, default_value_t = 1111)]
        port: u16,
        /// Where to write the site
        #[arg(long, default_value = "public")]
        output: PathBuf,
        /// The day the data describes (YYYY-MM-DD)
        #[arg(long, value_parser = parse_date)]
        as_of: Option<NaiveDate>,
    },
    /// Create a small new portal that builds as it is
    New {
        /// Folder to create (must not exist or be empty)
        dir: PathBuf,
    },
    /// Write a synthetic portal of any size, for benchmarks
    Synth {
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
    },
}

fn parse_date(raw: &str) -> Result<NaiveDate, String> {
    docket::model::parse_date(raw).ok_or_else(|| format!("`{raw}` is not a date; write YYYY-MM-DD"))
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli.command) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            match docket::as_invalid_portal(&error) {
                Some(invalid) => eprintln!("{invalid}"),
                None => eprintln!("error: {error:#}"),
            }
            ExitCode::FAILURE
        }
    }
}

fn run(command: Command) -> anyhow::Result<()> {
    match command {
        Command::Build {
            root,
            output,
            base_url,
            as_of,
        } => {
            let summary = docket::build(&docket::BuildOptions {
                root,
                output,
                base_url,
                as_of,
                progress: true,
            })?;
            println!("{summary}");
        }
        Command::Check { root, as_of } => {
            let summary = docket::check(&root, as_of)?;
            println!(
                "OK: {} recommendations, {} actions, {} status updates; {} pages would be built",
                summary.recommendations, summary.actions, summary.status_updates, summary.pages
            );
        }
        Command::Serve {
            root,
            port,
            output,
            as_of,
        } => {
            let listener = docket::serve::bind(port)?;
            let address = listener.local_addr()?;
            let base_url = format!("http://{address}/");
            let summary = docket::build(&docket::BuildOptions {
                root,
                output: output.clone(),
                base_url: Some(base_url.clone()),
                as_of,
                progress: true,
            })?;
            println!("{summary}");
            println!(
                "Serving {} at {base_url} (Ctrl+C to stop)",
                output.display()
            );
            docket::serve::serve(&output, listener)?;
        }
        Command::New { dir } => {
            docket::scaffold::new_portal(&dir)?;
            println!(
                "Created a new portal in {}. Next: docket build --root {}",
                dir.display(),
                dir.display()
            );
        }
        Command::Synth {
            dir,
            recommendations,
            languages,
            seed,
        } => {
            let languages: Vec<String> = languages
                .split(',')
                .map(|l| l.trim().to_string())
                .filter(|l| !l.is_empty())
                .collect();
            docket::synth::generate(
                &dir,
                &docket::synth::SynthOptions {
                    recommendations,
                    languages,
                    seed,
                },
            )?;
            println!(
                "Wrote a synthetic portal with {recommendations} recommendations to {}",
                dir.display()
            );
        }
    }
    Ok(())
}
