//! The penalty of SPEC §7, term by term, on cases computed by hand.
//!
//! The example (fixtures/example): D = 8 opening days (1–3 and 7–11 March
//! 2016), weeks 29 Feb–6 Mar and 7–13 Mar; w01 (realities, conditions; min 4)
//! runs w01/1 Thu 3 morning and w01/2 Tue 8 morning at cm; w02 (the other
//! five themes; min 3) runs w02/1 Tue 8 afternoon at mde. Roads: cm–lycee 15,
//! cm–mde 40. g01 (10 pupils, base lycee) attends w01/1 and w02/1; u0001
//! (base cm, wishes w01) attends w01/2 and w02/1.

mod common;

use common::*;
use rally_check::Penalty;
use rally_model::Term;
use serde_json::{json, Value};

fn penalty(edition: &Value, plan: &Value) -> Penalty {
    check(edition, plan).penalty
}

/// A session entry of the example's workshops (capacities: w01 at cm 15,
/// w02 at cm 12, w02 at mde 12).
fn session(id: &str, date: &str, slot: &str, venue: &str) -> Value {
    let workshop = &id[..3];
    let (start, end) = match (workshop, slot) {
        ("w01", "morning") => ("09:00", "11:30"),
        ("w01", _) => ("14:00", "16:30"),
        (_, "morning") => ("09:00", "12:00"),
        _ => ("14:00", "17:00"),
    };
    let capacity = if workshop == "w01" { 15 } else { 12 };
    json!({"id": id, "workshop": workshop, "date": date, "slot": slot,
           "start": start, "end": end, "venue": venue, "capacity": capacity})
}

#[test]
fn the_worked_example_scores_807_term_by_term() {
    let report = check(&edition(), &plan());
    let p = report.penalty;
    assert_eq!(
        (
            p[Term::Unscheduled],
            p[Term::ThemeWeek],
            p[Term::SameDay],
            p[Term::DailyLoad],
            p[Term::Coverage]
        ),
        (0, 500, 0, 2, 0)
    );
    assert_eq!(
        (
            p[Term::Uncertified],
            p[Term::Wish],
            p[Term::GroupDay],
            p[Term::ParticipantDay],
            p[Term::TravelMinute],
            p[Term::Underfill]
        ),
        (0, 0, 60, 10, 220, 15)
    );
    assert_eq!(p.total, 807);
    let text = std::fs::read_to_string(examples_dir().join("expected.json")).unwrap();
    let expected: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(
        serde_json::to_value(p).unwrap(),
        expected["penalty"],
        "every term as in expected.json"
    );
    assert_eq!(report.valid, expected["valid"].as_bool().unwrap());
    for m in &report.members {
        assert_eq!(
            Some(m.certified),
            expected["certified"][&m.member].as_bool()
        );
        assert!(m.certifiable && m.missing.is_empty() && m.why.is_empty());
    }
    assert_eq!(
        rally_check::penalty(&model(&edition()), &as_plan(&plan())),
        p
    );
}

#[test]
fn theme_week_counts_every_territory_with_a_venue_theme_and_week() {
    // R = 2. Territory 87, week 1: w01/1 gives realities and conditions 1
    // each (short 1 + 1), the five others 0 (short 2 × 5): 12. Week 2: w01/2
    // and w02/1 give each theme once: short 1 × 7 = 7. Territory 23 has a
    // venue and no session: 2 × 7 themes × 2 weeks = 28. Territory 19 has no
    // venue: nothing. (12 + 7 + 28) × 100 = 4700.
    let mut e = edition();
    set(&mut e, "/rules/theme_sessions_per_week", json!(2));
    push(&mut e, "/territories", json!({"id": "23"}));
    push(&mut e, "/territories", json!({"id": "19"}));
    push(
        &mut e,
        "/venues",
        json!({"id": "gueret", "territory": "23", "capacity": 20}),
    );
    assert_eq!(penalty(&e, &programme())[Term::ThemeWeek], 4700);
    // R = 0: never short.
    set(&mut e, "/rules/theme_sessions_per_week", json!(0));
    assert_eq!(penalty(&e, &programme())[Term::ThemeWeek], 0);
}

#[test]
fn same_day_counts_pairs_of_one_workshop_on_one_date() {
    // w02 has 3 sessions, all on Tue 8 March: 3 × 2 / 2 = 3 pairs × 20 = 60;
    // w01's two sessions are on different dates.
    let mut e = edition();
    set(&mut e, "/workshops/1/sessions", json!(3));
    let mut p = programme();
    push(
        &mut p,
        "/sessions",
        session("w02/2", "2016-03-08", "morning", "mde"),
    );
    push(
        &mut p,
        "/sessions",
        session("w02/3", "2016-03-08", "afternoon", "cm"),
    );
    let terms = penalty(&e, &p);
    assert_eq!(terms[Term::SameDay], 60);
    // N = 5, ⌈5/8⌉ = 1, the 8th has 4 sessions: 3 × 2.
    assert_eq!(terms[Term::DailyLoad], 6);
    set(&mut e, "/rules/weights", json!({"same_day": 7}));
    assert_eq!(penalty(&e, &p)[Term::SameDay], 21);
}

