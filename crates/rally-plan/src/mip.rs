//! The exact model (good_lp): where the free sessions of a programme go, the
//! other sessions staying where they are.
//!
//! Sessions of one workshop are interchangeable, so the model has a binary
//! y(w, p, v) for each workshop w and each of its feasible placements (period
//! p, venue v) left open by the fixed sessions: "a session of w runs at v in
//! p". Which session id goes where is decided afterwards (those of the
//! previous plan first, where they were). Each constraint family of SPEC §6
//! and each soft term of §7 is one function below, named as in the spec.
//!
//! The `coverage` term enters through a necessary condition: a cohort of
//! members that no placed session of some needed theme reaches (place,
//! period, audience, seats) is uncertifiable. The model's optimum is then a
//! lower bound of the penalty, reached when the true coverage agrees.

use crate::coverage::Cohort;
use crate::programme::{themes, Programme};
use good_lp::{constraint, variable, Constraint, Expression, ProblemVariables, Variable};
use rally_model::{Model, Placement, Term, ThemeSet};
use rally_search::mip::{self as backend, Sense};
use rally_search::Budget;
use std::collections::BTreeMap;

/// Classes with more candidate placements than this for a theme are left out
/// of the coverage terms (they are almost never at risk and make dense rows).
const COVERAGE_ROW_LIMIT: usize = 300;

/// One binary: a session of `workshop` at `at`.
struct Candidate {
    workshop: usize,
    at: Placement,
    y: Variable,
}

/// A binary's workshop, placement and value.
type Chosen = (usize, Placement, bool);

/// The model under construction.
struct Builder<'p, 'i, 'm> {
    prog: &'p Programme<'i, 'm>,
    vars: ProblemVariables,
    slots: Vec<Candidate>,
    objective: Expression,
    constraints: Vec<Constraint>,
    /// The coverage variables and their costs.
    uncovered: Vec<(Variable, i64)>,
}

/// What the exact model found.
pub struct Outcome {
    /// The placements chosen for each free session.
    pub placed: Vec<(usize, Placement)>,
    /// Whether the solver proved the solution optimal.
    pub optimal: bool,
    /// The `coverage` the model counted (its necessary condition, on the
    /// cohorts it holds): with the linear terms, the model's objective.
    pub coverage: i64,
}

/// Places the `free` sessions (unplaced in `prog`) as well as possible with the
/// others fixed, within `nodes` of branch and bound; `None` when the solver
/// gives up (no solution within its limits).
pub fn solve(
    prog: &Programme,
    free: &[usize],
    cohorts: &[Cohort],
    nodes: u64,
    budget: &Budget,
) -> Option<Outcome> {
    let model = prog.model();
    let mut count: BTreeMap<usize, i32> = BTreeMap::new();
    for &s in free {
        *count.entry(model.sessions[s].workshop).or_default() += 1;
    }
    let mut b = Builder {
        prog,
        vars: ProblemVariables::new(),
        slots: Vec::new(),
        objective: Expression::default(),
        constraints: Vec::new(),
        uncovered: Vec::new(),
    };
    b.binaries(&count);
    if b.slots.is_empty() {
        return None;
    }
    b.unscheduled(&count);
    b.moves(free);
    b.h5_venue_once();
    b.h6_partner_parallel();
    b.h6_partner_daily();
    b.h7_partner_travel();
    b.theme_week();
    b.same_day(&count);
    b.daily_load();
    b.coverage(cohorts);
    let (values, optimal, coverage) = b.run(nodes, budget)?;
    Some(Outcome {
        placed: assign(prog, free, &values),
        optimal,
        coverage,
    })
}

