//! Why a workshop's session may not be placed somewhere (H2–H4), as facts,
//! each with its English sentence.

use crate::model::{Model, Placement};

/// One reason a placement breaks H2–H4.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// H2: the workshop is not available then.
    WorkshopAway,
    /// H2: one of its organisers (a partner index) is not available then.
    OrganiserAway(usize),
    /// H2: the venue is not available then.
    VenueAway,
    /// H3: the venue is not among the workshop's venues.
    NotAmongVenues,
    /// H3: the venue lacks a feature the workshop needs.
    LacksFeature(String),
    /// H3: the venue is outside the workshop's territory.
    OutsideTerritory,
    /// H3: the venue seats fewer than the workshop's minimum.
    TooSmall,
    /// H4: the workshop lasts longer than the slot (minutes).
    TooLong {
        /// The workshop's minutes.
        duration: u32,
        /// The slot's index in the grid.
        slot: usize,
    },
}

impl Problem {
    /// The rule it breaks.
    pub fn rule(&self) -> &'static str {
        match self {
            Problem::WorkshopAway | Problem::OrganiserAway(_) | Problem::VenueAway => "H2",
            Problem::TooLong { .. } => "H4",
            _ => "H3",
        }
    }

    /// The English sentence, `when` being the period's label.
    pub fn english(&self, model: &Model, workshop: usize, venue: usize, when: &str) -> String {
        let w = &model.workshops[workshop];
        let v = &model.venues[venue];
        match self {
            Problem::WorkshopAway => format!("workshop {} is not available on {when}", w.id),
            Problem::OrganiserAway(o) => format!(
                "organiser {} is not available on {when}",
                model.partners[*o].id
            ),
            Problem::VenueAway => format!("venue {} is not available on {when}", v.id),
            Problem::NotAmongVenues => format!(
                "venue {} is not among the venues of workshop {}",
                v.id, w.id
            ),
            Problem::LacksFeature(need) => format!(
                "venue {} lacks the feature \"{need}\" that workshop {} needs",
                v.id, w.id
            ),
            Problem::OutsideTerritory => format!(
                "venue {} is in territory {}, workshop {} runs in {}",
                v.id,
                model.territories[v.territory],
                w.id,
                model.territories[w.territory.unwrap_or(0)]
            ),
            Problem::TooSmall => format!(
                "venue {} seats {} but workshop {} needs at least {}",
                v.id, v.capacity, w.id, w.min
            ),
            Problem::TooLong { duration, slot } => {
                let slot = &model.grid.slots[*slot];
                format!(
                    "workshop {} lasts {duration} min, longer than the {} slot ({} min)",
                    w.id,
                    slot.id,
                    slot.len()
                )
            }
        }
    }
}

impl Model {
    /// Why a workshop's session may not be placed at `at` under H1–H4 (H1
    /// holds by construction of a period); empty when it may.
    pub fn placement_issues(&self, workshop: usize, at: Placement) -> Vec<Problem> {
        let w = &self.workshops[workshop];
        let v = &self.venues[at.venue];
        let mut out = Vec::new();
        if !w.available.contains(at.period) {
            out.push(Problem::WorkshopAway);
        }
        for &o in &w.organisers {
            if !self.partners[o].available.contains(at.period) {
                out.push(Problem::OrganiserAway(o));
            }
        }
        if !v.available.contains(at.period) {
            out.push(Problem::VenueAway);
        }
        if w.venues.as_ref().is_some_and(|a| !a.contains(&at.venue)) {
            out.push(Problem::NotAmongVenues);
        }
        for need in &w.needs {
            if !v.features.contains(need) {
                out.push(Problem::LacksFeature(need.clone()));
            }
        }
        if w.territory.is_some_and(|t| v.territory != t) {
            out.push(Problem::OutsideTerritory);
        }
        if v.capacity < w.min {
            out.push(Problem::TooSmall);
        }
        let duration = self.duration_in(workshop, at.period);
        if duration > self.grid.slot_time(at.period).len() {
            let slot = self.grid.slot_of(at.period);
            out.push(Problem::TooLong { duration, slot });
        }
        out
    }

    /// [`Model::placement_issues`] as `(rule, sentence)` pairs.
    pub fn placement_problems(
        &self,
        workshop: usize,
        at: Placement,
    ) -> Vec<(&'static str, String)> {
        let when = self.grid.label(at.period);
        self.placement_issues(workshop, at)
            .into_iter()
            .map(|p| (p.rule(), p.english(self, workshop, at.venue, &when)))
            .collect()
    }
}
