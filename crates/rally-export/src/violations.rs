//! The checker's violations ([`rally_check::what::What`]) in the programme's
//! language: names rather than ids, dates as people write them.

use crate::view::{lower_first, Programme};
use rally_check::what::{Field, Late, What, When};
use rally_check::Violation;
use rally_model::placement::Problem;
use rally_model::replan::Standing;
use rally_model::Member;

/// One violation in words.
pub fn words(p: &Programme, v: &Violation) -> String {
    let t = &p.texts;
    let m = p.model;
    let venue = |x: usize| p.venue(x).1.to_string();
    let partner = |o: usize| m.partners[o].name.clone();
    let member = |x: usize| member_name(&m.members[x]).to_string();
    let when = |w: &When| when(p, w);
    let date = |d| t.date(d);
    let named = |id: &str| m.member(id).map_or(id.to_string(), member);
    let (id, args): (&str, Vec<(&str, fluent_bundle::FluentValue)>) = match &v.what {
        What::Unplanned { session: s } => {
            ("viol-unplanned", vec![("session", session(p, s).into())])
        }
        What::Repeated { session: s, n } => (
            "viol-repeated",
            vec![("session", session(p, s).into()), ("n", (*n).into())],
        ),
        What::NotASession { session: s } => ("viol-not-a-session", vec![("session", s.into())]),
        What::Fields { session: s, wrong } => {
            let fields: Vec<String> = wrong.iter().map(|f| field(p, f)).collect();
            (
                "viol-fields",
                vec![
                    ("session", session(p, s).into()),
                    ("fields", fields.join(&t.get("viol-fields-and")).into()),
                ],
            )
        }
        What::NotAMember { member: x } => ("viol-not-a-member", vec![("member", x.into())]),
        What::TwoCourses { member: x } => ("viol-two-courses", vec![("member", named(x).into())]),
        What::ListedTwice {
            member: x,
            session: s,
        } => (
            "viol-listed-twice",
            vec![
                ("member", named(x).into()),
                ("session", session(p, s).into()),
            ],
        ),
        What::NotScheduled {
            member: x,
            session: s,
        } => (
            "viol-not-scheduled",
            vec![
                ("member", named(x).into()),
                ("session", session(p, s).into()),
            ],
        ),
        What::ClosedDay {
            session: s,
            date: d,
        } => {
            let d = rally_model::calendar::parse_date(d).map_or(d.clone(), date);
            (
                "viol-closed-day",
                vec![("session", session(p, s).into()), ("date", d.into())],
            )
        }
        What::UnknownSlot { session: s, slot } => (
            "viol-unknown-slot",
            vec![("session", session(p, s).into()), ("slot", slot.into())],
        ),
        What::UnknownVenue { session: s, venue } => (
            "viol-unknown-venue",
            vec![("session", session(p, s).into()), ("venue", venue.into())],
        ),
        What::Placement {
            session: s,
            workshop,
            venue: x,
            when: w,
            problem,
        } => (
            "viol-placement",
            vec![
                ("session", session(p, s).into()),
                ("when", when(w).into()),
                ("venue", venue(*x).into()),
                ("problem", placement(p, *workshop, *x, problem).into()),
            ],
        ),
        What::VenueTaken {
            venue: x,
            n,
            when: w,
        } => (
            "viol-venue-taken",
            vec![
                ("venue", venue(*x).into()),
                ("n", (*n).into()),
                ("when", when(w).into()),
            ],
        ),
        What::PartnerParallel {
            partner: o,
            n,
            when: w,
            limit,
        } => (
            "viol-partner-parallel",
            vec![
                ("partner", partner(*o).into()),
                ("n", (*n).into()),
                ("when", when(w).into()),
                ("limit", (*limit).into()),
            ],
        ),
        What::PartnerDaily {
            partner: o,
            n,
            date: d,
            limit,
        } => (
            "viol-partner-daily",
            vec![
                ("partner", partner(*o).into()),
                ("n", (*n).into()),
                ("date", date(*d).into()),
                ("limit", (*limit).into()),
            ],
        ),
        What::PartnerLate {
            partner: o,
            late: l,
            date: d,
        } => (
            "viol-partner-late",
            vec![
                ("partner", partner(*o).into()),
                ("late", late(p, l).into()),
                ("date", date(*d).into()),
            ],
        ),
        What::Pinned {
            session: s,
            when: w,
            venue: x,
        } => (
            "viol-pinned",
            vec![
                ("session", session(p, s).into()),
                ("when", when(w).into()),
                ("venue", venue(*x).into()),
            ],
        ),
        What::Unavailable {
            member: x,
            session: s,
            when: w,
        } => (
            "viol-unavailable",
            vec![
                ("member", member(*x).into()),
                ("session", session(p, s).into()),
                ("when", when(w).into()),
            ],
        ),
        What::Audience {
            member: x,
            session: s,
        } => {
            let id = rally_model::PROFILES[m.members[*x].profile];
            (
                "viol-audience",
                vec![
                    ("member", member(*x).into()),
                    ("session", session(p, s).into()),
                    ("profile", t.name_or("profile", id, id).into()),
                ],
            )
        }
        What::Territory {
            member: x,
            session: s,
            venue: y,
        } => {
            let own = m.members[*x]
                .territory
                .map_or("", |tr| p.territory_name(tr));
            (
                "viol-territory",
                vec![
                    ("member", member(*x).into()),
                    ("session", session(p, s).into()),
                    ("venue", venue(*y).into()),
                    ("territory", p.territory_name(m.venues[*y].territory).into()),
                    ("own", own.into()),
                ],
            )
        }
        What::TooFar {
            member: x,
            session: s,
            venue: y,
            minutes,
        } => (
            "viol-too-far",
            vec![
                ("member", member(*x).into()),
                ("session", session(p, s).into()),
                ("venue", venue(*y).into()),
                ("minutes", (*minutes).into()),
                ("max", m.members[*x].max_travel.unwrap_or(0).into()),
            ],
        ),
        What::NoRoad {
            member: x,
            session: s,
            venue: y,
        } => (
            "viol-no-road",
            vec![
                ("member", member(*x).into()),
                ("session", session(p, s).into()),
                ("venue", venue(*y).into()),
                (
                    "base",
                    m.members[*x].base.map_or("", |b| p.node_name(b)).into(),
                ),
            ],
        ),
        What::Seats {
            session: s,
            taken,
            seats,
        } => (
            "viol-seats",
            vec![
                ("session", session(p, s).into()),
                ("taken", (*taken).into()),
                ("seats", (*seats).into()),
            ],
        ),
        What::SamePeriod {
            member: x,
            n,
            when: w,
        } => (
            "viol-same-period",
            vec![
                ("member", member(*x).into()),
                ("n", (*n).into()),
                ("when", when(w).into()),
            ],
        ),
        What::MemberDaily {
            member: x,
            n,
            date: d,
        } => (
            "viol-member-daily",
            vec![
                ("member", member(*x).into()),
                ("n", (*n).into()),
                ("date", date(*d).into()),
                ("limit", m.members[*x].max_per_day.into()),
            ],
        ),
        What::SameWorkshop {
            member: x,
            workshop,
            n,
        } => (
            "viol-same-workshop",
            vec![
                ("member", member(*x).into()),
                ("workshop", m.workshops[*workshop].title.as_str().into()),
                ("n", (*n).into()),
            ],
        ),
        What::Days { member: x, n } => (
            "viol-days",
            vec![
                ("member", member(*x).into()),
                ("n", (*n).into()),
                ("limit", m.members[*x].max_days.unwrap_or(0).into()),
            ],
        ),
        What::MemberLate { member: x, late: l } => (
            "viol-member-late",
            vec![("member", member(*x).into()), ("late", late(p, l).into())],
        ),
        What::Frozen {
            session: s,
            old,
            new,
            date: d,
        } => (
            "viol-frozen",
            vec![
                ("session", session(p, s).into()),
                ("old", standing(p, old.as_ref()).into()),
                ("new", standing(p, new.as_ref()).into()),
                ("date", date(*d).into()),
            ],
        ),
        What::FrozenCourse {
            member: x,
            extra,
            lacking,
            date: d,
            attended,
        } => {
            let list = |ids: &[String]| {
                let named: Vec<String> = ids.iter().map(|s| session(p, s)).collect();
                named.join(", ")
            };
            let mut what = Vec::new();
            if !extra.is_empty() {
                what.push(t.with("viol-frozen-extra", &[("sessions", list(extra).into())]));
            }
            if !lacking.is_empty() {
                what.push(t.with("viol-frozen-lacking", &[("sessions", list(lacking).into())]));
            }
            let source = if *attended { "attended" } else { "plan" };
            (
                "viol-frozen-course",
                vec![
                    ("member", member(*x).into()),
                    ("date", date(*d).into()),
                    ("what", what.join(&t.get("viol-frozen-and")).into()),
                    ("source", source.into()),
                ],
            )
        }
    };
    t.with(id, &args)
}

