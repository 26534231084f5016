//! Bounds that hold for every plan of the edition, whatever its programme:
//! a lower bound on the course terms of SPEC §7 (added to the planner's
//! bound on the programme terms) and an upper bound on the certified
//! headcount.
//!
//! The relaxation is indexed by time. A workshop's sessions go to the periods
//! its placements allow (H1–H4: the workshop, its organisers and a venue
//! open, the slot long enough), at most its number of sessions in all, as
//! many in one period as it has venues there and its organisers' `parallel`
//! allows, as many on one day as their `max_per_day` allows; a session in
//! a period holds at most the largest capacity of its venues there. Every
//! member picks, for each workshop it takes, a period it can reach (C1, C4:
//! available, in its territory, within its `max_travel`, seats for its
//! headcount), at most one session per period it can reach, `max_per_day`
//! a day and `max_days` days; which workshops it takes give its themes.
//! Each day out costs its weight and twice the road to the nearest venue it
//! can use; each session beyond adds its share of the road to its own
//! venue's ((2 / `max_per_day`) × the extra minutes, the least a day with
//! it costs). Venues shared by workshops, partners shared by workshops and
//! the road between sessions are dropped.
//!
//! The seats of each (workshop, period) are dualised (Lagrangian
//! relaxation): for prices λ ≥ 0 per seat, every member's best choice is
//! solved exactly by a dynamic programme over its themes and sessions, each
//! workshop's most valuable periods are picked greedily (a laminar matroid),
//! and their difference is a bound for any λ; subgradient steps improve λ
//! for a fixed number of rounds (work, not time). Being solved in integers
//! for each member, it is at least as strong as the linear relaxation of the
//! same model. Members of different territories share workshop seats only
//! through regional workshops, so the bound is computed per independent part
//! (members linked by shared workshops), in parallel.

use rally_model::{Model, PeriodSet as FixedBitSet, Placement, Term};
use rally_plan::instance::Instance;
use rally_search::Budget;
use rayon::prelude::*;
use std::collections::BTreeMap;

/// Subgradient rounds per part: first with one price for all the periods
/// of a workshop (its seats pooled, a good start found quickly), then with
/// a price per period.
const ROUNDS: usize = 80;
/// Of which with pooled prices.
const POOLED: usize = 40;
/// Rounds with a price per period at most, on small parts (rounds cost a
/// dynamic programme per kind of member: few members, more rounds).
const MOST_ROUNDS: usize = 400;
/// Rounds without a better bound before the step is halved: pooled, per period.
const PATIENCE: [usize; 2] = [5, 5];

/// Both bounds of the edition.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Bounds {
    /// No plan's course terms are lower.
    pub course_terms: i64,
    /// No plan certifies more people.
    pub certified: u64,
}

/// Where a workshop's sessions can be, period by period.
struct Places {
    /// Its open periods, ascending.
    periods: Vec<usize>,
    /// For each of them, the most seats of a session there.
    seats: Vec<f64>,
    /// For each of them, its day.
    days: Vec<usize>,
    /// For each of them, the most sessions it can hold at once.
    at_once: Vec<u32>,
    /// The workshop's sessions.
    sessions: u32,
    /// The most sessions on one day.
    per_day: u32,
    /// Each venue it may use, with its periods there.
    venues: Vec<(usize, FixedBitSet)>,
}

/// One workshop a member may take in the relaxation.
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Item {
    workshop: usize,
    /// The needed themes it gives, as bits of the member's themes.
    bits: u32,
    /// The periods in which the member can reach one of its sessions.
    reach: FixedBitSet,
    /// What a session of it adds to the road of its day (f64 bits).
    road: u64,
}

/// What one member may choose in the relaxation.
struct Choices {
    member: usize,
    items: Vec<Item>,
    /// The member's needed themes (edition theme indices).
    n_themes: usize,
    /// Cost of one day out: its weight and twice the nearest road.
    day: f64,
    /// The most sessions it can attend.
    most: usize,
    /// Wishes no needed theme brings it to, with the periods it can reach
    /// them in (`None`: cannot attend).
    wishes: Vec<Option<(usize, FixedBitSet)>>,
}

