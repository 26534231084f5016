//! The heuristic, part by part (in parallel): members in order of scarcity
//! each take their best course with the seats left; members left out though
//! certifiable are then let in by ejection chains (the occupants of the seats
//! they need move to other courses that keep them certified); a local search
//! then re-optimises every course in a seeded order. Small parts also go
//! through the exact model (limited by nodes). Anytime: after the greedy
//! pass, every phase stops when the budget is cut short by the clock.
//!
//! Re-planning (the board has [`Previous`] courses): the search weighs
//! `rerouted` in every course's cost (partial courses included:
//! `theme_missing` counts) and an ejection chain stands only where the
//! part's penalty drops. It starts ([`Start`]) from the courses kept, routing
//! those with none, or from nothing, routing everyone as a first solve does.

use crate::board::{Board, Previous};
use crate::course::{self, Choice, Ctx, Leeway};
use crate::{bound, exact};
use rally_check::penalty;
use rally_model::Term;
use rally_search::{Budget, Progress};
use rand::seq::SliceRandom;
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use rayon::prelude::*;

/// How deep an ejection chain goes (moves of moves).
const CHAIN_DEPTH: usize = 2;
/// Occupants tried per seat to free.
const TRIES_PER_SEAT: usize = 12;
/// Rounds of repair and local search.
const ROUNDS: usize = 3;
/// Passes of the local search in a round.
const PASSES: usize = 3;
/// Branch-and-bound nodes for the exact model of a part's groups.
const GROUP_NODES: u64 = 50;
/// Branch-and-bound nodes for the exact model of a whole (small) part.
const PART_NODES: u64 = 2000;

/// The courses found for every member, with what is known of their quality.
#[derive(Debug, Clone)]
pub struct Found {
    /// For each member, board offer indices in period order.
    pub courses: Vec<Vec<usize>>,
    /// Upper bound on the certified headcount.
    pub upper_bound: u64,
    /// Whether every part's headcount is proven optimal.
    pub optimal: bool,
    /// The course terms as the search keeps them, incrementally (asserted
    /// against the checker's in debug builds).
    pub objective: i64,
}

/// Where a re-planning search starts (without [`Previous`] courses, from nothing).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Start {
    /// From the courses the members keep: few changes, but seats stay where
    /// they were.
    Kept,
    /// From nothing: every course routed anew, `rerouted` priced, so a
    /// member takes its published sessions back where seats allow.
    Scratch,
}

/// Runs the search on every independent part of the board.
pub fn run(
    board: &Board,
    seed: u64,
    budget: &Budget,
    progress: Option<&(dyn Fn(i64) + Sync)>,
) -> Found {
    run_from(board, Start::Kept, seed, budget, progress)
}

/// Runs the search on every independent part of the board, starting from `start`.
pub fn run_from(
    board: &Board,
    start: Start,
    seed: u64,
    budget: &Budget,
    progress: Option<&(dyn Fn(i64) + Sync)>,
) -> Found {
    let parts = board.parts();
    let tracker = Progress::new(progress, parts.len());
    let results: Vec<(Vec<Vec<usize>>, u64, bool, i64)> = parts
        .par_iter()
        .enumerate()
        .map(|(i, part)| {
            let ctx = Ctx { board, part };
            let mut s = Solver {
                ctx: &ctx,
                a: Assignment::new(&ctx),
                budget,
                tracker: &tracker,
                index: i,
                checked: vec![None; part.members.len()],
                start,
            };
            let (bound, optimal) = s.solve(seed);
            let objective = s.a.objective(&ctx);
            (s.a.course, bound, optimal, objective)
        })
        .collect();
    let mut courses = vec![Vec::new(); board.model.members.len()];
    let mut upper_bound = 0;
    let mut optimal = true;
    let mut objective = 0;
    for (part, (local, bound, opt, cost)) in parts.iter().zip(results) {
        for (lm, course) in local.into_iter().enumerate() {
            courses[part.members[lm]] = course.into_iter().map(|o| part.offers[o]).collect();
        }
        upper_bound += bound;
        optimal &= opt;
        objective += cost;
    }
    Found {
        courses,
        upper_bound,
        optimal,
        objective: objective + outside_parts(board, &parts),
    }
}