/// Why the workshop may not be placed there then.
pub(crate) fn placement(p: &Programme, workshop: usize, venue: usize, problem: &Problem) -> String {
    let t = &p.texts;
    let (w, v) = (&p.model.workshops[workshop], &p.model.venues[venue]);
    match problem {
        Problem::WorkshopAway => t.get("viol-workshop-away"),
        Problem::OrganiserAway(o) => t.with(
            "viol-organiser-away",
            &[("partner", p.model.partners[*o].name.as_str().into())],
        ),
        Problem::VenueAway => t.get("viol-venue-away"),
        Problem::NotAmongVenues => t.get("viol-not-among-venues"),
        Problem::LacksFeature(need) => {
            t.with("viol-lacks-feature", &[("feature", need.as_str().into())])
        }
        Problem::OutsideTerritory => t.with(
            "viol-outside-territory",
            &[
                ("territory", p.territory_name(v.territory).into()),
                (
                    "own",
                    w.territory.map_or("", |tr| p.territory_name(tr)).into(),
                ),
            ],
        ),
        Problem::TooSmall => t.with(
            "viol-too-small",
            &[("capacity", v.capacity.into()), ("min", w.min.into())],
        ),
        Problem::TooLong { duration, slot } => t.with(
            "viol-too-long",
            &[
                ("duration", (*duration).into()),
                ("slot", lower_first(&p.slot_name(*slot)).into()),
                ("minutes", p.model.grid.slots[*slot].len().into()),
            ],
        ),
    }
}

