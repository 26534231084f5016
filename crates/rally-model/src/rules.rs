//! The rules of SPEC §6 that more than one layer applies, each written once:
//! the checker applies them to a whole plan, the solvers one move at a time.
//!
//! - [`Model::reaches_in_time`]: the travel between two sessions of a day (H7, C4).
//! - [`Model::barrier`]: whether a member may attend a session, and why not
//!   (C1, C4, capacity), from [`Model::in_territory`] and [`Model::base_barrier`].
//! - [`Model::validated`] and [`Member::certified_by`]: a course's themes
//!   ("validates" and "certified", end of §6).

use crate::{Member, Model, Placement, ThemeSet};

/// Why a session cannot be part of a member's course, whatever else it
/// attends; ordered from the most to the least actionable (the order in
/// which explanations list them).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Barrier {
    /// The workshop's audience does not admit the member's profile.
    Audience,
    /// The session seats fewer than the member's headcount.
    Capacity,
    /// The venue is unreachable from the member's base.
    Unreachable,
    /// The venue is farther than `max_travel` from the base.
    TooFar,
    /// The member is not available in the session's period.
    Unavailable,
    /// The venue is outside the member's territory.
    Territory,
}

impl Model {
    /// H7 and C4: whether someone leaving venue `from` at minute `leaves`
    /// reaches venue `to` by minute `starts` of the same day (never without
    /// a road).
    pub fn reaches_in_time(&self, from: usize, leaves: u32, to: usize, starts: u32) -> bool {
        self.venue_travel(from, to)
            .is_some_and(|t| u64::from(leaves) + u64::from(t) <= u64::from(starts))
    }

    /// C1: whether a venue is in the member's territory (any venue when it
    /// has none).
    pub fn in_territory(&self, member: usize, venue: usize) -> bool {
        self.members[member]
            .territory
            .is_none_or(|t| t == self.venues[venue].territory)
    }

    /// C4: what keeps a member with a base from a venue: no road, or a road
    /// longer than its `max_travel`.
    pub fn base_barrier(&self, member: usize, venue: usize) -> Option<Barrier> {
        let m = &self.members[member];
        let base = m.base?;
        match self.travel.minutes(base, self.venues[venue].node) {
            None => Some(Barrier::Unreachable),
            Some(d) if m.max_travel.is_some_and(|max| d > max) => Some(Barrier::TooFar),
            _ => None,
        }
    }

    /// The first barrier that keeps a member out of a session of `workshop`
    /// placed at `at` with `capacity` seats, if any (C1, C4, capacity); a
    /// session outside the member's territory is only that.
    pub fn barrier(
        &self,
        member: usize,
        workshop: usize,
        at: Placement,
        capacity: u32,
    ) -> Option<Barrier> {
        let m = &self.members[member];
        if !self.in_territory(member, at.venue) {
            return Some(Barrier::Territory);
        }
        if !self.admits(workshop, m.profile) {
            return Some(Barrier::Audience);
        }
        if capacity < m.headcount {
            return Some(Barrier::Capacity);
        }
        if let Some(b) = self.base_barrier(member, at.venue) {
            return Some(b);
        }
        if !m.available.contains(at.period) {
            return Some(Barrier::Unavailable);
        }
        None
    }

    /// The themes a course validates (end of §6), given the workshops it attends.
    pub fn validated(&self, workshops: impl IntoIterator<Item = usize>) -> ThemeSet {
        workshops
            .into_iter()
            .fold(0, |acc, w| acc | self.workshops[w].themes)
    }
}

impl Member {
    /// Whether a course validating `themes` certifies the member: it covers
    /// all of its themes (end of §6; whether it wants a certificate is its
    /// own flag).
    pub fn certified_by(&self, themes: ThemeSet) -> bool {
        themes & self.themes == self.themes
    }
}
