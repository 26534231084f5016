//! Lower bounds on a part's penalty that hold for every programme (pins kept),
//! from the feasible placements alone:
//! - `unscheduled` and `same_day`: a workshop with n sessions and open days
//!   on d dates places k ≤ n of them for (n − k) unscheduled and at least the
//!   pairs of k spread evenly over d dates;
//! - `theme_week`: in territory τ, week k, theme t, at most Σ_w min(n_w,
//!   placements of w there) sessions can run, so max(0, R − that) is due;
//! - `coverage`: members that no programme could certify even if every
//!   workshop ran at every feasible placement (travel within a day ignored).

use crate::coverage::{ever_certifiable, Class};
use crate::instance::Instance;
use crate::parts::Part;
use crate::programme::themes;
use std::collections::{BTreeMap, BTreeSet};

/// The bound of one part (see the module's text).
pub fn part_bound(instance: &Instance, part: &Part, classes: &[Class]) -> i64 {
    let model = instance.model;
    let wt = model.weights;
    let workshops: BTreeSet<usize> = part
        .sessions
        .iter()
        .map(|&s| model.sessions[s].workshop)
        .collect();
    let mut bound = 0;
    let mut room: BTreeMap<(usize, usize, usize), i64> = BTreeMap::new();
    for &w in &workshops {
        let n = model.workshops[w].n_sessions as i64;
        let placements = &instance.placements[w];
        let days: BTreeSet<usize> = placements
            .iter()
            .map(|p| model.grid.day_of(p.period))
            .collect();
        bound += (0..=n.min(placements.len() as i64))
            .map(|k| wt.unscheduled * (n - k) + wt.same_day * even_pairs(k, days.len() as i64))
            .min()
            .unwrap_or(0);
        let mut cells: BTreeMap<(usize, usize), i64> = BTreeMap::new();
        for p in placements {
            let key = (model.venues[p.venue].territory, model.grid.week_of(p.period));
            *cells.entry(key).or_default() += 1;
        }
        for ((tau, week), k) in cells {
            for t in themes(model.workshops[w].themes) {
                *room.entry((tau, t, week)).or_default() += k.min(n);
            }
        }
    }
    let r = model.theme_sessions_per_week as i64;
    for &tau in &part.territories {
        if !model.venues.iter().any(|v| v.territory == tau) {
            continue;
        }
        for t in 0..model.themes.len() {
            for week in 0..model.grid.weeks.len() {
                let most = room.get(&(tau, t, week)).copied().unwrap_or(0);
                bound += wt.theme_week * (r - most).max(0);
            }
        }
    }
    bound
        + classes
            .iter()
            .filter(|c| !ever_certifiable(model, c, &instance.placements))
            .map(|c| c.cost)
            .sum::<i64>()
}

/// The fewest same-day pairs of k sessions on d dates.
fn even_pairs(k: i64, d: i64) -> i64 {
    if d == 0 {
        return 0;
    }
    let (q, r) = (k / d, k % d);
    r * (q + 1) * q / 2 + (d - r) * q * (q.max(1) - 1) / 2
}
