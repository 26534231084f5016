//! Certifiability (the `coverage` search, SPEC §7–§8): members certifiable
//! through one narrow path only, members that are not with the themes
//! `missing` and the reasons `why`, and the search against brute force.

mod common;

use common::*;
use proptest::prelude::*;
use rally_check::{MemberReport, Resolved};
use rally_model::limits::MAX_MINUTES;
use serde_json::{json, Value};

/// Mon 7 to Fri 11 March 2016, default slots (09:00–12:00, 14:00–17:00);
/// themes a and b; wa (a) and wb (b), 150 min, two sessions each; venues v1,
/// v2 (t1, 20 seats) and v3 (t2); roads v1–v2 150, home–v1 10, v2–v3 30;
/// one participant u1 (job-seeker), all defaults.
fn edition() -> Value {
    json!({
        "calendar": {"start": "2016-03-07", "end": "2016-03-11"},
        "themes": [{"id": "a"}, {"id": "b"}],
        "territories": [{"id": "t1"}, {"id": "t2"}],
        "places": [{"id": "home", "territory": "t1"}, {"id": "island", "territory": "t1"}],
        "venues": [{"id": "v1", "territory": "t1", "capacity": 20},
                   {"id": "v2", "territory": "t1", "capacity": 20},
                   {"id": "v3", "territory": "t2", "capacity": 20}],
        "travel": [{"between": ["v1", "v2"], "minutes": 150},
                   {"between": ["home", "v1"], "minutes": 10},
                   {"between": ["v2", "v3"], "minutes": 30}],
        "partners": [{"id": "p1", "kind": "other"}, {"id": "p2", "kind": "other"}],
        "workshops": [
            {"id": "wa", "themes": ["a"], "organisers": ["p1"], "sessions": 2, "duration": 150,
             "capacity": {"min": 1, "max": 20}},
            {"id": "wb", "themes": ["b"], "organisers": ["p2"], "sessions": 2, "duration": 150,
             "capacity": {"min": 1, "max": 20}}],
        "participants": [{"id": "u1", "profile": "job-seeker"}]
    })
}

/// The edition with a group g1 of `size` (max_days `days`) instead of u1.
fn with_group(size: u32, days: u32) -> Value {
    let mut e = edition();
    set(&mut e, "/participants", json!([]));
    set(
        &mut e,
        "/groups",
        json!([{"id": "g1", "size": size, "max_days": days}]),
    );
    e
}

/// A programme placing the given sessions ("wa/1", "2016-03-07", "morning",
/// "v1"); the other sessions of wa and wb are unscheduled.
fn programme(e: &Value, placed: &[(&str, &str, &str, &str)]) -> Value {
    let model = model(e);
    let sessions: Vec<Value> = placed
        .iter()
        .map(|&(id, date, slot, venue)| {
            let s = model.session(id).expect("a session of the edition");
            let day = model
                .grid
                .day(rally_model::calendar::parse_date(date).unwrap())
                .expect("an opening day");
            let at = rally_model::Placement {
                period: model.grid.period(day, model.grid.slot(slot).unwrap()),
                venue: model.venue(venue).unwrap(),
            };
            serde_json::to_value(model.planned_session(s, at)).unwrap()
        })
        .collect();
    let unscheduled: Vec<Value> = model
        .sessions
        .iter()
        .filter(|s| !placed.iter().any(|p| p.0 == s.id))
        .map(|s| json!({"id": s.id, "reason": "left out"}))
        .collect();
    json!({"sessions": sessions, "unscheduled": unscheduled})
}

fn member(e: &Value, plan: &Value) -> MemberReport {
    let report = check(e, plan);
    assert_eq!(report.members.len(), 1);
    report.members[0].clone()
}

fn assert_certifiable(e: &Value, plan: &Value) {
    let m = member(e, plan);
    assert!(m.certifiable, "{m:#?}");
    assert!(!m.certified, "a programme has no courses");
    assert!(m.missing.is_empty() && m.why.is_empty(), "{m:#?}");
}

/// Asserts the member is not certifiable, misses `missing`, and `why` holds
/// every word of `words`.
fn assert_not(e: &Value, plan: &Value, missing: &[&str], words: &[&str]) {
    let m = member(e, plan);
    assert!(!m.certifiable, "{m:#?}");
    assert_eq!(m.missing, missing, "{m:#?}");
    for w in words {
        assert!(m.why.contains(w), "`{w}` not in why: {}", m.why);
    }
}

const MON: &str = "2016-03-07";
const TUE: &str = "2016-03-08";

