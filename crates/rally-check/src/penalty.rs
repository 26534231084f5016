//! The penalty of SPEC §7, term by term, computed on the plan as given.

use crate::resolve::{Placed, Resolved};
use rally_model::{Model, Term, Terms, ThemeSet};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// Every term of the penalty (already multiplied by its weight) and their sum.
///
/// The terms of SPEC §7 are always shown; the re-planning terms of SPEC §9
/// (`moved`, `rerouted`) only when `replanning` is set (a check with `--from`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Penalty {
    /// The sum of the terms (see [`Penalty::with_total`]).
    pub total: i64,
    /// Each term's value.
    pub terms: Terms<i64>,
    /// Whether the re-planning terms are part of this penalty.
    pub replanning: bool,
}

impl std::ops::Index<Term> for Penalty {
    type Output = i64;
    fn index(&self, t: Term) -> &i64 {
        &self.terms[t]
    }
}

impl std::ops::IndexMut<Term> for Penalty {
    fn index_mut(&mut self, t: Term) -> &mut i64 {
        &mut self.terms[t]
    }
}

impl Penalty {
    /// The terms this penalty shows, in SPEC order.
    pub fn shown(&self) -> impl Iterator<Item = Term> {
        let replan: &[Term] = if self.replanning { &Term::REPLAN } else { &[] };
        Term::ALL.into_iter().chain(replan.iter().copied())
    }

    /// The shown terms by name, in SPEC order (`total` not included).
    pub fn terms(&self) -> Vec<(&'static str, i64)> {
        self.shown().map(|t| (t.name(), self[t])).collect()
    }

    /// Adds `value` to a term, saturating instead of wrapping.
    pub fn add(&mut self, t: Term, value: i64) {
        self.terms.add(t, value);
    }

    /// Sets `total` to the sum of the shown terms (saturating).
    pub fn with_total(mut self) -> Penalty {
        self.total = self
            .shown()
            .fold(0i64, |a, t| a.saturating_add(self.terms[t]));
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

impl Serialize for Penalty {
    /// `total` first, then the shown terms in SPEC order (SPEC §8).
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = s.serialize_map(None)?;
        map.serialize_entry("total", &self.total)?;
        for t in self.shown() {
            map.serialize_entry(t.name(), &self[t])?;
        }
        map.end()
    }
}

/// The programme terms (`unscheduled`, `theme_week`, `same_day`, `daily_load`);
/// `coverage` and the course terms are filled in by [`course_terms`] and the caller.
/// Only the sessions whose date, slot and venue resolve count (SPEC §7).
pub fn programme_terms(model: &Model, unscheduled: usize, r: &Resolved) -> Penalty {
    let w = &model.weights;
    let scheduled: Vec<&Placed> = r.placed.iter().filter(|p| p.resolved()).collect();
    let mut p = Penalty::default();
    let counts = [
        (Term::Unscheduled, unscheduled as i64),
        (Term::ThemeWeek, theme_week(model, &scheduled)),
        (Term::SameDay, same_day(&scheduled)),
        (Term::DailyLoad, daily_load(model, &scheduled)),
    ];
    for (t, n) in counts {
        p.add(t, w[t].saturating_mul(n));
    }
    p
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
        if let Some(d) = p.date.and_then(|d| model.grid.day(d)) {
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
    /// Whether the course validates every theme the member needs.
    pub certified: bool,
}

/// The course terms; returns them with each member's outcome.
pub fn course_terms(
    model: &Model,
    r: &Resolved,
    courses: &[Vec<usize>],
) -> (Penalty, Vec<CourseOutcome>) {
    let mut p = Penalty::default();
    let mut outcomes = Vec::with_capacity(courses.len());
    let mut attending: HashMap<usize, i64> = HashMap::new();
    for (mi, entries) in courses.iter().enumerate() {
        let m = &model.members[mi];
        let mut workshops = BTreeSet::new();
        let mut days: BTreeMap<chrono::NaiveDate, Vec<(usize, usize)>> = BTreeMap::new();
        for &e in entries.iter().filter(|&&e| r.placed[e].resolved()) {
            let s = &r.placed[e];
            *attending.entry(e).or_default() += m.headcount as i64;
            let Some(wk) = s.workshop else { continue };
            workshops.insert(wk);
            if let Some(date) = s.date {
                let stops = days.entry(date).or_default();
                if let Some(venue) = s.venue {
                    let start = s.slot.map_or(u32::MAX, |x| model.grid.slots[x].start);
                    stops.push((start as usize, venue));
                }
            }
        }
        let themes = model.validated(workshops.iter().copied());
        let attends = |x: usize| workshops.contains(&x);
        let certified = member_terms(model, mi, themes, attends, days.into_values(), &mut p);
        outcomes.push(CourseOutcome { certified });
    }
    for s in r.placed.iter().filter(|s| s.resolved()) {
        if let Some(wk) = s.workshop {
            let attending = attending.get(&s.entry).copied().unwrap_or(0);
            p.add(Term::Underfill, underfill(model, wk, attending));
        }
    }
    (p, outcomes)
}

/// Adds one member's course terms (SPEC §7) to `p`: `uncertified` and
/// `theme_missing` when it wants a certificate its course does not give,
/// `wish`, `group_day` or `participant_day`, and `travel_minute`; given the
/// themes its course validates, which workshops it attends, and its stops
/// (start, venue) on each day it comes. Returns whether it is certified.
pub fn member_terms(
    model: &Model,
    member: usize,
    themes: ThemeSet,
    attends: impl Fn(usize) -> bool,
    days: impl IntoIterator<Item = Vec<(usize, usize)>>,
    p: &mut Penalty,
) -> bool {
    let w = &model.weights;
    let m = &model.members[member];
    let certified = m.certified_by(themes);
    let headcount = i64::from(m.headcount);
    if m.certificate && !certified {
        p.add(
            Term::Uncertified,
            w[Term::Uncertified].saturating_mul(headcount),
        );
        let missing = i64::from((m.themes & !themes).count_ones());
        let weight = w[Term::ThemeMissing].saturating_mul(headcount);
        p.add(Term::ThemeMissing, weight.saturating_mul(missing));
    }
    let unmet = m.wishes.iter().filter(|&&x| !attends(x)).count() as i64;
    p.add(Term::Wish, w[Term::Wish].saturating_mul(unmet));
    let day_term = if m.is_group {
        Term::GroupDay
    } else {
        Term::ParticipantDay
    };
    for mut day in days {
        p.add(day_term, w[day_term]);
        day.sort_unstable();
        let minutes = day_travel(model, m.base, &day);
        p.add(
            Term::TravelMinute,
            w[Term::TravelMinute].saturating_mul(minutes),
        );
    }
    certified
}

/// The weighted `underfill` of one session of `workshop` attended by `attending` people.
pub fn underfill(model: &Model, workshop: usize, attending: i64) -> i64 {
    let short = (i64::from(model.workshops[workshop].min) - attending).max(0);
    model.weights[Term::Underfill].saturating_mul(short)
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