/// The bounds of the edition, from the instance's placements; the clock
/// or the cancel flag of `budget` only end the rounds sooner (a weaker bound).
pub fn bounds(instance: &Instance, budget: &Budget) -> Bounds {
    let model = instance.model;
    let places: Vec<Places> = (0..model.workshops.len())
        .map(|w| places(instance, w))
        .collect();
    let choices: Vec<Choices> = (0..model.members.len())
        .into_par_iter()
        .map(|m| choices(model, &places, m))
        .collect();
    let parts = parts(model, &choices);
    let results: Vec<(f64, f64)> = parts
        .par_iter()
        .map(|part| {
            let members: Vec<&Choices> = part.iter().map(|&i| &choices[i]).collect();
            (
                lagrange(model, &members, &places, Goal::Penalty, budget),
                lagrange(model, &members, &places, Goal::Headcount, budget),
            )
        })
        .collect();
    let low: f64 = results.iter().map(|r| r.0).sum();
    let high: f64 = results.iter().map(|r| r.1).sum();
    Bounds {
        course_terms: (low - 1e-6 * low.abs().max(1.0)).ceil().max(0.0) as i64,
        certified: (high + 1e-6 * high.abs().max(1.0)).floor().max(0.0) as u64,
    }
}

/// The periods and seats a workshop's sessions can have: its placements,
/// and those of its pinned sessions.
fn places(instance: &Instance, w: usize) -> Places {
    let model = instance.model;
    let workshop = &model.workshops[w];
    let mut all: Vec<Placement> = instance.placements[w].clone();
    let sessions = workshop.first_session..workshop.first_session + workshop.n_sessions;
    all.extend(sessions.filter_map(|s| instance.pinned[s]));
    all.sort_unstable();
    all.dedup();
    let n = model.grid.n_periods();
    let mut venues: BTreeMap<usize, FixedBitSet> = BTreeMap::new();
    let (mut periods, mut seats, mut at_once) = (Vec::new(), Vec::new(), Vec::new());
    for p in &all {
        venues
            .entry(p.venue)
            .or_insert_with(|| FixedBitSet::with_capacity(n))
            .insert(p.period);
        let cap = f64::from(model.capacity_at(w, p.venue));
        if periods.last() == Some(&p.period) {
            let last = seats.len() - 1;
            seats[last] = f64::max(seats[last], cap);
            at_once[last] += 1;
        } else {
            periods.push(p.period);
            seats.push(cap);
            at_once.push(1);
        }
    }
    let organisers = workshop.organisers.iter().map(|&o| &model.partners[o]);
    let parallel = organisers
        .clone()
        .map(|p| p.parallel)
        .min()
        .unwrap_or(u32::MAX);
    for k in &mut at_once {
        *k = (*k).min(parallel.max(1));
    }
    Places {
        days: periods.iter().map(|&p| model.grid.day_of(p)).collect(),
        periods,
        seats,
        at_once,
        sessions: workshop.n_sessions as u32,
        per_day: organisers
            .map(|p| p.max_per_day)
            .min()
            .unwrap_or(u32::MAX)
            .max(1),
        venues: venues.into_iter().collect(),
    }
}

/// The periods in which member `m` can reach a session of workshop `w`, and
/// the road to the nearest venue it would use (C1, C4, seats).
fn reach(model: &Model, places: &Places, m: usize, w: usize) -> (FixedBitSet, u32) {
    let member = &model.members[m];
    let mut set = FixedBitSet::with_capacity(model.grid.n_periods());
    let mut road = u32::MAX;
    if !model.admits(w, member.profile) {
        return (set, road);
    }
    for (v, periods) in &places.venues {
        let v = *v;
        if !model.in_territory(m, v)
            || model.capacity_at(w, v) < member.headcount
            || model.base_barrier(m, v).is_some()
        {
            continue;
        }
        let mut open = periods.clone();
        open.intersect_with(&member.available);
        if open.is_clear() {
            continue;
        }
        set.union_with(&open);
        let minutes = member
            .base
            .and_then(|b| model.travel.minutes(b, model.venues[v].node))
            .unwrap_or(0);
        road = road.min(minutes);
    }
    (set, road)
}

