//! `rally plan EDITION -o PLAN [--time-limit SECONDS] [--effort N] [--seed N] [--quiet]
//! [--from OLD_PLAN [--frozen-until DATE] [--attended FILE] [--changes FILE]]`:
//! plans the programme (no courses) and writes it with the checker's penalty.

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
    replan: super::replan::ReplanArgs,
    #[command(flatten)]
    changes: super::replan::ChangesArgs,
    #[command(flatten)]
    search: super::SearchArgs,
}

/// Plans, writes the plan, and prints the summary on standard error.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    args.search.time_limit()?;
    let mut inputs = vec![args.edition.as_path()];
    inputs.extend(args.replan.inputs());
    crate::io::check_output(&args.output, &inputs)?;
    args.changes.check(&args.output, &inputs)?;
    let model = crate::io::edition(&args.edition)?;
    let replan = args.replan.load(&model)?;
    let progress = args.search.progress("plan")?;
    let show = |best: i64| progress.report(best);
    let opts = rally_plan::Options {
        previous: replan.as_ref(),
        ..args.search.options(&show)?
    };
    let outcome = crate::signals::searching(|| rally_plan::plan(&model, &opts));
    progress.finish();
    crate::io::write_plan(&args.output, &outcome.plan, &inputs)?;
    if !args.search.quiet {
        let p = super::summary::programme(
            &model,
            &outcome.plan,
            replan.as_ref(),
            args.search.lang.get(),
        );
        eprint!("{}", super::summary::plan(&p, &outcome));
        eprint!("{}", args.search.budget_line(&p.texts, &opts.budget));
    }
    super::replan::report(
        &model,
        &outcome.plan,
        replan.as_ref(),
        args.changes.changes.as_deref(),
        args.search.quiet,
        args.search.lang.get(),
        &inputs,
    )?;
    Ok(ExitCode::SUCCESS)
}
