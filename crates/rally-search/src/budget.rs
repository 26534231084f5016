//! What a search may spend (SPEC §8): a deadline on the clock, an effort
//! counted by the search itself (work units: neighbourhoods tried, nodes of
//! the exact models), and a cancel flag that a signal handler may raise.
//!
//! Determinism rests on effort, never on the clock: every search decides
//! from the effort it has counted, and the deadline or the flag only cut it
//! short ([`Budget::cut_short`] then says so). Parallel parts each get their
//! own [`Budget::share`], so what a part does never depends on how fast the
//! others go.

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// The longest time limit honoured; a longer one is cut to it so that the
/// deadline (`now + limit`) can always be computed. About 30 years.
pub const MAX_TIME_LIMIT: Duration = Duration::from_secs(1_000_000_000);

/// A deadline, an effort allowance with its counter, and a cancel flag.
///
/// Clones are the same budget (they share the counter); a [`Budget::share`]
/// has a counter of its own.
#[derive(Debug, Clone)]
pub struct Budget {
    started: Instant,
    deadline: Option<Instant>,
    /// Units this budget may spend (`None`: as many as the clock allows).
    effort: Option<u64>,
    spent: Arc<AtomicU64>,
    /// Units spent by this budget and all its shares, for the summary.
    total: Arc<AtomicU64>,
    cancel: Arc<AtomicBool>,
    cut: Arc<AtomicBool>,
}

impl Default for Budget {
    fn default() -> Self {
        Budget::new(None, None)
    }
}

impl Budget {
    /// A budget starting now, with an optional time limit (capped at
    /// [`MAX_TIME_LIMIT`]) and an optional effort in work units.
    pub fn new(time_limit: Option<Duration>, effort: Option<u64>) -> Budget {
        let started = Instant::now();
        Budget {
            started,
            deadline: time_limit.and_then(|t| started.checked_add(t.min(MAX_TIME_LIMIT))),
            effort,
            spent: Arc::default(),
            total: Arc::default(),
            cancel: Arc::default(),
            cut: Arc::default(),
        }
    }

    /// The same budget, stopped also when `flag` is raised (by a signal handler).
    pub fn with_cancel(mut self, flag: Arc<AtomicBool>) -> Budget {
        self.cancel = flag;
        self
    }

    /// A budget with the same deadline and cancel flag and `effort` units of its own.
    pub fn share(&self, effort: Option<u64>) -> Budget {
        Budget {
            effort,
            spent: Arc::default(),
            ..self.clone()
        }
    }

    /// A share that must also stop within `time` from now.
    pub fn within(&self, time: Duration, effort: Option<u64>) -> Budget {
        let own = Instant::now().checked_add(time.min(MAX_TIME_LIMIT));
        Budget {
            deadline: match (self.deadline, own) {
                (Some(a), Some(b)) => Some(a.min(b)),
                (a, b) => a.or(b),
            },
            ..self.share(effort)
        }
    }

    /// When the budget started.
    pub fn started(&self) -> Instant {
        self.started
    }

    /// Time since the budget started.
    pub fn elapsed(&self) -> Duration {
        self.started.elapsed()
    }

    /// The effort allowance (`None`: unlimited).
    pub fn effort(&self) -> Option<u64> {
        self.effort
    }

    /// Units spent so far by this budget (not its shares).
    pub fn spent(&self) -> u64 {
        self.spent.load(Ordering::Relaxed)
    }

    /// Units left (`u64::MAX` when unlimited).
    pub fn left(&self) -> u64 {
        self.effort
            .map_or(u64::MAX, |e| e.saturating_sub(self.spent()))
    }

    /// Counts `units` of work done.
    pub fn spend(&self, units: u64) {
        self.spent.fetch_add(units, Ordering::Relaxed);
        self.total.fetch_add(units, Ordering::Relaxed);
    }

    /// Units spent by this budget and every share of it.
    pub fn spent_in_all(&self) -> u64 {
        self.total.load(Ordering::Relaxed)
    }

    /// Whether the clock ran out or the search was cancelled (recorded as a cut).
    pub fn late(&self) -> bool {
        let late = self.cancelled() || self.deadline.is_some_and(|d| Instant::now() >= d);
        if late {
            self.mark_cut();
        }
        late
    }

    /// Whether the search must stop: effort spent, clock out or cancelled.
    pub fn exhausted(&self) -> bool {
        self.left() == 0 || self.late()
    }

    /// Time left before the deadline (`None`: no deadline).
    pub fn remaining(&self) -> Option<Duration> {
        self.deadline
            .map(|d| d.saturating_duration_since(Instant::now()))
    }

    /// The deadline, if any.
    pub fn deadline(&self) -> Option<Instant> {
        self.deadline
    }

    /// Records that a search stopped on the clock rather than on its effort.
    pub fn mark_cut(&self) {
        self.cut.store(true, Ordering::Relaxed);
    }

    /// Whether the clock or the cancel flag stopped some search of this budget
    /// (or of one of its shares): the result may then differ from run to run.
    pub fn cut_short(&self) -> bool {
        self.cut.load(Ordering::Relaxed)
    }

    /// Whether the cancel flag is raised.
    pub fn cancelled(&self) -> bool {
        self.cancel.load(Ordering::Relaxed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_absurd_time_limit_is_capped_not_overflowed() {
        let b = Budget::new(Some(Duration::MAX), None);
        assert!(b.deadline().is_some());
        assert!(!b.exhausted());
        assert!(b.within(Duration::MAX, None).deadline().is_some());
    }

    #[test]
    fn effort_runs_out_and_shares_count_apart() {
        let b = Budget::new(None, Some(3));
        assert!(!b.exhausted());
        b.spend(2);
        assert_eq!(b.left(), 1);
        let part = b.share(Some(5));
        part.spend(5);
        assert!(part.exhausted());
        assert!(!b.exhausted());
        b.clone().spend(1);
        assert!(b.exhausted(), "a clone counts with its budget");
        assert_eq!(b.spent_in_all(), 8);
        assert!(!b.cut_short(), "effort is not the clock");
    }

    #[test]
    fn cancel_and_deadline_cut_short() {
        let flag = Arc::new(AtomicBool::new(false));
        let b = Budget::new(None, None).with_cancel(flag.clone());
        let part = b.share(None);
        assert!(!part.late());
        flag.store(true, Ordering::Relaxed);
        assert!(part.late());
        assert!(b.cut_short(), "a share's cut is the budget's");
        let zero = Budget::new(Some(Duration::ZERO), None);
        assert!(zero.exhausted() && zero.cut_short());
    }

    #[test]
    fn a_share_within_a_time_ends_no_later_than_its_budget() {
        let b = Budget::new(Some(Duration::from_secs(100)), None);
        let short = b.within(Duration::from_secs(50), None);
        assert!(short.deadline().unwrap() <= b.deadline().unwrap());
        assert!(short.remaining().unwrap() <= Duration::from_secs(50));
        let long = b.within(Duration::from_secs(500), None);
        assert_eq!(long.deadline(), b.deadline());
    }
}