#[test]
fn back_to_back_sessions_with_exactly_the_travel_time() {
    // u1 is free on Monday only: wa/1 ends at v1 at 11:30, wb/1 starts at v2
    // at 14:00, 150 min later; the road takes 150.
    let mut e = edition();
    set(
        &mut e,
        "/participants/0/availability",
        json!({"only": [{"dates": [MON]}]}),
    );
    let p = programme(
        &e,
        &[
            ("wa/1", MON, "morning", "v1"),
            ("wb/1", MON, "afternoon", "v2"),
            ("wa/2", TUE, "morning", "v1"),
            ("wb/2", TUE, "afternoon", "v1"),
        ],
    );
    assert_certifiable(&e, &p);
    // One minute more on the road: a and b are each reachable, not together.
    set(&mut e, "/travel/0/minutes", json!(151));
    assert_not(&e, &p, &["b"], &["travel", "`a`", "`b`"]);
}

#[test]
fn max_days_forces_two_themes_on_one_day() {
    // g1 may go out on one day only: Monday's wa/1 and wb/2 are the only pair.
    let e = with_group(5, 1);
    let p = programme(
        &e,
        &[
            ("wa/1", MON, "morning", "v1"),
            ("wb/1", TUE, "morning", "v1"),
            ("wb/2", MON, "afternoon", "v1"),
        ],
    );
    assert_certifiable(&e, &p);
    let p = programme(
        &e,
        &[
            ("wa/1", MON, "morning", "v1"),
            ("wb/1", TUE, "morning", "v1"),
        ],
    );
    assert_not(&e, &p, &["b"], &["max_days", "1 days"]);
    // Two days allowed: certifiable again.
    assert_certifiable(&with_group(5, 2), &p);
}

#[test]
fn max_per_day_keeps_apart_sessions_of_one_day() {
    let mut e = edition();
    set(&mut e, "/participants/0/max_per_day", json!(1));
    let monday = [
        ("wa/1", MON, "morning", "v1"),
        ("wb/1", MON, "afternoon", "v1"),
    ];
    assert_not(&e, &programme(&e, &monday), &["b"], &["max_per_day"]);
    let mut both_days = monday.to_vec();
    both_days.push(("wb/2", TUE, "morning", "v1"));
    assert_certifiable(&e, &programme(&e, &both_days));
}

#[test]
fn the_only_sessions_of_a_theme_when_the_member_is_not_available() {
    let mut e = edition();
    set(
        &mut e,
        "/participants/0/availability",
        json!({"only": [{"weekdays": ["tue"]}]}),
    );
    let p = programme(
        &e,
        &[
            ("wa/1", TUE, "morning", "v1"),
            ("wb/1", MON, "morning", "v1"),
        ],
    );
    assert_not(&e, &p, &["b"], &["wb/1", "availability", "only tue"]);
}

#[test]
fn the_only_sessions_of_a_theme_not_for_the_members_audience() {
    let mut e = edition();
    set(&mut e, "/workshops/1/audience", json!(["student"]));
    let p = programme(
        &e,
        &[
            ("wa/1", MON, "morning", "v1"),
            ("wb/1", TUE, "morning", "v1"),
        ],
    );
    assert_not(&e, &p, &["b"], &["audience", "job-seeker"]);
}

#[test]
fn the_only_sessions_of_a_theme_outside_the_members_territory() {
    let mut e = edition();
    set(&mut e, "/participants/0/territory", json!("t1"));
    let p = programme(
        &e,
        &[
            ("wa/1", MON, "morning", "v1"),
            ("wb/1", TUE, "morning", "v3"),
        ],
    );
    assert_not(&e, &p, &["b"], &["territory", "t1"]);
}

#[test]
fn the_only_sessions_of_a_theme_too_small_for_the_group() {
    // g1 has 25 pupils; wa seats 30 at v1, wb 20 at most.
    let mut e = with_group(25, 5);
    set(&mut e, "/venues/0/capacity", json!(30));
    set(&mut e, "/workshops/0/capacity/max", json!(30));
    let p = programme(
        &e,
        &[
            ("wa/1", MON, "morning", "v1"),
            ("wb/1", TUE, "morning", "v1"),
        ],
    );
    assert_not(&e, &p, &["b"], &["capacity", "25 people"]);
}

#[test]
fn the_only_sessions_of_a_theme_beyond_max_travel() {
    // From home: v1 10 min, v2 160 min.
    let mut e = edition();
    set(&mut e, "/participants/0/base", json!("home"));
    set(&mut e, "/participants/0/max_travel", json!(100));
    let p = programme(
        &e,
        &[
            ("wa/1", MON, "morning", "v1"),
            ("wb/1", TUE, "morning", "v2"),
        ],
    );
    assert_not(&e, &p, &["b"], &["max_travel", "home"]);
    set(&mut e, "/participants/0/max_travel", json!(160));
    assert_certifiable(&e, &p);
}

