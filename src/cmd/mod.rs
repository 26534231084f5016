//! One module per subcommand: argument struct and `run`.

pub mod assign;
pub mod check;
pub mod export;
pub mod generate;
pub mod import;
pub mod plan;
pub mod solve;

use std::time::Duration;

/// The options every search command takes.
#[derive(clap::Args)]
pub struct SearchArgs {
    /// Stop after this many seconds with the best plan found.
    #[arg(long, value_name = "SECONDS")]
    pub time_limit: Option<f64>,
    /// Seed of every random choice: same seed, input and limit, same plan.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// No progress and no summary on standard error.
    #[arg(long)]
    pub quiet: bool,
}

impl SearchArgs {
    /// The time limit, refused unless it is a number of seconds ≥ 0.
    pub fn time_limit(&self) -> anyhow::Result<Option<Duration>> {
        match self.time_limit {
            Some(s) if !(s.is_finite() && s >= 0.0) => Err(crate::io::BadInput(format!(
                "--time-limit: {s} is not a number of seconds ≥ 0"
            ))
            .into()),
            Some(s) => Ok(Some(Duration::from_secs_f64(s))),
            None => Ok(None),
        }
    }

    /// A progress bar for `label`, hidden with `--quiet` or off a terminal.
    pub fn progress(&self, label: &str) -> anyhow::Result<crate::progress::Progress> {
        Ok(crate::progress::Progress::new(
            label,
            self.quiet,
            self.time_limit()?,
        ))
    }
}
