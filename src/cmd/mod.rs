//! One module per subcommand: argument struct and `run`.

pub mod assign;
pub mod bench;
pub mod check;
pub mod export;
pub mod generate;
pub mod import;
pub mod plan;
pub mod solve;

use rally_export::Lang;
use std::sync::OnceLock;
use std::time::{Duration, Instant};

/// The longest time limit, a year: beyond, a limit is as good as none (and
/// would overflow the clock).
pub const MAX_TIME_LIMIT: f64 = 365.0 * 24.0 * 3600.0;

static STARTED: OnceLock<Instant> = OnceLock::new();

/// Starts the clock the time limit counts from (call first thing).
pub fn start_clock() {
    STARTED.get_or_init(Instant::now);
}

/// The language of the texts for people.
#[derive(clap::Args)]
pub struct LangArg {
    /// Language of the texts for people: fr or en (default: from LANG, else en).
    #[arg(long = "lang", value_name = "fr|en")]
    lang: Option<Lang>,
}

impl LangArg {
    /// The language asked for, else the environment's.
    pub fn get(&self) -> Lang {
        self.lang.unwrap_or_else(Lang::from_env)
    }
}

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
    /// The time limit, refused unless it is a number of seconds ≥ 0 (NaN is
    /// not), and capped at [`MAX_TIME_LIMIT`] (so `inf` and `1e19` are a year).
    pub fn time_limit(&self) -> anyhow::Result<Option<Duration>> {
        match self.time_limit {
            Some(s) if s.is_nan() || s < 0.0 => Err(crate::io::BadInput(format!(
                "--time-limit: {s} is not a number of seconds ≥ 0"
            ))
            .into()),
            Some(s) => Ok(Some(Duration::from_secs_f64(s.min(MAX_TIME_LIMIT)))),
            None => Ok(None),
        }
    }

    /// What is left of the time limit: loading the edition (its shortest
    /// paths included) counts against it.
    pub fn remaining(&self) -> anyhow::Result<Option<Duration>> {
        let spent = STARTED.get().map_or(Duration::ZERO, Instant::elapsed);
        Ok(self.time_limit()?.map(|d| d.saturating_sub(spent)))
    }

    /// How to run the search: its budget is what is left of the time limit.
    pub fn options<'a>(
        &self,
        progress: &'a (dyn Fn(i64) + Sync),
    ) -> anyhow::Result<rally_search::Options<'a>> {
        Ok(rally_search::Options {
            seed: self.seed,
            budget: rally_search::Budget::new(self.remaining()?, None),
            previous: None,
            progress: Some(progress),
        })
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
