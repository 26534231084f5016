//! The hard rules of SPEC §6: shape (S1–S3), programme (H1–H8), courses (C1–C4).
//! Every violation is listed, with the sessions and members involved.

use crate::resolve::{minutes, Placed, Resolved};
use rally_model::calendar::Grid;
use rally_model::{Barrier, Model, Placement, Plan};
use serde::Serialize;
use std::collections::{BTreeMap, HashMap, HashSet};

/// One broken hard rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Violation {
    pub rule: String,
    pub sessions: Vec<String>,
    pub members: Vec<String>,
    pub message: String,
}

fn v(rule: &str, sessions: Vec<String>, members: Vec<String>, message: String) -> Violation {
    Violation {
        rule: rule.into(),
        sessions,
        members,
        message,
    }
}

/// Every violation of the plan, in rule order. `model` is the edition on the
/// grid of every date the plan uses ([`Model::with_dates`]), so that a session
/// off the calendar is judged by every rule on its date; `calendar` is the
/// edition's own grid, whose opening days H1 asks for.
pub fn violations(model: &Model, calendar: &Grid, plan: &Plan, r: &Resolved) -> Vec<Violation> {
    let mut out = Vec::new();
    shape(model, plan, r, &mut out);
    programme(model, calendar, plan, r, &mut out);
    if r.courses.is_some() {
        courses(model, r, &mut out);
    }
    out.sort_by_key(|a| rule_rank(&a.rule));
    out
}

pub(crate) fn rule_rank(rule: &str) -> (u8, u8) {
    let group = match rule.as_bytes()[0] {
        b'S' => 0,
        b'H' => 1,
        b'C' => 2,
        _ => 3,
    };
    (group, rule[1..].parse().unwrap_or(0))
}

/// S1–S3.
fn shape(model: &Model, plan: &Plan, r: &Resolved, out: &mut Vec<Violation>) {
    let mut seen: HashMap<&str, usize> = HashMap::new();
    let ids = plan
        .sessions
        .iter()
        .map(|s| s.id.as_str())
        .chain(plan.unscheduled.iter().map(|u| u.id.as_str()));
    for id in ids {
        *seen.entry(id).or_default() += 1;
    }
    for s in &model.sessions {
        match seen.get(s.id.as_str()) {
            None => out.push(v(
                "S1",
                vec![s.id.clone()],
                vec![],
                format!("session {} is neither scheduled nor unscheduled", s.id),
            )),
            Some(&n) if n > 1 => out.push(v(
                "S1",
                vec![s.id.clone()],
                vec![],
                format!("session {} appears {n} times", s.id),
            )),
            _ => {}
        }
    }
    let mut unknown: Vec<&str> = seen
        .keys()
        .copied()
        .filter(|id| model.session(id).is_none())
        .collect();
    unknown.sort_unstable();
    for id in unknown {
        out.push(v(
            "S1",
            vec![id.into()],
            vec![],
            format!("{id} is not a session of the edition"),
        ));
    }
    for (p, s) in r.placed.iter().zip(&plan.sessions) {
        let Some(w) = p.workshop else { continue };
        let ws = &model.workshops[w];
        let mut wrong = Vec::new();
        if s.workshop != ws.id {
            wrong.push(format!("workshop is \"{}\", not {}", s.workshop, ws.id));
        }
        if let Some((start, end)) = p.times(model) {
            if minutes(&s.start) != Some(start) || minutes(&s.end) != Some(end) {
                wrong.push(format!(
                    "times are {}–{}, the edition gives {}–{}",
                    s.start,
                    s.end,
                    fmt(start),
                    fmt(end)
                ));
            }
        }
        if let Some(venue) = p.venue {
            let cap = model.capacity_at(w, venue);
            if s.capacity != cap {
                wrong.push(format!(
                    "capacity is {}, the edition gives {cap}",
                    s.capacity
                ));
            }
        }
        if !wrong.is_empty() {
            out.push(v(
                "S2",
                vec![s.id.clone()],
                vec![],
                format!("session {}: {}", s.id, wrong.join("; ")),
            ));
        }
    }
    if let Some(courses) = &plan.courses {
        let scheduled: HashSet<&str> = plan.sessions.iter().map(|p| p.id.as_str()).collect();
        let mut members: HashMap<&str, usize> = HashMap::new();
        for c in courses {
            let n = members.entry(c.member.as_str()).or_default();
            *n += 1;
            if model.member(&c.member).is_none() && *n == 1 {
                out.push(v(
                    "S3",
                    vec![],
                    vec![c.member.clone()],
                    format!("course of {}, who is not a member of the edition", c.member),
                ));
            } else if *n == 2 {
                out.push(v(
                    "S3",
                    vec![],
                    vec![c.member.clone()],
                    format!("member {} has more than one course", c.member),
                ));
            }
            let mut listed: HashMap<&str, usize> = HashMap::new();
            for s in &c.sessions {
                let n = listed.entry(s.as_str()).or_default();
                *n += 1;
                if *n == 2 {
                    out.push(v(
                        "S3",
                        vec![s.clone()],
                        vec![c.member.clone()],
                        format!("course of {} lists {s} twice", c.member),
                    ));
                }
                if *n == 1 && !scheduled.contains(s.as_str()) {
                    out.push(v(
                        "S3",
                        vec![s.clone()],
                        vec![c.member.clone()],
                        format!(
                            "course of {} names {s}, which is not among the scheduled sessions",
                            c.member
                        ),
                    ));
                }
            }
        }
    }
}

