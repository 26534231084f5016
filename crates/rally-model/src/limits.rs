//! The largest values an edition may hold. Beyond them a number is not a
//! plausible rally (a group of a million, a road of a month) but could make
//! the penalty's arithmetic overflow: such an edition is bad input, each
//! value named by its path with the largest accepted.

use crate::error::InputError;
use crate::types::Edition;

/// The largest weight of a penalty term (`rules.weights.*`).
pub const MAX_WEIGHT: u32 = 1_000_000;
/// The most people in a group, and the most seats of a venue or a workshop.
pub const MAX_PEOPLE: u32 = 100_000;
/// The longest road or travel limit, in minutes (a day).
pub const MAX_MINUTES: u32 = 1440;

/// Every value of `edition` above its limit.
pub fn check(edition: &Edition) -> Vec<InputError> {
    let mut errors = Vec::new();
    let mut at_most = |path: String, value: u32, max: u32, what: &str| {
        if value > max {
            errors.push(InputError::new(
                path,
                format!("is {value}; the largest accepted {what} is {max}"),
            ));
        }
    };
    for (term, &v) in edition.rules.weights.iter().flat_map(|w| &w.0) {
        at_most(format!("rules.weights.{term}"), v, MAX_WEIGHT, "weight");
    }
    for (i, x) in edition.venues.iter().enumerate() {
        at_most(
            format!("venues[{i}].capacity"),
            x.capacity,
            MAX_PEOPLE,
            "capacity",
        );
    }
    for (i, x) in edition.travel.iter().enumerate() {
        at_most(
            format!("travel[{i}].minutes"),
            x.minutes,
            MAX_MINUTES,
            "road time",
        );
    }
    for (i, x) in edition.workshops.iter().enumerate() {
        let path = format!("workshops[{i}]");
        at_most(
            format!("{path}.capacity.min"),
            x.capacity.min,
            MAX_PEOPLE,
            "capacity",
        );
        at_most(
            format!("{path}.capacity.max"),
            x.capacity.max,
            MAX_PEOPLE,
            "capacity",
        );
        if let Some(d) = x.duration {
            at_most(format!("{path}.duration"), d, MAX_MINUTES, "duration");
        }
    }
    for (i, x) in edition.groups.iter().enumerate() {
        at_most(
            format!("groups[{i}].size"),
            x.size,
            MAX_PEOPLE,
            "group size",
        );
    }
    for (i, x) in edition.participants.iter().enumerate() {
        if let Some(t) = x.max_travel {
            let path = format!("participants[{i}].max_travel");
            at_most(path, t, MAX_MINUTES, "travel limit");
        }
    }
    errors
}
