//! The best course of one member, the others fixed: a dynamic programme over
//! the days on the set of needed themes and wishes reached so far (and the
//! days used, for a member with `max_days`), each day choosing one of its
//! best *day plans* (sessions in distinct periods, at most `max_per_day`,
//! with the travel time between consecutive venues).
//!
//! Costs are the §7 course terms the member adds: `uncertified` and
//! `theme_missing` (so that who cannot be certified still comes for the
//! themes it can validate), `wish`, `group_day`/`participant_day`,
//! `travel_minute` (the checker's rules for one member), and the `underfill` it
//! saves (a seat taken in a session short of its min is a saving); when
//! re-planning, `rerouted` for every session added to or dropped from the
//! published course (each offer is priced ± its weight, the published
//! course's size being a constant). The
//! programme is exact for the offers it is given: C4's travel rule needs only
//! consecutive pairs, and attending a workshop twice never helps (the second
//! session is dropped).

use crate::board::{Board, Part};
use rally_check::penalty::Penalty;
use rally_model::{Member, Term};

/// Wishes tracked by the programme per member (further wishes are ignored).
const MAX_WISH_BITS: usize = 4;

/// A part of the board, as one search works on it.
pub struct Ctx<'a> {
    /// The whole board.
    pub board: &'a Board<'a>,
    /// The part searched.
    pub part: &'a Part,
}

impl Ctx<'_> {
    /// The member of a local member index.
    pub fn member(&self, lm: usize) -> &Member {
        &self.board.model.members[self.part.members[lm]]
    }

    /// The board's offer of a local offer index.
    pub fn offer(&self, lo: usize) -> &rally_check::Offer {
        &self.board.offers[self.part.offers[lo]]
    }

    /// Seats of a local offer.
    pub fn capacity(&self, lo: usize) -> u32 {
        self.offer(lo).capacity
    }

    /// The workshop min of a local offer.
    pub fn min(&self, lo: usize) -> u32 {
        self.board.model.workshops[self.offer(lo).workshop].min
    }

    /// The opening day of a local offer.
    pub fn day(&self, lo: usize) -> usize {
        self.board.day(self.part.offers[lo])
    }
}

/// How much leeway a course search has: what it may not attend, whether
/// it may overbook, whether a partial course counts.
#[derive(Debug, Clone, Copy, Default)]
pub struct Leeway<'r> {
    /// Offers the member may not attend (sorted).
    pub forbidden: &'r [usize],
    /// When set, full offers may be used at this extra cost each (to find
    /// whom to move); otherwise only offers with seats left.
    pub overbook: Option<i64>,
    /// Whether a partial course counts: `theme_missing` weighed (the last
    /// pass, for those left uncertified); otherwise only certification does,
    /// so that nobody takes a seat for a partial course a certificate needs.
    pub partial: bool,
}

/// A course and its cost.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    /// Local offer indices, in period order.
    pub offers: Vec<usize>,
    /// The course terms it adds (see [`cost`]).
    pub cost: i64,
    /// Whether it validates every theme the member needs.
    pub certified: bool,
}

/// The member's themes and wishes as compact bits.
struct Bits {
    /// Needed themes, by theme index.
    themes: Vec<usize>,
    /// Tracked wishes, by workshop index.
    wishes: Vec<usize>,
    /// All needed-theme bits.
    need: u32,
}

impl Bits {
    fn of(ctx: &Ctx, lm: usize) -> Bits {
        let m = ctx.member(lm);
        let themes: Vec<usize> = if m.certificate {
            (0..64).filter(|t| m.themes >> t & 1 == 1).collect()
        } else {
            Vec::new()
        };
        let wishes: Vec<usize> = m
            .wishes
            .iter()
            .copied()
            .filter(|w| {
                ctx.part.usable[lm]
                    .iter()
                    .any(|&o| ctx.offer(o).workshop == *w)
            })
            .take(MAX_WISH_BITS)
            .collect();
        Bits {
            need: (1u32 << themes.len()) - 1,
            themes,
            wishes,
        }
    }

