//! Why a session is left unscheduled (the plan file's `reason`, SPEC §5), as
//! facts: the planner writes their English into the plan file, and the
//! outputs, which only have the edition and the plan, derive the same facts
//! again with [`why`] to word them in the reader's language.

use rally_model::placement::Problem;
use rally_model::replan::Replan;
use rally_model::{Model, Placement};
use std::collections::{BTreeMap, HashMap};

/// Why a workshop's session has no place, or what holds each place it could have.
#[derive(Debug, Clone, PartialEq, Eq)]
#[allow(missing_docs)] // fields are indices into the edition's lists, named for what they hold
pub enum Why {
    /// No venue suits the workshop (H3): the first problems met, venue by venue.
    NoVenue {
        workshop: usize,
        problems: Vec<(usize, Problem)>,
    },
    /// The venues it may use (the first four) are never available when the
    /// workshop and its organisers are (H2).
    VenuesClosed { workshop: usize, venues: Vec<usize> },
    /// Every placement that keeps H1–H4 is on a day that has run (SPEC §9).
    Frozen { workshop: usize },
    /// The workshop lasts longer than every slot (H4).
    TooLong { workshop: usize },
    /// The workshop's availability matches no opening day.
    WorkshopNever { workshop: usize },
    /// An organiser (a partner) is never available during the rally.
    OrganiserNever { partner: usize },
    /// An organiser is never available when the workshop may run.
    OrganiserNotThen { partner: usize, workshop: usize },
    /// Two organisers are never free together.
    NeverTogether { first: usize, second: usize },
    /// The organisers are never all free when the workshop may run.
    OrganisersNotThen {
        partners: Vec<usize>,
        workshop: usize,
    },
    /// Every one of its `placements` is held: the three holds met most often,
    /// with how many placements each holds.
    Held {
        placements: usize,
        holds: Vec<(Hold, usize)>,
    },
}

/// What holds one placement that keeps H1–H4.
#[derive(Debug, Clone, PartialEq, Eq)]
#[allow(missing_docs)] // as above; `by` is a session
pub enum Hold {
    /// H5: the venue is taken then, for instance by that session.
    Venue { venue: usize, by: usize },
    /// H6: an organiser already runs `n` sessions at that time.
    Parallel { partner: usize, n: u32 },
    /// H6: an organiser already runs its `limit` sessions that day.
    Daily { partner: usize, limit: u32 },
    /// H7: an organiser could not travel in time from or to its other session.
    Travel,
}

/// The placements of a workshop the planner may choose: those that keep
/// H1–H4 (`Model::feasible_placements`), and when re-planning, not on a day
/// that has run.
pub fn candidates(model: &Model, workshop: usize, replan: Option<&Replan>) -> Vec<Placement> {
    let mut list = model.feasible_placements(workshop);
    if let Some(r) = replan {
        list.retain(|p| !r.is_frozen_date(Some(model.grid.days[model.grid.day_of(p.period)])));
    }
    list
}

/// Why `session` is left out of the programme `at` (where each session of
/// the edition is), `candidates` being its workshop's [`candidates`].
pub fn why(
    model: &Model,
    session: usize,
    at: &[Option<Placement>],
    candidates: &[Placement],
) -> Why {
    let w = model.sessions[session].workshop;
    if candidates.is_empty() {
        return never_placeable(model, w);
    }
    let np = model.grid.n_periods();
    let nd = model.grid.days.len();
    let mut venue_use: HashMap<(usize, usize), usize> = HashMap::new();
    let mut partner_period = vec![0u32; model.partners.len() * np];
    let mut partner_day = vec![0u32; model.partners.len() * nd];
    for (s, p) in at.iter().enumerate() {
        let Some(p) = p else { continue };
        venue_use.insert((p.venue, p.period), s);
        let day = model.grid.day_of(p.period);
        for &o in &model.workshops[model.sessions[s].workshop].organisers {
            partner_period[o * np + p.period] += 1;
            partner_day[o * nd + day] += 1;
        }
    }
    let mut seen: BTreeMap<String, (Hold, usize)> = BTreeMap::new();
    for &p in candidates {
        let hold = if let Some(&other) = venue_use.get(&(p.venue, p.period)) {
            Hold::Venue {
                venue: p.venue,
                by: other,
            }
        } else {
            let day = model.grid.day_of(p.period);
            let held = model.workshops[w].organisers.iter().find_map(|&o| {
                let partner = &model.partners[o];
                let (n, today) = (partner_period[o * np + p.period], partner_day[o * nd + day]);
                if n >= partner.parallel {
                    Some(Hold::Parallel { partner: o, n })
                } else if today >= partner.max_per_day {
                    Some(Hold::Daily {
                        partner: o,
                        limit: partner.max_per_day,
                    })
                } else {
                    None
                }
            });
            held.unwrap_or(Hold::Travel)
        };
        seen.entry(hold.english(model)).or_insert((hold, 0)).1 += 1;
    }
    let mut holds: Vec<(String, Hold, usize)> =
        seen.into_iter().map(|(t, (h, n))| (t, h, n)).collect();
    holds.sort_by(|a, b| b.2.cmp(&a.2).then(a.0.cmp(&b.0)));
    Why::Held {
        placements: candidates.len(),
        holds: holds.into_iter().take(3).map(|(_, h, n)| (h, n)).collect(),
    }
}

