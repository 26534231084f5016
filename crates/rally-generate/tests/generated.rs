//! Generated editions are valid, reproducible and realistic in their proportions.

use proptest::prelude::*;
use rally_generate::MAX_TERRITORIES;
use rally_generate::{generate, generate_json, generate_json_with, generate_with, Profile};
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
        validates(&generate_json_with(n, seed, Profile::Tight));
    }
}

#[test]
fn same_seed_same_edition() {
    for profile in Profile::ALL {
        let json = |seed| generate_json_with(3, seed, profile);
        assert_eq!(json(42), json(42));
        assert_ne!(json(42), json(43));
    }
    assert_eq!(
        generate_json(3, 42),
        generate_json_with(3, 42, Profile::Generous)
    );
    assert_ne!(
        generate_json(3, 42),
        generate_json_with(3, 42, Profile::Tight)
    );
}

/// Headcount of the members of `t` who want a certificate with `theme`, and
/// the seats (sessions × max) of the workshops of `t` with it.
fn demand_and_seats(ed: &rally_model::types::Edition, t: &str, theme: &str) -> (u64, u64) {
    let ours = |territory: &Option<String>| territory.as_deref() == Some(t);
    let wants = |certificate: Option<bool>, themes: &Option<Vec<String>>| {
        certificate != Some(false) && themes.as_ref().is_none_or(|l| l.iter().any(|x| x == theme))
    };
    let groups = ed
        .groups
        .iter()
        .filter(|g| ours(&g.territory) && wants(g.certificate, &g.themes))
        .map(|g| u64::from(g.size));
    let people = ed
        .participants
        .iter()
        .filter(|p| ours(&p.territory) && wants(p.certificate, &p.themes))
        .map(|_| 1);
    let seats = ed
        .workshops
        .iter()
        .filter(|w| ours(&w.territory) && w.themes.iter().any(|x| x == theme))
        .map(|w| u64::from(w.sessions.unwrap_or(1)) * u64::from(w.capacity.max))
        .sum();
    (groups.chain(people).sum(), seats)
}

#[test]
fn tight_editions_are_short_of_seats_and_free_days() {
    for seed in 1..=5 {
        let tight = generate_with(4, seed, Profile::Tight);
        let generous = generate_with(4, seed, Profile::Generous);
        for t in &tight.territories {
            // Each département has a theme whose seats hardly meet the
            // demand (trimming stops at one session a workshop), where the
            // generous one has room to spare everywhere.
            let ratios = |ed: &rally_model::types::Edition| -> Vec<f64> {
                rally_model::model::DEFAULT_THEMES
                    .iter()
                    .map(|theme| {
                        let (demand, seats) = demand_and_seats(ed, &t.id, theme);
                        seats as f64 / demand as f64
                    })
                    .collect()
            };
            let scarcest = ratios(&tight).into_iter().fold(f64::MAX, f64::min);
            assert!(
                scarcest < 1.1,
                "{}, seed {seed}: seats {scarcest:.2} × demand",
                t.id
            );
            assert!(ratios(&generous).iter().all(|&r| r > 1.05), "{}", t.id);
        }
        // Most local partners give one to three weekdays.
        let few_days = |ed: &rally_model::types::Edition| {
            let local = ed.partners.iter().filter(|p| p.territory.is_some());
            let narrow = local.clone().filter(|p| {
                let only = p.availability.as_ref().and_then(|a| a.only.as_ref());
                only.is_some_and(|o| {
                    o.iter()
                        .all(|r| r.weekdays.as_ref().is_some_and(|w| w.len() <= 3))
                })
            });
            narrow.count() as f64 / local.count() as f64
        };
        assert!(few_days(&tight) > 0.5, "seed {seed}: {}", few_days(&tight));
        assert!(
            few_days(&generous) < 0.2,
            "seed {seed}: {}",
            few_days(&generous)
        );
    }
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
