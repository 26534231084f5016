//! Lower bounds on a part's penalty that hold for every programme (pins kept),
//! from the feasible placements alone:
//! - `unscheduled` and `same_day`: a workshop with n sessions and open days
//!   on d dates places k ≤ n of them for (n − k) unscheduled and at least the
//!   pairs of k spread evenly over d dates;
//! - `theme_week`: in territory τ, week k, theme t, at most room(τ,t,k) =
//!   Σ_w min(n_w, placements of w there) sessions can run, and over all weeks
//!   at most the n_w of the workshops with t that can run in τ, so
//!   R·K − min(Σ_k min(R, room(τ,t,k)), Σ_w n_w) is due;
//! - `coverage`: members that no programme could certify even if every
//!   workshop ran at every feasible placement (travel within a day ignored).

use crate::coverage::{ever_certifiable, Cohort};
use crate::instance::Instance;
use crate::parts::Part;
use crate::programme::themes;
use rally_model::Term;
use std::collections::{BTreeMap, BTreeSet};

/// The bound of the linear terms of one part (see the module's text).
pub fn linear(instance: &Instance, part: &Part) -> i64 {
    let model = instance.model;
    let wt = &model.weights;
    let workshops: BTreeSet<usize> = part
        .sessions
        .iter()
        .map(|&s| model.sessions[s].workshop)
        .collect();
    let mut bound = 0;
    let mut room: BTreeMap<(usize, usize, usize), i64> = BTreeMap::new();
    let mut supply: BTreeMap<(usize, usize), i64> = BTreeMap::new();
    for &w in &workshops {
        let n = model.workshops[w].n_sessions as i64;
        let placements = &instance.placements[w];
        let days: BTreeSet<usize> = placements
            .iter()
            .map(|p| model.grid.day_of(p.period))
            .collect();
        bound += (0..=n.min(placements.len() as i64))
            .map(|k| {
                wt[Term::Unscheduled] * (n - k)
                    + wt[Term::SameDay] * even_pairs(k, days.len() as i64)
            })
            .min()
            .unwrap_or(0);
        let mut cells: BTreeMap<(usize, usize), i64> = BTreeMap::new();
        let territories: BTreeSet<usize> = placements
            .iter()
            .map(|p| model.venues[p.venue].territory)
            .collect();
        for tau in territories {
            for t in themes(model.workshops[w].themes) {
                *supply.entry((tau, t)).or_default() += n;
            }
        }
        for p in placements {
            let key = (
                model.venues[p.venue].territory,
                model.grid.week_of(p.period),
            );
            *cells.entry(key).or_default() += 1;
        }
        for ((tau, week), k) in cells {
            for t in themes(model.workshops[w].themes) {
                *room.entry((tau, t, week)).or_default() += k.min(n);
            }
        }
    }
    let r = model.theme_sessions_per_week as i64;
    let weeks = model.grid.weeks.len() as i64;
    for &tau in &part.territories {
        if !model.venues.iter().any(|v| v.territory == tau) {
            continue;
        }
        for t in 0..model.themes.len() {
            let most: i64 = (0..model.grid.weeks.len())
                .map(|k| room.get(&(tau, t, k)).copied().unwrap_or(0).min(r))
                .sum();
            let sessions = supply.get(&(tau, t)).copied().unwrap_or(0);
            bound += wt[Term::ThemeWeek] * (r * weeks - most.min(sessions));
        }
    }
    bound
}

/// The bound of `coverage`: the cost of the cohorts among `suspects` that no
/// programme certifies (a cohort certified by some programme is no suspect).
pub fn coverage<'c>(
    instance: &Instance,
    part: &Part,
    suspects: impl Iterator<Item = &'c Cohort>,
) -> i64 {
    let model = instance.model;
    let workshops: BTreeSet<usize> = part
        .sessions
        .iter()
        .map(|&s| model.sessions[s].workshop)
        .collect();
    let placements: Vec<(usize, &[rally_model::Placement])> = workshops
        .iter()
        .map(|&w| (w, &instance.placements[w][..]))
        .collect();
    suspects
        .filter(|c| !ever_certifiable(model, c, &placements))
        .map(|c| c.cost)
        .sum()
}

/// The fewest same-day pairs of k sessions on d dates.
fn even_pairs(k: i64, d: i64) -> i64 {
    if d == 0 {
        return 0;
    }
    let (q, r) = (k / d, k % d);
    r * (q + 1) * q / 2 + (d - r) * q * (q.max(1) - 1) / 2
}
