//! Plans the programme of a job rally (SPEC §1, `rally plan`): every session
//! of every workshop on a period and a venue, keeping H1–H8, for the lowest
//! programme penalty of SPEC §7 (`unscheduled`, `theme_week`, `same_day`,
//! `daily_load`, `coverage`). The checker ([`rally_check::check`]) judges and
//! scores every plan this returns.
//!
//! How, module by module:
//! - [`instance`]: what is fixed before the search — feasible placements
//!   (H1–H4), pins, the previous plan, the cost of moving a session.
//! - [`programme`]: a programme being built, with H5–H7 checked and the
//!   linear terms kept up to date move by move.
//! - `parts`: the edition split into parts that share no partner, venue or
//!   member, solved in parallel.
//! - `construct`: placing the least free sessions first.
//! - [`mip`]: the exact model (good_lp), one function per constraint family.
//! - `search`: local search and large neighbourhoods re-placed by the exact model.
//! - [`coverage`]: members' certifiability, kept in view from the start.
//! - `repair`: moves towards members who cannot be certified yet.
//! - `bound`: lower bounds on the penalty.
//! - `reasons`: why a session is left unscheduled, in words a rally leader can act on.

#![warn(missing_docs)]

mod bound;
mod construct;
pub mod coverage;
pub mod instance;
pub mod mip;
mod parts;
pub mod programme;
mod reasons;
mod repair;
mod search;

use instance::Instance;
use rally_check::Penalty;
use rally_model::replan::Replan;
use rally_model::types::Unscheduled;
use rally_model::{Model, Placement, Plan};
pub use rally_search::Options;
use rally_search::Progress;
use rayon::prelude::*;
use std::time::Duration;

/// A planned programme, its penalty as the checker computes it, and how good it is.
#[derive(Debug, Clone)]
pub struct PlanOutcome {
    /// The programme: `edition`, `sessions`, `unscheduled`, no courses, `penalty`.
    pub plan: Plan,
    /// The checker's penalty of `plan`.
    pub penalty: Penalty,
    /// Where each session is (`None`: unscheduled), the indices behind `plan`.
    pub at: Vec<Option<Placement>>,
    /// Whether `penalty.total` is proven optimal (it equals `lower_bound`).
    pub optimal: bool,
    /// A lower bound on the penalty of any programme of the edition (pins kept).
    pub lower_bound: Option<i64>,
    /// Ids of the sessions of `previous` that are not where they were.
    pub moved: Vec<String>,
    /// Time the planning took.
    pub elapsed: Duration,
}

/// Plans the programme of an edition.
///
/// `opts.previous` is the published plan to stay close to (re-planning, SPEC
/// §9): its sessions move only when that saves more than `moved`, and what has
/// run stays fixed; `opts.progress` is called with the best penalty found so
/// far (programme terms, coverage included).
pub fn plan(model: &Model, opts: &Options) -> PlanOutcome {
    let instance = Instance::new(model, opts.previous);
    let parts = parts::split(&instance);
    let best = Progress::new(opts.progress, parts.len());
    let budget = &opts.budget;
    let shares = shares(budget.effort(), &parts, model.sessions.len());
    let solved: Vec<search::Solved> = parts
        .par_iter()
        .zip(shares)
        .enumerate()
        .map(|(i, (part, effort))| {
            let own = budget.share(effort);
            search::solve_part(&instance, part, i, opts.seed, &own, &best)
        })
        .collect();
    let mut at = vec![None; model.sessions.len()];
    let mut lower_bound = Some(0);
    for s in &solved {
        for (&session, &placement) in &s.placed {
            at[session] = Some(placement);
        }
        lower_bound = lower_bound.zip(s.lower_bound).map(|(a, b)| a + b);
    }
    let mut plan = to_plan(&instance, &at);
    if let Some(old) = opts.previous.and_then(|r| unchanged(model, &plan, r)) {
        plan = old;
    }
    let report = rally_check::check_replan(model, &plan, opts.previous);
    let penalty = report.penalty;
    if plan.penalty.is_none() {
        plan.penalty = Some(penalty.to_map());
    }
    // The assert mode: the searches' incremental cost is the checker's.
    debug_assert_eq!(
        solved.iter().map(|s| s.cost).sum::<i64>(),
        penalty.total,
        "the planner's incremental cost differs from the checker's penalty {penalty:?}"
    );
    let lower_bound = lower_bound.map(|b| b.min(penalty.total));
    PlanOutcome {
        optimal: lower_bound == Some(penalty.total),
        moved: instance.moved(&at),
        plan,
        penalty,
        at,
        lower_bound,
        elapsed: budget.elapsed(),
    }
}

/// Each part's share of the effort, in proportion to its sessions (at least
/// one unit each), so that a part's search never depends on the others'.
fn shares(effort: Option<u64>, parts: &[parts::Part], sessions: usize) -> Vec<Option<u64>> {
    parts
        .iter()
        .map(|p| {
            effort.map(|e| {
                let share = u128::from(e) * p.sessions.len() as u128 / sessions.max(1) as u128;
                u64::try_from(share).unwrap_or(u64::MAX).max(1)
            })
        })
        .collect()
}

/// The published programme itself, when the new one changes nothing in it
/// (same sessions where they were, no courses): a re-plan that changes
/// nothing writes the same bytes.
fn unchanged(model: &Model, plan: &Plan, replan: &Replan) -> Option<Plan> {
    let old = &replan.old;
    let same = old.courses.is_none()
        && rally_model::replan::standings(old) == rally_model::replan::standings(plan)
        && rally_check::Changes::new(model, plan, replan).is_empty();
    same.then(|| old.clone())
}

/// The plan file of a programme: sessions in period order, unscheduled ones with reasons.
pub fn to_plan(instance: &Instance, at: &[Option<rally_model::Placement>]) -> Plan {
    let model = instance.model;
    let mut placed: Vec<(rally_model::Placement, usize)> = at
        .iter()
        .enumerate()
        .filter_map(|(s, p)| p.map(|p| (p, s)))
        .collect();
    placed.sort_by_key(|&(p, s)| (p.period, model.venues[p.venue].id.as_str(), s));
    let unscheduled = (0..model.sessions.len())
        .filter(|&s| at[s].is_none())
        .map(|s| Unscheduled {
            id: model.sessions[s].id.clone(),
            reason: reasons::why_unscheduled(instance, s, at),
        })
        .collect();
    Plan {
        edition: model.edition.edition.clone(),
        sessions: placed
            .into_iter()
            .map(|(p, s)| model.planned_session(s, p))
            .collect(),
        unscheduled,
        courses: None,
        penalty: None,
    }
}