/// The course terms (and `rerouted`, when re-planning) of given courses (board
/// offers per member), computed afresh as [`Found::objective`] is: a re-plan
/// holds the search's score against the checker's with it.
pub fn objective(board: &Board, courses: &[Vec<usize>]) -> i64 {
    let parts = board.parts();
    let inside: i64 = parts
        .iter()
        .map(|part| {
            let ctx = Ctx { board, part };
            let mut a = Assignment::new(&ctx);
            for (lm, &m) in part.members.iter().enumerate() {
                let local = courses[m]
                    .iter()
                    .map(|o| part.offers.binary_search(o).expect("offer of the part"))
                    .collect();
                a.put(&ctx, lm, local);
            }
            a.objective(&ctx)
        })
        .sum();
    inside + outside_parts(board, &parts)
}

/// The course terms no search can change: members who may attend nothing
/// (their empty course) and offers nobody may attend (their `underfill`).
fn outside_parts(board: &Board, parts: &[crate::board::Part]) -> i64 {
    let model = board.model;
    let mut in_part = vec![false; model.members.len()];
    let mut offered = vec![false; board.offers.len()];
    for part in parts {
        part.members.iter().for_each(|&m| in_part[m] = true);
        part.offers.iter().for_each(|&o| offered[o] = true);
    }
    let mut p = rally_check::Penalty::default();
    for m in (0..model.members.len()).filter(|&m| !in_part[m]) {
        penalty::member_terms(model, m, 0, |_| false, std::iter::empty(), &mut p);
    }
    let empty = (0..board.offers.len()).filter(|&o| !offered[o]);
    let underfill: i64 = empty
        .map(|o| penalty::underfill(model, board.offers[o].workshop, 0))
        .sum();
    p.with_total().total + underfill
}

/// The courses of a part's members and the seats they take.
#[derive(Debug, Clone)]
pub struct Assignment {
    /// For each local member, local offers in period order.
    pub course: Vec<Vec<usize>>,
    /// Headcount attending each local offer.
    pub load: Vec<u32>,
    /// Local members attending each local offer.
    pub attendees: Vec<Vec<usize>>,
    /// Counts the changes of seats.
    pub stamp: u64,
    /// For each local offer, the stamp of its last change of seats.
    pub changed: Vec<u64>,
}

impl Assignment {
    /// No one attends anything.
    pub fn new(ctx: &Ctx) -> Assignment {
        Assignment {
            course: vec![Vec::new(); ctx.part.members.len()],
            load: vec![0; ctx.part.offers.len()],
            attendees: vec![Vec::new(); ctx.part.offers.len()],
            stamp: 0,
            changed: vec![0; ctx.part.offers.len()],
        }
    }

    /// Gives a member (attending nothing) a course.
    pub fn put(&mut self, ctx: &Ctx, lm: usize, course: Vec<usize>) {
        let h = ctx.member(lm).headcount;
        self.stamp += 1;
        for &o in &course {
            self.load[o] += h;
            self.attendees[o].push(lm);
            self.changed[o] = self.stamp;
        }
        self.course[lm] = course;
    }

    /// Takes a member's course away and returns it.
    pub fn take(&mut self, ctx: &Ctx, lm: usize) -> Vec<usize> {
        let h = ctx.member(lm).headcount;
        let course = std::mem::take(&mut self.course[lm]);
        self.stamp += 1;
        for &o in &course {
            self.load[o] -= h;
            self.attendees[o].retain(|&x| x != lm);
            self.changed[o] = self.stamp;
        }
        course
    }

    /// Whether a member's course validates all its themes.
    pub fn certified(&self, ctx: &Ctx, lm: usize) -> bool {
        let themes = ctx
            .board
            .model
            .validated(self.course[lm].iter().map(|&o| ctx.offer(o).workshop));
        let m = ctx.member(lm);
        m.certificate && m.certified_by(themes)
    }

    /// Certified headcount.
    pub fn headcount(&self, ctx: &Ctx) -> u64 {
        (0..self.course.len())
            .filter(|&lm| self.certified(ctx, lm))
            .map(|lm| ctx.member(lm).headcount as u64)
            .sum()
    }

    /// The part's course terms of §7: every member's own terms and the
    /// underfill of the part's offers.
    pub fn objective(&self, ctx: &Ctx) -> i64 {
        let members: i64 = (0..self.course.len())
            .map(|lm| course::terms(ctx, lm, &self.course[lm], true))
            .sum();
        let underfill: i64 = (0..self.load.len())
            .map(|o| {
                penalty::underfill(ctx.board.model, ctx.offer(o).workshop, self.load[o].into())
            })
            .sum();
        let rerouted: i64 = (0..self.course.len())
            .map(|lm| course::rerouted(ctx, lm, &self.course[lm]))
            .sum();
        members + rerouted + underfill
    }
}

