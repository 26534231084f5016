//! Why a member cannot be certified, in words a rally leader can act on:
//! [`reasons`] as data (what the outputs word in their language), [`words`]
//! in English (the JSON report's `why`, one sentence per reason).

use crate::certify::{barrier, reach_themes, Barrier, Limits, Reach};
use crate::resolve::{Offer, OfferIndex};
use chrono::NaiveDate;
use rally_model::types::{Availability, Rule};
use rally_model::{Model, ThemeSet};
use std::collections::BTreeMap;

/// How many sessions a reason lists for one barrier; the rest are counted.
const LISTED: usize = 6;

/// A session a reason names: which, when and where.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Seen {
    /// Index in [`Model::sessions`].
    pub session: usize,
    /// Its date.
    pub date: NaiveDate,
    /// Index in the calendar's slots.
    pub slot: usize,
    /// Index in [`Model::venues`].
    pub venue: usize,
}

/// The sessions of a theme one barrier keeps from the member.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Blocked {
    /// What keeps them from the member.
    pub barrier: Barrier,
    /// The first `LISTED` of them.
    pub sessions: Vec<Seen>,
    /// How many more.
    pub more: usize,
}

/// The limit of the member's that keeps apart themes it can reach one by one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Limit {
    /// Its `max_days`.
    MaxDays(u32),
    /// Its `max_per_day`.
    MaxPerDay(u32),
    /// The travel times between same-day venues.
    Travel,
}

/// One reason a member cannot be certified.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reason {
    /// No scheduled session covers the theme.
    NoSession {
        /// The theme's index.
        theme: usize,
    },
    /// The theme is offered only in sessions kept from the member, by
    /// barrier, and in `elsewhere` sessions outside its territory.
    OnlyIn {
        /// The theme's index.
        theme: usize,
        /// Sessions kept from the member, by barrier.
        blocked: Vec<Blocked>,
        /// Sessions of the theme outside the member's territory.
        elsewhere: usize,
    },
    /// The themes `alone` can each be reached, but not together (with the
    /// themes `others`, when some); `limit` is the one that keeps them
    /// apart, `None` when their sessions fall in the same periods or days.
    Apart {
        /// Themes each reachable alone.
        alone: ThemeSet,
        /// Themes also needed, reachable alongside.
        others: ThemeSet,
        /// What keeps them apart, if a limit of the member does.
        limit: Option<Limit>,
    },
}

/// Why the member cannot be certified, as data: a reason per missing theme
/// no session can give it, then one about the limits that keep the others
/// apart.
pub fn reasons(model: &Model, member: usize, offers: &OfferIndex, reach: Reach) -> Vec<Reason> {
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
            reasons.push(Reason::NoSession { theme: t });
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
        let blocked = blocked
            .into_iter()
            .map(|(barrier, os)| Blocked {
                barrier,
                sessions: os.iter().take(LISTED).map(|o| seen(model, o)).collect(),
                more: os.len().saturating_sub(LISTED),
            })
            .collect();
        reasons.push(Reason::OnlyIn {
            theme: t,
            blocked,
            elsewhere,
        });
    }
    if reachable_alone != 0 {
        let reachable = m.themes & !(missing & !reachable_alone);
        reasons.push(apart(model, member, mine, reachable_alone, reachable));
    }
    reasons
}

fn seen(model: &Model, o: &Offer) -> Seen {
    Seen {
        session: o.session,
        date: model.grid.days[model.grid.day_of(o.at.period)],
        slot: model.grid.slot_of(o.at.period),
        venue: o.at.venue,
    }
}

/// The reasons in English, joined by `. `.
pub fn words(model: &Model, member: usize, reasons: &[Reason]) -> String {
    let m = &model.members[member];
    let quoted = |set: ThemeSet| {
        model
            .theme_names(set)
            .iter()
            .map(|t| format!("`{t}`"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let sentences: Vec<String> = reasons
        .iter()
        .map(|r| match r {
            Reason::NoSession { theme } => {
                format!("no scheduled session covers `{}`", model.themes[*theme])
            }
            Reason::OnlyIn {
                theme,
                blocked,
                elsewhere,
            } => {
                let mut clauses: Vec<String> =
                    blocked.iter().map(|b| clause(model, member, b)).collect();
                if *elsewhere > 0 {
                    clauses.push(format!(
                        "{elsewhere} session(s) outside {}'s territory {}",
                        who(model, member),
                        m.territory
                            .map(|t| model.territories[t].as_str())
                            .unwrap_or("")
                    ));
                }
                format!(
                    "`{}` is offered only in {}",
                    model.themes[*theme],
                    clauses.join("; and in ")
                )
            }
            Reason::Apart {
                alone,
                others,
                limit,
            } => {
                let names = match others {
                    0 => format!("{} can each be reached, but not together", quoted(*alone)),
                    others => format!(
                        "{} can be reached, but not together with {}",
                        quoted(*alone),
                        quoted(*others)
                    ),
                };
                match limit {
                    Some(Limit::MaxDays(days)) => {
                        format!("{names} within its limit of {days} days out (max_days)")
                    }
                    Some(Limit::MaxPerDay(n)) => {
                        format!("{names} within its limit of {n} session(s) a day (max_per_day)")
                    }
                    Some(Limit::Travel) => {
                        format!("{names} with the travel times between same-day venues")
                    }
                    None => format!("{names}: their sessions fall in the same periods or days"),
                }
            }
        })
        .collect();
    sentences.join(". ")
}

/// "this group" or "this participant".
fn who(model: &Model, member: usize) -> &'static str {
    if model.members[member].is_group {
        "this group"
    } else {
        "this participant"
    }
}

/// The sessions kept from the member by one barrier, listed with the reason.
fn clause(model: &Model, member: usize, b: &Blocked) -> String {
    let m = &model.members[member];
    let who = who(model, member);
    let tail = match b.barrier {
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
    let list = b
        .sessions
        .iter()
        .map(|s| {
            let period = model.grid.day(s.date).map(|d| model.grid.period(d, s.slot));
            format!(
                "{} ({}, {})",
                model.sessions[s.session].id,
                period.map_or(s.date.to_string(), |p| model.grid.label(p)),
                model.venues[s.venue].id
            )
        })
        .collect::<Vec<_>>()
        .join(", ");
    let more = if b.more > 0 {
        format!(" and {} more", b.more)
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

/// The availability the edition gives a member (group or participant).
pub fn member_availability(model: &Model, member: usize) -> Option<&Availability> {
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
fn apart(
    model: &Model,
    member: usize,
    offers: &[Offer],
    alone: ThemeSet,
    reachable: ThemeSet,
) -> Reason {
    let m = &model.members[member];
    let usable: Vec<&Offer> = offers
        .iter()
        .filter(|o| barrier(model, member, o).is_none())
        .collect();
    let own = Limits::of(model, member);
    let mut relaxed = Vec::new();
    if let Some(days) = m.max_days {
        relaxed.push((
            Limits {
                max_days: None,
                ..own
            },
            Limit::MaxDays(days),
        ));
    }
    relaxed.push((
        Limits {
            max_per_day: u32::MAX,
            ..own
        },
        Limit::MaxPerDay(m.max_per_day),
    ));
    relaxed.push((
        Limits {
            travel: false,
            ..own
        },
        Limit::Travel,
    ));
    let limit = relaxed
        .into_iter()
        .find(|(limits, _)| reach_themes(model, reachable, &usable, *limits).certifiable)
        .map(|(_, limit)| limit);
    Reason::Apart {
        alone,
        others: reachable & !alone,
        limit,
    }
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
