//! Progress of `plan`, `assign` and `solve` on a terminal: how much of the
//! time limit has passed and the best penalty found so far, in the `--lang`
//! language. Nothing is drawn with `--quiet` or when standard error is not a
//! terminal.

use indicatif::{ProgressBar, ProgressState, ProgressStyle};
use rally_export::Texts;
use std::fmt::Write;
use std::io::IsTerminal;
use std::time::Duration;

/// Width of the bar, in characters.
const WIDTH: usize = 30;

/// A progress line on standard error; every method is a no-op when hidden.
pub struct Progress {
    bar: Option<ProgressBar>,
    /// "best penalty {n}" in the language asked for, `{n}` to fill in.
    best: String,
}

impl Progress {
    /// A progress line labelled `label`: a bar filling up to `time_limit`,
    /// or a spinner without one. Hidden when `quiet` or when standard error
    /// is not a terminal.
    pub fn new(label: &str, quiet: bool, time_limit: Option<Duration>, t: &Texts) -> Progress {
        let best = t.with("progress-best", &[("n", "{n}".into())]);
        if quiet || !std::io::stderr().is_terminal() {
            return Progress { bar: None, best };
        }
        let style = match time_limit {
            Some(limit) => ProgressStyle::with_template(
                "{prefix} [{limit_bar}] {elapsed}/{limit} {msg}",
            )
            .map(|s| {
                s.with_key(
                    "limit_bar",
                    move |state: &ProgressState, w: &mut dyn Write| {
                        let done = state.elapsed().as_secs_f64() / limit.as_secs_f64().max(1e-9);
                        let filled = ((done.min(1.0)) * WIDTH as f64) as usize;
                        let _ = write!(w, "{}{}", "#".repeat(filled), "-".repeat(WIDTH - filled));
                    },
                )
                .with_key("limit", move |_: &ProgressState, w: &mut dyn Write| {
                    let _ = write!(w, "{}s", limit.as_secs());
                })
            }),
            None => ProgressStyle::with_template("{spinner} {prefix} {elapsed} {msg}"),
        };
        let bar = ProgressBar::new_spinner();
        if let Ok(style) = style {
            bar.set_style(style);
        }
        bar.set_prefix(label.to_string());
        bar.set_message(t.get("progress-searching"));
        bar.enable_steady_tick(Duration::from_millis(100));
        Progress {
            bar: Some(bar),
            best,
        }
    }

    /// Shows the best penalty found so far (callable from any thread).
    pub fn report(&self, best_penalty: i64) {
        if let Some(bar) = &self.bar {
            bar.set_message(self.best.replace("{n}", &best_penalty.to_string()));
        }
    }

    /// Clears the line, leaving the terminal to the command's summary.
    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_quiet_progress_draws_nothing_and_is_usable_from_threads() {
        let t = Texts::new(rally_export::Lang::Fr);
        let p = Progress::new("plan", true, Some(Duration::from_secs(10)), &t);
        assert!(p.bar.is_none());
        assert_eq!(p.best.replace("{n}", "12"), "meilleure pénalité 12");
        let report = |best: i64| p.report(best);
        std::thread::scope(|s| {
            s.spawn(|| report(12));
            s.spawn(|| report(10));
        });
        p.finish();
    }
}
