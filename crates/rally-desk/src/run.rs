//! The one plan or solve at a time of a workspace: started from the Plan
//! page, followed through server-sent events, stopped by the cancel flag of
//! its budget (the search then returns its best plan, which is kept: as a
//! version, or for a re-plan as a draft whose changes are reviewed first).

use crate::edition::Current;
use crate::state::{certified_headcount, wanting_headcount, Desk};
use rally_model::replan::Replan;
use rally_model::Plan;
use serde::Serialize;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tokio::sync::watch;

/// What a run makes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// The programme alone (`rally plan`).
    Plan,
    /// Programme and courses (`rally solve`).
    Solve,
}

impl Kind {
    /// `plan` or `solve`.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Plan => "plan",
            Kind::Solve => "solve",
        }
    }
}

/// The state of the latest run, as the Plan page and its events show it.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Status {
    /// A run is going on.
    pub running: bool,
    /// What the run does.
    pub kind: Option<Kind>,
    /// The time budget, in seconds.
    pub seconds: f64,
    /// Seconds since it started.
    pub elapsed: f64,
    /// The best penalty the search reported so far.
    pub best: Option<i64>,
    /// The certified headcount of that plan (once the search holds courses).
    pub best_certified: Option<u64>,
    /// The team asked it to stop; it is writing its best plan.
    pub stopping: bool,
    /// The version re-planned from, if any.
    pub from: Option<u32>,
    /// Once finished: the version kept.
    pub version: Option<u32>,
    /// Once a re-plan finished: the draft to review.
    pub draft: Option<u32>,
    /// The checked penalty of the plan written.
    pub penalty: Option<i64>,
    /// Its certified headcount.
    pub certified: Option<u64>,
    /// The headcount of the members who seek a certificate.
    pub wanting: Option<u64>,
    /// Why the run failed, if it did.
    pub error: Option<String>,
}

/// How the slug of a re-planned version starts: `replan-of-3-solve-30s`.
pub const REPLAN_OF: &str = "replan-of-";

/// Refused: a run is going on.
#[derive(Debug)]
pub struct Busy;

/// Starts and stops the runs of a workspace.
pub struct Runner {
    status: watch::Sender<Status>,
    cancel: Mutex<Option<Arc<AtomicBool>>>,
    started: Mutex<Instant>,
}

impl Default for Runner {
    fn default() -> Self {
        Runner::new()
    }
}

impl Runner {
    /// No run yet.
    pub fn new() -> Runner {
        Runner {
            status: watch::channel(Status::default()).0,
            cancel: Mutex::new(None),
            started: Mutex::new(Instant::now()),
        }
    }

    /// The status now (the time elapsed counted to now while running).
    pub fn status(&self) -> Status {
        let mut s = self.status.borrow().clone();
        if s.running {
            s.elapsed = self
                .started
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .elapsed()
                .as_secs_f64();
        }
        s
    }

    /// Follows the status.
    pub fn subscribe(&self) -> watch::Receiver<Status> {
        self.status.subscribe()
    }

    /// Raises the cancel flag of the run going on; false when there is none.
    pub fn stop(&self) -> bool {
        let cancel = self.cancel.lock().unwrap_or_else(|e| e.into_inner());
        match cancel.as_ref() {
            Some(flag) => {
                flag.store(true, Ordering::Relaxed);
                self.status.send_modify(|s| s.stopping = true);
                true
            }
            None => false,
        }
    }
}

/// Starts a run on its own thread; [`Busy`] while another goes on. With
/// `from` (a version's number and plan), it re-plans that version with as
/// few changes as it can (SPEC §9).
pub fn start(
    desk: &Arc<Desk>,
    current: Arc<Current>,
    kind: Kind,
    limit: Duration,
    from: Option<(u32, Plan)>,
) -> Result<(), Busy> {
    let flag = Arc::new(AtomicBool::new(false));
    {
        let mut cancel = desk.runner.cancel.lock().unwrap_or_else(|e| e.into_inner());
        if cancel.is_some() {
            return Err(Busy);
        }
        *cancel = Some(flag.clone());
        *desk
            .runner
            .started
            .lock()
            .unwrap_or_else(|e| e.into_inner()) = Instant::now();
    }
    desk.runner.status.send_replace(Status {
        running: true,
        kind: Some(kind),
        seconds: limit.as_secs_f64(),
        from: from.as_ref().map(|(n, _)| *n),
        wanting: Some(wanting_headcount(&current)),
        ..Status::default()
    });
    let desk = desk.clone();
    std::thread::spawn(move || {
        let _done = Done(&desk);
        let finished = run(&desk, &current, kind, limit, from, flag);
        desk.runner.status.send_modify(|s| {
            *s = Status {
                running: false,
                stopping: false,
                best: s.best,
                best_certified: s.best_certified,
                ..finished
            }
        });
    });
    Ok(())
}

/// Frees the runner when the run's thread ends, however it ends.
struct Done<'a>(&'a Desk);

impl Drop for Done<'_> {
    fn drop(&mut self) {
        *self
            .0
            .runner
            .cancel
            .lock()
            .unwrap_or_else(|e| e.into_inner()) = None;
        self.0.runner.status.send_modify(|s| s.running = false);
    }
}

/// The run itself: search, keep the plan as a version, say what it is.
fn run(
    desk: &Desk,
    current: &Current,
    kind: Kind,
    limit: Duration,
    from: Option<(u32, Plan)>,
    flag: Arc<AtomicBool>,
) -> Status {
    let model = &current.model;
    let replan = from.map(|(n, old)| (n, Replan::new(model, old, None, None)));
    let started = Instant::now();
    let show = |best: i64| {
        desk.runner.status.send_modify(|s| {
            s.best = Some(best);
            s.elapsed = started.elapsed().as_secs_f64();
        })
    };
    let show_certified = |certified: u64| {
        desk.runner
            .status
            .send_modify(|s| s.best_certified = Some(certified))
    };
    let options = rally_search::Options {
        seed: 1,
        budget: rally_search::Budget::new(Some(limit), None).with_cancel(flag.clone()),
        previous: replan.as_ref().map(|(_, r)| r),
        progress: Some(&show),
        certified: Some(&show_certified),
    };
    let plan = match kind {
        Kind::Plan => rally_plan::plan(model, &options).plan,
        Kind::Solve => rally_solve::solve(model, &options).assigned.plan,
    };
    let stopped = flag.load(Ordering::Relaxed);
    let slug = format!(
        "{}{}-{}s{}",
        replan
            .as_ref()
            .map_or(String::new(), |(n, _)| format!("{REPLAN_OF}{n}-")),
        kind.name(),
        limit.as_secs(),
        if stopped { "-stopped" } else { "" }
    );
    let report = rally_check::check(model, &plan);
    let (certified, wanting) = certified_headcount(current, &report);
    let mut status = Status {
        kind: Some(kind),
        seconds: limit.as_secs_f64(),
        elapsed: started.elapsed().as_secs_f64(),
        from: replan.as_ref().map(|(n, _)| *n),
        penalty: Some(report.penalty.total),
        certified: Some(certified),
        wanting: Some(wanting),
        ..Status::default()
    };
    // A re-plan waits for review as a draft; any other run is a version.
    let kept = match replan {
        Some(_) => desk
            .keep_draft(current, &slug, plan)
            .map(|n| status.draft = Some(n)),
        None => desk
            .keep_plan(current, &slug, plan)
            .map(|n| status.version = Some(n)),
    };
    if let Err(e) = kept {
        status.error = Some(e);
    }
    status
}
