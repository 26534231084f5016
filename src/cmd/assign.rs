//! `rally assign EDITION PLAN -o PLAN2 [--time-limit SECONDS] [--effort N] [--seed N] [--quiet]
//! [--from OLD_PLAN [--frozen-until DATE] [--attended FILE] [--changes FILE]]`:
//! keeps the programme of PLAN as is, gives every group and participant a
//! course, and writes the plan with the checker's penalty.

use super::job::{Job, JobArgs};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// The edition file (JSON, docs/formats.md#edition); `-` for standard input.
    edition: PathBuf,
    /// The plan whose programme is kept (JSON, docs/formats.md#plan); `-` for standard input.
    plan: PathBuf,
    /// The plan to write, with courses (`-` for standard output).
    #[arg(short, long)]
    output: PathBuf,
    #[command(flatten)]
    job: JobArgs,
}

/// Assigns, writes the plan, and prints the summary on standard error.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    if args.edition.as_os_str() == "-" && args.plan.as_os_str() == "-" {
        return Err(crate::io::BadInput(
            "EDITION and PLAN cannot both be standard input (-)".into(),
        )
        .into());
    }
    let inputs = vec![args.edition.as_path(), args.plan.as_path()];
    let job = Job::start(inputs, &args.output, &args.job)?;
    let (model, replan) = (&job.model, job.replan.as_ref());
    let plan = crate::io::plan(&args.plan)?;
    crate::io::same_edition(model, &plan, &args.plan)?;
    let progress = args.job.search.progress("assign")?;
    let show = |best: i64| progress.report(best);
    let options = rally_assign::Options {
        previous: replan,
        ..args.job.search.options(&show)?
    };
    let outcome = crate::signals::searching(|| rally_assign::assign(model, &plan, &options));
    progress.finish();
    job.write(&outcome.plan)?;
    if !args.job.search.quiet {
        let lang = args.job.search.lang.get();
        let p = super::summary::programme(model, &outcome.plan, replan, lang);
        if !outcome.programme_valid {
            let plan = args.plan.display().to_string();
            let warning = p
                .texts
                .with("sum-invalid-programme", &[("plan", plan.into())]);
            eprintln!("{warning}");
        }
        eprint!("{}", super::summary::assigned(&p, &outcome));
        eprint!("{}", args.job.search.budget_line(&p.texts, &options.budget));
    }
    job.report_changes(&outcome.plan)?;
    Ok(ExitCode::SUCCESS)
}
