//! Re-routing from a published plan (SPEC §9): a late registration gets a
//! course, and an existing member moves to another session only where that
//! lowers the penalty, `rerouted` included. Every plan is judged by the
//! checker with the published plan; on generated editions, debug builds
//! also hold the search's score against the checker's total (the assert
//! mode of `rally_assign::reroute`).

mod support;

use rally_assign::{assign, Options};
use rally_generate::Profile;
use rally_model::replan::{Attendance, Replan};
use rally_model::types::{Course, Plan};
use rally_model::{Model, Placement};
use serde_json::{json, Value};

/// One week (Mon 7 – Fri 11 March 2016), themes `a` and `b`; workshop `wa`
/// (theme a, one seat) on Monday and Tuesday mornings, `wb` (theme b, two
/// seats) on Monday afternoon; `u1` free all week, then `late`, free on
/// Mondays only, as given.
fn edition(late: Value) -> Model {
    let ed = json!({
        "calendar": {"start": "2016-03-07", "end": "2016-03-11"},
        "themes": [{"id": "a"}, {"id": "b"}],
        "territories": [{"id": "t"}],
        "venues": [{"id": "v", "territory": "t", "capacity": 40}],
        "partners": [{"id": "p", "kind": "other", "parallel": 9, "max_per_day": 9}],
        "workshops": [
            {"id": "wa", "themes": ["a"], "organisers": ["p"], "sessions": 2,
             "capacity": {"min": 1, "max": 1}},
            {"id": "wb", "themes": ["b"], "organisers": ["p"], "sessions": 1,
             "capacity": {"min": 1, "max": 2}}],
        "groups": [],
        "participants": [{"id": "u1", "profile": "job-seeker"}, late],
    });
    rally_model::parse_edition(&ed.to_string()).expect("a valid edition")
}

/// The published plan: `wa/1` Monday morning, `wa/2` Tuesday morning, `wb/1`
/// Monday afternoon; `u1` on Monday (`wa/1`, `wb/1`).
fn published(model: &Model) -> Plan {
    let mut plan = Plan::default();
    for (id, day, slot) in [("wa/1", 0, 0), ("wa/2", 1, 0), ("wb/1", 0, 1)] {
        let s = model.session(id).expect("a session");
        let at = Placement {
            period: model.grid.period(day, slot),
            venue: model.venue("v").expect("a venue"),
        };
        plan.sessions.push(model.planned_session(s, at));
    }
    plan.courses = Some(vec![Course {
        member: "u1".into(),
        sessions: vec!["wa/1".into(), "wb/1".into()],
    }]);
    plan
}

/// Re-routes from the published plan; the checker (with it) finds the plan
/// valid and the penalty the plan states. Returns each member's sessions.
fn reroute(model: &Model) -> Vec<(String, Vec<String>)> {
    let old = published(model);
    let replan = Replan::new(model, old.clone(), None, None);
    let options = Options {
        previous: Some(&replan),
        ..Options::default()
    };
    let out = assign(model, &rally_assign::programme_only(&old), &options);
    let report = rally_check::check_replan(model, &out.plan, Some(&replan));
    assert!(report.valid, "{:#?}", report.violations);
    assert_eq!(out.plan.penalty, Some(report.penalty.to_map()));
    assert_eq!(out.penalty, report.penalty);
    let courses = out.plan.courses.expect("courses");
    courses
        .into_iter()
        .map(|c| (c.member, c.sessions))
        .collect()
}

fn mondays(mut p: Value) -> Value {
    p["availability"] = json!({"only": [{"weekdays": ["mon"]}]});
    p
}

#[test]
fn a_member_moves_to_another_session_when_that_certifies_a_late_registration() {
    // `late` needs wa/1, the only `a` on a Monday: u1 moves to wa/2 (two
    // sessions rerouted, one more day out) so that `late` is certified.
    let model = edition(mondays(json!({"id": "late", "profile": "job-seeker"})));
    let courses = reroute(&model);
    let of = |m: &str| {
        courses
            .iter()
            .find(|(id, _)| id == m)
            .map(|(_, s)| s.clone())
    };
    assert_eq!(of("late"), Some(vec!["wa/1".into(), "wb/1".into()]));
    assert_eq!(of("u1"), Some(vec!["wa/2".into(), "wb/1".into()]));
}

