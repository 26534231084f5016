//! Every hard rule of SPEC §6, each broken alone: the example's valid plan
//! (or its programme alone), perturbed so that the checker reports exactly
//! that rule, and boundary cases that break nothing.
//!
//! The example (fixtures/example): sessions w01/1 Thu 3 March morning at cm
//! (pinned), w01/2 Tue 8 morning at cm, w02/1 Tue 8 afternoon at mde; w01 is
//! organised by admr and pe (pe only on tue/thu), w02 by admr; roads cm–lycee
//! 15 and cm–mde 40; g01 (10 pupils, base lycee, tue/thu, max 2 days) attends
//! w01/1 and w02/1, u0001 (base cm, max_travel 45) w01/2 and w02/1.

mod common;

use common::*;
use serde_json::{json, Value};
use std::collections::BTreeSet;

/// Asserts that checking breaks `rule` and no other.
fn only(rule: &str, edition: &Value, plan: &Value) {
    let report = check(edition, plan);
    assert_eq!(
        rules(&report),
        BTreeSet::from([rule.to_string()]),
        "{:#?}",
        report.violations
    );
    assert!(!report.valid);
}

/// Asserts that checking finds no violation.
fn valid(edition: &Value, plan: &Value) {
    let report = check(edition, plan);
    assert!(report.valid, "{:#?}", report.violations);
    assert!(report.violations.is_empty());
}

/// The example with a third partner, `asso`, organising w02 alone.
fn with_asso_for_w02() -> Value {
    let mut e = edition();
    push(
        &mut e,
        "/partners",
        json!({"id": "asso", "kind": "association", "territory": "87"}),
    );
    set(&mut e, "/workshops/1/organisers", json!(["asso"]));
    e
}

#[test]
fn the_example_and_its_programme_are_valid() {
    valid(&edition(), &plan());
    valid(&edition(), &programme());
}

#[test]
fn s1_a_session_left_out() {
    let mut p = plan();
    remove(&mut p, "/sessions/2");
    set(&mut p, "/courses/0/sessions", json!(["w01/1"]));
    set(&mut p, "/courses/1/sessions", json!(["w01/2"]));
    only("S1", &edition(), &p);
}

#[test]
fn s1_a_session_both_scheduled_and_unscheduled() {
    let mut p = plan();
    push(
        &mut p,
        "/unscheduled",
        json!({"id": "w02/1", "reason": "x"}),
    );
    only("S1", &edition(), &p);
}

#[test]
fn s1_a_session_that_is_not_of_the_edition() {
    let mut p = plan();
    push(
        &mut p,
        "/unscheduled",
        json!({"id": "w09/1", "reason": "x"}),
    );
    only("S1", &edition(), &p);
}

#[test]
fn s2_capacity_times_or_workshop_not_as_the_edition_gives() {
    // min(w01 max 15, cm 30) = 15.
    for (field, value) in [
        ("capacity", json!(14)),
        ("end", json!("12:00")),
        ("start", json!("9h00")),
        ("workshop", json!("w02")),
    ] {
        let mut p = plan();
        set(&mut p, &format!("/sessions/1/{field}"), value);
        only("S2", &edition(), &p);
    }
}

#[test]
fn s3_a_course_of_no_member() {
    let mut p = plan();
    push(
        &mut p,
        "/courses",
        json!({"member": "x999", "sessions": []}),
    );
    only("S3", &edition(), &p);
}

#[test]
fn s3_two_courses_for_one_member() {
    let mut p = plan();
    push(
        &mut p,
        "/courses",
        json!({"member": "u0001", "sessions": []}),
    );
    only("S3", &edition(), &p);
}

#[test]
fn s3_a_course_naming_an_unscheduled_session() {
    let mut p = plan();
    remove(&mut p, "/sessions/1");
    push(
        &mut p,
        "/unscheduled",
        json!({"id": "w01/2", "reason": "x"}),
    );
    only("S3", &edition(), &p);
}