#[test]
fn no_road_from_the_base() {
    let mut e = edition();
    set(&mut e, "/participants/0/base", json!("island"));
    let p = programme(
        &e,
        &[
            ("wa/1", MON, "morning", "v1"),
            ("wb/1", TUE, "morning", "v2"),
        ],
    );
    assert_not(&e, &p, &["a", "b"], &["travel", "no road", "island"]);
}

#[test]
fn a_theme_no_session_covers() {
    let e = edition();
    let p = programme(&e, &[("wa/1", MON, "morning", "v1")]);
    assert_not(&e, &p, &["b"], &["no scheduled session covers `b`"]);
}

#[test]
fn two_sessions_of_one_period_cannot_both_be_attended() {
    // wa/1 and wb/1 both on Monday morning; nothing else.
    let e = edition();
    let p = programme(
        &e,
        &[
            ("wa/1", MON, "morning", "v1"),
            ("wb/1", MON, "morning", "v2"),
        ],
    );
    assert_not(&e, &p, &["b"], &["same periods"]);
}

#[test]
fn huge_roads_and_durations_do_not_wrap_around() {
    // The longest road accepted (larger is bad input, see rally_model::limits)
    // between v1 and v2 never fits in a day.
    let mut e = edition();
    set(
        &mut e,
        "/participants/0/availability",
        json!({"only": [{"dates": [MON]}]}),
    );
    set(&mut e, "/travel/0/minutes", json!(MAX_MINUTES));
    let p = programme(
        &e,
        &[
            ("wa/1", MON, "morning", "v1"),
            ("wb/1", MON, "afternoon", "v2"),
        ],
    );
    assert_not(&e, &p, &["b"], &["travel"]);
    // A workshop as long as a day breaks H4, and the check goes on.
    set(&mut e, "/workshops/1/duration", json!(MAX_MINUTES));
    let report = check(&e, &p);
    assert!(rules(&report).contains("H4"));
    assert!(!report.members[0].certifiable);
}

// ---------------------------------------------------------------------------
// The search against brute force on small random cases.

/// A small deterministic generator (SplitMix64) for the random cases.
struct Dice(u64);

impl Dice {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
}

/// A random small edition (3 days, 3 slots two of which touch, 4 themes, 4
/// venues, 6 workshops, one member) and a random programme of it.
fn random_case(seed: u64) -> (Value, Value) {
    let mut d = Dice(seed);
    let themes = ["a", "b", "c", "d"];
    let venues: Vec<Value> = (0..4)
        .map(|v| {
            json!({"id": format!("v{v}"), "territory": if v == 3 { "t2" } else { "t1" },
                        "capacity": 1 + d.below(12)})
        })
        .collect();
    let mut travel = Vec::new();
    for a in 0..5 {
        for b in a + 1..5 {
            if d.chance(60) {
                let node = |n: usize| {
                    if n == 4 {
                        "home".to_string()
                    } else {
                        format!("v{n}")
                    }
                };
                travel.push(json!({"between": [node(a), node(b)], "minutes": d.below(150)}));
            }
        }
    }
    let profiles = ["student", "job-seeker", "adviser"];
    let workshops: Vec<Value> = (0..6)
        .map(|w| {
            let mut mine: Vec<&str> = themes.iter().copied().filter(|_| d.chance(35)).collect();
            if mine.is_empty() {
                mine.push(themes[d.below(4) as usize]);
            }
            let duration = [60, 90, 120][d.below(3) as usize];
            let mut x = json!({"id": format!("w{w}"), "themes": mine, "organisers": ["p"],
                               "sessions": 1 + d.below(2), "duration": duration,
                               "capacity": {"min": 1, "max": 1 + d.below(12)}});
            if d.chance(20) {
                x["audience"] = json!([profiles[d.below(3) as usize]]);
            }
            x
        })
        .collect();
    let mut member = json!({"id": "m", "profile": profiles[d.below(3) as usize],
                            "max_per_day": 1 + d.below(3)});
    if d.chance(30) {
        member["territory"] = json!("t1");
    }
    if d.chance(50) {
        member["base"] = json!("home");
        if d.chance(50) {
            member["max_travel"] = json!(d.below(200));
        }
    }
    if d.chance(40) {
        let weekday = ["mon", "wed"][d.below(2) as usize];
        member["availability"] = json!({"except": [{"dates": ["2016-03-08"], "slots": ["late"]},
                                                   {"weekdays": [weekday], "slots": ["early"]}]});
    }
    let mut e = json!({
        "calendar": {"start": "2016-03-07", "end": "2016-03-09",
                     "slots": [{"id": "early", "start": "09:00", "end": "11:00"},
                               {"id": "late", "start": "11:00", "end": "13:00"},
                               {"id": "afternoon", "start": "14:00", "end": "16:00"}]},
        "themes": themes.iter().map(|t| json!({"id": t})).collect::<Vec<_>>(),
        "territories": [{"id": "t1"}, {"id": "t2"}],
        "places": [{"id": "home", "territory": "t1"}],
        "venues": venues, "travel": travel,
        "partners": [{"id": "p", "kind": "other"}],
        "workshops": workshops,
    });
    if d.chance(50) {
        member["size"] = json!(1 + d.below(8));
        member["max_days"] = json!(1 + d.below(3));
        member.as_object_mut().unwrap().remove("max_travel");
        e["groups"] = json!([member]);
    } else {
        member["themes"] = json!(["a", "b", "c"]);
        e["participants"] = json!([member]);
    }
    let model = model(&e);
    let mut sessions = Vec::new();
    let mut unscheduled = Vec::new();
    for s in 0..model.sessions.len() {
        if d.chance(80) {
            let at = rally_model::Placement {
                period: d.below(model.grid.n_periods() as u64) as usize,
                venue: d.below(4) as usize,
            };
            sessions.push(serde_json::to_value(model.planned_session(s, at)).unwrap());
        } else {
            unscheduled.push(json!({"id": model.sessions[s].id, "reason": "x"}));
        }
    }
    (e, json!({"sessions": sessions, "unscheduled": unscheduled}))
}

