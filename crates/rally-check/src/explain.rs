//! Why a member cannot be certified, in words a rally leader can act on.

use crate::certify::{barrier, reach_themes, Barrier, Limits, Reach};
use crate::resolve::{Offer, OfferIndex};
use rally_model::types::{Availability, Rule};
use rally_model::{Model, ThemeSet};
use std::collections::BTreeMap;

/// One sentence per missing theme, or one about the limits that keep the
/// themes apart; `reach` is the member's search result on `offers`.
pub fn why(model: &Model, member: usize, offers: &OfferIndex, reach: Reach) -> String {
    let m = &model.members[member];
    let mine = offers.for_member(model, member);
    let missing = m.themes & !reach.best;
    let mut reasons = Vec::new();
    let mut reachable_alone: ThemeSet = 0;
    for t in 0..model.themes.len() {
        if missing >> t & 1 == 0 {
            continue;
        }
        let with_theme: Vec<&Offer> = mine
            .iter()
            .filter(|o| model.workshops[o.workshop].themes >> t & 1 == 1)
            .collect();
        let elsewhere = offers.with_theme(t) - with_theme.len();
        if with_theme.is_empty() && elsewhere == 0 {
            reasons.push(format!("no scheduled session covers `{}`", model.themes[t]));
            continue;
        }
        let mut blocked: BTreeMap<Barrier, Vec<&Offer>> = BTreeMap::new();
        let mut open = false;
        for o in &with_theme {
            match barrier(model, member, o) {
                Some(b) => blocked.entry(b).or_default().push(o),
                None => open = true,
            }
        }
        if open {
            reachable_alone |= 1 << t;
            continue;
        }
        let mut clauses: Vec<String> = blocked
            .iter()
            .map(|(b, os)| clause(model, member, *b, os))
            .collect();
        if elsewhere > 0 {
            clauses.push(format!(
                "{elsewhere} session(s) outside {}'s territory {}",
                who(model, member),
                m.territory
                    .map(|t| model.territories[t].as_str())
                    .unwrap_or("")
            ));
        }
        reasons.push(format!(
            "`{}` is offered only in {}",
            model.themes[t],
            clauses.join("; and in ")
        ));
    }
    if reachable_alone != 0 {
        let reachable = m.themes & !(missing & !reachable_alone);
        reasons.push(limits_reason(
            model,
            member,
            mine,
            reachable_alone,
            reachable,
        ));
    }
    reasons.join(". ")
}

/// "this group" or "this participant".
fn who(model: &Model, member: usize) -> &'static str {
    if model.members[member].is_group {
        "this group"
    } else {
        "this participant"
    }
}

/// The sessions kept from the member by one barrier, listed (at most 6) with the reason.
fn clause(model: &Model, member: usize, b: Barrier, offers: &[&Offer]) -> String {
    let m = &model.members[member];
    let who = who(model, member);
    let tail = match b {
        // Only offers of the member's territory are looked at one by one.
        Barrier::Territory => "outside its territory".to_string(),
        Barrier::Audience => format!(
            "whose workshop's audience does not admit the profile {}",
            rally_model::PROFILES[m.profile]
        ),
        Barrier::Capacity => format!(
            "whose capacity seats fewer than {who}'s {} people",
            m.headcount
        ),
        Barrier::Unreachable => format!(
            "out of travel reach: no road links them to {who}'s base {}",
            base_id(model, member)
        ),
        Barrier::TooFar => format!(
            "farther than {who}'s max_travel of {} min from its base {}",
            m.max_travel.unwrap_or(0),
            base_id(model, member)
        ),
        Barrier::Unavailable => format!(
            "when {who} is not available (its availability: {})",
            describe_availability(member_availability(model, member))
        ),
    };
    let list = offers
        .iter()
        .take(6)
        .map(|o| {
            format!(
                "{} ({}, {})",
                model.sessions[o.session].id,
                model.grid.label(o.at.period),
                model.venues[o.at.venue].id
            )
        })
        .collect::<Vec<_>>()
        .join(", ");
    let more = if offers.len() > 6 {
        format!(" and {} more", offers.len() - 6)
    } else {
        String::new()
    };
    format!("{list}{more}, {tail}")
}

