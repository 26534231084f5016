//! The edition and plan files exactly as SPEC §4–§5 write them (serde types).
//!
//! Optional fields stay `Option` here; [`crate::Model`] fills in the defaults.
//! Unknown fields in an edition are rejected; a plan may carry extra keys.

use crate::terms::Term;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// An edition: the input file of every command (SPEC §4).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Edition {
    /// The edition's name, shown on every page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub edition: Option<String>,
    /// The dates and slots of the rally.
    pub calendar: Calendar,
    /// The themes; the seven default ones when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub themes: Option<Vec<Theme>>,
    /// The territories covered (at least one).
    pub territories: Vec<Territory>,
    /// Nodes of the travel graph that host no workshop.
    #[serde(default)]
    pub places: Vec<Place>,
    /// Rooms where sessions take place.
    #[serde(default)]
    pub venues: Vec<Venue>,
    /// Roads between places and venues.
    #[serde(default)]
    pub travel: Vec<Travel>,
    /// Organisations that run workshops.
    #[serde(default)]
    pub partners: Vec<Partner>,
    /// Workshops and how many sessions of each run.
    #[serde(default)]
    pub workshops: Vec<Workshop>,
    /// Classes and groups that go through the rally together.
    #[serde(default)]
    pub groups: Vec<Group>,
    /// People registered one by one.
    #[serde(default)]
    pub participants: Vec<Participant>,
    /// Sessions the team has fixed in advance.
    #[serde(default)]
    pub pinned: Vec<Pin>,
    /// Edition-wide rules and weight overrides.
    #[serde(default)]
    pub rules: Rules,
}

/// The rally's dates and daily slots (SPEC §2).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Calendar {
    /// First date, `YYYY-MM-DD`.
    pub start: String,
    /// Last date, `YYYY-MM-DD`, not before `start`.
    pub end: String,
    /// Opening weekdays (`mon`…`sun`); Monday to Friday when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weekdays: Option<Vec<String>>,
    /// Dates inside the calendar when nothing runs.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub closed: Vec<String>,
    /// Daily slots; a morning and an afternoon when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub slots: Option<Vec<Slot>>,
}

/// A half-day slot, the same on every opening day.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Slot {
    /// The slot's id, used in availability rules and plans.
    pub id: String,
    /// Its name for people.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Start time, `HH:MM`.
    pub start: String,
    /// End time, `HH:MM`, after `start`.
    pub end: String,
}

/// A theme a workshop covers and a member validates.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Theme {
    /// The theme's id.
    pub id: String,
    /// Its name for people.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

/// A département (or any territory a rally covers).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Territory {
    /// The territory's id (a département number, say).
    pub id: String,
    /// Its name for people.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

/// A node of the travel graph that hosts no workshop (a school, a town).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Place {
    /// The place's id, unique across places and venues.
    pub id: String,
    /// Its name for people.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The territory it lies in.
    pub territory: String,
}

/// A room where workshops take place.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Venue {
    /// The venue's id, unique across places and venues.
    pub id: String,
    /// Its name for people.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The territory it lies in.
    pub territory: String,
    /// Seats in the room (at least 1).
    pub capacity: u32,
    /// What the room offers (`kitchen`, `accessible`…).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub features: Vec<String>,
    /// When the room is open; always when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub availability: Option<Availability>,
}

/// An undirected road between two nodes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Travel {
    /// The two nodes the road joins.
    pub between: Vec<String>,
    /// Minutes one way.
    pub minutes: u32,
}

/// An organisation that runs workshops.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Partner {
    /// The partner's id.
    pub id: String,
    /// Its name for people.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Its kind (`home-care-service`, `training`, `employment`…).
    pub kind: String,
    /// Its territory; none for a regional partner.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub territory: Option<String>,
    /// Sessions it can run in one period; 1 when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parallel: Option<u32>,
    /// Sessions it can run in one day; 2 when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_per_day: Option<u32>,
    /// When it is free; always when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub availability: Option<Availability>,
}

/// A workshop and how many sessions of it run.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Workshop {
    /// The workshop's id; its sessions are `<id>/1`, `<id>/2`…
    pub id: String,
    /// Its title for people.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The themes a session validates (at least one).
    pub themes: Vec<String>,
    /// The partners who run it together (at least one).
    pub organisers: Vec<String>,
    /// How many sessions run; 1 when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sessions: Option<u32>,
    /// Minutes a session lasts; the whole slot when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duration: Option<u32>,
    /// Seats per session.
    pub capacity: Capacity,
    /// Venues allowed; any when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub venues: Option<Vec<String>>,
    /// Features every chosen venue must have.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub needs: Vec<String>,
    /// The territory its sessions belong to, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub territory: Option<String>,
    /// Profiles admitted; all when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub audience: Option<Vec<String>>,
    /// When its sessions may run; always when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub availability: Option<Availability>,
}

/// Seats of a workshop session: the minimum wanted and the maximum.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Capacity {
    /// Fewest attendees wanted (at least 1).
    pub min: u32,
    /// Most seats (at least `min`).
    pub max: u32,
}