/// One field of a session that differs from the edition's.
fn field(p: &Programme, f: &Field) -> String {
    let t = &p.texts;
    let hhmm = rally_model::calendar::format_hhmm;
    match f {
        Field::Workshop { given, edition } => t.with(
            "viol-field-workshop",
            &[
                ("given", given.as_str().into()),
                ("workshop", p.model.workshops[*edition].id.as_str().into()),
            ],
        ),
        Field::Times { given, edition } => t.with(
            "viol-field-times",
            &[
                ("given", format!("{}–{}", given.0, given.1).into()),
                (
                    "edition",
                    format!("{}–{}", hhmm(edition.0), hhmm(edition.1)).into(),
                ),
            ],
        ),
        Field::Capacity { given, edition } => t.with(
            "viol-field-capacity",
            &[("given", (*given).into()), ("edition", (*edition).into())],
        ),
    }
}

/// A member's name, its id when it has none.
fn member_name(m: &Member) -> &str {
    if m.name.is_empty() {
        &m.id
    } else {
        &m.name
    }
}

/// `w01/1 (« Cuisine collective »)`: the session and its workshop's title.
pub(crate) fn session(p: &Programme, id: &str) -> String {
    match p.model.session(id) {
        Some(s) => {
            let title = &p.model.workshops[p.model.sessions[s].workshop].title;
            p.texts.with(
                "viol-session",
                &[("session", id.into()), ("title", title.as_str().into())],
            )
        }
        None => id.to_string(),
    }
}

/// `mardi 13 mai 2025 (matin)`.
fn when(p: &Programme, w: &When) -> String {
    p.texts.with(
        "viol-when",
        &[
            ("date", p.texts.date(w.date).into()),
            ("slot", lower_first(&p.slot_name(w.slot)).into()),
        ],
    )
}

