//! A naive greedy planner, to show that editions are schedulable and their
//! members certifiable: what it achieves, a good planner achieves too.

use rally_model::{Model, Placement};

/// The programme under construction and what it occupies.
struct Programme<'a> {
    m: &'a Model,
    at: Vec<Option<Placement>>,
    venue_busy: Vec<bool>,
    /// Sessions per territory and day.
    load: Vec<u32>,
    /// For each partner and day: the (period, venue, workshop) it runs.
    runs: Vec<Vec<(usize, usize, usize)>>,
}

impl Programme<'_> {
    fn book(&mut self, s: usize, p: Placement) {
        let m = self.m;
        let (n_days, n_periods) = (m.grid.days.len(), m.grid.n_periods());
        let w = m.sessions[s].workshop;
        let day = m.grid.day_of(p.period);
        self.at[s] = Some(p);
        self.venue_busy[p.venue * n_periods + p.period] = true;
        self.load[m.venues[p.venue].territory * n_days + day] += 1;
        for &o in &m.workshops[w].organisers {
            self.runs[o * n_days + day].push((p.period, p.venue, w));
        }
    }

    /// The free placement of a session of `w` on the least busy day, not on
    /// a day the workshop already runs when possible.
    fn best(&self, w: usize, placements: &[Placement]) -> Option<Placement> {
        let m = self.m;
        let ws = &m.workshops[w];
        let n_days = m.grid.days.len();
        let runs_on = |day: usize| {
            (ws.first_session..ws.first_session + ws.n_sessions)
                .any(|x| self.at[x].is_some_and(|q| m.grid.day_of(q.period) == day))
        };
        placements
            .iter()
            .filter(|p| !self.venue_busy[p.venue * m.grid.n_periods() + p.period])
            .filter(|p| organisers_free(m, w, **p, &self.runs))
            .min_by_key(|p| {
                let day = m.grid.day_of(p.period);
                let busy = self.load[m.venues[p.venue].territory * n_days + day];
                (runs_on(day), busy, p.period, p.venue)
            })
            .copied()
    }
}

/// Places every session it can (pins first, then the most constrained
/// workshops), keeping H1–H7, spreading each territory's sessions over the days.
pub fn schedule(m: &Model) -> Vec<Option<Placement>> {
    let n_days = m.grid.days.len();
    let mut prog = Programme {
        m,
        at: vec![None; m.sessions.len()],
        venue_busy: vec![false; m.venues.len() * m.grid.n_periods()],
        load: vec![0; m.territories.len() * n_days],
        runs: vec![Vec::new(); m.partners.len() * n_days],
    };
    for pin in &m.pins {
        prog.book(pin.session, pin.at);
    }
    let placements: Vec<Vec<Placement>> = (0..m.workshops.len())
        .map(|w| m.feasible_placements(w))
        .collect();
    let mut order: Vec<usize> = (0..m.workshops.len()).collect();
    order.sort_by_key(|&w| placements[w].len() / m.workshops[w].n_sessions);
    for w in order {
        let ws = &m.workshops[w];
        for s in ws.first_session..ws.first_session + ws.n_sessions {
            if prog.at[s].is_none() {
                if let Some(p) = prog.best(w, &placements[w]) {
                    prog.book(s, p);
                }
            }
        }
    }
    prog.at
}

/// H6 and H7 for the organisers of workshop `w` placed at `p`.
fn organisers_free(m: &Model, w: usize, p: Placement, runs: &[Vec<(usize, usize, usize)>]) -> bool {
    let n_days = m.grid.days.len();
    let day = m.grid.day_of(p.period);
    m.workshops[w].organisers.iter().all(|&o| {
        let partner = &m.partners[o];
        let today = &runs[o * n_days + day];
        let in_period = today.iter().filter(|r| r.0 == p.period).count() as u32;
        in_period < partner.parallel
            && (today.len() as u32) < partner.max_per_day
            && (partner.parallel > 1
                || today
                    .iter()
                    .all(|&(q, v, x)| in_time(m, (p.period, p.venue, w), (q, v, x))))
    })
}

