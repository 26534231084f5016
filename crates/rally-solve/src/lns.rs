//! Large-neighbourhood search on the programme and the courses together,
//! after [`crate::improve`] and until the budget runs out: each try frees a
//! neighbourhood, rebuilds it, and is kept when the total penalty of SPEC §7
//! ([`score::total`]) does not rise (ties let the search drift on plateaus;
//! the total never goes up).
//!
//! Neighbourhoods, drawn by a seeded generator:
//! - **seats**: the members of one session (its attendees, those of another
//!   session they attend, and the uncertified who could use it) give up
//!   their courses and take new ones in a new order;
//! - **session**: one session goes to another placement, at another venue
//!   of the same half-day (travel) or anywhere, chosen by the programme
//!   terms, its attendees' travel and who it would let in;
//! - **day**: the sessions of a territory's day are re-placed one by one;
//! - **workshop**: the sessions of a workshop are re-placed;
//! - **sweep**: the next members in order take their best course at the
//!   others' seats when it costs less (travel and days included).
//!
//! After a programme move only the members of the territories it touches
//! see a new board (their reach and usable sessions are recomputed); the
//! attendees of moved sessions are routed again first, then the members who
//! may use a moved session re-optimise their courses (travel included).
//!
//! Each try costs one unit of effort and decides from the seed alone, so the
//! same seed and effort give the same plan on any number of threads.

use crate::improve::Improved;
use crate::score;
use rally_assign::board::{self, Board, Part};
use rally_assign::course::{self, Ctx, Leeway};
use rally_check::certify;
use rally_check::{Offer, OfferIndex};
use rally_model::{Model, Placement, Term};
use rally_plan::programme::Programme;
use rally_search::{Budget, Options};
use rand::seq::{IndexedRandom, SliceRandom};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use rayon::prelude::*;
use std::cmp::Reverse;

/// Members freed by a `seats` try, at most.
const RUIN: usize = 24;
/// Members near a moved session that re-optimise their course, at most.
const NEAR: usize = 60;
/// Random spread added to the score of a placement (to explore).
const NOISE: i64 = 40;
/// What a placement costs per head for an attendee who could not follow it.
const LOST: i64 = 400;
/// What a placement saves per head for an uncertified member who may attend it.
const DRAW: i64 = 60;
/// Members a `sweep` try re-routes.
const SWEEP: usize = 64;
/// Tries without a lower total after which the search ends.
const STALL: u64 = 5000;

/// Improves `start` (the courses on `prog`) until the budget or [`STALL`]
/// ends it; `prog` ends as the best programme, and the sessions moved are
/// added to `start.moved`. Each better plan's penalty and certified
/// headcount go to `options`' callbacks.
pub fn run<'m>(
    prog: &mut Programme<'_, 'm>,
    start: Improved<'m>,
    seed: u64,
    budget: &Budget,
    options: &Options,
) -> Improved<'m> {
    let first = prog.at.clone();
    let Improved {
        board,
        found,
        mut moved,
        total,
    } = start;
    let load = loads(&board, &found.courses);
    let mut s = Search {
        prog,
        part: whole(&board),
        board,
        courses: found.courses,
        load,
        total,
        rng: ChaCha8Rng::seed_from_u64(seed ^ 0x6c6e_735f_7261_6c79),
        cursor: 0,
    };
    let mut stall = 0;
    while stall < STALL && !budget.exhausted() {
        budget.spend(1);
        let before = s.total;
        match s.rng.random_range(0..11) {
            0..=4 => s.seats(),
            5..=7 => s.session(),
            8 => s.day(),
            9 => s.workshop(),
            _ => s.sweep(),
        }
        if s.total < before {
            stall = 0;
            if let Some(c) = options.certified {
                c(score::certified(s.board.model, &s.board, &s.courses));
            }
            if let Some(p) = options.progress {
                p(s.total);
            }
        } else {
            stall += 1;
        }
        debug_assert_eq!(
            s.total,
            score::checked(s.prog, &s.board, &s.courses),
            "solve's score is the checker's"
        );
    }
    let changed = (0..first.len()).filter(|&x| s.prog.at[x] != first[x]);
    for x in changed {
        if !moved.contains(&x) {
            moved.push(x);
        }
    }
    let programme_moved = s.prog.at != first;
    let found = found_of(&s.board, s.courses, programme_moved, found.upper_bound);
    Improved {
        board: s.board,
        found,
        moved,
        total: s.total,
    }
}