/// The workshops a member could attend, what they give it, and when.
fn choices(model: &Model, places: &[Places], m: usize) -> Choices {
    let member = &model.members[m];
    let need = if member.certificate { member.themes } else { 0 };
    let themes: Vec<usize> = (0..model.themes.len())
        .filter(|t| need >> t & 1 == 1)
        .collect();
    let per_day = member.max_per_day.max(1);
    let w8 = &model.weights;
    let mut found = Vec::new();
    let mut wishes = Vec::new();
    let mut nearest = u32::MAX;
    let mut any = FixedBitSet::with_capacity(model.grid.n_periods());
    for (w, place) in places.iter().enumerate() {
        let gives = model.workshops[w].themes & need;
        let wished = member.wishes.contains(&w);
        if gives == 0 && !wished {
            continue;
        }
        let (reach, road) = reach(model, place, m, w);
        let open = !reach.is_clear();
        if gives == 0 {
            wishes.push(open.then_some((w, reach)));
            continue;
        }
        if open {
            nearest = nearest.min(road);
            any.union_with(&reach);
            let bits = themes
                .iter()
                .enumerate()
                .filter(|(_, &t)| gives >> t & 1 == 1)
                .fold(0u32, |b, (i, _)| b | 1 << i);
            found.push((w, bits, reach, road));
        }
    }
    let nearest = if nearest == u32::MAX { 0 } else { nearest };
    let travel = w8[Term::TravelMinute] as f64;
    let items = found
        .into_iter()
        .map(|(workshop, bits, reach, road)| {
            let extra = 2.0 / f64::from(per_day) * f64::from(road - nearest) * travel;
            Item {
                workshop,
                bits,
                reach,
                road: extra.to_bits(),
            }
        })
        .collect();
    let mut days: Vec<usize> = any.ones().map(|p| model.grid.day_of(p)).collect();
    days.dedup();
    let most_days = member
        .max_days
        .map_or(days.len(), |d| days.len().min(d as usize));
    let most = any.count_ones(..).min(most_days * per_day as usize);
    let day_weight = w8[if member.is_group {
        Term::GroupDay
    } else {
        Term::ParticipantDay
    }];
    Choices {
        member: m,
        n_themes: themes.len(),
        items,
        day: day_weight as f64 + 2.0 * f64::from(nearest) * travel,
        most,
        wishes,
    }
}

/// Members linked by a workshop they could both attend, as lists of indices.
fn parts(model: &Model, choices: &[Choices]) -> Vec<Vec<usize>> {
    let mut first: Vec<Option<usize>> = vec![None; model.workshops.len()];
    let mut parent: Vec<usize> = (0..choices.len()).collect();
    fn root(parent: &mut [usize], mut x: usize) -> usize {
        while parent[x] != x {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        x
    }
    for (i, c) in choices.iter().enumerate() {
        for w in used(c) {
            match first[w] {
                None => first[w] = Some(i),
                Some(j) => {
                    let (a, b) = (root(&mut parent, i), root(&mut parent, j));
                    parent[a.max(b)] = a.min(b);
                }
            }
        }
    }
    let mut index: Vec<Option<usize>> = vec![None; choices.len()];
    let mut parts: Vec<Vec<usize>> = Vec::new();
    for i in 0..choices.len() {
        let r = root(&mut parent, i);
        let k = *index[r].get_or_insert_with(|| {
            parts.push(Vec::new());
            parts.len() - 1
        });
        parts[k].push(i);
    }
    parts
}

/// The workshops whose seats a member's choices may take.
fn used(c: &Choices) -> impl Iterator<Item = usize> + '_ {
    c.items
        .iter()
        .map(|i| i.workshop)
        .chain(c.wishes.iter().flatten().map(|(w, _)| *w))
}

