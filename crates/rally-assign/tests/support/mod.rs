//! A programme built greedily for the tests and benches of courses: every
//! session at the first placement (from a spread starting point) that keeps
//! H1–H7, pinned sessions where they are pinned.

use rally_model::types::{Plan, Unscheduled};
use rally_model::{Model, Placement};
use std::collections::{BTreeMap, BTreeSet};

/// Places every session it can; the rest go to `unscheduled`.
pub fn greedy_programme(model: &Model) -> Plan {
    let mut used: BTreeSet<Placement> = BTreeSet::new();
    let mut by_partner: BTreeMap<usize, Vec<(usize, Placement)>> = BTreeMap::new();
    let mut at: Vec<Option<Placement>> = vec![None; model.sessions.len()];
    for pin in &model.pins {
        place(
            model,
            pin.session,
            pin.at,
            &mut used,
            &mut by_partner,
            &mut at,
        );
    }
    for (w, workshop) in model.workshops.iter().enumerate() {
        let options = model.feasible_placements(w);
        for k in 0..workshop.n_sessions {
            let s = workshop.first_session + k;
            if at[s].is_some() || options.is_empty() {
                continue;
            }
            let start = (w * 7 + k * options.len() / workshop.n_sessions) % options.len();
            let found = (0..options.len())
                .map(|i| options[(start + i) % options.len()])
                .find(|&p| fits(model, s, p, &used, &by_partner));
            if let Some(p) = found {
                place(model, s, p, &mut used, &mut by_partner, &mut at);
            }
        }
    }
    let mut placed: Vec<(Placement, usize)> =
        (0..at.len()).filter_map(|s| Some((at[s]?, s))).collect();
    placed.sort();
    Plan {
        edition: None,
        sessions: placed
            .iter()
            .map(|&(p, s)| model.planned_session(s, p))
            .collect(),
        unscheduled: (0..at.len())
            .filter(|&s| at[s].is_none())
            .map(|s| Unscheduled {
                id: model.sessions[s].id.clone(),
                reason: "no room left".into(),
            })
            .collect(),
        courses: None,
        penalty: None,
    }
}

fn place(
    model: &Model,
    s: usize,
    p: Placement,
    used: &mut BTreeSet<Placement>,
    by_partner: &mut BTreeMap<usize, Vec<(usize, Placement)>>,
    at: &mut [Option<Placement>],
) {
    used.insert(p);
    for &o in &model.workshop_of(s).organisers {
        by_partner.entry(o).or_default().push((s, p));
    }
    at[s] = Some(p);
}

/// H5 (venue free), H6 (parallel, max_per_day) and H7 (travel between a partner's
/// sessions of a day).
fn fits(
    model: &Model,
    s: usize,
    p: Placement,
    used: &BTreeSet<Placement>,
    by_partner: &BTreeMap<usize, Vec<(usize, Placement)>>,
) -> bool {
    if used.contains(&p) {
        return false;
    }
    let w = model.sessions[s].workshop;
    let day = model.grid.day_of(p.period);
    let (start, end) = model.times_in(w, p.period);
    model.workshops[w].organisers.iter().all(|&o| {
        let partner = &model.partners[o];
        let theirs = by_partner.get(&o).map_or(&[][..], |v| v.as_slice());
        let same_period = theirs.iter().filter(|(_, q)| q.period == p.period).count() as u32;
        let same_day: Vec<_> = theirs
            .iter()
            .filter(|(_, q)| model.grid.day_of(q.period) == day)
            .collect();
        if same_period >= partner.parallel || same_day.len() as u32 >= partner.max_per_day {
            return false;
        }
        partner.parallel > 1
            || same_day.iter().all(|&&(t, q)| {
                let (s2, e2) = model.times_in(model.sessions[t].workshop, q.period);
                if q.period < p.period {
                    model
                        .venue_travel(q.venue, p.venue)
                        .is_some_and(|m| e2 + m <= start)
                } else {
                    model
                        .venue_travel(p.venue, q.venue)
                        .is_some_and(|m| end + m <= s2)
                }
            })
    })
}