/// Where a plan has a session (F1): `le mardi 8 mars 2016 (matin) à Cité des
/// métiers`, among the unscheduled ones, or nowhere. Ids the edition does not
/// know are shown as they are.
fn standing(p: &Programme, at: Option<&Standing>) -> String {
    let t = &p.texts;
    let Some(at) = at else {
        return t.get("viol-standing-nowhere");
    };
    let Standing::Placed { date, slot, venue } = at else {
        return t.get("viol-standing-unscheduled");
    };
    let day = rally_model::calendar::parse_date(date).map_or(date.clone(), |d| t.date(d));
    let slot = p
        .model
        .grid
        .slot(slot)
        .map_or(slot.clone(), |x| lower_first(&p.slot_name(x)));
    let venue = p
        .model
        .venue(venue)
        .map_or(venue.clone(), |x| p.venue(x).1.to_string());
    let when = t.with("viol-when", &[("date", day.into()), ("slot", slot.into())]);
    t.with(
        "viol-standing",
        &[("when", when.into()), ("venue", venue.into())],
    )
}

/// The road between two sessions of one day, too long for the time between.
fn late(p: &Programme, l: &Late) -> String {
    let t = &p.texts;
    let road = match l.road {
        Some(minutes) => t.with("viol-road", &[("minutes", minutes.into())]),
        None => t.get("viol-no-road-between"),
    };
    t.with(
        "viol-late",
        &[
            ("from", p.venue(l.from).1.into()),
            ("to", p.venue(l.to).1.into()),
            ("gap", l.gap.into()),
            ("road", road.into()),
        ],
    )
}

#[cfg(test)]
mod tests {
    use crate::{findings, Lang, Programme};

    /// The worked example with w01/1 moved to Friday 4 March (closed), w01/2
    /// given 14 seats rather than 15, its
    /// group one person larger than w02/1 seats, u0001 sent to w01 twice, and
    /// a course for zz, who is not a member.
    fn broken() -> (rally_model::Model, rally_model::Plan) {
        let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../../fixtures/example/");
        let read = |f: &str| std::fs::read_to_string(format!("{root}{f}")).unwrap();
        let mut e: serde_json::Value = serde_json::from_str(&read("edition.json")).unwrap();
        e["groups"][0]["size"] = 12.into();
        let mut p: serde_json::Value = serde_json::from_str(&read("plan.json")).unwrap();
        p["sessions"][0]["date"] = "2016-03-04".into();
        p["sessions"][1]["capacity"] = 14.into();
        p["courses"][1]["sessions"] = serde_json::json!(["w01/1", "w01/2", "w02/1"]);
        let stranger = serde_json::json!({"member": "zz", "sessions": []});
        p["courses"].as_array_mut().unwrap().push(stranger);
        load(&e, &p)
    }

    /// The worked example's edition and plan, as read from these JSON values.
    fn load(
        e: &serde_json::Value,
        p: &serde_json::Value,
    ) -> (rally_model::Model, rally_model::Plan) {
        let dir = tempfile::tempdir().unwrap();
        let (ed, pl) = (dir.path().join("e.json"), dir.path().join("p.json"));
        std::fs::write(&ed, e.to_string()).unwrap();
        std::fs::write(&pl, p.to_string()).unwrap();
        let model = rally_model::load_edition(&ed).unwrap();
        (model, rally_model::load_plan(&pl).unwrap())
    }

    /// The worked example with afternoons of two hours and 180 minutes of road
    /// between Limoges and Bellac: w01/2 (150 min) moved to the afternoon of
    /// Thursday 10 March (H4), and w02/1 to the afternoon of Thursday 3 March
    /// at Bellac, after ADMR's morning session in Limoges (H7).
    /// The rule and English message of each violation in `check --json`.
    fn json_messages(report: &rally_check::Report) -> Vec<(String, String)> {
        let json: serde_json::Value = serde_json::from_str(&report.to_json()).unwrap();
        let text = |v: &serde_json::Value, key: &str| v[key].as_str().unwrap().to_string();
        json["violations"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| (text(v, "rule"), text(v, "message")))
            .collect()
    }

