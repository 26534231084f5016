//! Validation of an edition (SPEC §4) and its compilation into a [`Model`].
//!
//! Every problem is reported, each with its JSON path and a fix; the model is
//! built only when there is none.

use crate::availability::{CheckedAvailability, CheckedRule, PeriodSet};
use crate::calendar::{parse_date, parse_hhmm, weekday_index, Grid, SlotTime, WEEKDAYS};
use crate::error::InputError;
use crate::model::*;
use crate::terms::Weights;
use crate::travel::TravelTimes;
use crate::types::{self, Edition};
use chrono::NaiveDate;
use std::collections::HashMap;

/// The most sessions of one workshop: beyond, the edition is refused rather
/// than exhaust memory (a rally runs a workshop a few times).
const MAX_SESSIONS: usize = 1000;

/// The longest calendar, in days, for the same reason (a rally lasts 2 to 5 weeks).
const MAX_CALENDAR_DAYS: i64 = 731;

/// Validates an edition and compiles it, or returns every problem found:
/// one function per part of SPEC §4, in its order, each building its
/// entities whole.
pub fn compile(edition: Edition) -> Result<Model, Vec<InputError>> {
    let mut v = Validator::default();
    v.errors.extend(crate::limits::check(&edition));
    let cal = v.calendar(&edition.calendar);
    let themes = v.themes(&edition);
    let places = places(&mut v, &edition, &cal);
    let partners = partners(&mut v, &edition, &cal, &places);
    let workshops = workshops(&mut v, &edition, &cal, &themes, &places, &partners.ids);
    let members = members(&mut v, &edition, &cal, &themes, &places, &workshops.ids);
    let raw_pins = v.pins(&edition.pinned, &workshops.sessions_ids, &places.ids, &cal);
    if !v.errors.is_empty() {
        return Err(v.errors);
    }
    let grid = cal.grid.expect("a calendar without errors has a grid");
    let venue_nodes: Vec<usize> = places.venues.iter().map(|x| x.node).collect();
    let travel = TravelTimes::new(places.nodes.len(), &places.roads, &venue_nodes);
    let index = Index {
        nodes: places.ids.map,
        partners: partners.ids.map,
        workshops: workshops.ids.map,
        sessions: workshops.sessions_ids.map,
        members: members.ids.map,
        territories: places.territories.map,
        themes: themes
            .iter()
            .enumerate()
            .map(|(i, t)| (t.clone(), i))
            .collect(),
    };
    let mut model = Model {
        theme_sessions_per_week: edition.rules.theme_sessions_per_week.unwrap_or(1),
        territories: edition.territories.iter().map(|t| t.id.clone()).collect(),
        weights: weights(edition.rules.weights.as_ref()),
        edition,
        grid,
        themes,
        nodes: places.nodes,
        venues: places.venues,
        travel,
        partners: partners.list,
        workshops: workshops.list,
        sessions: workshops.sessions,
        members: members.list,
        pins: Vec::new(),
        index,
        rules: AvailabilityRules {
            venues: places.rules,
            partners: partners.rules,
            workshops: workshops.rules,
            members: members.rules,
        },
    };
    model.pins = place_pins(&model, &raw_pins)?;
    Ok(model)
}

/// The entities of one list of the edition, with their ids and their
/// availability rules as written.
struct Compiled<T> {
    list: Vec<T>,
    ids: Registry,
    rules: Vec<CheckedAvailability>,
}

/// An entity's availability as periods of the calendar: empty when the
/// calendar itself is wrong (the edition is refused then, for that reason).
fn periods(cal: &CheckedCalendar, rules: &CheckedAvailability) -> PeriodSet {
    cal.grid
        .as_ref()
        .map(|g| rules.periods(g))
        .unwrap_or_default()
}

/// Territories, places and venues, and the roads between them.
struct Places {
    territories: Registry,
    /// Places then venues: the nodes of the travel graph.
    ids: Registry,
    nodes: Vec<Node>,
    venues: Vec<Venue>,
    rules: Vec<CheckedAvailability>,
    roads: Vec<(usize, usize, u32)>,
}

