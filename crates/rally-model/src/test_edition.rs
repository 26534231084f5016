//! The worked example (fixtures/example/edition.json) as a JSON value,
//! for the unit tests to perturb.

use serde_json::{json, Value};

/// The example edition: 8 opening days (1–3, 7–11 March 2016), venues cm
/// (30 seats, kitchen) and mde (12), roads cm–lycee 15 and cm–mde 40, w01
/// (2 sessions of 150 min at cm, organised by admr and pe, pe on tue/thu
/// only) and w02, a group g01 and a participant u0001, w01/1 pinned.
pub fn example() -> Value {
    json!({
     "edition": "Tiny rally of home-care jobs — Haute-Vienne 2016",
     "calendar": {"start": "2016-03-01", "end": "2016-03-11", "closed": ["2016-03-04"],
                  "slots": [{"id": "morning", "start": "09:00", "end": "12:00"},
                            {"id": "afternoon", "start": "14:00", "end": "17:00"}]},
     "territories": [{"id": "87", "name": "Haute-Vienne"}],
     "places": [{"id": "lycee", "name": "Lycée Léonard Limosin", "territory": "87"}],
     "venues": [{"id": "cm", "name": "Cité des métiers, Limoges", "territory": "87",
                 "capacity": 30, "features": ["accessible", "kitchen"]},
                {"id": "mde", "name": "Maison de l'emploi, Bellac", "territory": "87",
                 "capacity": 12}],
     "travel": [{"between": ["cm", "lycee"], "minutes": 15},
                {"between": ["cm", "mde"], "minutes": 40}],
     "partners": [{"id": "admr", "name": "ADMR Haute-Vienne", "kind": "home-care-service",
                   "territory": "87"},
                  {"id": "pe", "name": "France Travail Limoges", "kind": "employment",
                   "territory": "87", "availability": {"only": [{"weekdays": ["tue", "thu"]}]}}],
     "workshops": [{"id": "w01", "title": "A morning with a home helper",
                    "themes": ["realities", "conditions"],
                    "organisers": ["admr", "pe"], "sessions": 2, "duration": 150,
                    "capacity": {"min": 4, "max": 15}, "venues": ["cm"], "needs": ["kitchen"],
                    "territory": "87"},
                   {"id": "w02", "title": "Meet the employers",
                    "themes": ["employers", "public", "training", "professions", "career"],
                    "organisers": ["admr"], "capacity": {"min": 3, "max": 12}}],
     "groups": [{"id": "g01", "name": "Lycée Limosin, 1st year", "size": 10, "territory": "87",
                 "base": "lycee", "max_days": 2,
                 "availability": {"only": [{"weekdays": ["tue", "thu"]}]}}],
     "participants": [{"id": "u0001", "profile": "job-seeker", "territory": "87", "base": "cm",
                       "max_travel": 45, "wishes": ["w01"], "certificate": true}],
     "pinned": [{"session": "w01/1", "date": "2016-03-03", "slot": "morning", "venue": "cm"}],
     "rules": {"theme_sessions_per_week": 1, "weights": {"unscheduled": 10000}}
    })
}

/// Replaces (or adds) the value at a JSON pointer; the parent must exist.
pub fn set(doc: &mut Value, pointer: &str, value: Value) {
    let (parent, key) = pointer.rsplit_once('/').expect("a pointer");
    match doc.pointer_mut(parent).expect("the parent exists") {
        Value::Object(map) => {
            map.insert(key.to_string(), value);
        }
        Value::Array(list) => {
            let i: usize = key.parse().expect("an index");
            if i == list.len() {
                list.push(value);
            } else {
                list[i] = value;
            }
        }
        _ => panic!("{pointer} is not in an object or array"),
    }
}

/// The compiled example, perturbed by `edit`.
pub fn model_with(edit: impl FnOnce(&mut Value)) -> crate::Model {
    let mut e = example();
    edit(&mut e);
    crate::parse_edition(&e.to_string()).unwrap_or_else(|e| panic!("invalid: {e:#?}"))
}

/// The paths of the problems of the example perturbed by `edit` (empty when valid).
pub fn problems_with(edit: impl FnOnce(&mut Value)) -> Vec<String> {
    let mut e = example();
    edit(&mut e);
    match crate::parse_edition(&e.to_string()) {
        Ok(_) => Vec::new(),
        Err(errors) => errors.into_iter().map(|e| e.path).collect(),
    }
}
