//! Shared helpers of the checker's tests: the worked example of
//! `fixtures/example` as JSON values to perturb, and checking them.
#![allow(dead_code)]

use rally_check::Report;
use rally_model::{Model, Plan};
use serde_json::Value;
use std::collections::BTreeSet;

/// The directory of the worked example (`fixtures/example`, explained in docs/formats.md).
pub fn examples_dir() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/example")
}

fn read(name: &str) -> Value {
    let path = examples_dir().join(name);
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    serde_json::from_str(&text).expect("the example is JSON")
}

/// The example edition (2 workshops, 3 sessions, a pin, a class and a participant).
pub fn edition() -> Value {
    read("edition.json")
}

/// The example's valid plan, with courses.
pub fn plan() -> Value {
    read("plan.json")
}

/// The example's plan without its courses (a programme alone).
pub fn programme() -> Value {
    let mut p = plan();
    p.as_object_mut().unwrap().remove("courses");
    p
}

/// The compiled model of an edition value, which must be valid.
pub fn model(edition: &Value) -> Model {
    rally_model::parse_edition(&edition.to_string())
        .unwrap_or_else(|e| panic!("the test edition is invalid: {e:#?}"))
}

/// A plan value as the plan type.
pub fn as_plan(plan: &Value) -> Plan {
    serde_json::from_value(plan.clone()).expect("the test plan has the plan's shape")
}

/// Checks a plan value against an edition value.
pub fn check(edition: &Value, plan: &Value) -> Report {
    rally_check::check(&model(edition), &as_plan(plan))
}

/// The rule ids of a report's violations.
pub fn rules(report: &Report) -> BTreeSet<String> {
    report.violations.iter().map(|v| v.rule.clone()).collect()
}

/// Replaces the value at a JSON pointer (`/sessions/1/date`); the parent must exist.
pub fn set(doc: &mut Value, pointer: &str, value: Value) {
    let (parent, key) = pointer.rsplit_once('/').expect("a pointer");
    let parent = doc
        .pointer_mut(parent)
        .unwrap_or_else(|| panic!("no {parent} in the document"));
    match parent {
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

/// Removes the value at a JSON pointer.
pub fn remove(doc: &mut Value, pointer: &str) {
    let (parent, key) = pointer.rsplit_once('/').expect("a pointer");
    match doc.pointer_mut(parent).expect("the parent exists") {
        Value::Object(map) => {
            map.shift_remove(key).expect("the key exists");
        }
        Value::Array(list) => {
            list.remove(key.parse::<usize>().expect("an index"));
        }
        _ => panic!("{pointer} is not in an object or array"),
    }
}

/// Appends to the array at a JSON pointer.
pub fn push(doc: &mut Value, pointer: &str, value: Value) {
    doc.pointer_mut(pointer)
        .and_then(Value::as_array_mut)
        .unwrap_or_else(|| panic!("no array at {pointer}"))
        .push(value);
}