/// `territories`, `places`, `venues` and `travel`.
fn places(v: &mut Validator, edition: &Edition, cal: &CheckedCalendar) -> Places {
    let territories = v.ids(
        "territories",
        edition.territories.iter().map(|t| t.id.as_str()),
        &mut Registry::default(),
    );
    if edition.territories.is_empty() {
        v.err(
            "territories",
            "an edition needs at least one territory; add one, e.g. {\"id\": \
            \"87\", \"name\": \"Haute-Vienne\"}",
        );
    }
    let mut ids = Registry::default();
    v.ids(
        "places",
        edition.places.iter().map(|p| p.id.as_str()),
        &mut ids,
    );
    v.ids(
        "venues",
        edition.venues.iter().map(|p| p.id.as_str()),
        &mut ids,
    );
    let mut nodes = Vec::new();
    for (i, p) in edition.places.iter().enumerate() {
        let t = v.resolve(
            &format!("places[{i}].territory"),
            &p.territory,
            &territories,
            "territory",
        );
        nodes.push(Node {
            id: p.id.clone(),
            territory: t.unwrap_or(0),
            venue: None,
        });
    }
    let mut venues = Vec::new();
    let mut rules = Vec::new();
    for (i, x) in edition.venues.iter().enumerate() {
        let path = format!("venues[{i}]");
        let t = v
            .resolve(
                &format!("{path}.territory"),
                &x.territory,
                &territories,
                "territory",
            )
            .unwrap_or(0);
        v.at_least_one(&format!("{path}.capacity"), x.capacity);
        let available = v.availability(
            &format!("{path}.availability"),
            x.availability.as_ref(),
            &cal.slot_ids,
        );
        venues.push(Venue {
            id: x.id.clone(),
            name: x.name.clone().unwrap_or_else(|| x.id.clone()),
            node: nodes.len(),
            territory: t,
            capacity: x.capacity,
            features: x.features.clone(),
            available: periods(cal, &available),
        });
        rules.push(available);
        nodes.push(Node {
            id: x.id.clone(),
            territory: t,
            venue: Some(i),
        });
    }
    let roads = roads(v, edition, &ids);
    Places {
        territories,
        ids,
        nodes,
        venues,
        rules,
        roads,
    }
}

/// `travel`: the roads, as pairs of nodes and minutes.
fn roads(v: &mut Validator, edition: &Edition, nodes: &Registry) -> Vec<(usize, usize, u32)> {
    let mut roads = Vec::new();
    for (i, e) in edition.travel.iter().enumerate() {
        let path = format!("travel[{i}].between");
        if e.between.len() != 2 {
            v.err(
                &path,
                format!(
                    "names {} nodes; a road joins exactly two places or venues",
                    e.between.len()
                ),
            );
            continue;
        }
        let a = v.resolve(
            &format!("{path}[0]"),
            &e.between[0],
            nodes,
            "place or venue",
        );
        let b = v.resolve(
            &format!("{path}[1]"),
            &e.between[1],
            nodes,
            "place or venue",
        );
        if let (Some(a), Some(b)) = (a, b) {
            roads.push((a, b, e.minutes));
        }
    }
    roads
}

/// `partners`.
fn partners(
    v: &mut Validator,
    edition: &Edition,
    cal: &CheckedCalendar,
    places: &Places,
) -> Compiled<Partner> {
    let ids = v.ids(
        "partners",
        edition.partners.iter().map(|p| p.id.as_str()),
        &mut Registry::default(),
    );
    let mut list = Vec::new();
    let mut rules = Vec::new();
    for (i, p) in edition.partners.iter().enumerate() {
        let path = format!("partners[{i}]");
        if !PARTNER_KINDS.contains(&p.kind.as_str()) {
            v.err(
                &format!("{path}.kind"),
                format!(
                    "unknown kind \"{}\"; use one of {}",
                    p.kind,
                    PARTNER_KINDS.join(", ")
                ),
            );
        }
        let territory = p.territory.as_ref().and_then(|t| {
            v.resolve(
                &format!("{path}.territory"),
                t,
                &places.territories,
                "territory",
            )
        });
        let parallel = v.count(&format!("{path}.parallel"), p.parallel, 1);
        let max_per_day = v.count(&format!("{path}.max_per_day"), p.max_per_day, 2);
        let available = v.availability(
            &format!("{path}.availability"),
            p.availability.as_ref(),
            &cal.slot_ids,
        );
        list.push(Partner {
            id: p.id.clone(),
            name: p.name.clone().unwrap_or_else(|| p.id.clone()),
            kind: p.kind.clone(),
            territory,
            parallel,
            max_per_day,
            available: periods(cal, &available),
        });
        rules.push(available);
    }
    Compiled { list, ids, rules }
}