    fn gain(&self, ctx: &Ctx, lo: usize) -> u32 {
        let w = ctx.offer(lo).workshop;
        let set = ctx.board.model.workshops[w].themes;
        let mut g = 0;
        for (i, &t) in self.themes.iter().enumerate() {
            if set >> t & 1 == 1 {
                g |= 1 << i;
            }
        }
        for (i, &x) in self.wishes.iter().enumerate() {
            if x == w {
                g |= 1 << (self.themes.len() + i);
            }
        }
        g
    }

    fn n_bits(&self) -> usize {
        self.themes.len() + self.wishes.len()
    }
}

/// The underfill a member of headcount `h` saves by joining an offer (≤ 0).
pub fn price(ctx: &Ctx, lo: usize, load: &[u32], h: u32) -> i64 {
    let min = ctx.min(lo);
    let short = min.saturating_sub(load[lo]).min(h);
    -(ctx.board.model.weights[Term::Underfill] * short as i64)
}

/// What re-planning adds for an offer in a course (SPEC §9 `rerouted`):
/// the weight when the published course lacks it, minus it when it holds
/// it; 0 outside re-planning. Summed over a course and added to the weight
/// times the published course's size, it is [`rerouted`].
pub fn reroute_price(ctx: &Ctx, lm: usize, lo: usize) -> i64 {
    if ctx.board.previous.is_none() {
        return 0;
    }
    let w = ctx.board.model.weights[Term::Rerouted];
    if ctx
        .board
        .published(ctx.part.members[lm], ctx.part.offers[lo])
    {
        -w
    } else {
        w
    }
}

/// The `rerouted` term of a course (local offers): sessions added to or
/// dropped from the member's published course, weighted; 0 outside re-planning.
pub fn rerouted(ctx: &Ctx, lm: usize, course: &[usize]) -> i64 {
    let Some(previous) = &ctx.board.previous else {
        return 0;
    };
    let old = &previous.old[ctx.part.members[lm]];
    let kept = course
        .iter()
        .filter(|&&o| old.binary_search(&ctx.part.offers[o]).is_ok())
        .count();
    let changes = course.len() + old.len() - 2 * kept;
    ctx.board.model.weights[Term::Rerouted] * changes as i64
}

/// Minutes of one day's travel (offers in period order), by the checker's rule.
fn day_travel(ctx: &Ctx, m: &Member, day: &[usize]) -> i64 {
    let stops: Vec<(usize, usize)> = day
        .iter()
        .map(|&o| (ctx.offer(o).start as usize, ctx.offer(o).at.venue))
        .collect();
    rally_check::penalty::day_travel(ctx.board.model, m.base, &stops)
}

/// The weight of a day out for this member.
fn day_weight(ctx: &Ctx, m: &Member) -> i64 {
    let w = &ctx.board.model.weights;
    w[if m.is_group {
        Term::GroupDay
    } else {
        Term::ParticipantDay
    }]
}

/// The course terms a course (local offers in period order) adds with the
/// others' seats `load`: [`terms`] and [`rerouted`] minus the underfill it saves; overbooked
/// offers cost `rule.overbook` each.
pub fn cost(ctx: &Ctx, lm: usize, course: &[usize], load: &[u32], rule: Leeway) -> i64 {
    let h = ctx.member(lm).headcount;
    let mut total = terms(ctx, lm, course, rule.partial) + rerouted(ctx, lm, course);
    for &o in course {
        total += price(ctx, o, load, h);
        if load[o] + h > ctx.capacity(o) {
            total += rule.overbook.unwrap_or(0);
        }
    }
    total
}

