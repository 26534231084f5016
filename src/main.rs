//! `rally`: the command line. It parses arguments and calls the libraries.

mod cmd;
mod io;
mod progress;
mod signals;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

/// Plans job rallies: a programme of workshops, courses for groups and
/// participants, and the check of any plan. Files, rules and penalty:
/// docs/formats.md.
#[derive(Parser)]
#[command(name = "rally", version, about, propagate_version = true)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Validate and score a plan: violations, penalty, every member's certifiability.
    Check(cmd::check::Args),
    /// Write a synthetic edition of N départements.
    Generate(cmd::generate::Args),
    /// Plan the programme (no courses).
    Plan(cmd::plan::Args),
    /// Assign courses on a fixed programme.
    Assign(cmd::assign::Args),
    /// Plan, then assign, for the lowest total penalty.
    Solve(cmd::solve::Args),
    /// Write the printable programme, calendars and spreadsheets of a plan.
    Export(cmd::export::Args),
    /// Build an edition from CSV sheets.
    Import(cmd::import::Args),
    /// Plan or solve a grid of editions; a table and a plot of the figures.
    Bench(cmd::bench::Args),
    /// The coordinator's desk: a local web app over a folder of the edition and its plans.
    Serve(cmd::serve::Args),
}

fn main() -> ExitCode {
    cmd::start_clock();
    signals::install();
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { 2 } else { 0 });
        }
    };
    let result = match cli.command {
        Command::Check(a) => cmd::check::run(a),
        Command::Generate(a) => cmd::generate::run(a),
        Command::Plan(a) => cmd::plan::run(a),
        Command::Assign(a) => cmd::assign::run(a),
        Command::Solve(a) => cmd::solve::run(a),
        Command::Export(a) => cmd::export::run(a),
        Command::Import(a) => cmd::import::run(a),
        Command::Bench(a) => cmd::bench::run(a),
        Command::Serve(a) => cmd::serve::run(a),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("rally: {e:#}");
            ExitCode::from(2)
        }
    }
}