/// Workshops and the sessions they run.
struct Workshops {
    list: Vec<Workshop>,
    ids: Registry,
    rules: Vec<CheckedAvailability>,
    sessions: Vec<Session>,
    sessions_ids: Registry,
}

/// `workshops`, and their sessions (`{workshop}/{k}`).
fn workshops(
    v: &mut Validator,
    edition: &Edition,
    cal: &CheckedCalendar,
    themes: &[String],
    places: &Places,
    partners: &Registry,
) -> Workshops {
    let ids = v.ids(
        "workshops",
        edition.workshops.iter().map(|w| w.id.as_str()),
        &mut Registry::default(),
    );
    let mut list = Vec::new();
    let mut rules = Vec::new();
    let mut sessions = Vec::new();
    for (i, w) in edition.workshops.iter().enumerate() {
        let path = format!("workshops[{i}]");
        let theme_set = v
            .theme_list(&format!("{path}.themes"), Some(&w.themes), themes)
            .unwrap_or(0);
        let organisers = v.refs(
            &format!("{path}.organisers"),
            &w.organisers,
            partners,
            "partner",
            true,
        );
        let mut n_sessions = v.count(&format!("{path}.sessions"), w.sessions, 1) as usize;
        if n_sessions > MAX_SESSIONS {
            v.err(
                &format!("{path}.sessions"),
                format!("{n_sessions} sessions; a workshop runs at most {MAX_SESSIONS}"),
            );
            n_sessions = 0;
        }
        let duration = w
            .duration
            .inspect(|&d| v.at_least_one(&format!("{path}.duration"), d));
        v.at_least_one(&format!("{path}.capacity.min"), w.capacity.min);
        if w.capacity.min > w.capacity.max {
            v.err(
                &format!("{path}.capacity"),
                format!(
                    "min {} is above max {}; min must not exceed max",
                    w.capacity.min, w.capacity.max
                ),
            );
        }
        let allowed = w.venues.as_ref().map(|list| {
            let nodes = v.refs(&format!("{path}.venues"), list, &places.ids, "venue", true);
            let mut out = Vec::new();
            for (k, n) in nodes.into_iter().enumerate() {
                match n.checked_sub(edition.places.len()) {
                    Some(x) => out.push(x),
                    None => v.err(
                        &format!("{path}.venues[{k}]"),
                        format!(
                            "\"{}\" is a place, not a venue; workshops run in venues",
                            list[k]
                        ),
                    ),
                }
            }
            out
        });
        let territory = w.territory.as_ref().and_then(|t| {
            v.resolve(
                &format!("{path}.territory"),
                t,
                &places.territories,
                "territory",
            )
        });
        let audience = match &w.audience {
            None => (1u8 << PROFILES.len()) - 1,
            Some(list) => v.profiles(&format!("{path}.audience"), list),
        };
        let available = v.availability(
            &format!("{path}.availability"),
            w.availability.as_ref(),
            &cal.slot_ids,
        );
        let first_session = sessions.len();
        for k in 1..=n_sessions {
            sessions.push(Session {
                id: format!("{}/{k}", w.id),
                workshop: i,
                number: k,
            });
        }
        list.push(Workshop {
            id: w.id.clone(),
            title: w.title.clone().unwrap_or_else(|| w.id.clone()),
            themes: theme_set,
            organisers,
            first_session,
            n_sessions,
            duration,
            min: w.capacity.min,
            max: w.capacity.max,
            venues: allowed,
            needs: w.needs.clone(),
            territory,
            audience,
            available: periods(cal, &available),
        });
        rules.push(available);
    }
    let mut sessions_ids = Registry::default();
    for s in &sessions {
        sessions_ids.insert(&s.id);
    }
    Workshops {
        list,
        ids,
        rules,
        sessions,
        sessions_ids,
    }
}

