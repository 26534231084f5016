//! Certifiability (SPEC §7 `coverage`): is there a course, within the
//! scheduled sessions, that validates all of a member's themes under C1, C2
//! and C4, using only sessions whose capacity holds the member's headcount,
//! the other members ignored? An exact search, and the reasons when not.
//!
//! The search goes day by day: for each opening day, the sets of themes one
//! day's sessions can validate (at most one per period, `max_per_day`, travel
//! between consecutive venues), then a dynamic programme over days that keeps,
//! for every set of themes, the fewest days that reach it (`max_days`).
//! Attending a workshop twice never helps, and dropping a session keeps a day
//! feasible (travel times are shortest paths), so C2's once-per-workshop rule
//! needs no state.

use crate::resolve::Offer;
pub use rally_model::Barrier;
use rally_model::{Model, ThemeSet};
use std::collections::BTreeMap;

/// The first barrier that keeps a member out of an offer, if any (the
/// model's [`Model::barrier`]: C1, C4, capacity).
pub fn barrier(model: &Model, member: usize, offer: &Offer) -> Option<Barrier> {
    model.barrier(member, offer.workshop, offer.at, offer.capacity)
}

/// Limits of the search; relaxed one at a time to explain a failure.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Sessions a day at most.
    pub max_per_day: u32,
    /// Days out at most, if limited.
    pub max_days: Option<u32>,
    /// Whether consecutive sessions of a day need the travel time between them.
    pub travel: bool,
}

impl Limits {
    /// The member's own limits.
    pub fn of(model: &Model, member: usize) -> Limits {
        let m = &model.members[member];
        Limits {
            max_per_day: m.max_per_day,
            max_days: m.max_days,
            travel: true,
        }
    }
}

/// The result of the search for one member.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reach {
    /// The member's themes that some course validates together, at most: the
    /// largest set any single course reaches (ties: the first found in theme order).
    pub best: ThemeSet,
    /// Whether one course validates every theme of the member.
    pub certifiable: bool,
}

/// Searches the offers (sorted by period) for the best course of a member.
pub fn reach(model: &Model, member: usize, offers: &[Offer]) -> Reach {
    let usable: Vec<&Offer> = offers
        .iter()
        .filter(|o| barrier(model, member, o).is_none())
        .collect();
    reach_within(model, member, &usable, Limits::of(model, member))
}

/// The search on offers the member may attend one by one, under `limits`.
pub fn reach_within(model: &Model, member: usize, usable: &[&Offer], limits: Limits) -> Reach {
    reach_themes(model, model.members[member].themes, usable, limits)
}

/// The search for the themes `need` alone (a subset of a member's themes) on
/// offers the member may attend one by one, under `limits`.
pub fn reach_themes(model: &Model, need: ThemeSet, usable: &[&Offer], limits: Limits) -> Reach {
    let mut fewest: BTreeMap<ThemeSet, u32> = BTreeMap::from([(0, 0)]);
    let mut day_search = DaySearch::default();
    let mut before: Vec<(ThemeSet, u32)> = Vec::new();
    let mut start = 0;
    while start < usable.len() {
        let day = model.grid.day_of(usable[start].at.period);
        let mut end = start;
        while end < usable.len() && model.grid.day_of(usable[end].at.period) == day {
            end += 1;
        }
        let options = day_search.options(model, &usable[start..end], need, limits);
        start = end;
        before.clear();
        before.extend(fewest.iter().map(|(k, v)| (*k, *v)));
        for &(set, days) in &before {
            if limits.max_days.is_some_and(|max| days >= max) {
                continue;
            }
            for &o in options {
                let next = set | o;
                if next != set {
                    let e = fewest.entry(next).or_insert(u32::MAX);
                    *e = (*e).min(days + 1);
                }
            }
        }
        if fewest.contains_key(&need) {
            return Reach {
                best: need,
                certifiable: true,
            };
        }
    }
    let best = fewest
        .keys()
        .copied()
        .max_by_key(|s| (s.count_ones(), std::cmp::Reverse(*s)))
        .unwrap_or(0);
    Reach {
        best,
        certifiable: best == need,
    }
}

/// The search within one day, with buffers reused from day to day.
#[derive(Default)]
struct DaySearch {
    /// Needed themes of each offer of the day.
    themes: Vec<ThemeSet>,
    /// Courses of the day that may still grow, as (sessions, themes), the
    /// fewest sessions for each set: those ending with offer `i` are
    /// `growing[ends[i]..ends[i + 1]]`.
    growing: Vec<(u32, ThemeSet)>,
    ends: Vec<usize>,
    /// The maximal sets found so far.
    maximal: Vec<ThemeSet>,
}

impl DaySearch {
    /// The maximal sets of needed themes that one day's offers (in period
    /// order) can validate together. A forward pass: the courses ending with
    /// each offer are those ending earlier that it can follow, extended by
    /// it. An offer that adds no theme to a course is never appended to it
    /// (dropping it keeps the rest feasible: travel times are shortest paths).
    fn options(
        &mut self,
        model: &Model,
        day: &[&Offer],
        need: ThemeSet,
        limits: Limits,
    ) -> &[ThemeSet] {
        self.themes.clear();
        self.themes.extend(
            day.iter()
                .map(|o| model.workshops[o.workshop].themes & need),
        );
        self.growing.clear();
        self.ends.clear();
        self.ends.push(0);
        self.maximal.clear();
        let fits = |a: &Offer, b: &Offer| {
            a.at.period != b.at.period
                && (!limits.travel || model.reaches_in_time(a.at.venue, a.end, b.at.venue, b.start))
        };
        for j in 0..day.len() {
            let first = self.growing.len();
            let tj = self.themes[j];
            if tj != 0 {
                self.growing.push((1, tj));
                for i in 0..j {
                    let (from, to) = (self.ends[i], self.ends[i + 1]);
                    if from == to || !fits(day[i], day[j]) {
                        continue;
                    }
                    for k in from..to {
                        let (count, set) = self.growing[k];
                        if tj & !set != 0 {
                            keep_fewest(&mut self.growing, first, count + 1, set | tj);
                        }
                    }
                }
                for k in first..self.growing.len() {
                    add_maximal(&mut self.maximal, self.growing[k].1);
                }
                let mut kept = first;
                for k in first..self.growing.len() {
                    if self.growing[k].0 < limits.max_per_day {
                        self.growing[kept] = self.growing[k];
                        kept += 1;
                    }
                }
                self.growing.truncate(kept);
            }
            self.ends.push(self.growing.len());
        }
        &self.maximal
    }
}

/// Records a course of `count` sessions reaching `set` among `list[first..]`,
/// keeping the fewest sessions per set.
fn keep_fewest(list: &mut Vec<(u32, ThemeSet)>, first: usize, count: u32, set: ThemeSet) {
    match list[first..].iter_mut().find(|(_, s)| *s == set) {
        Some(entry) => entry.0 = entry.0.min(count),
        None => list.push((count, set)),
    }
}

/// Adds `set` to a list of sets none of which contains another.
fn add_maximal(maximal: &mut Vec<ThemeSet>, set: ThemeSet) {
    if maximal.iter().any(|&t| t & set == set) {
        return;
    }
    maximal.retain(|&t| t & set != t);
    maximal.push(set);
}