fn base_id(model: &Model, member: usize) -> &str {
    model.members[member]
        .base
        .map(|n| model.nodes[n].id.as_str())
        .unwrap_or("")
}

fn member_availability(model: &Model, member: usize) -> Option<&Availability> {
    let e = &model.edition;
    let groups = e.groups.len();
    if member < groups {
        e.groups[member].availability.as_ref()
    } else {
        e.participants
            .get(member - groups)
            .and_then(|p| p.availability.as_ref())
    }
}

/// Which of the member's limits keeps apart the themes it can reach one by
/// one: `alone` are the missing ones, `reachable` all those it can reach one
/// by one (the search is relaxed to reach these together).
fn limits_reason(
    model: &Model,
    member: usize,
    offers: &[Offer],
    alone: ThemeSet,
    reachable: ThemeSet,
) -> String {
    let m = &model.members[member];
    let usable: Vec<&Offer> = offers
        .iter()
        .filter(|o| barrier(model, member, o).is_none())
        .collect();
    let own = Limits::of(model, member);
    let quoted = |set: ThemeSet| {
        model
            .theme_names(set)
            .iter()
            .map(|t| format!("`{t}`"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let names = match reachable & !alone {
        0 => format!("{} can each be reached, but not together", quoted(alone)),
        others => format!(
            "{} can be reached, but not together with {}",
            quoted(alone),
            quoted(others)
        ),
    };
    let mut relaxed = Vec::new();
    if let Some(days) = m.max_days {
        relaxed.push((
            Limits {
                max_days: None,
                ..own
            },
            format!("within its limit of {days} days out (max_days)"),
        ));
    }
    relaxed.push((
        Limits {
            max_per_day: u32::MAX,
            ..own
        },
        format!(
            "within its limit of {} session(s) a day (max_per_day)",
            m.max_per_day
        ),
    ));
    relaxed.push((
        Limits {
            travel: false,
            ..own
        },
        "with the travel times between same-day venues".to_string(),
    ));
    for (limits, words) in relaxed {
        if reach_themes(model, reachable, &usable, limits).certifiable {
            return format!("{names} {words}");
        }
    }
    format!("{names}: their sessions fall in the same periods or days")
}

/// A short description of an availability: `only tue, thu; except 2016-03-08`.
pub fn describe_availability(a: Option<&Availability>) -> String {
    let Some(a) = a else {
        return "always available".into();
    };
    let mut parts = Vec::new();
    if let Some(only) = &a.only {
        parts.push(format!(
            "only {}",
            only.iter()
                .map(describe_rule)
                .collect::<Vec<_>>()
                .join(" or ")
        ));
    }
    if let Some(except) = a.except.as_ref().filter(|e| !e.is_empty()) {
        parts.push(format!(
            "except {}",
            except
                .iter()
                .map(describe_rule)
                .collect::<Vec<_>>()
                .join(" or ")
        ));
    }
    if parts.is_empty() {
        "always available".into()
    } else {
        parts.join("; ")
    }
}

fn describe_rule(r: &Rule) -> String {
    let mut p = Vec::new();
    if let Some(w) = &r.weekdays {
        p.push(w.join(", "));
    }
    if let Some(s) = &r.slots {
        p.push(format!("{} slots", s.join(", ")));
    }
    if let Some(d) = &r.dates {
        p.push(d.join(", "));
    }
    match (&r.from, &r.to) {
        (Some(f), Some(t)) => p.push(format!("from {f} to {t}")),
        (Some(f), None) => p.push(format!("from {f}")),
        (None, Some(t)) => p.push(format!("until {t}")),
        _ => {}
    }
    if p.is_empty() {
        "always".into()
    } else {
        p.join(" ")
    }
}