/// A member's own course terms (days out, travel, missed wishes,
/// uncertified and, when `partial`, its missing themes), by the checker's
/// rule for one member.
pub fn terms(ctx: &Ctx, lm: usize, course: &[usize], partial: bool) -> i64 {
    let model = ctx.board.model;
    let themes = model.validated(course.iter().map(|&o| ctx.offer(o).workshop));
    let mut days: Vec<Vec<(usize, usize)>> = Vec::new();
    let mut last = None;
    for &o in course {
        let offer = ctx.offer(o);
        if last != Some(ctx.day(o)) {
            last = Some(ctx.day(o));
            days.push(Vec::new());
        }
        if let Some(day) = days.last_mut() {
            day.push((offer.start as usize, offer.at.venue));
        }
    }
    let attends = |wk: usize| course.iter().any(|&o| ctx.offer(o).workshop == wk);
    let mut p = Penalty::default();
    let member = ctx.part.members[lm];
    rally_check::penalty::member_terms(model, member, themes, attends, days, &mut p);
    let missing = if partial { 0 } else { p[Term::ThemeMissing] };
    p.with_total().total - missing
}

/// A state of the programme improved on a day: (to, from, day plan).
type Improvement = (usize, usize, usize);

/// One day's best way to reach a set of bits.
struct DayPlan {
    gain: u32,
    cost: i64,
    offers: Vec<usize>,
}

/// The best course of a member given the others' seats `load` (the member
/// itself not counted in it).
pub fn best(ctx: &Ctx, lm: usize, load: &[u32], rule: Leeway) -> Choice {
    let m = ctx.member(lm);
    let bits = Bits::of(ctx, lm);
    let h = m.headcount;
    let candidates: Vec<(usize, u32)> = ctx.part.usable[lm]
        .iter()
        .copied()
        .filter(|o| rule.forbidden.binary_search(o).is_err())
        .filter(|&o| rule.overbook.is_some() || load[o] + h <= ctx.capacity(o))
        .map(|o| (o, bits.gain(ctx, o)))
        .filter(|&(_, g)| g != 0)
        .collect();
    let n_states = 1usize << bits.n_bits();
    let layers = m.max_days.map_or(1, |d| d as usize + 1);
    let counted = m.max_days.is_some();
    let mut dp = vec![i64::MAX; layers * n_states];
    dp[0] = 0;
    let mut reached: Vec<usize> = vec![0];
    // For every day with plans: its plans and the improvements it made (to, from, plan).
    let mut days: Vec<(Vec<DayPlan>, Vec<Improvement>)> = Vec::new();
    let mut start = 0;
    while start < candidates.len() {
        let day = ctx.day(candidates[start].0);
        let mut end = start;
        while end < candidates.len() && ctx.day(candidates[end].0) == day {
            end += 1;
        }
        let plans = day_plans(ctx, lm, &candidates[start..end], load, rule);
        start = end;
        if plans.is_empty() {
            continue;
        }
        let mut moves = Vec::new();
        let before: Vec<(usize, i64)> = reached.iter().map(|&i| (i, dp[i])).collect();
        for (idx, value) in before {
            let (layer, state) = (idx / n_states, idx % n_states);
            if counted && layer + 1 >= layers {
                continue;
            }
            let next_layer = if counted { layer + 1 } else { 0 };
            for (k, plan) in plans.iter().enumerate() {
                let next = state | plan.gain as usize;
                if next == state {
                    continue;
                }
                let to = next_layer * n_states + next;
                if value + plan.cost < dp[to] {
                    if dp[to] == i64::MAX {
                        reached.push(to);
                    }
                    dp[to] = value + plan.cost;
                    moves.push((to, idx, k));
                }
            }
        }
        days.push((plans, moves));
    }
    let w = &ctx.board.model.weights;
    let wish_mask = (n_states - 1) & !(bits.need as usize);
    let finish = |idx: usize| {
        let state = idx % n_states;
        let mut extra = 0;
        let missing = i64::from((bits.need & !(state as u32)).count_ones());
        if m.certificate && missing > 0 {
            let partial = if rule.partial { missing } else { 0 };
            let per_head = w[Term::Uncertified] + w[Term::ThemeMissing] * partial;
            extra += per_head * i64::from(h);
        }
        extra +=
            w[Term::Wish] * (bits.wishes.len() - (state & wish_mask).count_ones() as usize) as i64;
        dp[idx] + extra
    };
    reached.sort_unstable();
    let mut goal = reached[0];
    for &idx in &reached {
        if finish(idx) < finish(goal) {
            goal = idx;
        }
    }
    let mut offers = Vec::new();
    let mut idx = goal;
    for (plans, moves) in days.iter().rev() {
        if let Some(&(_, from, k)) = moves.iter().rev().find(|(to, _, _)| *to == idx) {
            offers.extend(plans[k].offers.iter().rev());
            idx = from;
        }
    }
    offers.reverse();
    let mut seen = Vec::new();
    offers.retain(|&o| {
        let wk = ctx.offer(o).workshop;
        let fresh = !seen.contains(&wk);
        seen.push(wk);
        fresh
    });
    let themes = ctx
        .board
        .model
        .validated(offers.iter().map(|&o| ctx.offer(o).workshop));
    Choice {
        cost: cost(ctx, lm, &offers, load, rule),
        certified: m.certified_by(themes),
        offers,
    }
}

