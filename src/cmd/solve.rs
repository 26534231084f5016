//! `rally solve EDITION -o PLAN [--time-limit SECONDS] [--effort N] [--seed N] [--quiet]`:
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
}

/// Solves, writes the plan, and prints the summary on standard error.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    args.search.time_limit()?;
    let inputs = [args.edition.as_path()];
    crate::io::check_output(&args.output, &inputs)?;
    let model = crate::io::edition(&args.edition)?;
    let progress = args.search.progress("solve")?;
    let show = |best: i64| progress.report(best);
    let options = args.search.options(&show)?;
    let outcome = rally_solve::solve(&model, &options);
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
    Ok(ExitCode::SUCCESS)
}
