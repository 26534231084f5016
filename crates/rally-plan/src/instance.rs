//! What is fixed before the search: where each workshop may go (H1–H4), the
//! pinned sessions (H8), the previous plan when re-planning, and the cost of
//! moving one of its sessions.

use rally_model::calendar::parse_date;
use rally_model::{Model, Placement, Plan, Term};

/// The edition as the planner sees it.
pub struct Instance<'m> {
    pub model: &'m Model,
    /// For each workshop, its placements that keep H1–H4 (`Model::feasible_placements`).
    pub placements: Vec<Vec<Placement>>,
    /// For each session, its pin.
    pub pinned: Vec<Option<Placement>>,
    /// For each session, where the previous plan had it, when that still keeps H1–H4.
    pub previous: Vec<Option<Placement>>,
    /// For each session, whether the previous plan scheduled it (anywhere).
    pub was_scheduled: Vec<bool>,
    /// What moving one session of the previous plan costs: more than any soft
    /// term one session can save (its themes' `theme_week`, its `same_day`
    /// pairs, the `daily_load` of its days, the `coverage` of the largest member).
    pub move_cost: i64,
}

impl<'m> Instance<'m> {
    /// Compiles the placements, pins and previous plan.
    pub fn new(model: &'m Model, previous: Option<&Plan>) -> Instance<'m> {
        let placements: Vec<Vec<Placement>> = (0..model.workshops.len())
            .map(|w| model.feasible_placements(w))
            .collect();
        let mut pinned = vec![None; model.sessions.len()];
        for pin in &model.pins {
            pinned[pin.session] = Some(pin.at);
        }
        let mut prev = vec![None; model.sessions.len()];
        let mut was_scheduled = vec![false; model.sessions.len()];
        for entry in previous.map_or(&[][..], |p| &p.sessions[..]) {
            let Some(s) = model.session(&entry.id) else {
                continue;
            };
            was_scheduled[s] = true;
            let day = parse_date(&entry.date).and_then(|d| model.grid.day(d));
            let at = day
                .zip(model.grid.slot(&entry.slot))
                .zip(model.venue(&entry.venue))
                .map(|((d, slot), venue)| Placement {
                    period: model.grid.period(d, slot),
                    venue,
                });
            prev[s] = at.filter(|at| placements[model.sessions[s].workshop].contains(at));
        }
        Instance {
            move_cost: move_cost(model),
            model,
            placements,
            pinned,
            previous: prev,
            was_scheduled,
        }
    }

    /// Whether the planner decides where the session goes (it is not pinned).
    pub fn is_free(&self, session: usize) -> bool {
        self.pinned[session].is_none()
    }

    /// The cost of placing a session at `at` (or leaving it out) with respect
    /// to the previous plan: [`Instance::move_cost`] when it could have stayed.
    pub fn moving(&self, session: usize, at: Option<Placement>) -> i64 {
        match self.previous[session] {
            Some(old) if at != Some(old) => self.move_cost,
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

/// One more than the most one session can save in soft terms.
fn move_cost(model: &Model) -> i64 {
    let w = &model.weights;
    let themes = model
        .workshops
        .iter()
        .map(|x| x.themes.count_ones() as i64)
        .max()
        .unwrap_or(0);
    let sessions = model
        .workshops
        .iter()
        .map(|x| x.n_sessions as i64)
        .max()
        .unwrap_or(1);
    let headcount = model
        .members
        .iter()
        .map(|m| m.headcount as i64)
        .max()
        .unwrap_or(0);
    let days = model.grid.days.len() as i64;
    1 + w[Term::ThemeWeek] * model.theme_sessions_per_week as i64 * themes
        + w[Term::SameDay] * (sessions - 1)
        + w[Term::DailyLoad] * (days + 2)
        + w[Term::Coverage] * headcount
}