/// What makes two members' choices the same problem: items, wishes, the
/// cost of a day, headcount, certificate, sessions a day and in all, themes.
type Key = (
    Vec<Item>,
    Vec<Option<(usize, FixedBitSet)>>,
    u64,
    u32,
    bool,
    u32,
    usize,
    usize,
);

fn key(model: &Model, c: &Choices) -> Key {
    let m = &model.members[c.member];
    (
        c.items.clone(),
        c.wishes.clone(),
        c.day.to_bits(),
        m.headcount,
        m.certificate,
        m.max_per_day,
        c.most,
        c.n_themes,
    )
}

/// Which bound the relaxation gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Goal {
    /// The least course terms (minimised).
    Penalty,
    /// The most certified headcount (its negative minimised).
    Headcount,
}

/// Seat prices of the workshops of a part, period by period.
struct Prices<'a> {
    /// The part's workshops, ascending.
    used: Vec<usize>,
    places: &'a [Places],
    /// By workshop of `used`, a price per open period (its `periods`).
    price: Vec<Vec<f64>>,
    /// By workshop of `used`, its open periods (indices) from the cheapest.
    order: Vec<Vec<usize>>,
}

impl Prices<'_> {
    fn slot(&self, w: usize) -> usize {
        self.used.binary_search(&w).expect("a used workshop")
    }

    /// Sorts each workshop's periods by price (ties by period).
    fn sort(&mut self) {
        for (k, order) in self.order.iter_mut().enumerate() {
            let price = &self.price[k];
            order.sort_by(|&a, &b| price[a].total_cmp(&price[b]).then(a.cmp(&b)));
        }
    }

    /// The cheapest seat of workshop `w` in a period of `reach`: its
    /// price and (workshop slot, period index).
    fn cheapest(&self, w: usize, reach: &FixedBitSet) -> (f64, (usize, usize)) {
        let k = self.slot(w);
        let periods = &self.places[w].periods;
        let i = self.order[k]
            .iter()
            .copied()
            .find(|&i| reach.contains(periods[i]))
            .expect("a period in reach");
        (self.price[k][i], (k, i))
    }

    /// The most the seats of workshop slot `k` are worth at these prices:
    /// its best periods, within its sessions, at once and a day; and how
    /// many sessions each period gets.
    fn programme(&self, k: usize) -> (f64, Vec<u32>) {
        let place = &self.places[self.used[k]];
        let mut order: Vec<usize> = (0..place.periods.len())
            .filter(|&i| self.price[k][i] > 0.0)
            .collect();
        let worth = |i: usize| self.price[k][i] * place.seats[i];
        order.sort_by(|&a, &b| worth(b).total_cmp(&worth(a)).then(a.cmp(&b)));
        let mut taken = vec![0u32; place.periods.len()];
        let mut by_day: BTreeMap<usize, u32> = BTreeMap::new();
        let (mut left, mut value) = (place.sessions, 0.0);
        for i in order {
            if left == 0 {
                break;
            }
            let day = by_day.entry(place.days[i]).or_insert(0);
            let n = place.at_once[i].min(place.per_day - *day).min(left);
            *day += n;
            left -= n;
            taken[i] = n;
            value += f64::from(n) * worth(i);
        }
        (value, taken)
    }
}

