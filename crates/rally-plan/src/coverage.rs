//! Coverage (SPEC §7): members who could not validate their themes whatever
//! courses are assigned. Members alike (profile, territory, base, limits,
//! themes, headcount, availability) form a cohort searched once, with the
//! checker's own certifiability search ([`rally_check::certify::reach`]).
//!
//! Two views: the exact one (offers of the programme, `reach` per cohort),
//! and a quick necessary condition used while placing — every needed theme is
//! offered somewhere the cohort can go, when it is free — which also gives the
//! exact model its coverage terms.

use crate::parts::venue_usable;
use crate::programme::Programme;
use rally_check::certify::{reach, reach_within, Limits};
use rally_check::Offer;
use rally_model::{Model, Placement, Term, ThemeSet};
use std::collections::BTreeMap;

/// Members with a certificate that the same offers serve alike.
#[derive(Debug, Clone)]
pub struct Cohort {
    /// The member searched for the whole cohort.
    pub member: usize,
    /// Weighted coverage cost when the cohort cannot be certified.
    pub cost: i64,
    /// The themes the cohort needs.
    pub themes: ThemeSet,
    /// For each venue, whether the cohort may go there.
    pub venues: Vec<bool>,
}

impl Cohort {
    /// Whether the cohort may attend a session of `workshop` at `at` (C1, C4,
    /// capacity): the checker's barrier on a would-be offer.
    pub fn can_attend(&self, model: &Model, workshop: usize, at: Placement) -> bool {
        self.venues[at.venue]
            && rally_check::certify::barrier(
                model,
                self.member,
                &Offer::new(model, 0, 0, workshop, at),
            )
            .is_none()
    }
}

/// The cohorts of the members of a part (certificate holders only), in member order.
pub fn cohorts(model: &Model, members: &[usize]) -> Vec<Cohort> {
    let mut by_key: BTreeMap<Vec<u64>, usize> = BTreeMap::new();
    let mut out: Vec<Cohort> = Vec::new();
    for &m in members {
        let x = &model.members[m];
        if !x.certificate || x.themes == 0 {
            continue;
        }
        let mut key = vec![
            x.profile as u64,
            x.territory.map_or(u64::MAX, |t| t as u64),
            x.base.map_or(u64::MAX, |b| b as u64),
            x.max_travel.map_or(u64::MAX, u64::from),
            x.max_per_day as u64,
            x.max_days.map_or(u64::MAX, u64::from),
            x.themes,
            x.headcount as u64,
        ];
        key.extend(x.available.as_slice().iter().map(|&b| b as u64));
        let cost = model.weights[Term::Coverage] * x.headcount as i64;
        match by_key.get(&key) {
            Some(&c) => out[c].cost += cost,
            None => {
                by_key.insert(key, out.len());
                out.push(Cohort {
                    member: m,
                    cost,
                    themes: x.themes,
                    venues: (0..model.venues.len())
                        .map(|v| venue_usable(model, m, v))
                        .collect(),
                });
            }
        }
    }
    out
}

/// The programme's scheduled sessions as offers, sorted as the checker sorts them.
pub fn offers(p: &Programme) -> Vec<Offer> {
    let model = p.model();
    let mut out: Vec<Offer> = p
        .sessions
        .iter()
        .filter_map(|&s| p.at[s].map(|at| Offer::new(model, s, s, model.sessions[s].workshop, at)))
        .collect();
    out.sort_by_key(|o| (o.at.period, o.session));
    out
}

/// Whether each cohort can be certified with these offers (the exact search).
pub fn certifiable(model: &Model, cohorts: &[Cohort], offers: &[Offer]) -> Vec<bool> {
    cohorts
        .iter()
        .map(|c| reach(model, c.member, offers).certifiable)
        .collect()
}

/// The coverage term of the cohorts left uncertifiable.
pub fn cost(cohorts: &[Cohort], ok: &[bool]) -> i64 {
    cohorts
        .iter()
        .zip(ok)
        .filter(|(_, ok)| !**ok)
        .map(|(c, _)| c.cost)
        .sum()
}

/// Whether a cohort could be certified if every workshop ran at every feasible
/// placement, ignoring the travel between its sessions of one day: when not,
/// no programme certifies it (a lower bound on coverage).
pub fn ever_certifiable(
    model: &Model,
    cohort: &Cohort,
    placements: &[(usize, &[Placement])],
) -> bool {
    let mut all: Vec<Offer> = Vec::new();
    let mut seen = std::collections::BTreeSet::new();
    for &(w, ps) in placements {
        let themes = model.workshops[w].themes & cohort.themes;
        if themes == 0 {
            continue;
        }
        for &at in ps {
            if !cohort.venues[at.venue]
                || seen.contains(&(at.period, themes))
                || !cohort.can_attend(model, w, at)
            {
                continue;
            }
            seen.insert((at.period, themes));
            all.push(Offer::new(model, 0, 0, w, at));
        }
    }
    all.sort_by_key(|o| (o.at.period, o.workshop));
    let usable: Vec<&Offer> = all.iter().collect();
    let limits = Limits {
        travel: false,
        ..Limits::of(model, cohort.member)
    };
    reach_within(model, cohort.member, &usable, limits).certifiable
}

/// For each cohort, the needed themes some placed session offers where and when
/// it can go (the necessary condition of certifiability).
pub fn offered(model: &Model, cohorts: &[Cohort], offers: &[Offer]) -> Vec<ThemeSet> {
    cohorts
        .iter()
        .map(|c| {
            offers
                .iter()
                .filter(|o| c.can_attend(model, o.workshop, o.at))
                .fold(0, |acc, o| {
                    acc | (model.workshops[o.workshop].themes & c.themes)
                })
        })
        .collect()
}