/// The day plans of one day: for every set of bits, the cheapest sequence of
/// sessions reaching it, keeping only plans no cheaper plan covers.
fn day_plans(
    ctx: &Ctx,
    lm: usize,
    day: &[(usize, u32)],
    load: &[u32],
    rule: Leeway,
) -> Vec<DayPlan> {
    let model = ctx.board.model;
    let m = ctx.member(lm);
    let mut best: Vec<DayPlan> = Vec::new();
    let mut stack: Vec<(Vec<usize>, u32)> = (0..day.len()).map(|i| (vec![i], day[i].1)).collect();
    while let Some((seq, gain)) = stack.pop() {
        let offers: Vec<usize> = seq.iter().map(|&i| day[i].0).collect();
        let mut c =
            day_weight(ctx, m) + model.weights[Term::TravelMinute] * day_travel(ctx, m, &offers);
        for &o in &offers {
            c += price(ctx, o, load, m.headcount) + reroute_price(ctx, lm, o);
            if load[o] + m.headcount > ctx.capacity(o) {
                c += rule.overbook.unwrap_or(0);
            }
        }
        match best.iter_mut().find(|p| p.gain == gain) {
            Some(p) if p.cost <= c => {}
            Some(p) => {
                p.cost = c;
                p.offers = offers;
            }
            None => best.push(DayPlan {
                gain,
                cost: c,
                offers,
            }),
        }
        if seq.len() as u32 >= m.max_per_day {
            continue;
        }
        let last = ctx.offer(day[*seq.last().expect("non-empty")].0);
        for (j, &(o, g)) in day.iter().enumerate().skip(seq[seq.len() - 1] + 1) {
            let next = ctx.offer(o);
            if g & !gain == 0
                || next.at.period == last.at.period
                || seq
                    .iter()
                    .any(|&i| ctx.offer(day[i].0).workshop == next.workshop)
            {
                continue;
            }
            if model.reaches_in_time(last.at.venue, last.end, next.at.venue, next.start) {
                let mut longer = seq.clone();
                longer.push(j);
                stack.push((longer, gain | g));
            }
        }
    }
    let keep: Vec<bool> = best
        .iter()
        .map(|p| {
            !best
                .iter()
                .any(|q| q.gain != p.gain && q.gain & p.gain == p.gain && q.cost <= p.cost)
        })
        .collect();
    let mut out: Vec<DayPlan> = best
        .into_iter()
        .zip(keep)
        .filter_map(|(p, k)| k.then_some(p))
        .collect();
    out.sort_by_key(|p| (p.gain, p.cost));
    out
}