/// The courses with their certified headcount's upper bound: the route's
/// when the programme did not move, else the seat bound of every part.
fn found_of(
    board: &Board,
    courses: Vec<Vec<usize>>,
    programme_moved: bool,
    routed_bound: u64,
) -> rally_assign::search::Found {
    let got = score::certified(board.model, board, &courses);
    let bound = if programme_moved {
        board
            .parts()
            .iter()
            .map(|p| rally_assign::bound::part(&Ctx { board, part: p }))
            .sum()
    } else {
        routed_bound
    };
    let upper_bound = bound.max(got);
    rally_assign::search::Found {
        objective: score::course_terms(board, &courses),
        courses,
        upper_bound,
        optimal: got >= upper_bound,
    }
}

/// The search's state: the programme, its board, the courses (board offers
/// per member) and the seats they take.
struct Search<'a, 'p, 'm> {
    prog: &'a mut Programme<'p, 'm>,
    board: Board<'m>,
    /// The whole board as one part (local indices are the board's).
    part: Part,
    courses: Vec<Vec<usize>>,
    load: Vec<u32>,
    total: i64,
    rng: ChaCha8Rng,
    /// The member the next `sweep` starts at.
    cursor: usize,
}

/// Courses and seats being rebuilt, before the try is judged.
struct Draft {
    courses: Vec<Vec<usize>>,
    load: Vec<u32>,
}