fn fmt(m: u32) -> String {
    rally_model::calendar::format_hhmm(m)
}

/// H1–H8.
fn programme(model: &Model, calendar: &Grid, plan: &Plan, r: &Resolved, out: &mut Vec<Violation>) {
    for (p, s) in r.placed.iter().zip(&plan.sessions) {
        let Some(w) = p.workshop else { continue };
        if p.date.is_none_or(|d| calendar.day(d).is_none()) {
            out.push(v(
                "H1",
                vec![p.id.clone()],
                vec![],
                format!(
                    "session {}: {} is not an opening day of the rally",
                    p.id, s.date
                ),
            ));
        }
        if p.slot.is_none() {
            out.push(v(
                "H1",
                vec![p.id.clone()],
                vec![],
                format!(
                    "session {}: \"{}\" is not a slot of the calendar",
                    p.id, s.slot
                ),
            ));
        }
        if p.venue.is_none() {
            out.push(v(
                "H3",
                vec![p.id.clone()],
                vec![],
                format!(
                    "session {}: \"{}\" is not a venue of the edition",
                    p.id, s.venue
                ),
            ));
        }
        if let Some(at) = p.placement(model) {
            for (rule, message) in model.placement_problems(w, at) {
                out.push(v(
                    rule,
                    vec![p.id.clone()],
                    vec![],
                    format!("session {}: {message}", p.id),
                ));
            }
        }
    }
    let placed: Vec<(&Placed, Placement)> = r
        .placed
        .iter()
        .filter(|p| p.workshop.is_some())
        .filter_map(|p| Some((p, p.placement(model)?)))
        .collect();
    let mut by_venue: BTreeMap<Placement, Vec<&Placed>> = BTreeMap::new();
    for (p, at) in &placed {
        by_venue.entry(*at).or_default().push(p);
    }
    for (at, ps) in by_venue.iter().filter(|(_, ps)| ps.len() > 1) {
        out.push(v(
            "H5",
            ids(ps),
            vec![],
            format!(
                "venue {} hosts {} sessions on {}",
                model.venues[at.venue].id,
                ps.len(),
                model.grid.label(at.period)
            ),
        ));
    }
    partner_load(model, &placed, out);
    for pin in &model.pins {
        let id = &model.sessions[pin.session].id;
        let ok = r
            .by_session
            .get(&pin.session)
            .and_then(|&e| r.placed[e].placement(model))
            == Some(pin.at);
        if !ok {
            out.push(v(
                "H8",
                vec![id.clone()],
                vec![],
                format!(
                    "session {id} is pinned to {} at {}",
                    model.grid.label(pin.at.period),
                    model.venues[pin.at.venue].id
                ),
            ));
        }
    }
}

fn ids(ps: &[&Placed]) -> Vec<String> {
    ps.iter().map(|p| p.id.clone()).collect()
}

