//! Generated editions can be planned whole, and most members certified, even
//! by a naive greedy planner.

mod common;

use rally_generate::generate_json;

#[test]
fn generated_editions_are_schedulable_and_mostly_certifiable() {
    for (n, seed) in [(1, 1), (2, 7), (3, 11), (4, 12345), (12, 99)] {
        let model = rally_model::parse_edition(&generate_json(n, seed)).expect("valid");
        let (placed, groups, people) = common::greedy_figures(&model);
        eprintln!(
            "N={n} seed={seed}: placed {placed:.3}, groups {groups:.2}, participants {people:.2}"
        );
        assert_eq!(placed, 1.0, "N={n} seed={seed}: every session placed");
        assert!(groups >= 0.75, "N={n} seed={seed}: groups {groups}");
        assert!(people >= 0.9, "N={n} seed={seed}: participants {people}");
    }
}

#[test]
fn haute_vienne_2016_is_comfortably_schedulable() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../fixtures/haute-vienne-2016.json"
    );
    let text = std::fs::read_to_string(path).expect("the fixture is there");
    let model = rally_model::parse_edition(&text).expect("valid");
    assert_eq!(model.workshops.len(), 44);
    assert_eq!(model.members.iter().filter(|m| m.is_group).count(), 6);
    let (placed, groups, people) = common::greedy_figures(&model);
    eprintln!(
        "Haute-Vienne 2016: placed {placed:.3}, groups {groups:.2}, participants {people:.2}"
    );
    assert_eq!(placed, 1.0);
    assert!(groups >= 0.8 && people >= 0.9);
}
