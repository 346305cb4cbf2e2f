//! The `docket` command line: parses arguments and calls the library.

#[path = "main/args.rs"]
mod args;
#[path = "main/problems.rs"]
mod problems;
#[path = "main/run.rs"]
mod run;
#[path = "main/subcommands.rs"]
mod subcommands;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;

use args::{Cli, Command};
use problems::{ReportFormat, report_problems};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let (root, format) = match &cli.command {
        Command::Check(args) => (args.root.clone(), args.format),
        Command::Build(args) => (args.root.clone(), args.format),
        Command::Serve(args) => (args.root.clone(), ReportFormat::Human),
        Command::Search(args) => (args.root.clone(), ReportFormat::Human),
        _ => (PathBuf::from("."), ReportFormat::Human),
    };
    match run::run(cli.command) {
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
