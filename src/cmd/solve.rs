//! `rally solve EDITION -o PLAN [--time-limit SECONDS] [--effort N] [--seed N] [--quiet]
//! [--from OLD_PLAN [--frozen-until DATE] [--attended FILE] [--changes FILE]]`:
//! calls [`rally_solve::solve`] and writes the plan with the checker's penalty.

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
    search: super::SearchArgs,
    #[command(flatten)]
    replan: super::replan::ReplanArgs,
    #[command(flatten)]
    changes: super::replan::ChangesArgs,
}

/// Solves, writes the plan, and prints the summary on standard error.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    args.search.time_limit()?;
    let mut inputs = vec![args.edition.as_path()];
    inputs.extend(args.replan.inputs());
    crate::io::check_output(&args.output, &inputs)?;
    args.changes.check(&args.output, &inputs)?;
    let model = crate::io::edition(&args.edition)?;
    let replan = args.replan.load(&model)?;
    let progress = args.search.progress("solve")?;
    let show = |best: i64| progress.report(best);
    let options = rally_solve::Options {
        previous: replan.as_ref(),
        ..args.search.options(&show)?
    };
    let outcome = crate::signals::searching(|| rally_solve::solve(&model, &options));
    progress.finish();
    crate::io::write_plan(&args.output, &outcome.assigned.plan, &inputs)?;
    if !args.search.quiet {
        let lang = args.search.lang.get();
        let p = super::summary::programme(&model, &outcome.assigned.plan, replan.as_ref(), lang);
        eprint!("{}", super::summary::solved(&p, &outcome));
        eprint!("{}", args.search.budget_line(&p.texts, &options.budget));
    }
    super::replan::report(
        &model,
        &outcome.assigned.plan,
        replan.as_ref(),
        args.changes.changes.as_deref(),
        args.search.quiet,
        args.search.lang.get(),
        &inputs,
    )?;
    Ok(ExitCode::SUCCESS)
}
