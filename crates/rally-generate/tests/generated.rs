//! Generated editions are valid, reproducible and realistic in their proportions.

use proptest::prelude::*;
use rally_generate::{generate, generate_json, MAX_TERRITORIES};
use std::time::Instant;

fn validates(json: &str) {
    if let Err(errors) = rally_model::parse_edition(json) {
        let shown: Vec<String> = errors.iter().take(10).map(|e| e.to_string()).collect();
        panic!("{} errors:\n{}", errors.len(), shown.join("\n"));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn every_generated_edition_validates(seed: u64, n in 1usize..4) {
        validates(&generate_json(n, seed));
    }
}

#[test]
fn same_seed_same_edition() {
    assert_eq!(generate_json(3, 42), generate_json(3, 42));
    assert_ne!(generate_json(3, 42), generate_json(3, 43));
}

#[test]
fn proportions_per_departement() {
    for seed in 0..5 {
        let ed = generate(12, seed);
        for t in &ed.territories {
            let ours = |territory: Option<&String>| territory == Some(&t.id);
            let partners = ed
                .partners
                .iter()
                .filter(|p| ours(p.territory.as_ref()))
                .count();
            let workshops: Vec<_> = ed
                .workshops
                .iter()
                .filter(|w| ours(w.territory.as_ref()))
                .collect();
            let co = workshops.iter().filter(|w| w.organisers.len() > 1).count();
            let venues = ed.venues.iter().filter(|v| v.territory == t.id).count();
            let groups = ed
                .groups
                .iter()
                .filter(|g| ours(g.territory.as_ref()))
                .count();
            let people = ed
                .participants
                .iter()
                .filter(|p| ours(p.territory.as_ref()))
                .count();
            assert!(
                (15..=44).contains(&partners),
                "{}: {partners} partners",
                t.id
            );
            assert!(
                (40..=48).contains(&workshops.len()),
                "{}: {} workshops",
                t.id,
                workshops.len()
            );
            let share = co as f64 / workshops.len() as f64;
            assert!((0.2..=0.4).contains(&share), "{}: {co} co-organised", t.id);
            assert!((8..=12).contains(&venues), "{}: {venues} venues", t.id);
            assert!((5..=7).contains(&groups), "{}: {groups} groups", t.id);
            assert!(
                (200..=260).contains(&people),
                "{}: {people} participants",
                t.id
            );
        }
        let regional = ed.partners.iter().filter(|p| p.territory.is_none()).count();
        assert!((6..=9).contains(&regional), "{regional} regional partners");
        assert!(ed
            .workshops
            .iter()
            .any(|w| w.organisers.iter().any(|o| o.starts_with('r'))));
    }
}

#[test]
fn every_partner_kind_in_every_departement() {
    let ed = generate(4, 9);
    for t in &ed.territories {
        for kind in rally_model::model::PARTNER_KINDS {
            assert!(ed
                .partners
                .iter()
                .any(|p| p.territory.as_ref() == Some(&t.id) && p.kind == kind));
        }
    }
}

#[test]
fn all_departements_validate_quickly() {
    let started = Instant::now();
    let json = generate_json(MAX_TERRITORIES, 1);
    let took = started.elapsed();
    validates(&json);
    let ed = generate(MAX_TERRITORIES, 1);
    assert_eq!(ed.territories.len(), 101);
    assert_eq!(ed.territories.last().map(|t| t.id.as_str()), Some("976"));
    eprintln!("101 départements: {} bytes in {took:?}", json.len());
}

#[test]
#[should_panic(expected = "1 to 101 territories")]
fn zero_territories_is_refused() {
    generate(0, 1);
}
