//! Each command: its arguments to the library's options, the call, what it prints.

use std::path::Path;

use chrono::NaiveDate;
use docket::{Severity, render_diagnostics as render};

use crate::args::{BuildArgs, Command, NewArgs, ReportArgs, ServeArgs};
use crate::problems::ReportFormat;
use crate::subcommands::{ExportWhat, I18nAction, ImportSource};

/// Runs one command.
pub(crate) fn run(command: Command) -> anyhow::Result<()> {
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
