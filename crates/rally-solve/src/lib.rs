//! `rally solve` (SPEC §8): the programme and the courses together, for the
//! lowest total penalty of SPEC §7. It stands above both solvers and works
//! on indices — where each session is (`Vec<Option<Placement>>`), courses as
//! board offers, suggestions as (workshop, weekday, slot, venue) indices —
//! and writes words only once, at the end: one [`Plan`](rally_model::Plan), judged once by the
//! checker.
//!
//! 1. plan the programme ([`rally_plan::plan`]) with at most half the time
//!    (its search ends by itself; the effort it spends is counted);
//! 2. route every member through it ([`rally_assign::route`]);
//! 3. improve (`improve`): move sessions where the courses say people are
//!    squeezed out, re-route, keep what lowers the total ([`score`]);
//! 4. large-neighbourhood search (`lns`) until the budget runs out: free a
//!    session's seats, a session, a territory's day or a workshop, rebuild,
//!    keep what does not raise the total (travel included);
//! 5. write the plan and let the checker score it; `bound` says how far
//!    from the best possible it can be.
//!
//! With a published plan (`--from`, SPEC §9) it plans close to it, routes
//! from the published courses, then moves sessions only where the checker's
//! total with `moved` and `rerouted` drops ([`replan`]).
//!
//! Same input, seed and effort give the same plan unless the clock or the
//! cancel flag cut the search short ([`rally_search::Budget`]). Effort the
//! planner leaves goes to the improvement and the search, whose plan only
//! gets better: beyond what the planner needs, more effort never gives a worse plan.

#![warn(missing_docs)]

mod bound;
mod improve;
mod lns;
pub mod replan;
pub mod score;

use rally_assign::AssignOutcome;
use rally_check::Penalty;
use rally_model::Model;
use rally_plan::instance::Instance;
use rally_plan::programme::Programme;
pub use rally_search::Options;
use std::time::Duration;

/// Share of the time limit given to planning the programme.
const PLAN_SHARE: f64 = 0.5;
/// Share of the time left after planning given to the bounds at most.
const BOUND_SHARE: f64 = 0.2;
/// Share of the time limit kept for writing and judging the plan: the
/// search stops that much before the deadline.
const FINISH_SHARE: f64 = 0.08;

/// What [`solve`] returns.
#[derive(Debug, Clone)]
pub struct SolveOutcome {
    /// The plan and its checker's report, with who is left out and why.
    pub assigned: AssignOutcome,
    /// The planner's penalty before courses.
    pub programme_penalty: Penalty,
    /// Sessions moved after the first routing, by id.
    pub moved: Vec<String>,
    /// Whether the clock or the cancel flag cut some search short (then the
    /// plan may differ from run to run; with effort alone it does not).
    pub cut_short: bool,
    /// Units of effort spent.
    pub effort: u64,
    /// A lower bound on the total penalty of any plan (see `bound`).
    pub lower_bound: Option<i64>,
    /// Time the solve took.
    pub elapsed: Duration,
}

/// Plans, routes and improves; the plan is judged once by the checker.
pub fn solve(model: &Model, options: &Options) -> SolveOutcome {
    let budget = &options.budget;
    let reserve = budget.remaining().map(|left| left.mul_f64(FINISH_SHARE));
    let plan_budget = match budget.remaining() {
        Some(left) => budget.within(left.mul_f64(PLAN_SHARE), None),
        None => budget.share(None),
    };
    let planned = rally_plan::plan(
        model,
        &Options {
            budget: plan_budget.clone(),
            ..options.clone()
        },
    );
    if options.previous.is_some() {
        return replanned(model, options, &plan_budget, planned);
    }
    let instance = Instance::new(model, None);
    let all_sessions: Vec<usize> = (0..model.sessions.len()).collect();
    let all_territories: Vec<usize> = (0..model.territories.len()).collect();
    let mut prog = Programme::new(&instance, &all_sessions, &all_territories);
    for (s, at) in planned.at.iter().enumerate() {
        if let (Some(at), None) = (*at, prog.at[s]) {
            prog.place(s, at);
        }
    }
    let bounds = match budget.remaining() {
        Some(left) => bound::bounds(&instance, &budget.within(left.mul_f64(BOUND_SHARE), None)),
        None => bound::bounds(&instance, budget),
    };
    let improve_budget = budget.share(
        budget
            .effort()
            .map(|e| e.saturating_sub(plan_budget.spent())),
    );
    let improved = improve::run(&mut prog, options.seed, &improve_budget, options);
    let search_budget = match (budget.remaining(), reserve) {
        (Some(left), Some(reserve)) => {
            let effort = improve_budget.effort().map(|_| improve_budget.left());
            improve_budget.within(left.saturating_sub(reserve), effort)
        }
        _ => improve_budget.clone(),
    };
    let improved = lns::run(&mut prog, improved, options.seed, &search_budget, options);
    let mut plan = rally_plan::to_plan(&instance, &prog.at);
    let courses = rally_assign::course_sessions(&improved.board, &improved.found);
    plan.courses = Some(rally_assign::plan_courses(model, &courses));
    let report = rally_check::check(model, &plan);
    plan.penalty = Some(report.penalty.to_map());
    let mut assigned = rally_assign::outcome(&improved.board, &improved.found, plan, &report);
    assigned.programme_valid = report.valid;
    let certified = assigned.certified.people();
    assigned.upper_bound = assigned.upper_bound.min(bounds.certified).max(certified);
    assigned.optimal |= assigned.upper_bound == certified;
    assigned.elapsed = budget.elapsed();
    SolveOutcome {
        assigned,
        programme_penalty: planned.penalty,
        moved: improved
            .moved
            .iter()
            .map(|&s| model.sessions[s].id.clone())
            .collect(),
        cut_short: budget.cut_short(),
        lower_bound: planned.lower_bound.map(|b| b + bounds.course_terms),
        effort: budget.spent_in_all(),
        elapsed: budget.elapsed(),
    }
}

/// Re-planning (SPEC §9): the programme planned close to the published plan,
/// then [`rally_assign::assign`] routes from the published courses, then
/// [`replan::improve`] moves sessions where the checker's total, `moved` and
/// `rerouted` included, drops.
fn replanned(
    model: &Model,
    options: &Options,
    plan_budget: &rally_search::Budget,
    planned: rally_plan::PlanOutcome,
) -> SolveOutcome {
    let budget = &options.budget;
    let left = budget
        .effort()
        .map(|e| e.saturating_sub(plan_budget.spent()));
    let rest = budget.share(left);
    let first = rally_assign::assign(
        model,
        &planned.plan,
        &Options {
            budget: rest.clone(),
            ..options.clone()
        },
    );
    let (mut assigned, moved) = replan::improve(model, &planned.at, first, options, &rest);
    assigned.elapsed = budget.elapsed();
    SolveOutcome {
        assigned,
        programme_penalty: planned.penalty,
        moved: moved
            .iter()
            .map(|&s| model.sessions[s].id.clone())
            .collect(),
        cut_short: budget.cut_short(),
        effort: budget.spent_in_all(),
        lower_bound: None,
        elapsed: budget.elapsed(),
    }
}