/// The best Lagrangian bound of a part found in [`ROUNDS`] subgradient
/// rounds: for [`Goal::Penalty`] a lower bound on its course terms, for
/// [`Goal::Headcount`] an upper bound on its certified headcount.
fn lagrange(
    model: &Model,
    members: &[&Choices],
    places: &[Places],
    goal: Goal,
    budget: &Budget,
) -> f64 {
    let mut used: Vec<usize> = members.iter().flat_map(|c| used(c)).collect();
    used.sort_unstable();
    used.dedup();
    let mut prices = Prices {
        price: used
            .iter()
            .map(|&w| vec![0.0; places[w].periods.len()])
            .collect(),
        order: used
            .iter()
            .map(|&w| (0..places[w].periods.len()).collect())
            .collect(),
        used,
        places,
    };
    let mut classes: BTreeMap<Key, (&Choices, f64)> = BTreeMap::new();
    for &c in members {
        classes.entry(key(model, c)).or_insert((c, 0.0)).1 += 1.0;
    }
    let classes: Vec<(&Choices, f64)> = classes.into_values().collect();
    let wish = model.weights[Term::Wish] as f64;
    let mut best = f64::NEG_INFINITY;
    let mut step = 1.0;
    let mut since = 0;
    let mut pooled = true;
    let rounds = (ROUNDS * 200 / classes.len().max(1)).clamp(ROUNDS, MOST_ROUNDS);
    for round in 0..rounds {
        if round > 0 && budget.late() {
            break;
        }
        prices.sort();
        let mut value = 0.0;
        let mut taken: Vec<Vec<f64>> = prices.price.iter().map(|p| vec![0.0; p.len()]).collect();
        let answers: Vec<(f64, Vec<(usize, usize)>)> = classes
            .par_iter()
            .map(|&(c, _)| {
                let h = f64::from(model.members[c.member].headcount);
                let seats: Vec<(f64, (usize, usize))> = c
                    .items
                    .iter()
                    .map(|i| {
                        let (p, at) = prices.cheapest(i.workshop, &i.reach);
                        let road = match goal {
                            Goal::Penalty => f64::from_bits(i.road),
                            Goal::Headcount => 0.0,
                        };
                        (p * h + road, at)
                    })
                    .collect();
                let costs: Vec<f64> = seats.iter().map(|s| s.0).collect();
                let (v, chosen) = member_best(model, c, &costs, goal);
                (v, chosen.into_iter().map(|i| seats[i].1).collect())
            })
            .collect();
        for (&(c, n), (v, chosen)) in classes.iter().zip(answers) {
            let h = n * f64::from(model.members[c.member].headcount);
            value += n * v;
            for (k, i) in chosen {
                taken[k][i] += h;
            }
            if goal == Goal::Penalty {
                let one = h / n;
                for w in &c.wishes {
                    match w {
                        Some((w, reach)) => {
                            let (p, (k, i)) = prices.cheapest(*w, reach);
                            if p * one < wish {
                                value += p * h;
                                taken[k][i] += h;
                            } else {
                                value += n * wish;
                            }
                        }
                        None => value += n * wish,
                    }
                }
            }
        }
        let mut norm = 0.0;
        let mut gradient: Vec<Vec<f64>> = Vec::with_capacity(taken.len());
        for (k, mut g) in taken.into_iter().enumerate() {
            let (worth, sessions) = prices.programme(k);
            value -= worth;
            let place = &places[prices.used[k]];
            for (i, g) in g.iter_mut().enumerate() {
                *g -= f64::from(sessions[i]) * place.seats[i];
            }
            if pooled {
                let sum = g.iter().sum();
                g.iter_mut().for_each(|g| *g = sum);
                if prices.price[k].first().is_some_and(|&p| p > 0.0) || sum > 0.0 {
                    norm += sum * sum;
                }
            } else {
                for (i, g) in g.iter().enumerate() {
                    if prices.price[k][i] > 0.0 || *g > 0.0 {
                        norm += g * g;
                    }
                }
            }
            gradient.push(g);
        }
        // The bound of the penalty is `value`; that of the headcount `-value`.
        if value > best + 1e-9 {
            best = value;
            since = 0;
        } else {
            since += 1;
            if since >= PATIENCE[usize::from(!pooled)] {
                step /= 2.0;
                since = 0;
            }
        }
        if norm == 0.0 {
            if !pooled {
                break;
            }
            (pooled, step, since) = (false, 1.0, 0);
            continue;
        }
        let scale = match goal {
            Goal::Penalty => model.weights[Term::Uncertified] as f64,
            Goal::Headcount => 1.0,
        } * step
            / norm.sqrt();
        for (price, g) in prices.price.iter_mut().zip(&gradient) {
            for (p, g) in price.iter_mut().zip(g) {
                *p = (*p + scale * g).max(0.0);
            }
        }
        if round + 1 == POOLED {
            (pooled, step, since) = (false, 1.0, 0);
        }
    }
    match goal {
        Goal::Penalty => best.max(0.0),
        Goal::Headcount => -best,
    }
}

