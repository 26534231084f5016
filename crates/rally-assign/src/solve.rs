//! `rally solve`: plan the programme ([`rally_plan::plan`]), assign courses,
//! then use where people are squeezed out: for each extra session assign
//! suggests (workshop, weekday, slot, venue), move the workshop's least
//! attended (or an unscheduled) session there when the checker keeps the
//! programme valid, re-assign, and keep the move when the total penalty drops.

use crate::{assign, programme_only, AssignOutcome, Options};
use rally_model::{Model, Placement, Plan};
use std::time::Duration;

/// Share of the time limit given to planning.
const PLAN_SHARE: f64 = 0.5;
/// Placements tried per suggestion.
const TRIES: usize = 2;

/// What [`solve`] returns.
#[derive(Debug, Clone)]
pub struct SolveOutcome {
    /// The assignment on the final programme (its plan is the one to write).
    pub assigned: AssignOutcome,
    /// The planner's penalty before courses.
    pub programme_penalty: rally_check::Penalty,
    /// Sessions moved after the first assignment, by id.
    pub moved: Vec<String>,
    pub elapsed: Duration,
}

/// Plans, assigns, and improves the programme where people are squeezed out.
pub fn solve(model: &Model, options: &Options) -> SolveOutcome {
    let budget = &options.budget;
    let planned = rally_plan::plan(
        model,
        &Options {
            budget: budget.share(PLAN_SHARE),
            previous: None,
            ..options.clone()
        },
    );
    let assign_options = |share: f64| Options {
        budget: budget.share(share),
        previous: None,
        ..options.clone()
    };
    let mut best = assign(model, &planned.plan, &assign_options(0.5));
    let mut moved = Vec::new();
    for suggestion in best.suggestions.clone() {
        for (session, at) in moves(model, &best.plan, &suggestion) {
            if budget.exhausted() {
                break;
            }
            let programme = moved_programme(model, &best.plan, session, at);
            if !rally_check::check(model, &programme).valid {
                continue;
            }
            let trial = assign(model, &programme, &assign_options(1.0));
            if trial.penalty.total < best.penalty.total {
                best = trial;
                moved.push(model.sessions[session].id.clone());
                break;
            }
        }
    }
    best.elapsed = budget.elapsed();
    SolveOutcome {
        assigned: best,
        programme_penalty: planned.penalty,
        moved,
        elapsed: budget.elapsed(),
    }
}

/// Candidate moves for a suggestion: the workshop's unscheduled sessions,
/// then its scheduled ones from the least attended, to free placements at the
/// suggested weekday, slot and venue.
fn moves(model: &Model, plan: &Plan, s: &crate::Suggestion) -> Vec<(usize, Placement)> {
    let Some(w) = model.workshop(&s.workshop) else {
        return Vec::new();
    };
    let taken: Vec<(String, String, String)> = plan
        .sessions
        .iter()
        .map(|p| (p.date.clone(), p.slot.clone(), p.venue.clone()))
        .collect();
    let weekday = |p: &Placement| {
        crate::explain::weekday_name(model.grid.weekday(model.grid.day_of(p.period)))
    };
    let free: Vec<Placement> = model
        .feasible_placements(w)
        .into_iter()
        .filter(|p| weekday(p) == s.weekday && model.grid.slot_time(p.period).id == s.slot)
        .filter(|p| model.venues[p.venue].name == s.venue)
        .filter(|p| {
            let key = (
                model.grid.days[model.grid.day_of(p.period)].to_string(),
                model.grid.slot_time(p.period).id.clone(),
                model.venues[p.venue].id.clone(),
            );
            !taken.contains(&key)
        })
        .take(TRIES)
        .collect();
    let attendance = |id: &str| {
        plan.courses
            .iter()
            .flatten()
            .filter(|c| c.sessions.iter().any(|x| x == id))
            .count()
    };
    let workshop = &model.workshops[w];
    let mut sessions: Vec<(usize, usize)> = (workshop.first_session
        ..workshop.first_session + workshop.n_sessions)
        .filter(|&x| model.pin_of(x).is_none())
        .map(|x| {
            let id = &model.sessions[x].id;
            let scheduled = plan.sessions.iter().any(|p| &p.id == id);
            (if scheduled { 1 + attendance(id) } else { 0 }, x)
        })
        .collect();
    sessions.sort_unstable();
    sessions
        .into_iter()
        .take(1)
        .flat_map(|(_, x)| free.iter().map(move |&p| (x, p)))
        .collect()
}

/// The programme of `plan` with `session` placed at `at`.
fn moved_programme(model: &Model, plan: &Plan, session: usize, at: Placement) -> Plan {
    let mut out = programme_only(plan);
    let id = &model.sessions[session].id;
    out.sessions.retain(|p| &p.id != id);
    out.unscheduled.retain(|u| &u.id != id);
    out.sessions.push(model.planned_session(session, at));
    out.sessions.sort_by(|a, b| {
        (&a.date, &a.start, &a.venue, &a.id).cmp(&(&b.date, &b.start, &b.venue, &b.id))
    });
    out
}