impl<'m> Builder<'_, '_, 'm> {
    fn model(&self) -> &'m Model {
        self.prog.instance.model
    }

    /// y(w, p, v) for every feasible placement that the fixed sessions leave open.
    fn binaries(&mut self, count: &BTreeMap<usize, i32>) {
        let instance = self.prog.instance;
        for &w in count.keys() {
            let probe = instance.model.workshops[w].first_session;
            for &at in &instance.placements[w] {
                if self.prog.can_place(probe, at) {
                    let y = self.vars.add(variable().binary());
                    self.slots.push(Candidate { workshop: w, at, y });
                }
            }
        }
    }

    fn sum<'a>(&self, slots: impl IntoIterator<Item = &'a Candidate>) -> Expression {
        slots.into_iter().map(|s| s.y).sum()
    }

    /// At most as many placements as free sessions; `unscheduled` for the rest.
    fn unscheduled(&mut self, count: &BTreeMap<usize, i32>) {
        let weight = self.model().weights[Term::Unscheduled] as f64;
        for (&w, &k) in count {
            let placed = self.sum(self.slots.iter().filter(|s| s.workshop == w));
            self.objective -= weight * placed.clone();
            self.constraints.push(constraint!(placed <= k));
        }
    }

    /// Moving a session of the previous plan costs [`crate::instance::Instance::move_cost`].
    fn moves(&mut self, free: &[usize]) {
        let instance = self.prog.instance;
        for &s in free {
            let Some(old) = instance.previous[s] else {
                continue;
            };
            let w = instance.model.sessions[s].workshop;
            if let Some(slot) = self.slots.iter().find(|x| x.workshop == w && x.at == old) {
                self.objective -= instance.move_cost as f64 * slot.y;
            }
        }
    }

    /// Groups the binaries by a key, in key order.
    fn by<K: Ord>(&self, key: impl Fn(&Candidate) -> Option<K>) -> BTreeMap<K, Vec<usize>> {
        let mut out: BTreeMap<K, Vec<usize>> = BTreeMap::new();
        for (i, s) in self.slots.iter().enumerate() {
            if let Some(k) = key(s) {
                out.entry(k).or_default().push(i);
            }
        }
        out
    }

    /// H5: a venue hosts at most one session in a period.
    fn h5_venue_once(&mut self) {
        for (_, ids) in self.by(|s| Some(s.at)) {
            if ids.len() > 1 {
                let e = self.sum(ids.iter().map(|&i| &self.slots[i]));
                self.constraints.push(constraint!(e <= 1));
            }
        }
    }

    /// Binaries by (partner, key of the placement).
    fn by_partner<K: Ord + Copy>(
        &self,
        key: impl Fn(Placement) -> K,
    ) -> BTreeMap<(usize, K), Vec<usize>> {
        let mut out: BTreeMap<(usize, K), Vec<usize>> = BTreeMap::new();
        for (i, s) in self.slots.iter().enumerate() {
            for &o in &self.model().workshops[s.workshop].organisers {
                out.entry((o, key(s.at))).or_default().push(i);
            }
        }
        out
    }

    /// H6: a partner organises at most `parallel` sessions in a period.
    fn h6_partner_parallel(&mut self) {
        for ((o, period), ids) in self.by_partner(|at| at.period) {
            let room = self.model().partners[o]
                .parallel
                .saturating_sub(self.prog.partner_load(o, period).0);
            if ids.len() as u32 > room {
                let e = self.sum(ids.iter().map(|&i| &self.slots[i]));
                self.constraints.push(constraint!(e <= room));
            }
        }
    }

    /// H6: a partner organises at most `max_per_day` sessions in a day.
    fn h6_partner_daily(&mut self) {
        let grid = &self.model().grid;
        for ((o, day), ids) in self.by_partner(|at| grid.day_of(at.period)) {
            let first = grid.period(day, 0);
            let room = self.model().partners[o]
                .max_per_day
                .saturating_sub(self.prog.partner_load(o, first).1);
            if ids.len() as u32 > room {
                let e = self.sum(ids.iter().map(|&i| &self.slots[i]));
                self.constraints.push(constraint!(e <= room));
            }
        }
    }

    /// H7: a partner with `parallel` = 1 running sessions at A then B on one day
    /// has the road time between them. For each earlier placement (p, A) and
    /// each end time e of its sessions there: the sessions at A ending at e or
    /// later and the later ones they could not reach are at most one (each
    /// period holds at most one of the partner's sessions).
    fn h7_partner_travel(&mut self) {
        let model = self.model();
        let grid = &model.grid;
        let mut rows = Vec::new();
        for ((o, day), ids) in self.by_partner(|at| grid.day_of(at.period)) {
            if model.partners[o].parallel != 1 {
                continue;
            }
            let mut starts: BTreeMap<(usize, usize), Vec<(u32, usize)>> = BTreeMap::new();
            for &i in &ids {
                let s = &self.slots[i];
                let (_, end) = model.times_in(s.workshop, s.at.period);
                starts
                    .entry((s.at.period, s.at.venue))
                    .or_default()
                    .push((end, i));
            }
            for (&(p, a), earlier) in &starts {
                let mut ends: Vec<u32> = earlier.iter().map(|x| x.0).collect();
                ends.sort_unstable();
                ends.dedup();
                for &e in &ends {
                    let late: Vec<usize> = ids
                        .iter()
                        .copied()
                        .filter(|&j| {
                            let s = &self.slots[j];
                            s.at.period > p && grid.day_of(s.at.period) == day && {
                                let (start, _) = model.times_in(s.workshop, s.at.period);
                                !model.reaches_in_time(a, e, s.at.venue, start)
                            }
                        })
                        .collect();
                    if late.is_empty() {
                        continue;
                    }
                    let left = earlier.iter().filter(|x| x.0 >= e).map(|x| x.1);
                    rows.push(left.chain(late).collect::<Vec<usize>>());
                }
            }
        }
        for row in rows {
            let e = self.sum(row.iter().map(|&i| &self.slots[i]));
            self.constraints.push(constraint!(e <= 1));
        }
    }

    /// `theme_week`: slack(τ, t, k) ≥ R − n(τ, t, k).
    fn theme_week(&mut self) {
        let model = self.model();
        let r = model.theme_sessions_per_week as i32;
        let weight = model.weights[Term::ThemeWeek] as f64;
        let mut cells: BTreeMap<(usize, usize, usize), Vec<usize>> = BTreeMap::new();
        for (i, s) in self.slots.iter().enumerate() {
            let tau = model.venues[s.at.venue].territory;
            let week = model.grid.week_of(s.at.period);
            for t in themes(model.workshops[s.workshop].themes) {
                cells.entry((tau, t, week)).or_default().push(i);
            }
        }
        for ((tau, t, week), ids) in cells {
            let short = r - self.prog.theme_count(tau, t, week);
            if short <= 0 {
                continue;
            }
            let slack = self.vars.add(variable().min(0));
            let n = self.sum(ids.iter().map(|&i| &self.slots[i]));
            self.objective += weight * slack;
            self.constraints.push(constraint!(slack + n >= short));
        }
    }

    /// `same_day`: pairs(w, d) ≥ j·n − j(j+1)/2 for j = 1…, the tangents of n(n−1)/2.
    fn same_day(&mut self, count: &BTreeMap<usize, i32>) {
        let model = self.model();
        let weight = model.weights[Term::SameDay] as f64;
        for ((w, day), ids) in self.by(|s| Some((s.workshop, model.grid.day_of(s.at.period)))) {
            let fixed = self.prog.workshop_on(w, day);
            let most = fixed + (ids.len() as i64).min(count[&w] as i64);
            if most < 2 {
                continue;
            }
            let pairs = self.vars.add(variable().min(0));
            let n = self.sum(ids.iter().map(|&i| &self.slots[i])) + fixed as f64;
            for j in 1..most {
                let (j, c) = (j as f64, (j * (j + 1) / 2) as f64);
                self.constraints
                    .push(constraint!(pairs >= j * n.clone() - c));
            }
            self.objective += weight * pairs;
        }
    }

    /// `daily_load`: cap(τ) = ⌈N(τ)/D⌉ (an integer with D·cap ≥ N > D·cap − D),
    /// excess(τ, d) ≥ n(τ, d) − cap(τ).
    fn daily_load(&mut self) {
        let model = self.model();
        let days = model.grid.days.len();
        let weight = model.weights[Term::DailyLoad] as f64;
        let by_territory = self.by(|s| Some(model.venues[s.at.venue].territory));
        for (tau, ids) in by_territory {
            let (_, fixed_total) = self.prog.territory_load(tau, 0);
            let cap = self.vars.add(variable().integer().min(0));
            let total = self.sum(ids.iter().map(|&i| &self.slots[i])) + fixed_total as f64;
            let d = days as f64;
            self.constraints.push(constraint!(d * cap >= total.clone()));
            self.constraints
                .push(constraint!(d * cap <= total + d - 1.0));
            let mut on_day: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
            for &i in &ids {
                on_day
                    .entry(model.grid.day_of(self.slots[i].at.period))
                    .or_default()
                    .push(i);
            }
            for day in 0..days {
                let fixed = self.prog.territory_load(tau, day).0 as f64;
                let excess = self.vars.add(variable().min(0));
                let n = self.sum(
                    on_day
                        .get(&day)
                        .into_iter()
                        .flatten()
                        .map(|&i| &self.slots[i]),
                );
                self.constraints
                    .push(constraint!(excess >= n + fixed - cap));
                self.objective += weight * excess;
            }
        }
    }

    /// `coverage` (necessary condition): uncovered(c) ≥ 1 − Σ placements of a
    /// needed theme that cohort c can attend, for themes the fixed sessions miss.
    fn coverage(&mut self, cohorts: &[Cohort]) {
        let model = self.model();
        let fixed = crate::coverage::offers(self.prog);
        let offered = crate::coverage::offered(model, cohorts, &fixed);
        for (c, cohort) in cohorts.iter().enumerate() {
            let missing: ThemeSet = cohort.themes & !offered[c];
            if missing == 0 {
                continue;
            }
            let mut rows: Vec<Vec<usize>> = Vec::new();
            for t in themes(missing) {
                let ids: Vec<usize> = (0..self.slots.len())
                    .filter(|&i| {
                        let s = &self.slots[i];
                        model.workshops[s.workshop].themes >> t & 1 == 1
                            && cohort.can_attend(model, s.workshop, s.at)
                    })
                    .collect();
                if ids.is_empty() || ids.len() > COVERAGE_ROW_LIMIT {
                    rows.clear();
                    break;
                }
                rows.push(ids);
            }
            if rows.is_empty() {
                continue;
            }
            let uncovered = self.vars.add(variable().min(0));
            self.objective += cohort.cost as f64 * uncovered;
            self.uncovered.push((uncovered, cohort.cost));
            for ids in rows {
                let n = self.sum(ids.iter().map(|&i| &self.slots[i]));
                self.constraints.push(constraint!(uncovered + n >= 1));
            }
        }
    }

    /// Solves; the value of each binary, whether it is proven optimal, and the coverage counted.
    fn run(self, nodes: u64, budget: &Budget) -> Option<(Vec<Chosen>, bool, i64)> {
        let Builder {
            vars,
            slots,
            objective,
            constraints,
            uncovered,
            ..
        } = self;
        let solution =
            backend::solve(vars, Sense::Minimise, objective, constraints, nodes, budget)?;
        let values = slots
            .iter()
            .map(|s| (s.workshop, s.at, solution.value(s.y) > 0.5))
            .collect();
        let coverage = uncovered
            .iter()
            .filter(|(z, _)| solution.value(*z) > 0.5)
            .map(|(_, cost)| cost)
            .sum();
        Some((values, solution.optimal, coverage))
    }
}

/// Gives each free session one of its workshop's chosen placements: those of
/// the previous plan keep theirs, the others follow in id and period order.
fn assign(prog: &Programme, free: &[usize], values: &[Chosen]) -> Vec<(usize, Placement)> {
    let instance = prog.instance;
    let mut chosen: BTreeMap<usize, Vec<Placement>> = BTreeMap::new();
    for &(w, at, on) in values {
        if on {
            chosen.entry(w).or_default().push(at);
        }
    }
    let mut out = Vec::new();
    let mut waiting: Vec<usize> = Vec::new();
    for &s in free {
        let w = instance.model.sessions[s].workshop;
        let list = chosen.entry(w).or_default();
        match instance.previous[s].and_then(|old| list.iter().position(|&a| a == old)) {
            Some(i) => out.push((s, list.remove(i))),
            None => waiting.push(s),
        }
    }
    for s in waiting {
        let list = chosen
            .entry(instance.model.sessions[s].workshop)
            .or_default();
        if !list.is_empty() {
            out.push((s, list.remove(0)));
        }
    }
    out
}