/// `groups` then `participants`: the members, with `rules.certificate` as
/// the themes of those that name none.
fn members(
    v: &mut Validator,
    edition: &Edition,
    cal: &CheckedCalendar,
    themes: &[String],
    places: &Places,
    workshops: &Registry,
) -> Compiled<Member> {
    let certificate = v
        .theme_list(
            "rules.certificate",
            edition.rules.certificate.as_ref(),
            themes,
        )
        .unwrap_or(full_set(themes.len()));
    let mut ids = Registry::default();
    v.ids(
        "groups",
        edition.groups.iter().map(|g| g.id.as_str()),
        &mut ids,
    );
    v.ids(
        "participants",
        edition.participants.iter().map(|p| p.id.as_str()),
        &mut ids,
    );
    let territory = |v: &mut Validator, path: &str, t: &Option<String>| {
        t.as_ref().and_then(|t| {
            v.resolve(
                &format!("{path}.territory"),
                t,
                &places.territories,
                "territory",
            )
        })
    };
    let base = |v: &mut Validator, path: &str, b: &Option<String>| {
        b.as_ref()
            .and_then(|b| v.resolve(&format!("{path}.base"), b, &places.ids, "place or venue"))
    };
    let mut list = Vec::new();
    let mut rules = Vec::new();
    for (i, g) in edition.groups.iter().enumerate() {
        let path = format!("groups[{i}]");
        v.at_least_one(&format!("{path}.size"), g.size);
        let profile = v.profile(
            &format!("{path}.profile"),
            g.profile.as_deref().unwrap_or("student"),
        );
        let available = v.availability(
            &format!("{path}.availability"),
            g.availability.as_ref(),
            &cal.slot_ids,
        );
        list.push(Member {
            id: g.id.clone(),
            name: g.name.clone().unwrap_or_else(|| g.id.clone()),
            is_group: true,
            profile,
            headcount: g.size,
            territory: territory(v, &path, &g.territory),
            base: base(v, &path, &g.base),
            max_per_day: v.count(&format!("{path}.max_per_day"), g.max_per_day, 2),
            max_days: g
                .max_days
                .map(|d| v.count(&format!("{path}.max_days"), Some(d), 1)),
            max_travel: None,
            wishes: Vec::new(),
            themes: v
                .theme_list(&format!("{path}.themes"), g.themes.as_ref(), themes)
                .unwrap_or(certificate),
            certificate: g.certificate.unwrap_or(true),
            available: periods(cal, &available),
        });
        rules.push(available);
    }
    for (i, p) in edition.participants.iter().enumerate() {
        let path = format!("participants[{i}]");
        let profile = v.profile(&format!("{path}.profile"), &p.profile);
        let available = v.availability(
            &format!("{path}.availability"),
            p.availability.as_ref(),
            &cal.slot_ids,
        );
        list.push(Member {
            id: p.id.clone(),
            name: p.name.clone().unwrap_or_else(|| p.id.clone()),
            is_group: false,
            profile,
            headcount: 1,
            territory: territory(v, &path, &p.territory),
            base: base(v, &path, &p.base),
            max_per_day: v.count(&format!("{path}.max_per_day"), p.max_per_day, 2),
            max_days: None,
            max_travel: p.max_travel,
            wishes: v.refs(
                &format!("{path}.wishes"),
                &p.wishes,
                workshops,
                "workshop",
                false,
            ),
            themes: v
                .theme_list(&format!("{path}.themes"), p.themes.as_ref(), themes)
                .unwrap_or(certificate),
            certificate: p.certificate.unwrap_or(true),
            available: periods(cal, &available),
        });
        rules.push(available);
    }
    Compiled { list, ids, rules }
}

fn full_set(n: usize) -> ThemeSet {
    if n >= 64 {
        u64::MAX
    } else {
        (1u64 << n) - 1
    }
}

/// The default weights with `rules.weights` applied.
fn weights(w: Option<&types::WeightOverrides>) -> Weights {
    let mut weights = Weights::defaults();
    for (&term, &value) in w.iter().flat_map(|w| &w.0) {
        weights[term] = i64::from(value);
    }
    weights
}

/// A pin whose fields resolved: session, date, slot id, venue node; with its path.
struct RawPin {
    path: String,
    session: usize,
    date: NaiveDate,
    slot: String,
    node: usize,
    venue_id: String,
}

