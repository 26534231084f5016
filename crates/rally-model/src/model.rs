//! The compiled edition: every id resolved to an index, defaults filled in,
//! availability evaluated into period sets, travel times computed.

use crate::availability::{CheckedAvailability, PeriodSet};
use crate::calendar::Grid;
use crate::terms::Weights;
use crate::travel::TravelTimes;
use crate::types::Edition;
use chrono::NaiveDate;
use std::collections::HashMap;

/// The seven default themes, in the order of SPEC §4.
pub const DEFAULT_THEMES: [&str; 7] = [
    "employers",
    "realities",
    "conditions",
    "public",
    "training",
    "professions",
    "career",
];

/// Member profiles (SPEC §4).
pub const PROFILES: [&str; 5] = ["student", "job-seeker", "retraining", "employee", "adviser"];

/// Partner kinds (SPEC §4).
pub const PARTNER_KINDS: [&str; 7] = [
    "home-care-service",
    "training",
    "employment",
    "association",
    "authority",
    "health",
    "other",
];

/// A set of themes, one bit per theme index (at most 64 themes).
pub type ThemeSet = u64;

/// A node of the travel graph: a place or a venue.
#[derive(Debug, Clone)]
pub struct Node {
    /// The place's or venue's id.
    pub id: String,
    /// Its territory.
    pub territory: usize,
    /// The venue index when the node is a venue.
    pub venue: Option<usize>,
}

/// A compiled venue.
#[derive(Debug, Clone)]
pub struct Venue {
    /// Its id.
    pub id: String,
    /// Its name, or its id when unnamed.
    pub name: String,
    /// Its node in the travel graph.
    pub node: usize,
    /// Its territory.
    pub territory: usize,
    /// Seats in the room.
    pub capacity: u32,
    /// What the room offers.
    pub features: Vec<String>,
    /// Periods in which it is open.
    pub available: PeriodSet,
}

/// A compiled partner.
#[derive(Debug, Clone)]
pub struct Partner {
    /// Its id.
    pub id: String,
    /// Its name, or its id when unnamed.
    pub name: String,
    /// Its kind (one of [`PARTNER_KINDS`]).
    pub kind: String,
    /// `None` for a regional partner.
    pub territory: Option<usize>,
    /// Sessions it can run in one period.
    pub parallel: u32,
    /// Sessions it can run in one day.
    pub max_per_day: u32,
    /// Periods in which it is free.
    pub available: PeriodSet,
}

/// A compiled workshop.
#[derive(Debug, Clone)]
pub struct Workshop {
    /// Its id.
    pub id: String,
    /// Its title, or its id when untitled.
    pub title: String,
    /// The themes its sessions validate.
    pub themes: ThemeSet,
    /// Partner indices of its organisers.
    pub organisers: Vec<usize>,
    /// Index of its first session in [`Model::sessions`]; the others follow.
    pub first_session: usize,
    /// How many sessions it runs.
    pub n_sessions: usize,
    /// Minutes, as the file gives it; `None` means the length of the slot it
    /// is placed in (see [`Model::duration_in`]).
    pub duration: Option<u32>,
    /// Fewest attendees wanted per session.
    pub min: u32,
    /// Most seats per session.
    pub max: u32,
    /// Allowed venues as the file gives them (`None` = any venue).
    pub venues: Option<Vec<usize>>,
    /// Features every venue must have.
    pub needs: Vec<String>,
    /// The territory its venues must lie in.
    pub territory: Option<usize>,
    /// Profiles admitted, one bit per index of [`PROFILES`].
    pub audience: u8,
    /// The workshop's own availability (organisers not included).
    pub available: PeriodSet,
}

/// One session of a workshop: `"<workshop id>/<number>"`.
#[derive(Debug, Clone)]
pub struct Session {
    /// Its id, `<workshop id>/<number>`.
    pub id: String,
    /// Its workshop's index.
    pub workshop: usize,
    /// Its number, from 1.
    pub number: usize,
}

/// A group or a participant.
#[derive(Debug, Clone)]
pub struct Member {
    /// Its id.
    pub id: String,
    /// Its name, or its id when unnamed.
    pub name: String,
    /// A group (class) rather than a participant.
    pub is_group: bool,
    /// Index into [`PROFILES`].
    pub profile: usize,
    /// A group's size, 1 for a participant.
    pub headcount: u32,
    /// Its territory, if any.
    pub territory: Option<usize>,
    /// Node index of its base.
    pub base: Option<usize>,
    /// Sessions it attends in one day at most.
    pub max_per_day: u32,
    /// Days out at most, if limited.
    pub max_days: Option<u32>,
    /// Most minutes from its base to a venue, if limited.
    pub max_travel: Option<u32>,
    /// Workshop indices.
    pub wishes: Vec<usize>,
    /// The themes it needs.
    pub themes: ThemeSet,
    /// Whether it seeks a certificate.
    pub certificate: bool,
    /// Periods in which it is free.
    pub available: PeriodSet,
}