    #[test]
    fn h4_and_h7_read_in_french_and_the_json_keeps_the_english() {
        let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../../fixtures/example/");
        let read = |f: &str| std::fs::read_to_string(format!("{root}{f}")).unwrap();
        let mut e: serde_json::Value = serde_json::from_str(&read("edition.json")).unwrap();
        e["calendar"]["slots"][1]["end"] = "16:00".into();
        e["travel"][1]["minutes"] = 180.into();
        let mut p: serde_json::Value = serde_json::from_str(&read("plan.json")).unwrap();
        let w01 = &mut p["sessions"][1];
        w01["date"] = "2016-03-10".into();
        w01["slot"] = "afternoon".into();
        w01["start"] = "14:00".into();
        w01["end"] = "16:30".into();
        p["sessions"][2]["date"] = "2016-03-03".into();
        p["sessions"][2]["end"] = "16:00".into();
        let (model, plan) = load(&e, &p);
        let fr = Programme::new(&model, &plan).in_language(Lang::Fr);
        let text = findings::check_text(&fr);
        for expected in [
            "La session w01/2 (« A morning with a home helper ») ne peut pas avoir lieu le jeudi \
             10 mars 2016 (après-midi) à Cité des métiers, Limoges : l’atelier dure 150 min, plus \
             que le créneau après-midi (120 min)",
            "ADMR Haute-Vienne doit aller de Cité des métiers, Limoges à Maison de l'emploi, \
             Bellac avec 150 min entre deux sessions, alors que la route prend 180 min, le jeudi 3 \
             mars 2016",
        ] {
            assert!(text.contains(expected), "{expected}\nnot in\n{text}");
        }
        let rules: Vec<&str> = fr
            .report
            .violations
            .iter()
            .map(|v| v.rule.as_str())
            .collect();
        assert!(rules.contains(&"H4") && rules.contains(&"H7"), "{rules:?}");
        // Names, not ids: neither line names a venue, partner or slot by its id.
        let lines = text
            .lines()
            .filter(|l| l.contains("ne peut pas avoir lieu") || l.contains("ADMR Haute-Vienne"));
        for line in lines {
            for id in ["cm", "mde", "admr", "afternoon", "2016-03-"] {
                assert!(!line.contains(id), "{id} in {line}");
            }
        }
        let en = findings::check_text(&Programme::new(&model, &plan));
        assert!(
            en.contains("the workshop lasts 150 min, longer than the afternoon slot (120 min)"),
            "{en}"
        );
        let messages: Vec<String> = json_messages(&fr.report)
            .into_iter()
            .map(|(_, message)| message)
            .collect();
        for english in [
            "session w01/2: workshop w01 lasts 150 min, longer than the afternoon slot (120 min)",
            "partner admr goes from cm to mde with 150 min between sessions; the road takes \
             180 min on 2016-03-03",
        ] {
            assert!(
                messages.iter().any(|m| m == english),
                "{english} not in {messages:?}"
            );
        }
    }

    #[test]
    fn broken_rules_read_in_french_and_the_json_keeps_the_english() {
        let (model, plan) = broken();
        let p = Programme::new(&model, &plan).in_language(Lang::Fr);
        let text = findings::check_text(&p);
        for expected in [
            "La session w01/1 (« A morning with a home helper ») est placée le \
             vendredi 4 mars 2016, qui n’est pas un jour d’ouverture du rallye",
            "La session w01/1 (« A morning with a home helper ») ne peut pas avoir lieu le \
             vendredi 4 mars 2016 (matin) à Cité des métiers, Limoges : France Travail Limoges, qui \
             l’organise, n’est pas disponible à ce moment-là",
            "Lycée Limosin, 1st year suit w01/1 (« A morning with a home helper ») le \
             vendredi 4 mars 2016 (matin), alors qu’à ce moment-là ce membre n’est pas disponible",
            "suit l’atelier « A morning with a home helper » 2 fois",
            "La session w02/1 (« Meet the employers ») reçoit 13 personnes pour 12 places",
            "Le plan donne un parcours à « zz », qui n’est pas membre de l’édition",
            "La session w01/2 (« A morning with a home helper ») ne correspond pas à \
             l’édition : ses places sont 14, l’édition en donne 15",
        ] {
            assert!(text.contains(expected), "{expected}\nnot in\n{text}");
        }
        // The JSON's messages stay the checker's English.
        let messages: Vec<String> = json_messages(&p.report)
            .into_iter()
            .map(|(_, message)| message)
            .collect();
        for english in [
            "session w01/1: 2016-03-04 is not an opening day of the rally",
            "session w01/1: organiser pe is not available on Fri 2016-03-04 morning",
            "g01 attends w01/1 on Fri 2016-03-04 morning, when it is not available",
            "u0001 attends workshop w01 2 times",
            "session w02/1 has 13 people for 12 seats",
            "course of zz, who is not a member of the edition",
            "session w01/2: capacity is 14, the edition gives 15",
        ] {
            assert!(
                messages.iter().any(|m| m == english),
                "{english} not in {messages:?}"
            );
            assert!(!text.contains(english), "{english} in the French text");
        }
        let en = findings::check_text(&Programme::new(&model, &plan));
        assert!(en.contains("is placed on Friday 4 March 2016, which is not an opening day"));
    }

