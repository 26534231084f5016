//! A programme being built: where each session is, the hard rules H5–H7
//! checked before a session is placed, and the linear terms of SPEC §7
//! (`unscheduled`, `theme_week`, `same_day`, `daily_load`) plus the cost of
//! moves kept up to date placement by placement.

use crate::instance::Instance;
use rally_model::{Model, Placement, Term};

/// The state of a part's programme.
#[derive(Clone)]
pub struct Programme<'i, 'm> {
    /// The edition as the planner sees it.
    pub instance: &'i Instance<'m>,
    /// Where each session of the edition is (only the part's sessions are ever set).
    pub at: Vec<Option<Placement>>,
    /// The part's sessions.
    pub sessions: Vec<usize>,
    /// The territories whose terms this programme counts.
    territories: Vec<usize>,
    /// Session + 1 at (venue, period), 0 when free.
    venue_use: Vec<u32>,
    partner_period: Vec<u16>,
    partner_day: Vec<u16>,
    /// Sessions of each partner, to check travel (H7).
    partner_sessions: Vec<Vec<usize>>,
    /// Sessions at venues of territory τ in week k with theme t.
    theme_week: Vec<i32>,
    workshop_day: Vec<u16>,
    territory_day: Vec<i32>,
    territory_total: Vec<i32>,
    unscheduled: i64,
    /// Weighted `theme_week + same_day + daily_load` plus moves, kept incrementally.
    soft: i64,
}

impl<'i, 'm> Programme<'i, 'm> {
    /// An empty programme of a part (pinned sessions placed).
    pub fn new(instance: &'i Instance<'m>, sessions: &[usize], territories: &[usize]) -> Self {
        let model = instance.model;
        let (np, nd) = (model.grid.n_periods(), model.grid.days.len());
        let nt = model.territories.len();
        let mut p = Programme {
            instance,
            at: vec![None; model.sessions.len()],
            sessions: sessions.to_vec(),
            territories: territories.to_vec(),
            venue_use: vec![0; model.venues.len() * np],
            partner_period: vec![0; model.partners.len() * np],
            partner_day: vec![0; model.partners.len() * nd],
            partner_sessions: vec![Vec::new(); model.partners.len()],
            theme_week: vec![0; nt * model.themes.len() * model.grid.weeks.len()],
            workshop_day: vec![0; model.workshops.len() * nd],
            territory_day: vec![0; nt * nd],
            territory_total: vec![0; nt],
            unscheduled: 0,
            soft: 0,
        };
        p.unscheduled = sessions.len() as i64;
        p.soft = p.theme_week_all() + p.moves_all();
        for &s in sessions {
            if let Some(at) = instance.pinned[s] {
                p.place(s, at);
            }
        }
        p
    }