impl Search<'_, '_, '_> {
    fn model(&self) -> &Model {
        self.board.model
    }

    /// Whether a member wants a certificate its course does not give.
    fn uncertified(&self, m: usize) -> bool {
        let model = self.model();
        let member = &model.members[m];
        let got = self.courses[m].iter().fold(0, |t, &o| {
            t | model.workshops[self.board.offers[o].workshop].themes
        });
        member.certificate && got & member.themes != member.themes
    }

    /// Members attending a board offer.
    fn attendees(&self, o: usize) -> Vec<usize> {
        (0..self.courses.len())
            .filter(|&m| self.courses[m].contains(&o))
            .collect()
    }

    /// `seats`: the members around one attended session take new courses.
    fn seats(&mut self) {
        let attended: Vec<usize> = (0..self.load.len()).filter(|&o| self.load[o] > 0).collect();
        let full: Vec<usize> = attended
            .iter()
            .copied()
            .filter(|&o| self.load[o] >= self.board.offers[o].capacity)
            .collect();
        let pool = if !full.is_empty() && self.rng.random_bool(0.5) {
            &full
        } else {
            &attended
        };
        let Some(&o) = pool.choose(&mut self.rng) else {
            return;
        };
        let mut freed = self.attendees(o);
        if let Some(&m) = freed.choose(&mut self.rng) {
            if let Some(&other) = self.courses[m].choose(&mut self.rng) {
                freed.extend(self.attendees(other));
            }
        }
        let mut waiting: Vec<usize> = (0..self.courses.len())
            .filter(|&m| self.part.usable[m].contains(&o) && self.uncertified(m))
            .collect();
        waiting.shuffle(&mut self.rng);
        freed.extend(waiting.into_iter().take(RUIN / 2));
        freed.sort_unstable();
        freed.dedup();
        freed.shuffle(&mut self.rng);
        freed.truncate(RUIN);
        self.rebuild_courses(&freed, |ctx, draft, rng| {
            recreate(ctx, draft, &freed, &[], rng)
        });
    }

    /// `sweep`: the next [`SWEEP`] members, in order (from where the last
    /// sweep stopped), each take their best course by its true cost at the
    /// others' seats when it costs less: fewer days and minutes on the road
    /// at the same certificate, or a partial course that validates more.
    fn sweep(&mut self) {
        let n = self.courses.len();
        let members: Vec<usize> = (0..SWEEP.min(n)).map(|i| (self.cursor + i) % n).collect();
        self.cursor = (self.cursor + SWEEP) % n.max(1);
        self.rebuild_courses(&members, |ctx, draft, _| {
            for &m in &members {
                reoptimise(ctx, draft, m);
            }
        });
    }

    /// Lets `rebuild` change the courses of `members` (and no one else's),
    /// then keeps the result when the total does not rise. Only their course
    /// terms and the underfill of the seats they left or took are counted,
    /// on the courses themselves (put back when not kept): no copy of every
    /// course, no full score.
    fn rebuild_courses(
        &mut self,
        members: &[usize],
        rebuild: impl FnOnce(&Ctx, &mut Draft, &mut ChaCha8Rng),
    ) {
        let before: Vec<Vec<usize>> = members.iter().map(|&m| self.courses[m].clone()).collect();
        let mut draft = Draft {
            courses: std::mem::take(&mut self.courses),
            load: std::mem::take(&mut self.load),
        };
        let ctx = Ctx {
            board: &self.board,
            part: &self.part,
        };
        rebuild(&ctx, &mut draft, &mut self.rng);
        let mut change = 0i64;
        // Each seat's load before the try: now, less what the members take,
        // plus what they took.
        let mut was: Vec<(usize, i64)> = Vec::new();
        for (&m, old) in members.iter().zip(&before) {
            let new = &draft.courses[m];
            if new == old {
                continue;
            }
            change +=
                score::member_terms(&self.board, m, new) - score::member_terms(&self.board, m, old);
            let h = i64::from(self.board.model.members[m].headcount);
            was.extend(new.iter().map(|&o| (o, -h)));
            was.extend(old.iter().map(|&o| (o, h)));
        }
        was.sort_unstable();
        for group in was.chunk_by(|a, b| a.0 == b.0) {
            let o = group[0].0;
            let now = draft.load[o];
            let then = i64::from(now) + group.iter().map(|g| g.1).sum::<i64>();
            let then = u32::try_from(then).expect("a load");
            change +=
                score::underfill(&self.board, o, now) - score::underfill(&self.board, o, then);
        }
        if change > 0 {
            for (&m, old) in members.iter().zip(before) {
                take(&ctx, &mut draft, m);
                put(&ctx, &mut draft, m, old);
            }
        } else {
            self.total += change;
        }
        self.courses = draft.courses;
        self.load = draft.load;
    }

    /// `session`: one placed session goes elsewhere.
    fn session(&mut self) {
        let instance = self.prog.instance;
        let placed: Vec<usize> = (0..self.prog.at.len())
            .filter(|&x| self.prog.at[x].is_some() && instance.is_free(x))
            .collect();
        let Some(&x) = placed.choose(&mut self.rng) else {
            return;
        };
        let same_period = self.rng.random_bool(0.5);
        self.replace(&[x], same_period);
    }

    /// `day`: the sessions of one territory's day are re-placed.
    fn day(&mut self) {
        let model = self.board.model;
        let instance = self.prog.instance;
        let placed: Vec<(usize, Placement)> = (0..self.prog.at.len())
            .filter(|&x| instance.is_free(x))
            .filter_map(|x| self.prog.at[x].map(|p| (x, p)))
            .collect();
        let Some(&(_, at)) = placed.choose(&mut self.rng) else {
            return;
        };
        let day = model.grid.day_of(at.period);
        let territory = model.venues[at.venue].territory;
        let sessions: Vec<usize> = placed
            .iter()
            .filter(|(_, p)| {
                model.grid.day_of(p.period) == day && model.venues[p.venue].territory == territory
            })
            .map(|&(x, _)| x)
            .collect();
        self.replace(&sessions, false);
    }

    /// `workshop`: the sessions of one workshop (scheduled or not) are re-placed.
    fn workshop(&mut self) {
        let model = self.board.model;
        let instance = self.prog.instance;
        let w = self.rng.random_range(0..model.workshops.len().max(1));
        let Some(workshop) = model.workshops.get(w) else {
            return;
        };
        let sessions: Vec<usize> = (workshop.first_session
            ..workshop.first_session + workshop.n_sessions)
            .filter(|&x| instance.is_free(x))
            .collect();
        self.replace(&sessions, false);
    }

    /// Takes `sessions` out of the programme and places them again one by
    /// one (in the same period when `same_period`), then routes the members
    /// they concern; kept when the total does not rise.
    fn replace(&mut self, sessions: &[usize], same_period: bool) {
        if sessions.is_empty() {
            return;
        }
        let model = self.board.model;
        let old: Vec<(usize, Option<Placement>)> =
            sessions.iter().map(|&x| (x, self.prog.at[x])).collect();
        let followers: Vec<Vec<usize>> = old.iter().map(|&(x, _)| self.followers(x)).collect();
        let waiting: Vec<usize> = (0..self.courses.len())
            .filter(|&m| self.uncertified(m))
            .collect();
        for &(x, at) in &old {
            if at.is_some() {
                self.prog.remove(x);
            }
        }
        let mut order: Vec<usize> = (0..old.len()).collect();
        order.shuffle(&mut self.rng);
        for i in order {
            let (x, was) = old[i];
            let period = was.filter(|_| same_period).map(|p| p.period);
            let at = self.placement(x, was, period, &followers[i], &waiting);
            if let Some(at) = at {
                self.prog.place(x, at);
            }
        }
        let changed: Vec<usize> = old
            .iter()
            .filter(|&&(x, at)| self.prog.at[x] != at)
            .map(|&(x, _)| x)
            .collect();
        if changed.is_empty() {
            return;
        }
        let board = rebuild(model, &self.board, &self.prog.at, &changed);
        let part = whole(&board);
        let of_session = offer_of_session(&board.offers, model.sessions.len());
        let mut freed = Vec::new();
        let courses: Vec<Vec<usize>> = self
            .courses
            .iter()
            .enumerate()
            .map(|(m, c)| {
                let sessions: Vec<usize> =
                    c.iter().map(|&o| self.board.offers[o].session).collect();
                if sessions.iter().any(|s| changed.contains(s)) {
                    freed.push(m);
                    Vec::new()
                } else {
                    sessions.iter().map(|&s| of_session[s]).collect()
                }
            })
            .collect();
        let new_offers: Vec<usize> = changed
            .iter()
            .map(|&s| of_session[s])
            .filter(|&o| o != usize::MAX)
            .collect();
        let near: Vec<usize> = (0..courses.len())
            .filter(|&m| model.members[m].certificate)
            .filter(|m| freed.binary_search(m).is_err())
            .filter(|&m| part.usable[m].iter().any(|o| new_offers.contains(o)))
            .collect();
        let mut draft = Draft {
            load: loads(&board, &courses),
            courses,
        };
        let ctx = Ctx {
            board: &board,
            part: &part,
        };
        recreate(&ctx, &mut draft, &freed, &near, &mut self.rng);
        let total = score::total(self.prog, &board, &draft.courses);
        if total <= self.total {
            self.board = board;
            self.part = part;
            self.courses = draft.courses;
            self.load = draft.load;
            self.total = total;
        } else {
            for &(x, _) in &old {
                if self.prog.at[x].is_some() {
                    self.prog.remove(x);
                }
            }
            for &(x, at) in &old {
                if let Some(at) = at {
                    self.prog.place(x, at);
                }
            }
        }
    }

    /// Members attending a session (by session index), none when unscheduled.
    fn followers(&self, session: usize) -> Vec<usize> {
        self.board
            .offers
            .iter()
            .position(|o| o.session == session)
            .map_or_else(Vec::new, |o| self.attendees(o))
    }

    /// The best placement of an unplaced session by the programme terms, the
    /// travel of its `followers` (or their loss when they cannot follow) and
    /// the `waiting` members it would admit, with noise; never `was` when
    /// another is allowed, so the try moves something; `None` when nothing fits.
    fn placement(
        &mut self,
        x: usize,
        was: Option<Placement>,
        period: Option<usize>,
        followers: &[usize],
        waiting: &[usize],
    ) -> Option<Placement> {
        let instance = self.prog.instance;
        let model = instance.model;
        let w = model.sessions[x].workshop;
        let candidates: Vec<Placement> = instance.placements[w]
            .iter()
            .copied()
            .filter(|p| period.is_none_or(|q| p.period == q))
            .filter(|&p| self.prog.can_place(x, p))
            .collect();
        let mut best: Option<(i64, Placement)> = None;
        for &p in &candidates {
            let (start, end) = model.times_in(w, p.period);
            let offer = Offer {
                placed: x,
                session: x,
                workshop: w,
                at: p,
                start,
                end,
                capacity: model.capacity_at(w, p.venue),
            };
            let mut score = self.prog.delta_place(x, p) + self.rng.random_range(0..=NOISE);
            if Some(p) == was {
                score += LOST;
            }
            for &m in followers {
                let member = &model.members[m];
                let h = i64::from(member.headcount);
                if certify::barrier(model, m, &offer).is_some() {
                    score += LOST * h;
                } else if let Some(base) = member.base {
                    let minutes = model.travel.minutes(base, model.venues[p.venue].node);
                    score +=
                        2 * model.weights[Term::TravelMinute] * i64::from(minutes.unwrap_or(0));
                }
            }
            for &m in waiting {
                let member = &model.members[m];
                if model.workshops[w].themes & member.themes != 0
                    && certify::barrier(model, m, &offer).is_none()
                {
                    score -= DRAW * i64::from(member.headcount);
                }
            }
            if best.is_none_or(|(b, _)| score < b) {
                best = Some((score, p));
            }
        }
        best.map(|(_, p)| p)
    }
}

