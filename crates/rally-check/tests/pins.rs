//! Pins must keep H5–H7 together (SPEC §4): `check_pins` names the later pin
//! of every clash; pins that keep them pass.

mod common;

use common::*;
use serde_json::{json, Value};

fn pin_errors(edition: &Value) -> Vec<(String, String)> {
    rally_check::check_pins(&model(edition))
        .into_iter()
        .map(|e| (e.path, e.message))
        .collect()
}

/// The example with w02/1 pinned too, on Thu 3 March at `venue`, `slot`.
fn with_second_pin(venue: &str, slot: &str) -> Value {
    let mut e = edition();
    push(
        &mut e,
        "/pinned",
        json!({"session": "w02/1", "date": "2016-03-03", "slot": slot, "venue": venue}),
    );
    e
}

#[test]
fn pins_that_keep_h5_to_h7_pass() {
    assert!(pin_errors(&edition()).is_empty());
    // admr: w01/1 at cm until 11:30, w02/1 at mde from 14:00 (40 min away).
    assert!(pin_errors(&with_second_pin("mde", "afternoon")).is_empty());
}

#[test]
fn two_pins_in_one_venue_and_period_clash() {
    // Same venue and period: H5, and admr twice in one period: H6.
    let errors = pin_errors(&with_second_pin("cm", "morning"));
    assert_eq!(errors.len(), 2, "{errors:#?}");
    assert!(errors.iter().all(|(path, _)| path == "pinned[1]"));
    assert!(errors[0].1.contains("(H5)") || errors[1].1.contains("(H5)"));
    assert!(errors.iter().any(|(_, m)| m.contains("(H6)")));
}

#[test]
fn pins_beyond_a_partners_daily_limit_clash() {
    let mut e = with_second_pin("mde", "afternoon");
    set(&mut e, "/partners/0/max_per_day", json!(1));
    let errors = pin_errors(&e);
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert_eq!(errors[0].0, "pinned[1]");
    assert!(errors[0].1.contains("(H6)"), "{}", errors[0].1);
}

#[test]
fn pins_without_the_time_to_travel_clash() {
    let mut e = with_second_pin("mde", "afternoon");
    set(&mut e, "/travel/1/minutes", json!(151));
    let errors = pin_errors(&e);
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert_eq!(errors[0].0, "pinned[1]");
    assert!(errors[0].1.contains("(H7)"), "{}", errors[0].1);
}

/// The door the tools use refuses an edition whose pins clash, with the
/// clash named; the model alone (H1–H4) would have compiled it.
#[test]
fn the_door_in_refuses_clashing_pins() {
    let text = with_second_pin("cm", "morning").to_string();
    assert!(rally_model::parse_edition(&text).is_ok());
    let errors = rally_check::parse_edition(&text).expect_err("pins clash");
    assert!(errors.iter().all(|e| e.path == "pinned[1]"), "{errors:#?}");
    assert!(
        errors.iter().any(|e| e.message.contains("(H5)")),
        "{errors:#?}"
    );
    assert!(rally_check::parse_edition(&edition().to_string()).is_ok());
}