/// Why a workshop has no placement the planner may choose.
fn never_placeable(model: &Model, w: usize) -> Why {
    let venues = model.allowed_venues(w);
    if venues.is_empty() {
        let mut problems = Vec::new();
        for v in 0..model.venues.len() {
            let probe = Placement {
                period: 0,
                venue: v,
            };
            for problem in model.placement_issues(w, probe) {
                if problem.rule() == "H3" {
                    problems.push((v, problem));
                }
            }
        }
        problems.truncate(3);
        return Why::NoVenue {
            workshop: w,
            problems,
        };
    }
    if model.open_periods(w).count_ones(..) == 0 {
        return closed_periods(model, w);
    }
    if !model.feasible_placements(w).is_empty() {
        return Why::Frozen { workshop: w };
    }
    Why::VenuesClosed {
        workshop: w,
        venues: venues.into_iter().take(4).collect(),
    }
}

/// Why a workshop and its organisers share no period.
fn closed_periods(model: &Model, w: usize) -> Why {
    let workshop = &model.workshops[w];
    let all = model.grid.n_periods();
    if !(0..all).any(|p| model.duration_in(w, p) <= model.grid.slot_time(p).len()) {
        return Why::TooLong { workshop: w };
    }
    if workshop.available.count_ones(..) == 0 {
        return Why::WorkshopNever { workshop: w };
    }
    for &o in &workshop.organisers {
        let p = &model.partners[o];
        if p.available.count_ones(..) == 0 {
            return Why::OrganiserNever { partner: o };
        }
        if p.available
            .intersection(&workshop.available)
            .next()
            .is_none()
        {
            return Why::OrganiserNotThen {
                partner: o,
                workshop: w,
            };
        }
    }
    let org = &workshop.organisers;
    for (i, &a) in org.iter().enumerate() {
        for &b in &org[i + 1..] {
            let (pa, pb) = (&model.partners[a], &model.partners[b]);
            if pa.available.intersection(&pb.available).next().is_none() {
                return Why::NeverTogether {
                    first: a,
                    second: b,
                };
            }
        }
    }
    Why::OrganisersNotThen {
        partners: org.clone(),
        workshop: w,
    }
}

impl Why {
    /// The plan file's English `reason`.
    pub fn english(&self, model: &Model) -> String {
        let workshop = |w: usize| &model.workshops[w].id;
        let partner = |o: usize| &model.partners[o].id;
        match self {
            Why::NoVenue {
                workshop: w,
                problems,
            } => {
                let why: Vec<String> = problems
                    .iter()
                    .map(|(v, p)| p.english(model, *w, *v, ""))
                    .collect();
                format!(
                    "no venue suits workshop {}: {}; allow another venue or relax its needs",
                    workshop(*w),
                    why.join("; ")
                )
            }
            Why::VenuesClosed {
                workshop: w,
                venues,
            } => {
                let ids: Vec<&str> = venues
                    .iter()
                    .map(|&v| model.venues[v].id.as_str())
                    .collect();
                format!(
                    "the venues workshop {} may use ({}) are never available when it and its \
                     organisers are; open a venue on one of those days",
                    workshop(*w),
                    ids.join(", ")
                )
            }
            Why::Frozen { workshop: w } => format!(
                "every day workshop {} could run on has already run (frozen); open a later day",
                workshop(*w)
            ),
            Why::TooLong { workshop: w } => format!(
                "workshop {} lasts longer than every slot of the day; shorten it",
                workshop(*w)
            ),
            Why::WorkshopNever { workshop: w } => format!(
                "the availability of workshop {} matches no opening day; widen it",
                workshop(*w)
            ),
            Why::OrganiserNever { partner: o } => format!(
                "organiser {} is never available during the rally",
                partner(*o)
            ),
            Why::OrganiserNotThen {
                partner: o,
                workshop: w,
            } => format!(
                "organiser {} is never available when workshop {} may run; widen one of their \
                 availabilities",
                partner(*o),
                workshop(*w)
            ),
            Why::NeverTogether { first, second } => format!(
                "organisers {} and {} are never free together",
                partner(*first),
                partner(*second)
            ),
            Why::OrganisersNotThen {
                partners,
                workshop: w,
            } => {
                let ids: Vec<&str> = partners.iter().map(|&o| partner(o).as_str()).collect();
                format!(
                    "organisers {} are never free together when workshop {} may run",
                    ids.join(", "),
                    workshop(*w)
                )
            }
            Why::Held { placements, holds } => {
                let parts: Vec<String> = holds
                    .iter()
                    .map(|(h, n)| format!("{} ({n})", h.english(model)))
                    .collect();
                format!(
                    "every one of its {placements} possible placements is held: {}; free an \
                     organiser or open another venue or day",
                    parts.join("; ")
                )
            }
        }
    }
}

impl Hold {
    /// The English words of the plan file's `reason`.
    pub fn english(&self, model: &Model) -> String {
        match self {
            Hold::Venue { venue, by } => format!(
                "venue {} is taken (e.g. by {})",
                model.venues[*venue].id, model.sessions[*by].id
            ),
            Hold::Parallel { partner, n } => format!(
                "organiser {} already runs {n} session(s) at that time",
                model.partners[*partner].id
            ),
            Hold::Daily { partner, limit } => format!(
                "organiser {} already runs its {limit} sessions that day",
                model.partners[*partner].id
            ),
            Hold::Travel => {
                "an organiser could not travel in time from or to its other session that day"
                    .to_string()
            }
        }
    }
}
