//! A plan's sessions and courses resolved against the edition, as far as they resolve.

use rally_model::calendar::{parse_date, parse_hhmm};
use rally_model::{Model, Placement, Plan};
use std::collections::HashMap;

/// One entry of the plan's `sessions`, with every field that resolves.
#[derive(Debug, Clone)]
pub struct Placed {
    /// Index in `plan.sessions`.
    pub entry: usize,
    /// The plan's id for it.
    pub id: String,
    /// Index in [`Model::sessions`], when the id is a session.
    pub session: Option<usize>,
    /// The workshop the session id belongs to.
    pub workshop: Option<usize>,
    /// The date, when it parses.
    pub date: Option<chrono::NaiveDate>,
    /// Opening day of the date.
    pub day: Option<usize>,
    /// Index in the calendar's slots, when known.
    pub slot: Option<usize>,
    /// Index in [`Model::venues`], when known.
    pub venue: Option<usize>,
}

impl Placed {
    /// Whether session, date, slot and venue all resolve: only such a session
    /// counts in the penalty's terms (SPEC §7).
    pub fn resolved(&self) -> bool {
        self.workshop.is_some()
            && self.date.is_some()
            && self.slot.is_some()
            && self.venue.is_some()
    }

    /// The period, when the date is an opening day and the slot is known.
    pub fn period(&self, model: &Model) -> Option<usize> {
        Some(model.grid.period(self.day?, self.slot?))
    }

    /// Period and venue, when both resolve.
    pub fn placement(&self, model: &Model) -> Option<Placement> {
        Some(Placement {
            period: self.period(model)?,
            venue: self.venue?,
        })
    }

    /// Start and end in minutes: the edition's times for the slot (the same
    /// on every day, so known even when the date is not an opening day).
    pub fn times(&self, model: &Model) -> Option<(u32, u32)> {
        let slot = &model.grid.slots[self.slot?];
        let duration = model.workshops[self.workshop?]
            .duration
            .unwrap_or(slot.len());
        Some((slot.start, slot.start.saturating_add(duration)))
    }
}

/// A scheduled session that fully resolves: what members can attend.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Offer {
    /// Index in [`Resolved::placed`].
    pub placed: usize,
    /// Index in [`Model::sessions`].
    pub session: usize,
    /// Index in [`Model::workshops`].
    pub workshop: usize,
    /// Its period and venue.
    pub at: Placement,
    /// Start, minutes after midnight.
    pub start: u32,
    /// End, minutes after midnight.
    pub end: u32,
    /// Seats: min(workshop max, venue capacity).
    pub capacity: u32,
}

impl Offer {
    /// Workshop `workshop`'s session `session` at `at`, entry `placed` of a
    /// plan: its times and seats as the edition gives them (S2).
    pub fn new(
        model: &Model,
        placed: usize,
        session: usize,
        workshop: usize,
        at: Placement,
    ) -> Offer {
        let (start, end) = model.times_in(workshop, at.period);
        Offer {
            placed,
            session,
            workshop,
            at,
            start,
            end,
            capacity: model.capacity_at(workshop, at.venue),
        }
    }
}

/// The plan against the edition.
#[derive(Debug, Clone)]
pub struct Resolved {
    /// Every entry of `plan.sessions`, resolved as far as it goes.
    pub placed: Vec<Placed>,
    /// Sessions that fully resolve, in period order.
    pub offers: Vec<Offer>,
    /// First `placed` entry of each edition session.
    pub by_session: HashMap<usize, usize>,
    /// For each member, the `placed` entries of its course, each once, in the
    /// course's order (unknown ids left out; a repeat is an S3 violation).
    pub courses: Option<Vec<Vec<usize>>>,
}

impl Resolved {
    /// Resolves every field of the plan that names something of the edition.
    pub fn new(model: &Model, plan: &Plan) -> Resolved {
        let placed: Vec<Placed> = plan
            .sessions
            .iter()
            .enumerate()
            .map(|(entry, s)| {
                let session = model.session(&s.id);
                let date = parse_date(&s.date);
                Placed {
                    entry,
                    id: s.id.clone(),
                    session,
                    workshop: session.map(|x| model.sessions[x].workshop),
                    date,
                    day: date.and_then(|d| model.grid.day(d)),
                    slot: model.grid.slot(&s.slot),
                    venue: model.venue(&s.venue),
                }
            })
            .collect();
        let mut by_session = HashMap::new();
        for p in &placed {
            if let Some(s) = p.session {
                by_session.entry(s).or_insert(p.entry);
            }
        }
        let mut offers: Vec<Offer> = placed
            .iter()
            .filter(|p| p.session.is_some_and(|s| by_session[&s] == p.entry))
            .filter_map(|p| {
                let at = p.placement(model)?;
                Some(Offer::new(model, p.entry, p.session?, p.workshop?, at))
            })
            .collect();
        offers.sort_by_key(|o| (o.at.period, o.session));
        let courses = plan.courses.as_ref().map(|courses| {
            let by_id: HashMap<&str, usize> = placed
                .iter()
                .rev()
                .map(|p| (p.id.as_str(), p.entry))
                .collect();
            let mut out: Vec<Option<Vec<usize>>> = vec![None; model.members.len()];
            for c in courses {
                if let Some(m) = model.member(&c.member) {
                    out[m].get_or_insert_with(|| {
                        let mut entries: Vec<usize> = Vec::with_capacity(c.sessions.len());
                        for e in c.sessions.iter().filter_map(|s| by_id.get(s.as_str())) {
                            if !entries.contains(e) {
                                entries.push(*e);
                            }
                        }
                        entries
                    });
                }
            }
            out.into_iter().map(Option::unwrap_or_default).collect()
        });
        Resolved {
            placed,
            offers,
            by_session,
            courses,
        }
    }
}

/// Minutes after midnight of a plan's `HH:MM`, if it parses.
pub fn minutes(s: &str) -> Option<u32> {
    parse_hhmm(s)
}

/// The offers indexed by the territory of their venue: a member of a
/// territory can attend no other (C1), so it only needs to look at its own.
#[derive(Debug, Clone)]
pub struct OfferIndex<'a> {
    all: &'a [Offer],
    by_territory: Vec<Vec<Offer>>,
    /// For each theme, how many offers have it.
    with_theme: Vec<usize>,
}

impl<'a> OfferIndex<'a> {
    /// Indexes offers sorted by period (the order is kept in each territory).
    pub fn new(model: &Model, all: &'a [Offer]) -> OfferIndex<'a> {
        let mut by_territory: Vec<Vec<Offer>> = vec![Vec::new(); model.territories.len()];
        let mut with_theme = vec![0; model.themes.len()];
        for o in all {
            by_territory[model.venues[o.at.venue].territory].push(*o);
            let themes = model.workshops[o.workshop].themes;
            for (t, n) in with_theme.iter_mut().enumerate() {
                *n += (themes >> t & 1) as usize;
            }
        }
        OfferIndex {
            all,
            by_territory,
            with_theme,
        }
    }

    /// The offers a member may look at: those of its territory, or all.
    pub fn for_member(&self, model: &Model, member: usize) -> &[Offer] {
        match model.members[member].territory {
            Some(t) => &self.by_territory[t],
            None => self.all,
        }
    }

    /// How many offers have theme `t`, in every territory.
    pub fn with_theme(&self, t: usize) -> usize {
        self.with_theme[t]
    }
}
