//! Why a session is unscheduled, in words a rally leader can act on: the
//! organisers never free together, the venue feature missing, the
//! availability rule that blocks it, or what holds every open placement.

use crate::instance::Instance;
use crate::programme::Programme;
use rally_model::{Model, Placement};
use std::collections::BTreeMap;

/// The reason an unscheduled session is left out of the programme `at`.
pub fn why_unscheduled(instance: &Instance, session: usize, at: &[Option<Placement>]) -> String {
    let model = instance.model;
    let w = model.sessions[session].workshop;
    if instance.placements[w].is_empty() {
        return never_placeable(model, w);
    }
    let everything: Vec<usize> = (0..model.sessions.len()).collect();
    let mut prog = Programme::new(instance, &[], &[]);
    prog.sessions = everything;
    for (s, p) in at.iter().enumerate() {
        if let (Some(p), None) = (p, prog.at[s]) {
            prog.place(s, *p);
        }
    }
    held(&prog, session)
}

/// Why a workshop has no placement that keeps H1–H4.
fn never_placeable(model: &Model, w: usize) -> String {
    let workshop = &model.workshops[w];
    let venues = model.allowed_venues(w);
    if venues.is_empty() {
        let mut why: Vec<String> = Vec::new();
        for v in 0..model.venues.len() {
            let probe = Placement {
                period: 0,
                venue: v,
            };
            for (rule, text) in model.placement_problems(w, probe) {
                if rule == "H3" && !why.contains(&text) {
                    why.push(text);
                }
            }
        }
        why.truncate(3);
        return format!(
            "no venue suits workshop {}: {}; allow another venue or relax its needs",
            workshop.id,
            why.join("; ")
        );
    }
    let open = model.open_periods(w);
    if open.count_ones(..) == 0 {
        return closed_periods(model, w);
    }
    let names: Vec<&str> = venues
        .iter()
        .take(4)
        .map(|&v| model.venues[v].id.as_str())
        .collect();
    format!(
        "the venues workshop {} may use ({}) are never available when it and its organisers are; open a venue on one of those days",
        workshop.id,
        names.join(", ")
    )
}

/// Why a workshop and its organisers share no period.
fn closed_periods(model: &Model, w: usize) -> String {
    let workshop = &model.workshops[w];
    let all = model.grid.n_periods();
    let fits = (0..all).any(|p| model.duration_in(w, p) <= model.grid.slot_time(p).len());
    if !fits {
        return format!(
            "workshop {} lasts longer than every slot of the day; shorten it",
            workshop.id
        );
    }
    if workshop.available.count_ones(..) == 0 {
        return format!(
            "the availability of workshop {} matches no opening day; widen it",
            workshop.id
        );
    }
    for &o in &workshop.organisers {
        let p = &model.partners[o];
        if p.available.count_ones(..) == 0 {
            return format!("organiser {} is never available during the rally", p.id);
        }
        if p.available
            .intersection(&workshop.available)
            .next()
            .is_none()
        {
            return format!(
                "organiser {} is never available when workshop {} may run; widen one of their availabilities",
                p.id, workshop.id
            );
        }
    }
    let org = &workshop.organisers;
    for (i, &a) in org.iter().enumerate() {
        for &b in &org[i + 1..] {
            let (pa, pb) = (&model.partners[a], &model.partners[b]);
            if pa.available.intersection(&pb.available).next().is_none() {
                return format!("organisers {} and {} are never free together", pa.id, pb.id);
            }
        }
    }
    let ids: Vec<&str> = org.iter().map(|&o| model.partners[o].id.as_str()).collect();
    format!(
        "organisers {} are never free together when workshop {} may run",
        ids.join(", "),
        workshop.id
    )
}

/// What holds each feasible placement of an unscheduled session.
fn held(prog: &Programme, session: usize) -> String {
    let model = prog.model();
    let w = model.sessions[session].workshop;
    let placements = &prog.instance.placements[w];
    let mut why: BTreeMap<String, usize> = BTreeMap::new();
    for &at in placements {
        let text = if let Some(other) = prog.occupant(at) {
            format!(
                "venue {} is taken (e.g. by {})",
                model.venues[at.venue].id, model.sessions[other].id
            )
        } else {
            partner_hold(prog, w, at)
        };
        *why.entry(text).or_default() += 1;
    }
    let mut list: Vec<(usize, String)> = why.into_iter().map(|(k, v)| (v, k)).collect();
    list.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let parts: Vec<String> = list
        .iter()
        .take(3)
        .map(|(n, t)| format!("{t} ({n})"))
        .collect();
    format!(
        "every one of its {} possible placements is held: {}; free an organiser or open another venue or day",
        placements.len(),
        parts.join("; ")
    )
}

/// Which organiser rule (H6, H7) holds a free venue.
fn partner_hold(prog: &Programme, w: usize, at: Placement) -> String {
    let model = prog.model();
    for &o in &model.workshops[w].organisers {
        let p = &model.partners[o];
        let (in_period, in_day) = prog.partner_load(o, at.period);
        if in_period >= p.parallel {
            return format!(
                "organiser {} already runs {} session(s) at that time",
                p.id, in_period
            );
        }
        if in_day >= p.max_per_day {
            return format!(
                "organiser {} already runs its {} sessions that day",
                p.id, p.max_per_day
            );
        }
    }
    "an organiser could not travel in time from or to its other session that day".to_string()
}
