//! Bounds that hold for every plan of the edition, whatever its programme:
//! a lower bound on the course terms of SPEC §7 (added to the planner's
//! bound on the programme terms) and an upper bound on the certified
//! headcount.
//!
//! The relaxation keeps, for every member, the workshops it could attend in
//! one of their placements (the checker's barriers: audience, territory,
//! travel, availability, seats for its headcount), one session of each, and
//! ⌈sessions / `max_per_day`⌉ days out; and, for every
//! workshop, its seats: all its sessions together hold at most `sessions ×`
//! its largest capacity. Periods, venues, `max_days` and the road between
//! sessions are dropped, but each day out costs its weight and twice the
//! road from the base to the nearest venue the member could use.
//!
//! The seat constraints are dualised (Lagrangian relaxation): for prices
//! λ ≥ 0 per seat of each workshop, every member's best choice is solved
//! exactly by a dynamic programme over its themes and sessions, and Σ members − Σ λ·seats is a bound for any λ; subgradient
//! steps improve λ for a fixed number of rounds (work, not time). Being
//! solved in integers for each member, it is at least as strong as the
//! linear relaxation of the same model. Members of different territories
//! share no workshop seats only through regional workshops, so the bound
//! is computed per independent part (members linked by shared workshops),
//! in parallel.

use rally_check::certify;
use rally_check::Offer;
use rally_model::{Model, Term};
use rally_plan::instance::Instance;
use rally_search::Budget;
use rayon::prelude::*;
use std::collections::BTreeMap;

/// Subgradient rounds per part.
const ROUNDS: usize = 40;
/// Rounds without a better bound before the step is halved.
const PATIENCE: usize = 3;

/// Both bounds of the edition.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Bounds {
    /// No plan's course terms are lower.
    pub course_terms: i64,
    /// No plan certifies more people.
    pub certified: u64,
}

/// What one member may choose in the relaxation.
struct Choices {
    member: usize,
    /// (workshop, needed themes it gives, as bits of `themes`).
    items: Vec<(usize, u32)>,
    /// The member's needed themes (edition theme indices).
    n_themes: usize,
    /// Cost of one day out: its weight and twice the nearest road.
    day: f64,
    /// Wishes no needed theme brings it to, by workshop (`None`: cannot attend).
    wishes: Vec<Option<usize>>,
}

