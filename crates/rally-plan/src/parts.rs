//! The edition split into independent parts: sets of territories that share
//! no partner, no workshop's venues and no member's reach. Every term of the
//! penalty and every hard rule stays inside a part, so parts are solved apart
//! (in parallel) and their programmes put side by side.

use crate::instance::Instance;
use petgraph::unionfind::UnionFind;
use rally_model::Model;

/// Territories planned together and their sessions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Part {
    /// Territory indices, in edition order.
    pub territories: Vec<usize>,
    /// The sessions whose workshops run in those territories.
    pub sessions: Vec<usize>,
    /// The members who may go to those territories' venues.
    pub members: Vec<usize>,
}

/// Puts all of `items` in one set.
fn join(u: &mut UnionFind<usize>, items: impl IntoIterator<Item = usize>) {
    let mut items = items.into_iter();
    if let Some(first) = items.next() {
        for x in items {
            u.union(first, x);
        }
    }
}

/// The territories of the venues a workshop may use (none when it cannot be placed).
fn workshop_territories(instance: &Instance, w: usize) -> Vec<usize> {
    let model = instance.model;
    let mut ts: Vec<usize> = instance.placements[w]
        .iter()
        .map(|p| model.venues[p.venue].territory)
        .collect();
    ts.sort_unstable();
    ts.dedup();
    ts
}

/// The territories of the venues a member could ever attend (its territory,
/// base and travel limit; availability and audience aside).
pub fn member_territories(model: &Model, member: usize) -> Vec<usize> {
    let mut ts: Vec<usize> = (0..model.venues.len())
        .filter(|&v| venue_usable(model, member, v))
        .map(|v| model.venues[v].territory)
        .collect();
    ts.sort_unstable();
    ts.dedup();
    ts
}

/// Whether a member may go to a venue at all: in its territory, and reachable
/// from its base within `max_travel` (C1, C4).
pub fn venue_usable(model: &Model, member: usize, venue: usize) -> bool {
    model.in_territory(member, venue) && model.base_barrier(member, venue).is_none()
}

/// Splits the edition into parts, in order of their first territory.
pub fn split(instance: &Instance) -> Vec<Part> {
    let model = instance.model;
    let nt = model.territories.len();
    let mut u = UnionFind::new(nt);
    let mut partner_territories: Vec<Vec<usize>> = vec![Vec::new(); model.partners.len()];
    let mut home = vec![None; model.workshops.len()];
    for (w, workshop) in model.workshops.iter().enumerate() {
        let ts = workshop_territories(instance, w);
        join(&mut u, ts.iter().copied());
        home[w] = ts.first().copied().or(workshop.territory);
        for &o in &workshop.organisers {
            partner_territories[o].extend(ts.iter().copied());
        }
    }
    for ts in partner_territories {
        join(&mut u, ts);
    }
    let member_ts: Vec<Vec<usize>> = (0..model.members.len())
        .map(|m| member_territories(model, m))
        .collect();
    for ts in &member_ts {
        join(&mut u, ts.iter().copied());
    }
    let roots: Vec<usize> = (0..nt).map(|t| u.find_mut(t)).collect();
    let mut parts: Vec<Part> = Vec::new();
    let mut index = vec![usize::MAX; nt];
    for (t, &r) in roots.iter().enumerate() {
        if index[r] == usize::MAX {
            index[r] = parts.len();
            parts.push(Part {
                territories: Vec::new(),
                sessions: Vec::new(),
                members: Vec::new(),
            });
        }
        parts[index[r]].territories.push(t);
    }
    for (w, workshop) in model.workshops.iter().enumerate() {
        let part = home[w].map_or(0, |t| index[roots[t]]);
        parts[part]
            .sessions
            .extend(workshop.first_session..workshop.first_session + workshop.n_sessions);
    }
    for (m, ts) in member_ts.iter().enumerate() {
        if let Some(&t) = ts.first() {
            parts[index[roots[t]]].members.push(m);
        }
    }
    parts
}
