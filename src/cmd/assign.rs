//! `rally assign EDITION PLAN -o PLAN2 [--time-limit SECONDS] [--seed N] [--quiet]`:
//! keeps the programme of PLAN as is, gives every group and participant a
//! course, and writes the plan with the checker's penalty.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

#[derive(clap::Args)]
pub struct Args {
    /// The edition file (JSON, SPEC §4); `-` for standard input.
    edition: PathBuf,
    /// The plan whose programme is kept (JSON, SPEC §5); `-` for standard input.
    plan: PathBuf,
    /// The plan to write, with courses (`-` for standard output).
    #[arg(short, long)]
    output: PathBuf,
    /// Stop after this many seconds with the best courses found.
    #[arg(long, value_name = "SECONDS")]
    time_limit: Option<f64>,
    /// Seed of every random choice: same seed, input and limit, same plan.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// No progress and no summary on standard error.
    #[arg(long)]
    quiet: bool,
}

/// Assigns, writes the plan, and prints the summary on standard error.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let time_limit = time_limit(args.time_limit)?;
    if args.edition.as_os_str() == "-" && args.plan.as_os_str() == "-" {
        return Err(crate::io::BadInput(
            "EDITION and PLAN cannot both be standard input (-)".into(),
        )
        .into());
    }
    let model = crate::io::edition(&args.edition)?;
    let plan = crate::io::plan(&args.plan)?;
    let progress = crate::progress::Progress::new("assign", args.quiet, time_limit);
    let show = |best: i64| progress.report(best);
    let options = rally_assign::AssignOptions {
        seed: args.seed,
        time_limit,
        progress: Some(&show),
    };
    let outcome = rally_assign::assign(&model, &plan, &options);
    progress.finish();
    if !outcome.programme_valid && !args.quiet {
        eprintln!(
            "warning: the programme of {} breaks hard rules (see `rally check`); courses were assigned on it as is",
            args.plan.display()
        );
    }
    crate::io::write_plan(&args.output, &outcome.plan)?;
    if !args.quiet {
        eprint!("{}", outcome.summary());
    }
    Ok(ExitCode::SUCCESS)
}

/// `--time-limit` as a duration; bad input when not a number of seconds ≥ 0.
pub fn time_limit(seconds: Option<f64>) -> anyhow::Result<Option<Duration>> {
    match seconds {
        Some(s) if !(s.is_finite() && s >= 0.0) => Err(crate::io::BadInput(format!(
            "--time-limit: {s} is not a number of seconds ≥ 0"
        ))
        .into()),
        Some(s) => Ok(Some(Duration::from_secs_f64(s))),
        None => Ok(None),
    }
}
