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
        eprint!("{}", outcome.assigned.summary());
        eprintln!(
            "programme penalty before courses {}; sessions moved after routing: {}; total time {:.2} s",
            outcome.programme_penalty.total,
            if outcome.moved.is_empty() {
                "none".to_string()
            } else {
                outcome.moved.join(", ")
            },
            outcome.elapsed.as_secs_f64()
        );
        let total = outcome.assigned.penalty.total;
        match outcome.lower_bound {
            Some(b) if b >= total => eprintln!("total penalty {total}: proven optimal"),
            Some(b) => eprintln!(
                "total penalty {total}; lower bound {b}, gap {:.1}%",
                100.0 * (total - b) as f64 / total.max(1) as f64
            ),
            None => eprintln!("total penalty {total}; no lower bound"),
        }
        eprint!("{}", args.search.budget_line(&options.budget));
    }
    super::replan::report(
        &model,
        &outcome.assigned.plan,
        replan.as_ref(),
        args.changes.changes.as_deref(),
        args.search.quiet,
        &inputs,
    )?;
    Ok(ExitCode::SUCCESS)
}
