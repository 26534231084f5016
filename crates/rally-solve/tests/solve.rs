//! `solve` on the fixtures, on generated editions and on tightened ones
//! (fewer sessions and seats, so that people are squeezed out): every plan
//! is valid by the checker with the checker's penalty, the search's own
//! score is the checker's, the same seed and effort give the same bytes on
//! one thread or several, and more effort never gives a worse plan.

use proptest::prelude::*;
use rally_model::Model;
use rally_plan::instance::Instance;
use rally_plan::programme::Programme;
use rally_search::Budget;
use rally_solve::{solve, Options, SolveOutcome};
use std::path::PathBuf;

fn fixture(name: &str) -> Model {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../fixtures")
        .join(name);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    rally_model::parse_edition(&text).expect("a valid fixture")
}

/// A generated edition of one département, tightened: `participants` kept,
/// each workshop with half its sessions (at least one) and at most `seats`.
fn tight(seed: u64, participants: usize, seats: u32) -> Model {
    let mut ed = rally_generate::generate(1, seed);
    ed.participants.truncate(participants);
    ed.groups.truncate(2);
    for w in &mut ed.workshops {
        w.sessions = Some(w.sessions.unwrap_or(1).div_ceil(2));
        w.capacity.max = w.capacity.max.min(seats).max(w.capacity.min);
    }
    let text = serde_json::to_string(&ed).expect("serializes");
    rally_model::parse_edition(&text).expect("a valid edition")
}

fn run(model: &Model, seed: u64, effort: Option<u64>) -> SolveOutcome {
    solve(
        model,
        &Options {
            seed,
            budget: Budget::new(None, effort),
            ..Options::default()
        },
    )
}

/// The plan is valid, carries the checker's penalty, and the search's score
/// of it (on indices) is the checker's total.
fn judged(model: &Model, out: &SolveOutcome) {
    let plan = &out.assigned.plan;
    let report = rally_check::check(model, plan);
    assert!(report.valid, "{:#?}", report.violations);
    assert_eq!(plan.penalty, Some(report.penalty.to_map()));
    assert_eq!(out.assigned.penalty, report.penalty);
    assert_eq!(score_of(model, plan), report.penalty.total);
    let bound = out.lower_bound.expect("a bound");
    assert!(bound <= report.penalty.total);
    assert!(out.assigned.upper_bound >= out.assigned.certified.people());
}

/// One week, one venue, one partner, and workshop `w1` with every theme in
/// `sessions` sessions of `seats` seats, for `participants`.
fn one_workshop(sessions: u32, seats: u32, participants: serde_json::Value) -> Model {
    let themes = rally_model::model::DEFAULT_THEMES;
    let edition = serde_json::json!({
        "calendar": {"start": "2016-03-07", "end": "2016-03-11"},
        "territories": [{"id": "87"}],
        "venues": [{"id": "cm", "territory": "87", "capacity": 30}],
        "partners": [{"id": "admr", "kind": "home-care-service"}],
        "workshops": [{"id": "w1", "themes": themes, "organisers": ["admr"],
                       "sessions": sessions, "capacity": {"min": 1, "max": seats}}],
        "participants": participants,
    });
    rally_model::parse_edition(&edition.to_string()).expect("a valid edition")
}

/// One session of `seats` seats, and `people` participants free all week.
fn one_session(seats: u32, people: usize) -> Model {
    let participants: Vec<serde_json::Value> = (0..people)
        .map(|i| serde_json::json!({"id": format!("u{i}"), "profile": "job-seeker"}))
        .collect();
    one_workshop(1, seats, participants.into())
}

/// Editions small enough to solve by hand: the bound is the optimum, and
/// only then is it reached. One seat for one person: a day out (10). One
/// seat for two: the second stays uncertified and misses its seven themes
/// (10 + 1000 + 7 × 100), which the bound finds by pricing the seat.
#[test]
fn the_bound_is_reached_on_editions_solved_by_hand() {
    for (seats, people, optimum) in [(1, 1, 10), (1, 2, 1710), (2, 2, 20)] {
        let model = one_session(seats, people);
        let out = run(&model, 1, Some(50));
        judged(&model, &out);
        assert_eq!(
            out.assigned.penalty.total, optimum,
            "{seats} seat(s), {people}"
        );
        assert_eq!(out.lower_bound, Some(optimum), "{seats} seat(s), {people}");
        assert_eq!(
            out.assigned.upper_bound,
            u64::from(seats),
            "{seats} seat(s)"
        );
    }
}

/// Two participants free only on Monday morning, one workshop with every
/// theme in two sessions of one seat, one venue: only one session can be on
/// Monday morning, so one of them stays uncertified. The optimum is a day
/// out (10), the other left out (1000 + 7 × 100) and the second session's
/// empty seat (underfill 5, which the bound does not count): 1710 + 5. A
/// bound pooling the workshop's seats over its periods would say 20.
#[test]
fn the_bound_knows_the_periods_a_member_can_reach() {
    let monday = serde_json::json!({"only": [{"weekdays": ["mon"], "slots": ["morning"]}]});
    let model = one_workshop(
        2,
        1,
        serde_json::json!([
            {"id": "u0", "profile": "job-seeker", "availability": monday},
            {"id": "u1", "profile": "job-seeker", "availability": monday},
        ]),
    );
    let out = run(&model, 1, Some(200));
    judged(&model, &out);
    assert_eq!(out.assigned.penalty.total, 1715);
    assert_eq!(out.lower_bound, Some(1710));
    assert_eq!(out.assigned.upper_bound, 1);
}