/// H6 and H7 for every partner; shared with the check of pins.
pub(crate) fn partner_load(
    model: &Model,
    placed: &[(&Placed, Placement)],
    out: &mut Vec<Violation>,
) {
    let mut by_partner: Vec<Vec<(&Placed, Placement)>> = vec![Vec::new(); model.partners.len()];
    for &(p, at) in placed {
        for &o in &model.workshops[p.workshop.expect("placed with a workshop")].organisers {
            by_partner[o].push((p, at));
        }
    }
    for (o, list) in by_partner.iter_mut().enumerate() {
        let partner = &model.partners[o];
        list.sort_by_key(|(p, at)| (at.period, p.entry));
        let mut per_period: BTreeMap<usize, Vec<&Placed>> = BTreeMap::new();
        let mut per_day: BTreeMap<usize, Vec<&Placed>> = BTreeMap::new();
        for &(p, at) in list.iter() {
            per_period.entry(at.period).or_default().push(p);
            per_day
                .entry(model.grid.day_of(at.period))
                .or_default()
                .push(p);
        }
        for (period, ps) in per_period
            .iter()
            .filter(|(_, ps)| ps.len() as u32 > partner.parallel)
        {
            out.push(v(
                "H6",
                ids(ps),
                vec![],
                format!(
                    "partner {} runs {} sessions on {}, more than its {} at a time",
                    partner.id,
                    ps.len(),
                    model.grid.label(*period),
                    partner.parallel
                ),
            ));
        }
        for (day, ps) in per_day
            .iter()
            .filter(|(_, ps)| ps.len() as u32 > partner.max_per_day)
        {
            out.push(v(
                "H6",
                ids(ps),
                vec![],
                format!(
                    "partner {} runs {} sessions on {}, more than its {} a day",
                    partner.id,
                    ps.len(),
                    model.grid.days[*day],
                    partner.max_per_day
                ),
            ));
        }
        if partner.parallel != 1 {
            continue;
        }
        for (a, b, words) in late_arrivals(model, list) {
            let day = model.grid.days[model
                .grid
                .day_of(b.placement(model).expect("resolved").period)];
            out.push(v(
                "H7",
                vec![a.id.clone(), b.id.clone()],
                vec![],
                format!("partner {} {words} on {day}", partner.id),
            ));
        }
    }
}

/// C1–C4.
fn courses(model: &Model, r: &Resolved, out: &mut Vec<Violation>) {
    let courses = r.courses.as_ref().expect("courses present");
    let mut seats: HashMap<usize, (u32, Vec<String>)> = HashMap::new();
    for (mi, entries) in courses.iter().enumerate() {
        let m = &model.members[mi];
        let who = vec![m.id.clone()];
        let mut attended: Vec<(&Placed, Placement)> = Vec::new();
        for &e in entries {
            let p = &r.placed[e];
            let entry = seats.entry(e).or_default();
            entry.0 += m.headcount;
            entry.1.push(m.id.clone());
            let (Some(w), Some(at)) = (p.workshop, p.placement(model)) else {
                continue;
            };
            let venue = &model.venues[at.venue];
            if !m.available.contains(at.period) {
                out.push(v(
                    "C1",
                    vec![p.id.clone()],
                    who.clone(),
                    format!(
                        "{} attends {} on {}, when it is not available",
                        m.id,
                        p.id,
                        model.grid.label(at.period)
                    ),
                ));
            }
            if !model.admits(w, m.profile) {
                out.push(v(
                    "C1",
                    vec![p.id.clone()],
                    who.clone(),
                    format!(
                        "{} attends {}, whose workshop does not admit the profile {}",
                        m.id,
                        p.id,
                        rally_model::PROFILES[m.profile]
                    ),
                ));
            }
            if let Some(t) = m.territory.filter(|_| !model.in_territory(mi, at.venue)) {
                out.push(v(
                    "C1",
                    vec![p.id.clone()],
                    who.clone(),
                    format!(
                        "{} attends {} at {} in territory {}, outside its territory {}",
                        m.id,
                        p.id,
                        venue.id,
                        model.territories[venue.territory],
                        model.territories[t]
                    ),
                ));
            }
            if let (Some(b), Some(base)) = (model.base_barrier(mi, at.venue), m.base) {
                let why = match model.travel.minutes(base, venue.node) {
                    Some(d) if b == Barrier::TooFar => format!(
                        "{d} min from its base, beyond its max_travel of {} min",
                        m.max_travel.unwrap_or(0)
                    ),
                    _ => format!("which no road links to its base {}", model.nodes[base].id),
                };
                let what = format!("{} attends {} at {}, {why}", m.id, p.id, venue.id);
                out.push(v("C4", vec![p.id.clone()], who.clone(), what));
            }
            attended.push((p, at));
        }
        course_shape(model, mi, &attended, out);
    }
    let mut entries: Vec<_> = seats.into_iter().collect();
    entries.sort_by_key(|(e, _)| *e);
    for (e, (taken, who)) in entries {
        let p = &r.placed[e];
        let (Some(w), Some(venue)) = (p.workshop, p.venue) else {
            continue;
        };
        let cap = model.capacity_at(w, venue);
        if taken > cap {
            out.push(v(
                "C3",
                vec![p.id.clone()],
                who,
                format!("session {} has {taken} people for {cap} seats", p.id),
            ));
        }
    }
}

