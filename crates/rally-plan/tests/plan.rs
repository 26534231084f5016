//! The planner on the fixtures and on generated editions: every plan is
//! valid by the checker, scored as the checker scores it, reproducible, and
//! as good as the exact model proves possible where it can prove it.

use proptest::prelude::*;
use rally_model::{Model, Plan, Term};
use rally_plan::instance::Instance;
use rally_plan::programme::Programme;
use rally_plan::{plan, Options, PlanOutcome};
use serde_json::Value;
use std::path::PathBuf;
use std::time::Duration;

fn fixture(name: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../fixtures")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn model_of(text: &str) -> Model {
    rally_model::parse_edition(text).expect("a valid edition")
}

/// Asserts the plan is valid and that its penalty is the checker's.
fn judged(model: &Model, outcome: &PlanOutcome) {
    let report = rally_check::check(model, &outcome.plan);
    assert!(report.valid, "invalid plan: {:?}", report.violations);
    // A re-plan's penalty also counts its changes (SPEC §9).
    let mut own = outcome.penalty;
    own.replanning = false;
    for t in Term::REPLAN {
        own[t] = 0;
    }
    assert_eq!(own.with_total(), report.penalty);
    assert_eq!(outcome.plan.penalty, Some(outcome.penalty.to_map()));
    assert!(outcome.plan.courses.is_none());
    assert_eq!(outcome.plan.edition, model.edition.edition);
    if let Some(bound) = outcome.lower_bound {
        assert!(bound <= report.penalty.total);
    }
}

fn run(model: &Model, seed: u64) -> PlanOutcome {
    let outcome = plan(
        model,
        &Options {
            seed,
            ..Options::default()
        },
    );
    judged(model, &outcome);
    outcome
}

/// The penalty the exact model proves optimal for the whole edition, all
/// sessions free but the pinned ones (linear terms plus its coverage terms,
/// which the checker's coverage must then match).
fn exact_optimum(model: &Model) -> i64 {
    let instance = Instance::new(model, None);
    let sessions: Vec<usize> = (0..model.sessions.len()).collect();
    let territories: Vec<usize> = (0..model.territories.len()).collect();
    let mut prog = Programme::new(&instance, &sessions, &territories);
    let free: Vec<usize> = sessions
        .iter()
        .copied()
        .filter(|&s| instance.is_free(s))
        .collect();
    let cohorts =
        rally_plan::coverage::cohorts(model, &(0..model.members.len()).collect::<Vec<_>>());
    let outcome = rally_plan::mip::solve(
        &prog,
        &free,
        &cohorts,
        u64::MAX,
        &rally_search::Budget::default(),
    )
    .expect("the exact model solves");
    assert!(outcome.optimal, "the exact model proves optimality");
    for (s, at) in outcome.placed {
        prog.place(s, at);
    }
    assert_eq!(prog.cost(), prog.cost_from_scratch());
    prog.cost() + outcome.coverage
}

#[test]
fn tiny_reaches_the_proven_optimum() {
    let model = model_of(&fixture("tiny.json"));
    let outcome = run(&model, 1);
    assert_eq!(outcome.penalty.total, exact_optimum(&model));
    assert!(outcome.optimal);
    assert_eq!(outcome.lower_bound, Some(outcome.penalty.total));
}

#[test]
fn haute_vienne_is_planned_optimally_and_pins_stay() {
    let model = model_of(&fixture("haute-vienne-2016.json"));
    let outcome = run(&model, 7);
    assert!(outcome.optimal, "penalty {:?}", outcome.penalty);
    assert!(outcome.plan.unscheduled.is_empty());
    for pin in &model.pins {
        let want = model.planned_session(pin.session, pin.at);
        assert!(
            outcome.plan.sessions.contains(&want),
            "pin {} moved",
            want.id
        );
    }
}

#[test]
fn same_seed_same_plan_byte_for_byte() {
    let text = rally_generate::generate_json(2, 5);
    let model = model_of(&text);
    let a = serde_json::to_string(&run(&model, 3).plan).unwrap();
    let b = serde_json::to_string(&run(&model, 3).plan).unwrap();
    assert_eq!(a, b);
}

/// Tiny with a workshop whose organisers are never free together.
fn tiny_with_clash() -> Model {
    let mut e: Value = serde_json::from_str(&fixture("tiny.json")).unwrap();
    e["partners"]
        .as_array_mut()
        .unwrap()
        .push(serde_json::json!({
            "id": "mondays", "kind": "association",
            "availability": {"only": [{"weekdays": ["mon"]}]}
        }));
    e["workshops"]
        .as_array_mut()
        .unwrap()
        .push(serde_json::json!({
            "id": "w9", "themes": ["career"], "organisers": ["pe", "mondays"],
            "capacity": {"min": 1, "max": 10}
        }));
    model_of(&e.to_string())
}