/// A session placed in a period at a venue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Placement {
    /// The period (a day and a slot) in the grid.
    pub period: usize,
    /// The venue's index.
    pub venue: usize,
}

/// A pinned session and where it is pinned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pin {
    /// The session's index.
    pub session: usize,
    /// Where it is pinned.
    pub at: Placement,
}

/// A validated, compiled edition shared by the checker and the solvers.
#[derive(Debug, Clone)]
pub struct Model {
    /// The edition as read (names, titles, and what the outputs echo back).
    pub edition: Edition,
    /// The opening days and slots.
    pub grid: Grid,
    /// Theme ids, by index.
    pub themes: Vec<String>,
    /// Territory ids, by index.
    pub territories: Vec<String>,
    /// Places and venues, by node index.
    pub nodes: Vec<Node>,
    /// Venues, by index.
    pub venues: Vec<Venue>,
    /// Shortest travel times between nodes.
    pub travel: TravelTimes,
    /// Partners, by index.
    pub partners: Vec<Partner>,
    /// Workshops, by index.
    pub workshops: Vec<Workshop>,
    /// Every session of every workshop, in workshop order.
    pub sessions: Vec<Session>,
    /// Groups then participants, by index.
    pub members: Vec<Member>,
    /// The pinned sessions.
    pub pins: Vec<Pin>,
    /// The weight of each term, overrides applied.
    pub weights: Weights,
    /// Sessions of one theme wanted per territory and week.
    pub theme_sessions_per_week: u32,
    pub(crate) index: Index,
    /// The availability rules behind every `available` set, to evaluate them
    /// on dates off the calendar ([`Model::with_dates`]).
    pub(crate) rules: AvailabilityRules,
}

/// The checked availability rules of each venue, partner, workshop and member.
#[derive(Debug, Clone, Default)]
pub(crate) struct AvailabilityRules {
    pub venues: Vec<CheckedAvailability>,
    pub partners: Vec<CheckedAvailability>,
    pub workshops: Vec<CheckedAvailability>,
    pub members: Vec<CheckedAvailability>,
}

/// Id → index maps.
#[derive(Debug, Clone, Default)]
pub(crate) struct Index {
    pub nodes: HashMap<String, usize>,
    pub partners: HashMap<String, usize>,
    pub workshops: HashMap<String, usize>,
    pub sessions: HashMap<String, usize>,
    pub members: HashMap<String, usize>,
    pub territories: HashMap<String, usize>,
    pub themes: HashMap<String, usize>,
}

impl Model {
    /// This edition judged on a grid that also holds `dates` (those that are not
    /// opening days become days of the grid, every entity's availability on
    /// them given by its rules of SPEC §3); `None` when every date is an opening
    /// day. The checker judges a plan that uses dates off the calendar on it (SPEC §7).
    pub fn with_dates(&self, dates: impl IntoIterator<Item = NaiveDate>) -> Option<Model> {
        let mut extra: Vec<NaiveDate> = dates
            .into_iter()
            .filter(|d| self.grid.day(*d).is_none())
            .collect();
        if extra.is_empty() {
            return None;
        }
        extra.sort_unstable();
        extra.dedup();
        let grid = self.grid.with_days(&extra);
        let mut m = self.clone();
        let rules = &self.rules;
        for (x, a) in m.venues.iter_mut().zip(&rules.venues) {
            x.available = a.periods(&grid);
        }
        for (x, a) in m.partners.iter_mut().zip(&rules.partners) {
            x.available = a.periods(&grid);
        }
        for (x, a) in m.workshops.iter_mut().zip(&rules.workshops) {
            x.available = a.periods(&grid);
        }
        for (x, a) in m.members.iter_mut().zip(&rules.members) {
            x.available = a.periods(&grid);
        }
        for pin in &mut m.pins {
            let old = pin.at.period;
            let day = grid.day(self.grid.days[self.grid.day_of(old)]);
            pin.at.period = grid.period(day.expect("an opening day stays"), self.grid.slot_of(old));
        }
        m.grid = grid;
        Some(m)
    }

    /// The node index of a place or venue id.
    pub fn node(&self, id: &str) -> Option<usize> {
        self.index.nodes.get(id).copied()
    }

    /// The venue index of a venue id (a place id gives `None`).
    pub fn venue(&self, id: &str) -> Option<usize> {
        self.node(id).and_then(|n| self.nodes[n].venue)
    }

    /// The index of a partner id.
    pub fn partner(&self, id: &str) -> Option<usize> {
        self.index.partners.get(id).copied()
    }

    /// The index of a workshop id.
    pub fn workshop(&self, id: &str) -> Option<usize> {
        self.index.workshops.get(id).copied()
    }