/// The most themes of the member one course validates, by trying every set
/// of sessions against C1, C2, C4 and the member's headcount.
fn brute_force(e: &Value, p: &Value) -> u32 {
    let model = model(e);
    let plan = as_plan(p);
    let offers = Resolved::new(&model, &plan).offers;
    let m = &model.members[0];
    let mut best = 0;
    for subset in 0u32..1 << offers.len() {
        let chosen: Vec<_> = (0..offers.len())
            .filter(|i| subset >> i & 1 == 1)
            .map(|i| offers[i])
            .collect();
        let attendable = chosen.iter().all(|o| {
            let venue = &model.venues[o.at.venue];
            let from_base = m.base.map(|b| model.travel.minutes(b, venue.node));
            m.available.contains(o.at.period)
                && model.admits(o.workshop, m.profile)
                && m.territory.is_none_or(|t| t == venue.territory)
                && o.capacity >= m.headcount
                && from_base.is_none_or(|t| t.is_some_and(|t| m.max_travel.is_none_or(|x| t <= x)))
        });
        if !attendable {
            continue;
        }
        let mut days: Vec<usize> = chosen
            .iter()
            .map(|o| model.grid.day_of(o.at.period))
            .collect();
        let per_day_ok = days
            .iter()
            .all(|d| days.iter().filter(|x| *x == d).count() as u32 <= m.max_per_day);
        days.dedup();
        let mut workshops: Vec<usize> = chosen.iter().map(|o| o.workshop).collect();
        workshops.sort();
        workshops.dedup();
        // Offers come sorted by period: consecutive ones of a day need the road.
        let timely = chosen.windows(2).all(|w| {
            let (a, b) = (w[0], w[1]);
            a.at.period != b.at.period
                && (model.grid.day_of(a.at.period) != model.grid.day_of(b.at.period)
                    || model
                        .venue_travel(a.at.venue, b.at.venue)
                        .is_some_and(|t| a.end + t <= b.start))
        });
        if per_day_ok
            && timely
            && workshops.len() == chosen.len()
            && m.max_days.is_none_or(|x| days.len() as u32 <= x)
        {
            let themes = chosen
                .iter()
                .fold(0, |s, o| s | model.workshops[o.workshop].themes);
            best = best.max((themes & m.themes).count_ones());
        }
    }
    best
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// `certifiable` is exact, and `missing` leaves out as many themes as the
    /// best course can validate.
    #[test]
    fn the_search_agrees_with_brute_force(seed in any::<u64>()) {
        let (e, p) = random_case(seed);
        let m = member(&e, &p);
        let need = model(&e).members[0].themes.count_ones();
        let best = brute_force(&e, &p);
        prop_assert_eq!(m.certifiable, best == need, "{:#?}", m);
        prop_assert_eq!(need - m.missing.len() as u32, best, "{:#?}", m);
        prop_assert_eq!(m.why.is_empty(), m.certifiable);
    }
}