/// The bounds of the edition, from the instance's placements; the clock
/// or the cancel flag of `budget` only end the rounds sooner (a weaker bound).
pub fn bounds(instance: &Instance, budget: &Budget) -> Bounds {
    let model = instance.model;
    let seats = seats(instance);
    let of_placements = |f: &dyn Fn(usize) -> usize| -> Vec<Vec<usize>> {
        (0..model.workshops.len())
            .map(|w| {
                let mut list: Vec<usize> =
                    instance.placements[w].iter().map(|p| f(p.venue)).collect();
                list.sort_unstable();
                list.dedup();
                list
            })
            .collect()
    };
    let territories = of_placements(&|v| model.venues[v].territory);
    let venues = of_placements(&|v| v);
    let choices: Vec<Choices> = (0..model.members.len())
        .into_par_iter()
        .map(|m| choices(instance, &territories, &venues, m))
        .collect();
    let parts = parts(model, &choices);
    let results: Vec<(f64, f64)> = parts
        .par_iter()
        .map(|part| {
            let members: Vec<&Choices> = part.iter().map(|&i| &choices[i]).collect();
            (
                lagrange(model, &members, &seats, Goal::Penalty, budget),
                lagrange(model, &members, &seats, Goal::Headcount, budget),
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

/// Each workshop's seats over all its sessions: `sessions ×` its largest capacity.
fn seats(instance: &Instance) -> Vec<f64> {
    let model = instance.model;
    (0..model.workshops.len())
        .map(|w| {
            let most = instance.placements[w]
                .iter()
                .map(|p| model.capacity_at(w, p.venue))
                .max()
                .unwrap_or(0);
            f64::from(most) * model.workshops[w].n_sessions as f64
        })
        .collect()
}

/// The workshops a member could attend in one of their placements, and
/// what they give it (`territories` and `venues`: those of each workshop's
/// placements).
fn choices(
    instance: &Instance,
    territories: &[Vec<usize>],
    venues: &[Vec<usize>],
    m: usize,
) -> Choices {
    let model = instance.model;
    let member = &model.members[m];
    let need = if member.certificate { member.themes } else { 0 };
    let themes: Vec<usize> = (0..model.themes.len())
        .filter(|t| need >> t & 1 == 1)
        .collect();
    let mut items = Vec::new();
    let mut nearest: Option<u32> = None;
    let mut wishes = Vec::new();
    for w in 0..model.workshops.len() {
        let gives = model.workshops[w].themes & need;
        let wished = member.wishes.contains(&w);
        let near = member
            .territory
            .is_none_or(|t| territories[w].binary_search(&t).is_ok());
        if gives == 0 && !wished || !near && gives != 0 {
            continue;
        }
        let open = instance.placements[w].iter().any(|p| {
            let (start, end) = model.times_in(w, p.period);
            let offer = Offer {
                placed: 0,
                session: model.workshops[w].first_session,
                workshop: w,
                at: *p,
                start,
                end,
                capacity: model.capacity_at(w, p.venue),
            };
            certify::barrier(model, m, &offer).is_none()
        });
        if open && gives != 0 {
            // The nearest of the workshop's venues, attended or not (no farther
            // than the nearest it could attend, so the bound stays below).
            let road = venues[w]
                .iter()
                .filter_map(|&v| {
                    member
                        .base
                        .map_or(Some(0), |b| model.travel.minutes(b, model.venues[v].node))
                })
                .min()
                .unwrap_or(0);
            nearest = Some(nearest.map_or(road, |n| n.min(road)));
        }
        if gives == 0 {
            wishes.push(open.then_some(w));
            continue;
        }
        if open {
            let bits = themes
                .iter()
                .enumerate()
                .filter(|(_, &t)| gives >> t & 1 == 1)
                .fold(0u32, |b, (i, _)| b | 1 << i);
            items.push((w, bits));
        }
    }
    let w = &model.weights;
    let day_weight = w[if member.is_group {
        Term::GroupDay
    } else {
        Term::ParticipantDay
    }];
    let road = f64::from(nearest.unwrap_or(0)) * w[Term::TravelMinute] as f64;
    Choices {
        member: m,
        n_themes: themes.len(),
        items,
        day: day_weight as f64 + 2.0 * road,
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
        let used = c
            .items
            .iter()
            .map(|&(w, _)| w)
            .chain(c.wishes.iter().flatten().copied());
        for w in used {
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

/// What makes two members' choices the same problem: items, wishes, the
/// cost of a day, headcount, certificate, sessions a day and themes.
type Key = (
    Vec<(usize, u32)>,
    Vec<Option<usize>>,
    u64,
    u32,
    bool,
    u32,
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

/// The best Lagrangian bound of a part found in [`ROUNDS`] subgradient
/// rounds: for [`Goal::Penalty`] a lower bound on its course terms, for
/// [`Goal::Headcount`] an upper bound on its certified headcount.
fn lagrange(
    model: &Model,
    members: &[&Choices],
    seats: &[f64],
    goal: Goal,
    budget: &Budget,
) -> f64 {
    let mut used: Vec<usize> = members
        .iter()
        .flat_map(|c| {
            c.items
                .iter()
                .map(|&(w, _)| w)
                .chain(c.wishes.iter().flatten().copied())
        })
        .collect();
    used.sort_unstable();
    used.dedup();
    let slot = |w: usize| used.binary_search(&w).expect("a used workshop");
    let mut classes: BTreeMap<Key, (&Choices, f64)> = BTreeMap::new();
    for &c in members {
        classes.entry(key(model, c)).or_insert((c, 0.0)).1 += 1.0;
    }
    let classes: Vec<(&Choices, f64)> = classes.into_values().collect();
    let mut price = vec![0.0f64; used.len()];
    let mut best = f64::NEG_INFINITY;
    let mut step = 1.0;
    let mut since = 0;
    for round in 0..ROUNDS {
        if round > 0 && budget.late() {
            break;
        }
        let mut value = 0.0;
        let mut taken = vec![0.0f64; used.len()];
        let answers: Vec<(f64, Vec<usize>)> = classes
            .par_iter()
            .map(|&(c, _)| {
                let h = f64::from(model.members[c.member].headcount);
                let prices: Vec<f64> = c.items.iter().map(|&(w, _)| price[slot(w)] * h).collect();
                member_best(model, c, &prices, goal)
            })
            .collect();
        for (&(c, n), (v, chosen)) in classes.iter().zip(answers) {
            let h = n * f64::from(model.members[c.member].headcount);
            value += n * v;
            for i in chosen {
                taken[slot(c.items[i].0)] += h;
            }
            if goal == Goal::Penalty {
                let one = h / n;
                for w in &c.wishes {
                    match w {
                        Some(w) if price[slot(*w)] * one < model.weights[Term::Wish] as f64 => {
                            value += price[slot(*w)] * h;
                            taken[slot(*w)] += h;
                        }
                        _ => value += n * model.weights[Term::Wish] as f64,
                    }
                }
            }
        }
        let mut norm = 0.0;
        for (k, &w) in used.iter().enumerate() {
            value -= price[k] * seats[w];
            let g = taken[k] - seats[w];
            if price[k] > 0.0 || g > 0.0 {
                norm += g * g;
            }
        }
        // The bound of the penalty is `value`; that of the headcount `-value`.
        if value > best + 1e-9 {
            best = value;
            since = 0;
        } else {
            since += 1;
            if since >= PATIENCE {
                step /= 2.0;
                since = 0;
            }
        }
        if norm == 0.0 {
            break;
        }
        let scale = match goal {
            Goal::Penalty => model.weights[Term::Uncertified] as f64,
            Goal::Headcount => 1.0,
        } * step
            / norm.sqrt();
        for (k, &w) in used.iter().enumerate() {
            let g = taken[k] - seats[w];
            price[k] = (price[k] + scale * g).max(0.0);
        }
    }
    match goal {
        Goal::Penalty => best.max(0.0),
        Goal::Headcount => -best,
    }
}

/// A member's best choice at these item prices, and the items it takes: for
/// [`Goal::Penalty`] its least course terms (wishes apart) plus prices; for [`Goal::Headcount`] minus the headcount it gets
/// certified, plus prices. An item another beats (its themes and more, for
/// no more) is never needed, nor more items than themes.
fn member_best(model: &Model, c: &Choices, prices: &[f64], goal: Goal) -> (f64, Vec<usize>) {
    let member = &model.members[c.member];
    let h = f64::from(member.headcount);
    let full = (1u32 << c.n_themes) - 1;
    let items: Vec<usize> = (0..c.items.len())
        .filter(|&i| {
            let (bits, p) = (c.items[i].1, prices[i]);
            !(0..c.items.len()).any(|j| {
                let (other, q) = (c.items[j].1, prices[j]);
                j != i && other & bits == bits && (q < p || (q == p && (other != bits || j < i)))
            })
        })
        .collect();
    // cost[mask * width + k]: the least price of k items reaching `mask`
    // (k ≤ its themes: an item adds one), with those items.
    let per_day = member.max_per_day.max(1) as usize;
    let width = match goal {
        Goal::Penalty => c.n_themes + 1,
        Goal::Headcount => 1,
    };
    let mut cost = vec![f64::INFINITY; (full as usize + 1) * width];
    let mut sets = vec![0u128; cost.len()];
    cost[0] = 0.0;
    for (n, &i) in items.iter().enumerate() {
        let bits = c.items[i].1 as usize;
        for state in (0..cost.len()).rev() {
            let (mask, k) = (state / width, state % width);
            if cost[state].is_infinite() || mask | bits == mask {
                continue;
            }
            let next = (mask | bits) * width + (k + 1).min(width - 1);
            let v = cost[state] + prices[i];
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
                price + left + k.div_ceil(per_day) as f64 * c.day
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