#[test]
fn s3_a_course_listing_a_session_twice() {
    // Attended once: no C2 (same period, same workshop) nor C3 from the repeat.
    let mut p = plan();
    set(
        &mut p,
        "/courses/1/sessions",
        json!(["w01/2", "w02/1", "w01/2"]),
    );
    only("S3", &edition(), &p);
}

#[test]
fn h1_a_date_that_is_not_an_opening_day() {
    // Closed day, Saturday, outside the calendar: w02/1's organiser and
    // venue have no availability rule, so the programme breaks H1 alone;
    // with courses, g01 (Tuesdays and Thursdays only) attending it there
    // breaks C1 too (every violation is listed, SPEC §7).
    for date in ["2016-03-04", "2016-03-05", "2016-04-01"] {
        let mut p = programme();
        set(&mut p, "/sessions/2/date", json!(date));
        only("H1", &edition(), &p);
        let mut p = plan();
        set(&mut p, "/sessions/2/date", json!(date));
        let found = rules(&check(&edition(), &p));
        assert_eq!(
            found,
            BTreeSet::from(["H1".to_string(), "C1".to_string()]),
            "{date}"
        );
    }
}

#[test]
fn h1_a_slot_that_is_not_of_the_calendar() {
    let mut p = programme();
    set(&mut p, "/sessions/2/slot", json!("evening"));
    only("H1", &edition(), &p);
}

#[test]
fn h2_an_organiser_not_available() {
    // pe, co-organiser of w01, works on tue and thu only; 9 March is a Wednesday.
    let mut p = plan();
    set(&mut p, "/sessions/1/date", json!("2016-03-09"));
    only("H2", &edition(), &p);
}

#[test]
fn h2_a_venue_not_available() {
    let mut e = edition();
    set(
        &mut e,
        "/venues/1/availability",
        json!({"except": [{"dates": ["2016-03-08"], "slots": ["afternoon"]}]}),
    );
    only("H2", &e, &plan());
}

#[test]
fn h2_a_workshop_not_available() {
    let mut e = edition();
    set(
        &mut e,
        "/workshops/1/availability",
        json!({"only": [{"from": "2016-03-09"}]}),
    );
    only("H2", &e, &plan());
}

#[test]
fn h3_a_venue_not_allowed_and_without_the_kitchen() {
    // w01 runs at cm only and needs a kitchen; mde seats 12 = min(15, 12).
    let mut p = plan();
    set(&mut p, "/sessions/1/venue", json!("mde"));
    set(&mut p, "/sessions/1/capacity", json!(12));
    only("H3", &edition(), &p);
}

#[test]
fn h3_an_unknown_venue() {
    let mut p = plan();
    set(&mut p, "/sessions/1/venue", json!("nowhere"));
    only("H3", &edition(), &p);
}

#[test]
fn h3_a_venue_outside_the_workshops_territory() {
    let mut e = edition();
    push(&mut e, "/territories", json!({"id": "23"}));
    push(
        &mut e,
        "/venues",
        json!({"id": "gueret", "territory": "23", "capacity": 30, "features": ["kitchen"]}),
    );
    push(
        &mut e,
        "/travel",
        json!({"between": ["gueret", "cm"], "minutes": 40}),
    );
    set(&mut e, "/workshops/0/venues", json!(["cm", "gueret"]));
    let mut p = programme();
    set(&mut p, "/sessions/1/venue", json!("gueret"));
    only("H3", &e, &p);
}

#[test]
fn h3_a_venue_smaller_than_the_workshops_min() {
    // w02 wants 13 to 20 people; mde seats 12 = min(20, 12).
    let mut e = edition();
    set(
        &mut e,
        "/workshops/1/capacity",
        json!({"min": 13, "max": 20}),
    );
    only("H3", &e, &plan());
}

#[test]
fn h4_a_session_longer_than_its_slot() {
    // 14:00 + 200 min = 17:20, after the 17:00 end of the afternoon.
    let mut e = edition();
    set(&mut e, "/workshops/1/duration", json!(200));
    let mut p = plan();
    set(&mut p, "/sessions/2/end", json!("17:20"));
    only("H4", &e, &p);
}