#[test]
fn nobody_moves_where_the_change_does_not_pay() {
    // `late` wants no certificate, only workshop wa: a wish (10) does not
    // pay for moving u1 (two sessions rerouted, 80): u1 keeps its course.
    let late = mondays(json!({"id": "late", "profile": "job-seeker",
                              "certificate": false, "wishes": ["wa"]}));
    let model = edition(late);
    let courses = reroute(&model);
    assert_eq!(
        courses,
        vec![(
            "u1".to_string(),
            vec!["wa/1".to_string(), "wb/1".to_string()]
        )]
    );
}

/// A generated one-département edition of `profile`, cut to 150 participants,
/// with `late` copies of its first participants registered late.
fn generated(seed: u64, profile: Profile, late: usize) -> Model {
    let mut ed = rally_generate::generate_with(1, seed, profile);
    ed.participants.truncate(150);
    let copies: Vec<_> = ed.participants[..late]
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let mut p = p.clone();
            p.id = format!("late{i}");
            p
        })
        .collect();
    ed.participants.extend(copies);
    let text = serde_json::to_string(&ed).expect("serializes");
    rally_model::parse_edition(&text).expect("a valid edition")
}

/// Re-routes on `programme` from `replan`; the plan is valid by the checker
/// with the published plan, with the checker's penalty (debug builds assert
/// the search's score inside). Returns the certified headcount.
fn rerouted(model: &Model, programme: &Plan, replan: &Replan) -> u64 {
    let options = Options {
        previous: Some(replan),
        seed: 5,
        ..Options::default()
    };
    let out = assign(model, programme, &options);
    let report = rally_check::check_replan(model, &out.plan, Some(replan));
    assert!(
        report.valid,
        "{:#?}",
        &report.violations[..3.min(report.violations.len())]
    );
    assert_eq!(out.penalty, report.penalty);
    out.certified.people()
}

#[test]
fn the_search_score_is_the_checkers_on_generated_editions() {
    for (seed, profile) in [
        (2, Profile::Tight),
        (3, Profile::Generous),
        (4, Profile::Tight),
    ] {
        let model = generated(seed, profile, 0);
        let programme = support::greedy_programme(&model);
        let published = assign(&model, &programme, &Options::default()).plan;
        let mut dates: Vec<&str> = published.sessions.iter().map(|s| s.date.as_str()).collect();
        dates.sort_unstable();
        dates.dedup();
        let until = dates[dates.len() / 3].to_string();
        let date = rally_model::calendar::parse_date(&until).expect("a date");
        let frozen = |d: &str| d <= until.as_str();

        // The workshop with most sessions after DATE withdrawn from then on.
        let mut later: std::collections::BTreeMap<&str, usize> = Default::default();
        for s in published.sessions.iter().filter(|s| !frozen(&s.date)) {
            *later.entry(s.workshop.as_str()).or_default() += 1;
        }
        let gone = later.iter().max_by_key(|(_, n)| **n).expect("a workshop").0;
        let mut withdrawn = rally_assign::programme_only(&published);
        let (kept, dropped): (Vec<_>, Vec<_>) = withdrawn
            .sessions
            .drain(..)
            .partition(|s| s.workshop != *gone || frozen(&s.date));
        withdrawn.sessions = kept;
        withdrawn.unscheduled.extend(dropped.into_iter().map(|s| {
            rally_model::types::Unscheduled {
                id: s.id,
                reason: "withdrawn".into(),
            }
        }));
        let replan = Replan::new(&model, published.clone(), Some(date), None);
        rerouted(&model, &withdrawn, &replan);

        // Ten late registrations.
        let with_late = generated(seed, profile, 10);
        let replan = Replan::new(&with_late, published.clone(), Some(date), None);
        rerouted(
            &with_late,
            &rally_assign::programme_only(&published),
            &replan,
        );

        // The first member of each of ten courses missed its first session.
        let mut attended = Attendance::default();
        let courses = published.courses.clone().expect("courses");
        for c in &courses {
            for s in c.sessions.iter() {
                let ran = published
                    .sessions
                    .iter()
                    .any(|x| x.id == *s && frozen(&x.date));
                if ran {
                    attended
                        .by_session
                        .entry(s.clone())
                        .or_default()
                        .insert(c.member.clone());
                }
            }
        }
        let mut missed = 0;
        for c in &courses {
            let first = c
                .sessions
                .iter()
                .find(|s| attended.by_session.contains_key(*s));
            if let (Some(s), true) = (first, missed < 10) {
                attended
                    .by_session
                    .get_mut(s)
                    .expect("ran")
                    .remove(&c.member);
                missed += 1;
            }
        }
        assert_eq!(missed, 10, "ten members attended a session before {until}");
        let replan = Replan::new(&model, published.clone(), Some(date), Some(attended));
        rerouted(&model, &rally_assign::programme_only(&published), &replan);
    }
}
