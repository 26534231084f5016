//! The exact model of the most certified headcount on a part (good_lp; HiGHS
//! with the `highs` feature, microlp otherwise), for small parts.
//!
//! Binary x(m, o) when member m attends offer o (offers it may attend that
//! give it a needed theme), c(m) when m is certified, y(m, d) when a member
//! with `max_days` goes out on day d. Maximise Σ headcount(m)·c(m) subject to:
//! every needed theme covered when c(m) (Σ x over offers with the theme ≥
//! c(m)); one offer per period; `max_per_day` per day; one session per
//! workshop; no two offers of a day the road between them makes
//! incompatible (pairs suffice: travel times are shortest paths); y(m, d) ≥
//! x(m, o) for o on d and Σ y ≤ `max_days`; seats: Σ headcount·x ≤ capacity.
//! Limited by branch-and-bound nodes (see [`rally_plan::backend`]); the
//! caller keeps the heuristic's courses unless the model certifies more.

use crate::course::Ctx;
use good_lp::{constraint, variable, Expression, ProblemVariables, Variable};
use rally_search::mip::{self as backend, Sense};
use rally_search::Budget;
use std::collections::BTreeMap;

/// Parts with at most this many x variables go through the exact model.
const MAX_VARIABLES: usize = 600;

/// The exact model's answer.
#[derive(Debug, Clone)]
pub struct Exact {
    /// For each local member, its course when the model certifies it.
    pub courses: Vec<Option<Vec<usize>>>,
    /// Certified headcount.
    pub headcount: u64,
    /// Whether the solver proved it optimal.
    pub optimal: bool,
}

/// Offers of a member that give it a needed theme, when it is certifiable.
fn candidates(ctx: &Ctx, lm: usize) -> Vec<usize> {
    let m = ctx.part.members[lm];
    let member = &ctx.board.model.members[m];
    if !member.certificate || !ctx.board.reach[m].certifiable {
        return Vec::new();
    }
    ctx.part.usable[lm]
        .iter()
        .copied()
        .filter(|&o| ctx.board.model.workshops[ctx.offer(o).workshop].themes & member.themes != 0)
        .collect()
}

/// Whether the model on these members of a part is small enough to solve.
pub fn fits(ctx: &Ctx, who: &[usize]) -> bool {
    let n: usize = who.iter().map(|&lm| candidates(ctx, lm).len()).sum();
    n > 0 && n <= MAX_VARIABLES
}

/// Solves the model on some members of a part (the others ignored), within
/// `nodes` of branch and bound and the budget's deadline; `None` when the
/// solver found nothing.
pub fn solve(ctx: &Ctx, who: &[usize], nodes: u64, budget: &Budget) -> Option<Exact> {
    let model = ctx.board.model;
    if budget.late() {
        return None;
    }
    let mut vars = ProblemVariables::new();
    let mut objective = Expression::default();
    let mut constraints = Vec::new();
    let mut xs: Vec<Vec<(usize, Variable)>> = Vec::new();
    let mut cs: Vec<Option<Variable>> = Vec::new();
    let mut seats: BTreeMap<usize, Expression> = BTreeMap::new();
    for lm in 0..ctx.part.members.len() {
        let offers = if who.contains(&lm) {
            candidates(ctx, lm)
        } else {
            Vec::new()
        };
        if offers.is_empty() {
            xs.push(Vec::new());
            cs.push(None);
            continue;
        }
        let m = ctx.member(lm);
        let c = vars.add(variable().binary());
        objective += m.headcount as f64 * c;
        let x: Vec<(usize, Variable)> = offers
            .iter()
            .map(|&o| (o, vars.add(variable().binary())))
            .collect();
        for &(o, v) in &x {
            *seats.entry(o).or_default() += m.headcount as f64 * v;
        }
        for t in (0..64).filter(|t| m.themes >> t & 1 == 1) {
            let cover: Expression = x
                .iter()
                .filter(|(o, _)| model.workshops[ctx.offer(*o).workshop].themes >> t & 1 == 1)
                .map(|&(_, v)| v)
                .sum();
            constraints.push(constraint!(cover >= c));
        }
        let mut by_period: BTreeMap<usize, Expression> = BTreeMap::new();
        let mut by_day: BTreeMap<usize, Vec<Variable>> = BTreeMap::new();
        let mut by_workshop: BTreeMap<usize, Expression> = BTreeMap::new();
        for &(o, v) in &x {
            let offer = ctx.offer(o);
            *by_period.entry(offer.at.period).or_default() += v;
            by_day.entry(ctx.day(o)).or_default().push(v);
            *by_workshop.entry(offer.workshop).or_default() += v;
        }
        constraints.extend(by_period.into_values().map(|e| constraint!(e <= 1)));
        constraints.extend(by_workshop.into_values().map(|e| constraint!(e <= 1)));
        for (i, &(a, va)) in x.iter().enumerate() {
            for &(b, vb) in &x[i + 1..] {
                let (p, q) = (ctx.offer(a), ctx.offer(b));
                if ctx.day(a) != ctx.day(b) || p.at.period == q.at.period {
                    continue;
                }
                if !model.reaches_in_time(p.at.venue, p.end, q.at.venue, q.start) {
                    constraints.push(constraint!(va + vb <= 1));
                }
            }
        }
        let mut days_out = Expression::default();
        for list in by_day.values() {
            let sum: Expression = list.iter().copied().sum();
            constraints.push(constraint!(sum <= m.max_per_day as f64));
            if m.max_days.is_some() {
                let y = vars.add(variable().binary());
                days_out += y;
                constraints.extend(list.iter().map(|&v| constraint!(v <= y)));
            }
        }
        if let Some(max) = m.max_days {
            constraints.push(constraint!(days_out <= max as f64));
        }
        xs.push(x);
        cs.push(Some(c));
    }
    for (o, e) in seats {
        constraints.push(constraint!(e <= ctx.capacity(o) as f64));
    }
    let solution = backend::solve(vars, Sense::Maximise, objective, constraints, nodes, budget)?;
    let optimal = solution.optimal;
    let mut headcount = 0;
    let courses = xs
        .iter()
        .zip(&cs)
        .enumerate()
        .map(|(lm, (x, c))| {
            let c = (*c)?;
            if solution.value(c) < 0.5 {
                return None;
            }
            headcount += ctx.member(lm).headcount as u64;
            Some(
                x.iter()
                    .filter(|(_, v)| solution.value(*v) > 0.5)
                    .map(|&(o, _)| o)
                    .collect(),
            )
        })
        .collect();
    Some(Exact {
        courses,
        headcount,
        optimal,
    })
}