#[test]
fn h5_two_sessions_at_one_venue_in_one_period() {
    let mut p = programme();
    set(&mut p, "/sessions/2/venue", json!("cm"));
    set(&mut p, "/sessions/2/slot", json!("morning"));
    set(&mut p, "/sessions/2/start", json!("09:00"));
    set(&mut p, "/sessions/2/end", json!("12:00"));
    only("H5", &with_asso_for_w02(), &p);
}

#[test]
fn h6_a_partner_in_two_places_at_once() {
    // admr organises w01/2 at cm and w02/1 at mde, both on 8 March morning.
    let mut p = programme();
    set(&mut p, "/sessions/2/slot", json!("morning"));
    set(&mut p, "/sessions/2/start", json!("09:00"));
    set(&mut p, "/sessions/2/end", json!("12:00"));
    only("H6", &edition(), &p);
}

#[test]
fn h6_a_partner_over_its_daily_limit() {
    let mut e = edition();
    set(&mut e, "/partners/0/max_per_day", json!(1));
    only("H6", &e, &plan());
}

#[test]
fn h6_parallel_two_allows_two_at_once() {
    let mut e = edition();
    set(&mut e, "/partners/0/parallel", json!(2));
    let mut p = programme();
    set(&mut p, "/sessions/2/slot", json!("morning"));
    set(&mut p, "/sessions/2/start", json!("09:00"));
    set(&mut p, "/sessions/2/end", json!("12:00"));
    valid(&e, &p);
}

#[test]
fn h7_a_partner_without_the_time_to_travel() {
    // admr: w01/2 ends at cm at 11:30, w02/1 starts at mde at 14:00: 150 min.
    let mut e = edition();
    set(&mut e, "/travel/1/minutes", json!(151));
    only("H7", &e, &programme());
    // Exactly enough time.
    set(&mut e, "/travel/1/minutes", json!(150));
    valid(&e, &programme());
    // No road at all.
    remove(&mut e, "/travel/1");
    only("H7", &e, &programme());
}

#[test]
fn h7_every_co_organiser_travels() {
    // pe co-organises w01 (cm, morning) and now runs w02 (mde, afternoon).
    let mut e = edition();
    set(&mut e, "/workshops/1/organisers", json!(["pe"]));
    set(&mut e, "/travel/1/minutes", json!(151));
    only("H7", &e, &programme());
}

#[test]
fn h7_does_not_bind_a_partner_running_sessions_in_parallel() {
    let mut e = edition();
    set(&mut e, "/partners/0/parallel", json!(2));
    set(&mut e, "/travel/1/minutes", json!(151));
    valid(&e, &programme());
}

#[test]
fn h8_a_pinned_session_moved() {
    // Tue 1 March suits everyone (pe, g01), but w01/1 is pinned to the 3rd.
    let mut p = plan();
    set(&mut p, "/sessions/0/date", json!("2016-03-01"));
    only("H8", &edition(), &p);
}

#[test]
fn h8_a_pinned_session_unscheduled() {
    let mut p = plan();
    remove(&mut p, "/sessions/0");
    push(
        &mut p,
        "/unscheduled",
        json!({"id": "w01/1", "reason": "x"}),
    );
    set(&mut p, "/courses/0/sessions", json!(["w02/1"]));
    only("H8", &edition(), &p);
}

#[test]
fn c1_a_member_not_available() {
    // g01 attends w01/1 on Thursday 3 March.
    let mut e = edition();
    set(
        &mut e,
        "/groups/0/availability",
        json!({"only": [{"weekdays": ["tue"]}]}),
    );
    only("C1", &e, &plan());
}

#[test]
fn c1_a_workshop_whose_audience_excludes_the_member() {
    let mut e = edition();
    set(&mut e, "/workshops/1/audience", json!(["adviser"]));
    let report = check(&e, &plan());
    assert_eq!(rules(&report), BTreeSet::from(["C1".to_string()]));
    let members: BTreeSet<&str> = report
        .violations
        .iter()
        .flat_map(|v| v.members.iter().map(String::as_str))
        .collect();
    assert_eq!(members, BTreeSet::from(["g01", "u0001"]));
}