/// C2 and the same-day travel of C4 for one member's resolved sessions.
fn course_shape(
    model: &Model,
    mi: usize,
    attended: &[(&Placed, Placement)],
    out: &mut Vec<Violation>,
) {
    let m = &model.members[mi];
    let who = vec![m.id.clone()];
    let mut list = attended.to_vec();
    list.sort_by_key(|(p, at)| (at.period, p.entry));
    let mut per_period: BTreeMap<usize, Vec<&Placed>> = BTreeMap::new();
    let mut per_day: BTreeMap<usize, Vec<&Placed>> = BTreeMap::new();
    let mut per_workshop: BTreeMap<usize, Vec<&Placed>> = BTreeMap::new();
    for &(p, at) in &list {
        per_period.entry(at.period).or_default().push(p);
        per_day
            .entry(model.grid.day_of(at.period))
            .or_default()
            .push(p);
        per_workshop
            .entry(p.workshop.expect("resolved"))
            .or_default()
            .push(p);
    }
    for (period, ps) in per_period.iter().filter(|(_, ps)| ps.len() > 1) {
        out.push(v(
            "C2",
            ids(ps),
            who.clone(),
            format!(
                "{} attends {} sessions on {}",
                m.id,
                ps.len(),
                model.grid.label(*period)
            ),
        ));
    }
    for (day, ps) in per_day
        .iter()
        .filter(|(_, ps)| ps.len() as u32 > m.max_per_day)
    {
        out.push(v(
            "C2",
            ids(ps),
            who.clone(),
            format!(
                "{} attends {} sessions on {}, more than its {} a day",
                m.id,
                ps.len(),
                model.grid.days[*day],
                m.max_per_day
            ),
        ));
    }
    for (w, ps) in per_workshop.iter().filter(|(_, ps)| ps.len() > 1) {
        out.push(v(
            "C2",
            ids(ps),
            who.clone(),
            format!(
                "{} attends workshop {} {} times",
                m.id,
                model.workshops[*w].id,
                ps.len()
            ),
        ));
    }
    if let Some(max) = m.max_days.filter(|&max| per_day.len() as u32 > max) {
        out.push(v(
            "C2",
            vec![],
            who.clone(),
            format!(
                "{} goes out on {} days, more than its {max}",
                m.id,
                per_day.len()
            ),
        ));
    }
    for (a, b, words) in late_arrivals(model, &list) {
        out.push(v(
            "C4",
            vec![a.id.clone(), b.id.clone()],
            who.clone(),
            format!("{} {words}", m.id),
        ));
    }
}

/// Consecutive sessions of one day (the list sorted by period) between which
/// the road is longer than the gap, with the words that say so.
fn late_arrivals<'a>(
    model: &Model,
    list: &[(&'a Placed, Placement)],
) -> Vec<(&'a Placed, &'a Placed, String)> {
    let mut out = Vec::new();
    for pair in list.windows(2) {
        let ((a, x), (b, y)) = (pair[0], pair[1]);
        if model.grid.day_of(x.period) != model.grid.day_of(y.period) || x.period == y.period {
            continue;
        }
        let (_, end) = a.times(model).expect("resolved");
        let (start, _) = b.times(model).expect("resolved");
        // Negative when the first session overruns its slot into the second.
        let gap = i64::from(start) - i64::from(end);
        if !model.reaches_in_time(x.venue, end, y.venue, start) {
            let road = model.venue_travel(x.venue, y.venue);
            let road = road.map_or("forever (no road)".to_string(), |t| format!("{t} min"));
            let (from, to) = (&model.venues[x.venue].id, &model.venues[y.venue].id);
            out.push((a, b, format!("goes from {from} to {to} with {gap} min between sessions; the road takes {road}")));
        }
    }
    out
}
