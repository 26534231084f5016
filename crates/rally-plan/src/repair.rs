//! Coverage repair: for each cohort of members that cannot be certified, move
//! one session at a time to a placement the cohort can attend, judged by the
//! exact certifiability search of the checker.
//!
//! A move is kept when it lowers the total (linear terms + coverage), or
//! keeps it and brings uncertified cohorts closer: more of their themes
//! reachable together (Σ cost × |best|), so chains of moves can certify a
//! cohort that no single move does.

use crate::coverage::{self, Cohort};
use crate::programme::Programme;
use rally_check::certify::reach;
use rally_check::Reach;
use rally_model::Placement;

/// Placements tried per cohort and pass, at most.
const TRIES_PER_CLASS: usize = 4000;

/// The search state of the repair.
struct Repair<'a, 'p, 'i, 'm> {
    prog: &'p mut Programme<'i, 'm>,
    cohorts: &'a [Cohort],
    reach: Vec<Reach>,
}

/// A move's effect: change of the total, of the progress, and the new reaches.
struct Effect {
    total: i64,
    progress: i64,
    reach: Vec<(usize, Reach)>,
}

/// Repairs coverage in place until no move helps or time runs out.
pub fn repair_coverage(prog: &mut Programme, cohorts: &[Cohort], out_of_time: &dyn Fn() -> bool) {
    let model = prog.model();
    let offers = coverage::offers(prog);
    let reach = cohorts
        .iter()
        .map(|c| reach(model, c.member, &offers))
        .collect();
    let mut r = Repair {
        prog,
        cohorts,
        reach,
    };
    loop {
        let mut improved = false;
        let mut order: Vec<usize> = (0..cohorts.len())
            .filter(|&c| !r.reach[c].certifiable)
            .collect();
        order.sort_by_key(|&c| (-cohorts[c].cost, c));
        for c in order {
            if out_of_time() {
                return;
            }
            if !r.reach[c].certifiable && r.help(c, out_of_time) {
                improved = true;
            }
        }
        if !improved {
            return;
        }
    }
}

impl Repair<'_, '_, '_, '_> {
    /// Progress of a cohort: its cost times the themes it reaches together.
    fn progress(&self, c: usize, reach: Reach) -> i64 {
        self.cohorts[c].cost * (reach.best & self.cohorts[c].themes).count_ones() as i64
    }

    /// Finds and makes the first helpful move for cohort `c`.
    fn help(&mut self, c: usize, out_of_time: &dyn Fn() -> bool) -> bool {
        let model = self.prog.model();
        let cohort = &self.cohorts[c];
        let lacking = cohort.themes & !self.reach[c].best;
        let mut candidates: Vec<usize> = self
            .prog
            .sessions
            .iter()
            .copied()
            .filter(|&s| self.prog.instance.is_free(s))
            .filter(|&s| model.workshop_of(s).themes & cohort.themes != 0)
            .filter(|&s| {
                model.admits(
                    model.sessions[s].workshop,
                    model.members[cohort.member].profile,
                )
            })
            .collect();
        candidates.sort_by_key(|&s| (model.workshop_of(s).themes & lacking == 0, s));
        let mut tries = 0;
        for s in candidates {
            let w = model.sessions[s].workshop;
            for &at in &self.prog.instance.placements[w] {
                if self.prog.at[s] == Some(at) || !cohort.can_attend(model, w, at) {
                    continue;
                }
                tries += 1;
                if tries > TRIES_PER_CLASS || (tries % 64 == 0 && out_of_time()) {
                    return false;
                }
                if let Some(effect) = self.try_move(c, s, at) {
                    if effect.total < 0 || (effect.total == 0 && effect.progress > 0) {
                        self.apply(s, Some(at));
                        for (k, x) in effect.reach {
                            self.reach[k] = x;
                        }
                        return true;
                    }
                }
            }
        }
        false
    }

    /// Moves `s` (placed or not) to `at` or out.
    fn apply(&mut self, s: usize, at: Option<Placement>) {
        if self.prog.at[s].is_some() {
            self.prog.remove(s);
        }
        if let Some(at) = at {
            self.prog.place(s, at);
        }
    }

    /// The effect of moving `s` to `at` for cohort `c` first (cheap rejection),
    /// then for every cohort the move touches; the programme is left as it was.
    fn try_move(&mut self, c: usize, s: usize, at: Placement) -> Option<Effect> {
        let model = self.prog.model();
        let w = model.sessions[s].workshop;
        let old = self.prog.at[s];
        let before = self.prog.cost();
        if old.is_some() {
            self.prog.remove(s);
        }
        if !self.prog.can_place(s, at) {
            self.apply(s, old);
            return None;
        }
        self.prog.place(s, at);
        let linear = self.prog.cost() - before;
        let mut effect = None;
        if linear <= 0 {
            let offers = coverage::offers(self.prog);
            let mine = reach(model, self.cohorts[c].member, &offers);
            if self.progress(c, mine) > self.progress(c, self.reach[c]) {
                effect = Some(self.effect(w, old, at, linear, &offers));
            }
        }
        self.apply(s, old);
        effect
    }

    /// The change in total and progress over the cohorts that can attend the
    /// old or the new placement.
    fn effect(
        &self,
        w: usize,
        old: Option<Placement>,
        at: Placement,
        linear: i64,
        offers: &[rally_check::Offer],
    ) -> Effect {
        let model = self.prog.model();
        let mut e = Effect {
            total: linear,
            progress: 0,
            reach: Vec::new(),
        };
        for (k, cohort) in self.cohorts.iter().enumerate() {
            let touched = cohort.can_attend(model, w, at)
                || old.is_some_and(|o| cohort.can_attend(model, w, o));
            if !touched {
                continue;
            }
            let now = reach(model, cohort.member, offers);
            let was = self.reach[k];
            e.total += cohort.cost * (!now.certifiable as i64 - !was.certifiable as i64);
            e.progress += self.progress(k, now) - self.progress(k, was);
            e.reach.push((k, now));
        }
        e
    }
}
