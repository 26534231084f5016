//! Moving a session: where it may go (H1–H7 kept, judged by the checker on
//! the moved plan) and what each move changes in penalty and certified
//! headcount.

use crate::edition::Current;
use crate::state::certified_headcount;
use rally_check::Report;
use rally_model::{Placement, Plan};
use rayon::prelude::*;
use std::collections::HashSet;

/// The most placements judged for one session (the earliest ones).
pub const MAX_JUDGED: usize = 240;

/// One place a session may move to, and what the move changes.
#[derive(Debug, Clone)]
pub struct Move {
    /// Where the session would go.
    pub at: Placement,
    /// The moved plan's penalty.
    pub penalty: i64,
    /// The moved plan's certified headcount.
    pub certified: u64,
    /// Hard rules the moved plan breaks that the plan did not (courses: C1–C4).
    pub broken: Vec<String>,
}

/// `plan` with `session` placed at `at` (taken out of `unscheduled` if it was there).
pub fn moved(current: &Current, plan: &Plan, session: usize, at: Placement) -> Plan {
    let model = &current.model;
    let id = &model.sessions[session].id;
    let mut out = plan.clone();
    out.unscheduled.retain(|u| &u.id != id);
    let entry = model.planned_session(session, at);
    match out.sessions.iter_mut().find(|s| &s.id == id) {
        Some(s) => *s = entry,
        None => out.sessions.push(entry),
    }
    out.penalty = None;
    out
}

/// Every placement of `session` other than its own that keeps H1–H7, each
/// judged on the moved plan, best first; and how many were not judged
/// (past [`MAX_JUDGED`]).
pub fn options(
    current: &Current,
    plan: &Plan,
    report: &Report,
    session: usize,
) -> (Vec<Move>, usize) {
    let model = &current.model;
    let id = &model.sessions[session].id;
    let taken: HashSet<(&str, &str, &str)> = plan
        .sessions
        .iter()
        .filter(|s| &s.id != id)
        .map(|s| (s.date.as_str(), s.slot.as_str(), s.venue.as_str()))
        .collect();
    let own = plan.sessions.iter().find(|s| &s.id == id);
    let candidates: Vec<Placement> = model
        .feasible_placements(model.sessions[session].workshop)
        .into_iter()
        .filter(|&at| {
            let e = model.planned_session(session, at);
            let key = (e.date.as_str(), e.slot.as_str(), e.venue.as_str());
            !taken.contains(&key)
                && own.is_none_or(|o| (o.date.as_str(), o.slot.as_str(), o.venue.as_str()) != key)
        })
        .collect();
    let skipped = candidates.len().saturating_sub(MAX_JUDGED);
    let before: HashSet<(&str, &str)> = report
        .violations
        .iter()
        .map(|v| (v.rule.as_str(), v.message.as_str()))
        .collect();
    let mut moves: Vec<Move> = candidates
        .into_par_iter()
        .take(MAX_JUDGED)
        .filter_map(|at| {
            let trial = moved(current, plan, session, at);
            let r = rally_check::check(model, &trial);
            let new: Vec<&rally_check::Violation> = r
                .violations
                .iter()
                .filter(|v| !before.contains(&(v.rule.as_str(), v.message.as_str())))
                .collect();
            if new
                .iter()
                .any(|v| v.rule.starts_with('H') || v.rule.starts_with('S'))
            {
                return None;
            }
            let mut broken: Vec<String> = new.iter().map(|v| v.rule.clone()).collect();
            broken.sort();
            broken.dedup();
            Some(Move {
                at,
                penalty: r.penalty.total,
                certified: certified_headcount(current, &r).0,
                broken,
            })
        })
        .collect();
    moves.sort_by_key(|m| {
        (
            m.broken.len(),
            m.penalty,
            std::cmp::Reverse(m.certified),
            m.at,
        )
    });
    (moves, skipped)
}

/// The placement a form names by date, slot and venue ids, if the edition has it.
pub fn placement(current: &Current, date: &str, slot: &str, venue: &str) -> Option<Placement> {
    let model = &current.model;
    let day = model.grid.day(rally_model::calendar::parse_date(date)?)?;
    let slot = model.grid.slots.iter().position(|s| s.id == slot)?;
    let venue = model.venues.iter().position(|v| v.id == venue)?;
    Some(Placement {
        period: model.grid.period(day, slot),
        venue,
    })
}