/// The example with w02 run 7 times: 9 sessions in all, over four dates.
fn nine_sessions() -> (Value, Value) {
    let mut e = edition();
    set(&mut e, "/workshops/1/sessions", json!(7));
    let mut p = programme();
    for (id, date, slot, venue) in [
        ("w02/2", "2016-03-08", "morning", "mde"),
        ("w02/3", "2016-03-08", "afternoon", "cm"),
        ("w02/4", "2016-03-09", "morning", "cm"),
        ("w02/5", "2016-03-09", "morning", "mde"),
        ("w02/6", "2016-03-09", "afternoon", "cm"),
        ("w02/7", "2016-03-10", "morning", "cm"),
    ] {
        push(&mut p, "/sessions", session(id, date, slot, venue));
    }
    (e, p)
}

#[test]
fn daily_load_allows_the_ceiling_of_the_mean() {
    // N = 9, D = 8: ⌈9/8⌉ = 2 a day. 3 March: 1; 8 March: 4 (2 over);
    // 9 March: 3 (1 over); 10 March: 1. 3 × 2 = 6 (the floor, 1, would give 10).
    let (e, p) = nine_sessions();
    assert_eq!(penalty(&e, &p)[Term::DailyLoad], 6);
}

#[test]
fn daily_load_is_counted_per_territory() {
    // w02/7 moves to Guéret (23): N(87) = 8, ⌈8/8⌉ = 1: 8 March 3 over, 9 March
    // 2 over, 3 and 10 March none: 5 × 2 = 10. N(23) = 1: never over.
    let (mut e, mut p) = nine_sessions();
    push(&mut e, "/territories", json!({"id": "23"}));
    push(
        &mut e,
        "/venues",
        json!({"id": "gueret", "territory": "23", "capacity": 20}),
    );
    set(&mut p, "/sessions/8/venue", json!("gueret"));
    assert_eq!(penalty(&e, &p)[Term::DailyLoad], 10);
}

#[test]
fn coverage_weighs_headcount_of_members_with_a_certificate() {
    // g01 is free on Mondays only, and every session is on a Tue or Thu:
    // 200 × 10 pupils. u0001 without a certificate and with max_travel 0
    // (only cm, hence only w01) cannot be certified either, but costs nothing.
    let mut e = edition();
    set(
        &mut e,
        "/groups/0/availability",
        json!({"only": [{"weekdays": ["mon"]}]}),
    );
    set(&mut e, "/participants/0/certificate", json!(false));
    set(&mut e, "/participants/0/max_travel", json!(0));
    let report = check(&e, &programme());
    assert_eq!(report.penalty[Term::Coverage], 2000);
    assert!(report.members.iter().all(|m| !m.certifiable));
    set(&mut e, "/rules/weights", json!({"coverage": 3}));
    assert_eq!(penalty(&e, &programme())[Term::Coverage], 30);
}

#[test]
fn uncertified_weighs_headcount_and_skips_members_without_certificate() {
    // g01 attends w01/1 only: 2 of 7 themes, 1000 × 10. u0001 attends nothing
    // but wants no certificate: 0 (its wish for w01 still costs 10).
    let mut e = edition();
    set(&mut e, "/participants/0/certificate", json!(false));
    let mut p = plan();
    set(&mut p, "/courses/0/sessions", json!(["w01/1"]));
    set(&mut p, "/courses/1/sessions", json!([]));
    let report = check(&e, &p);
    assert_eq!(report.penalty[Term::Uncertified], 10_000);
    assert_eq!(report.penalty[Term::Wish], 10);
    assert!(report.members.iter().all(|m| !m.certified));
    assert!(report.members.iter().all(|m| m.certifiable));
}

#[test]
fn wish_counts_every_wished_workshop_not_attended_scheduled_or_not() {
    // w03 exists but is unscheduled; u0001 wishes w01, w02 and w03.
    let mut e = edition();
    push(
        &mut e,
        "/workshops",
        json!({"id": "w03", "themes": ["career"], "organisers": ["admr"],
               "capacity": {"min": 1, "max": 5}}),
    );
    set(
        &mut e,
        "/participants/0/wishes",
        json!(["w01", "w02", "w03"]),
    );
    let mut p = plan();
    push(
        &mut p,
        "/unscheduled",
        json!({"id": "w03/1", "reason": "no room"}),
    );
    let terms = penalty(&e, &p);
    assert_eq!((terms[Term::Wish], terms[Term::Unscheduled]), (10, 10_000));
    // Attending w02/1 only: w01 and w03 are missed.
    set(&mut p, "/courses/1/sessions", json!(["w02/1"]));
    assert_eq!(penalty(&e, &p)[Term::Wish], 20);
}

