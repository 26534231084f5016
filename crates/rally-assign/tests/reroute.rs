//! Re-routing from a published plan (SPEC §9): a late registration gets a
//! course, and an existing member moves to another session only where that
//! lowers the penalty, `rerouted` included. Every plan is judged by the
//! checker with the published plan.

use rally_assign::{assign, Options};
use rally_model::replan::Replan;
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