/// Gives the `freed` members (course empty or not) new courses, certifiable
/// first and large groups first (ties in a seeded order), those left
/// uncertified a partial course, then lets the `near` members (in a seeded
/// order, at most [`NEAR`]) change course when that costs less.
fn recreate(ctx: &Ctx, draft: &mut Draft, freed: &[usize], near: &[usize], rng: &mut ChaCha8Rng) {
    let model = ctx.board.model;
    for &m in freed {
        take(ctx, draft, m);
    }
    let mut order = freed.to_vec();
    order.shuffle(rng);
    order.sort_by_key(|&m| {
        let member = &model.members[m];
        let certifiable = member.certificate && ctx.board.reach[m].certifiable;
        (!certifiable, Reverse(member.headcount))
    });
    for &m in &order {
        let choice = course::best(ctx, m, &draft.load, Leeway::default());
        put(ctx, draft, m, choice.offers);
    }
    let mut near = near.to_vec();
    near.shuffle(rng);
    near.truncate(NEAR);
    for &m in order.iter().chain(&near) {
        reoptimise(ctx, draft, m);
    }
}

/// The member's best course by its true cost (`theme_missing` counted),
/// when it costs less than its own.
fn reoptimise(ctx: &Ctx, draft: &mut Draft, m: usize) {
    let rule = Leeway {
        partial: true,
        ..Leeway::default()
    };
    let old = take(ctx, draft, m);
    let before = course::cost(ctx, m, &old, &draft.load, rule);
    let choice = course::best(ctx, m, &draft.load, rule);
    if choice.cost < before {
        put(ctx, draft, m, choice.offers);
    } else {
        put(ctx, draft, m, old);
    }
}