/// A school class or insertion group that goes through the rally together.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Group {
    /// The group's id, unique across groups and participants.
    pub id: String,
    /// Its name for people.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Its profile; `student` when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub profile: Option<String>,
    /// Its headcount (at least 1).
    pub size: u32,
    /// Its territory, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub territory: Option<String>,
    /// The place or venue it travels from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub base: Option<String>,
    /// Sessions it attends in one day at most; 2 when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_per_day: Option<u32>,
    /// Days out at most; no limit when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_days: Option<u32>,
    /// Themes it needs; `rules.certificate` when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub themes: Option<Vec<String>>,
    /// Whether it seeks a certificate; yes when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub certificate: Option<bool>,
    /// When it is free; always when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub availability: Option<Availability>,
}

/// A person registered for the rally.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Participant {
    /// The participant's id, unique across groups and participants.
    pub id: String,
    /// Their name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Their profile (`job-seeker`, `student`, `retraining`…).
    pub profile: String,
    /// Their territory, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub territory: Option<String>,
    /// The place or venue they travel from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub base: Option<String>,
    /// Most minutes from `base` to a venue; no limit when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_travel: Option<u32>,
    /// Sessions they attend in one day at most; 2 when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_per_day: Option<u32>,
    /// Workshops they would like to attend.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub wishes: Vec<String>,
    /// Themes they need; `rules.certificate` when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub themes: Option<Vec<String>>,
    /// Whether they seek a certificate; yes when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub certificate: Option<bool>,
    /// When they are free; always when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub availability: Option<Availability>,
}

/// A session fixed in advance by the rally team.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pin {
    /// The session fixed, `<workshop>/<n>`.
    pub session: String,
    /// Its date.
    pub date: String,
    /// Its slot.
    pub slot: String,
    /// Its venue.
    pub venue: String,
}

/// Edition-wide rules and weight overrides.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rules {
    /// Sessions of one theme wanted per territory and week; 1 when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub theme_sessions_per_week: Option<u32>,
    /// Themes a certificate requires; every theme when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub certificate: Option<Vec<String>>,
    /// Weights that replace the default ones, by term.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weights: Option<WeightOverrides>,
}

/// `rules.weights`: any of the weights of SPEC §7 and §9, by term. A name
/// that is not a term is an error naming it.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[serde(transparent)]
pub struct WeightOverrides(pub BTreeMap<Term, u32>);

impl<'de> Deserialize<'de> for WeightOverrides {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_map(WeightsVisitor)
    }
}

/// Reads `rules.weights` key by key, so that an error names the key's path.
struct WeightsVisitor;

impl<'de> serde::de::Visitor<'de> for WeightsVisitor {
    type Value = WeightOverrides;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("an object of weights by term")
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut out = BTreeMap::new();
        while let Some(name) = map.next_key::<String>()? {
            let weight = map.next_value_seed(WeightOf(&name))?;
            out.insert(Term::from_name(&name).expect("checked by WeightOf"), weight);
        }
        Ok(WeightOverrides(out))
    }
}

/// The value of one weight, refused when its key names no term.
struct WeightOf<'a>(&'a str);

impl<'de> serde::de::DeserializeSeed<'de> for WeightOf<'_> {
    type Value = u32;

    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<u32, D::Error> {
        if Term::from_name(self.0).is_none() {
            return Err(serde::de::Error::custom(format!(
                "unknown field `{}`, expected a term: {}",
                self.0,
                Term::names()
            )));
        }
        u32::deserialize(d)
    }
}

/// When an entity is available (SPEC §3).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Availability {
    /// When present, free only in periods one of these rules matches.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub only: Option<Vec<Rule>>,
    /// Never free in periods one of these rules matches.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub except: Option<Vec<Rule>>,
}

/// One availability rule: matches a period when every field it has matches.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rule {
    /// These dates.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dates: Option<Vec<String>>,
    /// From this date on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    /// Up to this date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<String>,
    /// These weekdays.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weekdays: Option<Vec<String>>,
    /// These slots.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub slots: Option<Vec<String>>,
}

/// A plan: the output of `plan`, `assign` and `solve` (SPEC §5).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Plan {
    /// The edition's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub edition: Option<String>,
    /// The sessions placed.
    pub sessions: Vec<PlannedSession>,
    /// The sessions left out, each with its reason.
    pub unscheduled: Vec<Unscheduled>,
    /// Each member's sessions; absent for a programme alone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub courses: Option<Vec<Course>>,
    /// The penalty by term and `total`; informative only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub penalty: Option<BTreeMap<String, i64>>,
}

/// A session placed on a date, a slot and a venue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlannedSession {
    /// The session, `<workshop>/<n>`.
    pub id: String,
    /// Its workshop.
    pub workshop: String,
    /// Its date.
    pub date: String,
    /// Its slot.
    pub slot: String,
    /// Start time, `HH:MM`.
    pub start: String,
    /// End time, `HH:MM`.
    pub end: String,
    /// Its venue.
    pub venue: String,
    /// Its seats: the workshop's and the venue's, whichever is fewer.
    pub capacity: u32,
}

/// A session left out of the programme, with the reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Unscheduled {
    /// The session.
    pub id: String,
    /// Why it could not be placed, for people.
    pub reason: String,
}

/// The sessions one member attends.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Course {
    /// The group or participant.
    pub member: String,
    /// The sessions it attends.
    pub sessions: Vec<String>,
}
