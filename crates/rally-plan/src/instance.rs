//! What is fixed before the search: where each workshop may go (H1–H4), the
//! pinned sessions (H8), and when re-planning (SPEC §9) the published plan,
//! the sessions that have run (fixed like pins, nothing else placed on or
//! before their date) and the cost of moving a session (`moved`).

use rally_model::calendar::parse_date;
use rally_model::replan::Replan;
use rally_model::types::PlannedSession;
use rally_model::{Model, Placement, Term};

/// The edition as the planner sees it.
pub struct Instance<'m> {
    /// The compiled edition.
    pub model: &'m Model,
    /// For each workshop, its placements that keep H1–H4 (`Model::feasible_placements`).
    pub placements: Vec<Vec<Placement>>,
    /// For each session, its pin, or where it ran when frozen (SPEC §9).
    pub pinned: Vec<Option<Placement>>,
    /// For each session, where the previous plan had it, when that still keeps H1–H4.
    pub previous: Vec<Option<Placement>>,
    /// For each session, whether the previous plan scheduled it (anywhere).
    pub was_scheduled: Vec<bool>,
    /// For each session, whether the previous plan listed it as unscheduled.
    pub was_unscheduled: Vec<bool>,
    /// What moving one session of the previous plan costs: `rules.weights.moved`.
    pub move_cost: i64,
}

impl<'m> Instance<'m> {
    /// Compiles the placements, pins and the published plan.
    pub fn new(model: &'m Model, replan: Option<&Replan>) -> Instance<'m> {
        let placements: Vec<Vec<Placement>> = (0..model.workshops.len())
            .map(|w| rally_check::unscheduled::candidates(model, w, replan))
            .collect();
        let mut pinned = vec![None; model.sessions.len()];
        for pin in &model.pins {
            pinned[pin.session] = Some(pin.at);
        }
        let mut prev = vec![None; model.sessions.len()];
        let mut was_scheduled = vec![false; model.sessions.len()];
        let mut was_unscheduled = vec![false; model.sessions.len()];
        for entry in replan.map_or(&[][..], |r| &r.old.sessions[..]) {
            let Some(s) = model.session(&entry.id) else {
                continue;
            };
            was_scheduled[s] = true;
            let at = resolve(model, entry);
            prev[s] = if replan.is_some_and(|r| r.is_frozen(entry)) {
                // What has run stands where it ran, whatever the rules say now.
                pinned[s] = at;
                at
            } else {
                at.filter(|at| placements[model.sessions[s].workshop].contains(at))
            };
        }
        for u in replan.map_or(&[][..], |r| &r.old.unscheduled[..]) {
            if let Some(s) = model.session(&u.id).filter(|&s| !was_scheduled[s]) {
                was_unscheduled[s] = true;
            }
        }
        Instance {
            move_cost: model.weights[Term::Moved],
            model,
            placements,
            pinned,
            previous: prev,
            was_scheduled,
            was_unscheduled,
        }
    }

    /// Whether the planner decides where the session goes (it is not pinned).
    pub fn is_free(&self, session: usize) -> bool {
        self.pinned[session].is_none()
    }

    /// The cost of placing a session at `at` (or leaving it out) with respect
    /// to the previous plan: [`Instance::move_cost`] when it could have stayed,
    /// and always when the previous plan had it where it can no longer be
    /// (SPEC §9 counts that move too; no choice avoids it).
    pub fn moving(&self, session: usize, at: Option<Placement>) -> i64 {
        match self.previous[session] {
            Some(old) if at != Some(old) => self.move_cost,
            None if self.was_unscheduled[session] && at.is_some() => self.move_cost,
            None if self.was_scheduled[session] => self.move_cost,
            _ => 0,
        }
    }

    /// The sessions the previous plan scheduled that are not where they were
    /// (forced moves included), by id.
    pub fn moved(&self, at: &[Option<Placement>]) -> Vec<String> {
        (0..self.model.sessions.len())
            .filter(|&s| self.was_scheduled[s])
            .filter(|&s| self.previous[s].is_none() || at[s] != self.previous[s])
            .map(|s| self.model.sessions[s].id.clone())
            .collect()
    }
}

/// The placement of a plan's session entry, when its date, slot and venue resolve.
pub fn resolve(model: &Model, entry: &PlannedSession) -> Option<Placement> {
    let day = parse_date(&entry.date).and_then(|d| model.grid.day(d))?;
    Some(Placement {
        period: model.grid.period(day, model.grid.slot(&entry.slot)?),
        venue: model.venue(&entry.venue)?,
    })
}