/// Whether one can attend both (period, venue, workshop) sessions of a day
/// (C4, H7): different periods and the travel time between them.
fn in_time(m: &Model, a: (usize, usize, usize), b: (usize, usize, usize)) -> bool {
    let (first, second) = if a.0 < b.0 { (a, b) } else { (b, a) };
    if first.0 == second.0 {
        return false;
    }
    let (_, end) = m.times_in(first.2, first.0);
    let (start, _) = m.times_in(second.2, second.0);
    m.venue_travel(first.1, second.1)
        .is_some_and(|t| end + t <= start)
}

/// Whether a greedy course over the programme `at` validates all of member
/// `i`'s themes, keeping C1, C2 and C4 and the seats for its headcount.
pub fn certifiable(m: &Model, at: &[Option<Placement>], i: usize) -> bool {
    let member = &m.members[i];
    let reachable = |venue: usize| {
        let Some(base) = member.base else { return true };
        m.travel
            .minutes(base, m.venues[venue].node)
            .is_some_and(|t| member.max_travel.is_none_or(|max| t <= max))
    };
    let candidates: Vec<(usize, Placement)> = at
        .iter()
        .enumerate()
        .filter_map(|(s, p)| p.map(|p| (s, p)))
        .filter(|&(s, p)| {
            let w = m.sessions[s].workshop;
            member.available.contains(p.period)
                && m.admits(w, member.profile)
                && member
                    .territory
                    .is_none_or(|t| m.venues[p.venue].territory == t)
                && m.capacity_at(w, p.venue) >= member.headcount
                && reachable(p.venue)
        })
        .collect();
    let mut covered = 0u64;
    let mut chosen: Vec<(usize, Placement)> = Vec::new();
    while member.themes & !covered != 0 {
        let days: Vec<usize> = chosen.iter().map(|c| m.grid.day_of(c.1.period)).collect();
        let fits = |&&(s, p): &&(usize, Placement)| {
            let w = m.sessions[s].workshop;
            let day = m.grid.day_of(p.period);
            let today: Vec<_> = chosen
                .iter()
                .filter(|c| m.grid.day_of(c.1.period) == day)
                .collect();
            let mut distinct = days.clone();
            distinct.push(day);
            distinct.sort();
            distinct.dedup();
            chosen.iter().all(|c| m.sessions[c.0].workshop != w)
                && (today.len() as u32) < member.max_per_day
                && member.max_days.is_none_or(|d| distinct.len() as u32 <= d)
                && today.iter().all(|c| {
                    in_time(
                        m,
                        (p.period, p.venue, w),
                        (c.1.period, c.1.venue, m.sessions[c.0].workshop),
                    )
                })
        };
        let gain = |s: usize| {
            (m.workshops[m.sessions[s].workshop].themes & member.themes & !covered).count_ones()
        };
        let best = candidates
            .iter()
            .filter(|c| gain(c.0) > 0)
            .filter(fits)
            .max_by_key(|c| {
                (
                    gain(c.0),
                    days.contains(&m.grid.day_of(c.1.period)),
                    std::cmp::Reverse(c.1.period),
                )
            });
        let Some(&(s, p)) = best else { return false };
        covered |= m.workshops[m.sessions[s].workshop].themes;
        chosen.push((s, p));
    }
    true
}

/// Shares of sessions placed, and of groups and participants (wanting a
/// certificate) that a greedy course certifies.
pub fn greedy_figures(m: &Model) -> (f64, f64, f64) {
    let at = schedule(m);
    let placed = at.iter().filter(|p| p.is_some()).count() as f64 / at.len() as f64;
    let share = |groups: bool| {
        let members: Vec<usize> = (0..m.members.len())
            .filter(|&i| m.members[i].is_group == groups && m.members[i].certificate)
            .collect();
        let ok = members.iter().filter(|&&i| certifiable(m, &at, i)).count();
        ok as f64 / members.len().max(1) as f64
    };
    (placed, share(true), share(false))
}