#[test]
fn group_and_participant_days_count_dates_out() {
    // g01: 3 and 8 March (2 × 30); u0001 now on 3 and 8 March too (2 × 10).
    let mut p = plan();
    set(&mut p, "/courses/1/sessions", json!(["w01/1", "w02/1"]));
    let terms = penalty(&edition(), &p);
    assert_eq!(
        (terms[Term::GroupDay], terms[Term::ParticipantDay]),
        (60, 20)
    );
}

#[test]
fn travel_minutes_follow_shortest_paths_from_and_back_to_the_base() {
    // g01: 3 March lycee→cm→lycee 15 + 15; 8 March lycee→mde via cm 55 and
    // back 55. u0001 (base cm): cm→cm 0, cm→mde 40, mde→cm 40. 220 in all.
    assert_eq!(penalty(&edition(), &plan())[Term::TravelMinute], 220);
    // Without a base, u0001 only travels cm→mde: 30 + 110 + 40 = 180.
    let mut e = edition();
    remove(&mut e, "/participants/0/base");
    remove(&mut e, "/participants/0/max_travel");
    assert_eq!(penalty(&e, &plan())[Term::TravelMinute], 180);
    // A shortcut lycee–mde of 50 beats lycee→cm→mde (55): 30 + 100 + 40 = 170.
    push(
        &mut e,
        "/travel",
        json!({"between": ["mde", "lycee"], "minutes": 50}),
    );
    assert_eq!(penalty(&e, &plan())[Term::TravelMinute], 170);
    set(&mut e, "/rules/weights", json!({"travel_minute": 2}));
    assert_eq!(penalty(&e, &plan())[Term::TravelMinute], 340);
}

#[test]
fn underfill_counts_seats_short_of_min_attended_or_not() {
    // Courses present but empty: w01/1 4, w01/2 4, w02/1 3 seats short: 11 × 5.
    let mut p = plan();
    set(&mut p, "/courses", json!([]));
    let terms = penalty(&edition(), &p);
    assert_eq!(terms[Term::Underfill], 55);
    // Every member uncertified (1000 × 10 + 1000 × 1), u0001 misses its wish.
    assert_eq!((terms[Term::Uncertified], terms[Term::Wish]), (11_000, 10));
    assert_eq!(
        (
            terms[Term::GroupDay],
            terms[Term::ParticipantDay],
            terms[Term::TravelMinute]
        ),
        (0, 0, 0)
    );
}

#[test]
fn a_programme_alone_has_no_course_terms() {
    let terms = penalty(&edition(), &programme());
    assert_eq!(
        (
            terms[Term::Uncertified],
            terms[Term::Wish],
            terms[Term::GroupDay],
            terms[Term::ParticipantDay],
            terms[Term::TravelMinute],
            terms[Term::Underfill]
        ),
        (0, 0, 0, 0, 0, 0)
    );
    // theme_week 500 + daily_load 2.
    assert_eq!(terms.total, 502);
}

#[test]
fn rules_weights_override_the_defaults() {
    // theme_week 5 × 1, daily_load 1 × 10, group_day 2 × 1, participant_day
    // 1 × 0, travel_minute 220 × 2, underfill 3 × 100: 757.
    let mut e = edition();
    set(
        &mut e,
        "/rules/weights",
        json!({"unscheduled": 10000, "theme_week": 1, "daily_load": 10, "group_day": 1,
               "participant_day": 0, "travel_minute": 2, "underfill": 100}),
    );
    let p = penalty(&e, &plan());
    assert_eq!(
        (
            p[Term::ThemeWeek],
            p[Term::DailyLoad],
            p[Term::GroupDay],
            p[Term::ParticipantDay],
            p[Term::TravelMinute],
            p[Term::Underfill]
        ),
        (5, 10, 2, 0, 440, 300)
    );
    assert_eq!(p.total, 757);
}

#[test]
fn unscheduled_counts_every_entry() {
    // Two sessions left out: 2 × 10000, with a weight of 3: 6.
    let mut p = programme();
    let out = json!([{"id": "w01/2", "reason": "a"}, {"id": "w02/1", "reason": "b"}]);
    remove(&mut p, "/sessions/2");
    remove(&mut p, "/sessions/1");
    set(&mut p, "/unscheduled", out);
    assert_eq!(penalty(&edition(), &p)[Term::Unscheduled], 20_000);
    let mut e = edition();
    set(&mut e, "/rules/weights", json!({"unscheduled": 3}));
    assert_eq!(penalty(&e, &p)[Term::Unscheduled], 6);
}
