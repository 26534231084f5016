//! The first programme: sessions of the previous plan where they were, then
//! the least free sessions first, each at the placement that adds the least
//! to the penalty, ties going to the placement that brings needed themes to
//! the members with the fewest free periods (coverage from the start).

use crate::coverage::Cohort;
use crate::programme::Programme;
use rally_model::{Model, Placement, ThemeSet};
use rand::seq::SliceRandom;
use rand_chacha::ChaCha8Rng;

/// What each cohort of members still lacks, to steer placements towards it.
pub struct Needs<'c> {
    cohorts: &'c [Cohort],
    /// For each venue, the cohorts that may go there.
    at_venue: Vec<Vec<usize>>,
    /// Needed themes already offered to each cohort (necessary condition only).
    offered: Vec<ThemeSet>,
    /// Weight of one new theme for a cohort: its cost over its free periods.
    weight: Vec<i64>,
}

impl<'c> Needs<'c> {
    /// The needs of the cohorts given what `prog` already offers.
    pub fn new(prog: &Programme, cohorts: &'c [Cohort]) -> Needs<'c> {
        let model = prog.model();
        let mut at_venue = vec![Vec::new(); model.venues.len()];
        for (c, cohort) in cohorts.iter().enumerate() {
            for (v, &ok) in cohort.venues.iter().enumerate() {
                if ok {
                    at_venue[v].push(c);
                }
            }
        }
        let offers = crate::coverage::offers(prog);
        Needs {
            cohorts,
            at_venue,
            offered: crate::coverage::offered(model, cohorts, &offers),
            weight: cohorts
                .iter()
                .map(|c| {
                    let free = model.members[c.member].available.count_ones(..).max(1) as i64;
                    c.cost * 1000 / free
                })
                .collect(),
        }
    }

    /// How much a session of `workshop` at `at` brings to cohorts that lack its themes.
    pub fn score(&self, model: &Model, workshop: usize, at: Placement) -> i64 {
        let themes = model.workshops[workshop].themes;
        self.at_venue[at.venue]
            .iter()
            .filter(|&&c| themes & self.cohorts[c].themes & !self.offered[c] != 0)
            .filter(|&&c| self.cohorts[c].can_attend(model, workshop, at))
            .map(|&c| {
                let new = themes & self.cohorts[c].themes & !self.offered[c];
                self.weight[c] * new.count_ones() as i64
            })
            .sum()
    }

    /// Records a session of `workshop` placed at `at`.
    pub fn note(&mut self, model: &Model, workshop: usize, at: Placement) {
        let themes = model.workshops[workshop].themes;
        for &c in &self.at_venue[at.venue] {
            if self.cohorts[c].can_attend(model, workshop, at) {
                self.offered[c] |= themes & self.cohorts[c].themes;
            }
        }
    }
}

/// The best open placement of an unplaced session: least cost, then most
/// needed, then earliest; `None` when every placement breaks H5–H7.
pub fn best_placement(prog: &Programme, needs: &Needs, session: usize) -> Option<(i64, Placement)> {
    let model = prog.model();
    let w = model.sessions[session].workshop;
    let open: Vec<(i64, Placement)> = prog.instance.placements[w]
        .iter()
        .filter(|&&at| prog.can_place(session, at))
        .map(|&at| (prog.delta_place(session, at), at))
        .collect();
    let least = open.iter().map(|x| x.0).min()?;
    open.into_iter()
        .filter(|x| x.0 == least)
        .map(|(d, at)| (-needs.score(model, w, at), d, at))
        .min()
        .map(|(_, d, at)| (d, at))
}

/// Builds the first programme of a part in `prog` (pins already placed).
pub fn greedy(prog: &mut Programme, cohorts: &[Cohort], rng: &mut ChaCha8Rng) {
    let instance = prog.instance;
    let model = instance.model;
    let mut needs = Needs::new(prog, cohorts);
    let sessions = prog.sessions.clone();
    for &s in &sessions {
        if let Some(old) = instance.previous[s].filter(|_| prog.at[s].is_none()) {
            if prog.can_place(s, old) {
                prog.place(s, old);
                needs.note(model, model.sessions[s].workshop, old);
            }
        }
    }
    let mut order: Vec<usize> = sessions
        .into_iter()
        .filter(|&s| prog.at[s].is_none())
        .collect();
    order.shuffle(rng);
    order.sort_by_key(|&s| {
        let w = model.sessions[s].workshop;
        instance.placements[w].len() / model.workshops[w].n_sessions.max(1)
    });
    for s in order {
        if let Some((d, at)) = best_placement(prog, &needs, s) {
            if d < 0 {
                prog.place(s, at);
                needs.note(model, model.sessions[s].workshop, at);
            }
        }
    }
}
