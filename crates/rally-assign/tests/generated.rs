//! Courses on generated editions: valid by the checker with its penalty,
//! proven optimal headcount on small editions, same seed → same plan.

mod support;

use proptest::prelude::*;
use rally_assign::{assign, Options};
use rally_model::Model;

/// A generated one-département edition, cut to `participants` and `groups`.
fn edition(seed: u64, participants: usize, groups: usize) -> Model {
    let mut ed = rally_generate::generate(1, seed);
    ed.participants.truncate(participants);
    ed.groups.truncate(groups);
    let text = serde_json::to_string(&ed).expect("serializes");
    rally_model::parse_edition(&text).expect("a valid edition")
}

fn checked(model: &Model, out: &rally_assign::AssignOutcome) {
    let report = rally_check::check(model, &out.plan);
    assert!(report.valid, "{:#?}", report.violations);
    assert_eq!(out.plan.penalty, Some(report.penalty.to_map()));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3))]

    #[test]
    fn every_plan_is_valid_with_the_checkers_penalty(seed in 0u64..1000) {
        let model = edition(seed, 240, 8);
        let plan = support::greedy_programme(&model);
        let out = assign(&model, &plan, &Options { seed, ..Default::default() });
        checked(&model, &out);
        prop_assert!(out.certified.people() <= out.upper_bound);
    }

    #[test]
    fn small_editions_reach_the_exact_optimum(seed in 0u64..1000) {
        let model = edition(seed, 8, 1);
        let plan = support::greedy_programme(&model);
        let out = assign(&model, &plan, &Options::default());
        checked(&model, &out);
        prop_assert!(out.optimal);
        prop_assert_eq!(out.certified.people(), out.upper_bound);
    }
}

#[test]
fn same_seed_same_plan() {
    let model = edition(3, 240, 8);
    let plan = support::greedy_programme(&model);
    let options = Options {
        seed: 11,
        ..Default::default()
    };
    let a = assign(&model, &plan, &options);
    let b = assign(&model, &plan, &options);
    assert_eq!(a.plan, b.plan);
}

/// The assert mode: on fifty generated editions of both profiles, the
/// search's incremental course terms are held to the checker's in debug
/// builds (`assign` asserts it), and the plan it writes is judged here.
#[test]
fn on_fifty_editions_the_assignment_scores_as_the_checker() {
    use rayon::prelude::*;
    (0..50u64).into_par_iter().for_each(|seed| {
        let model = rally_generate::sample(seed, 60);
        let plan = support::greedy_programme(&model);
        let options = Options {
            seed,
            budget: rally_search::Budget::new(None, Some(8)),
            ..Default::default()
        };
        checked(&model, &assign(&model, &plan, &options));
    });
}
