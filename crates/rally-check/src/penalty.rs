//! The penalty of SPEC §7, term by term, computed on the plan as given.

use crate::resolve::{Placed, Resolved};
use rally_model::Model;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// Every term of the penalty (already multiplied by its weight) and their sum.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Penalty {
    pub total: i64,
    pub unscheduled: i64,
    pub theme_week: i64,
    pub same_day: i64,
    pub daily_load: i64,
    pub coverage: i64,
    pub uncertified: i64,
    pub wish: i64,
    pub group_day: i64,
    pub participant_day: i64,
    pub travel_minute: i64,
    pub underfill: i64,
}

impl Penalty {
    /// The terms by name, in the order of SPEC §7 (`total` not included).
    pub fn terms(&self) -> [(&'static str, i64); 11] {
        [
            ("unscheduled", self.unscheduled),
            ("theme_week", self.theme_week),
            ("same_day", self.same_day),
            ("daily_load", self.daily_load),
            ("coverage", self.coverage),
            ("uncertified", self.uncertified),
            ("wish", self.wish),
            ("group_day", self.group_day),
            ("participant_day", self.participant_day),
            ("travel_minute", self.travel_minute),
            ("underfill", self.underfill),
        ]
    }

    /// Sets `total` to the sum of the terms.
    pub fn with_total(mut self) -> Penalty {
        self.total = self.terms().iter().map(|(_, x)| x).sum();
        self
    }

    /// The terms as a JSON-ready map with `total` (for the plan's `penalty`).
    pub fn to_map(&self) -> BTreeMap<String, i64> {
        let mut m: BTreeMap<String, i64> = self
            .terms()
            .iter()
            .map(|(k, v)| (k.to_string(), *v))
            .collect();
        m.insert("total".into(), self.total);
        m
    }
}

/// The programme terms (`unscheduled`, `theme_week`, `same_day`, `daily_load`);
/// `coverage` and the course terms are filled in by [`course_terms`] and the caller.
pub fn programme_terms(model: &Model, unscheduled: usize, r: &Resolved) -> Penalty {
    let w = model.weights;
    let scheduled: Vec<&Placed> = r.placed.iter().filter(|p| p.workshop.is_some()).collect();
    Penalty {
        unscheduled: w.unscheduled * unscheduled as i64,
        theme_week: w.theme_week * theme_week(model, &scheduled),
        same_day: w.same_day * same_day(&scheduled),
        daily_load: w.daily_load * daily_load(model, &scheduled),
        ..Penalty::default()
    }
}

/// Σ over territories with a venue, themes, weeks: max(0, R − n).
fn theme_week(model: &Model, scheduled: &[&Placed]) -> i64 {
    let mut n: HashMap<(usize, usize, usize), i64> = HashMap::new();
    for p in scheduled {
        let (Some(venue), Some(date)) = (p.venue, p.date) else {
            continue;
        };
        let Some(week) = model.grid.week_of_date(date) else {
            continue;
        };
        let territory = model.venues[venue].territory;
        let themes = model.workshops[p.workshop.expect("scheduled")].themes;
        for t in (0..model.themes.len()).filter(|t| themes >> t & 1 == 1) {
            *n.entry((territory, t, week)).or_default() += 1;
        }
    }
    let with_venue: BTreeSet<usize> = model.venues.iter().map(|v| v.territory).collect();
    let r = model.theme_sessions_per_week as i64;
    let mut total = 0;
    for &territory in &with_venue {
        for t in 0..model.themes.len() {
            for week in 0..model.grid.weeks.len() {
                total += (r - n.get(&(territory, t, week)).copied().unwrap_or(0)).max(0);
            }
        }
    }
    total
}

/// Pairs of sessions of one workshop on one date.
fn same_day(scheduled: &[&Placed]) -> i64 {
    let mut n: HashMap<(usize, chrono::NaiveDate), i64> = HashMap::new();
    for p in scheduled {
        if let Some(date) = p.date {
            *n.entry((p.workshop.expect("scheduled"), date)).or_default() += 1;
        }
    }
    n.values().map(|k| k * (k - 1) / 2).sum()
}

/// Σ over territories with sessions and opening days: max(0, n(τ,d) − ⌈N/D⌉).
fn daily_load(model: &Model, scheduled: &[&Placed]) -> i64 {
    let days = model.grid.days.len() as i64;
    let mut total_by_territory: BTreeMap<usize, i64> = BTreeMap::new();
    let mut by_day: HashMap<(usize, usize), i64> = HashMap::new();
    for p in scheduled {
        let Some(venue) = p.venue else { continue };
        let t = model.venues[venue].territory;
        *total_by_territory.entry(t).or_default() += 1;
        if let Some(d) = p.day {
            *by_day.entry((t, d)).or_default() += 1;
        }
    }
    let mut total = 0;
    for (&t, &n) in &total_by_territory {
        let cap = (n + days - 1) / days;
        for d in 0..model.grid.days.len() {
            total += (by_day.get(&(t, d)).copied().unwrap_or(0) - cap).max(0);
        }
    }
    total
}

/// What each member's course achieves, for the course terms and the report.
#[derive(Debug, Clone)]
pub struct CourseOutcome {
    pub certified: bool,
}

/// The course terms; returns them with each member's outcome.
pub fn course_terms(
    model: &Model,
    r: &Resolved,
    courses: &[Vec<usize>],
) -> (Penalty, Vec<CourseOutcome>) {
    let w = model.weights;
    let mut p = Penalty::default();
    let mut outcomes = Vec::with_capacity(courses.len());
    let mut attending: HashMap<usize, i64> = HashMap::new();
    for (mi, entries) in courses.iter().enumerate() {
        let m = &model.members[mi];
        let mut themes = 0;
        let mut workshops = BTreeSet::new();
        let mut days: BTreeMap<chrono::NaiveDate, Vec<(usize, usize)>> = BTreeMap::new();
        for &e in entries {
            let s = &r.placed[e];
            *attending.entry(e).or_default() += m.headcount as i64;
            let Some(wk) = s.workshop else { continue };
            themes |= model.workshops[wk].themes;
            workshops.insert(wk);
            if let Some(date) = s.date {
                let stops = days.entry(date).or_default();
                if let Some(venue) = s.venue {
                    let start = s.slot.map_or(u32::MAX, |x| model.grid.slots[x].start);
                    stops.push((start as usize, venue));
                }
            }
        }
        let certified = themes & m.themes == m.themes;
        if m.certificate && !certified {
            p.uncertified += w.uncertified * m.headcount as i64;
        }
        p.wish += w.wish * m.wishes.iter().filter(|x| !workshops.contains(x)).count() as i64;
        if m.is_group {
            p.group_day += w.group_day * days.len() as i64;
        } else {
            p.participant_day += w.participant_day * days.len() as i64;
        }
        for day in days.values_mut() {
            day.sort();
            p.travel_minute += w.travel_minute * day_travel(model, m.base, day);
        }
        outcomes.push(CourseOutcome { certified });
    }
    for s in &r.placed {
        if let Some(wk) = s.workshop {
            let min = model.workshops[wk].min as i64;
            p.underfill +=
                w.underfill * (min - attending.get(&s.entry).copied().unwrap_or(0)).max(0);
        }
    }
    (p, outcomes)
}

/// Minutes travelled on one day: base → first venue → … → last venue → base.
/// Legs with no road are counted as 0 (C4 reports them).
pub fn day_travel(model: &Model, base: Option<usize>, day: &[(usize, usize)]) -> i64 {
    let mut stops: Vec<usize> = Vec::with_capacity(day.len() + 2);
    stops.extend(base);
    stops.extend(day.iter().map(|&(_, v)| model.venues[v].node));
    stops.extend(base);
    stops
        .windows(2)
        .map(|w| model.travel.minutes(w[0], w[1]).unwrap_or(0) as i64)
        .sum()
}