    /// The index of a session id (`w01/2`).
    pub fn session(&self, id: &str) -> Option<usize> {
        self.index.sessions.get(id).copied()
    }

    /// The index of a member id (group or participant).
    pub fn member(&self, id: &str) -> Option<usize> {
        self.index.members.get(id).copied()
    }

    /// The index of a territory id.
    pub fn territory(&self, id: &str) -> Option<usize> {
        self.index.territories.get(id).copied()
    }

    /// The index of a theme id.
    pub fn theme(&self, id: &str) -> Option<usize> {
        self.index.themes.get(id).copied()
    }

    /// The theme ids of a set, in edition order.
    pub fn theme_names(&self, set: ThemeSet) -> Vec<String> {
        (0..self.themes.len())
            .filter(|t| set >> t & 1 == 1)
            .map(|t| self.themes[t].clone())
            .collect()
    }

    /// The workshop of a session.
    pub fn workshop_of(&self, session: usize) -> &Workshop {
        &self.workshops[self.sessions[session].workshop]
    }

    /// A session's length in a period: the workshop's duration or the slot's length.
    pub fn duration_in(&self, workshop: usize, period: usize) -> u32 {
        let slot = self.grid.slot_time(period);
        self.workshops[workshop].duration.unwrap_or(slot.len())
    }

    /// Start and end (minutes after midnight) of a workshop's session in a period.
    pub fn times_in(&self, workshop: usize, period: usize) -> (u32, u32) {
        let start = self.grid.slot_time(period).start;
        (
            start,
            start.saturating_add(self.duration_in(workshop, period)),
        )
    }

    /// Seats of a workshop's session at a venue: min(workshop max, venue capacity).
    pub fn capacity_at(&self, workshop: usize, venue: usize) -> u32 {
        self.workshops[workshop]
            .max
            .min(self.venues[venue].capacity)
    }

    /// Travel minutes between two venues, `None` when unreachable.
    pub fn venue_travel(&self, a: usize, b: usize) -> Option<u32> {
        self.travel
            .minutes(self.venues[a].node, self.venues[b].node)
    }

    /// Whether the workshop admits a profile.
    pub fn admits(&self, workshop: usize, profile: usize) -> bool {
        self.workshops[workshop].audience >> profile & 1 == 1
    }

    /// The pin of a session, if any.
    pub fn pin_of(&self, session: usize) -> Option<Placement> {
        self.pins
            .iter()
            .find(|p| p.session == session)
            .map(|p| p.at)
    }

    /// The venues a workshop may use whatever the period (H3).
    pub fn allowed_venues(&self, workshop: usize) -> Vec<usize> {
        let w = &self.workshops[workshop];
        (0..self.venues.len())
            .filter(|&v| w.venues.as_ref().is_none_or(|a| a.contains(&v)))
            .filter(|&v| w.needs.iter().all(|n| self.venues[v].features.contains(n)))
            .filter(|&v| w.territory.is_none_or(|t| self.venues[v].territory == t))
            .filter(|&v| self.venues[v].capacity >= w.min)
            .collect()
    }

    /// The periods in which a workshop and all its organisers are available and
    /// its sessions fit the slot (H2 without the venue, H4).
    pub fn open_periods(&self, workshop: usize) -> PeriodSet {
        let w = &self.workshops[workshop];
        let mut set = w.available.clone();
        for &o in &w.organisers {
            set.intersect_with(&self.partners[o].available);
        }
        for p in 0..self.grid.n_periods() {
            if self.duration_in(workshop, p) > self.grid.slot_time(p).len() {
                set.remove(p);
            }
        }
        set
    }

    /// The plan entry of a session placed at `at` (times and seats as the edition gives them).
    pub fn planned_session(&self, session: usize, at: Placement) -> crate::types::PlannedSession {
        let s = &self.sessions[session];
        let (start, end) = self.times_in(s.workshop, at.period);
        crate::types::PlannedSession {
            id: s.id.clone(),
            workshop: self.workshops[s.workshop].id.clone(),
            date: self.grid.days[self.grid.day_of(at.period)].to_string(),
            slot: self.grid.slot_time(at.period).id.clone(),
            start: crate::calendar::format_hhmm(start),
            end: crate::calendar::format_hhmm(end),
            venue: self.venues[at.venue].id.clone(),
            capacity: self.capacity_at(s.workshop, at.venue),
        }
    }

    /// Every placement of a workshop's sessions that keeps H1–H4, in period order.
    pub fn feasible_placements(&self, workshop: usize) -> Vec<Placement> {
        let venues = self.allowed_venues(workshop);
        let open = self.open_periods(workshop);
        let mut out = Vec::new();
        for period in open.ones() {
            for &venue in &venues {
                if self.venues[venue].available.contains(period) {
                    out.push(Placement { period, venue });
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests;
