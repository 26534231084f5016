//! The checker's reasons why a member cannot be certified
//! ([`rally_check::explain::Reason`]), in the programme's language: names
//! rather than ids, dates as people write them.

use crate::view::Programme;
use rally_check::certify::Barrier;
use rally_check::explain::{member_availability, Blocked, Limit, Reason, Seen};
use rally_model::calendar::{parse_date, WEEKDAYS};
use rally_model::types::{Availability, Rule};
use rally_model::ThemeSet;

/// Member `m`'s reasons, one sentence each, joined by `. `.
pub fn words(p: &Programme, m: usize, reasons: &[Reason]) -> String {
    reasons
        .iter()
        .map(|r| sentence(p, m, r))
        .collect::<Vec<_>>()
        .join(". ")
}

fn sentence(p: &Programme, m: usize, r: &Reason) -> String {
    let t = &p.texts;
    match r {
        Reason::NoSession { theme } => {
            t.with("why-no-session", &[("theme", themes(p, 1 << theme).into())])
        }
        Reason::OnlyIn {
            theme,
            blocked,
            elsewhere,
        } => {
            let mut clauses: Vec<String> = blocked.iter().map(|b| clause(p, m, b)).collect();
            if *elsewhere > 0 {
                let territory = p.model.members[m]
                    .territory
                    .map_or("", |tr| p.territory_name(tr));
                clauses.push(t.with(
                    "why-elsewhere",
                    &[("n", (*elsewhere).into()), ("territory", territory.into())],
                ));
            }
            let clauses = clauses.join(&t.get("why-and-in"));
            t.with(
                "why-only-in",
                &[
                    ("theme", themes(p, 1 << theme).into()),
                    ("clauses", clauses.into()),
                ],
            )
        }
        Reason::Apart {
            alone,
            others,
            limit,
        } => {
            let names = match others {
                0 => t.with("why-apart-each", &[("alone", themes(p, *alone).into())]),
                _ => t.with(
                    "why-apart-with",
                    &[
                        ("alone", themes(p, *alone).into()),
                        ("others", themes(p, *others).into()),
                    ],
                ),
            };
            let (id, n) = match limit {
                Some(Limit::MaxDays(n)) => ("why-limit-max-days", *n),
                Some(Limit::MaxPerDay(n)) => ("why-limit-max-per-day", *n),
                Some(Limit::Travel) => ("why-limit-travel", 0),
                None => ("why-limit-none", 0),
            };
            t.with(id, &[("names", names.into()), ("n", n.into())])
        }
    }
}

