//! `rally bench`: plan or solve a grid of editions, each judged by the
//! checker; a table (Markdown, CSV) and a plot (SVG) of the figures.

use std::path::PathBuf;
use std::process::ExitCode;

use rally_bench::{Config, Editions, Profile, Stage};

#[derive(clap::Args)]
pub struct Args {
    /// Numbers of départements of the generated editions.
    #[arg(long, value_delimiter = ',', default_value = "1,12")]
    territories: Vec<u16>,
    /// Generator seeds: a list (`1,2,3`), ranges (`1..5`) or both.
    #[arg(long, value_delimiter = ',', default_value = "1..3", value_parser = seeds)]
    seeds: Vec<std::ops::RangeInclusive<u64>>,
    /// Profiles of the generated editions.
    #[arg(long, value_delimiter = ',', default_value = "tight,generous")]
    profiles: Vec<super::generate::ProfileArg>,
    /// Run on every `*.json` edition of DIR instead of generating.
    #[arg(long, value_name = "DIR")]
    editions: Option<PathBuf>,
    /// The command to benchmark.
    #[arg(long, value_enum, default_value_t = StageArg::Solve)]
    command: StageArg,
    /// `--time-limit` of every run.
    #[arg(long, value_name = "SECONDS", default_value_t = 30.0)]
    time_limit: f64,
    /// `--seed` of every run.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// A peer's plans (`<edition>.json`) and CSV files of its penalties
    /// (columns `edition`, `total`), in a directory, or one CSV file.
    #[arg(long, value_name = "PATH")]
    peer: Option<PathBuf>,
    /// Where editions, plans, logs, bench.md, bench.csv and bench.svg go.
    #[arg(short, long, value_name = "DIR")]
    out: PathBuf,
}

/// The stages, as the command line names them.
#[derive(Clone, Copy, clap::ValueEnum)]
enum StageArg {
    Plan,
    Solve,
}

/// `1..5` (inclusive) or a single seed.
fn seeds(text: &str) -> Result<std::ops::RangeInclusive<u64>, String> {
    let number = |s: &str| {
        s.trim()
            .parse::<u64>()
            .map_err(|_| format!("`{s}` is not a seed; write a number or a range like 1..5"))
    };
    match text.split_once("..") {
        Some((a, b)) => {
            let (a, b) = (number(a)?, number(b.trim_start_matches('='))?);
            (a <= b)
                .then_some(a..=b)
                .ok_or_else(|| format!("`{text}` is empty: write low..high"))
        }
        None => number(text).map(|s| s..=s),
    }
}

/// Runs the benchmark, printing one line per edition on standard error.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    if !(args.time_limit.is_finite() && args.time_limit >= 0.0) {
        return Err(crate::io::BadInput(format!(
            "--time-limit: {} is not a number of seconds ≥ 0",
            args.time_limit
        ))
        .into());
    }
    let editions = match args.editions {
        Some(dir) => Editions::Read(dir),
        None => Editions::Grid {
            territories: args.territories.iter().map(|&n| n as usize).collect(),
            seeds: args.seeds.into_iter().flatten().collect(),
            profiles: args.profiles.into_iter().map(Profile::from).collect(),
        },
    };
    if let Editions::Grid { territories, .. } = &editions {
        if let Some(n) = territories.iter().find(|&&n| !(1..=101).contains(&n)) {
            let msg = format!("--territories: {n} is not within 1 to 101");
            return Err(crate::io::BadInput(msg).into());
        }
    }
    let config = Config {
        rally: std::env::current_exe()?,
        editions,
        stage: match args.command {
            StageArg::Plan => Stage::Plan,
            StageArg::Solve => Stage::Solve,
        },
        time_limit: args.time_limit,
        seed: args.seed,
        out: args.out,
        peer: args.peer,
    };
    rally_bench::run(&config, |row| {
        let ratio = row
            .ratio()
            .map_or(String::new(), |r| format!(", peer ratio {r:.3}"));
        eprintln!(
            "{}: {} sessions, {:.2} s, total {}, certified {} of {}{ratio}",
            row.case.name,
            row.size.sessions,
            row.seconds,
            row.verdict.term("total"),
            row.verdict.certified,
            row.size.wanting,
        );
    })?;
    eprintln!(
        "wrote {}/bench.md, bench.csv and bench.svg",
        config.out.display()
    );
    Ok(ExitCode::SUCCESS)
}
