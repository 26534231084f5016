//! The improvement of a re-plan (SPEC §9) after routing: as in `improve`,
//! a session goes where the courses say people are squeezed out, but every
//! try is routed from the published plan ([`rally_assign::assign`] with it)
//! and judged by the checker with `moved` and `rerouted`, so a move stands
//! only where it pays for the people it reroutes. What has run is pinned
//! where it ran (the planner's [`Instance`]) and never moves. Each move
//! tried costs one unit of effort, and its routing starts from the courses
//! kept only (the first routing also tried routing everyone anew).

use crate::improve::{first_to_move, try_move};
use rally_assign::reroute::reroute_from;
use rally_assign::search::Start;
use rally_assign::{AssignOutcome, Suggestion};
use rally_model::replan::Replan;
use rally_model::{Model, Placement};
use rally_plan::instance::Instance;
use rally_plan::programme::Programme;
use rally_search::{Budget, Options};
use std::collections::HashMap;

/// Placements tried per suggestion.
const TRIES: usize = 2;

/// Moves sessions of the programme `at` (planned from the published plan)
/// while the checker's total of the re-routed plan drops and the budget
/// lasts, starting from `first`, its routing. Returns the best outcome and
/// the sessions moved after routing, in order (`first` and none without a
/// published plan in `options`).
pub fn improve(
    model: &Model,
    at: &[Option<Placement>],
    first: AssignOutcome,
    options: &Options,
    budget: &Budget,
) -> (AssignOutcome, Vec<usize>) {
    let Some(replan) = options.previous else {
        return (first, Vec::new());
    };
    let instance = Instance::new(model, Some(replan));
    let sessions: Vec<usize> = (0..model.sessions.len()).collect();
    let territories: Vec<usize> = (0..model.territories.len()).collect();
    let mut prog = Programme::new(&instance, &sessions, &territories);
    for (s, at) in at.iter().enumerate() {
        if let (Some(at), None) = (*at, prog.at[s]) {
            prog.place(s, at);
        }
    }
    let route = Options {
        budget: budget.clone(),
        ..options.clone()
    };
    let certified = |best: &AssignOutcome| {
        if let Some(c) = options.certified {
            c(best.certified.people());
        }
    };
    certified(&first);
    let mut best = first;
    let mut moved = Vec::new();
    loop {
        let mut improved = false;
        let mut tries = moved_again(&prog, replan);
        for suggestion in &best.suggestions {
            tries.extend(moves(&prog, &best, suggestion));
        }
        for (session, to) in tries {
            if budget.exhausted() {
                return (best, moved);
            }
            budget.spend(1);
            let better = try_move(&mut prog, session, to, |prog| {
                let plan = rally_plan::to_plan(&instance, &prog.at);
                let out = reroute_from(model, &plan, replan, &route, &[Start::Kept]);
                if out.penalty.total >= best.penalty.total {
                    return false;
                }
                certified(&out);
                if let Some(p) = options.progress {
                    p(out.penalty.total);
                }
                best = out;
                true
            });
            if better {
                moved.push(session);
                improved = true;
                break;
            }
        }
        if !improved {
            return (best, moved);
        }
    }
}

/// Other places for the sessions the planner moved (each already counts as
/// moved, and going back saves it): where it stood if it still may, then
/// free placements on the weekday and slot it had, at its venue first and
/// nearest in date, where the people of its course were likely free.
fn moved_again(prog: &Programme, replan: &Replan) -> Vec<(usize, Placement)> {
    let instance = prog.instance;
    let model = instance.model;
    let mut out = Vec::new();
    for entry in &replan.old.sessions {
        let Some(s) = model.session(&entry.id) else {
            continue;
        };
        let Some(old) = rally_plan::instance::resolve(model, entry) else {
            continue;
        };
        if !instance.is_free(s) || prog.at[s].is_none() || instance.moving(s, prog.at[s]) == 0 {
            continue;
        }
        let (day, slot) = (
            model.grid.day_of(old.period),
            model.grid.slot_of(old.period),
        );
        let weekday = model.grid.weekday(day);
        let mut free: Vec<Placement> = instance.placements[model.sessions[s].workshop]
            .iter()
            .copied()
            .filter(|p| model.grid.slot_of(p.period) == slot)
            .filter(|p| model.grid.weekday(model.grid.day_of(p.period)) == weekday)
            .filter(|&p| Some(p) != prog.at[s] && prog.occupant(p).is_none())
            .collect();
        free.sort_by_key(|p| {
            let d = model.grid.day_of(p.period);
            (*p != old, p.venue != old.venue, d.abs_diff(day), p.venue)
        });
        out.extend(free.into_iter().take(TRIES).map(|p| (s, p)));
    }
    out
}

/// Candidate moves for a suggestion: the workshop's unscheduled sessions
/// that have not run, then its least attended one, to free placements at
/// the suggested weekday, slot and venue.
fn moves(prog: &Programme, best: &AssignOutcome, s: &Suggestion) -> Vec<(usize, Placement)> {
    let instance = prog.instance;
    let model = instance.model;
    let (w, weekday, slot, venue) = s.place;
    // The suggested venue first, then the others free at that weekday and slot.
    let mut free: Vec<Placement> = instance.placements[w]
        .iter()
        .copied()
        .filter(|p| model.grid.slot_of(p.period) == slot)
        .filter(|p| model.grid.weekday(model.grid.day_of(p.period)) == weekday)
        .filter(|&p| prog.occupant(p).is_none())
        .collect();
    free.sort_by_key(|p| (p.venue != venue, p.period, p.venue));
    free.truncate(TRIES);
    let mut attendance: HashMap<&str, usize> = HashMap::new();
    for c in best.plan.courses.iter().flatten() {
        for x in &c.sessions {
            *attendance.entry(x.as_str()).or_default() += 1;
        }
    }
    let attending = |x: usize| {
        let id = model.sessions[x].id.as_str();
        attendance.get(id).copied().unwrap_or(0)
    };
    first_to_move(prog, w, attending, &free)
}