/// Theme names, each in quotes.
fn themes(p: &Programme, set: ThemeSet) -> String {
    p.theme_list(set)
        .into_iter()
        .map(|th| p.texts.with("quoted", &[("text", p.theme_name(th).into())]))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The sessions one barrier keeps from the member, then why.
fn clause(p: &Programme, m: usize, b: &Blocked) -> String {
    let t = &p.texts;
    let member = &p.model.members[m];
    let base = member.base.map_or("", |n| p.node_name(n));
    let tail = match b.barrier {
        Barrier::Territory => t.get("why-territory"),
        Barrier::Audience => {
            let id = rally_model::PROFILES[member.profile];
            let profile = t.name_or("profile", id, id);
            t.with("why-audience", &[("profile", profile.into())])
        }
        Barrier::Capacity => t.with("why-capacity", &[("n", member.headcount.into())]),
        Barrier::Unreachable => t.with("why-unreachable", &[("base", base.into())]),
        Barrier::TooFar => t.with(
            "why-too-far",
            &[
                ("minutes", member.max_travel.unwrap_or(0).into()),
                ("base", base.into()),
            ],
        ),
        Barrier::Unavailable => {
            let a = availability(p, member_availability(p.model, m));
            t.with("why-unavailable", &[("availability", a.into())])
        }
    };
    let mut list = b
        .sessions
        .iter()
        .map(|s| session(p, s))
        .collect::<Vec<_>>()
        .join(", ");
    if b.more > 0 {
        list = t.with("why-more", &[("list", list.into()), ("n", b.more.into())]);
    }
    t.with(
        "why-blocked",
        &[("sessions", list.into()), ("tail", tail.into())],
    )
}

/// `01-w06/1 (mercredi 1er avril, matin, Cité des métiers)`.
fn session(p: &Programme, s: &Seen) -> String {
    p.texts.with(
        "why-session",
        &[
            ("session", p.model.sessions[s.session].id.as_str().into()),
            ("day", p.texts.day(s.date).into()),
            (
                "slot",
                crate::view::lower_first(&p.slot_name(s.slot)).into(),
            ),
            ("venue", p.venue(s.venue).1.into()),
        ],
    )
}

/// An availability in words: `seulement lundi ; sauf mardi 8 mars 2016`.
fn availability(p: &Programme, a: Option<&Availability>) -> String {
    let t = &p.texts;
    let rules = |list: &[Rule]| {
        list.iter()
            .map(|r| rule(p, r))
            .collect::<Vec<_>>()
            .join(&t.get("avail-or"))
    };
    let mut parts = Vec::new();
    if let Some(only) = a.and_then(|a| a.only.as_ref()) {
        parts.push(t.with("avail-only", &[("rules", rules(only).into())]));
    }
    if let Some(except) = a.and_then(|a| a.except.as_ref()).filter(|e| !e.is_empty()) {
        parts.push(t.with("avail-except", &[("rules", rules(except).into())]));
    }
    if parts.is_empty() {
        t.get("avail-always")
    } else {
        parts.join(&t.get("avail-and"))
    }
}

/// One availability rule in words: its weekdays, slots, dates and range.
fn rule(p: &Programme, r: &Rule) -> String {
    let t = &p.texts;
    let date = |d: &str| parse_date(d).map_or(d.to_string(), |d| t.date(d));
    let mut words = Vec::new();
    if let Some(days) = &r.weekdays {
        let names = days
            .iter()
            .map(|d| match WEEKDAYS.iter().position(|w| w == d) {
                Some(i) => t.weekday(i),
                None => d.clone(),
            });
        words.push(names.collect::<Vec<_>>().join(", "));
    }
    if let Some(slots) = &r.slots {
        let names = slots.iter().map(|s| {
            let slot = p.model.grid.slots.iter().position(|x| &x.id == s);
            slot.map_or(s.clone(), |i| crate::view::lower_first(&p.slot_name(i)))
        });
        let slots = names.collect::<Vec<_>>().join(", ");
        words.push(t.with("avail-slots", &[("slots", slots.into())]));
    }
    if let Some(dates) = &r.dates {
        words.push(dates.iter().map(|d| date(d)).collect::<Vec<_>>().join(", "));
    }
    let range = match (&r.from, &r.to) {
        (Some(f), Some(to)) => Some(t.with(
            "avail-from-to",
            &[("from", date(f).into()), ("to", date(to).into())],
        )),
        (Some(f), None) => Some(t.with("avail-from", &[("from", date(f).into())])),
        (None, Some(to)) => Some(t.with("avail-until", &[("to", date(to).into())])),
        (None, None) => None,
    };
    words.extend(range);
    if words.is_empty() {
        t.get("avail-any")
    } else {
        words.join(" ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Lang;
    use rally_model::types::Availability;

    /// The worked example with g01 only free on Mondays: no session it
    /// could attend is then open to it.
    fn monday_only() -> (rally_model::Model, rally_model::Plan) {
        let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../../fixtures/example/");
        let mut e: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(format!("{root}edition.json")).unwrap())
                .unwrap();
        e["groups"][0]["availability"] = serde_json::json!({"only": [{"weekdays": ["mon"]}]});
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("edition.json");
        std::fs::write(&path, e.to_string()).unwrap();
        let model = rally_model::load_edition(&path).unwrap();
        let plan = rally_model::load_plan(format!("{root}plan.json").as_ref()).unwrap();
        (model, plan)
    }

    #[test]
    fn a_member_kept_out_by_its_availability_is_told_so_in_french() {
        let (model, plan) = monday_only();
        let g01 = model.member("g01").unwrap();
        let p = Programme::new(&model, &plan).in_language(Lang::Fr);
        let reasons = &p.report.members[g01].reasons;
        assert!(!reasons.is_empty());
        let text = words(&p, g01, reasons);
        assert!(
            text.contains("n’est proposé que dans w01/1 (jeudi 3 mars, matin, "),
            "{text}"
        );
        assert!(
            text.contains("quand ils ne sont pas disponibles (seulement lundi)"),
            "{text}"
        );
        let en = Programme::new(&model, &plan);
        let text = words(&en, g01, reasons);
        assert!(
            text.contains("is offered only in w01/1 (Thursday 3 March, morning, "),
            "{text}"
        );
        assert!(
            text.contains("when they are not available (only Monday)"),
            "{text}"
        );
        // The JSON's `why` stays the checker's English, from the same reasons.
        assert!(p.report.members[g01]
            .why
            .contains("is offered only in w01/1"));
    }

    #[test]
    fn availabilities_read_in_words() {
        let (model, plan) = monday_only();
        let p = Programme::new(&model, &plan).in_language(Lang::Fr);
        let a = Availability {
            only: Some(vec![Rule {
                weekdays: Some(vec!["tue".into(), "thu".into()]),
                slots: Some(vec!["morning".into()]),
                ..Rule::default()
            }]),
            except: Some(vec![Rule {
                from: Some("2016-03-14".into()),
                to: Some("2016-03-18".into()),
                ..Rule::default()
            }]),
        };
        assert_eq!(
            availability(&p, Some(&a)),
            "seulement mardi, jeudi créneaux matin ; sauf du lundi 14 mars 2016 au vendredi 18 \
                mars 2016"
        );
        assert_eq!(availability(&p, None), "toujours disponibles");
    }
}
