//! `rally plan EDITION -o PLAN [--time-limit SECONDS] [--seed N] [--from OLD_PLAN] [--quiet]`:
//! plans the programme (no courses) and writes it with the checker's penalty.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

#[derive(clap::Args)]
pub struct Args {
    /// The edition file (JSON, SPEC §4); `-` for standard input.
    edition: PathBuf,
    /// The plan to write (`-` for standard output).
    #[arg(short, long)]
    output: PathBuf,
    /// Stop after this many seconds with the best programme found.
    #[arg(long, value_name = "SECONDS")]
    time_limit: Option<f64>,
    /// Seed of every random choice: same seed, input and limit, same plan.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Re-plan after a change: keep this plan's sessions where they are unless they must move.
    #[arg(long, value_name = "OLD_PLAN")]
    from: Option<PathBuf>,
    /// No progress and no summary on standard error.
    #[arg(long)]
    quiet: bool,
}

/// Plans, writes the plan, and prints the summary on standard error.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let time_limit = match args.time_limit {
        Some(s) if !(s.is_finite() && s >= 0.0) => {
            return Err(crate::io::BadInput(format!(
                "--time-limit: {s} is not a number of seconds ≥ 0"
            ))
            .into())
        }
        Some(s) => Some(Duration::from_secs_f64(s)),
        None => None,
    };
    let model = crate::io::edition(&args.edition)?;
    let previous = args.from.as_deref().map(crate::io::plan).transpose()?;
    let progress = crate::progress::Progress::new("plan", args.quiet, time_limit);
    let show = |best: i64| progress.report(best);
    let opts = rally_plan::PlanOptions {
        seed: args.seed,
        time_limit,
        previous,
        progress: Some(&show),
    };
    let outcome = rally_plan::plan(&model, &opts);
    progress.finish();
    crate::io::write_plan(&args.output, &outcome.plan)?;
    if !args.quiet {
        eprint!("{}", summary(&outcome, opts.previous.is_some()));
    }
    Ok(ExitCode::SUCCESS)
}

/// The summary of a written plan.
fn summary(o: &rally_plan::PlanOutcome, replanned: bool) -> String {
    let p = &o.penalty;
    let mut s = format!(
        "planned {} sessions, {} unscheduled, in {:.2} s\npenalty {}:",
        o.plan.sessions.len(),
        o.plan.unscheduled.len(),
        o.elapsed.as_secs_f64(),
        p.total
    );
    for (name, value) in [
        ("unscheduled", p.unscheduled),
        ("theme_week", p.theme_week),
        ("same_day", p.same_day),
        ("daily_load", p.daily_load),
        ("coverage", p.coverage),
    ] {
        s.push_str(&format!(" {name} {value}"));
    }
    s.push('\n');
    s.push_str(&match (o.optimal, o.lower_bound) {
        (true, _) => "proven optimal\n".to_string(),
        (false, Some(b)) => format!(
            "best found (lower bound {b}, gap {:.1}%)\n",
            100.0 * (p.total - b) as f64 / p.total.max(1) as f64
        ),
        (false, None) => "best found\n".to_string(),
    });
    if replanned {
        s.push_str(&format!("moved {} session(s)", o.moved.len()));
        if !o.moved.is_empty() {
            s.push_str(&format!(": {}", o.moved.join(", ")));
        }
        s.push('\n');
    }
    s
}