/// A record of changed courses, to undo a failed chain.
type Log = Vec<(usize, Vec<usize>)>;

/// The search on one part.
struct Solver<'a> {
    ctx: &'a Ctx<'a>,
    a: Assignment,
    budget: &'a Budget,
    tracker: &'a Progress<'a>,
    index: usize,
    /// For each local member, the stamp at its last turn of local search.
    checked: Vec<Option<u64>>,
    /// Where a re-planning search starts.
    start: Start,
}

impl Solver<'_> {
    fn late(&self) -> bool {
        self.budget.late()
    }

    fn report(&self) {
        self.tracker.report(self.index, self.a.objective(self.ctx));
    }

    /// The rule of the local search: partial courses count when re-planning
    /// (its costs are then the penalty's own).
    fn rule(&self) -> Leeway<'static> {
        Leeway {
            partial: self.ctx.board.previous.is_some(),
            ..Leeway::default()
        }
    }

    fn certifiable(&self, lm: usize) -> bool {
        let m = self.ctx.part.members[lm];
        self.ctx.board.model.members[m].certificate && self.ctx.board.reach[m].certifiable
    }

    /// Every phase in turn; returns the part's upper bound and whether it is proven.
    fn solve(&mut self, seed: u64) -> (u64, bool) {
        let ctx = self.ctx;
        if let (Some(previous), Start::Kept) = (&ctx.board.previous, self.start) {
            return self.solve_from(previous, seed);
        }
        let order = self.scarcity_order(seed);
        let groups: Vec<usize> = order
            .iter()
            .copied()
            .filter(|&lm| self.ctx.member(lm).is_group && self.certifiable(lm))
            .collect();
        self.greedy(&groups);
        let wanted: u64 = groups
            .iter()
            .map(|&lm| self.ctx.member(lm).headcount as u64)
            .sum();
        if self.a.headcount(self.ctx) < wanted && exact::fits(self.ctx, &groups) {
            if let Some(found) = exact::solve(self.ctx, &groups, GROUP_NODES, self.budget) {
                self.adopt_if_better(&found);
            }
        }
        let rest: Vec<usize> = order
            .iter()
            .copied()
            .filter(|lm| !groups.contains(lm))
            .collect();
        self.greedy(&rest);
        self.report();
        let mut rng = ChaCha8Rng::seed_from_u64(seed ^ self.ctx.part.members[0] as u64);
        let mut upper = bound::part(self.ctx);
        let mut optimal = false;
        let everyone: Vec<usize> = (0..self.ctx.part.members.len()).collect();
        if exact::fits(self.ctx, &everyone) && !self.late() {
            if let Some(found) = exact::solve(self.ctx, &everyone, PART_NODES, self.budget) {
                if self.adopt_if_better(&found) {
                    let rest: Vec<usize> = order
                        .iter()
                        .copied()
                        .filter(|&lm| found.courses[lm].is_none())
                        .collect();
                    self.greedy(&rest);
                    self.report();
                }
                if found.optimal {
                    upper = upper.min(found.headcount);
                    optimal = true;
                }
            }
        }
        let got = self.settle(&order, &mut rng);
        (upper.max(got), optimal || got >= upper)
    }

    /// Repair and local search in rounds until neither changes anything or
    /// time is up, then partial courses on the seats left: the certified
    /// headcount it ends with.
    fn settle(&mut self, order: &[usize], rng: &mut ChaCha8Rng) -> u64 {
        for _ in 0..ROUNDS {
            let repaired = self.repair(order);
            let improved = self.local_search(rng);
            self.report();
            if (!repaired && !improved) || self.late() {
                break;
            }
        }
        self.partial_courses();
        self.a.headcount(self.ctx)
    }

    /// Re-planning: every member starts from the course it keeps, those with
    /// none take their best one in order of scarcity, then repair and local
    /// search as in [`Solver::solve`], each change standing only where it pays.
    fn solve_from(&mut self, previous: &Previous, seed: u64) -> (u64, bool) {
        let part = self.ctx.part;
        for (lm, &m) in part.members.iter().enumerate() {
            let kept: Vec<usize> = previous.kept[m]
                .iter()
                .filter_map(|o| part.offers.binary_search(o).ok())
                .collect();
            self.a.put(self.ctx, lm, kept);
        }
        let order = self.scarcity_order(seed);
        let empty: Vec<usize> = order
            .iter()
            .copied()
            .filter(|&lm| self.a.course[lm].is_empty())
            .collect();
        for lm in empty {
            let choice = course::best(self.ctx, lm, &self.a.load, Leeway::default());
            self.a.put(self.ctx, lm, choice.offers);
        }
        self.report();
        let mut rng = ChaCha8Rng::seed_from_u64(seed ^ part.members[0] as u64);
        let got = self.settle(&order, &mut rng);
        (bound::part(self.ctx).max(got), false)
    }

    /// Who stays uncertified comes, on the seats left, for the themes it can
    /// validate (`theme_missing`): a last pass that moves nobody else, so the
    /// certified headcount stays what the search reached.
    fn partial_courses(&mut self) {
        let rule = Leeway {
            partial: true,
            ..Leeway::default()
        };
        for lm in 0..self.ctx.part.members.len() {
            if !self.ctx.member(lm).certificate || self.a.certified(self.ctx, lm) {
                continue;
            }
            let old = self.a.take(self.ctx, lm);
            let before = course::cost(self.ctx, lm, &old, &self.a.load, rule);
            let choice = course::best(self.ctx, lm, &self.a.load, rule);
            if choice.cost < before {
                self.a.put(self.ctx, lm, choice.offers);
            } else {
                self.a.put(self.ctx, lm, old);
            }
        }
    }

    /// Members by scarcity: certifiable first, large groups first, then fewer
    /// usable sessions first; ties in a seeded random order.
    fn scarcity_order(&self, seed: u64) -> Vec<usize> {
        let n = self.ctx.part.members.len();
        let mut rng = ChaCha8Rng::seed_from_u64(seed.wrapping_add(self.ctx.part.members[0] as u64));
        let mut tie: Vec<usize> = (0..n).collect();
        tie.shuffle(&mut rng);
        let mut order: Vec<usize> = (0..n).collect();
        order.sort_by_key(|&lm| {
            (
                !self.certifiable(lm),
                std::cmp::Reverse(self.ctx.member(lm).headcount),
                self.ctx.part.usable[lm].len(),
                tie[lm],
            )
        });
        order
    }

    /// Each member in turn takes its best course with the seats left.
    fn greedy(&mut self, order: &[usize]) {
        for &lm in order {
            let choice = course::best(self.ctx, lm, &self.a.load, Leeway::default());
            self.a.put(self.ctx, lm, choice.offers);
        }
    }

    /// Gives the members the exact model certifies their courses.
    /// Replaces the assignment by the exact model's when it certifies more
    /// people; whether it did.
    fn adopt_if_better(&mut self, found: &exact::Exact) -> bool {
        let better = found.headcount > self.a.headcount(self.ctx);
        if better {
            self.a = Assignment::new(self.ctx);
            self.adopt(&found.courses);
        }
        better
    }

    fn adopt(&mut self, courses: &[Option<Vec<usize>>]) {
        for (lm, c) in courses.iter().enumerate() {
            if let Some(c) = c {
                self.a.put(self.ctx, lm, c.clone());
            }
        }
    }

    /// Tries an ejection chain for every certifiable member left uncertified;
    /// whether one succeeded.
    fn repair(&mut self, order: &[usize]) -> bool {
        let mut any = false;
        for &lm in order {
            if self.late() {
                break;
            }
            if self.certifiable(lm) && !self.a.certified(self.ctx, lm) {
                any |= self.let_in(lm);
            }
        }
        any
    }

    /// Gives `lm` a certifying course, moving occupants of the seats it needs;
    /// undone unless everyone moved stays certified.
    fn let_in(&mut self, lm: usize) -> bool {
        let replanning = self.ctx.board.previous.is_some();
        let before = replanning.then(|| self.a.objective(self.ctx));
        let mut log: Log = Vec::new();
        let old = self.a.take(self.ctx, lm);
        log.push((lm, old.clone()));
        let relaxed = self.relaxed(lm, &[]);
        if !relaxed.certified {
            self.a.put(self.ctx, lm, old);
            return false;
        }
        self.a.put(self.ctx, lm, relaxed.offers);
        let locked = self.overbooked(lm);
        let mut moved = vec![lm];
        let pays = |s: &Self| before.is_none_or(|b| s.a.objective(s.ctx) < b);
        if self.make_room(&locked, CHAIN_DEPTH, &mut log, &mut moved) && pays(self) {
            true
        } else {
            self.rollback(&mut log, 0);
            false
        }
    }

    /// The member's best course when full sessions may be used at a cost.
    fn relaxed(&self, lm: usize, forbidden: &[usize]) -> Choice {
        let h = self.ctx.member(lm).headcount as i64;
        let overbook = self.ctx.board.model.weights[Term::Uncertified] * h / 4 + 1;
        course::best(
            self.ctx,
            lm,
            &self.a.load,
            Leeway {
                forbidden,
                overbook: Some(overbook),
                partial: false,
            },
        )
    }

    /// Sessions of a member's course that hold more than their seats.
    fn overbooked(&self, lm: usize) -> Vec<usize> {
        let mut out: Vec<usize> = self.a.course[lm]
            .iter()
            .copied()
            .filter(|&o| self.a.load[o] > self.ctx.capacity(o))
            .collect();
        out.sort_unstable();
        out
    }

    /// Moves occupants out of the overbooked `locked` sessions until every
    /// one holds its seats.
    fn make_room(
        &mut self,
        locked: &[usize],
        depth: usize,
        log: &mut Log,
        moved: &mut Vec<usize>,
    ) -> bool {
        for &o in locked {
            while self.a.load[o] > self.ctx.capacity(o) {
                let mut candidates: Vec<usize> = self.a.attendees[o]
                    .iter()
                    .copied()
                    .filter(|c| !moved.contains(c))
                    .collect();
                candidates.sort_by_key(|&c| (self.ctx.member(c).headcount, c));
                let freed = candidates
                    .into_iter()
                    .take(TRIES_PER_SEAT)
                    .any(|c| self.relocate(c, locked, depth, log, moved));
                if !freed {
                    return false;
                }
            }
        }
        true
    }

    /// Moves `c` to a course without the `locked` sessions that keeps it
    /// certified if it was, by a deeper chain if needed.
    fn relocate(
        &mut self,
        c: usize,
        locked: &[usize],
        depth: usize,
        log: &mut Log,
        moved: &mut Vec<usize>,
    ) -> bool {
        let mark = log.len();
        let was = self.a.certified(self.ctx, c);
        let old = self.a.take(self.ctx, c);
        log.push((c, old));
        moved.push(c);
        let rule = Leeway {
            forbidden: locked,
            overbook: None,
            partial: false,
        };
        let choice = course::best(self.ctx, c, &self.a.load, rule);
        if choice.certified || !was {
            self.a.put(self.ctx, c, choice.offers);
            return true;
        }
        if depth > 1 && !self.late() {
            let relaxed = self.relaxed(c, locked);
            if relaxed.certified {
                self.a.put(self.ctx, c, relaxed.offers);
                let mut deeper: Vec<usize> = locked.to_vec();
                deeper.extend(self.overbooked(c));
                deeper.sort_unstable();
                deeper.dedup();
                if self.make_room(&deeper, depth - 1, log, moved) {
                    return true;
                }
            }
        }
        self.rollback(log, mark);
        moved.retain(|&x| x != c);
        false
    }

    /// Undoes the changes logged after `mark`.
    fn rollback(&mut self, log: &mut Log, mark: usize) {
        while log.len() > mark {
            let (lm, course) = log.pop().expect("longer than mark");
            self.a.take(self.ctx, lm);
            self.a.put(self.ctx, lm, course);
        }
    }

    /// Re-optimises every course in a seeded order until nothing improves;
    /// whether anything did. A member none of whose sessions changed seats
    /// since its last turn is skipped (its best course is the same).
    fn local_search(&mut self, rng: &mut ChaCha8Rng) -> bool {
        let mut order: Vec<usize> = (0..self.ctx.part.members.len()).collect();
        let mut any = false;
        for _ in 0..PASSES {
            order.shuffle(rng);
            let mut improved = false;
            for &lm in &order {
                if self.late() {
                    return any;
                }
                let seen = self.checked[lm];
                if seen.is_some_and(|t| {
                    self.ctx.part.usable[lm]
                        .iter()
                        .all(|&o| self.a.changed[o] <= t)
                }) {
                    continue;
                }
                let old = self.a.take(self.ctx, lm);
                let before = course::cost(self.ctx, lm, &old, &self.a.load, self.rule());
                let choice = course::best(self.ctx, lm, &self.a.load, self.rule());
                if choice.cost < before {
                    self.a.put(self.ctx, lm, choice.offers);
                    improved = true;
                } else {
                    self.a.put(self.ctx, lm, old);
                }
                self.checked[lm] = Some(self.a.stamp);
            }
            any |= improved;
            if !improved {
                break;
            }
        }
        any
    }
}