#[test]
fn organisers_never_free_together_are_named() {
    let model = tiny_with_clash();
    let outcome = run(&model, 1);
    let u = &outcome.plan.unscheduled;
    assert_eq!(u.len(), 1);
    assert_eq!(u[0].id, "w9/1");
    assert_eq!(
        u[0].reason,
        "organisers pe and mondays are never free together"
    );
    assert_eq!(
        outcome.penalty[Term::Unscheduled],
        model.weights[Term::Unscheduled]
    );
}

/// The edition with `partner` unavailable in the week of `monday`.
fn without_week(text: &str, partner: &str, monday: &str, friday: &str) -> Model {
    let mut e: Value = serde_json::from_str(text).unwrap();
    for p in e["partners"].as_array_mut().unwrap() {
        if p["id"] == partner {
            let avail = p
                .as_object_mut()
                .unwrap()
                .entry("availability")
                .or_insert(serde_json::json!({}));
            let except = avail
                .as_object_mut()
                .unwrap()
                .entry("except")
                .or_insert(serde_json::json!([]));
            except
                .as_array_mut()
                .unwrap()
                .push(serde_json::json!({"from": monday, "to": friday}));
        }
    }
    model_of(&e.to_string())
}

#[test]
fn replanning_moves_only_what_the_change_forces() {
    let text = rally_generate::generate_json(1, 11);
    let model = model_of(&text);
    let first = run(&model, 1).plan;
    let week = model.grid.weeks[1];
    let (monday, friday) = (week.to_string(), (week + chrono::Days::new(4)).to_string());
    let busiest = model
        .partners
        .iter()
        .enumerate()
        .max_by_key(|(o, _)| {
            first
                .sessions
                .iter()
                .filter(|s| {
                    let w = model.workshop(&s.workshop).unwrap();
                    model.workshops[w].organisers.contains(o)
                        && s.date >= monday
                        && s.date <= friday
                })
                .count()
        })
        .map(|(_, p)| p.id.clone())
        .unwrap();
    let changed = without_week(&text, &busiest, &monday, &friday);
    let o = changed.partner(&busiest).unwrap();
    let mut forced: Vec<String> = first
        .sessions
        .iter()
        .filter(|s| {
            let w = changed.workshop(&s.workshop).unwrap();
            changed.workshops[w].organisers.contains(&o) && s.date >= monday && s.date <= friday
        })
        .map(|s| s.id.clone())
        .collect();
    assert!(!forced.is_empty());
    let replan = rally_model::replan::Replan::new(&changed, first.clone(), None, None);
    let outcome = plan(
        &changed,
        &Options {
            seed: 1,
            previous: Some(&replan),
            ..Options::default()
        },
    );
    judged(&changed, &outcome);
    assert!(outcome.penalty.replanning);
    assert_eq!(outcome.penalty[Term::Moved], 300 * forced.len() as i64);
    forced.sort();
    let mut moved = outcome.moved.clone();
    moved.sort();
    assert_eq!(moved, forced);
    for s in &outcome.plan.sessions {
        if !forced.contains(&s.id) {
            assert!(first.sessions.contains(s), "{} moved", s.id);
        }
    }
}

#[test]
fn time_limit_still_gives_a_valid_plan() {
    let model = model_of(&rally_generate::generate_json(4, 2));
    let outcome = plan(
        &model,
        &Options {
            seed: 1,
            budget: rally_search::Budget::new(Some(Duration::from_millis(1)), None),
            ..Options::default()
        },
    );
    judged(&model, &outcome);
}

#[test]
fn progress_reports_penalties() {
    let model = model_of(&fixture("tiny.json"));
    let seen = std::sync::Mutex::new(Vec::new());
    let record = |p: i64| seen.lock().unwrap().push(p);
    let outcome = plan(
        &model,
        &Options {
            progress: Some(&record),
            ..Options::default()
        },
    );
    let seen = seen.into_inner().unwrap();
    assert!(!seen.is_empty());
    assert_eq!(*seen.last().unwrap(), outcome.penalty.total);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4))]

    #[test]
    fn generated_editions_get_valid_plans(seed in 0u64..1000, territories in 1usize..3) {
        let model = model_of(&rally_generate::generate_json(territories, seed));
        let outcome = run(&model, seed);
        let again: Plan = outcome.plan.clone();
        prop_assert_eq!(again.sessions.len() + again.unscheduled.len(), model.sessions.len());
    }
}