/// Pins must keep H1–H4 (H5–H7 between pins is the checker's `check_pins`).
fn place_pins(model: &Model, raw: &[RawPin]) -> Result<Vec<Pin>, Vec<InputError>> {
    let mut errors = Vec::new();
    let mut pins = Vec::new();
    for p in raw {
        let Some(venue) = model.nodes[p.node].venue else {
            errors.push(InputError::new(
                format!("{}.venue", p.path),
                format!(
                    "\"{}\" is a place, not a venue; pin the session to a venue",
                    p.venue_id
                ),
            ));
            continue;
        };
        let Some(day) = model.grid.day(p.date) else {
            errors.push(InputError::new(
                format!("{}.date", p.path),
                format!(
                    "{} is not an opening day of the rally (weekday not opened, or closed); \
                     pin it to an opening day",
                    p.date
                ),
            ));
            continue;
        };
        let slot = model.grid.slot(&p.slot).expect("pin slot resolved");
        let at = Placement {
            period: model.grid.period(day, slot),
            venue,
        };
        let problems = model.placement_problems(model.sessions[p.session].workshop, at);
        if problems.is_empty() {
            pins.push(Pin {
                session: p.session,
                at,
            });
        } else {
            let why: Vec<String> = problems
                .into_iter()
                .map(|(rule, m)| format!("{m} ({rule})"))
                .collect();
            errors.push(InputError::new(
                p.path.clone(),
                format!(
                    "session {} cannot be pinned there: {}; move or remove the pin",
                    model.sessions[p.session].id,
                    why.join("; ")
                ),
            ));
        }
    }
    if errors.is_empty() {
        Ok(pins)
    } else {
        Err(errors)
    }
}

/// Ids of one id space, in file order.
#[derive(Default)]
struct Registry {
    map: HashMap<String, usize>,
    order: Vec<String>,
}

impl Registry {
    fn insert(&mut self, id: &str) -> bool {
        if self.map.contains_key(id) {
            return false;
        }
        self.map.insert(id.to_string(), self.order.len());
        self.order.push(id.to_string());
        true
    }

    fn known(&self) -> String {
        const SHOWN: usize = 12;
        let mut s = self
            .order
            .iter()
            .take(SHOWN)
            .cloned()
            .collect::<Vec<_>>()
            .join(", ");
        if self.order.len() > SHOWN {
            s.push_str(&format!(", … ({} in all)", self.order.len()));
        }
        if s.is_empty() {
            s = "none".into();
        }
        s
    }
}

/// The checked calendar: the grid (when its dates are good) and the slot ids.
struct CheckedCalendar {
    grid: Option<Grid>,
    slot_ids: Vec<String>,
    start: Option<NaiveDate>,
    end: Option<NaiveDate>,
}

#[derive(Default)]
struct Validator {
    errors: Vec<InputError>,
}

impl Validator {
    fn err(&mut self, path: &str, message: impl Into<String>) {
        self.errors.push(InputError::new(path, message));
    }

    fn date(&mut self, path: &str, s: &str) -> Option<NaiveDate> {
        let d = parse_date(s);
        if d.is_none() {
            self.err(
                path,
                format!("\"{s}\" is not a date; write it as YYYY-MM-DD, e.g. 2016-03-01"),
            );
        }
        d
    }

