//! `rally solve EDITION -o PLAN [--time-limit SECONDS] [--effort N] [--seed N] [--quiet]
//! [--from OLD_PLAN [--frozen-until DATE] [--attended FILE] [--changes FILE]]`:
//! calls [`rally_solve::solve`] and writes the plan with the checker's penalty.

use super::job::{Job, JobArgs};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// The edition file (JSON, docs/formats.md#edition); `-` for standard input.
    edition: PathBuf,
    /// The plan to write, programme and courses (`-` for standard output).
    #[arg(short, long)]
    output: PathBuf,
    #[command(flatten)]
    job: JobArgs,
}

/// Solves, writes the plan, and prints the summary on standard error.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let inputs = vec![args.edition.as_path()];
    let job = Job::start(inputs, &args.output, &args.job)?;
    let (model, replan) = (&job.model, job.replan.as_ref());
    let progress = args.job.search.progress("solve")?;
    let show = |best: i64| progress.report(best);
    let options = rally_solve::Options {
        previous: replan,
        ..args.job.search.options(&show)?
    };
    let outcome = crate::signals::searching(|| rally_solve::solve(model, &options));
    progress.finish();
    job.write(&outcome.assigned.plan)?;
    if !args.job.search.quiet {
        let lang = args.job.search.lang.get();
        let p = super::summary::programme(model, &outcome.assigned.plan, replan, lang);
        eprint!("{}", super::summary::solved(&p, &outcome));
        eprint!("{}", args.job.search.budget_line(&p.texts, &options.budget));
    }
    job.report_changes(&outcome.assigned.plan)?;
    Ok(ExitCode::SUCCESS)
}
