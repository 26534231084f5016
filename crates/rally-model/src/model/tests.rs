//! The compiled model: defaults, slot fitting (H4), placement rules (H1–H4),
//! feasible placements, seats and travel between venues.

use crate::test_edition::{model_with, set};
use crate::Placement;
use serde_json::json;

/// Period of (opening day index, slot index) in the example: days are 1, 2, 3,
/// 7, 8, 9, 10, 11 March; slot 0 morning, 1 afternoon.
fn at(day: usize, slot: usize, venue: usize) -> Placement {
    Placement {
        period: day * 2 + slot,
        venue,
    }
}

#[test]
fn defaults_are_filled_in() {
    let m = model_with(|_| {});
    let w02 = &m.workshops[1];
    assert_eq!(
        (w02.n_sessions, w02.duration, w02.venues.as_ref()),
        (1, None, None)
    );
    assert_eq!(w02.audience, 0b11111, "every profile");
    assert_eq!((m.partners[0].parallel, m.partners[0].max_per_day), (1, 2));
    let g = &m.members[0];
    assert!(g.is_group && g.certificate);
    assert_eq!((g.profile, g.max_per_day, g.max_days), (0, 2, Some(2)));
    assert_eq!(g.themes, 0b111_1111, "rules.certificate: all seven");
    let u = &m.members[1];
    assert_eq!(
        (u.headcount, u.max_travel, u.wishes.clone()),
        (1, Some(45), vec![0])
    );
    assert_eq!(
        m.sessions.iter().map(|s| s.id.as_str()).collect::<Vec<_>>(),
        ["w01/1", "w01/2", "w02/1"]
    );
    assert_eq!(m.theme_sessions_per_week, 1);
    assert_eq!(m.weights, crate::Weights::defaults());
    assert_eq!(m.grid.days.len(), 8);
    assert_eq!(m.grid.weeks.len(), 2);
}

#[test]
fn member_themes_default_to_the_certificate_rule() {
    let m = model_with(|e| {
        set(e, "/rules/certificate", json!(["employers", "realities"]));
        set(e, "/participants/0/themes", json!(["career"]));
    });
    assert_eq!(m.members[0].themes, 0b11);
    assert_eq!(m.members[1].themes, 1 << 6);
}

#[test]
fn a_session_lasts_its_duration_or_its_slot() {
    // Afternoon 13:00–17:30 (270 min); w01 lasts 150, w02 the slot's length.
    let m = model_with(|e| {
        set(
            e,
            "/calendar/slots/1",
            json!({"id": "afternoon", "start": "13:00", "end": "17:30"}),
        );
    });
    assert_eq!(m.times_in(0, 0), (540, 690));
    assert_eq!(m.times_in(1, 0), (540, 720));
    assert_eq!(m.times_in(1, 1), (780, 1050));
    let s = m.planned_session(2, at(4, 1, 1));
    assert_eq!(
        (
            s.date.as_str(),
            s.slot.as_str(),
            s.start.as_str(),
            s.end.as_str()
        ),
        ("2016-03-08", "afternoon", "13:00", "17:30")
    );
}

#[test]
fn a_session_must_fit_its_slot() {
    // w02 lasts 180: it fits 09:00–12:00 exactly, not a 150-min morning.
    let m = model_with(|e| {
        set(e, "/workshops/1/duration", json!(180));
        set(
            e,
            "/calendar/slots/0",
            json!({"id": "morning", "start": "09:30", "end": "12:00"}),
        );
    });
    let problems = m.placement_problems(1, at(0, 0, 1));
    assert_eq!(problems.iter().map(|p| p.0).collect::<Vec<_>>(), ["H4"]);
    assert!(m.placement_problems(1, at(0, 1, 1)).is_empty());
    assert!(!m.open_periods(1).contains(0));
    assert!(m.open_periods(1).contains(1));
}

