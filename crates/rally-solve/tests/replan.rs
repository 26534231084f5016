//! The moves after routing when re-planning (SPEC §9): on a tight generated
//! edition whose busiest venue closes for the second week, sessions move
//! again only where the checker's total, `moved` and `rerouted` included,
//! drops; what ran stands.

use rally_model::replan::Replan;
use rally_model::Model;
use rally_search::Budget;
use rally_solve::{solve, Options};
use serde_json::{json, Value};
use std::collections::BTreeMap;

fn options(previous: Option<&Replan>, effort: u64) -> Options<'_> {
    Options {
        previous,
        budget: Budget::new(None, Some(effort)),
        ..Options::default()
    }
}

/// The edition, the published plan, and the edition with the venue that
/// hosts most sessions in the second week closed that week; the last day
/// of the first week.
fn scenario() -> (Model, Replan, String) {
    let text = rally_generate::generate_json(1, 2);
    let model = rally_model::parse_edition(&text).expect("a valid edition");
    let published = solve(&model, &options(None, 300)).assigned.plan;
    let mut dates: Vec<&str> = published.sessions.iter().map(|s| s.date.as_str()).collect();
    dates.sort_unstable();
    dates.dedup();
    // Five days of sessions a week: the first five ran, the next five close.
    let (frozen, second) = (dates[4].to_string(), (dates[5], dates[9]));
    let mut hosted: BTreeMap<&str, usize> = BTreeMap::new();
    for s in &published.sessions {
        if s.date.as_str() >= second.0 && s.date.as_str() <= second.1 {
            *hosted.entry(s.venue.as_str()).or_default() += 1;
        }
    }
    let venue = hosted.iter().max_by_key(|(_, n)| **n).expect("a venue").0;
    let mut ed: Value = serde_json::from_str(&text).expect("JSON");
    for v in ed["venues"].as_array_mut().expect("venues") {
        if v["id"] == json!(venue) {
            v["availability"] = json!({"except": [{"from": second.0, "to": second.1}]});
        }
    }
    let changed = rally_model::parse_edition(&ed.to_string()).expect("a valid edition");
    let date = rally_model::calendar::parse_date(&frozen).expect("a date");
    let replan = Replan::new(&changed, published, Some(date), None);
    (changed, replan, frozen)
}

#[test]
fn sessions_move_after_routing_only_where_the_checker_total_drops() {
    let (model, replan, frozen) = scenario();
    let opts = options(Some(&replan), 200);
    let planned = rally_plan::plan(&model, &opts);
    let first = rally_assign::assign(&model, &planned.plan, &opts);
    let budget = Budget::new(None, Some(50));
    let (best, moved) =
        rally_solve::replan::improve(&model, &planned.at, first.clone(), &opts, &budget);
    let report = rally_check::check_replan(&model, &best.plan, Some(&replan));
    assert!(report.valid, "{:#?}", report.violations);
    assert_eq!(best.penalty, report.penalty);
    assert_eq!(best.plan.penalty, Some(report.penalty.to_map()));
    assert!(!moved.is_empty(), "no move paid on this edition");
    assert!(best.penalty.total < first.penalty.total);
    for &s in &moved {
        let id = &model.sessions[s].id;
        let entry = best.plan.sessions.iter().find(|x| &x.id == id);
        assert!(
            entry.is_some_and(|x| x.date > frozen),
            "{id} moved on or before DATE"
        );
    }
}