    fn calendar(&mut self, c: &types::Calendar) -> CheckedCalendar {
        let start = self.date("calendar.start", &c.start);
        let end = self.date("calendar.end", &c.end);
        if let (Some(s), Some(e)) = (start, end) {
            if e < s {
                self.err(
                    "calendar.end",
                    format!("{e} is before the start {s}; the end must not be before the start"),
                );
            } else if (e - s).num_days() >= MAX_CALENDAR_DAYS {
                self.err(
                    "calendar.end",
                    format!(
                        "the calendar spans more than {MAX_CALENDAR_DAYS} days; a rally \
                        lasts weeks, not years"
                    ),
                );
            }
        }
        let weekdays: Vec<usize> = match &c.weekdays {
            None => vec![0, 1, 2, 3, 4],
            Some(list) => {
                if list.is_empty() {
                    self.err(
                        "calendar.weekdays",
                        "is empty; list the opening weekdays, e.g. \
                        [\"mon\",\"tue\",\"wed\",\"thu\",\"fri\"], or leave the field out",
                    );
                }
                list.iter()
                    .enumerate()
                    .filter_map(|(i, w)| self.weekday(&format!("calendar.weekdays[{i}]"), w))
                    .collect()
            }
        };
        let mut closed = Vec::new();
        for (i, d) in c.closed.iter().enumerate() {
            let path = format!("calendar.closed[{i}]");
            if let Some(d) = self.date(&path, d) {
                if let (Some(s), Some(e)) = (start, end) {
                    if s <= e && (d < s || d > e) {
                        self.err(
                            &path,
                            format!(
                                "{d} lies outside the calendar ({s} to {e}); \
                                 remove it or widen the calendar"
                            ),
                        );
                    }
                }
                closed.push(d);
            }
        }
        let slots: Vec<SlotTime> = match &c.slots {
            None => vec![
                SlotTime {
                    id: "morning".into(),
                    start: 540,
                    end: 720,
                },
                SlotTime {
                    id: "afternoon".into(),
                    start: 840,
                    end: 1020,
                },
            ],
            Some(list) => {
                if list.is_empty() {
                    self.err(
                        "calendar.slots",
                        "is empty; give at least one slot, e.g. {\"id\": \
                        \"morning\", \"start\": \"09:00\", \"end\": \"12:00\"}, or leave the \
                        field out",
                    );
                }
                self.ids(
                    "calendar.slots",
                    list.iter().map(|s| s.id.as_str()),
                    &mut Registry::default(),
                );
                let mut out = Vec::new();
                for (i, s) in list.iter().enumerate() {
                    let path = format!("calendar.slots[{i}]");
                    let a = parse_hhmm(&s.start);
                    let b = parse_hhmm(&s.end);
                    if a.is_none() {
                        self.err(
                            &format!("{path}.start"),
                            format!("\"{}\" is not a time; write HH:MM, e.g. 09:00", s.start),
                        );
                    }
                    if b.is_none() {
                        self.err(
                            &format!("{path}.end"),
                            format!("\"{}\" is not a time; write HH:MM, e.g. 12:00", s.end),
                        );
                    }
                    if let (Some(a), Some(b)) = (a, b) {
                        if a >= b {
                            self.err(
                                &path,
                                format!(
                                    "starts at {} and ends at {}; a slot must end after it starts",
                                    s.start, s.end
                                ),
                            );
                        } else {
                            out.push((
                                i,
                                SlotTime {
                                    id: s.id.clone(),
                                    start: a,
                                    end: b,
                                },
                            ));
                        }
                    }
                }
                for (x, (i, s)) in out.iter().enumerate() {
                    for (j, t) in out.iter().take(x) {
                        if s.start < t.end && t.start < s.end {
                            let path = format!("calendar.slots[{i}]");
                            let message = format!(
                                "slot {} overlaps slot {} (calendar.slots[{j}]); \
                                 slots of a day may touch but not overlap",
                                s.id, t.id
                            );
                            self.err(&path, message);
                        }
                    }
                }
                out.into_iter().map(|(_, s)| s).collect()
            }
        };
        let slot_ids = slots.iter().map(|s| s.id.clone()).collect();
        let grid = match (start, end) {
            (Some(s), Some(e)) if s <= e && self.errors.is_empty() => {
                Some(Grid::new(s, e, &weekdays, &closed, slots))
            }
            _ => None,
        };
        if let Some(g) = &grid {
            if g.days.is_empty() {
                self.err(
                    "calendar",
                    "the calendar has no opening day (every date is a closed \
                    day or a weekday not opened); widen the dates or open more weekdays",
                );
            }
        }
        CheckedCalendar {
            grid,
            slot_ids,
            start,
            end,
        }
    }

    fn weekday(&mut self, path: &str, w: &str) -> Option<usize> {
        let i = weekday_index(w);
        if i.is_none() {
            self.err(
                path,
                format!(
                    "unknown weekday \"{w}\"; use one of {}",
                    WEEKDAYS.join(", ")
                ),
            );
        }
        i
    }

    fn themes(&mut self, e: &Edition) -> Vec<String> {
        match &e.themes {
            None => DEFAULT_THEMES.iter().map(|s| s.to_string()).collect(),
            Some(list) => {
                if list.is_empty() {
                    self.err(
                        "themes",
                        "is empty; list the themes, or leave the field out for \
                        the seven default themes",
                    );
                }
                if list.len() > 64 {
                    self.err(
                        "themes",
                        format!("{} themes; the engine handles at most 64", list.len()),
                    );
                }
                self.ids(
                    "themes",
                    list.iter().map(|t| t.id.as_str()),
                    &mut Registry::default(),
                );
                list.iter().map(|t| t.id.clone()).collect()
            }
        }
    }