#[test]
fn c1_a_venue_outside_the_members_territory() {
    // w02/1 moves to Guéret (territory 23), 40 min from cm: both members are of 87.
    let mut e = edition();
    push(&mut e, "/territories", json!({"id": "23"}));
    push(
        &mut e,
        "/venues",
        json!({"id": "gueret", "territory": "23", "capacity": 12}),
    );
    push(
        &mut e,
        "/travel",
        json!({"between": ["gueret", "cm"], "minutes": 40}),
    );
    let mut p = plan();
    set(&mut p, "/sessions/2/venue", json!("gueret"));
    only("C1", &e, &p);
}

#[test]
fn c2_more_sessions_a_day_than_allowed() {
    let mut e = edition();
    set(&mut e, "/participants/0/max_per_day", json!(1));
    only("C2", &e, &plan());
}

#[test]
fn c2_two_sessions_of_one_workshop() {
    // g01 adds w01/2 (Tue 8 morning): 2 sessions that day, still 2 days.
    let mut p = plan();
    set(
        &mut p,
        "/courses/0/sessions",
        json!(["w01/1", "w01/2", "w02/1"]),
    );
    only("C2", &edition(), &p);
}

#[test]
fn c2_more_days_than_allowed() {
    let mut e = edition();
    set(&mut e, "/groups/0/max_days", json!(1));
    only("C2", &e, &plan());
}

#[test]
fn c2_two_sessions_in_one_period() {
    // w02/1 moves to Tue 8 morning at mde (asso runs it): u0001 attends both.
    let mut p = plan();
    set(&mut p, "/sessions/2/slot", json!("morning"));
    set(&mut p, "/sessions/2/start", json!("09:00"));
    set(&mut p, "/sessions/2/end", json!("12:00"));
    only("C2", &with_asso_for_w02(), &p);
}

#[test]
fn c3_more_people_than_seats() {
    // w02/1 seats 12: g01 of 12 and u0001 make 13.
    let mut e = edition();
    set(&mut e, "/groups/0/size", json!(12));
    only("C3", &e, &plan());
}

#[test]
fn c4_a_venue_beyond_max_travel() {
    // mde is 40 min from u0001's base cm.
    let mut e = edition();
    set(&mut e, "/participants/0/max_travel", json!(39));
    only("C4", &e, &plan());
    set(&mut e, "/participants/0/max_travel", json!(40));
    valid(&e, &plan());
}

#[test]
fn c4_no_time_to_travel_between_two_sessions() {
    // u0001: w01/2 ends at cm at 11:30, w02/1 starts at mde at 14:00.
    let mut e = with_asso_for_w02();
    remove(&mut e, "/participants/0/max_travel");
    set(&mut e, "/travel/1/minutes", json!(151));
    only("C4", &e, &plan());
    set(&mut e, "/travel/1/minutes", json!(150));
    valid(&e, &plan());
}

#[test]
fn c4_a_venue_unreachable_from_the_base() {
    // Without the lycee–cm road, g01's base reaches no venue.
    let mut e = edition();
    remove(&mut e, "/travel/0");
    let report = check(&e, &plan());
    assert_eq!(rules(&report), BTreeSet::from(["C4".to_string()]));
    assert_eq!(report.violations.len(), 2, "{:#?}", report.violations);
}

#[test]
fn every_violation_is_listed_not_only_the_first() {
    // H2 (pe on a Wednesday), H6 (admr twice on the 8th), C2 (u0001 limit 1).
    let mut e = edition();
    set(&mut e, "/partners/0/max_per_day", json!(1));
    set(&mut e, "/participants/0/max_per_day", json!(1));
    let mut p = plan();
    set(&mut p, "/sessions/0/date", json!("2016-03-02"));
    let report = check(&e, &p);
    let found = rules(&report);
    for rule in ["H2", "H6", "H8", "C1", "C2"] {
        assert!(found.contains(rule), "{rule} missing from {found:?}");
    }
}