#[test]
fn placement_problems_name_every_rule_broken() {
    let m = model_with(|_| {});
    // w01 on Wed 2 March (pe away) at mde (not allowed, no kitchen, 12 seats ≥ 4).
    let problems = m.placement_problems(0, at(1, 0, 1));
    let rules: Vec<&str> = problems.iter().map(|p| p.0).collect();
    assert_eq!(rules, ["H2", "H3", "H3"], "{problems:?}");
    assert!(problems[0].1.contains("pe"));
    assert!(m.placement_problems(0, at(2, 0, 0)).is_empty());
}

#[test]
fn feasible_placements_keep_h1_to_h4() {
    let m = model_with(|_| {});
    // w01: cm only, on tue/thu (pe): 1, 3, 8, 10 March, both slots.
    let w01 = m.feasible_placements(0);
    assert_eq!(w01.len(), 8);
    assert!(w01
        .iter()
        .all(|p| p.venue == 0 && m.placement_problems(0, *p).is_empty()));
    assert!(w01.windows(2).all(|w| w[0] < w[1]), "in period order");
    // w02: both venues, every period.
    assert_eq!(m.feasible_placements(1).len(), 32);
    assert_eq!(m.allowed_venues(0), [0]);
}

#[test]
fn seats_are_the_smaller_of_workshop_max_and_venue_capacity() {
    let m = model_with(|_| {});
    assert_eq!(m.capacity_at(0, 0), 15);
    assert_eq!(m.capacity_at(1, 0), 12);
    assert_eq!(m.capacity_at(1, 1), 12);
}

#[test]
fn travel_between_venues_takes_the_shortest_path() {
    // lycee–cm 15, cm–mde 40: lycee→mde 55; a direct lycee–mde road of 60 is slower.
    let m = model_with(|e| {
        set(
            e,
            "/travel/2",
            json!({"between": ["lycee", "mde"], "minutes": 60}),
        );
    });
    let (lycee, cm, mde) = (
        m.node("lycee").unwrap(),
        m.node("cm").unwrap(),
        m.node("mde").unwrap(),
    );
    assert_eq!(m.travel.minutes(lycee, mde), Some(55));
    assert_eq!(m.travel.minutes(mde, lycee), Some(55));
    assert_eq!(m.travel.minutes(cm, cm), Some(0));
    assert_eq!(m.venue_travel(0, 1), Some(40));
    let m = model_with(|e| set(e, "/travel", json!([])));
    assert_eq!(m.venue_travel(0, 1), None);
    assert_eq!(m.venue_travel(1, 1), Some(0));
}

#[test]
fn availability_becomes_period_sets() {
    let m = model_with(|e| {
        set(
            e,
            "/venues/1/availability",
            json!({"only": [{"from": "2016-03-08"}],
                   "except": [{"weekdays": ["wed"], "slots": ["morning"]}]}),
        );
    });
    // pe: tue/thu → days 0 (Tue 1), 2 (Thu 3), 4 (Tue 8), 6 (Thu 10).
    let pe: Vec<usize> = m.partners[1].available.ones().collect();
    assert_eq!(pe, [0, 1, 4, 5, 8, 9, 12, 13]);
    // mde from 8 March (day 4), except Wednesday 9 morning (period 10).
    let mde: Vec<usize> = m.venues[1].available.ones().collect();
    assert_eq!(mde, [8, 9, 11, 12, 13, 14, 15]);
    // A missing availability: every period.
    assert_eq!(m.venues[0].available.count_ones(..), 16);
}

#[test]
fn ids_resolve_to_indices() {
    let m = model_with(|_| {});
    assert_eq!(
        (
            m.node("lycee"),
            m.node("cm"),
            m.venue("cm"),
            m.venue("lycee")
        ),
        (Some(0), Some(1), Some(0), None)
    );
    assert_eq!(
        (m.member("g01"), m.member("u0001"), m.session("w02/1")),
        (Some(0), Some(1), Some(2))
    );
    assert_eq!(m.pin_of(0), Some(at(2, 0, 0)));
    assert_eq!(m.theme_names(0b11), ["employers", "realities"]);
}
