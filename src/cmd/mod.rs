//! One module per subcommand: argument struct and `run`.

pub mod assign;
pub mod bench;
pub mod check;
pub mod export;
pub mod generate;
pub mod import;
mod job;
pub mod plan;
pub mod replan;
pub mod serve;
pub mod solve;
mod summary;

use rally_export::{Lang, Texts};
use rally_search::Budget;
use std::sync::OnceLock;
use std::time::{Duration, Instant};

/// The time limit when none is given, in seconds: no search runs unbounded.
pub const DEFAULT_TIME_LIMIT: f64 = 60.0;

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
    #[arg(long, value_name = "SECONDS", default_value_t = DEFAULT_TIME_LIMIT)]
    pub time_limit: f64,
    /// Work the search may do, counted by the search itself (moves and
    /// neighbourhoods tried): with the same input, seed and effort, a run the
    /// time limit did not cut short gives the same plan on any machine.
    /// Default: as much as the time limit allows.
    #[arg(long, value_name = "N")]
    pub effort: Option<u64>,
    /// Seed of every random choice: same seed, input and effort, same plan.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// No progress and no summary on standard error.
    #[arg(long)]
    pub quiet: bool,
    #[command(flatten)]
    pub lang: LangArg,
}

impl SearchArgs {
    /// The time limit, refused unless it is a number of seconds ≥ 0 (NaN is
    /// not), and capped at [`MAX_TIME_LIMIT`] (so `inf` and `1e19` are a year).
    pub fn time_limit(&self) -> anyhow::Result<Duration> {
        let s = self.time_limit;
        if s.is_nan() || s < 0.0 {
            return Err(crate::io::BadInput(format!(
                "--time-limit: {s} is not a number of seconds ≥ 0"
            ))
            .into());
        }
        Ok(Duration::from_secs_f64(s.min(MAX_TIME_LIMIT)))
    }

    /// What is left of the time limit: loading the edition (its shortest
    /// paths included) counts against it.
    pub fn remaining(&self) -> anyhow::Result<Duration> {
        let spent = STARTED.get().map_or(Duration::ZERO, Instant::elapsed);
        Ok(self.time_limit()?.saturating_sub(spent))
    }

    /// The budget of the search: what is left of the time limit, the effort,
    /// and the cancel flag.
    pub fn budget(&self) -> anyhow::Result<Budget> {
        Ok(Budget::new(Some(self.remaining()?), self.effort)
            .with_cancel(crate::signals::cancel_flag()))
    }

    /// What the summary says of the budget: the limit, the effort spent, and
    /// whether the clock cut the search short.
    pub fn budget_line(&self, t: &Texts, budget: &Budget) -> String {
        let spent = budget.spent_in_all();
        let effort = match self.effort {
            Some(e) => t.with(
                "sum-effort-of",
                &[("spent", spent.into()), ("effort", e.into())],
            ),
            None => t.with("sum-effort", &[("spent", spent.into())]),
        };
        let end = t.get(if budget.cancelled() {
            "sum-cancelled"
        } else if budget.cut_short() {
            "sum-cut-short"
        } else {
            "sum-not-cut-short"
        });
        let args = [
            ("limit", self.time_limit.to_string().into()),
            ("effort", effort.into()),
            ("end", end.into()),
        ];
        format!("{}\n", t.with("sum-budget", &args))
    }

    /// How to run the search: its budget is what is left of the time limit,
    /// the effort and the cancel flag.
    pub fn options<'a>(
        &self,
        progress: &'a (dyn Fn(i64) + Sync),
    ) -> anyhow::Result<rally_search::Options<'a>> {
        Ok(rally_search::Options {
            seed: self.seed,
            budget: self.budget()?,
            previous: None,
            progress: Some(progress),
            certified: None,
        })
    }

    /// A progress bar for `label`, hidden with `--quiet` or off a terminal.
    pub fn progress(&self, label: &str) -> anyhow::Result<crate::progress::Progress> {
        Ok(crate::progress::Progress::new(
            label,
            self.quiet,
            Some(self.time_limit()?),
            &Texts::new(self.lang.get()),
        ))
    }
}