/// [`rally_solve::score::total`] of a written plan, rebuilt on indices.
fn score_of(model: &Model, plan: &rally_model::Plan) -> i64 {
    let instance = Instance::new(model, None);
    let all: Vec<usize> = (0..model.sessions.len()).collect();
    let territories: Vec<usize> = (0..model.territories.len()).collect();
    let mut prog = Programme::new(&instance, &all, &territories);
    let mut at = vec![None; model.sessions.len()];
    for s in &plan.sessions {
        let session = model.session(&s.id).expect("known session");
        let day = rally_model::calendar::parse_date(&s.date).and_then(|d| model.grid.day(d));
        let period = model.grid.period(
            day.expect("an opening day"),
            model.grid.slot(&s.slot).expect("a slot"),
        );
        let placement = rally_model::Placement {
            period,
            venue: model.venue(&s.venue).expect("a venue"),
        };
        at[session] = Some(placement);
        if prog.at[session].is_none() {
            prog.place(session, placement);
        }
    }
    let board = rally_assign::board::Board::from_placements(model, &at);
    let mut courses = vec![Vec::new(); model.members.len()];
    for c in plan.courses.iter().flatten() {
        let m = model.member(&c.member).expect("a member");
        courses[m] = c
            .sessions
            .iter()
            .map(|id| {
                let s = model.session(id).expect("a session");
                board
                    .offers
                    .iter()
                    .position(|o| o.session == s)
                    .expect("an offer")
            })
            .collect();
        courses[m].sort_by_key(|&o| (board.offers[o].at.period, o));
    }
    rally_solve::score::total(&prog, &board, &courses)
}

#[test]
fn fixtures_are_solved_validly() {
    for name in ["tiny.json", "haute-vienne-2016.json"] {
        let model = fixture(name);
        judged(&model, &run(&model, 1, Some(50)));
    }
}

#[test]
fn squeezed_people_make_the_search_move_sessions() {
    let model = tight(7, 200, 10);
    let out = run(&model, 1, Some(200));
    judged(&model, &out);
    assert!(
        out.assigned.penalty[rally_model::Term::Uncertified] > 0,
        "the edition is tight"
    );
    assert!(out.effort > 0);
}

#[test]
fn the_search_spends_its_effort_and_lowers_the_total() {
    let model = tight(11, 150, 10);
    let planner = run(&model, 1, Some(0)).effort;
    let short = run(&model, 1, Some(planner + 5));
    let long = run(&model, 1, Some(planner + 400));
    judged(&model, &long);
    assert_eq!(
        long.effort,
        planner + 400,
        "stops on its effort, not before"
    );
    assert!(!long.cut_short);
    assert!(
        long.assigned.penalty.total < short.assigned.penalty.total,
        "{} then {}",
        short.assigned.penalty.total,
        long.assigned.penalty.total
    );
}

#[test]
fn progress_reports_the_certified_headcount_of_the_best_plan() {
    let model = tight(7, 200, 10);
    let last = std::sync::Mutex::new(Vec::new());
    let certified = |c: u64| last.lock().unwrap().push(c);
    let out = solve(
        &model,
        &Options {
            seed: 1,
            budget: Budget::new(None, Some(200)),
            certified: Some(&certified),
            ..Options::default()
        },
    );
    let report = rally_check::check(&model, &out.assigned.plan);
    let by_checker = report.certified_headcount(&model);
    let seen = last.into_inner().unwrap();
    assert!(!seen.is_empty(), "reported once everyone is routed");
    assert_eq!(seen.last(), Some(&by_checker), "{seen:?}");
}

#[test]
fn same_seed_and_effort_same_bytes_on_one_thread_or_two() {
    let model = tight(3, 150, 12);
    let on = |threads: usize| {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .expect("a pool");
        let out = pool.install(|| run(&model, 5, Some(40)));
        assert!(!out.cut_short);
        serde_json::to_string(&out.assigned.plan).expect("serializes")
    };
    let one = on(1);
    assert_eq!(one, on(2));
    assert_eq!(one, on(2));
}

#[test]
fn a_time_limit_returns_a_valid_plan() {
    let model = tight(4, 200, 10);
    let out = solve(
        &model,
        &Options {
            seed: 1,
            budget: Budget::new(Some(std::time::Duration::from_millis(5)), None),
            ..Options::default()
        },
    );
    judged(&model, &out);
}

#[test]
fn the_cancel_flag_returns_a_valid_plan() {
    let model = tight(5, 200, 10);
    let flag = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(true));
    let out = solve(
        &model,
        &Options {
            seed: 1,
            budget: Budget::new(None, None).with_cancel(flag),
            ..Options::default()
        },
    );
    judged(&model, &out);
    assert!(out.cut_short);
}

/// The assert mode: on fifty generated editions of both profiles, every
/// score the search keeps is held to the checker's in debug builds (see
/// `improve`), and the plan it writes is judged here.
#[test]
fn on_fifty_editions_the_search_scores_as_the_checker() {
    use rayon::prelude::*;
    (0..50u64).into_par_iter().for_each(|seed| {
        let model = rally_generate::sample(seed, 60);
        judged(&model, &run(&model, seed, Some(8)));
    });
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4))]

    #[test]
    fn generated_editions_are_solved_validly(seed in 0u64..1000) {
        let model = tight(seed, 120, 14);
        judged(&model, &run(&model, seed, Some(30)));
    }

    /// Beyond the effort the planner needs, more effort only lets the
    /// improvement go further, and its best plan never gets worse.
    #[test]
    fn more_effort_never_gives_a_worse_plan(seed in 0u64..1000, extra in 1u64..6) {
        let model = tight(seed, 150, 10);
        let planner = run(&model, 1, Some(0)).effort;
        let mut last = i64::MAX;
        for step in 0..3 {
            let out = run(&model, 1, Some(planner + step * extra));
            prop_assert!(out.assigned.penalty.total <= last);
            last = out.assigned.penalty.total;
        }
    }
}
