#![warn(missing_docs)]
//! Courses through a fixed programme (SPEC §1.2, §6 C1–C4, §7 course terms):
//! a route for every group and a personal course for every participant, so
//! that as many people as possible validate their themes.
//!
//! - [`board`]: the programme as members see it: the offers each member may
//!   attend (the checker's [`rally_check::certify::barrier`]), split into
//!   independent parts (members and offers that share no seat).
//! - [`course`]: the best course of one member given the seats left: a
//!   dynamic programme over days on the themes (and wishes) it reaches.
//! - [`search`]: greedy in order of scarcity, repair by ejection chains,
//!   local search; anytime and seeded.
//! - `exact`: the integer model (good_lp) of the most certified headcount,
//!   for small parts, warm-started from the heuristic.
//! - [`bound`]: an upper bound on the certified headcount.
//! - [`explain`]: who is left out, why, and which extra session would help.
//! - [`reroute`]: re-planning a published plan (SPEC §9): keep, then re-route
//!   only the members a change reaches.

pub mod board;
pub mod bound;
pub mod course;
mod exact;
pub mod explain;
pub mod reroute;
pub mod search;

pub use explain::{LeftOut, Suggestion};
pub use rally_search::Options;

use rally_check::Penalty;
use rally_model::types::Course;
use rally_model::{Model, Plan, Term};
use rally_search::Budget;
use std::time::Duration;

/// What [`assign`] returns.
#[derive(Debug, Clone)]
pub struct AssignOutcome {
    /// The input plan with its programme as is, new `courses` and the checker's `penalty`.
    pub plan: Plan,
    /// The checker's penalty of `plan`.
    pub penalty: Penalty,
    /// Whether the checker finds the programme of the input plan valid.
    pub programme_valid: bool,
    /// Certified members and their headcount (individuals, groups).
    pub certified: Headcount,
    /// Members who asked for a certificate, and their headcount.
    pub wanting: Headcount,
    /// Upper bound on the certified headcount (see [`bound`]).
    pub upper_bound: u64,
    /// Whether every part was solved by the exact model to optimality.
    pub optimal: bool,
    /// Who is left uncertified, why, and what would help.
    pub left_out: Vec<LeftOut>,
    /// Extra sessions that would certify more people, best first.
    pub suggestions: Vec<Suggestion>,
    /// Time the search took.
    pub elapsed: Duration,
}

/// Members and people, split into individuals and groups.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Headcount {
    /// Participants.
    pub participants: u64,
    /// Groups.
    pub groups: u64,
    /// People in those groups.
    pub pupils: u64,
}

impl Headcount {
    /// People: participants plus the headcount of the groups.
    pub fn people(&self) -> u64 {
        self.participants + self.pupils
    }
}

/// Assigns courses on the programme of `plan` (kept as is) and scores the result with the checker.
///
/// `options.progress` is called with the best course penalty so far (an
/// estimate of the course terms).
pub fn assign(model: &Model, plan: &Plan, options: &Options) -> AssignOutcome {
    if let Some(replan) = options.previous {
        return reroute::reroute(model, plan, replan, options);
    }
    let board = board::Board::new(model, plan);
    let programme_valid = rally_check::check(model, &programme_only(plan)).valid;
    let found = search::run(&board, options.seed, &options.budget, options.progress);
    let mut out = plan.clone();
    out.courses = Some(courses(&board, &found));
    let report = rally_check::check(model, &out);
    // The assert mode: the search's incremental course terms are the checker's.
    debug_assert_eq!(
        found.objective,
        Term::COURSE.iter().map(|&t| report.penalty[t]).sum::<i64>(),
        "the assignment's incremental objective differs from the checker's {:?}",
        report.penalty
    );
    out.penalty = Some(report.penalty.to_map());
    let mut outcome = outcome(&board, &found, out, &report);
    outcome.programme_valid = programme_valid;
    outcome.elapsed = options.budget.elapsed();
    outcome
}

/// Courses on a programme given by index (where each session is): for each
/// member, the sessions of its course in period order, with what is known of
/// their quality. The board says what each member may attend.
pub fn route<'m>(
    model: &'m Model,
    at: &[Option<rally_model::Placement>],
    seed: u64,
    budget: &Budget,
    progress: Option<&(dyn Fn(i64) + Sync)>,
) -> (board::Board<'m>, search::Found) {
    let board = board::Board::from_placements(model, at);
    let found = search::run(&board, seed, budget, progress);
    (board, found)
}

/// The session indices of each member's course, from board offers.
pub fn course_sessions(board: &board::Board, found: &search::Found) -> Vec<Vec<usize>> {
    found
        .courses
        .iter()
        .map(|c| c.iter().map(|&o| board.offers[o].session).collect())
        .collect()
}

/// What [`assign`] returns, for a plan whose courses are `found` on `board`
/// and that the checker judged in `report` (its programme taken as valid).
pub fn outcome(
    board: &board::Board,
    found: &search::Found,
    plan: Plan,
    report: &rally_check::Report,
) -> AssignOutcome {
    let model = board.model;
    let certified = headcount(model, |m| report.members[m].certified);
    let wanting = headcount(model, |m| model.members[m].certificate);
    let (left_out, suggestions) = explain::left_out(board, report, &found.courses);
    AssignOutcome {
        plan,
        penalty: report.penalty,
        programme_valid: true,
        certified,
        wanting,
        upper_bound: found.upper_bound,
        optimal: found.optimal,
        left_out,
        suggestions,
        elapsed: Default::default(),
    }
}

/// The plan's `courses` for session indices per member: members with a
/// non-empty course, in edition order.
pub fn plan_courses(model: &Model, courses: &[Vec<usize>]) -> Vec<Course> {
    courses
        .iter()
        .enumerate()
        .filter(|(_, c)| !c.is_empty())
        .map(|(m, c)| Course {
            member: model.members[m].id.clone(),
            sessions: c.iter().map(|&s| model.sessions[s].id.clone()).collect(),
        })
        .collect()
}

/// The plan without courses nor penalty: what the planner wrote.
pub fn programme_only(plan: &Plan) -> Plan {
    Plan {
        courses: None,
        penalty: None,
        ..plan.clone()
    }
}

/// The plan's `courses`: members with a non-empty course, in edition order,
/// sessions in period order.
fn courses(board: &board::Board, found: &search::Found) -> Vec<Course> {
    plan_courses(board.model, &course_sessions(board, found))
}

/// Members for which `pick` holds, counted as in [`Headcount`].
fn headcount(model: &Model, pick: impl Fn(usize) -> bool) -> Headcount {
    let mut h = Headcount::default();
    for (_, m) in model.members.iter().enumerate().filter(|(i, _)| pick(*i)) {
        if m.is_group {
            h.groups += 1;
            h.pupils += m.headcount as u64;
        } else {
            h.participants += 1;
        }
    }
    h
}
