//! The budget of a search: a deadline, a count of work units, a cancel flag.

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// The longest time limit honoured; a longer one is cut to it so that the
/// deadline (`now + limit`) can always be computed. About 30 years.
pub const MAX_TIME_LIMIT: Duration = Duration::from_secs(1_000_000_000);

/// When a search must stop: at its deadline, once it has spent its effort
/// (work units it counts itself, SPEC §8 `--effort`), or when cancelled.
///
/// Clones share the effort spent and the cancel flag, so the parts of a
/// search solved in parallel draw from one budget.
#[derive(Debug, Clone)]
pub struct Budget {
    started: Instant,
    deadline: Option<Instant>,
    effort: Option<u64>,
    spent: Arc<AtomicU64>,
    cancel: Arc<AtomicBool>,
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
            cancel: Arc::default(),
        }
    }

    /// The same budget, stopped also when `flag` is raised (by a signal handler).
    pub fn with_cancel(mut self, flag: Arc<AtomicBool>) -> Budget {
        self.cancel = flag;
        self
    }

    /// A budget starting now, sharing this one's effort and cancel flag, whose
    /// deadline is `share` of the time left (never later than this one's).
    pub fn share(&self, share: f64) -> Budget {
        let now = Instant::now();
        Budget {
            started: now,
            deadline: self.deadline.map(|d| {
                now + d
                    .saturating_duration_since(now)
                    .mul_f64(share.clamp(0.0, 1.0))
            }),
            ..self.clone()
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

    /// The deadline, if there is a time limit.
    pub fn deadline(&self) -> Option<Instant> {
        self.deadline
    }

    /// Time left before the deadline, at most `most` (all of `most` without a deadline).
    pub fn remaining(&self, most: Duration) -> Duration {
        self.deadline.map_or(most, |d| {
            d.saturating_duration_since(Instant::now()).min(most)
        })
    }

    /// Counts `units` of work done.
    pub fn spend(&self, units: u64) {
        self.spent.fetch_add(units, Ordering::Relaxed);
    }

    /// Work units counted so far.
    pub fn spent(&self) -> u64 {
        self.spent.load(Ordering::Relaxed)
    }

    /// Whether the search was cancelled.
    pub fn cancelled(&self) -> bool {
        self.cancel.load(Ordering::Relaxed)
    }

    /// Whether the search must stop: cancelled, past the deadline, or its effort spent.
    pub fn exhausted(&self) -> bool {
        self.cancelled()
            || self.deadline.is_some_and(|d| Instant::now() >= d)
            || self.effort.is_some_and(|e| self.spent() >= e)
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
        assert_eq!(b.remaining(Duration::from_secs(5)), Duration::from_secs(5));
    }

    #[test]
    fn effort_and_cancel_stop_the_search_and_are_shared_by_clones() {
        let b = Budget::new(None, Some(3));
        let part = b.share(0.5);
        part.spend(2);
        assert!(!b.exhausted());
        b.spend(1);
        assert!(part.exhausted());
        let flag = Arc::new(AtomicBool::new(false));
        let c = Budget::new(None, None).with_cancel(flag.clone());
        assert!(!c.exhausted());
        flag.store(true, Ordering::Relaxed);
        assert!(c.share(1.0).exhausted());
    }

    #[test]
    fn a_share_ends_no_later_than_its_budget() {
        let b = Budget::new(Some(Duration::from_secs(100)), None);
        let half = b.share(0.5);
        assert!(half.deadline().unwrap() <= b.deadline().unwrap());
        assert!(half.remaining(Duration::MAX) <= Duration::from_secs(50));
        assert!(Budget::new(Some(Duration::ZERO), None).exhausted());
    }
}