fn take(ctx: &Ctx, draft: &mut Draft, m: usize) -> Vec<usize> {
    let h = ctx.board.model.members[m].headcount;
    let course = std::mem::take(&mut draft.courses[m]);
    for &o in &course {
        draft.load[o] -= h;
    }
    course
}

fn put(ctx: &Ctx, draft: &mut Draft, m: usize, course: Vec<usize>) {
    let h = ctx.board.model.members[m].headcount;
    for &o in &course {
        draft.load[o] += h;
    }
    draft.courses[m] = course;
}

/// Headcount attending each board offer.
fn loads(board: &Board, courses: &[Vec<usize>]) -> Vec<u32> {
    let mut load = vec![0; board.offers.len()];
    for (m, c) in courses.iter().enumerate() {
        for &o in c {
            load[o] += board.model.members[m].headcount;
        }
    }
    load
}

/// The whole board as one part: every member, every offer.
fn whole(board: &Board) -> Part {
    Part {
        members: (0..board.model.members.len()).collect(),
        offers: (0..board.offers.len()).collect(),
        usable: board.usable.clone(),
    }
}

/// The offer of each session (`usize::MAX` when unscheduled).
fn offer_of_session(offers: &[Offer], sessions: usize) -> Vec<usize> {
    let mut of = vec![usize::MAX; sessions];
    for (o, offer) in offers.iter().enumerate() {
        of[offer.session] = o;
    }
    of
}

/// The board of the programme `at` after the `changed` sessions moved:
/// the members of the territories they touched (and those of none) get
/// their usable offers again, and their reach when a changed session is
/// usable to them before or after (no other offer can change it); the
/// others keep theirs, renumbered.
fn rebuild<'m>(
    model: &'m Model,
    old: &Board<'m>,
    at: &[Option<Placement>],
    changed: &[usize],
) -> Board<'m> {
    let fresh = Board::offers_of(model, at);
    let of_session = offer_of_session(&fresh, model.sessions.len());
    let mut touched = vec![false; model.territories.len()];
    for offer in changed
        .iter()
        .flat_map(|&x| old.offers.iter().find(|o| o.session == x))
    {
        touched[model.venues[offer.at.venue].territory] = true;
    }
    for &x in changed {
        if let Some(p) = at[x] {
            touched[model.venues[p.venue].territory] = true;
        }
    }
    let index = OfferIndex::new(model, &fresh);
    let (usable, reach): (Vec<Vec<usize>>, Vec<certify::Reach>) = (0..model.members.len())
        .into_par_iter()
        .map(|m| {
            let renumbered = || -> Vec<usize> {
                old.usable[m]
                    .iter()
                    .map(|&o| of_session[old.offers[o].session])
                    .collect()
            };
            if !model.members[m].territory.is_none_or(|t| touched[t]) {
                return (renumbered(), old.reach[m]);
            }
            let usable = board::usable(model, m, &fresh);
            let concerned = |list: &[usize], offers: &[Offer]| {
                list.iter().any(|&o| changed.contains(&offers[o].session))
            };
            let reach = if concerned(&old.usable[m], &old.offers) || concerned(&usable, &fresh) {
                certify::reach(model, m, index.for_member(model, m))
            } else {
                old.reach[m]
            };
            (usable, reach)
        })
        .unzip();
    Board {
        model,
        offers: fresh,
        usable,
        reach,
        previous: None,
    }
}
