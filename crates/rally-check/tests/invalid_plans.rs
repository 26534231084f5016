//! SPEC §7 on plans that break rules: the penalty of the plan as given, and
//! every violation listed whatever else is wrong; and the `theme_missing` term.
//!
//! The example (fixtures/example): w01 (realities, conditions; organisers admr
//! and pe, pe only on Tuesdays and Thursdays) runs w01/1 (pinned, Thu 3 March
//! morning, cm) and w01/2; w02 (the five other themes) runs w02/1. g01 (10
//! pupils, Tuesdays and Thursdays only) and u0001 (no availability rule, base
//! cm, at most 45 min from it; mde is 40 min away) both want a certificate.

mod common;

use common::*;
use rally_model::Term;
use serde_json::json;

#[test]
fn theme_missing_counts_each_theme_a_course_leaves_out_times_headcount() {
    let mut p = plan();
    // u0001 without w02/1: five themes missing, headcount 1.
    set(&mut p, "/courses/1/sessions", json!(["w01/2"]));
    let r = check(&edition(), &p);
    assert_eq!(r.penalty[Term::Uncertified], 1000);
    assert_eq!(r.penalty[Term::ThemeMissing], 500);
    // g01 without w01/1 too: two themes missing, headcount 10.
    set(&mut p, "/courses/0/sessions", json!(["w02/1"]));
    let r = check(&edition(), &p);
    assert_eq!(r.penalty[Term::Uncertified], 11_000);
    assert_eq!(r.penalty[Term::ThemeMissing], 500 + 2000);
    // A member that does not want a certificate misses nothing.
    let mut e = edition();
    set(&mut e, "/participants/0/certificate", json!(false));
    set(&mut e, "/rules/weights/theme_missing", json!(7));
    let r = check(&e, &p);
    assert_eq!(r.penalty[Term::ThemeMissing], 2 * 7 * 10);
    assert_eq!(
        r.penalty.total,
        r.penalty.terms().iter().map(|(_, v)| v).sum::<i64>()
    );
}

#[test]
fn a_certified_course_or_a_programme_alone_has_no_theme_missing() {
    assert_eq!(check(&edition(), &plan()).penalty[Term::ThemeMissing], 0);
    assert_eq!(
        check(&edition(), &programme()).penalty[Term::ThemeMissing],
        0
    );
}

#[test]
fn a_session_missing_from_the_plan_counts_as_unscheduled() {
    let mut p = programme();
    p["sessions"].as_array_mut().unwrap().remove(2);
    let r = check(&edition(), &p);
    assert!(rules(&r).contains("S1"), "{:?}", r.violations);
    assert_eq!(r.penalty[Term::Unscheduled], 10_000);
    // Listing it as unscheduled costs the same, and is valid.
    set(
        &mut p,
        "/unscheduled",
        json!([{"id": "w02/1", "reason": "no room"}]),
    );
    let r = check(&edition(), &p);
    assert!(r.valid, "{:?}", r.violations);
    assert_eq!(r.penalty[Term::Unscheduled], 10_000);
}

#[test]
fn a_session_on_a_saturday_breaks_every_rule_it_breaks_and_counts_where_it_is() {
    let mut p = plan();
    // w01/2 and w02/1 on Saturday 5 March, both in the morning.
    set(&mut p, "/sessions/1/date", json!("2016-03-05"));
    set(&mut p, "/sessions/2/date", json!("2016-03-05"));
    set(&mut p, "/sessions/2/slot", json!("morning"));
    set(&mut p, "/sessions/2/start", json!("09:00"));
    set(&mut p, "/sessions/2/end", json!("12:00"));
    let r = check(&edition(), &p);
    let found = rules(&r);
    for rule in ["H1", "H2", "C1", "C2"] {
        assert!(
            found.contains(rule),
            "{rule} missing from {:?}",
            r.violations
        );
    }
    let h1 = r.violations.iter().filter(|v| v.rule == "H1").count();
    assert_eq!(h1, 2, "{:?}", r.violations);
    // H2: pe runs only on Tuesdays and Thursdays.
    assert!(r
        .violations
        .iter()
        .any(|v| v.rule == "H2" && v.message.contains("pe") && v.sessions == ["w01/2"]));
    // C1: g01 comes only on Tuesdays and Thursdays; C2: u0001 attends two
    // sessions at once.
    assert!(r
        .violations
        .iter()
        .any(|v| v.rule == "C1" && v.members == ["g01"] && v.sessions == ["w02/1"]));
    assert!(r
        .violations
        .iter()
        .any(|v| v.rule == "C2" && v.members == ["u0001"]));
    // The Saturday sessions are scheduled: u0001 can still be certified
    // (w01/1 on Thursday, w02/1 on Saturday), g01 cannot (w02/1 is on a
    // day it does not come): coverage is g01's 200 × 10 alone.
    assert_eq!(r.penalty[Term::Unscheduled], 0);
    assert_eq!(r.penalty[Term::Coverage], 2000);
    let u = r.members.iter().find(|m| m.member == "u0001").unwrap();
    assert!(u.certifiable && u.certified);
}

#[test]
fn a_session_that_cannot_be_placed_counts_in_no_term() {
    let mut p = plan();
    set(&mut p, "/sessions/2/venue", json!("nowhere"));
    let r = check(&edition(), &p);
    assert!(rules(&r).contains("H3"), "{:?}", r.violations);
    let t = r.penalty;
    // Not unscheduled; its themes validate nothing, so neither member is
    // certified; nobody travels to it nor spends a day on it.
    assert_eq!(t[Term::Unscheduled], 0);
    assert_eq!(t[Term::Uncertified], 11_000);
    assert_eq!(t[Term::ThemeMissing], 5 * 100 + 5 * 100 * 10);
    assert_eq!(t[Term::ParticipantDay] + t[Term::GroupDay], 10 + 30);
    let mut q = plan();
    set(&mut q, "/sessions/2/date", json!("2016-02-30"));
    let r = check(&edition(), &q);
    assert!(rules(&r).contains("H1"), "{:?}", r.violations);
    assert_eq!(r.penalty[Term::Unscheduled], 0);
    assert_eq!(r.penalty[Term::Uncertified], 11_000);
}