    /// The compiled edition.
    pub fn model(&self) -> &'m Model {
        self.instance.model
    }

    /// The territories whose terms this programme counts.
    pub fn territories(&self) -> &[usize] {
        &self.territories
    }

    /// The linear terms plus moves (weighted): what the search minimises before coverage.
    pub fn cost(&self) -> i64 {
        self.model().weights[Term::Unscheduled] * self.unscheduled + self.soft
    }

    /// Sessions left unscheduled so far.
    pub fn unscheduled(&self) -> i64 {
        self.unscheduled
    }

    fn workshop(&self, session: usize) -> usize {
        self.model().sessions[session].workshop
    }

    /// Whether placing `session` at `at` keeps H5–H7 with what is placed (H1–H4
    /// hold for the placements of [`Instance::placements`]).
    pub fn can_place(&self, session: usize, at: Placement) -> bool {
        let model = self.model();
        let np = model.grid.n_periods();
        if self.venue_use[at.venue * np + at.period] != 0 {
            return false;
        }
        let w = self.workshop(session);
        let day = model.grid.day_of(at.period);
        let (start, end) = model.times_in(w, at.period);
        model.workshops[w].organisers.iter().all(|&o| {
            let partner = &model.partners[o];
            if self.partner_period[o * np + at.period] as u32 >= partner.parallel
                || self.partner_day[o * model.grid.days.len() + day] as u32 >= partner.max_per_day
            {
                return false;
            }
            partner.parallel != 1
                || self.partner_sessions[o].iter().all(|&other| {
                    let b = self.at[other].expect("listed sessions are placed");
                    model.grid.day_of(b.period) != day
                        || travel_fits(model, (w, at, start, end), (self.workshop(other), b))
                })
        })
    }

    /// The change of [`Programme::cost`] if `session` (unplaced) were placed at `at`.
    pub fn delta_place(&self, session: usize, at: Placement) -> i64 {
        self.delta(session, at, 1)
    }

    /// The change of [`Programme::cost`] if the placed `session` were removed.
    pub fn delta_remove(&self, session: usize) -> i64 {
        let at = self.at[session].expect("placed");
        self.delta(session, at, -1)
    }

    fn delta(&self, session: usize, at: Placement, sign: i32) -> i64 {
        let model = self.model();
        let wt = &model.weights;
        let w = self.workshop(session);
        let day = model.grid.day_of(at.period);
        let nd = model.grid.days.len();
        let territory = model.venues[at.venue].territory;
        let mut d = -(sign as i64) * wt[Term::Unscheduled];
        let r = model.theme_sessions_per_week as i32;
        let week = model.grid.week_of(at.period);
        for t in themes(model.workshops[w].themes) {
            let n = self.theme_week[self.cell(territory, t, week)];
            let after = n + sign;
            d += wt[Term::ThemeWeek] * ((r - after).max(0) - (r - n).max(0)) as i64;
        }
        let same = self.workshop_day[w * nd + day] as i64;
        d += wt[Term::SameDay] * if sign > 0 { same } else { -(same - 1) };
        d += wt[Term::DailyLoad]
            * (self.daily_load_with(territory, day, sign) - self.daily_load(territory));
        let was = if sign > 0 { None } else { Some(at) };
        let now = if sign > 0 { Some(at) } else { None };
        d + self.instance.moving(session, now) - self.instance.moving(session, was)
    }

    /// Places an unplaced session (H5–H7 are the caller's to check).
    pub fn place(&mut self, session: usize, at: Placement) {
        let d = self.delta_place(session, at);
        self.apply(session, at, 1);
        self.soft += d + self.model().weights[Term::Unscheduled];
        self.at[session] = Some(at);
    }

    /// Removes a placed session.
    pub fn remove(&mut self, session: usize) {
        let at = self.at[session].expect("placed");
        let d = self.delta_remove(session);
        self.apply(session, at, -1);
        self.soft += d - self.model().weights[Term::Unscheduled];
        self.at[session] = None;
    }

    fn apply(&mut self, session: usize, at: Placement, sign: i32) {
        let model = self.instance.model;
        let (np, nd) = (model.grid.n_periods(), model.grid.days.len());
        let w = self.workshop(session);
        let day = model.grid.day_of(at.period);
        let territory = model.venues[at.venue].territory;
        self.venue_use[at.venue * np + at.period] = if sign > 0 { session as u32 + 1 } else { 0 };
        for &o in &model.workshops[w].organisers {
            let (pp, pd) = (
                &mut self.partner_period[o * np + at.period],
                &mut self.partner_day[o * nd + day],
            );
            if sign > 0 {
                *pp += 1;
                *pd += 1;
                self.partner_sessions[o].push(session);
            } else {
                *pp -= 1;
                *pd -= 1;
                self.partner_sessions[o].retain(|&x| x != session);
            }
        }
        let week = model.grid.week_of(at.period);
        for t in themes(model.workshops[w].themes) {
            let c = self.cell(territory, t, week);
            self.theme_week[c] += sign;
        }
        let wd = &mut self.workshop_day[w * nd + day];
        *wd = (*wd as i32 + sign) as u16;
        self.territory_day[territory * nd + day] += sign;
        self.territory_total[territory] += sign;
        self.unscheduled -= sign as i64;
    }

    fn cell(&self, territory: usize, theme: usize, week: usize) -> usize {
        let model = self.model();
        (territory * model.themes.len() + theme) * model.grid.weeks.len() + week
    }

    /// Sessions at venues of `territory` in `week` with `theme`.
    pub fn theme_count(&self, territory: usize, theme: usize, week: usize) -> i32 {
        self.theme_week[self.cell(territory, theme, week)]
    }

    /// Sessions of `workshop` on `day`.
    pub fn workshop_on(&self, workshop: usize, day: usize) -> i64 {
        self.workshop_day[workshop * self.model().grid.days.len() + day] as i64
    }

    /// Sessions at venues of `territory` on `day`, and in all.
    pub fn territory_load(&self, territory: usize, day: usize) -> (i64, i64) {
        let nd = self.model().grid.days.len();
        (
            self.territory_day[territory * nd + day] as i64,
            self.territory_total[territory] as i64,
        )
    }

    /// The session at a venue in a period, if any.
    pub fn occupant(&self, at: Placement) -> Option<usize> {
        let np = self.model().grid.n_periods();
        self.venue_use[at.venue * np + at.period]
            .checked_sub(1)
            .map(|s| s as usize)
    }

    /// Sessions organised by a partner in a period and on a day.
    pub fn partner_load(&self, partner: usize, period: usize) -> (u32, u32) {
        let model = self.model();
        let day = model.grid.day_of(period);
        (
            self.partner_period[partner * model.grid.n_periods() + period] as u32,
            self.partner_day[partner * model.grid.days.len() + day] as u32,
        )
    }

    /// The placed sessions of a partner.
    pub fn partner_sessions(&self, partner: usize) -> &[usize] {
        &self.partner_sessions[partner]
    }

    /// `daily_load` (unweighted) of a territory.
    fn daily_load(&self, territory: usize) -> i64 {
        self.daily_load_with(territory, 0, 0)
    }

    /// `daily_load` of a territory with `sign` more sessions on `day`.
    fn daily_load_with(&self, territory: usize, day: usize, sign: i32) -> i64 {
        let nd = self.model().grid.days.len();
        let n = (self.territory_total[territory] + sign) as i64;
        if n <= 0 {
            return 0;
        }
        let cap = (n + nd as i64 - 1) / nd as i64;
        let row = &self.territory_day[territory * nd..(territory + 1) * nd];
        row.iter()
            .enumerate()
            .map(|(d, &x)| (x as i64 + if d == day { sign as i64 } else { 0 } - cap).max(0))
            .sum()
    }

    /// Weighted `theme_week` of the part's territories with nothing placed.
    fn theme_week_all(&self) -> i64 {
        let model = self.model();
        let with_venue = self
            .territories
            .iter()
            .filter(|&&t| model.venues.iter().any(|v| v.territory == t))
            .count() as i64;
        model.weights[Term::ThemeWeek]
            * model.theme_sessions_per_week as i64
            * with_venue
            * (model.themes.len() * model.grid.weeks.len()) as i64
    }

    /// Moves of the previous plan's sessions while nothing is placed.
    fn moves_all(&self) -> i64 {
        self.sessions
            .iter()
            .map(|&s| self.instance.moving(s, None))
            .sum()
    }

    /// The cost recomputed from scratch (for tests of the incremental one).
    pub fn cost_from_scratch(&self) -> i64 {
        let mut fresh = Programme::new(self.instance, &self.sessions, &self.territories);
        for &s in &self.sessions {
            if let (Some(at), None) = (self.at[s], fresh.at[s]) {
                fresh.place(s, at);
            }
        }
        fresh.cost()
    }
}

/// Whether a partner running `a` and `b` on the same day (different periods)
/// has the travel time between them (H7). `a` carries its times.
fn travel_fits(model: &Model, a: (usize, Placement, u32, u32), b: (usize, Placement)) -> bool {
    let (_, at, start, end) = a;
    let (wb, bt) = b;
    if bt.period == at.period {
        return false;
    }
    let (b_start, b_end) = model.times_in(wb, bt.period);
    if bt.period < at.period {
        model.reaches_in_time(bt.venue, b_end, at.venue, start)
    } else {
        model.reaches_in_time(at.venue, end, bt.venue, b_start)
    }
}

/// The theme indices of a set.
pub fn themes(set: u64) -> impl Iterator<Item = usize> {
    (0..64).filter(move |t| set >> t & 1 == 1)
}
