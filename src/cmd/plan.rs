//! `rally plan EDITION -o PLAN [--time-limit SECONDS] [--effort N] [--seed N] [--quiet]
//! [--from OLD_PLAN [--frozen-until DATE] [--attended FILE] [--changes FILE]]`:
//! plans the programme (no courses) and writes it with the checker's penalty.

use super::job::{Job, JobArgs};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// The edition file (JSON, docs/formats.md#edition); `-` for standard input.
    edition: PathBuf,
    /// The plan to write (`-` for standard output).
    #[arg(short, long)]
    output: PathBuf,
    #[command(flatten)]
    job: JobArgs,
}

/// Plans, writes the plan, and prints the summary on standard error.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let inputs = vec![args.edition.as_path()];
    let job = Job::start(inputs, &args.output, &args.job)?;
    let (model, replan) = (&job.model, job.replan.as_ref());
    let progress = args.job.search.progress("plan")?;
    let show = |best: i64| progress.report(best);
    let opts = rally_plan::Options {
        previous: replan,
        ..args.job.search.options(&show)?
    };
    let outcome = crate::signals::searching(|| rally_plan::plan(model, &opts));
    progress.finish();
    job.write(&outcome.plan)?;
    if !args.job.search.quiet {
        let p = super::summary::programme(model, &outcome.plan, replan, args.job.search.lang.get());
        eprint!("{}", super::summary::plan(&p, &outcome));
        eprint!("{}", args.job.search.budget_line(&p.texts, &opts.budget));
    }
    job.report_changes(&outcome.plan)?;
    Ok(ExitCode::SUCCESS)
}