/// A member's best choice at these item costs (seat prices and road), and
/// the items it takes: for [`Goal::Penalty`] its least course terms (wishes
/// apart) plus costs; for [`Goal::Headcount`] minus the headcount it gets
/// certified, plus costs. An item another beats (its themes and more, for
/// no more) is never needed, nor more items than themes or than it can
/// attend.
fn member_best(model: &Model, c: &Choices, prices: &[f64], goal: Goal) -> (f64, Vec<usize>) {
    let member = &model.members[c.member];
    let h = f64::from(member.headcount);
    let full = (1u32 << c.n_themes) - 1;
    let items: Vec<usize> = (0..c.items.len())
        .filter(|&i| {
            let (bits, p) = (c.items[i].bits, prices[i]);
            !(0..c.items.len()).any(|j| {
                let (other, q) = (c.items[j].bits, prices[j]);
                j != i && other & bits == bits && (q < p || (q == p && (other != bits || j < i)))
            })
        })
        .collect();
    // cost[mask * width + k]: the least price of items reaching `mask`, with
    // those items; k counts them (k ≤ its themes: an item adds one) when
    // the member can attend fewer sessions than it has themes, otherwise it
    // is their number modulo `max_per_day`, and each item taken at k = 0
    // starts a day (the same ⌈items / max_per_day⌉ days, in fewer states).
    let per_day = member.max_per_day.max(1) as usize;
    let most = c.most.min(c.n_themes);
    let cyclic = most == c.n_themes;
    let width = match goal {
        Goal::Headcount if cyclic => 1,
        Goal::Penalty if cyclic => per_day.min(c.n_themes + 1),
        _ => c.n_themes + 1,
    };
    let day = if goal == Goal::Penalty && cyclic {
        c.day
    } else {
        0.0
    };
    let mut cost = vec![f64::INFINITY; (full as usize + 1) * width];
    let mut sets = vec![0u128; cost.len()];
    cost[0] = 0.0;
    for (n, &i) in items.iter().enumerate() {
        let bits = c.items[i].bits as usize;
        for state in (0..cost.len()).rev() {
            let (mask, k) = (state / width, state % width);
            if cost[state].is_infinite() || mask | bits == mask || (!cyclic && k >= most) {
                continue;
            }
            let next = (mask | bits) * width
                + if cyclic {
                    (k + 1) % per_day.min(width)
                } else {
                    k + 1
                };
            let v = cost[state] + prices[i] + if k == 0 { day } else { 0.0 };
            if v < cost[next] {
                cost[next] = v;
                sets[next] = sets[state] | 1u128.checked_shl(n as u32).unwrap_or(0);
            }
        }
    }
    let w = &model.weights;
    let mut best = (f64::INFINITY, 0);
    for (state, &price) in cost.iter().enumerate() {
        if price.is_infinite() {
            continue;
        }
        let (mask, k) = (state / width, state % width);
        let certified = mask as u32 == full && member.certificate;
        let v = match goal {
            Goal::Penalty => {
                let missing = f64::from((full & !(mask as u32)).count_ones());
                let left = if member.certificate && !certified {
                    h * (w[Term::Uncertified] as f64 + w[Term::ThemeMissing] as f64 * missing)
                } else {
                    0.0
                };
                let days = if cyclic { 0 } else { k.div_ceil(per_day) };
                price + left + days as f64 * c.day
            }
            Goal::Headcount => price - if certified { h } else { 0.0 },
        };
        if v < best.0 {
            best = (v, state);
        }
    }
    let chosen = (0..items.len().min(128))
        .filter(|&n| sets[best.1] >> n & 1 == 1)
        .map(|n| items[n])
        .collect();
    (best.0, chosen)
}