    /// Checks the ids of a list: format, and uniqueness within `reg` (the later one is the error).
    fn ids<'a>(
        &mut self,
        list: &str,
        ids: impl Iterator<Item = &'a str>,
        reg: &mut Registry,
    ) -> Registry {
        let mut own = Registry::default();
        for (i, id) in ids.enumerate() {
            let path = format!("{list}[{i}].id");
            let ok = !id.is_empty()
                && id.len() <= 64
                && id
                    .bytes()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, b'.' | b'_' | b'-'));
            if !ok {
                self.err(
                    &path,
                    format!(
                        "\"{id}\" is not a valid id; use 1 to 64 letters without accents, \
                            digits, '.', '_' or '-'"
                    ),
                );
            }
            if !reg.insert(id) {
                self.err(
                    &path,
                    format!("id \"{id}\" is already used; give each one a unique id"),
                );
            }
            own.insert(id);
        }
        own
    }

    fn resolve(&mut self, path: &str, id: &str, reg: &Registry, what: &str) -> Option<usize> {
        let i = reg.map.get(id).copied();
        if i.is_none() {
            self.err(
                path,
                format!("unknown {what} \"{id}\"; known: {}", reg.known()),
            );
        }
        i
    }

    fn no_duplicates(&mut self, path: &str, list: &[String]) {
        for (i, x) in list.iter().enumerate() {
            if list[..i].contains(x) {
                self.err(
                    &format!("{path}[{i}]"),
                    format!("\"{x}\" is listed twice; remove the repeat"),
                );
            }
        }
    }

    /// Resolves a list of references; `nonempty` when the spec forbids an empty list.
    fn refs(
        &mut self,
        path: &str,
        list: &[String],
        reg: &Registry,
        what: &str,
        nonempty: bool,
    ) -> Vec<usize> {
        if nonempty && list.is_empty() {
            self.err(path, format!("is empty; name at least one {what}"));
        }
        self.no_duplicates(path, list);
        let mut out = Vec::new();
        for (i, id) in list.iter().enumerate() {
            if let Some(x) = self.resolve(&format!("{path}[{i}]"), id, reg, what) {
                if !out.contains(&x) {
                    out.push(x);
                }
            }
        }
        out
    }

    fn theme_list(
        &mut self,
        path: &str,
        list: Option<&Vec<String>>,
        themes: &[String],
    ) -> Option<ThemeSet> {
        let list = list?;
        let mut reg = Registry::default();
        for t in themes {
            reg.insert(t);
        }
        let ids = self.refs(path, list, &reg, "theme", true);
        Some(
            ids.into_iter()
                .filter(|&t| t < 64)
                .fold(0, |s, t| s | 1 << t),
        )
    }

    fn profile(&mut self, path: &str, p: &str) -> usize {
        match PROFILES.iter().position(|x| *x == p) {
            Some(i) => i,
            None => {
                self.err(
                    path,
                    format!(
                        "unknown profile \"{p}\"; use one of {}",
                        PROFILES.join(", ")
                    ),
                );
                0
            }
        }
    }

    fn profiles(&mut self, path: &str, list: &[String]) -> u8 {
        if list.is_empty() {
            self.err(
                path,
                "is empty; name the profiles admitted, or leave the field out to admit everyone",
            );
        }
        self.no_duplicates(path, list);
        list.iter().enumerate().fold(0, |m, (i, p)| {
            m | 1 << self.profile(&format!("{path}[{i}]"), p)
        })
    }

    fn at_least_one(&mut self, path: &str, n: u32) {
        if n == 0 {
            self.err(path, "is 0; it must be a whole number of at least 1");
        }
    }

    fn count(&mut self, path: &str, n: Option<u32>, default: u32) -> u32 {
        match n {
            None => default,
            Some(n) => {
                self.at_least_one(path, n);
                n
            }
        }
    }

    fn availability(
        &mut self,
        path: &str,
        a: Option<&types::Availability>,
        slots: &[String],
    ) -> CheckedAvailability {
        let Some(a) = a else {
            return CheckedAvailability::default();
        };
        let only = a.only.as_ref().map(|rules| {
            if rules.is_empty() {
                self.err(
                    &format!("{path}.only"),
                    "is empty, which would mean never available; \
                    remove \"only\" or give at least one rule",
                );
            }
            rules
                .iter()
                .enumerate()
                .map(|(i, r)| self.rule(&format!("{path}.only[{i}]"), r, slots))
                .collect()
        });
        let except = a
            .except
            .iter()
            .flatten()
            .enumerate()
            .map(|(i, r)| self.rule(&format!("{path}.except[{i}]"), r, slots))
            .collect();
        CheckedAvailability { only, except }
    }

    fn rule(&mut self, path: &str, r: &types::Rule, slots: &[String]) -> CheckedRule {
        let mut out = CheckedRule::default();
        if let Some(dates) = &r.dates {
            if dates.is_empty() {
                self.err(
                    &format!("{path}.dates"),
                    "is empty; list at least one date or remove the field",
                );
            }
            out.dates = Some(
                dates
                    .iter()
                    .enumerate()
                    .filter_map(|(i, d)| self.date(&format!("{path}.dates[{i}]"), d))
                    .collect(),
            );
        }
        out.from = r
            .from
            .as_ref()
            .and_then(|d| self.date(&format!("{path}.from"), d));
        out.to =
            r.to.as_ref()
                .and_then(|d| self.date(&format!("{path}.to"), d));
        if let (Some(f), Some(t)) = (out.from, out.to) {
            if f > t {
                self.err(path, format!("from {f} is after to {t}; swap them"));
            }
        }
        if let Some(w) = &r.weekdays {
            if w.is_empty() {
                self.err(
                    &format!("{path}.weekdays"),
                    "is empty; list at least one weekday or remove the field",
                );
            }
            out.weekdays = Some(
                w.iter()
                    .enumerate()
                    .filter_map(|(i, d)| self.weekday(&format!("{path}.weekdays[{i}]"), d))
                    .collect(),
            );
        }
        if let Some(s) = &r.slots {
            if s.is_empty() {
                self.err(
                    &format!("{path}.slots"),
                    "is empty; list at least one slot or remove the field",
                );
            }
            for (i, id) in s.iter().enumerate() {
                if !slots.contains(id) {
                    self.err(
                        &format!("{path}.slots[{i}]"),
                        format!("unknown slot \"{id}\"; known slots: {}", slots.join(", ")),
                    );
                }
            }
            out.slots = Some(s.clone());
        }
        out
    }

    fn pins(
        &mut self,
        pins: &[types::Pin],
        sessions: &Registry,
        nodes: &Registry,
        cal: &CheckedCalendar,
    ) -> Vec<RawPin> {
        let mut seen = Registry::default();
        let mut out = Vec::new();
        for (i, p) in pins.iter().enumerate() {
            let path = format!("pinned[{i}]");
            let session = self.resolve(&format!("{path}.session"), &p.session, sessions, "session");
            if !seen.insert(&p.session) {
                self.err(
                    &format!("{path}.session"),
                    format!("session {} is pinned twice; keep one pin", p.session),
                );
            }
            let date = self.date(&format!("{path}.date"), &p.date);
            if let (Some(d), Some(s), Some(e)) = (date, cal.start, cal.end) {
                if s <= e && (d < s || d > e) {
                    self.err(
                        &format!("{path}.date"),
                        format!(
                            "{d} lies outside the calendar ({s} to {e}); pin the session within it"
                        ),
                    );
                }
            }
            if !cal.slot_ids.contains(&p.slot) {
                self.err(
                    &format!("{path}.slot"),
                    format!(
                        "unknown slot \"{}\"; known slots: {}",
                        p.slot,
                        cal.slot_ids.join(", ")
                    ),
                );
            }
            let node = self.resolve(&format!("{path}.venue"), &p.venue, nodes, "venue");
            if let (Some(session), Some(date), Some(node)) = (session, date, node) {
                out.push(RawPin {
                    path,
                    session,
                    date,
                    slot: p.slot.clone(),
                    node,
                    venue_id: p.venue.clone(),
                });
            }
        }
        out
    }
}

#[cfg(test)]
mod tests;