    /// The worked example re-planned with the plan frozen until Tuesday 8
    /// March: w01/1, run on 3 March, moved to 1 March (F1); u0001 given
    /// w01/1, which it did not attend, and g01 left without w02/1, which it
    /// attended (F2).
    #[test]
    fn frozen_rules_read_in_french_and_the_json_keeps_the_english() {
        let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../../fixtures/example/");
        let model = rally_model::load_edition(format!("{root}edition.json").as_ref()).unwrap();
        let old = rally_model::load_plan(format!("{root}plan.json").as_ref()).unwrap();
        let mut plan = old.clone();
        plan.sessions[0].date = "2016-03-01".into();
        plan.courses.as_mut().unwrap()[0].sessions = vec!["w01/1".into()];
        plan.courses.as_mut().unwrap()[1]
            .sessions
            .push("w01/1".into());
        let frozen = chrono::NaiveDate::from_ymd_opt(2016, 3, 8);
        let replan = rally_model::replan::Replan::new(&model, old, frozen, None);
        let fr = Programme::new_from(&model, &plan, Some(&replan)).in_language(Lang::Fr);
        let text = findings::check_text(&fr);
        for expected in [
            "La session w01/1 (« A morning with a home helper ») se trouve le jeudi 3 mars 2016 \
             (matin) à Cité des métiers, Limoges dans le plan publié, mais le mardi 1er mars \
             2016 (matin) à Cité des métiers, Limoges dans ce plan ; ce qui est daté du mardi 8 \
             mars 2016 ou avant reste là où cela a eu lieu",
            "Le parcours de Lycée Limosin, 1st year jusqu’au mardi 8 mars 2016 omet w02/1 \
             (« Meet the employers »), où ce membre est venu (d’après le plan publié)",
            "Le parcours de u0001 jusqu’au mardi 8 mars 2016 compte w01/1 (« A morning with a \
             home helper »), où ce membre n’est pas venu (d’après le plan publié)",
        ] {
            assert!(text.contains(expected), "{expected}\nnot in\n{text}");
        }
        let en = findings::check_text(&Programme::new_from(&model, &plan, Some(&replan)));
        assert!(
            en.contains("the course of u0001 up to Tuesday 8 March 2016 lists w01/1"),
            "{en}"
        );
        // The JSON's messages are the checker's English, as they were when
        // F1 and F2 had no facts behind them.
        let frozen: Vec<String> = json_messages(&fr.report)
            .into_iter()
            .filter(|(rule, _)| rule.starts_with('F'))
            .map(|(_, message)| message)
            .collect();
        assert_eq!(
            frozen,
            [
                "session w01/1 stands at Thu 2016-03-03 morning, cm in OLD_PLAN but at \
                 Tue 2016-03-01 morning, cm in PLAN; what is dated on or before 2016-03-08 \
                 stands where it ran",
                "g01's course leaves out w02/1 that it attended up to 2016-03-08 (per OLD_PLAN)",
                "u0001's course lists w01/1 that it did not attend up to 2016-03-08 \
                 (per OLD_PLAN)",
            ]
        );
    }
}
