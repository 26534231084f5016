//! The hard rules of SPEC §6: shape (S1–S3), programme (H1–H8), courses (C1–C4).
//! Every violation is listed, with the sessions and members involved.

use crate::resolve::{minutes, Placed, Resolved};
use crate::what::{Field, Late, What, When};
use rally_model::calendar::Grid;
use rally_model::{Barrier, Model, Placement, Plan};
use serde::Serialize;
use std::collections::{BTreeMap, HashMap, HashSet};

/// One broken hard rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Violation {
    /// The rule's name (`H5`, `C3`…).
    pub rule: String,
    /// Sessions involved.
    pub sessions: Vec<String>,
    /// Members involved.
    pub members: Vec<String>,
    /// What is wrong, in English.
    pub message: String,
    /// The facts behind `message`, for outputs in other languages.
    #[serde(skip)]
    pub what: What,
}

/// A violation whose English message is worded from its facts.
fn fact(
    model: &Model,
    rule: &str,
    sessions: Vec<String>,
    members: Vec<String>,
    what: What,
) -> Violation {
    Violation {
        rule: rule.into(),
        sessions,
        members,
        message: what.english(model),
        what,
    }
}

/// A period as a date and a slot.
fn when(model: &Model, period: usize) -> When {
    When {
        date: model.grid.days[model.grid.day_of(period)],
        slot: model.grid.slot_of(period),
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
            None => {
                let what = What::Unplanned {
                    session: s.id.clone(),
                };
                out.push(fact(model, "S1", vec![s.id.clone()], vec![], what));
            }
            Some(&n) if n > 1 => {
                let what = What::Repeated {
                    session: s.id.clone(),
                    n,
                };
                out.push(fact(model, "S1", vec![s.id.clone()], vec![], what));
            }
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
        let what = What::NotASession { session: id.into() };
        out.push(fact(model, "S1", vec![id.into()], vec![], what));
    }
    for (p, s) in r.placed.iter().zip(&plan.sessions) {
        let Some(w) = p.workshop else { continue };
        let ws = &model.workshops[w];
        let mut wrong = Vec::new();
        if s.workshop != ws.id {
            wrong.push(Field::Workshop {
                given: s.workshop.clone(),
                edition: w,
            });
        }
        if let Some((start, end)) = p.times(model) {
            if minutes(&s.start) != Some(start) || minutes(&s.end) != Some(end) {
                wrong.push(Field::Times {
                    given: (s.start.clone(), s.end.clone()),
                    edition: (start, end),
                });
            }
        }
        if let Some(venue) = p.venue {
            let cap = model.capacity_at(w, venue);
            if s.capacity != cap {
                wrong.push(Field::Capacity {
                    given: s.capacity,
                    edition: cap,
                });
            }
        }
        if !wrong.is_empty() {
            let what = What::Fields {
                session: s.id.clone(),
                wrong,
            };
            out.push(fact(model, "S2", vec![s.id.clone()], vec![], what));
        }
    }
    if let Some(courses) = &plan.courses {
        let scheduled: HashSet<&str> = plan.sessions.iter().map(|p| p.id.as_str()).collect();
        let mut members: HashMap<&str, usize> = HashMap::new();
        for c in courses {
            let n = members.entry(c.member.as_str()).or_default();
            *n += 1;
            if model.member(&c.member).is_none() && *n == 1 {
                let what = What::NotAMember {
                    member: c.member.clone(),
                };
                out.push(fact(model, "S3", vec![], vec![c.member.clone()], what));
            } else if *n == 2 {
                let what = What::TwoCourses {
                    member: c.member.clone(),
                };
                out.push(fact(model, "S3", vec![], vec![c.member.clone()], what));
            }
            let mut listed: HashMap<&str, usize> = HashMap::new();
            for s in &c.sessions {
                let n = listed.entry(s.as_str()).or_default();
                *n += 1;
                if *n == 2 {
                    let what = What::ListedTwice {
                        member: c.member.clone(),
                        session: s.clone(),
                    };
                    out.push(fact(
                        model,
                        "S3",
                        vec![s.clone()],
                        vec![c.member.clone()],
                        what,
                    ));
                }
                if *n == 1 && !scheduled.contains(s.as_str()) {
                    let what = What::NotScheduled {
                        member: c.member.clone(),
                        session: s.clone(),
                    };
                    out.push(fact(
                        model,
                        "S3",
                        vec![s.clone()],
                        vec![c.member.clone()],
                        what,
                    ));
                }
            }
        }
    }
}

/// H1–H8.
fn programme(model: &Model, calendar: &Grid, plan: &Plan, r: &Resolved, out: &mut Vec<Violation>) {
    for (p, s) in r.placed.iter().zip(&plan.sessions) {
        let Some(w) = p.workshop else { continue };
        if p.date.is_none_or(|d| calendar.day(d).is_none()) {
            let what = What::ClosedDay {
                session: p.id.clone(),
                date: s.date.clone(),
            };
            out.push(fact(model, "H1", vec![p.id.clone()], vec![], what));
        }
        if p.slot.is_none() {
            let what = What::UnknownSlot {
                session: p.id.clone(),
                slot: s.slot.clone(),
            };
            out.push(fact(model, "H1", vec![p.id.clone()], vec![], what));
        }
        if p.venue.is_none() {
            let what = What::UnknownVenue {
                session: p.id.clone(),
                venue: s.venue.clone(),
            };
            out.push(fact(model, "H3", vec![p.id.clone()], vec![], what));
        }
        if let Some(at) = p.placement(model) {
            for problem in model.placement_issues(w, at) {
                let rule = problem.rule();
                let what = What::Placement {
                    session: p.id.clone(),
                    workshop: w,
                    venue: at.venue,
                    when: when(model, at.period),
                    problem,
                };
                out.push(fact(model, rule, vec![p.id.clone()], vec![], what));
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
        let what = What::VenueTaken {
            venue: at.venue,
            n: ps.len(),
            when: when(model, at.period),
        };
        out.push(fact(model, "H5", ids(ps), vec![], what));
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
            let what = What::Pinned {
                session: id.clone(),
                when: when(model, pin.at.period),
                venue: pin.at.venue,
            };
            out.push(fact(model, "H8", vec![id.clone()], vec![], what));
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
            let what = What::PartnerParallel {
                partner: o,
                n: ps.len(),
                when: when(model, *period),
                limit: partner.parallel,
            };
            out.push(fact(model, "H6", ids(ps), vec![], what));
        }
        for (day, ps) in per_day
            .iter()
            .filter(|(_, ps)| ps.len() as u32 > partner.max_per_day)
        {
            let what = What::PartnerDaily {
                partner: o,
                n: ps.len(),
                date: model.grid.days[*day],
                limit: partner.max_per_day,
            };
            out.push(fact(model, "H6", ids(ps), vec![], what));
        }
        if partner.parallel != 1 {
            continue;
        }
        for (a, b, late) in late_arrivals(model, list) {
            let date = model.grid.days[model
                .grid
                .day_of(b.placement(model).expect("resolved").period)];
            let what = What::PartnerLate {
                partner: o,
                late,
                date,
            };
            out.push(fact(
                model,
                "H7",
                vec![a.id.clone(), b.id.clone()],
                vec![],
                what,
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
                let what = What::Unavailable {
                    member: mi,
                    session: p.id.clone(),
                    when: when(model, at.period),
                };
                out.push(fact(model, "C1", vec![p.id.clone()], who.clone(), what));
            }
            if !model.admits(w, m.profile) {
                let what = What::Audience {
                    member: mi,
                    session: p.id.clone(),
                };
                out.push(fact(model, "C1", vec![p.id.clone()], who.clone(), what));
            }
            if m.territory.is_some() && !model.in_territory(mi, at.venue) {
                let what = What::Territory {
                    member: mi,
                    session: p.id.clone(),
                    venue: at.venue,
                };
                out.push(fact(model, "C1", vec![p.id.clone()], who.clone(), what));
            }
            if let (Some(b), Some(base)) = (model.base_barrier(mi, at.venue), m.base) {
                let (member, session) = (mi, p.id.clone());
                let what = match model.travel.minutes(base, venue.node) {
                    Some(minutes) if b == Barrier::TooFar => What::TooFar {
                        member,
                        session,
                        venue: at.venue,
                        minutes,
                    },
                    _ => What::NoRoad {
                        member,
                        session,
                        venue: at.venue,
                    },
                };
                out.push(fact(model, "C4", vec![p.id.clone()], who.clone(), what));
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
            let what = What::Seats {
                session: p.id.clone(),
                taken,
                seats: cap,
            };
            out.push(fact(model, "C3", vec![p.id.clone()], who, what));
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
        let what = What::SamePeriod {
            member: mi,
            n: ps.len(),
            when: when(model, *period),
        };
        out.push(fact(model, "C2", ids(ps), who.clone(), what));
    }
    for (day, ps) in per_day
        .iter()
        .filter(|(_, ps)| ps.len() as u32 > m.max_per_day)
    {
        let what = What::MemberDaily {
            member: mi,
            n: ps.len(),
            date: model.grid.days[*day],
        };
        out.push(fact(model, "C2", ids(ps), who.clone(), what));
    }
    for (&workshop, ps) in per_workshop.iter().filter(|(_, ps)| ps.len() > 1) {
        let what = What::SameWorkshop {
            member: mi,
            workshop,
            n: ps.len(),
        };
        out.push(fact(model, "C2", ids(ps), who.clone(), what));
    }
    if m.max_days.is_some_and(|max| per_day.len() as u32 > max) {
        let what = What::Days {
            member: mi,
            n: per_day.len(),
        };
        out.push(fact(model, "C2", vec![], who.clone(), what));
    }
    for (a, b, late) in late_arrivals(model, &list) {
        let what = What::MemberLate { member: mi, late };
        out.push(fact(
            model,
            "C4",
            vec![a.id.clone(), b.id.clone()],
            who.clone(),
            what,
        ));
    }
}

/// Consecutive sessions of one day (the list sorted by period) between which
/// the road is longer than the gap, with the facts that say so.
fn late_arrivals<'a>(
    model: &Model,
    list: &[(&'a Placed, Placement)],
) -> Vec<(&'a Placed, &'a Placed, Late)> {
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
            let late = Late {
                from: x.venue,
                to: y.venue,
                gap,
                road: model.venue_travel(x.venue, y.venue),
            };
            out.push((a, b, late));
        }
    }
    out
}
